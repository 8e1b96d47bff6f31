"""Dates (kg.io.dates): dateutil reads absolute days; kg's rules give a missing year and relative days."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.syntax import normalize_date as extractor
from kg.io.dates import first_date, normalize_date, reference_day

MAY_2 = dt.date(2025, 5, 2)


@pytest.mark.parametrize("text, reference, expected", [
    ("on Tuesday, July 10", MAY_2, "2024-07-10"),        # month after the reference's: the year before
    ("effective March 3", MAY_2, "2025-03-03"),
    ("July 10 and 11, 2025", MAY_2, "2025-07-10"),      # the text's year, not the reference's
    ("Feb 29 and March 1, 2025", None, "2025-03-01"),    # no February 29 in 2025: the next phrase
    ("the 18th of last month", dt.date(2025, 1, 2), "2024-12-18"),
    ("the 18th of last month", None, None),
    ("February 30", MAY_2, None),                        # no such day (the old hand-written parser wrote it)
    ("July 10-12", None, "--07-10"),                     # a range: its first day
    ("from 2025-03-03 on", None, "2025-03-03"),
    ("last week", MAY_2, None),
])
def test_first_date(text, reference, expected):
    assert first_date(text, reference) == expected


@pytest.mark.parametrize("dateline, expected", [
    ("May 2, 2025", MAY_2), ("2 May 2025", MAY_2), ("Jan. 29, 2025", dt.date(2025, 1, 29)),
    ("May 2", None), ("", None), ("2025-13-45", None),
])
def test_reference_day(dateline, expected):
    assert reference_day(dateline) == expected


def test_the_extractor_reads_dates_through_dateutil():
    """The extractor's reading is kg.io.dates' with the dateline as reference."""
    assert extractor("Dec. 29", "Jan 5, 2025") == "2024-12-29"
    assert extractor("the 3rd of next month", "Dec. 20, 2024") == "2025-01-03"
    assert extractor("Smarch 3", "May 2, 2025") is None
    assert normalize_date("Sept. 9") == "--09-09"
