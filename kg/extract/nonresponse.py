"""Non-response: who did not respond to, declined to comment on or did not address what (cq10).

A mixin of :class:`kg.extract.facts.ArticleReader`: its methods read one sentence in its
discourse context (``self.article``, ``self.block``, ``self.sent``, the mentions) and
emit :class:`kg.extract.syntax.Observation` objects through ``self.emit``. Word lists
come from ``kg/data/lexicon.json`` (``self.lex``) and ``kg/data/frames/nonresponse.json``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.entities import Entity
from .syntax import RELATIVE, conjuncts, phrase, phrase_verb_clause
from . import frame_data

_WORDS = frame_data("nonresponse")
#: "neither A nor B responded" (lower-case text).
NEITHER_WORDS = _WORDS["neither_words"]
#: pronoun subjects that stand for the subject of the sentence before (lower-case text).
SUBJECT_PRONOUNS = _WORDS["subject_pronouns"]
#: prepositions of the organization a spokesperson speaks for ("a spokesperson for X"; lower-case text).
REPRESENTED_PREPS = _WORDS["represented_preps"]
#: prepositions of the matter left unanswered ("declined to comment on X"; lower-case text).
MATTER_PREPS = _WORDS["matter_preps"]
#: words that open an embedded question ("did not say whether ..."; lower-case text).
QUESTION_WORDS = _WORDS["question_words"]


class NonresponseFrame:
    """Non-response frame (mixin of :class:`kg.extract.facts.ArticleReader`)."""

    #: (respond, decline, triggers, provide, information): the word lists and unions the reader
    #: tests, built once per reader
    _nonresponse_sets: tuple[frozenset[str], ...] | None = None

    def sentence_nonresponse(self, sent: Span) -> None:
        """"X did not respond to requests for comment", "X declined to comment on Y",
        "X has yet to address Y", "X remained silent on Y", "X refrained from Y"."""
        nr = self.lex["non_response"]
        # "would not say which ...", "has not clarified how long ...", "could not be reached":
        # read here only (the lawsuit reader shares respond_verbs)
        if self._nonresponse_sets is None:
            respond, decline = frozenset(nr["respond_verbs"]) | frozenset(nr["withhold_verbs"]), frozenset(nr["decline_verbs"])
            self._nonresponse_sets = (respond, decline, respond | decline | frozenset(nr["silent_adjectives"])
                                      | frozenset(nr["unavailable_adjectives"]) | frozenset(nr["provide_verbs"])
                                      | frozenset(nr["receive_verbs"]),
                                      frozenset(nr["provide_verbs"]), frozenset(nr["information_nouns"]))
        respond, decline, triggers, provide, information = self._nonresponse_sets
        if self.words(sent).isdisjoint(triggers):
            return  # (most sentences: no trigger word)
        # (the trigger words are lower case, so a token whose lemma_.lower(), read once per Doc,
        # is none of them has no lemma_ of them either)
        lemmas = self._doc_words(sent.doc)[0]
        for tok in self.tokens(sent):
            if lemmas[tok.i] not in triggers or tok.lemma_ not in triggers:
                continue  # (each rule below needs a word of its list)
            verb = None
            matter_from: Token | None = None
            matters: list[str] = []
            if tok.pos_ == "VERB" and tok.lemma_ in respond and self._negated(tok):
                verb, matter_from = tok, tok
            elif tok.pos_ == "VERB" and tok.lemma_ in decline and not self._under_directive(tok):
                verb = tok  # ("told staff to refrain from X" is a rule, not a silence)
                comp = next((c for c in tok.children if c.dep_ in {"xcomp"}), None)
                if comp is None:
                    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
                    comp = next((p for p in prep.children if p.dep_ == "pcomp"), None) if prep is not None else None
                matter_from = comp
                if matter_from is None and tok.lemma_ != "decline":
                    continue
            elif tok.lemma_ in nr["silent_adjectives"] and tok.dep_ == "acomp":
                verb, matter_from = tok.head, tok
            elif tok.lemma_ in nr["unavailable_adjectives"] and tok.dep_ == "acomp" and self._negated(tok.head):
                verb, matter_from = tok.head, tok  # "X was not immediately available for comment"
            elif tok.lemma_ in nr["receive_verbs"] and tok.pos_ == "VERB":
                self._unanswered(tok)
                continue
            elif tok.lemma_ in provide and tok.pos_ == "VERB" and not self._under_directive(tok):
                # "X did not provide a timeline for Y", "X gave no reason for the ban": information
                # withheld ("declined to provide details" is the decline rule's)
                info = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in information), None)
                if info is None or not (self._negated(tok) or any(c.dep_ == "det" and c.lower_ == "no"
                                                                   for c in info.children)):
                    continue
                verb, matters = tok, [phrase(info, drop_relcl=True, max_words=12)]
            if verb is None:
                continue
            parties = [p for p in self._parties(verb) if p.kind != "NewsOrganization" or self._party_to_a_suit(p)]
            if not parties:
                continue  # ("Reuters could not confirm the report": the reporter, not a party)
            matters = matters or (self._matters(matter_from) if matter_from is not None else [])
            if not matters:
                word = (matter_from or tok).lemma_
                matters = ["comment" if word in nr["comment_words"] else word]
            for party in parties:
                for matter in matters:
                    self.emit("nonresponse", {"party": party}, matter=[matter])

    def _party_to_a_suit(self, entity: Entity) -> bool:
        """True when the article has already named ``entity`` as an accuser or the accused of an
        allegation (the lawsuit reader's records so far): a newspaper that sued, or was sued, is
        a party whose silence is news ("The Times declined to comment"), not the reporter."""
        st = getattr(self, "_lawsuit_state", None)
        return st is not None and any(entity in r.accusers or entity in r.accused for r in st["records"])

    def _unanswered(self, verb: Token) -> None:
        """The asker's side of a silence: "Reuters got no answer when it asked Acme
        whether ...", "received no reply from Acme" (``non_response.receive_verbs``,
        ``reply_nouns``, ``ask_verbs``): the one asked is the party; the question asked, else
        the reply, the matter."""
        nr = self.lex["non_response"]
        reply = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nr["reply_nouns"]), None)
        if reply is None or not (self._negated(verb) or any(c.dep_ == "det" and c.lower_ == "no"
                                                             for c in reply.children)):
            return
        parties: list[Entity] = []
        matters: list[str] = []
        for p in [*verb.children, *reply.children]:
            if p.dep_ == "prep" and p.lower_ == "from":
                parties += [e for o in p.children if o.dep_ == "pobj" for x in conjuncts(o)
                            for e in [self.entity_at(x, {"Organization", "Person"})] if e is not None]
        if verb.dep_ == "conj" and verb.head.lemma_ in nr["ask_verbs"]:
            parties += self._asked(verb.head)  # "reached out to Acme for comment but got no reply"
            matters += [o.lower_ for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "for"
                        for o in c.children if o.dep_ == "pobj" and o.lemma_ in nr["comment_words"]]
        for ask in verb.children:
            if ask.dep_ != "advcl" or ask.lemma_ not in nr["ask_verbs"]:
                continue
            parties += self._asked(ask)
            matters += [t for c in ask.children if c.dep_ in {"ccomp", "advcl"} and any(
                d.lower_ in QUESTION_WORDS and d.i < c.i for d in c.subtree)
                for t in [phrase_verb_clause(c, max_words=14)] if t]
        for party in dict.fromkeys(p for p in parties if p.kind != "NewsOrganization"):
            for matter in matters or [reply.lemma_.lower()]:
                self.emit("nonresponse", {"party": party}, matter=[matter])

    def _asked(self, ask: Token) -> list[Entity]:
        """The organizations and persons an asking verb (``non_response.ask_verbs``) addresses:
        its object and the object's list ("contacted A, B and C"), or the object of its "to"
        ("reached out to A")."""
        objs = [c for c in ask.children if c.dep_ == "dobj"]
        objs += [o for c in ask.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
                 if o.dep_ == "pobj"]
        return [e for o in objs for x in conjuncts(o)
                for e in [self.entity_at(x, {"Organization", "Person"})] if e is not None]

    def _negated(self, tok: Token) -> bool:
        node = tok
        for _ in range(3):
            if any(c.dep_ == "neg" or c.lower_ == "never" for c in node.children):
                return True
            if any(c.lower_ == "yet" for c in node.children) and node != tok:
                return True
            subj = self._clause_subject(node)
            if subj is not None and any(c.lower_ in NEITHER_WORDS for c in [*subj.children, subj]):
                return True
            if node.dep_ not in {"xcomp", "conj"}:
                return False
            node = node.head
        return False

    def _parties(self, verb: Token) -> list[Entity]:
        node = verb
        for _ in range(3):
            subj = self._clause_subject(node)
            if subj is not None and subj.lower_ in RELATIVE and node.dep_ == "relcl":
                subj = node.head  # "Acme, which did not respond to ..."
            if subj is not None:
                out = []
                if subj.lower_ == "none":
                    # "None of the three firms, A, B or C, responded": the names the of-phrase lists
                    subj = next((o for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                                 for o in c.children if o.dep_ == "pobj"), subj)
                    named = [a for a in subj.children if a.dep_ == "appos"]
                    subj = named[0] if named else subj
                for t in conjuncts(subj):
                    if t.pos_ == "PRON" and t.lower_ in SUBJECT_PRONOUNS:
                        # "When Reuters contacted A and B, they were not available for comment"
                        asked = [e for c in node.children if c.dep_ == "advcl"
                                 and c.lemma_ in self.lex["non_response"]["ask_verbs"] and c.i < t.i
                                 for e in self._asked(c)]
                        if asked:
                            out += [e for e in asked if e not in out]
                            continue
                    e = self._previous_subject(t) if t.pos_ == "PRON" else None
                    e = e or self.entity_at(t, {"Organization", "Person"}, subject_first=False)
                    for x in [e] if e is not None else self._represented(t):
                        if x not in out:
                            out.append(x)
                return out
            if node.dep_ not in {"xcomp", "conj", "advcl"}:
                return []
            node = node.head
        return []

    def _previous_subject(self, pron: Token) -> Entity | None:
        """ "Acme said ... . It did not say whether ...": a pronoun subject is the named
        organization or person that is the subject of the sentence before (same block)."""
        if pron.lower_ not in SUBJECT_PRONOUNS:
            return None
        prev = [s for s in pron.doc.sents if s.end <= pron.sent.start]
        if not prev:
            return None
        subj = self._clause_subject(prev[-1].root)
        if subj is None:
            return None
        e = self.entity_at(subj, {"Organization", "Person"})
        if e is None or self.mention_at(subj) is None:
            return None
        return e if (pron.lower_ == "it") == (e.family == "Organization") or pron.lower_ == "they" else None

    def _represented(self, noun: Token) -> list[Entity]:
        """Whom a spokesperson-like subject speaks for: "representatives of Acme", "an Acme
        spokesperson", "Acme's press office"; after "of"/"for", a product too ("a representative
        for X", X a platform whose side is asked), and people ("representatives for A and B",
        each of them). [] when the noun is no such subject or names no one."""
        if noun.lemma_.lower() not in self.lex["non_response"]["representative_nouns"]:
            return []
        for c in noun.children:
            if c.dep_ in {"compound", "poss"}:
                e = self.entity_at(c, {"Organization"})
                if e is not None:
                    return [e]
            if c.dep_ == "prep" and c.lower_ in REPRESENTED_PREPS:
                out: list[Entity] = []
                for q in (q for q in c.children if q.dep_ == "pobj"):
                    for x in conjuncts(q):
                        # ("a representative for X", X a platform: the party is the platform's side)
                        e = self.entity_at(x, {"Organization"}) or self.entity_at(x, {"Product"}) \
                            or self.entity_at(x, {"Person"})
                        if e is not None and e not in out:
                            out.append(e)
                if out:
                    return out
        if any(c.dep_ in {"compound", "poss", "prep"} for c in noun.children) or noun.dep_ != "nsubj":
            return []
        # "Acme confirmed the plan, but a spokesperson would say no more", "Acme confirmed the
        # plan. A spokesperson declined to say more": the organization the clause before is about
        verb = noun.head
        if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
            before = verb.head
        else:
            prev = [s for s in noun.doc.sents if s.end <= noun.sent.start]
            before = prev[-1].root if prev else None
        subj = self._clause_subject(before) if before is not None else None
        m = self.mention_at(subj) if subj is not None else None
        if m is not None and m.entity is not None and m.entity.family == "Organization" \
                and m.entity.kind != "NewsOrganization":
            return [m.entity]
        return []

    def _matters(self, tok: Token) -> list[str]:
        out: list[str] = []
        for c in tok.children:
            objs = []
            if c.dep_ == "dobj":
                objs = [c]
            elif c.dep_ == "prep" and c.lower_ in MATTER_PREPS:
                objs = [p for p in c.children if p.dep_ == "pobj"]
            for o in objs:
                if o.ent_type_ in {"DATE", "TIME"} and c.dep_ == "prep":
                    continue  # "gave no answer to our query on Friday": when, not what
                if o.pos_ == "PRON":
                    text = self._pronoun_matter(o)
                else:
                    text = phrase(o, drop_relcl=True, max_words=12)
                if len(text) > 1:  # (not the "e" of an "e-mailed" the tokenizer split)
                    out.append(text)
            if c.dep_ == "xcomp":
                out += self._matters(c)
            if c.dep_ in {"ccomp", "advcl"} and c.i > tok.i and any(
                    d.lower_ in QUESTION_WORDS
                    and d.i < c.i for d in c.subtree):
                # "did not address whether staff need sign-off", "declined to say how many ..."
                text = phrase_verb_clause(c, max_words=14)
                if text:
                    out.append(text)
        comment = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
                        if o.dep_ == "pobj" and o.lemma_ in self.lex["non_response"]["comment_words"]), None)
        if comment is not None:
            # "has not answered a request from X for comment": the parse hangs "for comment" on
            # the verb; it is what the request asked
            out = [t if comment.lower_ in t.lower() else f"{t} for {comment.text}" for t in out] or [comment.text]
        return out

    def _pronoun_matter(self, pron: Token) -> str:
        sent = pron.sent
        subj = self._clause_subject(sent.root)
        if subj is not None and subj.pos_ == "NOUN" and subj.i < pron.i and subj.tag_ in {"NNS", "NN"}:
            return phrase(subj, drop_relcl=True, max_words=8)
        prev = [s for s in sent.doc.sents if s.end <= sent.start]
        if not prev and self.block > 0:
            prev = list(self.docs[self.block - 1].sents)
        for s in reversed(prev[-1:]):
            subj = self._clause_subject(s.root)
            if subj is not None and subj.pos_ == "NOUN":
                return phrase(subj, drop_relcl=True, max_words=8)
        return ""
