"""How benchmarks/bench_store.py repeats a timed query (issue 18: medians over turns of the fastest of k
back-to-back runs, timeit's rule, the same on both sides; not one noisy run)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_store import alternate, best_of, per_turn, spread  # noqa: E402


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


def test_best_of_keeps_the_fastest_of_k_back_to_back_runs_and_the_first_value():
    log: list = []
    assert best_of(side([0.03, 0.01, 0.02], log, "a"), 3) == (0.01, 0, False, 0.06)
    assert log == ["a", "a", "a"]


def test_best_of_ends_the_turn_at_a_stopped_run():
    log: list = []
    assert best_of(side([0.5, 9.0, 0.1], log, "a", stop_at=1), 3) == (9.0, None, True, 9.5)
    assert log == ["a", "a"]


def test_a_turn_of_several_runs_counts_all_of_them_against_the_budget():
    log: list = []

    def turns(name):  # each turn: 4 runs of 1 s, the fastest 1 s
        def run():
            log.append(name)
            return 1.0, len(log), False, 4.0
        return run

    (a_times, a_first, _), (b_times, _, _) = alternate([turns("a"), side([1, 1, 1, 1], log, "b")],
                                                       repeat=4, budget=6)
    assert a_times == [1.0, 1.0] and a_first == 1  # 8 s spent after two turns: over the budget
    assert b_times == [1, 1, 1, 1]


def test_k_is_the_least_count_that_makes_a_turn_last_min_turn():
    assert per_turn(0.010, 0.05, 50) == 5  # cq09 on the store: five runs of 10 ms
    assert per_turn(0.012, 0.05, 50) == 5
    assert per_turn(0.05, 0.05, 50) == 1
    assert per_turn(5.0, 0.05, 50) == 1
    assert per_turn(0.0001, 0.05, 50) == 50  # capped
    assert per_turn(0.0, 0.05, 7) == 7
