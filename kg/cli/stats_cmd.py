"""``kg stats``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..errors import KgError
from . import _fail, app, err, out


@app.command()
def stats(
    graph: Annotated[Path, typer.Argument(help="A graph file or a `kg build` output folder (its graph.ttl).")],
    top: Annotated[int, typer.Option(help="How many most-mentioned entities to list.", min=1)] = 10,
) -> None:
    """Show counts by class, facts by number of sources, most-mentioned entities and shape violations.

    Exit code 0 when the graph conforms to the shapes, 1 when it does not (like `kg validate`).
    """
    from rdflib import Graph

    from ..query.sparql import load_graph
    from ..query.stats import stats as compute
    from ..resources import ontology_file

    try:
        with err.status("counting", spinner="dots"):
            abox = load_graph(graph, with_ontology=False)
            full = Graph()
            for triple in abox:
                full.add(triple)
            full.parse(ontology_file(), format="turtle")
            s = compute(full, abox, top)
    except KgError as exc:
        _fail(exc)
    t = Table(title="Nodes by class")
    t.add_column("class")
    t.add_column("nodes", justify="right")
    for name, n in s.classes:
        t.add_row(name, str(n))
    out.print(t)
    t = Table(title="Facts by number of source articles")
    t.add_column("sources", justify="right")
    t.add_column("facts", justify="right")
    for k, n in s.sources:
        t.add_row(str(k), str(n))
    out.print(t)
    t = Table(title=f"Most-mentioned entities (top {top})")
    t.add_column("entity")
    t.add_column("class")
    t.add_column("articles", justify="right")
    for label, kind, n in s.mentioned:
        t.add_row(label, kind, str(n))
    out.print(t)
    if s.conforms:
        out.print("[green]shape violations: none[/green] (the graph conforms to the shapes)")
    else:
        t = Table(title="Shape violations")
        for col in ("shape", "constraint", "severity", "count", "example"):
            t.add_column(col, justify="right" if col == "count" else "left")
        for shape, comp, sev, n, example in s.violations:
            t.add_row(shape, comp, sev, str(n), example)
        out.print(t)
    raise typer.Exit(0 if s.conforms else 1)
