"""``kg conflicts``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

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
    from ..query.conflicts import COLUMNS, find_conflicts
    from ..query.sparql import load_graph, render

    try:
        rows = find_conflicts(load_graph(graph))
    except KgError as exc:
        _fail(exc)
    if fmt is RowFormat.table:
        render_table(out, rows)
    else:
        sys.stdout.write(render(COLUMNS, rows, fmt.value))


def render_table(console: Console, rows: list[list[str]]) -> None:
    """Print the rows of :func:`kg.query.conflicts.find_conflicts` for a reader: per fact, per part,
    each value and the evidence stating it."""
    if not rows:
        console.print("no conflicts: no fact has disagreeing values for its watched parts "
                      "(effective date, scope, region)", highlight=False)
        return
    facts: dict[str, dict[str, dict[str, list]]] = {}
    heads = {}
    for r in rows:
        heads[r[0]] = f"{r[1]} {r[2]}"
        facts.setdefault(r[0], {}).setdefault(r[3], {}).setdefault(r[4], []).append(r)
    for i, (fact, parts) in enumerate(facts.items()):
        if i:
            console.print()
        console.print(f"[bold cyan]{escape(heads[fact])}[/bold cyan]", highlight=False, soft_wrap=True)
        console.print(f"  {fact}", style="dim", highlight=False, soft_wrap=True)
        for part, values in parts.items():
            console.print(f"  [bold]{escape(part)}[/bold]: {len(values)} values", highlight=False)
            for value, evs in values.items():
                basis = "" if evs[0][5] == "quote" else "  (no quote names it; every evidence of the fact)"
                console.print(f"    [yellow]{escape(value)}[/yellow]{escape(basis)}", highlight=False, soft_wrap=True)
                for r in evs:
                    console.print(f"      [bold]{escape(r[6])}[/bold] [{r[7]}:{r[8]}] “{escape(r[9])}”",
                                  highlight=False)
    console.print(f"\n{len(facts)} fact(s) with disagreeing parts", highlight=False)
