"""``kg build``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..errors import KgError
from . import _fail, app, err, out


@app.command()
def build(
    corpus: Annotated[Path, typer.Argument(help="Folder of UTF-8 .txt articles (and optional metadata.csv or metadata.jsonl).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output folder for graph.ttl and validation.ttl.")],
    encoding: Annotated[str | None, typer.Option(help="Decode articles with this encoding instead of UTF-8.")] = None,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Print nothing but errors.")] = False,
) -> None:
    """Read every .txt article in CORPUS and write OUTDIR/graph.ttl and OUTDIR/validation.ttl.

    CORPUS/metadata.csv or CORPUS/metadata.jsonl, when present, gives each
    article's headline, publisher, publication date and URL.
    """
    from ..graph import slug
    from ..metadata import apply_metadata, read_metadata
    from ..output import OutputFolder
    from ..text import list_corpus, read_article

    folder = OutputFolder(output)
    try:
        files = list_corpus(corpus)
        metadata = read_metadata(corpus, files)
        folder.acquire()  # lock, writable check, stale temporary files removed: before any NLP work
        articles = []
        for path in files:
            art = read_article(path, encoding)
            if art is None:
                err.print(f"[yellow]warning[/yellow] {path}: empty or binary, skipped", highlight=False, soft_wrap=True)
                continue
            articles.append(art)
        if not articles:
            raise KgError("E034", f"{corpus}: every article is empty or binary; nothing to build.")
        _check_identifiers(articles, slug)
        apply_metadata(articles, metadata)
    except KgError as exc:
        folder.close()
        _fail(exc)
    with folder:
        result = _build(articles, folder, quiet)
    raise typer.Exit(0 if result.conforms else 1)


def _check_identifiers(articles, slug) -> None:
    """Refuse two articles whose names give the same article IRI (``a b.txt`` and ``a-b.txt``)."""
    seen: dict[str, str] = {}
    for art in articles:
        other = seen.setdefault(slug(art.identifier), art.path.name)
        if other != art.path.name:
            raise KgError("E035", f"{art.path}: its name gives the same article IRI as {other}; rename one of them.")


def _build(articles, folder, quiet: bool):
    from ..build import extract
    from ..graph import serialize, to_graph
    from ..validate import validate

    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, disable=quiet or len(articles) < 20, transient=True) as bar:
        task = bar.add_task("read", total=len(articles))
        ex = extract(articles, progress=lambda n: bar.advance(task, n))
    graph = to_graph(ex)
    result = validate(graph)
    try:
        folder.write({"graph.ttl": serialize(graph, "turtle"), "validation.ttl": serialize(result.report, "turtle")})
    except KgError as exc:
        _fail(exc)
    if not quiet:
        _summary(ex, result)
    return result


def _summary(ex, result) -> None:
    from ..entities import top_kind

    kinds = Counter(top_kind(e.kind) if e.kind != "AIModel" else "AIModel"
                    for e in ex.entities.values() if not e.implicit)
    facts = Counter(f.kind for f in ex.facts)
    out.print(f"articles: {len(ex.articles)}")
    out.print("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    out.print("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(facts.items())))
    out.print(f"shape violations: {result.violations}" + ("" if result.conforms else "  (see validation.ttl)"))
