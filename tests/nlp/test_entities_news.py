"""Entity mentions and text structure on the shapes of real news pages.

Every name here is invented; the places are real (world knowledge, not article facts).
"""

from __future__ import annotations

import pytest

from kg.nlp.entities import MentionFinder, resolve_entities, top_kind
from kg.nlp.kb import load_kb
from kg.nlp.model import load_pipeline
from kg.extract.extraction import extract
from kg.io.corpus import read_article


@pytest.fixture(scope="module")
def finder():
    return MentionFinder(load_pipeline(), load_kb())


def entities_of(finder, *blocks: str, heading: tuple[int, ...] = ()):
    """{label: family} of the entities kg resolves from the blocks of one article."""
    nlp = load_pipeline()
    mentions = [("a1", m) for i, text in enumerate(blocks) for m in finder.find(nlp(text), i, i in heading)]
    ents = resolve_entities(mentions, load_kb())
    return {e.label: top_kind(e.kind) for e in ents.values()}


def test_titles_are_split_off_names(finder):
    found = entities_of(finder, "Harbor Crest Bank CEO Dana Whitfield said on Monday the bank would act.",
                        "Texas Gov. Marlon Petrakis signed the order, and Prime Minister Ilse Varga agreed.")
    assert found["Dana Whitfield"] == "Person"
    assert found["Harbor Crest Bank"] == "Organization"
    assert found["Marlon Petrakis"] == "Person" and found["Ilse Varga"] == "Person"
    assert found["Texas"] == "Place"
    assert not any(w in label for label in found for w in ("CEO", "Gov", "Prime", "Minister"))


def test_a_bare_title_is_no_name(finder):
    found = entities_of(finder, "The guidance was issued by the Chief Operating Officer of Quillpoint Labs.")
    assert not any("Officer" in label for label in found)


def test_a_surname_resolves_to_the_person_already_named(finder):
    found = entities_of(finder, "Quillpoint founder Dana Whitfield announced the ban.",
                        "Whitfield said the tool leaked data, and Whitfield's team agreed.")
    assert found.get("Dana Whitfield") == "Person"
    assert "Whitfield" not in found


def test_descriptors_type_the_name(finder):
    found = entities_of(finder, "The rule also hits rival startup Zentrix and the Chinese AI firm Brimlow.")
    assert found["Zentrix"] == "Organization" and found["Brimlow"] == "Organization"


def test_ampersand_and_body_names_stay_whole(finder):
    found = entities_of(finder, "Norvik Hydro & Tidal Power said it had blocked the app.")
    assert "Norvik Hydro & Tidal Power" in found


def test_the_maker_of_a_product_names_a_product(finder):
    found = entities_of(finder, "The Quillphone maker said the Harbor Crest Bank deal would close.")
    assert found.get("Quillphone") == "Product"


def test_title_case_headline_names_need_the_body(finder):
    found = entities_of(finder, "Regulators Crack Down On Glimmer Fog Tools", "Acme Corp said it complied.",
                        heading=(0,))
    assert not any("Glimmer" in label for label in found)


def test_cities_and_regions_resolve_to_their_country():
    kb = load_kb()
    assert kb.country_of_place("Busan").name == "South Korea"
    assert kb.country_of_place("Texas").name == "United States"
    assert kb.country_of_demonym("Osaka").name == "Japan"  # "an Osaka-based firm"
    assert kb.country_of_place("Quillpoint") is None
    assert kb.is_place("Lyon") and not kb.is_place("Harbor Crest Bank")


def test_page_furniture_gives_no_blocks(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(
        " date 2025-03-04 Lisbon: Quillpoint said on Monday it banned Widget.\n"
        "By Jane Roe and John Doe\n"
        "Skip to main content\n"
        "(Image credit: Jane Roe/Pixel Agency)\n"
        "Dana Whitfield speaks in Lisbon. Photo: Jane Roe/Pixel Agency\n"
        "Copyright 2025 Harbor Crest Media. All rights reserved.\n"
        "Read more: Widget bans spread\n"
        "Quillpoint did not respond. Harbor Crest Bank, which also uses Wid\n",
        encoding="utf-8")
    art = read_article(p)
    texts = [b.text for b in art.blocks]
    assert art.dateline == "March 4, 2025"
    assert texts[0] == "Quillpoint said on Monday it banned Widget."
    assert art.text[art.blocks[0].start:art.blocks[0].start + 10] == "Quillpoint"
    assert texts[1] == "Dana Whitfield speaks in Lisbon."
    assert texts[-1] == "Quillpoint did not respond."
    assert len(texts) == 3


def test_glued_title_case_headline_is_its_own_heading(tmp_path):
    p = tmp_path / "glued.txt"
    p.write_text(" date 2025-03-04 Staff Are Barred From Using This Popular Chat App Quillpoint "
                 "told staff on Friday that Widget is banned.\nSecond paragraph here.\n", encoding="utf-8")
    art = read_article(p)
    assert art.blocks[0].heading and art.blocks[0].text.endswith("App Quillpoint")
    assert not art.blocks[1].heading and art.blocks[1].text.startswith("told staff")


def test_wire_dateline_with_hyphen_is_removed(tmp_path):
    """read_article (WIRE_IN_DATELINE_RE): the dateline leaves the sentence; its place and the
    agency it credits stay as heading blocks of their own, at their offsets."""
    p = tmp_path / "wire.txt"
    p.write_text("LISBON (Wire) - Quillpoint said on Monday it banned Widget.\nMore text here.\n", encoding="utf-8")
    art = read_article(p)
    assert [b.text for b in art.blocks[:3]] == ["LISBON", "Wire", art.blocks[2].text]
    assert art.blocks[2].text.startswith("Quillpoint")
    assert art.text[art.blocks[1].start:art.blocks[1].start + 4] == "Wire" and art.blocks[1].heading


def test_the_agency_a_dateline_credits_is_a_news_organization(tmp_path):
    """read_article (WIRE_IN_DATELINE_RE): "PARIS, May 2 (AFP) —" credits a news agency, which the
    article names (a source, required in cq08)."""
    p = tmp_path / "afp.txt"
    p.write_text("PARIS, May 2 (AFP) — Quillpoint said on Monday it banned Widget.\n", encoding="utf-8")
    ents = {(e.label, e.kind) for e in extract([read_article(p)]).entities.values()}
    assert ("AFP", "NewsOrganization") in ents


def test_title_case_city_dateline_with_a_dash_is_removed(tmp_path):
    """read_article (TOWN_DATELINE_RE, a GeoNames city): "Sao Paulo — ..." opens with a dateline;
    "Quillpoint — ..." (no city) keeps its first word."""
    p = tmp_path / "town.txt"
    p.write_text("Sao Paulo — Quillpoint said on Monday it banned Widget.\n\nQuillpoint — the startup — "
                 "said more.\n", encoding="utf-8")
    art = read_article(p)
    assert art.blocks[0].text == "Sao Paulo" and art.blocks[1].text.startswith("Quillpoint said")
    assert art.blocks[2].text.startswith("Quillpoint —")


def test_bracketed_acronym_is_the_names_alias(finder):
    """MentionFinder.find and _resolve_acronyms: "Kestrel Media Corp. (KMC)" and a later "KMC"
    are one entity, labelled with the long name; another article's "KMC" is not merged."""
    nlp = load_pipeline()
    blocks = ["Kestrel Media Corp. (KMC) has sued Dravik Labs in federal court.",
              "KMC said the startup copied its articles."]
    mentions = [("a1", m) for i, text in enumerate(blocks) for m in finder.find(nlp(text), i, False)]
    mentions += [("a2", m) for m in finder.find(nlp("Analysts at KMC Partners and KMC disagreed."), 0, False)]
    ents = resolve_entities(mentions, load_kb())
    kmc = [m.entity for art, m in mentions if art == "a1" and m.text in {"KMC", "Kestrel Media Corp."}]
    assert len({e.key for e in kmc}) == 1 and kmc[0].label == "Kestrel Media Corp."
    other = [m.entity for art, m in mentions if art == "a2" and m.text == "KMC" and m.entity is not None]
    assert all(e.key != kmc[0].key for e in other)
    assert ents


def test_body_name_continued_by_and_is_one_name(finder):
    """MentionFinder._join_of_and: "the Office of Trade and Harbor Services" is one body; a
    known name after "and" stays apart."""
    found = entities_of(finder, "The Office of Trade and Harbor Services reviewed the app.")
    assert found.get("Office of Trade and Harbor Services") == "Organization"
    apart = entities_of(finder, "The Ministry of Trade and Google announced a deal.")
    assert "Google" in apart and "Ministry of Trade" in apart


def test_university_of_a_known_country_is_one_name(finder):
    """MentionFinder._school_of: "the University of Malta" is one organization, not the country
    alone; the country named by itself stays a country."""
    found = entities_of(finder, "Students at the University of Malta met the Vorlen Trust.",
                        "Malta has a new minister.")
    assert found.get("University of Malta") == "Organization"
    assert found.get("Malta") == "Place"


def test_honorifics_are_titles_and_particles_stay_in_names(finder):
    """person_titles ("Gen.", "His Highness", "Lady Justice") are split off; a name's lower-case
    particles (``name_particles``: "bin", "van") do not stop the split."""
    found = entities_of(finder, "Gen. Mara Okello met His Highness Sheikh Karim bin Tarek Al Vorn.",
                        "Lady Justice Ines van Dorn ruled on Monday.")
    assert found.get("Mara Okello") == "Person" and found.get("Ines van Dorn") == "Person", found
    assert "Sheikh Karim bin Tarek Al Vorn" in found and not any("Highness" in k for k in found), found


def test_a_brand_with_inner_capitals_recurs_as_the_same_entity(finder):
    """MentionFinder._mention: a lone brand name written with inner capitals ("FixMyLoan") and
    no cue of its own is kept until resolution, which links it to the entity its first, typed
    mention names."""
    nlp = load_pipeline()
    blocks = ["Regulators fined FixMyLoan, a lending software company, last year.",
              "However, the agency alleges that FixMyLoan failed to fix the flaw."]
    mentions = [("a1", m) for i, text in enumerate(blocks) for m in finder.find(nlp(text), i, False)]
    resolve_entities(mentions, load_kb())
    quill = [m for _, m in mentions if m.text == "FixMyLoan"]
    assert len(quill) == 2 and quill[0].entity is not None and quill[1].entity is quill[0].entity


def test_languages_and_peoples_are_no_entities(finder):
    """KnowledgeBase.names_people_or_language in MentionFinder._mention: a major language
    ("Yoruba") or a nation's people ("Canadians") is no entity; a country stays one."""
    found = entities_of(finder, "Vorlen Labs says its assistant now speaks Yoruba and Tamil.",
                        "Canadians were the first to try it, and Tonga is next.")
    assert not {"Yoruba", "Tamil", "Canadians"} & set(found), found
    assert "Vorlen Labs" in found and found.get("Tonga") == "Place"


def test_name_spelled_by_a_later_acronym_and_an_acronym_noun(finder):
    """_resolve_acronyms with kg.nlp.entities.initials: "Varnel Rivers College" ... "VRC" is one entity."""
    found = entities_of(finder, "Varnel Rivers College opened a lab.", "VRC said the lab would open in May.")
    assert "Varnel Rivers College" in found and "VRC" not in found


def test_a_two_word_cue_noun_wins_over_its_head(finder):
    """MentionFinder._cue_kind: "news agency X" is a news organization, though "agency"
    alone cues a government body."""
    found = entities_of(finder, "The case was brought by news agency Varta Press on Monday.")
    assert found["Varta Press"] == "Organization"
    nlp = load_pipeline()
    mentions = [("a1", m) for m in finder.find(nlp("The case was brought by news agency Varta Press on Monday."), 0, False)]
    ents = resolve_entities(mentions, load_kb())
    assert {e.kind for e in ents.values() if e.label == "Varta Press"} == {"NewsOrganization"}


def test_a_subject_called_its_is_no_person(finder):
    """MentionFinder._context_votes: "X has barred its lawyers from ..." types X as a company
    although the name looks like a person's."""
    found = entities_of(finder, "After a short review, Hollis Marr barred its lawyers from relying on Gemini.")
    assert found["Hollis Marr"] == "Organization"


def test_two_capitalized_parts_joined_by_and_before_a_body_suffix(finder):
    """MentionFinder._join_of_and: "the Kenyan Roads and Broadcasting Commission" is one body's
    name (the model cuts it in two); a known name before "and" stays its own."""
    nlp = load_pipeline()
    texts = [m.text for m in finder.find(nlp("The Kenyan Roads and Broadcasting Commission said it "
                                             "would act."), 0, False)]
    assert "Kenyan Roads and Broadcasting Commission" in texts  # (its nationality word opens the name)
    texts = [m.text for m in finder.find(nlp("Google and the Federal Trade Commission met."), 0, False)]
    assert "Google" in texts and "Federal Trade Commission" in texts


def test_attorney_general_is_a_title_and_a_lone_surname_is_the_person(tmp_path):
    """_untitle (``person_titles``, ``post_title_modifiers``: "Attorney General" is a title, not
    part of the name) and _resolve_surnames (a lone capitalized surname the model does not tag
    is kept until it resolves to the person named before)."""
    path = tmp_path / "a.txt"
    path.write_text("Ohio Attorney General Sara Lind opened an inquiry on Monday.\n\n"
                    "Lind said the review would take months.\n", encoding="utf-8")
    ents = {(e.label, e.kind) for e in extract([read_article(path)]).entities.values() if not e.implicit}
    assert ("Sara Lind", "Person") in ents
    assert not any("General" in label or label == "Lind" for label, _ in ents)


@pytest.mark.parametrize("text, person", [
    ("Quarnel Chief Executive Lena Marsh said the review would take months.\n", "Lena Marsh"),
    ("Chief Scientist Oren Velde left Quarnel Corp in May.\n", "Oren Velde"),
    ("Moon Ha-rin has details.\n", "Moon Ha-rin"),
    ("Baek Seo-jun said the review would take months.\n", "Baek Seo-jun"),
])
def test_a_person_s_whole_name_and_nothing_else(tmp_path, text, person):
    """_untitle (``post_title_modifiers``): "Chief Executive" and "Chief Scientist" are titles, so
    the person is the name after them, with no title word glued on; MentionFinder._clean: "Moon
    Ha-rin" keeps the lower-case second part of its hyphenated given name (not cut to "Moon Ha"),
    while "Acme-owned" still ends the name before "-owned"."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    people = {e.label for e in extract([read_article(path)]).entities.values() if e.kind == "Person"}
    assert people == {person}


@pytest.mark.parametrize("text, person", [
    ("Tarvel Labs Chief Business Officer Dmitri Vasko spoke on a podcast.\n", "Dmitri Vasko"),
    ("Tarvel Labs Head of Global Affairs Mara Lind said the app keeps no recordings.\n", "Mara Lind"),
    ("Tarvel Labs Vice President of Product Mara Lind said the app keeps no recordings.\n", "Mara Lind"),
    ("Tarvel Labs General Manager Mara Lind said so.\n", "Mara Lind"),
])
def test_titles_of_several_words_between_a_company_and_a_name(tmp_path, text, person):
    """_untitle (``person_titles`` "head", "manager"; a capitalized word inside a title run;
    "Head of <portfolio> Name": the portfolio left out): the company and the person, nothing of
    the title in either."""
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    got = {(e.label, e.kind) for e in extract([read_article(path)]).entities.values()}
    assert (person, "Person") in got and ("Tarvel Labs", "Company") in got
    assert len(got) == 2


def test_no_sentence_starts_after_a_glued_period():
    """kg_glued_period_v1 (kg.nlp.model._glued_period): "Acme.AI" is one name to the parser, so
    the sentence that names it is not cut at its period; a period followed by a space still
    ends a sentence."""
    nlp = load_pipeline()
    doc = nlp("Dana Holt accused Torvane and Quill.AI of copying essays. Both firms denied it.")
    assert [s.text for s in doc.sents] == ["Dana Holt accused Torvane and Quill.AI of copying essays.",
                                          "Both firms denied it."]


def test_an_amount_after_a_name_is_not_part_of_it(finder):
    """MentionFinder._clean: "fined Acme 5 million euros" ends the name before the amount."""
    found = entities_of(finder, "The Danish data protection agency fined Quorrin Labs 5 million euros.",
                        "Velmar Dynamics fined Kestrel Systems $2 million in May.")
    assert "Quorrin Labs" in found and not any(label.startswith("Quorrin Labs ") for label in found)
    assert "Kestrel Systems" in found


def test_a_place_after_in_is_a_place_even_when_tagged_as_an_organization(finder):
    """MentionFinder: a gazetteer city the model tags ORG after "in" ("headquartered in Copenhagen")."""
    found = entities_of(finder, "Quorrin Labs is headquartered in Copenhagen.")
    assert found.get("Copenhagen") == "Place"


def test_a_one_word_brand_the_model_calls_a_person_is_an_organization(finder):
    """resolve_entities: one word the model tags as a person, with no title and no full name,
    that its context also types as a company ("Vendora banned X"), is no person; a person
    named in full stays one."""
    found = entities_of(finder, "Vendora said on Monday it would change its app.", "Vendora banned ChatGPT last year.",
                        "Dana Whitfield said the plan was sound.")
    assert found.get("Vendora") == "Organization"
    assert found.get("Dana Whitfield") == "Person"


def test_a_subject_that_reports_is_a_news_organization(finder):
    """MentionFinder: "..., Ostrava Radio reports" types a news organization; "Velmar reported
    record profits" (an object) does not."""
    nlp = load_pipeline()
    kb = load_kb()
    mentions = [("a1", m) for i, text in enumerate(["The city worries about leaks, Ostrava Radio reports.",
                                                   "Velmar Dynamics reported record profits."])
                for m in finder.find(nlp(text), i, False)]
    kinds = {e.label: e.kind for e in resolve_entities(mentions, kb).values()}
    assert kinds.get("Ostrava Radio") == "NewsOrganization"
    assert kinds.get("Velmar Dynamics") != "NewsOrganization"


def test_a_title_case_phrase_of_words_the_article_writes_in_lower_case_is_no_name(tmp_path):
    """MentionFinder.drop_common_phrases (through extract): "Customer Data" in a label, where the
    article also writes "customer" and "data", names nothing; a name stays."""
    path = tmp_path / "a.txt"
    path.write_text("Acme rules\n\nThe bank keeps customer records and other data safe, Quorrin Labs said.\n\n"
                    "The update changes how Customer Data is handled by the bank.\n", encoding="utf-8")
    labels = {e.label for e in extract([read_article(path)]).entities.values() if not e.implicit}
    assert "Customer Data" not in labels
    assert "Quorrin Labs" in labels


def test_portfolios_and_more_titles_are_split_off_names(finder):
    """MentionFinder._untitle: "Secretary of Commerce Dana Whitfield" (the portfolio after "of"),
    "Justice Ilse Varga", "Congressmen Marlon Petrakis and ..." and "Developer Tobias Renn" leave
    the bare name, a person."""
    found = entities_of(finder, "Secretary of Commerce Dana Whitfield said the rules would tighten.",
                        "Justice Ilse Varga ordered the company to pay.",
                        "Developer Tobias Renn found the flaw.")
    assert found.get("Dana Whitfield") == "Person"
    assert found.get("Ilse Varga") == "Person"
    assert found.get("Tobias Renn") == "Person"
    assert not any(w in label for label in found for w in ("Commerce", "Justice", "Developer"))


def test_a_surname_or_given_name_joins_a_full_name_only_the_model_typed(tmp_path):
    """_resolve_surnames: a two-word name the model alone calls a person takes its later
    surname ("Brandt") and a given name that only it bears ("Arlo"); a name one of whose words
    is a place ("Chat Amsterdam") takes neither."""
    path = tmp_path / "a.txt"
    path.write_text("Arlo Brandt and Mira Brandt sued Torvane Labs in March.\n\n"
                    "Arlo said the company ignored him. Mira Brandt agreed.\n\n"
                    "Later, Nils Okafor joined the suit. Okafor said little.\n", encoding="utf-8")
    ents = {e.label: e.kind for e in extract([read_article(path)]).entities.values() if not e.implicit}
    assert ents.get("Arlo Brandt") == "Person" and "Arlo" not in ents
    assert ents.get("Nils Okafor") == "Person" and "Okafor" not in ents


def test_a_laws_acronym_is_no_organization(tmp_path):
    """MentionFinder._document_acronyms: "the Kestrian Data Protection Regulation (KDPR)" names a
    law, and so does "KDPR" later in the article, however the model types it."""
    path = tmp_path / "a.txt"
    path.write_text("Zentrix may have breached the Kestrian Data Protection Regulation (KDPR), the "
                    "commission said.\n\nKDPR fines can reach 4% of turnover, KDPR officials said.\n",
                    encoding="utf-8")
    labels = {e.label for e in extract([read_article(path)]).entities.values() if not e.implicit}
    assert "KDPR" not in labels and not any("Regulation" in label for label in labels)


def test_an_office_holders_office_is_one_government_body(tmp_path):
    """MentionFinder._title_offices: "the State Prosecutor's Office for the Eastern Region of
    Kestria" is one body, not the title "Attorney" and a district."""
    path = tmp_path / "a.txt"
    path.write_text("The State Prosecutor's Office for the Eastern Region of Kestria charged Dana Whitfield "
                    "with theft of trade secrets.\n", encoding="utf-8")
    ents = {e.label: e.kind for e in extract([read_article(path)]).entities.values() if not e.implicit}
    assert ents.get("State Prosecutor's Office for the Eastern Region of Kestria") == "GovernmentBody"
    assert "Prosecutor" not in ents


def test_a_list_after_a_plural_cue_noun_types_every_member(finder):
    """MentionFinder._context_votes: "five models, A, B and C" (one coordination to the parser)
    types every member by the cue noun."""
    found = entities_of(finder, "The bureau said it had inspected three models, Zorvik, Quellan and Brimsa, "
                                "on Monday.")
    assert found.get("Quellan") == "Product" and found.get("Brimsa") == "Product"


def test_a_partnership_listing_its_partners_is_one_company(finder):
    """MentionFinder._firm_names (``firm_suffixes``): "Lind, Okafor and Brandt LLP" is one firm;
    "A LLP and B LLP" are two."""
    found = entities_of(finder, "Lind, Okafor and Brandt LLP barred its lawyers from using ChatGPT.",
                        "Varnel Hale LLP and Torvik Stone LLP agreed.")
    assert found.get("Lind, Okafor and Brandt LLP") == "Organization"
    assert found.get("Varnel Hale LLP") == "Organization" and found.get("Torvik Stone LLP") == "Organization"


def test_a_body_named_for_several_portfolios_is_one_name(finder):
    """MentionFinder._portfolio_bodies: "the Department of Farms, Fisheries and Forests" is one
    body; "the Department of Trade, the FBI and Reuters" lists three names."""
    found = entities_of(finder, "The Department of Farms, Fisheries and Forests banned ChatGPT.",
                        "The Department of Trade, the FBI and Reuters said so.")
    assert found.get("Department of Farms, Fisheries and Forests") == "Organization"
    assert "Department of Trade" in found


def test_an_occupation_before_a_name_is_no_part_of_it(finder):
    """MentionFinder._untitle (``person_titles``: occupations such as "comedian", "singers"):
    "Comedian Dana Whitfield" is Dana Whitfield."""
    found = entities_of(finder, "Comedian Dana Whitfield and singers Mara Lind and Kai Osei sued Zentrix Labs.")
    assert {"Dana Whitfield", "Mara Lind", "Kai Osei"} <= set(found)
    assert not any(label.lower().startswith(("comedian", "singers")) for label in found)


def test_a_nationality_word_opens_an_institutions_name(finder):
    """_clean / _institution_name: "the Kestrian National Research Centre" keeps its nationality
    word (an institution's name); "the Kestrian startup Zorvane" does not."""
    from kg.nlp.kb import KnowledgeBase

    base = load_kb()
    kb = KnowledgeBase(list(base.entries.values()), {"Swiss": "Switzerland", "Kestrian": "Switzerland"})
    local = MentionFinder(load_pipeline(), kb)
    doc = load_pipeline()("The model came from the Swiss National Research Centre and the Swiss "
                          "Institute of Applied Robotics, not from the Swiss startup Zorvane Labs.")
    names = {m.text for m in local.find(doc, 0, False)}
    assert {"Swiss National Research Centre", "Swiss Institute of Applied Robotics", "Zorvane Labs"} <= names
    assert "National Research Centre" not in names and "Swiss startup Zorvane Labs" not in names


def test_a_firms_national_arm_is_one_name():
    """find / _national_arm: a known firm's name followed by a country's ("Zorvane Kestria") is
    one organization; the country alone is no mention then."""
    from kg.nlp.kb import KBEntry, KnowledgeBase

    rows = [KBEntry("Zorvane", "Company", (), ""), KBEntry("Portugal", "Country", (), "")]
    local = MentionFinder(load_pipeline(), KnowledgeBase(rows, {}))
    doc = load_pipeline()("Zorvane Portugal will refund the ministry after the report was found to contain errors.")
    assert [m.text for m in local.find(doc, 0, False)][:1] == ["Zorvane Portugal"]


def test_an_institution_named_without_article_is_a_name(finder):
    """_mention (``bare_institutions``): "approved by Congress", "Parliament voted" name bodies;
    "The Commission agreed" is a definite description."""
    nlp = load_pipeline()
    doc = nlp("The ban was approved by Congress last year, and Parliament voted too. The Commission agreed.")
    found = {m.text: max(m.votes, key=m.votes.get) for m in finder.find(doc, 0, False)}
    assert found.get("Congress") == "GovernmentBody" and found.get("Parliament") == "GovernmentBody"
    assert "Commission" not in found


def test_a_dateline_place_in_capitals_is_parsed_in_title_case(tmp_path):
    """read_article: "OTTAWA (Wire) – ..." and "Kestrel City, OK - ..." keep their places as
    heading blocks; capitals are parsed in title case."""
    p = tmp_path / "caps.txt"
    p.write_text("Title line\n\nOTTAWA (Wire) – Quillpoint said on Monday it banned Widget.\n\n"
                 "Oklahoma City, OK - Quillpoint said more.\n", encoding="utf-8")
    art = read_article(p)
    texts = [(b.text, b.parse_text) for b in art.blocks]
    assert ("OTTAWA", "Ottawa") in texts and ("Oklahoma City", "Oklahoma City") in texts


def test_a_legal_form_before_the_name_makes_a_company(finder):
    """MentionFinder._mention (``firm_prefixes``): "PT Kestra Abadi Nusantara" is a company,
    not a place."""
    found = entities_of(finder, "The ministry summoned PT Kestra Abadi Nusantara and PT Dwimulya Sentosa.")
    assert found.get("PT Kestra Abadi Nusantara") == "Organization"
    assert found.get("PT Dwimulya Sentosa") == "Organization"


def test_a_terms_acronym_is_no_name(finder):
    """MentionFinder._common_noun_acronym: "the required operating permit (TDPK)" is a term's short
    form; after a body's cue noun ("the data protection authority (KDPA)") it names the body."""
    found = entities_of(finder, "The firm lacked the required operating permit (TDPK).",
                        "Kestria's data protection authority (KDPA) opened a probe.")
    assert "TDPK" not in found
    assert "KDPA" in found


def test_a_known_name_glued_to_a_capitalized_word_is_part_of_another(finder):
    """MentionFinder._inside_name: "X-Form" (no space around the hyphen, a capitalized word
    after it) is the start of another name, not the platform X; "Google-Backed" keeps Google."""
    found = entities_of(finder, "Partners were told to remove the X-Form SDK.",
                        "Google-Backed Quarnel Labs rose.")
    assert "X" not in found and "X-Form SDK" in found
    assert found.get("Google") == "Organization"


def test_what_leaves_an_app_store_is_an_app(finder):
    """MentionFinder._context_votes: "Y pulled X from its store": X is a product,
    whatever the model takes its name for."""
    found = entities_of(finder, "Apple pulled Dana Whitfield from its store in Kestria last week.")
    assert found["Dana Whitfield"] == "Product"


def test_what_an_organization_launches_is_a_product(finder):
    """MentionFinder._context_votes (``launch_verbs``): "A launched X", a name with no other
    evidence, is a product; a person someone releases is not."""
    found = entities_of(finder, "Brisco Corp launched Quillnote in 2023.",
                        "Brisco Corp released Quillnote last year, and police released Dana Whitfield on bail.")
    assert found["Quillnote"] == "Product" and found["Dana Whitfield"] == "Person"


@pytest.mark.parametrize("text", [
    "Lumo Labs said the plan breaches the Texas Consumer Records and Safety Act on Monday.",
    "The Kestria Online Safety and Media Act was passed by Zenith Group.",
])
def test_a_law_named_with_and_is_no_organization(finder, text):
    """MentionFinder._inner_conjunction and _join_of_and: "the X Records and Safety Act" is one
    law's name (a document, no mention), not an organization "X Records" and a law."""
    found = entities_of(finder, text)
    assert not any(label.endswith(("Records", "Safety")) for label in found)


@pytest.mark.parametrize("line, place", [
    ("BUFFALO — Quillpoint said on Monday it would block Widget.", "Buffalo"),
    ("LINCOLN, Nebraska — Quillpoint said on Monday it would block Widget.", "Lincoln"),
])
def test_a_dateline_place_is_a_place_whatever_else_it_names(tmp_path, line, place):
    """MentionFinder.dateline_place (``Block.dateline``): a dateline's city is a place even when the
    gazetteer leaves the name out as a given name or a common word."""
    p = tmp_path / "a.txt"
    p.write_text(f"{line}\n\nThe firm said more.\n", encoding="utf-8")
    ents = {e.label: top_kind(e.kind) for e in extract([read_article(p)]).entities.values() if not e.implicit}
    assert ents.get(place) == "Place"


def test_bodies_named_coalition_alliance_or_survey_are_organizations(finder):
    """name_suffixes.Organization: "Coalition", "Alliance", "Survey" end an organization's name."""
    found = entities_of(finder, "\"We disagree,\" said Open Forms Coalition's Dana Whitfield in May.",
                        "The Kestrel Creators Alliance and the Kestria Geological Survey objected.")
    assert found.get("Open Forms Coalition") == "Organization"
    assert found.get("Kestrel Creators Alliance") == "Organization"
    assert found.get("Kestria Geological Survey") == "Organization"


def test_a_name_followed_by_which_is_no_persons(finder):
    """MentionFinder._context_votes: "X, which tracks ..." is no person's name even when the model
    tags it PERSON; "X, who leads ..." is."""
    found = entities_of(finder, "According to Dana Whitfield, which tracks app downloads, the app leads.")
    assert found.get("Dana Whitfield") == "Organization"
    found = entities_of(finder, "According to Dana Whitfield, who tracks app downloads, the app leads.")
    assert found.get("Dana Whitfield") == "Person"


def test_a_body_named_with_and_around_a_known_place(finder):
    """MentionFinder.find: "the Hong Kong Roads and Transport Bureau" is one body's name around the
    known place, not the place alone."""
    found = entities_of(finder, "The Hong Kong Roads and Transport Bureau said so on Monday.")
    assert found.get("Hong Kong Roads and Transport Bureau") == "Organization"


@pytest.mark.parametrize("text, label, former", [
    ("Quillpoint banned X (formerly Twitter) on work phones.", "X", "Twitter"),
    ("Quillpoint banned Zenith Chat, previously known as Zenith Talk, on work phones.", "Zenith Chat", "Zenith Talk"),
])
def test_a_former_name_in_brackets_is_the_same_entity(tmp_path, text, label, former):
    """MentionFinder.find (``former_name_cues``) and resolve_entities: "X (formerly Y)" names one
    entity, labelled with its name, not the former one."""
    p = tmp_path / "a.txt"
    p.write_text(text + "\n", encoding="utf-8")
    labels = {e.label for e in extract([read_article(p)]).entities.values() if not e.implicit}
    assert label in labels and former not in labels


def test_a_renamed_product_keeps_the_name_an_article_uses(tmp_path):
    """kb.csv: a former name is its own entry, so an article written under it keeps it even when
    more articles of the corpus use the new name ("Twitter" in one article, "X" in two)."""
    paths = []
    for i, text in enumerate(["Quillpoint banned Twitter on work phones in 2019.",
                              "Brisco Corp restricted X on office laptops.", "Lumo Labs blocked X last week."]):
        paths.append(tmp_path / f"a{i}.txt")
        paths[-1].write_text(text + "\n", encoding="utf-8")
    labels = {e.label for e in extract([read_article(p) for p in paths]).entities.values() if not e.implicit}
    assert {"Twitter", "X"} <= labels


def test_a_school_district_is_an_organization(finder):
    """MentionFinder._mention (``district_heads``): "X School District" names an organization,
    while "X School Act" stays a document (no mention)."""
    found = entities_of(finder, "Lumo Valley School District blocked the app on school devices.",
                        "The board cited the Kestria School Act.")
    assert found.get("Lumo Valley School District") == "Organization"
    assert "Kestria School Act" not in found


def test_a_legal_form_after_a_comma_is_no_name(finder):
    """MentionFinder.find (``legal_forms``): "Brisco, Inc.", "Quarnel, S.A." name one company each;
    the legal form after the comma names nothing by itself."""
    found = entities_of(finder, "The regulator fined Brisco, Inc. and Quarnel, S.A. for breaching its rules.")
    assert "Brisco" in found and "Quarnel" in found
    assert not {"Inc.", "S.A."} & set(found)


def test_every_member_of_a_removed_list_is_a_product(finder):
    """MentionFinder._context_votes: "removed A and B from its app store" gives each member of the
    list the role of the whole (a product), not only the first."""
    found = entities_of(finder, "Brisco Corp has removed Zorvik and Lumatic from its app store.")
    assert found.get("Lumatic") == "Product"


def test_the_city_of_a_name_is_a_place(finder):
    """MentionFinder._context_votes: "the city of X": a place noun's "of" names a place."""
    found = entities_of(finder, "The city of Lyon banned TikTok on staff phones.")
    assert found.get("Lyon") == "Place"



def test_a_name_with_government_inside_is_a_government_body(finder):
    """MentionFinder._mention (``government_name_words``): an unknown name with "Government" inside
    ("the Central Government Purchasing Center") is a government body, not a company."""
    nlp = load_pipeline()
    text = "The Central Government Purchasing Center of Kestria issued the notice."
    ents = resolve_entities([("a1", m) for m in finder.find(nlp(text), 0, False)], load_kb())
    kinds = {e.label: e.kind for e in ents.values()}
    name = next(k for k in kinds if "Purchasing Center" in k)
    assert kinds[name] == "GovernmentBody"


def test_a_legal_form_after_a_known_name_is_part_of_its_mention():
    """MentionFinder._with_legal_form: "Quillpoint Corp." of a known organization "Quillpoint" is one
    mention, so that the parse's subject ("Corp.") finds the organization; the form does not label the
    entity (Mention.form). A legal form the parse leaves alone ("Marlo (Private) Ltd.") names nothing."""
    from kg.nlp.kb import KBEntry, KnowledgeBase

    kb = KnowledgeBase([KBEntry("Quillpoint", "Company", (), "")], {})
    nlp = load_pipeline()
    doc = nlp("Quillpoint Corp. has sued Zorbo Inc. and Marlo (Private) Ltd. over scraping.")
    mentions = MentionFinder(nlp, kb).find(doc, 0, False)
    known = next(m for m in mentions if m.text.startswith("Quillpoint"))
    assert doc[known.end - 1].text == "Corp." and known.form == "Corp."
    assert "Ltd." not in {m.text for m in mentions}
    ents = resolve_entities([("a1", m) for m in mentions], kb)
    assert ents[known.key].label == "Quillpoint"


def test_a_subordinator_the_model_glued_to_a_name_is_dropped(finder):
    """MentionFinder._clean: a subordinator at the start of an entity span ("If Zorvane", the parse's
    ``mark`` tagged as a proper noun) is no part of the name. A hand-built parse, as the model gives it."""
    from spacy.tokens import Doc

    words = ["If", "Zorvane", "’s", "app", "stays", "online", ",", "users", "lose", "."]
    doc = Doc(load_pipeline().vocab, words=words, heads=[4, 3, 1, 4, 8, 4, 8, 8, 8, 8],
              deps=["mark", "poss", "case", "nsubj", "advcl", "acomp", "punct", "nsubj", "ROOT", "punct"],
              pos=["PROPN", "PROPN", "PART", "NOUN", "VERB", "ADV", "PUNCT", "NOUN", "VERB", "PUNCT"],
              tags=["NNP", "NNP", "POS", "NN", "VBZ", "RB", ",", "NNS", "VBP", "."],
              ents=["B-PERSON", "I-PERSON"] + ["O"] * 8, sent_starts=[True] + [False] * 9)
    assert [m.text for m in finder.find(doc, 0, False)] == ["Zorvane"]


def test_an_unknown_name_the_tagger_reads_as_an_adjective_names_the_product_after_it(finder):
    """MentionFinder._brand_adjectives: "the Quindle chatbot" (the model tags "Quindle" JJ)."""
    found = entities_of(finder, "The regulator blocked the Quindle chatbot on Monday.",
                        "Staff may still use the Western chatbot and the Kestrian app.",
                        "Holt wrote: \"Public chatbots are not safe enough for us.\"",
                        "Regulator Blocks Popular Chatbot Over Privacy")
    assert found.get("Quindle") == "Product"
    assert not {"Western", "Kestrian", "Popular", "Public"} & set(found)


@pytest.mark.parametrize(("surfaces", "label"), [
    ({"Kestria's Data Shield Office": 2, "Data Shield Office": 1}, "Data Shield Office"),
    ({"Kestria's Data Shield Office": 3}, "Data Shield Office"),
    ({"Kestria's data shield office": 2}, "Kestria's data shield office"),  # (a description stays whole)
])
def test_a_name_after_its_owners_possessive_labels_without_the_owner(surfaces, label):
    """_voted_label: "Kestria's Data Shield Office" counts as "Data Shield Office"."""
    from collections import Counter

    from kg.nlp.entities import _voted_label

    counts = Counter(surfaces)
    assert _voted_label("Office for Shielding Data", counts, {"a1": counts}) == label


def test_lower_case_modifiers_between_a_name_and_its_product_noun(finder):
    """_context_votes: "the Vortiq photo editing app" (the name modifies "photo", which modifies "app")."""
    found = entities_of(finder, "The Vortiq photo editing app was removed.")
    assert found.get("Vortiq") == "Product"



def test_an_organizations_first_word_alone_is_its_short_name(finder):
    """_resolve_surnames: "Clearwave said" after "Clearwave Labs" is one organization; a place
    that begins a name ("Oslo" after "Oslo Robotics") stays a place."""
    nlp = load_pipeline()
    blocks = ["Clearwave Labs makes the Vortiq browser extension, and Oslo Robotics makes robots.",
              "Clearwave said it would respond to the regulator in Oslo."]
    mentions = [("a1", m) for i, text in enumerate(blocks) for m in finder.find(nlp(text), i, False)]
    ents = resolve_entities(mentions, load_kb())
    labs = next(e for e in ents.values() if "Clearwave Labs" in e.surfaces)
    assert "Clearwave" in labs.surfaces
    assert any(e.label == "Oslo" and top_kind(e.kind) == "Place" for e in ents.values())


def test_two_paper_names_joined_by_and_are_two(finder):
    """_inner_conjunction: "the Daily Ledger and Harbor Times" names two papers ("and" between
    two names of two words or more that end in a paper's suffix)."""
    found = entities_of(finder, "The Daily Ledger and Harbor Times sued the startup on Monday.")
    assert "Daily Ledger" in found and "Harbor Times" in found


def test_a_title_word_inside_an_institutions_name_stays(finder):
    """_untitle: "Kestrel General Hospital" is one name ("General" is no title before "Hospital")."""
    found = entities_of(finder, "Kestrel General Hospital has suspended its use of the tool.")
    assert found.get("Kestrel General Hospital") == "Organization"


def test_a_hyphenated_given_name_after_a_title(finder):
    """_untitle: "Vice Chairman Han Jong-hee" is the person "Han Jong-hee" ("hee" after a hyphen)."""
    found = entities_of(finder, "Vice Chairman Han Jong-hee of Zorblat Bank said the company would comply.")
    assert found.get("Han Jong-hee") == "Person" and not any("Chairman" in label for label in found)


def test_an_intelligence_firm_named_after_a_known_company_is_a_company():
    """_mention (``name_suffixes.Company``): "Zorvane Intelligence" is a firm, not a product named
    after the known company "Zorvane Technologies" ("Zorvane Notes" would be)."""
    from kg.nlp.kb import KBEntry, KnowledgeBase

    base = load_kb()
    kb = KnowledgeBase([*base.entries.values(), KBEntry("Zorvane Technologies", "Company", ("Zorvane",), "")], {})
    local = MentionFinder(load_pipeline(), kb)
    doc = load_pipeline()("The chatbot is developed by Hangzhou-based Zorvane Intelligence, which surged in January.")
    votes = {m.text: m.votes for m in local.find(doc, 0, False)}
    kinds = votes["Zorvane Intelligence"]
    assert max(kinds, key=kinds.get) != "SoftwareProduct"


def test_a_cue_noun_beside_a_name_in_a_flat_compound_run(finder):
    """_context_votes: "Quorvan's Vela assistant reproduces ..." (the parse hangs "Vela" and
    "assistant" side by side on a mistagged verb): "assistant" types "Vela" a product."""
    found = entities_of(finder, "The lawsuit says Quorvan's Vela assistant reproduces paywalled stories nearly "
                                "word for word.")
    assert found.get("Vela") == "Product"


def test_a_name_the_article_gives_is_mentioned_where_the_model_missed_it(finder):
    """MentionFinder.add_repeated_names: "Quillnote collects ...", a sentence's first word the
    tagger reads as a common noun, is a mention of the product the article named before; a word of
    a longer capitalized name is not, and a name only the model tagged is not repeated."""
    nlp = load_pipeline()
    docs = [nlp("Brisco Corp launched the Quillnote app in 2023."),
            nlp("Quillnote collects users' location, and Quillnote Pro stores it.")]
    mentions = [finder.find(doc, i, False) for i, doc in enumerate(docs)]
    assert not any(m.text == "Quillnote" for m in mentions[1])  # (what the model alone finds)
    finder.add_repeated_names(docs, mentions, [False, False])
    found = [(m.start, m.text) for m in mentions[1]]
    assert (0, "Quillnote") in found
    assert all(start != 7 for start, _ in found)  # ("Quillnote Pro": another name)
    assert [m.start for m in mentions[1]] == sorted(m.start for m in mentions[1])
