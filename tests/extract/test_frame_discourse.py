"""Discourse rules of the policy and reason frames on invented news text, read by the
real model: issuers and products a clause names only by description, pronoun, class or
apposition, and reasons stated in the sentences around a policy.

Each test names the rule it checks (a ``kg.extract.facts.ArticleReader`` method, a
``kg.io.corpus`` or ``kg.nlp.entities`` function). Organizations, people and the product
"Zorblat" are invented; other products and places are well-known names from the
knowledge base or the gazetteer.
"""

from __future__ import annotations

from kg.extract.extraction import extract
from kg.io.corpus import Block, read_article, recase_headlines

from .test_frame_policy import policies


def _facts(tmp_path, text: str):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return extract([read_article(path)])




def reasons(tmp_path, text: str, key: tuple[str, str]) -> str:
    """Every reason of one policy, joined, lower case ("" when the policy has none)."""
    got = policies(tmp_path, text)
    assert key in got, f"no policy {key}: {sorted(got)}"
    return " | ".join(got[key].get("reason", [])).lower()


# ----------------------------------------------------------------- issuers

def test_class_member_subject_is_the_issuer(tmp_path):
    """_class_member_subject: "A, B and C are three of the lenders that have prohibited X"."""
    got = policies(tmp_path, "Dravik Bank, Torvane Bank and Pellmont Corp are three of the lenders "
                             "that have prohibited ChatGPT at work.\n")
    assert {("Dravik Bank", "ChatGPT"), ("Torvane Bank", "ChatGPT"), ("Pellmont Corp", "ChatGPT")} <= set(got)


def test_place_after_a_government_noun(tmp_path):
    """_government_described: "the state of Ohio", "regulators in Kenya" stand for the place's government."""
    got = policies(tmp_path, "The state of Ohio prohibited ChatGPT on state-owned devices.\n\n"
                             "Regulators in Kenya have banned Gemini on government phones.\n")
    assert {("Ohio", "ChatGPT"), ("Kenya", "Gemini")} <= set(got)


def test_pronoun_subject_of_reported_speech_with_placed_government_organ(tmp_path):
    """_reported_speaker and _government_described: "the country's regulator said it had
    suspended access" after a sentence naming the country."""
    got = policies(tmp_path, "Kenya opened an inquiry into ChatGPT last week.\n\n"
                             "Access to ChatGPT has been suspended for now, the country's data protection "
                             "authority said on Monday.\n")
    assert ("Kenya", "ChatGPT") in got


def test_plural_pronoun_is_never_a_single_company(tmp_path):
    """coref: "they" as a subject resolves to no company or product named before it."""
    got = policies(tmp_path, "After Dravik Labs failed to answer, several ministries said they were "
                             "taking steps to limit access to ChatGPT.\n")
    assert not any(issuer == "Dravik Labs" for issuer, _ in got)


def test_issuers_listed_with_including_win_over_their_modifier(tmp_path):
    """_policy_issuers: "several US states, including A, B and C" are A, B and C, not the US."""
    got = policies(tmp_path, "Several US states, including Ohio, Oregon and Nevada, have banned ChatGPT "
                             "on government devices.\n")
    assert {("Ohio", "ChatGPT"), ("Oregon", "ChatGPT"), ("Nevada", "ChatGPT")} <= set(got)
    assert not any(issuer in {"US", "United States"} for issuer, _ in got)


def test_titled_person_acts_for_the_place_named_before_the_name(tmp_path):
    """_policy_issuers: "Ohio Gov. Kara Senn issued an order banning X" -> Ohio."""
    got = policies(tmp_path, "Ohio Gov. Kara Senn on Monday issued an order banning ChatGPT on state devices.\n")
    assert ("Ohio", "ChatGPT") in got


def test_subject_named_in_apposition(tmp_path):
    """_agent_token: "the chip designer Dravik Semiconductor has banned ..." -> the apposed name."""
    got = policies(tmp_path, "The chip designer Dravik Semiconductor has told its engineers to stop using ChatGPT.\n")
    assert ("Dravik Semiconductor", "ChatGPT") in got


def test_speakers_listed_in_apposition(tmp_path):
    """_speaker_issuers: "two banks, A and B, said they had restricted X"."""
    got = policies(tmp_path, "Two banks, Dravik Bank and Torvane Bank, said they had restricted the use of ChatGPT.\n")
    assert {("Dravik Bank", "ChatGPT"), ("Torvane Bank", "ChatGPT")} <= set(got)


# ---------------------------------------------------------------- products

def test_product_named_by_description_is_the_salient_product(tmp_path):
    """_product_anaphors: "has banned the app" -> the product named just before; a store
    named where the app is found ("from the App Store") is no candidate."""
    got = policies(tmp_path, "ChatGPT was pulled from the App Store and Google Play last week.\n\n"
                             "Dravik Bank has also banned the app on work phones.\n")
    assert ("Dravik Bank", "ChatGPT") in got
    assert not any(product in {"App Store", "Google Play"} for _, product in got)


def test_its_use_names_the_product_before(tmp_path):
    """_product_anaphors: "banned its use" -> the product named in the sentence before."""
    got = policies(tmp_path, "Gemini has drawn scrutiny from regulators.\n\n"
                             "Oregon has banned its use on government devices.\n")
    assert ("Oregon", "Gemini") in got


def test_policy_extension_adds_products(tmp_path):
    """_policy_extension: "the ban also extends to X and Y" -> the same issuer restricts them."""
    got = policies(tmp_path, "Ohio has banned ChatGPT on state devices over espionage fears.\n\n"
                             "The ban also extends to Gemini and Grok, officials said.\n")
    assert {("Ohio", "ChatGPT"), ("Ohio", "Gemini"), ("Ohio", "Grok")} <= set(got)
    # (link_article_level: an extension has the ban's reasons)
    assert "espionage" in " ".join(got[("Ohio", "Grok")].get("reason", []))


def test_use_and_access_roles_vote_product(tmp_path):
    """MentionFinder._context_votes: what staff may not use, or access to which is limited, is a product."""
    ex = _facts(tmp_path, "Dravik Bank has limited access to Zorblat on trading floors.\n\n"
                          "Torvane Bank staff can no longer use Zorblat at work.\n")
    kinds = {e.label: e.kind for e in ex.entities.values()}
    assert kinds.get("Zorblat") == "SoftwareProduct"


# ----------------------------------------------------------------- reasons

def test_organization_is_concerned_that(tmp_path):
    """_concern_reasons: "Acme is concerned that X" (the model tags "concerned" as a verb)."""
    text = ("Dravik Bank has restricted ChatGPT for its traders.\n\n"
            "Dravik Bank is concerned that its traders might paste confidential data into the tool.\n")
    assert "confidential" in reasons(tmp_path, text, ("Dravik Bank", "ChatGPT"))


def test_unnamed_speaker_concern_refines_the_policy_before(tmp_path):
    """_concern_reasons: "the regulator said it was concerned about X" after the policy."""
    text = ("Kenya has suspended ChatGPT.\n\n"
            "The regulator said it was concerned about how the firm stores personal data.\n")
    assert "personal data" in reasons(tmp_path, text, ("Kenya", "ChatGPT"))


def test_decision_taken_after_a_finding(tmp_path):
    """_reason_clause: "the decision was taken after officials found that X"."""
    text = ("Pellmont Corp has barred its staff from using ChatGPT on work computers.\n\n"
            "The decision was taken after auditors found that the tool sent client files to servers abroad.\n")
    assert "client files" in reasons(tmp_path, text, ("Pellmont Corp", "ChatGPT"))


def test_what_a_policy_comes_after_names_a_concern(tmp_path):
    """_reason_clause: "the move comes after reports of security concerns"; a mere event is none."""
    text = ("Dravik Bank has banned ChatGPT.\n\n"
            "The move comes after reports of security concerns around the chatbot.\n\n"
            "Torvane Bank has banned Gemini.\n\n"
            "The move comes after a wider dispute over model access and pricing.\n")
    assert "security concerns" in reasons(tmp_path, text, ("Dravik Bank", "ChatGPT"))
    assert "dispute" not in reasons(tmp_path, text, ("Torvane Bank", "Gemini"))


def test_person_cites_the_reason(tmp_path):
    """_cited_reasons: a person's "cited X and worries that Y" refines the nearest policy, as one phrase."""
    text = ("Pellmont Corp does not allow its employees to use ChatGPT.\n\n"
            "Company president Dana Holt cited security worries and concerns that propaganda "
            "could creep into its replies.\n")
    got = reasons(tmp_path, text, ("Pellmont Corp", "ChatGPT"))
    assert "security" in got and "propaganda" in got


def test_reporting_verb_on_the_announcing_clause(tmp_path):
    """_justification: "unveiled the rule on Tuesday, stating that X" (a reporting verb below the root)."""
    text = ("Taiwan has banned Gemini in government agencies.\n\n"
            "The digital ministry confirmed the ban on Monday, stating that the service "
            "could endanger the security of state data.\n")
    assert "security" in reasons(tmp_path, text, ("Taiwan", "Gemini"))


# ---------------------------------------------------------------- headlines

def test_title_case_headline_is_parsed_in_sentence_case():
    """recase_headlines: common words lower-cased, names and inner capitals kept, offsets unchanged."""
    blocks = [Block(0, "Dravik Bank Limits Chatbot Access Amid Privacy Worries", heading=True),
              Block(55, "Dravik Bank said it limits chatbot access amid privacy worries."),
              Block(118, "A Short Line")]
    recase_headlines(blocks)
    assert blocks[0].parse_text == "Dravik Bank limits chatbot access amid privacy worries"
    assert len(blocks[0].parse_text) == len(blocks[0].text)
    assert blocks[1].parse_text == blocks[1].text


def test_headline_issuer_list_without_product(tmp_path):
    """_headline_issuers and _headline_policy: "A, B, and C Limit Use Amid X" gives each
    listed issuer's body policy the headline's reason and type (the product comes from the
    policies of the article)."""
    text = ("Dravik Bank, Torvane Bank, and Pellmont Corp Limit Use Amid Security Worries\n\n"
            "Dravik Bank has prohibited Gemini on its laptops. Torvane Bank also limited access to Gemini "
            "for its traders. Pellmont Corp told staff not to use Gemini.\n")
    got = policies(tmp_path, text)
    for issuer in ("Dravik Bank", "Torvane Bank", "Pellmont Corp"):
        assert "security" in " ".join(got[(issuer, "Gemini")].get("reason", [])).lower(), issuer
    assert got[("Torvane Bank", "Gemini")]["type"] == ["restriction"]


def test_long_title_case_headline_lists_its_products(tmp_path):
    """kg.io.corpus (a title-case line of up to 30 words is a headline) and _headline_product_list:
    "A Bars X & Similar Apps Such As Y, Z & W On ...": every listed product, up to "On"."""
    got = policies(tmp_path, "Norway Bars TikTok & Similar “Leisure Apps” Such As Gemini, ChatGPT & Grok On Handsets "
                             "Issued To Civil Servants\n\nNorway's civil service ministry announced the measure.\n")
    assert {("Norway", p) for p in ("TikTok", "Gemini", "ChatGPT", "Grok")} <= set(got)


def test_headline_reason_without_a_named_issuer(tmp_path):
    """_headline_policy: "Legal Practice Shuts Off X To Protect Client Data" (a phrasal verb of
    ``phrasal_ban``, a descriptor instead of a name, a purpose after "To") gives its reason
    to the article's policy on X."""
    text = ("Legal Practice Shuts Off Gemini To Protect Client Data\n\n"
            "Ferrow Lane told its lawyers last week to stop using the tool.\n")
    assert "protect client data" in reasons(tmp_path, text, ("Ferrow Lane", "Gemini"))
    text = "Legal Practice Shuts Off Gemini Over Data Fears\n\nFerrow Lane told its lawyers last week to stop using the tool.\n"
    assert "data fears" in reasons(tmp_path, text, ("Ferrow Lane", "Gemini"))


def test_definite_description_split_by_the_parse(tmp_path):
    """_product_anaphors and _definite_on_the_left: "the cheap, fast and probably compromised
    chatbot tool" is a definite description even when the parser hangs "the" elsewhere."""
    got = policies(tmp_path, "Gemini is popular with lawyers.\n\nFerrow Lane has barred its associates from "
                             "using the cheap, fast and probably compromised chatbot tool.\n")
    assert ("Ferrow Lane", "Gemini") in got


def test_unresolved_clause_subject_stops_the_agent_search(tmp_path):
    """ArticleReader._agent_token: "That is why the nation prohibited X" (a subject of its own that
    names no entity) takes no issuer from the clause above ("It")."""
    got = policies(tmp_path, "Ferrow Labs, funded by an investor in Shanghai, raises new security questions. "
                             "That is why the nation prohibited TikTok in 2023.\n")
    assert not any(issuer == "Ferrow Labs" for issuer, _ in got)


def test_listing_on_a_control_list_is_a_restriction(tmp_path):
    """_listing_policy: "X put A and B on its export control list", "A was added by X to its
    Entity List": a restriction of X on each listed organization; a list of approved tools
    is none; the listed organization is no product entity of its own."""
    text = ("Kenya's Commerce Ministry put the chip firms Dravik Semiconductor and Torvane Micro on its "
            "export control list on Friday.\n\nPellmont Labs was added by the Commerce Department to its Entity "
            "List.\n\n"
            "Ferrow Lane added Gemini to its list of approved tools.\n")
    result = _facts(tmp_path, text)
    got = {(f.roles["issuer"].label, f.roles["product"].label): f.attrs for f in result.facts if f.kind == "policy"}
    assert {("Commerce Ministry", "Dravik Semiconductor"), ("Commerce Ministry", "Torvane Micro"),
            ("Commerce Department", "Pellmont Labs")} <= set(got)
    assert all(a["type"] == ["restriction"] for a in got.values())
    assert not any(p == "Gemini" for _, p in got)
    assert not any(e.label == "Pellmont Labs" and e.family == "Product"
                   for e in result.entities.values() if not e.implicit)


def test_class_of_ai_products_when_the_article_names_none(tmp_path):
    """_generic_ai_class and link_article_level: "disabled the artificial intelligence (AI) features"
    in an article that names no product is a policy on that class; an article naming some
    product elsewhere gets no policy on it from such a clause."""
    got = policies(tmp_path, "Dravik Bank disabled the artificial intelligence (AI) features of its traders' "
                             "laptops this week, pointing to security concerns.\n")
    assert ("Dravik Bank", "artificial intelligence (AI) features") in got
    got = policies(tmp_path, "Gemini was launched last year.\n\nFerrow Lane banned generative AI tools for its "
                             "lawyers.\n")
    assert ("Ferrow Lane", "Gemini") not in got


def test_removal_from_an_app_store(tmp_path):
    """_store_removal: "apps such as X were taken out of Acme's app store" (the store's
    possessor), "Google pulled the X app from its Play Store over Y" (the active subject, with
    its reason): a ban of each named product and of the class of AI apps named; the store is
    never the product."""
    got = policies(tmp_path, "Generative AI apps such as Zorblat were deleted from Dravik's app store.\n\n"
                             "Google pulled the Quillpoint app from its Play Store over privacy concerns.\n")
    assert ("Dravik", "Zorblat") in got and ("Dravik", "Generative AI apps") in got
    assert "privacy" in " ".join(got[("Google", "Quillpoint")]["reason"])
    assert not any(p in {"Play Store", "app store"} for _, p in got)


def test_measures_implemented_as_an_official_said(tmp_path):
    """_policy_issuers (a gerund or policy noun that is the subject of a passive clause; the
    body an official speaks for) and _object_slot ("measures for X"): "Blocking measures for X
    are now in force ..., a defence ministry official said" is the defence ministry's."""
    got = policies(tmp_path, "Kenya restricted Gemini on Monday.\n\n\"Blocking measures for Gemini have been "
                             "put in place on army laptops,\" a defence ministry official said.\n")
    assert ("defence ministry", "Gemini") in got


def test_listed_among_entities_added_to_a_list(tmp_path):
    """_listing_policy: "A was among the firms added to X's trade blacklist" (the list's
    possessor issues it), then "B and C are also among the businesses added to the list"
    (the list named before, its issuer)."""
    text = ("Dravik Semiconductor was among forty firms added this week to the Commerce Department's trade "
            "blacklist.\n\nTorvane Micro and Pellmont Labs are also among the businesses added to the list.\n")
    got = policies(tmp_path, text)
    assert {("Commerce Department", p) for p in ("Dravik Semiconductor", "Torvane Micro", "Pellmont Labs")} <= set(got)


def test_quantity_subject_lists_its_parties(tmp_path):
    """_coordinated_parties ("More than half of the states, A, and B's governing branch have
    barred X": the parties the quantity's "of" lists) and agents_of (coordinated agents): each
    named party restricts X, a body noun standing for its possessor."""
    got = policies(tmp_path, "More than half of the states, NATO, and the European Union's governing branch "
                             "have barred TikTok from official devices.\n")
    assert {("NATO", "TikTok"), ("European Union", "TikTok")} <= set(got)
    got = policies(tmp_path, "Most Canadian provinces, NATO, and the European Union's governing branch now forbid "
                             "TikTok on office phones.\n")
    assert {("NATO", "TikTok"), ("European Union", "TikTok")} <= set(got)


def test_definite_description_reaches_back_to_a_name_that_says_it(tmp_path):
    """coref: "The ministry added that it would forbid X" five paragraphs after "Kenya's Defense
    Ministry" is that ministry, not the company named last."""
    text = ("Kenya's Defense Ministry told its personnel to remove Gemini from official handsets.\n\n"
            "Gemini is made by Google.\n\nIt is popular.\n\nMany people use it.\n\nIt is free.\n\n"
            "The ministry added that it would forbid the app on all army equipment.\n")
    got = policies(tmp_path, text)
    assert ("Defense Ministry", "Gemini") in got
    assert ("Google", "Gemini") not in got


def test_reason_of_a_body_goes_to_its_countrys_policy(tmp_path):
    """link_article_level and _country_in_name: a reason a "Malaysian ... Commission" states
    goes to Malaysia's policy, not to Indonesia's stated just before it."""
    text = ("Malaysia blocked access to Grok over the weekend.\n\n"
            "Indonesia had blocked the chatbot a day earlier.\n\n"
            "In a notice, the Malaysian Roads and Broadcasting Commission said the restriction was imposed "
            "following the repeated misuse of the chatbot to make indecent pictures.\n")
    got = policies(tmp_path, text)
    assert "misuse" in " ".join(got[("Malaysia", "Grok")].get("reason", []))
    assert "misuse" not in " ".join(got[("Indonesia", "Grok")].get("reason", []))


def test_directed_not_to_have_under_a_named_policy(tmp_path):
    """``policy.possession_verbs`` under a directive ("advised staff not to have X on their
    phones"); _under_named_policy and _policy_author: "Under the new policy, councillors were
    told not to keep X ..., a manager said" is the policy's author's, named before."""
    got = policies(tmp_path, "Dravik Bank advised staff not to have ChatGPT on their work phones.\n")
    assert ("Dravik Bank", "ChatGPT") in got
    text = ("Last month the Torvane District Council adopted an internal policy on AI, its chief executive "
            "said.\n\nUnder the new policy, councillors were told not to keep apps such as Chat GPT on their "
            "council laptops, manager Ada Holt said.\n")
    got = policies(tmp_path, text)
    assert ("Torvane District Council", "ChatGPT") in got or ("Torvane District Council", "Chat GPT") in got


def test_party_barred_from_using_is_no_product(tmp_path):
    """_barred_party (the name's last token carries its role) and MentionFinder._context_votes:
    "the FTC barred Dravik Stores from using Gemini" restricts Gemini; Dravik Stores is the
    party barred, a company, not a product."""
    result = _facts(tmp_path, "As part of a settlement, the Federal Trade Commission barred Dravik Stores from "
                              "using Gemini at its checkouts until 2030.\n")
    got = {(f.roles["issuer"].label, f.roles["product"].label) for f in result.facts if f.kind == "policy"}
    assert got == {("Federal Trade Commission", "Gemini")}
    assert {e.kind for e in result.entities.values() if e.label == "Dravik Stores" and not e.implicit} == {"Company"}


def test_demonym_description_prefers_the_company_seated_there(tmp_path):
    """coref (a nationality on a definite description: the organization the article seats in
    that country; a hyphenated head read on the surface) and _restricted_things (a possessive
    the parse broke): "the Chinese start-up's site" is DeepSeek's, not the
    product the article names most nor the start-up named last."""
    text = ("Gemini is popular. Gemini is free. Gemini is fast.\n\n"
            "Chinese start-up DeepSeek released a chatbot last week.\n\n"
            "American start-up Zorvane Labs released one too.\n\n"
            "The Defense Information Systems Agency, which manages military computer systems, on Tuesday night "
            "began shutting out users of the Chinese start-up's site, an official said.\n")
    got = policies(tmp_path, text)
    assert ("Defense Information Systems Agency", "DeepSeek") in got
    assert not any(p in {"Gemini", "Zorvane Labs"} for _, p in got)


def test_headline_policy_type_follows_its_verb(tmp_path):
    """_headline_policy: a headline "Restricts" is a restriction, "Bans" a ban."""
    got = policies(tmp_path, "Dravik Bank Restricts Gemini Over Leak Fears\n\nDravik Bank said little more.\n")
    assert got[("Dravik Bank", "Gemini")]["type"] == ["restriction"]
    got = policies(tmp_path, "Dravik Bank Bans Gemini Over Leak Fears\n\nDravik Bank said little more.\n")
    assert got[("Dravik Bank", "Gemini")]["type"] == ["ban"]


def test_following_a_change_is_a_reason(tmp_path):
    """_reasons: "following a rise in X" (a change that prompted the policy, ``reason_nouns``),
    also when the model parses "following" as a verb with a direct object; a date after
    "following" is none."""
    text = ("Ferrow Lane restricted staff access to Gemini last week following a “sharp rise” in usage.\n\n"
            "Torvane Bank banned Grok after a surge in complaints from clients.\n\n"
            "Pellmont Corp banned Copilot following the holidays.\n")
    assert "rise in usage" in reasons(tmp_path, text, ("Ferrow Lane", "Gemini"))
    assert "surge in complaints" in reasons(tmp_path, text, ("Torvane Bank", "Grok"))
    assert reasons(tmp_path, text, ("Pellmont Corp", "Copilot")) == ""


def test_long_reason_is_kept_whole(tmp_path):
    """phrase (reason.REASON_WORDS): a reason of about 30 words keeps its last coordinated risk."""
    text = ("Ohio Governor Ada Brisk said she prohibited Gemini over “deep worries” about the service’s “links to "
            "spying and content control by other states, including ways the service might be used to gather user "
            "records and steal trade secrets.”\n")
    assert "steal trade secrets" in reasons(tmp_path, text, ("Ohio", "Gemini"))


def test_product_withheld_from_a_region(tmp_path):
    """_withheld_in_region: "will not release X in the EU" is its maker's restriction there;
    "did not release the weights" (no place) is none."""
    got = policies(tmp_path, "Kestrel Labs will not release its Gemini model in the European Union, citing pending "
                             "regulatory reviews.\n\nKestrel Labs did not release Grok's weights.\n")
    assert ("Kestrel Labs", "Gemini") in got
    assert "regulatory" in " ".join(got[("Kestrel Labs", "Gemini")]["reason"])
    assert ("Kestrel Labs", "Grok") not in got


def test_bare_reason_noun_is_no_reason(tmp_path):
    """link_article_level: a reason that is only "risks" or "concerns" is dropped."""
    got = policies(tmp_path, "Dravik Bank has banned ChatGPT.\n\nThe bank cited risks.\n")
    assert got[("Dravik Bank", "ChatGPT")].get("reason", []) == []


def test_features_unavailable_in_a_region_said_in_a_statement(tmp_path):
    """_withheld_in_region and _reported_speaker: "Acme said in a notice that the tools —
    A and B — won't be available to customers in the EU" -> Acme restricts A and B."""
    got = policies(tmp_path, "Kestrel Labs said in a notice that the tools \u2014 Gemini and Grok \u2014 "
                             "won't be available to customers in the European Union.\n")
    assert {("Kestrel Labs", "Gemini"), ("Kestrel Labs", "Grok")} <= set(got)


def test_person_expresses_concerns(tmp_path):
    """_concern_reasons: "Acme's security head voiced concerns about X" refines the policy before."""
    text = ("Dravik Bank has blocked ChatGPT on its laptops.\n\n"
            "Kara Senn, who heads security at the bank, voiced concerns about internal data leaking to "
            "outside servers.\n")
    assert "internal data" in reasons(tmp_path, text, ("Dravik Bank", "ChatGPT"))


def test_joined_issuers_are_side_mentions(tmp_path):
    """_joined_issuers: "A joined B and C in banning X" -> B and C banned X too."""
    got = policies(tmp_path, "Oregon joined Ohio and Nevada in banning ChatGPT from state devices on Monday.\n")
    assert {("Oregon", "ChatGPT"), ("Ohio", "ChatGPT"), ("Nevada", "ChatGPT")} <= set(got)


def test_news_organization_rules_for_its_own_staff(tmp_path):
    """_news_staff_rule: a broadcaster that bans its own employees issues the rule; a news
    organization that only reports a ban issues nothing."""
    got = policies(tmp_path, "Dravik Media, a regional broadcaster, has barred its employees from ChatGPT.\n\n"
                             "Torvane News reported that Pellmont Corp had banned Gemini.\n")
    assert ("Dravik Media", "ChatGPT") in got
    assert not any(issuer == "Torvane News" for issuer, _ in got)


def test_legal_and_upload_words_name_a_risk(tmp_path):
    """reason.risk_words: "after an engineer uploaded code to it", "saying it had no legal basis for X"."""
    assert "uploaded" in reasons(tmp_path, "Dravik Bank banned ChatGPT after a trader uploaded client "
                                           "spreadsheets to it.\n", ("Dravik Bank", "ChatGPT"))
    assert "legal basis" in reasons(tmp_path, "Kenya's privacy regulator blocked ChatGPT, saying it had no legal "
                                              "basis for collecting users' data.\n", ("Kenya", "ChatGPT"))


def test_rule_stated_by_a_document_is_its_owners(tmp_path):
    """_document_owner: "Employees are not permitted to use X, the memo said" -> the organization named before."""
    got = policies(tmp_path, "Dravik Bank sent a memo to staff on Monday.\n\n"
                             "Employees are not permitted to use ChatGPT on company devices, the memo said.\n")
    assert ("Dravik Bank", "ChatGPT") in got


def test_participle_tagged_as_adjective(tmp_path):
    """_mistagged_verb: "it had disabled access to X" ("disabled" read as an adjective) is a ban."""
    got = policies(tmp_path, "Dravik Bank said it had disabled access to ChatGPT for all employees.\n")
    assert ("Dravik Bank", "ChatGPT") in got


def test_party_ordered_to_cease_by_unnamed_authorities(tmp_path):
    """_clause_place_government: "X has been ordered to cease all activity in Kenya, authorities said"."""
    got = policies(tmp_path, "DeepSeek has been ordered to cease all activity in Kenya after breaching privacy rules, "
                             "authorities said on Wednesday.\n")
    assert ("Kenya", "DeepSeek") in got


def test_followed_issuer_is_a_side_mention(tmp_path):
    """_joined_issuers: "A followed B in blocking X" -> B blocked X too."""
    got = policies(tmp_path, "Kenya followed Chile in blocking DeepSeek.\n")
    assert {("Kenya", "DeepSeek"), ("Chile", "DeepSeek")} <= set(got)


def test_sentence_initial_policy_word_is_no_name(tmp_path):
    """MentionFinder._mention: "Use of X is now banned at Acme" names no product "Use"."""
    got = policies(tmp_path, "Use of ChatGPT is now banned at Dravik Bank, according to an internal memo.\n")
    assert set(got) == {("Dravik Bank", "ChatGPT")}


def alternatives(tmp_path, text: str) -> dict:
    """Alternatives by (issuer, restricted product) label of one article's policies."""
    facts = _facts(tmp_path, text).facts
    return {(f.roles["issuer"].label, f.roles["product"].label):
            sorted(e.label for e in f.entity_attrs.get("alternative", [])) for f in facts if f.kind == "policy"}


def test_alternatives_named_in_apposition_or_in_favor_of(tmp_path):
    """_sentence_alternative and _favored_alternatives: "told staff to use its in-house assistant,
    X, instead"; "banned Y in favor of its own chatbot, X" (X is no restricted product)."""
    got = alternatives(tmp_path, "Dravik Bank banned ChatGPT and told employees to use its in-house assistant, "
                                 "Copilot, instead.\n")
    assert got[("Dravik Bank", "ChatGPT")] == ["Copilot"]
    got = alternatives(tmp_path, "Torvane Bank banned ChatGPT in favor of its own chatbot, Gemini.\n")
    assert got[("Torvane Bank", "ChatGPT")] == ["Gemini"] and ("Torvane Bank", "Gemini") not in got


def test_alternatives_a_rule_leaves_allowed(tmp_path):
    """_left_allowed and version nouns: "but allows staff to use X", "staff can still use the
    approved version of X" name an alternative of the issuer's restriction; "does not allow staff
    to use X" restricts X."""
    got = alternatives(tmp_path, "Quarnel Insurance prohibited the use of Gemini, but allows staff to use "
                                 "Claude through a secure enterprise account.\n")
    assert got[("Quarnel Insurance", "Gemini")] == ["Claude"]
    got = alternatives(tmp_path, "Brisco Motors restricted access to ChatGPT.\n\n"
                                 "Employees can still use the company's approved version of Copilot.\n")
    assert got[("Brisco Motors", "ChatGPT")] == ["Copilot"]
    got = alternatives(tmp_path, "Hollin Bank does not allow staff to use Perplexity. Hollin Bank banned Grok last year.\n")
    assert got.get(("Hollin Bank", "Grok")) == [] and ("Hollin Bank", "Perplexity") in got


def test_what_a_policy_is_meant_for_or_reflects(tmp_path):
    """_reason_clause: "the ban is intended to protect X", "the restriction aims to prevent Y",
    "the move reflects growing concern about Z" (a policy anaphor's stated aim or concern)."""
    assert "protect client data" in reasons(tmp_path, "Dravik Bank has banned ChatGPT.\n\n"
                                                      "The ban is intended to protect client data.\n",
                                            ("Dravik Bank", "ChatGPT"))
    assert "prevent leaks" in reasons(tmp_path, "Dravik Bank has banned ChatGPT.\n\n"
                                                "The restriction aims to prevent leaks of confidential information.\n",
                                      ("Dravik Bank", "ChatGPT"))
    assert "data privacy" in reasons(tmp_path, "Dravik Bank has banned ChatGPT.\n\n"
                                               "The move reflects growing concern about data privacy.\n",
                                     ("Dravik Bank", "ChatGPT"))


# ------------------------------------------- session 3: generalization probes
# Each rule below was found by reading invented paraphrases of how news states a
# policy or its reason, not by reading an article.

def test_compound_of_a_use_noun_is_the_restricted_thing(tmp_path):
    """_object_slot: "blocks X access", "a ban on X downloads" (a compound of ``use_nouns``)."""
    got = policies(tmp_path, "The Pellmont Agency has blocked DeepSeek access for contractors.\n")
    assert ("Pellmont Agency", "DeepSeek") in got


def test_a_products_part_is_the_product(tmp_path):
    """_restricted_things with ``product_part_nouns``: "the suspension of X's image generator"."""
    got = policies(tmp_path, "Regulators in Kenya ordered the suspension of Gemini's image generator.\n")
    assert ("Kenya", "Gemini") in got


def test_institution_suffix_types_an_organization(tmp_path):
    """``name_suffixes.Organization``: "Varnel Hospital" issues a rule, it is no place."""
    got = policies(tmp_path, "Use of ChatGPT is banned at Varnel Hospital, where staff must rely on approved tools.\n")
    assert ("Varnel Hospital", "ChatGPT") in got


def test_bare_staff_in_reported_speech_take_the_speakers_rule(tmp_path):
    """_reported_speaker with _bare_staff: "Acme said employees must not upload code to X"."""
    got = policies(tmp_path, "Quillon Corp said employees must not upload code to ChatGPT.\n")
    assert ("Quillon Corp", "ChatGPT") in got
    assert not got[("Quillon Corp", "ChatGPT")].get("reason")  # the rule is not its own reason


def test_place_agent_of_a_body_noun_is_the_body(tmp_path):
    """_policy_issuers: "imposed by Kenya's interior ministry" -> the ministry, not Kenya."""
    got = policies(tmp_path, "The ban on DeepSeek was imposed by Kenya's interior ministry on Monday.\n")
    assert ("interior ministry", "DeepSeek") in got and ("Kenya", "DeepSeek") not in got


def test_directive_to_a_maker_restricts_its_product(tmp_path):
    """_orders_maker: "ordered Acme to block its chatbot" restricts Acme's product."""
    got = policies(tmp_path, "The regulator in Kenya ordered Lumora Labs to block its chatbot in the country.\n")
    assert any(product == "Lumora Labs" for _, product in got)


def test_reason_of_a_copular_frame(tmp_path):
    """_copular_frame: "A is the latest firm to ban X, fearing Y" -> Y is the policy's reason."""
    text = "Torvane Telecom is the latest firm to crack down on ChatGPT, fearing leaks of confidential data.\n"
    assert "leaks of confidential data" in reasons(tmp_path, text, ("Torvane Telecom", "ChatGPT"))


def test_reason_of_a_policy_noun_subject(tmp_path):
    """sentence_policy: "the ban was imposed ... to protect X", "a ban ... took effect amid Y"."""
    text = "A ban on DeepSeek by Ohio took effect amid fears of espionage.\n"
    assert "espionage" in reasons(tmp_path, text, ("Ohio", "DeepSeek"))


def test_fronted_citing_and_weak_markers_on_an_object(tmp_path):
    """_reasons: "Citing X, A banned Y"; "banned Y from devices on national security grounds";
    "as a precaution" (a reason noun that is not vague)."""
    assert "security risks" in reasons(tmp_path, "Citing security risks, Ohio has blocked DeepSeek on state devices.\n",
                                       ("Ohio", "DeepSeek"))
    assert "national security" in reasons(
        tmp_path, "Ohio banned DeepSeek from state devices on national security grounds.\n", ("Ohio", "DeepSeek"))
    assert "precaution" in reasons(tmp_path, "Ohio has banned DeepSeek as a precaution.\n", ("Ohio", "DeepSeek"))


def test_justification_by_a_place_a_title_or_a_warning(tmp_path):
    """_justification: a place's statement ("..., saying it endangers X"), a titled speaker
    ("the state's cybersecurity chief said"), a warning ("warning that the app may collect Y")
    and an anaphor subject ("the ban was necessary to protect Z")."""
    assert "information security" in reasons(
        tmp_path, "Ohio has banned agencies from using DeepSeek, saying it endangers information security.\n",
        ("Ohio", "DeepSeek"))
    assert "unacceptable risk" in reasons(
        tmp_path, "Ohio has banned DeepSeek.\n\nThe state's cybersecurity chief said the app posed an unacceptable risk.\n",
        ("Ohio", "DeepSeek"))
    assert "keystrokes" in reasons(tmp_path, "Ohio banned DeepSeek, warning that the app may collect keystrokes.\n",
                                   ("Ohio", "DeepSeek"))
    assert "protect residents" in reasons(
        tmp_path, "Ohio has banned DeepSeek.\n\nThe state said the ban was necessary to protect residents' data.\n",
        ("Ohio", "DeepSeek"))


# ---------------------------------------- session 3: the third wave's features
# Rules for features the third wave of real articles showed (read on tune articles,
# written here with invented names and wording).

def test_acronym_spelled_by_a_name_is_its_alias(tmp_path):
    """entities.initials and _resolve_acronyms: "Varnel Rivers College" ... "VRC blocked X"
    (no brackets), and an acronym the tagger read as a common noun."""
    got = policies(tmp_path, "Students at Varnel Rivers College were told on Monday.\n\n"
                             "VRC has blocked DeepSeek on its network.\n")
    assert ("Varnel Rivers College", "DeepSeek") in got


def test_name_followed_by_its_own_acronym_is_an_organization(tmp_path):
    """EntityFinder._mention: "Health Kestria (HK) said ..." is a name though no model labels it."""
    ex = _facts(tmp_path, "Health Kestria (HK) said staff used ChatGPT.\n\nHK banned it on Friday.\n")
    assert any(e.label == "Health Kestria" and e.family == "Organization" for e in ex.entities.values())


def test_naming_verb_types_the_name_by_its_noun(tmp_path):
    """EntityFinder._context_votes with ``naming_verbs``: "an internal assistant called X"."""
    ex = _facts(tmp_path, "The bank said staff would use an internal assistant called Vellum.\n")
    assert [e.kind for e in ex.entities.values() if e.label == "Vellum"] == ["SoftwareProduct"]


def test_alternative_named_by_a_naming_verb_or_a_copula(tmp_path):
    """_sentence_alternative and _copular_alternative: "use an internal assistant called X
    instead", "X is an alternative available to staff"."""
    for second, alt in (("The bank said staff would instead use an internal assistant called Vellum.", "Vellum"),
                        ("Dravik Bank said Gemini is an alternative available to staff.", "Gemini")):
        ex = _facts(tmp_path, "Dravik Bank has barred its employees from using ChatGPT.\n\n" + second + "\n")
        alts = [a.label for f in ex.facts if f.kind == "policy" for a in f.entity_attrs.get("alternative", [])]
        assert alt in alts, second


def test_memo_sent_by_a_manager_states_the_organizations_rule(tmp_path):
    """_document_owner with ``document_nouns`` (and ``remind`` as a directive): "a memo was sent
    to staff, reminding them not to use X" is the rule of the organization the article names."""
    got = policies(tmp_path, "Dravik Health said staff had used chatbots.\n\n"
                             "A memo was sent from a senior manager to all staff, reminding them not to "
                             "use tools like ChatGPT or Gemini in their work.\n")
    assert {("Dravik Health", "ChatGPT"), ("Dravik Health", "Gemini")} <= set(got)


def test_reason_of_a_policy_sentence_without_issuer(tmp_path):
    """sentence_policy: "the use of X is strictly prohibited due to Y" names no issuer; Y is the
    reason of the policy stated before it."""
    text = ("Dravik Health told staff not to use ChatGPT.\n\n"
            "The use of ChatGPT for patient records is firmly forbidden due to privacy concerns.\n")
    assert "privacy" in reasons(tmp_path, text, ("Dravik Health", "ChatGPT"))


def test_passive_block_on_an_owners_network(tmp_path):
    """_policy_issuers with ``device_nouns``: "X is being blocked on Acme's network" -> Acme."""
    got = policies(tmp_path, "Access to DeepSeek is now being blocked on Varnel College's network.\n")
    assert ("Varnel College", "DeepSeek") in got


def test_company_owning_a_blocked_website_stands_for_its_app(tmp_path):
    """_owned_part: "blocked access to X's website" (and to "the startup's website", by
    coreference) restricts X's app, when the knowledge base knows one by X's name."""
    got = policies(tmp_path, "The Pellmont Agency moved to block access to DeepSeek's website.\n")
    assert ("Pellmont Agency", "DeepSeek") in got
    got = policies(tmp_path, "DeepSeek released a chatbot last week.\n\n"
                             "The Pellmont Agency then blocked access to the young start-up's website.\n")
    assert ("Pellmont Agency", "DeepSeek") in got


def test_precedent_is_no_reason_and_a_precaution_is(tmp_path):
    """_reason_clause with ``precedent_nouns``: "the move follows similar actions by A" gives no
    reason; "Acme's decision is a safeguard to protect X" gives Acme's policy its reason."""
    text = ("Varnel College has blocked DeepSeek on its network.\n\n"
            "The decision follows similar actions at two other schools.\n\n"
            "Varnel College's decision is a safeguard to protect the information of its students.\n")
    got = reasons(tmp_path, text, ("Varnel College", "DeepSeek"))
    assert "protect the information" in got and "similar actions" not in got


def test_dateline_with_a_region_in_a_later_paragraph_names_no_issuer(tmp_path):
    """kg.io.corpus.DATELINE_RE: "Tulsa City, OK - The State of Ohio has banned X" (a dateline that
    opens a later paragraph) gives no issuer and no entity."""
    got = policies(tmp_path, "Ohio bans DeepSeek on state devices\n\nA caption about a phone screen.\n\n"
                             "Tulsa City, OK - The State of Ohio has decided to ban DeepSeek on state devices.\n")
    assert not any(issuer == "Tulsa City" for issuer, _ in got)


def test_quoted_sentence_without_reporting_verb_gives_reasons(tmp_path):
    """_quoted_justification: a quote continued after "said Gov. X" names risks -> reasons."""
    text = ("Ohio has banned DeepSeek on state devices.\n\n"
            "\u201cWe will protect our data,\u201d said Governor Mike DeWine. \u201cThe app carries too many security "
            "risks, and we will keep foreign adversaries away from our information.\u201d\n")
    got = reasons(tmp_path, text, ("Ohio", "DeepSeek"))
    assert "security risks" in got and "foreign adversaries" in got


def test_officials_passive_and_pronoun_policies_are_their_governments(tmp_path):
    """_official_government: "X has been banned on Ohio government devices, Gov. Dana Holt
    announced" and "Holt said she issued the ban over Y" -> Ohio, with Y as its reason."""
    text = ("DeepSeek has been banned on Ohio government devices, Gov. Dana Holt announced Monday.\n\n"
            "Holt said she issued the ban over concerns about surveillance.\n")
    assert "surveillance" in reasons(tmp_path, text, ("Ohio", "DeepSeek"))  # (the surname: ArticleReader._source)


def test_untitled_person_speaks_for_no_government(tmp_path):
    """_official_government: a speaker without a government title names no issuer."""
    got = policies(tmp_path, "DeepSeek has been banned on Ohio government devices, Dana Holt wrote on Monday.\n")
    assert ("Ohio", "DeepSeek") not in got


def test_makers_of_restricted_goods_are_not_products(tmp_path):
    """_maker_of_goods and _owner_of_named_product: "export limits on A and B AI chips" and
    "chips including A's X100 and B's Y200" restrict the goods, not their makers."""
    got = policies(tmp_path, "Ohio has widened export limits on Nvidia and AMD AI chips bound for Kenya.\n")
    assert ("Ohio", "AI chips") in got and not {("Ohio", "Nvidia"), ("Ohio", "AMD")} & set(got)
    got = policies(tmp_path, "Ohio restricted exports of advanced chips, including Nvidia's H100 and AMD's MI250.\n")
    assert {("Ohio", "H100"), ("Ohio", "MI250")} <= set(got) and ("Ohio", "AMD") not in got


def test_company_standing_for_its_product_takes_its_short_name(tmp_path):
    """ArticleReader.product_of: "Vexa Holdings" ... "Ohio has banned Vexa" -> the product "Vexa"."""
    got = policies(tmp_path, "Vexa Holdings released a chatbot last year.\n\n"
                             "Ohio has banned Vexa on state devices, citing security risks.\n")
    assert ("Ohio", "Vexa") in got


def test_withheld_permission_is_a_ban(tmp_path):
    """_denied_use with ``policy.permission_nouns``: "does not grant permission for staff to use X"
    is a ban; granting it is none."""
    got = policies(tmp_path, "Dravik Bank does not grant staff permission to install DeepSeek.\n")
    assert ("Dravik Bank", "DeepSeek") in got
    assert not policies(tmp_path, "Dravik Bank gives staff permission to use ChatGPT.\n")


def test_negated_use_is_no_alternative(tmp_path):
    """_sentence_alternative: "asked employees not to use X" restricts X; X is no alternative."""
    ex = _facts(tmp_path, "Dravik Bank restricted ChatGPT.\n\n"
                          "The bank has also told its engineers to not use Copilot.\n")
    alts = [a.label for f in ex.facts if f.kind == "policy" for a in f.entity_attrs.get("alternative", [])]
    assert "Copilot" not in alts
    assert ("Dravik Bank", "Copilot") in {(f.roles["issuer"].label, f.roles["product"].label)
                                          for f in ex.facts if f.kind == "policy"}


def test_participle_raising_concerns_gives_the_fact_and_the_concern(tmp_path):
    """_concern_reasons: "..., raising X concerns" (a participle with no subject of its own) in a
    sentence after a policy gives the concern and the fact that raises it as its reasons."""
    text = ("Lumora Bank has blocked Qwen on its devices.\n\n"
            "A memo told staff that Qwen's servers sit outside Norway, raising security and privacy concerns.\n")
    got = reasons(tmp_path, text, ("Lumora Bank", "Qwen"))
    assert "security and privacy concerns" in got and "servers sit outside norway" in got


def test_titled_minister_issues_for_the_government_of_the_staffs_country(tmp_path):
    """_policy_issuers (_official_government) and the mention finder: "Transport minister X has
    banned Dutch civil servants from using Y": a portfolio word before a lower-case title is no
    organization, and the minister's government is the one of the staff's nationality."""
    got = policies(tmp_path, "Transport minister Sara Lind has banned Dutch civil servants from "
                             "using Qwen over fears of leaks.\n")
    assert ("Netherlands", "Qwen") in got and not any(k[0] == "Transport" for k in got)


def test_reason_stays_with_the_policy_it_follows(tmp_path):
    """_policies_at_site: an issuer's reason stated after one of its policies is not given to
    its other, earlier policies stated elsewhere in the article ("two years ago it banned Y")."""
    text = ("Two years ago Lumora Bank banned Telegram on work phones.\n\n"
            "Lumora Bank has now banned Qwen for all staff.\n\n"
            "The bank worries that the chatbot could leak client files.\n")
    assert "client files" in reasons(tmp_path, text, ("Lumora Bank", "Qwen"))
    assert "client files" not in reasons(tmp_path, text, ("Lumora Bank", "Telegram"))


def test_a_negated_use_stated_as_fact_is_no_rule(tmp_path):
    """_denied_use and _modal_or_directed: "X has never relied on Y" states a fact; "staff cannot
    use Y", "told staff not to use Y" and "Y is not permitted" are rules."""
    assert policies(tmp_path, "Lumora Bank has never relied on Qwen for its trading desk.\n") == {}
    for text in ("Staff at Lumora Bank cannot use Qwen.\n",
                 "Lumora Bank informed its workers not to share client files with Qwen.\n",
                 "Use of Qwen is not permitted at Lumora Bank.\n"):
        assert ("Lumora Bank", "Qwen") in policies(tmp_path, text), text


def test_the_tools_are_not_the_alternative_staff_were_sent_to(tmp_path):
    """_salient_product_before (_in_alternative_slot): "the tools" after "staff were directed to
    X" stand for the restricted products, not for X."""
    text = ("Lumora Bank has restricted staff use of Qwen.\n\n"
            "Workers have been directed to Lumora Helper, an assistant the bank built.\n\n"
            "The bank said the tools must not be used for client work.\n")
    got = policies(tmp_path, text)
    assert ("Lumora Bank", "Lumora Helper") not in got and ("Lumora Bank", "Qwen") in got


def test_a_headline_further_down_gives_no_reason_to_the_article(tmp_path):
    """_title_zone: a policy headline after the running text (a link to another story) does not
    give its reason to the article's policy; the same headline at the top does."""
    body = "Lumora Bank has banned Qwen for all of its staff at every branch in the country, the bank said.\n\n"
    link = "Lender Bans Chatbot Over Espionage Fears\n"
    tail = "\nThe bank did not say when the rule would be reviewed.\n"
    assert "espionage" not in reasons(tmp_path, body + link + tail, ("Lumora Bank", "Qwen"))
    assert "espionage" in reasons(tmp_path, link + "\n" + body, ("Lumora Bank", "Qwen"))


def test_the_issuer_referring_to_an_incident_gives_a_reason(tmp_path):
    """_cited_reasons (``reason.to_verbs``): "The bank referred to X" after its policy makes X a
    reason; "referred to as X" names something and gives none."""
    text = "Lumora Bank has banned Qwen.\n\nThe bank referred to a leak of client files last month.\n"
    assert "leak of client files" in reasons(tmp_path, text, ("Lumora Bank", "Qwen"))
    text = "Lumora Bank has banned Qwen.\n\nThe bank referred to the chatbot as a risky tool.\n"
    assert "chatbot" not in reasons(tmp_path, text, ("Lumora Bank", "Qwen"))


def test_justification_in_the_next_sentence(tmp_path):
    """ArticleLinker._justification_after: a policy with no reason takes the next sentence that
    names a risk; a later paragraph, a sentence with no risk word and another issuer's policy
    do not give one."""
    got = reasons(tmp_path, "Dravik Bank has banned ChatGPT on work laptops. Staff had pasted client "
                            "files into the chatbot, exposing them to outside servers.\n", ("Dravik Bank", "ChatGPT"))
    assert "exposing them to outside servers" in got
    got = reasons(tmp_path, "Dravik Bank has banned ChatGPT on work laptops. Employees can still use Gemini.\n\n"
                            "The bank reported record profits.\n\nAnalysts see a risk of slower growth.\n",
                  ("Dravik Bank", "ChatGPT"))
    assert got == ""
    got = reasons(tmp_path, "Dravik Bank has banned ChatGPT on work laptops. The bank said it was reviewing "
                            "its rules on new tools.\n", ("Dravik Bank", "ChatGPT"))
    assert got == ""
    got = reasons(tmp_path, "Dravik Bank has banned ChatGPT on work laptops. Torvane Insurance has banned "
                            "Gemini, citing the exposure of client files.\n", ("Dravik Bank", "ChatGPT"))
    assert "exposure" not in got


def test_a_reason_a_news_organization_reports_is_the_nearest_policys(tmp_path):
    """link_article_level: a statement a news organization reports ("..., Ostrava Radio
    reports") refines the policy before it; the reporter issues no policy."""
    got = reasons(tmp_path, "Utrecht has told its clerks to stop using ChatGPT. The municipality worries "
                            "that the tool could expose residents' files, Reuters reports.\n",
                  ("Utrecht", "ChatGPT"))
    assert "municipality worries" in got


# ------------------------------------------------------- agentless policies

def test_an_agentless_passive_takes_the_issuer_of_the_policy_before_it(tmp_path):
    """ArticleLinker._unattributed_issuer: "X and Y will be blocked on the network" names no
    issuer; the article's policy stated before it does."""
    got = policies(tmp_path, "The Varnel Assembly has banned DeepSeek from members' phones.\n\n"
                             "From Monday, WeChat and CapCut will also be blocked on every device "
                             "connected to the assembly network.\n")
    assert {("Varnel Assembly", "DeepSeek"), ("Varnel Assembly", "WeChat"),
            ("Varnel Assembly", "CapCut")} <= set(got)


def test_an_agentless_passive_takes_the_organization_the_article_is_about(tmp_path):
    """ArticleLinker._unattributed_issuer: with no policy named in the article, the subject of
    the sentence before, else the organization it names most often before the sentence (twice
    at least) issued it."""
    got = policies(tmp_path, "Torvane Logistics sent a memo to staff on Monday.\n\n"
                             "Torvane Logistics said the memo covered office devices.\n\n"
                             "WeChat will be blocked on all company laptops from June.\n")
    assert ("Torvane Logistics", "WeChat") in got
    got = policies(tmp_path, "Torvane Logistics sent a memo to staff on Monday.\n\n"
                             "The memo was two pages long.\n\n"
                             "WeChat will be blocked on all company laptops from June.\n")
    assert not got  # named once, and not the subject of the sentence before: not enough
    got = policies(tmp_path, "Torvane Logistics sent a memo to staff on Monday.\n\n"
                             "WeChat will be blocked on all company laptops from June.\n")
    assert ("Torvane Logistics", "WeChat") in got  # the subject of the sentence before (centering)


def test_a_party_not_allowed_to_act_is_no_agentless_policy(tmp_path):
    """PolicyReader._agentless: "X is not allowed to go there" bars a party; it restricts no product."""
    got = policies(tmp_path, "Pellmont Corp sued Zorblat on Tuesday.\n\n"
                             "Pellmont Corp said Zorblat is not allowed to enter its store.\n")
    assert not any(product == "Zorblat" and issuer != "Pellmont Corp" for issuer, product in got)


def test_the_product_a_banned_one_is_compared_with_is_not_banned(tmp_path):
    """PolicyReader._restricted_things (``policy.comparison_nouns``): "Kestria's answer to X",
    "a rival to X" describe what was banned; X is not."""
    got = policies(tmp_path, "Dravik Bank has banned Zorblat, a rival to ChatGPT, on staff laptops.\n")
    assert ("Dravik Bank", "Zorblat") in got and ("Dravik Bank", "ChatGPT") not in got


def test_a_use_allowed_only_one_way_is_a_restriction(tmp_path):
    """PolicyReader._only_permitted (``policy.only_words``): "allows staff to use X only through
    its portal", "permits X only on approved devices"; "not only" restricts nothing."""
    got = policies(tmp_path, "Torvane Steel lets its engineers use ChatGPT only via the company intranet.\n\n"
                             "Dravik Bank permits Gemini only on approved devices.\n\n"
                             "Pellmont Corp not only allows Claude but also pays for it.\n")
    assert got[("Torvane Steel", "ChatGPT")]["type"] == ["restriction"]
    assert got[("Dravik Bank", "Gemini")]["type"] == ["restriction"]
    assert ("Pellmont Corp", "Claude") not in got


def test_a_use_a_rule_calls_an_offense_is_banned(tmp_path):
    """PolicyReader._use_deemed_offense (``policy.offense_words``, ``policy.deem_verbs``): "using X
    in exams is a grave offense", "the use of X will be treated as cheating"; the speaker, else
    the subject of the sentence before, made the rule."""
    got = policies(tmp_path, "Varnel University said using ChatGPT during exams is a grave offense.\n\n"
                             "Kestrel College warned students on Monday. The use of Gemini in essays will be "
                             "treated as cheating.\n")
    assert got[("Varnel University", "ChatGPT")]["type"] == ["ban"]
    assert ("Kestrel College", "Gemini") in got
    assert not policies(tmp_path, "Reporters said cheating is an offense at Varnel University.\n")


def test_a_plural_description_bans_the_group_named_before(tmp_path):
    """PolicyReader._product_anaphors with ArticleReader.group_antecedent: "banned the three
    apps" bans each product of the three listed before."""
    got = policies(tmp_path, "Researchers tested three apps, Gemini, Claude and Copilot, last month.\n\n"
                             "Dravik Bank has banned the three apps on staff laptops.\n")
    assert {("Dravik Bank", "Gemini"), ("Dravik Bank", "Claude"), ("Dravik Bank", "Copilot")} <= set(got)


def test_an_agentless_ban_after_an_officials_sentence_is_the_officials_government(tmp_path):
    """PolicyReader._centering_issuer: the sentence before names a governor as its subject;
    "X will be blocked on state devices" is the governor's state's policy."""
    got = policies(tmp_path, "Ohio Gov. Dana Whitfield signed an executive order on Monday.\n\n"
                             "DeepSeek will be blocked on all state devices.\n")
    assert ("Ohio", "DeepSeek") in got


def test_the_bans_cover_x_with_no_policy_before_takes_the_discourse_issuer(tmp_path):
    """ArticleLinker (extension without a policy before it): "The bans cover X and Y" takes the
    issuer of the discourse; "a ChatGPT competitor" is no banned product
    (``policy.comparison_nouns`` after the name)."""
    got = policies(tmp_path, "Torvane Logistics updated its device rules on Monday.\n\n"
                             "Torvane Logistics said the rules protect customer data.\n\n"
                             "The bans apply to Copilot, a Gemini competitor, and WeChat.\n")
    assert ("Torvane Logistics", "Copilot") in got and ("Torvane Logistics", "WeChat") in got
    assert ("Torvane Logistics", "Gemini") not in got


def test_a_technology_restricted_as_a_class_is_the_product(tmp_path):
    """PolicyReader._technology_class (``policy.technology_classes``): "ordered Acme to stop using
    facial recognition technology" restricts that technology."""
    got = policies(tmp_path, "The Kestria Data Protection Authority has told Velmar Gyms to stop using facial "
                             "recognition technology to monitor staff.\n")
    assert any(product == "facial recognition technology" for _, product in got)


def test_the_reason_of_a_policy_on_something_unnamed_is_the_issuers(tmp_path):
    """sentence_policy: "X banned <something unnamed> because Y" gives Y to X's policies on named
    products stated elsewhere in the article."""
    got = policies(tmp_path, "Dravik Bank banned several chat tools on Monday because they could leak client data.\n\n"
                             "Dravik Bank has blocked DeepSeek on staff laptops.\n")
    assert "leak client data" in " ".join(got[("Dravik Bank", "DeepSeek")].get("reason", []))


def test_the_purpose_of_the_plan_a_move_belongs_to(tmp_path):
    """_reason_clause (``reason.purpose_nouns``): "The move is part of X's plan to reach Y" and
    "The move marks its boldest attempt so far to purge Z" give the policy before its reasons."""
    got = reasons(tmp_path, "Kestria has banned imports of Zorvane chips. The move is part of Kestria's long-term "
                            "plan to reach independence in chipmaking.\n", ("Kestria", "Zorvane"))
    assert "independence in chipmaking" in got
    got = reasons(tmp_path, "Kestria has banned Trellis chips. The move marks Kestria's boldest attempt so far "
                            "to purge imported hardware from its networks.\n", ("Kestria", "Trellis"))
    assert "purge imported hardware" in got


def test_what_the_issuer_stresses_in_making_the_rule(tmp_path):
    """_reasons (``reason.stating_participles``): "banned X, stressing that Y" gives Y as a reason."""
    got = reasons(tmp_path, "Dravik Bank has banned ChatGPT, stressing that staff must protect client data.\n",
                  ("Dravik Bank", "ChatGPT"))
    assert "protect client data" in got


def test_what_an_order_stops_is_its_reason(tmp_path):
    """sentence_policy (a stop verb's "from" + gerund): "to stop its assistant, X, from producing
    violent images" gives the practice stopped as the reason."""
    got = reasons(tmp_path, "Brazilian officials have given Zorvane Labs three days to stop its assistant, Grok, "
                            "from producing violent images.\n", ("Brazil", "Grok"))
    assert "producing violent images" in got


def test_a_decision_made_in_line_with_a_ground(tmp_path):
    """_reason_clause and _marker_phrase_object (``reason.marker_phrases``): "The choice was taken by
    A with B and in line with X" (the marker in a second, coordinated phrase) gives X."""
    got = reasons(tmp_path, "Kestria will block DeepSeek on all parliamentary devices. The choice was taken by "
                            "the chair with the backing of the board and in line with advice from security "
                            "analysts.\n", ("Kestria", "DeepSeek"))
    assert "advice from security analysts" in got


def test_a_finding_of_risk_after_the_policy(tmp_path):
    """_justification (``reason.finding_verbs`` as voices): "X has determined that the security risks
    are too high" after X's policy is its reason."""
    got = reasons(tmp_path, "The Kestrel Assembly Office will block DeepSeek on all devices. The Kestrel Assembly "
                            "Office has determined that the security risks are too high.\n",
                  ("Kestrel Assembly Office", "DeepSeek"))
    assert "security risks are too high" in got


def test_a_description_after_a_name_and_a_comma_is_that_name(tmp_path):
    """named_before_description: "B, the company founded by X, did not respond" is B, not the
    subject of the sentence before."""
    ex = _facts(tmp_path, "Zorblat restricts Quindle\n\nZorblat has restricted the Quindle app on staff laptops.\n\n"
                          "Brimlow, the company founded by Dana Holt, did not immediately respond to a request "
                          "for comment.\n")
    parties = {f.roles["party"].label for f in ex.facts if f.kind == "nonresponse"}
    assert parties == {"Brimlow"}


def test_similar_steps_by_a_body_that_states_its_own_ban(tmp_path):
    """_similar_policies: "similar steps by B, which banned Y" are B's ban of Y, not a copy of
    the policy before."""
    got = policies(tmp_path, "Zorblat restricts Quindle\n\nZorblat has restricted the Quindle app on staff laptops.\n\n"
                             "The move follows similar steps by Brimlow Bank, which banned DeepSeek in January.\n")
    assert ("Brimlow Bank", "DeepSeek") in got and ("Brimlow Bank", "Quindle") not in got


def test_the_company_in_a_suit_s_reported_clause_is_the_other_party(tmp_path):
    """_other_party_reported: "A sued B, saying the company trained X" (B trained X)."""
    ex = _facts(tmp_path, "Suit news\n\nZorblat sued Brimlow on Tuesday, saying the company trained Mistral Large "
                          "on stolen code.\n")
    made = {(f.roles["developer"].label, f.roles["product"].label) for f in ex.facts if f.kind == "development"}
    assert ("Zorblat", "Mistral Large") not in made


def test_a_maker_that_built_the_named_app(tmp_path):
    """sentence_development: "Y built the X app", "Y trained the X model" (the name modifies the
    verb's object); "A said the company built ..." is A."""
    ex = _facts(tmp_path, "Suit news\n\nZorblat sued Brimlow on Tuesday, saying the company trained the Vortiq "
                          "model on stolen code.\n\nKestrel Labs said on Monday the company built the Quindle app.\n")
    made = {(f.roles["developer"].label, f.roles["product"].label) for f in ex.facts if f.kind == "development"}
    assert {("Brimlow", "Vortiq"), ("Kestrel Labs", "Quindle")} <= made


def test_officials_reasons_after_side_mentions_go_to_the_articles_policy(tmp_path):
    """link_article_level: "The order follows similar moves by A and B. Officials cited concerns
    that X" gives the reason to the article's own policy, not to the side mentions; the "that"
    clause the parser breaks off stays whole (_broken_content_clause)."""
    got = policies(tmp_path, "Ministry bars chatbot\n\nKestria's defence ministry has told its personnel to stop "
                             "using Zorblat on work phones.\n\nThe instruction follows similar moves by Norway and "
                             "Italy. Officials cited concerns that data entered into the chatbot could be accessed "
                             "by foreign intelligence services.\n")
    ministry = next(k for k in got if k[1] == "Zorblat" and "ministry" in k[0])
    assert any("foreign intelligence services" in r for r in got[ministry].get("reason", []))
    assert not got.get(("Norway", "Zorblat"), {}).get("reason")


def _alternatives(tmp_path, text: str) -> set[tuple[str, str, str]]:
    ex = _facts(tmp_path, text)
    return {(f.roles["issuer"].label, f.roles["product"].label, a.label)
            for f in ex.facts if f.kind == "policy" for a in f.entity_attrs.get("alternative", [])}


def test_an_alternative_offered_instead_in_an_adverbial_clause(tmp_path):
    """_sentence_alternative / _in_alternative_slot: "banned X, offering staff access to Y
    instead": Y is the alternative, not a second banned product."""
    text = "Policy news\n\nZorblat Bank banned ChatGPT, offering employees access to Gemini instead.\n"
    assert ("Zorblat Bank", "ChatGPT", "Gemini") in _alternatives(tmp_path, text)
    assert ("Zorblat Bank", "Gemini") not in policies(tmp_path, text)


def test_approved_tools_listed_after_a_ban_are_alternatives(tmp_path):
    """_sentence_alternative: "Staff should use approved tools such as Y" after "A has banned X";
    Y's maker, who restricts nothing, is not the issuer (link_article_level)."""
    text = "Policy news\n\nZorblat Bank has banned DeepSeek. Staff should use approved tools such as Microsoft Copilot.\n"
    assert ("Zorblat Bank", "DeepSeek", "Microsoft Copilot") in _alternatives(tmp_path, text)
