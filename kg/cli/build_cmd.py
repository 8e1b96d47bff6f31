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
    from ..build import extract
    from ..graph import serialize, to_graph, write_atomic
    from ..metadata import apply_metadata, read_metadata
    from ..text import list_corpus, read_article
    from ..validate import validate

    try:
        files = list_corpus(corpus)
        metadata = read_metadata(corpus, files)
        if output.exists() and not output.is_dir():
            raise KgError("E033", f"{output}: exists and is not a folder.")
        output.mkdir(parents=True, exist_ok=True)
        articles = []
        for path in files:
            art = read_article(path, encoding)
            if art is None:
                err.print(f"[yellow]warning[/yellow] {path}: empty or binary, skipped", highlight=False)
                continue
            articles.append(art)
        if not articles:
            raise KgError("E034", f"{corpus}: every article is empty or binary; nothing to build.")
        apply_metadata(articles, metadata)
    except KgError as exc:
        _fail(exc)
    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, disable=quiet or len(articles) < 20, transient=True) as bar:
        task = bar.add_task("read", total=len(articles))
        ex = extract(articles, progress=lambda n: bar.advance(task, n))
    graph = to_graph(ex)
    write_atomic(output / "graph.ttl", serialize(graph, "turtle"))
    result = validate(graph)
    write_atomic(output / "validation.ttl", serialize(result.report, "turtle"))
    if not quiet:
        _summary(ex, result)
    raise typer.Exit(0 if result.conforms else 1)


def _summary(ex, result) -> None:
    from ..entities import top_kind

    kinds = Counter(top_kind(e.kind) if e.kind != "AIModel" else "AIModel"
                    for e in ex.entities.values() if not e.implicit)
    facts = Counter(f.kind for f in ex.facts)
    out.print(f"articles: {len(ex.articles)}")
    out.print("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    out.print("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(facts.items())))
    out.print(f"shape violations: {result.violations}" + ("" if result.conforms else "  (see validation.ttl)"))
