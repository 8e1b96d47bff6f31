"""The shapes rewritten for speed (issue 18) report what they reported before:
disjointness and label datatype checks on SHACL-AF SPARQL targets, property
shapes lifted to the top level (kg.shacl.validate._lift_property_shapes), and SPARQL
answered by Oxigraph (kg.shacl.validate._QueryGraph)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

import kg.shacl.validate as kv
from kg.shacl.validate import load_tbox, validate

from ..conftest import report_results

FIXTURE = Path(__file__).parents[1] / "fixtures" / "sample_abox.ttl"
KGO = Namespace("https://w3id.org/kg-news/ontology#")
KGS = Namespace("https://w3id.org/kg-news/shapes#")


@pytest.fixture()
def abox() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def first(g: Graph, cls) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def results(result) -> set[tuple]:
    """(focus node, constraint component, value, message) of each result."""
    report = result.report
    return {(report.value(r, SH.focusNode), report.value(r, SH.sourceConstraintComponent),
             report.value(r, SH.value), str(report.value(r, SH.resultMessage)))
            for r in report.subjects(RDF.type, SH.ValidationResult)}


# (class of the planted node, second class, message of the shapes as they were) for each disjointness rewrite
DISJOINT = [
    (KGO.Company, KGO.Ban, "An entity must not also be a kgo:Fact (disjoint classes)."),
    (KGO.Company, KGO.Person, "A kgo:Organization must be a kgo:Agent (is ontology/kg.ttl in the data graph?) "
                              "and must not also be a kgo:Person or kgo:AnonymousSource."),
    (KGO.Person, KGO.AnonymousSource, "A kgo:Person must be a kgo:Agent (is ontology/kg.ttl in the data graph?) "
                                      "and must not also be a kgo:AnonymousSource."),
    (KGO.Product, KGO.Country, "A kgo:Product must be a kgo:Entity (is ontology/kg.ttl in the data graph?) and must "
                               "not also be a kgo:Place (or a kgo:Agent, see the agent shape)."),
    (KGO.Ban, KGO.Restriction, "A kgo:Ban must be a kgo:UsagePolicy (is ontology/kg.ttl in the data graph?) and "
                               "must not also be a kgo:Restriction."),
]


@pytest.mark.parametrize("cls, other, message", DISJOINT)
def test_a_node_of_two_disjoint_classes_is_reported_once(abox, cls, other, message):
    node = first(abox, cls)
    abox.add((node, RDF.type, other))
    result = validate(abox)
    assert (node, SH.NotConstraintComponent, node, message) in results(result)
    assert sum(1 for r in results(result) if r[1] == SH.NotConstraintComponent and r[3] == message) == 1


def test_a_subclass_typed_in_the_data_is_still_caught(abox):
    """The SPARQL targets follow rdfs:subClassOf in the data graph, as sh:class does."""
    node = first(abox, KGO.Company)
    extra = URIRef("https://example.org/Committee")
    abox.add((extra, RDFS.subClassOf, KGO.Restriction))
    abox.add((node, RDF.type, extra))
    assert (node, SH.NotConstraintComponent, node,
            "An entity must not also be a kgo:Fact (disjoint classes).") in results(validate(abox))


@pytest.mark.parametrize("value", [Literal(7), Literal("2025-01-01", datatype=XSD.date),
                                   URIRef("https://example.org/not-a-label")])
def test_an_entity_label_that_is_not_a_string_is_reported(abox, value):
    node = first(abox, KGO.Company)
    abox.set((node, RDFS.label, value))
    message = "An entity needs exactly one rdfs:label, a plain or language-tagged string."
    assert (node, SH.OrConstraintComponent, value, message) in results(validate(abox))


@pytest.mark.parametrize("value", [Literal("Velloran", lang="en"), Literal("Velloran", datatype=XSD.string)])
def test_plain_and_tagged_labels_conform(abox, value):
    abox.set((first(abox, KGO.Company), RDFS.label, value))
    assert validate(abox).conforms


def _faulty(abox: Graph) -> Graph:
    """The fixture with a fault for most kinds of constraint the shapes have."""
    company, person, ban = first(abox, KGO.Company), first(abox, KGO.Person), first(abox, KGO.Ban)
    abox.add((company, RDF.type, KGO.Person))                 # sh:not under a SPARQL target
    abox.remove((person, RDFS.label, None))                   # sh:minCount of a lifted property shape
    abox.add((person, RDFS.label, Literal(3)))                # sh:or under a SPARQL target
    abox.set((ban, KGO.issuer, first(abox, KGO.Product)))     # sh:class of a lifted property shape
    ev = URIRef("https://w3id.org/kg-news/id/evidence/e9")
    target = abox.value(ev, URIRef("http://www.w3.org/ns/oa#hasTarget"))
    pos = next(s for s in abox.objects(target, URIRef("http://www.w3.org/ns/oa#hasSelector"))
               if (s, URIRef("http://www.w3.org/ns/oa#start"), None) in abox)
    abox.set((pos, URIRef("http://www.w3.org/ns/oa#end"), Literal(700, datatype=XSD.nonNegativeInteger)))  # SPARQL
    return abox


def test_lifting_property_shapes_changes_no_result(abox, monkeypatch):
    """pySHACL on the shapes as written and on the lifted shapes: the same results and report."""
    from rdflib.compare import isomorphic

    bad = _faulty(abox)
    lifted = validate(bad)
    written = Graph().parse(kv.shapes_file(), format="turtle")
    monkeypatch.setattr(kv, "_shapes", lambda: (written, frozenset()))
    plain = validate(bad)
    assert not plain.conforms and plain.violations >= 5
    assert report_results(lifted.report) == report_results(plain.report)
    assert isomorphic(lifted.report, plain.report)  # the added targets are not in the report's source shapes


def test_lifting_moves_every_property_of_a_targeted_node_shape():
    shapes, added = kv._shapes()
    assert (KGS.ArticleShape, SH.property, None) not in shapes
    assert (KGS.EntityLabelShape, SH.property, None) in shapes  # a SPARQL target: not lifted
    assert {o for _, p, o in added if p == SH.targetClass} >= {KGO.Article, KGO.Evidence, KGO.Ban}


def test_oxigraph_and_rdflib_answer_the_sparql_alike(abox, monkeypatch):
    bad = _faulty(abox)
    fast = validate(bad)
    from kg.rdf.indexed import IndexedGraph

    monkeypatch.setattr(IndexedGraph, "attach_oxigraph", lambda self: None)
    slow = validate(bad)
    assert report_results(fast.report) == report_results(slow.report)
    assert any(c == SH.SPARQLConstraintComponent for _, _, c, _, _ in report_results(fast.report))


def test_a_term_oxigraph_refuses_falls_back_to_rdflib(abox):
    """An IRI Oxigraph does not accept (a space) leaves the SPARQL to rdflib, with the same verdicts."""
    node = first(abox, KGO.Company)
    abox.add((node, RDFS.seeAlso, URIRef("https://example.org/a b")))
    abox.add((node, RDF.type, KGO.Ban))
    assert (node, SH.NotConstraintComponent, node,
            "An entity must not also be a kgo:Fact (disjoint classes).") in results(validate(abox, load_tbox()))


def test_the_build_report_has_the_same_bytes_whatever_the_blank_node_labels(abox, monkeypatch):
    """validation.ttl of a graph with violations: the source shapes copied into the
    report are blank nodes labelled anew each time the shapes are parsed."""
    from kg.rdf.serialize import serialize
    from kg.shacl.validate import _report

    bad = _faulty(abox)
    for fact in sorted(bad.subjects(RDF.type, KGO.Ban)) + sorted(bad.subjects(RDF.type, KGO.Restriction)):
        bad.set((fact, KGO.issuer, first(bad, KGO.Product)))  # one blank property shape, several results
    outputs = []
    for _ in range(2):
        monkeypatch.setattr(kv, "_SHAPES", {})  # parse the shapes again: new blank node labels
        report = validate(bad).report
        outputs.append(serialize(_report([(report, r) for r in report.subjects(RDF.type, SH.ValidationResult)]).report,
                                 "turtle"))
    assert outputs[0] == outputs[1]
    assert b"sh:sourceShape _:" in outputs[0]  # shared blank source shapes: the case that varied
