"""HermiT (through owlready2) on built graphs: consistency, the defined classes it
materializes, and inconsistent graphs reported with the individual named.

Needs a Java runtime; in CI (``CI`` set) a missing one fails instead of skipping.
"""

from __future__ import annotations

import os
import shutil

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.cli import app
from kg.export.reason import reason
from kg.shacl.validate import load_tbox

KGO = "https://w3id.org/kg-news/ontology#"
KGR = "https://w3id.org/kg-news/id/"


@pytest.fixture(scope="module", autouse=True)
def java():
    if shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("no java on PATH; .ci/run must install a Java runtime", pytrace=False)
        pytest.skip("HermiT needs a Java runtime")


@pytest.fixture(scope="module")
def tbox() -> Graph:
    return load_tbox()


#: Each defined class and the SPARQL pattern over asserted facts that says who should be in it.
EXPECTED = {
    "PolicyIssuer": "?f kgo:issuer ?x . ?f a/rdfs:subClassOf* kgo:UsagePolicy .",
    "BanIssuer": "?f kgo:issuer ?x ; a kgo:Ban .",
    "RestrictedProduct": "?f kgo:product ?x . ?f a/rdfs:subClassOf* kgo:UsagePolicy .",
    "BannedProduct": "?f kgo:product ?x ; a kgo:Ban .",
    "RecommendedAlternative": "?f kgo:alternative ?x .",
    "AccusingAgent": "?f kgo:accuser ?x .",
    "AccusedOrganization": "?f kgo:accused ?x . ?x a/rdfs:subClassOf* kgo:Organization .",
    "ProductDeveloper": "?f kgo:developer ?x .",
    "DataCollectingProduct": "?f kgo:product ?x ; a kgo:DataCollection .",
}


def expected_members(graph: Graph, tbox: Graph, pattern: str) -> set:
    g = graph + tbox
    rows = g.query(f"PREFIX kgo: <{KGO}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                   f"SELECT DISTINCT ?x WHERE {{ {pattern} }}")
    return {r.x for r in rows if str(r.x).startswith(KGR)}


@pytest.mark.parametrize("corpus", ["seeds", "dev"])
def test_built_graphs_are_consistent_and_defined_classes_follow_the_facts(corpus, seeds_build, dev_build, tbox):
    out = seeds_build if corpus == "seeds" else dev_build
    graph = Graph().parse(out / "graph.ttl")
    result = reason(graph, tbox)
    assert result.consistent, result.clashes
    for name, pattern in EXPECTED.items():
        inferred = set(result.members(URIRef(KGO + name)))
        assert inferred == expected_members(graph, tbox, pattern), name
    # the classes the issue names are not empty on either corpus
    for name in ("BanIssuer", "RestrictedProduct", "AccusedOrganization"):
        assert result.members(URIRef(KGO + name)), name
    # nothing inferred is already asserted
    assert not any((i, RDF.type, c) in graph for i, c in result.inferred)


def test_kg_reason_writes_inferred_memberships_deterministically(runner, seeds_build, tmp_path):
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    for target in (first, second):
        result = runner.invoke(app, ["reason", str(seeds_build / "graph.ttl"), "-o", str(target)])
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    assert "ban issuer" in result.output and "consistent" in result.output
    inferred = Graph().parse(first)
    banners = set(inferred.subjects(RDF.type, URIRef(KGO + "BanIssuer")))
    assert banners and all(str(b).startswith(KGR) for b in banners)


def test_an_individual_both_organization_and_product_is_named(runner, seeds_build, tmp_path):
    graph = Graph().parse(seeds_build / "graph.ttl")
    org = sorted(graph.subjects(RDF.type, URIRef(KGO + "Company")))[0]
    graph.add((org, RDF.type, URIRef(KGO + "SoftwareProduct")))
    bad = tmp_path / "bad.ttl"
    graph.serialize(bad, format="turtle")
    result = runner.invoke(app, ["reason", str(bad), "-o", str(tmp_path / "inferred.ttl")])
    assert result.exit_code == 1
    assert f"<{org}> is in both <{KGO}Agent> and <{KGO}Product>" in result.output
    assert not (tmp_path / "inferred.ttl").exists()


def test_a_clash_through_a_property_range_names_the_triple(tbox):
    """A company used as the product of a ban is a product by the range of kgo:product."""
    g = Graph()
    acme, ban = URIRef(KGR + "acme"), URIRef(KGR + "fact/ban-1")
    g.add((acme, RDF.type, URIRef(KGO + "Company")))
    g.add((acme, RDFS.label, Literal("Acme")))
    g.add((ban, RDF.type, URIRef(KGO + "Ban")))
    g.add((ban, URIRef(KGO + "product"), acme))
    result = reason(g, tbox)
    assert not result.consistent
    [clash] = result.clashes
    assert clash.individual == acme
    assert clash.classes == (URIRef(KGO + "Agent"), URIRef(KGO + "Product"))
    assert "range of" in clash.because[1] and str(ban) in clash.because[1]
