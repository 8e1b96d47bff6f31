"""Relation patterns of real news wording, on sentences written for these tests
with invented names, on the real spaCy model. Each test names the pattern it guards."""

from __future__ import annotations

import pytest

from ..conftest import extract_corpus, facts_of

ARTICLES = {
    # a company named where a product belongs; alternatives for every restricted product;
    # a reason cited by a participle; a reason in a memo that "pointed to" it
    "bank": (
        "OSLO, March 3, 2025 — Fjordline Bank has restricted staff use of Brinta Chat, Volka and "
        "Zemri, according to an internal memo.\n"
        "Zemri is a startup based in Lisbon.\n"
        "Workers have been directed to Fjordline Helper, an assistant the bank made on a private model.\n"
        "In an email to staff, the bank said the tools must not be used for client work, citing concerns "
        "about client data leaving the bank.\n"
    ),
    # an allegation reported through "told ... that", with the accused inside a noun phrase
    "lab": (
        "Corvane Labs has told its business clients that the startup Mirelo Systems built a rival "
        "product by distilling the behaviour of Corvane's Orin-4 model.\n"
    ),
    # signals in a bullet list introduced by a colon; purposes given as what the data lets it do
    "tool": (
        "Tessmark, the coding assistant developed by Pellora, attaches more data to each request than its "
        "documentation says. A researcher found that every request carries:\n"
        "- a hashed hardware identifier;\n"
        "- the system time zone and the keyboard language setting.\n"
        "Pellora said the hardware identifier lets the company detect shared accounts.\n"
    ),
    # findings listed after a colon as the reasons of a regulator's order
    "regulator": (
        "The Lunaria Data Protection Authority has ordered Quorra Systems to block Quorra Chat for users "
        "in Lunaria.\n"
        "The Authority found that:\n"
        "- the app has no age verification mechanism;\n"
        "- the privacy notice names no legal basis for processing.\n"
    ),
    # a country as issuer acts through its government; "ordered ... to remove X from devices" bans X
    "country": "Australia has ordered all federal agencies to remove the Pinto Assistant chatbot from official devices.\n",
    # attribution: a news agency, an anonymous source and its later mention, a spokesperson
    "sources": (
        "Dravik Bank has banned Quellio Chat for all staff, according to Corvell News.\n"
        "A person familiar with the matter said Dravik Bank also restricted Tamsin Code.\n"
        "The person said Dravik Bank restricted Ovra Writer as well.\n"
        "Pellmont Corp said it banned Quellio Chat on its networks.\n"
        "Nolvik Corp confirmed that it banned Zappa Chat.\n"
        "Torvane Bank has reportedly banned Zappa Chat.\n"
    ),
}


@pytest.fixture(scope="module")
def ex(tmp_path_factory):
    return extract_corpus(tmp_path_factory.mktemp("patterns"), ARTICLES)


def labels(f, role):
    return {e.label for e in f.entity_attrs.get(role, [])}


def test_company_named_as_restricted_product_becomes_a_product(ex):
    policy = {(f.roles["issuer"].label, f.roles["product"].label): f for f in facts_of(ex, "policy")}
    assert ("Fjordline Bank", "Zemri") in policy
    product = policy[("Fjordline Bank", "Zemri")].roles["product"]
    assert product.family == "Product"
    company = ex.entities.get(product.key.removesuffix(" product"))
    assert company is not None and company.family == "Organization" and company is not product


def test_alternative_applies_to_every_restricted_product(ex):
    alts = {f.roles["product"].label: labels(f, "alternative") for f in facts_of(ex, "policy")
            if f.roles["issuer"].label == "Fjordline Bank"}
    assert {"Brinta Chat", "Volka", "Zemri"} <= set(alts)
    assert all(alts[p] == {"Fjordline Helper"} for p in ("Brinta Chat", "Volka", "Zemri"))


def test_bank_built_its_own_tool(ex):
    devs = {(f.roles["developer"].label, f.roles["product"].label) for f in facts_of(ex, "development")}
    assert ("Fjordline Bank", "Fjordline Helper") in devs


def test_cited_reason_reaches_each_policy_of_the_issuer(ex):
    reasons = {f.roles["product"].label: f.attrs.get("reason", []) for f in facts_of(ex, "policy")
               if f.roles["issuer"].label == "Fjordline Bank"}
    for product in ("Brinta Chat", "Volka", "Zemri"):
        assert any("client data" in r for r in reasons[product]), reasons


def test_allegation_reported_with_told_that(ex):
    allegations = facts_of(ex, "allegation")
    assert [(f.roles["accuser"].label, f.roles["accused"].label) for f in allegations] == \
        [("Corvane Labs", "Mirelo Systems")]
    practice = allegations[0].attrs["practice"]
    assert practice[0] == "distillation" and any("built a rival product" in p for p in practice[1:])
    assert labels(allegations[0], "target") == {"Orin-4"}


def test_signals_listed_after_a_colon(ex):
    signals = [s for f in facts_of(ex, "collection") if f.roles["product"].label == "Tessmark"
               for s in f.attrs.get("signal", [])]
    assert any("hardware identifier" in s for s in signals)
    assert any("time zone" in s for s in signals)
    assert any("language setting" in s for s in signals)


def test_purpose_as_what_the_data_lets_the_maker_do(ex):
    purposes = [p for f in facts_of(ex, "collection") for p in f.attrs.get("purpose", [])]
    assert any(p.startswith("detect shared accounts") for p in purposes)


def test_findings_after_a_colon_are_reasons_of_the_order(ex):
    reasons = [r for f in facts_of(ex, "policy") if f.roles["product"].label == "Quorra Chat"
               for r in f.attrs.get("reason", [])]
    assert any("age verification" in r for r in reasons)
    assert any("legal basis" in r for r in reasons)


def test_attribution_of_each_piece_of_evidence(ex):
    by_product = {f.roles["product"].label: f for f in facts_of(ex, "policy")
                  if f.roles["issuer"].label == "Dravik Bank"}
    agency = by_product["Quellio Chat"].evidence[0].attributed_to
    assert getattr(agency, "label", None) == "Corvell News"
    assert by_product["Tamsin Code"].evidence[0].attributed_to == "person familiar with the matter"
    # "the person" is the anonymous source introduced the line before
    assert by_product["Ovra Writer"].evidence[0].attributed_to == "person familiar with the matter"
    pellmont = [f for f in facts_of(ex, "policy") if f.roles["issuer"].label == "Pellmont Corp"]
    assert pellmont and pellmont[0].evidence[0].attributed_to.label == "Pellmont Corp"


def test_country_issuer_is_its_government_and_removal_is_a_ban(ex):
    bans = [f for f in facts_of(ex, "policy") if f.roles["product"].label == "Pinto Assistant"]
    assert [(f.roles["issuer"].label, f.roles["issuer"].kind) for f in bans] == \
        [("Australia", "GovernmentBody")]  # the government, labelled with the name the text uses
    assert bans[0].attrs["type"] == ["ban"]


def test_certainty_of_each_piece_of_evidence(ex):
    certainty = {f.roles["issuer"].label: [e.certainty for e in f.evidence] for f in facts_of(ex, "policy")
                 if f.roles["product"].label == "Zappa Chat"}
    assert certainty == {"Nolvik Corp": ["confirmed"], "Torvane Bank": ["reported"]}
