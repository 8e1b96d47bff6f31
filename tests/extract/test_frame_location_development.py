"""Rules of the location and development frames on invented sentences, read by the real model.

Each test names the rule it checks (a ``kg.extract.facts.ArticleReader`` method).
"""

from __future__ import annotations

import pytest

from kg.extract.extraction import extract
from kg.io.corpus import read_article


def facts_of(tmp_path, text: str, kind: str) -> set[tuple[str, ...]]:
    """The key labels of one article's facts of ``kind``."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return {tuple(r.label for r in f.roles.values()) for f in extract([read_article(path)]).facts if f.kind == kind}


def test_nationality_of_listed_companies(tmp_path):
    """_described_members: "Japanese lenders, such as A and B"."""
    got = facts_of(tmp_path, "Japanese lenders, such as Dravik Bank and "
                             "Torvane Bank, have adopted similar rules.\n", "location")
    assert {("Dravik Bank", "Japan"), ("Torvane Bank", "Japan")} <= got


def test_nationality_through_a_copula(tmp_path):
    """_described_members: "A was the earliest South Korean lender to ..." (not the previous company)."""
    got = facts_of(tmp_path, "Torvane Bank is a lender.\n\nDravik Bank was the earliest South Korean "
                             "lender to drop the tool.\n", "location")
    assert ("Dravik Bank", "South Korea") in got
    assert ("Torvane Bank", "South Korea") not in got


def test_government_body_gets_no_seat_from_a_demonym(tmp_path):
    """sentence_location: a government body's own country is not stated as its seat."""
    got = facts_of(tmp_path, "The Italian regulator Corvell Data Authority opened a review.\n", "location")
    assert not any(org == "Corvell Data Authority" for org, _ in got)


def test_owned_by_hyphen(tmp_path):
    """_owned_by: "X-owned P"."""
    got = facts_of(tmp_path, "Staff may not use Lumora-owned ChatGPT on work phones.\n\n"
                             "Lumora Labs is a startup.\n", "development")
    assert got == set() or all(dev != "Harbor Crest Bank" for dev, _ in got)
    got = facts_of(tmp_path, "ByteDance-owned TikTok was also banned.\n", "development")
    assert ("ByteDance", "TikTok") in got


def test_product_named_after_its_maker(tmp_path):
    """_name_prefix_maker: "Microsoft Copilot" is made by Microsoft when the article names Microsoft."""
    got = facts_of(tmp_path, "Dravik Bank told staff to stop using Microsoft Copilot, Microsoft said.\n",
                   "development")
    assert ("Microsoft", "Microsoft Copilot") in got


def test_government_body_is_no_developer(tmp_path):
    """sentence_development: a regulator's compound ("the Corvell Data Authority ChatGPT review") makes nothing."""
    got = facts_of(tmp_path, "The Corvell Data Authority ChatGPT review ended on Monday.\n", "development")
    assert not any(dev == "Corvell Data Authority" for dev, _ in got)


def test_maker_named_by_a_description_in_apposition(tmp_path):
    """sentence_development: "X, a coding tool by Acme" -> Acme develops X."""
    got = facts_of(tmp_path, "Dravik Bank told staff to stop using Copilot, a coding tool by GitHub.\n",
                   "development")
    assert ("GitHub", "Copilot") in got


def test_owner_noun_after_the_product(tmp_path):
    """sentence_development: "X owner Acme", "X's parent company, Acme" -> Acme owns X."""
    got = facts_of(tmp_path, "Regulators met TikTok owner Dravik Holdings on Monday.\n\n"
                             "Officials questioned Instagram's parent company, Torvane Group, on Tuesday.\n", "development")
    assert {("Dravik Holdings", "TikTok"), ("Torvane Group", "Instagram")} <= got


def test_list_set_off_by_dashes_and_compound_cue(tmp_path):
    """_described_members and sentence_location: "three Chinese chip startups — A, B and C —"."""
    got = facts_of(tmp_path, "Investigators named three Chinese chip startups — Kestrel AI, Lumora Labs and Quillon Labs — "
                             "in the filing.\n", "location")
    assert {("Kestrel AI", "China"), ("Lumora Labs", "China"), ("Quillon Labs", "China")} <= got


def test_company_of_a_country_through_a_copula(tmp_path):
    """_copula_seat: "Acme is the biggest chip manufacturer in the United States"."""
    got = facts_of(tmp_path, "Dravik Labs is the biggest chip manufacturer in the United States.\n", "location")
    assert ("Dravik Labs", "United States") in got


def test_numbered_model_series_shares_its_makers_possessive(tmp_path):
    """DevelopmentFrame: "Acme's X100, X200 and Y300" -> Acme develops all three; unnumbered
    names after one possessive ("Acme's Copilot and ChatGPT") do not inherit it."""
    from kg.extract.extraction import extract
    from kg.io.corpus import read_article

    path = tmp_path / "a.txt"
    path.write_text("The rules cover Nvidia's H20, B200 and H200 models.\n\nStaff may use Microsoft's Copilot "
                    "and ChatGPT.\n", encoding="utf-8")
    got = {(f.roles["developer"].label, f.roles["product"].label)
           for f in extract([read_article(path)]).facts if f.kind == "development"}
    assert {("Nvidia", "H20"), ("Nvidia", "B200"), ("Nvidia", "H200")} <= got
    assert ("Microsoft", "ChatGPT") not in got


def test_known_maker_named_in_the_same_article(tmp_path):
    """DevelopmentFrame._known_maker_in_article: the knowledge base's maker of a product
    (kg.nlp.kb.KnowledgeBase.makers) is its developer when the article names both, in one
    sentence or apart; an article naming the product alone, or another company with it, gives
    no development."""
    got = facts_of(tmp_path, "Adobe said it would update its terms.\n\n"
                             "Photoshop would stop working for users who reject them.\n", "development")
    assert ("Adobe", "Photoshop") in got
    got = facts_of(tmp_path, "Ferrow Lane told staff to stop using Firefox and ChatGPT on Monday.\n", "development")
    assert not any(p in {"Firefox", "ChatGPT"} for _, p in got)


def test_one_of_the_demonym_firms(tmp_path):
    """LocationFrame._copula_seat: "A is one of a host of Kestrian firms" seats A in the
    country; "one of many firms" seats it nowhere."""
    got = facts_of(tmp_path, "Zorblat Labs is one of a host of Chinese firms on such blacklists.\n\n"
                             "Ferrow Lane is one of many firms.\n", "location")
    assert ("Zorblat Labs", "China") in got
    assert not any(org == "Ferrow Lane" for org, _ in got)


def test_seat_in_a_main_clause(tmp_path):
    """sentence_location: "X is headquartered in <city>" and "X is based in <city>, <country>": the
    city's country from the gazetteer (Copenhagen is tagged ORG by the model after "in")."""
    got = facts_of(tmp_path, "Quorrin Labs is headquartered in Copenhagen.\n\n"
                             "Velmar Robotics is based in Lyon, France.\n", "location")
    assert {("Quorrin Labs", "Denmark"), ("Velmar Robotics", "France")} <= got


def test_seat_in_a_city_through_a_relative_clause_and_an_apposition(tmp_path):
    """sentence_location and _copula_seat: "X, which is based in <city>", "X, a firm in <city>"."""
    got = facts_of(tmp_path, "Quorrin Labs, which is based in Milan, makes chatbots.\n\n"
                             "Velmar Robotics, a startup in Hangzhou, makes robots.\n", "location")
    assert {("Quorrin Labs", "Italy"), ("Velmar Robotics", "China")} <= got


def test_company_of_a_country(tmp_path):
    """sentence_location: "X of <country>" for a company; an official "of France" states nothing."""
    got = facts_of(tmp_path, "Quorrin Labs of Denmark makes chatbots.\n\n"
                             "The president of France met Velmar Robotics.\n", "location")
    assert ("Quorrin Labs", "Denmark") in got
    assert not any(org == "Velmar Robotics" for org, _ in got)


def test_maker_of_a_class_noun_before_the_name(tmp_path):
    """sentence_development: "Acme's chatbot X" (the possessor of the class noun compounded to X)."""
    got = facts_of(tmp_path, "Quorrin Labs's chatbot Zelvo has drawn criticism.\n", "development")
    assert ("Quorrin Labs", "Zelvo") in got


def test_company_behind_a_product(tmp_path):
    """sentence_development: "Acme, the startup behind X" and "Acme is the company behind X"; a
    place is no maker."""
    got = facts_of(tmp_path, "Quorrin Labs, the startup behind Zelvo Chat, raised money.\n\n"
                             "Velmar Dynamics is the company behind Kestrel Chat.\n", "development")
    assert {("Quorrin Labs", "Zelvo Chat"), ("Velmar Dynamics", "Kestrel Chat")} <= got


def test_nationality_before_industry_words_and_a_cue_noun(tmp_path):
    """sentence_location (surface fallback): "Australian cyber security firm X" (industry
    words of ``location.industry_words`` between the nationality and the cue noun)."""
    got = facts_of(tmp_path, "In an advisory, Australian cyber security firm Quorrin Labs said the app "
                             "collects data.\n", "location")
    assert ("Quorrin Labs", "Australia") in got


def test_parent_company_and_owner(tmp_path):
    """_parent_company: "X and Y's parent company, A" and "X's owner A" -> A develops X (a
    company known by its product stands for it)."""
    got = facts_of(tmp_path, "Quillchat and Loomly’s parent company, Zorvane Labs, intends to license member data.\n",
                   "development")
    assert {("Zorvane Labs", "Quillchat"), ("Zorvane Labs", "Loomly")} <= got
    got = facts_of(tmp_path, "Quillchat's owner Zorvane Labs intends to license member data.\n", "development")
    assert ("Zorvane Labs", "Quillchat") in got


def test_a_plural_description_with_a_nationality_seats_the_group(tmp_path):
    """_described_members (group_antecedent): "Dravik Bank and Torvane Bank ... The two Japanese
    lenders" seats both in Japan."""
    got = facts_of(tmp_path, "Kestria's commissioner has asked Dravik Bank and Torvane Bank to remove the app. "
                             "The two Japanese lenders must now review the request.\n", "location")
    assert {("Dravik Bank", "Japan"), ("Torvane Bank", "Japan")} <= got


def test_a_seat_before_a_cue_word_the_tagger_reads_as_an_adjective(tmp_path):
    """sentence_location: "the Seoul-based firm Kestrel Labs" ("firm" tagged JJ) seats the name after it."""
    got = facts_of(tmp_path, "News\n\nThe Seoul-based firm Kestrel Labs also builds chatbots.\n", "location")
    assert ("Kestrel Labs", "South Korea") in got


def test_its_developer_in_apposition_makes_the_product(tmp_path):
    """_parent_company: "X ... sends it to servers operated by its Oslo-based developer, Morrow Tech"."""
    got = facts_of(tmp_path, "App news\n\nA popular keyboard app, Vortiq Keys, collects what users type and sends "
                             "it to servers operated by its Oslo-based developer, Morrow Tech.\n", "development")
    assert ("Morrow Tech", "Vortiq Keys") in got


def test_the_maker_of_a_named_class_noun(tmp_path):
    """sentence_development: "A, the maker of the X chatbot" and "the developer of the X music
    generator" (the name modifies the class noun that is the maker's object; the parse may hang
    it as an adverb) give A as X's developer."""
    got = facts_of(tmp_path, "Orvane Labs, the maker of the Plinko chatbot, said it would appeal.\n\n"
                             "Tessly Corp, the developer of the Brindle music generator, declined to comment.\n",
                   "development")
    assert {("Orvane Labs", "Plinko"), ("Tessly Corp", "Brindle")} <= got


def test_what_a_maker_makes_is_a_product(tmp_path):
    """MentionFinder._context_votes (``_MAKING_NOUNS``): in "A, the maker of X", X is a product
    even where the model tags it as an organization, so A develops X."""
    path = tmp_path / "a.txt"
    path.write_text("Orvane Labs, the maker of Plinko, said on Monday it would appeal.\n", encoding="utf-8")
    ex = extract([read_article(path)])
    assert {e.label: e.kind for e in ex.entities.values()}["Plinko"] == "SoftwareProduct"
    assert ("Orvane Labs", "Plinko") in {tuple(r.label for r in f.roles.values())
                                         for f in ex.facts if f.kind == "development"}


def test_a_place_of_two_words_before_based(tmp_path):
    """sentence_location and _nationality(place=...): "San Francisco-based X", "a Hong Kong-based
    lender": the whole place name before "-based" locates the organization."""
    got = facts_of(tmp_path, "The suit names San Francisco-based Orvane Labs as a defendant.\n\n"
                             "Tessly Corp, a Hong Kong-based lender, declined to comment.\n", "location")
    assert {("Orvane Labs", "United States"), ("Tessly Corp", "Hong Kong")} <= got


def test_a_nonprofit_is_an_organization_noun(tmp_path):
    """``cue_nouns.Company`` (nonprofit, NGO): "X, a Lyon-based nonprofit" and "Austrian NGO X"
    locate X; the upper-case class word is no part of the name (MentionFinder._clean)."""
    path = tmp_path / "a.txt"
    path.write_text("Verdance, a Lyon-based nonprofit, filed a complaint on Monday.\n\n"
                    "Austrian NGO Halden Watch joined the complaint.\n", encoding="utf-8")
    ex = extract([read_article(path)])
    got = {tuple(r.label for r in f.roles.values()) for f in ex.facts if f.kind == "location"}
    assert {("Verdance", "France"), ("Halden Watch", "Austria")} <= got
    assert not any("NGO" in e.label for e in ex.entities.values())


def test_a_description_as_subject_continues_the_previous_subject(tmp_path):
    """ArticleReader.coref (centering): "A has accused B of ... The Boston-based lab wrote ...":
    the description that opens the next sentence as its subject is A, not B, the company
    named last."""
    got = facts_of(tmp_path, "Orvane Labs has accused Tessly Corp of copying its model in a letter to "
                             "lawmakers.\n\nThe Boston-based lab wrote that the copying began in March.\n",
                   "location")
    assert ("Orvane Labs", "United States") in got
    assert not any(org == "Tessly Corp" for org, _ in got)


def test_a_credit_s_first_name_is_no_place(tmp_path):
    """sentence_location and MentionFinder._clean ("/" ends a name): in a credit "Kara Lunde/Agency"
    the first name, which the gazetteer knows as a town, locates no organization."""
    got = facts_of(tmp_path, "The app on a phone. Photo by Kara Lunde/Getty Images\n\n"
                             "By Kara Lunde/Reuters\n\nQuarnel Corp released a model.\n", "location")
    assert got == set()


def test_a_place_word_before_a_cue_noun_still_locates(tmp_path):
    """sentence_location: a place the mention finder names ("a Texas startup") still locates the
    organization it describes (the guard above skips only words no mention covers)."""
    got = facts_of(tmp_path, "Quarnel Corp, a Texas startup, released a model.\n", "location")
    assert ("Quarnel Corp", "United States") in got


def test_a_passive_development_with_its_agent(tmp_path):
    """sentence_development: "X is developed by A" and "X was built by A in 2023" (a main-clause
    passive) give A as X's developer."""
    got = facts_of(tmp_path, "Orbi Assistant is developed by Tarvel Labs.\n\nPlinko Chat was built by "
                             "Orvane Labs in 2023.\n", "development")
    assert {("Tarvel Labs", "Orbi Assistant"), ("Orvane Labs", "Plinko Chat")} <= got


@pytest.mark.parametrize("text, org, country", [
    ("The Singapore-based AI startup Orvane Labs released a model.\n", "Orvane Labs", "Singapore"),
    ("French generative AI startup Tessly Labs has raised more than a billion euros.\n", "Tessly Labs", "France"),
])
def test_a_nationality_before_a_cue_noun_the_parse_breaks(tmp_path, text, org, country):
    """_named_after_cue: "the X-based AI startup A" and "French generative AI startup A", where the
    model tags "startup" a verb and breaks the noun phrase, still locate A."""
    assert (org, country) in facts_of(tmp_path, text, "location")


def test_the_nationality_of_an_owner_in_apposition(tmp_path):
    """sentence_location (``cue_nouns.Company`` "owner", "parent"): "Y, the Chinese owner of X"
    seats Y in China."""
    got = facts_of(tmp_path, "The Quillpoint app sent data to Tessly Group, the Chinese owner of Zorblat.\n",
                   "location")
    assert ("Tessly Group", "China") in got


@pytest.mark.parametrize("text, org, country", [
    ("Tarvel Labs, which has its headquarters in Toronto, released the assistant.\n", "Tarvel Labs", "Canada"),
    ("Orvane Labs said from its headquarters in Lyon that it would cooperate.\n", "Orvane Labs", "France"),
])
def test_an_organization_s_headquarters_in_a_place(tmp_path, text, org, country):
    """LocationFrame._headquarters (``seat_nouns``): "its headquarters in Y" seats the
    organization its possessive names in Y's country."""
    assert (org, country) in facts_of(tmp_path, text, "location")
