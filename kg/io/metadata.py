"""Read the optional article metadata file of a corpus.

A corpus folder may hold, beside its articles, one metadata file:

- ``metadata.csv``: UTF-8 CSV (RFC 4180) whose header names some of the
  columns ``file,headline,publisher,published,url`` (``file`` is required);
- ``metadata.jsonl``: UTF-8 JSON Lines, one object per line with some of the
  keys ``file``, ``headline``, ``publisher``, ``published``, ``url``
  (``file`` is required; values are strings or null).

``file`` is an article's file name (``0001.txt``, ``0001.html``), or its path
relative to the corpus folder for an article in a subfolder (``2025/0001.txt``,
with ``kg build --recursive``); ``published`` is a calendar
date ``YYYY-MM-DD`` (ISO 8601, xsd:date); ``url`` is an absolute ``http`` or
``https`` URL. Empty values and nulls mean "unknown". Blank lines are skipped.

kg writes the values on the article's individual (``dcterms:title``,
``dcterms:publisher``, ``dcterms:issued``, ``schema:url``; see
``ontology/kg.ttl``), and the published date stands in for a missing dateline
when the extractor resolves dates without a year or relative to the article
("the 18th of last month").

A web page's own metadata (:mod:`kg.io.webpage`) fills the fields its row
leaves empty, or stands alone when it has no row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import Errors, InputError
from .corpus import Article
from .dates import MONTH_NAMES

#: Column names (CSV) or keys (JSON Lines) of a metadata file, in their documented order.
COLUMNS = ("file", "headline", "publisher", "published", "url")
#: Metadata file names looked for in a corpus folder.
FILE_NAMES = ("metadata.csv", "metadata.jsonl")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ArticleMetadata:
    """One article's row of a metadata file.

    Attributes:
        file: the article's file name, as in the corpus folder.
        source: the metadata file the row was read from.
        line: 1-based line of the row in that file.
        headline: the headline, or "" when unknown.
        publisher: the publisher's name, or "".
        published: the publication date as ``YYYY-MM-DD``, or "".
        url: the absolute http(s) URL of the article, or "".
    """

    file: str
    source: Path
    line: int
    headline: str = ""
    publisher: str = ""
    published: str = ""
    url: str = ""


def find_metadata_file(corpus: Path) -> Path | None:
    """The metadata file of a corpus folder, or None when it has none.

    Raises:
        InputError: E060 when the folder holds both ``metadata.csv`` and ``metadata.jsonl``.
    """
    found = [corpus / name for name in FILE_NAMES if (corpus / name).is_file()]
    if len(found) > 1:
        raise InputError(Errors.E060, path=corpus)
    return found[0] if found else None


def read_metadata(corpus: Path, files: list[Path]) -> dict[str, ArticleMetadata]:
    """Read a corpus's metadata file, if it has one.

    Args:
        corpus: the corpus folder.
        files: the article files of the corpus (:func:`kg.io.corpus.list_corpus`);
            every row must name one of them by its path relative to ``corpus``.

    Returns:
        File name -> :class:`ArticleMetadata`; empty when there is no metadata file.

    Raises:
        InputError: naming the metadata file and line: E060 both metadata
            files; E140 an unreadable file, E141 one that is not UTF-8; E061 an
            unknown column (key), E142 no header, E143 a column named twice,
            E144 no ``file`` column; a line that is not a well-formed row: E062
            a wrong number of fields, E145 bad CSV, E146 bad JSON, E147 not an
            object, E148 a value that is not a string; E063 a ``published``
            value that is not a ``YYYY-MM-DD`` date; E149 a row without
            ``file``, E064 naming a file that is not an article of the corpus,
            E150 describing a file twice; E065 a ``url`` that is not an
            absolute http(s) URL.
    """
    path = find_metadata_file(corpus)
    if path is None:
        return {}
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(Errors.E140, path=path, reason=exc.strerror) from exc
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E141, path=path, offset=exc.start) from exc
    rows = _csv_rows(path, text) if path.suffix == ".csv" else _jsonl_rows(path, text)
    names = {f.relative_to(corpus).as_posix() for f in files}
    out: dict[str, ArticleMetadata] = {}
    for line, values in rows:
        meta = _check_row(path, line, values, names)
        if meta.file in out:
            raise InputError(Errors.E150, where=f"{path}, line {line}", name=meta.file, other=out[meta.file].line)
        out[meta.file] = meta
    return out


def apply_metadata(articles: list[Article], metadata: dict[str, ArticleMetadata]) -> None:
    """Attach metadata rows to the articles they name (by :attr:`kg.io.corpus.Article.name`), in place.

    A row's non-empty values win over the page's own metadata that
    :func:`kg.io.corpus.read_article` put on a web page; the page fills the rest.
    An article without a dateline gets the published date as its dateline, in
    the form the dateline parser produces ("May 2, 2025"), so that the
    extractor dates "July 10" and "the 18th of last month" against it. A
    dateline in the text wins over the metadata.
    """
    for art in articles:
        meta = metadata.get(art.name)
        page = art.metadata
        if meta is not None and page is not None:
            meta = replace(meta, **{k: getattr(meta, k) or getattr(page, k)
                                    for k in ("headline", "publisher", "published", "url")})
        meta = meta or page
        if meta is None:
            continue
        art.metadata = meta
        if meta.published and not art.dateline:
            art.dateline = dateline_form(meta.published)


def dateline_form(iso: str) -> str:
    """A ``YYYY-MM-DD`` date written as a dateline writes it.

    >>> dateline_form("2025-05-02")
    'May 2, 2025'
    """
    day = dt.date.fromisoformat(iso)
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"


def _csv_rows(path: Path, text: str):
    """Yield (line, {column: value}) for each non-blank data row of a CSV file."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [c.strip() for c in row]
                _check_columns(path, line, header, "column")
                continue
            if len(row) != len(header):
                raise InputError(Errors.E062, path=path, line=line, count=len(row), expected=len(header),
                                 header=", ".join(header))
            yield line, dict(zip(header, row))
    except csv.Error as exc:
        raise InputError(Errors.E145, path=path, line=reader.line_num, error=exc) from exc
    if header is None:
        raise InputError(Errors.E142, path=path, columns=",".join(COLUMNS))


def _jsonl_rows(path: Path, text: str):
    """Yield (line, {key: value}) for each non-blank line of a JSON Lines file."""
    for line, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(Errors.E146, path=path, line=line, error=exc.msg, column=exc.colno) from exc
        if not isinstance(obj, dict):
            raise InputError(Errors.E147, path=path, line=line, kind=type(obj).__name__)
        _check_columns(path, line, list(obj), "key")
        for key, value in obj.items():
            if value is not None and not isinstance(value, str):
                raise InputError(Errors.E148, path=path, line=line, key=key, value=json.dumps(value))
        yield line, {k: v or "" for k, v in obj.items()}


def valid_date(value: str) -> bool:
    """True for a calendar date written ``YYYY-MM-DD``.

    >>> valid_date("2025-02-30"), valid_date("2025-02-28")
    (False, True)
    """
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def valid_url(value: str) -> bool:
    """True for an absolute http or https URL without spaces or characters RFC 3986 excludes.

    >>> valid_url("https://lantern.example/a?b=1"), valid_url("lantern.example/a")
    (True, False)
    """
    parts = urlsplit(value)
    return (parts.scheme in {"http", "https"} and bool(parts.netloc)
            and not re.search(r"[\s<>\"{}|\\^`]", value))


def _check_columns(path: Path, line: int, names: list[str], what: str) -> None:
    unknown = [n for n in names if n not in COLUMNS]
    if unknown:
        raise InputError(Errors.E061, path=path, line=line, what=what, name=unknown[0], columns=", ".join(COLUMNS))
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise InputError(Errors.E143, path=path, line=line, what=what, name=dupes[0])
    if "file" not in names:
        raise InputError(Errors.E144, path=path, line=line, what=what)


def _check_row(path: Path, line: int, values: dict[str, str], names: set[str]) -> ArticleMetadata:
    v = {k: " ".join(values.get(k, "").split()) for k in COLUMNS}
    where = f"{path}, line {line}"
    if not v["file"]:
        raise InputError(Errors.E149, where=where)
    if v["file"] not in names:
        raise InputError(Errors.E064, where=where, name=v["file"], corpus=path.parent)
    if v["published"] and not valid_date(v["published"]):
        raise InputError(Errors.E063, where=where, value=v["published"])
    if v["url"] and not valid_url(v["url"]):
        raise InputError(Errors.E065, where=where, value=v["url"])
    return ArticleMetadata(file=v["file"], source=path, line=line, headline=v["headline"],
                           publisher=v["publisher"], published=v["published"], url=v["url"])
