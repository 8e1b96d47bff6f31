"""How benchmarks/bench_store.py repeats a timed query (issue 18: medians, not one noisy run)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_store import repeat_runs, spread  # noqa: E402


def test_repeats_stop_once_the_runs_took_the_budget():
    calls = []

    def run():
        calls.append(1)
        time.sleep(0.01)
        return len(calls)

    times, value, stopped = repeat_runs(run, repeat=10, budget=0.025)
    assert len(times) == len(calls) == 3 and value == 3 and not stopped
    times, _, _ = repeat_runs(run, repeat=2, budget=60)
    assert len(times) == 2


def test_a_run_stopped_at_the_limit_ends_the_repeats():
    times, value, stopped = repeat_runs(lambda: time.sleep(1), repeat=5, budget=60, limit=0.05)
    assert stopped and value is None and times == [0.05]


def test_spread_gives_the_median_and_the_extremes():
    assert spread([0.3, 0.1, 0.2, 5.0]) == {"median": 0.25, "min": 0.1, "max": 5.0, "runs": 4}
