"""Readings of common news constructions on invented text, read by the real model: where a
restricted thing is used, store removals whose object carries an apposition, removals that
are no policy, designations as security risks, reasons given as purposes or as orders, and
place words inside longer names.

Each test names the rule it checks (a ``kg.extract.facts.ArticleReader`` method). Organizations
are invented; products and places are well-known names from the knowledge base or the
gazetteer.
"""

from __future__ import annotations

import pytest

from kg.extract.extraction import extract
from kg.io.corpus import read_article

from .test_frame_discourse import alternatives, reasons
from .test_frame_location_development import facts_of
from .test_frame_policy import policies


def test_devices_named_after_on_are_the_scope(tmp_path):
    """_used_on and _where_things_are: "will block all third-party AI assistants on
    company-managed Chromebooks" restricts the class; the named devices are in its scope."""
    got = policies(tmp_path, "Brisco Corp will block all third-party AI assistants on company-managed "
                             "Chromebooks.\n")
    assert not any(product == "Chromebooks" for _, product in got)
    key = next(k for k in got if "AI assistants" in k[1])
    assert "company-managed Chromebooks" in got[key]["scope"]


def test_the_use_of_a_product_on_named_phones(tmp_path):
    """_used_on: "banned the use of X on Pixel phones": the phones say where, X is restricted."""
    got = policies(tmp_path, "Brisco Corp banned the use of TikTok on Pixel phones.\n")
    assert set(got) == {("Brisco Corp", "TikTok")}
    assert got[("Brisco Corp", "TikTok")]["scope"] == ["Pixel phones"]


def test_a_ban_on_a_product_is_still_the_product(tmp_path):
    """_used_on: a policy noun's "on" names the restricted thing ("imposed restrictions on X")."""
    got = policies(tmp_path, "Brisco Corp imposed restrictions on TikTok.\n")
    assert ("Brisco Corp", "TikTok") in got


def test_store_removal_with_an_apposition(tmp_path):
    """_store_removal: "removed X, the chat service ..., from its app store, after ..." (the
    parse hangs "from" on the object's apposition)."""
    got = policies(tmp_path, "Quarnel Corp has removed WeChat, the chat service beloved by students, from "
                             "its app store, after a two-day deadline to fix its filters.\n")
    assert ("Quarnel Corp", "WeChat") in got


def test_delisting_from_an_exchange_restricts_nothing(tmp_path):
    """sentence_policy (``policy.exchange_nouns``): "X was delisted from the Nasdaq" is a
    company's shares leaving an exchange, no ban of a product."""
    got = policies(tmp_path, "Brisco Corp removed Telegram from its app store.\n\n"
                             "Shares of Quarnel Holdings were delisted from the Nasdaq last spring.\n")
    assert ("Brisco Corp", "Telegram") in got
    assert not any(product == "Quarnel Holdings" for _, product in got)


def test_designated_a_supply_chain_risk(tmp_path):
    """_designation_policy: "designated X as a national security risk" restricts X's goods."""
    got = policies(tmp_path, "The Commerce Department designated Quarnel Corp as a national security risk.\n")
    assert ("Commerce Department", "Quarnel Corp") in got
    assert got[("Commerce Department", "Quarnel Corp")]["type"] == ["restriction"]


def test_a_risk_without_a_security_modifier_is_no_designation(tmp_path):
    """_designation_policy: "deemed the plan a risk" designates nothing."""
    got = policies(tmp_path, "Brisco Corp deemed Quarnel Corp a risk to its margins.\n")
    assert not got


def test_purpose_clause_before_the_policy_is_its_reason(tmp_path):
    """_reasons (``reason.protect_verbs``): "To maintain X, Y will be blocked ..., A said"."""
    got = reasons(tmp_path, "To maintain strict data hygiene, third-party AI chatbots will be blocked on "
                            "office laptops, Brisco Corp said.\n", ("Brisco Corp", "third-party AI chatbots"))
    assert "data hygiene" in got


def test_an_order_followed_is_the_reason(tmp_path):
    """_reasons (``reason.reason_nouns``): "removed X ... following an order from Y"."""
    got = reasons(tmp_path, "Brisco Corp pulled Telegram from its app store after a written order by "
                            "the regulator.\n", ("Brisco Corp", "Telegram"))
    assert "order by the regulator" in got


def test_a_place_word_inside_a_name_locates_nothing(tmp_path):
    """sentence_location: "York" in "The New York Times" is no British modifier."""
    got = facts_of(tmp_path, "The New York Times reported that Brisco Corp banned ChatGPT.\n", "location")
    assert not any(country == "United Kingdom" for _, country in got)


def test_reason_given_while_clearing_the_way_for_a_ban(tmp_path):
    """_reasons_above (``policy.policy_container_nouns``, ``reason.above_preps``): "is opening
    the door for the direction to ban X, saying ...": the stated ground reaches the ban."""
    got = reasons(tmp_path, "Ohio Governor Dana Holt is opening the door for the legislature's direction to "
                            "ban TikTok, saying it is a channel for spying on residents.\n", ("Ohio", "TikTok"))
    assert "spying" in got


def test_an_app_named_as_the_party_that_did_not_respond(tmp_path):
    """_nr_parties: "X has not replied to requests for comment", X an app: the organization
    named after it."""
    got = facts_of(tmp_path, "TikTok has not replied to requests for comment.\n", "nonresponse")
    assert ("TikTok",) in got


def test_a_denied_practice_is_no_allegation(tmp_path):
    """_reported (``_negated``): "A said X does not use the scripts to track users" is a denial."""
    got = facts_of(tmp_path, "Dana Holt, a Brisco spokeswoman, said Brisco does not use the scripts to "
                             "track users.\n", "allegation")
    assert not got


def test_members_of_a_list_the_parse_breaks():
    """_conj_tokens: "A, B, C, and D and E Group" with D parsed as a modifier of "Group" (a
    hand-built parse, as the small model gives it): D is still a member."""
    import spacy
    from spacy.tokens import Doc

    from kg.extract.lawsuit import _conj_tokens

    words = ["Brisco", ",", "Quarnel", ",", "Hollin", ",", "and", "Pellmont", "and", "Dravik", "Group",
             "are", "listed"]
    heads = [12, 0, 0, 2, 2, 4, 4, 10, 7, 7, 4, 12, 12]
    deps = ["nsubjpass", "punct", "conj", "punct", "appos", "punct", "cc", "nmod", "cc", "conj", "conj",
            "auxpass", "ROOT"]
    pos = ["PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PUNCT", "CCONJ", "PROPN", "CCONJ", "PROPN", "PROPN",
           "AUX", "VERB"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    members = {t.text for t in _conj_tokens(doc[0])}
    assert {"Brisco", "Quarnel", "Hollin", "Pellmont", "Group"} <= members
    assert "listed" not in members


def test_the_name_before_a_ban_noun_is_its_target(tmp_path):
    """ArticleReader anchors and _agent_token: in "the X ban follows ..." X is what was banned,
    never the issuer of another ban named in the sentence."""
    got = policies(tmp_path, "Turkey has cut off the game service Roblox, citing risks to children.\n\n"
                             "The Roblox ban follows the Turkish decision to block the photo app Instagram, "
                             "a step officials blamed on Instagram breaking local rules.\n")
    assert ("Turkey", "Roblox") in got
    assert not any(issuer == "Roblox" for issuer, _ in got)


def test_what_an_assistant_remembers_is_collected(tmp_path):
    """sentence_collection (``data_collection.collect_verbs``): "X now remembers A, B and C"."""
    got = facts_of(tmp_path, "Brisco Corp's chatbot Zenbot now remembers names, birthdays and favourite "
                             "foods from earlier chats.\n", "collection")
    assert ("Zenbot",) in got


def test_month_names_are_no_mentions():
    """MentionFinder (``not_names``): "Feb." and "July" in a date are no names."""
    from kg.nlp.entities import MentionFinder
    from kg.nlp.kb import load_kb
    from kg.nlp.model import load_pipeline

    nlp = load_pipeline()
    finder = MentionFinder(nlp, load_kb())
    doc = nlp("Dana Holt gave the warning in a letter sent on Feb. 6 and repeated it in July.")
    texts = {m.text for m in finder.find(doc, 0, False)}
    assert "Dana Holt" in texts
    assert not texts & {"Feb.", "July"}


@pytest.mark.parametrize("text, product", [
    # sentence_policy (permission denied, ``named_only == CLASS_OBJECT``): the class named as
    # the verb's object
    ("Brisco Corp does not allow AI chatbots on its network.", "AI chatbots"),
    # _generic_ai_class: a participle joined by a hyphen inside the class
    ("Brisco Corp has banned AI note-taking bots.", "AI note-taking bots"),
])
def test_classes_of_ai_products(tmp_path, text, product):
    """Classes of AI products a policy restricts: "does not allow AI chatbots", "has banned AI
    note-taking bots"."""
    assert ("Brisco Corp", product) in policies(tmp_path, text + "\n")


def test_the_following_reasons_name_no_reason(tmp_path):
    """_reasons and _vague: "for the following reasons" is no reason of its own."""
    got = reasons(tmp_path, "Brisco Corp has banned ChatGPT for the following reasons:\n", ("Brisco Corp", "ChatGPT"))
    assert "following" not in got


def test_a_split_e_mailed_is_no_matter(tmp_path):
    """NonResponseFrame._matters: the "e" of a split "e-mailed" is no matter."""
    from kg.extract.extraction import extract
    from kg.io.corpus import read_article

    path = tmp_path / "a.txt"
    path.write_text("Brisco Corp did not respond to e-mailed questions on Friday.\n", encoding="utf-8")
    matters = {m for f in extract([read_article(path)]).facts if f.kind == "nonresponse"
               for m in f.attrs.get("matter", [])}
    assert matters and "e" not in matters


def test_a_presence_on_a_platform_is_no_ownership(tmp_path):
    """sentence_development (``development.presence_nouns``): "on its WeChat account" says
    where the organization posts, not that it makes WeChat."""
    got = facts_of(tmp_path, "Brisco Corp posted the news on its WeChat account.\n", "development")
    assert ("Brisco Corp", "WeChat") not in got


def test_an_app_named_in_the_next_paragraph(tmp_path):
    """_named_next: "pulled an app from the store ... The mapping app, called X, ...":
    X is the app removed; a product named without the noun is not."""
    got = policies(tmp_path, "Brisco Corp on Monday pulled an app from the Brisco app store, saying it broke "
                             "its rules.\n\nThe mapping app, called Zorbly, showed police positions.\n")
    assert ("Brisco Corp", "Zorbly") in got
    got = policies(tmp_path, "Brisco Corp has banned an app used by its traders.\n\n"
                             "ChatGPT is popular with its engineers.\n")
    assert not got


def test_a_rule_warned_of_is_no_reason(tmp_path):
    """_justification (``reason.deontic_modals``): "the company warns that any use of X must
    first be approved" states the rule, not why it was made."""
    got = reasons(tmp_path, "Brisco Corp has restricted ChatGPT. In a memo, the company warns that any use "
                            "of ChatGPT must first be approved by managers.\n", ("Brisco Corp", "ChatGPT"))
    assert "approved" not in got


def test_the_developers_are_the_makers_of_the_app_named_before(tmp_path):
    """_party (``development.maker_nouns``): "alerted the developers ... The developers have not
    addressed the flaws": the app's maker (named after the app), not the store that acted."""
    got = facts_of(tmp_path, "Brisco Corp removed Telegram from its store last week. Brisco Corp said it had "
                             "alerted the developers. The developers have not addressed the flaws.\n", "nonresponse")
    assert ("Telegram",) in got and ("Brisco Corp",) not in got


@pytest.mark.parametrize("text, expected", [
    # _reasons_above and _own_announcement: the grounds of an announcement of one's own ban
    ("In response to a wave of school violence, Turkey announced on Monday that it is blocking TikTok "
     "for a year.", "school violence"),
    # _sentence_reason (``reason.timing_verbs``): the plan's words, not "to take effect"
    ("Turkey has blocked TikTok. The ban is part of a road safety plan to take effect in May.",
     "road safety plan"),
])
def test_reasons_around_an_announced_ban(tmp_path, text, expected):
    """"In response to X, A announced that it is blocking Y" and "the ban is part of a Z plan to
    take effect in May" give X and the Z plan as reasons."""
    assert expected in reasons(tmp_path, text + "\n", ("Turkey", "TikTok"))


def test_the_data_a_sentence_before_collects_includes_more(tmp_path):
    """_read_list_verb (``collection_news.data_determiners``): "X collects A. The data includes
    B and C": more of X's signals."""
    from kg.extract.extraction import extract
    from kg.io.corpus import read_article

    path = tmp_path / "a.txt"
    path.write_text("TikTok collects users' contacts. The data includes GPS location and contact lists.\n",
                    encoding="utf-8")
    signals = {s for f in extract([read_article(path)]).facts if f.kind == "collection"
               for s in f.attrs.get("signal", [])}
    assert {"GPS location", "contact lists"} <= signals


@pytest.mark.parametrize("text, expected", [
    # _stated_aim: a fronted aim with a purpose noun, whatever its verb
    ("In an attempt to curb phone snooping, Brisco Corp has banned TikTok on its laptops.", "curb phone snooping"),
    ("In a bid to shield trade secrets, Brisco Corp has banned TikTok.", "shield trade secrets"),
    # _stated_aim: after the act, with a verb no list names
    ("Brisco Corp banned TikTok in an effort to boost its own video service.", "boost its own video service"),
])
def test_an_aim_named_with_a_purpose_noun_is_a_reason(tmp_path, text, expected):
    """_stated_aim: "in a bid / an attempt / an effort to V" gives the act's ground."""
    assert expected in reasons(tmp_path, text + "\n", ("Brisco Corp", "TikTok"))


def test_an_aim_is_no_scope(tmp_path):
    """_policy_scope_tokens and _stated_aim: the nouns of "in a bid to protect user privacy"
    say why, not whom the rule binds."""
    got = policies(tmp_path, "In a bid to protect user privacy, Brisco Corp has blocked TikTok on its laptops.\n")
    assert "user privacy" not in got[("Brisco Corp", "TikTok")]["scope"]


def test_a_bare_infinitive_is_no_reason(tmp_path):
    """ArticleReader.emit and reason.bare_infinitive: the deadline "to comply" names no ground."""
    got = reasons(tmp_path, "Turkey has banned TikTok to limit the spread of propaganda. The order gives "
                            "internet providers until Friday to comply.\n", ("Turkey", "TikTok"))
    assert "limit the spread" in got
    assert "to comply" not in got.split(" | ")


def _matters(tmp_path, text: str) -> dict[str, set[str]]:
    from kg.extract.extraction import extract
    from kg.io.corpus import read_article

    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    out: dict[str, set[str]] = {}
    for f in extract([read_article(path)]).facts:
        if f.kind == "nonresponse":
            out.setdefault(f.roles["party"].label, set()).update(f.attrs.get("matter", []))
    return out


def test_a_request_for_comment_hung_on_the_verb(tmp_path):
    """NonresponseFrame._matters: "has not answered a request from X for comment" (the parse
    hangs "for comment" on the verb): the request was for comment."""
    got = _matters(tmp_path, "Brisco Corp has not answered a request from The Guardian for comment.\n")
    assert any(m.endswith("for comment") for m in got["Brisco Corp"])


def test_none_of_the_listed_companies_responded(tmp_path):
    """NonresponseFrame._parties and _negated (``neither_words``): "None of the three
    companies, A, B or C, responded": each listed company is silent."""
    got = _matters(tmp_path, "None of the three companies, Brisco Corp, Quarnel Corp or Dravik Bank, "
                             "responded to requests for comment.\n")
    assert {"Brisco Corp", "Quarnel Corp", "Dravik Bank"} <= set(got)


def test_suspending_its_operations_restricts_the_product(tmp_path):
    """_product_anaphors (``policy.use_nouns``) and agents_of with syntax.conjuncts: "with A, B,
    and C suspending its operations" (the parse hangs the last item beside the first): each
    suspends the product named before."""
    got = policies(tmp_path, "Zorblo is a crypto app that scans irises. Globally, the app is under scrutiny, "
                             "with Chile, Peru, and Hong Kong suspending its local operations.\n")
    assert {("Chile", "Zorblo"), ("Peru", "Zorblo"), ("Hong Kong", "Zorblo")} <= set(got)


@pytest.mark.parametrize("text, reason", [
    # _caused_agent: the object of a causative verb acts; _causes: its subject noun is the ground
    ("The leak prompted Brisco Corp to ban TikTok.", "leak"),
    ("Growing pressure from lawmakers led Brisco Corp to ban TikTok.", "pressure from lawmakers"),
    # _causes: "This" stands for the sentence before
    ("Staff pasted secret code into TikTok last month. This prompted Brisco Corp to ban TikTok.",
     "pasted secret code"),
])
def test_a_causative_verb_moves_its_object_to_act(tmp_path, text, reason):
    """_caused_agent and _causes: "X prompted / led A to ban Y": A bans Y, X is why."""
    assert reason in reasons(tmp_path, text + "\n", ("Brisco Corp", "TikTok"))


def test_a_named_causer_is_no_reason(tmp_path):
    """_causes: "Quarnel Corp pushed A to ban X": a named causer is an agent, not a ground."""
    assert reasons(tmp_path, "Quarnel Corp pushed Brisco Corp to ban TikTok.\n", ("Brisco Corp", "TikTok")) == ""


@pytest.mark.parametrize("text, key", [
    # _class_of_goods: a modified plural of ``policy.class_goods`` as the verb's object
    ("Brisco Corp deleted several VPN apps from the Brisco app store.", ("Brisco Corp", "VPN apps")),
    ("Turkey banned 59 foreign apps on Monday.", ("Turkey", "59 foreign apps")),
    # a device class needs no modifier; "barred A from selling X"
    ("Turkey banned the use of smartphones on its ships.", ("Turkey", "smartphones")),
    ("Turkey barred Brisco Corp from selling chip design software.", ("Turkey", "chip design software")),
    ("Brisco Corp is banning its staff from using fitness trackers.", ("Brisco Corp", "fitness trackers")),
    # sentence_policy with _centering_issuer: an agentless class ban after the issuer's ban
    ("The Indian Navy banned Facebook. The use of smartphones is also disallowed at its bases.",
     ("Indian Navy", "smartphones")),
    # ``policy.ban``: "banish"
    ("Turkey ordered officials to banish TikTok from all public offices.", ("Turkey", "TikTok")),
])
def test_a_class_of_goods_is_what_is_restricted(tmp_path, text, key):
    """_class_of_goods: an unnamed class of apps, devices or software restricted as a class."""
    assert key in policies(tmp_path, text + "\n")


@pytest.mark.parametrize("text", [
    "Turkey banned the messaging app last week.",  # definite: it refers back
    "Turkey banned apps last week.",  # a bare plural names no class
    "Turkey blocked TikTok on official phones.",  # the devices are the scope
])
def test_no_class_of_goods(tmp_path, text):
    """_class_of_goods: a definite description, a bare "apps" and devices after "on" are no class."""
    got = policies(tmp_path, text + "\n")
    assert not any(p in {"messaging app", "apps", "official phones"} for _, p in got)


@pytest.mark.parametrize("text, matter", [
    # sentence_nonresponse (``non_response.provide_verbs``, ``information_nouns``): information withheld
    ("Brisco Corp did not give a firm timeline for the rollout.", "timeline"),
    ("Brisco Corp gave no reason for the decision.", "reason for the decision"),
    # _unanswered: the asker's side ("got no response when they asked A whether ...")
    ("Reporters did not get a response when they asked Brisco Corp whether editors read the drafts.",
     "editors read the drafts"),
    ("Reuters received no response from Brisco Corp.", "response"),
])
def test_information_withheld_and_questions_unanswered(tmp_path, text, matter):
    """NonresponseFrame: withheld information and unanswered questions are non-responses."""
    got = _matters(tmp_path, text + "\n")
    party = next(p for p in got if p.startswith("Brisco Corp"))
    assert any(matter in m for m in got[party])


@pytest.mark.parametrize("text", [
    "Brisco Corp did not provide funding to the startup.",  # no information noun
    "Brisco Corp received a response from Quarnel Corp.",  # answered
])
def test_no_information_withheld(tmp_path, text):
    """NonresponseFrame: a withheld thing that is no information, or a reply received, is no silence."""
    assert not _matters(tmp_path, text + "\n")


def test_a_representative_of_a_platform(tmp_path):
    """_represented: "A representative for X did not respond", X a platform: X is the party."""
    got = _matters(tmp_path, "Brisco Corp sued Quarnel Corp over posts on Telegram. A representative for "
                             "Telegram did not reply to questions on Monday.\n")
    assert "Telegram" in got


def test_a_possessed_decision_is_the_possessors(tmp_path):
    """_possessed_act and _agent_token, with _concern_reasons: "Turkey says it is concerned
    about India's decision to ban X": India bans X; the concern about the ban is no reason."""
    got = policies(tmp_path, "Turkey says it is concerned about India's decision to ban TikTok.\n")
    assert set(got) == {("India", "TikTok")}
    assert got[("India", "TikTok")]["reason"] == []


def test_a_catch_all_class_is_no_class(tmp_path):
    """_class_of_goods (``policy.catch_all_words``): "blocked the app and comparable software"
    restricts the app named before, not a class "comparable software"."""
    got = policies(tmp_path, "Students used ChatGPT widely. Brisco Corp has blocked the app and comparable "
                             "software.\n")
    assert ("Brisco Corp", "ChatGPT") in got
    assert not any("software" in p for _, p in got)


@pytest.mark.parametrize("text, pair", [
    # sentence_development: a person's possessive names the owner
    ("Quarnel Corp criticised Dana Whitfield's Telegram on Monday.", ("Dana Whitfield", "Telegram")),
    # a copula's description carries the owner
    ("Telegram is Marlon Petrakis's messaging project.", ("Marlon Petrakis", "Telegram")),
])
def test_an_owner_named_by_a_possessive(tmp_path, text, pair):
    """sentence_development: "A's X" with A a person, "X is B's project"."""
    assert pair in facts_of(tmp_path, text + "\n", "development")


def test_a_product_unavailable_in_a_region_is_its_makers_restriction(tmp_path):
    """_withheld_by_maker: "X is not available in China" with no one named who withholds it:
    the maker the article named restricts X there; with no maker named, nothing."""
    got = policies(tmp_path, "Quarnel Corp makes ChatGPT. ChatGPT is not available in China.\n")
    assert ("Quarnel Corp", "ChatGPT") in got
    assert got[("Quarnel Corp", "ChatGPT")]["type"] == ["restriction"]
    assert not policies(tmp_path, "ChatGPT is not available in China.\n")


def _allegations(tmp_path, text: str) -> dict[tuple[str, str], list[str]]:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return {(f.roles["accuser"].label, f.roles["accused"].label): f.attrs.get("practice", [])
            for f in extract([read_article(path)]).facts if f.kind == "allegation"}


def test_a_named_complaint_according_to_which(tmp_path):
    """lawsuit._owner and _suit_says: "According to the FTC complaint, Y did Z": the FTC
    accuses Y of Z, and the "According to ..." phrase is no part of the practice."""
    got = _allegations(tmp_path, "According to the FTC complaint, Quarnel Corp kept users' photos after "
                                 "they deleted their accounts.\n")
    assert ("FTC", "Quarnel Corp") in got
    assert not any(p.startswith("According") for p in got[("FTC", "Quarnel Corp")])


def test_clauses_joined_by_a_semicolon_do_not_share_an_agent(tmp_path):
    """_agent_token and _semicolon_between with _policy_scope_tokens: in "companies like A and B
    are not allowed to sell to firms on the list; C relies on A", C issues nothing and A and B
    are barred parties, not restricted products."""
    got = policies(tmp_path, "Under the sanctions, companies like Brisco Corp and Quarnel Corp are not "
                             "allowed to sell to firms on the list; Dravik Bank relies on Brisco Corp.\n")
    assert not any(issuer == "Dravik Bank" for issuer, _ in got)
    assert not any(product in {"Brisco Corp", "Quarnel Corp"} for _, product in got)


@pytest.mark.parametrize("text", [
    "Nepal is reviewing social media. The government has banned TikTok.",
    "Nepal is reviewing social media. The army command wants secure chats and has banned TikTok.",
    "Nepal is reviewing social media. Authorities have blocked TikTok.",
])
def test_an_unnamed_national_body_is_the_article_countrys(tmp_path, text):
    """_unnamed_national_body and article_country: "the government", "the army command",
    "authorities" with no name are the government of the country the article is about."""
    assert ("Nepal", "TikTok") in policies(tmp_path, text + "\n")


def test_an_indefinite_or_owned_body_is_no_national_body(tmp_path):
    """_unnamed_national_body: "a government" or "Brisco Corp's security force" is no country's."""
    got = policies(tmp_path, "Nepal is reviewing social media. A government could block TikTok.\n")
    assert ("Nepal", "TikTok") not in got


@pytest.mark.parametrize("text, product", [
    ("Nepal is reviewing social media. TikTok is now banned on all government devices.", "TikTok"),
    ("Nepal is reviewing social media. ChatGPT has been blocked for civil servants.", "ChatGPT"),
])
def test_an_agentless_public_sector_ban_is_the_governments(tmp_path, text, product):
    """_public_sector_government: an agentless ban on government devices or civil servants is
    the government's of the country the article is about."""
    assert ("Nepal", product) in policies(tmp_path, text + "\n")


def test_an_app_based_somewhere_is_its_operators_seat(tmp_path):
    """LocationFrame._product_seat: "Telegram, which is based in Dubai": the organization that
    runs the app of that name is based in the United Arab Emirates."""
    got = facts_of(tmp_path, "Telegram, which is based in Dubai, did not respond.\n", "location")
    assert ("Telegram", "United Arab Emirates") in got


def test_a_switch_verb_over_a_policy_is_no_alternative(tmp_path):
    """_in_alternative_slot and _moved_toward: "A has moved to ban X" restricts X; only the
    object of a switch verb's "to" is where staff are sent ("switch to Y")."""
    assert ("Brisco Corp", "TikTok") in policies(tmp_path, "Brisco Corp has moved to ban TikTok.\n")
    got = policies(tmp_path, "Brisco Corp banned ChatGPT and told staff to switch to Claude.\n")
    assert ("Brisco Corp", "ChatGPT") in got and ("Brisco Corp", "Claude") not in got


@pytest.mark.parametrize("text, parties", [
    ("The Kestrel Herald reached out to Brisco Corp on Monday and never received an answer.\n",
     {"Brisco Corp"}),
    ("When the Kestrel Herald contacted Brisco Corp, Quarnel Holdings and Dravik Bank, they were not "
     "immediately available for comment.\n", {"Brisco Corp", "Quarnel Holdings", "Dravik Bank"}),
    ("Brisco Corp is yet to make any public comment.\n", {"Brisco Corp"}),
])
def test_silences_the_reporter_asked_about(tmp_path, text, parties):
    """_unanswered, _asked and the provide branch of sentence_nonresponse: the one a reporter
    reached out to with no reply; "they" after "When X contacted A, B and C" is A, B and C;
    "is yet to make a comment" withholds one."""
    got = facts_of(tmp_path, text, "nonresponse")
    assert {party for (party,) in got} == parties


def test_a_comment_promised_is_no_silence(tmp_path):
    """sentence_nonresponse (provide branch): "will make a statement" withholds nothing."""
    assert not facts_of(tmp_path, "Brisco Corp will make a statement on Monday.\n", "nonresponse")


@pytest.mark.parametrize("text, products", [
    ("The US halted sales of telecom equipment from suppliers Brisco Corp and Quarnel Holdings.\n",
     {"Brisco Corp telecom equipment", "Quarnel Holdings telecom equipment"}),
    ("The US banned exports of chips made by Brisco Corp to China.\n", {"Brisco Corp chips"}),
])
def test_goods_named_by_their_maker(tmp_path, text, products):
    """_goods_makers: unnamed goods "from" or "made by" a named company are that company's
    goods, one product per maker."""
    got = policies(tmp_path, text)
    assert {product for _, product in got} == products


def test_goods_from_a_country_have_no_maker(tmp_path):
    """_goods_makers: "chips from China" names where the goods come from, not a maker."""
    got = policies(tmp_path, "The US banned imports of chips from China.\n")
    assert not any(product.endswith("China chips") or product.startswith("China ") for _, product in got)


def test_a_migration_off_a_product_restricts_it(tmp_path):
    """_switched_from and _sentence_alternative: "A is migrating its PCs from X to Y" restricts
    X, with Y the alternative; a switch with no organization behind it is no policy."""
    got = alternatives(tmp_path, "Dravik Bank is migrating 3,000 PCs from Microsoft Office to Google Docs.\n")
    assert got == {("Dravik Bank", "Microsoft Office"): ["Google Docs"]}
    assert not policies(tmp_path, "Many readers are moving from Microsoft Office to Google Docs.\n")


def test_an_unnamed_group_sues_through_its_owner(tmp_path):
    """_owner_of_group (lawsuit ``_subject``): "eight newspapers owned by A filed a lawsuit
    against Y": A is the accuser."""
    got = _allegations(tmp_path, "Eight newspapers owned by Dravik Media filed a lawsuit against Brisco Corp, "
                                 "accusing it of copyright violations.\n")
    assert set(got) == {("Dravik Media", "Brisco Corp")}


def test_a_policy_anaphor_explained_by_a_because_clause(tmp_path):
    """_reason_clause: "The ban was introduced because X is a growing problem" gives the clause as
    the earlier policy's reason, whatever words it uses (a causal subordinator); a temporal "as"
    clause with no concern in it gives none."""
    key = ("Dravik Bank", "WhatsApp")
    assert "phishing" in reasons(tmp_path, "Dravik Bank banned WhatsApp on its computers. The ban was introduced "
                                           "because phishing attacks keep growing.\n", key)
    assert reasons(tmp_path, "Dravik Bank banned WhatsApp on its computers. The ban came as managers met "
                             "in Paris.\n", key) == ""


def test_a_product_named_after_a_known_company_is_its(tmp_path):
    """_name_prefix_maker: "Microsoft Windows" names its maker even when the article names
    Microsoft nowhere else (a company the knowledge base knows by the name's first word)."""
    got = facts_of(tmp_path, "Dravik Bank banned Microsoft Windows on its computers.\n", "development")
    assert ("Microsoft", "Microsoft Windows") in got


def test_the_region_a_product_is_kept_from_is_no_issuer(tmp_path):
    """sentence_policy and _withheld_by_maker: "A's X won't be offered in the EU" is the maker's
    restriction in the EU, not the EU's."""
    got = policies(tmp_path, "Brisco Corp's new Lumo app will not be released in France this year because of "
                             "legal worries.\n")
    assert set(got) == {("Brisco Corp", "Lumo")}


def test_members_listed_after_a_blacklisted_group(tmp_path):
    """_listing_policy: "placed a dozen companies, including A and B, on its trade blacklist" lists A
    and B."""
    got = policies(tmp_path, "The US Commerce Department placed a dozen companies, including Brisco Corp and "
                             "Quarnel Holdings, on a trade blacklist.\n")
    assert {product for _, product in got} == {"Brisco Corp", "Quarnel Holdings"}


def test_representatives_for_people_speak_for_each(tmp_path):
    """_represented: "Representatives for A and B didn't respond" is a silence of A and of B,
    people as well as organizations."""
    got = facts_of(tmp_path, "Representatives for Dana Whitfield and Brisco Corp didn't immediately respond to "
                             "requests for comment.\n", "nonresponse")
    assert {party for (party,) in got} == {"Dana Whitfield", "Brisco Corp"}


def test_a_failure_found_by_a_regulator_is_no_silence(tmp_path):
    """lawsuit._negated: "found that A failed to address the risks" is a finding, not a
    non-response; "A failed to reply to questions" is one."""
    assert not facts_of(tmp_path, "The watchdog found that Brisco Corp failed to address privacy gaps in its "
                                  "app.\n", "nonresponse")
    assert facts_of(tmp_path, "Brisco Corp failed to reply to questions from reporters.\n", "nonresponse")


@pytest.mark.parametrize("text, issuer, product", [
    ("Brisco Corp will geoblock TikTok across Texas starting next month.\n", "Brisco Corp", "TikTok"),
    ("The United States sanctioned Quarnel Holdings last year.\n", "United States", "Quarnel Holdings"),
    ("Washington imposed sanctions on Quarnel Holdings in May.\n", "United States", "Quarnel Holdings"),
])
def test_geoblocks_and_sanctions_restrict(tmp_path, text, issuer, product):
    """policy.restriction and policy.restriction_nouns: to geoblock a product, or to sanction a
    firm (verb or noun), restricts it."""
    got = policies(tmp_path, text)
    assert got[(issuer, product)]["type"] == ["restriction"]


def test_tools_sanctioned_by_a_team_are_no_policy(tmp_path):
    """policy.restriction: "sanctioned" as an approval before a noun ("company-sanctioned tools such
    as X") restricts nothing."""
    assert not policies(tmp_path, "Brisco Corp staff use company-sanctioned tools such as Copilot every day.\n")


@pytest.mark.parametrize("text, accusers", [
    ("Dana Whitfield and Lee Ormond allege that Brisco Corp infringed their copyrights.\n",
     {"Dana Whitfield", "Lee Ormond"}),
    ("Quarnel Holdings and Lumo Labs allege Brisco Corp infringed copyrights by copying their manuals.\n",
     {"Quarnel Holdings", "Lumo Labs"}),
])
def test_an_allege_tagged_as_a_noun_after_names(tmp_path, text, accusers):
    """allegation._mistagged_allegation: "A and B allege Y infringed ..." (the model tags "allege"
    as a noun after the names): each name accuses Y."""
    got = _allegations(tmp_path, text)
    assert {a for a, accused in got if accused == "Brisco Corp"} == accusers


@pytest.mark.parametrize("text, accuser", [
    ("Brisco Corp was sued by three novelists over copyright infringement.\n", "novelists"),
    ("Brisco Corp was sued by a group of authors over its chatbot.\n", "group of authors"),
])
def test_unnamed_claimants_as_a_passive_agent(tmp_path, text, accuser):
    """lawsuit._described_claimants: "Y was sued by three poets": the described group sues,
    as when it is the subject."""
    assert (accuser, "Brisco Corp") in _allegations(tmp_path, text)


@pytest.mark.parametrize("text", [
    "The Kestrian consumer watchdog has imposed a fine of €40,000 on TikTok for breaching its rules on "
    "advertising.\n",
    "Quarnel Holdings fined TikTok $2 million for breaching its rules on advertising.\n",
])
def test_a_product_fined_is_the_party_when_no_maker_is_named(tmp_path, text):
    """lawsuit._accused (``penalized``): "imposed a fine on X", "fined X", X a product whose maker the
    article does not name: X itself is fined, as "sued X" sues it."""
    got = _allegations(tmp_path, text)
    assert any(accused == "TikTok" for _, accused in got)


@pytest.mark.parametrize("verb", ["warned", "cautioned"])
def test_a_warning_against_using_a_product(tmp_path, verb):
    """sentence_policy: "warned staff against using X" restricts X, also when the parser hangs
    "against" on the staff rather than on the verb."""
    got = policies(tmp_path, f"Brisco Corp {verb} staff against using ChatGPT.\n")
    assert got[("Brisco Corp", "ChatGPT")]["type"] == ["restriction"]


@pytest.mark.parametrize("text, issuers", [
    ("Lisbon and the European Commission banned TikTok from staff phones.\n", {"Portugal", "European Commission"}),
    ("The European Commission and Lisbon banned TikTok from staff phones.\n", {"Portugal", "European Commission"}),
])
def test_places_and_bodies_listed_as_issuers(tmp_path, text, issuers):
    """_policy_issuers and _coordinated_places: a place and a body coordinated as the subject are
    both issuers (the place as its government), whichever comes first."""
    got = policies(tmp_path, text)
    assert {issuer for issuer, product in got if product == "TikTok"} == issuers


def test_a_described_plaintiff_named_later_files_the_case(tmp_path):
    """lawsuit._unnamed_claimant and _file: "a veteran columnist sued A, B and
    C" takes the plaintiff the article names next ("Dana Holt ... filed the case"); a possessor
    the parser made the list's head ("Lee Ormond's Brisco Corp, ...") is not sued; lawyers who
    filed it ("filed by lawyers with the firm X") are no accusers."""
    text = ("A veteran columnist has filed a suit against Lee Ormond's Brisco Corp, Quarnel Holdings and Lumo "
            "Labs. The complaint says the firms copied her novels to build chatbots.\n\n"
            "Dana Whitfield, who writes for the Kestrel Ledger, filed the case last week with four other "
            "writers.\n\n"
            "The suit was filed by lawyers with the firm Ormond Vale Brandt, among them Lee Ormond.\n")
    got = _allegations(tmp_path, text)
    assert {accused for accuser, accused in got if accuser == "Dana Whitfield"} == \
        {"Brisco Corp", "Quarnel Holdings", "Lumo Labs"}
    assert {accuser for accuser, _ in got} == {"Dana Whitfield"}  # (counsel files for the plaintiff)


def test_representatives_of_the_companies_did_not_respond(tmp_path):
    """lawsuit._party (``groups``): "spokespeople for the companies did not answer" are the
    companies the paragraph before listed."""
    text = ("Dana Whitfield sued Brisco Corp and Quarnel Holdings on Monday.\n\n"
            "Spokespeople for the companies did not answer requests for comment.\n")
    got = facts_of(tmp_path, text, "nonresponse")
    assert {party for party, *_ in got} >= {"Brisco Corp", "Quarnel Holdings"}


@pytest.mark.parametrize("text, org, country", [
    ("The regulator fined Spanish grocery chain Brisco for using cameras in its stores.\n", "Brisco", "Spain"),
    ("Lyon-headquartered video platform Zorvik has added labels to its clips.\n", "Zorvik", "France"),
])
def test_a_chain_or_a_seated_platform_is_located(tmp_path, text, org, country):
    """LocationFrame.sentence_location: "Spanish grocery chain X" (a chain is a company), and
    "Lyon-headquartered video platform X" (a platform with a seat: the organization running it)."""
    assert (org, country) in facts_of(tmp_path, text, "location")


@pytest.mark.parametrize("text", [
    'Brisco Corp denied the claim, saying "at no point did Brisco Corp cease or suspend TikTok on its phones."\n',
    "Brisco Corp did not ban or restrict TikTok.\n",
])
def test_a_negation_covers_coordinated_verbs_and_no_phrases(tmp_path, text):
    """PolicyFrame._negated_verb: "did not ban or restrict X" negates both verbs; "at no point did
    A suspend X" is negated by its "no" phrase: no policy."""
    assert ("Brisco Corp", "TikTok") not in policies(tmp_path, text)


def test_dropping_a_product_for_another(tmp_path):
    """PolicyFrame._dropped: "A will drop X in favour of Y" restricts X with Y as the alternative; a
    company named with a replacement stands for its product ("dumped Microsoft for Linux")."""
    got = alternatives(tmp_path, "The Kestrel Tribunal will drop Microsoft Office in favour of LibreOffice to cut "
                                 "licence costs.\n\n"
                                 "Lumo Valley School District dumped Microsoft for Linux last year.\n")
    assert got[("Kestrel Tribunal", "Microsoft Office")] == ["LibreOffice"]
    assert got[("Lumo Valley School District", "Microsoft")] == ["Linux"]


def test_replacing_a_product_with_another(tmp_path):
    """PolicyFrame._dropped (``policy.replace_verbs``): "A replaced X with Y", "A swapped X for
    Y" restrict X, with Y as the alternative."""
    got = alternatives(tmp_path, "Brisco Corp replaced ChatGPT with Microsoft Copilot on its laptops last month.\n\n"
                                 "Separately, Quarnel Bank swapped Gemini for Claude in its call centres.\n")
    assert got[("Brisco Corp", "ChatGPT")] == ["Microsoft Copilot"]
    assert got[("Quarnel Bank", "Gemini")] == ["Claude"]


@pytest.mark.parametrize("text", [
    "Brisco Corp replaced ChatGPT on Tuesday.\n",
    "Brisco Corp replaced its finance chief with a former banker.\n",
    "Brisco Corp replaced Quillpad with Quillpad 2 across its offices.\n",
])
def test_replacing_is_no_policy_without_a_named_replacement_or_by_a_new_version(tmp_path, text):
    """PolicyFrame._dropped: a replacement left unnamed, a person replaced, and a product replaced
    by its own next version restrict nothing."""
    assert policies(tmp_path, text) == {}


@pytest.mark.parametrize("text", [
    "Google is dropping Bard.\n",
    "Brisco Corp dropped its lawsuit against TikTok.\n",
    "Investors dumped Nvidia shares on Monday.\n",
])
def test_dropping_is_no_policy_without_a_product_dropped_by_another(tmp_path, text):
    """PolicyFrame._dropped: a maker dropping its own product, a dropped lawsuit and dumped shares
    restrict nothing."""
    assert policies(tmp_path, text) == {}


def test_the_state_of_a_named_place_is_that_place(tmp_path):
    """ArticleReader.entity_at (``facts.named_place_nouns``): "the German state of Saxony" is Saxony,
    not the country of its adjective nor a body named before."""
    got = policies(tmp_path, "The Dutch parliament debated cloud rules on Monday.\n\n"
                             "Later, the German state of Saxony said it would dump Microsoft for Linux.\n")
    assert {issuer for issuer, _ in got} == {"Saxony"}


def test_a_bare_spokesperson_speaks_for_the_organization_before(tmp_path):
    """NonresponseFrame._represented: "A confirmed the plan, but a spokesperson would say no more"
    (or the sentence before): the spokesperson is A's."""
    for text in ("The Kestrel Tribunal confirmed the switch on Friday, but a spokesperson declined to give details.\n",
                 "The Kestrel Tribunal confirmed the switch on Friday. A spokesperson declined to give details.\n"):
        got = facts_of(tmp_path, text, "nonresponse")
        assert {party for party, *_ in got} == {"Kestrel Tribunal"}


def test_a_subject_the_parse_hung_on_a_date_before_it(tmp_path):
    """ArticleReader._stranded_subject and is_stranded_subject: in "A banned X on Thursday and B banned Y
    on Friday" the parse may make B a conjunct of "Thursday"; B is the second clause's issuer, and
    never a thing the first clause restricts."""
    got = policies(tmp_path, "Zorbo Inc. banned Quillo on Thursday and Brisco Corp banned Zaphy on Friday.\n")
    assert ("Brisco Corp", "Zaphy") in got
    assert not any(product == "Brisco Corp" for _, product in got)


def test_what_a_fine_is_for_when_the_amount_hangs_on_the_fined_party(tmp_path):
    """lawsuit._fine_verb: "fined A, the retailer, 35 million euros for tracking staff": the parse hangs
    the amount (and its "for") on the fined party in apposition; the practice is still what follows "for"."""
    got = _allegations(tmp_path, "On Monday the Kestria Data Protection Authority fined Brisco Corp, the "
                                 "furniture retailer, over 12 million euros for secretly tracking warehouse "
                                 "workers.\n")
    practices = got[("Kestria Data Protection Authority", "Brisco Corp")]
    assert any("tracking warehouse workers" in p for p in practices)


def test_a_party_accused_under_a_description(tmp_path):
    """lawsuit._unnamed_party (``unnamed_party_nouns``): "has sued a Romanian fraud network" accuses an
    unnamed party labelled with its description."""
    got = _allegations(tmp_path, "Brisco Corp has sued a Romanian fraud network, alleging that it sent fake "
                                 "invoices through its chatbot.\n")
    assert ("Brisco Corp", "Romanian fraud network") in got


def test_a_nationality_the_parse_hangs_on_the_product_word(tmp_path):
    """LocationFrame.sentence_location: in "the Chinese drone maker" the parse may make "Chinese" a
    modifier of "drone"; the nationality still describes the maker, which stands for the company
    named before."""
    got = facts_of(tmp_path, "Zorvane Labs released a new model on Monday. In October, the Chinese drone "
                             "maker said it would appeal.\n", "location")
    assert ("Zorvane Labs", "China") in got


def test_a_because_clause_parsed_as_a_noun_is_the_reason_not_the_scope(tmp_path):
    """ReasonFrame._reasons and PolicyFrame._policy_scope_tokens: "banned X on state phones because
    the company stores user data in Dubai", parsed with "stores" as a compound of "data" (the
    clause hangs on a noun): the clause is the reason, and neither its words nor its place are
    the policy's scope or region."""
    path = tmp_path / "a.txt"
    path.write_text("Ohio has banned Telegram on state phones because the company stores user data in Dubai.\n",
                    encoding="utf-8")
    (fact,) = [f for f in extract([read_article(path)]).facts if f.kind == "policy"]
    assert fact.attrs["reason"] == ["the company stores user data in Dubai"]
    assert fact.attrs["scope"] == ["state phones"] and not fact.entity_attrs.get("region")


@pytest.mark.parametrize("text, issuer", [
    ("Access to Telegram has been suspended on the ministry's computers, an official told reporters. "
     "Norway's Ministry of Finance said the step was a precaution.\n", "Ministry of Finance"),
    ("Telegram has been blocked on the bank's laptops.\n\nQuarnel Bank confirmed the step on Friday.\n",
     "Quarnel Bank"),
])
def test_an_agentless_policy_on_an_organization_s_devices_is_that_organization_s(tmp_path, text, issuer):
    """PolicyFrame._policy_sites (the devices' owner) and ArticleReader.coref: "X has been suspended
    on the ministry's computers" is the ministry's policy, and the description names the body the
    text names after it (in its paragraph or the next)."""
    got = policies(tmp_path, text)
    assert {i for i, _ in got} == {issuer}


def test_a_suit_faced_from_a_described_group(tmp_path):
    """lawsuit._faces and _described_party: "Y is facing a lawsuit from a group of authors who say
    ..." (the source's phrase hung on the verb) is an allegation by the group against Y."""
    got = _allegations(tmp_path, "Brisco Corp is facing a lawsuit from a group of illustrators who say the "
                                 "company copied their drawings.\n")
    assert list(got) == [("group of illustrators", "Brisco Corp")]


def test_an_adverbial_clause_directing_staff_to_a_product_names_the_alternative(tmp_path):
    """AlternativeFrame._sentence_alternative: "A banned X, directing employees to an internal
    chatbot called Y" (a governor's clause on the ban verb, with "to"): Y is the alternative."""
    got = alternatives(tmp_path, "Lumora Bank has banned ChatGPT, directing employees to an internal chatbot "
                                 "called LumoraGPT.\n")
    assert got == {("Lumora Bank", "ChatGPT"): ["LumoraGPT"]}


def test_what_staff_are_directed_to_is_not_banned_whatever_the_parse(tmp_path):
    """PolicyFrame._directed_to_after: "A has banned X and directed staff to use Y", which the
    parser reads as "banned ... staff to use Y": Y follows the coordinated governor, no ban."""
    got = policies(tmp_path, "Lumora Bank has banned ChatGPT and directed staff to use Microsoft Copilot.\n")
    assert set(got) == {("Lumora Bank", "ChatGPT")}


@pytest.mark.parametrize("text", [
    "Norway's privacy watchdog has lifted its temporary ban on Telegram after the company made changes to "
    "address its concerns.\n",
    "Norway lifts ban on Telegram after the company addresses privacy concerns\n\nNorway's privacy watchdog "
    "said on Friday it had lifted its temporary ban on Telegram.\n",
])
def test_the_reasons_for_lifting_a_ban_are_not_the_ban_s(tmp_path, text):
    """sentence_policy, ReasonFrame._sentence_reason and PolicyFrame._headline_policy
    (``reason.lift_verbs``): "lifted its ban on X after Y" states the ban, but Y is why it ends."""
    got = policies(tmp_path, text)
    assert set(got) == {("Norway", "Telegram")} and not got[("Norway", "Telegram")].get("reason")


def test_a_lifted_ban_keeps_the_reasons_given_for_it(tmp_path):
    """ReasonFrame._sentence_reason: a ban's reasons stated where it was imposed stay when a later
    sentence says it was lifted for another."""
    got = policies(tmp_path, "Norway's privacy watchdog imposed a ban on Telegram in March over privacy concerns. "
                             "It lifted the ban in April after the company added age checks.\n")
    assert got[("Norway", "Telegram")]["reason"] == ["privacy concerns"]


def test_a_hyphenated_modifier_stays_whole_in_the_scope(tmp_path):
    """PolicyFrame._scope (``_hyphenated``): "on state-owned phones", parsed as "owned" with
    "state" below it, is the scope "state-owned phones", not "owned phones"."""
    got = policies(tmp_path, "Lawmakers in Vermont voted to ban Telegram on state-owned phones.\n")
    assert got[("Vermont", "Telegram")]["scope"] == ["state-owned phones"]


@pytest.mark.parametrize("text, ptype", [
    ("The Kestrel Tribunal has ordered its clerks to stop using DeepSeek.\n", "ban"),
    ("The Kestrel Tribunal has advised its clerks to avoid using DeepSeek.\n", "restriction"),
])
def test_an_order_to_stop_using_a_product_is_a_ban(tmp_path, text, ptype):
    """sentence_policy: "ordered staff to stop using X" ends the use of X (a ban); advice to
    avoid it restricts."""
    got = policies(tmp_path, text)
    assert got[("Kestrel Tribunal", "DeepSeek")]["type"] == [ptype]


def test_who_is_fined_is_a_party_whatever_the_model_tags(tmp_path):
    """MentionFinder._context_votes (``penalty_verbs``): "fined X 4 million euros", where the model
    may tag the name and the amount as a law's name, makes X an organization, so the fine is read."""
    got = _allegations(tmp_path, "Norway's privacy watchdog fined Quillpoint 4 million euros for collecting "
                                 "children's data without consent.\n")
    assert list(got) == [("Norway's privacy watchdog", "Quillpoint")]
    assert "collecting children's data without consent" in got[("Norway's privacy watchdog", "Quillpoint")]


def test_an_unnamed_body_s_label_stops_before_a_reason_phrase(tmp_path):
    """lawsuit._implicit_body: "fined by Norway's privacy watchdog over its handling of user data":
    the body is "Norway's privacy watchdog", not the words of the phrase after it."""
    got = _allegations(tmp_path, "Quillpoint was fined 4 million euros by Norway's privacy watchdog over its "
                                 "handling of user data.\n")
    assert list(got) == [("Norway's privacy watchdog", "Quillpoint")]


def test_a_reported_claim_after_the_policy_is_no_scope_or_region(tmp_path):
    """_policy_scope_tokens: "blocked X on staff laptops, saying the app could send data to Z":
    the participle clause of a reporting verb is the issuer's claim (a reason), so its nouns and
    places are neither the scope nor the region."""
    path = tmp_path / "a.txt"
    path.write_text("Pellmont Corp has blocked Grok on staff laptops, saying the app could pass user files "
                    "to Singapore.\n", encoding="utf-8")
    fact = next(f for f in extract([read_article(path)]).facts if f.kind == "policy")
    assert (fact.roles["issuer"].label, fact.roles["product"].label) == ("Pellmont Corp", "Grok")
    assert fact.attrs["scope"] == ["staff laptops"]
    assert fact.entity_attrs["region"] == []
    assert "pass user files to Singapore" in " ".join(fact.attrs["reason"])


@pytest.mark.parametrize("text, practice", [
    ("Quillpoint was fined 3 million euros by Peru's data regulator over its handling of voice recordings.\n",
     "its handling of voice recordings"),
    ("Quillpoint was fined by Peru's data regulator for storing voice recordings abroad.\n",
     "storing voice recordings abroad"),
])
def test_the_cause_of_a_passive_fine_hung_on_its_agent(tmp_path, text, practice):
    """lawsuit._fine_verb: "Y was fined ... by X over Z", where the parse hangs the cause on the
    agent X, still says what Y was fined for; the agent's own phrases ("of", "in") are no cause."""
    got = _allegations(tmp_path, text)
    assert practice in got[("Peru's data regulator", "Quillpoint")]


def test_whom_a_policy_participle_accuses_is_not_restricted(tmp_path):
    """_policy_scope_tokens (``policy.accusing_verbs``): "blocked X, accusing Y of ...": Y is the
    accused of an allegation, not a second restricted product."""
    text = "Peru's data regulator blocked Grok with immediate effect, accusing OpenAI of storing voice " \
           "recordings unlawfully.\n"
    got = policies(tmp_path, text)
    assert [product for _, product in got] == ["Grok"]
    assert [accused for _, accused in _allegations(tmp_path, text)] == ["OpenAI"]


def test_the_concern_behind_a_policy_is_no_allegation(tmp_path):
    """lawsuit._concern: "banned X over concerns that the startup threatens Z" gives the ban's
    reason; only a legal act's concern ("sued Y over concerns that ...") or a raised one is a claim."""
    text = ("Peru has barred the Quillpoint app on state-issued phones over concerns that Vantor Labs endangers "
            "its security.\n")
    assert any("endangers its security" in r for f in policies(tmp_path, text).values() for r in f["reason"])
    assert _allegations(tmp_path, text) == {}


@pytest.mark.parametrize("text, issuer", [
    ("Peru's Office of Digital Services said civil servants should not use Grok.\n", "Office of Digital Services"),
    ("Public servants should not use Grok, the Brisco Institute said.\n", "Brisco Institute"),
    ("Government agencies must not use Grok, Peru's Office of Digital Services said.\n", "Office of Digital Services"),
])
def test_a_rule_for_a_class_of_users_in_reported_speech_is_the_speaker_s(tmp_path, text, issuer):
    """_reported_speaker and _bare_scope: "agencies must not use X, Y said": those bound are named
    by a class (``policy.scope_nouns``), so the rule is the speaker's; ArticleReader.attribution
    finds the speaker where the parse hangs "..., Y said" on the clause before."""
    assert set(policies(tmp_path, text)) == {(issuer, "Grok")}


@pytest.mark.parametrize("text, expected", [
    ("Peru's data regulator shut down Grok nationwide.\n", {("Peru's data regulator", "Grok")}),
    ("Police shut down a website that sold fake Grok subscriptions.\n", set()),
])
def test_shutting_down_another_s_product_is_a_ban(tmp_path, text, expected):
    """sentence_policy (``policy.phrasal_ban`` "shut down") and _shuts_other: a body shutting down
    a named product bans it; shutting down a site whose relative clause names the product is no
    ban of the product."""
    got = policies(tmp_path, text)
    assert {(i if i != "Peru" else "Peru's data regulator", p) for i, p in got} == expected


@pytest.mark.parametrize("text", [
    "Grok will remain blocked in Peru, the Brisco Institute said.\n",
    "The Brisco Institute said Grok would stay blocked until the review ends.\n",
])
def test_a_policy_participle_after_remain_or_stay(tmp_path, text):
    """_lasting_state (``policy.state_verbs``): "X will remain blocked" is an agentless policy on
    X, issued by the speaker."""
    assert ("Brisco Institute", "Grok") in policies(tmp_path, text)


@pytest.mark.parametrize("text", [
    "Brisco Corp has taken steps to control its employees' use of Grok.\n",
    "Brisco Corp has put controls on employee use of Grok.\n",
])
def test_controlling_the_use_of_a_product_restricts_it(tmp_path, text):
    """_controls_use (``policy.control_nouns``, ``policy.control_preps``): "to control the use of
    X" and "controls on the use of X" restrict X."""
    assert policies(tmp_path, text)[("Brisco Corp", "Grok")]["type"] == ["restriction"]


def test_an_official_named_with_a_title_in_apposition(tmp_path):
    """_official_government: "Dana Holt, the governor of Ohio, has barred ...": the title in
    apposition names the place whose government issues the ban."""
    got = policies(tmp_path, "Dana Holt, the governor of Ohio, has barred state employees from using Grok on "
                             "government devices.\n")
    assert set(got) == {("Ohio", "Grok")}


def test_the_owner_of_a_board_or_officer_is_an_organization(tmp_path):
    """MentionFinder._context_votes (``organization_parts``): "Hallam Legal's chief technology
    officer restricted X": whose officer this is is an organization (not a person, as the model
    may take the name), and the issuer."""
    assert set(policies(tmp_path, "Hallam Legal's chief technology officer restricted access to Grok.\n")) == \
        {("Hallam Legal", "Grok")}


@pytest.mark.parametrize("text, reason", [
    ("Brisco Telecom has restricted Grok at work, amid fears staff may leak internal data.\n", "leak internal data"),
    ("Brisco Telecom has restricted Grok after spotting a sharp rise in staff usage.\n", "rise in staff usage"),
    ("Brisco Telecom restricted Grok. The company said it took the step because Quillpoint had not answered its "
     "questions.\n", "had not answered its questions"),
])
def test_reasons_of_news_forms(tmp_path, text, reason):
    """_reasons (``reason.reason_clause_marks`` "amid": "amid fears staff may leak", parsed as a
    clause; ``reason.discovery_verbs``: what the issuer spotted) and _reason_clause
    (``policy.enact_verbs`` "take": "took the step because ...")."""
    assert reason in reasons(tmp_path, text, ("Brisco Telecom", "Grok")).lower()


@pytest.mark.parametrize("text, alternative", [
    ("Dravik Bank restricted Grok for its staff, who will instead be given access to Gemini.\n", "Gemini"),
    ("Dravik Bank restricted Grok for its staff. The bank has replaced it with Zorblat, an in-house "
     "assistant.\n", "Zorblat"),
    ("Dravik Bank told traders to stop using Grok and switch to Quillpoint's Zorblat assistant.\n", "Zorblat"),
])
def test_alternatives_of_news_forms(tmp_path, text, alternative):
    """_sentence_alternative (``policy.alternative_designators`` "give": "who will instead be given
    Y", no restricted Y: _policy_scope_tokens; a switch coordinated with the stop; a name
    modifying the class noun) and _dropped_products ("replaced it with Y", the pronoun a product)."""
    got = policies(tmp_path, text)
    assert set(got) == {("Dravik Bank", "Grok")}
    assert alternatives(tmp_path, text)[("Dravik Bank", "Grok")] == [alternative]


def test_a_firm_s_nationality_is_not_the_country_the_article_is_about(tmp_path):
    """article_country and coref_place (_firm_nationality): "Peru moved against the Chinese AI firm
    ... the government had banned X": the government is Peru's; "Chinese" only says where the
    firm is from."""
    got = policies(tmp_path, "Peru moved against the Chinese AI firm this week. Prime Minister Lena Varga "
                             "announced that the government had banned the use of Grok in public "
                             "administration.\n")
    assert set(got) == {("Peru", "Grok")}


def test_places_listed_after_a_class_of_places(tmp_path):
    """_policy_sites: "blocked in several countries, including A, B and C": each place listed is
    an issuer, as its government."""
    got = policies(tmp_path, "Zorblat has already been blocked in several countries, including Cuba, Syria and "
                             "Belarus.\n")
    assert set(got) == {("Cuba", "Zorblat"), ("Syria", "Zorblat"), ("Belarus", "Zorblat")}


def test_each_listed_government_s_region_is_its_own(tmp_path):
    """sentence_policy: "X is banned in A and B": A's ban holds in A, B's in B."""
    path = tmp_path / "a.txt"
    path.write_text("Zorblat is also banned in Cuba and Syria.\n", encoding="utf-8")
    got = {f.roles["issuer"].label: [e.label for e in f.entity_attrs["region"]]
           for f in extract([read_article(path)]).facts if f.kind == "policy"}
    assert got == {"Cuba": ["Cuba"], "Syria": ["Syria"]}


def test_staff_told_not_to_use_a_product_according_to_a_body(tmp_path):
    """_staff_rule (_bare_scope) and the sentence's attribution: "Sailors have been told not to
    install or open the X app, according to Y": Y's ban; the coordinated verbs share the object
    (_policy_scope_tokens)."""
    got = policies(tmp_path, "Sailors have been told not to install or open the Grok app, according to the "
                             "Kestrel Fleet Command.\n")
    assert [issuer for issuer, _ in got] == ["Kestrel Fleet Command"]


def test_the_members_a_class_of_issuers_includes(tmp_path):
    """_class_member_subject (``policy.membership_verbs``): "Other lenders that have restricted X
    include A and B": A and B restrict X."""
    got = policies(tmp_path, "Other lenders that have restricted staff use of Grok include Corvo Financial and "
                             "Pellam Bank.\n")
    assert set(got) == {("Corvo Financial", "Grok"), ("Pellam Bank", "Grok")}


@pytest.mark.parametrize("text, issuer", [
    ("The Kestrel Trade Office has moved against Grok. The ban, circulated in a staff memo, forbids employees from "
     "installing Grok on work equipment.\n", "Kestrel Trade Office"),
    ("Brisco Corp has a new rule. The rule prohibits staff from using Grok.\n", "Brisco Corp"),
])
def test_the_policy_noun_as_subject_continues_the_previous_subject(tmp_path, text, issuer):
    """_policy_issuers: "The ban forbids employees from ..." after "A has moved against X": a
    definite policy noun as the subject of a ban verb is the previous sentence's subject's
    (centering)."""
    assert set(policies(tmp_path, text)) == {(issuer, "Grok")}


def test_a_party_kept_from_selling_a_product(tmp_path):
    """sentence_policy (``policy.hinder_verbs`` with ``policy.trade_verbs``): "A stopped B from
    selling its X chips to C" restricts X, held from C; what B is kept from doing is no reason."""
    path = tmp_path / "a.txt"
    path.write_text("The Kestrel Trade Office stopped Orvane Semi from selling its Zorblat chips to Peru.\n",
                    encoding="utf-8")
    facts = [f for f in extract([read_article(path)]).facts if f.kind == "policy"]
    assert [(f.roles["issuer"].label, f.roles["product"].label) for f in facts] == [("Kestrel Trade Office", "Zorblat")]
    assert [e.label for e in facts[0].entity_attrs["region"]] == ["Peru"]
    assert facts[0].attrs["reason"] == []


def test_told_not_to_buy_a_product(tmp_path):
    """``policy.use_verbs`` (buy, purchase): "told staff not to buy X" bans X."""
    assert ("Brisco Corp", "Grok") in policies(tmp_path, "Brisco Corp told staff not to buy Grok subscriptions.\n")


def test_a_seller_that_stops_selling_to_a_group_restricts_its_product(tmp_path):
    """sentence_policy (``policy.trade_verbs``): "A will stop selling its X models to groups owned
    by Y" is A's restriction of X (to whom it sells), not a plain end of sales."""
    got = policies(tmp_path, "Orvane Labs will stop selling its Zorblat models to groups majority-owned by "
                             "Peruvian companies.\n\nOrvane Labs stopped selling its chips.\n")
    assert set(got) == {("Orvane Labs", "Zorblat")}
    assert got[("Orvane Labs", "Zorblat")]["type"] == ["restriction"]


def test_a_product_s_nationality_is_not_the_country_the_article_is_about(tmp_path):
    """article_country (_firm_nationality, products too): "Peru moved against Chinese apps.
    Authorities have banned X": Peru's authorities; "Chinese" says where the apps are from."""
    got = policies(tmp_path, "Peru moved against Chinese apps this year. Authorities have banned Grok on "
                             "government phones.\n")
    assert set(got) == {("Peru", "Grok")}
