"""Entity mentions: detection, typing from context, linking and simple coreference.

A *mention* is a span of tokens in one parsed block that names an entity. kg
collects candidate spans from three sources (spaCy's NER, runs of proper
nouns, and the knowledge base's names), cleans them ("the", possessive "'s",
nationality adjectives), and types them by votes: the knowledge base, cue
nouns in the parse ("the coding platform, X", "tech giant X", "X model"),
name suffixes ("Labs", "Ministry") and, weakest, the NER label. Mentions merge
into one entity per :func:`kg.nlp.kb.merge_key` across the whole corpus.

Token offsets are spaCy token indices in the block's ``Doc``; character offsets
are 0-based and end-exclusive.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import ADJ as _ADJ
from spacy.parts_of_speech import ADP as _ADP
from spacy.parts_of_speech import CCONJ as _CCONJ
from spacy.parts_of_speech import DET as _DET
from spacy.parts_of_speech import NOUN as _NOUN
from spacy.parts_of_speech import PROPN as _PROPN
from spacy.parts_of_speech import PUNCT as _PUNCT
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, IS_UPPER, LEMMA, LOWER, ORTH, POS, SPACY
from spacy.tokens import Doc, Span, Token

from .kb import KnowledgeBase, merge_key, normalize
from ..resources import lexicon

#: Top-level kinds used by facts and competency questions.
ORG_KINDS = {"Company", "GovernmentBody", "NewsOrganization", "Organization"}
PRODUCT_KINDS = {"SoftwareProduct", "AIModel"}
PLACE_KINDS = {"Country", "Place"}
AGENT_KINDS = ORG_KINDS | {"Person"}
POSSESSIVE = {"'s", "’s", "‘s", "'", "’", "‘"}

#: entity labels of the English model that mark an amount ("5 million euros"); labels, not words
QUANTITY_TYPES = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})
W_KB, W_CUE, W_CUE_MOD, W_SUFFIX, W_NER, W_ROLE, W_PLACE = 10.0, 4.0, 2.0, 3.0, 1.0, 1.5, 3.5


#: kind -> family, for the kinds :func:`top_kind` maps to another name (read by ``Entity.family``)
_FAMILY = {**{k: "Organization" for k in ORG_KINDS}, **{k: "Product" for k in PRODUCT_KINDS},
           **{k: "Place" for k in PLACE_KINDS}}


def top_kind(kind: str) -> str:
    """Map a specific kind to its family: Organization, Product, Place or Person."""
    if kind in ORG_KINDS:
        return "Organization"
    if kind in PRODUCT_KINDS:
        return "Product"
    if kind in PLACE_KINDS:
        return "Place"
    return kind


@dataclass(eq=False)
class Mention:
    """A mention of an entity in one block.

    Attributes:
        block: index of the block (and of its ``Doc``) in the article.
        start, end: token span in the block's Doc (end-exclusive).
        text: the cleaned surface form.
        key: merge key of the surface form (see :func:`kg.nlp.kb.merge_key`).
        heading: True when the block is a headline or section title.
        votes: kind -> weight collected from this mention's context.
        strong: True when something besides NER supports the mention.
        entity: the resolved :class:`Entity` (set by :func:`resolve_entities`).
    """

    block: int
    start: int
    end: int
    text: str
    key: str
    heading: bool
    votes: Counter = field(default_factory=Counter)
    strong: bool = False
    ner: bool = False
    entity: "Entity | None" = None
    #: True when the knowledge base knows the name.
    known: bool = False
    #: True when a title stood before the name ("Gov. Dana Whitfield"): a person.
    titled: bool = False
    #: The merge key of the name this mention abbreviates, when it stands in brackets
    #: right after it ("Kestrel Media Corp. (KMC)"); "" otherwise.
    alias_of: str = ""
    #: The legal form written right after a known organization's name ("Corp." of "Acme
    #: Corp."): part of the mention's span and text, not of the surface that labels its entity.
    form: str = ""


@dataclass(eq=False)
class Entity:
    """An entity of the corpus: one IRI, one label, one kind.

    Attributes:
        key: merge key; the IRI is minted from it.
        label: preferred label: the form most of its articles use most (for a knowledge-base
            entity its canonical name on a tie; never a lone acronym of a longer name).
        kind: most specific kind, one of :data:`kg.nlp.kb.KINDS`.
        wikidata: Q-identifier from the knowledge base, or "".
        surfaces: surface forms seen, with counts.
        articles: identifiers of the articles that mention it.
        implicit: True for entities kg created without a named mention.
    """

    key: str
    label: str = ""
    kind: str = ""
    wikidata: str = ""
    surfaces: Counter = field(default_factory=Counter)
    articles: set = field(default_factory=set)
    votes: Counter = field(default_factory=Counter)
    implicit: bool = False

    @property
    def family(self) -> str:
        """Top-level kind (Organization, Product, Place, Person)."""
        return _FAMILY.get(self.kind, self.kind)


class MentionFinder:
    """Finds and types entity mentions in parsed blocks.

    Args:
        nlp: the spaCy pipeline (its vocab builds the phrase matcher).
        kb: the knowledge base.
    """

    def __init__(self, nlp, kb: KnowledgeBase):
        self.kb = kb
        lex = lexicon()
        self.cues = {kind: set(words) for kind, words in lex["cue_nouns"].items()}
        self.all_cues = frozenset().union(*self.cues.values())
        self.naming = set(lex["naming_verbs"])
        self.suffixes = {kind: set(words) for kind, words in lex["name_suffixes"].items()}
        self.not_names = {normalize(w) for w in lex["not_names"]}
        self.document_heads = set(lex["document_heads"])
        self.district_heads = frozenset(lex["district_heads"])
        self.document_prefixes = set(lex["document_prefixes"])
        self.ner_kind = lex["ner_labels"]
        self.agentive = set(lex["agentive_verbs"])  # (verbs whose subject is most often an organization)
        self.agentive_any = self.agentive | set(lex["shared_agentive_verbs"])  # (... or a person as often)
        self.news_verbs = frozenset(lex["news_verbs"])  # ("X reported that ...": a news organization)
        self.staff = set(lex["staff_nouns"])
        self.restrictive = set(lex["policy"]["ban"]) | set(lex["policy"]["restriction"])
        self.restrictive_nouns = set(lex["policy"]["ban_nouns"]) | set(lex["policy"]["restriction_nouns"])
        self.use_verbs = set(lex["policy"]["use_verbs"])
        self.launch_verbs = frozenset(lex["launch_verbs"])  # ("Acme launched X": X is a product)
        #: ("fined X 5 million euros": X is a party; forms, as the lemmatizer reads "fined" as "fin")
        self.penalty_verbs = frozenset(lex["penalty_verbs"])
        self.organization_parts = frozenset(lex["organization_parts"])  # ("Acme's board": Acme is an organization)
        self.making_nouns = frozenset(lex["making_nouns"])  # ("the maker of X": X is a product)
        self.use_nouns = set(lex["policy"]["use_nouns"])
        self.removal_verbs = frozenset(lex["policy"]["removal_verbs"])
        self.store_nouns = frozenset(lex["policy"]["store_nouns"])
        self.policy_words = self.use_nouns | self.restrictive_nouns | self.restrictive | self.use_verbs
        self.titles = {normalize(w) for w in lex.get("person_titles", [])}
        self.name_particles = frozenset(lex["name_particles"])
        self.former_name_cues = frozenset(lex["former_name_cues"])
        self.former_name_words = frozenset(lex["former_name_words"])
        self.office_nouns = frozenset(lex["office_nouns"])
        self.locative_preps = frozenset(lex["locative_preps"])
        self.portfolio_preps = frozenset(lex["portfolio_preps"])  # ("Secretary of Commerce X")
        self.title_mods = {normalize(w) for w in lex.get("title_modifiers", [])}
        self.post_title_mods = {normalize(w) for w in lex.get("post_title_modifiers", [])}
        self.all_suffixes = set().union(*self.suffixes.values())
        self.firm_suffixes = frozenset(lex["firm_suffixes"])
        self.legal_forms = frozenset(lex["legal_forms"])
        self.government_name_words = frozenset(lex["government_name_words"])
        #: legal forms written before a company's name ("PT Acme Abadi", "PJSC Acme"; lower case)
        self.firm_prefixes = frozenset(lex["firm_prefixes"])
        self.bare_institutions = frozenset(lex["bare_institutions"])
        self.institution_suffixes = frozenset().union(
            *(w for k, w in self.suffixes.items() if k in {"Organization", "GovernmentBody"}))
        self.org_suffixes = frozenset().union(*(w for k, w in self.suffixes.items() if k in ORG_KINDS))
        self.merge_suffixes = lexicon()["merge_suffixes"]
        self.based_words = lexicon()["location"]["based_words"]
        self.capitalized_adjectives = lex["capitalized_adjectives"]
        #: nouns of products and models: a name before one names a product ("the X chatbot")
        self.product_cues = frozenset(self.cues["SoftwareProduct"] | self.cues["AIModel"])
        self._titled: set[tuple[int, int]] = set()
        #: (word, two words, lemma, modifier) -> kind: a memo of :meth:`_cue_kind`
        self._cue_kinds: dict[tuple[str, str, str, bool], str | None] = {}
        #: the block being read and its tokens as one list (made once per block: a walk of the
        #: ``Doc`` or an index into it makes a new token object every time)
        self._doc: Doc | None = None
        self._toks: list[Token] = []
        #: id of a Doc of the article being read -> its string columns (see _columns)
        self._doc_columns: dict[int, tuple] = {}
        #: the columns of the block read last (a hit without the look-up by id)
        self._block_columns: tuple | None = None
        self.matcher = _kb_matcher(nlp, kb)

    # -- candidate spans -------------------------------------------------
    def add_repeated_names(self, docs: list[Doc], mentions: list[list[Mention]], headings: list[bool]) -> None:
        """Mention again a name the article already names, where the model missed it: the same
        words, capitalized, outside any mention and not inside a longer capitalized run
        ("Quillnote collects ...", a sentence's first word tagged as a common noun, after
        "launched Quillnote"). Only names with support besides the model's entity tags (known
        to the knowledge base, or with a cue, suffix, title or role) are repeated; the new
        mention adds no votes and no support of its own, only the place.

        Args:
            docs: one parsed block per ``Doc`` of one article.
            mentions: the mentions per block, aligned with ``docs``; changed in place (each
                block's list stays in text order).
            headings: whether each block is a headline or section title.
        """
        names: dict[tuple[str, ...], Mention] = {}
        for b, ms in enumerate(mentions):
            texts = self._columns(docs[b])[1]
            for m in ms:
                words = tuple(texts[m.start:m.end])
                if (m.known or m.strong) and 0 < len(words) <= 4 and words[0][:1].isupper() and not m.alias_of:
                    names.setdefault(words, m)
        if not names:
            return
        firsts = {w[0] for w in names}
        for b, doc in enumerate(docs):
            texts = self._columns(doc)[1]
            taken = {i for m in mentions[b] for i in range(m.start, m.end)}
            added: list[Mention] = []
            n = len(texts)
            for i, text in enumerate(texts):
                if text not in firsts or i in taken:
                    continue
                for words, m in names.items():
                    end = i + len(words)
                    if words[0] != text or end > n or tuple(texts[i:end]) != words \
                            or any(k in taken for k in range(i, end)):
                        continue
                    if end < n and texts[end][:1].isupper() or i > 0 and texts[i - 1][:1].isupper() \
                            and texts[i - 1].isalpha() and not doc[i].is_sent_start:
                        continue  # (a word of a longer capitalized run: another name)
                    added.append(Mention(b, i, end, m.text, m.key, headings[b], known=m.known))
                    taken.update(range(i, end))
                    break
            if added:
                mentions[b][:] = sorted(mentions[b] + added, key=lambda x: x.start)

    def drop_common_phrases(self, docs: list[Doc], mentions: list[list[Mention]]) -> None:
        """Take the model's support from title-case phrases of common words: a mention of one
        capitalized word or of two or more words that only the model found (not in the
        knowledge base, no cue, suffix or title) and whose every word the same article also
        writes in lower case ("Content", "Customer Data", "Privacy Principles" in a section
        title or a button label) is no name.

        Args:
            docs: one parsed block per ``Doc`` of one article.
            mentions: the mentions per block, aligned with ``docs``; changed in place
                (``Mention.ner`` is set to False).
        """
        lower: set[int] | None = None  # (hashes of lower-case words, made when a mention needs them)
        documents = self._document_acronyms(docs)
        if documents:
            # "the Kestrian Privacy Protection Act (KPPA)" ... "under the KPPA": a law's
            # acronym names a document, as its long name does
            for ms in mentions:
                ms[:] = [m for m in ms if m.known or m.text not in documents]
        for ms in mentions:
            for m in ms:
                if m.known or m.strong or not m.ner:
                    continue
                words = [w for w in m.text.split() if w[:1].isalpha()]
                if not words or len(words) < 2 and not (words[0].isalpha() and words[0][1:].islower()):
                    continue  # (one word only when written like a common word: "Content", not "GFE")
                if lower is None:
                    lower = set().union(*(self._columns(doc)[3] for doc in docs))
                    strings = docs[0].vocab.strings
                if all(w[:1].isupper() and strings[w.lower()] in lower for w in words):
                    m.ner = False
        self._doc_columns.clear()  # (the article is read: its blocks' columns are needed no more)
        self._block_columns = None

    def _title_offices(self, doc: Doc) -> list[Span]:
        """Bodies named after an office holder: a capitalized run ending in a person title, "'s"
        and an ``office_nouns`` word ("the State Prosecutor's Office", "the Governor's Office"),
        with a following "for/of the <Capitalized ...>" ("... for the Eastern Region of
        Kestria")."""
        out: list[Span] = []
        n = len(doc)
        toks = self._tokens(doc)
        for t in (toks[i] for i, low in enumerate(self._lowers(doc)) if low in _POSSESSIVE_FORMS):
            if t.i < 1 or t.i + 1 >= n or doc[t.i + 1].lower_ not in self.office_nouns \
                    or not doc[t.i + 1].text[:1].isupper() or normalize(doc[t.i - 1].text) not in self.titles:
                continue
            start = t.i - 1
            while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in {"PROPN", "NOUN", "ADJ"}:
                start -= 1
            end = t.i + 2
            if end + 1 < n and doc[end].lower_ in {"for", "of"}:
                k = end + 1 + (doc[end + 1].lower_ == "the")
                stop = k
                while stop < n and (doc[stop].text[:1].isupper() or doc[stop].lower_ == "of"
                                    and stop + 1 < n and doc[stop + 1].text[:1].isupper()):
                    stop += 1
                if stop > k:
                    end = stop
            out.append(doc[start:end])
        return out

    def _portfolio_bodies(self, doc: Doc) -> list[Span]:
        """A body named for several portfolios: "Department of Farms, Fisheries and Forests",
        "Ministry of Science, Technology and Innovation" (a government body word, "of", then
        capitalized words joined by commas and a final "and" or "&") as one span."""
        out: list[Span] = []
        heads = self.suffixes["GovernmentBody"]
        n = len(doc)
        toks = self._tokens(doc)
        for t in (toks[i] for i, low in enumerate(self._lowers(doc)) if low in heads):
            if not t.text[:1].isupper() or t.i + 2 >= n or doc[t.i + 1].lower_ != "of":
                continue
            k, commas, joined = t.i + 2, 0, False
            while k < n:
                if doc[k].text[:1].isupper() and doc[k].is_alpha:
                    k += 1
                    continue
                if doc[k].text == "," and k + 1 < n and doc[k + 1].text[:1].isupper() and not joined:
                    commas += 1
                    k += 1
                    continue
                if (doc[k].lower_ == "and" or doc[k].text == "&") and k + 1 < n and doc[k + 1].text[:1].isupper() \
                        and not joined:
                    joined = True
                    k += 1
                    continue
                break
            if commas and joined and doc[k - 1].text[:1].isupper():
                start = t.i
                while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN" \
                        and not self.kb.is_place(doc[start - 1].text):
                    start -= 1
                out.append(doc[start:k])
        return out

    def _firm_names(self, doc: Doc) -> list[Span]:
        """A partnership's name that lists its partners and ends in its legal form ("Lind,
        Okafor, Brandt and Hale P.C.", "Varnel & Stone LLP"): capitalized words
        joined by commas, "and" or "&" up to a ``firm_suffixes`` word, as one span."""
        out: list[Span] = []
        toks = self._tokens(doc)
        suffixes = self.firm_suffixes
        for t in (toks[i] for i, low in enumerate(self._lowers(doc)) if low in suffixes):
            if t.i == 0:
                continue
            start = t.i
            k = t.i - 1
            while k >= 0:
                if doc[k].lower_ in self.firm_suffixes:
                    # ("A LLP and B P.C.": two firms)
                    start = min(t.i, next((x.i for x in doc[k + 1:t.i] if x.text[:1].isupper()), t.i))
                    break
                if doc[k].text[:1].isupper() and doc[k].is_alpha:
                    start = k
                elif doc[k].text in {",", "&"} or doc[k].lower_ == "and":
                    if k == 0 or not doc[k - 1].text[:1].isupper():
                        break
                else:
                    break
                k -= 1
            if start < t.i and any(x.text in {",", "&"} or x.lower_ == "and" for x in doc[start:t.i]):
                out.append(doc[start:t.i + 1])
        return out

    def _document_acronyms(self, docs: list[Doc]) -> set[str]:
        """The acronyms of the laws and documents an article names: the initials of a run of
        two or more capitalized words ending in a ``document_heads`` word ("General Data
        Protection Act" -> "KPPA"), and the capitals in brackets right after one."""
        out: set[str] = set()
        heads = self.document_heads
        for doc in docs:
            n = len(doc)
            texts, lowers = self._columns(doc)[1:3]  # (without making token objects)
            upper = [t[:1].isupper() for t in texts]
            i = 0
            while i < n:
                if not upper[i]:
                    i += 1
                    continue
                j = i
                while j < n and (upper[j] or lowers[j] in {"of", "and", "on", "for"}
                                 and j + 1 < n and upper[j + 1]):
                    j += 1
                if j - i >= 2 and lowers[j - 1] in heads:
                    acr = initials(doc[i:j].text)
                    if len(acr) >= 2:
                        out.add(acr)
                    if j + 2 < n and texts[j] == "(" and texts[j + 2] == ")" and texts[j + 1].isupper():
                        out.add(texts[j + 1])
                i = max(j, i + 1)
        return out

    def find(self, doc: Doc, block: int, heading: bool) -> list[Mention]:
        """Mentions in one parsed block, non-overlapping, in text order."""
        self._titled = set()
        toks = self._tokens(doc)
        kb_spans = [doc[s:e] for _, s, e in self.matcher(doc)]
        kb_spans = _longest_first(kb_spans)
        kb_spans = [s for s in kb_spans if not self._inside_name(s)]
        formed = set()  # (spans of known names extended by the legal form after them)
        for k, s in enumerate(kb_spans):
            kb_spans[k] = self._with_legal_form(s)
            if kb_spans[k].end > s.end:
                formed.add((s.start, s.end + 1))
        chosen: list[tuple[Span, bool, str | None]] = [(s, True, None) for s in kb_spans]
        covered = {i for s in kb_spans for i in range(s.start, s.end)}
        others: list[tuple[Span, str | None]] = []
        for ent in doc.ents:
            if ent.label_ not in self.ner_kind or self.ner_kind[ent.label_] is None:
                continue
            for piece in self._clean(ent):
                others.append((piece, ent.label_))
        cols = self._columns(doc)
        for run in _propn_runs(doc, cols[1], cols[5]):
            inside = [(s, lab) for s, lab in others if s.start >= run.start and s.end <= run.end]
            if any(s.start < run.end and s.end > run.start for s, _ in others if (s, _) not in inside):
                continue
            if inside and all(s.start == run.start and s.end == run.end for s, _ in inside):
                continue
            label = inside[0][1] if inside else None
            others = [o for o in others if o not in inside]
            for piece in self._clean(run):
                others.append((piece, label))
        for tok in self._brand_adjectives(doc, toks, cols):
            if not any(s.start <= tok.i < s.end for s, _ in others):
                others.append((doc[tok.i:tok.i + 1], None))
        others = self._join_of_and(doc, others)
        offices = self._title_offices(doc) + self._firm_names(doc) + self._portfolio_bodies(doc)
        for office in offices:
            # "the State Prosecutor's Office for the Eastern Region of Kestria": one body, not a
            # title and a district
            others = [(s, lab) for s, lab in others if s.end <= office.start or s.start >= office.end]
            chosen = [c for c in chosen if c[0].end <= office.start or c[0].start >= office.end]
            covered = {i for c in chosen for i in range(c[0].start, c[0].end)}
            others.append((office, "ORG"))
        for span, label in others:
            if covered.isdisjoint(range(span.start, span.end)):
                chosen.append((span, False, label))
                continue
            in_span = toks[span.start:span.end]
            rest = [t for t in in_span if t.i not in covered]
            arm = [c for c in chosen if c[1] and c[0].start >= span.start and c[0].end <= span.end]
            if self._national_arm(span, [c[0] for c in arm]) and self.kb.lookup(span.text) is None:
                for c in arm:  # "Acme Kestria": the firm's national arm, one name
                    chosen.remove(c)
                    covered -= set(range(c[0].start, c[0].end))
                chosen.append((span, False, label))
                covered |= set(range(span.start, span.end))
                continue
            if all(self._filler(t) for t in rest):
                continue  # the KB spans already name it
            if all(t.i in covered or t.pos_ == "PROPN" or t.is_title or t.text == "&"
                   or t.lower_ == "of" and self._school_of(in_span)
                   or t.lower_ == "and" and span[-1].lower_ in self.all_suffixes for t in in_span):
                # a longer name containing known ones ("Acme Code" around "Acme"; "the Kestria
                # Roads and Transport Bureau" around the place, a body joined by _join_of_and)
                kb_inside = [c for c in chosen if c[1] and c[0].start >= span.start and c[0].end <= span.end]
                # (not across "&": "Candy Crush & Twitter" lists a known name after another one)
                amp = any(toks[c[0].start - 1].text == "&" or c[0].end < len(toks) and toks[c[0].end].text == "&"
                          for c in kb_inside if c[0].start > 0)
                if len(kb_inside) == 1 and self.kb.lookup(span.text) is None and not amp:
                    chosen.remove(kb_inside[0])
                    covered -= set(range(kb_inside[0][0].start, kb_inside[0][0].end))
                    chosen.append((span, False, label))
                    covered |= set(range(span.start, span.end))
        mentions = []
        office_spans = {(o.start, o.end) for o in offices}
        for span, from_kb, label in sorted(chosen, key=lambda c: c[0].start):
            m = self._mention(span, block, heading, from_kb, label)
            if m is not None and (span.start, span.end) in formed and m.text.endswith(span[-1].text):
                m.form = span[-1].text
            if m is not None:
                if (span.start, span.end) in office_spans:
                    # an office holder's office is a public body; a partnership, a company
                    m.votes["Company" if span[-1].lower_ in self.firm_suffixes else "GovernmentBody"] += W_CUE
                    # (and a body named for its portfolios is one too)
                    m.strong = True
                mentions.append(m)
        # "Acme, Inc.", "Acme, S.A.": a legal form after a comma ends the name before it; it names
        # nothing by itself
        # ("Acme (Private) Ltd.": the parse leaves the form after the bracket alone; it names
        # nothing either, but "SA" alone may be a place)
        mentions = [m for k, m in enumerate(mentions) if not (
            k > 0 and m.start == mentions[k - 1].end + 1 and toks[m.start - 1].text == ","
            and m.text.lower() in self.legal_forms
            or m.start > 0 and toks[m.start - 1].text == ")" and m.text.lower() in self.legal_forms and not m.known)]
        for long, short in zip(mentions, mentions[1:]):
            # "Kestrel Media Corp. (KMC)": an acronym in brackets right after a name of two
            # words or more is that name's alias in this article
            if short.start == long.end + 1 and short.end + 1 <= len(doc) and toks[long.end].text == "(" \
                    and short.end < len(doc) and toks[short.end].text == ")" and len(long.text.split()) >= 2 \
                    and re.fullmatch(r"[A-Z][A-Za-z]{1,7}", short.text) and sum(c.isupper() for c in short.text) >= 2 \
                    and not short.known:
                short.alias_of = long.key
        for now, before in zip(mentions, mentions[1:]):
            # "X (formerly Y)", "X, previously known as Y": the former name is X in this article
            between = toks[now.end:before.start]
            if len(between) >= 2 and between[0].text in {"(", ","} and between[1].lower_ in self.former_name_cues \
                    and all(t.lower_ in self.former_name_words for t in between[2:]):
                before.alias_of = now.key
        return mentions

    def _brand_adjectives(self, doc: Doc, toks: list[Token], cols: tuple) -> list[Token]:
        """Capitalized words the tagger read as adjectives right before a product noun, in running
        text: "blocked the Quorble chatbot", "the Quorble messaging app" (an unknown name the
        model tags ``JJ``). Not a sentence's first word (nor a quote's, after punctuation), not
        after another capitalized word (a title-case headline: "Kestria Blocks Popular
        Chatbot"), not a demonym ("the Kestrian app", known or tagged ``NORP``) nor a
        ``capitalized_adjectives`` word; the words between it and the noun are lower case.
        ``cols``: the block's columns (:meth:`_columns`). Returns the tokens, in text order."""
        texts, lowers = cols[1], cols[2]
        pos = cols[5][2]
        candidates = [i for i, p in enumerate(pos) if p == _ADJ and texts[i][:1].isupper()]
        if not candidates:
            return []  # (most blocks: no capitalized adjective)
        found = []
        for i in candidates:
            tok = toks[i]
            sent = tok.sent
            if i == sent.start or not tok.is_title or tok.dep_ not in {"amod", "compound", "nmod"} \
                    or tok.ent_type_ not in {"", "ORG", "PRODUCT", "WORK_OF_ART"}:
                continue  # (a nationality the model tags NORP, "the Kestrian app", is no brand)
            head = tok.head
            if head.i <= i or head.pos not in (_NOUN, _PROPN) or lowers[head.i] not in self.product_cues \
                    and head.lemma_.lower() not in self.product_cues:
                continue
            before = toks[i - 1]
            if before.is_punct and before.text != ",":
                continue  # ("Public chatbots are ...": a quoted sentence's first word)
            if (before.is_title or before.is_upper and before.is_alpha) and before.pos != _DET \
                    or not all(t.is_lower for t in toks[i + 1:head.i]):
                continue
            if lowers[i] in self.capitalized_adjectives or lowers[i] in self.not_names \
                    or self.kb.is_demonym(texts[i]) or self.kb.lookup(texts[i]) is not None:
                continue
            words = [t for t in toks[sent.start:sent.end] if t.is_alpha]
            if sum(t.is_title for t in words) * 2 > len(words):
                continue  # (a title-case line)
            found.append(tok)
        return found

    @staticmethod
    def dateline_place(mentions: list[Mention]) -> None:
        """Type the mentions of a dateline's place block (``Block.dateline``: "BUFFALO —",
        "LINCOLN, Nebraska —") as places, in place: the position names a place even when the name
        is also a given name or a common word that the gazetteer leaves out ("Lincoln",
        "Buffalo"). The mention is then no headline's (it names the place the story is from).

        Args:
            mentions: the mentions :meth:`find` returned for the block.
        """
        for m in mentions:
            if m.known and not m.votes.keys() & {"Country", "Place"}:
                continue  # (a name the knowledge base knows as something else keeps its kind)
            m.votes = Counter({"Place": W_PLACE})
            m.strong = True
            m.heading = False

    def _common_noun_acronym(self, span: Span) -> bool:
        """True for an acronym in brackets right after a lower-case common noun that names no
        kind of organization ("content provenance data (CPD)", "an operating permit
        (TDP)"): the term's short form. After a cue noun ("the data protection authority
        (ANPD)", ``cue_nouns``) it may be a body's name, and it stays."""
        doc = span.doc
        if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
            return False
        before = doc[span.start - 2]
        return before.is_lower and before.is_alpha and before.pos_ == "NOUN" and before.lemma_.lower() not in self.all_cues

    def _school_of(self, toks: list[Token]) -> bool:
        """True for an institution named "<suffix> of <place>" ("the University of Kestria", "Kestria
        Institute of Technology", "the Central Bank of Kestria", "the Times of Kestria"): the word
        before its first "of" is an organization's name suffix (``name_suffixes`` of the
        organization kinds), so a known place inside it stays part of the name."""
        words = [t for t in toks if t.pos_ != "DET"]
        of = next((i for i, t in enumerate(words) if t.lower_ == "of"), None)
        return of is not None and 1 <= of < len(words) - 1 and words[of - 1].lower_ in self.org_suffixes

    def _national_arm(self, span: Span, known: list[Span]) -> bool:
        """True when a name is a known organization's name followed by a country's ("Acme
        Kestria", "Acme Holdings Kestria"): the firm's national arm, one name. ``known`` are the
        knowledge-base matches inside ``span``."""
        if len(known) != 2 or known[0].start != span.start or known[1].end != span.end \
                or known[0].end != known[1].start:
            return False
        return self.kb.country_of_arm(span.text) is not None

    def _tokens(self, doc: Doc) -> list[Token]:
        """The tokens of ``doc`` as one list, made once for the block being read."""
        if self._doc is not doc:
            self._doc, self._toks = doc, list(doc)
        return self._toks

    def _lowers(self, doc: Doc) -> list[str]:
        """The lower-case forms of ``doc``'s tokens (``Token.lower_``), as one list aligned with
        it (:meth:`_columns`)."""
        return self._columns(doc)[2]

    def _columns(self, doc: Doc) -> tuple:
        """``doc``, its tokens' texts and lower-case forms (lists aligned with it), the hashes
        (``StringStore`` keys) of the lower-case forms of its tokens written in lower case and
        alphabetic, whether each token is followed by a space (``SPACY``, 1 or 0), its
        tokens' ``ORTH``, ``IS_PUNCT``, ``POS``, ``IS_UPPER`` and ``IS_ALPHA`` columns (a tuple of
        lists, for :func:`_propn_runs`) and its ``LEMMA`` column (for :meth:`block_columns`):
        read from the Doc's array once per block, for :meth:`find` and then
        :meth:`drop_common_phrases` (no token objects or strings are made for the hashes: a word
        is tested by ``vocab.strings[word]``, its hash)."""
        hit = self._block_columns
        if hit is not None and hit[0] is doc:
            return hit  # (the block being read: no look-up by id)
        hit = self._doc_columns.get(id(doc))
        if hit is not None and hit[0] is doc:
            self._block_columns = hit
            return hit
        if len(self._doc_columns) >= 256:
            self._doc_columns.clear()  # (bounded, for callers that never drop common phrases)
        orths, lowers, is_lower, is_alpha, spaces, is_punct, pos, is_upper, lemmas = \
            doc.to_array([ORTH, LOWER, IS_LOWER, IS_ALPHA, SPACY, IS_PUNCT, POS, IS_UPPER, LEMMA]).T.tolist() \
            if len(doc) else ([], [], [], [], [], [], [], [], [])
        strings = doc.vocab.strings
        hit = self._doc_columns[id(doc)] = (doc, hash_strings(orths, strings), hash_strings(lowers, strings),
                                            {h for h, low, alpha in zip(lowers, is_lower, is_alpha) if low and alpha},
                                            spaces, (orths, is_punct, pos, is_upper, is_alpha), lemmas)
        self._block_columns = hit
        return hit

    def block_columns(self, doc: Doc) -> tuple[list[Token], list[int], list[str], list[str]]:
        """What :meth:`find` read of ``doc``, for the frame readers to reuse
        (:class:`kg.extract.facts.ArticleReader`'s ``prepared``): its tokens as one list, its
        tokens' ``LEMMA`` hashes, texts and lower-case forms (lists aligned with ``doc``).
        Called right after :meth:`find` on the same ``doc``, it makes no token object."""
        cols = self._columns(doc)
        return self._tokens(doc), cols[6], cols[1], cols[2]

    def _text(self, span: Span) -> str:
        """``span.text``, joined from the block's columns (:meth:`_columns`): the words and the
        spaces between them, without the last word's (no token object is made)."""
        start, end = span.start, span.end
        if end <= start:
            return ""
        cols = self._columns(span.doc)
        texts, spaces = cols[1], cols[4]
        return "".join([texts[i] + " " if spaces[i] else texts[i] for i in range(start, end - 1)]) + texts[end - 1]

    def _join_of_and(self, doc: Doc, spans: list[tuple[Span, str | None]]) -> list[tuple[Span, str | None]]:
        """Join "Department of Health" + "and" + "Human Services" into one name: a body's name
        ("Office", "Ministry", "Department" ... "of X") continued by "and" and capitalized words;
        likewise a body ("Roads and Broadcasting Commission") or a document ("Online Safety and
        Media Act": its last word is one of ``document_heads``) named with "and"."""
        spans = sorted(spans, key=lambda sl: sl[0].start)
        out: list[tuple[Span, str | None]] = []
        for span, label in spans:
            if out:
                prev, plabel = out[-1]
                if prev.end + 1 == span.start and doc[prev.end].lower_ == "and" and len(prev) >= 3 \
                        and prev[0].lower_ in self.suffixes["GovernmentBody"] and prev[1].lower_ == "of" \
                        and all(t.text[:1].isupper() for t in span) and self.kb.lookup(span.text) is None:
                    out[-1] = (doc[prev.start:span.end], plabel or label)
                    continue
                body = self.suffixes["GovernmentBody"]
                if prev.end + 1 == span.start and doc[prev.end].lower_ == "and" and len(prev) <= 3 \
                        and span[-1].lower_ in body and prev[-1].lower_ not in body \
                        and all(t.text[:1].isupper() for t in [*prev, *span]) \
                        and self.kb.lookup(prev.text) is None and self.kb.lookup(span.text) is None:
                    # "the Kestrian Roads and Broadcasting Commission": one body's name
                    out[-1] = (doc[prev.start:span.end], plabel or label)
                    continue
                if prev.end + 1 == span.start and doc[prev.end].lower_ == "and" \
                        and span[-1].lower_ in self.document_heads and span[-1].is_title \
                        and all(t.text[:1].isupper() for t in [*prev, *span]):
                    # "the Kestria Online Safety and Media Act": one law's name (no mention)
                    out[-1] = (doc[prev.start:span.end], plabel or label)
                    continue
            out.append((span, label))
        return out

    def _inside_name(self, span: Span) -> bool:
        """True when a KB match is glued to "-based" ("China-based": a modifier, not a mention)
        or, with no space around the hyphen, to a capitalized word that is no participle
        ("X-Form": the first part of another name; but "Acme-Backed" keeps Acme)."""
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        if after is None or after.text != "-" or after.whitespace_ or doc[span.end - 1].whitespace_ \
                or span.end + 1 >= len(doc):
            return False
        nxt = doc[span.end + 1]
        return nxt.lower_ == "based" or nxt.text[:1].isupper() and nxt.is_alpha and nxt.tag_ not in {"VBN", "VBG", "VBD"} \
            and not nxt.lower_.endswith(("ed", "ing"))

    def _locative(self, span: Span) -> bool:
        """True when ``span`` is the object of a preposition of place ("headquartered in X",
        "offices near X": ``locative_preps`` in the lexicon)."""
        root = span.root
        return root.dep_ == "pobj" and root.head.lower_ in self.locative_preps

    def _with_legal_form(self, span: Span) -> Span:
        """A known organization's name with the legal form written right after it ("Acme
        Corp.", "Acme Ltd"): the form is part of the mention, which the knowledge base still
        resolves (:func:`kg.nlp.kb.merge_key` drops it), so that a clause whose subject the
        parse puts on the form ("Acme Corp. has sued ...") finds its organization. Other
        spans are returned unchanged."""
        doc = span.doc
        end = span.end
        if end >= len(doc) or doc[end].lower_ not in self.legal_forms or not doc[end].text[:1].isupper():
            return span
        entry = self.kb.lookup(span.text)
        if entry is None or entry.kind not in ORG_KINDS:
            return span
        return doc[span.start:end + 1]

    def _filler(self, tok: Token) -> bool:
        return (tok.is_punct or tok.pos_ == "DET" or tok.text in POSSESSIVE
                or tok.lower_ in self.merge_suffixes or normalize(tok.text) in self.not_names)

    def _clean(self, span: Span) -> list[Span]:
        """Strip determiners, nationality adjectives, possessives and punctuation;
        split at an inner possessive ("Acme's Widget Pro")."""
        doc = span.doc
        toks = self._tokens(doc)
        texts, lowers = self._columns(doc)[1:3]  # (words read from the columns, see _columns)
        start, end, n = span.start, span.end, len(toks)
        pieces, begin = [], start
        # (whether the KB knows the span: looked up at the first "and", "&" or comma); a
        # partnership's name ends in its legal form and lists its partners ("Lind, Okafor and
        # Brandt P.C."): one name, like one the knowledge base knows
        known = True if lowers[end - 1] in self.firm_suffixes else None
        for i in range(start, end):
            tok, text = toks[i], texts[i]
            if text in {"(", ")", "[", "]", "|", "/"} or (
                    i > begin and tok.is_title and normalize(text) == normalize(texts[i - 1])):
                pieces.append((begin, i))  # "Acme (ACM", a repeated word: a name ends here
                begin = i + (0 if tok.is_alpha else 1)
            elif i > start and (text == "," or tok.dep_ == "cc") \
                    and not (known if known is not None else (known := self.kb.lookup(self._text(span)) is not None)) \
                    and not self._inner_conjunction(tok, span):
                pieces.append((begin, i))  # "Acme and Zenith": two names, not one
                begin = i + 1
            elif text in POSSESSIVE or (tok.tag_ == "POS"):
                pieces.append((begin, i))
                begin = i + 1
            elif len(text) > 2 and text[-2:] in POSSESSIVE and i + 1 < end:
                pieces.append((begin, i + 1))  # "Acme‘s" tokenized as one word
                begin = i + 1
        pieces.append((begin, end))
        out = []
        for s, e in pieces:
            while s < e and (toks[s].pos in _LEADING_POS or toks[s].is_lower
                             or toks[s].dep_ == "mark" and e - s > 1  # ("If Acme's app ...": a subordinator)
                             or self.kb.is_demonym(texts[s]) and e - s > 1 and not self._institution_name(toks, s, e)
                             or texts[s] in POSSESSIVE
                             # ("Kestrian NGO Acme Rights": an upper-case class word before the name)
                             or e - s > 2 and toks[s].is_upper and lowers[s] in self.cues["Company"]):
                s += 1
            while e > s and (toks[e - 1].is_punct or texts[e - 1] in POSSESSIVE or toks[e - 1].tag_ == "POS"
                             or toks[e - 1].is_lower and lowers[e - 1] not in {"ai"}) \
                    and not (e - s >= 3 and toks[e - 3].is_title and self._glued_part(toks, texts, lowers, e - 2)):
                e -= 1  # (but "Ji-woo": a hyphenated given name's lower-case second part)
            while e - 1 > s and toks[e - 1].like_num and e < n and (
                    toks[e].like_num or toks[e].is_currency or toks[e].ent_type_ in QUANTITY_TYPES):
                e -= 1  # "fined Acme 5 million euros": the number begins an amount, not a version
            while e == end and e + 1 < n and self._glued_part(toks, texts, lowers, e):
                e += 2  # "Shin-ah": a hyphenated name the parse cut short
            if e > s:
                out += self._untitle(doc[s:e])
        return out

    def _glued_part(self, toks, texts, lowers, hyphen: int) -> bool:
        """True when the token at ``hyphen`` is a hyphen glued to the words on both sides and the
        word after it is a second part of a name ("Shin-ah", "Ji-woo"), not a participle or
        adjective ("Acme-owned", "Acme-based"; ``based_words``)."""
        nxt = hyphen + 1
        return 0 < hyphen and nxt < len(toks) and texts[hyphen] == "-" and not toks[hyphen - 1].whitespace_ \
            and not toks[hyphen].whitespace_ and toks[nxt].is_alpha and toks[nxt].pos_ not in {"VERB", "ADJ"} \
            and lowers[nxt] not in self.based_words

    def _institution_name(self, toks, start: int, end: int) -> bool:
        """True when ``toks[start:end]`` is a public body's or institution's name that begins with
        a nationality word ("the Kestrian National Research Centre", "the Kestrian Data Protection
        Authority", "the Kestrian Institute of Technology", "the Kestrian Army"): a later word of it is a suffix of
        ``name_suffixes.Organization`` or ``name_suffixes.GovernmentBody``, last or before "of" or
        "for", and every word is capitalized; the nationality word
        belongs to the name (a firm's "Kestrian startup Acme" does not end so)."""
        if not all(t.is_title or t.is_upper or t.lower_ in {"of", "for", "and", "&"} for t in toks[start:end]):
            return False
        if end - start == 2:  # "the Kestrian Army", "the Kestrian Parliament": a national body
            return toks[start + 1].lower_ in self.suffixes["GovernmentBody"]
        if end - start < 3:
            return False
        suffixes = self.institution_suffixes
        return any((t.lower_ in suffixes or t.lemma_.lower() in suffixes)
                   and (t.i == end - 1 or toks[t.i + 1].lower_ in {"of", "for"}) for t in toks[start + 1:end])

    def _inner_conjunction(self, tok: Token, span: Span) -> bool:
        """True when "&" or "and" joins words inside one name: "Hydro & Nuclear
        Power", "Cybersecurity and Infrastructure Security Agency" (only the last
        part ends in a name suffix such as "Agency"; not two names of two words or more that end
        in a paper's or company's suffix, "the Daily Ledger and Harbor Times"), "Data Privacy and Security Act"
        (a document's name: its last word is one of ``document_heads``, and the whole is
        then no mention)."""
        if tok.text == "&":
            return tok.i + 1 < span.end and tok.nbor(1).text[:1].isupper()
        if tok.lower_ != "and" or tok.i + 1 >= span.end or tok.i == span.start:
            return False
        suffixes = self.all_suffixes
        last, before = span[-1].lower_, tok.nbor(-1).lower_
        if last in self.document_heads and span[-1].is_title and tok.nbor(1).text[:1].isupper() \
                and not any(t.text == "," or t.dep_ == "cc" and t.i != tok.i for t in span):
            return True
        if tok.i - span.start >= 2 and span.end - tok.i - 1 >= 2 and tok.nbor(-1).is_title \
                and (last in self.suffixes["NewsOrganization"] or last in self.suffixes["Company"]):
            return False  # "the Daily Ledger and Harbor Times": two names of two words or more (a body,
            # "the Kestrian Roads and Broadcasting Commission", is named so)
        return last in suffixes and before not in suffixes and tok.nbor(1).text[:1].isupper() \
            and not any(t.text == "," or t.dep_ == "cc" and t.i != tok.i for t in span)

    def _untitle(self, span: Span) -> list[Span]:
        """Split a title off a name: "Acme CEO Dana Whitfield" -> "Acme" and
        "Dana Whitfield" (a person), "Texas Gov. Dana Whitfield" -> "Texas" and
        the person; a bare title ("Chief Operating Officer") is no name."""
        if len(span) < 2 or self.kb.lookup(self._text(span)) is not None:
            return [span]
        doc = span.doc
        start, end = span.start, span.end
        toks = self._tokens(doc)[start:end]  # (the span's words, from the columns: see _columns)
        texts, lowers = self._columns(doc)[1:3]
        words = texts[start:end]
        norm = [normalize(w) for w in words]
        if start >= 2 and lowers[start - 1] in self.portfolio_preps \
                and normalize(texts[start - 2]) in self.titles:
            # "Secretary of Commerce Dana Whitfield": the portfolio's words, then the name
            k = 0
            while k < len(span) - 2 and norm[k] in self.title_mods:
                k += 1
            if not k and len(span) >= 3 and all(w[:1].isupper() and w.isalpha() for w in words) \
                    and doc[end - 1].ent_type_ == "PERSON":
                k = len(span) - 2  # "Head of Global Affairs Dana Whitfield": a portfolio the list does not know
            if k and all(w[:1].isupper() for w in words[k:]):
                self._titled.add((start + k, end))
                return [span[k:]]
        last = None
        for i, (w, n) in enumerate(zip(words, norm)):
            if n in self.titles and w[:1].isupper() and (not w.isupper() or n.startswith("c")):
                last = i
        if last is None or last + 1 < len(span) and lowers[end - 1] in self.institution_suffixes:
            return [span]  # ("Kestrel General Hospital": a title word inside an institution's name)
        while last + 1 < len(span) - 1 and norm[last + 1] in self.post_title_mods:
            last += 1  # "Attorney General Dana Whitfield", "Surgeon General ...": the title goes on
        first = last
        while first > 0 and (norm[first - 1] in self.titles or norm[first - 1] in self.title_mods):
            first -= 1
        earlier = next((j for j in range(first - 1, -1, -1) if norm[j] in self.titles and words[j][:1].isupper()
                        and all(w[:1].isupper() for w in words[j:first])), None)
        if earlier is not None and first - earlier <= 2:
            first = earlier  # "Chief Business Officer": a title word the lists do not know, inside a title
            while first > 0 and (norm[first - 1] in self.titles or norm[first - 1] in self.title_mods):
                first -= 1
        name = span[last + 1:]
        if name and not all(w[:1].isupper() or t.is_punct or t.is_digit or t.lower_ in self.name_particles
                            or t.i > 0 and texts[t.i - 1] == "-" and not toks[t.i - 2].whitespace_  # ("Jong-hee")
                            for t, w in zip(toks[last + 1:], words[last + 1:])):
            return [span]  # (but "Sheikh Karim bin Tarek": lower-case particles of a name)
        if not name and any(t.is_lower for t in toks[:first]):
            return [span]
        if not name and not (end < len(doc) and lowers[end] in self.portfolio_preps):
            # "Chief Administrative Officer": every word before the title word may belong to it
            # (not "Acme Head of Sales ...": the title's portfolio follows, the name before is Acme)
            j = first
            while j > 0 and toks[j - 1].pos_ in {"PROPN", "ADJ", "NOUN"} and self.kb.lookup(words[j - 1]) is None \
                    and not self.kb.is_place(words[j - 1]) and toks[j - 1].is_title:
                j -= 1
            first = j
        out = [span[:first]] if first > 0 else []
        if name and lowers[end - 1] not in self.all_suffixes:
            entry = self.kb.lookup(self._text(name))
            if entry is None or entry.kind == "Person":
                self._titled.add((name.start, name.end))
            out.append(name)
        return out

    def _mention(self, span: Span, block: int, heading: bool, from_kb: bool, label: str | None) -> Mention | None:
        text = _POSSESSIVE_END.sub("", self._text(span))
        key_text = normalize(text)
        if not key_text or key_text in self.not_names or not any(ch.isupper() for ch in text[:1] + text):
            return None
        entry = self.kb.lookup(text)
        if len(key_text.replace(" ", "")) < 2 and entry is None:
            return None
        # (the span's words and their columns, each read once: a token attribute is a string
        # look-up and ``span[i]``, ``doc[i]`` make a new token object; see _columns)
        doc = span.doc
        start, end = span.start, span.end
        size, n = end - start, len(doc)
        toks = self._tokens(doc)
        texts, lowers = self._columns(doc)[1:3]
        first, first_lower, last = toks[start], lowers[start], lowers[end - 1]
        first_pos = first.pos
        if entry is None and size == 1 and key_text in self.all_cues and not (
                first_pos == _PROPN and start > span.sent.start and texts[start][:1].isupper()
                and key_text in self.bare_institutions and not any(c.dep_ == "det" for c in first.children)
                and lowers[start - 1] not in {"the", "this", "that", "its", "their"}):
            # "the Authority", "the Commission": a definite description, not a name; but "approved
            # by Congress", "Parliament voted": an institution named without article is its name
            return None
        if entry is None and size == 1 and key_text in self.policy_words and start == span.sent.start:
            return None  # "Use of X is banned": a sentence's first word, not a name
        if "-" in text and all(self.kb.lookup(p) for p in text.split("-") if p):
            return None  # "U.S.-China": a relation between places, not a name
        if entry is None and all(normalize(w) in self.not_names or self.kb.is_demonym(w) for w in text.split()):
            return None
        if entry is None and size == 1 and self.kb.names_people_or_language(text):
            return None  # "Kenyans", "Hausa": a nation's people or a language, no entity of a kind here
        # "Lumo Valley School District": a document head after an organization's last word ends
        # that organization's name
        org_head = size > 2 and lowers[end - 2] in self.suffixes["Organization"] and toks[end - 1].is_title \
            and last in self.district_heads
        if entry is None and not org_head and (last in self.document_heads
                                               or first_lower in self.document_prefixes and size > 1):
            return None  # laws, policies, sections and court districts are documents or places of no kind here
        if entry is None and size == 1 and first_pos == _NOUN and end < n \
                and toks[end].is_lower and normalize(texts[end]) in self.titles:
            return None  # "Digitalisation minister X", "Defence secretary X": a portfolio, not a name
        if entry is None and size == 1 and first.is_upper and self._common_noun_acronym(span):
            return None  # "content provenance data (CPD)": a term's short form, no name
        votes: Counter = Counter()
        strong = False
        titled = (start, end) in self._titled
        if entry is not None:
            votes[entry.kind] += W_KB
            strong = True
            key = merge_key(entry.name)
        else:
            key = merge_key(text)
            if titled:
                votes["Person"] += W_CUE
                strong = True
            elif size <= 4 and (label != "ORG" or self._inside_name(span) or self._locative(span)) \
                    and self.kb.is_place(text):
                votes["Place"] += W_PLACE  # (a name the model tags ORG only after "in", "near": Copenhagen)
                strong = True
        if entry is None and size >= 2 and label != "ORG" and last not in self.org_suffixes:
            maker = self.kb.lookup(texts[start])
            if maker is not None and maker.kind == "Company":
                votes["SoftwareProduct"] += W_SUFFIX  # "Acme Notes": a product named after its maker
                strong = True
        if label and self.ner_kind.get(label):
            votes[self.ner_kind[label]] += W_NER
        if size > 1:
            for kind, words in self.suffixes.items():
                if last in words:
                    votes[kind] += W_SUFFIX
                    strong = True
            if first_lower in self.firm_prefixes and first.is_upper:
                votes["Company"] += W_SUFFIX  # "PT Acme Abadi": a legal form before the name
                strong = True
        if entry is None and org_head:
            votes["Organization"] += W_SUFFIX
            strong = True
        if size > 2 and lowers[start + 1] == "of" and first_lower in self.suffixes["GovernmentBody"]:
            votes["GovernmentBody"] += W_SUFFIX  # "Department of Revenue", "Ministry of Trade"
            strong = True
        if entry is None and size > 2 and not self.government_name_words.isdisjoint(lowers[start + 1:end - 1]):
            votes["GovernmentBody"] += W_SUFFIX  # "the Central Government Purchasing Office of Kestria"
            strong = True
        if size == 1 and key_text in self.bare_institutions:
            votes["GovernmentBody"] += W_CUE  # "approved by Congress", "Parliament voted"
            strong = True
        for kind, weight in self._context_votes(span):
            votes[kind] += weight
            strong = True
        if entry is None and size >= 2 and end + 2 < n and texts[end] == "(" \
                and texts[end + 2] == ")" and initials(text) == texts[end + 1].replace(".", ""):
            votes["Organization"] += W_SUFFIX  # "Health Kestria (HK)": a name its own acronym follows
            strong = True
        if entry is None and size == 1 and first_pos == _NOUN and first.is_upper and first.is_alpha:
            votes, strong = Counter(), False  # an acronym read as a common noun: a name only as another's alias
        if not votes and not (entry is None and _ACRONYM.fullmatch(text)) and not (
                entry is None and size == 1 and first_pos == _PROPN
                and (first.is_title or _inner_capital(text))):
            # (an unknown acronym, a lone capitalized name that may be a surname, or a brand written
            # with inner capitals, "FixMyLoan", stays without votes until it is resolved: see
            # _resolve_acronyms and _resolve_surnames, or the name's votes elsewhere in the corpus)
            return None
        return Mention(block, start, end, text, key, heading, votes, strong, label is not None,
                       known=entry is not None, titled=titled)

    def _context_votes(self, span: Span):
        """Kinds suggested by cue nouns around the span."""
        root = span.root
        doc = span.doc
        head = root.head
        # (the labels and words read below, each read once: a token attribute is a string look-up;
        # the words around the span from the block's columns and token list, see _columns)
        dep, head_lemma, head_lower, head_pos = root.dep_, head.lemma_, head.lower_, head.pos_
        start, end, n = span.start, span.end, len(doc)
        toks = self._tokens(doc)
        texts, lowers = self._columns(doc)[1:3]
        # "X tool", "X model": the name modifies a cue noun
        if (dep in {"compound", "nmod", "amod"} or dep == "advmod" and root.pos_ == "PROPN" and head.pos_ == "NOUN") \
                and head.i >= end:
            # (a name the parse hangs as an adverb on the noun after it: "the X music generator")
            kind = self._cue_kind(head, modifier=True)
            cue, steps = head, 0
            while kind is None and steps < 2 and cue.dep_ in {"compound", "nmod", "amod"} and cue.head.i > cue.i \
                    and not cue.is_title:
                # "the X messaging app", "the X AI chatbot": lower-case modifiers between the name
                # and its cue noun
                cue, steps = cue.head, steps + 1
                kind = self._cue_kind(cue, modifier=True)
            if kind is None and end < n and toks[end].head.i == head.i and toks[end].dep_ in {"compound", "amod"}:
                # "X assistant reproduces ...": a flat run of compounds, the cue noun beside the name
                kind = self._cue_kind(toks[end], modifier=True)
            if kind == "Company" and head_lemma.lower() in _MAKER_NOUNS:
                kind = "SoftwareProduct"  # "the X maker": X is what the company makes
            if kind:
                yield kind, W_CUE_MOD
        # "the coding platform, X" / "X, the chatbot"; "five models, A, B and C": every member
        # of a list in apposition to a plural cue noun
        listed = root
        while listed.dep_ == "conj" and listed.head != listed:
            listed = listed.head
        if listed.dep_ == "appos" and listed.head.pos_ in {"NOUN", "PROPN"} and (
                listed is root or listed.head.tag_ in {"NNS", "NNPS"}):
            kind = self._cue_kind(listed.head)
            if kind:
                yield kind, W_CUE
        elif listed is not root and listed.pos_ == "NOUN" and listed.tag_ == "NNS" and listed.i + 1 < n \
                and texts[listed.i + 1] in {",", ":"}:
            kind = self._cue_kind(listed)  # "five models, A, B and C" parsed as one coordination
            if kind:
                yield kind, W_CUE
        for child in root.children:
            if child.dep_ == "appos" or (child.dep_ in {"compound", "amod", "nmod"} and child.i < start):
                kind = self._cue_kind(child)
                if kind:
                    yield kind, W_CUE
        # "X, which tracks app downloads": "which", not "who", follows a name the model took
        # for a person's; an organization is the likelier
        if end + 1 < n and texts[end] == "," and lowers[end + 1] == "which" \
                and toks[end - 1].ent_type_ == "PERSON":
            yield "Organization", W_CUE_MOD
        # "Acme CEO X", "Gov. X": a capitalized title right before the name
        if start > 0 and texts[start - 1][:1].isupper() \
                and normalize(texts[start - 1]) in self.titles and texts[start][:1].isupper():
            yield "Person", W_CUE
        # "the American company X": a cue noun right before the name
        if start > 0:
            prev = toks[start - 1]
            if prev.head != root and prev.pos_ == "NOUN":
                kind = self._cue_kind(prev)
                if kind:
                    yield kind, W_CUE
        # "chatbots such as X and Y", "assistants, including X": the list's head noun
        base = root
        while base.dep_ == "conj" and base.head != base:
            base = base.head
        if base.dep_ == "pobj" and base.head.lower_ in {"including", "like", "as"}:
            noun = base.head.head
            if noun.lower_ == "such" and noun.head != noun:
                noun = noun.head
            kind = self._cue_kind(noun)
            if kind:
                yield kind, W_CUE
        # "the city of X", "the province of X": a place noun's "of" names the place
        if dep == "pobj" and head_lower == "of" and head.head.pos_ == "NOUN" and head.head.i < start \
                and self._cue_kind(head.head) == "Place":
            yield "Place", W_CUE
        # agentive roles: "X banned ...", "X's employees", "X's own platform"
        agentive = self.agentive
        if dep == "nsubj" and head_lemma in agentive:
            yield "Company", W_ROLE
        if dep == "poss" and (head_lemma in self.staff or head_lower in self.staff):
            yield "Company", W_ROLE
        # "X has told its lawyers to stop ...", "X has urged its lecturers to ...": a subject
        # the model takes for a person, whose own clause calls it "its", is an organization
        if dep == "nsubj" and root.ent_type_ == "PERSON" and head_lemma in self.agentive_any and any(
                t.lower_ == "its" and t.dep_ == "poss" and t.head.dep_ in {"dobj", "pobj"} and t.i > end
                for t in head.subtree if t.i < end + 8):
            yield "Company", W_CUE
        # "X reported that ...", "..., X reports": a subject that reports without an object is a
        # news organization (not "X reported record profits")
        if dep == "nsubj" and head_lemma in self.news_verbs and not any(c.dep_ == "dobj" for c in head.children):
            yield "NewsOrganization", W_ROLE
        # the roles below are those of the whole list a name is a member of ("banned A, B and C":
        # each is restricted)
        if base is not root:
            dep, head = base.dep_, base.head
            head_lemma, head_lower, head_pos = head.lemma_, head.lower_, head.pos_
        # "banned X", "X was blocked": the thing restricted is a product
        if dep in {"dobj", "nsubjpass"} and head_lemma in self.restrictive and not any(
                c.dep_ == "prep" and c.lower_ == "from" and any(p.dep_ == "pcomp" for p in c.children)
                for c in head.children):
            # ("barred X from using Y": X is the party barred, Y the product)
            yield "SoftwareProduct", W_ROLE
        # "pulled X from its store", "X was deleted from a store": what leaves a store is an app
        if dep in {"dobj", "nsubjpass"} and head_lemma in self.removal_verbs and any(
                c.dep_ == "prep" and c.lower_ == "from" and any(p.dep_ == "pobj" and p.lemma_.lower() in self.store_nouns
                                                                for p in c.children) for c in head.children):
            yield "SoftwareProduct", W_ROLE
        # "using X", "download X", "the use of X", "access to X", "a ban on X": what people
        # use, download or are barred from is a product
        if dep == "dobj" and head_pos == "VERB" and head_lemma in self.use_verbs:
            yield "SoftwareProduct", W_ROLE
        # "the regulator fined X", "fined X 15 million euros" (the name hung on the amount): who is
        # fined is an organization, whatever the model takes the name and amount for
        if head_pos == "VERB" and head_lower in self.penalty_verbs and dep in {"dobj", "nsubjpass", "dative"} \
                or dep in {"nmod", "compound"} and head.dep_ == "dobj" and head.head.lower_ in self.penalty_verbs \
                and head.i >= end:
            if root.ent_type_ != "PERSON":
                yield "Company", W_ROLE
        # "Acme's board", "Acme's chief technology officer": whose board or officers these are is an
        # organization, whatever the model takes the name for
        if dep == "poss" and head_pos == "NOUN" and head_lemma.lower() in self.organization_parts:
            yield "Company", W_CUE
        # "Acme launched X", "released X last year": what an organization launches is a product
        # (not a person the model names: "police released X")
        if dep == "dobj" and head_pos == "VERB" and head_lemma in self.launch_verbs \
                and root.ent_type_ not in _NOT_LAUNCHED:
            yield "SoftwareProduct", W_ROLE
        # "the maker of X", "the developer of X": what a maker makes is a product (an owner's or
        # operator's object may be a company)
        if dep == "pobj" and head_lower == "of" and head.head.pos_ == "NOUN" \
                and head.head.lemma_.lower() in self.making_nouns and root.ent_type_ not in _NOT_LAUNCHED:
            yield "SoftwareProduct", W_ROLE
        if dep == "pobj" and head_lower in {"of", "to", "on"} and head.head.pos_ == "NOUN" and (
                head.head.lemma_.lower() in self.use_nouns or head_lower == "on"
                and head.head.lemma_.lower() in self.restrictive_nouns):
            yield "SoftwareProduct", W_ROLE
        # "an assistant called X", "a startup named X", "a model dubbed X", "a tool known as X"
        naming = head.head if dep == "pobj" and head_lower == "as" else head
        if dep in {"oprd", "dobj", "pobj", "xcomp", "attr"} and naming.lemma_ in self.naming \
                and naming.dep_ == "acl" and naming.head.pos_ == "NOUN":
            kind = self._cue_kind(naming.head)
            if kind:
                yield kind, W_CUE
        # "X is a startup"
        if dep in {"nsubj"} and head_lemma == "be":
            for child in head.children:
                if child.dep_ == "attr":
                    kind = self._cue_kind(child)
                    if kind:
                        yield kind, W_CUE

    def _cue_kind(self, tok: Token, modifier: bool = False) -> str | None:
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        word, lemma = tok.lower_, tok.lemma_.lower()
        two = f"{tok.nbor(-1).lower_} {word}" if tok.i > 0 else word
        key = (word, two, lemma, modifier)
        try:
            return self._cue_kinds[key]
        except KeyError:
            if len(self._cue_kinds) >= 1 << 16:
                self._cue_kinds.clear()
            kind = self._cue_kinds[key] = self._cue_kind_of(word, two, lemma, modifier)
            return kind

    def _cue_kind_of(self, word: str, two: str, lemma: str, modifier: bool) -> str | None:
        """The kind a cue noun names (:meth:`_cue_kind`), from its lower-case text, the two words
        ending with it and its lemma."""
        # a two-word cue first: "news agency" is a news organization, "agency" alone a government body
        ranked = [kind for kind, words in self.cues.items() if two in words] + list(self.cues)
        for kind in ranked:
            words = self.cues[kind]
            if word in words or two in words or lemma in words:
                if modifier and kind in {"Person", "Place", "GovernmentBody"}:
                    return None
                if modifier and kind == "Company" and word in {"group", "business"}:
                    return None
                return kind
        return None


#: NER labels of names that are not launched as products ("police released X"; a known place
#: keeps its knowledge-base vote).
_NOT_LAUNCHED = frozenset({"PERSON", "NORP", "DATE", "TIME", "MONEY", "EVENT", "LAW"})

#: Cue nouns that name a company by what it makes ("the X maker"): their modifier is a product.
_MAKER_NOUNS = {"maker", "developer", "provider", "vendor", "creator", "manufacturer", "owner", "operator"}


@lru_cache(maxsize=4)
def _kb_matcher(nlp, kb: KnowledgeBase) -> PhraseMatcher:
    """A phrase matcher (label ``KB``) of ``kb``'s surface forms that hold a capital or a digit,
    written with straight and curly apostrophes, tokenized by ``nlp``: built once per pipeline
    and knowledge base (tokenizing the thousands of forms took each extraction about 0.1 s)."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    forms = {f for f in kb.surface_forms if any(ch.isupper() or ch.isdigit() for ch in f)}
    forms = sorted(forms | {f.replace("'", "’") for f in forms if "'" in f})  # curly apostrophes too
    matcher.add("KB", list(nlp.tokenizer.pipe(forms)))
    return matcher


#: hash (a spaCy ``StringStore`` key) -> its string, and -> its string in lower case: bounded
#: memos (``StringStore[hash]`` decodes a new string on every call, and a corpus's blocks share
#: most of their words). A hash is the string's, whatever the store, so one memo serves all.
_STRINGS: tuple[dict[int, str], dict[int, str]] = ({}, {})


def hash_strings(hashes: list[int], strings, lower: bool = False) -> list[str]:
    """The strings of ``hashes`` (keys of the ``StringStore`` ``strings``, as a column of
    ``Doc.to_array`` holds them), lower-cased when ``lower``, each decoded once (:data:`_STRINGS`).

    Raises:
        KeyError: a hash the store does not hold.
    """
    memo = _STRINGS[lower]
    if len(memo) >= 1 << 20:
        memo.clear()
    out: list[str | None] = list(map(memo.get, hashes))  # (every word the memo holds, in one pass)
    if None in out:
        for k, text in enumerate(out):
            if text is None:
                h = hashes[k]
                text = memo.get(h)  # (a word repeated in the list is decoded once)
                if text is None:
                    text = memo[h] = strings[h].lower() if lower else strings[h]
                out[k] = text
    return out


#: the possessive endings a body named after an office holder has ("Attorney's Office"; lower-case text)
_POSSESSIVE_FORMS = frozenset({"'s", "’s"})


def _longest_first(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    taken: set[int] = set()
    for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(i in taken for i in range(s.start, s.end)):
            out.append(s)
            taken.update(range(s.start, s.end))
    return sorted(out, key=lambda s: s.start)


#: parts of speech stripped from a name's start by :meth:`MentionFinder._clean`
_LEADING_POS = frozenset({_DET, _PUNCT, _ADP, _CCONJ})

#: a possessive ending of a name ("Acme's", "Acme’", "Acme"s")
_POSSESSIVE_END = re.compile(r"[\'’‘]s?$|\"s$")

_CODE_NAME = re.compile(r"^[A-Z][A-Za-z]*[-.]?\d[\w.]*$|^[A-Z][a-z]+-[A-Z0-9][\w.]*$")
#: ORTH hash of a word form -> whether :data:`_CODE_NAME` matches it (a bounded memo of :func:`_propn_runs`)
_CODE_NAMES: dict[int, bool] = {}


def _propn_runs(doc: Doc, texts: list[str] | None = None, marks: tuple | None = None):
    """Maximal runs of proper nouns, counting model-style names ("Tessera-7", "GPT-4o") as proper nouns
    (and an acronym the tagger read as a common noun, "TRU cites ...": a name too). ``texts``
    and ``marks``: the Doc's token texts and its ``ORTH``, ``IS_PUNCT``, ``POS``, ``IS_UPPER`` and
    ``IS_ALPHA`` columns when the caller has read them (:meth:`MentionFinder._columns`; else they
    are read here); the code-name pattern is tried once per word form (:data:`_CODE_NAMES`)."""
    if texts is None or marks is None:
        texts = [t.text for t in doc]
        marks = doc.to_array([ORTH, IS_PUNCT, POS, IS_UPPER, IS_ALPHA]).T.tolist() if len(doc) else ([],) * 5
    orths, is_punct, pos, is_upper, is_alpha = marks
    codes = _CODE_NAMES
    start = -1
    i = -1
    for i, text in enumerate(texts):
        if is_punct[i]:
            code = False
        else:
            p = pos[i]
            if p == _PROPN or p == _NOUN and is_upper[i] and is_alpha[i] and 2 <= len(text) <= 6:
                code = True
            else:
                orth = orths[i]
                code = codes.get(orth)
                if code is None:
                    if len(codes) >= 1 << 18:
                        codes.clear()
                    code = codes[orth] = _CODE_NAME.match(text) is not None
        if code:
            if start < 0:
                start = i
            continue
        if start >= 0:
            yield doc[start:i]
            start = -1
    if start >= 0:
        yield doc[start:i + 1]


def resolve_entities(all_mentions: list[tuple[str, Mention]], kb: KnowledgeBase) -> dict[str, Entity]:
    """Merge mentions into entities across the corpus and choose label and kind.

    Args:
        all_mentions: (article identifier, mention) pairs.
        kb: the knowledge base (canonical labels, kinds, Wikidata IDs).

    Returns:
        Entities by merge key. Mentions whose entity is dropped (only weak
        evidence, or only headings) get ``entity=None``.
    """
    entities: dict[str, Entity] = {}
    support: Counter = Counter()
    by_article: dict[str, dict[str, Counter]] = {}  # key -> article -> surface counts
    _resolve_surnames(all_mentions, kb)
    _resolve_acronyms(all_mentions)
    named_person: set[str] = set()  # keys with a mention that more than the model calls a person
    for art, m in all_mentions:
        if m.votes.get("Person", 0) >= W_CUE:
            named_person.add(m.key)
        ent = entities.setdefault(m.key, Entity(m.key))
        surface = m.text[:-len(m.form)].rstrip() if m.form else m.text  # ("Acme Corp.": "Acme")
        ent.surfaces[surface] += 1
        per_article = by_article.setdefault(m.key, {}).setdefault(art, Counter())
        if not m.alias_of:  # (an alias named right after its name, "KMC", a former name, votes for no label)
            per_article[surface] += 1
        ent.votes.update(m.votes)
        ent.articles.add(art)
        if m.known or not m.heading and (m.strong or m.ner) or m.heading and kb.is_place(m.text):
            support[m.key] += 1
    for key, ent in list(entities.items()):
        if not support[key]:
            del entities[key]
            continue
        entry = None
        for surface, _ in ent.surfaces.most_common():
            found = kb.lookup(surface)
            if found is not None and (entry is None or merge_key(found.name) == key):
                entry = found  # (the entry whose key the entity has: "X" over "Twitter" in "X (formerly Twitter)")
                if merge_key(found.name) == key:
                    break
        ent.kind = _choose_kind(ent.votes)
        others = Counter({k: v for k, v in ent.votes.items() if k != "Person" and v > 0})
        if ent.kind == "Person" and entry is None and key not in named_person \
                and not any(" " in s for s in ent.surfaces) \
                and (others or any(_inner_capital(s) for s in ent.surfaces)):
            # one word that only the model calls a person, with no title and no full name in
            # its articles, that its context also types otherwise or that is written like a
            # brand ("WeTransfer said"): news names a person in full first
            ent.kind = _choose_kind(others) if others else "Organization"
        if entry is not None:
            ent.wikidata = entry.wikidata
            ent.label = _voted_label(entry.name, ent.surfaces, by_article[key])
        elif ent.kind == "Person" and any(" " in s for s in ent.surfaces):
            ent.label = max(ent.surfaces.items(), key=lambda kv: (len(kv[0].split()) > 1, kv[1], len(kv[0]), kv[0]))[0]
        else:
            # an acronym merged with its long name ("KMC" of "Kestrel Media Corp.") never labels it
            votes = _article_votes(by_article[key])
            ent.label = max(ent.surfaces.items(), key=lambda kv: (not (kv[0].isupper() and " " not in kv[0]),
                                                                   votes[kv[0]], kv[1], len(kv[0]), kv[0]))[0]
        if re.match(r"^the\s", ent.label, re.I) and not (entry and entry.name.lower().startswith("the ")):
            ent.label = ent.label[4:].strip()  # "The Pentagon" -> "Pentagon"
    for _, m in all_mentions:
        m.entity = entities.get(m.key)
    return entities


def _article_votes(per_article: dict[str, Counter]) -> Counter:
    """One vote per article for the surface form it uses most (the longer on a tie).

    Args:
        per_article: surface counts by article identifier.

    Returns:
        Votes by surface form.
    """
    votes: Counter = Counter()
    for counts in per_article.values():
        if counts:  # (an article that names the entity only by an alias gives no vote)
            votes[max(counts.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]] += 1
    return votes


def _voted_label(name: str, surfaces: Counter, per_article: dict[str, Counter]) -> str:
    """The label of a knowledge-base entity: the form that most of its articles use most.

    News names a known entity by the form its readers know ("Meta", "the Commerce
    Department"), and each article keeps to one; the canonical name of the knowledge base
    ("Meta Platforms") labels the entity only when it wins or ties that vote. Each article
    gives one vote to its most frequent surface form (the longer on a tie); the label is the
    form with most votes, then the canonical name, then the form with most mentions, then the
    longer. Forms are compared normalized (case, punctuation). A form that begins with an
    owner's name in the possessive before a proper name ("Kestria's Data Office") counts as
    that name ("Data Office").

    Args:
        name: the knowledge-base name of the entity.
        surfaces: every surface form of the entity in the corpus, with mention counts.
        per_article: surface counts by article identifier.

    Returns:
        One surface form of ``surfaces``, or ``name`` when the corpus uses it.
    """
    votes = _article_votes(per_article)
    canonical = normalize(name)
    # (a form that names its owner first, "Kestria's Data Office", votes for the name after it)
    forms: Counter = Counter()
    form_votes: Counter = Counter()
    for surface, count in surfaces.items():
        form = _without_owner(surface)
        forms[form] += count
        form_votes[form] += votes[surface]
    best = max(forms, key=lambda s: (form_votes[s], normalize(s) == canonical, forms[s], len(s), s))
    return name if normalize(best) == canonical else best


def _without_owner(surface: str) -> str:
    """``surface`` without an owner's name in the possessive before a proper name ("Kestria's
    Data Protection Office" -> "Data Protection Office"; "Kestria's data office", a description,
    stays whole)."""
    found = _OWNER_PREFIX.match(surface)
    if found is None:
        return surface
    rest = surface[found.end():]
    words = rest.split()
    # (its first and last words capitalized, short function words between: "Office of the Data
    # Commissioner")
    if words and words[0][:1].isupper() and words[-1][:1].isupper() \
            and all(w[:1].isupper() or w.isalpha() and len(w) <= 3 for w in words):
        return rest
    return surface


#: a name that begins with its owner's name in the possessive ("Kestria's Data Office")
_OWNER_PREFIX = re.compile(r"^[^\s'\u2019]+(?:\s[^\s'\u2019]+){0,2}['\u2019]s\s")
#: an acronym of two to six capitals ("KMC"), matched whole
_ACRONYM = re.compile(r"[A-Z]{2,6}")
#: what separates the words of a name for :func:`initials`
_WORD_BREAK = re.compile(r"[\s\-]+")


@lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """The acronym a name's words spell: the first letter of each capitalized word, a short
    all-capitals word whole ("Health Kestria UK" -> "HKUK", "Varnel Rivers College" -> "VRC");
    lower-case words ("of", "and") are skipped. "" for a name of one word."""
    words = [w for w in _WORD_BREAK.split(name) if w and w[:1].isupper()]
    if len(words) < 2:
        return ""
    return "".join(w if w.isupper() and len(w) <= 4 else w[0] for w in words)


def _resolve_acronyms(all_mentions: list[tuple[str, Mention]]) -> None:
    """Give every mention of an acronym the key of the name it abbreviates in the same
    article ("Kestrel Media Corp. (KMC)" ... "KMC said"; "Varnel Rivers College" ...
    "VRC said", the capitals of one name of the article and of no other); the long
    name's votes win."""
    aliases: dict[tuple[str, str], str] = {}
    for art, m in all_mentions:
        if m.alias_of:
            aliases.setdefault((art, m.key), m.alias_of)
    spelled: dict[tuple[str, str], set[str]] = {}
    for art, m in all_mentions:
        acr = initials(m.text)
        if len(acr) >= 2 and m.votes and max(m.votes, key=lambda k: m.votes[k]) not in {"Person", "Place", "Country"}:
            spelled.setdefault((art, acr), set()).add(m.key)
    for art, m in all_mentions:
        if m.known or (art, m.key) in aliases or not _ACRONYM.fullmatch(m.text):
            continue
        keys = spelled.get((art, m.text), set())
        if len(keys) == 1:
            aliases[(art, m.key)] = next(iter(keys))
    if not aliases:
        return
    for art, m in all_mentions:
        target = aliases.get((art, m.key))
        if target is not None:
            m.key = target


def _resolve_surnames(all_mentions: list[tuple[str, Mention]], kb: KnowledgeBase | None = None) -> None:
    """Point a one-word mention at the longer name of the same article that ends
    with it: a person's surname ("Whitfield" after "Dana Whitfield") takes the
    person's key and a person's vote whatever its own context suggested; a given
    name alone that only the model typed ("Dana") takes the key of the one person
    of the article who bears it; a
    weakly typed last word ("Forge" after "Arclight Forge") takes the longer
    name's key; and an organization's first word alone ("Brimlow" after "Brimlow Labs"),
    unknown to the knowledge base and no place, takes the organization's key when one
    organization of the article begins with it."""
    people: dict[str, dict[str, set[str]]] = {}
    first_names: dict[str, dict[str, set[str]]] = {}
    others: dict[str, dict[str, set[str]]] = {}
    heads: dict[str, dict[str, set[str]]] = {}  # (first words of organizations' names)
    for art, m in all_mentions:
        words = m.text.split()
        if len(words) < 2 or m.known and m.votes.get("Person", 0) < W_KB:
            continue
        best = max(m.votes, key=lambda k: m.votes[k]) if m.votes else ""
        # a full name the model alone calls a person counts when it reads like one: two or
        # three capitalized words ("Dana Whitfield", "Arlo de Brandt" does not)
        # ("Chat Amsterdam" is no person: none of its words is a place or a known name)
        ner_name = m.ner and len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) \
            and not (kb is not None and any(kb.is_place(w) or kb.lookup(w) for w in words))
        if m.titled or best == "Person" and (m.votes["Person"] > W_NER or ner_name):
            people.setdefault(art, {}).setdefault(normalize(words[-1]), set()).add(m.key)
            first_names.setdefault(art, {}).setdefault(normalize(words[0]), set()).add(m.key)
        elif best and best != "Person" and not m.heading:
            others.setdefault(art, {}).setdefault(normalize(words[-1]), set()).add(m.key)
            if best in ORG_KINDS and words[-1][:1].isupper() and words[0][:1].isupper():
                heads.setdefault(art, {}).setdefault(normalize(words[0]), set()).add(m.key)
    if not people and not others:
        return
    for art, m in all_mentions:
        if " " in m.text or (m.known and m.votes.get("Person", 0) < W_KB):
            continue
        word = normalize(m.text)
        keys = people.get(art, {}).get(word)
        if keys and len(keys) == 1:
            m.key = next(iter(keys))
            m.votes["Person"] += W_KB
            m.strong = True
            continue
        keys = first_names.get(art, {}).get(word)
        if keys and len(keys) == 1 and not m.known and sum(m.votes.values()) <= W_NER:
            # a given name alone ("Dana" after "Dana Whitfield"): news uses it to tell apart
            # relatives who share a surname; only one person of the article bears it
            m.key = next(iter(keys))
            m.votes["Person"] += W_KB
            m.strong = True
            continue
        keys = others.get(art, {}).get(word)
        if keys and len(keys) == 1 and not people.get(art, {}).get(word) and sum(m.votes.values()) <= W_NER:
            m.key = next(iter(keys))
            continue
        keys = heads.get(art, {}).get(word)
        if keys and len(keys) == 1 and not m.known and not people.get(art, {}).get(word) \
                and m.votes.get("Person", 0) <= W_NER and not (kb is not None and kb.is_place(m.text)):
            # "Brimlow said" after "Brimlow Labs": an organization's first word, alone, is its
            # short name in the article (a known name or a place keeps its own)
            m.key = next(iter(keys))


_KIND_ORDER = ("Country", "Place", "GovernmentBody", "NewsOrganization", "Company", "Organization",
               "AIModel", "SoftwareProduct", "Person")


def _inner_capital(word: str) -> bool:
    """True for a word written like a brand: a capital or a digit after its first letter
    ("QuillStack", "AT5"), not a surname with a prefix ("McCarthy", "O'Neil", "DeLuca":
    ``name_prefixes`` of the lexicon) and not an acronym."""
    body = word[1:]
    if any(ch.isdigit() for ch in body):
        return True
    if not any(ch.isupper() for ch in body) or word.isupper() or "'" in word:
        return False
    return not any(word.lower().startswith(p) and word[len(p):len(p) + 1].isupper() for p in _name_prefixes())


@cache
def _name_prefixes() -> frozenset[str]:
    """Surname prefixes followed by a capital ("Mc", "De"): ``name_prefixes`` of the lexicon."""
    return frozenset(lexicon()["name_prefixes"])


def _choose_kind(votes: Counter) -> str:
    best = max(_KIND_ORDER, key=lambda k: (votes.get(k, 0.0), -_KIND_ORDER.index(k)))
    if best == "Place" and votes.get("Country"):
        return "Country"
    return best
