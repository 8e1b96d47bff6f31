"""The ``kg`` command line (typer).

Exit codes follow pySHACL: 0 success (the graph conforms), 1 the graph does not
conform to the shapes, 2 bad input or usage. Errors go to stderr as one line
with a code (``[E030] ...``) that says how to fix the problem.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .errors import KgError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="kg: read AI-industry news into a validated OWL/RDF knowledge graph.")
err = Console(stderr=True)
out = Console()

EXPORT_FORMATS = {"ttl": "turtle", "nt": "nt", "xml": "xml", "jsonld": "json-ld", "trig": "trig", "nq": "nquads"}
#: Export formats that write a dataset with one named graph per article (kg.dataset).
DATASET_FORMATS = {"trig", "nq"}


def _fail(exc: KgError) -> None:
    err.print(f"[red]error[/red] {exc}", highlight=False)
    raise typer.Exit(2)


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
    from .build import extract
    from .graph import serialize, to_graph, write_atomic
    from .metadata import apply_metadata, read_metadata
    from .text import list_corpus, read_article
    from .validate import validate

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
    from .entities import top_kind

    kinds = Counter(top_kind(e.kind) if e.kind != "AIModel" else "AIModel"
                    for e in ex.entities.values() if not e.implicit)
    facts = Counter(f.kind for f in ex.facts)
    out.print(f"articles: {len(ex.articles)}")
    out.print("entities: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    out.print("facts: " + ", ".join(f"{k} {v}" for k, v in sorted(facts.items())))
    out.print(f"shape violations: {result.violations}" + ("" if result.conforms else "  (see validation.ttl)"))


@app.command("validate")
def validate_cmd(graph: Annotated[Path, typer.Argument(help="A graph file built by kg build.")]) -> None:
    """Validate GRAPH against the SHACL shapes; exit 0 conforms, 1 does not, 2 error."""
    from .query import load_graph
    from .validate import validate

    try:
        g = load_graph(graph, with_ontology=False)
    except KgError as exc:
        _fail(exc)
    result = validate(g)
    out.print(result.text if not result.conforms else "conforms: the graph satisfies every shape")
    raise typer.Exit(0 if result.conforms else 1)


@app.command()
def query(
    name_or_file: Annotated[str, typer.Argument(help="A query in queries/ (cq01, cq01-policies) or a .rq file.")],
    graph: Annotated[Path, typer.Option("--graph", "-g", help="The graph file to query.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
) -> None:
    """Run a SPARQL SELECT query over GRAPH (loaded together with the ontology)."""
    from .query import load_graph, render, resolve_query, run

    if fmt not in {"table", "csv", "json"}:
        _fail(KgError("E043", f"unknown format {fmt!r}; use table, csv or json."))
    try:
        path = resolve_query(name_or_file)
        cols, rows = run(load_graph(graph), path)
    except KgError as exc:
        _fail(exc)
    sys.stdout.write(render(cols, rows, fmt))


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="A graph file built by kg build.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, nt, xml, jsonld, or trig / nq (one named graph per article).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
) -> None:
    """Convert GRAPH to another RDF syntax.

    trig and nq write an RDF dataset: each article's assertions in a named graph
    <article IRI>/graph, entities and the header in the default graph.
    """
    from .graph import serialize, write_atomic
    from .query import load_graph

    if fmt not in EXPORT_FORMATS:
        _fail(KgError("E044", f"unknown format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}."))
    try:
        g = load_graph(graph, with_ontology=False)
    except KgError as exc:
        _fail(exc)
    if fmt in DATASET_FORMATS:
        from .dataset import serialize_dataset, to_dataset
        from .validate import load_tbox

        data = serialize_dataset(to_dataset(g, load_tbox()), EXPORT_FORMATS[fmt])
    else:
        data = serialize(g, EXPORT_FORMATS[fmt])
    write_atomic(output, data)


@app.command()
def explain(
    name: Annotated[str, typer.Argument(help="An entity label or alternative label (any case), an entity IRI or a fact IRI.")],
    graph: Annotated[Path, typer.Option("--graph", "-g", help="The graph file built by kg build.")],
) -> None:
    """Show an entity (IRI, type, Wikidata link, facts) or a fact (parts), with every evidence sentence."""
    from .explain import explain as run_explain
    from .query import load_graph

    try:
        run_explain(out, load_graph(graph), name, source=str(graph))
    except KgError as exc:
        _fail(exc)


@app.command()
def conflicts(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="The graph file built by kg build.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
) -> None:
    """List facts whose articles disagree on a date, scope or region, each value with the evidence that states it.

    Exits 0 whether or not there are conflicts.
    """
    from .conflicts import COLUMNS, find_conflicts, print_table
    from .query import load_graph, render

    if fmt not in {"table", "csv", "json"}:
        _fail(KgError("E043", f"unknown format {fmt!r}; use table, csv or json."))
    try:
        rows = find_conflicts(load_graph(graph))
    except KgError as exc:
        _fail(exc)
    if fmt == "table":
        print_table(out, rows)
    else:
        sys.stdout.write(render(COLUMNS, rows, fmt))


@app.command()
def evaluate(
    graph: Annotated[Path, typer.Argument(help="A graph file built by kg build.")],
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold CSV files (cq01.csv ...).")],
    queries: Annotated[Path | None, typer.Option(help="Folder of cqNN-*.rq queries (default: kg's own).")] = None,
    show_misses: Annotated[bool, typer.Option("--show-misses", help="List missed and wrong rows.")] = False,
) -> None:
    """Score GRAPH against gold answers in the competency-question CSV format."""
    from .evaluate import evaluate as run_eval, f1, totals
    from .query import load_graph
    from .resources import queries_dir

    try:
        scores = run_eval(load_graph(graph), queries or queries_dir(), gold)
    except KgError as exc:
        _fail(exc)
    out.print(f"{'cq':5} {'P':>6} {'R':>6} {'F1':>6}  returned/right  required/found")
    for s in scores:
        out.print(f"{s.question:5} {s.precision:6.2f} {s.recall:6.2f} {f1(s.precision, s.recall):6.2f}  "
                  f"{s.returned:>8}/{s.right:<5} {s.required:>8}/{s.found:<5}", highlight=False)
        if show_misses:
            for row in s.missed:
                out.print(f"      missed: {row}", highlight=False)
            for row in s.wrong:
                out.print(f"      wrong:  {row}", highlight=False)
    t = totals(scores)
    out.print(f"total P={t['precision']:.3f} R={t['recall']:.3f} F1={t['f1']:.3f} "
              f"attr={t['attribute_accuracy']:.3f}", highlight=False)


def main() -> None:
    """Entry point of the ``kg`` console script."""
    app()


if __name__ == "__main__":
    main()
