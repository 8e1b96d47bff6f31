"""``kg fetch``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KgError
from . import _error_console, _fail, app, err


@app.command()
def fetch(
    sources: Annotated[list[str], typer.Argument(metavar="URL_OR_FEED", help="URLs of article pages or of RSS/Atom feeds (each item is downloaded), or feed files on disk.")],
    output: Annotated[Path, typer.Option("-o", "--output", metavar="CORPUS", help="Corpus folder to save the pages in (created if missing); kg build reads it.")],
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds a request may take before it fails.")] = 30.0,
) -> None:
    """Download article pages, or the items of RSS and Atom feeds, into CORPUS.

    Each page is saved as CORPUS/<host-and-path>-<hash>.html, with a row in
    CORPUS/metadata.jsonl (url; for a feed item also its title, the feed's
    title as publisher, and its date). kg obeys robots.txt, names itself in
    the User-Agent (kg/VERSION), waits at least a second between requests to
    one host, and reports each URL that fails while the others go on. Exit
    code 0 when every URL was saved, 1 when some failed, 2 for bad usage.
    """
    from rich.markup import escape

    from ..io.fetch import Fetcher
    from ..io.fetch import fetch as fetch_all

    def report(url: str, name: str, error: str) -> None:
        if error:
            _error_console().print(f"[red]error[/red] {escape(error)}", highlight=False, soft_wrap=True)
        else:
            err.print(f"saved {escape(url)} -> {escape(name)}", highlight=False, soft_wrap=True)

    try:
        result = fetch_all(sources, output, Fetcher(timeout=timeout), report)
    except KgError as exc:
        _fail(exc)
    err.print(f"fetched {len(result.saved)} page(s) into {escape(str(output))}; {len(result.failed)} failed",
              highlight=False, soft_wrap=True)
    raise typer.Exit(1 if result.failed else 0)
