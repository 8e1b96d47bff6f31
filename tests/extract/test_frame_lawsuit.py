"""The lawsuit frame (kg/extract/lawsuit.py) on invented articles, end to end.

Each test names the rule it checks. Names are invented; the sentences are
written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.extraction import extract
from kg.nlp.entities import Entity
from kg.io.corpus import read_article


def _facts(tmp_path: Path, text: str, name: str = "a1.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract([read_article(path)]).facts


def _allegations(facts) -> dict:
    """(accuser, accused) -> (practice words, targets, addressees) of the allegation facts."""
    out = {}
    for f in facts:
        if f.kind != "allegation":
            continue
        key = (f.roles["accuser"].label, f.roles["accused"].label)
        practice = " ; ".join(sorted(f.attrs.get("practice", [])))
        targets = {e.label for e in f.entity_attrs.get("target", [])}
        addressed = {e.label for e in f.entity_attrs.get("addressed_to", [])}
        out[key] = (practice.lower(), targets, addressed)
    return out


def _nonresponses(facts) -> set:
    return {(f.roles["party"].label, tuple(f.attrs.get("matter", []))) for f in facts if f.kind == "nonresponse"}


@pytest.fixture(scope="module")
def tmp_module(tmp_path_factory):
    return tmp_path_factory.mktemp("lawsuit")


def test_sue_for_practice_with_plaintiff_list(tmp_module):
    """Rule _sue: "A and B sued Y for violating their copyright" -> one allegation per plaintiff."""
    facts = _facts(tmp_module, "Quillpoint and Harbor Crest Bank sued Lumora Labs on Monday for violating "
                               "their copyright.\n", "sue.txt")
    got = _allegations(facts)
    assert ("Quillpoint", "Lumora Labs") in got
    assert ("Harbor Crest Bank", "Lumora Labs") in got
    assert "copyright" in got[("Quillpoint", "Lumora Labs")][0]


def test_filed_lawsuit_against_list_and_court(tmp_module):
    """Rule _file + _surface_list + _courts: "X filed a lawsuit against Y, as well as A and B,
    for scraping ..." in a named court."""
    text = ("Quillpoint has filed a lawsuit against Lumora Labs, as well as two data firms, namely Brightwave "
            "Systems and Tessaly Data, for what it calls a scheme to illegally scrape its content. "
            "The complaint was filed in federal court in the Eastern District of Kestria.\n")
    got = _allegations(_facts(tmp_module, text, "file.txt"))
    for accused in ("Lumora Labs", "Brightwave Systems", "Tessaly Data"):
        assert ("Quillpoint", accused) in got, got
    assert "scraping" in got[("Quillpoint", "Lumora Labs")][0]


def test_suit_alleges_gets_the_article_plaintiff(tmp_module):
    """Rules _suit_says + _finish: "The lawsuit alleges that Y copied ..." takes the plaintiff named elsewhere."""
    text = ("Quillpoint sued Lumora Labs on Tuesday.\n\n"
            "The lawsuit alleges that Lumora Labs copied thousands of copyrighted articles to train its chatbot.\n")
    got = _allegations(_facts(tmp_module, text, "says.txt"))
    assert ("Quillpoint", "Lumora Labs") in got
    practice = got[("Quillpoint", "Lumora Labs")][0]
    assert "copy" in practice and "copyright" in practice


def test_unnamed_plaintiff_and_product_stands_for_its_maker(tmp_module):
    """Rules _accuse (lawsuit as subject) + _developer and _finish: "A lawsuit accuses X's
    assistant Y of spying" with no plaintiff named states no allegation with an invented
    accuser; once the article names the plaintiff, X (the assistant's maker) is accused."""
    text = ("Lumora Labs launched its assistant Vexa last year.\n\n"
            "A lawsuit filed in California accuses Lumora Labs' Vexa assistant of spying on private messages.\n")
    got = _allegations(_facts(tmp_module, text, "unnamed.txt"))
    assert not any(k[0].lower() == "plaintiffs" for k in got), got
    named = _allegations(_facts(tmp_module, text + "\nThe suit was brought by Dorian Vale.\n", "named.txt"))
    keys = [k for k in named if k[1] == "Lumora Labs"]
    assert keys, named
    assert "spying" in named[keys[0]][0]


def test_plaintiff_named_in_copula(tmp_module):
    """Rule _plaintiff: "The suit's plaintiff is a man named X" supplies the suit's accuser."""
    text = ("A federal lawsuit accuses Lumora Labs of secretly recording private calls.\n\n"
            "The plaintiff in this case is a man named Dorian Vale of Fresno.\n")
    got = _allegations(_facts(tmp_module, text, "plaintiff.txt"))
    assert ("Dorian Vale", "Lumora Labs") in got, got
    assert "recording" in got[("Dorian Vale", "Lumora Labs")][0]


def test_regulator_fine_and_unnamed_authority(tmp_module):
    """Rules _fine_noun / _accuse with an unnamed authority: "Chinese regulators accused Y of breaching
    anti-monopoly law"; "X imposed a penalty against Y for unlawful processing of personal data"."""
    text = ("Chinese regulators have accused Lumora Labs of breaching anti-monopoly law.\n\n"
            "The Harbor Data Authority imposed a 5 million euros penalty against Quillpoint for "
            "unlawfully processing personal data.\n")
    got = _allegations(_facts(tmp_module, text, "fine.txt"))
    assert ("Chinese regulators", "Lumora Labs") in got, got
    assert "anti-monopoly" in got[("Chinese regulators", "Lumora Labs")][0]
    fined = [k for k in got if k[1] == "Quillpoint"]
    assert fined and "processing" in got[fined[0]][0], got


def test_country_as_accuser(tmp_module):
    """Rule _accuse with a place: "Chile has long accused Peru of launching cyberattacks" (a country for its government)."""
    got = _allegations(_facts(tmp_module, "Chile has long accused Peru of launching cyberattacks against "
                                          "its agencies.\n", "place.txt"))
    assert ("Chile", "Peru") in got
    assert "cyberattacks" in got[("Chile", "Peru")][0]


def test_reported_practice_in_attributed_quote(tmp_module):
    """Rule _reported: "Y may have distilled our models, an X spokesperson said"."""
    text = ("\"We are reviewing indications that Brightwave Systems may have distilled our models,\" "
            "a Lumora Labs spokesperson said.\n")
    got = _allegations(_facts(tmp_module, text, "quote.txt"))
    assert ("Lumora Labs", "Brightwave Systems") in got, got
    assert "distillation" in got[("Lumora Labs", "Brightwave Systems")][0]


def test_faces_lawsuits_from(tmp_module):
    """Rule _faces: "Y is facing lawsuits from A and B, who have raised claims of unauthorised use"."""
    text = ("Lumora Labs is already facing lawsuits from Quillpoint and Harbor Crest Bank, who have raised "
            "parallel claims of unauthorised use of their writing.\n")
    got = _allegations(_facts(tmp_module, text, "faces.txt"))
    assert ("Quillpoint", "Lumora Labs") in got, got
    assert "unauthorised use" in got[("Quillpoint", "Lumora Labs")][0]


def test_nonresponse_passive_and_neither_nor_and_unnamed_party(tmp_module):
    """Rule _nonresponse: passive "was not answered by A, B and C"; "Neither X's legal team nor a
    spokesperson for Y returned requests for comment"; "the governor's office declined to comment"."""
    text = ("A request for comment was not answered by Quillpoint, Lumora Labs and Harbor Crest Bank.\n\n"
            "Neither Dorian Vale's lawyers nor a spokesperson for Brightwave Systems returned requests "
            "for comment.\n\n"
            "The governor's office declined to comment beyond that.\n")
    got = _nonresponses(_facts(tmp_module, text, "nonresponse.txt"))
    parties = {p for p, _ in got}
    assert {"Quillpoint", "Lumora Labs", "Harbor Crest Bank", "Brightwave Systems"} <= parties, got
    assert "governor's office" in parties, got


def test_news_agency_could_not_reach(tmp_module):
    """Rule _nonresponse (reach): "Reuters could not immediately reach X for comment" -> X did not respond."""
    got = _nonresponses(_facts(tmp_module, "Reuters could not immediately reach Lumora Labs for comment.\n",
                               "reach.txt"))
    assert ("Lumora Labs", ("comment",)) in got, got


def test_no_allegation_from_plain_statement(tmp_module):
    """Precision guard: a claim without a practice word makes no allegation; a lawsuit by an
    unnamed group is the group's (lawsuit._described_claimants), with no practice."""
    text = ("Quillpoint claimed that Lumora Labs had a strong quarter.\n\n"
            "A group of artists filed a lawsuit against Lumora Labs in California.\n")
    got = _allegations(_facts(tmp_module, text, "none.txt"))
    assert set(got) == {("group of artists", "Lumora Labs")}, got


def test_listed_plaintiffs_after_like(tmp_path):
    """_subject: "publishers like A, B and C sued X" -> A, B and C accuse X."""
    got = _allegations(_facts(tmp_path, "Rival publishers like Dravik Press, Torvane News and Pellmont Media "
                                        "sued Lumora Labs last year over scraped articles.\n"))
    assert {("Dravik Press", "Lumora Labs"), ("Torvane News", "Lumora Labs"), ("Pellmont Media", "Lumora Labs")} <= set(got)



def test_regulator_finding_is_an_allegation(tmp_path):
    """_finding: "the regulator found that X had processed data without a legal basis"; a
    hypothetical "if they find that X ..." is none."""
    got = _allegations(_facts(tmp_path, "The Data Protection Commission opened an inquiry into Lumora Labs in May.\n\n"
                                        "The regulator found that Lumora Labs had processed users' personal data "
                                        "without a legal basis.\n\n"
                                        "The regulator said people should call it if they find that Kestrel AI is "
                                        "still scanning faces.\n"))
    assert "legal basis" in got[("Data Protection Commission", "Lumora Labs")][0]
    assert ("Data Protection Commission", "Kestrel AI") not in got


def test_claim_made_in_a_complaint(tmp_path):
    """_finding: "A said in a complaint that B had copied its archive" -> A accuses B."""
    got = _allegations(_facts(tmp_path, "Dravik Holdings said in a complaint that Lumora Labs had copied its "
                                        "archive without a licence.\n"))
    assert ("Dravik Holdings", "Lumora Labs") in got


def test_parties_are_agents(tmp_path):
    """_as_agent: a country accuses as its government, a product named as a party as the
    organization of that name (kgo:accuser and kgo:accused are agents, as the shapes require)."""
    from kg.extract.lawsuit import _as_agent

    facts = _facts(tmp_path, "Italy accused Lumora Labs of illegally collecting personal data.\n")
    parties = {(f.roles["accuser"].label, f.roles["accuser"].kind, f.roles["accused"].label, f.roles["accused"].kind)
               for f in facts if f.kind == "allegation"}
    assert ("Italy", "GovernmentBody", "Lumora Labs", "Company") in parties

    class Reader:  # the two ArticleReader callbacks _as_agent uses
        def government_of(self, e):
            return ("government", e.label)

        def implicit(self, label, kind, mentioned, key=None):
            return (kind, label, mentioned, key)

    grok = Entity(key="grok", label="Grok", kind="SoftwareProduct")
    assert _as_agent(Reader(), grok) == ("Company", "Grok", False, "grok organization")


def test_lawsuit_claiming_that_gives_the_practice_of_the_suit_filed_later(tmp_path):
    """_suit_says (a suit noun with a "claiming that" clause) and _finish: the later "the
    lawsuit" brought by the plaintiff takes that practice; "soon after that apology" names no
    practice (_complements)."""
    text = ("Meta's policy chief said sorry to the podcaster Dana Kerr over a lawsuit claiming that the "
            "company's assistant spread false information about him.\n\n"
            "Kerr brought the lawsuit against Meta in an Ohio court soon after that apology.\n")
    got = _allegations(_facts(tmp_path, text))
    key = next(k for k in got if k[1] == "Meta")
    assert "Kerr" in key[0]
    assert "false information" in got[key][0]
    assert "apology" not in got[key][0]


def test_petition_filed_by_a_party_names_the_accuser_of_a_court_summons(tmp_path):
    """read (a suit noun's owner is a plaintiff) and _accuse (an "accusing" clause whose subject
    the parse lost, in a legal sentence): the petitioner accuses, the court does not."""
    text = ("Acting on a petition lodged by news agency Varta Press, the Mumbai High Court on Tuesday summoned "
            "OpenAI, accusing it of breaching the agency's copyright.\n")
    got = _allegations(_facts(tmp_path, text))
    assert ("Varta Press", "OpenAI") in got
    assert "copyright" in got[("Varta Press", "OpenAI")][0]
    assert not any("Court" in accuser for accuser, _ in got)


def test_researchers_report_tracking_and_a_platform_names_the_group(tmp_path):
    """_reported with ArticleReader._source ("according to academics at X": X) and the
    ``tracking`` practice; _plural_group: "these companies" after "A and B" are A and B."""
    text = ("Ferrow Labs and Zorblat Labs have been covertly tracking the web habits of phone owners, according "
            "to academics at Pellmont University.\n\n"
            "Google said these companies misused its phone software in a way that violates its privacy rules.\n")
    got = _allegations(_facts(tmp_path, text))
    for accused in ("Ferrow Labs", "Zorblat Labs"):
        assert "tracking" in got[("Pellmont University", accused)][0]
        assert ("Google", accused) in got


def test_described_subject_continues_the_previous_subject(tmp_path):
    """_party (centering): "The forum giant alleges these companies ..." after "Dravik has sued
    A and B" is Dravik, not the last company named; an accuser inside the group never accuses
    its own group (_accused)."""
    text = ("Dravik brought a lawsuit against the data brokers Ferrow Labs and Zorblat Labs. "
            "The forum giant alleges these companies colluded to get around its safeguards.\n")
    got = _allegations(_facts(tmp_path, text))
    assert ("Dravik", "Ferrow Labs") in got and ("Dravik", "Zorblat Labs") in got
    assert ("Zorblat Labs", "Ferrow Labs") not in got


def test_no_city_and_no_modifying_place_as_a_party(tmp_path):
    """_finish (_sub_national: a city the gazetteer puts in a country is no party) and
    _head_entity ("the US search giant" is the company named before, not the United States)."""
    text = ("LYON - The competition authority announced a fine against Google on Wednesday for breaching its "
            "promises to publishers.\n\n"
            "The authority said the US search giant also fed news agency stories to its chatbot "
            "without asking.\n")
    got = _allegations(_facts(tmp_path, text))
    assert not any("Lyon" in (a, b) for a, b in got)
    assert not any(b in {"United States", "US"} for _, b in got)


def test_members_of_an_unnamed_group_of_plaintiffs(tmp_path):
    """_members: "A group of publishers has sued X ... The group includes A ... It has since been
    joined by outlets like B and C" (``lawsuit.member_verbs``): A, B and C accuse X; a group
    that is no plaintiff's ("the index includes ...") names none."""
    text = ("A group of magazine publishers has sued the startup Zorvane Labs. The lawsuit, filed on Monday, "
            "accuses Zorvane Labs of copyright infringement.\n\n"
            "The group includes Dravik Media, which owns several titles. It has since been joined by smaller "
            "outlets like Torvane News and Pellmont Press.\n")
    got = _allegations(_facts(tmp_path, text))
    assert {("Dravik Media", "Zorvane Labs"), ("Torvane News", "Zorvane Labs"), ("Pellmont Press", "Zorvane Labs")} \
        <= set(got)
    plain = _allegations(_facts(tmp_path, "The index includes Dravik Media and Torvane News.\n", name="b.txt"))
    assert not plain


def test_co_plaintiffs_along_with_the_subject(tmp_module):
    """co_agents (kg.extract.syntax) in _conj_tokens: "A, along with B and C, sued X" -> three
    accusers, also when the parser hangs "along with" on the verb."""
    facts = _facts(tmp_module, "Dana Holt, along with fellow painters Sam Reyes and Lee Park, sued "
                               "Lumora Labs over its image generator.\n", "along.txt")
    got = _allegations(facts)
    assert {("Dana Holt", "Lumora Labs"), ("Sam Reyes", "Lumora Labs"), ("Lee Park", "Lumora Labs")} <= set(got)


def test_plural_group_reads_names_whose_suffix_the_mention_leaves_out(tmp_module):
    """_plural_group and _name_mention: "Midjourney Inc." is a listed company even when its
    mention is the knowledge base's "Midjourney" alone, so "the AI companies" are all three."""
    text = ("Painters are taking on Lumora Labs, Midjourney Inc., and Quillon Inc. in a class action.\n\n"
            "Dana Holt sued the AI companies, claiming they copied millions of images.\n")
    got = _allegations(_facts(tmp_module, text, "suffix.txt"))
    assert {("Dana Holt", "Lumora Labs"), ("Dana Holt", "Midjourney"), ("Dana Holt", "Quillon Inc.")} <= set(got)


def test_probe_into_a_company_for_a_stated_practice(tmp_module):
    """_probe: "X opened a probe into Y for allegedly failing to Z" is X's allegation against Y;
    an investigation that states no practice ("to examine whether ...") is none."""
    got = _allegations(_facts(tmp_module, "Kestria's consumer regulator has opened a probe into Lumora "
                                          "Labs for allegedly failing to warn users about errors in its "
                                          "chatbot.\n", "probe.txt"))
    assert any(k[1] == "Lumora Labs" and "failing to warn" in v[0] for k, v in got.items())
    got = _allegations(_facts(tmp_module, "The regulator opened an investigation into Lumora Labs to "
                                          "examine whether it complied with the law.\n", "probe2.txt"))
    assert got == {}


def test_an_officials_office_accuses_for_the_official(tmp_module):
    """_party (``office_nouns``) and the entity linker: after "Ohio Attorney General Sara Lind"
    (the title split off), "Lind's office accused X of Y" is Sara Lind's allegation."""
    text = ("Ohio Attorney General Sara Lind opened an inquiry on Monday.\n\n"
            "Lind's office accused Lumora Labs of inventing customer reviews.\n")
    got = _allegations(_facts(tmp_module, text, "office.txt"))
    assert ("Sara Lind", "Lumora Labs") in got


def test_what_the_complaint_adds_is_the_plaintiffs_charge(tmp_path):
    """_finding (``lawsuit.document_claim_verbs``): "The complaint adds that Y reproduces ..." is
    charged by the plaintiff of the suit the article reports, with the clause as the practice."""
    path = tmp_path / "a.txt"
    path.write_text("Kestrel Daily has filed a lawsuit against Zentrix Labs, alleging that the firm used its "
                    "recipes without a licence.\n\nThe complaint adds that Zentrix Labs copies whole cookbooks "
                    "for its own website.\n", encoding="utf-8")
    facts = [f for f in extract([read_article(path)]).facts if f.kind == "allegation"]
    practices = " | ".join(p for f in facts if f.roles["accuser"].label == "Kestrel Daily"
                           and f.roles["accused"].label == "Zentrix Labs" for p in f.attrs.get("practice", []))
    assert "copies whole cookbooks" in practices


def test_a_titled_officials_finding_is_an_allegation(tmp_path):
    """_finding: "Privacy Commissioner Dana Holt found that Y breached ..." is the official's charge."""
    path = tmp_path / "a.txt"
    path.write_text("Privacy Commissioner Dana Whitfield found that Velmar Stores breached the privacy of "
                    "customers.\n", encoding="utf-8")
    pairs = {(f.roles["accuser"].label, f.roles["accused"].label)
             for f in extract([read_article(path)]).facts if f.kind == "allegation"}
    assert ("Dana Whitfield", "Velmar Stores") in pairs


def _pairs(tmp_path, text: str) -> set:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return {(f.roles["accuser"].label, f.roles["accused"].label)
            for f in extract([read_article(path)]).facts if f.kind == "allegation"}


def test_the_possessor_of_a_suing_startup_is_no_party(tmp_path):
    """_subject / _party: "entrepreneur Dana Holt's startup, Zentrix Labs, has filed a lawsuit
    against Y": Zentrix Labs sues, not Dana Holt."""
    got = _pairs(tmp_path, "Billionaire entrepreneur Dana Whitfield's robotics startup, Zentrix Labs, has filed a "
                           "lawsuit against Velmar Corp in federal court in Ohio.\n")
    assert ("Zentrix Labs", "Velmar Corp") in got and not any(a == "Dana Whitfield" for a, _ in got)


def test_he_is_the_subject_named_at_the_sentence_start(tmp_path):
    """_last_person: "X co-founded Acme with Y, and he is suing Acme": he is X, the subject."""
    got = _pairs(tmp_path, "Dana Whitfield co-founded Velmar Corp with Arlo Brandt in 2015, and he is separately "
                           "suing Velmar Corp over its sale of the patent portfolio.\n")
    assert ("Dana Whitfield", "Velmar Corp") in got and not any(a == "Arlo Brandt" for a, _ in got)


def test_the_duo_is_the_pair_named_before(tmp_path):
    """ArticleReader.group_antecedent (``facts._collective_sizes``) in _party: "The duo has hit Y
    with lawsuits" is brought by both people named before."""
    got = _pairs(tmp_path, "Singers Dana Whitfield and Arlo Brandt are taking on the music industry.\n\n"
                           "The duo has hit Velmar Corp with separate lawsuits, claiming their voices were cloned.\n")
    assert {("Dana Whitfield", "Velmar Corp"), ("Arlo Brandt", "Velmar Corp")} <= got


def test_people_listed_as_members_file_a_class_action(tmp_module):
    """Rule _file + _subject (member lists): "Authors including A and B filed a class action
    against Y" -> one allegation per person named; an "action" that is neither legal nor a class
    action states none."""
    facts = _facts(tmp_module, "Authors including Mara Voss and Tomas Brevik filed a class action against "
                               "Lumora Labs.\n\nQuillpoint filed an action plan against waste.\n", "class.txt")
    got = _allegations(facts)
    assert ("Mara Voss", "Lumora Labs") in got and ("Tomas Brevik", "Lumora Labs") in got
    assert not any(accuser == "Quillpoint" for accuser, _ in got)


def test_names_before_a_verb_the_parse_cut_off(tmp_module):
    """Rule _sue / _names_before: "... after bestselling authors A and B also sued Y" (a subject the
    parse breaks) -> A and B; names that qualify the subject ("Parent company of A and B sues Y")
    are no plaintiffs."""
    facts = _facts(tmp_module, "The suit arrives weeks after bestselling authors Mara Voss and Tomas Brevik "
                               "also sued Lumora Labs for copyright infringement.\n\nParent company of Quillpoint "
                               "and Brightwave sues Lumora Labs\n", "surface.txt")
    got = _allegations(facts)
    assert ("Mara Voss", "Lumora Labs") in got and ("Tomas Brevik", "Lumora Labs") in got
    assert ("Quillpoint", "Lumora Labs") not in got and ("Brightwave", "Lumora Labs") not in got


def test_the_lawsuit_filed_by_more_plaintiffs(tmp_module):
    """Rule _file (same suit): "A has sued Y. The suit was filed ... by B and C" -> B and C sue
    Y too; "filed by attorneys D and E" makes no plaintiffs of the lawyers."""
    facts = _facts(tmp_module, "Mara Voss has sued Lumora Labs. The class-action suit was filed at a district court "
                               "this week by novelists Tomas Brevik and Ilse Varga. The papers were filed by "
                               "attorneys Dana Holt and Marlon Petrakis.\n", "same.txt")
    got = _allegations(facts)
    assert {("Tomas Brevik", "Lumora Labs"), ("Ilse Varga", "Lumora Labs")} <= set(got)
    assert ("Dana Holt", "Lumora Labs") not in got


def test_findings_of_an_office_and_of_a_report(tmp_module):
    """Rules _finding (an office named by its title: "..., the Privacy Commissioner has found")
    and _passive_finding ("Y was found to copy ...": the study's owner finds it)."""
    facts = _facts(tmp_module, "Brightwave Mart violated shoppers' privacy when it scanned their faces without "
                               "asking them, the Privacy Commissioner has found.\n\n"
                               "The Kestrel Competition Commission's market study came out in May. "
                               "Lumora Labs was found to scrape articles from newspaper sites.\n", "finding.txt")
    got = _allegations(facts)
    assert ("Privacy Commissioner", "Brightwave Mart") in got
    assert "scraping" in got[("Kestrel Competition Commission", "Lumora Labs")][0]


def test_notices_served_and_suits_hit_by_an_agent(tmp_module):
    """Rules _court_action ("X served Y with a cease-and-desist letter", "X sent Y a cease-and-desist
    letter") and _suit_with ("Y has been hit with a lawsuit by X")."""
    facts = _facts(tmp_module, "Quillpoint served Lumora Labs with a cease-and-desist letter over the reuse of its "
                               "reporting.\n\nDravik News sent Kestrel AI a cease-and-desist letter.\n\n"
                               "Zorvane Labs has been hit with a lawsuit by Harbor Crest Bank.\n", "notice.txt")
    got = _allegations(facts)
    assert {("Quillpoint", "Lumora Labs"), ("Dravik News", "Kestrel AI"), ("Harbor Crest Bank", "Zorvane Labs")} <= set(got)


def test_an_alleged_act_adds_the_practice_of_a_suit(tmp_module):
    """Rule _alleged_act (``allegation_adverbs``): "Y allegedly scraped ..." after "X sued Y" gives
    the suit its practice; alone, with no accusation in the article, it states none."""
    got = _allegations(_facts(tmp_module, "Quillpoint sued Lumora Labs on Monday. The startup allegedly scraped "
                                          "millions of posts from the forum.\n", "alleged.txt"))
    assert "scraping" in got[("Quillpoint", "Lumora Labs")][0]
    assert not _allegations(_facts(tmp_module, "Lumora Labs allegedly scraped millions of posts.\n", "alone.txt"))


def test_members_listed_after_a_group_of_plaintiffs(tmp_path):
    """_subject: "a group of publishers, including A and B, filed a complaint alleging
    that X scraped ...": A and B accuse X (the list hangs on the "of" noun)."""
    got = _allegations(_facts(tmp_path, "Publishers accuse startup\n\nA group of news publishers, including the "
                                        "Daily Ledger and the Harbor Times, has filed a complaint alleging that "
                                        "Brimlow AI scraped their articles.\n"))
    assert {("Daily Ledger", "Brimlow AI"), ("Harbor Times", "Brimlow AI")} <= set(got)


def test_claims_against_another_company_borrow_no_plaintiff(tmp_path):
    """_finish: "A sued X ... Separately, Y must face claims that it copied ..." names no one
    who accuses Y; A's suit is against X."""
    got = _allegations(_facts(tmp_path, "Suit news\n\nThe Daily Ledger sued Brimlow AI on Monday, alleging that it "
                                        "copied its articles.\n\nSeparately, a judge ruled that Kestrel Labs must "
                                        "face claims that it copied thousands of books.\n"))
    assert ("Daily Ledger", "Brimlow AI") in got
    assert ("Daily Ledger", "Kestrel Labs") not in got


def test_a_reported_policy_is_no_charge(tmp_path):
    """_finding: "Y has banned X, the ministry said" reports a policy; Y is not accused of it."""
    facts = _facts(tmp_path, "Ban news\n\nKestria has banned government departments from using the Quindle app, "
                             "citing security risks, the island's digital ministry said on Monday.\n")
    assert not _allegations(facts)


def test_a_newspaper_party_to_the_suit_that_declines_to_comment(tmp_path):
    """NonResponseFrame._party_to_a_suit: a newspaper that sued is a party whose silence is read
    ("The Daily Ledger declined to comment"); a news organization that only reports stays none."""
    facts = _facts(tmp_path, "The Harwick Times sued Quarnel AI on Monday.\n\n"
                             "Quarnel AI and The Harwick Times did not respond to requests for comment from "
                             "Reuters.\n")
    parties = {party for party, _ in _nonresponses(facts)}
    assert parties == {"Quarnel AI", "Harwick Times"}


def test_co_plaintiffs_accusing_it_do_not_accuse_each_other(tmp_path):
    """lawsuit._accuse: "A and B have sued Y, accusing it of Z": the pronoun is the object of
    the suit it explains, so A and B accuse Y, never each other."""
    got = _allegations(_facts(tmp_path, "Halvern Records and Tessel Music have sued Ostrel Labs, accusing it "
                                        "of copying recorded songs.\n"))
    assert set(got) == {("Halvern Records", "Ostrel Labs"), ("Tessel Music", "Ostrel Labs")}


def test_a_complaint_lodged_with_a_body_against_a_party(tmp_path):
    """lawsuit._file (``lodge_preps``): "lodged a complaint with the regulator against Y over its X",
    the parse hanging "against Y" on the regulator: Y is accused, the regulator addressed, and
    DevelopmentFrame._object_possessor makes Y, not the filer, X's developer."""
    facts = _facts(tmp_path, "Fennick Rights lodged a complaint with Peru's data regulator against Quarnel AI "
                             "over its Plinko chatbot.\n")
    got = _allegations(facts)
    assert ("Fennick Rights", "Quarnel AI") in got
    assert got[("Fennick Rights", "Quarnel AI")][2] == {"Peru's data regulator"}
    dev = {(f.roles["developer"].label, f.roles["product"].label) for f in facts if f.kind == "development"}
    assert dev == {("Quarnel AI", "Plinko")}


def test_a_passive_accusation_according_to_a_source(tmp_path):
    """lawsuit._accuse: "Y has been accused of Z, according to X": the source X accuses Y."""
    got = _allegations(_facts(tmp_path, "Ostrel Labs has been accused of querying the Plinko model millions of "
                                        "times, according to Quarnel AI.\n"))
    assert list(got) == [("Quarnel AI", "Ostrel Labs")]


@pytest.mark.parametrize("text", [
    "Halvern Pictures and Dravik Studios filed a lawsuit in Los Angeles on Wednesday. The studios allege that "
    "Quarnel AI copied their films.\n",
    "Halvern Pictures filed a lawsuit in Los Angeles on Wednesday. The studio alleges that Quarnel AI copied its "
    "films.\n",
])
def test_studios_named_again_by_their_class(tmp_path, text):
    """_plural_group and coreference (``anaphors.Organization``, ``cue_nouns.Company``: "studio"):
    "The studios allege that Y ..." after the studios filed: each studio accuses Y."""
    got = _allegations(_facts(tmp_path, text))
    assert ("Halvern Pictures", "Quarnel AI") in got
    assert all(accused == "Quarnel AI" for _, accused in got)


def test_every_party_a_report_lists_is_accused(tmp_path):
    """AllegationFrame._listed_with: "X said A, B and C had used test accounts to harvest answers from its
    model" accuses each listed party, where the parse reads B as an apposition of A."""
    got = _allegations(_facts(tmp_path, "Quarnel AI said Ostrel Labs, Pinewood AI and Marrow Tech had used "
                                        "thousands of test accounts to harvest answers from its Vexa model.\n"))
    assert set(got) == {("Quarnel AI", "Ostrel Labs"), ("Quarnel AI", "Pinewood AI"), ("Quarnel AI", "Marrow Tech")}


@pytest.mark.parametrize("text", [
    "Halvern Media joined forces with Dravik Press to sue Quarnel AI, accusing it of copying their characters.\n",
    "Halvern Media teamed up with Dravik Press to sue Quarnel AI.\n",
])
def test_who_joins_forces_to_sue_sues_too(tmp_path, text):
    """syntax.co_agents (``joint_verbs``): "A joined forces with B to sue Y", "A teamed up with B to
    sue Y": B sues Y too ("A met with B" names no co-agent)."""
    got = _allegations(_facts(tmp_path, text))
    assert set(got) == {("Halvern Media", "Quarnel AI"), ("Dravik Press", "Quarnel AI")}


@pytest.mark.parametrize("second", [
    "The suit also names Brisco Corp as a defendant.\n",
    "Brisco Corp is also named as a defendant.\n",
])
def test_a_party_named_as_a_defendant_is_accused_by_the_suit_s_plaintiffs(tmp_path, second):
    """lawsuit._named_defendant (``defendant_naming_verbs``): "The suit also names Y as a
    defendant": the plaintiffs of the suit stated before accuse Y too."""
    got = _allegations(_facts(tmp_path, "The Novelists Guild sued Quarnel AI last week.\n\n" + second))
    assert set(got) == {("Novelists Guild", "Quarnel AI"), ("Novelists Guild", "Brisco Corp")}


def test_a_complaint_accusing_the_party_s_app(tmp_path):
    """lawsuit._complements and DevelopmentFrame._object_possessor: "A filed a complaint with the
    regulator against B, accusing its companion app X of selling Y": B is accused of selling Y
    (not of the regulator's name), and B, not A, makes X."""
    facts = _facts(tmp_path, "The Harwell Institute filed a complaint with the Federal Trade Commission against "
                             "Brisco Corp, accusing its companion app Lumo of selling tax advice without a license.\n")
    got = _allegations(facts)
    assert got[("Harwell Institute", "Brisco Corp")][0] == "selling tax advice without a license"
    dev = {(f.roles["developer"].label, f.roles["product"].label) for f in facts if f.kind == "development"}
    assert dev == {("Brisco Corp", "Lumo")}
