"""Syntax helpers shared by the frame readers: phrases from dependency subtrees,
coordination, dates, and the :class:`Observation` record every reader emits.

Dependency labels are ClearNLP-style, as spaCy's English models give them
(https://github.com/clir/clearnlp-guidelines/blob/master/md/specifications/dependency_labels.md).
The function words the helpers test (negators, relative pronouns, the determiners a
phrase drops) live in ``kg/data/frames/syntax.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..io.dates import first_date, reference_day
from ..nlp.entities import Entity
from . import frame_data

_WORDS = frame_data("syntax")

#: negators (lower-case text).
NEG_WORDS = _WORDS["neg_words"]

SUBJ = {"nsubj", "nsubjpass", "csubj"}

#: relative pronouns (lower-case text).
RELATIVE = _WORDS["relative_pronouns"]

#: words :func:`phrase` and :func:`phrase_without` drop at a phrase's start (lower-case text).
_LEADING_DETERMINERS = _WORDS["leading_determiners"]
_LEADING_MODIFIERS = _WORDS["leading_modifiers"]

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
        attributed_to: who the sentence attributes the statement to (PROV-O
            ``prov:wasAttributedTo``): an entity, the words of an anonymous source
            ("a person familiar with the matter"), or None.
    """

    kind: str
    roles: dict
    attrs: dict = field(default_factory=dict)
    article: str = ""
    start: int = 0
    end: int = 0
    certainty: str = "stated"
    attributed_to: Entity | str | None = None


def normalize_date(text: str, reference: str = "") -> str | None:
    """ISO 8601 form of the first day written in a date phrase, or None when it names no calendar day.

    Returns ``YYYY-MM-DD`` when the year is known, ``--MM-DD`` (xsd:gMonthDay)
    when it is not. ``reference`` is the article's date as written in its
    dateline ("May 2, 2025"); it supplies a missing year and resolves "the
    18th of last month". Absolute dates are parsed by python-dateutil, kg's
    rules for a missing year and relative days are :mod:`kg.io.dates`'
    (:func:`kg.io.dates.first_date`).

    >>> normalize_date("July 10")
    '--07-10'
    >>> normalize_date("March 3, 2025")
    '2025-03-03'
    >>> normalize_date("the 18th of last month", "May 2, 2025")
    '2025-04-18'
    >>> normalize_date("February 30") is None
    True
    """
    return first_date(text, reference_day(reference) if reference else None)


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
    toks += _broken_content_clause(tok, toks)
    while toks and (toks[0].pos_ in {"DET", "PUNCT", "CCONJ", "NUM"} or toks[0].tag_ == "PRP$"
                    or toks[0].lower_ in _LEADING_DETERMINERS):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in {"CCONJ", "ADP"}):
        toks = toks[:-1]
    toks = toks[:max_words]
    out = join_tokens(toks).strip()
    return out.strip(" ,;:\"'“”‘’")


def _broken_content_clause(tok: Token, toks: list[Token]) -> list[Token]:
    """The predicate of a noun's "that" clause when the parser hung it elsewhere
    ("concerns that data entered into it | could be stored abroad": "entered" read as the
    clause's verb, "could be stored" attached to the main verb): the tokens of the
    predicate right after the phrase, or []."""
    if not toks or not any(c.dep_ in {"acl", "relcl"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                           for c in tok.children):  # (a "that" marked as a subordinator: no relative pronoun)
        return []
    end = toks[-1].i
    if end + 1 >= tok.sent.end:
        return []
    nxt = tok.doc[end + 1]
    verb = nxt.head if nxt.pos_ == "AUX" and nxt.dep_ in {"aux", "auxpass"} else nxt
    if verb.pos_ not in {"VERB", "AUX"} or verb in tok.subtree or verb.i < end:
        return []
    return [t for t in verb.subtree if t.i > end and not (t.dep_ in {"conj", "cc"} and t.head == verb)]


def goal_conjuncts(verb: Token) -> list[Token]:
    """``verb`` and the verbs coordinated with it that state more of the same goal ("to detect
    fraud and improve X"); a conjunct with its own subject or a negation states something else
    ("is used to V and that it does not sell ...") and is left out."""
    return [g for g in conjuncts(verb)
            if g == verb or not any(x.dep_ in {"nsubj", "nsubjpass", "neg"} for x in g.children)]


def join_tokens(toks: list[Token]) -> str:
    """Text of tokens in order, with a space wherever the source had one or a
    token in between was left out."""
    out = []
    for i, t in enumerate(toks):
        out.append(t.text)
        if i + 1 < len(toks) and (t.whitespace_ or toks[i + 1].i != t.i + 1):
            out.append(" ")
    return "".join(out)


#: adverbs that make "with" coordinate agents ("A, along with B, sued ...")
CO_AGENT_ADVERBS = _WORDS["co_agent_adverbs"]
#: verbs of acting together whose "with" phrase names co-agents of the act they lead to ("A
#: teamed up with B to sue X"; lemmas).
JOINT_VERBS = _WORDS["joint_verbs"]


def co_agents(tok: Token) -> list[Token]:
    """The agents a subject ``tok`` takes along: "A, along with B and C, sued X", "A, together
    with B, has banned X" -> the tokens of B and C (the object of "with", its appositions and
    conjuncts). A bare "with" ("A met with B") coordinates nothing."""
    out: list[Token] = []
    around = list(tok.children)
    if tok.dep_ in {"nsubj", "nsubjpass"}:  # (the parser may hang "along with B" on the verb)
        around += [w for w in tok.head.children if tok.i < w.i < tok.head.i]
    if tok.dep_ == "nsubj" and tok.head.lemma_ in JOINT_VERBS:
        # "A joined forces with B to sue X", "A teamed up with B to ...": B acts with A
        around += [w for w in tok.head.children if w.dep_ == "prep" and w.lower_ == "with" and w.i > tok.head.i]
    for w in around:
        if w.lower_ == "with" and w.dep_ == "prep" and tok.dep_ == "nsubj" and w.head == tok.head \
                and w.head.lemma_ in JOINT_VERBS:
            with_ = w  # ("A teamed up with B": the "with" of the joint verb)
        elif w.lower_ == "with" and w.dep_ == "prep" and any(c.lower_ in CO_AGENT_ADVERBS for c in w.children):
            with_ = w  # "together with" (the adverb under "with")
        elif w.lower_ in CO_AGENT_ADVERBS:
            with_ = next((c for c in w.children if c.lower_ == "with" and c.dep_ == "prep"), None)  # "along with"
        else:
            continue
        for p in (with_.children if with_ is not None else ()):
            if p.dep_ == "pobj":
                out += [x for a in [p, *(c for c in p.children if c.dep_ == "appos")] for x in [a, *a.conjuncts]
                        if x not in out]
    return out


#: relations whose list items the parse may hang on the head one by one (see :func:`conjuncts`)
_LIST_RELATIONS = frozenset({"nsubj", "nsubjpass", "dobj"})


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("A, B and C"), in text order.

    A list whose last item the parse hung on the head beside the first, with the same
    relation ("A, B, and C D suspended X": "and" under A, "D" a second subject) gets that
    item back."""
    out = [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
    if tok.dep_ in _LIST_RELATIONS:
        cc = max((c.i for c in tok.children if c.dep_ == "cc" and c.i > tok.i), default=None)
        if cc is not None and not any(c.i > cc for c in out):
            out += [s for s in tok.head.children if s.dep_ == tok.dep_ and s.i > cc][:1]
    return out


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
    while toks and (toks[0].pos_ in {"DET", "PUNCT", "NUM"} or toks[0].tag_ == "PRP$" or toks[0].lower_ in _LEADING_MODIFIERS):
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
