"""Alternative: the product people were directed to use instead (cq02).

A mixin of :class:`kg.extract.facts.ArticleReader`: its methods read one sentence in its
discourse context (``self.article``, ``self.block``, ``self.sent``, the mentions) and
emit :class:`kg.extract.syntax.Observation` objects through ``self.emit``. Word lists
come from ``kg/data/lexicon.json`` (``self.lex``) and ``kg/data/frames/alternative.json``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.entities import Entity
from . import frame_data
from .syntax import conjuncts

_WORDS = frame_data("alternative")
#: "in favor of X" (lower-case text).
FAVOR_WORDS = _WORDS["favor_words"]
#: verbs that move users to another product on their own ("switch to X"; lemmas).
SWITCH_VERBS = _WORDS["switch_verbs"]
#: adverbs that mark a replacement ("use X instead"; lower-case text).
INSTEAD_WORDS = _WORDS["instead_words"]
#: prepositions of a governing verb's goal ("steer staff toward X"; lower-case text).
TOWARD_PREPS = _WORDS["toward_preps"]
#: conjunctions that continue a surface list of names (lower-case text).
LIST_JOINERS = _WORDS["list_joiners"]
#: words that set a product apart from a ban ("Acme barred chatbots, except X"; lower-case text).
EXCEPTION_WORDS = frozenset(_WORDS["exception_words"])
#: nouns of an exception a rule grants ("an exemption permitting X"; lemmas).
EXCEPTION_NOUNS = frozenset(_WORDS["exception_nouns"])
#: verbs that leave a product allowed ("Acme allows staff to use X"; lemmas).
PERMIT_VERBS = frozenset(_WORDS["permit_verbs"])
#: adverbs of what stays allowed beside a rule ("staff can still use X", "may only use X";
#: lower-case text).
STILL_WORDS = frozenset(_WORDS["still_words"])
#: nouns of one form of a product ("an approved version of X": X; lemmas).
VERSION_NOUNS = frozenset(_WORDS["version_nouns"])
#: prepositions listing a class's members ("approved tools such as X"; lower-case text).
MEMBER_PREPS = frozenset(_WORDS["member_preps"])


def excepted(tok: Token) -> bool:
    """True when ``tok`` lies in a phrase that sets it apart from the clause's rule ("except
    for X", "excluding X"): an ancestor, up to the clause's verb, is an ``exception_words`` word."""
    for a in tok.ancestors:
        if a.lower_ in EXCEPTION_WORDS:
            return True
        if a.pos_ in {"VERB", "AUX"}:
            return False
    return False


class AlternativeFrame:
    """Alternative frame (mixin of :class:`kg.extract.facts.ArticleReader`)."""

    #: the unions of word lists the reader tests, built once per reader
    _alternative_sets: dict[str, frozenset[str]] | None = None

    def _sentence_alternative(self, sent: Span) -> None:
        """"staff were directed to use X instead", "switch to X", "adopt X instead of Y"."""
        pol = self.lex["policy"]
        if self._alternative_sets is None:
            alt_verbs, governors = frozenset(pol["alternative_verbs"]), frozenset(pol["alternative_governors"])
            self._alternative_sets = {
                "alt_verbs": alt_verbs, "governors": governors,
                "triggers": alt_verbs | governors | frozenset(pol["alternative_designators"]) | frozenset(SWITCH_VERBS)}
        alt_verbs, governors = self._alternative_sets["alt_verbs"], self._alternative_sets["governors"]
        words = self.words(sent)
        if not words.isdisjoint(FAVOR_WORDS):
            self._favored_alternatives(sent)
        if not words.isdisjoint(EXCEPTION_WORDS) or not words.isdisjoint(EXCEPTION_NOUNS):
            self._excepted_alternatives(sent)
        if not words.isdisjoint(pol["alternative_nouns"]):
            self._copular_alternative(sent)
        if words.isdisjoint(self._alternative_sets["triggers"]):
            return
        triggers = self._alternative_sets["triggers"]
        for tok in self.tokens(sent):
            # (a verb reads nothing below unless its lemma is a trigger: alternative verb,
            # governor, designator or switch verb)
            if tok.lemma_ not in triggers or tok.pos_ != "VERB":
                continue
            instead = any(c.lower_ in INSTEAD_WORDS for c in [*tok.children, *tok.head.children])
            # ("offering staff access to X instead": "instead" on the verb's object)
            instead = instead or any(g.lower_ in INSTEAD_WORDS for c in tok.children if c.dep_ == "dobj"
                                     for g in c.children)
            toward = tok.lemma_ in governors and any(c.dep_ == "prep" and c.lower_ in TOWARD_PREPS
                                                     for c in tok.children)
            if (tok.head.lemma_ in self.lex["policy"]["stop_verbs"] or tok.head.lemma_ in self.lex["policy"]["ban"]) \
                    and not ((instead or toward) and tok.dep_ == "advcl"
                             or tok.lemma_ in SWITCH_VERBS and toward and tok.dep_ == "conj"):
                # ("banned X, offering Y instead", "banned X, directing staff to Y": the adverbial
                # clause offers the alternative; "stop buying X and switch to Y": the switch)
                continue
            gov = tok.lemma_ in governors or (tok.dep_ in {"xcomp", "ccomp", "advcl"} and tok.head.lemma_ in governors)
            designated = tok.lemma_ in pol["alternative_designators"] and (instead or self._designated_as(tok))
            # "staff should use approved tools such as X": a use of what the rule approves
            approved = any(c.dep_ == "dobj" and any(a.dep_ in {"amod", "compound"} and a.lower_ in pol["alternative_adjectives"]
                                                    for a in c.children) for c in tok.children)
            if not ((tok.lemma_ in alt_verbs and (instead or gov or approved or self._left_allowed(tok))) or toward
                    or designated or tok.lemma_ in SWITCH_VERBS):
                continue
            if tok.lemma_ in self.lex["policy"]["stop_verbs"] or any(c.dep_ == "neg" for c in tok.children):
                continue  # ("asked staff not to use X": X is restricted, not an alternative)
            objs: list[Token] = []
            restricted: list[Entity] = []
            for c in tok.children:
                if c.dep_ in {"dobj", "attr"}:
                    objs.append(c)
                elif c.dep_ == "prep":
                    if c.lower_ == "instead" or (c.lower_ == "of" and c.head.lower_ == "instead") \
                            or c.lower_ == "from" and tok.lemma_ in SWITCH_VERBS:
                        # ("migrating PCs from X to Y": X is what the switch leaves)
                        restricted += self.entities_in(c.subtree, {"Product"})
                        continue
                    for p in c.children:
                        if p.dep_ == "pobj":
                            objs.append(p)
                        if p.dep_ == "prep" and p.lower_ == "of":
                            restricted += self.entities_in(p.subtree, {"Product"})
            alts: list[Entity] = []
            # "an approved version of X": X
            objs = [g for o in objs for g in ([g for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                               for g in p.children if g.dep_ == "pobj"]
                                              if o.lemma_ in VERSION_NOUNS else [o])]
            # "access to X": X; "approved tools such as X" (or "like", "including"): the members listed
            objs = [g for o in objs for g in ([g for p in o.children if p.dep_ == "prep" and p.lower_ == "to"
                                               for g in p.children if g.dep_ == "pobj"]
                                              if o.lower_ in pol["access_words"] else [o])]
            objs += [g for o in objs if approved and self.entity_at(o, {"Product"}) is None
                     for p in o.children if p.dep_ == "prep" and p.lower_ in MEMBER_PREPS
                     for g in p.children if g.dep_ == "pobj"]
            for o in objs:
                for x in conjuncts(o):
                    # "its in-house assistant, Acme Chat": the name in apposition before any anaphor
                    # "an internal assistant called Acme Chat": the name its naming verb gives
                    named = [n for c in x.children if c.dep_ == "acl" and c.lemma_ in self.lex["naming_verbs"]
                             for n in [*c.children, *(g for p in c.children if p.dep_ == "prep" for g in p.children)]
                             if n.dep_ in {"oprd", "dobj", "pobj", "xcomp", "attr"}]
                    e = next((a for c in [*named, *(c for c in x.children if c.dep_ == "appos")]
                              for a in [self.entity_at(c, {"Product"})] if a is not None), None)
                    e = e or self.entity_at(x, {"Product"})
                    # ("switch to Acme's X 910 chips": the name modifies the class noun)
                    e = e or next((a for c in x.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < x.i
                                   for a in [self.entity_at(c, {"Product"})] if a is not None), None)
                    if e is None and (instead or gov or tok.lemma_ in SWITCH_VERBS):
                        # "urged firms to buy domestic chips instead", "told staff to use approved
                        # AI tools": an unnamed class of goods or AI products
                        goods = self._generic_goods([x])
                        cls = None if goods else self._generic_ai_class([x])
                        e = goods[0] if goods else self.implicit(cls, "SoftwareProduct", False) if cls else None
                    if e is not None and e not in restricted and e not in alts:
                        alts.append(e)
                alts += [e for e in self._listed_products_after(o) if e not in restricted and e not in alts]
            for alt in alts:
                issuer = self.agent_of(tok, {"Organization"})
                self.emit("alternative", {"issuer": issuer, "restricted": restricted[0] if restricted else None,
                                          "alternative": alt})

    @staticmethod
    def _left_allowed(verb: Token) -> bool:
        """True for a use a rule leaves allowed: "but allows staff to use X" (the verb is the
        complement of a ``permit_verbs`` verb that is not negated), "staff can still use X",
        "may only use X" (a ``still_words`` adverb on the verb). Such an X is an alternative only
        where its issuer restricted another product (checked at article level)."""
        head = verb.head
        if verb.dep_ in {"xcomp", "ccomp"} and head.lemma_ in PERMIT_VERBS \
                and not any(c.dep_ == "neg" for c in head.children):
            return True
        return any(c.dep_ == "advmod" and c.lower_ in STILL_WORDS for c in verb.children)

    def _copular_alternative(self, sent: Span) -> None:
        """"X is an alternative available to staff", "Acme said X is the recommended
        replacement": a product the sentence calls an alternative (``policy.alternative_nouns``);
        its issuer is the speaker, else the policy it follows (filled at article level)."""
        for tok in self.tokens(sent):
            if tok.dep_ != "attr" or tok.lemma_.lower() not in self.lex["policy"]["alternative_nouns"]:
                continue
            subj = self._clause_subject(tok.head)
            alt = self.entity_at(subj, {"Product"}) if subj is not None else None
            if alt is None:
                continue
            speaker = self.attribution(sent)
            issuer = speaker if isinstance(speaker, Entity) and speaker.family == "Organization" \
                and speaker.kind != "NewsOrganization" else None
            self.emit("alternative", {"issuer": issuer, "restricted": None, "alternative": alt})

    def _excepted_alternatives(self, sent: Span) -> None:
        """"Acme barred chatbots, except X", "Acme granted an exemption permitting X":
        the product a rule leaves allowed is the alternative (its issuer: the rule's agent; the
        restricted product is filled at article level)."""
        for tok in self.tokens(sent):
            m = self.mention_at(tok)
            if m is None or m.entity is None or m.entity.family != "Product" or tok.i != m.end - 1:
                continue
            root = tok.doc[m.start:m.end].root
            verb = None
            if excepted(root):
                verb = next((a for a in root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            else:  # "an exemption permitting X"
                node = next((a for a in root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
                if node is not None and node.dep_ in {"acl", "relcl"} and node.head.lemma_.lower() in EXCEPTION_NOUNS:
                    verb = node.head.head
            if verb is None:
                continue
            self.emit("alternative", {"issuer": self.agent_of(verb, {"Organization"}), "restricted": None,
                                      "alternative": m.entity})

    def _favored_alternatives(self, sent: Span) -> None:
        """"banned X in favor of its own chatbot, Y": Y is the alternative."""
        for tok in self.tokens(sent):
            if tok.lower_ not in FAVOR_WORDS or tok.dep_ != "pobj" or tok.head.lower_ != "in":
                continue
            verb = tok.head.head
            for p in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                for o in (c for c in p.children if c.dep_ == "pobj"):
                    e = next((a for c in o.children if c.dep_ == "appos"
                              for a in [self.entity_at(c, {"Product"})] if a is not None), None) \
                        or self.entity_at(o, {"Product"})
                    if e is not None:
                        self.emit("alternative", {"issuer": self.agent_of(verb, {"Organization"}),
                                                  "restricted": None, "alternative": e})

    def _listed_products_after(self, tok: Token) -> list[Entity]:
        """Products listed on the surface after ``tok`` ("use Signal, iMessage and Teams
        instead"), for lists the parser breaks: names separated by commas and "and"/"or"."""
        doc = tok.doc
        m = self.mention_at(tok)
        start = m.end if m is not None else tok.i + 1
        out: list[Entity] = []
        for t in doc[start:min(self.sentence_of(tok).end, start + 20)]:
            mm = self.mention_at(t)
            if mm is not None and mm.entity is not None and mm.entity.family == "Product":
                if mm.entity not in out:
                    out.append(mm.entity)
                continue
            if not (t.is_punct and t.text in {",", ";"} or t.lower_ in LIST_JOINERS or t.pos_ == "PROPN"):
                break
        return out

    def _designated_as(self, verb: Token) -> bool:
        """True for "names X as the recommended assistant", "X is the approved tool"."""
        adjs = set(self.lex["policy"]["alternative_adjectives"])
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                for p in c.children:
                    if p.dep_ == "pobj" and any(a.lower_ in adjs for a in p.children if a.dep_ in {"amod", "compound"}):
                        return True
        return False
