"""Allegation: who accused whom of what, and before whom (cq04).

A mixin of :class:`kg.extract.facts.ArticleReader`: its methods read one sentence in its
discourse context (``self.article``, ``self.block``, ``self.sent``, the mentions) and
emit :class:`kg.extract.syntax.Observation` objects through ``self.emit``. Word lists
come from ``kg/data/lexicon.json`` (``self.lex``) and ``kg/data/frames/allegation.json``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.entities import Entity
from ..nlp.kb import normalize
from ..resources import lexicon
from .syntax import SUBJ, phrase
from . import frame_data

_WORDS = frame_data("allegation")
#: words of a claim that needs a named practice to count as an allegation (lemmas).
CLAIM_WORDS = _WORDS["claim_words"]
#: verbs whose object is the accused ("X accused Y of Z"; lemmas).
ACCUSE_VERBS = _WORDS["accuse_verbs"]
#: prepositions of the practice after an accusing verb ("charged Y with Z"; lower-case text).
CHARGE_PREPS = _WORDS["charge_preps"]
#: prepositions of the accuser after an allegation noun ("allegations from X"; lower-case text).
SOURCE_PREPS = _WORDS["source_preps"]
#: verbs of an impersonal "it is possible that ..." that names no one (lemmas).
IMPERSONAL_VERBS = _WORDS["impersonal_verbs"]
#: prepositions of an addressee ("a letter to X", "raised concerns with X"; lower-case text).
ADDRESSEE_PREPS = _WORDS["addressee_preps"]
#: verbs that take their addressee with "with" ("raised these concerns with X"; lemmas).
RAISE_WITH_VERBS = _WORDS["raise_with_verbs"]
#: nouns of an unnamed addressee besides the government-body cue nouns ("wrote to senators"; lemmas).
LAWMAKER_NOUNS = _WORDS["lawmaker_nouns"]
#: present-tense accusing verbs that are never nouns, read when the model tags them as nouns
#: after a list of names ("A and B allege Y copied ..."; lower-case text).
VERB_ONLY_FORMS = _WORDS["verb_only_forms"]
#: the practices of ``lexicon.json``'s ``allegation.practices`` that a plain report names
#: (``allegation.report_practices``), in the table's order (built once).
REPORT_PRACTICES = {k: v for k, v in lexicon()["allegation"]["practices"].items()
                    if k in lexicon()["allegation"]["report_practices"]}


class AllegationFrame:
    """Allegation frame (mixin of :class:`kg.extract.facts.ArticleReader`)."""

    #: (sentence triggers, lemmas a token must have to be read), built once per reader
    _allegation_sets: tuple[frozenset[str], frozenset[str]] | None = None

    def sentence_allegation(self, sent: Span) -> None:
        """"X accused Y of Z", "X alleged that Y ...", "X's accusations that Y ...",
        "allegations from X that Y ...", and to whom they were addressed."""
        al = self.lex["allegation"]
        practices = al["practices"]
        agents = {"Organization", "Person"}
        if self._allegation_sets is None:
            read = frozenset(al["verbs"]) | frozenset(al["report_verbs"]) | frozenset(al["nouns"])
            self._allegation_sets = (read | frozenset(CLAIM_WORDS), read)
        triggers, read = self._allegation_sets
        for tok in () if self.words(sent).isdisjoint(triggers) else self.tokens(sent):
            if tok.lemma_ not in read:
                continue  # (no rule below reads this token)
            accuser = accused = None
            accused_tok: Token | None = None  # (the subject naming the accused, whose list is read below)
            clause: Token | None = None
            scope: list[Token] | None = None
            accusers: list[Entity] = []
            if tok.pos_ != "VERB" and tok.lower_ in VERB_ONLY_FORMS:
                read_as_verb = self._mistagged_allegation(tok, agents)
                if read_as_verb is None:
                    continue
                accusers, accused, clause, scope = read_as_verb
                accuser = accusers[0]
            elif tok.pos_ == "VERB" and tok.lemma_ in al["verbs"]:
                if any(c.dep_ == "neg" for c in tok.children):
                    continue  # "X has not accused Y of ...", "X never alleged that ..."
                accuser = self.agent_of(tok, agents, depth=1)
                if tok.lemma_ in ACCUSE_VERBS:
                    for c in tok.children:
                        if c.dep_ in {"dobj", "nsubjpass"}:
                            accused = self._np_entity(c, agents)
                        if c.dep_ == "prep" and c.lower_ in CHARGE_PREPS:
                            clause = c
                else:
                    for c in tok.children:
                        if c.dep_ == "ccomp":
                            clause = c
                            s = self._clause_subject(c)
                            accused = self._np_entity(s, agents) if s is not None else None
                            accused_tok = s
            elif tok.pos_ == "VERB" and tok.lemma_ in al["report_verbs"]:
                # "X told customers that Y copied its model", "X said accounts run by Y
                # sent prompts designed to extract ...": a report whose clause names a practice
                accuser = self.agent_of(tok, agents, depth=1)
                if accuser is not None and accuser.kind == "NewsOrganization":
                    continue
                strong = REPORT_PRACTICES
                for c in tok.children:
                    if c.dep_ == "ccomp" and c.lemma_ in al["report_verbs"]:
                        continue  # "they say Y said that ...": Y reports, Y is not accused
                    if c.dep_ == "ccomp" and self._practices([t for t in c.subtree if t.dep_ != "compound"], strong):
                        subjects = sorted((x for x in c.children if x.dep_ in SUBJ),
                                          key=lambda x: self.mention_at(x) is None)
                        if subjects:
                            clause, accused = c, self._np_entity(subjects[0], agents)
                            accused_tok = subjects[0]
                if clause is None:
                    continue
            elif tok.pos_ == "NOUN" and tok.lemma_ in al["nouns"] and tok.lemma_ != "charge":
                for c in tok.children:
                    if c.dep_ in {"poss", "compound"}:
                        accuser = accuser or self.entity_at(c, agents)
                    if c.dep_ == "prep" and c.lower_ in SOURCE_PREPS:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                accuser = accuser or self.entity_at(p, agents)
                    if c.dep_ == "prep" and c.lower_ == "against":
                        for p in c.children:
                            if p.dep_ == "pobj":
                                accused = self.entity_at(p, agents)
                    if c.dep_ in {"acl", "ccomp", "relcl"} and any(x.lower_ == "that" and x.dep_ == "mark" for x in c.children):
                        clause = c
                        s = self._clause_subject(c)
                        accused = accused or (self.entity_at(s, agents) if s is not None else None)
                    if c.dep_ == "prep" and c.lower_ == "of":
                        clause = c
                if accused is None and tok.dep_ == "dobj" and tok.head.lemma_ in al["deny_verbs"]:
                    # "Y denied X's accusations of plagiarism": who denies is who was accused
                    s = self._clause_subject(tok.head)
                    accused = self._np_entity(s, agents) if s is not None else None
            if accuser is None or accused is None or accuser is accused:
                continue
            if set(normalize(accuser.label).split()) & set(al["court_words"]):
                continue  # a court decides; the plaintiff accuses (the lawsuit frame reads who that is)
            if clause is not None and any(t.lower_ == "it" and t.dep_ in SUBJ and t.head.lemma_ in IMPERSONAL_VERBS
                                          and any(x.dep_ == "ccomp" for x in t.head.subtree) for t in clause.subtree):
                continue  # "it is possible that ...": no one is named
            if scope is None:
                scope = list(clause.subtree) if clause is not None else []
            found = self._practices(scope, practices)
            if not found and tok.lemma_ in CLAIM_WORDS:
                continue
            practice = found or ([phrase(clause)] if clause is not None else [])
            targets = [e for t in scope if (m := self.mention_at(t)) is not None and (e := m.entity) is not None
                       and e.family == "Product"]
            targets = list(dict.fromkeys(targets))
            listed = [accused, *self._listed_with(accused_tok, agents)] if accused_tok is not None else [accused]
            for one in accusers or [accuser]:
                for party in dict.fromkeys(listed):
                    if one is not party:
                        self.emit("allegation", {"accuser": one, "accused": party, "target": targets},
                                  practice=practice)
        self._sentence_addressee(sent)

    def _listed_with(self, tok: Token, agents: set[str]) -> list[Entity]:
        """The other parties a subject lists with its first name: its conjuncts, and names in
        apposition that a coordination follows ("A, B and C had used ...", which the parse may
        read as A with B in apposition and C coordinated with B)."""
        out: list[Entity] = []
        todo = [c for c in tok.children if c.dep_ in {"conj", "appos"}]
        while todo and len(out) < 12:
            t = todo.pop(0)
            if t.dep_ == "appos" and not any(c.dep_ == "conj" for c in t.children):
                continue  # a plain apposition describes the same party
            e = self.entity_at(t, agents)
            if e is not None and e not in out:
                out.append(e)
            todo += [c for c in t.children if c.dep_ == "conj"]
        return out

    def _mistagged_allegation(self, tok: Token, agents: set[str]
                              ) -> tuple[list[Entity], Entity, Token, list[Token]] | None:
        """An accusing verb the model tagged as a noun after a list of names ("A and B allege
        Y infringed ...", where the parse hangs "allege" on the names as a compound): the
        accusers are the names right before ``tok`` (joined by "and" or commas), the accused is
        the name right after it (after an optional "that"), and what it did is the rest of
        the sentence from the verb the accused is the subject of.

        Args:
            tok: a token of ``allegation.verb_only_forms`` not tagged as a verb.
            agents: the entity families that may accuse and be accused.

        Returns:
            (accusers in text order, the accused, the accused's verb, the tokens after
            ``tok``), or None when the words around ``tok`` are not so.
        """
        doc = tok.doc
        accusers: list[Entity] = []
        i = tok.i - 1
        while i >= tok.sent.start:
            m = self.mention_at(doc[i])
            if m is None or m.entity is None or m.entity.family not in agents:
                break
            accusers.insert(0, m.entity)
            i = m.start - 1
            if i >= tok.sent.start and (doc[i].lower_ == "and" or doc[i].text == ","):
                i -= 1
                if i >= tok.sent.start and doc[i].lower_ == "and":
                    i -= 1  # (", and")
                continue
            break
        j = tok.i + 1
        if j < tok.sent.end and doc[j].lower_ == "that":
            j += 1
        if not accusers or j >= tok.sent.end:
            return None
        accused = self.entity_at(doc[j], agents)
        m = self.mention_at(doc[j])
        if accused is None or m is None:
            return None
        head = doc[m.end - 1]
        while head.dep_ == "compound" and head.head.i < m.end and head.head.i >= m.start:
            head = head.head
        verb = head.head
        if head.dep_ not in SUBJ or verb.pos_ not in {"VERB", "AUX"} or verb.i < tok.i:
            return None
        return accusers, accused, verb, [t for t in tok.sent if t.i > tok.i]

    @staticmethod
    def _practices(toks: list[Token], practices: dict) -> list[str]:
        """Alleged practices named by the tokens ("distilling" -> distillation), in order."""
        found: list[str] = []
        for t in toks:
            key = t.lemma_.lower() if t.lemma_.lower() in practices else t.lower_.strip("\"'“”")
            for part in key.split("-"):
                if part in practices and practices[part] not in found:
                    found.append(practices[part])
        return found

    def _np_entity(self, tok: Token, families: set[str]) -> Entity | None:
        """The entity a noun phrase names: its head ("Halvard AI"), a name inside it
        ("the Swedish startup Halvard AI"), or the name it is about ("accounts
        controlled by Halvard AI", "accounts linked to the Chinese company")."""
        m = self.mention_at(tok)
        if m is not None:
            return m.entity if m.entity is not None and m.entity.family in families else None
        for d in tok.subtree:
            if d == tok:
                continue
            m = self.mention_at(d)
            if m is not None and m.entity is not None and m.entity.family in families and d.dep_ != "poss":
                return m.entity
        for d in tok.subtree:
            if d == tok or d.pos_ == "NOUN" and d.dep_ == "pobj":
                e = self.coref(d, families)
                if e is not None:
                    return e
        return None

    def _sentence_addressee(self, sent: Span) -> None:
        """"in a letter to X", "raised these concerns with X", "wrote to X"."""
        al = self.lex["allegation"]
        words = self.words(sent)
        if words.isdisjoint(al["addressee_nouns"]) and words.isdisjoint(al["addressee_verbs"]):
            return  # (most sentences: no trigger word)
        for tok in self.tokens(sent):
            if not ((tok.pos_ == "NOUN" and tok.lemma_ in al["addressee_nouns"]) or
                    (tok.pos_ == "VERB" and tok.lemma_ in al["addressee_verbs"])):
                continue
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPS]
            for c in tok.children:
                if c.dep_ in {"acl", "relcl"}:
                    preps += [p for p in c.children if p.dep_ == "prep" and p.lower_ == "to"]
            for p in preps:
                if p.lower_ == "with" and tok.lemma_ not in RAISE_WITH_VERBS:
                    continue
                for o in p.children:
                    if o.dep_ != "pobj":
                        continue
                    ent = self.entity_at(o, {"Organization", "Person"})
                    if ent is None and o.lemma_ in set(self.lex["cue_nouns"]["GovernmentBody"]) | set(LAWMAKER_NOUNS):
                        label = phrase(o, drop_relcl=True, max_words=6)
                        ent = self.implicit(label, "GovernmentBody", True)
                    if ent is not None:
                        accuser = self.agent_of(tok, {"Organization", "Person"}, depth=3)
                        self.emit("addressee", {"accuser": accuser, "addressee": ent})
