"""``kg build``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from ..errors import KgError
from . import _fail, app, err, out


def _encoding_option(value: str | None) -> str | None:
    """Refuse an unknown --encoding before any work (a usage error, exit 2)."""
    from ..io.corpus import check_encoding

    if value is not None:
        try:
            check_encoding(value)
        except KgError as exc:
            raise typer.BadParameter(exc.message) from None
    return value


@app.command()
def build(
    corpus: Annotated[Path, typer.Argument(help="Folder of articles: .txt and .md (text), .html and .htm (saved web pages), and an optional metadata.csv or metadata.jsonl.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output folder for graph.ttl, validation.ttl and texts/.")],
    encoding: Annotated[str | None, typer.Option(help="Decode every article with this encoding (a Python codec name such as cp1252), instead of UTF-8 or each file's detected encoding.", callback=_encoding_option)] = None,
    recursive: Annotated[bool, typer.Option("-r", "--recursive", help="Also read the articles in subfolders of CORPUS; an article's name is then its path relative to CORPUS.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Print nothing but errors.")] = False,
    jobs: Annotated[int, typer.Option("-j", "--jobs", min=1, help="Worker processes for parsing and validation.")] = 1,
    cache: Annotated[Path | None, typer.Option(help="Cache folder for parses and build records (default: $KG_CACHE_DIR, else ~/.cache/kg).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse every article and rebuild, reading and writing no cache.")] = False,
    cluster: Annotated[str | None, typer.Option(help="Address of a Dask distributed scheduler (tcp://HOST:8786) whose workers parse the articles.")] = None,
    store: Annotated[Path | None, typer.Option(help="Also load the graph and the ontology into an on-disk Oxigraph store in this folder, for kg query, serve, view, explain, conflicts and evaluate.")] = None,
    shards: Annotated[Path | None, typer.Option(
        help="Folder where the workers write the graph's N-Quads shards, part-NNNNN.nq (kept; earlier ones there "
             "are replaced), which --store bulk-loads; with --cluster it must be seen by every worker (default "
             "there: a temporary folder beside OUTDIR, removed after the build). A rebuild that reuses the last "
             "validation report builds the graph whole and writes no shards.")] = None,
) -> None:
    """Read every article in CORPUS and write OUTDIR/graph.ttl, OUTDIR/validation.ttl and OUTDIR/texts/.

    Articles are .txt and .md files (read as plain text) and saved web pages,
    .html and .htm (their main text, read with trafilatura: no navigation, ads
    or comments). Other files are skipped and counted. A file that is not
    UTF-8 is decoded with the charset its page declares or that
    charset-normalizer detects (said on stderr); the build stops, naming the
    file, when detection is not confident.

    OUTDIR/texts/NAME.txt holds the text kg read from each article (UTF-8):
    evidence offsets (oa:start, oa:end) index it.

    CORPUS/metadata.csv or CORPUS/metadata.jsonl, when present, gives each
    article's headline, publisher, publication date and URL; a web page's own
    title, date, site name and URL fill what it leaves empty. kg build never
    uses the network (see kg fetch).
    """
    from rich.markup import escape

    from ..io.cache import default_cache_dir
    from ..pipeline import BuildOptions, Notice
    from ..pipeline import build as run_build

    options = BuildOptions(encoding=encoding, recursive=recursive, jobs=jobs,
                           cache=None if no_cache else (cache or default_cache_dir()), cluster=cluster,
                           store=store, shards=shards)

    def notify(notice: Notice) -> None:
        if notice.level == "warning":
            err.print(f"[yellow]warning[/yellow] {escape(notice.message)}", highlight=False, soft_wrap=True)
        elif not quiet:
            err.print(f"note {escape(notice.message)}", highlight=False, soft_wrap=True)

    bar = _ProgressBar(disabled=quiet)
    try:
        with bar:
            result = run_build(corpus, output, options, progress=bar.update, notify=notify)
    except KgError as exc:
        _fail(exc)
    if not quiet:
        for line in result.summary:
            out.print(line, highlight=False)
        if result.up_to_date:
            out.print("up to date: nothing changed since the last build into this folder", highlight=False)
    raise typer.Exit(result.exit_code)


class _ProgressBar:
    """The "reading" progress bar on the error console, shown from the first
    article parsed when the corpus has 20 articles or more (removed when done)."""

    def __init__(self, disabled: bool):
        self.disabled = disabled
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def update(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` articles read."""
        if self.disabled or total < 20:
            return
        if self.bar is None or self.task is None:
            self.bar = Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                console=err, transient=True)
            self.bar.start()
            self.task = self.bar.add_task("read", total=total)
        self.bar.update(self.task, completed=done)

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
