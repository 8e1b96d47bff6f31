"""Well-kept libraries where kg wrote its own: platformdirs for the cache folder, python-dateutil for the
dates in evidence quotes (kg keeps its rules for a missing year and relative dates)."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from kg.io.cache import default_cache_dir
from kg.query.provenance import DATE_PHRASE, normalize_date, quote_dates

PHRASES = ["March 3, 2025", "Mar. 3", "3 March 2025", "3rd of March", "2025-03-03", "18th of last month",
           "July 10", "Sept. 9", "Jan 29, 2025", "1st of next month", "31 December", "December 31st, 2024",
           "Feb 29", "2 of this month", "Dec. 5", "5 Dec"]


@pytest.mark.parametrize("issued", ["", "2025-05-02", "2025-01-15", "2024-12-20"])
def test_quote_dates_read_as_the_extractor_reads_them(issued):
    """The query side (dateutil) and the extractor (kg.extract.syntax) give every phrase the same day."""
    from kg.extract.syntax import normalize_date as extractor
    from kg.io.metadata import dateline_form

    reference = dt.date.fromisoformat(issued) if issued else None
    for phrase in PHRASES:
        assert DATE_PHRASE.fullmatch(phrase), phrase
        assert normalize_date(phrase, reference) == extractor(phrase, dateline_form(issued) if issued else ""), phrase


def test_numbers_dateutil_reads_otherwise_are_no_day():
    assert normalize_date("March 33") is None  # dateutil alone reads it as March 2033
    assert normalize_date("Smarch 3") is None
    assert quote_dates("due on March 33 or on the 4th of last month", "2025-03-10") == {"2025-02-04"}
    assert quote_dates("effective 10 July", "not a date") == {"--07-10"}


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG base directory rule is Linux's")
def test_cache_folder_env_then_xdg_then_home(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("KG_CACHE_DIR")
    assert default_cache_dir() == tmp_path / "xdg" / "kg"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "kg"
