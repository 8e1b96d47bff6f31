"""Fact extraction from the dependency parse.

Each extractor reads one sentence and emits :class:`Observation` objects: one
n-ary fact as stated in one sentence of one article. Trigger words, cue nouns
and role markers come from ``kg/data/lexicon.json``; the sentence structure
(subjects, objects, passive agents, xcomp/ccomp chains, appositions,
possessives, coordination) comes from spaCy's parser (ClearNLP-style labels,
https://github.com/clir/clearnlp-guidelines/blob/master/md/specifications/dependency_labels.md).

Fact kinds (key roles, entity and literal attributes, ontology classes) are
defined once, in ``kg/data/fact_kinds.json`` (:mod:`kg.schema`); observations
with the same kind and key merge into one fact (:func:`kg.extract.extraction.merge`).
Readers of further frames live in :mod:`kg.extract`.
"""

from __future__ import annotations

from collections import Counter

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from ..nlp.entities import Entity, Mention, hash_strings
from ..nlp.kb import KnowledgeBase, normalize
from ..resources import lexicon
from ..io.corpus import Article
from . import frame_data
from .allegation import AllegationFrame
from .alternative import AlternativeFrame
from .collection import CollectionFrame
from .development import DevelopmentFrame
from .linking import ArticleLinker
from .location import LocationFrame
from .nonresponse import NonresponseFrame
from .policy import POLICY_NOUNS, PolicyFrame
from .reason import CAUSATIVE_VERBS, ReasonFrame, bare_infinitive
from .syntax import (CLAUSE_UP, NEG_WORDS, RELATIVE, SUBJ, Observation, co_agents, conjuncts,  # noqa: F401
                             join_tokens, normalize_date, phrase, phrase_verb, phrase_verb_clause, phrase_without)

_WORDS = frame_data("facts")
#: pronouns that refer back to an entity named before ("its", "they"; lower-case text).
REFERRING_PRONOUNS = frozenset(_WORDS["referring_pronouns"])
#: pronouns that never stand for a person ("it", "its"; lower-case text).
NEUTER_PRONOUNS = frozenset(_WORDS["neuter_pronouns"])
#: words that join a run of names on the surface ("A, B and C"; lower-case text).
NAME_JOINERS = frozenset(_WORDS["name_joiners"])
#: determiners of a description that refers back ("the company", "this tool"; lower-case text).
DEFINITE_DETERMINERS = frozenset(_WORDS["definite_determiners"])
#: nouns of a place named by its "of" ("the state of Kestria", "the city of Lyon"; lemmas).
NAMED_PLACE_NOUNS = frozenset(_WORDS["named_place_nouns"])
#: determiners of a plural description that refers back to a group named before ("the apps",
#: "all five apps", "both chatbots"; lower-case text).
GROUP_DETERMINERS = frozenset(_WORDS["group_determiners"])
#: number words by value ("two" -> 2; ``facts.number_words`` lists them from zero).
NUMBER_WORDS = {w: n for n, w in enumerate(_WORDS["number_words"])}
#: singular nouns of a group -> its size ("the duo": 2; ``facts._collective_sizes``).
COLLECTIVE_SIZES = dict(_WORDS["_collective_sizes"])
#: descriptions that may refer back to a news organization ("the agency"; lower-case text).
NEWS_OUTLET_NOUNS = frozenset(_WORDS["news_outlet_nouns"])
#: prepositions of a noun's agent ("a ban by X", "a rule at X"; lower-case text).
NOUN_AGENT_PREPS = frozenset(_WORDS["noun_agent_preps"])
#: prepositions of a speaker's organization ("analysts from X"; lower-case text).
AFFILIATION_PREPS = frozenset(_WORDS["affiliation_preps"])
#: hedges of ``lexicon.json``'s ``certainty`` table, in the order :meth:`ArticleReader.certainty`
#: tries them (the first found wins).
CERTAINTY_LEVELS = tuple(_WORDS["certainty_levels"])
#: people who speak for an organization named before ("the spokesperson"; lemmas).
SPEAKER_ROLE_NOUNS = frozenset(_WORDS["speaker_role_nouns"])
#: ``lexicon.json``'s reporting verbs as a set (built once).
REPORTING_VERBS = frozenset(lexicon()["reporting_verbs"])
#: prepositions of a policy noun's target ("the ban on X")
POLICY_TARGET_PREPS = frozenset(_WORDS["policy_target_preps"])
#: (hedge, its words) in :data:`CERTAINTY_LEVELS` order, the words of ``lexicon.json``'s
#: ``certainty`` table as sets (built once).
CERTAINTY_WORDS = tuple((level, frozenset(lexicon()["certainty"][level])) for level in CERTAINTY_LEVELS)


#: Dependencies of the words between a clause's subject and its verb (auxiliaries, "not",
#: adverbs), skipped by :meth:`ArticleReader._stranded_subject`.
_VERB_PREMODIFIERS = frozenset({"aux", "auxpass", "neg", "advmod"})


class ArticleReader(DevelopmentFrame, LocationFrame, PolicyFrame, ReasonFrame, AlternativeFrame, AllegationFrame,
                    CollectionFrame, NonresponseFrame, ArticleLinker):
    """Extracts observations from one parsed article.

    Args:
        article: the article.
        docs: one parsed ``Doc`` per block, aligned with ``article.blocks``.
        mentions: mentions per block, aligned with ``docs``.
        kb: the knowledge base.
        implicit: callback ``(label, kind, mentioned) -> Entity`` that creates or
            returns an entity for a phrase without a named mention.
        prepared: optional, per block, what the mention finder read of its ``Doc``
            (:meth:`kg.nlp.entities.MentionFinder.block_columns`: its tokens as one list, their
            ``LEMMA`` hashes, texts and lower-case forms), reused instead of read again; None
            (or a block's None) reads them from the ``Doc``. Nothing read depends on it.
    """

    def __init__(self, article: Article, docs: list[Doc], mentions: list[list[Mention]],
                 kb: KnowledgeBase, implicit, prepared: list | None = None):
        self.article = article
        self.docs = docs
        #: id of a Doc -> (the Doc, what the finder read of it) (see ``prepared``)
        self._prepared: dict[int, tuple[Doc, tuple]] = {
            id(doc): (doc, got) for doc, got in zip(docs, prepared or ()) if got is not None}
        self.mentions = mentions
        self.kb = kb
        self.implicit = implicit
        self.lex = lexicon()
        self._attribution: dict = {}
        self._sources: list[str] = []
        self.cue_kind = {w: kind for kind, words in self.lex["cue_nouns"].items() for w in words if " " not in w}
        #: (maker, product) pairs the knowledge base's makers have stated in this article
        #: (:meth:`DevelopmentFrame._known_maker_in_article`: once per article)
        self.known_made: set[tuple[Entity, Entity]] = set()
        self.token_mention: dict[tuple[int, int], Mention] = {}
        self.anchor_mention: dict[tuple[int, int], Mention] = {}
        for b, ms in enumerate(mentions):
            for m in ms:
                if m.entity is None:
                    continue
                for i in range(m.start, m.end):
                    self.token_mention[(b, i)] = m
                root = docs[b][m.start:m.end].root
                head = root.head
                if root.dep_ in {"compound", "nmod"} and head.i >= m.end and head.pos_ == "NOUN" \
                        and head.lemma_.lower() not in POLICY_NOUNS:  # ("the X ban" is no X)
                    self.anchor_mention.setdefault((b, head.i), m)
        self.observations: list[Observation] = []
        self._words_cache: dict[tuple[int, int, int], frozenset[str]] = {}
        self._tokens_cache: dict[tuple[int, int, int], list[Token]] = {}
        #: id of a sentence span -> (the span, its tokens) and (the span, its words): the readers
        #: pass the same span objects sentence after sentence, and a look-up by identity reads
        #: none of its bounds (the span is kept, so no other object takes its id while the reader lives)
        self._tokens_by_span: dict[int, tuple[Span, list[Token]]] = {}
        self._words_by_span: dict[int, tuple[Span, frozenset[str]]] = {}
        #: id of a Doc -> (the Doc, its tokens' lower-case lemmas, their lower-case forms, their
        #: texts) and (the Doc, its text) (see _doc_columns, _doc_text)
        self._doc_word_lists: dict[int, tuple[Doc, list[str], list[str], list[str]]] = {}
        self._doc_texts: dict[int, tuple[Doc, str]] = {}
        #: (id of a Doc, a verb's index) -> the subject of its clause (see _clause_subject)
        self._subjects: dict[tuple[int, int], Token | None] = {}
        #: (company-as-product key, block, sentence start) of "X's chatbot" mentions (see link_article_level)
        self._maker_named: set[tuple[str, int, int]] = set()
        self._obs_sent: dict[int, tuple[int, int]] = {}
        #: id of a product-less policy observation -> the class of AI products its clause names
        self.generic_products: dict[int, str] = {}
        #: the issuer of the control list the article named last (kg.extract.policy's listing reader)
        self.list_issuer: Entity | None = None
        self.block = 0
        self.sent: Span | None = None

    # ---------------------------------------------------------------- helpers
    def mention_at(self, tok: Token) -> Mention | None:
        """The named mention that contains ``tok`` (or that ``tok`` heads as a cue noun)."""
        return self.token_mention.get((self.block, tok.i)) or self.anchor_mention.get((self.block, tok.i))

    def entity_at(self, tok: Token, families: set[str] | None = None, subject_first: bool = False) -> Entity | None:
        """Entity denoted by ``tok``: a named mention, else a resolved anaphor."""
        m = self.mention_at(tok)
        if m is not None:
            ent = m.entity
            return ent if families is None or ent.family in families else None
        if families is None:
            return None
        if tok.lemma_ in NAMED_PLACE_NOUNS and tok.pos_ == "NOUN":
            # "the German state of Saxony", "the city of Lyon": the place its "of" names
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj" and p.pos_ == "PROPN"]
            if of:  # (a name there is the place's, even one not known as a place: no other referent)
                m = self.mention_at(of[0])
                return m.entity if m is not None and m.entity is not None and m.entity.family in families else None
        return self.coref(tok, families, subject_first)

    def group_antecedent(self, noun: Token, families: set[str], nouns: frozenset[str]) -> list[Entity]:
        """The entities a plural description refers back to: "the apps", "all five apps",
        "these models", "both chatbots" (a plural noun of ``nouns`` with a determiner of
        ``facts.group_determiners`` or a number) stand for the last group of two or more named
        entities of ``families`` listed together (coordinated, or in apposition to a plural noun)
        in the sentences before, in this block or the three before. A number cuts the group to
        that many ("the two apps"); "the duo", "the pair", "the trio" (``facts._collective_sizes``)
        stand for a group of their size. [] when the noun is no such description or no group is
        found.

        Source: the issue's section 3 ("the product taken from the discourse").
        """
        collective = COLLECTIVE_SIZES.get(noun.lower_)
        if collective is None and (noun.tag_ not in {"NNS", "NNPS"} or noun.lemma_.lower() not in nouns):
            return []
        marks = [c for c in noun.children if c.dep_ in {"det", "predet", "nummod", "poss"}]
        if not any(c.lower_ in GROUP_DETERMINERS or c.dep_ == "nummod" for c in marks):
            return []
        if collective is None and all(c.lower_ == "all" for c in marks):
            return []  # "all Kestrian companies": a class, not the ones just named ("all the apps" is)
        number = next((c for c in marks if c.dep_ == "nummod"), None)
        size = NUMBER_WORDS.get(number.lower_) if number is not None else collective
        if size is None and number is not None and number.text.isdigit():
            size = int(number.text)
        for b in range(self.block, max(-1, self.block - 4), -1):
            sents = [s for s in self.sents[b] if b < self.block or s.end <= noun.sent.start]
            for sent in reversed(sents):
                here = [m for m in self.mentions[b] if sent.start <= m.start < sent.end and m.entity is not None
                        and self._as_family(m.entity, families) is not None]
                groups: list[list[Entity]] = []
                for m in here:
                    root = sent.doc[m.start:m.end].root
                    members = [self._as_family(x.entity, families) for t in [root, *root.conjuncts]
                               if (x := self.token_mention.get((b, t.i))) is not None and x.entity is not None]
                    ents = list(dict.fromkeys(e for e in members if e is not None))
                    if len(ents) >= 2 and not any(set(ents) <= set(g) for g in groups):
                        groups.append(ents)
                if groups:
                    group = max(groups, key=len)
                    if size is None or len(group) == size:
                        return group
        return []

    def _as_family(self, ent: Entity, families: set[str]) -> Entity | None:
        """``ent`` when it is of one of ``families``; a company that names a product after itself
        ("DeepSeek") as that product when products are wanted; else None."""
        if ent.family in families:
            return ent
        if "Product" in families and ent.kind == "Company" and self.kb.names_product_after(ent.label):
            return self.product_of(ent)
        return None

    def _named_for_description(self, tok: Token) -> Entity | None:
        """The organization an article names whose name a place's description spells out:
        "Kestria's central bank" for "the Central Bank of Kestria", "Kestria's national
        broadcaster" for "Kestria National Broadcaster", before or after it in the article.
        ``tok`` heads the description; its possessive is a place and its words (the head and
        its adjective or noun modifiers) are all words of the name, as is the place's.

        Returns:
            The named organization, or None (no possessive place, or no such name).
        """
        place = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if place is None:
            return None
        pm = self.mention_at(place)
        if pm is None or pm.entity is None or pm.entity.family != "Place":
            return None
        words = {tok.lower_, *(c.lower_ for c in tok.children if c.dep_ in {"amod", "compound"})}
        words.add(place.lower_)
        for ms in self.mentions:
            for m in ms:
                ent = m.entity
                if ent is None or ent.family != "Organization":
                    continue
                if words <= set(ent.label.lower().split()):
                    return ent
        return None

    def _other_party_reported(self, tok: Token, subject: Mention, families: set[str]) -> bool:
        """True when the description ``tok`` stands in a clause the subject reports ("A sued B,
        saying the company copied ...": a reporting verb's ``ccomp``) and another entity of
        ``families`` is named between the subject and it: the speaker calls itself "we" or "it",
        the description is the other party (in "A said the company would appeal" it is A)."""
        reporting = self.lex["reporting_verbs"]
        if not any(a.dep_ == "ccomp" and a.head.lemma_ in reporting for a in [tok, *tok.ancestors]):
            return False
        return any(m.entity is not None and m.entity is not subject.entity and m.entity.family in families
                   for m in self.mentions[self.block] if subject.end <= m.start and m.end <= tok.i)

    def named_before_description(self, tok: Token, families: set[str]) -> Entity | None:
        """The entity named right before the comma that opens the description ``tok`` heads:
        "X, the company founded by Y, did not respond" (the parse may hang X elsewhere); None
        when no name of ``families`` ends there."""
        left = tok.left_edge.i
        if left < 2 or tok.doc[left - 1].text != ",":
            return None
        named = self.token_mention.get((self.block, left - 2))
        if named is None or named.end != left - 1 or named.entity is None or named.entity.family not in families:
            return None
        return named.entity

    def coref(self, tok: Token, families: set[str], subject_first: bool = False) -> Entity | None:
        """Resolve a pronoun ("its") or a definite description ("the company",
        "the tool") to the most salient compatible entity before it."""
        low = tok.lower_
        doc = tok.doc
        if tok.pos_ == "NOUN" and "Organization" in families:
            named = self._named_for_description(tok)
            if named is not None:
                return named
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_:
            low = f"{doc[tok.i - 2].lower_}-{low}"  # "start-up", split by the tokenizer
        anaphors = self.lex["anaphors"]
        is_pron = tok.pos_ == "PRON" and low in REFERRING_PRONOUNS
        if low in NEUTER_PRONOUNS:
            families = families - {"Person"}  # "it" is never a person
        is_def = tok.pos_ in {"NOUN", "PROPN"} and any(c.lower_ in DEFINITE_DETERMINERS or c.tag_ == "PRP$"
                                                         for c in tok.children if c.dep_ in {"det", "poss"}) \
            or tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ in self.cue_kind  # "a Navy spokesperson"
        if not is_def and "-" in low and tok.i >= 3:
            # "the Kestrian start-up's portal" parsed as a verb and a particle: read on the surface
            before = [t for t in doc[max(0, tok.i - 5):tok.i - 2]]
            while before and before[-1].pos_ == "ADJ":
                before.pop()
            is_def = bool(before) and before[-1].lower_ in DEFINITE_DETERMINERS
        if is_def and tok.tag_ in {"NNS", "NNPS"}:
            return None  # "the firms", "the ministries": a group, not one entity named before
        if is_def:
            wanted = {fam for fam, words in anaphors.items() if tok.lemma_ in words or low in words}
            lemma = low if "-" in low else tok.lemma_.lower()
            wanted = {"Product" if w == "AIModel" else w for w in wanted}
            cue = self.cue_kind.get(tok.lemma_.lower()) or self.cue_kind.get(low)
            if cue in {"GovernmentBody", "Company", "NewsOrganization"}:
                wanted.add("Organization")  # "the Navy", "the Commission"
            families = families & wanted
            if not families:
                return None
        elif not is_pron:
            return None
        if is_def:
            named = self.named_before_description(tok, families)
            if named is not None:
                return named
        sent = self.sentence_of(tok)
        if subject_first or is_pron:
            subj = self._clause_subject(sent.root)
            if subj is not None and subj.i < tok.i:
                m = self.mention_at(subj)
                if m and m.entity and m.entity.family in families and m.entity.kind != "NewsOrganization" \
                        and not (is_def and self._other_party_reported(tok, m, families)):
                    return m.entity
        if is_pron and low in NEUTER_PRONOUNS:
            centered = self._previous_subject_entity(tok, families)
            if centered is not None:
                return centered
        blocked: set[int] = set()
        if is_def:
            for anc in tok.ancestors:
                subj = self._clause_subject(anc) if anc.pos_ in {"VERB", "AUX"} else None
                if subj is not None and subj.i < tok.i:
                    m = self.mention_at(subj)
                    if m is not None:
                        blocked.add(m.start)
                    break
        cands: list[Mention] = []
        for b in range(self.block, max(-1, self.block - 4), -1):
            for m in reversed(self.mentions[b]):
                if m.entity is None:
                    continue
                if b == self.block and (m.start >= tok.i or m.start in blocked):
                    continue
                cands.append(m)
        ok = [m.entity for m in cands
              if m.entity.family in families and not (m.entity.kind == "NewsOrganization" and "Organization" in families
                                                      and low not in NEWS_OUTLET_NOUNS)]
        if low == "they" and tok.dep_ == "nsubj":
            # news says "it" of one company or product; "they" is a group, a body or a people
            ok = [e for e in ok if e.kind not in {"Company", "SoftwareProduct", "AIModel"}]
        if is_def:
            # "the Chinese start-up" -> the organization the article seats in China, if any
            demonyms = [c.text for c in tok.children if c.dep_ in {"amod", "compound"} and self.kb.is_demonym(c.text)]
            if "-" in low:  # (a hyphenated head read on the surface: its modifiers stand before it)
                demonyms += [t.text for t in doc[max(0, tok.i - 5):tok.i] if t.pos_ == "ADJ" and self.kb.is_demonym(t.text)]
            countries = {normalize(entry.name) for d in demonyms if (entry := self.kb.country_of_demonym(d))}
            if countries:
                seated = {o.roles["organization"] for o in self.observations if o.kind == "location"
                          and normalize(o.roles["country"].label) in countries}
                if any(e in seated for e in ok):
                    ok = [e for e in ok if e in seated]
            # "the bank" -> "Harbor Crest Bank"; "the regulator" -> a government body
            named = [e for e in ok if lemma in normalize(e.label).split()]
            if not named:
                # (a name that says what it is may stand further back: "the ministry" four
                # paragraphs after "Denmark's Defense Ministry")
                named = [m.entity for b in range(max(-1, self.block - 4), -1, -1) for m in reversed(self.mentions[b])
                         if m.entity is not None and m.entity.family in families
                         and lemma in normalize(m.entity.label).split()]
            if not named:
                # "... on the ministry's computers. Kestria's Ministry of Finance said ...": a
                # description that no name before it fits, whose name follows it (cataphora, as
                # a lede names a body after describing it), in its paragraph or the next
                named = [m.entity for b in (self.block, self.block + 1) if b < len(self.mentions)
                         for m in self.mentions[b] if m.entity is not None and (b > self.block or m.start > tok.i)
                         and m.entity.family in families and lemma in normalize(m.entity.label).split()]
            if named:
                return named[0]
            kind = self.cue_kind.get(lemma)
            typed = [e for e in ok if kind and e.kind == kind]
            if typed and tok.dep_ in {"nsubj", "nsubjpass"} and tok.head == self.sentence_of(tok).root:
                # "A accused B of ... The Lyon-based firm added ...": a description that is
                # its sentence's subject continues the previous sentence's subject (centering)
                centered = self._previous_subject_entity(tok, families)
                if centered is not None and centered in typed:
                    return centered
            if typed:
                return typed[0]
            if kind in {"GovernmentBody", "NewsOrganization"}:
                return None  # "the ministry" is no company named before it
            if kind == "Company":
                ok = [e for e in ok if e.kind != "GovernmentBody"]  # "the company" is no regulator
        if ok:
            return ok[0]
        return self.salient(tok, next(iter(families))) if is_def and len(families) == 1 else None

    def _previous_subject_entity(self, tok: Token, families: set[str]) -> Entity | None:
        """Centering for "it" and "its" with no antecedent as the subject of their own sentence
        (Grosz, Joshi and Weinstein 1995: the preferred center is the previous utterance's
        subject): the entity named as the subject of the sentence before (in this block or the
        one before; through subjects that are themselves "it", up to three sentences back), when
        it is of ``families``. None otherwise."""
        found = self.previous_subject(tok)
        if found is None:
            return None
        b, subj = found
        m = self.token_mention.get((b, subj.i))
        if m is None or m.entity is None or m.entity.family not in families or m.entity.kind == "NewsOrganization":
            return None
        return m.entity

    def previous_subject(self, tok: Token) -> tuple[int, Token] | None:
        """(block, token) of the subject of the sentence before ``tok``'s (in this block or the one
        before; through subjects that are "it", up to three sentences back), as centering reads
        it (:meth:`_previous_subject_entity`); None at a heading or when that sentence has none."""
        order = [(b, s) for b in (self.block - 1, self.block) if b >= 0 for s in self.sents[b]]
        at = next((n for n, (b, s) in enumerate(order) if b == self.block and s.start <= tok.i < s.end), None)
        for k in range(at - 1, max(-1, at - 4), -1) if at else ():
            b, prev = order[k]
            if self.article.blocks[b].heading:
                return None
            subj = self._clause_subject(prev.root)
            if subj is not None and subj.lower_ in NEUTER_PRONOUNS:
                continue  # "... Since then it has drawn criticism": the chain goes on
            return (b, subj) if subj is not None else None
        return None

    def names_ending_at(self, sent: Span, end: int) -> list[Mention]:
        """The mentions of the run of names that ends just before token ``end`` of ``sent``, read
        on the surface and joined by ``facts.name_joiners`` ("A, B and C Limit ...", "authors A and
        B also sued ..."), in text order; [] when the word before ``end`` ends no name."""
        doc = sent.doc
        run: list[Mention] = []
        while end > sent.start:
            m = self.mention_at(doc[end - 1])
            if m is None or m.entity is None or m.end != end:
                break
            run.insert(0, m)
            i = m.start
            while i > sent.start and doc[i - 1].lower_ in NAME_JOINERS:
                i -= 1
            if i == m.start:
                break
            end = i
        return run

    def possessor_party(self, noun: Token) -> Entity | None:
        """The organization a common noun stands for through its possessor ("the European
        Union's executive branch": the European Union's government; "Acme's board": Acme), or
        None when ``noun`` is no common noun or names no possessor."""
        if noun.pos_ != "NOUN":
            return None
        owner = next((x for p in noun.children if p.dep_ == "poss"
                      for x in [self.entity_at(p, {"Organization", "Place"})] if x is not None), None)
        return self.government_of(owner) if owner is not None and owner.family == "Place" else owner

    def known_maker(self, org: Entity, product: str) -> bool:
        """True when the knowledge base names organization ``org`` (by its label or the
        knowledge-base entry it resolves to) as a maker of the product named ``product``
        (:meth:`kg.nlp.kb.KnowledgeBase.makers`: Wikidata P178/P176/P127)."""
        if org.family != "Organization":
            return False
        makers = {normalize(n) for n in self.kb.makers(product)}
        if not makers:
            return False
        entry = self.kb.lookup(org.label)
        return normalize(org.label) in makers or entry is not None and normalize(entry.name) in makers

    def product_of(self, company: Entity, mentioned: bool = True) -> Entity:
        """The product a company's name stands for ("banned DeepSeek"): its own entity, keyed
        ``"<company key> product"`` and labelled with the shortest name the corpus used for
        the company ("Meta", not the knowledge base's "Meta Platforms"), as news names a
        product after its maker's short name. ``mentioned`` as in :func:`kg.extract.extraction.extract`'s
        ``implicit``: False keeps it out of the entity list (cq08) unless named elsewhere."""
        names = [s for s in company.surfaces if not (s.isupper() and " " not in s)] or [company.label]
        label = min(names, key=lambda s: (len(s), s))
        return self.implicit(label, "SoftwareProduct", mentioned, key=f"{company.key} product")

    def salient(self, tok: Token, family: str, exclude_kinds: frozenset = frozenset()) -> Entity | None:
        """The most mentioned entity of ``family`` (and of no kind in ``exclude_kinds``) in the
        article before ``tok``."""
        counts: Counter = Counter()
        for b in range(0, self.block + 1):
            for m in self.mentions[b]:
                if m.entity is not None and m.entity.family == family and m.entity.kind not in exclude_kinds \
                        and (b < self.block or m.start < tok.i):
                    counts[m.entity] += 1
        return max(counts, key=lambda e: (counts[e], e.label)) if counts else None

    def _clause_subject(self, verb: Token) -> Token | None:
        """The subject of ``verb``'s clause; of several (a parse that broke a hyphenated word,
        "Mega - banks like A and B restricted ..."), the one with the most words under it.
        Read once per token: the readers ask it of the same verbs again and again."""
        key = (id(verb.doc), verb.i)  # (the docs outlive the reader)
        if key in self._subjects:
            return self._subjects[key]
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if len(subjects) > 1:
            got = max(subjects, key=lambda c: (len(list(c.subtree)), -c.i))
        elif not subjects and verb.dep_ == "conj":
            got = self._stranded_subject(verb)
        else:
            got = subjects[0] if subjects else None
        self._subjects[key] = got
        return got

    @staticmethod
    def _stranded_subject(verb: Token) -> Token | None:
        """The subject of a coordinated clause that the parse hung on a word of the clause before
        ("A removed the app on Thursday and B removed it Friday": "B" made a conjunct of
        "Thursday"): the proper noun right after "and" / "but" and right before the verb (or its
        auxiliaries), attached as a conjunct elsewhere; None when there is none."""
        doc = verb.doc
        k = verb.i - 1
        while k >= 0 and doc[k].dep_ in _VERB_PREMODIFIERS and doc[k].head == verb:
            k -= 1
        if k < 1 or doc[k].pos_ != "PROPN" or doc[k].dep_ != "conj" or doc[k].head.i >= verb.i:
            return None
        start = doc[k].left_edge.i
        if start < 1 or doc[start - 1].dep_ != "cc":
            return None
        return doc[k]

    @classmethod
    def is_stranded_subject(cls, tok: Token) -> bool:
        """True when ``tok`` is what :meth:`_stranded_subject` finds for the verb after it: the
        subject of the next clause, never a conjunct of the word the parse hung it on."""
        if tok.pos_ != "PROPN" or tok.dep_ != "conj":
            return False
        doc = tok.doc
        k = tok.i + 1
        while k < len(doc) and doc[k].dep_ in _VERB_PREMODIFIERS:
            k += 1
        return k < len(doc) and doc[k].pos_ in {"VERB", "AUX"} and doc[k].dep_ == "conj" \
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in doc[k].children) \
            and cls._stranded_subject(doc[k]) == tok

    def agent_of(self, trig: Token, families: set[str], depth: int = 5) -> Entity | None:
        """The first of :meth:`agents_of`, or None."""
        agents = self.agents_of(trig, families, depth)
        return agents[0] if agents else None

    def agents_of(self, trig: Token, families: set[str], depth: int = 5) -> list[Entity]:
        """Every coordinated agent of ``trig`` ("X and Y restricted ...")."""
        return self.listed_agents(self._agent_token(trig, families, depth), families)

    def listed_agents(self, found: tuple[Entity, Token] | None, families: set[str]) -> list[Entity]:
        """The agents of ``families`` coordinated with ``found`` (an ``(entity, token)`` of
        :meth:`_agent_tokens`, or None): its entity, then those its token lists ("A, B and C",
        "A, along with B"), without repeats; [] for None."""
        if found is None:
            return []
        ent, tok = found
        out = [ent]
        # "A, B and C" parsed with B an apposition of A and C a conjunct of B: a list all the same
        listed = [x for a in tok.children if a.dep_ == "appos" and any(c.dep_ == "conj" for c in a.children)
                  for x in [a, *a.conjuncts]]
        listed += co_agents(tok)  # "A, along with B and C, sued ..."
        listed += [x for x in conjuncts(tok)[1:] if x not in tok.conjuncts]  # "A, B, and C D banned X"
        for c in [*tok.conjuncts, *listed]:
            e = self.entity_at(c, families)
            if e is None and "Organization" in families:
                e = self.possessor_party(c)  # "NATO and the Kestrian Union's governing branch"
            if e is not None and e not in out:
                out.append(e)
        return out

    def _owner_of_group(self, group: Token, families: set[str]):
        """``(entity, token)`` of the owner named after an unnamed plural group ("newspapers
        owned by A", "hospitals run by A": an ``owning_verbs`` participle with a "by" agent), or
        None."""
        for acl in group.children:
            if acl.dep_ != "acl" or acl.lemma_ not in self.lex["owning_verbs"]:
                continue
            for p in (o for a in acl.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"):
                e = self.entity_at(p, families)
                if e is not None:
                    return e, p
        return None

    def _agent_token(self, trig: Token, families: set[str], depth: int = 5):
        """Who performs ``trig``: its subject (active), its ``by`` agent
        (passive), a possessor ("X's ban"), or the same found higher up the
        clause chain ("X plans to ban", "X told staff to stop using"): ``(entity, token)``
        of one of ``families``, or None (:meth:`_agent_tokens` for one kind)."""
        return self._agent_tokens(trig, (families,), depth)[0]

    def _agent_tokens(self, trig: Token, kinds: tuple[set[str], ...], depth: int = 5) -> list:
        """What :meth:`_agent_token` finds for each family set of ``kinds``, in one walk of
        the clause chain (at most ``depth`` heads up): a list as long as ``kinds``, each item
        an ``(entity, token)`` or None. The walk's places and stops do not depend on the
        families, so each item is what a walk for that set alone finds."""
        found: list = [None] * len(kinds)
        todo = list(range(len(kinds)))  # (indexes of the sets not found yet)
        node = trig
        reporting = REPORTING_VERBS
        entity_at = self.entity_at
        for _ in range(depth):
            for k in todo:
                found[k] = self._caused_agent(node, kinds[k])
            todo = [k for k in todo if found[k] is None]
            if not todo:
                return found
            passive = any(c.dep_ == "nsubjpass" or c.dep_ == "auxpass" for c in node.children)
            node_noun = node.pos_ == "NOUN"
            if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} and not passive \
                    and not any(c.dep_ == "nsubj" for c in node.children) \
                    and (stranded := self._stranded_subject(node)) is not None:
                # "... on Thursday and B removed it Friday": the subject the parse hung elsewhere
                for k in todo:
                    e = entity_at(stranded, kinds[k], subject_first=True)
                    if e:
                        found[k] = e, stranded
                todo = [k for k in todo if found[k] is None]
                if not todo:
                    return found
            for c in node.children:
                dep = c.dep_
                if dep == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            for t in conjuncts(p):
                                for k in todo:
                                    e = entity_at(t, kinds[k])
                                    if e is None:
                                        # "built by Samsung's own research center"
                                        e = next((entity_at(x, kinds[k]) for x in t.children
                                                  if x.dep_ == "poss" and entity_at(x, kinds[k])), None)
                                    if e:
                                        found[k] = e, t
                                todo = [k for k in todo if found[k] is None]
                                if not todo:
                                    return found
                elif (dep == "nsubj" and not passive) or (dep == "poss" and node_noun):
                    c_noun = c.pos_ == "NOUN"
                    # "radio broadcaster Acme Media has banned ...": the name in apposition
                    a = next((x for x in c.children if x.dep_ == "appos"), None) if c_noun else None
                    for k in todo:
                        families = kinds[k]
                        if a is not None and self.mention_at(a) is not None and entity_at(a, families):
                            found[k] = entity_at(a, families), a
                            continue
                        e = entity_at(c, families, subject_first=True)
                        if e is None and c_noun and c.tag_ == "NNS":
                            # "eight newspapers owned by Acme sued ...": the unnamed members' owner
                            owner = self._owner_of_group(c, families)
                            if owner is not None:
                                found[k] = owner
                                continue
                        if e is None and c.lower_ in RELATIVE and node.dep_ == "relcl":
                            e = self._antecedent(node.head, families)
                            if e:
                                found[k] = e, node.head  # "A, B and C, which have banned": every conjunct
                                continue
                        if e:
                            found[k] = e, c
                    todo = [k for k in todo if found[k] is None]
                    if not todo:
                        return found
                elif dep == "compound" and node_noun:
                    # "Kestria governor orders ban on X" (a headline parsed as one noun phrase)
                    names = [c, *(x for x in c.subtree if x.dep_ == "compound" and x.i < c.i)]
                    for k in todo:
                        for d in names:
                            e = entity_at(d, kinds[k])
                            if e and node.lemma_.lower() in POLICY_NOUNS and (
                                    e.family == "Product" or e.kind == "Company" and not any(
                                        x.dep_ == "prep" and x.lower_ in POLICY_TARGET_PREPS for x in node.children)):
                                break  # "the X ban" (no "on Y"): X, an app or its maker, is what is banned
                            if e:
                                found[k] = e, d
                                break
                    todo = [k for k in todo if found[k] is None]
                    if not todo:
                        return found
            if node_noun:
                for c in node.children:
                    if c.dep_ == "prep" and c.lower_ in NOUN_AGENT_PREPS:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                for k in todo:
                                    e = entity_at(p, kinds[k])
                                    if e:
                                        found[k] = e, p
                                todo = [k for k in todo if found[k] is None]
                                if not todo:
                                    return found
                if node is not trig and any(c.dep_ == "poss" and c.pos_ == "PROPN" and self.mention_at(c) is not None
                                            for c in node.children):
                    # "concerned about Kestria's decision to ban X": the possessor acts; when it is
                    # of another family, no one higher up does
                    return found
            if node.dep_ in {"ROOT"} or node.head == node:
                return found
            if node.dep_ in {"ccomp"} and node.head.lemma_ in reporting:
                return found
            if not passive and node.pos_ in {"VERB", "AUX"} and any(
                    c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"} and c.lower_ not in self.lex["staff_nouns"]
                    for c in node.children) and not (
                    node.dep_ in {"ccomp", "xcomp"} and node.head.lemma_ in self.lex["policy"]["permission_words"]):
                # "That is why the nation barred X": the clause's own subject, unresolved (but
                # "Acme won't allow advertisers to use X": the one who allows)
                return found
            if node.dep_ not in CLAUSE_UP and node.dep_ not in {"nsubj", "nsubjpass", "attr", "oprd", "advmod", "amod"}:
                return found
            if _semicolon_between(node):
                return found  # "A are not allowed to sell X; B relies on A": two sentences, not one clause
            node = node.head
        return found

    def _caused_agent(self, verb: Token, families: set[str]) -> tuple[Entity, Token] | None:
        """(entity, token) of the one a causative verb moves to act: "the leak prompted A to ban
        X", "pressure led A to drop X", "A was forced to remove X" (``reason.causative_verbs``,
        the act an ``xcomp`` of the verb); None when the verb's object is no entity of
        ``families`` ("prompted staff to stop using X": the staff's employer is found higher up)."""
        if verb.dep_ != "xcomp" or verb.head.lemma_ not in CAUSATIVE_VERBS:
            return None
        for c in verb.head.children:
            if c.dep_ in {"dobj", "nsubjpass"}:
                e = self.entity_at(c, families)
                if e is not None:
                    return e, c
        return None

    def _antecedent(self, noun: Token, families: set[str]) -> Entity | None:
        """The entity a relative clause's head noun stands for: the noun itself,
        or what it is in apposition to ("Acme, the company that makes X")."""
        e = self.entity_at(noun, families)
        if e is None and noun.dep_ == "appos":
            e = self.entity_at(noun.head, families)
        return e

    def entities_in(self, toks, families: set[str], exclude: set[int] = frozenset()) -> list[Entity]:
        """Entities of the given families named by tokens in ``toks`` (no duplicates, in order)."""
        out: list[Entity] = []
        for t in toks:
            if t.i in exclude:
                continue
            m = self.mention_at(t)
            if m is None or m.entity is None or m.entity.family not in families:
                continue
            if t.dep_ == "poss" or any(x.tag_ == "POS" for x in t.children) and t.i == m.end - 1 and \
                    self.docs[self.block][m.start:m.end].root.dep_ == "poss":
                continue
            if m.entity not in out:
                out.append(m.entity)
        return out

    def emit(self, kind: str, roles: dict, **attrs) -> Observation:
        """Record an observation for the current sentence."""
        sent = self.sent
        block = self.article.blocks[self.block]
        start = block.offset(sent.start_char)
        end = block.end_offset(sent.end_char)
        obs = Observation(kind, roles, {k: [v for v in vs if v and not (k == "reason" and bare_infinitive(v))]
                                        for k, vs in attrs.items()},
                          self.article.identifier, start, end, self.certainty(sent), self.attribution(sent))
        self.observations.append(obs)
        self._obs_sent[id(obs)] = (self.block, sent.start)
        return obs

    def attribution(self, sent: Span) -> Entity | str | None:
        """Who the sentence attributes its statement to (PROV-O ``prov:wasAttributedTo``).

        Returns:
            An organization or person entity ("according to Reuters", "Acme said",
            "a Navy spokesperson confirmed" -> the Navy), the label of an anonymous
            source as a string ("a person familiar with the matter said" ->
            ``"person familiar with the matter"``), or None when the sentence
            is stated by the article itself.
        """
        key = (self.block, sent.start)
        if key not in self._attribution:
            self._attribution[key] = self._find_attribution(sent)
        return self._attribution[key]

    def _find_attribution(self, sent: Span) -> Entity | str | None:
        reporting = REPORTING_VERBS
        words = self.words(sent)
        for tok in self.tokens(sent) if "according" in words else ():
            if tok.lower_ == "according":
                for to in tok.children:
                    for p in to.children:
                        if p.dep_ == "pobj":
                            return self._source(p)
        verbs = [t for t in (() if words.isdisjoint(reporting) else self.tokens(sent)) if t.pos_ == "VERB" and t.lemma_ in reporting
                 and (t.dep_ in {"ROOT", "parataxis"} or t.dep_ in {"advcl", "ccomp"} and t.i > t.head.i
                      and any(c.dep_ == "punct" for c in t.children))]
        for verb in verbs:
            subj = self._clause_subject(verb)
            if subj is not None and subj.dep_ == "nsubj":
                if subj.pos_ == "PRON" or any(c.lower_ == "the" for c in subj.children):
                    # "Acme accused Vexa of ..., the company said": the reported clause's subject
                    clauses = [verb.head] if verb.dep_ != "ROOT" else [c for c in verb.children
                                                                       if c.dep_ == "ccomp" and c.i < verb.i]
                    for clause in clauses:
                        main = self._clause_subject(clause)
                        ent = self.entity_at(main, {"Organization", "Person"}) if main is not None else None
                        if ent is not None:
                            return ent
                src = self._source(subj)
                if src is not None:
                    return src
            elif subj is None and verb.dep_ == "ROOT" and verb.i > sent.start + 1:
                # "..., Kestria's Ministry of Trade said.": the parse hung the speaker on the clause
                # before; the name right before the verb, after the comma, is the source
                doc = verb.doc
                m = self.mention_at(doc[verb.i - 1])
                comma = next((t.i for t in reversed(doc[sent.start:verb.i]) if t.text in {",", "\"", "”"}), None)
                if m is not None and m.end == verb.i and comma is not None and comma < m.start \
                        and m.entity is not None and m.entity.family in {"Organization", "Person"} \
                        and not any(t.pos_ in {"VERB", "AUX"} for t in doc[comma + 1:m.start]):
                    return m.entity
        return None

    def _source(self, tok: Token) -> Entity | str | None:
        """The agent a source phrase names: an entity, an organization's
        spokesperson (-> the organization) or an anonymous source (-> its label)."""
        at = self.lex["attribution"]
        ent = self._np_entity(tok, {"Organization", "Person"}) if tok.pos_ in {"PROPN", "PRON"} or \
            self.mention_at(tok) else None
        if ent is not None:
            return ent
        if tok.pos_ == "PROPN" and tok.is_title and self.mention_at(tok) is None:
            # "Holt said" after "Gov. Dana Holt": a surname the mention finder left alone
            people = {m.entity for ms in self.mentions[: self.block + 1] for m in ms
                      if m.entity is not None and m.entity.family == "Person"
                      and m.entity.label.split()[-1] == tok.text and " " in m.entity.label}
            if len(people) == 1:
                return next(iter(people))
        if tok.lemma_.lower() in at["anonymous_nouns"] or tok.lower_ in at["anonymous_nouns"]:
            owner = next((self.entity_at(c, {"Organization"}) for c in tok.children
                          if c.dep_ in {"compound", "poss"} and self.entity_at(c, {"Organization"})), None)
            named = [c for c in tok.children if c.dep_ in {"appos", "compound"} and self.entity_at(c, {"Person"})]
            if named:
                return self.entity_at(named[0], {"Person"})
            if owner is not None and tok.lemma_ in at["spokes_nouns"]:
                return owner
            text = phrase(tok, drop_relcl=False, max_words=10)
            if any(c.lower_ in DEFINITE_DETERMINERS for c in tok.children) and text.lower() == tok.lower_:
                # "the source" -> the source introduced earlier ("a source familiar with ...")
                earlier = [t for head, t in self._sources if head == tok.lemma_]
                if earlier:
                    return earlier[-1]
            if text:
                self._sources.append((tok.lemma_, text))
            return text or None
        if tok.pos_ == "NOUN":
            # "analysts from X", "academics at X": the organization they speak from
            orgs = [e for c in tok.children if c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPS
                    for p in c.children if p.dep_ == "pobj" for e in [self.entity_at(p, {"Organization"})]
                    if e is not None and e.kind != "NewsOrganization"]
            if orgs:
                return orgs[0]
        if tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children):
            return self.coref(tok, {"Organization"})
        return None

    def certainty(self, sent: Span) -> str:
        """Hedge of a sentence: the first of denied, alleged, claimed, reported, confirmed found, else stated."""
        words = self.words(sent)
        for level, hedges in CERTAINTY_WORDS:
            if not words.isdisjoint(hedges):
                return level
        return "stated"

    # ---------------------------------------------------------------- driver
    def read(self) -> list[Observation]:
        """Run every extractor over every sentence; returns the observations."""
        passes = (self.sentence_development, self.sentence_location, self.sentence_policy,
                  self.sentence_allegation, self.sentence_collection, self.sentence_nonresponse)
        # a bullet list introduced by a line ending in ":" continues that line's sentence
        self.list_lead: dict[int, int] = {}
        lead = None
        for b, block in enumerate(self.article.blocks):
            if block.bullet and lead is not None:
                self.list_lead[b] = lead
            elif not block.bullet:
                lead = b if block.text.rstrip().endswith(":") else None
        self.sents = sents = [list(doc.sents) for doc in self.docs]  # (segmented once, not per reader)
        for b, block_sents in enumerate(sents):  # sources in text order, so "the source" finds its antecedent
            self.block = b
            for sent in block_sents:
                self.attribution(sent)
        from . import registered

        frames = [lambda sent, fn=fn: fn(self, sent) for fn in registered().values()]
        for extractor in [*passes, *frames]:
            for b, block_sents in enumerate(sents):
                self.block = b
                for sent in block_sents:
                    self.sent = sent
                    extractor(sent)
        self.link_article_level()
        return self.observations

    # ---------------------------------------------------------- development


    def sentence_of(self, tok: Token) -> Span:
        """The sentence of ``tok`` (``tok.sent``): the span of the sentence being read when
        ``tok`` is in it (``Token.sent`` walks the parse back and forth and makes a new span on
        every call), else ``tok.sent``."""
        sent = self.sent
        if sent is not None and sent.start <= tok.i < sent.end and sent.doc is tok.doc:
            return sent
        return tok.sent

    def tokens(self, sent: Span) -> list[Token]:
        """The sentence's tokens as one list (made once per sentence): readers walk it instead
        of the span, which makes new token objects on every walk."""
        hit = self._tokens_by_span.get(id(sent))
        if hit is not None and hit[0] is sent:
            return hit[1]
        doc = sent.doc
        key = (id(doc), sent.start, sent.end)  # (any block's sentence; the docs outlive the reader's walk)
        got = self._tokens_cache.get(key)
        if got is None:
            ready = self._prepared.get(id(doc))
            got = ready[1][0][sent.start:sent.end] if ready is not None and ready[0] is doc else list(sent)
            self._tokens_cache[key] = got
        self._tokens_by_span[id(sent)] = (sent, got)
        return got

    def words(self, sent: Span) -> frozenset[str]:
        """The lower-case lemmas and forms of a sentence's tokens (computed once per sentence):
        readers test it against their trigger lists before walking the parse."""
        hit = self._words_by_span.get(id(sent))
        if hit is not None and hit[0] is sent:
            return hit[1]
        key = (id(sent.doc), sent.start, sent.end)
        got = self._words_cache.get(key)
        if got is None:
            lemmas, lowers = self._doc_words(sent.doc)
            start, end = sent.start, sent.end
            got = frozenset(lemmas[start:end] + lowers[start:end])
            self._words_cache[key] = got
        self._words_by_span[id(sent)] = (sent, got)
        return got

    def _doc_words(self, doc: Doc) -> tuple[list[str], list[str]]:
        """Each token's lower-case lemma and lower-case form, as two lists aligned with
        ``doc`` (:meth:`_doc_columns`)."""
        hit = self._doc_columns(doc)
        return hit[1], hit[2]

    def _doc_orths(self, doc: Doc) -> list[str]:
        """Each token's text (``tok.text``), as a list aligned with ``doc`` (:meth:`_doc_columns`)."""
        return self._doc_columns(doc)[3]

    def _doc_columns(self, doc: Doc) -> tuple[Doc, list[str], list[str], list[str]]:
        """``doc`` and its tokens' lower-case lemmas, lower-case forms and texts, as lists aligned
        with it: read once per Doc from one array, without making token objects."""
        hit = self._doc_word_lists.get(id(doc))
        if hit is None or hit[0] is not doc:
            ready = self._prepared.get(id(doc))
            if ready is not None and ready[0] is doc:  # (the finder's columns: its texts and lower-case forms)
                _, lemmas, texts, lowers = ready[1]
                hit = self._doc_word_lists[id(doc)] = (doc, hash_strings(lemmas, doc.vocab.strings, lower=True),
                                                       lowers, texts)
                return hit
            lemmas, lowers, orths = doc.to_array([LEMMA, LOWER, ORTH]).T.tolist() if len(doc) else ([], [], [])
            strings = doc.vocab.strings
            hit = self._doc_word_lists[id(doc)] = (doc, hash_strings(lemmas, strings, lower=True),
                                                   hash_strings(lowers, strings, lower=True),
                                                   hash_strings(orths, strings))
        return hit

    def _doc_text(self, doc: Doc) -> str:
        """``doc.text``, made once per Doc (spaCy joins the tokens' texts on every read)."""
        hit = self._doc_texts.get(id(doc))
        if hit is None or hit[0] is not doc:
            hit = self._doc_texts[id(doc)] = (doc, doc.text)
        return hit[1]

    def _mentions_in(self, sent: Span):
        for m in self.mentions[self.block]:
            if m.entity is not None and sent.start <= m.start < sent.end:
                yield m

    # ------------------------------------------------------------- location


    # --------------------------------------------------------------- policy


    # ----------------------------------------------------------- allegation


    # ------------------------------------------------------ data collection


    def _speaker(self, tok: Token) -> Entity | None:
        """Who said the sentence: the subject of a reporting verb above ``tok``,
        an organization named inside it ("an Acme employee"), else the
        speaker of the sentence before."""
        reporting = REPORTING_VERBS
        for anc in [tok, *tok.ancestors]:
            if anc.lemma_ in reporting and anc.pos_ == "VERB":
                subj = self._clause_subject(anc)
                if subj is not None:
                    return self._speaker_entity(subj)
        sent = tok.sent
        doc = sent.doc
        prev_sents = [s for s in doc.sents if s.end <= sent.start]
        for s in reversed(prev_sents[-2:]):
            for t in s:
                if t.lemma_ in reporting and t.pos_ == "VERB":
                    subj = self._clause_subject(t)
                    if subj is not None:
                        e = self._speaker_entity(subj)
                        if e:
                            return e
        if self.block > 0:
            for s in list(self.docs[self.block - 1].sents)[-1:]:
                for t in s:
                    if t.lemma_ in reporting and t.pos_ == "VERB":
                        subj = self._clause_subject(t)
                        if subj is not None:
                            saved = self.block
                            self.block -= 1
                            e = self._speaker_entity(subj)
                            self.block = saved
                            if e:
                                return e
        return None

    def _speaker_entity(self, subj: Token) -> Entity | None:
        e = self.entity_at(subj, {"Organization", "Person"})
        if e:
            return e
        for t in subj.subtree:
            m = self.mention_at(t)
            if m and m.entity.family in {"Organization", "Person"}:
                return m.entity
        if subj.lemma_ in SPEAKER_ROLE_NOUNS:
            for b in range(self.block, max(-1, self.block - 4), -1):
                for s in reversed(list(self.docs[b].sents)):
                    for t in s:
                        if t.lemma_ == subj.lemma_ and (b < self.block or t.i < subj.i):
                            for c in t.children:
                                if c.dep_ in {"compound", "nmod", "poss"}:
                                    m = self.token_mention.get((b, c.i))
                                    if m and m.entity and m.entity.family == "Organization":
                                        return m.entity
        return None

    # ---------------------------------------------------------- non-response


    # -------------------------------------------------------- article level


def _semicolon_between(tok: Token) -> bool:
    """True when a semicolon of ``tok``'s head stands between the two: the parse hung one
    independent clause on the other ("A are not allowed to sell X; B relies on A")."""
    head = tok.head
    lo, hi = sorted((tok.i, head.i))
    return any(c.text == ";" and lo < c.i < hi for c in head.children)
