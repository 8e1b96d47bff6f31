"""Frame collection_news: data a product collects (cq05) and the purposes its maker gives (cq06).

End-to-end on invented articles: ``kg.io.corpus.read_article`` + ``kg.extract.extraction.extract``.
"""

from __future__ import annotations

import pytest

from kg.extract.extraction import extract
from kg.io.corpus import read_article

HEAD = ("Lumora Labs launches Quillpoint assistant\n\n"
        "Lumora Labs, a startup based in Oslo, released its chatbot Quillpoint on Monday.\n\n")


def _collections(tmp_path, body: str) -> dict:
    path = tmp_path / "a.txt"
    path.write_text(HEAD + body, encoding="utf-8")
    ex = extract([read_article(path)])
    out: dict = {}
    for f in ex.facts:
        if f.kind == "collection":
            entry = out.setdefault(f.roles["product"].label, {"signal": [], "purpose": [], "stated_by": []})
            entry["signal"] += f.attrs.get("signal", [])
            entry["purpose"] += f.attrs.get("purpose", [])
            entry["stated_by"] += [e.label for e in f.entity_attrs.get("stated_by", [])]
    return out


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("collection_news")


def test_enumeration_every_item_is_a_signal(tmp):
    """Rule *collecting verb* + list recovery: "collects A, B and C" (parsed as an apposition)."""
    got = _collections(tmp, "The Quillpoint app collects keyboard input patterns, IP addresses and device "
                            "information, according to researchers.\n")
    signals = got["Quillpoint"]["signal"]
    for want in ("device information", "IP addresses", "keyboard input patterns"):
        assert want in signals


def test_company_plan_to_train_gives_signal_and_maker_purpose(tmp):
    """Rules *use to train* and *purpose*: the maker's own plan, said by the maker."""
    got = _collections(tmp, "Lumora Labs said it plans to use public posts to train its models.\n")
    entry = got["Quillpoint"]
    assert "public posts" in entry["signal"]
    assert any(p.startswith("train") for p in entry["purpose"])
    assert "Lumora Labs" in entry["stated_by"]


def test_passive_use_with_named_product(tmp):
    """Rule *passive*: "conversations with P will be used to improve ..."."""
    got = _collections(tmp, "The company said conversations with Quillpoint will be used to improve future "
                            "versions of the system.\n")
    entry = got["Quillpoint"]
    assert any("conversations" in s for s in entry["signal"])
    assert any(p.startswith("improve") for p in entry["purpose"])


def test_regulator_report_is_not_a_maker_purpose(tmp):
    """Rule *purpose*: a purpose reported by someone else than the maker is not kept."""
    got = _collections(tmp, "The Harbor Crest regulator said Lumora Labs processed user data to train "
                            "Quillpoint without consent.\n")
    entry = got.get("Quillpoint", {"purpose": []})
    assert not any("train" in p for p in entry["purpose"])


def test_negated_collection_is_not_read():
    """Negation: "does not collect X" states no collection (the frame's own guard;
    the built-in pass still reads such sentences)."""
    from kg.extract.collection_news import _negated
    from kg.nlp.model import load_pipeline

    doc = load_pipeline()("Quillpoint does not collect location history.")
    verb = next(t for t in doc if t.lemma_ == "collect")
    assert _negated(verb)
    doc = load_pipeline()("Quillpoint collects location history.")
    assert not _negated(next(t for t in doc if t.lemma_ == "collect"))


def test_generic_training_statement_gives_no_signal(tmp_path):
    """collection_news: "a small model learns from the answers of ..." describes a technique."""
    path = tmp_path / "a.txt"
    path.write_text("Lumora Labs makes ChatGPT.\n\nDistillation is a method where a small model is trained "
                    "on the answers of a stronger system.\n", encoding="utf-8")
    from kg.extract.extraction import extract
    from kg.io.corpus import read_article
    facts = extract([read_article(path)]).facts
    assert not any("outputs" in s for f in facts if f.kind == "collection" for s in f.attrs.get("signal", []))


def test_purpose_clause_on_collecting_or_using_data(tmp_path):
    """CollectionFrame._infinitive_purposes: "collects X to help users Y, Acme said"; "X, which Acme
    says it uses to improve Y"."""
    path = tmp_path / "p.txt"
    path.write_text("The Alexa app collects location data and contact lists to help users find friends, "
                    "Amazon said.\n\nAlexa also stores voice recordings, which Amazon says it uses to improve "
                    "its speech recognition.\n", encoding="utf-8")
    facts = [f for f in extract([read_article(path)]).facts if f.kind == "collection"]
    purposes = " | ".join(p for f in facts for p in f.attrs.get("purpose", []))
    assert "help users find friends" in purposes and "improve its speech recognition" in purposes
    assert any(e.label == "Amazon" for f in facts for e in f.entity_attrs.get("stated_by", []))


def test_coordinated_products_each_collect(tmp):
    """_read_verb: "A and B collect X" gives X to both products."""
    got = _collections(tmp, "The bureau said Gemini and Claude collect location data.\n")
    assert "location data" in got["Gemini"]["signal"] and "location data" in got["Claude"]["signal"]


def test_a_plural_description_collects_for_the_group_named_before(tmp):
    """ArticleReader.group_antecedent: "the two apps" stand for the two products listed before."""
    got = _collections(tmp, "Researchers tested two apps, Gemini and Claude, last month.\n\n"
                            "The two apps collected screenshots without notice.\n")
    assert "screenshots" in got["Gemini"]["signal"] and "screenshots" in got["Claude"]["signal"]
    assert "screenshots" not in got.get("Quillpoint", {}).get("signal", [])


def test_what_the_data_just_named_includes(tmp):
    """_read_list_verb (``collection_news.data_anaphors``): "This may include A and B" after a
    sentence stating what a product collects adds A and B to its signals."""
    got = _collections(tmp, "Gemini will use member data to train its models. This may include data such as "
                            "profile details and the posts you write.\n")
    assert {"profile details", "posts"} <= set(got["Gemini"]["signal"])


def test_a_list_item_tagged_a_verb_and_products_listed_in_the_subject(tmp):
    """signal_items ("and chat histories" with "chat" tagged a verb) and _listed_products ("the
    apps, including A and B, collected X": each listed product collects X)."""
    got = _collections(tmp, "The app Gemini collects users' names, email addresses and chat histories.\n\n"
                            "The Kestrel Bureau found that the apps, including Doubao and Kimi, collected "
                            "excessive personal data.")
    assert "chat histories" in got["Gemini"]["signal"]
    assert "excessive personal data" in got["Doubao"]["signal"] and "excessive personal data" in got["Kimi"]["signal"]


def test_a_nominal_collection_by_means_of_a_product(tmp):
    """_read_noun (``means_verbs``): "the collection of facial images using the X app" -> X collects
    facial images."""
    got = _collections(tmp, "The group challenged the collection of iris and facial images using the Worldcoin "
                            "app.\n")
    assert "facial images" in got["Worldcoin"]["signal"]


def test_a_technology_class_collects(tmp):
    """_product_of_agent / _technology_named (``technology_anaphors``): "The system recorded the
    faces of ..." after a sentence that names facial recognition technology."""
    path = tmp / "tech.txt"
    path.write_text("Retail news\n\nZorvane Mart deployed facial recognition technology across its stores. The "
                    "system recorded the faces of all its customers for a year.\n", encoding="utf-8")
    got = {f.roles["product"].label: f.attrs.get("signal", []) for f in extract([read_article(path)]).facts
           if f.kind == "collection"}
    assert "faces" in got["facial recognition technology"]



def test_a_makers_short_name_gives_its_purposes(tmp_path):
    """_resolve_surnames: "Clearwave said" after "Clearwave Labs" is the maker, so the purpose
    it gives for the data its product collects is kept."""
    path = tmp_path / "a.txt"
    path.write_text("What the Vortiq app collects\n\nThe Vortiq browser extension, made by Clearwave Labs, "
                    "collects users' browsing history and keystrokes.\n\nClearwave said the data is used to "
                    "improve its recommendations.\n", encoding="utf-8")
    facts = [f for f in extract([read_article(path)]).facts if f.kind == "collection"]
    assert any(p.startswith("improve its recommendations") for f in facts for p in f.attrs.get("purpose", []))


def test_the_subject_of_a_reporting_clause_after_the_list_is_no_signal(tmp):
    """signal_items: "collects A, B and C, researchers at X found": "researchers" is no signal."""
    got = _collections(tmp, "The Quillpoint app can access users' camera, microphone and precise location, "
                            "researchers at Kestrel University found.\n")
    assert "precise location" in got["Quillpoint"]["signal"] and "researchers" not in got["Quillpoint"]["signal"]


def test_a_negated_statement_coordinated_with_a_purpose_is_none(tmp_path):
    """goal_conjuncts: "the data is used to V and that it does not sell ..." gives one purpose."""
    got = _collections(tmp_path, "The Quillpoint app collects users' location and contact lists.\n\n"
                                 "Lumora Labs said that the data is used to personalize suggestions and that it "
                                 "does not sell user information to third parties.\n")
    purposes = got["Quillpoint"]["purpose"]
    assert any(p.startswith("personalize suggestions") for p in purposes)
    assert not any("sell" in p for p in purposes)


def test_a_list_after_including_when_the_object_is_a_clause(tmp_path):
    """_read_verb: "collects everything users type, including A and B" (no object noun): the
    list after "including"; a noun mistagged as an adverb ends an item ("a unique advertising
    identifier")."""
    got = _collections(tmp_path, "The Quillpoint app collects everything users type, including passwords and "
                                 "credit card numbers, and sends it to servers abroad.\n\nThe researchers found "
                                 "that the app also gathers the device's location, contact list and a unique "
                                 "advertising identifier every time it is opened.\n")
    signals = got["Quillpoint"]["signal"]
    assert {"passwords", "credit card numbers", "unique advertising identifier"} <= set(signals)


def test_a_purpose_of_whole_products_is_no_data_purpose(tmp_path):
    """_sentence_purpose: "coding tools designed to speed up X" is what tools are for, not a
    purpose of the data a product collects (whole-product nouns hold no data purpose)."""
    got = _collections(tmp_path, "The Quillpoint app collects users' location and contact lists.\n\n"
                                 "Kestrel Labs also sells coding tools designed to speed up testing.\n")
    assert not any("speed" in p for entry in got.values() for p in entry["purpose"])


def test_what_a_named_app_sends_to_servers(tmp_path):
    """_read_verb (``transfer_verbs``): "the X app sends A and B to servers in Y" (the agent a cue
    noun its name modifies) collects A and B; a company's staff sending data collects nothing."""
    got = _collections(tmp_path, "Researchers found that the Quillpoint app sends device identifiers and "
                                 "IP addresses to servers in Singapore.\n\n"
                                 "Separately, Lumora Bank's staff sent client records to a chatbot.\n")
    assert set(got["Quillpoint"]["signal"]) == {"device identifiers", "IP addresses"}
    assert set(got) == {"Quillpoint"}


def test_a_product_named_again_at_a_sentence_start_collects(tmp_path):
    """MentionFinder.add_repeated_names, end to end: "Quillpoint collects ...", whose first word the
    tagger reads as a common noun, is the app the article named before."""
    got = _collections(tmp_path, "Lumora Labs launched the Quillnote app in 2023.\n\n"
                                 "Quillnote collects users' location and contact lists.\n")
    assert set(got["Quillnote"]["signal"]) == {"location", "contact lists"}


@pytest.mark.parametrize("body", [
    "Legislators asked whether the Quillpoint app uploads contact lists.\n",
    "Quillpoint did not answer questions about how its app uploads contact lists.\n",
])
def test_an_indirect_question_states_no_collection(tmp_path, body):
    """_asked: a "whether" clause, or a "how" clause under a question noun, asks about a
    collection; it does not state one."""
    assert "Quillpoint" not in _collections(tmp_path, body)


def test_a_plain_statement_next_to_the_question_rule_still_collects(tmp_path):
    """_asked: the same verb in a statement still reads the collection."""
    assert "contact lists" in _collections(tmp_path, "The Quillpoint app uploads contact lists.\n")["Quillpoint"]["signal"]


def test_a_data_compound_whose_head_is_no_signal_alone(tmp_path):
    """signal item (``data_compounds``): "operating system" is data about the user's device, though
    "system" alone names no data."""
    got = _collections(tmp_path, "The Quillpoint app collects the device model, operating system and IP address.\n")
    assert {"device model", "operating system", "IP address"} <= set(got["Quillpoint"]["signal"])


def test_messages_of_a_named_product_are_a_signal(tmp_path):
    """signal item: "WhatsApp messages" (a product's name as a compound of a data noun) are the
    user's messages in that product, a signal; the product named is not the collector."""
    got = _collections(tmp_path, "The Quillpoint assistant can now read WhatsApp messages.\n")
    assert got["Quillpoint"]["signal"] == ["WhatsApp messages"]


def test_an_organization_s_app_collects(tmp_path):
    """_product_of_agent: "Acme's app collects X" names the product only by its owner: the
    organization's product (its name, when the article names no other) collects X."""
    got = _collections(tmp_path, "Orvane Labs' app collects keystroke patterns.\n")
    assert got["Orvane Labs"]["signal"] == ["keystroke patterns"]


@pytest.mark.parametrize("body", [
    "Voice recordings from the Quillpoint assistant are stored by default.\n",
    "Voice recordings are kept whenever people use the Quillpoint assistant.\n",
])
def test_a_passive_collection_whose_product_is_in_an_adjunct(tmp_path, body):
    """_agent_token (``manner_by_nouns``: "by default" names no agent) and _named_products
    (``use_clause_marks``: "whenever people use P"): the signal is the passive's subject, the
    product named in its phrase or in the clause of its use."""
    assert "Voice recordings" in _collections(tmp_path, body)["Quillpoint"]["signal"]


@pytest.mark.parametrize("body, purpose", [
    ("Lumora Labs said the assistant collects chats for safety.\n", "safety"),
    ("Lumora Labs said Quillpoint collects location data for safety and security reasons.\n", "safety and security"),
])
def test_a_purpose_named_by_a_noun_after_for(tmp_path, body, purpose):
    """_for_topics (``purpose_topics``, ``reason_heads``): "collects X for safety", "for safety and
    security reasons" (also where the parse hangs "for" on the object), said by the maker."""
    got = _collections(tmp_path, body)["Quillpoint"]
    assert purpose in got["purpose"] and got["stated_by"] and set(got["stated_by"]) == {"Lumora Labs"}


def test_a_company_that_sends_user_data(tmp_path):
    """_read_verb (transfer verbs): "Acme sent user data to Y, the watchdog said": the company
    (its product, or its name as one) transfers the data; "sent a letter" names no data."""
    got = _collections(tmp_path, "Orvane Labs sent user data to Tessly Group, the watchdog said.\n\n"
                                 "Orvane Labs sent a letter to Tessly Group.\n")
    assert got["Orvane Labs"]["signal"] == ["user data"]


def test_a_maker_s_purpose_in_a_relative_clause_on_the_signal(tmp_path):
    """_enabled_purposes: "X collects A, which Acme says are used for Z": the relative pronoun
    stands for the signal, so Z is the purpose Acme gives."""
    got = _collections(tmp_path, "Quillpoint collects keystroke rhythms, which Lumora Labs says are used only for "
                                 "fraud checks.\n")["Quillpoint"]
    assert "fraud checks" in got["purpose"] and "Lumora Labs" in got["stated_by"]
