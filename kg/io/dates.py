"""Days written in text, as kg reads them: absolute dates are parsed by
python-dateutil; kg keeps only its own rules for what dateutil does not do.

kg's rules: a date without a year takes the reference's year (the year before
when its month is later than the reference's month), and "the 18th of last
month" counts from the reference. The reference is the article's date: its
dateline ("SEOUL, May 2, 2025 —"), else its published date from the metadata
(:mod:`kg.io.metadata`).

Both the extractor (:func:`kg.extract.syntax.normalize_date`) and the query
side (:func:`kg.query.provenance.quote_dates`) read dates here, so a day in the
graph and a day in an evidence quote are read alike.
"""

from __future__ import annotations

import datetime as dt
import re

#: English month names, January first.
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

_MONTH = "|".join(sorted({m.lower() for name in MONTH_NAMES for m in (name, name[:3])} | {"sept"},
                          key=len, reverse=True))
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
#: Date phrases: "March 3, 2025", "Mar. 3", "3 March 2025", "the 3rd of March", "2025-03-03"
#: and "the 18th of last month".
DATE_PHRASE = re.compile(
    rf"\b(?:{_MONTH})\.?\s+{_DAY}\b(?:,?\s+\d{{4}}\b)?"
    rf"|\b{_DAY}\s+(?:of\s+)?(?:{_MONTH})\b\.?(?:,?\s+\d{{4}}\b)?"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    rf"|\b{_DAY}\s+(?:of\s+)?(?:last|this|next)\s+month\b",
    re.IGNORECASE)
_RELATIVE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(last|this|next)\s+month", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def normalize_date(phrase: str, reference: dt.date | None = None) -> str | None:
    """A date phrase found by :data:`DATE_PHRASE` as ``YYYY-MM-DD``, or ``--MM-DD``
    when its year is unknown; None when it names no calendar day.

    Absolute dates are read with python-dateutil; kg's own rules are kept for
    what dateutil does not do: a missing year is the reference's (the year
    before when the month is later than the reference's), and "the 18th of
    last month" counts from the reference (the article's publication date).

    >>> normalize_date("Mar. 3"), normalize_date("10 July", dt.date(2025, 5, 2))
    ('--03-03', '2024-07-10')
    >>> normalize_date("the 18th of last month"[4:], dt.date(2025, 1, 2)), normalize_date("March 33")
    ('2024-12-18', None)
    """
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrase):
        return phrase
    rel = _RELATIVE.fullmatch(phrase)
    if rel:
        if reference is None:
            return None
        year, month = reference.year, reference.month + {"last": -1, "this": 0, "next": 1}[rel.group(2).lower()]
        if month < 1:
            year, month = year - 1, 12
        if month > 12:
            year, month = year + 1, 1
        return f"{year:04d}-{month:02d}-{int(rel.group(1)):02d}"
    from dateutil import parser

    try:
        day = parser.parse(phrase, default=dt.datetime(2000, 1, 1))  # a leap year: "February 29" is a day
    except (ValueError, OverflowError):
        return None
    written = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", phrase)
    stated = re.search(r"\b\d{4}\b", phrase)
    if written is None or int(written.group(1)) != day.day or (stated and int(stated.group(0)) != day.year):
        return None  # dateutil read the numbers otherwise ("March 33" as March 2033)
    if stated:
        return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    if reference is not None:
        ref_year = reference.year if day.month <= reference.month else reference.year - 1
        return f"{ref_year:04d}-{day.month:02d}-{day.day:02d}"
    return f"--{day.month:02d}-{day.day:02d}"


def reference_day(text: str) -> dt.date | None:
    """The day of a dateline as written ("May 2, 2025", "2 May 2025", "Jan. 29, 2025"),
    or None when it names no day with its year ("May 2", "").

    >>> reference_day("Jan. 29, 2025"), reference_day("May 2")
    (datetime.date(2025, 1, 29), None)
    """
    for m in DATE_PHRASE.finditer(text):
        iso = normalize_date(m.group(0))
        if iso and not iso.startswith("--"):
            try:
                return dt.date.fromisoformat(iso)
            except ValueError:  # an ISO text that is no day ("2025-13-45")
                return None
    return None


def first_date(text: str, reference: dt.date | None = None) -> str | None:
    """The first day written in ``text`` (a ``YYYY-MM-DD`` text as it is, else the
    first :data:`DATE_PHRASE` that :func:`normalize_date` reads), or None.

    kg's rule for a phrase without a year in a text that states one ("July 10
    and 11, 2025"): the text's last year (19xx or 20xx) is the phrase's year.

    >>> first_date("on Tuesday, July 10", dt.date(2025, 5, 2)), first_date("last week")
    ('2024-07-10', None)
    >>> first_date("July 10 and 11, 2025", dt.date(2025, 5, 2))
    '2025-07-10'
    """
    iso = _ISO.search(text)
    if iso:
        return iso.group(0)
    years = _YEAR.findall(text)
    for m in DATE_PHRASE.finditer(text):
        day = normalize_date(m.group(0))
        if day and day.startswith("--") and years:
            try:
                return dt.date.fromisoformat(f"{years[-1]}{day[1:]}").isoformat()
            except ValueError:  # February 29 of a year that has none
                continue
        day = normalize_date(m.group(0), reference)
        if day:
            return day
    return None
