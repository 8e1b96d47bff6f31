"""Rules of the policy frame on invented news sentences, read by the real model.

Each test names the rule it checks (``kg.extract.facts.ArticleReader`` method or lexicon
list). Organizations and people are invented; products and places are
well-known names from the knowledge base or the gazetteer, so that the test
exercises the frame's rules rather than entity typing.
"""

from __future__ import annotations

import pytest

from kg.extract.extraction import extract
from kg.io.corpus import read_article


def policies(tmp_path, text: str) -> dict[tuple[str, str], dict]:
    """(issuer label, product label) -> the policy fact's attributes, for one article."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    facts = extract([read_article(path)]).facts
    return {(f.roles["issuer"].label, f.roles["product"].label): f.attrs for f in facts if f.kind == "policy"}


def test_place_issuer_is_its_government_labelled_with_the_place(tmp_path):
    """_policy_issuers step 2 and government_of: a state, not only a country."""
    got = policies(tmp_path, "Ohio has banned ChatGPT on state-issued devices.\n")
    assert ("Ohio", "ChatGPT") in got


def test_issuers_listed_with_including(tmp_path):
    """_listed_members: "provinces ... including A, B and C" attached anywhere in the clause."""
    got = policies(tmp_path, "Several provinces have prohibited ChatGPT by decree this spring, "
                             "including Ohio, Nevada and Oregon.\n")
    assert {("Ohio", "ChatGPT"), ("Nevada", "ChatGPT"), ("Oregon", "ChatGPT")} <= set(got)


def test_relative_clause_antecedent_gives_every_conjunct(tmp_path):
    """_agent_token: "A, B and C, which have imposed ..." -> A, B and C."""
    got = policies(tmp_path, "The step aligns Harbor Crest Bank with peers, including Dravik Bank "
                             "and Torvane Bank, which have placed limits on ChatGPT.\n")
    assert {("Dravik Bank", "ChatGPT"), ("Torvane Bank", "ChatGPT")} <= set(got)


def test_headline_noun_phrase_issuer(tmp_path):
    """_agent_token: compounds before a noun trigger ("Nevada governor signs ban on X")."""
    got = policies(tmp_path, "Nevada governor signs ban on ChatGPT for agency laptops\n\n"
                             "The rule applies at once.\n")
    assert ("Nevada", "ChatGPT") in got


def test_services_provided_by_a_company_are_its_product(tmp_path):
    """_maker_slot: "services provided by X" stands for X's product when none is named."""
    got = policies(tmp_path, "Torvane Bank has barred tellers from relying on chat services provided by "
                             "the startup Lumora Labs.\n")
    assert ("Torvane Bank", "Lumora Labs") in got


def test_named_product_wins_over_its_maker(tmp_path):
    """_names_product: "the ChatGPT tool from X" restricts ChatGPT, not X."""
    got = policies(tmp_path, "Torvane Bank has barred analysts from the ChatGPT assistant sold by the "
                             "Danish vendor Lumora Labs.\n")
    assert set(got) == {("Torvane Bank", "ChatGPT")}


@pytest.mark.parametrize("sentence", [
    "Dravik Bank restricted access to ChatGPT within the company.",
    "Dravik Bank published a notice forbidding ChatGPT's use at its branches.",
])
def test_access_to_and_possessive_use(tmp_path, sentence):
    """_maker_slot / _object_slot: "access to X", "X's use"."""
    assert ("Dravik Bank", "ChatGPT") in policies(tmp_path, sentence + "\n")


@pytest.mark.parametrize("sentence", [
    "Employees at Harbor Crest Bank are not allowed to use ChatGPT.",
    "Harbor Crest Bank staff have been banned from using ChatGPT on work laptops.",
    "Harbor Crest Bank tellers can no longer use ChatGPT at work.",
])
def test_organization_whose_staff_a_rule_binds(tmp_path, sentence):
    """_denied_use and _staff_owner: a rule with no named issuer binds an organization's staff."""
    assert ("Harbor Crest Bank", "ChatGPT") in policies(tmp_path, sentence + "\n")


def test_permitted_use_is_no_policy(tmp_path):
    """_denied_use: only a negated use is a rule."""
    assert policies(tmp_path, "Employees at Harbor Crest Bank are allowed to use ChatGPT.\n") == {}


@pytest.mark.parametrize("sentence, word", [
    ("Dravik Bank has banned staff from using ChatGPT due to security concerns.", "security"),
    ("Dravik Bank has banned staff from using ChatGPT after learning that interns pasted "
     "confidential drafts into it.", "confidential"),
    ("Dravik Bank restricted staff use of ChatGPT to protect its unpublished research.",
     "unpublished"),
])
def test_reasons_anywhere_in_the_policy_clause(tmp_path, sentence, word):
    """_reasons: strong markers, "after" + clause, and "to prevent ..."."""
    reasons = policies(tmp_path, sentence + "\n")[("Dravik Bank", "ChatGPT")].get("reason", [])
    assert any(word in r for r in reasons)


def test_weak_marker_needs_a_concern(tmp_path):
    """_reasons: "over the weekend" is no reason."""
    got = policies(tmp_path, "Dravik Bank banned ChatGPT on company networks over the weekend.\n")
    assert got[("Dravik Bank", "ChatGPT")].get("reason", []) == []


def test_stated_concern_is_a_reason_of_the_issuers_policy(tmp_path):
    """_concern_reasons: "X is concerned that ..." in a later sentence."""
    got = policies(tmp_path, "Dravik Bank has banned ChatGPT.\n\n"
                             "The bank is concerned that queries may be kept on offshore machines.\n")
    assert any("offshore machines" in r for r in got[("Dravik Bank", "ChatGPT")]["reason"])


def test_company_named_for_its_product_becomes_the_product_it_makes(tmp_path):
    """link_article_level: "OpenAI's chatbot" -> the product the article says OpenAI makes."""
    got = policies(tmp_path, "OpenAI develops ChatGPT.\n\n"
                             "Dravik Bank and Torvane Bank have imposed bans on OpenAI's chatbot.\n")
    assert {("Dravik Bank", "ChatGPT"), ("Torvane Bank", "ChatGPT")} <= set(got)
    assert not any(product == "OpenAI" for _, product in got)


def test_trade_rule_on_unnamed_goods(tmp_path):
    """_generic_goods and phrasal_restriction: "cracked down on resales of Korean-made AI chips"."""
    got = policies(tmp_path, "Chile cracked down last week on the resale of all Korean-made AI chips.\n")
    assert ("Chile", "Korean-made AI chips") in got


def test_bare_goods_name_nothing(tmp_path):
    """_generic_goods: a bare "chips" is no product."""
    assert policies(tmp_path, "Dravik Bank banned staff from buying chips.\n") == {}


def test_administration_named_after_a_person(tmp_path):
    """_policy_issuers: "the Kestrel administration restricted ..." is a government body."""
    got = policies(tmp_path, "Dana Kestrel took office in 2021.\n\n"
                             "The Kestrel administration restricted the export of advanced chips to Brazil.\n")
    assert ("Kestrel administration", "advanced chips") in got


def test_unresolved_company_possessive_is_dropped(tmp_path):
    """link_article_level: "Lumora Labs' chatbot" with nothing saying which product it is gives no row."""
    got = policies(tmp_path, "Dravik Bank has banned Lumora Labs' chatbot among employees.\n")
    assert not any(product == "Lumora Labs" for _, product in got)


@pytest.mark.parametrize("sentence, issuer, product", [
    ("Pellmont Corp advised its engineers against using GitHub Copilot.", "Pellmont Corp", "GitHub Copilot"),
    # (a described body of a place is that body: _described_bodies)
    ("The Nevada finance ministry asked staff to refrain from using ChatGPT on office computers.",
     "finance ministry", "ChatGPT"),
    ("Vienna's privacy commissioner asked phone makers to remove ChatGPT from their stores.",
     "Vienna", "ChatGPT"),
])
def test_directives_against_use(tmp_path, sentence, issuer, product):
    """Triggers under a directive: "advised against using", "asked to refrain from", "asked to remove"."""
    assert (issuer, product) in policies(tmp_path, "Torvane Bank is a lender.\n\n" + sentence + "\n")


def test_definite_government_description_is_no_company(tmp_path):
    """coref: "the ministry" never resolves to a company named earlier."""
    got = policies(tmp_path, "Torvane Bank is a lender.\n\n"
                             "The finance ministry asked staff to refrain from using ChatGPT.\n")
    assert ("Torvane Bank", "ChatGPT") not in got


def test_pointing_people_to_an_alternative_is_no_reason(tmp_path):
    """_reasons: "pointing them to X" directs; it gives no reason."""
    got = policies(tmp_path, "Harbor Crest Bank briefly blocked ChatGPT for tellers, "
                             "pointing them to Gemini instead.\n")
    assert got[("Harbor Crest Bank", "ChatGPT")].get("reason", []) == []


def test_passive_without_agent_is_issued_by_the_speaker(tmp_path):
    """_policy_issuers: "Acme said access to X had been restricted" -> Acme; a news agency issues nothing."""
    got = policies(tmp_path, "Dravik Bank said use of ChatGPT had been limited on its trading floors for now.\n\n"
                             "ChatGPT has been banned on some devices, according to Reuters.\n")
    assert set(got) == {("Dravik Bank", "ChatGPT")}


def test_company_named_for_its_product_develops_it(tmp_path):
    """link_article_level: "banned DeepSeek" -> DeepSeek develops the product of that name, since
    the knowledge base knows a product named after it; "banned Lumora Labs" says nothing of the kind."""
    path = tmp_path / "a.txt"
    path.write_text("Dravik Bank has banned DeepSeek and Lumora Labs on work phones.\n\n"
                    "Lumora Labs is a Chinese startup.\n", encoding="utf-8")
    facts = extract([read_article(path)]).facts
    dev = {(f.roles["developer"].label, f.roles["product"].label, f.roles["product"].kind)
           for f in facts if f.kind == "development"}
    assert ("DeepSeek", "DeepSeek", "SoftwareProduct") in dev
    assert not any(d == "Lumora Labs" for d, _, _ in dev)


def test_headline_reason_refines_the_articles_policies(tmp_path):
    """sentence_policy: a headline without an issuer ("Lenders Ban X over Privacy Fears") gives its reason."""
    got = policies(tmp_path, "Kestrian Lenders Ban ChatGPT over Privacy Fears\n\n"
                             "Dravik Bank has banned ChatGPT for internal use.\n")
    assert any("Privacy" in r for r in got[("Dravik Bank", "ChatGPT")]["reason"])


def test_unnamed_ministries_are_government_bodies(tmp_path):
    """_described_bodies: "the foreign, trade and defence ministries" are three bodies."""
    got = policies(tmp_path, "The foreign, trade and defence ministries have blocked ChatGPT.\n")
    assert {("foreign ministry", "ChatGPT"), ("trade ministry", "ChatGPT"), ("defence ministry", "ChatGPT")} <= set(got)


def test_placed_body_keeps_its_own_words(tmp_path):
    """_described_bodies: "Ohio's police" is a body of its own, named by the text's words, and
    another place's police is another body."""
    path = tmp_path / "a.txt"
    path.write_text("Ohio's police have blocked ChatGPT on work computers.\n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("Kenya's police have blocked ChatGPT on work computers.\n", encoding="utf-8")
    facts = extract([read_article(path), read_article(other)]).facts
    issuers = [f.roles["issuer"] for f in facts if f.kind == "policy"]
    assert [e.label for e in issuers] == ["police", "police"]
    assert len({e.key for e in issuers}) == 2


def test_pronoun_in_reported_speech_is_the_speaker(tmp_path):
    """_reported_speaker: "Kenya's police said they had blocked X" -> the police."""
    got = policies(tmp_path, "Kenya's police said on Monday that they had blocked access to ChatGPT.\n")
    assert ("police", "ChatGPT") in got


def test_access_only_policy_takes_the_product_other_policies_restrict(tmp_path):
    """link_article_level: "access has been restricted" -> the product the article's policies restrict."""
    got = policies(tmp_path, "Dravik Bank has banned ChatGPT.\n\n"
                             "Torvane Bank said access had been limited at its branches for the time being.\n")
    assert ("Torvane Bank", "ChatGPT") in got


@pytest.mark.parametrize("sentence, issuer", [
    ("ChatGPT has been blocked at Torvane Bank since Monday.", "Torvane Bank"),
    ("Nolvik Corp will not allow its employees to use ChatGPT on company devices.", "Nolvik Corp"),
    ("Employees of Harbor Crest Bank were instructed to avoid ChatGPT.", "Harbor Crest Bank"),
])
def test_more_ways_to_state_a_staff_rule(tmp_path, sentence, issuer):
    """_policy_issuers ("blocked at X"), _denied_use ("will not allow ... to use"), _staff_owner."""
    assert (issuer, "ChatGPT") in policies(tmp_path, sentence + "\n")


def test_the_end_a_policy_is_the_means_of(tmp_path):
    """_means_to_end: "to shield residents' records by blocking X" gives the reason."""
    got = policies(tmp_path, "The Corvell Data Authority acted to protect residents' medical records by "
                             "blocking the ChatGPT app.\n")
    assert any("medical records" in r for r in got[("Corvell Data Authority", "ChatGPT")]["reason"])


@pytest.mark.parametrize("sentence, word", [
    ("Dravik Bank banned ChatGPT for security reasons.", "security"),
    ("Dravik Bank banned ChatGPT on national security grounds.", "security"),
])
def test_weak_markers_with_a_reason_noun(tmp_path, sentence, word):
    """_is_reason_marker(weak=True): "for security reasons", "on ... grounds"."""
    got = policies(tmp_path, sentence + "\n")
    assert any(word in r for r in got[("Dravik Bank", "ChatGPT")]["reason"])


def test_for_whom_is_scope_not_reason(tmp_path):
    """_policy_scope_tokens keeps "for all staff" as the scope."""
    got = policies(tmp_path, "Dravik Bank banned ChatGPT for all staff.\n")[("Dravik Bank", "ChatGPT")]
    assert got["scope"] == ["staff"] and got.get("reason", []) == []


def test_store_removed_from_is_no_product(tmp_path):
    """_restricted_things: "removed X and Y from its App Store" restricts X and Y, not the store."""
    got = policies(tmp_path, "Pellmont Corp removed WhatsApp and Telegram from the App Store in Kenya on Friday.\n")
    assert {("Pellmont Corp", "WhatsApp"), ("Pellmont Corp", "Telegram")} <= set(got)
    assert not any(product == "App Store" for _, product in got)


def test_licence_requirements_on_exports(tmp_path):
    """policy.control_nouns: "new license requirements on exports of X" is a restriction."""
    got = policies(tmp_path, "The Commerce Department imposed new license requirements on exports of "
                             "H20 chips to Kenya.\n")
    assert got[("Commerce Department", "H20")]["type"] == ["restriction"]


def test_company_barred_from_selling_is_the_party(tmp_path):
    """_barred_party: "barred Nvidia from selling its H20 chips" restricts H20; Nvidia is bound, not banned."""
    got = policies(tmp_path, "Washington barred Nvidia from selling its H20 chips to Kenyan customers.\n")
    assert ("United States", "H20") in got  # (the capital stands for its state: government_of)
    assert ("United States", "Nvidia") not in got


def test_contrasting_clause_with_its_own_issuers_is_its_own_policy(tmp_path):
    """sentence_policy: one policy per (product, issuer) in a sentence, so "A blocked X, while B
    and C have banned X on Z" gives three policies; _policy_scope_tokens: the subordinate
    clause's scope is not the main clause's."""
    got = policies(tmp_path, "Norway has blocked DeepSeek for its citizens, while Chile and "
                             "Ohio have banned it on official devices.\n")
    assert {("Norway", "DeepSeek"), ("Chile", "DeepSeek"), ("Ohio", "DeepSeek")} <= set(got)
    assert got[("Ohio", "DeepSeek")]["scope"] == ["official devices"]
    assert "official devices" not in got[("Norway", "DeepSeek")].get("scope", [])


def test_its_use_stands_for_a_company_named_for_its_app(tmp_path):
    """_salient_product_before: with no product named, "its use" is the app of the company
    named before when the knowledge base knows that app under the company's name."""
    got = policies(tmp_path, "Lumora Bank restricted DeepSeek last week. Ohio and Nevada have "
                             "since banned its use on state devices.\n")
    assert {("Ohio", "DeepSeek"), ("Nevada", "DeepSeek")} <= set(got)


def test_demonym_parsed_as_compound_names_the_government(tmp_path):
    """_government_described: a nationality word the parser makes a compound ("the Czech
    cabinet") names its country's government, as an adjective does ("the Slovak government")."""
    got = policies(tmp_path, "The Czech cabinet has banned Qwen on ministry laptops.\n")
    assert ("Czech Republic", "Qwen") in got


def test_a_ban_on_x_names_x_for_a_later_anaphor(tmp_path):
    """_salient_product_before: "a ban on X" names X as the thing restricted, not a place where
    something is ("on a platform"), so a later "the app" can stand for it."""
    got = policies(tmp_path, "Senators want a national ban on DeepSeek. Ohio and Nevada already "
                             "prohibit the app on state phones.\n")
    assert {("Ohio", "DeepSeek"), ("Nevada", "DeepSeek")} <= set(got)


def test_federal_government_is_the_government_of_the_articles_country(tmp_path):
    """_government_described and article_country: "the federal government" is the government
    of the country the article's places and nationality words point to (a province through
    the gazetteer's ISO 3166-2 subdivisions)."""
    got = policies(tmp_path, "Schools in Quebec and Manitoba have joined the effort. The federal "
                             "government has since banned Qwen on its phones.\n")
    assert ("Canada", "Qwen") in got


def test_coordinated_place_and_national_modifiers_are_two_governments(tmp_path):
    """_policy_issuers and _national_comodifier: "the Queensland and federal governments that
    have restricted X" are the state's and its country's governments."""
    got = policies(tmp_path, "The rule follows steps taken by the Queensland and federal governments "
                             "that have restricted Qwen on official laptops.\n")
    assert {("Queensland", "Qwen"), ("Australia", "Qwen")} <= set(got)


@pytest.mark.parametrize("text, issuer", [
    ("Norway is a large market for chatbots. The country has banned Qwen on official phones.\n", "Norway"),
    ("Lumora Labs opened an office in Boston. The city has since banned Qwen for its staff.\n", "Boston"),
    ("The municipality of Boston has banned civil servants from using Qwen.\n", "Boston"),
])
def test_place_descriptions_name_the_places_government(tmp_path, text, issuer):
    """_place_anaphor ("the country", "the city": the place last named) and
    _government_described ("the municipality of X": ``policy.government_nouns``)."""
    assert (issuer, "Qwen") in policies(tmp_path, text)


def test_broken_hyphenated_subject_keeps_its_listed_members(tmp_path):
    """_clause_subject: of several subjects a parse gives one verb ("Mega - banks like A and B
    restricted ..."), the widest is the subject, so its listed members issue the policy."""
    got = policies(tmp_path, "Mega-lenders like Dravik Bank and Torvane Bank restricted their staff "
                             "from accessing Qwen.\n")
    assert {("Dravik Bank", "Qwen"), ("Torvane Bank", "Qwen")} <= set(got)


def test_regional_demonym_names_the_state(tmp_path):
    """_regional_demonym: "the Western Australian government" is Western Australia's, not
    Australia's (the gazetteer knows the state)."""
    got = policies(tmp_path, "The Western Australian government banned Qwen on agency laptops.\n")
    assert ("Western Australia", "Qwen") in got and ("Australia", "Qwen") not in got


def test_news_organization_named_with_other_issuers_issues_too(tmp_path):
    """_policy_issuers: a news organization among coordinated issuers is one of them ("A, the
    Kestrel Herald and B have banned X from their systems"); agents_of: "A, B and C" parsed with
    B an apposition of A is still a list."""
    got = policies(tmp_path, "Dravik Bank, the BBC and Torvane Bank have banned Qwen from their "
                             "internal systems.\n")
    assert {("Dravik Bank", "Qwen"), ("BBC", "Qwen"), ("Torvane Bank", "Qwen")} <= set(got)


@pytest.mark.parametrize("text, wrong", [
    ("Lumora Corp has also blocked Qwen on its app store, the Acme Store.\n", ("Lumora Corp", "Acme Store")),
    ("The watchdog praised the move by Lumora Corp to pause a project that would teach its model with "
     "posts shared by adults on Facebook.\n", ("Lumora Corp", "Facebook")),
])
def test_where_things_are_is_not_what_is_restricted(tmp_path, text, wrong):
    """_where_things_are: a store in apposition to "its app store", and a name after "on" under a
    participle that describes a noun ("posts shared on X"), are no restricted products."""
    assert wrong not in policies(tmp_path, text)


def test_products_listed_with_including_are_no_issuers(tmp_path):
    """_listed_members: "cannot rely on any AI tools, including A and B" lists products; "states have
    banned X through executive actions, including A and B" lists issuers."""
    assert not any(k[0] == "DeepSeek" for k in policies(
        tmp_path, "Clerks must not use any chatbot tools, including Gemini and DeepSeek, when writing rulings.\n"))
    got = policies(tmp_path, "Other states have banned Qwen through executive orders, including Ohio and Utah.\n")
    assert {("Ohio", "Qwen"), ("Utah", "Qwen")} <= set(got)


def test_a_policys_own_effect_names_no_new_issuer(tmp_path):
    """_store_removal: "The suspension took effect, removing X from Acme's app store": the store's
    owner did not issue it (``policy_anaphors`` as the clause subject)."""
    got = policies(tmp_path, "The suspension took effect on Saturday, removing Qwen from Lumora Corp's app "
                             "store in Kestria.\n")
    assert ("Lumora Corp", "Qwen") not in got


def test_what_exports_are_of_is_the_restricted_goods(tmp_path):
    """_generic_goods and _traded_goods (``policy.trade_nouns``, ``policy.kind_nouns``): the
    unnamed goods a trade noun is "of" are restricted, through "types of", and when the parser
    hangs "of X" on the destination."""
    got = policies(tmp_path, "Kestria banned the export of tungsten and cobalt to Norway.\n")
    assert {("Kestria", "tungsten"), ("Kestria", "cobalt")} <= set(got)
    got = policies(tmp_path, "Norway said it would restrict exports of 12 types of wafer polishing equipment.\n")
    assert ("Norway", "wafer polishing equipment") in got


def test_a_causal_phrase_gives_a_reason_whatever_its_object(tmp_path):
    """_reasons: a marker phrase ("in response to", ``reason.marker_phrases``) is a strong marker:
    its object is a reason even when it names no risk word."""
    got = policies(tmp_path, "Kestria banned the export of tungsten in response to new tariffs.\n")
    assert "new tariffs" in got[("Kestria", "tungsten")]["reason"]


def test_laws_of_places_block_the_rollout_of_the_product(tmp_path):
    """_government_described (laws as ``government_nouns``, every place after "in") and the
    product anaphor "the rollout": the places whose laws block a product's rollout restrict it."""
    got = policies(tmp_path, "Lumora Corp launched Glimpse, a face-matching app for its doorbells. "
                             "Privacy laws in Ohio and Utah have already blocked the rollout.\n")
    assert {("Ohio", "Glimpse"), ("Utah", "Glimpse")} <= set(got)


def test_a_news_organization_states_its_own_rule(tmp_path):
    """_news_own_rule: the subject of an active policy verb is the issuer even when it is a news
    organization; a news organization that reports someone else's ban issues none."""
    got = policies(tmp_path, "Harlow Press has prohibited reporters from drafting stories with ChatGPT.\n\n"
                             "Harlow Press reported that Dravik Bank banned Gemini.\n")
    assert ("Harlow Press", "ChatGPT") in got and ("Dravik Bank", "Gemini") in got
    assert ("Harlow Press", "Gemini") not in got


def test_a_headline_issuer_before_to_and_its_joiners(tmp_path):
    """_headline_issuers (``policy.headline_auxiliaries``) and _joined_issuers: "A to Block X";
    "A joins the ranks of outlets such as B and C to block X" makes B and C issuers too."""
    got = policies(tmp_path, "Menu\n\nHarlow Herald to block ChatGPT from scraping its websites\n\n"
                             "With this, Harlow Herald joins the ranks of other outlets such as the Kestrel "
                             "Times and Dravik News to block ChatGPT from accessing their websites.\n")
    assert {("Harlow Herald", "ChatGPT"), ("Kestrel Times", "ChatGPT"), ("Dravik News", "ChatGPT")} <= set(got)


def test_an_organization_stops_its_own_use(tmp_path):
    """_stops_own_use: "A will stop using X" is A's ban on X; people who stop using X state none."""
    got = policies(tmp_path, "Zorvane University will stop using ChatGPT from 1 October.\n\n"
                             "Many students stopped using Gemini last year.\n")
    assert got[("Zorvane University", "ChatGPT")]["type"] == ["ban"]
    assert not any(product == "Gemini" for _, product in got)


def test_a_class_barred_from_a_platform(tmp_path):
    """_platform_of_class and ``policy.foreign_class_words``: "will ban third-party AI chatbots
    from X" restricts the class, not X, and not the issuer's own product X."""
    got = policies(tmp_path, "Zorvane Labs makes Quillchat.\n\nZorvane Labs will ban third-party AI chatbots "
                             "from Quillchat, the company said.\n")
    assert ("Zorvane Labs", "third-party AI chatbots") in got
    assert ("Zorvane Labs", "Quillchat") not in got


def test_classes_of_ai_content_and_the_use_of_ai(tmp_path):
    """_technology_class (``policy.technology_nouns``, ``policy.technology_classes``) and
    _generic_ai_class: "the use of deepfakes", "AI-generated images", "the use of AI"."""
    got = policies(tmp_path, "The Kestrel Election Commission banned the use of deepfakes in campaign materials.\n\n"
                             "Harlow Press has banned AI-generated images.\n\n"
                             "Dravik Bank has banned the use of AI in client reports.\n")
    assert {("Kestrel Election Commission", "deepfakes"), ("Harlow Press", "AI-generated images"),
            ("Dravik Bank", "AI")} <= set(got)


def test_a_rule_stated_of_bare_staff_is_the_discourse_issuers(tmp_path):
    """_staff_rule: "Staff must not enter data into X" after a sentence whose subject is an
    organization is that organization's rule; alone, it names no issuer of its own."""
    got = policies(tmp_path, "Dravik Council has approved a policy on generative AI. Staff must not enter "
                             "personal data into ChatGPT.\n")
    assert ("Dravik Council", "ChatGPT") in got


def test_it_is_the_previous_sentences_subject(tmp_path):
    """_product_anaphors / _previous_subject_entity (centering): "Kestria blocked it" after
    sentences whose subject is DeepSeek ("it" in between) stands for DeepSeek, not for the
    product named last."""
    got = policies(tmp_path, "DeepSeek rattled investors with a model that rivals ChatGPT. Since then it has drawn "
                             "criticism from regulators.\n\nKestria blocked it from download portals in March.\n")
    assert ("Kestria", "DeepSeek") in got and ("Kestria", "ChatGPT") not in got


def test_a_name_after_a_broken_description_and_a_deadline(tmp_path):
    """_described_name_after ("to remove Chinese AI startup X", the description broken by the
    parse) and _under_directive / _subject_up with ``policy.deadline_nouns`` ("have given A five
    days to stop its chatbot, X, from ...")."""
    got = policies(tmp_path, "Germany's privacy regulator has asked Zorvane and Torvane to pull Chinese AI startup "
                             "DeepSeek off their platforms.\n\n"
                             "Brazilian officials have given Zorvane Labs three days to stop its assistant, Grok, "
                             "from producing violent images.\n")
    assert ("Germany", "DeepSeek") in got and ("Brazil", "Grok") in got


def test_ai_as_the_subject_of_a_denied_use(tmp_path):
    """_generic_ai_class (AI as the subject of a denied use) under the issuer of
    the sentence before (_centering_issuer)."""
    got = policies(tmp_path, "The Kestrel Election Board adopted a campaign rulebook for candidates on Tuesday. "
                             "Under the rulebook, Artificial Intelligence may not be used to deceive voters "
                             "during the campaign.\n")
    assert ("Kestrel Election Board", "Artificial Intelligence") in got


def test_a_ruling_restrains_a_named_party(tmp_path):
    """_restrained_party ("the regulator ruled that A must stop offering X": the ruling body bans
    A's product), _orders_maker with a product as the party ("ordered X to halt its data
    collection") and _must_stop_using ("staff must stop using X")."""
    got = policies(tmp_path, "Kestria's privacy agency ruled that Zorvane Labs must stop offering rewards for "
                             "eye scans.\n\nThe Kestrel Data Authority has ordered Worldcoin to suspend its fingerprint "
                             "gathering for two months.\n\nDravik Council said staff must stop using ChatGPT.\n")
    assert ("Kestria", "Zorvane Labs") in got
    assert ("Kestrel Data Authority", "Worldcoin") in got
    assert ("Dravik Council", "ChatGPT") in got


def test_an_app_store_is_where_apps_are_removed_from(tmp_path):
    """_restricted_things (``policy.store_nouns``): "blocked X and removed it from the Acme App
    Store" restricts X, not the store."""
    got = policies(tmp_path, "Kestria has blocked DeepSeek, and the app was banned from the Zorvane App Store.\n")
    assert not any(product.endswith("App Store") for _, product in got)


def test_rules_an_issuer_enacts_on_a_class_of_ai(tmp_path):
    """_rules_on (``policy.rule_nouns``, ``policy.rule_preps``): "has announced new rules on
    generative AI assistants" restricts the class; "new rules for its branches" names none."""
    got = policies(tmp_path, "Dravik Bank has announced new rules on generative AI assistants for its tellers.\n\n"
                             "Torvane Bank introduced new rules for its branches.\n")
    assert ("Dravik Bank", "generative AI assistants") in got
    assert not any(issuer == "Torvane Bank" for issuer, _ in got)


def test_a_day_after_on_is_no_scope(tmp_path):
    """_scope: "blocked X on Monday" says when, not on what devices ("on Acme laptops")."""
    got = policies(tmp_path, "Zorblat blocked the Quindle app on Monday, and Brimlow blocked it on staff laptops.\n")
    assert got[("Zorblat", "Quindle")].get("scope", []) == []
    assert any("laptops" in s for s in got[("Brimlow", "Quindle")]["scope"])


def test_a_store_removal_of_the_app_named_before(tmp_path):
    """_store_removal: "B also removed the app from its store" removes the app named before."""
    got = policies(tmp_path, "Store news\n\nZorblat removed the Quindle app from its app store on Friday.\n\n"
                             "Brimlow also removed the app from its Brimlow Store.\n")
    assert ("Zorblat", "Quindle") in got and ("Brimlow", "Quindle") in got


def test_a_name_glued_to_a_participle_is_not_restricted(tmp_path):
    """_hyphen_modifier: "an X-linked app" describes the app restricted; it is not X."""
    got = policies(tmp_path, "Norway bans Quindle-linked app over data fears\n\n"
                             "The Quindle chatbot, made by Zorblat, has millions of users.\n")
    assert ("Norway", "Quindle") not in got


@pytest.mark.parametrize(("text", "key"), [
    ("Zorblat Bank added ChatGPT to its list of unauthorized apps, people familiar with the matter said.\n",
     ("Zorblat Bank", "ChatGPT")),
    ("The Quindle chatbot was added to the list of prohibited software by Brimlow Bank last year.\n",
     ("Brimlow Bank", "Quindle")),
    ("Kestrel Labs placed ChatGPT on its banned apps list.\n", ("Kestrel Labs", "ChatGPT")),
])
def test_a_product_put_on_a_list_of_barred_things(tmp_path, text, key):
    """_banned_list_policy: "added X to its list of unauthorized apps" is a ban of X."""
    got = policies(tmp_path, "Bank news\n\n" + text)
    assert got.get(key, {}).get("type") == ["ban"]


def test_an_authority_ordering_a_products_removal_bans_it(tmp_path):
    """sentence_policy (``policy.removal_nouns`` under ``policy.removal_order_verbs``): "ordered the
    removal of X from app stores" is a ban; "urged the removal" is a request, none; an acronym
    keeps its capitals in a described body's label ("the IT ministry")."""
    got = policies(tmp_path, "App news\n\nIndia's IT ministry ordered the removal of the Zento app from app stores "
                             "on Monday.\n\nCritics urged the removal of the Vortiq app.\n")
    assert got[("IT ministry", "Zento")]["type"] == ["ban"]
    assert not any(product == "Vortiq" for _, product in got)


def test_a_passive_ban_at_an_organizations_workplace(tmp_path):
    """_policy_sites (``policy.workplace_nouns``): "banned at Zorblat Bank's offices" holds at Zorblat Bank."""
    got = policies(tmp_path, "Policy news\n\nThe use of ChatGPT has been banned at Zorblat Bank's offices.\n")
    assert ("Zorblat Bank", "ChatGPT") in got
