"""``kg conflicts``."""

from __future__ import annotations

from pathlib import Path
import sys
from typing import Annotated

import typer

from ..errors import KgError
from . import RowFormat, _fail, app, out


@app.command()
def conflicts(
    graph: Annotated[Path, typer.Option("--graph", "-g", help="A graph file, a `kg build` output folder (its graph.ttl) or a --store folder.")],
    fmt: Annotated[RowFormat, typer.Option("--format", "-f", help="How to print the rows.")] = RowFormat.table,
) -> None:
    """List facts whose articles disagree on a date, scope or region, each value with the evidence that states it.

    Exits 0 whether or not there are conflicts.
    """
    from ..conflicts import COLUMNS, find_conflicts, print_table
    from ..query import load_graph, render

    try:
        rows = find_conflicts(load_graph(graph))
    except KgError as exc:
        _fail(exc)
    if fmt is RowFormat.table:
        print_table(out, rows)
    else:
        sys.stdout.write(render(COLUMNS, rows, fmt.value))
