"""``kg export``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import Errors, KgError
from . import _fail, app, err


class ExportFormat(str, Enum):
    """The syntaxes ``kg export`` writes."""

    ttl = "ttl"
    nt = "nt"
    xml = "xml"
    jsonld = "jsonld"
    trig = "trig"
    nq = "nq"


#: rdflib's serializer name and a reader's name of each export format.
EXPORT_FORMATS = {"ttl": ("turtle", "Turtle"), "nt": ("nt", "N-Triples"), "xml": ("xml", "RDF/XML"),
                  "jsonld": ("json-ld", "JSON-LD"), "trig": ("trig", "TriG"), "nq": ("nquads", "N-Quads")}
#: Export formats that write a dataset with one named graph per article (kg.export.dataset).
DATASET_FORMATS = {"trig", "nq"}
#: The format of ``-o FILE`` by the file's extension (lower case), when --format is not given.
EXTENSIONS = {".ttl": "ttl", ".turtle": "ttl", ".nt": "nt", ".rdf": "xml", ".owl": "xml", ".xml": "xml",
              ".jsonld": "jsonld", ".json": "jsonld", ".trig": "trig", ".nq": "nq"}


def export_format(output: Path | None, fmt: ExportFormat | None) -> str | None:
    """The export format: --format when given, else by the extension of ``-o``
    (Turtle for ``-o -``, standard output); None when there is no ``-o``.

    Raises:
        KgError: E044 when the extension names no format kg writes.
    """
    if fmt is not None:
        return fmt.value
    if output is None:
        return None
    if str(output) == "-":
        return "ttl"
    found = EXTENSIONS.get(output.suffix.lower())
    if found is None:
        raise KgError(Errors.E044, path=output, suffix=output.suffix or "(none)", extensions=", ".join(EXTENSIONS),
                      formats="|".join(EXPORT_FORMATS))
    return found


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="A graph file or a `kg build` output folder (its graph.ttl).")],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", metavar="FILE",
        help="File to write, its format from its extension (.ttl .nt .rdf .owl .xml .jsonld .json .trig .nq); "
             "`-` for standard output (Turtle unless --format).")] = None,
    fmt: Annotated[ExportFormat | None, typer.Option(
        "--format", "-f", help="The format, whatever the extension; trig and nq write one named graph per article.")] = None,
    protege: Annotated[Path | None, typer.Option(
        "--protege", metavar="DIR", help="Write a Protégé bundle into this folder: kg-ontology.owl, graph.owl "
                                         "(RDF/XML, importing the ontology) and catalog-v001.xml.")] = None,
) -> None:
    """Convert GRAPH to another RDF syntax, or write a folder that Protégé opens.

    Says on stderr what it wrote. JSON-LD is compacted with an inline @context
    of the ontology's prefixes. trig and nq write an RDF dataset: each
    article's assertions in a named graph <article IRI>/graph, entities and
    the header in the default graph. --protege DIR writes the ontology and the
    graph as RDF/XML with an XML catalog that maps the ontology IRI to the
    local file (no missing-import prompt).
    """
    from ..io.output import write_atomic, write_error
    from ..query.sparql import load_graph
    from ..rdf.serialize import serialize
    from ..shacl.validate import load_tbox

    try:
        if protege is None and output is None:
            raise KgError(Errors.E120)
        if fmt is not None and output is None:
            raise KgError(Errors.E121, format=fmt.value)
        name = export_format(output, fmt)
        g = load_graph(graph, with_ontology=False)
        if protege is not None:
            from ..export.protege import write_bundle

            for path in write_bundle(g, load_tbox(), protege):
                err.print(f"wrote {path}", highlight=False)
    except KgError as exc:
        _fail(exc)
    except OSError as exc:
        if protege is None:
            raise
        _fail(write_error(protege, exc))
    if name is None or output is None:  # output is None only with --protege alone (checked above)
        return
    rdflib_name, label = EXPORT_FORMATS[name]
    if name in DATASET_FORMATS:
        from ..export.dataset import serialize_dataset, to_dataset

        data = serialize_dataset(to_dataset(g, load_tbox()), rdflib_name)
    else:
        data = serialize(g, rdflib_name)
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        err.print(f"wrote {len(g)} triples as {label} to standard output", highlight=False)
        return
    try:
        write_atomic(output, data)
    except OSError as exc:
        _fail(write_error(output, exc))
    err.print(f"wrote {output}: {len(g)} triples as {label}", highlight=False)
