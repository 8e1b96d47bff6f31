"""Reason: why a policy was adopted (cq07), in its clause and in the sentences around it.

A mixin of :class:`kg.extract.facts.ArticleReader`: its methods read one sentence in its
discourse context (``self.article``, ``self.block``, ``self.sent``, the mentions) and
emit :class:`kg.extract.syntax.Observation` objects through ``self.emit``. Word lists
come from ``kg/data/lexicon.json`` (``self.lex``) and ``kg/data/frames/reason.json``.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..nlp.entities import Entity
from . import frame_data
from .syntax import SUBJ, conjuncts, join_tokens
from .syntax import phrase as _phrase
from .syntax import phrase_verb_clause as _verb_clause

_WORDS = frame_data("reason")
#: prepositions a policy trigger's clause hangs from while the walk climbs to the clauses
#: above it ("banned staff from using X"; lower-case text).
ABOVE_PREPS = _WORDS["above_preps"]
#: prepositions of a clause's arguments, no reason unless a marker phrase starts there
#: ("from X", "to Y"; lower-case text).
ARGUMENT_PREPS = _WORDS["argument_preps"]
#: prepositions of what a concern is about ("concerned about X", "worries over Y"; lower-case text).
CONCERN_PREPS = _WORDS["concern_preps"]
#: subordinators of a clause that may give a reason ("after learning that X"; lower-case text).
REASON_CLAUSE_MARKS = _WORDS["reason_clause_marks"]
#: the subordinators among them that always give one ("because it may leak data"; lower-case text).
STRONG_CLAUSE_MARKS = _WORDS["strong_clause_marks"]
#: verbs that end a policy named as their object ("lifted its ban on X"; lemmas): the reasons
#: of their clause are the lifting's, not the policy's.
LIFT_VERBS = frozenset(_WORDS["lift_verbs"])
#: prepositions of what a report says ("reports of security concerns"; lower-case text).
REPORT_PREPS = _WORDS["report_preps"]
#: pronoun subjects of an unnamed issuer ("the regulator said it was concerned"; lower-case text).
ISSUER_PRONOUNS = _WORDS["issuer_pronouns"]
#: determiners of a description that refers back to an issuer ("the state"; lower-case text).
DEFINITE_DETERMINERS = _WORDS["definite_determiners"]
#: pronouns that stand for what the sentence before told ("This led A to ban X"; lower-case text).
DEMONSTRATIVES = frozenset(_WORDS["demonstrative_pronouns"])
#: verbs that move someone to act ("prompted A to ban X", "A was forced to remove X";
#: lemmas; also read by the article reader's agent walk).
CAUSATIVE_VERBS = frozenset(_WORDS["causative_verbs"])
#: pronouns that stand for the person a paragraph quotes ("..., she said"; lower-case text).
PERSON_PRONOUNS = _WORDS["person_pronouns"]
#: verbs of an event clause that gives a reason by a finding ("after officials found that X"; lemmas).
DISCOVERY_VERBS = frozenset(_WORDS["discovery_verbs"])
#: prepositions of what a policy follows ("the decision comes after X"; lower-case text), and
#: with a verb of following, also "from" ("the ban stems from X").
SEQUEL_PREPS = frozenset(_WORDS["sequel_preps"])
FOLLOW_PREPS = SEQUEL_PREPS | {"from"}
#: subordinators of the event a policy follows ("taken after regulators found that X"; lower-case
#: text), and with a verb of following, also "as".
SEQUEL_MARKS = frozenset(_WORDS["sequel_marks"])
FOLLOW_MARKS = SEQUEL_MARKS | {"as"}
#: first words of two-word prepositions whose object hangs on the second ("because of X",
#: "due to X"; lower-case text).
TWO_WORD_PREPS = _WORDS["two_word_preps"]
#: nouns of a step called a precaution for X ("it is a precaution that shields X"; lemmas).
PRECAUTION_NOUNS = _WORDS["precaution_nouns"]
#: prepositions of a purpose in a gerund ("aimed at preventing X", "integral to safeguarding X";
#: lower-case text).
PURPOSE_PREPS = _WORDS["purpose_preps"]

#: A reason is kept whole up to this many words: a clause with the risks it coordinates
#: ("... fears it could copy customer files and leak design plans"), not cut in the middle.
REASON_WORDS = 40


def phrase(tok: Token, max_words: int = REASON_WORDS, **kw) -> str:
    """:func:`kg.extract.syntax.phrase` with :data:`REASON_WORDS` as its length limit."""
    return _phrase(tok, max_words=max_words, **kw)


def phrase_verb_clause(verb: Token, max_words: int = REASON_WORDS) -> str:
    """:func:`kg.extract.syntax.phrase_verb_clause` with :data:`REASON_WORDS` as its length limit."""
    return _verb_clause(verb, max_words=max_words)


class ReasonFrame:
    """Reason frame (mixin of :class:`kg.extract.facts.ArticleReader`)."""

    #: the lexicon's lists and unions the rules test, built once per reader (:meth:`_reason_words`)
    _reason_sets: dict | None = None

    def _reason_words(self) -> dict:
        """The sets of the lexicon's ``reason``, ``policy`` and ``purpose`` lists (and their unions)
        that the rules below test, by use, built on the first call of a reader; and
        ``marker_phrases`` (each phrase of ``reason.marker_phrases`` as its words) with
        ``marker_starts`` (their first words)."""
        if self._reason_sets is None:
            lex = self.lex
            rz, pol = lex["reason"], lex["policy"]
            nouns, risk = frozenset(rz["reason_nouns"]), frozenset(rz["risk_words"])
            concern, warn = frozenset(rz["concern_words"]), frozenset(rz["warning_verbs"])
            phrases = [p.split() for p in rz["marker_phrases"]]
            self._reason_sets = {
                "reason_nouns": nouns, "risk_words": risk, "risky": nouns | risk,
                "risk_or_discovery": risk | DISCOVERY_VERBS,
                "strong_markers": frozenset(rz["strong_markers"]), "vague_nouns": frozenset(rz["vague_nouns"]),
                "vague_modifiers": frozenset(rz["vague_modifiers"]),
                "deontic_modals": frozenset(rz["deontic_modals"]),
                "own_pronouns": frozenset(rz["own_pronouns"]),
                "concern_words": concern, "report_nouns": frozenset(rz["report_nouns"]),
                "verbs": frozenset(rz["verbs"]), "warning_verbs": warn,
                "concern_or_voice": concern | frozenset(rz["voice_verbs"]),
                "reporting_or_warning": frozenset(lex["reporting_verbs"]) | warn | frozenset(rz["finding_verbs"]),
                "precedent_nouns": frozenset(rz["precedent_nouns"]),
                "policy_anaphors": frozenset(pol["policy_anaphors"]),
                "policy_words": frozenset(pol["ban"] + pol["restriction"]),
                "use_verbs": frozenset(pol["use_verbs"]),
                "government": frozenset(pol["government_nouns"]) | frozenset(pol["body_nouns"]),
                "containers": frozenset(pol["policy_container_nouns"]) | frozenset(pol["policy_anaphors"]),
                "intent_verbs": frozenset(lex["purpose"]["intent_verbs"]),
                "purpose_nouns": frozenset(rz["purpose_nouns"]),
                "marker_phrases": phrases, "marker_starts": frozenset(p[0] for p in phrases),
            }
        return self._reason_sets

    def _is_reason_marker(self, prep: Token, weak: bool = False) -> bool:
        """True for a preposition that can introduce a reason; ``weak`` also admits
        "for", "on", "out" and "as", whose object must then name a reason."""
        text = prep.lower_
        nxt = prep.nbor(1).lower_ if prep.i + 1 < len(prep.doc) else ""
        rz = self.lex["reason"]
        if self._marker_phrase_object(prep) is not None:
            return True  # "in light of X", "in the wake of X", "on the back of X"
        if weak and text in rz["weak_markers"]:
            # weak: "for security reasons", "on national security grounds", "out of concern",
            # "as a precaution" (the object must name a reason, see _reasons)
            head = prep.head
            return prep.dep_ == "prep" and (head.pos_ in {"VERB", "AUX"}
                                            or head.dep_ == "dobj" and head.head.pos_ == "VERB"
                                            or head.dep_ == "pobj" and head.head.head.pos_ == "VERB")
        return text in rz["markers"] or f"{text} {nxt}" in rz["marker_pairs"]

    def _marker_phrase_object(self, prep: Token) -> Token | None:
        """The object of a multi-word reason marker that starts at ``prep`` ("in light of X",
        "in the wake of X", "on the back of X": ``reason.marker_phrases``), or None."""
        sets = self._reason_words()
        if prep.dep_ not in {"prep", "conj"} or prep.pos_ != "ADP" or prep.lower_ not in sets["marker_starts"]:
            return None  # (a second phrase of a coordination: "with A and in line with X")
        doc = prep.doc
        lowers = self._doc_words(doc)[1]  # (read from the Doc's arrays: no token objects)
        for words in sets["marker_phrases"]:
            end = prep.i + len(words)
            if end <= len(doc) and lowers[prep.i:end] == words:
                last = doc[end - 1]
                return next((c for c in last.children if c.dep_ in {"pobj", "pcomp"}), None)
        return None

    def _reasons_above(self, trig: Token, sent: Span) -> list[str]:
        """Reasons hung on the clauses above a policy trigger, outside its own subtree:
        "Fearing leaks, Acme told staff not to use X" (the trigger "use" is under "told"),
        "Given concerns about X, Acme has banned staff from using Y". The walk stops at a
        relative, adverbial or coordinated clause, or at a preposition that makes the policy
        a circumstance of another statement ("Despite Acme restricting X, the tool ...")."""
        out: list[str] = []
        node = trig
        for _ in range(5):
            document = node.dep_ == "acl" and node.head.lemma_.lower() in self.lex["policy"]["policy_container_nouns"]
            if node.dep_ not in {"xcomp", "ccomp", "dobj", "pcomp", "pobj", "prep"} and not document \
                    or node.head == node:
                break  # ("issued an order banning X, citing Y": the order's clause is the policy's)
            if node.dep_ in {"pcomp", "pobj"} and node.head.lower_ not in ABOVE_PREPS:
                break
            if node.dep_ == "ccomp" and node.head.lemma_ in self.lex["reporting_verbs"] \
                    and not self._own_announcement(node):
                break  # "..., the paper reported, citing documents": the report's sources, no reason
            parent = node.head
            if node.dep_ == "xcomp" and parent.lemma_ in CAUSATIVE_VERBS:
                out += [r for r in self._causes(parent) if r not in out]  # "the leak prompted A to ban X"
            nodes = [t for c in parent.children if c != node and c.dep_ in {"advcl", "prep", "npadvmod"}
                     and not (c.dep_ == "prep" and c.lower_ in ARGUMENT_PREPS
                              and self._marker_phrase_object(c) is None)
                     for t in c.subtree]
            out += [r for r in self._reasons(parent, sent, nodes) if r not in out]
            node = parent
        return out

    def _causes(self, verb: Token) -> list[str]:
        """What a causative verb's subject says moved the actor: "the leak prompted A to ban X"
        (the noun phrase), "This led A to ban X" (the sentence before, to
        :data:`REASON_WORDS` words); a named subject ("B pushed A to ban X") is an agent, no
        reason."""
        subj = self._clause_subject(verb)
        if subj is None or self.mention_at(subj) is not None:
            return []
        if subj.pos_ == "NOUN":
            text = phrase(subj)
            vague = self._reason_words()
            return [] if not text or _vague(text, vague["vague_nouns"], vague["vague_modifiers"]) else [text]
        if subj.pos_ != "PRON" or subj.lower_ not in DEMONSTRATIVES:
            return []
        order = [s for b in (self.block - 1, self.block) if b >= 0 for s in self.sents[b]
                 if b < self.block or s.end <= verb.sent.start]
        if not order or self.article.blocks[self.block - 1 if verb.sent.start == 0 else self.block].heading:
            return []
        toks = [t for t in order[-1] if not t.is_space][:REASON_WORDS]
        return [order[-1].doc.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)].strip(" .")] if toks else []

    def _own_announcement(self, clause: Token) -> bool:
        """True when a reported clause is its speaker's own act: "In response to X, Kestria
        announced that it is blocking Y" (the clause's subject a pronoun, the speaker an
        organization or a place that is no news organization), so the reasons hung on the
        announcement are the act's."""
        subj = self._clause_subject(clause)
        speaker = self._clause_subject(clause.head)
        if subj is None or speaker is None or subj.pos_ != "PRON" or subj.lower_ not in self._reason_words()["own_pronouns"]:
            return False
        e = self.entity_at(speaker, {"Organization", "Place"})
        return e is not None and e.kind != "NewsOrganization"

    def _reasons(self, clause: Token, sent: Span, nodes: list[Token] | None = None) -> list[str]:
        """Reasons attached anywhere in a policy clause (not in its subject): "due to X",
        "because of X", "amid X", "citing X", "pointing to X", "over concerns", "fearing X",
        "to prevent X" / "to protect X". Weak markers ("over", "after", "following", "for")
        count only when their object names a concern or a risk (``reason_nouns``, ``risk_words``)."""
        rz = self.lex["reason"]
        sets = self._reason_words()
        nouns, risky, strong, vague = sets["reason_nouns"], sets["risky"], sets["strong_markers"], sets["vague_nouns"]
        subj = {t.i for c in clause.children if c.dep_ in SUBJ for t in c.subtree}
        concern, reports = sets["concern_words"], sets["report_nouns"]
        out: list[str] = []
        for node in (clause.subtree if nodes is None else nodes):
            if node.i in subj:
                continue
            objs: list[tuple[Token, bool]] = []
            if node.dep_ == "prep" and self._is_reason_marker(node, weak=True) and node.head.i not in subj:
                is_strong = node.lower_ in strong
                pobj = self._marker_phrase_object(node)
                is_strong = is_strong or pobj is not None  # ("in response to X", "in the wake of X")
                # ("following" parsed as a verb-like preposition takes a "dobj")
                pobj = pobj or next((d for d in node.children if d.dep_ == "pobj"
                                     or d.dep_ == "dobj" and node.pos_ == "VERB"), None) or \
                    next((d for d in node.subtree if d.dep_ == "pobj" and d.head.head == node), None)
                pcomp = next((d for d in node.children if d.dep_ == "pcomp" and d.pos_ == "VERB"), None)
                if pobj is not None:
                    objs.append((pobj, is_strong))
                elif pcomp is not None:  # "after learning that interns pasted drafts into it"
                    # ("after spotting a rise in usage": what was found is the ground, whatever it names)
                    objs.append((pcomp, is_strong or pcomp.lemma_ in DISCOVERY_VERBS))
            elif node.dep_ == "advcl" and node.pos_ in {"NOUN", "PROPN"} and node.head == clause and any(
                    c.dep_ == "mark" and c.lower_ in STRONG_CLAUSE_MARKS for c in node.children):
                # "banned X on phones because the company stores user data in China", parsed with
                # "stores" as a compound of "data": the clause hangs on a noun, and is the reason
                text = join_tokens([t for t in node.subtree if not (t.dep_ == "mark" and t.head == node)])
                if text and text not in out and not _vague(text, vague, sets["vague_modifiers"]):
                    out.append(text)
            elif node.dep_ == "advcl" and node.pos_ in {"ADJ", "VERB"} and node.lower_ in concern \
                    and node.head.pos_ in {"VERB", "AUX"}:
                # "Concerned about the handling of X, Acme ...", "Worried that code could leak, Acme ..."
                objs += [(c, True) for c in node.children if c.dep_ == "ccomp"]
                objs += [(p, True) for c in node.children if c.dep_ == "prep" and c.lower_ in CONCERN_PREPS
                         for p in c.children if p.dep_ in {"pobj", "pcomp"}]
            elif (node.dep_ in {"advcl", "xcomp", "acl"} or node.dep_ == "conj" and node.tag_ == "VBG"
                  and node.lemma_ in rz["verbs"] and not any(c.dep_ in SUBJ for c in node.children)) \
                    and node.pos_ == "VERB" and (
                    node.i > clause.i or node.dep_ == "advcl" and node.head == clause
                    or self._stated_aim(node)):
                # (before the clause: "Citing X, ...", "Fearing X, ...", "To protect X, ...", "After X, ...")
                mark = next((c.lower_ for c in node.children if c.dep_ in {"mark", "prep"}), "")
                if self._stated_aim(node):
                    # "In a bid to curb leaks, Acme banned X", "... in an effort to keep code in-house":
                    # the aim the sentence gives the act is its ground, whatever the verb
                    text = phrase_verb_clause(node)
                    if text and text not in out and not _vague(text, vague, sets["vague_modifiers"]):
                        out.append(text)
                elif mark in REASON_CLAUSE_MARKS:
                    # "after learning that interns pasted drafts into it", "because it may leak data"
                    objs.append((node, mark in STRONG_CLAUSE_MARKS))
                elif (node.lemma_ in rz["verbs"] or node.lemma_ in rz["fear_verbs"]) and not (
                        node.lemma_ == "point" and any(c.dep_ == "dobj" for c in node.children)):
                    # ("pointing them to X" directs people to an alternative; it gives no reason)
                    objs += [(d, True) for d in node.children if d.dep_ in {"dobj", "ccomp"}]
                    objs += [(p, True) for d in node.children if d.dep_ == "prep" for p in d.children
                             if p.dep_ == "pobj"]
                elif node.dep_ == "advcl" and node.head == clause and node.tag_ == "VBG" \
                        and node.lower_ in rz["stating_participles"]:
                    # "banned X, stressing that staff must guard client data": what the issuer
                    # stresses in making the rule is its ground
                    objs += [(d, True) for d in node.children if d.dep_ in {"ccomp", "dobj"}]
                elif node.lemma_ in rz["protect_verbs"] and any(c.lower_ == "to" and c.dep_ == "aux"
                                                                 for c in node.children):
                    text = phrase_verb_clause(node)
                    if text and text not in out:
                        out.append(text)
            for o, is_strong in objs:
                for x in conjuncts(o):
                    # (a reason noun counts as a noun only: "government-issued devices" names no "issue")
                    words = {t.lemma_.lower() for t in x.subtree if t.pos_ != "VERB" or t.lemma_.lower() not in nouns} \
                        | {t.lower_ for t in x.subtree if t.pos_ != "VERB"}
                    clause_ = x.pos_ in {"VERB", "AUX"}
                    risks = sets["risk_words"] if clause_ else risky  # a clause must name a risk
                    if clause_:  # (a clause's own verbs of risk count: "after staff leaked code")
                        words |= {t.lemma_.lower() for t in x.subtree if t.pos_ == "VERB"} & risks
                    reported = not clause_ and x.lemma_.lower() in reports and any(
                        c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in c.children)
                        or c.dep_ == "prep" and c.lower_ in REPORT_PREPS for c in x.children)
                    # ("reports that the app sends data abroad": what is reported)
                    if is_strong or reported or not clause_ and (x.lemma_ in nouns or x.lower_ in nouns) \
                            or words & risks:
                        text = phrase_verb_clause(x) if clause_ else phrase(x)
                        if text and text not in out and not _vague(text, vague, sets["vague_modifiers"]):
                            out.append(text)  # (not a bare "worries", not "the following reasons")
        return out

    def _stated_aim(self, verb: Token) -> bool:
        """True for the infinitive of an aim named with "in" and a purpose noun: "in order to
        V", "in a bid to V", "in an attempt to V", "as part of an effort to V"
        (``reason.purpose_nouns``)."""
        noun = verb.head
        if verb.dep_ != "acl" or verb.pos_ != "VERB" or noun.dep_ != "pobj" or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return False
        if noun.lower_ != "order" and noun.lemma_.lower() not in self._reason_words()["purpose_nouns"]:
            return False
        prep = noun.head
        return prep.lower_ == "in" or prep.lower_ == "of" and prep.head.lower_ == "part"

    def _sentence_reason(self, sent: Span) -> None:
        """Reasons stated about an earlier policy: "The ban follows concerns over X",
        "X played a role in the decision", "X drive policy", "a response to X"."""
        sets = self._reason_words()
        nouns, anaphors = sets["reason_nouns"], sets["policy_anaphors"]
        found: list[str] = []
        words = self.words(sent)
        clauses = [sent.root]
        if words & anaphors:
            sent_root = clauses[0]
            clauses += [t for t in self.tokens(sent) if t.pos_ in {"VERB", "AUX"} and t != sent_root
                        and any(c.dep_ in SUBJ and c.lemma_ in anaphors
                                or c.dep_ == "attr" and t.lemma_ == "be" and c.lemma_ in anaphors
                                or c.dep_ == "dobj" and c.lemma_ in anaphors for c in t.children)]
        roles: dict = {"heading": self.article.blocks[self.block].heading}
        if roles["heading"] and not self._title_zone():
            return  # (a section title or a link to another story further down the page)
        # (every rule of _reason_clause needs a policy anaphor in the sentence, but "X played a
        # role in ...", which needs the root "play": without either, it finds nothing)
        readable = not words.isdisjoint(anaphors) or clauses[0].lemma_ == "play"
        for root in clauses if readable else ():
            if root.lemma_ in LIFT_VERBS:
                continue  # ("lifted its ban after the maker addressed its concerns": the lifting's reasons)
            got = self._reason_clause(root, nouns, anaphors)
            subj = self._clause_subject(root) if got else None
            owner = next((e for c in subj.children if c.dep_ == "poss"
                          for e in [self.entity_at(c, {"Organization", "Place"})] if e is not None), None) \
                if subj is not None else None
            for text in got:
                if owner is not None:  # "Acme's move is a precaution to ...": Acme's policies
                    self.emit("reason", {"issuer": self.government_of(owner) if owner.family == "Place" else owner},
                              reason=[text])
                else:
                    found.append(text)
        for text in found:
            self.emit("reason", roles, reason=[text])
        if words & sets["verbs"]:
            self._cited_reasons(sent)
        if words & sets["concern_or_voice"]:
            self._concern_reasons(sent)
        if words & sets["reporting_or_warning"]:
            self._justification(sent)
        if words & sets["risk_words"]:
            self._quoted_justification(sent)
        self._listed_reasons(sent)

    def _quoted_justification(self, sent: Span) -> None:
        """A quoted sentence without its own reporting verb, in a paragraph whose quote is
        attributed to a person or an organization ("'X has too many security risks,' said Gov.
        Y" ... "'We won't let adversaries see our data.'"): each of its clauses that names a
        risk is a reason of the nearest policy before it (of the organization's, if one speaks)."""
        risk = self._reason_words()["risk_words"]
        before = self._doc_text(sent.doc)[:sent.start_char]
        quoted = sent.text.lstrip()[:1] in {"\u201c", '"'} or before.count("\u201c") > before.count("\u201d") \
            or before.count('"') % 2 == 1
        reporting = self.lex["reporting_verbs"]
        if not quoted or any(t.lemma_ in reporting and t.pos_ == "VERB" for t in self.tokens(sent)):
            return  # (a sentence with its own reporting verb is read by _justification)
        policy_words = self._reason_words()["policy_words"]
        if any(t.lemma_ in policy_words for t in self.tokens(sent)):
            return  # a policy statement, read by sentence_policy
        speaker = None
        for other in self.sents[self.block]:  # (segmented once per article by read())
            if other.start != sent.start:
                who = self.attribution(other)
                if isinstance(who, Entity) and who.family in {"Person", "Organization"} and who.kind != "NewsOrganization":
                    speaker = who
                    break
        if speaker is None:
            return
        issuer = speaker if speaker.family == "Organization" else None
        for clause in [sent.root, *[c for c in sent.root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]]:
            skip = {t.i for c in clause.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
            toks = [t for t in clause.subtree if t.i not in skip and not (t.dep_ == "mark" and t.head == clause)]
            if not any(t.lemma_.lower() in risk or t.lower_ in risk for t in toks):
                continue
            text = join_tokens(toks[:24]).strip(" ,;:.\"'\u201c\u201d")
            if text:
                self.emit("reason", {"issuer": issuer, "near": True}, reason=[text])

    def _means_to_end(self, trig: Token) -> list[str]:
        """"moved to shield residents' records by blocking X": the end a policy is
        the means of (a ``protect_verbs`` verb over "by" + the trigger)."""
        node = trig.head if trig.pos_ == "NOUN" and trig.dep_ == "dobj" else trig
        if node.dep_ != "pcomp" or node.head.lower_ != "by":
            return []
        end = node.head.head
        if end.pos_ != "VERB" or end.lemma_ not in self.lex["reason"]["protect_verbs"]:
            return []
        obj = next((c for c in end.children if c.dep_ == "dobj"), None)
        return [f"{end.lemma_} {phrase(obj)}" if obj is not None else end.lemma_]

    def _concern_reasons(self, sent: Span) -> None:
        """"The company is concerned that X", "Acme also fears that X", "Acme worries about X":
        the concern of an organization; it becomes a reason of that organization's policies
        in this article (:meth:`link_article_level` drops it when the organization issued none)."""
        words = self._reason_words()["concern_words"]
        for tok in self.tokens(sent):
            voiced = tok.pos_ == "NOUN" and tok.lemma_.lower() in words and tok.dep_ == "dobj" and \
                tok.head.lemma_ in self.lex["reason"]["voice_verbs"]
            if not voiced and (tok.lemma_.lower() not in words or tok.pos_ not in {"VERB", "ADJ"}):
                continue
            # "is concerned" (tagged ADJ or VERB); "Acme's security head voiced worries about X"
            verb = tok.head if tok.dep_ in {"acomp", "dobj"} else tok
            subj = self._clause_subject(verb)
            if subj is None and voiced and verb.dep_ == "advcl" and verb.tag_ == "VBG":
                # "... X's servers operate abroad, raising security and privacy concerns": the
                # concern and the fact that raises it are reasons of the policy stated near
                fact = verb.head
                drop = {t.i for t in verb.subtree}
                said = join_tokens([t for t in fact.subtree if t.i not in drop and not (
                    t.dep_ == "mark" and t.head == fact)]).strip(" ,;:\"'“”")
                self.emit("reason", {"issuer": None, "near": True}, reason=[phrase(tok), said])
                continue
            if subj is None:
                continue
            issuer = self.entity_at(subj, {"Organization"}, subject_first=True)
            roles: dict = {"issuer": issuer}
            if issuer is None and voiced and (self._person_speaker(verb) or self._body_speaker(verb)):
                roles = {"issuer": None, "near": True}
            elif issuer is None:
                # "the regulator said it was concerned about X": an unnamed issuer speaks
                # of the policy stated just before
                govt = self._reason_words()["government"]
                if not (subj.pos_ == "PRON" and subj.lower_ in ISSUER_PRONOUNS
                        or subj.lemma_.lower() in govt or self._descriptive_speaker(verb)):
                    continue
                roles = {"issuer": None, "near": True}
            policy_words = self._reason_words()["policy_words"]
            for c in tok.children:
                text = ""
                if any(t.lemma_ in policy_words and t.pos_ in {"VERB", "NOUN"} for t in c.subtree):
                    continue  # "concerned about Kestria's decision to ban X": a reaction to a policy
                if c.dep_ == "ccomp" or c.dep_ == "acl" and any(m.lower_ == "that" for m in c.children):
                    text = phrase_verb_clause(c)  # ("expressed concern that answers could be wrong")
                elif c.dep_ == "prep" and c.lower_ in CONCERN_PREPS:
                    text = phrase(c)
                if text:
                    self.emit("reason", roles, reason=[text])

    def _listed_reasons(self, sent: Span) -> None:
        """"The Authority found that:" followed by bullets: each bullet is a finding."""
        lead = self._lead_sentence()
        if lead is None or sent.start != 0:
            return
        rz = self.lex["reason"]
        verb = next((t for t in reversed(lead) if t.pos_ == "VERB" and t.lemma_ in rz["finding_verbs"]), None)
        if verb is None:
            return
        here = self.block
        self.block = self.list_lead[here]
        about, issuer = self._issuer_or_container(verb)
        self.block = here
        if not about:
            return
        text = phrase_verb_clause(sent.root) if sent.root.pos_ in {"VERB", "AUX"} else phrase(sent.root)
        if text:
            self.emit("reason", {"issuer": issuer}, reason=[text.split(";")[0]])

    def _issuer_or_container(self, verb: Token) -> tuple[bool, Entity | None]:
        """Who gives a reason: (is it about a policy, the organization if named).
        The subject may be an organization, a policy document ("the notice",
        "the memo") or an anaphor ("the ban", "it")."""
        containers = self._reason_words()["containers"]
        node = verb
        for _ in range(7):
            subj = self._clause_subject(node)
            if subj is not None:
                if subj.lemma_ in containers:
                    return True, None
                ent = self.entity_at(subj, {"Organization", "Place"}, subject_first=True)
                if ent is not None:
                    return True, self.government_of(ent) if ent.family == "Place" else ent
            if node.dep_ in {"advcl", "conj", "xcomp", "acl", "ccomp", "pobj", "prep", "dobj", "relcl"} \
                    and node.head != node:
                node = node.head
            else:
                break
        return False, None

    def _cited_reasons(self, sent: Span) -> None:
        """"citing X", "the notice cites X as the main reason", "pointed to X as the reason", "the
        regulator also referred to X" (``reason.to_verbs``)."""
        rz = self.lex["reason"]
        for tok in self.tokens(sent):
            if tok.pos_ != "VERB" or tok.lemma_ not in rz["verbs"]:
                continue
            objs: list[Token] = []
            for c in tok.children:
                if c.dep_ == "dobj" and tok.lemma_ == "cite":
                    objs.append(c)
                if c.dep_ == "prep" and c.lower_ == "to" and tok.lemma_ in rz["to_verbs"] and \
                        not any(d.dep_ == "dobj" or d.dep_ == "prep" and d.lower_ == "as" for d in tok.children):
                    # ("points staff to X" directs; "referred to as X" names)
                    objs += [p for p in c.children if p.dep_ == "pobj"]
            if not objs:
                continue
            about, issuer = self._issuer_or_container(tok)
            as_reason = any(t.lower_ in rz["reason_words"] for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                            for t in c.subtree)
            # "an executive cited X": a person speaks for the nearest policy
            person = not about and (self._person_speaker(tok) or self._descriptive_speaker(tok))
            if not (about or as_reason or person):
                continue
            for o in objs:
                # "cited security concerns and worries that X": the coordinated reasons as one phrase
                for x in [o] if o.dep_ == "dobj" else conjuncts(o):
                    text = phrase(x, drop_preps=frozenset({"as"}))
                    text = re.split(r",?\s+as (?:the|a|an|its|their) (?:\w+ )?(?:reason|cause|justification)", text)[0]
                    roles = {"issuer": issuer, "near": True} if person else {"issuer": issuer}
                    self.emit("reason", roles, reason=[text])

    def _justification(self, sent: Span) -> None:
        """"The agency said the tools move user records abroad in ways that could
        put security at risk": a statement by an issuer, next to its policy, that names a risk."""
        sets = self._reason_words()
        risk, policy_words, use_verbs = sets["risk_words"], sets["policy_words"], sets["use_verbs"]
        # the root ("the ministry said ..."), or a reporting verb hung on the clause that
        # announces the policy ("unveiled the rule on Tuesday, stating that ...")
        warn = sets["warning_verbs"]
        voiced = sets["reporting_or_warning"]  # (reporting or warning verbs)
        verbs = [t for t in self.tokens(sent) if t.lemma_ in voiced and t.pos_ == "VERB"
                 and (t == sent.root or t.dep_ in {"advcl", "conj", "xcomp"} and t.tag_ in {"VBG", "VBD", "VBZ"})]
        anaphors = sets["policy_anaphors"]
        for verb in verbs:
            for c in verb.children:
                if c.dep_ != "ccomp" or verb.lemma_ not in warn and not any(
                        t.lemma_ in risk or t.lower_ in risk for t in c.subtree):
                    continue  # (a warning names a risk by itself: "warning that X may collect Y")
                if any(t.lemma_ in policy_words and not (t.dep_ in {"nsubj", "nsubjpass"} and t.lemma_ in anaphors)
                       or t.lemma_ in use_verbs and self._denied_use(t) for t in c.subtree) \
                        or any(a.dep_ == "aux" and a.lower_ in sets["deontic_modals"] for a in c.children):
                    continue  # a policy statement ("... must not upload code to X", "any use of X must
                    # first be approved"), read by sentence_policy
                about, issuer = self._issuer_or_container(verb)
                if issuer is None and not self._person_speaker(verb) and not self._body_speaker(verb) \
                        and not self._descriptive_speaker(verb):
                    continue
                text = phrase_verb_clause(c)
                if text:
                    # a person's statement ("the governor said") refines the nearest policy before it
                    self.emit("reason", {"issuer": issuer, "near": True}, reason=[text])

    def _body_speaker(self, verb: Token) -> bool:
        """True when the subject of a reporting verb, or of the clause it hangs on
        ("announced the ban, stating that ..."), is a government organ named by description
        ("the digital ministry", "the regulator")."""
        govt = self._reason_words()["government"]
        node = verb
        for _ in range(3):
            subj = self._clause_subject(node)
            if subj is not None:
                return subj.lemma_.lower() in govt and subj.tag_ == "NN"
            if node.dep_ not in {"advcl", "conj", "xcomp"} or node.head == node:
                return False
            node = node.head
        return False

    def _descriptive_speaker(self, verb: Token) -> bool:
        """True when the subject of ``verb`` describes an issuer without naming it: a definite
        noun of ``reason.issuer_descriptors`` ("the state", "the lender", "the hospital
        group") or a plural role noun of ``reason.role_nouns`` ("executives", "bank
        officials"). Its statement refines the nearest policy before it."""
        subj = self._clause_subject(verb)
        if subj is None or subj.pos_ != "NOUN" or self.mention_at(subj) is not None:
            return False
        rz = self.lex["reason"]
        lemma = subj.lemma_.lower()
        if lemma in rz["role_nouns"]:
            return True
        return lemma in rz["issuer_descriptors"] and any(
            c.dep_ in {"det", "poss"} and (c.lower_ in DEFINITE_DETERMINERS or c.tag_ == "PRP$") for c in subj.children)

    def _person_speaker(self, verb: Token) -> bool:
        """True when a reporting verb's subject is a person or a spokesperson-like noun."""
        subj = self._clause_subject(verb)
        if subj is None:
            return False
        if subj.lemma_.lower() in self.lex["attribution"]["spokes_nouns"] or \
                subj.lemma_.lower() in self.lex["reason"]["speaker_nouns"]:
            return True  # "the state's cybersecurity chief said ..."
        if subj.lower_ in PERSON_PRONOUNS:
            # "..., she said": the person the paragraph quotes (a person named before)
            return any(m.entity is not None and m.entity.family == "Person"
                       for ms in self.mentions[max(0, self.block - 2):self.block + 1] for m in ms)
        m = self.mention_at(subj)
        return m is not None and m.entity is not None and m.entity.family == "Person"

    def _reason_clause(self, root: Token, nouns: set[str], anaphors: set[str]) -> list[str]:
        rz = self.lex["reason"]
        subj = self._clause_subject(root)
        found: list[str] = []
        precedent = self._reason_words()["precedent_nouns"]
        strong = self._reason_words()["strong_markers"]
        enacted = root.lemma_ in self.lex["policy"]["enact_verbs"] and any(
            c.dep_ == "dobj" and c.lemma_ in anaphors for c in root.children)  # "A is enforcing the measure amid X"
        if subj is not None and subj.lemma_ in anaphors or enacted:
            follows = root.lemma_ in rz["follow_verbs"]
            if True:
                # "the ban follows X", "the decision comes after X"; any verb of the policy with
                # "after"/"because"/"amid": "the decision was taken after officials found that ..."
                preps = FOLLOW_PREPS if follows else SEQUEL_PREPS
                marks = FOLLOW_MARKS if follows else SEQUEL_MARKS
                for c in root.children:
                    cands = [c] if c.dep_ == "dobj" and follows else \
                        [p for p in c.subtree if p.dep_ in {"pobj", "pcomp"} and p.head == c
                         or p.dep_ == "pobj" and p.head.head == c and c.lower_ in TWO_WORD_PREPS] \
                        if c.dep_ == "prep" and c.lower_ in preps else []
                    mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), "") if c.dep_ == "advcl" else ""
                    # ("the rule is required as phishing grows into a threat": a causal "as" when the
                    # clause names a concern, checked below)
                    clause = mark in marks or mark == "as" and not follows
                    if clause:
                        cands.append(c)  # "the move comes after regulators found that ..."
                    if enacted and (c.i > 0 and c.nbor(-1).ent_type_ in {"DATE", "TIME"}
                                    or c.left_edge.ent_type_ in {"DATE", "TIME"}):
                        continue  # "issued the rule two weeks after X": when, not why
                    for o in cands:
                        # "the ban follows advice that ...", "the decision comes after reports of
                        # security concerns": what a policy follows is its reason when it names one;
                        # an event clause ("after officials found that ...") always is
                        if o.lemma_.lower() in anaphors or o.lower_ in precedent:
                            continue  # "the move follows similar steps by A and B": a precedent, no reason
                        for x in conjuncts(o):
                            words = {t.lemma_.lower() for t in x.subtree} | {t.lower_ for t in x.subtree}
                            # a noun phrase must name a concern ("reports of security concerns"); an
                            # event clause a risk or a finding ("after regulators found that ...")
                            # (after a strong marker, "amid escalating tensions", any object is one)
                            if (words & nouns or c.lower_ in strong) and not (clause and x is c) or \
                                    clause and x is c and (words & self._reason_words()["risk_or_discovery"]
                                                           or mark in strong
                                                           or mark == "as" and words & nouns):
                                found.append(phrase_verb_clause(x) if x.pos_ in {"VERB", "AUX"}
                                             else phrase(x))
            for c in [x for p in root.children if p.dep_ == "prep" for x in [p, *p.conjuncts]]:
                # "the decision was made in line with X", "... in response to X": a marker phrase
                # (also a second prepositional phrase: "made by A with B and in line with X")
                obj = self._marker_phrase_object(c) if c.dep_ in {"prep", "conj"} else None
                if obj is not None:
                    found += [t for x in conjuncts(obj) for t in [phrase(x)] if t and t not in found]
            if root.lemma_ == "be":
                for c in root.children:
                    if c.dep_ == "attr" and c.lemma_ in PRECAUTION_NOUNS:
                        # a step called a precaution for X: what it shields
                        found += [phrase_verb_clause(g) for g in c.children if g.dep_ in {"acl", "relcl"}
                                  and g.lemma_ in rz["protect_verbs"]] or ["precaution"]
                    if c.dep_ == "attr" and c.lemma_ in rz["response_nouns"]:
                        for p in c.children:
                            if p.dep_ == "prep" and p.lower_ == "to":
                                found += [phrase(o) for o in p.children if o.dep_ == "pobj"]
        attr = next((c for c in root.children if c.dep_ == "attr"), None) if root.lemma_ == "be" else None
        if subj is not None and (subj.lemma_ in anaphors or attr is not None and attr.lemma_ in anaphors):
            # "the step was taken to prevent X", "the ban was necessary to protect X", "the move is
            # aimed at preventing X", "the bill is an essential step to shield X"
            skip = {t.i for t in subj.subtree}
            for g in root.subtree:
                if g.i in skip or g.pos_ != "VERB" or g.lemma_ not in rz["protect_verbs"]:
                    continue
                path = [g, *[a for a in g.ancestors if a.i != root.i and root in a.ancestors]]
                if any(c.dep_ in SUBJ for a in path for c in a.children):
                    continue  # "... as governments move to shield X": another statement's purpose
                if any(c.dep_ == "aux" and c.lower_ == "to" for c in g.children) or \
                        g.dep_ == "pcomp" and g.head.lower_ in PURPOSE_PREPS:
                    # ("is aimed at preventing X", "is integral to safeguarding X")
                    text = phrase_verb_clause(g)
                    if text and text not in found:
                        found.append(text)
        if subj is not None and subj.lemma_ in anaphors:
            # "the move is part of Kestria's plan to reach independence in chips", "the move marks its
            # boldest attempt so far to purge imported hardware": the purpose of a plan it belongs to
            plan = {c.i for c in root.children if c.dep_ == "dobj" and c.lemma_.lower() in rz["purpose_nouns"]}
            for g in root.subtree:
                # (the infinitive hangs on the noun, or on the verb when the parse attaches it there)
                if (g.dep_ == "acl" and g.head.lemma_.lower() in rz["purpose_nouns"]
                        and g.head.i not in {t.i for t in subj.subtree} or g.dep_ == "xcomp" and g.head == root and plan) \
                        and g.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in g.children):
                    if g.lemma_.lower() in rz["timing_verbs"]:
                        # "part of a road safety plan to take effect in May": when, not why; the
                        # plan's own words name its aim
                        if g.dep_ == "acl" and any(c.dep_ in {"compound", "amod"} for c in g.head.children):
                            text = phrase(g.head)
                            if text and text not in found:
                                found.append(text)
                        continue
                    for v in [g, *[c for c in g.children if c.dep_ == "conj" and c.pos_ == "VERB"]]:
                        text = phrase_verb_clause(v)
                        if text and text not in found:
                            found.append(text)
            intents = self._reason_words()["intent_verbs"]
            # "the ban is intended to protect X", "the restriction aims to prevent Y"
            heads = [root] + [c for c in root.children if c.dep_ in {"acomp", "xcomp"} and c.lemma_ in intents]
            if any(h.lemma_ in intents for h in heads):
                found += [phrase_verb_clause(g) for h in heads for g in h.children
                          if g.dep_ == "xcomp" and g.pos_ == "VERB" and g.lemma_ in rz["protect_verbs"]]
            if root.lemma_ in rz["reflect_verbs"]:
                # "the move reflects growing concern about X"
                found += [phrase(o) for o in root.children if o.dep_ == "dobj"
                          and ({t.lemma_.lower() for t in o.subtree} & nouns)]
        if root.lemma_ in {"play"} and subj is not None:
            for c in root.children:
                if c.dep_ == "dobj" and c.lemma_ in rz["role_phrase"]:
                    found += [phrase(x) for x in conjuncts(subj) if x.lemma_ in nouns]
        if root.lemma_ in rz["drive_verbs"] and subj is not None and subj.dep_ == "nsubjpass" \
                and subj.lemma_ in anaphors:
            # "the decision was driven by a duty to guard client records and by ..."
            for agent in [root, *[c for c in root.children if c.dep_ == "conj"]]:
                for c in agent.children:
                    if c.dep_ == "agent":
                        for by in [c, *c.conjuncts]:
                            found += [phrase(o) for p in by.children
                                      if p.dep_ == "pobj" for o in conjuncts(p)]
        if root.lemma_ in rz["drive_verbs"] and subj is not None:
            if any(c.dep_ == "dobj" and c.lemma_ in anaphors for c in root.children):
                found += [phrase(x) for x in conjuncts(subj) if x.lemma_ in nouns]
        return found


def _vague(text: str, nouns: frozenset[str], modifiers: frozenset[str]) -> bool:
    """True for a reason phrase that names no reason: a bare ``reason.vague_nouns`` noun,
    possibly after ``reason.vague_modifiers`` words ("worries", "the following reasons",
    "several concerns")."""
    words = text.lower().split()
    return bool(words) and words[-1] in nouns and all(w in modifiers or w == "the" for w in words[:-1])


def bare_infinitive(text: str) -> bool:
    """True for a reason phrase that is an infinitive alone ("to comply", "to act"): it names
    what someone must do, not why (a ground needs an object: "to comply with export law")."""
    words = text.split()
    return len(words) == 2 and words[0].lower() == "to"
