"""Incremental validation: re-checking only the focus nodes a change can affect
gives the same report as validating the whole graph."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from kg.rdf.namespaces import OA
from kg.rdf.serialize import serialize
from kg.shacl.validate import changed_focus_nodes, graph_diff, nt_diff, validate, validate_changes

from ..conftest import report_results

KGO = "https://w3id.org/kg-news/ontology#"


def _break(g: Graph) -> Graph:
    """A copy of ``g`` with faults several edges away from the nodes they make invalid."""
    bad = Graph()
    bad += g
    company = sorted(bad.subjects(RDF.type, URIRef(KGO + "Company")))[0]
    bad.add((company, RDF.type, URIRef(KGO + "Product")))                      # disjoint classes
    entity = sorted(bad.subjects(RDF.type, URIRef(KGO + "Place")))[0]
    bad.remove((entity, RDFS.label, None))                                      # missing label
    selector = sorted(bad.subjects(RDF.type, OA.TextPositionSelector))[0]
    end = int(bad.value(selector, OA.end))
    bad.set((selector, OA.end, Literal(end + 10**6, datatype=XSD.nonNegativeInteger)))  # past the article
    article = sorted(bad.subjects(RDF.type, URIRef(KGO + "Article")))[-1]
    bad.set((article, URIRef(KGO + "characterCount"), Literal(1, datatype=XSD.nonNegativeInteger)))
    return bad


@pytest.fixture(scope="module")
def graphs(seeds_build):
    clean = Graph().parse(seeds_build / "graph.ttl")
    return clean, _break(clean)


def test_incremental_validation_finds_what_full_validation_finds(graphs):
    clean, bad = graphs
    before = validate(clean)
    assert before.conforms
    full = validate(bad)
    assert not full.conforms and full.violations >= 4
    incremental = validate_changes(bad, *graph_diff(bad, clean), before.report)
    assert incremental.conforms == full.conforms
    assert incremental.violations == full.violations
    assert report_results(incremental.report) == report_results(full.report)


def test_fixing_the_faults_clears_theirreport_results(graphs):
    clean, bad = graphs
    broken = validate(bad)
    fixed = validate_changes(clean, *graph_diff(clean, bad), broken.report)
    assert fixed.conforms and fixed.violations == 0
    assert isomorphic(fixed.report, validate(clean).report)


def test_only_nodes_near_the_change_are_rechecked(graphs):
    clean, bad = graphs
    added, removed = bad - clean, clean - bad
    focus = changed_focus_nodes(bad, added, removed)
    subjects = set(bad.subjects())
    assert 0 < len(focus) < len(subjects) / 2
    selector = next(iter(s for s, p, o in added if p == OA.end))
    # the evidence whose target holds the broken selector is two edges upstream of it
    evidence = {e for t in bad.subjects(OA.hasSelector, selector) for e in bad.subjects(OA.hasTarget, t)}
    assert evidence and evidence <= focus


def test_the_diff_of_n_triples_lines_is_the_diff_of_graphs(graphs):
    clean, bad = graphs
    lines = [set(serialize(g, "nt").splitlines()) for g in (bad, clean)]
    added, removed = nt_diff(*lines)
    expected = graph_diff(bad, clean)
    assert len(added) and len(removed)
    assert isomorphic(added, expected[0]) and isomorphic(removed, expected[1])


def test_validating_in_place_leaves_the_graph_as_it_was(graphs):
    clean, bad = graphs
    work = Graph()
    work += bad
    before = set(work)
    result = validate(work, inplace=True)
    assert set(work) == before
    assert report_results(result.report) == report_results(validate(bad).report)
