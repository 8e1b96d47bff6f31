"""``kg validate``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KgError
from . import _fail, app, out


@app.command("validate")
def validate_cmd(graph: Annotated[Path, typer.Argument(help="A graph file or a `kg build` output folder (its graph.ttl).")]) -> None:
    """Validate GRAPH against the SHACL shapes; exit 0 conforms, 1 does not, 2 error."""
    from ..query.sparql import load_graph
    from ..shacl.validate import validate

    try:
        g = load_graph(graph, with_ontology=False)
    except KgError as exc:
        _fail(exc)
    result = validate(g)
    out.print(result.text if not result.conforms else "conforms: the graph satisfies every shape")
    raise typer.Exit(0 if result.conforms else 1)
