"""A folder that Protégé opens with no missing-import prompt.

:func:`write_bundle` writes three files:

- ``kg-ontology.owl``: the kg ontology (TBox) as RDF/XML;
- ``graph.owl``: the graph (ABox) as RDF/XML, whose ``owl:Ontology`` header
  ``owl:imports`` the ontology IRI;
- ``catalog-v001.xml``: an OASIS XML catalog (the file name and format Protégé
  and the OWL API's catalog mappers read) that maps the ontology IRI and its
  version IRI to ``kg-ontology.owl``, so the import resolves to the local file
  and nothing is fetched.

OASIS XML Catalogs 1.1, section 6.5.7 (the ``uri`` entry):
https://www.oasis-open.org/committees/download.php/14809/xml-catalogs.html
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from rdflib import OWL, RDF, Graph, URIRef

from ..errors import Errors, KgError
from ..io.output import write_atomic
from ..rdf.namespaces import ONTOLOGY_IRI
from ..rdf.serialize import serialize

ONTOLOGY_FILE = "kg-ontology.owl"
GRAPH_FILE = "graph.owl"
CATALOG_FILE = "catalog-v001.xml"
CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"


def catalog_xml(mappings: list[tuple[str, str]]) -> bytes:
    """An XML catalog with one ``uri`` entry per ``(IRI, relative file)`` pair.

    >>> print(catalog_xml([("https://example.org/o", "o.owl")]).decode().splitlines()[2].strip())
    <uri id="import 1" name="https://example.org/o" uri="o.owl" />
    """
    ET.register_namespace("", CATALOG_NS)
    root = ET.Element(f"{{{CATALOG_NS}}}catalog", {"prefer": "public"})
    for n, (iri, file) in enumerate(mappings, 1):
        ET.SubElement(root, f"{{{CATALOG_NS}}}uri", {"id": f"import {n}", "name": iri, "uri": file})
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def write_bundle(abox: Graph, tbox: Graph, outdir: Path) -> list[Path]:
    """Write the Protégé bundle for a graph into ``outdir`` (created if needed).

    Args:
        abox: the graph built by ``kg build``; it must import the ontology.
        tbox: the kg ontology.
        outdir: the folder to write; existing bundle files are replaced
            atomically, other files are left alone.

    Returns:
        The paths written: ontology, graph, catalog.

    Raises:
        KgError: E082 when ``outdir`` exists and is not a folder; E085 when the graph
            has no ``owl:Ontology`` header importing the kg ontology (it was not
            built by ``kg build``).
    """
    if outdir.exists() and not outdir.is_dir():
        raise KgError(Errors.E082, path=outdir)
    headers = [s for s in abox.subjects(RDF.type, OWL.Ontology) if (s, OWL.imports, ONTOLOGY_IRI) in abox]
    if not headers:
        raise KgError(Errors.E085, iri=ONTOLOGY_IRI)
    mappings = [(str(ONTOLOGY_IRI), ONTOLOGY_FILE)]
    version = tbox.value(ONTOLOGY_IRI, OWL.versionIRI)
    if isinstance(version, URIRef):
        mappings.append((str(version), ONTOLOGY_FILE))
    outdir.mkdir(parents=True, exist_ok=True)
    paths = [outdir / ONTOLOGY_FILE, outdir / GRAPH_FILE, outdir / CATALOG_FILE]
    write_atomic(paths[0], serialize(tbox, "xml"))
    write_atomic(paths[1], serialize(abox, "xml"))
    write_atomic(paths[2], catalog_xml(mappings))
    return paths
