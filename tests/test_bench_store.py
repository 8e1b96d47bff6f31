"""How benchmarks/bench_store.py repeats a timed query (issue 18: medians, not one noisy run)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_store import alternate, spread  # noqa: E402


def side(seconds: list[float], log: list, name: str, stop_at: int | None = None):
    """A fake timed side: its n-th run takes seconds[n] and returns n; run ``stop_at`` is stopped."""
    def run():
        n = sum(1 for who in log if who == name)
        log.append(name)
        return seconds[n], (None if n == stop_at else n), n == stop_at
    return run


def test_the_sides_take_turns_until_each_took_its_budget():
    log: list = []
    (a_times, a_first, a_stop), (b_times, b_first, b_stop) = alternate(
        [side([1, 1, 1, 1, 1], log, "a"), side([3, 3, 3, 3, 3], log, "b")], repeat=5, budget=2.5)
    assert log == ["a", "b", "a", "a"]  # b's first run passed the budget; a stops after three
    assert (a_times, a_first, a_stop) == ([1, 1, 1], 0, False)
    assert (b_times, b_first, b_stop) == ([3], 0, False)


def test_a_run_stopped_at_its_limit_ends_that_side_only():
    log: list = []
    (a_times, _, a_stop), (b_times, b_first, b_stop) = alternate(
        [side([1] * 4, log, "a"), side([5, 9], log, "b", stop_at=1)], repeat=4, budget=60)
    assert b_stop and b_times == [5, 9] and b_first == 0
    assert not a_stop and a_times == [1, 1, 1, 1]
    assert log == ["a", "b", "a", "b", "a", "a"]


def test_spread_gives_the_median_and_the_extremes():
    assert spread([0.3, 0.1, 0.2, 5.0]) == {"median": 0.25, "min": 0.1, "max": 5.0, "runs": 4}
