"""``kg explain``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KgError
from . import _fail, app, out


@app.command()
def explain(
    name: Annotated[str, typer.Argument(help="An entity label or alternative label (any case), an entity IRI or a fact IRI.")],
    graph: Annotated[Path, typer.Option("--graph", "-g", help="A graph file, a `kg build` output folder (its graph.ttl) or a --store folder.")],
) -> None:
    """Show an entity (IRI, type, Wikidata link, facts) or a fact (parts), with every evidence sentence."""
    from ..explain import explain as run_explain
    from ..query import load_graph

    try:
        run_explain(out, load_graph(graph), name, source=str(graph))
    except KgError as exc:
        _fail(exc)
