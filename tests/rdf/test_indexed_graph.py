"""kg.rdf.indexed.IndexedGraph answers the rdflib Graph API as rdflib's in-memory
graph does, and its SPARQL (Oxigraph when attached) gives rdflib's rows."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import RDF, RDFS
from rdflib.paths import OneOrMore

from kg.rdf.indexed import IndexedGraph

FIXTURE = Path(__file__).parents[1] / "fixtures" / "sample_abox.ttl"


@pytest.fixture(scope="module")
def graphs():
    plain = Graph().parse(FIXTURE, format="turtle")
    plain.add((BNode("b1"), RDFS.seeAlso, URIRef("https://example.org/x")))
    return plain, IndexedGraph(plain)


def test_every_triple_pattern_matches_rdflib(graphs):
    plain, fast = graphs
    assert len(fast) == len(plain) and set(fast) == set(plain)
    triples = sorted(plain)[::7]
    for s, p, o in triples:
        for mask in itertools.product((True, False), repeat=3):
            pattern = tuple(t if keep else None for t, keep in zip((s, p, o), mask))
            assert sorted(fast.triples(pattern)) == sorted(plain.triples(pattern)), pattern
            assert (pattern in fast) == (pattern in plain)
        assert sorted(fast.objects(s, p)) == sorted(plain.objects(s, p))
        assert sorted(fast.subjects(p, o)) == sorted(plain.subjects(p, o))
        assert sorted(fast.predicate_objects(s)) == sorted(plain.predicate_objects(s))
        assert sorted(fast.subject_predicates(o)) == sorted(plain.subject_predicates(o))
    missing = (URIRef("https://example.org/none"), RDF.type, RDFS.Class)
    assert missing not in fast and list(fast.triples((missing[0], None, None))) == []


def test_paths_and_choices_match_rdflib(graphs):
    plain, fast = graphs
    path = RDF.type / (RDFS.subClassOf * OneOrMore)
    node = sorted(plain.subjects(RDF.type, None))[0]
    assert sorted(fast.objects(node, path)) == sorted(plain.objects(node, path))
    types = sorted(set(plain.objects(None, RDF.type)))[:3]
    choices = (None, RDF.type, types)
    assert sorted(fast.triples_choices(choices)) == sorted(plain.triples_choices(choices))


def test_writes_keep_the_indexes_in_step():
    g = IndexedGraph()
    a, b = URIRef("https://example.org/a"), URIRef("https://example.org/b")
    g.add((a, RDFS.label, Literal("A")))
    g.add((a, RDFS.label, Literal("A")))  # a set: once
    g.add((a, RDFS.seeAlso, b))
    assert len(g) == 2
    g.remove((a, RDFS.label, None))
    assert len(g) == 1 and list(g.objects(a, RDFS.label)) == [] and list(g.subjects(RDFS.seeAlso, b)) == [a]
    assert list(g.subject_predicates(Literal("A"))) == []


QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?this ?label WHERE { ?this a ?type ; rdfs:label ?label . ?type rdfs:subClassOf* ?class }"""


def test_oxigraph_gives_rdflib_rows_and_lets_go_after_a_change(graphs):
    plain, _ = graphs
    fast = IndexedGraph(plain)
    cls = URIRef("https://w3id.org/kg-news/ontology#Company")
    expected = {tuple(r) for r in plain.query(QUERY, initBindings={"class": cls})}
    fast.attach_oxigraph()
    assert fast._ox is not None
    # ?class is not projected: Oxigraph refuses the substitution, rdflib answers
    assert {tuple(r) for r in fast.query(QUERY, initBindings={"class": cls})} == expected
    projected = QUERY.replace("SELECT ?this ?label", "SELECT ?this ?label ?class")
    rows = fast.query(projected, initBindings={"class": cls})
    assert {(r["this"], r["label"]) for r in rows} == expected and rows.vars[-1] == Variable("class")
    new = URIRef("https://example.org/new-company")
    fast.add((new, RDF.type, cls))
    fast.add((new, RDFS.label, Literal("New")))
    assert fast._ox is None  # stale: rdflib answers from the indexes
    assert (new, Literal("New")) in {tuple(r)[:2] for r in fast.query(projected, initBindings={"class": cls})}
