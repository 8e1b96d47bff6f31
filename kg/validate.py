"""SHACL validation of a kg graph with pySHACL.

Validation runs without inference (``inference="none"``): the shapes check
explicit types, and the ontology's triples are added to a working copy of the
data graph only so that ``sh:class`` and ``sh:targetClass`` see ``rdfs:subClassOf``
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


class _PreparedQueryGraph(Graph):
    """A graph whose ``query`` parses each distinct query text once.

    pySHACL runs a SHACL-SPARQL constraint (https://www.w3.org/TR/shacl/#sparql-constraints)
    once per focus node, passing the same text with ``$this`` pre-bound through
    ``initBindings``; rdflib would parse the text on every call, which costs more
    than the evaluation. Prepared queries (``rdflib.plugins.sparql.prepareQuery``)
    are cached by text, for the life of the process.
    """

    _prepared: dict = {}

    def query(self, query_object, *args, **kwargs):  # noqa: D102 - rdflib's signature
        if isinstance(query_object, str):
            prepared = self._prepared.get(query_object)
            if prepared is None:
                from rdflib.plugins.sparql import prepareQuery

                prepared = self._prepared[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(query_object, *args, **kwargs)


def validate(data: Graph, tbox: Graph | None = None) -> ValidationResult:
    """Validate a graph against ``ontology/shapes.ttl``.

    Args:
        data: the ABox graph.
        tbox: the ontology graph; loaded from ``ontology/kg.ttl`` when None.
    """
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(shapes_file(), format="turtle")
    # pySHACL would copy the data graph to mix the ontology in; make that one copy
    # ourselves, in a graph that parses each SHACL-SPARQL query text once.
    work = _PreparedQueryGraph()
    work.addN((s, p, o, work) for s, p, o in data)
    work.addN((s, p, o, work) for s, p, o in (tbox if tbox is not None else load_tbox()))
    conforms, report, text = shacl_validate(
        work, shacl_graph=shapes, inference="none", inplace=True,
        advanced=True, allow_warnings=True, meta_shacl=False)
    count = sum(1 for _ in report.subjects(predicate=SH.resultSeverity))
    return ValidationResult(bool(conforms), report, text, count)
