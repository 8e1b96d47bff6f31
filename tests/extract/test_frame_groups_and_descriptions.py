"""Groups, descriptions and repeated moves on invented news text, read by the real model:
others who repeat a policy, a place's description of a body the article names, a list a
policy names, classes that are no group, and reasons after strong markers.

Each test names the rule it checks (a ``kg.extract.facts.ArticleReader`` method or a function
of ``kg.nlp.entities`` or ``kg.extract.lawsuit``). Organizations and people are invented;
products and places are well-known names from the knowledge base or the gazetteer.
"""

from __future__ import annotations

from collections import Counter

from kg.extract.extraction import extract
from kg.io.corpus import read_article
from kg.nlp.entities import _voted_label

from .test_frame_discourse import reasons
from .test_frame_location_development import facts_of
from .test_frame_policy import policies


def test_a_move_echoed_by_others(tmp_path):
    """_echoed_policies and _named_members: "a move echoed by several firms, including A and B"
    makes A and B issuers of the same policy, and neither a restricted product."""
    got = policies(tmp_path, "Dravik Bank prohibited its employees from using ChatGPT, a move echoed by "
                             "several lenders, including Torvane Bank and Pellmont Bank.\n")
    assert {("Dravik Bank", "ChatGPT"), ("Torvane Bank", "ChatGPT"), ("Pellmont Bank", "ChatGPT")} <= set(got)
    assert not any(product in {"Torvane Bank", "Pellmont Bank"} for _, product in got)


def test_others_follow_suit(tmp_path):
    """_echoed_policies: "several carmakers, including A and B, have since followed suit"."""
    got = policies(tmp_path, "Brisco Motors banned Gemini last week.\n\n"
                             "Several other carmakers, including Quarnel Motors and Hollin Motors, "
                             "have since followed suit.\n")
    assert {("Quarnel Motors", "Gemini"), ("Hollin Motors", "Gemini")} <= set(got)


def test_the_list_a_policy_names(tmp_path):
    """_policy_extension with ``policy.extension_list_nouns``: "The list includes X and Y"."""
    got = policies(tmp_path, "Brisco Bank has asked its staff to delete 40 apps, including Facebook.\n\n"
                             "The list includes Snapchat and Reddit.\n")
    assert {("Brisco Bank", "Snapchat"), ("Brisco Bank", "Reddit")} <= set(got)


def test_a_place_description_of_a_named_body(tmp_path):
    """_named_for_description: "Norway's central bank" is the "Central Bank of Norway" the
    article names later, and _school_of keeps that name whole around the known place."""
    got = policies(tmp_path, "Norway's central bank has barred its staff from ChatGPT.\n\n"
                             "The Central Bank of Norway said the step followed an internal review.\n")
    assert ("Central Bank of Norway", "ChatGPT") in got


def test_a_place_inside_another_measure_is_no_site(tmp_path):
    """_policy_sites: "the ban on X is viewed as a reply to curbs in Y" is not Y's ban."""
    got = policies(tmp_path, "Norway curbs Pixel phones\n\n"
                             "The Norwegian government has banned officials from using Pixel phones at work.\n\n"
                             "The ban on Pixel phones is widely viewed as a reply to earlier curbs in the "
                             "United States on handsets from Huawei.\n")
    assert ("Norway", "Pixel") in got and not any(issuer == "United States" for issuer, _ in got)


def test_reasons_after_a_strong_marker_and_an_enacted_anaphor(tmp_path):
    """_reason_clause: "the ban comes amid escalating tensions" (a strong marker needs no
    reason noun); "A is enforcing the measure amid X" (a clause that enacts an anaphor)."""
    text = "Dravik Bank has banned ChatGPT for its staff.\n\n{}\n"
    assert "tensions" in reasons(tmp_path, text.format("The ban comes amid escalating tensions with regulators."),
                                 ("Dravik Bank", "ChatGPT"))
    assert "leaks" in reasons(tmp_path, text.format("Dravik Bank is enforcing the measure amid a wave of leaks."),
                              ("Dravik Bank", "ChatGPT"))
    assert reasons(tmp_path, text.format("Dravik Bank announced the measure a week after Torvane Bank "
                                         "revealed its plans."), ("Dravik Bank", "ChatGPT")) == ""


def test_a_class_is_no_group_named_before(tmp_path):
    """group_antecedent: "All Chinese companies are required to ..." names a class, not the
    companies the sentence before lists."""
    got = facts_of(tmp_path, "Quarnel Corp is not a retailer like Dravik Stores or Torvane Stores.\n\n"
                             "All Chinese companies are required to share data with the state.\n", "location")
    assert not any(org in {"Dravik Stores", "Torvane Stores"} for org, _ in got)


def test_a_nationality_plural_right_before_names(tmp_path):
    """_described_members: "South Korean defense firms A, B and C", "Israeli startups A and B"."""
    got = facts_of(tmp_path, "South Korean defense firms Hollin Systems, Brisco Dynamics and Quarnel Engine "
                             "blocked the app.\n", "location")
    assert {("Hollin Systems", "South Korea"), ("Brisco Dynamics", "South Korea"),
            ("Quarnel Engine", "South Korea")} <= got


def test_a_national_body_keeps_its_nationality(tmp_path):
    """_institution_name: "the Norwegian Army" is one name (a nationality and a government body
    word), and the issuer of the order."""
    got = policies(tmp_path, "The Norwegian Army has told its soldiers to remove Snapchat from their phones.\n")
    assert ("Norwegian Army", "Snapchat") in got


def test_an_app_sued_by_its_name(tmp_path):
    """_accused: an app whose maker the article does not name is the accused party by its own name;
    _implicit_body: a described body's label leaves out "on Monday"."""
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nQuarnel Corp sued Zorblat for copyright infringement.\n\n"
                    "The Kestrian data protection watchdog on Monday accused Zorblat of unlawful tracking.\n",
                    encoding="utf-8")
    got = {(f.roles["accuser"].label, f.roles["accused"].label)
           for f in extract([read_article(path)]).facts if f.kind == "allegation"}
    assert ("Quarnel Corp", "Zorblat") in got
    assert not any("Monday" in accuser for accuser, _ in got)


def test_voted_label_follows_the_articles():
    """_voted_label: the form most articles use most labels a known entity; the canonical name
    wins a tie and labels it whenever the articles use it most."""
    per_article = {"a": Counter({"Meta": 3, "Meta Platforms": 1}), "b": Counter({"Meta": 2}),
                   "c": Counter({"Meta Platforms": 2})}
    surfaces = Counter({"Meta": 5, "Meta Platforms": 3})
    assert _voted_label("Meta Platforms", surfaces, per_article) == "Meta"
    tie = {"a": Counter({"Meta": 1}), "b": Counter({"Meta Platforms": 1})}
    assert _voted_label("Meta Platforms", Counter({"Meta": 1, "Meta Platforms": 1}), tie) == "Meta Platforms"


def test_a_class_named_as_the_alternative(tmp_path):
    """_sentence_alternative with ``_generic_goods``: "told the utilities to purchase domestic chips
    instead" names an unnamed class as the alternative of the issuer's ban."""
    path = tmp_path / "a.txt"
    path.write_text("Norway bars Huawei chips\n\nNorwegian regulators have barred utilities from buying "
                    "Huawei's Ascend chips.\n\nThe regulators told the utilities to purchase domestic chips "
                    "instead.\n", encoding="utf-8")
    alts = {e.label for f in extract([read_article(path)]).facts if f.kind == "policy"
            for e in f.entity_attrs.get("alternative", [])}
    assert "domestic chips" in alts


def test_a_goal_of_reaching_data_is_collection(tmp_path):
    """_agent_token, reaching_goal and the purpose readers: "the complaint says X is designed to get
    access to a handset, including the camera and contacts" states what X reaches, and no purpose."""
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nThe complaint says Snapchat is designed to get full access to a "
                    "customer's handset, including the camera, location and contacts.\n", encoding="utf-8")
    facts = [f for f in extract([read_article(path)]).facts if f.kind == "collection"]
    signals = {s.lower() for f in facts for s in f.attrs.get("signal", [])}
    assert {"camera", "contacts"} <= signals
    assert not any(f.attrs.get("purpose") for f in facts)


def test_a_common_word_in_title_case_is_no_name():
    """drop_common_phrases: one capitalized word only the model calls a name, which the article
    also writes in lower case ("Digital"), is no entity; a known name is kept."""
    from kg.nlp.kb import load_kb
    from kg.nlp.model import load_pipeline
    from kg.nlp.entities import MentionFinder, resolve_entities

    nlp, kb = load_pipeline(), load_kb()
    finder = MentionFinder(nlp, kb)
    blocks = ["Digital reported the change, Microsoft said.", "The digital team agreed."]
    docs = [nlp(b) for b in blocks]
    mentions = [finder.find(d, i, False) for i, d in enumerate(docs)]
    finder.drop_common_phrases(docs, mentions)
    labels = {e.label for e in resolve_entities([("a1", m) for ms in mentions for m in ms], kb).values()}
    assert "Digital" not in labels and "Microsoft" in labels


def test_certain_uses_of_a_class_and_its_own_subject(tmp_path):
    """kg_lemma_fixes_v1 ("uses" is "use", not "us"), _generic_ai_class (every AI word before the
    bare head) and the "its" cue of the mention finder ("X has urged its lecturers to ..." types
    X as an organization, though the model reads a person)."""
    got = policies(tmp_path, "Headline\n\nThe Kestria Supreme Court has prohibited some uses of generative "
                             "artificial intelligence by lawyers.\n\n"
                             "Marlowe Hale has urged its lecturers to bar ChatGPT from coursework.\n")
    assert ("Kestria Supreme Court", "generative artificial intelligence") in got
    assert ("Marlowe Hale", "ChatGPT") in got


def test_a_capital_stands_for_its_state(tmp_path):
    """government_of with ``KnowledgeBase.capital_country``: "Tokyo has barred X" is Japan's
    policy (a national capital as a state's actor); "Brussels" stays itself
    (``location.capitals_of_other_bodies``)."""
    got = policies(tmp_path, "Headline\n\nTokyo has barred civil servants from using WeChat.\n\n"
                             "Brussels has banned TikTok on staff phones.\n")
    assert ("Japan", "WeChat") in got and ("Tokyo", "WeChat") not in got
    assert ("Brussels", "TikTok") in got


def test_a_regulator_gives_no_makers_purpose():
    """makers_voice: a purpose a government body or a news organization states is not the
    purpose its maker gave; a company, a person or the article's own voice may give it."""
    from kg.extract.collection_news import makers_voice
    from kg.nlp.entities import Entity

    assert not makers_voice(Entity("kestria dpc", "Kestria DPC", "GovernmentBody"))
    assert not makers_voice(Entity("kestrel herald", "Kestrel Herald", "NewsOrganization"))
    assert not makers_voice(Entity("zorblat", "Zorblat", "SoftwareProduct"))
    assert makers_voice(Entity("quarnel corp", "Quarnel Corp", "Company")) and makers_voice(None)
