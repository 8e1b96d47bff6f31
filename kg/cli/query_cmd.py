"""``kg query``."""

from __future__ import annotations

from pathlib import Path
import sys
from typing import Annotated

import typer

from ..errors import KgError
from . import _fail, app


@app.command()
def query(
    name_or_file: Annotated[str, typer.Argument(help="A query in queries/ (cq01, cq01-policies) or a .rq file.")],
    graph: Annotated[Path, typer.Option("--graph", "-g", help="The graph file to query.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
) -> None:
    """Run a SPARQL SELECT query over GRAPH (loaded together with the ontology)."""
    from ..query import load_graph, render, resolve_query, run

    if fmt not in {"table", "csv", "json"}:
        _fail(KgError("E043", f"unknown format {fmt!r}; use table, csv or json."))
    try:
        path = resolve_query(name_or_file)
        cols, rows = run(load_graph(graph), path)
    except KgError as exc:
        _fail(exc)
    sys.stdout.write(render(cols, rows, fmt))
