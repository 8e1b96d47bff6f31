"""kg explain: an entity or a fact, with every evidence sentence; unknown names exit 2 with suggestions."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Namespace, URIRef
from rich.console import Console

from kg.cli import app
from kg.cli.explain_cmd import render
from kg.errors import InputError
from kg.query.explain import EntityReport, FactReport, explain, resolve
from kg.query.sparql import load_graph

KGO = Namespace("https://w3id.org/kg-news/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
KGR = "https://w3id.org/kg-news/id/"
FIXTURE = Path(__file__).parents[1] / "fixtures" / "sample_abox.ttl"


def shown(graph, name) -> str:
    buf = io.StringIO()
    render(Console(file=buf, width=10_000, color_system=None), explain(graph, name))
    return " ".join(buf.getvalue().split())


def facts_of(graph, entity):
    classes = set(graph.transitive_subjects(RDFS.subClassOf, KGO.Fact))
    return {f for f, _, _ in graph.triples((None, None, entity))
            if any((f, RDF.type, c) in graph for c in classes)}


def evidence_lines(graph, fact):
    """(article id, "[start:end]", quote) for each evidence of a fact, read with rdflib."""
    out = []
    for ev in graph.objects(fact, KGO.evidence):
        target = graph.value(ev, OA.hasTarget)
        sels = list(graph.objects(target, OA.hasSelector))
        pos = next(s for s in sels if graph.value(s, OA.start) is not None)
        quote = next(s for s in sels if graph.value(s, OA.exact) is not None)
        art = graph.value(graph.value(target, OA.hasSource), DCTERMS.identifier)
        out.append((str(art), f"[{graph.value(pos, OA.start)}:{graph.value(pos, OA.end)}]",
                    " ".join(str(graph.value(quote, OA.exact)).split())))
    return out


def test_entity_by_label_any_case_shows_every_fact_and_all_its_evidence(seeds_graph):
    text = shown(seeds_graph, "  cLAUDE   code ")
    entity = URIRef(KGR + "claude-code")
    assert text.startswith("Claude Code (SoftwareProduct)")
    assert f"IRI: {entity}" in text and "Wikidata:" in text
    facts = facts_of(seeds_graph, entity)
    assert len(facts) >= 3 and f"facts: {len(facts)}" in text
    for fact in facts:
        assert str(fact) in text
        for art, span, quote in evidence_lines(seeds_graph, fact):
            assert f"{art} {span}" in text and quote in text, (fact, art, span)


def test_explain_returns_data_and_prints_nothing(seeds_graph, capsys):
    reports = explain(seeds_graph, "Claude Code")
    assert capsys.readouterr() == ("", "")
    [entity] = reports
    assert isinstance(entity, EntityReport) and entity.label == "Claude Code" and "SoftwareProduct" in entity.types
    assert entity.facts and all(isinstance(f, FactReport) and f.evidence and f.role for f in entity.facts)
    assert {f.node for f in entity.facts} == facts_of(seeds_graph, entity.node)


def test_entity_by_alternative_label_shows_its_wikidata_link(seeds_graph):
    # (the label is the form the seed articles use most, "Alibaba"; "Alibaba Group", the
    # knowledge base's name, is an alternative label)
    text = shown(seeds_graph, "alibaba group")
    assert text.startswith("Alibaba (Company)")
    wikidata = seeds_graph.value(URIRef(KGR + "alibaba"), URIRef("http://www.w3.org/2002/07/owl#sameAs"))
    assert wikidata is not None and f"Wikidata: {wikidata}" in text


@pytest.mark.parametrize("form", ["iri", "curie", "local"])
def test_fact_by_iri_shows_its_parts_and_evidence(seeds_graph, form):
    fact = sorted(f for f in seeds_graph.subjects(RDF.type, KGO.Ban))[0]
    local = str(fact)[len(KGR + "fact/"):]
    name = {"iri": str(fact), "curie": f"kgr:fact/{local}", "local": local}[form]
    assert resolve(seeds_graph, name)[0].node == fact
    text = shown(seeds_graph, name)
    assert text.startswith("Ban ")
    for prop, label in (("issuer", "issuer"), ("product", "product")):
        value = seeds_graph.value(seeds_graph.value(fact, KGO[prop]), RDFS.label)
        assert f"{label}: {value}" in text
    lines = evidence_lines(seeds_graph, fact)
    assert f"evidence ({len(lines)})" in text
    for art, span, quote in lines:
        assert f"{art} {span}" in text and quote in text


def test_certainty_and_attribution_are_shown():
    text = shown(load_graph(FIXTURE), "kgr:fact/ban-1")
    assert "a1 [0:168] reported, attributed to a person familiar with the matter" in text
    assert "a2 [0:118] reported, attributed to Example Wire" in text


def test_unknown_name_suggests_close_names(seeds_graph):
    with pytest.raises(InputError) as info:
        resolve(seeds_graph, "Claud Code")
    assert info.value.code == "E070" and "'Claude Code'" in str(info.value)


def test_cli_explain_and_unknown_name_exit_codes(runner, seeds_build):
    graph = str(seeds_build / "graph.ttl")
    ok = runner.invoke(app, ["explain", "Qoder", "-g", graph])
    assert ok.exit_code == 0 and "Qoder" in ok.output
    bad = runner.invoke(app, ["explain", "Qodr", "-g", graph])
    assert bad.exit_code == 2
    assert "no entity or fact named 'Qodr'" in bad.output and "did you mean" in bad.output and "Qoder" in bad.output
    missing = runner.invoke(app, ["explain", "Qoder", "-g", str(seeds_build / "nope.ttl")])
    assert missing.exit_code == 2 and "E041" in missing.output
