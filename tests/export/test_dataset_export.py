"""kg export --format trig / nq: one named graph per article, deterministic, and droppable."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV, XSD

from kg.cli import app
from kg.export.dataset import graph_name

KGO = Namespace("https://w3id.org/kg-news/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
ART = "https://w3id.org/kg-news/id/article/"


def export(runner, graph_file, fmt, target):
    result = runner.invoke(app, ["export", str(graph_file), "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(scope="module")
def seeds_exports(seeds_build, runner, tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    return (export(runner, seeds_build / "graph.ttl", "trig", folder / "g.trig"),
            export(runner, seeds_build / "graph.ttl", "nq", folder / "g.nq"))


def quads(path, fmt) -> set[tuple]:
    ds = Dataset()
    ds.parse(path, format=fmt)
    return set(ds.quads((None, None, None, None)))


def by_graph(qs: set[tuple]) -> dict:
    out: dict = {}
    for s, p, o, g in qs:
        out.setdefault(g, set()).add((s, p, o))
    return out


def evidence_of_article(graph: Graph, article: URIRef) -> set[URIRef]:
    return {ev for ev in graph.subjects(RDF.type, KGO.Evidence)
            if graph.value(graph.value(ev, OA.hasTarget), OA.hasSource) == article}


def test_trig_and_nquads_hold_the_same_quads(seeds_exports):
    trig, nq = seeds_exports
    assert quads(trig, "trig") == quads(nq, "nquads")
    lines = nq.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))


def test_union_of_the_graphs_is_graph_ttl(seeds_build, seeds_exports):
    original = Graph().parse(seeds_build / "graph.ttl")
    graphs = by_graph(quads(seeds_exports[0], "trig"))
    assert set().union(*graphs.values()) == set(original)
    articles = set(original.subjects(RDF.type, KGO.Article))
    assert set(graphs) == {DATASET_DEFAULT_GRAPH_ID} | {graph_name(a) for a in articles}
    default = graphs[DATASET_DEFAULT_GRAPH_ID]
    assert not {s for s, p, o in default if p == RDF.type and o == KGO.Evidence}
    for art in articles:  # every evidence of an article sits in that article's graph, whole
        mine = graphs[graph_name(art)]
        for ev in evidence_of_article(original, art):
            assert set(original.triples((ev, None, None))) <= mine
            target = original.value(ev, OA.hasTarget)
            for sel in original.objects(target, OA.hasSelector):
                assert set(original.triples((sel, None, None))) <= mine


def test_dropping_one_article_graph_drops_its_evidence_only(seeds_build, seeds_exports):
    original = Graph().parse(seeds_build / "graph.ttl")
    dropped = URIRef(ART + "002-209686a42ac6c85c")
    ds = Dataset()
    ds.parse(seeds_exports[0], format="trig")
    ds.remove_graph(ds.graph(graph_name(dropped)))
    rest = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        rest.add((s, p, o))
    gone = evidence_of_article(original, dropped)
    assert gone
    assert not {t for ev in gone for t in rest.triples((ev, None, None))}
    assert not set(rest.triples((None, KGO.evidence, None))) & {(f, KGO.evidence, ev) for ev in gone
                                                                for f in original.subjects(KGO.evidence, ev)}
    assert (None, PROV.wasDerivedFrom, dropped) not in rest
    assert (None, OA.hasSource, dropped) not in rest
    for art in set(original.subjects(RDF.type, KGO.Article)) - {dropped}:
        assert evidence_of_article(rest, art) == evidence_of_article(original, art)
    # facts only the dropped article states disappear; facts others state keep their type and key parts
    for fact in set(original.subjects(KGO.evidence, None)):
        sources = set(original.objects(fact, PROV.wasDerivedFrom))
        typed = set(original.objects(fact, RDF.type))
        if sources == {dropped}:
            assert not set(rest.triples((fact, None, None))), fact
        else:
            assert set(rest.objects(fact, RDF.type)) == typed
            for p in (KGO.issuer, KGO.accuser, KGO.developer, KGO.organization, KGO.party):
                assert set(rest.objects(fact, p)) == set(original.objects(fact, p))


def test_a_part_goes_to_the_article_that_states_it(conflict_build, runner, tmp_path):
    trig = export(runner, conflict_build / "graph.ttl", "trig", tmp_path / "c.trig")
    graphs = by_graph(quads(trig, "trig"))
    dates = {g: {str(o) for s, p, o in triples if p == KGO.effectiveDate} for g, triples in graphs.items()}
    assert dates[graph_name(URIRef(ART + "zentrix-a"))] == {"2025-03-03"}
    assert dates[graph_name(URIRef(ART + "zentrix-b"))] == {"2025-04-09"}
    assert dates[DATASET_DEFAULT_GRAPH_ID] == set()
    reason = Literal("security concerns")
    assert any(p == KGO.reason and o == reason for s, p, o in graphs[graph_name(URIRef(ART + "zentrix-b"))])
    assert not any(p == KGO.reason for s, p, o in graphs[graph_name(URIRef(ART + "zentrix-a"))])
    # both articles state the ban itself
    for art in ("zentrix-a", "zentrix-b"):
        assert any(p == KGO.issuer for s, p, o in graphs[graph_name(URIRef(ART + art))])
    assert Literal("2025-03-03", datatype=XSD.date) in {o for s, p, o in graphs[graph_name(URIRef(ART + "zentrix-a"))]}


def test_same_graph_gives_identical_bytes_whatever_the_hash_seed(seeds_build, seeds_exports, tmp_path):
    """rdflib keeps named graphs in a hash-ordered set; the export must not depend on it."""
    seed = "7" if os.environ.get("PYTHONHASHSEED") != "7" else "8"
    for fmt, earlier in zip(("trig", "nq"), seeds_exports):
        target = tmp_path / f"again.{fmt}"
        subprocess.run([sys.executable, "-m", "kg.cli", "export", str(seeds_build / "graph.ttl"),
                        "--format", fmt, "-o", str(target)], check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        assert target.read_bytes() == earlier.read_bytes(), fmt
