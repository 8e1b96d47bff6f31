"""The extractor on sentences written for these tests (not the seeds' wording), on the real model."""

from __future__ import annotations

import pytest

from ..conftest import extract_corpus, facts_of

ARTICLES = {
    "policies": (
        "Harbor Crest Bank has curbed its employees' access to ChatGPT and Gemini on work computers.\n"
        "Staff were told to use Crestline Assistant, the bank's in-house chatbot, instead.\n"
        "Quillpoint was banned by the U.S. Navy on official devices starting March 3.\n"
        "Chinese startup Kestrel Dynamics has barred staff from using Cursor because of security concerns.\n"
    ),
    "allegation": (
        "Lumora Labs accused Parallax AI of copying its Tessera-7 model in a letter addressed to U.S. lawmakers.\n"
        "Parallax AI declined to comment, and Lumora Labs did not respond to a request for comment.\n"
    ),
    "collection": (
        "Quillpoint, Lumora Labs' AI coding assistant, collects the user's time zone and inserts a hidden "
        "identifier into requests.\n"
        "The company said the feature was designed to prevent account sharing and stop resellers.\n"
    ),
}


@pytest.fixture(scope="module")
def extraction(tmp_path_factory):
    return extract_corpus(tmp_path_factory.mktemp("unit"), ARTICLES)


def key(f):
    return tuple(r.label for r in f.roles.values())


def test_coordinated_products_each_get_a_policy(extraction):
    keys = {key(f) for f in facts_of(extraction, "policy")}
    assert ("Harbor Crest Bank", "ChatGPT") in keys
    assert ("Harbor Crest Bank", "Gemini") in keys


def test_policy_type_scope_and_alternative(extraction):
    bank = [f for f in facts_of(extraction, "policy") if key(f) == ("Harbor Crest Bank", "Gemini")][0]
    assert bank.attrs["type"] == ["restriction"]
    assert "employees" in bank.attrs["scope"]
    alts = {a.label for f in facts_of(extraction, "policy") if f.roles["issuer"].label == "Harbor Crest Bank"
            for a in f.entity_attrs.get("alternative", [])}
    assert alts == {"Crestline Assistant"}


def test_passive_ban_with_agent_and_partial_date(extraction):
    navy = [f for f in facts_of(extraction, "policy") if key(f) == ("U.S. Navy", "Quillpoint")]
    assert navy, [key(f) for f in facts_of(extraction, "policy")]
    assert navy[0].attrs["type"] == ["ban"]
    assert navy[0].attrs["date"] == ["--03-03"]
    assert extraction.entities[navy[0].roles["issuer"].key].kind == "GovernmentBody"


def test_barred_from_using_with_reason_and_location(extraction):
    f = [f for f in facts_of(extraction, "policy") if key(f) == ("Kestrel Dynamics", "Cursor")][0]
    assert f.attrs["type"] == ["ban"] and f.attrs["scope"] == ["staff"]
    assert f.attrs["reason"] == ["security concerns"]
    assert ("Kestrel Dynamics", "China") in {(f.roles["organization"].label, f.roles["country"].label)
                                             for f in facts_of(extraction, "location")}


def test_allegation_practice_target_and_addressee(extraction):
    (f,) = facts_of(extraction, "allegation")
    assert key(f) == ("Lumora Labs", "Parallax AI")
    # the practice's normalized name first; the lawsuit frame may add the clause that states it
    assert f.attrs["practice"][0] == "copying" and all("copy" in p for p in f.attrs["practice"])
    assert [t.label for t in f.entity_attrs["target"]] == ["Tessera-7"]
    assert [t.label for t in f.entity_attrs["addressed_to"]] == ["U.S. lawmakers"]
    assert {e.label: e.kind for e in extraction.entities.values()}["Tessera-7"] == "AIModel"


def test_non_responses(extraction):
    rows = {(f.roles["party"].label, f.attrs["matter"][0]) for f in facts_of(extraction, "nonresponse")}
    assert rows == {("Parallax AI", "comment"), ("Lumora Labs", "request for comment")}


def test_signals_purposes_and_developer(extraction):
    (f,) = facts_of(extraction, "collection")
    assert f.roles["product"].label == "Quillpoint"
    assert f.attrs["signal"] == ["time zone", "hidden identifier"]  # the possessor is no part of a signal
    assert f.attrs["purpose"] == ["prevent account sharing", "stop resellers"]
    assert [e.label for e in f.entity_attrs["stated_by"]] == ["Lumora Labs"]
    assert ("Lumora Labs", "Quillpoint") in {key(d) for d in facts_of(extraction, "development")}


def test_every_fact_has_evidence_inside_its_article(extraction):
    texts = {a.identifier: a.text for a in extraction.articles}
    for f in extraction.facts:
        assert f.evidence
        for ev in f.evidence:
            assert 0 <= ev.start < ev.end <= len(texts[ev.article])


def test_unknown_names_are_typed_from_context(extraction):
    kinds = {e.label: e.kind for e in extraction.entities.values()}
    assert kinds["Quillpoint"] == "SoftwareProduct"
    assert kinds["Crestline Assistant"] == "SoftwareProduct"
    assert kinds["Lumora Labs"] == "Company"
