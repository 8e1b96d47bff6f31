"""Policy: bans and restrictions with issuer, product, scope, region and date (cq01, cq11).

A mixin of :class:`kg.extract.facts.ArticleReader`: its methods read one sentence in its
discourse context (``self.article``, ``self.block``, ``self.sent``, the mentions) and
emit :class:`kg.extract.syntax.Observation` objects through ``self.emit``. Word lists
come from ``kg/data/lexicon.json`` (``self.lex``; its ``policy`` section holds the trigger
words) and ``kg/data/frames/policy.json`` (the function words and small classes the rules
test); the pronouns and determiners shared with the article reader from
``kg/data/frames/facts.json``. All are read once, when the module is loaded.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..nlp.entities import Entity, Mention
from ..nlp.kb import merge_key, normalize
from ..resources import lexicon
from . import frame_data
from .alternative import excepted
from .reason import LIFT_VERBS, STRONG_CLAUSE_MARKS
from .syntax import CLAUSE_UP, RELATIVE, conjuncts, normalize_date, phrase, phrase_verb_clause

_WORDS = frame_data("policy")
_SHARED = frame_data("facts")
#: "seek approval", "need permission": a restriction (lemmas).
APPROVAL_NOUNS = frozenset(_WORDS["approval_nouns"])
#: verbs of an approval a rule requires ("seek", "obtain"; lemmas).
APPROVAL_VERBS = frozenset(_WORDS["approval_verbs"])
#: adjectives that state a policy when negated ("won't be available in the EU"; lemmas).
AVAILABILITY_ADJECTIVES = frozenset(_WORDS["availability_adjectives"])
#: prepositions over a ban noun that names no new policy ("a way around the ban", "hit by the
#: ban"; lower-case text).
EVASION_HEADS = frozenset(_WORDS["evasion_heads"])
#: modals of a removal order ("agencies must remove X from ..."; lower-case text).
REMOVAL_MODALS = frozenset(_WORDS["removal_modals"])
#: prepositions of the list a party is put on ("added to the Entity List"; lower-case text).
LIST_PREPS = frozenset(_WORDS["list_preps"])
#: words a headline's reason skips after its marker ("Due to", "Because of"; lower-case text).
MARKER_PARTICLES = frozenset(_WORDS["marker_particles"])
#: prepositions that end a headline's list of products ("... On Work Phones"; lower-case text).
HEADLINE_LIST_STOPS = frozenset(_WORDS["headline_list_stops"])
#: possessives of a party's own thing ("its reporters", "their devices"; lower-case text).
OWN_POSSESSIVES = frozenset(_WORDS["own_possessives"])
#: "A joins B in banning X", "A followed B in blocking X" (lemmas).
JOINING_VERBS = frozenset(_WORDS["joining_verbs"])
#: prepositions of the region a product is withheld in ("in the EU", "from Europe"; lower-case text).
WITHHELD_REGION_PREPS = frozenset(_WORDS["withheld_region_preps"])
#: nouns a nationality word makes a region of ("EU users", "European market"; lemmas).
MARKET_NOUNS = frozenset(_WORDS["market_nouns"])
#: verbs that extend a policy stated before ("the ban also covers X"; lemmas).
EXTENSION_VERBS = frozenset(_WORDS["extension_verbs"])
#: nouns of the list a policy names, as subjects of an extension ("the list includes X"; lemmas).
EXTENSION_LIST_NOUNS = frozenset(_WORDS["extension_list_nouns"])
#: prepositions of a subject that lists its members ("states including A and B"; lower-case text).
SUBJECT_MEMBER_PREPS = frozenset(_WORDS["subject_member_preps"])
#: prepositions that list members ("including", "like", "such as"; lower-case text).
MEMBER_PREPS = frozenset(_WORDS["member_preps"])
#: prepositions of the organization a passive rule holds at ("blocked at Acme"; lower-case text).
PASSIVE_SITE_PREPS = frozenset(_WORDS["passive_site_preps"])
#: prepositions of the devices or network a rule holds on ("blocked on Acme's network"; lower-case text).
DEVICE_PREPS = frozenset(_WORDS["device_preps"])
#: prepositions of the place after a government noun ("the state of Ohio"; lower-case text).
PLACE_PREPS = frozenset(_WORDS["place_preps"])
#: prepositions of the place a passive policy holds in ("blocked in Kestria"): its government issues it.
PASSIVE_PLACE_PREPS = frozenset(_WORDS["passive_place_preps"])
#: prepositions of the organization a spokesperson or officer speaks for ("a spokesperson for Acme").
SPOKESPERSON_PREPS = frozenset(_WORDS["spokesperson_preps"])
#: pronouns of an official speaking ("said she issued the ban"; lower-case text).
OFFICIAL_PRONOUNS = frozenset(_WORDS["official_pronouns"])
#: pronouns that stand for a speaking organization ("said they had blocked X"; lower-case text).
SPEAKER_PRONOUNS = frozenset(_WORDS["speaker_pronouns"])
#: copulas that class an issuer ("A is the latest firm to ban X"; lemmas).
CLASS_COPULAS = frozenset(_WORDS["class_copulas"])
#: verbs that place a subject in a class ("A is among the agencies that ..."; lemmas).
CLASS_MEMBER_VERBS = frozenset(_WORDS["class_member_verbs"])
#: verbs whose object lists the members of their subject's class ("lenders that have banned X
#: include A and B"; lemmas).
MEMBERSHIP_VERBS = frozenset(_WORDS["membership_verbs"])
#: prepositions of a class ("some of the firms", "among the agencies"; lower-case text).
CLASS_PREPS = frozenset(_WORDS["class_preps"])
#: prepositions of the organization staff belong to ("employees at Acme"; lower-case text).
STAFF_ORG_PREPS = frozenset(_WORDS["staff_org_preps"])
#: modifiers that are no part of a government body's name ("new", "federal"; lower-case text).
NON_BODY_MODIFIERS = frozenset(_WORDS["non_body_modifiers"])
#: marks of a hypothetical clause ("whether", "if"; lower-case text).
HYPOTHETICAL_MARKS = frozenset(_WORDS["hypothetical_marks"])
#: prepositions of where a product is found or put ("from the app store"; lower-case text).
SITE_PREPS = frozenset(_WORDS["site_preps"])
#: prepositions of the platform content is shared on ("content shared on X"; lower-case text).
PLATFORM_PREPS = frozenset(_WORDS["platform_preps"])
#: degree words dropped at the start of unnamed goods ("more advanced chips"; lower-case text).
LEADING_DEGREE_WORDS = frozenset(_WORDS["leading_degree_words"])
#: heads of a class of goods a policy may restrict unnamed ("VPN apps", "foreign smartphones",
#: "design software"; lemmas) and the quantity words dropped before one ("several VPN apps").
CLASS_GOODS = frozenset(_WORDS["class_goods"])
QUANTITY_WORDS = frozenset(_WORDS["quantity_words"])
#: those of them that name a class in the singular ("design software"; lemmas)
MASS_GOODS = frozenset(_WORDS["mass_goods"])
#: devices, a class even without a modifier ("banned the use of smartphones"; lemmas)
DEVICE_GOODS = frozenset(_WORDS["device_goods"])
#: verbs of trading goods a rule bars someone from ("barred A from selling X"; lemmas)
TRADE_VERBS = frozenset(_WORDS["trade_verbs"])
#: words of a class that sweeps up the rest of a list ("X and other similar apps"; lower-case text)
CATCH_ALL_WORDS = frozenset(_WORDS["catch_all_words"])
#: a country's own bodies, named without a name ("the army", "the government", "authorities"; lemmas)
NATIONAL_BODY_NOUNS = frozenset(_WORDS["national_body_nouns"])
#: words of a public-sector scope ("government devices", "civil servants"; lower-case text)
PUBLIC_SECTOR_WORDS = frozenset(_WORDS["public_sector_words"])
#: prepositions of where a switch verb goes ("switch to X", "steer staff toward X"; lower-case text)
SWITCH_PREPS = frozenset(_WORDS["switch_preps"])
#: comparatives that end a class of AI products on the left ("more AI tools"; lower-case text).
COMPARATIVES = frozenset(_WORDS["comparatives"])
#: prepositions of a thing's maker ("technology from X", "apps developed by X"; lower-case text).
MAKER_PREPS = frozenset(_WORDS["maker_preps"])
#: verbs of getting a product ("download", "buy"; lemmas).
ACQUIRE_VERBS = frozenset(_WORDS["acquire_verbs"])
#: verbs of making goods ("chips made by X"; lemmas).
GOODS_MAKER_VERBS = frozenset(_WORDS["goods_maker_verbs"])
#: prepositions of a data practice's owner ("processing by Acme"; lower-case text).
DATA_OWNER_PREPS = frozenset(_WORDS["data_owner_preps"])
#: prepositions of the thing restricted ("a ban on X", "use of X"; lower-case text).
OBJECT_PREPS = frozenset(_WORDS["object_preps"])
#: prepositions of a locative phrase ("in X", "users from X"; lower-case text).
LOCATIVE_PREPS = frozenset(_WORDS["locative_preps"])
#: clauses that give a policy's grounds, not its scope ("citing X", "following Y"; lemmas).
CITING_VERBS = frozenset(_WORDS["citing_verbs"])
#: verbs of an accusation in a participle after a policy ("blocked X, accusing Y of ..."; lemmas):
#: whom it accuses is no restricted thing
ACCUSING_VERBS = frozenset(_WORDS["accusing_verbs"])
#: verbs of a lasting state a participle completes ("X will remain blocked"; lemmas): the
#: participle states an agentless policy on the verb's subject
STATE_VERBS = frozenset(_WORDS["state_verbs"])
#: prepositions of what a control noun governs ("controls on the use of X"; lower-case text).
CONTROL_PREPS = frozenset(_WORDS["control_preps"])
#: adverbs of a replacement ("use X instead"; lower-case text).
INSTEAD_WORDS = frozenset(_WORDS["instead_words"])
#: verbs that move staff to another product ("switch to X"; lemmas).
SWITCH_VERBS = frozenset(_WORDS["switch_verbs"])
#: verbs of an organization dropping a product ("dumps X for Y"; lemmas).
DROP_VERBS = frozenset(_WORDS["drop_verbs"])
#: verbs of an organization putting another product in a product's place ("replaced X with Y",
#: "swapped X for Y"; lemmas): read as :data:`DROP_VERBS` when the replacement is named.
REPLACE_VERBS = frozenset(_WORDS["replace_verbs"])
DROP_OR_REPLACE_VERBS = DROP_VERBS | REPLACE_VERBS
#: prepositions of what replaces a dropped product ("dumped X for Y"; lower-case text).
REPLACEMENT_PREPS = frozenset(_WORDS["replacement_preps"])
#: prepositions of what a replaced product is replaced with ("with Y", "by Y", "for Y").
REPLACE_PREPS = frozenset(_WORDS["replace_preps"])
#: nouns of "in favor of Y" (lower-case text).
FAVOR_NOUNS = frozenset(_WORDS["favor_nouns"])
#: nouns that compare a product with another ("Kestria's answer to X", "a rival of X"): X is not restricted
COMPARISON_NOUNS = frozenset(_WORDS["comparison_nouns"])
COMPARISON_PREPS = frozenset(_WORDS["comparison_preps"])
ONLY_WORDS = frozenset(_WORDS["only_words"])
OFFENSE_WORDS = frozenset(_WORDS["offense_words"])
DEEM_VERBS = frozenset(_WORDS["deem_verbs"])
DEEM_PREPS = frozenset(_WORDS["deem_preps"])
#: verbs that designate a party a security risk ("classified X as a supply chain risk")
DESIGNATION_VERBS = frozenset(_WORDS["designation_verbs"])
#: the designation's head noun and the modifiers that make it one ("a national security threat")
DESIGNATION_NOUNS = frozenset(_WORDS["designation_nouns"])
DESIGNATION_MODIFIERS = frozenset(_WORDS["designation_modifiers"])
#: "in favor of X" (lower-case text).
FAVOR_WORDS = frozenset(_WORDS["favor_words"])
#: determiners of a definite description ("the", "this", "that"; lower-case text; facts.json).
DEFINITE_DETERMINERS = frozenset(_SHARED["definite_determiners"])
#: pronouns that never stand for a person ("it", "its"; lower-case text; facts.json).
NEUTER_PRONOUNS = frozenset(_SHARED["neuter_pronouns"])

# The lexicon's lists that the rules test, as sets and unions built once.
_LEX = lexicon()
_POL = _LEX["policy"]
BAN_VERBS = frozenset(_POL["ban"])
RESTRICTION_VERBS = frozenset(_POL["restriction"])
BAN_NOUNS = frozenset(_POL["ban_nouns"])
RESTRICTION_NOUNS = frozenset(_POL["restriction_nouns"])
STOP_VERBS = frozenset(_POL["stop_verbs"])
#: verbs of using a product ("use", "access", "install"; lemmas; ``policy.use_verbs``).
USE_VERBS = frozenset(_POL["use_verbs"])
#: nouns of using a product ("use", "misuse", "access"; lemmas; ``policy.use_nouns``).
USE_NOUNS = frozenset(_POL["use_nouns"])
#: words between a headline's issuer and its policy verb ("A to Ban X", "A Will Block X"; lower-case text).
HEADLINE_AUXILIARIES = frozenset(_WORDS["headline_auxiliaries"])
#: prepositions of the platform a class of products is barred from ("ban AI chatbots from X"; lower-case text).
CLASS_PLATFORM_PREPS = frozenset(_WORDS["class_platform_preps"])
#: time nouns of a deadline ("gave X five days to stop Y"; lemmas).
DEADLINE_NOUNS = frozenset(_WORDS["deadline_nouns"])
#: modals of a restraint a ruling imposes ("ruled that Acme must stop ..."; lower-case text).
RESTRAINT_MODALS = frozenset(_WORDS["restraint_modals"])
#: nouns of rules an issuer enacts on a product or on AI ("new rules on X"; lemmas).
RULE_NOUNS = frozenset(_WORDS["rule_nouns"])
#: words that make a measure the same as one stated before ("similar bans by A and B"; lower-case text).
SIMILAR_WORDS = frozenset(_WORDS["similar_words"])
#: nouns of a move that, made similar, repeats a policy ("similar steps", "similar moves"; lemmas).
SIMILAR_MOVE_NOUNS = frozenset(_WORDS["similar_move_nouns"])
#: verbs whose subject makes a similar move its own ("A has taken similar steps"; lemmas).
SIMILAR_MOVE_VERBS = frozenset(_WORDS["similar_move_verbs"])
#: verbs of others repeating a move ("a move echoed by A and B"; lemmas).
ECHO_VERBS = frozenset(_WORDS["echo_verbs"])
#: the noun of "follow suit" ("A and B followed suit"; lower-case text).
SUIT_NOUNS = frozenset(_WORDS["suit_nouns"])
#: verbs of a clause that says what rules govern ("a policy regulating the use of X"; lemmas).
RULE_CLAUSE_VERBS = frozenset(_WORDS["rule_clause_verbs"])
#: prepositions of what rules are on ("rules on X", "guidelines for X"; lower-case text).
RULE_PREPS = frozenset(_WORDS["rule_preps"])
#: lemmas of a ban or restriction verb (``policy.ban``, ``policy.restriction``).
POLICY_VERBS = BAN_VERBS | RESTRICTION_VERBS
#: lemmas of a ban or restriction noun (``policy.ban_nouns``, ``policy.restriction_nouns``).
POLICY_NOUNS = BAN_NOUNS | RESTRICTION_NOUNS
#: every lemma that can state a policy on its own (a pre-filter of ``sentence_policy``).
POLICY_LEMMAS = frozenset(
    [*_POL["ban"], *_POL["restriction"], *_POL["ban_nouns"], *_POL["restriction_nouns"], *APPROVAL_NOUNS,
     *_POL["removal_verbs"], *_POL["phrasal_restriction"], *_POL["use_verbs"], *_POL["release_verbs"],
     *_POL["withhold_verbs"], *_POL["control_nouns"], *AVAILABILITY_ADJECTIVES])
#: lemmas that can state a policy: :data:`POLICY_LEMMAS`, the verbs of ``policy.phrasal_ban``
#: ("phase out") and ``policy.prep_restriction``, ``policy.permission_words`` ("not
#: permitted"), ``policy.hinder_verbs``, ``policy.possession_verbs`` and ``policy.deprive_verbs``
#: ("revoked access to X") and ``policy.offense_words`` ("using X is an offense").
POLICY_TRIGGERS = POLICY_LEMMAS | {p.split()[0] for p in [*_POL["phrasal_ban"], *_POL["prep_restriction"]]} \
    | frozenset(_POL["permission_words"]) | frozenset(_POL["hinder_verbs"]) | frozenset(_POL["possession_verbs"]) \
    | frozenset(_POL["deprive_verbs"]) | OFFENSE_WORDS | frozenset(_WORDS["rule_nouns"]) | frozenset(_POL["removal_nouns"])
#: ban and restriction verbs other than the stop verbs: what a participle mistagged as an
#: adjective may stand for ("disabled access to X").
MISTAGGED_VERBS = POLICY_VERBS - STOP_VERBS
REMOVAL_VERBS = frozenset(_POL["removal_verbs"])
#: verbs a headline states a policy with: ban, restriction and removal verbs, but the stop verbs.
HEADLINE_VERBS = (POLICY_VERBS | REMOVAL_VERBS) - STOP_VERBS
#: headline verbs that state a ban (the others state a restriction).
HEADLINE_BAN_VERBS = BAN_VERBS | REMOVAL_VERBS
#: "generative AI" itself names a class of products (``policy.bare_ai_heads``).
BARE_AI_HEADS = frozenset(_POL["bare_ai_heads"])
#: ``policy.phrasal_ban`` as (verb, particle) pairs ("shut", "off").
PHRASAL_BAN_PAIRS = frozenset(tuple(p.split()) for p in _POL["phrasal_ban"])
#: reason markers of a headline ("over", "amid"; ``reason.markers`` and ``reason.strong_markers``).
REASON_MARKERS = frozenset(_LEX["reason"]["markers"]) | frozenset(_LEX["reason"]["strong_markers"])
#: words that end a headline's list of products: a reason marker or a preposition of scope.
HEADLINE_LIST_END = REASON_MARKERS | HEADLINE_LIST_STOPS
STORE_NOUNS = frozenset(_POL["store_nouns"])
#: ``named_only`` of a policy that needs a named product or a class of AI products as its object
CLASS_OBJECT = "object"
#: determiners of a description that the article names only later ("an app")
INDEFINITE_DETERMINERS = frozenset(_WORDS["indefinite_determiners"])
#: what a company's shares are removed from ("delisted from the Nasdaq"): no product is restricted there
EXCHANGE_NOUNS = frozenset(_POL["exchange_nouns"])
CONTROL_LIST_NOUNS = frozenset(_POL["control_list_nouns"])
CONTROL_LIST_MODIFIERS = frozenset(_POL["control_list_modifiers"])
BANNED_LIST_ADJECTIVES = frozenset(_POL["banned_list_adjectives"])
POLICY_CONTAINER_NOUNS = frozenset(_POL["policy_container_nouns"])
DOCUMENT_NOUNS = frozenset(_POL["document_nouns"])
POLICY_ANAPHORS = frozenset(_POL["policy_anaphors"])
#: nouns of a policy that others repeat ("a move echoed by A"; lemmas).
ECHO_HEADS = POLICY_ANAPHORS | SIMILAR_MOVE_NOUNS
#: nouns of a measure: a place under one is that measure's site ("curbs in Kestria"; lemmas).
MEASURE_NOUNS = POLICY_ANAPHORS | frozenset(_POL["ban_nouns"]) | frozenset(_POL["restriction_nouns"])
#: a policy document or a word that refers back to a policy ("the order", "the ban").
CONTAINERS_OR_ANAPHORS = POLICY_CONTAINER_NOUNS | POLICY_ANAPHORS
GOVERNMENT_NOUNS = frozenset(_POL["government_nouns"])
NATIONAL_MODIFIERS = frozenset(_POL["national_modifiers"])
NATIONAL_HEADS = frozenset(_POL["national_heads"])
GOVERNMENT_TITLES = frozenset(_POL["government_titles"])
PERMISSION_WORDS = frozenset(_POL["permission_words"])
DIRECTIVE_VERBS = frozenset(_POL["directive_verbs"])
SCOPE_NOUNS = frozenset(_POL["scope_nouns"])
PRODUCT_NOUNS = frozenset(_POL["product_nouns"])
#: nouns of a product or of its use ("X's app", "X's use").
PRODUCT_OR_USE_NOUNS = PRODUCT_NOUNS | USE_NOUNS
GENERIC_GOODS = frozenset(_POL["generic_goods"])
TRADE_NOUNS = frozenset(_POL["trade_nouns"])
#: nouns of trading or using goods ("sales of X", "the use of X")
TRADE_OR_USE_NOUNS = TRADE_NOUNS | USE_NOUNS
#: heads of a class of AI products ("generative AI apps"): product nouns but ``policy.not_class_heads``.
AI_CLASS_HEADS = PRODUCT_NOUNS - frozenset(_POL["not_class_heads"])
AI_CLASS_WORDS = frozenset(_POL["ai_class_words"])
#: technologies a rule restricts as a class ("facial recognition technology"): phrases as word tuples.
TECHNOLOGY_CLASSES = tuple(tuple(p.split()) for p in _WORDS["technology_classes"])
#: the first words of those phrases (a token that starts none is skipped at once)
TECHNOLOGY_CLASS_STARTS = frozenset(p[0] for p in TECHNOLOGY_CLASSES)
#: one-word technologies a rule restricts as a class ("the use of deepfakes"; lemmas).
TECHNOLOGY_NOUNS = frozenset(_WORDS["technology_nouns"])
TECHNOLOGY_HEADS = frozenset(_WORDS["technology_heads"])
#: verbs whose agent makes the policy a noun names ("the ban was imposed by Acme"):
#: ``policy.enact_verbs`` and the ban and restriction verbs themselves.
ENACTING_VERBS = frozenset(_POL["enact_verbs"]) | POLICY_VERBS
#: nouns that name someone who speaks for an organization ("a spokesperson for Acme", "Acme's
#: chief information officer"): ``policy.speaker_nouns``, ``reason.speaker_nouns``, ``reason.role_nouns``.
ROLE_NOUNS = frozenset(_POL["speaker_nouns"]) | frozenset(_LEX["reason"]["speaker_nouns"]) \
    | frozenset(_LEX["reason"]["role_nouns"])
#: nouns a policy is stated with, before "on X" ("a ban on X", "measures on X").
POLICY_OBJECT_NOUNS = BAN_NOUNS | RESTRICTION_NOUNS | frozenset(_POL["measure_nouns"])
#: verbs of a policy, for telling a participle that describes a noun from one ("content shared on X").
POLICY_ACTION_VERBS = POLICY_VERBS | frozenset(_POL["phrasal_restriction"]) | frozenset(_POL["hinder_verbs"])
#: descriptions that refer back to a product ("the app", "the model"; ``anaphors.Product`` and
#: ``product_anaphor_nouns``).
PRODUCT_ANAPHOR_NOUNS = frozenset(_LEX["anaphors"]["Product"]) | frozenset(_WORDS["product_anaphor_nouns"])
STAFF_NOUNS = frozenset(_LEX["staff_nouns"])
#: staff nouns and their forms without a final "s" (the lemmatizer keeps some plurals).
STAFF_FORMS = STAFF_NOUNS | {w.rstrip("s") for w in STAFF_NOUNS}
#: who a rule for staff binds: staff nouns and ``policy.scope_nouns``.
STAFF_OR_SCOPE = STAFF_NOUNS | SCOPE_NOUNS
#: staff, scope and organ nouns ("the board of Acme voted to ban X"), with their forms without "s".
BOUND_PARTIES = STAFF_OR_SCOPE | frozenset(_POL["organ_nouns"])
BOUND_PARTY_FORMS = BOUND_PARTIES | {w.rstrip("s") for w in BOUND_PARTIES}
SEAT_VERBS = frozenset(_LEX["location"]["seat_verbs"])
#: the agents :meth:`PolicyFrame._policy_issuers` looks for, in one walk of the clause chain:
#: organizations, places (acting as their governments) and persons (for the office they hold).
ISSUER_KINDS = (frozenset({"Organization"}), frozenset({"Place"}), frozenset({"Person"}))


class PolicyFrame:
    """Policy frame (mixin of :class:`kg.extract.facts.ArticleReader`)."""

    def sentence_policy(self, sent: Span) -> None:
        """Bans and restrictions, with scope, region, date, reason and alternative."""
        pol = self.lex["policy"]
        ban_v, stop_v = BAN_VERBS, STOP_VERBS
        seen_pairs: set = set()  # (product, issuer) pairs emitted in this sentence
        generic: str | None = None
        triggers = POLICY_TRIGGERS
        words = self.words(sent)
        # (a sentence without a word that can state a policy has no token to walk)
        toks = self.tokens(sent) if _may_state_policy(words) else ()
        lemmas, lowers = self._doc_words(sent.doc)
        start = sent.start
        for k in range(start, start + len(toks)):
            if lemmas[k] not in triggers and not lowers[k].endswith("ed"):
                continue  # (most tokens: no trigger, and no participle for _mistagged_verb)
            tok = toks[k - start]
            lemma = tok.lemma_
            if lemma not in triggers and lemma.lower() not in triggers:
                if tok.pos_ != "ADJ":
                    continue  # (most tokens: one set look-up)
                lemma = self._mistagged_verb(tok)
                if lemma is None:
                    continue
            ptype = None
            offense_use = None  # (the use a rule calls an offense: its subtree is what is restricted)
            named_only: bool | str = False
            # (True: the policy needs a named product, not "access" alone; CLASS_OBJECT: or a class
            # of AI products as the verb's object)
            if lemma != tok.lemma_:
                ptype = "ban" if lemma in ban_v else "restriction"
            elif tok.pos_ in {"VERB", "AUX"} and tok.lemma_ in POLICY_VERBS:
                ptype = "ban" if tok.lemma_ in ban_v else "restriction"
                if self._negated_verb(tok):
                    continue  # "Acme did not ban X", "X was never blocked": no policy
                own_stop = tok.lemma_ in stop_v and self._stops_own_use(tok)
                # "Acme will stop selling X to groups owned by Y": a seller restricting to whom it sells
                stops_selling = tok.lemma_ in stop_v and any(
                    c.dep_ in {"xcomp", "pcomp"} and c.lemma_ in pol["trade_verbs"] and any(
                        x.dep_ in {"prep", "dative"} and x.lower_ == "to" for x in c.children) for c in tok.children)
                if tok.lemma_ in stop_v and not own_stop and not self._under_directive(tok) \
                        and not self._must_stop_using(tok) and not self._hinders(tok) and not stops_selling:
                    continue  # (but "stopped Acme from selling X to Y": a party kept from trading X)
                if stops_selling:
                    ptype = "restriction"
                if tok.lemma_ == "tighten":
                    ptype = "restriction"
                elif own_stop:
                    ptype = "ban"  # "Acme will stop using X": it no longer uses X
                elif tok.lemma_ in stop_v and tok.lemma_ != "avoid" and any(
                        c.dep_ in {"xcomp", "pcomp"} and c.lemma_ in pol["use_verbs"] for c in tok.children):
                    ptype = "ban"  # "ordered agencies to stop using X": no more use of X ("avoid": advice)
            elif tok.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() in POLICY_NOUNS:
                ptype = "ban" if tok.lemma_.lower() in BAN_NOUNS else "restriction"
                if tok.dep_ == "pobj" and tok.head.lower_ in EVASION_HEADS:
                    continue
            elif tok.lemma_ in APPROVAL_NOUNS and tok.head.lemma_ in APPROVAL_VERBS:
                ptype = "restriction"
            elif self._rules_on(tok):
                ptype = "restriction"  # "introduced new rules on the use of X", "will impose new AI rules"
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in pol["control_nouns"] and any(
                    c.dep_ in {"compound", "amod"} and c.lemma_.lower() in pol["control_modifiers"] for c in tok.children):
                ptype = "restriction"  # "new license requirements on exports of X", "export controls on X"
            elif tok.lemma_.lower() in pol["control_nouns"] and self._controls_use(tok):
                ptype = "restriction"  # "took steps to control staff use of X", "controls on employee use of X"
            elif tok.pos_ == "VERB" and tok.lemma_ in pol["removal_verbs"] and (
                    self._under_directive(tok) or any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)
                    and any(c.dep_ == "aux" and c.lower_ in REMOVAL_MODALS for c in tok.children)
                    or tok.dep_ == "ROOT" and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)) \
                    and not any(c.dep_ == "prep" and c.lower_ == "from" and any(p.lower_ in EXCHANGE_NOUNS for p in c.children)
                                for c in tok.children):
                ptype = "ban"  # "ordered agencies to remove X from official devices" (not "delisted from the Nasdaq")
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in pol["removal_nouns"] and tok.dep_ == "dobj" \
                    and tok.head.lemma_ in pol["removal_order_verbs"]:
                ptype = "ban"  # "ordered the removal of X from app stores"
            elif tok.pos_ == "VERB" and tok.lemma_ in pol["deprive_verbs"] and any(
                    c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in pol["use_nouns"] for c in tok.children):
                ptype = "ban"  # "has revoked access to X", "access to X was withdrawn"
            elif tok.pos_ == "VERB" and tok.lemma_ in pol["phrasal_restriction"] and any(
                    c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
                ptype = "restriction"  # "clamped down on resales of X", "cracks down on X"
            elif tok.pos_ == "VERB" and self._hinders(tok):
                ptype = "ban"  # "is preventing employees from downloading X", "stopped Acme from selling X to Y"
            elif tok.pos_ == "VERB" and any(c.dep_ == "prt" and f"{tok.lemma_} {c.lower_}" in pol["phrasal_ban"]
                                            for c in tok.children) and not self._shuts_other(tok):
                ptype = "ban"  # "will phase out X", "cut off access to X", "shut down X nationwide"
            elif tok.pos_ == "VERB" and any(c.dep_ == "prep" and f"{tok.lemma_} {c.lower_} {p.lemma_}" in pol["prep_restriction"]
                                            for c in tok.children for p in c.children if p.dep_ == "pobj"):
                ptype = "restriction"  # "puts on hold the processing of X", "placed X on hold"
            elif tok.pos_ == "VERB" and tok.lemma_ in pol["permission_words"] and self._denied_use(tok) \
                    and not any(c.dep_ in {"xcomp", "ccomp"} and c.lemma_ in pol["use_verbs"] for c in tok.children):
                ptype, named_only = "ban", CLASS_OBJECT  # "use of X is not permitted", "Acme does not allow X"
            elif tok.pos_ == "VERB" and tok.lemma_ in pol["use_verbs"] and tok.dep_ == "pcomp" \
                    and tok.head.lower_ == "against" and (
                        tok.head.head.lemma_ in pol["directive_verbs"]
                        or tok.head.head.dep_ == "dobj" and tok.head.head.head.lemma_ in pol["directive_verbs"]):
                ptype = "restriction"  # "advised staff against using X" ("against" hung on the staff, too)
            elif tok.pos_ == "VERB" and tok.lemma_ in pol["use_verbs"] and self._denied_use(tok):
                ptype = "ban"  # "staff can no longer use X", "told staff they cannot use X"
            elif tok.pos_ in {"VERB", "AUX"} and tok.lemma_ in pol["possession_verbs"] and self._under_directive(tok) \
                    and any(c.dep_ == "neg" for c in tok.children):
                ptype, named_only = "ban", True  # "councillors were advised not to have X on their devices"
            elif tok.pos_ == "VERB" and (tok.lemma_ in pol["permission_words"] or tok.lemma_ in pol["use_verbs"]) \
                    and self._only_permitted(tok):
                ptype, named_only = "restriction", True  # "allows staff to use X only through its portal"
            elif tok.pos_ == "VERB" and self._withheld_in_region(tok):
                ptype = "restriction"  # "will not release X in the EU", "is holding back X from Europe"
            elif tok.lower_ == "available" and tok.dep_ == "acomp" and self._withheld_in_region(tok.head):
                ptype = "restriction"  # "the features won't be offered to users in the EU"
            if ptype is None and (tok.lemma_.lower() in OFFENSE_WORDS or tok.lower_ in OFFENSE_WORDS):
                offense_use = self._use_deemed_offense(tok)
                if offense_use is not None:
                    ptype, named_only = "ban", True  # "using X in exams is a grave offense"
            if ptype is None or self._hypothetical(tok):
                continue
            own = self._self_restriction(tok) if tok.pos_ == "VERB" else []
            if own:
                # "Apps, including Acme's X, have suspended photo recognition": each maker restricts
                # its own product
                for issuer, product in own:
                    if (product, issuer) not in seen_pairs:
                        seen_pairs.add((product, issuer))
                        self.emit("policy", {"issuer": issuer, "product": product, "region": []},
                                  type=["restriction"], scope=self._scope(list(tok.subtree)), date=self._dates(sent),
                                  reason=self._reasons(tok, sent))
                continue
            region_tok = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" \
                or tok.lower_ == "available" else tok
            restrained = self._restrained_party(tok)
            if restrained is not None:
                # "the regulator ruled that Acme must stop offering X": the ruling body restrains
                # Acme's product
                rulers, party = restrained
                product = party if party.family == "Product" else self.product_of(party)
                for issuer in rulers:
                    if (product, issuer) not in seen_pairs and issuer is not party:
                        seen_pairs.add((product, issuer))
                        self.emit("policy", {"issuer": issuer, "product": product, "region": []}, type=["ban"],
                                  scope=[], date=self._dates(sent), reason=self._reasons(tok.head, sent))
                continue
            issuers = self._policy_issuers(tok, region_tok)
            withheld = ptype == "restriction" and (
                tok.lower_ in AVAILABILITY_ADJECTIVES or tok.pos_ == "VERB" and self._withheld_in_region(tok))
            if withheld and issuers:
                # ("X won't be offered in the EU": the region it is kept from is no issuer)
                kept_from = {e for t in tok.subtree if t.dep_ == "pobj" and t.head.lower_ in WITHHELD_REGION_PREPS
                             for e in [self.entity_at(t, {"Place", "Organization"})] if e is not None}
                kept_from |= {self.government_of(e) for e in kept_from if e.family == "Place"}
                issuers = [i for i in issuers if i not in kept_from]
            if not issuers and withheld:
                self._withheld_by_maker(tok, sent, seen_pairs)  # "X is not available in the EU"
                continue
            if not issuers and offense_use is not None:
                # "Acme said using X in exams is an offense": the rule is the speaker's
                speaker = self._attributed_organization(sent)
                if speaker is not None:
                    issuers = [speaker]
            if not issuers:
                if self.article.blocks[self.block].heading:
                    # "Lenders Ban X over Privacy Fears": the headline's reason is the article's
                    reasons = self._reasons(sent.root, sent) if self._title_zone() else []
                    # (a headline's parse is flat: read all of it; a heading after the body text
                    # is a section title or a link to another story, not this article's title)
                    if reasons:
                        self.emit("reason", {"heading": True, "every": True}, reason=reasons)
                elif things := self._restricted_things(scope_toks := list(offense_use.subtree) if offense_use
                                                       is not None else self._policy_scope_tokens(region_tok, tok)):
                    # "the use of X is strictly prohibited due to Y" (no issuer named): the reason of
                    # the policy stated just before
                    reasons = self._reasons(region_tok, sent)
                    if not reasons and tok.pos_ == "NOUN" and tok.dep_ in {"nsubj", "nsubjpass"}:
                        reasons = self._reasons(tok.head, sent)
                    if reasons:
                        self.emit("reason", {"issuer": None, "near": True}, reason=reasons)
                    if offense_use is not None or self._agentless(tok) or self._staff_rule(tok):
                        # "X and Y will be blocked on the network": a policy whose issuer the
                        # discourse gives: the subject of the sentence before (centering), else
                        # as filled at article level (:meth:`_unattributed_issuer`)
                        # ("staff were told not to use X, according to Acme": the source; else centering)
                        centered = self._attributed_organization(sent) or self._centering_issuer(sent, tok)
                        # (on the public sector, the government of the article's country when the
                        # article level finds no issuer: "X is now barred from state-issued devices")
                        public = self._public_sector_government(scope_toks, tok) if centered is None else None
                        for product in things:
                            if product.family != "Product" or self._is_alternative_slot(product, sent) \
                                    or product is centered:
                                continue
                            if centered is not None:
                                self.emit("policy", {"issuer": centered, "product": product, "region": []},
                                          type=[ptype], scope=self._scope(scope_toks), date=self._dates(sent),
                                          reason=reasons)
                            else:
                                self.emit("unattributed", {"product": product, "region": [], "fallback": public},
                                          type=[ptype], scope=self._scope(scope_toks), date=self._dates(sent),
                                          reason=reasons)
                elif (offense_use is not None or self._agentless(tok) or self._staff_rule(tok)) and (
                        goods := [g for t in scope_toks for g in [self._class_of_goods(t)] if g]) and (
                        centered := self._centering_issuer(sent, tok)) is not None:
                    # "Phones are also no longer allowed on the base": a class of
                    # goods, under the issuer of the sentence before
                    for label in dict.fromkeys(goods):
                        product = self.implicit(label, "SoftwareProduct", False)
                        if (product, centered) not in seen_pairs:
                            seen_pairs.add((product, centered))
                            self.emit("policy", {"issuer": centered, "product": product, "region": []},
                                      type=[ptype], scope=self._scope(scope_toks), date=self._dates(sent),
                                      reason=self._reasons(region_tok, sent))
                elif (offense_use is not None or self._agentless(tok) or self._staff_rule(tok)) and (
                        generic := self._generic_ai_class(scope_toks)) and (
                        centered := self._centering_issuer(sent, tok)) is not None:
                    # "AI may not be used to mislead voters": a class of products, under the
                    # issuer of the sentence before
                    obs = self.emit("policy", {"issuer": centered, "product": None, "region": []}, type=[ptype],
                                    scope=self._scope(scope_toks), date=self._dates(sent),
                                    reason=self._reasons(region_tok, sent))
                    self.generic_products[id(obs)] = generic
                continue
            issuers += [e for e in self._joined_issuers(tok) if e not in issuers]
            issuer = issuers[0]
            scope_toks = list(offense_use.subtree) if offense_use is not None else \
                self._policy_scope_tokens(region_tok, tok)
            if tok.lower_ == "available":
                # what is unavailable is the subject: "the features — A, B and C — won't be available"
                subj = self._clause_subject(tok.head)
                scope_toks = list(subj.subtree) if subj is not None else []
                if subj is not None and subj.i + 1 < len(subj.doc) and subj.doc[subj.i + 1].text in {"—", "–"}:
                    end = next((t.i for t in subj.doc[subj.i + 2:tok.i] if t.text in {"—", "–"}), tok.i)
                    scope_toks += [t for t in subj.doc[subj.i + 2:end] if t not in scope_toks]
            if tok.dep_ == "xcomp" and tok.head.lemma_ in pol["directive_verbs"] and (
                    tok.lemma_ in stop_v or self._orders_maker(tok)):
                # "ordered Acme to stop collecting data", "Acme has been ordered to cease operations",
                # "ordered Acme to block its chatbot": the party ordered stands for its product
                scope_toks += [t for c in tok.head.children if c.dep_ in {"dobj", "nsubjpass"} for t in c.subtree
                               if t not in scope_toks]
            products = [p for p in self._restricted_things(scope_toks) if p is not issuer] or \
                self._generic_goods(scope_toks) or self._product_anaphors(tok, scope_toks, issuers) or \
                self._described_name_after(tok, issuers)
            products = [p for p in products if not self._is_alternative_slot(p, sent)
                        and not self._directed_to_after(p, tok, scope_toks, sent)]
            # no one restricts its own namesake ("it prohibits the app", "it" read as the app's maker)
            kept = [p for p in products if p is None or not any(merge_key(p.label) == merge_key(i.label)
                                                                 for i in issuers)]
            if products and not kept:
                continue
            products = kept
            definite = tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS
                                                  for c in tok.children)
            if not products and not definite:
                products = self._named_next(scope_toks, issuers)  # "banned an app ... The app, called X"
            if not products:
                if definite:
                    # "announced the ban on Friday": a policy stated before, not a new one; its
                    # reasons ("issued the ban over concerns about X") are that policy's
                    reasons = self._reasons(region_tok, sent)
                    if reasons:
                        self.emit("reason", {"issuer": issuer, "near": True}, reason=reasons)
                    continue
                access = any(t.lemma_ in self.lex["policy"]["access_words"] for t in scope_toks)
                # (a use a rule calls an offense may be of a class: "misuse of AI ... is malpractice")
                generic = None if named_only and offense_use is None else self._generic_ai_class(scope_toks)
                if named_only == CLASS_OBJECT:  # "does not allow AI chatbots", "AI bots are not permitted"
                    generic = self._generic_ai_class([t for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}
                                                      for t in c.subtree])
                if generic or not named_only and access:
                    products = [None]  # filled at article level with the issuer's own product
                else:
                    # "X added a chatbot to its list of banned apps because Y": a policy on
                    # something unnamed; its reasons are those of the issuer's policies
                    reasons = self._reasons(region_tok, sent)
                    if reasons and issuer.kind != "NewsOrganization":
                        self.emit("reason", {"issuer": issuer}, reason=reasons)
                    continue
            scope = self._scope(scope_toks)
            region = [e for e in self.entities_in([t for t in scope_toks if self._locative(t)
                                                   and not self._seat_of_organization(t)], {"Place"})]
            region += [e for e in self._country_anaphor(scope_toks) if e not in region]
            dates = self._dates(sent)
            # "lifted its ban on X after the maker addressed its concerns": the clause's reasons
            # are the lifting's; the ban's own phrase still gives the ban's ("its ban on X over
            # privacy fears")
            lifting = self._lifted(tok, region_tok, sent)
            if lifting:  # (a flat headline's "ban" read as the verb has no phrase of its own)
                reasons = self._reasons(tok, sent) if tok.pos_ == "NOUN" else []
            else:
                reasons = self._reasons(region_tok, sent)
                reasons += [r for r in self._reasons_above(region_tok, sent) if r not in reasons]
                reasons += self._means_to_end(tok)
            if tok.lemma_ in stop_v and products:
                # "to stop its chatbot, X, from generating explicit content": what is stopped is why
                reasons += [r for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                            for p in c.children if p.dep_ == "pcomp" and p.pos_ == "VERB"
                            and p.lemma_ not in pol["trade_verbs"] and p.lemma_ not in pol["use_verbs"]
                            for r in [phrase_verb_clause(p)] if r and r not in reasons]
            if not reasons and tok.pos_ == "NOUN" and tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ == "VERB":
                reasons = self._reasons(tok.head, sent)  # "the ban was imposed to protect X"
            if not reasons and not lifting and self._copular_frame(region_tok):
                reasons = self._reasons(sent.root, sent)  # "A is the latest firm to ban X, fearing Y"
            if not reasons and not lifting and self.article.blocks[self.block].heading and sent.root != region_tok:
                reasons = self._reasons(sent.root, sent)  # "X Bans Y Over Privacy Fears" (a flat headline parse)
            for product in products:
                # one policy per (product, issuer) in a sentence: "banned X ... the ban on X" is
                # one policy; "A blocked X, while B and C have banned X" are three
                fresh = [i for i in issuers if (product, i) not in seen_pairs]
                if product is not None and not fresh:
                    continue
                seen_pairs.update((product, i) for i in issuers)
                for issuer in fresh:
                    # ("blocked in A and B": each government's region is its own place)
                    own = [r for r in region if r.label == issuer.label] if len(fresh) > 1 else []
                    obs = self.emit("policy", {"issuer": issuer, "product": product, "region": own or region},
                                    type=[ptype], scope=scope, date=dates, reason=reasons)
                    if product is None and generic:
                        self.generic_products[id(obs)] = generic
        if self.article.blocks[self.block].heading:
            self._headline_policy(sent)
        self._sentence_alternative(sent)
        self._sentence_reason(sent)
        self._policy_extension(sent)
        self._similar_policies(sent)
        if not words.isdisjoint(CONTROL_LIST_NOUNS):
            self._listing_policy(sent)
            if not words.isdisjoint(BANNED_LIST_ADJECTIVES):
                self._banned_list_policy(sent)
        if not words.isdisjoint(REMOVAL_VERBS):
            self._store_removal(sent)
        if not words.isdisjoint(DESIGNATION_VERBS) and not words.isdisjoint(DESIGNATION_NOUNS):
            self._designation_policy(sent)
        if not words.isdisjoint(SWITCH_VERBS):
            self._switched_from(sent)
        if not words.isdisjoint(DROP_OR_REPLACE_VERBS):
            self._dropped(sent)

    @staticmethod
    def _negated_verb(verb: Token) -> bool:
        """True when ``verb`` is negated: a "not" or "never" of its own, of the verb it is
        coordinated with ("did not cease or suspend X"), or a prepositional phrase of "no"
        before it ("at no point did Acme suspend X", "in no way")."""
        node = verb
        while True:
            for c in node.children:
                if c.dep_ == "neg" or c.dep_ == "prep" and c.i < node.i and any(
                        p.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in p.children)
                        for p in c.children):
                    return True
            if node.dep_ != "conj" or node.head is node or node.head.pos_ not in {"VERB", "AUX"}:
                return False
            node = node.head

    def _switched_from(self, sent: Span) -> None:
        """An organization moving off a product: "A is migrating its PCs from X to Y", "A
        switched from X to Y" (a ``policy.switch_verbs`` verb, not negated, with "from" a named
        product and "to" a destination): a restriction of X by A, whose scope is what is moved.
        Y is the alternative (:meth:`_sentence_alternative`)."""
        for verb in self.tokens(sent):
            if verb.lemma_ not in SWITCH_VERBS or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children) \
                    or self._hypothetical(verb):
                continue
            preps = [c for c in verb.children if c.dep_ == "prep"]
            left = [e for c in preps if c.lower_ == "from" for e in self.entities_in(c.subtree, {"Product"})]
            if not left or not any(c.lower_ in SWITCH_PREPS for c in preps):
                continue
            issuers = [i for i in self._policy_issuers(verb, verb) if i.kind != "NewsOrganization"]
            scope = [phrase(c, drop_relcl=True, max_words=8) for c in verb.children if c.dep_ == "dobj"]
            for issuer in issuers:
                for product in dict.fromkeys(left):
                    self.emit("policy", {"issuer": issuer, "product": product, "region": []}, type=["restriction"],
                              scope=scope, date=[], reason=[])

    def _dropped(self, sent: Span) -> None:
        """An organization dropping a product: "A drops X for Y", "A dumped X in favour of
        Y", "A will scrap X" (a ``policy.drop_verbs`` verb, not negated nor hypothetical, whose
        object names a product). A company named as the object stands for its product only when
        a replacement is named ("dump Acme for Y": :meth:`product_of`), as "dumped Acme" alone
        may be shares or a partner. A restriction of X by A; a product named as the replacement
        is the alternative (kgo:alternative). A maker dropping its own product retires it: no
        policy. A ``policy.replace_verbs`` verb reads the same way when it names the replacement
        ("A replaced X with Y", "swapped X for Y"; not "replaced X" alone, nor a product by its own
        next version, "replaced X with X 2")."""
        for verb in self.tokens(sent):
            replacing = verb.lemma_ in REPLACE_VERBS
            if verb.lemma_ not in DROP_VERBS and not replacing or verb.pos_ != "VERB" or self._negated_verb(verb) \
                    or self._hypothetical(verb):
                continue
            objs = [x for c in verb.children if c.dep_ == "dobj" for x in conjuncts(c)]
            if not objs:
                continue
            # "for Y" on the verb or on its object; "in favour of Y"; "replaced X with Y"
            preps = REPLACE_PREPS if replacing else REPLACEMENT_PREPS
            repl = [p for h in (verb, *objs) for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                    for p in c.children if p.dep_ == "pobj"]
            if replacing and not repl:
                continue
            repl += [g for h in (verb, *objs) for c in h.children if c.dep_ == "prep"
                     for f in c.children if f.dep_ == "pobj" and f.lower_ in FAVOR_NOUNS
                     for o in f.children if o.dep_ == "prep" for g in o.children if g.dep_ == "pobj"]
            alts = [e if e.family == "Product" else self.product_of(e)
                    for r in repl for e in self.entities_in(r.subtree, {"Product", "Organization"})
                    if e.family == "Product" or e.kind == "Company"]
            products: list[Entity] = []
            for x in objs:
                if replacing and x.pos_ == "PRON" and x.lower_ in NEUTER_PRONOUNS:
                    e = self.coref(x, {"Product"})  # "The bank has replaced it with Y": a product
                else:
                    e = self.entity_at(x, {"Product", "Organization"})
                if e is None:
                    continue
                if e.family == "Product":
                    products.append(e)
                elif e.kind == "Company" and repl:
                    products.append(self.product_of(e))
            if not products:
                continue
            issuers = [i for i in self._policy_issuers(verb, verb) if i.kind != "NewsOrganization"]
            for issuer in issuers:
                for product in dict.fromkeys(products):
                    if product is issuer or product in alts or self.known_maker(issuer, product.label) \
                            or merge_key(issuer.label) == merge_key(product.label) \
                            or replacing and any(merge_key(a.label).startswith(merge_key(product.label)) for a in alts):
                        continue
                    self.emit("policy", {"issuer": issuer, "product": product, "region": []}, type=["restriction"],
                              scope=[], date=self._dates(sent), reason=self._reasons(verb, sent))
                    for alt in alts:
                        self.emit("alternative", {"issuer": issuer, "restricted": product, "alternative": alt})

    def _store_removal(self, sent: Span) -> None:
        """An app store removing apps: "X was pulled from Acme's app store", "apps such as X
        were deleted from the Play Store", "Acme removed X from its store" (a verb of
        ``policy.removal_verbs`` with "from" a store, ``policy.store_nouns``). The issuer is the
        active subject, else the store's possessor, else the store's maker in the knowledge
        base; the products are those named in the removed phrase, else the class of AI apps
        it names, else the product a definite description or pronoun stands for ("removed the
        app", :meth:`_product_anaphors`). A ban (removal) of each."""
        pol = self.lex["policy"]
        stores = STORE_NOUNS
        for verb in self.tokens(sent):
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in pol["removal_verbs"] or self._hypothetical(verb):
                continue
            objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
            # ("removed X, the app ..., from its store": the parse may hang "from" on the object)
            heads = [verb, *objs, *(a for o in objs for a in o.children if a.dep_ == "appos")]
            store = next((p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                          for p in c.children if p.dep_ == "pobj" and p.lower_ in stores), None)
            if store is None:
                continue
            passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
            subj = self._clause_subject(verb.head if verb.dep_ == "advcl" and verb.tag_ == "VBG" else verb)
            if subj is not None and subj.lemma_.lower() in self.lex["policy"]["policy_anaphors"]:
                continue  # "The suspension took effect, removing X from the store": that policy's act
            issuers = [] if passive else [e for e in self.agents_of(verb, {"Organization"})
                                          if e.kind != "NewsOrganization"]
            if not issuers:
                owner = next((self.entity_at(c, {"Organization"}) for c in store.children if c.dep_ == "poss"), None)
                issuers = [owner] if owner is not None else []
            store_m = self.mention_at(store)
            store_ent = store_m.entity if store_m is not None else None
            if not issuers and store_ent is not None:
                issuers = [e for ms in self.mentions for x in ms if (e := x.entity) is not None
                           and self.known_maker(e, store_ent.label)][:1]
            if not issuers:
                continue
            removed = [t for c in objs for t in c.subtree if t.i < store.i or store.i < c.i]
            products = [p for p in self._restricted_things(removed) if p is not store_ent]
            generic = self._generic_ai_class(removed)
            if generic:
                products.append(self.implicit(generic, "SoftwareProduct", False))
            if not products:  # "deleted several VPN apps from the store"
                products = [self.implicit(g, "SoftwareProduct", False) for g in dict.fromkeys(
                    g for c in objs for g in [self._class_of_goods(c, placed=True)] if g)]
            if not products:
                products = self._named_next(removed, issuers)
            if not products:  # "Acme also removed the app from its store": the app named before
                products = [p for p in self._product_anaphors(verb, removed, issuers) if p is not store_ent]
            for issuer in issuers:
                for product in products:
                    if product is issuer:
                        continue
                    self.emit("policy", {"issuer": issuer, "product": product, "region": []}, type=["ban"],
                              scope=self._scope([store]), date=self._dates(sent), reason=self._reasons(verb, sent))

    def _named_next(self, toks: list[Token], exclude: list[Entity]) -> list[Entity]:
        """The product an indefinite description stands for when the article names it next
        ("pulled an app from its store ... The messaging app, named X, ..."): for "an app"
        or "a ... tool" (``policy.product_nouns``) among ``toks``, the first product named after
        the clause, in the rest of its block or in the next block, when the same noun ("app")
        stands within four words before the name or two after it. [] otherwise."""
        head = next((t for t in toks if t.pos_ == "NOUN" and t.lemma_.lower() in PRODUCT_NOUNS
                     and any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in t.children)), None)
        if head is None:
            return []
        after = max(t.i for t in toks)
        for b in (self.block, self.block + 1):
            if b >= len(self.mentions):
                break
            for m in self.mentions[b]:
                e = m.entity
                if (b > self.block or m.start > after) and e is not None and e.family == "Product" \
                        and e not in exclude:
                    doc = self.docs[b]
                    near = doc[max(0, m.start - 4):min(len(doc), m.end + 2)]
                    return [e] if any(t.lemma_.lower() == head.lemma_.lower() for t in near) else []
        return []

    def _designation_policy(self, sent: Span) -> None:
        """A restriction by designation: "X classified A as a supply chain risk", "the agency
        designated A and B national security threats", "A and its units are deemed a security
        risk, officials said" (a ``policy.designation_verbs`` verb whose complement, after
        "as", as its object predicate or in apposition to its object, is a
        ``policy.designation_nouns`` head with a ``policy.designation_modifiers`` modifier).

        The designated parties are the verb's object or passive subject and their conjuncts
        (organizations stand for their goods, :meth:`product_of`; products for themselves). The
        issuer is the verb's agent up the clause chain, else the subject of a reporting verb
        above it ("officials announced ... are deemed"); a place stands for its government."""
        for verb in self.tokens(sent):
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in DESIGNATION_VERBS or self._hypothetical(verb):
                continue
            objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
            comps = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in DEEM_PREPS
                     for p in c.children if p.dep_ == "pobj"]
            comps += [c for c in verb.children if c.dep_ in {"oprd", "attr", "xcomp"}]
            comps += [a for o in objs for a in o.children if a.dep_ == "appos"]
            if not objs or not any(c.lemma_.lower() in DESIGNATION_NOUNS and any(
                    w in DESIGNATION_MODIFIERS for t in c.subtree if t.i < c.i for w in re.split(r"[-\s]", t.lower_))
                    for c in comps):
                continue
            parties = []
            for o in objs:
                for x in conjuncts(o):
                    e = self.entity_at(x, {"Organization", "Product"})
                    if e is not None and e not in parties:
                        parties.append(e)
            if not parties:
                continue
            agents = [e for e in self.agents_of(verb, {"Organization", "Place"}) if e.kind != "NewsOrganization"]
            node = verb
            while not agents and node.head is not node:
                node = node.head
                if node.pos_ == "VERB" and node.lemma_ in self.lex["reporting_verbs"]:
                    agents = [e for e in self.agents_of(node, {"Organization", "Place"}, depth=1)
                              if e.kind != "NewsOrganization"]
            issuers = [self.government_of(e) if e.family == "Place" else e for e in agents]
            for issuer in issuers:
                for party in parties:
                    if party is issuer:
                        continue
                    product = party if party.family == "Product" else self.product_of(party, mentioned=False)
                    self.emit("policy", {"issuer": issuer, "product": product, "region": []},
                              type=["restriction"], scope=[], date=self._dates(sent), reason=self._reasons(verb, sent))

    def _banned_list_policy(self, sent: Span) -> None:
        """Products put on a list of things barred: "X added A to its list of unauthorized apps",
        "A was placed on X's banned software list" (a ``policy.listing_verbs`` verb with a
        ``policy.list_preps`` preposition and a ``policy.control_list_nouns`` head that a
        ``policy.banned_list_adjectives`` word qualifies, before it or in its "of" phrase). The
        issuer is the verb's agent, else the list's possessor or its "by" phrase; the products
        are those named in the verb's object (or passive subject). A ban of each."""
        pol = self.lex["policy"]
        for verb in self.tokens(sent):
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in pol["listing_verbs"]:
                continue
            barred = [n for n in self._lists_of(verb)
                      if any(t.lower_ in BANNED_LIST_ADJECTIVES for t in n.subtree if t.i != n.i)]
            if not barred:
                continue
            objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
            products = self._restricted_things([t for o in objs for t in o.subtree])
            if not products:
                continue
            issuers = [e for e in self.agents_of(verb, {"Organization", "Place"}) if e.kind != "NewsOrganization"]
            if not issuers:
                # "its list", "Acme's list", "the list ... by Acme" (the agent hung on the list)
                owners = [c for n in barred for c in n.children if c.dep_ == "poss"]
                owners += [p for n in barred for c in n.children if c.dep_ == "prep" and c.lower_ == "by"
                           for p in c.children if p.dep_ == "pobj"]
                issuers = [e for t in owners for e in [self.entity_at(t, {"Organization", "Place"})]
                           if e is not None][:1]
            issuers = [self.government_of(e) if e.family == "Place" else e for e in issuers]
            for issuer in issuers:
                for product in products:
                    if product is not issuer:
                        self.emit("policy", {"issuer": issuer, "product": product, "region": []}, type=["ban"],
                                  scope=[], date=self._dates(sent), reason=self._reasons(verb, sent))

    @staticmethod
    def _lists_of(verb: Token) -> list[Token]:
        """The list nouns (``policy.control_list_nouns``) a listing verb puts things on or adds
        them to ("added X to its list", "placed X on the Entity List": a ``policy.list_preps``
        preposition's object)."""
        return [p for c in verb.children if c.dep_ == "prep" and c.lower_ in LIST_PREPS
                for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in CONTROL_LIST_NOUNS]

    def _listing_policy(self, sent: Span) -> None:
        """A restriction by listing: "X put A and B on its export control list", "A was added
        by X to its Entity List", "A was placed on the list", "A and B were among the firms
        added to X's trade blacklist" (``policy.listing_verbs``, a
        ``policy.control_list_nouns`` head; a bare "list" only with a modifier of
        ``policy.control_list_modifiers``, or as "the list" once the article has named one).

        The listed organizations are the verb's object or passive subject, or, for a
        participle ("entities added to ..."), the subject of the clause that places them
        "among" those entities (and its appositions). The issuer is the verb's agent, else the
        list's possessor, else the issuer of the list named before in the article; a place
        stands for its government. Each listed organization stands for its goods
        (:meth:`product_of`)."""
        pol = self.lex["policy"]
        mods = CONTROL_LIST_MODIFIERS
        for verb in self.tokens(sent):
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in pol["listing_verbs"]:
                continue
            lists = [n for n in self._lists_of(verb) if n.lemma_.lower() != "list" or any(
                w in mods for t in n.subtree if t.i < n.i for w in re.split(r"[-\s]", t.lower_))
                or self.list_issuer is not None and any(c.lower_ == "the" for c in n.children)]
            if not lists:
                continue
            objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
            if not objs and verb.dep_ == "acl":
                # "A, B and C are among (scores of) the firms added to the list"
                node = verb.head
                while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "pobj":
                    node = node.head.head
                if node.dep_ == "pobj" and node.head.lower_ == "among":
                    objs = [c for c in node.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            # (a name, its appositions and conjuncts; "two units of A": A)
            names = [y for o in objs for x in conjuncts(o) for t in [x, *(a for a in x.children if a.dep_ == "appos")]
                     for y in [t, *t.conjuncts]]
            names += [p for y in names if y.pos_ == "NOUN" and self.entity_at(y, {"Organization"}) is None
                      for c in y.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
            # ("a dozen companies, including A and B": the members the unnamed group lists)
            names += [z for y in names if y.pos_ == "NOUN" and self.entity_at(y, {"Organization"}) is None
                      for c in y.children if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS
                      for p in c.children if p.dep_ == "pobj" for x in conjuncts(p)
                      for z in [x, *(a for a in x.children if a.dep_ == "appos")]]
            listed = [e for y in names for e in [self.entity_at(y, {"Organization"})] if e is not None]
            if verb.dep_ == "acl" and objs:
                # (the subject of "are among": every organization named in it, as the parse may break it up)
                listed += [m.entity for o in objs for t in o.subtree if (m := self.mention_at(t)) is not None
                           and m.end - 1 == t.i and m.entity is not None and m.entity.family == "Organization"]
            if not listed:
                continue
            agents = self.agents_of(verb, {"Organization", "Place"}) if verb.dep_ != "acl" else [
                e for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                for e in [self.entity_at(p, {"Organization", "Place"})] if e is not None]
            issuers = [self.government_of(e) if e.family == "Place" else e
                       for e in agents if e.kind != "NewsOrganization"]
            if not issuers:
                owner = next((e for n in lists for c in n.children if c.dep_ == "poss"
                              for e in [self.entity_at(c, {"Organization", "Place"})] if e is not None), None)
                issuers = [self.government_of(owner) if owner.family == "Place" else owner] if owner is not None \
                    else ([self.list_issuer] if self.list_issuer is not None else [])
            if issuers:
                self.list_issuer = issuers[0]
            for issuer in issuers:
                for org in dict.fromkeys(listed):
                    if org is issuer:
                        continue
                    self.emit("policy", {"issuer": issuer, "product": self.product_of(org, mentioned=False), "region": []},
                              type=["restriction"], scope=[], date=self._dates(sent), reason=self._reasons(verb, sent))

    def _title_zone(self) -> bool:
        """True when the current block comes before the article's first paragraph of running
        text (a headline, a deck): a heading further down is a section title or a link to
        another story."""
        return not any(not b.heading and len(b.text.split()) >= 12 for b in self.article.blocks[:self.block])

    @staticmethod
    def _hyphen_modifier(m: Mention, doc: Doc) -> bool:
        """True when a name is glued by a hyphen to a participle after it ("an X-linked app",
        "X-owned Y", "the X-backed startup"): a description of another thing, not that thing."""
        end = m.end
        return end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].tag_ == "VBN"

    def _headline_policy(self, sent: Span) -> None:
        """A headline read on its surface, as the small model often parses a headline flat
        ("Acme Bans ChatGPT Over Data Leak Fears" with "ChatGPT" as a verb): an issuer named
        just before a ban or restriction verb, the first product named in the next six
        tokens, and the words after a reason marker ("over", "amid", "citing", "after" ...)
        when they name a reason or a risk."""
        pol, rz = self.lex["policy"], self.lex["reason"]
        verbs = HEADLINE_VERBS
        doc = sent.doc
        phrasal = PHRASAL_BAN_PAIRS
        for tok in self.tokens(sent):
            low = tok.lower_
            forms = {low, low[:-1], low[:-2], low[:-3], tok.lemma_.lower()}
            # "Shuts Off X": a phrasal verb of ``policy.phrasal_ban``; the product window starts after it
            particle = tok.i + 1 < sent.end and any((f, doc[tok.i + 1].lower_) in phrasal for f in forms)
            if tok.pos_ in {"ADP", "DET", "PUNCT"} or not (forms & verbs or particle):
                continue
            issuers = self._headline_issuers(sent, tok.i)
            after = tok.i + 1 + particle
            named = [m for t in doc[after:min(sent.end, after + 6)] if (m := self.mention_at(t)) is not None
                     and m.start == t.i and m.entity is not None and not self._hyphen_modifier(m, doc)]
            # a product named in the window ("Bans Use of Microsoft AI Copilot": Copilot), else a
            # company known by its product's name ("Ohio bans DeepSeek ...")
            m = next((m for m in named if m.entity.family == "Product"), None) or next(
                (m for m in named if m.entity.kind == "Company" and self.kb.names_product_after(m.entity.label)
                 and not self._maker_of_goods(doc[m.end - 1])), None)
            product: Entity | None
            listed: list[Entity] = []
            if m is not None:
                product, end = m.entity, m.end
                if product.family != "Product":
                    product = self.product_of(product)
                listed, end = self._headline_product_list(sent, end)
            elif issuers and not named and (after == sent.end or doc[after].lower_ in pol["headline_use_nouns"]):
                # "A, B and C Limit Use Amid Spying Worries": the product the article's
                # policies name (filled in by the article-level linking)
                product, end = None, after
            else:
                continue
            mark = next((t for t in doc[end:sent.end] if t.lower_ in REASON_MARKERS), None)
            reasons = []
            if self._lifted(tok, tok, sent):
                mark = None  # "X Lifts Ban on Y After Z": why the ban ends, not why it was made
            if mark is not None:
                toks = [t for t in doc[mark.i + 1:sent.end] if not t.is_punct]
                while toks and toks[0].lower_ in MARKER_PARTICLES:
                    toks = toks[1:]  # "Due to Security Concerns", "Because of ..."
                if toks and (mark.lower_ in rz["strong_markers"] or any(
                        t.lemma_.lower() in rz["reason_nouns"] or t.lower_ in rz["reason_nouns"]
                        or t.lemma_.lower() in rz["risk_words"] or t.lower_ in rz["risk_words"] for t in toks)):
                    text = self.article.blocks[self.block].text[toks[0].idx:toks[-1].idx + len(toks[-1])]
                    reasons = [text]
            elif end < sent.end - 1 and doc[end].lower_ == "to" and doc[end + 1].lemma_.lower() in rz["protect_verbs"]:
                # "Shuts Off X To Guard Patient Records"
                toks = [t for t in doc[end + 1:sent.end] if not t.is_punct]
                reasons = [self.article.blocks[self.block].text[toks[0].idx:toks[-1].idx + len(toks[-1])]]
            if not issuers:
                # "Hospital Shuts Off X Over Leak Fears": no name before the verb; the reason is
                # the article's main policy's (linked at article level), if it is the title
                for text in (reasons if self._title_zone() else []):
                    self.emit("reason", {"heading": True}, reason=[text])
                if reasons:
                    return
                continue
            ptype = "ban" if particle or not forms.isdisjoint(HEADLINE_BAN_VERBS) else "restriction"
            for issuer in issuers:
                for p in [product, *[x for x in listed if x is not product]]:
                    self.emit("policy", {"issuer": issuer, "product": p, "region": []}, type=[ptype], scope=[],
                              date=[], reason=reasons)
            return

    def _headline_product_list(self, sent: Span, start: int) -> tuple[list[Entity], int]:
        """The products a headline lists after its first one, from token ``start`` up to a
        reason marker or a preposition of scope ("Bars X & Similar Apps Like Y, Z & W On
        Work Phones": Y, Z, W). Returns them and the token index where the list ends."""
        doc = sent.doc
        stop = HEADLINE_LIST_END
        out: list[Entity] = []
        i = start
        while i < sent.end and doc[i].lower_ not in stop:
            m = self.mention_at(doc[i])
            if m is not None and m.start == i and m.entity is not None:
                e = m.entity
                if e.family != "Product" and e.kind == "Company" and self.kb.names_product_after(e.label):
                    e = self.product_of(e)
                if e.family == "Product" and e not in out:
                    out.append(e)
                i = max(m.end, i + 1)
                continue
            i += 1
        return out, i

    def _headline_issuers(self, sent: Span, verb: int) -> list[Entity]:
        """The issuers a headline names just before its policy verb at token ``verb``: the
        name ending there and the names coordinated before it ("A, B, and C Limit ..."),
        each an organization or a place's government; a news organization only as the one
        name right before the verb ("Kestrel Herald to Block X": its own rule). A "to" or "will"
        may stand between ("A to Ban X", ``policy.headline_auxiliaries``). Returns them in text
        order; an empty list when the word before the verb is no such name."""
        doc = sent.doc
        end = verb
        while end - 1 > sent.start and doc[end - 1].lower_ in HEADLINE_AUXILIARIES:
            end -= 1
        run = self.names_ending_at(sent, end)
        found: list[Entity] = []
        for m in reversed(run):
            ent = m.entity
            if ent.family not in {"Organization", "Place"} or ent.kind == "NewsOrganization" and len(run) > 1:
                break
            ent = self.government_of(ent) if ent.family == "Place" else ent
            if ent not in found:
                found.insert(0, ent)
        return found

    def _document_owner(self, trig: Token) -> list[Entity]:
        """"Employees are not permitted to use X, the memo said": a rule a document states
        (``policy.policy_container_nouns`` as the speaker) is issued by the organization the
        article has named most up to here."""
        containers = POLICY_CONTAINER_NOUNS
        said = [t for t in self.tokens(self.sentence_of(trig)) if t.lemma_ in self.lex["reporting_verbs"]
                and (s := self._clause_subject(t)) is not None and s.lemma_.lower() in containers]
        # "a memo was sent to staff, reminding them not to use X": the document governs the rule
        documents = DOCUMENT_NOUNS
        said += [a for a in trig.ancestors if a.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in documents for c in a.children)]
        if not said:
            return []
        owner = self.salient(trig, "Organization", frozenset({"NewsOrganization", "GovernmentBody"}))
        return [owner] if owner is not None else []

    def _mistagged_verb(self, tok: Token) -> str | None:
        """The ban or restriction verb a participle the tagger read as an adjective stands
        for, when it still heads a clause with an object ("it had disabled access to X",
        "disabled" tagged ADJ): its lemma, or None."""
        if not tok.lower_.endswith("ed") or not any(c.dep_ == "dobj" for c in tok.children):
            return None
        low = tok.lower_
        return next((c for c in (low[:-1], low[:-2], low[:-3]) if c in MISTAGGED_VERBS), None)

    def _rules_on(self, noun: Token) -> bool:
        """True for rules an issuer enacts on a product or on AI ("introduced new rules on the use
        of X", "will impose new AI rules on lawyers"): a ``policy.rule_nouns`` noun, the object of
        an enacting verb (``policy.enact_verbs``), with an "on"/"for"/"governing" phrase, a clause
        of ``policy.rule_clause_verbs`` ("a policy regulating the use of X") or an AI word among
        its modifiers."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in RULE_NOUNS:
            return False
        head = noun
        while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
            head = head.head.head  # "a set of fresh AI rules"
        if head.dep_ not in {"dobj", "nsubjpass"}:
            return False
        verb = head.head
        if verb.pos_ != "VERB" or verb.lemma_ not in ENACTING_VERBS:
            return False
        return any(c.dep_ == "prep" and c.lower_ in RULE_PREPS for c in [*noun.children, *verb.children]) or any(
            c.dep_ in {"compound", "amod"} and c.lower_ in AI_CLASS_WORDS
            or c.dep_ == "acl" and c.lemma_ in RULE_CLAUSE_VERBS for c in noun.children)

    def _restrained_party(self, verb: Token) -> tuple[list[Entity], Entity] | None:
        """A ruling or order that a named party must stop or may not do something ("the regulator
        ruled that Acme must stop offering X", "ordered that Acme cease operations"): (the
        issuers, the party) when ``verb`` is a stop verb under "must"/"should"/"shall" in the
        clause of a directive verb (``policy.directive_verbs``) whose subject names the issuer,
        and the clause's subject is a company or a product; else None."""
        if verb.lemma_ not in STOP_VERBS or verb.dep_ != "ccomp" or verb.head.lemma_ not in DIRECTIVE_VERBS:
            return None
        if not any(c.dep_ == "aux" and c.lower_ in RESTRAINT_MODALS for c in verb.children):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        party = self.entity_at(subj, {"Organization", "Product"}) if subj is not None else None
        if party is None or party.family == "Organization" and party.kind != "Company":
            return None
        rulers = self._policy_issuers(verb.head, verb.head)
        rulers = [e for e in rulers if e is not party]
        return (rulers, party) if rulers else None

    @staticmethod
    def _must_stop_using(verb: Token) -> bool:
        """True for a rule to stop using something ("staff must stop using X"): a stop verb under
        ``policy.restraint_modals`` whose complement is a use verb (``policy.use_verbs``)."""
        return any(c.dep_ == "aux" and c.lower_ in RESTRAINT_MODALS for c in verb.children) and any(
            c.dep_ in {"xcomp", "pcomp"} and c.lemma_ in USE_VERBS for c in verb.children)

    def _stops_own_use(self, verb: Token) -> bool:
        """True when an organization stops its own use of something ("Acme University will stop
        using X", "the firm ceased using X"): a stop verb (``policy.stop_verbs``) whose subject
        names an organization and whose complement is a use verb (``policy.use_verbs``)."""
        if not any(c.dep_ in {"xcomp", "pcomp"} and c.lemma_ in USE_VERBS for c in verb.children):
            return False
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return subj is not None and self.entity_at(subj, {"Organization"}) is not None

    def _news_own_rule(self, trig: Token) -> list[Entity]:
        """A news organization that is the subject of an active policy verb itself ("The Kestrel
        Herald has banned the use of X in its images", "A joins B and C to block X"), or the
        member a copula places in the class a relative clause describes ("The Kestrel Herald
        became the latest among outlets that have blocked X"): its own rule. Returns it, or []."""
        if trig.pos_ == "NOUN" and trig.dep_ == "dobj" and trig.lemma_.lower() in RULE_NOUNS \
                and trig.head.lemma_ in ENACTING_VERBS:
            trig = trig.head  # "The Kestrel Herald has issued guidelines on AI"
        if trig.pos_ not in {"VERB", "AUX"} or any(c.dep_ == "auxpass" for c in trig.children):
            return []
        verb = trig.head if trig.dep_ in {"xcomp", "advcl"} and trig.head.lemma_ in JOINING_VERBS else trig
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in RELATIVE and verb.dep_ == "relcl":
            subj = self._class_member_subject(verb.head)  # "A became the latest of the outlets that blocked X"
        ent = self.entity_at(subj, {"Organization"}) if subj is not None else None
        return [ent] if ent is not None and ent.kind == "NewsOrganization" else []

    def _news_staff_rule(self, trig: Token) -> list[Entity]:
        """A news organization that is the subject of the policy verb itself and binds its own
        staff ("the publisher has told its reporters not to use X")."""
        staff = STAFF_OR_SCOPE
        subj = next((c for c in trig.children if c.dep_ == "nsubj"), None)
        if subj is None or trig.pos_ != "VERB":
            return []
        a = next((x for x in subj.children if x.dep_ == "appos"), None)
        ent = self.entity_at(a, {"Organization"}) if a is not None else None
        ent = ent or self.entity_at(subj, {"Organization"})
        if ent is None or ent.kind != "NewsOrganization":
            return []
        bound = [c for c in trig.children if c.dep_ == "dobj" and c.lemma_.lower() in staff
                 and any(p.lower_ in OWN_POSSESSIVES for p in c.children)]
        return [ent] if bound else []

    def _joined_issuers(self, trig: Token) -> list[Entity]:
        """"A joins B and C in banning X", "A followed B in blocking X": B and C had banned X
        too (a side mention)."""
        if trig.dep_ == "relcl":
            return self._list_joiner(trig)
        if trig.dep_ in {"xcomp", "advcl"} and trig.head.lemma_ in JOINING_VERBS:
            join = trig.head  # "A joins B and C to block X", "A joins outlets such as B and C to block X"
        elif trig.dep_ == "pcomp" and trig.head.lower_ == "in" and trig.head.head.lemma_ in JOINING_VERBS:
            join = trig.head.head
        else:
            return []
        out: list[Entity] = []
        for o in join.children:
            if o.dep_ != "dobj":
                continue
            heads = [o] + [p for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj"]  # "joins the ranks of outlets such as B"
            members = [o, *o.conjuncts] + [y for h in heads for c in h.children
                                           if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS
                                           for p in c.children if p.dep_ == "pobj" for y in [p, *p.conjuncts]]
            for t in members:
                e = self.entity_at(t, {"Organization", "Place"})
                if e is not None and (e.kind != "NewsOrganization" or t is not o):
                    e = self.government_of(e) if e.family == "Place" else e
                    if e not in out:
                        out.append(e)
        return out

    def _list_joiner(self, trig: Token) -> list[Entity]:
        """"A has joined a growing list of companies, including B, that have barred X": the
        policy of a relative clause on a list that A joined (``joining_verbs``) is A's
        too; [] when the clause hangs on no such list."""
        node = trig.head
        for _ in range(6):
            if node.dep_ == "dobj" and node.head.lemma_ in JOINING_VERBS:
                subj = self._clause_subject(node.head)
                e = self.entity_at(subj, {"Organization", "Place"}) if subj is not None else None
                if e is None or e.kind == "NewsOrganization":
                    return []
                return [self.government_of(e) if e.family == "Place" else e]
            if node.dep_ not in {"pobj", "prep", "conj", "appos"} or node.head == node:
                return []
            node = node.head
        return []

    def _withheld_by_maker(self, tok: Token, sent: Span, seen_pairs: set) -> None:
        """A product kept from a region with no one named who keeps it ("X is not available in
        the EU", "X will not be released in Europe"): its maker restricts it there. The maker is
        the organization the article has named as the product's developer before (a
        ``development`` observation), else the one the knowledge base names as its maker
        (:meth:`known_maker`) among the organizations the article names."""
        clause = tok.head if tok.dep_ == "acomp" else tok
        subj = self._clause_subject(clause)
        if subj is None:
            return
        region = [e for e in self.entities_in([t for t in clause.subtree if t.i not in {x.i for x in subj.subtree}
                                                and self._locative(t)], {"Place"})]
        if not region:
            return
        for product in self._restricted_things(list(subj.subtree)):
            if product.family != "Product":
                continue
            maker = next((o.roles["developer"] for o in reversed(self.observations) if o.kind == "development"
                          and o.roles.get("product") is product), None)
            maker = maker or next((e for ms in self.mentions for m in ms if (e := m.entity) is not None
                                   and self.known_maker(e, product.label)), None)
            if maker is None or (product, maker) in seen_pairs:
                continue
            seen_pairs.add((product, maker))
            self.emit("policy", {"issuer": maker, "product": product, "region": region}, type=["restriction"],
                      scope=[], date=self._dates(sent), reason=self._reasons(clause, sent))

    def _withheld_in_region(self, verb: Token) -> bool:
        """A product kept from a region by its maker: a negated ``policy.release_verbs``
        verb ("will not release X in the EU", "decided not to launch X in Europe") or a
        ``policy.withhold_verbs`` verb ("withholds X from EU users", "is holding back X
        from Europe", "delays X in the EU"), with a place named in its clause."""
        pol = self.lex["policy"]
        if verb.lemma_ in pol["release_verbs"] or verb.lemma_ == "be" and any(
                c.dep_ == "acomp" and c.lower_ == "available" for c in verb.children):
            if not any(c.dep_ == "neg" for c in verb.children):
                return False
        elif verb.lemma_ in pol["withhold_verbs"]:
            if verb.lemma_ == "hold" and not any(c.dep_ == "prt" and c.lower_ == "back" for c in verb.children):
                return False
        else:
            return False
        subj = {t.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
        for prep in verb.subtree:
            if prep.dep_ != "prep" or prep.lower_ not in WITHHELD_REGION_PREPS or prep.i in subj:
                continue
            for t in prep.subtree:
                m = self.mention_at(t)
                if m is not None and m.entity is not None and m.entity.family == "Place" or \
                        self.kb.is_demonym(t.text) and t.head.lemma_ in MARKET_NOUNS:
                    return True
        return False

    def _similar_policies(self, sent: Span) -> None:
        """"The move follows similar bans by A and B", "similar restrictions have been imposed by
        A and B", "A and B have taken similar steps": side-mention policies of other issuers on
        the product of the policy stated just before (``policy.similar_words`` on a policy or
        measure noun or ``policy.similar_move_nouns``; its agents by "by", or the subject of an
        enacting verb or ``policy.similar_move_verbs``). Emits "similar" observations (issuer
        only; product and type filled at article level from the nearest policy before)."""
        similar = SIMILAR_WORDS
        words = self.words(sent)
        if not words.isdisjoint(ECHO_VERBS) and not words.isdisjoint(ECHO_HEADS) or not words.isdisjoint(SUIT_NOUNS):
            self._echoed_policies(sent)  # (a move noun with a verb of repeating it, or "suit")
        if words.isdisjoint(similar):
            return
        nouns = POLICY_OBJECT_NOUNS | SIMILAR_MOVE_NOUNS
        for noun in self.tokens(sent):
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns or not any(
                    c.dep_ == "amod" and c.lower_ in similar for c in noun.children):
                continue
            verb = noun.head
            # ("follows similar bans by A": the by-phrase may hang on the verb, right after the noun)
            agents = [p for c in [*noun.children, *(c for c in verb.children if c.i == noun.right_edge.i + 1)]
                      if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
            if noun.dep_ == "nsubjpass":  # "similar restrictions have been imposed by A"
                agents += [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            elif noun.dep_ == "dobj" and (verb.lemma_ in ENACTING_VERBS or verb.lemma_ in SIMILAR_MOVE_VERBS):
                # "A has taken similar steps"
                agents += [c for c in verb.children if c.dep_ == "nsubj"]
            # ("similar steps by A, which banned X in May": A's own policy, stated by the relative
            # clause, is the similar step; no copy of the policy before it)
            self._emit_similar([t for a in agents for t in [a, *a.conjuncts]
                                if not any(c.dep_ == "relcl" and c.lemma_ in POLICY_VERBS for c in t.children)])

    def _echoed_policies(self, sent: Span) -> None:
        """"..., a move echoed by A and B", "a decision mirrored by several banks, including A and
        B", "A and B have since followed suit": others repeating the policy stated just before
        (a policy anaphor or ``policy.similar_move_nouns`` noun with an ``policy.echo_verbs``
        clause and its by-agents; the subject of "follow suit"). Emits "similar" observations,
        as :meth:`_similar_policies` does."""
        nouns = ECHO_HEADS
        agents: list[Token] = []
        for tok in self.tokens(sent):
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
                for v in tok.children:
                    if v.dep_ in {"acl", "relcl"} and v.lemma_ in ECHO_VERBS:
                        agents += [p for c in v.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"
                                   for p in c.children if p.dep_ == "pobj"]
            elif tok.lower_ in SUIT_NOUNS and tok.i > sent.start and tok.nbor(-1).lemma_ == "follow":
                verb = next((a for a in [tok.nbor(-1), *tok.nbor(-1).ancestors]
                             if any(c.dep_ in {"nsubj", "nsubjpass"} for c in a.children)), None)
                if verb is not None:
                    agents += [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        self._emit_similar([t for a in agents for t in self._named_members(a)])

    def _emit_similar(self, toks: list[Token]) -> None:
        """A "similar" observation (issuer only) for each organization or place ``toks`` name
        (a place as its government; a news organization reports, it repeats no policy)."""
        for t in toks:
            e = self.entity_at(t, {"Organization", "Place"})
            if e is not None and e.kind != "NewsOrganization":
                self.emit("similar", {"issuer": self.government_of(e, actor=True) if e.family == "Place" else e})

    def _named_members(self, tok: Token) -> list[Token]:
        """``tok`` and its conjuncts; for a described group with no name ("several banks,
        including A and B", "outlets such as A"), the members its ``policy.member_preps`` phrase names."""
        m = self.token_mention.get((self.block, tok.i))  # (the name itself, not a cue noun it heads)
        if m is None or m.entity is None:
            members = [x for c in tok.children if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS
                       for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)]
            if members:  # ("several Wall Street firms, including A": A, not the street)
                return members
        return [tok, *tok.conjuncts]

    def _policy_extension(self, sent: Span) -> None:
        """"The ban also extends to X and Y", "the order covers X", "the restriction applies to
        X as well", "the list includes X" (``policy.extension_list_nouns``): products added to
        the policy stated just before (its issuer and type are filled at article level)."""
        anaphors = POLICY_ANAPHORS | EXTENSION_LIST_NOUNS
        words = self.words(sent)
        if words.isdisjoint(EXTENSION_VERBS) or words.isdisjoint(anaphors):
            return
        for verb in self.tokens(sent):
            if verb.pos_ != "VERB" or verb.lemma_ not in EXTENSION_VERBS:
                continue
            subj = self._clause_subject(verb)
            if subj is None or subj.lemma_.lower() not in anaphors:
                continue
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            objs += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                     for p in c.children if p.dep_ == "pobj"]
            toks = [t for o in objs for t in o.subtree]
            author = self._policy_noun_author(subj)
            ptype = "ban" if subj.lemma_.lower() in self.lex["policy"]["ban_nouns"] else "restriction"
            for product in self._restricted_things(toks):
                if product.family == "Product" and author is not None:
                    # "the ban, which Acme announced on Monday, covers X": Acme's policy
                    self.emit("policy", {"issuer": author, "product": product, "region": []}, type=[ptype])
                elif product.family == "Product":
                    self.emit("extension", {"product": product})

    def _only_permitted(self, verb: Token) -> bool:
        """True for a use allowed only in one way: "allows staff to use X only through its
        portal", "permits X only on approved devices", "staff may use X solely for research"
        (``policy.only_words`` on the verb, on its complement or on one of their prepositions);
        not when negated ("not only")."""
        nodes = [verb, *[c for c in verb.children if c.dep_ in {"xcomp", "ccomp", "prep"}]]
        nodes += [g for n in nodes[1:] for g in n.children if g.dep_ == "prep"]
        for n in nodes:
            for c in n.children:
                if c.dep_ == "advmod" and c.lower_ in ONLY_WORDS and not any(
                        g.dep_ == "neg" for g in c.children) and c.i > 0 and c.doc[c.i - 1].lower_ != "not":
                    return True
        return False

    def _use_deemed_offense(self, word: Token) -> Token | None:
        """The use a rule calls an offense: the subject of "using X in exams is a grave
        offense", "the use of X is punishable", "use of X will be considered cheating", "will
        be treated as plagiarism" (``policy.offense_words``, ``policy.deem_verbs``). Returns the
        subject token (its subtree names what is restricted) when that subject is a use
        (``policy.use_verbs`` as a gerund, ``policy.use_nouns``), else None."""
        pol = self.lex["policy"]
        head = word.head
        if word.dep_ == "pobj" and head.lower_ in DEEM_PREPS:
            head = head.head  # "treated as cheating"
        elif word.dep_ == "conj":
            return None
        elif word.dep_ not in {"attr", "oprd", "acomp"}:
            return None
        if head.pos_ not in {"VERB", "AUX"} or head.lemma_ != "be" and head.lemma_ not in DEEM_VERBS:
            return None
        for c in head.children:
            if c.dep_ in {"csubj", "csubjpass"} and c.lemma_ in pol["use_verbs"]:
                return c  # "using X ... is an offense"
            if c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in pol["use_nouns"]:
                return c  # "the use of X is punishable"
            if c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_ in pol["use_verbs"] and c.tag_ == "VBG":
                return c
        return None

    def _centering_issuer(self, sent: Span, trig: Token) -> Entity | None:
        """The issuer the sentence before names as its subject (centering: a sentence continues
        its predecessor's topic): an organization (not a news organization), or the government
        of an official ("Gov. Dana Holt signed an order. DeepSeek will be blocked ..."), as
        :meth:`_previous_subject_entity` finds it, or a government body it describes ("the
        Kestria high court"). None otherwise."""
        ent = self._previous_subject_entity(trig, {"Organization", "Person"})
        if ent is not None and ent.family == "Person":
            return self._official_government(ent, trig)
        if ent is None:
            # "The Kestria high court has issued a policy. Judges cannot use X": a body the
            # sentence before describes (in this block, where its words are read)
            found = self.previous_subject(trig)
            bodies = self._described_bodies(found[1]) if found is not None and found[0] == self.block else []
            return bodies[0] if len(bodies) == 1 else None
        return ent

    def _lifted(self, trig: Token, clause: Token, sent: Span) -> bool:
        """True when the policy ``trig`` names is being ended, so that the reasons of its
        clause are the lifting's ("lifted its ban on X after Y"): ``clause`` (the verb a policy
        noun is the object of) is a ``reason.lift_verbs`` verb, or, in a headline the model
        parses flat ("X Lifts Ban on Y After Z", "ban" read as the verb), the word before
        ``trig`` is a form of one."""
        if clause is not trig and clause.lemma_ in LIFT_VERBS:
            return True
        if trig.i == sent.start or not self.article.blocks[self.block].heading:
            return False
        before = trig.doc[trig.i - 1].lower_
        return not {before, before[:-1], before[:-2]}.isdisjoint(LIFT_VERBS)

    def _agentless(self, trig: Token) -> bool:
        """True when ``trig`` states a policy without saying who made it: a passive verb with no
        ``by`` agent ("X will be blocked"), or a policy noun or gerund that is the subject of a
        copula or passive ("the use of X is prohibited", "a ban on X is in force")."""
        if trig.pos_ in {"VERB", "AUX"}:
            if self._lasting_state(trig):
                return True  # "X will stay blocked until ..."
            if trig.lemma_ in PERMISSION_WORDS and any(
                    c.dep_ == "nsubjpass" and self.mention_at(c) is not None for c in trig.children):
                return False  # "Acme is not allowed to ...": a party barred, not a product
            return any(c.dep_ == "auxpass" for c in trig.children) and not any(
                c.dep_ == "agent" for c in trig.children)
        return trig.dep_ in {"nsubj", "nsubjpass"} and trig.head.lemma_ == "be" or \
            trig.dep_ == "acomp" and trig.head.lemma_ == "be"

    def _policy_noun_author(self, noun: Token) -> Entity | None:
        """Who made the policy a noun names, when the noun phrase says it: its possessor
        ("Acme's ban") or the subject of a relative clause on it whose verb makes policies
        ("the ban, which Acme announced", ``policy.enact_verbs``); None otherwise."""
        for c in noun.children:
            if c.dep_ == "poss":
                e = self.entity_at(c, {"Organization", "Place"})
                if e is not None and e.kind != "NewsOrganization":
                    return self.government_of(e) if e.family == "Place" else e
            if c.dep_ in {"relcl", "acl"} and c.lemma_ in ENACTING_VERBS:
                e = self.agent_of(c, {"Organization", "Place"}, depth=1)
                if e is not None and e.kind != "NewsOrganization":
                    return self.government_of(e) if e.family == "Place" else e
        return None

    def _policy_issuers(self, trig: Token, clause: Token) -> list[Entity]:
        """Who issues the policy that ``trig`` states, in order of evidence:

        1. organizations that are its agents (subject, ``by`` agent, possessor, up the clause chain);
        2. places that are its agents ("Kestria has prohibited ..."), as their governments;
        3. a descriptive subject that names a place ("Chinese authorities", "the Kestria governor",
           "Kestria's police") or lists the issuers ("states including A, B and C",
           "nations, including A and B, which have imposed ...").
        """
        said = self._reported_speaker(trig) or self._raised_subject(trig) or self._document_pronoun(trig)
        if said:
            return said
        if trig.pos_ == "NOUN" and trig.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in trig.head.children) \
                and trig.head.lemma_ not in ENACTING_VERBS:
            # "the ban on X was criticized by Acme": the agent of another act is no issuer; the
            # noun's own possessor or "by" phrase is ("Acme's ban on X was praised by unions")
            return self.agents_of(trig, {"Organization", "Place"}, depth=1)
        nodes = [trig] if clause.i == trig.i else [trig, clause]
        walks: dict[int, list] = {}  # token index -> its agents of ISSUER_KINDS, in one walk each
        for node in nodes:
            walk = walks[node.i] = self._agent_tokens(node, ISSUER_KINDS)
            agents = self.listed_agents(walk[0], ISSUER_KINDS[0])
            orgs = [e for e in agents if e.kind != "NewsOrganization"]
            if orgs:
                # "the Commission and Kestria have banned X": the places listed with it, as governments
                places = [g for g in self._coordinated_places(walk[0]) if g not in agents]
                agents += places
                orgs += places
                # (a news organization reports a policy; it issues none), unless it is named
                # with other issuers ("A, the Kestrel Herald and B have banned X on their systems") ...
                return agents if len(agents) > 1 else orgs
        own = self._news_staff_rule(trig) or self._news_own_rule(trig)
        if own:
            return own  # ... except a rule for its own staff, or one it states as the doer
        subj = self._subject_up(trig)
        spoken = self._spokesperson_org(subj) if subj is not None else []
        if spoken:
            return spoken  # "a spokesperson for Acme confirmed the ban on X"
        listed = self._listed_members(subj) if subj is not None and any(
            c.dep_ == "prep" and c.lower_ in SUBJECT_MEMBER_PREPS for c in subj.children) else []
        if listed:
            return listed  # "several states, including A, B and C, have banned X"
        if subj is not None and subj.lemma_.lower() in self.lex["policy"]["quantity_nouns"]:
            # "Most of the states, NATO, and the EU's executive branch have barred X"
            inner = next((p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"), None)
            found = self._coordinated_parties(inner) if inner is not None else []
            if found:
                return found
        for node in nodes:
            found = walks[node.i][1]
            places = self.listed_agents(found, ISSUER_KINDS[1])
            if places:
                bodies = self._described_bodies(found[1]) if found is not None else []
                # ("Beijing has banned X": a capital named as the actor itself is its state's)
                named = {m.entity for t in ([found[1], *found[1].conjuncts] if found is not None else [])
                         if (m := self.token_mention.get((self.block, t.i))) is not None}
                govs = bodies or [self.government_of(c, actor=c in named) for c in places]  # "Kestria's interior ministry"
                # "Kestria and the Commission have banned X": the bodies listed with the place
                govs += [e for e in self.listed_agents(found, ISSUER_KINDS[0] | ISSUER_KINDS[1])
                         if e.family == "Organization" and e.kind != "NewsOrganization" and e not in govs]
                for c in (found[1].conjuncts if found is not None else ()):
                    if c.pos_ == "NOUN":  # "the Ontario and federal governments": both
                        govs += [g for g in self._government_described(c) if g not in govs]
                if found is not None and self._national_comodifier(found[1]):
                    # "the Ontario and federal governments": Ontario's country, else the article's
                    entry = self.kb.country_of_place(places[0].label)
                    place = self.implicit(entry.name, entry.kind, False) if entry is not None and \
                        entry.kind == "Country" else self.article_country(found[1])
                    if place is not None and self.government_of(place) not in govs:
                        govs.append(self.government_of(place))
                return govs
        for node in nodes:
            # "Ohio Gov. Kara Senn ordered ...", "Acme CEO Dana Holt banned ...": the person's
            # organization or place, named before the name
            found = walks[node.i][2]
            if found is not None:
                ent, tok = found
                for d in tok.subtree:
                    if d.i >= tok.i or d.dep_ not in {"compound", "nmod", "poss"}:
                        continue
                    e = self.entity_at(d, {"Organization", "Place"})
                    if e is not None and e.kind != "NewsOrganization":
                        return [self.government_of(e) if e.family == "Place" else e]
                govt = self._official_government(ent, trig)
                if govt is not None:
                    return [govt]  # "Digitalisation minister X has banned ...": X's government
        staff = self._staff_owner(trig)
        if staff:
            return staff
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trig.children) or self._lasting_state(trig)
        if not passive and trig.dep_ in {"csubjpass", "nsubjpass"} and any(
                c.dep_ == "auxpass" for c in trig.head.children):
            # "Blocking measures for X are in force, a ministry official said": the
            # policy noun or gerund is the subject of a passive clause
            trig, passive = trig.head, True
        site = self._policy_sites(trig) if passive else None
        if site is not None:
            if site["at"]:
                return site["at"]  # "X has been blocked at Acme", "... on computers at Acme"
            if site["owner"]:
                return site["owner"]  # "X is blocked on Acme's network": the owner of the network
            # "Acme said access to X had been restricted": the speaker issued it
            speaker = self.attribution(trig.sent)
            organization = self._attributed_organization(trig.sent)
            if organization is not None:
                return self._co_speakers(trig, organization)
            if isinstance(speaker, Entity) and speaker.family == "Person":
                # "X has been banned on Ohio devices, Gov. Dana Holt announced": the official's government
                govt = self._official_government(speaker, trig)
                if govt is not None:
                    return [govt]
            node = trig
            while node.dep_ in {"conj", "xcomp"} and node.head.i != node.i:
                node = node.head
            if node.dep_ == "ccomp" and node.head.lemma_ in self.lex["reporting_verbs"]:
                said_by = self._clause_subject(node.head)  # "the trade ministry said access was restricted"
                if said_by is not None and said_by.lemma_.lower() in self.lex["policy"]["speaker_nouns"]:
                    # "a finance ministry official said": the body the official speaks for
                    said_by = next((c for c in reversed(list(said_by.children)) if c.dep_ == "compound"
                                    and c.lemma_.lower() in self.lex["policy"]["body_nouns"]), said_by)
                if said_by is not None:
                    bodies = self._described_bodies(said_by) or self._government_described(said_by) \
                        or self._spokesperson_org(said_by)
                    if not bodies and said_by.lemma_.lower() in self.lex["policy"]["government_nouns"]:
                        bodies = self._clause_place_government(node)
                    if bodies:
                        return bodies
        if site is not None and site["in"]:
            return site["in"]  # "X has been blocked in Kestria", "... on government devices in Kestria"
        if self._under_named_policy(trig):
            # "Under the new rules, nurses were told not to ...": the rules' author
            author = self._policy_author(trig)
            if author is not None:
                return [author]
        subj = self._subject_up(trig)
        pol = self.lex["policy"]
        if subj is None or subj.lemma_.lower() in pol["policy_container_nouns"] \
                or subj.lemma_.lower() in pol["policy_anaphors"] and subj.dep_ == "nsubj" and subj.head == trig:
            # "Acme's policy prohibits X": the document's owner, named as its possessor; "The ban
            # forbids staff from ..." after "Acme has moved against X": the previous sentence's
            # subject (centering); else the organization the article names most
            owner = next((e for c in (subj.children if subj is not None else ()) if c.dep_ == "poss"
                          for e in [self.entity_at(c, {"Organization"})] if e is not None
                          and e.kind != "NewsOrganization"), None)
            if owner is None and subj is not None and subj.dep_ == "nsubj" and subj.head == trig and any(
                    c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in subj.children):
                owner = self._centering_issuer(self.sentence_of(trig), trig)
            return [owner] if owner is not None else self._document_owner(trig)
        subj = self._class_member_subject(subj)
        listed = self._listed_members(subj)
        if listed:
            return listed
        bodies = self._described_bodies(subj)
        if bodies:
            return bodies
        left = [d for d in subj.subtree if d.i <= subj.i and d.dep_ in {"compound", "poss", "amod", "nmod"}
                or d is subj]
        if subj.lemma_.lower() == "administration":  # "the Kestrel administration"
            named = [d for d in left if d.dep_ == "compound" and (m := self.mention_at(d)) is not None
                     and m.entity is not None and m.entity.family == "Person"]
            if named:
                label = f"{named[-1].text} administration"
                return [self.implicit(label, "GovernmentBody", True)]
        found = self._government_described(subj) or self._place_anaphor(subj)
        if not found and subj.lemma_.lower() in self.lex["policy"]["government_nouns"] and subj.dep_ == "nsubj" \
                and subj.head.lemma_ in self.lex["reporting_verbs"]:
            found = self._clause_place_government(trig)
        if not found and self._unnamed_national_body(subj):
            # "The army has banned X" in an article about Kestria: Kestria's government
            country = self.article_country(subj)
            found = [self.government_of(country)] if country is not None else []
        return found

    def _public_sector_government(self, toks: list[Token], trig: Token) -> Entity | None:
        """The government that issues an agentless policy on the public sector ("X is barred
        from government devices", "... for civil servants": ``policy.public_sector_words`` in
        the clause): the government of the country the article is about
        (:meth:`article_country`), or None. It is the policy's ``fallback`` issuer, used only when
        the article level finds none (:meth:`kg.extract.linking.ArticleLinker.link_article_level`)."""
        if not any(t.lower_ in PUBLIC_SECTOR_WORDS and t.i != trig.i for t in toks):
            return None
        country = self.article_country(trig)
        return self.government_of(country) if country is not None else None

    def _unnamed_national_body(self, noun: Token) -> bool:
        """True for a country's body named by its common noun alone: "the army", "the
        government", "authorities", "the army command" (``policy.national_body_nouns``, as the
        head or as a compound before it), with no name, possessor or other modifier that says
        whose it is."""
        head = noun
        if noun.lemma_.lower() not in NATIONAL_BODY_NOUNS:
            head = next((c for c in noun.children if c.dep_ == "compound"
                         and c.lemma_.lower() in NATIONAL_BODY_NOUNS), None)
            if head is None:
                return False
        if noun.pos_ != "NOUN" or self.mention_at(noun) is not None:
            return False
        for c in [*noun.children, *head.children]:
            if c.dep_ in {"poss", "nmod", "prep", "appos"} or c.dep_ in {"compound", "amod"} and c is not head \
                    and c.lemma_.lower() not in NATIONAL_BODY_NOUNS:
                return False  # "Acme's police", "the army of Kestria", "the state government"
            if c.dep_ == "det" and c.lower_ != "the":
                return False  # "a government", "any army"
        return True

    def _self_restriction(self, verb: Token) -> list[tuple[Entity, Entity]]:
        """A product that restricts a part of itself: "X has disabled its image generator",
        "apps, including Acme's X and Kestrel's Y, have suspended photo recognition" (the
        subject names products, the object is a part of one, ``policy.product_part_nouns``).
        Returns (maker, product) pairs, the maker being the product's possessor just before
        it ("Acme's X"), else its maker in the knowledge base; [] when the clause is no such act."""
        parts = self.lex["policy"]["product_part_nouns"]
        subj = self._clause_subject(verb)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if subj is None or obj is None or obj.lemma_.lower() not in parts:
            return []
        out: list[tuple[Entity, Entity]] = []
        for t in subj.subtree:
            m = self.mention_at(t)
            if m is None or m.entity is None or m.entity.family != "Product" or t.i != m.start:
                continue
            doc = self.docs[self.block]
            maker = None
            if m.start >= 2 and doc[m.start - 1].tag_ == "POS":  # "Acme's X", read on the surface
                maker = self.entity_at(doc[m.start - 2], {"Organization"})
            if maker is None:
                names = self.kb.makers(m.entity.label)
                entry = self.kb.lookup(names[0]) if names else None
                maker = self.implicit(entry.name, entry.kind, False) if entry is not None else None
            if maker is not None and (maker, m.entity) not in out:
                out.append((maker, m.entity))
        return out

    def _policy_sites(self, trig: Token, depth: int = 3) -> dict[str, list[Entity]]:
        """Where a passive policy holds, as its possible issuers, from the prepositional
        phrases under ``trig`` down to ``depth`` levels ("banned on computers at Acme",
        "blocked for staff at Acme", "restricted on government devices in Kestria").

        Returns:
            ``{"at": organizations after a site preposition (``passive_site_preps``: "at",
            "across", ...), or owning the workplace there ("at Acme's offices",
            ``policy.workplace_nouns``), "owner": owners of the devices or networks after a device
            preposition ("on Acme's network"), "in": the governments of places after a place
            preposition ("in Kestria")}``, each in text order without repeats.
        """
        pol = self.lex["policy"]
        out: dict[str, list[Entity]] = {"at": [], "owner": [], "in": []}
        places: list[Entity] = []

        def add(key: str, ent: Entity | None) -> None:
            if ent is not None and ent.kind != "NewsOrganization" and ent not in out[key]:
                out[key].append(ent)

        frontier = [(c, 1) for c in trig.children if c.dep_ == "prep"]
        while frontier:
            prep, level = frontier.pop(0)
            word = prep.lower_
            for obj in (p for c in prep.children if c.dep_ == "pobj" for p in [c, *c.conjuncts]):
                if word in PASSIVE_SITE_PREPS:
                    site = self.entity_at(obj, {"Organization"})
                    if site is None and obj.lower_ in pol["workplace_nouns"]:
                        # "banned at Acme's offices": the owner of the workplace
                        site = next((e for q in obj.children if q.dep_ == "poss"
                                     for e in [self.entity_at(q, {"Organization"})] if e is not None), None)
                    add("at", site)
                if word in DEVICE_PREPS and obj.lemma_.lower() in pol["device_nouns"]:
                    for q in obj.children:
                        if q.dep_ == "poss":
                            add("owner", self.entity_at(q, {"Organization"}))
                if word in PASSIVE_PLACE_PREPS:
                    place = self.entity_at(obj, {"Place"})
                    if place is not None and place not in places:
                        places.append(place)
                    if place is None and obj.tag_ == "NNS":
                        # "blocked in several countries, including A, B and C": the places listed
                        places += [e for c in obj.children if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS
                                   for p in c.children if p.dep_ == "pobj" for x in [p, *p.conjuncts]
                                   for e in [self.entity_at(x, {"Place"})] if e is not None and e not in places]
                if level < depth and obj.lemma_.lower() not in MEASURE_NOUNS:
                    # (not into another measure: "viewed as a reply to curbs in Kestria")
                    frontier += [(c, level + 1) for c in obj.children if c.dep_ == "prep"]
        out["in"] = [self.government_of(p) for p in places]
        return out

    def _regional_demonym(self, word: Token, country: str) -> Entity | None:
        """The state a nationality word names with the capitalized word before it: "South
        Australian" is South Australia when the gazetteer knows "South Australia" as a place
        of that country ("the Western Australian government"); else None."""
        if word.i == 0:
            return None
        prev = word.doc[word.i - 1]
        if not prev.is_title or prev.is_sent_start and prev.lower_ == "the":
            return None
        name = f"{prev.text} {country}"
        entry = self.kb.country_of_place(name)
        if entry is None or normalize(entry.name) != normalize(country) or normalize(name) == normalize(country):
            return None
        return self.implicit(name, "Place", False)

    def _place_anaphor(self, noun: Token) -> list[Entity]:
        """The government of the place a bare definite description stands for: "the country"
        or "the nation" is the country last named in the article (:meth:`coref_place`); "the
        city", "the municipality", "the state", "the province" the last place named that is no
        country (``policy.place_anaphors``). A description with its own modifiers ("the city
        council of X", "the Kestrian state") is not an anaphor here."""
        kinds = self.lex["policy"]["place_anaphors"]
        lemma = noun.lemma_.lower()
        if not any(lemma in words for words in kinds.values()) or noun.tag_ == "NNS" or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in noun.children) or any(
                c.dep_ in {"compound", "amod", "nmod", "poss", "prep"} for c in noun.children):
            return []
        place = self.coref_place(noun, country=lemma in kinds["Country"])
        return [self.government_of(place)] if place is not None else []

    def _under_named_policy(self, trig: Token) -> bool:
        """True when a clause above ``trig`` is governed "under" a policy document ("under the
        new policy", "under the guidelines": ``policy.policy_container_nouns``)."""
        containers = POLICY_CONTAINER_NOUNS
        return any(c.dep_ == "prep" and c.lower_ == "under" and any(p.dep_ == "pobj" and p.lemma_.lower() in containers
                                                                  for p in c.children)
                   for a in [trig, *trig.ancestors] for c in a.children)

    def _policy_author(self, trig: Token) -> Entity | None:
        """The organization the article last named as making a policy document before ``trig``
        ("with Acme adopting a policy on chatbots", "Acme issued new
        guidelines"): the agent of a verb whose object is a ``policy.policy_container_nouns``
        word, or the noun a participle with such an object modifies."""
        containers = POLICY_CONTAINER_NOUNS
        found = None
        for b in range(0, self.block + 1):
            for sent in self.sents[b]:
                if b == self.block and sent.start >= trig.sent.start:
                    break
                for verb in sent:
                    if verb.pos_ != "VERB" or not any(c.dep_ == "dobj" and c.lemma_.lower() in containers
                                                      for c in verb.children):
                        continue
                    if verb.dep_ == "acl":
                        m = self.token_mention.get((b, verb.head.i))
                        e = m.entity if m is not None else None
                    else:
                        subj = self._clause_subject(verb)
                        m = self.token_mention.get((b, subj.i)) if subj is not None else None
                        e = m.entity if m is not None else None
                    if e is not None and e.family == "Organization" and e.kind != "NewsOrganization":
                        found = e
        return found

    def _coordinated_parties(self, noun: Token) -> list[Entity]:
        """Organizations and places a coordinated noun phrase names, through its appositions
        and conjuncts: "the states, NATO, and the European Union's governing branch"
        gives NATO and the European Union (a body noun stands for its possessor); a
        place stands for its government. [] when it names none."""
        out: list[Entity] = []
        todo, seen = [noun], set()
        while todo:
            t = todo.pop(0)
            if t.i in seen:
                continue
            seen.add(t.i)
            todo += [c for c in t.children if c.dep_ in {"appos", "conj"}]
            e = self.entity_at(t, {"Organization", "Place"}) if self.mention_at(t) is not None else None
            if e is None:
                e = self.possessor_party(t)
            if e is not None and e.kind != "NewsOrganization":
                e = self.government_of(e) if e.family == "Place" else e
                if e not in out:
                    out.append(e)
        return out

    def _document_pronoun(self, trig: Token) -> list[Entity]:
        """"The order directs that ... In addition, it prohibits X": an "it" subject after a
        sentence whose subject is a policy document or anaphor (``policy.policy_container_nouns``,
        ``policy.policy_anaphors``) is that document; its issuer is the one of the policy
        stated last before it."""
        subj = self._subject_up(trig)
        if subj is None or subj.lower_ != "it":
            return []
        doc = trig.doc
        begin = self.sentence_of(trig).start
        prev = next((s for s in doc.sents if s.end == begin), None)
        if prev is None and self.block > 0:
            prev = list(self.docs[self.block - 1].sents)[-1] if len(self.docs[self.block - 1]) else None
        psubj = self._clause_subject(prev.root) if prev is not None else None
        if psubj is None or psubj.lemma_.lower() not in CONTAINERS_OR_ANAPHORS:
            return []
        before = [o for o in self.observations if o.kind == "policy" and o.roles.get("issuer") is not None]
        return [before[-1].roles["issuer"]] if before else []

    def _raised_subject(self, trig: Token) -> list[Entity]:
        """"Acme is said to have blocked X", "Acme is believed to have banned X": the passive
        subject of a reporting verb whose infinitive states the policy."""
        head = trig.head
        if trig.dep_ != "xcomp" or not any(c.dep_ == "auxpass" for c in head.children) or not (
                head.lemma_ in self.lex["reporting_verbs"] or head.lemma_ in self.lex["policy"]["belief_verbs"]):
            return []
        subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        ent = self.entity_at(subj, {"Organization", "Place"}) if subj is not None else None
        if ent is None or ent.kind == "NewsOrganization":
            return []
        return [self.government_of(ent) if ent.family == "Place" else ent]

    def _clause_place_government(self, node: Token) -> list[Entity]:
        """"X has been told to stop serving users in Kestria, authorities said": unnamed
        authorities speak for the government of the place the clause names ("in Kestria")."""
        places = [e for t in node.subtree if t.dep_ == "pobj" and t.head.lower_ == "in"
                  for e in [self.entity_at(t, {"Place"})] if e is not None]
        return [self.government_of(places[0])] if places else []

    def _government_described(self, noun: Token) -> list[Entity]:
        """The government a description of one of its organs stands for: "Chinese
        authorities", "the Kestria governor", "Kestria's police", "the state of Ohio",
        "regulators in Kenya", "the country's data protection authority" (the country
        last named). Only heads and modifiers of ``policy.government_nouns`` count."""
        govt = GOVERNMENT_NOUNS
        left = [d for d in noun.subtree if d.i <= noun.i and d.dep_ in {"compound", "poss", "amod", "nmod"}
                or d is noun]
        if noun.pos_ not in {"NOUN", "PROPN"} or not any(d.lemma_.lower() in govt for d in left):
            return []
        # "the state of Ohio", "regulators in Kenya": the place after the noun
        left += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS
                 for p in c.children if p.dep_ == "pobj"]
        for c in left:
            if c.dep_ in {"compound", "poss", "amod", "nmod", "pobj"}:
                m = self.mention_at(c)
                if m is not None and m.entity is not None and m.entity.family == "Place":
                    if c.dep_ == "pobj":  # "laws in A, B and C": each place's government
                        places = [e for x in [c, *c.conjuncts] for e in [self.entity_at(x, {"Place"})] if e is not None]
                        return list(dict.fromkeys(self.government_of(e) for e in places))
                    return [self.government_of(m.entity)]
                entry = self.kb.country_of_demonym(c.text) if c.dep_ == "amod" or c.dep_ == "compound" \
                    and self.kb.is_demonym(c.text) else None  # ("Czech" is often parsed a compound)
                if entry is not None:
                    region = self._regional_demonym(c, entry.name)
                    place = region or self.implicit(entry.name, entry.kind, False)
                    return [self.government_of(place)]
                if c.dep_ == "poss" and c.lemma_ == "country":
                    place = self.coref_place(c)
                    if place is not None:
                        return [self.government_of(place)]
        national = NATIONAL_MODIFIERS
        if noun.lemma_.lower() in self.lex["policy"]["national_heads"] and any(
                c.dep_ == "amod" and c.lower_ in national for c in noun.children):
            place = self.article_country(noun)  # "the federal government", "the national administration"
            if place is not None:
                return [self.government_of(place)]
        return []

    def _national_comodifier(self, tok: Token) -> bool:
        """True when a place name modifies a government noun together with a national
        modifier ("the Ontario and federal governments", ``policy.national_modifiers``), at
        ``tok`` (the place) or at the noun it modifies."""
        heads, national = NATIONAL_HEADS, NATIONAL_MODIFIERS
        noun = tok if tok.lemma_.lower() in heads else tok.head
        if noun.lemma_.lower() not in heads:
            return False
        mods = [c for c in noun.children if c.dep_ in {"nmod", "compound", "amod"}]
        return any(x.lower_ in national for m in mods for x in [m, *m.conjuncts]) and len(mods) + sum(
            len(m.conjuncts) for m in mods) > 1

    def article_country(self, tok: Token) -> Entity | None:
        """The country an article is about, as far as it has been read at ``tok``: the country
        its place names before ``tok`` (countries, and cities and regions through the
        gazetteer, :meth:`kg.nlp.kb.KnowledgeBase.country_of_place`) and its nationality words
        ("Canadian") point to most often, the latest on a tie; None when none does. Used for
        "the federal government" and other unnamed national bodies."""
        seen: list[tuple[int, int, str]] = []  # (block, token index, country name), in text order
        for b in range(self.block + 1):
            end = tok.i if b == self.block else len(self.docs[b])
            for m in self.mentions[b]:
                if m.start < end and m.entity is not None and m.entity.family == "Place":
                    entry = self.kb.country_of_place(m.entity.label)
                    if entry is not None and entry.kind == "Country":
                        seen.append((b, m.start, entry.name))
            for t in self.docs[b][:end]:
                if t.pos_ in {"ADJ", "PROPN"} and self.kb.is_demonym(t.text) and not self._firm_nationality(t):
                    entry = self.kb.country_of_demonym(t.text)
                    if entry is not None and entry.kind == "Country":
                        seen.append((b, t.i, entry.name))
        if not seen:
            return None
        seen.sort()
        votes = Counter(name for _, _, name in seen)
        latest = {name: k for k, (_, _, name) in enumerate(seen)}
        name = max(votes, key=lambda k: (votes[k], latest[k]))
        entry = self.kb.lookup(name)
        return self.implicit(name, entry.kind if entry is not None else "Country", False)

    def _firm_nationality(self, word: Token) -> bool:
        """True for a nationality word that describes a firm or a product ("the Chinese AI firm",
        "a French startup", "Chinese apps": an adjective on a ``cue_nouns`` noun of a company, a
        software product or a model): it says where the firm or product is from, not which
        country the article is about."""
        if word.dep_ != "amod":
            return False
        head = word.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head  # ("the Chinese AI firm": the modifiers between)
        cues = self.lex["cue_nouns"]
        lemma = head.lemma_.lower()
        return lemma in cues["Company"] or lemma in cues["SoftwareProduct"] or lemma in cues["AIModel"]

    def _speaker_issuers(self, subj: Token) -> list[Entity]:
        """The issuer a speaker's noun phrase names: an organization, a place (as its
        government), an unnamed body ("the trade ministry") or a government organ
        ("Kestria's police", "the country's regulator")."""
        ent = self.entity_at(subj, {"Organization", "Place"}, subject_first=True)
        if ent is not None and ent.kind != "NewsOrganization":
            return [self.government_of(ent) if ent.family == "Place" else ent]
        appos = [a for a in subj.children if a.dep_ == "appos"]
        if ent is None and appos:
            # "two firms, A and B, said they had barred X"
            out = []
            for a in appos:
                for t in [a, *a.conjuncts]:
                    e = self.entity_at(t, {"Organization", "Place"})
                    if e is not None and e.kind != "NewsOrganization" and e not in out:
                        out.append(self.government_of(e) if e.family == "Place" else e)
            if out:
                return out
        return self._described_bodies(subj) or self._government_described(subj) or self._spokesperson_org(subj)

    def _co_speakers(self, trig: Token, speaker: Entity) -> list[Entity]:
        """The speaker and the organizations coordinated with it as the subject of the reporting
        verb above ``trig`` ("A and B said access to X had been blocked": both); [speaker] when
        the speaker is no such subject."""
        node = trig
        for _ in range(5):
            if node.dep_ == "ccomp" and node.head.lemma_ in self.lex["reporting_verbs"]:
                subj = self._clause_subject(node.head)
                if subj is None:
                    break
                found = [e for t in [subj, *subj.conjuncts] for e in [self.entity_at(t, {"Organization"})]
                         if e is not None and e.kind != "NewsOrganization"]
                if speaker in found:
                    return list(dict.fromkeys(found))
                break
            if node.dep_ not in CLAUSE_UP or node.head == node:
                break
            node = node.head
        return [speaker]

    def _spokesperson_org(self, noun: Token) -> list[Entity]:
        """The organization a role noun speaks for: "a spokesperson for Acme", "Acme's chief
        information officer", "an Acme official" (``policy.speaker_nouns``,
        ``reason.speaker_nouns``, ``reason.role_nouns``); [] for other nouns."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ROLE_NOUNS:
            return []
        for c in noun.children:
            cands = [p for p in c.children if p.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ in SPOKESPERSON_PREPS \
                else [c] if c.dep_ in {"poss", "compound"} else []
            for t in cands:
                e = self.entity_at(t, {"Organization"})
                if e is not None and e.kind != "NewsOrganization":
                    return [e]
        return []

    def _reported_speaker(self, trig: Token) -> list[Entity]:
        """"Kestria's police said they had blocked X", "the ministry said it would restrict
        X": a pronoun subject in reported speech stands for the speaker."""
        if trig.lower_ == "available" and trig.dep_ == "acomp":
            trig = trig.head  # "X won't be available": the copula's clause
            subj = self._subject_up(trig)
            if subj is None or subj.pos_ not in {"NOUN", "PROPN"}:
                return []
        else:
            subj = self._subject_up(trig)
            if subj is not None and self._possessed_act(trig):
                return []  # "it is concerned about Kestria's decision to ban X": Kestria acts
        if trig.lemma_ == "be" and subj.pos_ in {"NOUN", "PROPN"}:
            pass  # "Acme said the features won't be available in the EU": the speaker withholds them
        elif subj is not None and subj.pos_ == "PRON" and subj.lower_ in OFFICIAL_PRONOUNS:
            # "Gov. Dana Holt said she issued the ban": an official's pronoun, the official's government
            speaker = self.attribution(trig.sent)
            if isinstance(speaker, Entity) and speaker.family == "Person":
                govt = self._official_government(speaker, trig)
                return [govt] if govt is not None else []
            return []
        elif subj is None or (subj.pos_ != "PRON" or subj.lower_ not in SPEAKER_PRONOUNS) \
                and not self._bare_staff(subj) and not self._bare_scope(subj):
            return []
        node = trig
        reporting = self.lex["reporting_verbs"]
        for _ in range(5):
            if node.dep_ == "ccomp" and node.head.lemma_ in reporting:
                speaker = self._clause_subject(node.head)
                if speaker is None:
                    # "..., Kestria's ministry said", the parse hanging the speaker on the clause
                    # before the verb: the sentence's attribution
                    said = self._attributed_organization(trig.sent)
                    return [said] if said is not None else []
                return self._speaker_issuers(speaker)
            if node.dep_ == "acl" and node.head.dep_ == "pobj" and node.head.head.head.lemma_ in reporting:
                # "Acme said in a statement that X won't be available": the statement's content
                speaker = self._clause_subject(node.head.head.head)
                return self._speaker_issuers(speaker) if speaker is not None else []
            if node.dep_ not in CLAUSE_UP and node.dep_ != "acomp" or node.head == node:
                return []  # (up through "be able to use": the adjective's copula)
            node = node.head
        return []

    def _possessed_act(self, trig: Token) -> bool:
        """True when a noun above the policy trigger has a named possessor, which performs the
        act: "concerned about Kestria's decision to ban X", "criticised Acme's move to block Y"
        (up through ``acl``, ``xcomp``, ``prep`` and ``pobj``, at most four steps)."""
        node = trig
        for _ in range(4):
            if node.dep_ not in {"acl", "xcomp", "prep", "pobj"} or node.head == node:
                return False
            node = node.head
            if node.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PROPN" and self.mention_at(c) is not None
                                           for c in node.children):
                return True
        return False

    def _copular_frame(self, trig: Token) -> bool:
        """True when a policy verb hangs on the sentence's copula through the noun that
        classes its issuer ("A is the latest firm to ban X", "A became one of the first
        states to restrict X"), so that the copula's own modifiers ("..., fearing Y") are
        the policy's."""
        node, steps = trig, 0
        while node.dep_ in {"relcl", "acl", "xcomp", "attr", "pobj", "prep"} and node.head != node and steps < 5:
            node, steps = node.head, steps + 1
        return steps > 0 and node == trig.sent.root and node.lemma_ in CLASS_COPULAS

    def _orders_maker(self, verb: Token) -> bool:
        """True when a directive orders a company to restrict its own product ("ordered Acme to
        block its chatbot", "told Acme to suspend its app"): the verb's object is a possessed
        thing of the company's, and no product is named in it."""
        party = next((c for c in verb.head.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        ent = self.entity_at(party, {"Organization", "Product"}) if party is not None else None
        if ent is None or ent.family == "Organization" and ent.kind != "Company":
            return False  # (a product named as the party: "ordered X to halt its data collection")
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return obj is not None and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in obj.children) \
            and not self._restricted_things(list(obj.subtree))

    def _official_government(self, person: Entity, trig: Token) -> Entity | None:
        """The government an official speaks for: a person the article titles with one of
        ``policy.government_titles`` ("Gov.", "Mayor", "Minister") stands for the government of
        the place the clause names ("on Ohio devices"), else of the place the article has named
        most up to here. None for anyone else."""
        titles = GOVERNMENT_TITLES
        titled = False
        for t in trig.sent:
            # "Dana Holt, the governor of Ohio, ...": a title in apposition, and the place it names
            m = self.mention_at(t)
            if m is None or m.entity is not person or t.i != m.end - 1:
                continue
            for a in (c for c in t.children if c.dep_ == "appos" and c.lemma_.lower() in titles):
                places = [e for c in a.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                          if p.dep_ == "pobj" for e in [self.entity_at(p, {"Place"})] if e is not None]
                if places:
                    return self.government_of(places[0])
                titled = True
        for b, ms in enumerate(self.mentions[: self.block + 1]):
            doc = self.docs[b]
            for m in ms:
                if m.entity is person and m.start > 0 and doc[m.start - 1].lower_.rstrip(".") in titles:
                    titled = True
        if not titled:
            return None
        places = [e for t in trig.sent if (m := self.mention_at(t)) is not None and t.i == m.end - 1
                  for e in [m.entity] if e is not None and e.family == "Place" and not self._seat_of_organization(t)]
        if not places:
            # "... has banned Dutch civil servants from ...": the country of the staff's nationality
            places = [self.implicit(entry.name, entry.kind, False) for t in trig.subtree
                      if t.dep_ == "amod" and t.head.dep_ in {"dobj", "nsubjpass"} and self.kb.is_demonym(t.text)
                      for entry in [self.kb.country_of_demonym(t.text)] if entry is not None]
        # (else the place the sentence before has as its subject, "Kestria moved against X. Its
        # prime minister said ...", before the place named last, which may only describe a firm)
        place = places[0] if places else self._previous_subject_entity(trig, {"Place"}) \
            or self.salient(trig, "Place") or self.article_country(trig)
        return self.government_of(place) if place is not None else None

    def _staff_rule(self, trig: Token) -> bool:
        """True for a rule stated of staff named without their organization ("Staff must not
        enter data into X", "employees are barred from using X"): its issuer is the discourse's
        (:meth:`_centering_issuer`, else the article's)."""
        node = trig
        for _ in range(3):
            subj = self._clause_subject(node)
            if subj is not None:
                return self._bare_staff(subj) or self._bare_scope(subj) and self.attribution(trig.sent) is not None
            if node.dep_ not in {"xcomp", "pcomp", "prep"} or node.head == node:
                return False
            node = node.head
        return False

    def _bare_staff(self, noun: Token) -> bool:
        """True for staff named without their organization ("employees", "its workers"), whose
        rule, in reported speech, is the speaker's: "Acme said employees must not use X"."""
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.lemma_.lower() not in STAFF_FORMS:
            return False  # (a sentence's first word, "Staff", is often tagged a proper noun)
        return not any(self.mention_at(d) is not None for d in noun.subtree)

    def _attributed_organization(self, sent: Span) -> Entity | None:
        """The organization the sentence is attributed to ("..., Acme said", "according to
        Acme"; :meth:`attribution`), when it is no news organization (which reports rules and
        issues none); None otherwise."""
        said = self.attribution(sent)
        if isinstance(said, Entity) and said.family == "Organization" and said.kind != "NewsOrganization":
            return said
        return None

    def _hinders(self, verb: Token) -> bool:
        """True for a verb that keeps a party from using or trading something (``policy.hinder_verbs``
        with a "from" gerund of ``policy.use_verbs`` or ``policy.trade_verbs``): "is preventing
        employees from downloading X", "stopped Acme from selling X to Y"."""
        pol = self.lex["policy"]
        return verb.lemma_ in pol["hinder_verbs"] and any(
            c.dep_ == "prep" and c.lower_ == "from" and any(
                p.dep_ == "pcomp" and (p.lemma_ in pol["use_verbs"] or p.lemma_ in pol["trade_verbs"])
                for p in c.children) for c in verb.children)

    def _controls_use(self, tok: Token) -> bool:
        """True for a control word (``policy.control_nouns``) governing a use of something: the
        verb's object ("to control its employees' use of X") or the noun's "on" or "over" phrase
        ("controls on employee use of X"); ``policy.use_nouns``."""
        use_nouns = USE_NOUNS
        if tok.pos_ == "VERB":
            return any(c.dep_ == "dobj" and c.lemma_.lower() in use_nouns for c in tok.children)
        if tok.pos_ != "NOUN":
            return False
        # (the parse may hang the phrase on the verb the noun is the object of: "put controls on ...")
        holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
        return any(c.dep_ == "prep" and c.lower_ in CONTROL_PREPS and any(
            p.dep_ == "pobj" and p.lemma_.lower() in use_nouns for p in c.children) for h in holders for c in h.children)

    @staticmethod
    def _lasting_state(trig: Token) -> bool:
        """True for a policy participle completing a verb of lasting state ("X will remain
        blocked", "X would stay banned"; ``policy.state_verbs``): an agentless policy whose
        restricted thing is that verb's subject."""
        return trig.dep_ in {"acomp", "xcomp", "oprd"} and trig.tag_ == "VBN" and trig.head.lemma_ in STATE_VERBS

    def _shuts_other(self, verb: Token) -> bool:
        """True when a phrasal ban verb (``policy.phrasal_ban``) ends something that is no named
        product: "police shut down a website that sold X" (X is only in the object's relative
        clause). (A maker switching off its own product restricts it: :meth:`_self_restriction`.)"""
        for obj in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}):
            m = self.mention_at(obj)
            if m is None and obj.pos_ == "NOUN" and any(c.dep_ == "relcl" for c in obj.children):
                return True
        return False

    def _bare_scope(self, noun: Token) -> bool:
        """True for those a rule binds named by a class without a name (``policy.scope_nouns``:
        "government agencies", "civil servants", "public bodies"), whose rule, in reported speech,
        is the speaker's: "Agencies should not use X, the ministry said"."""
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.lemma_.lower() not in SCOPE_NOUNS and noun.lower_ not in SCOPE_NOUNS:
            return False
        return not any(self.mention_at(d) is not None for d in noun.subtree)

    def _denied_use(self, verb: Token) -> bool:
        """True for a use that a rule denies: "cannot use", "can no longer use", "are not
        allowed to use", "not permitted to download", "does not grant permission to use"
        (a negation on the verb or on the permission above it)."""
        permission = PERMISSION_WORDS
        nodes = [verb]
        if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_ in permission:
            nodes.append(verb.head)
            if verb.head.dep_ in {"acomp", "xcomp"}:
                nodes.append(verb.head.head)
        grant = verb.head if verb.dep_ in {"advcl", "xcomp", "acl"} else None
        if grant is not None and grant.dep_ == "dobj" and grant.lemma_.lower() in self.lex["policy"]["permission_nouns"]:
            grant = grant.head  # "... not give staff permission to use X" (the noun's clause)
        if grant is not None and grant.pos_ == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lex["policy"]["permission_nouns"] for c in grant.children):
            nodes.append(grant)  # "will not grant staff approval to install X"
        for n in nodes:
            if any(c.dep_ == "neg" for c in n.children) and (
                    n.i != verb.i or verb.lemma_ in permission or self._modal_or_directed(verb)):
                return True  # ("X has never used Y", "X does not rely on Y": a fact, no rule)
            if n.lemma_ in permission and n.dep_ in {"xcomp", "pcomp"} and n.head.lemma_ in self.lex["policy"]["stop_verbs"]:
                return True  # "has stopped allowing staff to use X"
            if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in n.children):
                return True
        return False

    def _modal_or_directed(self, verb: Token) -> bool:
        """True when a negated use is a rule: a modal of permission or obligation on it ("cannot
        use", "must not upload", ``policy.rule_modals``), or an infinitive under a directive or a
        permission ("told staff not to use", "are not to install")."""
        if any(c.dep_ == "aux" and c.lemma_.lower() in self.lex["policy"]["rule_modals"] for c in verb.children):
            return True
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
            self._under_directive(verb) or verb.head.lemma_ == "be")

    def _staff_owner(self, trig: Token) -> list[Entity]:
        """The organization whose staff a rule binds, when the clause names no issuer:
        "Acme staff have been banned from using X", "employees at Acme cannot use X",
        "Kestria civil servants can no longer use X"."""
        staff = BOUND_PARTY_FORMS  # (staff, scope and organ nouns: "the board of Acme voted to ban X")
        node = trig
        for _ in range(4):
            for c in node.children:
                if c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in staff:
                    found = [m.entity for d in c.subtree
                             if (d.i < c.i or d.dep_ == "pobj" and d.head.lower_ in STAFF_ORG_PREPS)
                             and (m := self.mention_at(d)) is not None and m.entity is not None
                             and m.entity.family in {"Organization", "Place"}]
                    orgs = [e for e in found if e.family == "Organization"]
                    if orgs:
                        return orgs[:1]
                    return [self.government_of(found[0])] if found else []
            if node.dep_ not in CLAUSE_UP | {"acomp"} or node.head == node:
                return []
            node = node.head
        return []

    def _described_bodies(self, noun: Token) -> list[Entity]:
        """Government bodies a description names without a proper name: "the trade ministry",
        "Kestria's finance ministry", "the foreign, trade and defence ministries" (one body per
        coordinated modifier), "police". Labels are the text's own words, lower case (but an
        acronym's: "the IT ministry").
        Only heads of ``policy.body_nouns`` count."""
        head = noun.lemma_.lower()
        if not (noun.pos_ == "NOUN" or noun.pos_ == "PROPN" and noun.is_lower) \
                or head not in self.lex["policy"]["body_nouns"] or self.token_mention.get((self.block, noun.i)) \
                or (m := self.mention_at(noun)) is not None and m.entity is not None and m.entity.family != "Place":
            # (a lower-case "ministry" the model tags as a proper noun is a common noun; "the
            # Kestria high court" anchored to its place is a body of that place)
            return []
        place = None
        for c in noun.children:
            if c.dep_ in {"poss", "compound", "amod", "nmod"}:
                m = self.mention_at(c)
                if m is not None and m.entity is not None and m.entity.family == "Place":
                    place = m.entity
                elif m is not None:
                    return []  # "Acme's ministry" is no government body
                elif self.kb.is_demonym(c.text):
                    entry = self.kb.country_of_demonym(c.text)
                    place = self.implicit(entry.name, entry.kind, False) if entry is not None else None
        word = noun.lower_ if noun.tag_ != "NNS" else head
        mods = [c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i
                and not self.mention_at(c) and not self.kb.is_demonym(c.text) and c.pos_ in {"NOUN", "ADJ", "PROPN"}
                and c.lower_ not in NON_BODY_MODIFIERS]
        labels = []
        for m in mods:
            for x in [m, *[c for c in m.conjuncts]]:
                labels.append(f"{x.text if x.is_upper and len(x) > 1 else x.lower_} {word}")  # ("IT ministry")
        if not labels:
            if head != "police":
                return []
            labels = ["police"]
        out = []
        for label in dict.fromkeys(labels):
            # "Kestria's police", "the Kestrian finance ministry": the body's own words, one
            # body per place (the same words in another country's news name another body)
            key = f"{place.key} {merge_key(label)}" if place is not None else None
            out.append(self.implicit(label, "GovernmentBody", True, key=key))
        return out

    def _subject_up(self, trig: Token) -> Token | None:
        """The active subject of ``trig`` or of the clauses above it (the relative pronoun's
        antecedent for "which"/"that"), or None."""
        node = trig
        for _ in range(5):
            passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in node.children)
            c = self._clause_subject(node) if not passive else None
            if c is not None and c.dep_ == "nsubj":
                if c.lower_ in RELATIVE and node.dep_ == "relcl":
                    return node.head
                if node.dep_ in {"ccomp", "xcomp"} and node.head.lemma_ in self.lex["policy"]["permission_words"] \
                        and c.pos_ == "NOUN" and self.mention_at(c) is None:
                    # "Acme won't allow advertisers to use X": who is (not) allowed is no issuer;
                    # the one who allows is
                    node = node.head
                    continue
                return c
            if node.dep_ == "ROOT" or node.head == node or node.dep_ not in CLAUSE_UP and node.dep_ != "acomp" \
                    and not (node.dep_ == "appos" and node.lemma_.lower() in DEADLINE_NOUNS):
                return None  # (up through "be able to use": the adjective's copula; "gave X five days to")
            node = node.head
        return None

    def _class_member_subject(self, noun: Token) -> Token:
        """The subject of a copula that places it in a class described by ``noun``: "A, B
        and C are some of the firms that have banned X", "A is among the agencies that
        restricted X", "A was one of the first states to ban X" (``noun`` is "firms",
        "agencies", "states"); else ``noun`` itself."""
        node = noun
        if node.dep_ == "nsubj" and node.head.lemma_ in MEMBERSHIP_VERBS:
            # "Other lenders that have restricted X include A and B": the members listed
            listed = next((c for c in node.head.children if c.dep_ in {"dobj", "attr"}), None)
            return listed if listed is not None and listed.pos_ == "PROPN" else noun
        if node.dep_ == "pobj" and node.head.lower_ in CLASS_PREPS:
            node = node.head.head
        if node.dep_ == "attr" or node.dep_ == "prep" and node.lower_ == "among":
            node = node.head
        elif node.pos_ not in {"AUX", "VERB"} or node is noun:
            return noun
        if node.lemma_ not in CLASS_MEMBER_VERBS:
            return noun
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        return subj if subj is not None and subj.pos_ == "PROPN" else noun

    def _listed_members(self, subj: Token) -> list[Entity]:
        """Organizations and places (as governments) that a subject lists: "states including
        A, B and C", "nations such as A and B"; or every conjunct of a relative clause's
        antecedent ("A, B and C, which have ...")."""
        heads = [subj]
        if subj.dep_ == "pobj" and subj.head.lower_ in MEMBER_PREPS:
            heads = [subj]
        elif subj.dep_ == "conj":
            first = subj
            while first.dep_ == "conj":
                first = first.head
            heads = [first]
        preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS]
        if not preps and subj.head.pos_ in {"VERB", "AUX"} and subj.tag_ == "NNS" and self.mention_at(subj) is None:
            # "Other states have banned X through executive actions, including A, B and C"
            preps = [c for c in subj.head.subtree if c.dep_ == "prep" and c.lower_ == "including"
                     and (c.head == subj.head or c.head.dep_ == "pobj" and c.head.head.head == subj.head
                          and c.head.lemma_.lower() not in self.lex["policy"]["product_nouns"])]
            # (not "... any generative AI tools, including A and B": the list of the products)
        members = [p for c in preps for p in c.children if p.dep_ == "pobj"]
        if not preps and (subj.dep_ in {"conj", "pobj"} or any(c.dep_ == "conj" for c in subj.children)):
            members = heads
        out: list[Entity] = []
        for m in members:
            for t in [m, *m.conjuncts]:
                e = self.entity_at(t, {"Organization", "Place"})
                if e is not None and e.family == "Place":
                    e = self.government_of(e)
                if e is None and t.pos_ == "NOUN" and t is not subj:
                    out += [g for g in self._government_described(t) if g not in out]  # "and federal governments"
                if e is not None and e not in out:
                    out.append(e)
        return out

    def _coordinated_places(self, found: tuple[Entity, Token] | None) -> list[Entity]:
        """The governments of the places coordinated with an organization agent ``found`` (an
        ``(entity, token)`` of :meth:`_agent_tokens`): "the Commission and Kestria have banned
        X" names Kestria's government as an issuer too; [] when none is listed."""
        if found is None:
            return []
        _, tok = found
        named = {m.entity for t in (tok, *tok.conjuncts) if (m := self.token_mention.get((self.block, t.i))) is not None}
        return [self.government_of(e, actor=e in named) for e in self.listed_agents(found, ISSUER_KINDS[0] | ISSUER_KINDS[1])
                if e.family == "Place"]

    def government_of(self, place: Entity, actor: bool = False) -> Entity:
        """The government body that acts for a country, state or city named as an issuer
        ("Kestria has ordered agencies to remove X"). It carries the place's own label, the
        name the competency questions accept for it, and is not itself a mention. With
        ``actor``, a national capital named as the actor itself stands for its country ("Beijing
        has banned X": China's government; :meth:`kg.nlp.kb.KnowledgeBase.capital_country`);
        "Vienna's privacy commissioner" is the city's."""
        if actor and place.kind != "Country" \
                and place.label.lower() not in self.lex["location"]["capitals_of_other_bodies"]:
            # ("Brussels" stands for the European Union's bodies: ``location.capitals_of_other_bodies``)
            country = self.kb.capital_country(place.label)
            if country is not None:
                place = self.implicit(country.name, country.kind, False)
        return self.implicit(place.label, "GovernmentBody", False, key=f"{place.key} government")

    @staticmethod
    def _hypothetical(tok: Token) -> bool:
        """True inside a "whether"/"if" clause ("did not say whether staff need approval") or
        an infinitive of manner ("explained how to block X")."""
        for node in [tok, *tok.ancestors]:
            if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in node.children):
                return True
            if any(c.dep_ == "advmod" and c.lower_ in HYPOTHETICAL_MARKS for c in node.children) and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                return True  # "instructions on how to block X", "deciding whether to ban X"
            if node is not tok and node.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no"
                                                                for c in node.children):
                return True  # "said it had no plans to restrict X"
            if node.dep_ == "ROOT":
                break
        return False

    def _product_anaphors(self, trig: Token, toks: list[Token], issuers: list[Entity]) -> list[Entity]:
        """The product a policy clause names only by description or pronoun: "banned the
        app", "restricted this tool", "banned its use", "blocked it" (the product last
        named before, :meth:`coref`); "banned the three apps" (every product of the group named
        before, :meth:`group_antecedent`); never one of the issuers."""
        use_nouns = USE_NOUNS
        out: list[Entity] = []
        for t in toks:
            if t.i < trig.i and t.head != trig:
                continue
            node, nested = t, False
            while node.head != node and node != trig and node not in trig.ancestors:
                nested = nested or node.dep_ in {"advcl", "ccomp", "relcl", "parataxis"}
                node = node.head
            if nested:
                continue  # "announced the ban, stating that the service ...": another clause's words
            pron = t.lower_ in NEUTER_PRONOUNS and (t.head == trig and t.dep_ in {"dobj", "nsubjpass"}
                                                   or t.dep_ == "poss" and t.head.lemma_.lower() in use_nouns
                                                   or t.dep_ == "pobj" and t.head.head.lemma_.lower() in use_nouns)
            desc = t.pos_ == "NOUN" and t.lemma_.lower() in PRODUCT_ANAPHOR_NOUNS and (
                any(c.dep_ in {"det", "poss"} and (c.lower_ in DEFINITE_DETERMINERS or c.tag_ == "PRP$")
                    for c in t.children) or _definite_on_the_left(t))
            if not (pron or desc):
                continue
            group = self.group_antecedent(t, {"Product"}, PRODUCT_ANAPHOR_NOUNS) if desc else []
            group = [e for e in group if e not in issuers]
            if group:
                return group  # "banned the three apps": each product of the group named before
            ent = None
            if pron:
                # "Zorblat rattled investors ... since then it has drawn criticism ... Kestria blocked
                # it": the previous sentences' subject (centering), when it is a product or a known
                # app's maker
                centered = self._previous_subject_entity(t, {"Product", "Organization"})
                if centered is not None and centered not in issuers:
                    if centered.family == "Product":
                        ent = centered
                    elif centered.kind == "Company" and self.kb.has_app(centered.label):
                        ent = self.product_of(centered)
            ent = ent or self._salient_product_before(t, issuers)
            if ent is not None and ent not in out:
                out.append(ent)
        return out[:1]

    def _salient_product_before(self, tok: Token, exclude: list[Entity]) -> Entity | None:
        """The product a description or pronoun at ``tok`` stands for: of the products named
        in its block before it and in the three blocks before, the one the article names
        most (the nearest on a tie); a product named where something is found or put
        ("from the app store", "on a platform") is a place here, not a candidate. A company
        whose app the knowledge base knows under its name (:meth:`kg.nlp.kb.KnowledgeBase.has_app`)
        is a candidate for that app when no product is named ("A blocked Acme. B banned its use")."""
        def candidate(e: Entity | None) -> bool:
            return e is not None and (e.family == "Product" or e.kind == "Company" and self.kb.has_app(e.label))

        policy_nouns = POLICY_OBJECT_NOUNS
        counts: Counter = Counter(m.entity for ms in self.mentions for m in ms if candidate(m.entity))
        excluded = {merge_key(e.label) for e in exclude if e is not None}
        cands: list[Entity] = []
        for b in range(self.block, max(-1, self.block - 4), -1):
            doc = self.docs[b]
            for m in reversed(self.mentions[b]):
                if not candidate(m.entity) or m.entity in exclude or merge_key(m.entity.label) in excluded:
                    continue
                if b == self.block and m.start >= tok.i:
                    continue
                root = doc[m.start:m.end].root
                while root.dep_ == "conj" and root.head != root:
                    root = root.head
                if root.dep_ == "pobj" and root.head.lower_ in SITE_PREPS \
                        and not (root.head.lower_ == "on" and root.head.head.lemma_.lower() in policy_nouns):
                    continue  # (but "a ban on X" names X as restricted)
                if self._in_alternative_slot(root):
                    continue  # "staff were directed to X": what replaces the restricted tools
                if m.entity not in cands:
                    cands.append(m.entity)
        products = [e for e in cands if e.family == "Product"]
        cands = products or cands  # (a company's app only when no product is named)
        if not cands:
            return None
        best = max(cands, key=lambda e: (counts[e], -cands.index(e)))
        return best if best.family == "Product" else self.product_of(best)

    def _restricted_things(self, toks: list[Token]) -> list[Entity]:
        """Products named in a policy clause. A company named where a product
        belongs ("banned DeepSeek", "use of A, B and Perplexity") stands for its
        product: a product entity with the company's label and its own IRI. Those who repeat
        the move ("..., a move echoed by A and B") restrict nothing here."""
        out: list[Entity] = []
        echoed = {x.i for t in toks if t.dep_ in {"acl", "relcl"} and t.lemma_ in ECHO_VERBS
                  and t.head.lemma_.lower() in ECHO_HEADS for x in t.subtree}
        for t in toks:
            if echoed and t.i in echoed or self.is_stranded_subject(t):
                continue  # ("... on Thursday and B removed it": B is the next clause's subject)
            m = self.mention_at(t)
            if m is None and t.tag_ == "POS" and t.dep_ != "case" and t.i + 1 < len(t.doc) and t.i >= 1 \
                    and t.doc[t.i + 1].lemma_.lower() in self.lex["policy"]["product_part_nouns"]:
                # "access to the Kestrian firm's portal" where the parse broke the possessive
                ent = self.coref(t.doc[t.i - 1], {"Organization"})
                if ent is not None and ent.kind == "Company" and self.kb.has_app(ent.label):
                    ent = self.product_of(ent)
                    if ent not in out:
                        out.append(ent)
                continue
            if m is None and t.dep_ == "poss" and t.pos_ == "NOUN" and self._owned_part(t):
                # "blocked access to the startup's website": the company named before, by its app
                ent = self.coref(t, {"Organization"})
                if ent is not None and ent.kind == "Company" and self.kb.has_app(ent.label):
                    ent = self.product_of(ent)
                    if ent not in out:
                        out.append(ent)
                continue
            if m is None or m.entity is None or t.i != m.end - 1:
                continue
            ent = m.entity
            if ent.family != "Product" and self._owner_of_named_product(t):
                continue  # "A's X100 and B's Y200": the products are named, their makers are not restricted
            if ent.family != "Product" and self._maker_of_goods(t):
                continue  # "controls on A and B AI chips": the makers of the goods restricted
            if ent.family != "Product" and (ent.kind == "Company" and (self._object_slot(t) or self._maker_slot(t)
                                                                       and not self._names_product(toks)
                                                                       and not self._generic_goods(toks)
                                                                       or self._owned_part(t) or self._data_owner(t))
                                            or self._conjoined_with_product(t)):
                if t.dep_ == "poss" and t.head.lemma_.lower() not in self.lex["policy"]["use_nouns"]:
                    # "X's chatbot": the product X makes, resolved at article level
                    self._maker_named.add((f"{ent.key} product", self.block, t.sent.start))
                # a mention of its own only when a product is known by the name ("DeepSeek"): else
                # the company, not a product of that name, is what the article names
                ent = self.product_of(ent, self.kb.names_product_after(ent.label))
            elif ent.family != "Product" or (t.dep_ == "poss" or any(c.tag_ == "POS" for c in t.children)) \
                    and t.head.lemma_.lower() not in self.lex["policy"]["use_nouns"] \
                    and t.head.lemma_.lower() not in self.lex["policy"]["product_part_nouns"]:
                continue  # "X's owner" is not X; "X's use" and "X's image generator" are
            root = t
            while root.dep_ == "conj" and root.head != root:
                root = root.head
            if root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.lemma_ in \
                    self.lex["policy"]["removal_verbs"]:
                continue  # "removed X from the App Store": the store is where X was
            if self._where_things_are(root) or self._platform_of_class(root):
                continue  # "blocked X on its app store, the Acme Store", "content shared on X"
            if excepted(root):
                continue  # "barred chatbots, except X": X is left allowed
            if ent.family == "Product" and ent.label.split()[-1].lower() in STORE_NOUNS:
                continue  # "the Acme App Store": where apps are removed from, not what is restricted
            if m.start >= 2 and t.doc[m.start - 1].lower_ in COMPARISON_PREPS and \
                    t.doc[m.start - 2].lemma_.lower() in COMPARISON_NOUNS or m.end < len(t.doc) and \
                    t.doc[m.end].lemma_.lower() in COMPARISON_NOUNS and t.doc[m.end].pos_ == "NOUN":
                continue  # "banned Zentrix, Kestria's answer to X", "a X competitor": X describes what was banned
            if ent.family == "Product" and m.end < len(t.doc) and t.doc[m.end].lemma_.lower() in \
                    self.lex["development"]["maker_nouns"] and t.doc[m.end].pos_ == "NOUN":
                continue  # "blocked X maker Acme's crawler": X describes the maker
            if self._hyphen_modifier(m, t.doc):
                continue  # "pulled an X-linked app", "banned X-owned Y": X describes what is restricted
            if ent not in out:
                out.append(ent)
        if any(not e.key.endswith(" product") for e in out) or out and self._generic_goods(toks):
            # "barred Acme from selling its X chips": the company is the one barred, X the product
            # ("barred Acme from selling design software": the class, read by _generic_goods)
            out = [e for e in out if not (e.key.endswith(" product") and self._barred_party(e, toks))]
        return out

    def _where_things_are(self, tok: Token) -> bool:
        """True for a name that says where something is rather than what is restricted: a store
        in apposition to "its app store" (``policy.store_nouns``), or the object of "on" or
        "across" under a participle that describes a noun ("content shared on X"; but "a ban on
        X", "restrictions on X", "staff must not share files on X")."""
        stores = STORE_NOUNS
        node = tok
        m = self.mention_at(tok)
        first = m.start if m is not None else tok.i
        doc = tok.doc
        k = first - 1
        while k >= 0 and doc[k].pos_ == "DET":
            k -= 1
        if k >= 1 and doc[k].text == "," and doc[k - 1].lemma_.lower() in stores:
            return True  # "on its app store, the Acme Store" (however the parser attaches it)
        head = tok
        while head.dep_ in {"compound", "conj"} and head.head.i != head.i:
            head = head.head
            if head.lemma_.lower() in stores:
                return True  # "in the Acme or Kestrel app stores": a store's owner names where it is
        if head.dep_ == "pobj" and head.head.lower_ == "on" and self._used_on(head.head):
            return True  # "blocked X on Acme laptops", "A tools will be blocked on B phones": where X is
        if node.dep_ != "pobj" or node.head.lower_ not in PLATFORM_PREPS:
            return False
        if node.lemma_.lower() in stores:
            return True
        owner = node.head.head
        while owner.pos_ in {"NOUN", "PROPN"} and owner.dep_ == "pobj" and owner.head.head != owner:
            owner = owner.head.head  # "shared by adults on X": the verb above the noun
        policy_words = POLICY_ACTION_VERBS
        # (a participle that describes a noun: "content shared on X", "photos posted on X")
        return owner.pos_ == "VERB" and owner.lemma_.lower() not in policy_words and owner.dep_ == "acl"

    @staticmethod
    def _used_on(prep: Token) -> bool:
        """True when ``prep`` ("on") says where a restricted thing is used, not what is restricted:
        it hangs on a policy verb that has another object ("blocked X on Acme laptops") or on
        that object itself ("will block AI tools on Acme laptops"); a policy or use noun's "on"
        names the restricted thing ("a ban on X", "restrictions on X", "the use of X on ...")."""
        spared = USE_NOUNS | BAN_NOUNS | RESTRICTION_NOUNS
        head = prep.head
        if head.lemma_.lower() in USE_NOUNS and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children) \
                or head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in USE_NOUNS:
            return True  # "the use of X on Acme phones"
        if head.pos_ in {"NOUN", "PROPN"} and head.dep_ in {"dobj", "nsubjpass"}:
            return head.lemma_.lower() not in spared and head.head.pos_ == "VERB" \
                and head.head.lemma_.lower() in POLICY_ACTION_VERBS
        return head.pos_ == "VERB" and head.lemma_.lower() in POLICY_ACTION_VERBS and any(
            c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"} and c.lemma_.lower() not in spared
            for c in head.children)

    def _described_name_after(self, verb: Token, issuers: list[Entity]) -> list[Entity]:
        """The name a policy verb's object gives after a description the small model breaks
        up ("to remove Chinese AI startup X from ...", with "startup" tagged a verb): read on the
        surface, the first name within six words after the verb when only determiners,
        nationality and descriptor words (``cue_nouns``, ``policy.ai_class_words``) stand
        between. Returns its product (a company stands for its app), or []."""
        if verb.pos_ != "VERB":
            return []
        doc = verb.doc
        cues = self.cue_kind
        for i in range(verb.i + 1, min(len(doc), verb.i + 7)):
            m = self.mention_at(doc[i])
            if m is not None and m.start == i and m.entity is not None:
                ent = m.entity
                if ent in issuers or self._hyphen_modifier(m, doc):
                    return []
                if ent.family == "Product":
                    return [ent]
                if ent.kind == "Company" and self.kb.has_app(ent.label):
                    return [self.product_of(ent)]
                return []
            t = doc[i]
            if not (t.pos_ in {"DET", "ADJ"} or self.kb.is_demonym(t.text) or t.lower_ in cues
                    or t.lower_ in AI_CLASS_WORDS or t.text == "-"):
                return []
        return []

    def _platform_of_class(self, tok: Token) -> bool:
        """True for a name that says where a class of products is barred from ("will ban
        third-party AI chatbots from X", "bars AI tools on X"): the object of "from" or "on" on a
        policy verb whose direct object is an unnamed class of AI products."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in CLASS_PLATFORM_PREPS or tok.head.dep_ != "prep":
            return False
        verb = tok.head.head
        if verb.pos_ != "VERB" or verb.lemma_ not in POLICY_VERBS:
            return False
        return any(c.dep_ == "dobj" and self.mention_at(c) is None and self._generic_ai_class([*c.subtree])
                   for c in verb.children)

    def _barred_party(self, ent: Entity, toks: list[Token]) -> bool:
        """True when a company standing for its product is the object of a verb that bars it
        from doing something ("barred Acme from selling X", "banned Acme from shipping X")."""
        for t in toks:
            m = self.mention_at(t)
            if m is not None and m.entity is not None and f"{m.entity.key} product" == ent.key and t.i == m.end - 1:
                # (the name's last token carries its role: "barred Acme Stores from ...")
                return t.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ == "from" and
                                                any(p.dep_ == "pcomp" for p in c.children) for c in t.head.children)
        return False

    def _generic_goods(self, toks: list[Token]) -> list[Entity]:
        """Unnamed goods a trade rule restricts ("exports of advanced chips", "US-made AI
        chips"): a product labelled with the noun phrase, without determiners and degree words.
        Heads of ``policy.generic_goods`` count (chips, semiconductors, GPUs ...), and any
        unnamed noun that is what a trade noun (``policy.trade_nouns``: exports, sales ...) is of
        ("exports of gallium and germanium", "sales of chipmaking equipment")."""
        heads = GENERIC_GOODS
        trade = TRADE_NOUNS
        out: list[Entity] = []
        for t in toks:
            cls = self._class_of_goods(t)
            if cls:
                for maker in self._goods_makers(t) or [None]:
                    ent = self.implicit(f"{maker.label} {cls}" if maker else cls, "SoftwareProduct", False)
                    if ent not in out:
                        out.append(ent)
                continue
            traded = self._traded_goods(t, trade)
            if traded:
                t = traded  # "exports of 23 types of equipment": the equipment
            if t.pos_ not in ({"NOUN", "PROPN", "VERB", "ADJ"} if traded else {"NOUN"}) or t.lower_ not in heads and not traded \
                    or t.dep_ == "compound":
                continue
            words = sorted((d for d in self._modifiers(t) if d is t or self.mention_at(d) is None
                            or self.mention_at(d).entity is None or self.mention_at(d).entity.family == "Place"),
                           key=lambda d: d.i)  # ("A AI chips": the goods, without their maker's name)
            while words and (words[0].lower_ in LEADING_DEGREE_WORDS or words[0].is_punct):
                words = words[1:]
            if len(words) < 2 and not traded:
                continue  # a bare "chips" names nothing (but "exports of gallium" names gallium)
            label = "".join(d.text_with_ws for d in words).strip()
            for maker in self._goods_makers(t) or [None]:
                # "the sale of equipment from A and B": each maker's goods ("A equipment")
                ent = self.implicit(f"{maker.label} {label}" if maker else label, "SoftwareProduct", False)
                if ent not in out:  # (a description, not a name: no cq08 row)
                    out.append(ent)
        return out

    def _goods_makers(self, goods: Token) -> list[Entity]:
        """The companies unnamed goods come from: "equipment from A", "chips made by A and
        B", "the sale of equipment from companies A and B" (the parse hangs "from" on the trade
        noun); a name in apposition to a common noun stands for it. Places and public bodies
        are no makers ("chips from China"); [] when no company is named."""
        base = goods
        while base.dep_ == "conj" and base.head != base:
            base = base.head
        holders = [goods] + [a for a in goods.children if a.dep_ == "acl" and a.lemma_ in GOODS_MAKER_VERBS]
        if base.dep_ == "pobj" and base.head.lower_ == "of" and base.head.head.lemma_.lower() in TRADE_OR_USE_NOUNS:
            holders.append(base.head.head)
        out: list[Entity] = []
        for h in holders:
            for p in h.children:
                if p.dep_ not in {"prep", "agent"} or p.lower_ not in MAKER_PREPS or p.lower_ == "by" and h is goods:
                    continue
                for o in p.children:
                    if o.dep_ != "pobj":
                        continue
                    for x in conjuncts(o):
                        named = [x] if self.mention_at(x) is not None else \
                            [y for a in x.children if a.dep_ == "appos" for y in conjuncts(a)]
                        for y in named:
                            e = self.entity_at(y, {"Organization"})
                            if e is not None and e.kind == "Company" and e not in out:
                                out.append(e)
        return out

    def _class_of_goods(self, t: Token, placed: bool = False) -> str | None:
        """The class of goods a policy restricts at ``t`` without naming one: a plural (or mass)
        ``policy.class_goods`` noun that is the policy verb's object ("removed several VPN apps",
        "barred sales of design software", "the use of foreign smartphones was banned") with
        modifiers before it that are no names but places ("Chinese apps"), no catch-all words
        ("other similar software", ``policy.catch_all_words``) and no AI words (a
        class of AI products is :meth:`_generic_ai_class`'s). Returns the noun phrase without
        its determiner and quantity words ("VPN apps"; a number stays: "59 apps"), or None; a
        definite class ("the messaging app") refers back and is no class here. With ``placed``,
        the caller has found ``t`` in the removed phrase, and its role is not read."""
        device = t.lemma_.lower() in DEVICE_GOODS
        if t.pos_ != "NOUN" or t.lemma_.lower() not in CLASS_GOODS and not device or t.dep_ == "compound" \
                or t.tag_ != "NNS" and t.lemma_.lower() not in MASS_GOODS or self.mention_at(t) is not None:
            return None
        if any(c.dep_ in {"det", "poss"} and (c.lower_ in DEFINITE_DETERMINERS or c.tag_ == "PRP$" or c.dep_ == "poss")
               for c in t.children):
            return None
        base = t
        while base.dep_ == "conj" and base.head != base:
            base = base.head
        head = base.head
        if not placed and not (base.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB" and head.lemma_ in POLICY_ACTION_VERBS
                or base.dep_ == "pobj" and (head.lower_ == "on" and head.head.pos_ == "NOUN"
                                            and head.head.lemma_.lower() in POLICY_OBJECT_NOUNS
                                            or head.lower_ == "of" and head.head.lemma_.lower() in TRADE_OR_USE_NOUNS)
                                            or base.dep_ == "dobj" and head.lemma_ in TRADE_VERBS | USE_VERBS
                                            and head.dep_ == "pcomp" and head.head.lower_ == "from"
                                            and head.head.head.lemma_ in POLICY_ACTION_VERBS):
            return None  # ("barred A from selling X": what A may not sell)
        words = sorted(self._modifiers(t) + [c for c in t.children if c.dep_ == "nummod" and c.i < t.i],
                       key=lambda d: d.i)
        if any(w.lower_ in CATCH_ALL_WORDS for w in words):
            return None  # "the app and comparable software": the rest of a list, no class of its own
        while words and (words[0].lower_ in QUANTITY_WORDS or words[0].lower_ in LEADING_DEGREE_WORDS
                         or words[0].is_punct):
            words = words[1:]
        if len(words) < 2 and not device or any(w.lower_ in AI_CLASS_WORDS for w in words):
            return None
        for w in words[:-1]:
            m = self.mention_at(w)
            if m is not None and m.entity is not None and m.entity.family != "Place":
                return None  # "Acme apps": the maker's products, named through it
        return "".join(d.text_with_ws for d in words).strip()

    def _traded_goods(self, t: Token, trade: set[str]) -> Token | None:
        """``t``, or the noun a kind word before it stands for ("types of X": X), when ``t`` (or
        the head of its list) is what a trade noun is "of": "exports of gallium and germanium",
        "exports to the US of X" (the parser hangs "of X" on the place), "sales of 23 types of
        equipment"; None otherwise, or when ``t`` is a name."""
        base = t
        while base.dep_ == "conj" and base.head != base:
            base = base.head
        if base.dep_ != "pobj" or base.head.lower_ != "of" or self.mention_at(t) is not None:
            return None
        owner = base.head.head
        if owner.dep_ == "pobj" and owner.head.dep_ == "prep" and owner.head.head.lemma_.lower() in trade:
            owner = owner.head.head  # "exports to the US of X"
        if owner.lemma_.lower() not in trade:
            return None
        if t.lemma_.lower() in self.lex["policy"]["kind_nouns"]:
            inner = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"), None)
            return inner
        return t

    def _generic_ai_class(self, toks: list[Token]) -> str | None:
        """A class of AI products a clause restricts without naming one ("in-house AI features",
        "generative AI apps", "artificial intelligence (AI) tools"): a head of
        ``policy.product_nouns`` whose modifiers, read on the surface up to a determiner, verb
        or preposition (the parse often splits "artificial intelligence (AI) features"),
        include an AI word (``policy.ai_class_words``) and no name. Returns that noun phrase,
        or None. The article-level linking uses it only when the article names no product the
        policy could be about."""
        heads = AI_CLASS_HEADS
        ai = AI_CLASS_WORDS
        bare = BARE_AI_HEADS
        for t in toks:
            if t.lower_ in bare and (t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in
                                     USE_NOUNS or t.dep_ == "nsubjpass" and t.head.lemma_ in USE_VERBS
                                     or t.dep_ in {"compound", "amod"} and t.head.lemma_.lower() in RULE_NOUNS
                                     or t.dep_ == "pobj" and t.head.lower_ in RULE_PREPS
                                     and t.head.head.lemma_.lower() in RULE_NOUNS) \
                    and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ in {"NOUN", "PROPN"}):
                begin = t.i
                while begin > 0 and t.doc[begin - 1].dep_ in {"amod", "compound"} and \
                        t.doc[begin - 1].lower_ in ai | {"artificial"}:
                    begin -= 1  # ("generative artificial intelligence": every AI word before it)
                # "the use of AI", "AI cannot be used", "new AI rules", "guidelines on generative AI"
                return t.doc[begin:t.i + 1].text
            if t.lower_ in bare and t.i > 0 and t.doc[t.i - 1].lower_ in ai and t.doc[t.i - 1].dep_ == "amod" \
                    and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ in {"NOUN", "PROPN"}):
                return t.doc[t.i - 1:t.i + 1].text  # "a ban on generative AI": the field itself
            if t.pos_ != "NOUN" or t.lemma_.lower() not in heads or t.dep_ == "compound" \
                    or t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "NOUN":
                continue
            doc, start = t.doc, t.i
            while start > 0 and start > t.i - 6 and (
                    doc[start - 1].pos_ in {"ADJ", "NOUN", "PROPN", "ADV"} and doc[start - 1].lower_ not in COMPARATIVES
                    or doc[start - 1].text in {"(", ")", "-"}
                    or doc[start - 1].tag_ in {"VBN", "VBG"} and start >= 2 and doc[start - 2].text == "-"):
                # ("AI-powered", "note-taking")
                start -= 1
            while start < t.i and doc[start].text in {"(", ")", "-"}:
                start += 1
            words = list(doc[start:t.i])
            if words and any(w.lower_ in ai for w in words) and not any(
                    (m := self.mention_at(w)) is not None and m.entity is not None and w.lower_ not in ai
                    for w in words):
                return doc[start:t.i + 1].text
        return self._technology_class(toks)

    def _technology_class(self, toks: list[Token]) -> str | None:
        """A technology a clause restricts as a class ("ordered X to stop using facial
        recognition technology", "banned fingerprint scanning", "banned AI-generated images",
        "the use of deepfakes"): a phrase of ``policy.technology_classes`` in the clause, with a
        following ``policy.technology_heads`` noun, or a ``policy.technology_nouns`` noun.
        Returns the phrase, or None."""
        if not toks:
            return None
        doc = toks[0].doc
        lemmas, lowers = self._doc_words(doc)  # (read from the Doc's arrays: no token objects)
        ids = {t.i for t in toks}
        for t in toks:
            i = t.i
            if lemmas[i] in TECHNOLOGY_NOUNS and t.pos_ in {"NOUN", "PROPN"} and self.mention_at(t) is None:
                return t.text  # "banned the use of deepfakes"
            if lowers[i] not in TECHNOLOGY_CLASS_STARTS:
                continue
            for words in TECHNOLOGY_CLASSES:
                end = i + len(words)
                if end > len(doc) or tuple(lowers[i:end]) != words or not ids.issuperset(range(i, end)):
                    continue
                if end < len(doc) and lowers[end] in TECHNOLOGY_HEADS:
                    end += 1
                elif doc[end - 1].dep_ in {"amod", "compound"} and doc[end - 1].head.pos_ == "NOUN" \
                        and end <= doc[end - 1].head.i <= end + 4 and doc[end - 1].head.i in ids:
                    end = doc[end - 1].head.i + 1  # "AI-generated self-published works": up to the noun it modifies
                return doc[i:end].text
        return None

    @staticmethod
    def _modifiers(head: Token) -> list[Token]:
        """``head`` and the modifiers before it (adjectives, compounds, hyphenated parts), recursively."""
        out = [head]
        for c in head.children:
            if c.i < head.i and c.tag_ != "VBG" and (c.dep_ in {"amod", "compound", "nmod", "npadvmod", "advmod"}
                                                     or c.text == "-"):
                out += PolicyFrame._modifiers(c)
        return out

    def _names_product(self, toks: list[Token]) -> bool:
        """True when the tokens name a product ("the Claude-like tool from X" names one)."""
        return any((m := self.mention_at(t)) is not None and m.entity is not None and m.entity.family == "Product"
                   for t in toks)

    def _maker_slot(self, tok: Token) -> bool:
        """True for a company named as the maker of the thing restricted: "services
        provided by X", "technology from X", "X's app", "apps developed by X"."""
        things = PRODUCT_NOUNS
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in things and tok.head.i > tok.i:
            return True  # "the X chatbot", "the X app"
        node = tok
        while node.dep_ in {"conj", "appos", "compound"} and node.head != node:
            node = node.head
        if node.dep_ == "poss":  # "X's app", "prohibited X's use"
            return node.head.lemma_.lower() in PRODUCT_OR_USE_NOUNS
        uses = USE_NOUNS
        if node.dep_ == "pobj" and node.head.lower_ in MAKER_PREPS:
            head = node.head.head
            if head.pos_ == "VERB" and head.lemma_ in uses | ACQUIRE_VERBS:
                return True  # "using technology from X"
            if head.dep_ == "acl" and head.pos_ == "VERB":
                head = head.head
            return head.lemma_.lower() in things
        if node.dep_ == "pobj" and node.head.lower_ == "to":  # "restricted access to X"
            return node.head.head.lemma_.lower() in uses
        return False

    def _conjoined_with_product(self, tok: Token) -> bool:
        """True for a name in a list with a product ("A, B and C" where A is a product)."""
        first = tok
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        for t in [first, *first.conjuncts]:
            m = self.mention_at(t)
            if t != tok and m is not None and m.entity is not None and m.entity.family == "Product":
                return True
        return False

    def _data_owner(self, tok: Token) -> bool:
        """True for a company whose data practice a regulator's order restricts: "suspended
        Acme's privacy policy", "the processing of personal data by Acme", "across all Acme
        products" (``policy.data_practice_nouns``, ``policy.product_nouns``)."""
        practice = self.lex["policy"]["data_practice_nouns"]
        head = tok.head
        if tok.dep_ == "poss":
            return head.lemma_.lower() in practice
        if tok.dep_ == "pobj" and head.lower_ in DATA_OWNER_PREPS:
            return head.head.lemma_.lower() in practice
        if tok.dep_ == "compound":
            return head.lemma_.lower() in self.lex["policy"]["product_nouns"] and any(
                a.lemma_.lower() in practice for a in head.ancestors)
        return False

    def _maker_of_goods(self, tok: Token) -> bool:
        """True for a name that modifies a ``policy.generic_goods`` noun, alone or coordinated
        ("A chips", "A and B AI chips"): the goods' maker, not a restricted product."""
        if any(c.pos_ == "NOUN" and c.lower_ in self.lex["policy"]["generic_goods"] for c in tok.conjuncts):
            return True  # ("A and B AI chips" parsed as "A" and "chips")
        node = tok
        for _ in range(4):
            if node.dep_ == "conj":
                node = node.head
            elif node.dep_ in {"compound", "nmod"}:
                node = node.head
                if node.pos_ == "NOUN" and node.lower_ in self.lex["policy"]["generic_goods"]:
                    return True
            else:
                return False
        return False

    def _owner_of_named_product(self, tok: Token) -> bool:
        """True for a company in the possessive right before a product it names ("Acme's X100")."""
        doc = tok.doc
        if tok.i + 2 >= len(doc) or doc[tok.i + 1].tag_ != "POS" and doc[tok.i + 1].lower_ not in {"'s", "\u2019s"}:
            return False
        m = self.mention_at(doc[tok.i + 2])
        return m is not None and m.entity is not None and m.entity.family == "Product"

    def _owned_part(self, tok: Token) -> bool:
        """True for a company named as the owner of a product part in the slot of the thing
        restricted ("blocked access to Acme's website", "suspended Acme's chatbot")."""
        head = tok.head
        return tok.dep_ == "poss" and head.lemma_.lower() in self.lex["policy"]["product_part_nouns"] \
            and not any(self.mention_at(c) is not None for c in head.children if c.i > tok.i) and self._object_slot(head)

    def _object_slot(self, tok: Token) -> bool:
        """True for a name in the slot of the thing restricted: an object, a
        passive subject, or the object of "of"/"on"/"against"/"including"."""
        node = tok
        while node.dep_ in {"conj", "appos"} and node.head != node:
            node = node.head
        if node.dep_ in {"dobj", "nsubjpass"}:
            return True
        if node.dep_ == "compound" and node.head.lemma_.lower() in self.lex["policy"]["use_nouns"]:
            return self._object_slot(node.head)  # "blocked X access", "a ban on X downloads"
        if node.dep_ == "pobj" and node.head.lower_ == "to" and node.head.head.lemma_.lower() in self.lex["policy"]["use_nouns"]:
            return True  # "access to X"
        if node.dep_ == "pobj" and node.head.lower_ == "for" and node.head.head.lemma_.lower() in \
                self.lex["policy"]["measure_nouns"]:
            return True  # "blocking measures for X"
        return node.dep_ == "pobj" and node.head.lower_ in OBJECT_PREPS

    def _seat_of_organization(self, tok: Token) -> bool:
        """True for a place that says where an organization sits ("a company based in X")."""
        seat = SEAT_VERBS
        return any(a.lemma_ in seat and a.dep_ in {"acl", "relcl", "amod"} for a in tok.ancestors)

    def _locative(self, tok: Token) -> bool:
        """True for a place in a locative phrase: "in X", "users from X", "X's agencies"."""
        node = tok
        while node.dep_ in {"compound", "conj", "appos"} and node.head != node:
            node = node.head
        if node.dep_ == "pobj":
            return node.head.lower_ in LOCATIVE_PREPS
        return node.dep_ in {"poss", "compound", "nmod"} or node.dep_ == "npadvmod"

    def _under_directive(self, tok: Token) -> bool:
        """True for "stop"/"avoid" governed by a directive ("told staff to stop using")."""
        directive = DIRECTIVE_VERBS
        node = tok
        if tok.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) \
                and any(c.lemma_.lower() in DEADLINE_NOUNS and c.dep_ in {"npadvmod", "dobj"} for c in tok.head.children):
            return True  # "have given A five days to stop X" (the days parsed as an adverbial)
        for _ in range(3):
            if node.dep_ in {"xcomp", "ccomp", "conj", "pcomp"}:
                node = node.head
                if node.lemma_ in directive:
                    return True
                if node.pos_ == "NOUN" and node.lemma_ in self.lex["policy"]["policy_container_nouns"]:
                    return True
            elif node.dep_ == "acl" and node.head.lemma_ in self.lex["policy"]["policy_container_nouns"]:
                return True
            elif node.dep_ in {"acl", "relcl"} and node.head.lemma_.lower() in DEADLINE_NOUNS and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                return True  # "gave X five days to stop Y": a deadline is a directive
            else:
                return False
        return False

    def _policy_scope_tokens(self, clause: Token, trig: Token) -> list[Token]:
        """Tokens of the policy clause, without its subject, reasons and alternatives."""
        excluded: set[int] = set()
        acts = [c for c in clause.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                and not any(x.dep_ == "auxpass" for x in c.children)]
        for c in clause.children:
            if c.dep_ in {"nsubj", "agent", "mark", "advmod"} and c.i < clause.i or c.dep_ == "agent":
                excluded.update(t.i for t in c.subtree)
            if c.dep_ == "nsubjpass" and acts and clause.lemma_ in PERMISSION_WORDS:
                # "A and B are not allowed to sell X": the ones barred from acting, not what is restricted
                excluded.update(t.i for t in c.subtree)
            if c.dep_ in {"prep", "advcl"} and self._is_reason_marker(c):
                excluded.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and any(self._stated_aim(v) for n in c.children for v in n.children):
                excluded.update(t.i for t in c.subtree)  # "in a bid to protect users": an aim, no scope
            if c.dep_ == "advcl" and (c.lemma_ in CITING_VERBS or any(
                    m.dep_ == "mark" and m.lower_ in STRONG_CLAUSE_MARKS for m in c.children)):
                excluded.update(t.i for t in c.subtree)  # ("because ...": a reason, whatever its parse)
            if c.dep_ == "advcl" and c.i > clause.i and c.lemma_ in ACCUSING_VERBS and trig not in c.subtree:
                excluded.update(t.i for t in c.subtree)  # "..., accusing Y of ...": an allegation, no scope
            if c.dep_ == "advcl" and c.i > clause.i and c.lemma_ in self.lex["reporting_verbs"]:
                # "..., saying the app could send data to Z": the claim is a reason, no scope
                # (whom the issuer tells, "telling staff that ...", still is)
                excluded.update(t.i for x in c.children if x.dep_ == "ccomp" for t in x.subtree)
            if c.dep_ in {"conj", "ccomp"} and c.lemma_ not in self.lex["policy"]["stop_verbs"] \
                    and not self._misparsed_list_item(c):
                excluded.update(t.i for t in c.subtree)
            if c.dep_ == "advcl" and c != trig and any(x.dep_ in {"nsubj", "nsubjpass"} for x in c.children):
                excluded.update(t.i for t in c.subtree)  # "..., while A and B have banned it on Z": their clause
            if c.dep_ == "prep" and c.lower_ == "according":
                excluded.update(t.i for t in c.subtree)
        toks = [t for t in clause.subtree if t.i not in excluded]
        if clause.dep_ == "relcl" and any(c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in RELATIVE
                                          for c in clause.children):
            # "X, which Acme banned last year, ...": the relative pronoun's antecedent is banned
            toks += [t for t in clause.head.subtree if t.i <= clause.head.i and t not in toks]
        if trig != clause:
            toks += [t for t in trig.subtree if t.i not in excluded and t not in toks]
        if not any(c.dep_ == "dobj" for c in trig.children):
            # "not to install or open the X app": the object the coordinated verbs share
            toks += [t for c in trig.children if c.dep_ == "conj" and c.pos_ == "VERB"
                     and not any(x.dep_ in {"nsubj", "nsubjpass"} for x in c.children)
                     for o in c.children if o.dep_ == "dobj" for t in o.subtree if t not in toks]
        # "restricted X for its staff, who will instead be given Y": a relative clause that offers
        # something instead names the alternative, not a restricted thing
        offered = {t.i for r in toks if r.dep_ == "relcl" and any(c.lower_ in INSTEAD_WORDS for c in r.children)
                   for t in r.subtree}
        if offered:
            toks = [t for t in toks if t.i not in offered]
        if self._lasting_state(trig):
            # "X will remain blocked": the subject of the verb of state is what is restricted
            toks += [t for c in trig.head.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree
                     if t not in toks]
        end = trig.right_edge.i + 1
        doc = trig.doc
        if trig.lemma_ in BAN_VERBS and end < len(doc) and doc[end].lower_ == "from" and doc[end].head == trig.head \
                and not any(c.dep_ == "prep" and c.lower_ == "from" for c in trig.children):
            # "issued a memo barring staff from uploading files to X": the parse hung the
            # from-phrase on the verb above
            toks += [t for t in doc[end].subtree if t not in toks]
        return toks

    @staticmethod
    def _misparsed_list_item(verb: Token) -> bool:
        """True for a conjunct the parse read as a verb that is a list item's modifier ("banned
        X and messaging apps Y and Z", "messaging" a VBG without subject right before the
        compound noun of its object)."""
        doc = verb.doc
        return verb.dep_ == "conj" and verb.tag_ == "VBG" and not any(
            c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in verb.children) and verb.i + 1 < len(doc) \
            and doc[verb.i + 1].dep_ == "compound" and doc[verb.i + 1].head.dep_ == "dobj" \
            and doc[verb.i + 1].head.head == verb

    def _directed_to_after(self, product: Entity, trig: Token, scope_toks: list[Token], sent: Span) -> bool:
        """True when every name of ``product`` in ``sent`` follows a coordinated verb of
        ``policy.alternative_governors`` in the policy's scope ("banned X and directed staff to use
        Y", which the parser may read as "banned ... staff to use Y"): what staff are sent to is
        no restricted product, whatever the parse hangs it on."""
        governors = self.lex["policy"]["alternative_governors"]
        cut = min((t.i for t in scope_toks if t.i > trig.i and t.dep_ == "conj" and t.pos_ == "VERB"
                   and t.lemma_ in governors and not any(c.dep_ == "neg" for c in t.children)), default=None)
        if cut is None:
            return False
        starts = [m.start for m in self._mentions_in(sent) if m.entity is product]
        return bool(starts) and min(starts) > cut

    def _is_alternative_slot(self, product: Entity, sent: Span) -> bool:
        """True when the product is named as the recommended alternative in this sentence."""
        for t in self.tokens(sent):
            m = self.mention_at(t)
            if m is None or m.entity is not product:
                continue
            if self._in_alternative_slot(t):
                return True
        return False

    def _in_alternative_slot(self, t: Token) -> bool:
        """True when the name at ``t`` is where staff are sent instead ("directed to X", "switch
        to X", "use X instead", "offering access to X instead", "in favor of X")."""
        for anc in [t, *t.ancestors]:
            if (anc.lemma_ in self.lex["policy"]["alternative_verbs"]
                    or anc.lemma_ in self.lex["policy"]["alternative_designators"]) and any(
                    c.lower_ in INSTEAD_WORDS for x in [anc, *(c for c in anc.children if c.dep_ == "dobj")]
                    for c in x.children):
                return True  # ("use X instead", "offering staff access to X instead")
            if anc.lemma_ in SWITCH_VERBS and anc.pos_ == "VERB" and _moved_toward(t, anc):
                return True  # "switch to X" (but "moved to ban X" moves toward no product)
            if anc.dep_ == "prep" and anc.lower_ == "to" and anc.head.lemma_ in self.lex["policy"]["alternative_governors"]:
                return True  # "directing staff to X"
            if anc.dep_ == "pobj" and anc.head.lower_ == "of" and anc.head.head.lower_ in FAVOR_WORDS:
                return True  # "in favor of X"
            if anc.dep_ == "ROOT":
                break
        return False

    def _scope(self, toks: list[Token]) -> list[str]:
        words = SCOPE_NOUNS
        out: list[str] = []
        for t in toks:
            if t.pos_ not in {"NOUN"} or t.lower_ not in words or self.mention_at(t):
                continue
            if any(c.dep_ == "appos" and self.mention_at(c) for c in t.children) or \
                    t.dep_ == "compound" and self.mention_at(t.head):
                continue  # a descriptor of a name ("the AI company X"), not who is affected
            head = t
            while head.dep_ == "compound" and head.head.pos_ == "NOUN":
                head = head.head
            mods = [c for c in head.children if c.dep_ in {"compound", "amod"} and c.i < head.i and not self.mention_at(c)
                    and not self.kb.is_demonym(c.text)]
            span_toks = sorted([*mods, head], key=lambda x: x.i)
            if head != t and t not in span_toks:
                span_toks = sorted([t, head], key=lambda x: x.i)
            text = " ".join(_hyphenated(x) for x in span_toks)
            if text not in out:
                out.append(text)
        for t in toks:  # "blocked X on Acme laptops": the devices are the scope, named or not
            if t.dep_ == "pobj" and t.head.lower_ == "on" and t.pos_ in {"NOUN", "PROPN"} \
                    and t.ent_type_ not in {"DATE", "TIME"} and self._used_on(t.head):  # (not "on Monday")
                left = min((x for x in t.subtree if x.i <= t.i and x.pos_ != "DET" and x.tag_ != "PRP$"),
                           key=lambda x: x.i, default=t)
                text = t.doc[left.i:t.i + 1].text
                if not any(text in o or o.split()[-1] == t.text for o in out):
                    out.append(text)
        return out

    def _country_anaphor(self, toks: list[Token]) -> list[Entity]:
        out = []
        for t in toks:
            if t.lemma_ == "country" and any(c.lower_ == "the" for c in t.children):
                e = self.coref_place(t)
                if e:
                    out.append(e)
        return out

    def coref_place(self, tok: Token, country: bool = True) -> Entity | None:
        """Most recent Country mention before ``tok`` in its block and the three before ("the
        country"); with ``country`` False, the most recent place that is no country ("the city")."""
        for b in range(self.block, max(-1, self.block - 4), -1):
            doc = self.docs[b]
            for m in reversed(self.mentions[b]):
                e = m.entity
                if e is not None and e.family == "Place" and (e.kind == "Country") == country \
                        and (b < self.block or m.start < tok.i):
                    if self._firm_nationality(doc[m.start]):
                        continue  # "the Chinese AI firm": a firm's nationality, no country the text is about
                    return e
        return None

    def _dates(self, sent: Span) -> list[str]:
        """Calendar days named in the sentence, normalized with the article's dateline."""
        out = []
        for ent in sent.ents:
            if ent.label_ != "DATE":
                continue
            iso = normalize_date(ent.text, self.article.dateline)
            if iso:
                out.append(iso)
        return out


def _may_state_policy(words: frozenset[str]) -> bool:
    """False when no token of a sentence whose lower-case lemmas and forms are ``words``
    (:meth:`kg.extract.facts.ArticleReader.words`) can state a policy: none is a trigger
    (:data:`POLICY_TRIGGERS`) and none is a participle in "-ed" of a ban or restriction verb
    (what :meth:`PolicyFrame._mistagged_verb` reads). ``sentence_policy`` walks the tokens only
    when this is True; the test is exact, as every token it walks passes one of the two."""
    if not words.isdisjoint(POLICY_TRIGGERS):
        return True
    verbs = MISTAGGED_VERBS
    return any(w[-2:] == "ed" and (w[:-1] in verbs or w[:-2] in verbs or w[:-3] in verbs) for w in words)


def _definite_on_the_left(tok: Token, reach: int = 10) -> bool:
    """True when a definite determiner ("the", "this", "that") opens the words before ``tok``
    that can only be its modifiers (adjectives, adverbs, participles, names, commas, "and"):
    "the cheap, fast and probably compromised chatbot tool", which the parser may split so that
    "the" is no child of "tool"."""
    doc = tok.doc
    i = tok.i - 1
    while i >= max(0, tok.i - reach):
        t = doc[i]
        if t.pos_ == "DET":
            return t.lower_ in DEFINITE_DETERMINERS
        if not (t.pos_ in {"ADJ", "ADV", "PROPN", "CCONJ"} or t.is_punct and t.text in {",", "-"}
                or t.pos_ == "NOUN" and t.dep_ == "compound" or t.tag_ in {"VBN", "VBG"}):
            return False
        i -= 1
    return False


def _moved_toward(tok: Token, verb: Token) -> bool:
    """True when ``tok`` (or the first item of its list) is where a switch verb goes: the
    object of its "to"/"toward" ("switch to X", "steer staff toward X and Y"), not a word
    of a clause under it ("moved to ban X")."""
    while tok.dep_ in {"conj", "appos"} and tok.head != tok:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in SWITCH_PREPS and tok.head.head == verb


def _hyphenated(tok: Token) -> str:
    """``tok``'s text with the words a hyphen glues before it ("state-owned", which the parser
    reads as "owned" with "state" below it): the text from its left edge when the token before
    it is a hyphen written without spaces."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
            and not doc[tok.i - 2].whitespace_ and tok.left_edge.i < tok.i:
        return doc[tok.left_edge.i:tok.i + 1].text
    return tok.text
