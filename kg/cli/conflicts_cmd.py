"""``kg conflicts``."""

from __future__ import annotations

from pathlib import Path
import sys
from typing import Annotated

import typer

from ..errors import KgError
from . import _fail, app, out


@app.command()
def conflicts(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="The graph file built by kg build.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
) -> None:
    """List facts whose articles disagree on a date, scope or region, each value with the evidence that states it.

    Exits 0 whether or not there are conflicts.
    """
    from ..conflicts import COLUMNS, find_conflicts, print_table
    from ..query import load_graph, render

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
