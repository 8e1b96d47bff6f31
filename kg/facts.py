"""Fact extraction from the dependency parse.

Each extractor reads one sentence and emits :class:`Observation` objects: one
n-ary fact as stated in one sentence of one article. Trigger words, cue nouns
and role markers come from ``kg/data/lexicon.json``; the sentence structure
(subjects, objects, passive agents, xcomp/ccomp chains, appositions,
possessives, coordination) comes from spaCy's parser (ClearNLP-style labels,
https://github.com/clir/clearnlp-guidelines/blob/master/md/specifications/dependency_labels.md).

Fact kinds (key roles, entity and literal attributes, ontology classes) are
defined once, in ``kg/data/fact_kinds.json`` (:mod:`kg.schema`); observations
with the same kind and key merge into one fact (:func:`kg.build.merge`).
Readers of further frames live in :mod:`kg.extract`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .entities import Entity, Mention
from .kb import KnowledgeBase, merge_key, normalize
from .resources import lexicon
from .text import Article

NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor"}
SUBJ = {"nsubj", "nsubjpass", "csubj"}
RELATIVE = {"that", "which", "who", "whom"}
CLAUSE_UP = {"xcomp", "ccomp", "advcl", "conj", "pcomp", "acl", "relcl", "prep", "pobj", "dobj", "aux", "npadvmod"}


@dataclass
class Observation:
    """One fact as stated in one sentence.

    Attributes:
        kind: fact kind (see the module table).
        roles: role -> Entity for the key roles and entity-valued attributes
            (entity-valued attributes hold a list).
        attrs: attribute -> list of literal strings.
        article: article identifier.
        start, end: character offsets of the sentence in the article text
            (0-based, end-exclusive).
        certainty: ``stated``, ``confirmed``, ``reported``, ``alleged``, ``claimed`` or ``denied``.
    """

    kind: str
    roles: dict
    attrs: dict = field(default_factory=dict)
    article: str = ""
    start: int = 0
    end: int = 0
    certainty: str = "stated"
    attributed_to: Entity | None = None


MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9


def normalize_date(text: str, reference: str = "") -> str | None:
    """ISO 8601 form of a date phrase, or None when it is not a calendar day.

    Returns ``YYYY-MM-DD`` when the year is known, ``--MM-DD`` (xsd:gMonthDay)
    when it is not. ``reference`` is the article's date as written in its
    dateline ("May 2, 2025"); it supplies a missing year and resolves "the
    18th of last month".

    >>> normalize_date("July 10")
    '--07-10'
    >>> normalize_date("March 3, 2025")
    '2025-03-03'
    >>> normalize_date("the 18th of last month", "May 2, 2025")
    '2025-04-18'
    """
    ref = _parse_day(reference) if reference else None
    t = text.lower()
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", t)
    if m:
        return m.group(0)
    day = _parse_day(text)
    if day is not None:
        year, month, dom = day
        if year is None and ref is not None and ref[0] is not None:
            year = ref[0] if month <= ref[1] else ref[0] - 1
        return f"{year:04d}-{month:02d}-{dom:02d}" if year else f"--{month:02d}-{dom:02d}"
    rel = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(last|this|next)\s+month\b", t)
    if rel and ref is not None and ref[0] is not None:
        year, month = ref[0], ref[1] + {"last": -1, "this": 0, "next": 1}[rel.group(2)]
        if month < 1:
            year, month = year - 1, 12
        if month > 12:
            year, month = year + 1, 1
        return f"{year:04d}-{month:02d}-{int(rel.group(1)):02d}"
    return None


def _parse_day(text: str):
    """(year or None, month, day) of "July 10", "10 July 2025", "Jan. 29, 2025", else None."""
    words = text.lower().replace(",", " ").replace(".", " ").split()
    month = day = year = None
    for i, w in enumerate(words):
        if w in MONTHS and month is None:
            month = MONTHS[w]
            for nb in words[i + 1:i + 3] + words[max(0, i - 2):i]:
                d = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", nb)
                if d and day is None and 1 <= int(d.group(1)) <= 31:
                    day = int(d.group(1))
        if re.fullmatch(r"(19|20)\d{2}", w):
            year = int(w)
    if month is None or day is None:
        return None
    return year, month, day


def phrase(tok: Token, drop_relcl: bool = False, max_words: int = 24, drop_preps: frozenset = frozenset()) -> str:
    """Text of a token's subtree without leading determiners/possessive pronouns
    and without trailing punctuation; coordinated siblings are excluded, and so
    are prepositional phrases headed by a word in ``drop_preps``."""
    skip: set[int] = set()
    for child in tok.children:
        if child.dep_ in {"conj", "cc"} or (child.dep_ == "punct" and child.i > tok.i) or \
                (drop_relcl and child.dep_ in {"relcl", "acl"}) or child.dep_ == "appos" or \
                (child.dep_ == "prep" and child.lower_ in drop_preps):
            skip.update(t.i for t in child.subtree)
    toks = [t for t in tok.subtree if t.i not in skip]
    while toks and (toks[0].pos_ in {"DET", "PUNCT", "CCONJ", "NUM"} or toks[0].tag_ == "PRP$"
                    or toks[0].lower_ in {"such", "these", "those", "this", "that"}):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in {"CCONJ", "ADP"}):
        toks = toks[:-1]
    toks = toks[:max_words]
    out = join_tokens(toks).strip()
    return out.strip(" ,;:\"'“”‘’")


def join_tokens(toks: list[Token]) -> str:
    """Text of tokens in order, with a space wherever the source had one or a
    token in between was left out."""
    out = []
    for i, t in enumerate(toks):
        out.append(t.text)
        if i + 1 < len(toks) and (t.whitespace_ or toks[i + 1].i != t.i + 1):
            out.append(" ")
    return "".join(out)


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("A, B and C")."""
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


class ArticleReader:
    """Extracts observations from one parsed article.

    Args:
        article: the article.
        docs: one parsed ``Doc`` per block, aligned with ``article.blocks``.
        mentions: mentions per block, aligned with ``docs``.
        kb: the knowledge base.
        implicit: callback ``(label, kind, mentioned) -> Entity`` that creates or
            returns an entity for a phrase without a named mention.
    """

    def __init__(self, article: Article, docs: list[Doc], mentions: list[list[Mention]],
                 kb: KnowledgeBase, implicit):
        self.article = article
        self.docs = docs
        self.mentions = mentions
        self.kb = kb
        self.implicit = implicit
        self.lex = lexicon()
        self._attribution: dict = {}
        self._sources: list[str] = []
        self.cue_kind = {w: kind for kind, words in self.lex["cue_nouns"].items() for w in words if " " not in w}
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
                if root.dep_ in {"compound", "nmod"} and head.i >= m.end and head.pos_ == "NOUN":
                    self.anchor_mention.setdefault((b, head.i), m)
        pol = self.lex["policy"]
        #: every lemma that can trigger a policy (a pre-filter for sentence_policy)
        self._policy_lemmas = frozenset(
            [*pol["ban"], *pol["restriction"], *pol["ban_nouns"], *pol["restriction_nouns"], "approval", "permission",
             *pol["removal_verbs"], *pol["phrasal_restriction"], *pol["use_verbs"]])
        self.observations: list[Observation] = []
        #: (company-as-product key, block, sentence start) of "X's chatbot" mentions (see link_article_level)
        self._maker_named: set[tuple[str, int, int]] = set()
        self._obs_sent: dict[int, tuple[int, int]] = {}
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
        return self.coref(tok, families, subject_first)

    def coref(self, tok: Token, families: set[str], subject_first: bool = False) -> Entity | None:
        """Resolve a pronoun ("its") or a definite description ("the company",
        "the tool") to the most salient compatible entity before it."""
        low = tok.lower_
        anaphors = self.lex["anaphors"]
        is_pron = tok.pos_ == "PRON" and low in {"it", "its", "they", "their", "them"}
        if low in {"it", "its"}:
            families = families - {"Person"}  # "it" is never a person
        is_def = tok.pos_ in {"NOUN", "PROPN"} and any(c.lower_ in {"the", "this", "that"} or c.tag_ == "PRP$"
                                                         for c in tok.children if c.dep_ in {"det", "poss"}) \
            or tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ in self.cue_kind  # "a Navy spokesperson"
        if is_def and tok.tag_ in {"NNS", "NNPS"}:
            return None  # "the firms", "the ministries": a group, not one entity named before
        if is_def:
            wanted = {fam for fam, words in anaphors.items() if tok.lemma_ in words or low in words}
            wanted = {"Product" if w == "AIModel" else w for w in wanted}
            cue = self.cue_kind.get(tok.lemma_.lower()) or self.cue_kind.get(low)
            if cue in {"GovernmentBody", "Company", "NewsOrganization"}:
                wanted.add("Organization")  # "the Navy", "the Commission"
            families = families & wanted
            if not families:
                return None
        elif not is_pron:
            return None
        sent = tok.sent
        if subject_first or is_pron:
            subj = self._clause_subject(sent.root)
            if subj is not None and subj.i < tok.i:
                m = self.mention_at(subj)
                if m and m.entity and m.entity.family in families and m.entity.kind != "NewsOrganization":
                    return m.entity
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
                                                      and low not in {"outlet", "agency", "newspaper"})]
        if low == "they" and tok.dep_ == "nsubj":
            # news says "it" of one company or product; "they" is a group, a body or a people
            ok = [e for e in ok if e.kind not in {"Company", "SoftwareProduct", "AIModel"}]
        if is_def:
            # "the bank" -> "Harbor Crest Bank"; "the regulator" -> a government body
            named = [e for e in ok if tok.lemma_.lower() in normalize(e.label).split()]
            if named:
                return named[0]
            kind = self.cue_kind.get(tok.lemma_.lower())
            typed = [e for e in ok if kind and e.kind == kind]
            if typed:
                return typed[0]
            if kind in {"GovernmentBody", "NewsOrganization"}:
                return None  # "the ministry" is no company named before it
            if kind == "Company":
                ok = [e for e in ok if e.kind != "GovernmentBody"]  # "the company" is no regulator
        if ok:
            return ok[0]
        return self.salient(tok, next(iter(families))) if is_def and len(families) == 1 else None

    def salient(self, tok: Token, family: str) -> Entity | None:
        """The most mentioned entity of ``family`` in the article before ``tok``."""
        counts: Counter = Counter()
        for b in range(0, self.block + 1):
            for m in self.mentions[b]:
                if m.entity is not None and m.entity.family == family and (b < self.block or m.start < tok.i):
                    counts[m.entity] += 1
        return max(counts, key=lambda e: (counts[e], e.label)) if counts else None

    def _clause_subject(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                return c
        return None

    def agent_of(self, trig: Token, families: set[str], depth: int = 5) -> Entity | None:
        """The first of :meth:`agents_of`, or None."""
        agents = self.agents_of(trig, families, depth)
        return agents[0] if agents else None

    def agents_of(self, trig: Token, families: set[str], depth: int = 5) -> list[Entity]:
        """Every coordinated agent of ``trig`` ("X and Y restricted ...")."""
        found = self._agent_token(trig, families, depth)
        if found is None:
            return []
        ent, tok = found
        out = [ent]
        for c in tok.conjuncts:
            e = self.entity_at(c, families)
            if e is not None and e not in out:
                out.append(e)
        return out

    def _agent_token(self, trig: Token, families: set[str], depth: int = 5):
        """Who performs ``trig``: its subject (active), its ``by`` agent
        (passive), a possessor ("X's ban"), or the same found higher up the
        clause chain ("X plans to ban", "X told staff to stop using")."""
        node = trig
        reporting = set(self.lex["reporting_verbs"])
        for _ in range(depth):
            passive = any(c.dep_ == "nsubjpass" or c.dep_ == "auxpass" for c in node.children)
            for c in node.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            for t in conjuncts(p):
                                e = self.entity_at(t, families)
                                if e is None:
                                    # "built by Samsung's own research center"
                                    e = next((self.entity_at(x, families) for x in t.children
                                              if x.dep_ == "poss" and self.entity_at(x, families)), None)
                                if e:
                                    return e, t
                if (c.dep_ == "nsubj" and not passive) or (c.dep_ in {"poss"} and node.pos_ == "NOUN"):
                    if c.pos_ == "NOUN":
                        # "radio broadcaster Acme Media has banned ...": the name in apposition
                        a = next((x for x in c.children if x.dep_ == "appos"), None)
                        if a is not None and self.mention_at(a) is not None and self.entity_at(a, families):
                            return self.entity_at(a, families), a
                    e = self.entity_at(c, families, subject_first=True)
                    if e is None and c.lower_ in RELATIVE and node.dep_ == "relcl":
                        e = self._antecedent(node.head, families)
                        if e:
                            return e, node.head  # "A, B and C, which have banned": every conjunct
                    if e:
                        return e, c
                if c.dep_ == "compound" and node.pos_ == "NOUN":
                    # "Kestria governor orders ban on X" (a headline parsed as one noun phrase)
                    for d in [c, *(x for x in c.subtree if x.dep_ == "compound" and x.i < c.i)]:
                        e = self.entity_at(d, families)
                        if e:
                            return e, d
            if node.pos_ == "NOUN":
                for c in node.children:
                    if c.dep_ == "prep" and c.lower_ in {"by", "at", "from"}:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                e = self.entity_at(p, families)
                                if e:
                                    return e, p
            if node.dep_ in {"ROOT"} or node.head == node:
                return None
            if node.dep_ in {"ccomp"} and node.head.lemma_ in reporting:
                return None
            if node.dep_ not in CLAUSE_UP and node.dep_ not in {"nsubj", "nsubjpass", "attr", "oprd", "advmod", "amod"}:
                return None
            node = node.head
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
        obs = Observation(kind, roles, {k: [v for v in vs if v] for k, vs in attrs.items()},
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
        reporting = set(self.lex["reporting_verbs"])
        for tok in sent:
            if tok.lower_ == "according":
                for to in tok.children:
                    for p in to.children:
                        if p.dep_ == "pobj":
                            return self._source(p)
        verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_ in reporting
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
        return None

    def _source(self, tok: Token) -> Entity | str | None:
        """The agent a source phrase names: an entity, an organization's
        spokesperson (-> the organization) or an anonymous source (-> its label)."""
        at = self.lex["attribution"]
        ent = self._np_entity(tok, {"Organization", "Person"}) if tok.pos_ in {"PROPN", "PRON"} or \
            self.mention_at(tok) else None
        if ent is not None:
            return ent
        if tok.lemma_.lower() in at["anonymous_nouns"] or tok.lower_ in at["anonymous_nouns"]:
            owner = next((self.entity_at(c, {"Organization"}) for c in tok.children
                          if c.dep_ in {"compound", "poss"} and self.entity_at(c, {"Organization"})), None)
            named = [c for c in tok.children if c.dep_ in {"appos", "compound"} and self.entity_at(c, {"Person"})]
            if named:
                return self.entity_at(named[0], {"Person"})
            if owner is not None and tok.lemma_ in at["spokes_nouns"]:
                return owner
            text = phrase(tok, drop_relcl=False, max_words=10)
            if any(c.lower_ in {"the", "this", "that"} for c in tok.children) and text.lower() == tok.lower_:
                # "the source" -> the source introduced earlier ("a source familiar with ...")
                earlier = [t for head, t in self._sources if head == tok.lemma_]
                if earlier:
                    return earlier[-1]
            if text:
                self._sources.append((tok.lemma_, text))
            return text or None
        if tok.pos_ == "NOUN" and any(c.lower_ == "the" for c in tok.children):
            return self.coref(tok, {"Organization"})
        return None

    def certainty(self, sent: Span) -> str:
        """Hedge of a sentence: the first of denied, alleged, claimed, reported, confirmed found, else stated."""
        words = {t.lower_ for t in sent} | {t.lemma_ for t in sent}
        for level in ("denied", "alleged", "claimed", "reported", "confirmed"):
            if words & set(self.lex["certainty"][level]):
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
        for b, doc in enumerate(self.docs):  # sources in text order, so "the source" finds its antecedent
            self.block = b
            for sent in doc.sents:
                self.attribution(sent)
        from .extract import registered

        frames = [lambda sent, fn=fn: fn(self, sent) for fn in registered().values()]
        for extractor in [*passes, *frames]:
            for b, doc in enumerate(self.docs):
                self.block = b
                for sent in doc.sents:
                    self.sent = sent
                    extractor(sent)
        self.link_article_level()
        return self.observations

    # ---------------------------------------------------------- development
    def sentence_development(self, sent: Span) -> None:
        """"X's P", "P, X's assistant", "P from X", "X P" (compound), "P developed by X", "X launched P"."""
        orgs = {"Organization", "Person"}
        dev_verbs = set(self.lex["development"]["develop_verbs"])
        maker_nouns = set(self.lex["development"]["maker_nouns"])
        for m in self._mentions_in(sent):
            ent = m.entity
            if ent.family != "Product":
                continue
            doc = self.docs[self.block]
            root = doc[m.start:m.end].root
            anchors = [root]
            if root.dep_ in {"compound", "nmod"} and root.head.pos_ == "NOUN" and root.head.i >= m.end:
                anchors.append(root.head)
            if anchors[-1].dep_ == "appos":
                anchors.append(anchors[-1].head)
            for child in list(anchors[-1].children) + list(root.children):
                if child.dep_ == "appos":
                    anchors.append(child)
            dev = None
            for a in anchors:
                for c in a.children:
                    if c.dep_ in {"poss"} or (c.dep_ in {"compound", "nmod"} and c.i < m.start):
                        dev = self.entity_at(c, {"Organization"}, subject_first=True)
                        if dev:
                            break
                    if c.dep_ in {"acl", "relcl"} and c.lemma_ in dev_verbs:
                        dev = self.agent_of(c, {"Organization"}, depth=1)
                        if dev:
                            break
                if dev:
                    break
            if dev is None:
                # "the X tool from the American company Y"
                for t in doc[m.end:min(len(doc), m.end + 3)]:
                    if t.lower_ == "from" and t.dep_ == "prep":
                        for p in t.children:
                            if p.dep_ == "pobj":
                                dev = self.entity_at(p, {"Organization"})
                        if dev is None:
                            nxt = [x for x in doc[t.i + 1:t.i + 6] if self.mention_at(x)]
                            if nxt:
                                cand = self.mention_at(nxt[0]).entity
                                dev = cand if cand.family == "Organization" else None
                        break
            if dev is None:
                # "Y launched / develops X"
                verb = root.head if root.dep_ in {"dobj"} else None
                if verb is not None and verb.lemma_ in dev_verbs:
                    dev = self.agent_of(verb, {"Organization"}, depth=1)
            if dev is None and root.dep_ == "pobj" and root.head.head.lemma_ in maker_nouns:
                maker = root.head.head
                for c in maker.children:
                    if c.dep_ in {"poss", "compound"}:
                        dev = self.entity_at(c, {"Organization"})
                if dev is None and maker.dep_ == "appos":
                    dev = self.entity_at(maker.head, {"Organization"})
            if dev is None:
                dev = self._owned_by(doc, m)
            if dev is None:
                dev = self._name_prefix_maker(m)
            if dev is not None and dev is not ent and dev.family in orgs and \
                    dev.kind not in {"GovernmentBody", "NewsOrganization"}:
                self.emit("development", {"developer": dev, "product": ent})

    def _owned_by(self, doc: Doc, m: Mention) -> Entity | None:
        """"X-owned P", "X-developed P", "X-made P": a maker joined to an ownership participle
        by a hyphen, just before the product's name (a few tokens at most)."""
        words = set(self.lex["development"]["owner_participles"])
        for t in doc[max(0, m.start - 4):m.start]:
            if t.lower_ in words and t.i > 1 and doc[t.i - 1].text == "-":
                maker = self.mention_at(doc[t.i - 2])
                if maker is not None and maker.entity is not None and maker.entity.kind == "Company":
                    return maker.entity
        return None

    def _name_prefix_maker(self, m: Mention) -> Entity | None:
        """A product whose name begins with a company's name ("Kestrel Chat" of "Kestrel"):
        the company named so in this article, if any."""
        ent = m.entity
        words = ent.label.split()
        if len(words) < 2:
            return None
        for ms in self.mentions:
            for other in ms:
                e = other.entity
                if e is not None and e is not ent and e.kind == "Company" and \
                        words[:len(e.label.split())] == e.label.split() and len(e.label.split()) < len(words):
                    return e
        return None

    def _mentions_in(self, sent: Span):
        for m in self.mentions[self.block]:
            if m.entity is not None and sent.start <= m.start < sent.end:
                yield m

    # ------------------------------------------------------------- location
    def sentence_location(self, sent: Span) -> None:
        """Nationality or "-based" modifiers of a named organization or of a
        definite description of one ("Chinese tech giant X", "the U.S.-based company")."""
        cue_orgs = set(self.lex["cue_nouns"]["Company"]) | set(self.lex["cue_nouns"]["GovernmentBody"])
        for tok in sent:
            country = self._nationality(tok)
            if country is None:
                continue
            noun = tok.head
            if noun.lower_ in self.lex["location"]["based_words"] and noun.dep_ == "amod":
                noun = noun.head  # "the Singapore-headquartered Kestrel Dynamics"
            if noun.pos_ not in {"NOUN", "PROPN"}:
                continue
            org = None
            m = self.mention_at(noun)
            if m and m.entity.family == "Organization":
                org = m.entity
            elif noun.lemma_ in cue_orgs and noun.tag_ in {"NN", "NNP"}:
                if noun.dep_ in {"compound", "appos"}:
                    org = self.entity_at(noun.head, {"Organization"})
                if org is None:
                    for c in noun.children:
                        if c.dep_ == "appos" or (c.dep_ == "compound" and c.i > tok.i):
                            org = self.entity_at(c, {"Organization"})
                if org is None and noun.i + 1 < len(noun.doc):
                    nxt = self.mention_at(noun.doc[noun.i + 1])
                    if nxt and nxt.entity.family == "Organization":
                        org = nxt.entity
                if org is None and any(c.lower_ in {"the", "this"} for c in noun.children) and noun.dep_ != "attr":
                    org = self.coref(noun, {"Organization"})
            members = [org] if org is not None else []
            if org is None and noun.lemma_ in cue_orgs:
                members = self._described_members(noun)
            for org in members:
                if org.kind not in {"NewsOrganization", "GovernmentBody"}:
                    place = self.implicit(country.name, country.kind, False)
                    self.emit("location", {"organization": org, "country": place})
        cue_words = cue_orgs | {"tech", "technology", "ai", "e-commerce", "internet", "software", "chip", "state-owned",
                                "artificial", "intelligence", "search", "social", "media", "cloud", "telecom", "tech-focused"}
        for m in self._mentions_in(sent):
            if m.entity.family != "Organization" or m.entity.kind in {"NewsOrganization", "GovernmentBody"}:
                continue  # a government body's own country is no news (the contract makes it optional)
            doc = self.docs[self.block]
            # surface fallback for parses that miss "Chinese startup X": nationality, cue words, name
            i = m.start - 1
            while i >= sent.start and doc[i].lower_ in cue_words and i >= m.start - 4:
                i -= 1
            if i >= sent.start and i < m.start - 1:
                entry = self.kb.country_of_demonym(doc[i].text)
                if entry is not None:
                    self.emit("location", {"organization": m.entity,
                                           "country": self.implicit(entry.name, entry.kind, False)})
            root = doc[m.start:m.end].root
            holders = [root, *[c for c in root.children if c.dep_ == "appos"]]  # "X, the company based in ..."
            based = set(self.lex["location"]["based_words"])
            for c in [c for h in holders for c in h.children]:
                seat = set(self.lex["location"]["seat_verbs"])
                if c.dep_ in {"acl", "amod", "relcl"} and (c.lemma_ in seat or c.lower_ in based or c.lemma_ == "be"):
                    for p in [c, *[x for x in c.children if x.dep_ == "acomp" or x.lemma_ in seat]]:
                        for prep in p.children:
                            if prep.dep_ == "prep" and prep.lower_ == "in":
                                for o in prep.children:
                                    for x in [o, *[y for y in o.children if y.dep_ in {"appos", "conj"}]]:
                                        place = self.entity_at(x, {"Place"})
                                        if place and place.kind == "Country":
                                            self.emit("location", {"organization": m.entity, "country": place})

    def _described_members(self, noun: Token) -> list[Entity]:
        """Organizations a descriptive noun stands for: "Kestrian companies, including A and B",
        "Kestrian rivals A and B" (apposition or compound list), "A became the first Kestrian
        company to ..." (the subject of a copula)."""
        heads: list[Token] = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in {"including", "like", "as"}:
                heads += [p for p in c.children if p.dep_ == "pobj"]
            if c.dep_ == "appos" or c.dep_ == "compound" and c.i > noun.i:
                heads.append(c)
        if noun.dep_ == "attr" and noun.head.lemma_ in {"be", "become", "remain"}:
            subj = self._clause_subject(noun.head)
            if subj is not None:
                heads.append(subj)
        out: list[Entity] = []
        for h in heads:
            for t in [h, *h.conjuncts]:
                m = self.mention_at(t)
                if m is not None and m.entity is not None and m.entity.family == "Organization" \
                        and m.entity not in out:
                    out.append(m.entity)
        return out

    def _nationality(self, tok: Token):
        """Country entry for a nationality word or an "X-based" token."""
        text = tok.text
        if tok.pos_ not in {"ADJ", "PROPN", "NOUN"} and "-" not in text:
            return None  # (most tokens)
        based = self.lex["location"]["based_words"]
        suffix = next((w for w in based if text.lower().endswith("-" + w) and len(text) > len(w) + 1), None)
        if suffix:
            text = text[:-len(suffix) - 1]
        elif tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-" and tok.nbor(2).lower_ in based:
            suffix = tok.nbor(2).lower_
        elif tok.dep_ == "poss" and tok.pos_ == "PROPN":
            m = self.mention_at(tok)  # "China's Yunji Intelligence", "Taiwan's ministry"
            if m is None or m.entity is None or m.entity.kind != "Country":
                return None
            return self.kb.lookup(m.entity.label) or self.kb.lookup(tok.text)
        elif tok.pos_ not in {"ADJ", "PROPN", "NOUN"} or tok.dep_ not in {"amod", "compound", "nmod"}:
            return None
        entry = self.kb.country_of_demonym(text)
        if entry is None:
            e = self.kb.lookup(text)
            entry = e if e is not None and e.kind == "Country" else None
            if entry is not None and not suffix and tok.pos_ != "ADJ":
                return None
        return entry

    # --------------------------------------------------------------- policy
    def sentence_policy(self, sent: Span) -> None:
        """Bans and restrictions, with scope, region, date, reason and alternative."""
        pol = self.lex["policy"]
        ban_v, res_v = set(pol["ban"]), set(pol["restriction"])
        ban_n, res_n = set(pol["ban_nouns"]), set(pol["restriction_nouns"])
        stop_v = set(pol["stop_verbs"])
        seen_products: set = set()
        triggers = self._policy_lemmas
        for tok in sent:
            lemma = tok.lemma_
            if lemma not in triggers and lemma.lower() not in triggers:
                continue  # (most tokens: one set look-up)
            ptype = None
            if tok.pos_ in {"VERB", "AUX"} and tok.lemma_ in ban_v | res_v:
                ptype = "ban" if tok.lemma_ in ban_v else "restriction"
                if tok.lemma_ in stop_v and not self._under_directive(tok):
                    continue
                if tok.lemma_ == "tighten":
                    ptype = "restriction"
            elif tok.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() in ban_n | res_n:
                ptype = "ban" if tok.lemma_.lower() in ban_n else "restriction"
                if tok.dep_ == "pobj" and tok.head.lower_ in {"around", "by", "bypass"}:
                    continue
            elif tok.lemma_ in {"approval", "permission"} and tok.head.lemma_ in {"seek", "get", "obtain", "need", "require"}:
                ptype = "restriction"
            elif tok.pos_ == "VERB" and tok.lemma_ in pol["removal_verbs"] and (
                    self._under_directive(tok) or any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)
                    and any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in tok.children)
                    or tok.dep_ == "ROOT" and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children)):
                ptype = "ban"  # "ordered agencies to remove X from official devices"
            elif tok.pos_ == "VERB" and tok.lemma_ in pol["phrasal_restriction"] and any(
                    c.dep_ == "prt" and c.lower_ == "down" for c in tok.children):
                ptype = "restriction"  # "clamped down on resales of X", "cracks down on X"
            elif tok.pos_ == "VERB" and tok.lemma_ in pol["use_verbs"] and tok.dep_ == "pcomp" \
                    and tok.head.lower_ == "against" and tok.head.head.lemma_ in pol["directive_verbs"]:
                ptype = "restriction"  # "advised staff against using X"
            elif tok.pos_ == "VERB" and tok.lemma_ in pol["use_verbs"] and self._denied_use(tok):
                ptype = "ban"  # "staff can no longer use X", "told staff they cannot use X"
            if ptype is None or self._hypothetical(tok):
                continue
            region_tok = tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else tok
            issuers = self._policy_issuers(tok, region_tok)
            if not issuers:
                if self.article.blocks[self.block].heading:
                    # "Lenders Ban X over Privacy Fears": the headline's reason is the article's
                    reasons = self._reasons(sent.root, sent)  # a headline's parse is flat: read all of it
                    if reasons:
                        self.emit("reason", {"heading": True, "every": True}, reason=reasons)
                continue
            issuer = issuers[0]
            scope_toks = self._policy_scope_tokens(region_tok, tok)
            products = [p for p in self._restricted_things(scope_toks) if p is not issuer] or \
                self._generic_goods(scope_toks) or self._product_anaphors(tok, scope_toks, issuers)
            products = [p for p in products if not self._is_alternative_slot(p, sent)]
            definite = tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"}
                                                  for c in tok.children)
            if not products:
                if definite:
                    continue  # "announced the ban on Friday": a policy stated before, not a new one
                if any(t.lemma_ in self.lex["policy"]["access_words"] for t in scope_toks):
                    products = [None]  # filled at article level with the issuer's own product
                else:
                    continue
            scope = self._scope(scope_toks)
            region = [e for e in self.entities_in([t for t in scope_toks if self._locative(t)
                                                   and not self._seat_of_organization(t)], {"Place"})]
            region += [e for e in self._country_anaphor(scope_toks) if e not in region]
            dates = self._dates(sent)
            reasons = self._reasons(region_tok, sent)
            reasons += self._means_to_end(tok)
            if not reasons and self.article.blocks[self.block].heading and sent.root != region_tok:
                reasons = self._reasons(sent.root, sent)  # "X Bans Y Over Privacy Fears" (a flat headline parse)
            for product in products:
                if product is not None and product in seen_products:
                    continue
                seen_products.add(product)
                for issuer in issuers:
                    self.emit("policy", {"issuer": issuer, "product": product, "region": region},
                              type=[ptype], scope=scope, date=dates, reason=reasons)
        self._sentence_alternative(sent)
        self._sentence_reason(sent)
        self._policy_extension(sent)

    def _policy_extension(self, sent: Span) -> None:
        """"The ban also extends to X and Y", "the order covers X", "the restriction applies to
        X as well": products added to the policy stated just before (its issuer and type are
        filled at article level)."""
        anaphors = set(self.lex["policy"]["policy_anaphors"])
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_ not in {"extend", "cover", "include", "apply", "expand"}:
                continue
            subj = self._clause_subject(verb)
            if subj is None or subj.lemma_.lower() not in anaphors:
                continue
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            objs += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                     for p in c.children if p.dep_ == "pobj"]
            toks = [t for o in objs for t in o.subtree]
            for product in self._restricted_things(toks):
                if product.family == "Product":
                    self.emit("extension", {"product": product})

    def _policy_issuers(self, trig: Token, clause: Token) -> list[Entity]:
        """Who issues the policy that ``trig`` states, in order of evidence:

        1. organizations that are its agents (subject, ``by`` agent, possessor, up the clause chain);
        2. places that are its agents ("Kestria has prohibited ..."), as their governments;
        3. a descriptive subject that names a place ("Chinese authorities", "the Kestria governor",
           "Kestria's police") or lists the issuers ("states including A, B and C",
           "nations, including A and B, which have imposed ...").
        """
        said = self._reported_speaker(trig)
        if said:
            return said
        for node in dict.fromkeys([trig, clause]):
            orgs = [e for e in self.agents_of(node, {"Organization"}) if e.kind != "NewsOrganization"]
            if orgs:
                return orgs  # (a news organization reports a policy; it issues none)
        subj = self._subject_up(trig)
        listed = self._listed_members(subj) if subj is not None and any(
            c.dep_ == "prep" and c.lower_ in {"including", "like"} for c in subj.children) else []
        if listed:
            return listed  # "several states, including A, B and C, have banned X"
        for node in dict.fromkeys([trig, clause]):
            places = self.agents_of(node, {"Place"})
            if places:
                return [self.government_of(c) for c in places]
        for node in dict.fromkeys([trig, clause]):
            # "Ohio Gov. Kara Senn ordered ...", "Acme CEO Dana Holt banned ...": the person's
            # organization or place, named before the name
            found = self._agent_token(node, {"Person"})
            if found is not None:
                ent, tok = found
                for d in tok.subtree:
                    if d.i >= tok.i or d.dep_ not in {"compound", "nmod", "poss"}:
                        continue
                    e = self.entity_at(d, {"Organization", "Place"})
                    if e is not None and e.kind != "NewsOrganization":
                        return [self.government_of(e) if e.family == "Place" else e]
        staff = self._staff_owner(trig)
        if staff:
            return staff
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in trig.children)
        if passive:
            for c in trig.children:  # "X has been blocked at Acme", "... across Acme"
                if c.dep_ == "prep" and c.lower_ in {"at", "across", "within", "throughout"}:
                    at = [e for p in c.children if p.dep_ == "pobj"
                          for e in [self.entity_at(p, {"Organization"})] if e is not None]
                    if at:
                        return at
            # "Acme said access to X had been restricted": the speaker issued it
            speaker = self.attribution(trig.sent)
            if isinstance(speaker, Entity) and speaker.family == "Organization" and \
                    speaker.kind != "NewsOrganization":
                return [speaker]
            node = trig
            while node.dep_ in {"conj", "xcomp"} and node.head.i != node.i:
                node = node.head
            if node.dep_ == "ccomp" and node.head.lemma_ in self.lex["reporting_verbs"]:
                said_by = self._clause_subject(node.head)  # "the trade ministry said access was restricted"
                if said_by is not None:
                    bodies = self._described_bodies(said_by) or self._government_described(said_by)
                    if bodies:
                        return bodies
        subj = self._subject_up(trig)
        if subj is None:
            return []
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
        return self._government_described(subj)

    def _government_described(self, noun: Token) -> list[Entity]:
        """The government a description of one of its organs stands for: "Chinese
        authorities", "the Kestria governor", "Kestria's police", "the state of Ohio",
        "regulators in Kenya", "the country's data protection authority" (the country
        last named). Only heads and modifiers of ``policy.government_nouns`` count."""
        govt = set(self.lex["policy"]["government_nouns"])
        left = [d for d in noun.subtree if d.i <= noun.i and d.dep_ in {"compound", "poss", "amod", "nmod"}
                or d is noun]
        if noun.pos_ not in {"NOUN", "PROPN"} or not any(d.lemma_.lower() in govt for d in left):
            return []
        # "the state of Ohio", "regulators in Kenya": the place after the noun
        left += [p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}
                 for p in c.children if p.dep_ == "pobj"]
        for c in left:
            if c.dep_ in {"compound", "poss", "amod", "nmod", "pobj"}:
                m = self.mention_at(c)
                if m is not None and m.entity is not None and m.entity.family == "Place":
                    return [self.government_of(m.entity)]
                entry = self.kb.country_of_demonym(c.text) if c.dep_ == "amod" else None
                if entry is not None:
                    place = self.implicit(entry.name, entry.kind, False)
                    return [self.government_of(place)]
                if c.dep_ == "poss" and c.lemma_ == "country":
                    place = self.coref_place(c)
                    if place is not None:
                        return [self.government_of(place)]
        return []

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
        return self._described_bodies(subj) or self._government_described(subj)

    def _reported_speaker(self, trig: Token) -> list[Entity]:
        """"Kestria's police said they had blocked X", "the ministry said it would restrict
        X": a pronoun subject in reported speech stands for the speaker."""
        subj = self._subject_up(trig)
        if subj is None or subj.pos_ != "PRON" or subj.lower_ not in {"they", "it", "we"}:
            return []
        node = trig
        for _ in range(5):
            if node.dep_ == "ccomp" and node.head.lemma_ in self.lex["reporting_verbs"]:
                speaker = self._clause_subject(node.head)
                return self._speaker_issuers(speaker) if speaker is not None else []
            if node.dep_ not in CLAUSE_UP or node.head == node:
                return []
            node = node.head
        return []

    def _denied_use(self, verb: Token) -> bool:
        """True for a use that a rule denies: "cannot use", "can no longer use", "are not
        allowed to use", "not permitted to download" (a negation on the verb or on the
        permission above it)."""
        permission = set(self.lex["policy"]["permission_words"])
        nodes = [verb]
        if verb.dep_ in {"xcomp", "ccomp"} and verb.head.lemma_ in permission:
            nodes.append(verb.head)
            if verb.head.dep_ in {"acomp", "xcomp"}:
                nodes.append(verb.head.head)
        for n in nodes:
            if any(c.dep_ == "neg" for c in n.children):
                return True
            if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in n.children):
                return True
        return False

    def _staff_owner(self, trig: Token) -> list[Entity]:
        """The organization whose staff a rule binds, when the clause names no issuer:
        "Acme staff have been banned from using X", "employees at Acme cannot use X",
        "Kestria civil servants can no longer use X"."""
        staff = set(self.lex["staff_nouns"]) | set(self.lex["policy"]["scope_nouns"])
        node = trig
        for _ in range(4):
            for c in node.children:
                if c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in staff | {w.rstrip("s") for w in staff}:
                    found = [m.entity for d in c.subtree
                             if (d.i < c.i or d.dep_ == "pobj" and d.head.lower_ in {"at", "of", "in"})
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
        coordinated modifier), "police". Labels are the text's own words, lower case.
        Only heads of ``policy.body_nouns`` count."""
        head = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or head not in self.lex["policy"]["body_nouns"] or self.mention_at(noun):
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
                and c.lower_ not in {"new", "other", "several", "some", "many", "local", "national", "federal",
                                     "government", "state"}]
        labels = []
        for m in mods:
            for x in [m, *[c for c in m.conjuncts]]:
                labels.append(f"{x.lower_} {word}")
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
            for c in node.children:
                if c.dep_ == "nsubj" and not passive:
                    if c.lower_ in RELATIVE and node.dep_ == "relcl":
                        return node.head
                    return c
            if node.dep_ == "ROOT" or node.head == node or node.dep_ not in CLAUSE_UP:
                return None
            node = node.head
        return None

    def _class_member_subject(self, noun: Token) -> Token:
        """The subject of a copula that places it in a class described by ``noun``: "A, B
        and C are some of the firms that have banned X", "A is among the agencies that
        restricted X", "A was one of the first states to ban X" (``noun`` is "firms",
        "agencies", "states"); else ``noun`` itself."""
        node = noun
        if node.dep_ == "pobj" and node.head.lower_ in {"of", "among"}:
            node = node.head.head
        if node.dep_ == "attr" or node.dep_ == "prep" and node.lower_ == "among":
            node = node.head
        elif node.pos_ not in {"AUX", "VERB"} or node is noun:
            return noun
        if node.lemma_ not in {"be", "become", "remain", "join"}:
            return noun
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        return subj if subj is not None and subj.pos_ == "PROPN" else noun

    def _listed_members(self, subj: Token) -> list[Entity]:
        """Organizations and places (as governments) that a subject lists: "states including
        A, B and C", "nations such as A and B"; or every conjunct of a relative clause's
        antecedent ("A, B and C, which have ...")."""
        heads = [subj]
        if subj.dep_ == "pobj" and subj.head.lower_ in {"including", "like", "as"}:
            heads = [subj]
        elif subj.dep_ == "conj":
            first = subj
            while first.dep_ == "conj":
                first = first.head
            heads = [first]
        preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in {"including", "like", "as"}]
        if not preps and subj.head.pos_ in {"VERB", "AUX"} and subj.tag_ == "NNS" and self.mention_at(subj) is None:
            # "Other states have banned X through executive actions, including A, B and C"
            preps = [c for c in subj.head.subtree if c.dep_ == "prep" and c.lower_ == "including"]
        members = [p for c in preps for p in c.children if p.dep_ == "pobj"]
        if not preps and (subj.dep_ in {"conj", "pobj"} or any(c.dep_ == "conj" for c in subj.children)):
            members = heads
        out: list[Entity] = []
        for m in members:
            for t in [m, *m.conjuncts]:
                e = self.entity_at(t, {"Organization", "Place"})
                if e is not None and e.family == "Place":
                    e = self.government_of(e)
                if e is not None and e not in out:
                    out.append(e)
        return out

    def government_of(self, place: Entity) -> Entity:
        """The government body that acts for a country, state or city named as an issuer
        ("Kestria has ordered agencies to remove X"). It carries the place's own label, the
        name the competency questions accept for it, and is not itself a mention."""
        return self.implicit(place.label, "GovernmentBody", False, key=f"{place.key} government")

    @staticmethod
    def _hypothetical(tok: Token) -> bool:
        """True inside a "whether"/"if" clause ("did not say whether staff need approval")."""
        for node in [tok, *tok.ancestors]:
            if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in node.children):
                return True
            if node.dep_ == "ROOT":
                break
        return False

    def _product_anaphors(self, trig: Token, toks: list[Token], issuers: list[Entity]) -> list[Entity]:
        """The product a policy clause names only by description or pronoun: "banned the
        app", "restricted this tool", "banned its use", "blocked it" (the product last
        named before, :meth:`coref`); never one of the issuers."""
        use_nouns = set(self.lex["policy"]["use_nouns"])
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
            pron = t.lower_ in {"it", "its"} and (t.head == trig and t.dep_ in {"dobj", "nsubjpass"}
                                                   or t.dep_ == "poss" and t.head.lemma_.lower() in use_nouns
                                                   or t.dep_ == "pobj" and t.head.head.lemma_.lower() in use_nouns)
            desc = t.pos_ == "NOUN" and t.lemma_.lower() in self.lex["anaphors"]["Product"] + ["model"] and \
                any(c.dep_ in {"det", "poss"} and (c.lower_ in {"the", "this", "that"} or c.tag_ == "PRP$")
                    for c in t.children)
            if not (pron or desc):
                continue
            ent = self._salient_product_before(t, issuers)
            if ent is not None and ent not in out:
                out.append(ent)
        return out[:1]

    def _salient_product_before(self, tok: Token, exclude: list[Entity]) -> Entity | None:
        """The product a description or pronoun at ``tok`` stands for: of the products named
        in its block before it and in the three blocks before, the one the article names
        most (the nearest on a tie); a product named where something is found or put
        ("from the app store", "on a platform") is a place here, not a candidate."""
        counts: Counter = Counter(m.entity for ms in self.mentions for m in ms
                                  if m.entity is not None and m.entity.family == "Product")
        cands: list[Entity] = []
        for b in range(self.block, max(-1, self.block - 4), -1):
            doc = self.docs[b]
            for m in reversed(self.mentions[b]):
                if m.entity is None or m.entity.family != "Product" or m.entity in exclude:
                    continue
                if b == self.block and m.start >= tok.i:
                    continue
                root = doc[m.start:m.end].root
                while root.dep_ == "conj" and root.head != root:
                    root = root.head
                if root.dep_ == "pobj" and root.head.lower_ in {"from", "on", "in", "via", "through", "onto"}:
                    continue
                if m.entity not in cands:
                    cands.append(m.entity)
        return max(cands, key=lambda e: (counts[e], -cands.index(e))) if cands else None

    def _restricted_things(self, toks: list[Token]) -> list[Entity]:
        """Products named in a policy clause. A company named where a product
        belongs ("banned DeepSeek", "use of A, B and Perplexity") stands for its
        product: a product entity with the company's label and its own IRI."""
        out: list[Entity] = []
        for t in toks:
            m = self.mention_at(t)
            if m is None or m.entity is None or t.i != m.end - 1:
                continue
            ent = m.entity
            if ent.family != "Product" and (ent.kind == "Company" and (self._object_slot(t) or self._maker_slot(t)
                                                                       and not self._names_product(toks))
                                            or self._conjoined_with_product(t)):
                if t.dep_ == "poss" and t.head.lemma_.lower() not in self.lex["policy"]["use_nouns"]:
                    # "X's chatbot": the product X makes, resolved at article level
                    self._maker_named.add((f"{ent.key} product", self.block, t.sent.start))
                ent = self.implicit(ent.label, "SoftwareProduct", True, key=f"{ent.key} product")
            elif ent.family != "Product" or (t.dep_ == "poss" or any(c.tag_ == "POS" for c in t.children)) \
                    and t.head.lemma_.lower() not in self.lex["policy"]["use_nouns"]:
                continue  # "X's owner" is not X; "X's use" is
            if ent not in out:
                out.append(ent)
        return out

    def _generic_goods(self, toks: list[Token]) -> list[Entity]:
        """Unnamed goods a trade rule restricts ("exports of advanced chips", "US-made AI
        chips"): a product labelled with the noun phrase, without determiners and degree words.
        Only heads of ``policy.generic_goods`` count (chips, semiconductors, GPUs ...)."""
        heads = set(self.lex["policy"]["generic_goods"])
        drop = {"det", "predet", "nummod", "quantmod", "poss", "prep", "relcl", "acl", "punct", "cc", "conj", "appos"}
        out: list[Entity] = []
        for t in toks:
            if t.pos_ != "NOUN" or t.lower_ not in heads or t.dep_ == "compound":
                continue
            words = sorted(self._modifiers(t), key=lambda d: d.i)
            while words and (words[0].lower_ in {"more", "most", "less", "all", "some", "such"} or words[0].is_punct):
                words = words[1:]
            if len(words) < 2:
                continue  # a bare "chips" names nothing
            label = "".join(d.text_with_ws for d in words).strip()
            ent = self.implicit(label, "SoftwareProduct", False)  # a description, not a name (no cq08 row)
            if ent not in out:
                out.append(ent)
        return out

    @staticmethod
    def _modifiers(head: Token) -> list[Token]:
        """``head`` and the modifiers before it (adjectives, compounds, hyphenated parts), recursively."""
        out = [head]
        for c in head.children:
            if c.i < head.i and c.tag_ != "VBG" and (c.dep_ in {"amod", "compound", "nmod", "npadvmod", "advmod"}
                                                     or c.text == "-"):
                out += ArticleReader._modifiers(c)
        return out

    def _names_product(self, toks: list[Token]) -> bool:
        """True when the tokens name a product ("the Claude-like tool from X" names one)."""
        return any((m := self.mention_at(t)) is not None and m.entity is not None and m.entity.family == "Product"
                   for t in toks)

    def _maker_slot(self, tok: Token) -> bool:
        """True for a company named as the maker of the thing restricted: "services
        provided by X", "technology from X", "X's app", "apps developed by X"."""
        things = set(self.lex["policy"]["product_nouns"])
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in things and tok.head.i > tok.i:
            return True  # "the X chatbot", "the X app"
        node = tok
        while node.dep_ in {"conj", "appos", "compound"} and node.head != node:
            node = node.head
        if node.dep_ == "poss":  # "X's app", "prohibited X's use"
            return node.head.lemma_.lower() in things | set(self.lex["policy"]["use_nouns"])
        uses = set(self.lex["policy"]["use_nouns"])
        if node.dep_ == "pobj" and node.head.lower_ in {"by", "from"}:
            head = node.head.head
            if head.pos_ == "VERB" and head.lemma_ in uses | {"download", "install", "buy", "purchase"}:
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

    def _object_slot(self, tok: Token) -> bool:
        """True for a name in the slot of the thing restricted: an object, a
        passive subject, or the object of "of"/"on"/"against"/"including"."""
        node = tok
        while node.dep_ in {"conj", "appos"} and node.head != node:
            node = node.head
        if node.dep_ in {"dobj", "nsubjpass"}:
            return True
        return node.dep_ == "pobj" and node.head.lower_ in {"of", "on", "against", "including", "like", "as"}

    def _seat_of_organization(self, tok: Token) -> bool:
        """True for a place that says where an organization sits ("a company based in X")."""
        seat = set(self.lex["location"]["seat_verbs"])
        return any(a.lemma_ in seat and a.dep_ in {"acl", "relcl", "amod"} for a in tok.ancestors)

    def _locative(self, tok: Token) -> bool:
        """True for a place in a locative phrase: "in X", "users from X", "X's agencies"."""
        node = tok
        while node.dep_ in {"compound", "conj", "appos"} and node.head != node:
            node = node.head
        if node.dep_ == "pobj":
            return node.head.lower_ in {"in", "within", "across", "inside", "throughout", "from", "for", "to"}
        return node.dep_ in {"poss", "compound", "nmod"} or node.dep_ == "npadvmod"

    def _under_directive(self, tok: Token) -> bool:
        """True for "stop"/"avoid" governed by a directive ("told staff to stop using")."""
        directive = set(self.lex["policy"]["directive_verbs"])
        node = tok
        for _ in range(3):
            if node.dep_ in {"xcomp", "ccomp", "conj", "pcomp"}:
                node = node.head
                if node.lemma_ in directive:
                    return True
                if node.pos_ == "NOUN" and node.lemma_ in self.lex["policy"]["policy_container_nouns"]:
                    return True
            elif node.dep_ == "acl" and node.head.lemma_ in self.lex["policy"]["policy_container_nouns"]:
                return True
            else:
                return False
        return False

    def _policy_scope_tokens(self, clause: Token, trig: Token) -> list[Token]:
        """Tokens of the policy clause, without its subject, reasons and alternatives."""
        excluded: set[int] = set()
        for c in clause.children:
            if c.dep_ in {"nsubj", "agent", "mark", "advmod"} and c.i < clause.i or c.dep_ == "agent":
                excluded.update(t.i for t in c.subtree)
            if c.dep_ in {"prep", "advcl"} and self._is_reason_marker(c):
                excluded.update(t.i for t in c.subtree)
            if c.dep_ == "advcl" and c.lemma_ in {"point", "cite", "follow"}:
                excluded.update(t.i for t in c.subtree)
            if c.dep_ in {"conj", "ccomp"} and c.lemma_ not in self.lex["policy"]["stop_verbs"]:
                excluded.update(t.i for t in c.subtree)
            if c.dep_ == "prep" and c.lower_ == "according":
                excluded.update(t.i for t in c.subtree)
        toks = [t for t in clause.subtree if t.i not in excluded]
        if trig != clause:
            toks += [t for t in trig.subtree if t.i not in excluded and t not in toks]
        return toks

    def _is_reason_marker(self, prep: Token, weak: bool = False) -> bool:
        """True for a preposition that can introduce a reason; ``weak`` also admits
        "for", "on", "out" and "as", whose object must then name a reason."""
        text = prep.lower_
        nxt = prep.nbor(1).lower_ if prep.i + 1 < len(prep.doc) else ""
        rz = self.lex["reason"]
        if weak and text in rz["weak_markers"]:
            # weak: "for security reasons", "on national security grounds", "out of concern",
            # "as a precaution" (the object must name a reason, see _reasons)
            head = prep.head
            return prep.dep_ == "prep" and (head.pos_ in {"VERB", "AUX"}
                                            or head.dep_ == "dobj" and head.head.pos_ == "VERB")
        return text in rz["markers"] or f"{text} {nxt}" in rz["marker_pairs"]

    def _is_alternative_slot(self, product: Entity, sent: Span) -> bool:
        """True when the product is named as the recommended alternative in this sentence."""
        for t in sent:
            m = self.mention_at(t)
            if m is None or m.entity is not product:
                continue
            for anc in [t, *t.ancestors]:
                if anc.lemma_ in self.lex["policy"]["alternative_verbs"] and any(
                        c.lower_ in {"instead", "rather"} for c in anc.children):
                    return True
                if anc.lemma_ in {"switch", "shift", "redirect", "steer", "migrate", "move"} and anc.pos_ == "VERB":
                    return True
                if anc.dep_ == "ROOT":
                    break
        return False

    def _scope(self, toks: list[Token]) -> list[str]:
        words = set(self.lex["policy"]["scope_nouns"])
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
            text = " ".join(x.text for x in span_toks)
            if text not in out:
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

    def coref_place(self, tok: Token) -> Entity | None:
        """Most recent Country mention before ``tok`` ("the country")."""
        for b in range(self.block, max(-1, self.block - 4), -1):
            for m in reversed(self.mentions[b]):
                if m.entity is not None and m.entity.kind == "Country" and (b < self.block or m.start < tok.i):
                    return m.entity
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

    def _reasons(self, clause: Token, sent: Span) -> list[str]:
        """Reasons attached anywhere in a policy clause (not in its subject): "due to X",
        "because of X", "amid X", "citing X", "pointing to X", "over concerns", "fearing X",
        "to prevent X" / "to protect X". Weak markers ("over", "after", "following", "for")
        count only when their object names a concern or a risk (``reason_nouns``, ``risk_words``)."""
        rz = self.lex["reason"]
        nouns = set(rz["reason_nouns"])
        risky = nouns | set(rz["risk_words"])
        strong = set(rz["strong_markers"])
        subj = {t.i for c in clause.children if c.dep_ in SUBJ for t in c.subtree}
        out: list[str] = []
        for node in clause.subtree:
            if node.i in subj:
                continue
            objs: list[tuple[Token, bool]] = []
            if node.dep_ == "prep" and self._is_reason_marker(node, weak=True) and node.head.i not in subj:
                is_strong = node.lower_ in strong
                pobj = next((d for d in node.children if d.dep_ == "pobj"), None) or \
                    next((d for d in node.subtree if d.dep_ == "pobj" and d.head.head == node), None)
                pcomp = next((d for d in node.children if d.dep_ == "pcomp" and d.pos_ == "VERB"), None)
                if pobj is not None:
                    objs.append((pobj, is_strong))
                elif pcomp is not None:  # "after learning that interns pasted drafts into it"
                    objs.append((pcomp, is_strong))
            elif node.dep_ in {"advcl", "xcomp", "acl"} and node.pos_ == "VERB" and node.i > clause.i:
                mark = next((c.lower_ for c in node.children if c.dep_ in {"mark", "prep"}), "")
                if mark in {"after", "following", "because", "since", "as"}:
                    # "after learning that interns pasted drafts into it", "because it may leak data"
                    objs.append((node, mark == "because"))
                elif (node.lemma_ in rz["verbs"] or node.lemma_ in rz["fear_verbs"]) and not (
                        node.lemma_ == "point" and any(c.dep_ == "dobj" for c in node.children)):
                    # ("pointing them to X" directs people to an alternative; it gives no reason)
                    objs += [(d, True) for d in node.children if d.dep_ in {"dobj", "ccomp"}]
                    objs += [(p, True) for d in node.children if d.dep_ == "prep" for p in d.children
                             if p.dep_ == "pobj"]
                elif node.lemma_ in rz["protect_verbs"] and any(c.lower_ == "to" and c.dep_ == "aux"
                                                                 for c in node.children):
                    text = phrase_verb_clause(node)
                    if text and text not in out:
                        out.append(text)
            for o, is_strong in objs:
                for x in conjuncts(o):
                    words = {t.lemma_.lower() for t in x.subtree} | {t.lower_ for t in x.subtree}
                    clause_ = x.pos_ in {"VERB", "AUX"}
                    risks = set(rz["risk_words"]) if clause_ else risky  # a clause must name a risk
                    if is_strong or not clause_ and (x.lemma_ in nouns or x.lower_ in nouns) or words & risks:
                        text = phrase_verb_clause(x) if clause_ else phrase(x)
                        if text and text not in out and text.lower() not in nouns:  # not a bare "worries"
                            out.append(text)
        return out

    def _sentence_reason(self, sent: Span) -> None:
        """Reasons stated about an earlier policy: "The ban follows concerns over X",
        "X played a role in the decision", "X drive policy", "a response to X"."""
        rz = self.lex["reason"]
        nouns = set(rz["reason_nouns"])
        anaphors = set(self.lex["policy"]["policy_anaphors"])
        found: list[str] = []
        clauses = [sent.root] + [t for t in sent if t != sent.root and t.pos_ in {"VERB", "AUX"}
                                 and any(c.dep_ in SUBJ and c.lemma_ in anaphors for c in t.children)]
        for root in clauses:
            found += self._reason_clause(root, nouns, anaphors)
        for text in found:
            self.emit("reason", {"heading": self.article.blocks[self.block].heading}, reason=[text])
        self._cited_reasons(sent)
        self._concern_reasons(sent)
        self._justification(sent)
        self._listed_reasons(sent)

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
        words = set(self.lex["reason"]["concern_words"])
        for tok in sent:
            if tok.lemma_.lower() not in words or tok.pos_ not in {"VERB", "ADJ"}:
                continue
            verb = tok.head if tok.dep_ == "acomp" else tok  # "is concerned" (tagged ADJ or VERB)
            subj = self._clause_subject(verb)
            if subj is None:
                continue
            issuer = self.entity_at(subj, {"Organization"}, subject_first=True)
            roles: dict = {"issuer": issuer}
            if issuer is None:
                # "the regulator said it was concerned about X": an unnamed issuer speaks
                # of the policy stated just before
                govt = set(self.lex["policy"]["government_nouns"]) | set(self.lex["policy"]["body_nouns"])
                if not (subj.pos_ == "PRON" and subj.lower_ in {"it", "they", "we"}
                        or subj.lemma_.lower() in govt | {"company", "firm", "bank"}):
                    continue
                roles = {"issuer": None, "near": True}
            for c in tok.children:
                text = ""
                if c.dep_ == "ccomp":
                    text = phrase_verb_clause(c)
                elif c.dep_ == "prep" and c.lower_ in {"about", "over", "by"}:
                    text = phrase(c, max_words=24)
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
        containers = set(self.lex["policy"]["policy_container_nouns"]) | set(self.lex["policy"]["policy_anaphors"])
        node = verb
        for _ in range(7):
            subj = self._clause_subject(node)
            if subj is not None:
                if subj.lemma_ in containers:
                    return True, None
                ent = self.entity_at(subj, {"Organization"}, subject_first=True)
                if ent is not None:
                    return True, ent
            if node.dep_ in {"advcl", "conj", "xcomp", "acl", "ccomp", "pobj", "prep", "dobj", "relcl"} \
                    and node.head != node:
                node = node.head
            else:
                break
        return False, None

    def _cited_reasons(self, sent: Span) -> None:
        """"citing X", "the notice cites X as the main reason", "pointed to X as the reason"."""
        rz = self.lex["reason"]
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_ not in rz["verbs"]:
                continue
            objs: list[Token] = []
            for c in tok.children:
                if c.dep_ == "dobj" and tok.lemma_ == "cite":
                    objs.append(c)
                if c.dep_ == "prep" and c.lower_ == "to" and tok.lemma_ == "point" and \
                        not any(d.dep_ == "dobj" for d in tok.children):  # "points staff to X" directs
                    objs += [p for p in c.children if p.dep_ == "pobj"]
            if not objs:
                continue
            about, issuer = self._issuer_or_container(tok)
            as_reason = any(t.lower_ in rz["reason_words"] for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                            for t in c.subtree)
            # "the company's president cited security concerns": a person speaks for the nearest policy
            person = not about and self._person_speaker(tok)
            if not (about or as_reason or person):
                continue
            for o in objs:
                # "cited security concerns and worries that X": the coordinated reasons as one phrase
                for x in [o] if o.dep_ == "dobj" else conjuncts(o):
                    text = phrase(x, max_words=24, drop_preps=frozenset({"as"}))
                    text = re.split(r",?\s+as (?:the|a|an|its|their) (?:\w+ )?(?:reason|cause|justification)", text)[0]
                    roles = {"issuer": issuer, "near": True} if person else {"issuer": issuer}
                    self.emit("reason", roles, reason=[text])

    def _justification(self, sent: Span) -> None:
        """"The ministry said the apps transmit data across borders in ways that could
        endanger security": a statement by an issuer, next to its policy, that names a risk."""
        rz = self.lex["reason"]
        risk = set(rz["risk_words"])
        policy_words = set(self.lex["policy"]["ban"] + self.lex["policy"]["restriction"])
        # the root ("the ministry said ..."), or a reporting verb hung on the clause that
        # announces the policy ("announced the ban on Friday, stating that ...")
        verbs = [t for t in sent if t.lemma_ in self.lex["reporting_verbs"] and t.pos_ == "VERB"
                 and (t == sent.root or t.dep_ in {"advcl", "conj", "xcomp"} and t.tag_ in {"VBG", "VBD", "VBZ"})]
        for verb in verbs:
            for c in verb.children:
                if c.dep_ != "ccomp" or not any(t.lemma_ in risk or t.lower_ in risk for t in c.subtree):
                    continue
                if any(t.lemma_ in policy_words for t in c.subtree):
                    continue  # a policy statement, read by sentence_policy
                about, issuer = self._issuer_or_container(verb)
                if issuer is None and not self._person_speaker(verb) and not self._body_speaker(verb):
                    continue
                text = phrase_verb_clause(c)
                if text:
                    # a person's statement ("the governor said") refines the nearest policy before it
                    self.emit("reason", {"issuer": issuer, "near": True}, reason=[text])

    def _body_speaker(self, verb: Token) -> bool:
        """True when the subject of a reporting verb, or of the clause it hangs on
        ("announced the ban, stating that ..."), is a government organ named by description
        ("the digital ministry", "the regulator")."""
        govt = set(self.lex["policy"]["government_nouns"]) | set(self.lex["policy"]["body_nouns"])
        node = verb
        for _ in range(3):
            subj = self._clause_subject(node)
            if subj is not None:
                return subj.lemma_.lower() in govt and subj.tag_ == "NN"
            if node.dep_ not in {"advcl", "conj", "xcomp"} or node.head == node:
                return False
            node = node.head
        return False

    def _person_speaker(self, verb: Token) -> bool:
        """True when a reporting verb's subject is a person or a spokesperson-like noun."""
        subj = self._clause_subject(verb)
        if subj is None:
            return False
        if subj.lemma_.lower() in self.lex["attribution"]["spokes_nouns"]:
            return True
        m = self.mention_at(subj)
        return m is not None and m.entity is not None and m.entity.family == "Person"

    def _reason_clause(self, root: Token, nouns: set[str], anaphors: set[str]) -> list[str]:
        rz = self.lex["reason"]
        subj = self._clause_subject(root)
        found: list[str] = []
        if subj is not None and subj.lemma_ in anaphors:
            follows = root.lemma_ in rz["follow_verbs"]
            if True:
                # "the ban follows X", "the decision comes after X"; any verb of the policy with
                # "after"/"because"/"amid": "the decision was taken after officials found that ..."
                risky = nouns | set(rz["risk_words"])
                findings = {"find", "discover", "learn", "reveal", "conclude", "determine"}
                preps = {"after", "amid", "over", "following", "because", "due"} | ({"from"} if follows else set())
                marks = {"after", "because", "since"} | ({"as"} if follows else set())
                for c in root.children:
                    cands = [c] if c.dep_ == "dobj" and follows else \
                        [p for p in c.subtree if p.dep_ in {"pobj", "pcomp"} and p.head == c
                         or p.dep_ == "pobj" and p.head.head == c and c.lower_ in {"because", "due"}] \
                        if c.dep_ == "prep" and c.lower_ in preps else []
                    clause = c.dep_ == "advcl" and any(m.lower_ in marks for m in c.children if m.dep_ == "mark")
                    if clause:
                        cands.append(c)  # "the move comes after regulators found that ..."
                    for o in cands:
                        # "the ban follows advice that ...", "the decision comes after reports of
                        # security concerns": what a policy follows is its reason when it names one;
                        # an event clause ("after officials found that ...") always is
                        for x in conjuncts(o):
                            words = {t.lemma_.lower() for t in x.subtree} | {t.lower_ for t in x.subtree}
                            # a noun phrase must name a concern ("reports of security concerns"); an
                            # event clause a risk or a finding ("after regulators found that ...")
                            if words & nouns and not (clause and x is c) or \
                                    clause and x is c and words & (set(rz["risk_words"]) | findings):
                                found.append(phrase_verb_clause(x) if x.pos_ in {"VERB", "AUX"}
                                             else phrase(x, max_words=20))
            if root.lemma_ == "be":
                for c in root.children:
                    if c.dep_ == "attr" and c.lemma_ in rz["response_nouns"]:
                        for p in c.children:
                            if p.dep_ == "prep" and p.lower_ == "to":
                                found += [phrase(o) for o in p.children if o.dep_ == "pobj"]
        if root.lemma_ in {"play"} and subj is not None:
            for c in root.children:
                if c.dep_ == "dobj" and c.lemma_ in rz["role_phrase"]:
                    found += [phrase(x) for x in conjuncts(subj) if x.lemma_ in nouns]
        if root.lemma_ in rz["drive_verbs"] and subj is not None and subj.dep_ == "nsubjpass" \
                and subj.lemma_ in anaphors:
            # "the decision was driven by its duty to protect customer data and by ..."
            for agent in [root, *[c for c in root.children if c.dep_ == "conj"]]:
                for c in agent.children:
                    if c.dep_ == "agent":
                        for by in [c, *c.conjuncts]:
                            found += [phrase(o, max_words=14) for p in by.children
                                      if p.dep_ == "pobj" for o in conjuncts(p)]
        if root.lemma_ in rz["drive_verbs"] and subj is not None:
            if any(c.dep_ == "dobj" and c.lemma_ in anaphors for c in root.children):
                found += [phrase(x) for x in conjuncts(subj) if x.lemma_ in nouns]
        return found

    def _sentence_alternative(self, sent: Span) -> None:
        """"staff were directed to use X instead", "switch to X", "adopt X instead of Y"."""
        pol = self.lex["policy"]
        alt_verbs, governors = set(pol["alternative_verbs"]), set(pol["alternative_governors"])
        for tok in sent:
            if tok.pos_ != "VERB":
                continue
            if tok.head.lemma_ in self.lex["policy"]["stop_verbs"] or tok.head.lemma_ in self.lex["policy"]["ban"]:
                continue
            instead = any(c.lower_ in {"instead", "rather"} for c in [*tok.children, *tok.head.children])
            gov = tok.lemma_ in governors or (tok.dep_ in {"xcomp", "ccomp", "advcl"} and tok.head.lemma_ in governors)
            toward = tok.lemma_ in governors and any(c.dep_ == "prep" and c.lower_ in {"to", "toward", "towards"}
                                                     for c in tok.children)
            designated = tok.lemma_ in pol["alternative_designators"] and self._designated_as(tok)
            if not ((tok.lemma_ in alt_verbs and (instead or gov)) or toward or designated
                    or tok.lemma_ in {"switch", "shift", "redirect", "steer", "migrate"}):
                continue
            if tok.lemma_ in self.lex["policy"]["stop_verbs"]:
                continue
            objs: list[Token] = []
            restricted: list[Entity] = []
            for c in tok.children:
                if c.dep_ in {"dobj", "attr"}:
                    objs.append(c)
                elif c.dep_ == "prep":
                    if c.lower_ == "instead" or (c.lower_ == "of" and c.head.lower_ == "instead"):
                        restricted += self.entities_in(c.subtree, {"Product"})
                        continue
                    for p in c.children:
                        if p.dep_ == "pobj":
                            objs.append(p)
                        if p.dep_ == "prep" and p.lower_ == "of":
                            restricted += self.entities_in(p.subtree, {"Product"})
            alts: list[Entity] = []
            for o in objs:
                for x in conjuncts(o):
                    e = self.entity_at(x, {"Product"})
                    if e is None:
                        for c in x.children:
                            if c.dep_ == "appos":
                                e = self.entity_at(c, {"Product"})
                    if e is not None and e not in restricted:
                        alts.append(e)
            for alt in alts:
                issuer = self.agent_of(tok, {"Organization"})
                self.emit("alternative", {"issuer": issuer, "restricted": restricted[0] if restricted else None,
                                          "alternative": alt})

    def _designated_as(self, verb: Token) -> bool:
        """True for "names X as the recommended assistant", "X is the approved tool"."""
        adjs = set(self.lex["policy"]["alternative_adjectives"])
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                for p in c.children:
                    if p.dep_ == "pobj" and any(a.lower_ in adjs for a in p.children if a.dep_ in {"amod", "compound"}):
                        return True
        return False

    # ----------------------------------------------------------- allegation
    def sentence_allegation(self, sent: Span) -> None:
        """"X accused Y of Z", "X alleged that Y ...", "X's accusations that Y ...",
        "allegations from X that Y ...", and to whom they were addressed."""
        al = self.lex["allegation"]
        practices = al["practices"]
        agents = {"Organization", "Person"}
        for tok in sent:
            accuser = accused = None
            clause: Token | None = None
            if tok.pos_ == "VERB" and tok.lemma_ in al["verbs"]:
                accuser = self.agent_of(tok, agents, depth=1)
                if tok.lemma_ in {"accuse", "charge"}:
                    for c in tok.children:
                        if c.dep_ in {"dobj", "nsubjpass"}:
                            accused = self._np_entity(c, agents)
                        if c.dep_ == "prep" and c.lower_ in {"of", "with"}:
                            clause = c
                else:
                    for c in tok.children:
                        if c.dep_ == "ccomp":
                            clause = c
                            s = self._clause_subject(c)
                            accused = self._np_entity(s, agents) if s is not None else None
            elif tok.pos_ == "VERB" and tok.lemma_ in al["report_verbs"]:
                # "X told customers that Y copied its model", "X said accounts run by Y
                # sent prompts designed to extract ...": a report whose clause names a practice
                accuser = self.agent_of(tok, agents, depth=1)
                if accuser is not None and accuser.kind == "NewsOrganization":
                    continue
                for c in tok.children:
                    strong = {k: v for k, v in practices.items() if k in al["report_practices"]}
                    if c.dep_ == "ccomp" and self._practices([t for t in c.subtree if t.dep_ != "compound"], strong):
                        subjects = sorted((x for x in c.children if x.dep_ in SUBJ),
                                          key=lambda x: self.mention_at(x) is None)
                        if subjects:
                            clause, accused = c, self._np_entity(subjects[0], agents)
                if clause is None:
                    continue
            elif tok.pos_ == "NOUN" and tok.lemma_ in al["nouns"] and tok.lemma_ != "charge":
                for c in tok.children:
                    if c.dep_ in {"poss", "compound"}:
                        accuser = accuser or self.entity_at(c, agents)
                    if c.dep_ == "prep" and c.lower_ in {"from", "by"}:
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
            if accuser is None or accused is None or accuser is accused:
                continue
            scope = list(clause.subtree) if clause is not None else []
            found = self._practices(scope, practices)
            if not found and tok.lemma_ in {"allege", "claim", "allegation", "claim"}:
                continue
            practice = found or ([phrase(clause)] if clause is not None else [])
            targets = [e for t in scope if (m := self.mention_at(t)) is not None and (e := m.entity) is not None
                       and e.family == "Product"]
            targets = list(dict.fromkeys(targets))
            self.emit("allegation", {"accuser": accuser, "accused": accused, "target": targets},
                      practice=practice)
        self._sentence_addressee(sent)

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
        for tok in sent:
            if not ((tok.pos_ == "NOUN" and tok.lemma_ in al["addressee_nouns"]) or
                    (tok.pos_ == "VERB" and tok.lemma_ in al["addressee_verbs"])):
                continue
            preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "with"}]
            for c in tok.children:
                if c.dep_ in {"acl", "relcl"}:
                    preps += [p for p in c.children if p.dep_ == "prep" and p.lower_ == "to"]
            for p in preps:
                if p.lower_ == "with" and tok.lemma_ not in {"raise", "share", "file"}:
                    continue
                for o in p.children:
                    if o.dep_ != "pobj":
                        continue
                    ent = self.entity_at(o, {"Organization", "Person"})
                    if ent is None and o.lemma_ in set(self.lex["cue_nouns"]["GovernmentBody"]) | {"senator", "lawmaker"}:
                        label = phrase(o, drop_relcl=True, max_words=6)
                        ent = self.implicit(label, "GovernmentBody", True)
                    if ent is not None:
                        accuser = self.agent_of(tok, {"Organization", "Person"}, depth=3)
                        self.emit("addressee", {"accuser": accuser, "addressee": ent})

    # ------------------------------------------------------ data collection
    def sentence_collection(self, sent: Span) -> None:
        """What a product inspects or collects, or adds to requests, and the purpose its maker gave."""
        dc = self.lex["data_collection"]
        collect, add = set(dc["collect_verbs"]), set(dc["add_verbs"])
        for tok in sent:
            objs: list[Token] = []
            if tok.pos_ == "VERB" and tok.lemma_ in collect | add:
                carriers = set(self.lex["data_collection"]["carrier_nouns"])
                if tok.lemma_ in add and not any(c.dep_ == "prep" and c.lower_ in {"into", "to", "in"} and
                                                 any(p.lemma_ in carriers for p in c.children)
                                                 for c in tok.subtree if c.head == tok or c.head.head == tok):
                    continue
                objs = [c for c in tok.children if c.dep_ in {"dobj"}]
            elif tok.pos_ == "NOUN" and tok.lower_ in dc["check_nouns"]:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in {"on", "of"}:
                        objs += [p for p in c.children if p.dep_ == "pobj"]
            if not objs:
                continue
            product = self._product_of(tok)
            if product is None and tok.pos_ == "VERB":
                # "Google now records X for Gemini API accounts"
                product = next((e for c in tok.children if c.dep_ == "prep" and c.lower_ in {"for", "from", "on", "in"}
                                for e in self.entities_in(list(c.subtree), {"Product"})), None)
            if product is None:
                continue
            signals: list[str] = []
            for o in objs:
                for x in conjuncts(o):
                    if x.pos_ in {"NOUN", "PROPN"}:
                        signals += self._signals(x)
            if signals:
                self.emit("collection", {"product": product}, signal=signals)
        self._listed_signals(sent)
        self._sentence_purpose(sent)
        self._enabled_purposes(sent)

    def _lead_sentence(self) -> Span | None:
        """The sentence ending in ":" that introduces the current bullet, if any."""
        lead = self.list_lead.get(self.block)
        if lead is None:
            return None
        sents = list(self.docs[lead].sents)
        return sents[-1] if sents else None

    def _listed_signals(self, sent: Span) -> None:
        """"every request carries:" followed by bullets: each bullet names a signal."""
        lead = self._lead_sentence()
        if lead is None or sent.root.pos_ not in {"NOUN", "PROPN"}:
            return
        dc = self.lex["data_collection"]
        verbs = set(dc["collect_verbs"]) | set(dc["add_verbs"]) | set(dc["list_verbs"])
        verb = next((t for t in reversed(lead) if t.pos_ == "VERB" and t.lemma_ in verbs
                     and not any(c.dep_ == "dobj" for c in t.children)), None)
        if verb is None:
            return
        here = self.block
        self.block = self.list_lead[here]
        product = self._product_of(verb) or self.salient(verb, "Product")
        self.block = here
        if product is None:
            return
        signals = [p for x in conjuncts(sent.root) for p in self._signals(x)]
        if signals:
            self.emit("collection", {"product": product}, signal=signals)

    def _signals(self, tok: Token) -> list[str]:
        dc = self.lex["data_collection"]
        if tok.lower_ in dc["not_signals"] or tok.pos_ == "PRON" or self.mention_at(tok) \
                or tok.lemma_ in dc["feature_nouns"]:
            return []  # "included experimental mechanisms": a feature, not data
        items: list[str] = []
        for d in tok.subtree:
            if d.dep_ == "prep" and d.lower_ in {"including", "like"} or (d.lower_ == "as" and d.nbor(-1).lower_ == "such"):
                for p in d.children:
                    if p.dep_ == "pobj":
                        items += [phrase(x) for x in conjuncts(p)]
        for c in tok.children:
            # "the contents of user prompts, device model information and IP address"
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and [x for x in p.conjuncts if x.i > p.i]:
                        items += [phrase(x) for x in conjuncts(p)]
        if tok.lemma_ in dc["generic_heads"] or tok.lower_ in dc["generic_heads"]:
            keep = any(c.dep_ == "prep" and c.lower_ in {"of", "about", "on", "from"} or c.dep_ == "compound"
                       for c in tok.children)  # "data about X", "the language setting"
            head_text = phrase_without(tok, {"including", "like", "such"})
            return ([head_text] if keep and head_text else []) + items
        return [phrase_without(tok, {"including", "like", "such"})] + items

    def _product_of(self, tok: Token) -> Entity | None:
        """The product a collecting verb or feature belongs to: its subject,
        the product a feature noun is part of, or the subject higher up."""
        feature = set(self.lex["data_collection"]["feature_nouns"])
        node = tok
        for _ in range(7):
            for c in node.children:
                if c.dep_ in {"nsubj", "nsubjpass"} and c.i != tok.i:
                    e = self.entity_at(c, {"Product"})
                    if e:
                        return e
                    if c.lemma_ in feature or c.lower_ in feature:
                        e = self._feature_owner(c)
                        if e:
                            return e
            if node.pos_ == "NOUN" and (node.lemma_ in feature or node.lower_ in feature):
                e = self._feature_owner(node)
                if e:
                    return e
            if node.dep_ == "ROOT" or node.head == node:
                return None
            if node.dep_ == "ccomp" and node.head.lemma_ in self.lex["reporting_verbs"] and node.head.lemma_ not in {"disclose", "reveal"}:
                return None
            node = node.head
        return None

    def _feature_owner(self, noun: Token) -> Entity | None:
        for c in noun.children:
            if c.dep_ in {"compound", "poss", "nmod"}:
                e = self.entity_at(c, {"Product"})
                if e:
                    return e
            if c.dep_ == "prep" and c.lower_ in {"in", "within", "of", "inside"}:
                for p in c.children:
                    if p.dep_ == "pobj":
                        e = self.entity_at(p, {"Product"})
                        if e:
                            return e
        m = self.anchor_mention.get((self.block, noun.i))
        if m and m.entity.family == "Product":
            return m.entity
        if noun.pos_ == "PRON" or any(c.lower_ in {"the", "this", "that"} for c in noun.children):
            return self.coref(noun, {"Product"})
        return None

    def _sentence_purpose(self, sent: Span) -> None:
        """"the mechanism was intended to prevent X and help Y", "an experiment designed to combat X"."""
        intent = set(self.lex["purpose"]["intent_verbs"])
        dc = self.lex["data_collection"]
        function_verbs = set(dc["collect_verbs"]) | set(dc["add_verbs"])
        feature = set(dc["feature_nouns"]) - {"tool", "software", "app", "application", "system", "update", "version", "code"}
        for tok in sent:
            if tok.lemma_ not in intent or tok.pos_ not in {"VERB", "ADJ"}:
                continue
            goals: list[Token] = []
            for c in tok.children:
                if c.dep_ == "xcomp" and c.pos_ == "VERB":
                    goals.append(c)
                if c.dep_ == "prep" and c.lower_ in {"at", "to"}:
                    goals += [p for p in c.children if p.dep_ in {"pcomp", "pobj"} and p.pos_ == "VERB"]
            goals = [g for c in goals for g in conjuncts(c)]
            goals = [g for g in goals if g.lemma_ not in function_verbs]
            if not goals:
                continue
            holder = None
            if tok.dep_ in {"acl", "amod"}:
                holder = tok.head
            else:
                holder = next((c for c in tok.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
            if holder is None:
                continue
            product = self.entity_at(holder, {"Product"})
            if product is None:
                if not (holder.lemma_ in feature or holder.lower_ in feature):
                    continue
                product = self._feature_owner(holder) or self._product_of(holder)
            if product is None:
                product = self._article_collection_product()
            if product is None:
                continue
            purposes = [phrase_verb(g) for g in goals]
            speaker = self._speaker(tok)
            self.emit("collection", {"product": product, "stated_by": speaker}, purpose=purposes)

    def _enabled_purposes(self, sent: Span) -> None:
        """Purposes given for collected data: "the identifier lets the company detect
        shared accounts", "the time zone is used to route requests", "the flag helps
        Lumora spot automated traffic", "for the purpose of service quality"."""
        pz = self.lex["purpose"]
        if not any(o.kind == "collection" for o in self.observations):
            return  # purposes are read only where the article reports collected data
        for tok in sent:
            goals: list[Token] = []
            texts: list[str] = []
            if tok.pos_ == "VERB" and tok.lemma_ in pz["enable_verbs"]:
                subj = self._clause_subject(tok)
                if subj is None or subj.pos_ == "PRON" and subj.lower_ not in {"it", "this", "they"} \
                        or subj.dep_ == "nsubjpass" or subj.lower_ in self.lex["staff_nouns"]:
                    continue
                ent = self.entity_at(subj, {"Organization", "Person"})
                if ent is not None or subj.lemma_ in self.lex["staff_nouns"]:
                    continue  # "Lumora lets customers ...": not a feature's purpose
                for c in tok.children:
                    if c.dep_ in {"ccomp", "xcomp"} and c.pos_ == "VERB":
                        goals.append(c)
            elif tok.lemma_ == "use" and tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children):
                subj = self._clause_subject(tok)
                if subj is not None and self._is_signal_word(subj):
                    goals += [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            elif tok.lower_ == "purpose" and tok.head.lower_ == "for":
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        texts += [phrase(p) for p in c.children if p.dep_ == "pobj" for p in conjuncts(p)]
            goals = [g for c in goals for g in conjuncts(c)]
            texts += [phrase_verb(g) for g in goals]
            texts = [t for t in texts if t]
            if texts:
                self.emit("collection", {"product": self._article_collection_product(),
                                         "stated_by": self._speaker(tok)}, purpose=texts)

    def _is_signal_word(self, noun: Token) -> bool:
        """True for a noun naming collected data: a generic data word or a word of
        a signal already read in this article ("the time zone")."""
        dc = self.lex["data_collection"]
        if noun.lemma_ in dc["generic_heads"] or noun.lemma_ in dc["feature_nouns"]:
            return True
        words = {w.lower() for o in self.observations if o.kind == "collection"
                 for sig in o.attrs.get("signal", []) for w in sig.split()}
        return noun.lower_ in words

    def _article_collection_product(self) -> Entity | None:
        products = Counter(o.roles["product"] for o in self.observations if o.kind == "collection")
        return products.most_common(1)[0][0] if products else None

    def _speaker(self, tok: Token) -> Entity | None:
        """Who said the sentence: the subject of a reporting verb above ``tok``,
        an organization named inside it ("an Acme employee"), else the
        speaker of the sentence before."""
        reporting = set(self.lex["reporting_verbs"])
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
        if subj.lemma_ in {"employee", "spokesperson", "spokesman", "spokeswoman", "executive", "official", "representative"}:
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
    def sentence_nonresponse(self, sent: Span) -> None:
        """"X did not respond to requests for comment", "X declined to comment on Y",
        "X has yet to address Y", "X remained silent on Y", "X refrained from Y"."""
        nr = self.lex["non_response"]
        respond, decline = set(nr["respond_verbs"]), set(nr["decline_verbs"])
        for tok in sent:
            verb = None
            matter_from: Token | None = None
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
            if verb is None:
                continue
            parties = [p for p in self._parties(verb) if p.kind != "NewsOrganization"]
            if not parties:
                continue  # ("Reuters could not confirm the report": the reporter, not a party)
            matters = self._matters(matter_from) if matter_from is not None else []
            if not matters:
                word = (matter_from or tok).lemma_
                matters = ["comment" if word in {"comment", "decline", "respond", "reply", "return"} else word]
            for party in parties:
                for matter in matters:
                    self.emit("nonresponse", {"party": party}, matter=[matter])

    def _negated(self, tok: Token) -> bool:
        node = tok
        for _ in range(3):
            if any(c.dep_ == "neg" or c.lower_ in {"never"} for c in node.children):
                return True
            if any(c.lower_ == "yet" for c in node.children) and node != tok:
                return True
            subj = self._clause_subject(node)
            if subj is not None and any(c.lower_ in {"neither", "nor"} for c in [*subj.children, subj]):
                return True
            if node.dep_ not in {"xcomp", "conj"}:
                return False
            node = node.head
        return False

    def _parties(self, verb: Token) -> list[Entity]:
        node = verb
        for _ in range(3):
            subj = self._clause_subject(node)
            if subj is not None:
                out = []
                for t in conjuncts(subj):
                    e = self.entity_at(t, {"Organization", "Person"}, subject_first=False)
                    if e is not None and e not in out:
                        out.append(e)
                return out
            if node.dep_ not in {"xcomp", "conj", "advcl"}:
                return []
            node = node.head
        return []

    def _matters(self, tok: Token) -> list[str]:
        out: list[str] = []
        for c in tok.children:
            objs = []
            if c.dep_ == "dobj":
                objs = [c]
            elif c.dep_ == "prep" and c.lower_ in {"to", "on", "about", "regarding", "over"}:
                objs = [p for p in c.children if p.dep_ == "pobj"]
            for o in objs:
                if o.pos_ == "PRON":
                    text = self._pronoun_matter(o)
                else:
                    text = phrase(o, drop_relcl=True, max_words=12)
                if text:
                    out.append(text)
            if c.dep_ == "xcomp":
                out += self._matters(c)
            if c.dep_ in {"ccomp", "advcl"} and c.i > tok.i and any(
                    d.lower_ in {"whether", "if", "why", "how", "what", "when", "where", "which", "who"}
                    and d.i < c.i for d in c.subtree):
                # "did not address whether engineers need approval", "declined to say how many ..."
                text = phrase_verb_clause(c, max_words=14)
                if text:
                    out.append(text)
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

    # -------------------------------------------------------- article level
    def link_article_level(self) -> None:
        """Attach article-level observations to the facts they refine: reasons and
        alternatives to the article's main policy, addressees to the allegation,
        and a product to access restrictions that name none."""
        obs = self.observations
        developed: Counter = Counter()
        for o in obs:
            if o.kind == "development":
                developed[(o.roles["developer"], o.roles["product"])] += 1
        mention_count: Counter = Counter(m.entity for ms in self.mentions for m in ms if m.entity is not None)
        policies = [o for o in obs if o.kind == "policy"]
        for o in policies:
            product, issuer = o.roles["product"], o.roles["issuer"]
            if product is not None and product.key.endswith(" product"):
                # a company named where its product belongs ("OpenAI's chatbot"): the product
                # the article says it makes, when there is one; never the issuer's own name
                maker = product.key[: -len(" product")]
                if maker == issuer.key:
                    o.kind = "dropped"
                    continue
                made = [p for (d, p) in developed if d.key == maker and p is not issuer]
                if (product.key, *self._obs_sent[id(o)]) in self._maker_named:
                    if made:
                        o.roles["product"] = max(made, key=lambda p: (mention_count[p], p.label))
                    elif not self.kb.names_product_after(product.label):
                        o.kind = "dropped"  # "Acme's chatbot" when nothing says which one it is
                        continue
            if o.roles["product"] is None:
                issuer = o.roles["issuer"]
                own = [p for (d, p) in developed if d is issuer]
                # "access has been limited", "blocked the app": the issuer's own product, else the
                # product the article is about (the most mentioned one); never a made-up "X services"
                products = [e for e in mention_count if e.family == "Product" and e is not issuer]
                stated = Counter(p.roles["product"] for p in policies if p.roles["product"] is not None)
                if own:
                    o.roles["product"] = max(own, key=lambda p: (mention_count[p], p.label))
                elif stated:  # the product the article's other policies restrict
                    o.roles["product"] = max(stated, key=lambda p: (stated[p], mention_count[p], p.label))
                elif products:
                    o.roles["product"] = max(products, key=lambda p: (mention_count[p], p.label))
                else:
                    o.kind = "dropped"
        policies = [o for o in policies if o.kind == "policy"]
        for o in [o for o in obs if o.kind == "extension"]:
            before = [p for p in policies if p.start <= o.start and 0 <= o.start - p.start < 900
                      and p.roles["product"] is not o.roles["product"]]
            if not before:
                o.kind = "dropped"
                continue
            last = max(before, key=lambda p: p.start)
            o.kind = "policy"
            o.roles = {"issuer": last.roles["issuer"], "product": o.roles["product"], "region": list(last.roles["region"])}
            o.attrs = {"type": list(last.attrs.get("type", [])), "scope": list(last.attrs.get("scope", []))}
            policies.append(o)
        # a company named for its product makes that product ("banned Lumora": Lumora's product)
        by_key = {m.entity.key: m.entity for ms in self.mentions for m in ms if m.entity is not None}
        for o in policies:
            product = o.roles["product"]
            maker = by_key.get(product.key[: -len(" product")]) if product.key.endswith(" product") else None
            if maker is not None and maker.kind == "Company":
                self.observations.append(Observation("development", {"developer": maker, "product": product},
                                                     {}, o.article, o.start, o.end, o.certainty, o.attributed_to))
        weights = Counter()
        for o in policies:
            weights[(o.roles["issuer"], o.roles["product"])] += 2 if "ban" in o.attrs.get("type", []) else 1
        main = weights.most_common(1)[0][0] if weights else None
        issuers = {k[0] for k in weights}
        for o in [o for o in obs if o.kind == "reason"]:
            # a reason belongs to every policy of its issuer: the one named, else
            # the issuer of the nearest policy stated before it
            issuer = o.roles.get("issuer")
            if issuer is not None and issuer not in issuers:
                # a government body speaking next to its country's policy speaks for it
                # ("the Ministry of Digital Affairs said ..." after "Taiwan banned ...")
                if o.roles.get("near") and issuer.kind != "GovernmentBody":
                    o.kind = "dropped"
                    continue
                issuer = None
            if issuer is None and not o.roles.get("heading"):
                before = [p for p in policies if p.start <= o.start]
                issuer = max(before, key=lambda p: p.start).roles["issuer"] if before else None
            if issuer is None:
                issuer = main[0] if main else None  # a section title speaks of the article's main policy
            if o.roles.get("near") and not any(p.roles["issuer"] is issuer and 0 <= o.start - p.start < 900
                                               for p in policies):
                issuer = None
            keys = [k for k in weights if k[0] is issuer]
            if o.roles.get("every"):
                keys = list(weights)
            if not keys:
                o.kind = "dropped"
                continue
            o.kind = "policy"
            o.roles = {"issuer": keys[0][0], "product": keys[0][1], "region": []}
            o.attrs = {"reason": o.attrs["reason"]}
            for k in keys[1:]:
                self.observations.append(Observation("policy", {"issuer": k[0], "product": k[1], "region": []},
                                                     {"reason": o.attrs["reason"]}, o.article, o.start, o.end,
                                                     o.certainty))
        obs = self.observations
        for o in [o for o in obs if o.kind == "alternative"]:
            alt, issuer, restricted = o.roles["alternative"], o.roles["issuer"], o.roles["restricted"]
            if issuer is None:
                makers = [d for (d, p) in developed if p is alt]
                issuer = makers[0] if makers else None
            # the restricted product if named; else every product the issuer
            # restricted before this sentence (the nearest issuer when none is named)
            if issuer is None:
                before = [p for p in policies if p.start <= o.start and p.roles["product"] is not alt]
                issuer = max(before, key=lambda p: p.start).roles["issuer"] if before else main[0] if main else None
            targets: list = []
            for p in policies:
                key = (p.roles["issuer"], p.roles["product"])
                if key[0] is issuer and (restricted is None or key[1] is restricted) and key[1] is not alt \
                        and key not in targets:
                    targets.append(key)
            if not targets:
                o.kind = "dropped"
                continue
            o.kind = "policy"
            o.roles = {"issuer": targets[0][0], "product": targets[0][1], "region": [], "alternative": [alt]}
            o.attrs = {}
            for key in targets[1:]:
                self.observations.append(Observation("policy", {"issuer": key[0], "product": key[1], "region": [],
                                                                "alternative": [alt]}, {}, o.article, o.start,
                                                     o.end, o.certainty))
        allegations = Counter((o.roles["accuser"], o.roles["accused"]) for o in obs if o.kind == "allegation")
        for o in [o for o in obs if o.kind == "addressee"]:
            cands = [k for k in allegations if o.roles["accuser"] in (None, k[0])]
            if not cands:
                o.kind = "dropped"
                continue
            key = max(cands, key=lambda k: allegations[k])
            o.kind = "allegation"
            o.roles = {"accuser": key[0], "accused": key[1], "target": [], "addressed_to": [o.roles["addressee"]]}
            o.attrs = {}
        self.observations = [o for o in obs if o.kind != "dropped"]


def phrase_without(tok: Token, markers: set[str]) -> str:
    """Like :func:`phrase` but cut before an "including"/"such as"/"like" list."""
    skip: set[int] = set()
    for d in tok.subtree:
        if d.lower_ in markers and d.i > tok.i:
            skip.update(x.i for x in d.subtree)
            if d.lower_ == "such":
                skip.update(x.i for x in d.head.subtree if x.i > d.i)
    for c in tok.children:
        if c.dep_ in {"conj", "cc", "appos", "relcl", "acl"} or (c.dep_ == "punct" and c.i > tok.i):
            skip.update(x.i for x in c.subtree)
    toks = [t for t in tok.subtree if t.i not in skip]
    while toks and (toks[0].pos_ in {"DET", "PUNCT", "NUM"} or toks[0].tag_ == "PRP$" or toks[0].lower_ in {"such", "other"}):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in {"CCONJ", "ADP", "ADJ"} and toks[-1].lower_ == "such"):
        toks = toks[:-1]
    return join_tokens(toks).strip(" ,;:")


def phrase_verb_clause(verb: Token, max_words: int = 20) -> str:
    """A whole clause without its complementizer: "both services transmit data across borders"."""
    toks = [t for t in verb.subtree if not (t.dep_ == "mark" and t.head == verb)]
    toks = toks[:max_words]
    return join_tokens(toks).strip(" ,;:\"'“”")


def phrase_verb(verb: Token) -> str:
    """A verb phrase without its coordinated siblings and subject: "prevent account abuse by resellers"."""
    skip: set[int] = set()
    for c in verb.children:
        if c.dep_ in {"conj", "cc", "nsubj", "aux", "mark"} or (c.dep_ == "punct"):
            skip.update(x.i for x in c.subtree)
    toks = [t for t in verb.subtree if t.i not in skip and t.i >= verb.i]
    return join_tokens(toks).strip(" ,;:\"'“”")
