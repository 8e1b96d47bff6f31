"""SHACL validation of a kg graph with pySHACL.

Validation runs without inference (``inference="none"``): the shapes check
explicit types, and the ontology is passed as ``ont_graph`` only so that
``sh:class`` and ``sh:targetClass`` see ``rdfs:subClassOf``
(https://www.w3.org/TR/shacl/#targetClass). The report is data: an RDF graph
of ``sh:ValidationReport``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import SH

from .resources import ontology_file, shapes_file


@dataclass
class ValidationResult:
    """Outcome of validating a data graph.

    Attributes:
        conforms: True when no shape is violated.
        report: the SHACL validation report graph.
        text: pySHACL's human-readable report.
        violations: number of ``sh:ValidationResult`` nodes in the report.
    """

    conforms: bool
    report: Graph
    text: str
    violations: int


def load_tbox() -> Graph:
    """The ontology (TBox) as an rdflib graph."""
    return Graph().parse(ontology_file(), format="turtle")


def validate(data: Graph, tbox: Graph | None = None) -> ValidationResult:
    """Validate a graph against ``ontology/shapes.ttl``.

    Args:
        data: the ABox graph.
        tbox: the ontology graph; loaded from ``ontology/kg.ttl`` when None.
    """
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(shapes_file(), format="turtle")
    conforms, report, text = shacl_validate(
        data, shacl_graph=shapes, ont_graph=tbox if tbox is not None else load_tbox(),
        inference="none", advanced=True, allow_warnings=True, meta_shacl=False)
    count = sum(1 for _ in report.subjects(predicate=SH.resultSeverity))
    return ValidationResult(bool(conforms), report, text, count)
