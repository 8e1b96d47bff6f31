"""``kg view``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KgError
from . import VERBOSITY, _fail, app, err, out


@app.command()
def view(
    graph: Annotated[Path, typer.Argument(help="A graph file, or a `kg build` output folder (its graph.ttl).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("graph.html"),
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Print nothing but errors.")] = False,
) -> None:
    """Write one self-contained HTML page (works offline) with an interactive view of GRAPH."""
    from ..query.sparql import load_graph
    from ..serve.endpoint import graph_file
    from ..serve.view import write_view

    quiet = quiet or VERBOSITY["level"] < 0
    try:
        with err.status("drawing the graph", spinner="dots") if not quiet else _Null():
            file = graph_file(graph)
            path = write_view(load_graph(file), output, title=f"kg view: {file.name}")
    except KgError as exc:
        _fail(exc)
    if not quiet:
        out.print(f"wrote {path}", highlight=False)


class _Null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
