"""``kg query``."""

from __future__ import annotations

from pathlib import Path
import re
import sys
from typing import Annotated

import typer

from ..errors import KgError
from ..query import DEFAULT_TIMEOUT
from . import _fail, app


@app.command()
def query(
    name_or_file: Annotated[str, typer.Argument(help="A query in queries/ (cq01, cq01-policies) or a .rq file.")],
    graph: Annotated[Path, typer.Option("--graph", "-g", help="The graph file to query.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="NAME=VALUE: bind ?NAME to the literal VALUE (repeatable; never pasted into the query).")] = None,
    timeout: Annotated[float, typer.Option(
        help="Stop the query after this many seconds (0: no limit).", min=0)] = DEFAULT_TIMEOUT,
) -> None:
    """Run a SPARQL SELECT query over GRAPH (loaded together with the ontology).

    Update forms, SERVICE, FROM and FROM NAMED are refused before anything runs.
    """
    from ..query import load_graph, render, resolve_query, run

    if fmt not in {"table", "csv", "json"}:
        _fail(KgError("E043", f"unknown format {fmt!r}; use table, csv or json."))
    params = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        name = name.lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            _fail(KgError("E046", f"--param {item!r}: write NAME=VALUE with a SPARQL variable name (letters, digits, _)."))
        params[name] = value
    try:
        path = resolve_query(name_or_file)
        cols, rows = run(load_graph(graph), path, params, timeout)
    except KgError as exc:
        _fail(exc)
    sys.stdout.write(render(cols, rows, fmt))
