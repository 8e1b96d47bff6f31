"""SHACL shapes: the hand-made fixture conforms; graphs missing required parts fail, naming the part."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH, XSD

from kg.validate import validate

FIXTURE = Path(__file__).parent / "fixtures" / "sample_abox.ttl"
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
