"""queries/corroboration.rq: one row per fact with its numbers of source articles and evidence."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, Namespace, URIRef
from rdflib.namespace import PROV

from kg.cli import app
from kg.query.sparql import load_graph, resolve_query, run

KGO = Namespace("https://w3id.org/kg-news/ontology#")
FIXTURE = Path(__file__).parents[1] / "fixtures" / "sample_abox.ttl"


def corroboration(graph) -> list[dict]:
    cols, data = run(graph, resolve_query("corroboration"))
    assert cols == ["fact", "class", "label", "sources", "evidence_count"]
    return [dict(zip(cols, r)) for r in data]


def all_facts(graph) -> set[str]:
    classes = set(graph.transitive_subjects(RDFS.subClassOf, KGO.Fact))
    return {str(f) for c in classes for f in graph.subjects(RDF.type, c)}


def test_every_seed_fact_is_counted_as_rdflib_counts_it(seeds_graph):
    rows = corroboration(seeds_graph)
    assert sorted(r["fact"] for r in rows) == sorted(all_facts(seeds_graph))
    for r in rows:
        fact = URIRef(r["fact"])
        assert int(r["sources"]) == len(set(seeds_graph.objects(fact, PROV.wasDerivedFrom))), r
        assert int(r["evidence_count"]) == len(set(seeds_graph.objects(fact, KGO.evidence))), r
    keys = [(-int(r["sources"]), -int(r["evidence_count"])) for r in rows]
    assert keys == sorted(keys)


def test_the_seed_ban_is_the_most_corroborated_and_labelled_by_its_parts(seeds_graph):
    rows = corroboration(seeds_graph)
    top = rows[0]
    assert top["class"] == "Ban" and top["label"].startswith("Alibaba") and top["label"].endswith("→ Claude Code")
    assert int(top["sources"]) == len(list((Path(__file__).parents[2] / "seeds").glob("*.txt")))
    for r in rows:
        assert r["label"] and not r["label"].startswith("→") and not r["label"].endswith("→ ")


def test_fixture_labels_and_most_specific_class():
    rows = {r["fact"].rsplit("/", 1)[1]: r for r in corroboration(load_graph(FIXTURE))}
    assert rows["ban-1"]["class"] == "Ban"  # typed kgo:Ban and kgo:UsagePolicy: the narrower wins
    assert (rows["ban-1"]["sources"], rows["ban-1"]["evidence_count"]) == ("2", "2")
    assert rows["policy-1"]["class"] == "UsagePolicy"
    assert rows["location-2"]["label"] == "Widget Labs → Freedonia"
    assert rows["nonresponse-2"]["label"] == "Widget Labs → the allegations"
    assert rows["datacollection-1"]["label"] == "WidgetAI"
    assert rows["fact-1"]["label"] == "Gadget Suite"
    assert set(rows["restriction-1"]["label"].split(" → ")[1].split(", ")) == {"Widget-1", "Gadget Suite"}
    assert list(rows)[0] == "ban-1"


def test_kg_query_finds_it_by_name(runner, seeds_build):
    result = runner.invoke(app, ["query", "corroboration", "-g", str(seeds_build / "graph.ttl"), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "fact,class,label,sources,evidence_count"
