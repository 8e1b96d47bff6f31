"""Read a saved web page (``.html``, ``.htm``) as an article, with trafilatura.

trafilatura (https://trafilatura.readthedocs.io) finds the page's main text
and leaves out navigation, ads, comments, tables and images; its text keeps
one paragraph per line, which :func:`kg.io.corpus.split_blocks` reads as blocks.
The page's title becomes the first line when the main text does not already
begin with it (a headline is read like a ``.txt`` article's first line).

The page's metadata (title, date, site name, canonical URL; from
``<meta>``, Open Graph, JSON-LD and the like) fills an
:class:`kg.io.metadata.ArticleMetadata`; a row of the corpus metadata file wins
over it field by field (:func:`kg.io.metadata.apply_metadata`). A value that is
not a ``YYYY-MM-DD`` date or an absolute http(s) URL is dropped.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .metadata import ArticleMetadata, valid_date, valid_url

#: trafilatura's options: the main text only, as plain lines.
EXTRACT_OPTIONS: dict[str, Any] = {"with_metadata": True, "include_comments": False, "include_tables": False,
                   "include_images": False, "include_links": False, "include_formatting": False,
                   "deduplicate": False, "output_format": "python"}


def read_page(html: str, name: str, path: Path) -> tuple[str, ArticleMetadata | None]:
    """The main text and metadata of a web page.

    Args:
        html: the page, decoded (:func:`kg.io.corpus.decode`).
        name: the file's name relative to the corpus (the metadata's ``file``).
        path: the file, recorded as the metadata's source (line 0).

    Returns:
        ``(text, metadata)``: the text ends with a newline, or is "" when the
        page has no main text; metadata is None when the page has none of
        title, date, site name and URL.
    """
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # "empty HTML tree" etc.: kg warns itself
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    doc: Any = trafilatura.bare_extraction(html, **EXTRACT_OPTIONS)  # a Document (not as_dict)
    if doc is None or not (doc.text or "").strip():
        return "", None
    lines = [" ".join(line.split()) for line in doc.text.splitlines()]
    lines = [line for line in lines if line]
    title = " ".join((doc.title or "").split())
    if title and (not lines or lines[0].casefold() != title.casefold()):
        lines.insert(0, title)
    date = doc.date or ""
    url = doc.url or ""
    meta = ArticleMetadata(
        file=name, source=path, line=0, headline=title, publisher=" ".join((doc.sitename or "").split()),
        published=date if valid_date(date) else "", url=url if valid_url(url) else "")
    text = "\n".join(lines) + "\n"
    if not (meta.headline or meta.publisher or meta.published or meta.url):
        return text, None
    return text, meta
