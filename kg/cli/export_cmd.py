"""``kg export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KgError
from . import _fail, app, out

EXPORT_FORMATS = {"ttl": "turtle", "nt": "nt", "xml": "xml", "jsonld": "json-ld", "trig": "trig", "nq": "nquads"}
#: Export formats that write a dataset with one named graph per article (kg.dataset).
DATASET_FORMATS = {"trig", "nq"}


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="A graph file built by kg build.")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="ttl, nt, xml, jsonld, or trig / nq (one named graph per article).")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (with --format).")] = None,
    protege: Annotated[Path | None, typer.Option("--protege", help="Write a Protégé bundle into this folder: kg-ontology.owl, graph.owl (RDF/XML, importing the ontology) and catalog-v001.xml.")] = None,
) -> None:
    """Convert GRAPH to another RDF syntax, or write a folder that Protégé opens.

    trig and nq write an RDF dataset: each article's assertions in a named graph
    <article IRI>/graph, entities and the header in the default graph.
    --protege DIR writes the ontology and the graph as RDF/XML with an XML
    catalog that maps the ontology IRI to the local file (no missing-import prompt).
    """
    from ..graph import serialize, write_atomic
    from ..output import write_error
    from ..query import load_graph
    from ..validate import load_tbox

    if protege is None and (fmt is None or output is None):
        _fail(KgError("E044", "give --format FORMAT and -o FILE, or --protege DIR."))
    if fmt is not None and fmt not in EXPORT_FORMATS:
        _fail(KgError("E044", f"unknown format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}."))
    try:
        g = load_graph(graph, with_ontology=False)
        if protege is not None:
            from ..protege import write_bundle

            for path in write_bundle(g, load_tbox(), protege):
                out.print(f"wrote {path}", highlight=False)
    except KgError as exc:
        _fail(exc)
    except OSError as exc:
        _fail(write_error(protege, exc))
    if fmt is None or output is None:
        return
    if fmt in DATASET_FORMATS:
        from ..dataset import serialize_dataset, to_dataset

        data = serialize_dataset(to_dataset(g, load_tbox()), EXPORT_FORMATS[fmt])
    else:
        data = serialize(g, EXPORT_FORMATS[fmt])
    try:
        write_atomic(output, data)
    except OSError as exc:
        _fail(write_error(output, exc))
