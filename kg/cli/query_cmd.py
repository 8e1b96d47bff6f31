"""``kg query``."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import Errors, KgError
from ..query.sparql import DEFAULT_TIMEOUT
from . import RowFormat, _fail, app


@app.command()
def query(
    name_or_file: Annotated[str | None, typer.Argument(
        metavar="QUERY", help="A query file of any name (q.sparql, /tmp/q.rq), `-` for standard input, or a "
                              "competency question by name (cq01, cq01-policies).")] = None,
    graph: Annotated[Path, typer.Option(
        "--graph", "-g", help="The graph to query: a graph file, a `kg build` output folder, or a --store folder.")] = ...,  # type: ignore[assignment]  # typer: required
    expression: Annotated[str | None, typer.Option(
        "--expression", "-e", metavar="SPARQL", help="The query itself, in place of QUERY: -e 'SELECT ...'.")] = None,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f", help="How to print the rows.")] = RowFormat.table,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", metavar="NAME=VALUE",
        help="Bind ?NAME to the literal VALUE (repeatable; never pasted into the query).")] = None,
    timeout: Annotated[float, typer.Option(
        metavar="SECONDS", help="Stop the query after this many seconds (0: no limit).", min=0)] = DEFAULT_TIMEOUT,
) -> None:
    """Run a SPARQL SELECT query over GRAPH (loaded together with the ontology).

    Update forms, SERVICE, FROM and FROM NAMED are refused before anything runs.
    In JSON output an unbound value is null.
    """
    from ..query.sparql import load_graph, render, resolve_query, run, run_text

    if (name_or_file is None) == (expression is None):
        raise typer.BadParameter("give a QUERY (a file, `-` or a name such as cq01) or -e 'SELECT ...', not both "
                                 "and not neither.", param_hint="QUERY")
    params = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        name = name.lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            _fail(KgError(Errors.E115, item=item))
        params[name] = value
    try:
        if expression is not None:
            text, source = expression, "-e"
        elif name_or_file == "-":
            text, source = sys.stdin.read(), "<stdin>"
        else:
            text = None
            assert name_or_file is not None  # exactly one of QUERY and -e (checked above)
            path = resolve_query(name_or_file)
        g = load_graph(graph)
        cols, rows = run(g, path, params, timeout) if text is None else run_text(g, text, source, params, timeout)
    except KgError as exc:
        _fail(exc)
    sys.stdout.write(render(cols, rows, fmt.value))
