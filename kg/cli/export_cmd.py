"""``kg export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KgError
from . import _fail, app

EXPORT_FORMATS = {"ttl": "turtle", "nt": "nt", "xml": "xml", "jsonld": "json-ld", "trig": "trig", "nq": "nquads"}
#: Export formats that write a dataset with one named graph per article (kg.dataset).
DATASET_FORMATS = {"trig", "nq"}


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="A graph file built by kg build.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl, nt, xml, jsonld, or trig / nq (one named graph per article).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
) -> None:
    """Convert GRAPH to another RDF syntax.

    trig and nq write an RDF dataset: each article's assertions in a named graph
    <article IRI>/graph, entities and the header in the default graph.
    """
    from ..graph import serialize, write_atomic
    from ..query import load_graph

    if fmt not in EXPORT_FORMATS:
        _fail(KgError("E044", f"unknown format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}."))
    try:
        g = load_graph(graph, with_ontology=False)
    except KgError as exc:
        _fail(exc)
    if fmt in DATASET_FORMATS:
        from ..dataset import serialize_dataset, to_dataset
        from ..validate import load_tbox

        data = serialize_dataset(to_dataset(g, load_tbox()), EXPORT_FORMATS[fmt])
    else:
        data = serialize(g, EXPORT_FORMATS[fmt])
    write_atomic(output, data)
