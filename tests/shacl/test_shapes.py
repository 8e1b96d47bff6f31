"""SHACL shapes: the hand-made fixture conforms; graphs missing required parts fail, naming the part."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH, XSD

from kg.shacl.validate import validate

FIXTURE = Path(__file__).parents[1] / "fixtures" / "sample_abox.ttl"
KGO = Namespace("https://w3id.org/kg-news/ontology#")


@pytest.fixture()
def abox() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def one_ban(g: Graph) -> URIRef:
    return sorted(g.subjects(RDF.type, KGO.Ban))[0]


def violated_paths(result) -> set[str]:
    return {str(p) for p in result.report.objects(None, SH.resultPath)}


def test_fixture_conforms(abox):
    result = validate(abox)
    assert result.conforms, result.text


def test_ban_without_issuer_fails_naming_issuer(abox):
    abox.remove((one_ban(abox), KGO.issuer, None))
    result = validate(abox)
    assert not result.conforms
    assert str(KGO.issuer) in violated_paths(result)


def test_ban_whose_issuer_is_a_product_fails(abox):
    ban = one_ban(abox)
    product = abox.value(ban, KGO.product)
    abox.set((ban, KGO.issuer, product))
    result = validate(abox)
    assert not result.conforms and str(KGO.issuer) in violated_paths(result)


def test_ban_without_product_fails(abox):
    abox.remove((one_ban(abox), KGO.product, None))
    result = validate(abox)
    assert str(KGO.product) in violated_paths(result)


def test_date_as_free_text_fails(abox):
    ban = one_ban(abox)
    abox.remove((ban, KGO.effectiveDate, None))
    abox.add((ban, KGO.effectiveDate, Literal("July 10")))
    result = validate(abox)
    assert str(KGO.effectiveDate) in violated_paths(result)


@pytest.mark.parametrize("datatype, value", [(XSD.date, "2025-07-10"), (XSD.gMonthDay, "--07-10")])
def test_both_date_forms_conform(abox, datatype, value):
    ban = one_ban(abox)
    abox.remove((ban, KGO.effectiveDate, None))
    abox.add((ban, KGO.effectiveDate, Literal(value, datatype=datatype)))
    assert validate(abox).conforms


def test_fact_without_article_link_fails(abox):
    from rdflib.namespace import PROV

    ban = one_ban(abox)
    abox.remove((ban, PROV.wasDerivedFrom, None))
    result = validate(abox)
    assert str(PROV.wasDerivedFrom) in violated_paths(result)


def test_entity_without_label_fails(abox):
    from rdflib.namespace import RDFS

    company = sorted(abox.subjects(RDF.type, KGO.Company))[0]
    abox.remove((company, RDFS.label, None))
    result = validate(abox)
    assert str(RDFS.label) in violated_paths(result)


OA = Namespace("http://www.w3.org/ns/oa#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SCHEMA = Namespace("https://schema.org/")


def sparql_results(result) -> set[tuple[str, str]]:
    """(focus node, value) of each result raised by a SHACL-SPARQL constraint."""
    report = result.report
    return {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.value)))
            for r in report.subjects(SH.sourceConstraintComponent, SH.SPARQLConstraintComponent)}


def position_selector(g: Graph, evidence: URIRef) -> URIRef:
    target = g.value(evidence, OA.hasTarget)
    return next(s for s in g.objects(target, OA.hasSelector) if (s, RDF.type, OA.TextPositionSelector) in g)


def test_fixture_raises_no_sparql_result(abox):
    assert sparql_results(validate(abox)) == set()


def test_evidence_ending_past_the_article_fails(abox):
    ev = URIRef("https://w3id.org/kg-news/id/evidence/e9")  # the last sentence of a1 (603..656, length 657)
    pos = position_selector(abox, ev)
    abox.set((pos, OA.end, Literal(700, datatype=XSD.nonNegativeInteger)))
    result = validate(abox)
    assert not result.conforms
    assert (str(ev), str(pos)) in sparql_results(result)
    assert "657" in result.text


def test_evidence_ending_exactly_at_the_article_end_conforms(abox):
    a1 = URIRef("https://w3id.org/kg-news/id/article/a1")
    abox.set((a1, KGO.characterCount, Literal(656, datatype=XSD.nonNegativeInteger)))
    assert validate(abox).conforms
    abox.set((a1, KGO.characterCount, Literal(655, datatype=XSD.nonNegativeInteger)))
    result = validate(abox)
    assert (str(URIRef("https://w3id.org/kg-news/id/evidence/e9")),
            str(position_selector(abox, URIRef("https://w3id.org/kg-news/id/evidence/e9")))) in sparql_results(result)


def test_evidence_starting_after_its_end_fails(abox):
    ev = URIRef("https://w3id.org/kg-news/id/evidence/e4")
    pos = position_selector(abox, ev)
    abox.set((pos, OA.start, Literal(345, datatype=XSD.nonNegativeInteger)))
    result = validate(abox)
    assert (str(ev), str(pos)) in sparql_results(result)


def test_quote_of_another_length_than_its_span_fails(abox):
    ev = URIRef("https://w3id.org/kg-news/id/evidence/e13")
    pos = position_selector(abox, ev)
    abox.set((pos, OA.end, Literal(350, datatype=XSD.nonNegativeInteger)))
    result = validate(abox)
    assert not result.conforms
    assert any(focus == str(ev) for focus, _ in sparql_results(result))


def test_article_without_character_count_fails(abox):
    abox.remove((URIRef("https://w3id.org/kg-news/id/article/a2"), KGO.characterCount, None))
    result = validate(abox)
    assert str(KGO.characterCount) in violated_paths(result)


@pytest.mark.parametrize("prop, value", [
    (DCTERMS.issued, Literal("2 March 2025")),
    (DCTERMS.issued, Literal("2025-03-02T10:00:00", datatype=XSD.dateTime)),
    (SCHEMA.url, Literal("news.example.org/x", datatype=XSD.anyURI)),
    (SCHEMA.url, Literal("https://news.example.org/x")),
    (DCTERMS.publisher, Literal("")),
])
def test_bad_article_metadata_fails(abox, prop, value):
    abox.set((URIRef("https://w3id.org/kg-news/id/article/a2"), prop, value))
    result = validate(abox)
    assert str(prop) in violated_paths(result)


def _messages(result) -> set[str]:
    return {str(m) for m in result.report.objects(None, SH.resultMessage)}


@pytest.mark.parametrize("fault, expected", [
    ("untyped", "each an IRI typed oa:TextPositionSelector or oa:TextQuoteSelector"),
    ("quote-missing", "at least one oa:TextQuoteSelector"),
    ("position-missing", "at least one oa:TextPositionSelector"),
    ("other-type", "each an IRI typed oa:TextPositionSelector or oa:TextQuoteSelector"),
])
def test_evidence_target_selector_faults_fail(abox, fault, expected):
    ev = URIRef("https://w3id.org/kg-news/id/evidence/e9")
    target = abox.value(ev, OA.hasTarget)
    pos = position_selector(abox, ev)
    quote = next(s for s in abox.objects(target, OA.hasSelector) if s != pos)
    if fault == "untyped":
        extra = URIRef("https://w3id.org/kg-news/id/selector/extra")
        abox.add((target, OA.hasSelector, extra))
    elif fault == "quote-missing":
        abox.remove((target, OA.hasSelector, quote))
    elif fault == "position-missing":
        abox.remove((pos, RDF.type, OA.TextPositionSelector))
        abox.add((pos, RDF.type, OA.TextQuoteSelector))
    else:
        abox.add((quote, RDF.type, KGO.Article))
    result = validate(abox)
    assert not result.conforms
    assert (target, SH.focusNode) in {(result.report.value(r, SH.focusNode), SH.focusNode)
                                      for r in result.report.subjects(SH.resultMessage, None)}
    assert any(expected in m for m in _messages(result)), _messages(result)
