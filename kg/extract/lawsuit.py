"""Frame reader: lawsuits, complaints, accusations, regulators' fines, and non-responses.

News states an allegation in many shapes besides "X accused Y of Z":

- lawsuits: "X sued Y for copyright infringement", "X filed a lawsuit against Y,
  accusing it of scraping", "Y was sued by A and B", "X has taken steps to sue Y,
  claiming ...";
- the suit speaking for its plaintiff: "The lawsuit alleges that Y copied ...",
  "The suit accuses Y of ...", "According to the complaint, Y copied ...";
- regulators' findings and fines: "X fined Y for violating ...", "X imposed a
  penalty against Y", "Y received a fine for ...", "X charged Y 15 million euros
  due to ...", "a probe accusing Y of antitrust violations";
- concerns and reported speech: "X had concerns that Y's use of data ...",
  "... Y may have distilled our models, an X spokesperson said";
- claims about another party in a that-clause: "X said Y had violated its
  patents", "X complained to the regulator that Y was blocking rivals", "X told
  lawmakers that Y used distillation", "X says it has evidence that Y ..." (a
  plain report counts when its clause names a practice, or an act done without
  leave; "allege" and "complain" count by themselves; a claim that names no
  practice counts when the article has X accuse Y elsewhere);
- legal action named by its parts: "X took Y to court over Z", "X is seeking
  damages from Y", "Y was hit with a class action for Z", "X slapped Y with a
  suit", "X joined a lawsuit against Y", "X mailed a cease-and-desist
  notice to Y", "X reported Y to the regulator";
- accusation nouns: "Y faces accusations from X that it ...", "Y settled
  charges by X that it ...", "Y denied X's accusations of Z";
- courts' rulings: "the court ruled that Y infringed ..." is the plaintiff's
  allegation, addressed to the court (a court never accuses).

The addressee is a court the suit is filed in, or a body a complaint is lodged
with or sent to ("filed a complaint with the competition authority", "told
lawmakers"), never a news outlet.

A sentence often names only part of the allegation (the suit but not its
plaintiff, a fine but not who imposed it). Such partial allegations are kept
until the article's last sentence and completed from the article's other
allegations: the plaintiff of its lawsuits ("the plaintiff in the suit is X"
counts too), the defendants, the regulator that fined the same party, and the
court the suit was filed in; "the defendants" are whom the plaintiffs sued; a
passive "Y is accused of Z" takes the accuser the article names for Y.
Practices missing from one statement are shared between statements of one
accuser and accused.

Non-responses add what the built-in pass misses: passive ("a request for
comment was not answered by A, B and C"), "neither A nor B returned requests
for comment", unnamed parties ("the governor's office declined to comment",
"a spokesperson for X did not respond"), and "Reuters could not reach X for
comment".

Word lists live in ``kg/data/frames/lawsuit.json``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.entities import Entity
from ..nlp.kb import normalize
from .collection_news import _maker_of
from .nonresponse import REPRESENTED_PREPS
from .syntax import CO_AGENT_ADVERBS, co_agents, join_tokens, phrase, phrase_verb
from . import frame, frame_data

ALL = {"Organization", "Person", "Place", "Product"}
PARTY = {"Organization", "Person", "Place"}
LEGAL = "legal"      # accuser: the plaintiff of the article's lawsuit
DESC = "desc"        # accuser: a description ("the company"), resolved against other allegations
FINED = "fined"      # accuser: whoever fined the same party

_WORDS = frame_data("lawsuit")
#: pronouns that may stand for a party named before ("it", "their"; lower-case text).
PARTY_PRONOUNS = _WORDS["party_pronouns"]
#: prepositions of the product a maker is described by ("the company behind X", "the developer
#: of X"; lower-case text).
BEHIND_PREPS = _WORDS["behind_preps"]
#: determiners and numbers of a plural description of named organizations ("these companies",
#: "the two firms"; lower-case text).
GROUP_DETERMINERS = _WORDS["group_determiners"]
#: prepositions of what places an unnamed body ("regulators in Kestria", "the ministry of X";
#: lower-case text).
BODY_PREPS = _WORDS["body_preps"]
#: correlative words a body's label leaves out ("neither the ministry nor ..."; lower-case text).
CORRELATIVE_WORDS = _WORDS["correlative_words"]
#: nouns of an unnamed body that is a government body, not another organization (lemmas).
GOVERNMENT_BODY_NOUNS = _WORDS["government_body_nouns"]
#: names of a government body the lemmatizer keeps as written only as proper nouns ("Customs",
#: where the noun "customs" has the lemma "custom"; lower-case text).
GOVERNMENT_BODY_NAMES = _WORDS["government_body_names"]
#: relative pronouns as the subject of a relative clause ("sued by X, which says ..."; lower-case text).
RELATIVE_SUBJECTS = _WORDS["relative_subjects"]
#: pronouns that stand for a person named before ("he said"; lower-case text).
PERSON_PRONOUNS = _WORDS["person_pronouns"]
#: determiners of a description that refers back to a party ("the photo agency"; lower-case text).
DEFINITE_DETERMINERS = _WORDS["definite_determiners"]
#: prepositions of who brings a suit or an accusation ("a suit by X", "lawsuits from A",
#: "accusations from X"; lower-case text).
ACCUSER_PREPS = _WORDS["accuser_preps"]
#: prepositions that list a description's members ("publishers like A, B and C"; lower-case text).
MEMBER_PREPS = _WORDS["member_preps"]
#: words that make an "action" a suit ("legal action", "class action"; lower-case text).
ACTION_MODIFIERS = frozenset(_WORDS["action_modifiers"])
#: what opens a list member ("A, B and C"; lower-case text)
LIST_JOINERS = frozenset(_WORDS["list_joiners"])
#: prepositions of a group its subject belongs to ("A and B are among the publishers suing Y";
#: lower-case text).
AMONG_PREPS = _WORDS["among_preps"]
#: words a clause's text drops at its start besides determiners and conjunctions ("of scraping
#: ..."; lower-case text).
CLAUSE_LEADING_WORDS = _WORDS["clause_leading_words"]
#: prepositions of what a party is accused or charged of ("accused of X", "charged with Y";
#: lower-case text).
CHARGE_PREPS = _WORDS["charge_preps"]
#: the cause prepositions and the charge prepositions: those of what was alleged ("fined for X",
#: "sued over Y", "accused of Z").
#: the cause prepositions ("fined over X", "sued for Y"; lower-case text).
CAUSE_PREPS = frozenset(_WORDS["cause_preps"])
CAUSE_OR_CHARGE_PREPS = CAUSE_PREPS.union(CHARGE_PREPS)
#: verbs of an expletive "it" ("it appears that ..."; lemmas).
IMPERSONAL_VERBS = _WORDS["impersonal_verbs"]
#: prepositions of "took Y to court", "before the court", "in court" (lower-case text).
TO_COURT_PREPS = _WORDS["to_court_preps"]
#: prepositions of the body a complaint is lodged with ("a complaint with the regulator against Y";
#: lower-case text).
LODGE_PREPS = _WORDS["lodge_preps"]
#: prepositions of whom a notice goes to ("sent a letter to Y", "served on Y"; lower-case text).
RECIPIENT_PREPS = _WORDS["recipient_preps"]
#: prepositions of a suit as a verb's instrument ("hit with a class action", "named in a suit";
#: lower-case text).
INSTRUMENT_PREPS = _WORDS["instrument_preps"]
#: prepositions of who is fined ("a penalty of 3m euros on Y"; lower-case text).
PENALIZED_PREPS = _WORDS["penalized_preps"]
#: prepositions of what a complaint is about ("a complaint about Acme's conduct", "a suit against X";
#: lower-case text).
COMPLAINT_PREPS = _WORDS["complaint_preps"]
#: prepositions of what an accusation charges ("accusations of plagiarism"; lower-case text).
ACCUSATION_PREPS = _WORDS["accusation_preps"]
#: prepositions that list examples ("joined by outlets like C, D and E"; lower-case text).
EXAMPLE_PREPS = _WORDS["example_preps"]
#: verbs that answer only with a reply as object ("did not provide a comment"; lemmas).
GIVE_VERBS = _WORDS["give_verbs"]
#: objects of those verbs that make a reply ("comment", "response"; lemmas).
REPLY_OBJECTS = _WORDS["reply_objects"]
#: verbs whose unanswered matter is "comment" ("declined to comment"; lemmas).
COMMENT_MATTER_VERBS = _WORDS["comment_matter_verbs"]


class _Record:
    """A candidate allegation of one sentence, completed at the article's end."""

    def __init__(self, block: int, sent: Span, legal: bool):
        self.block, self.sent, self.legal = block, sent, legal
        self.accusers: list = []
        self.accuser_mode: str | None = None
        self.accused: list = []
        self.practice: list[str] = []
        self.targets: list = []
        self.courts: list = []
        self.info: dict = {}


def _state(reader) -> dict:
    st = getattr(reader, "_lawsuit_state", None)
    if st is None:
        last = None
        for b in range(len(reader.docs) - 1, -1, -1):
            sents = list(reader.docs[b].sents) if len(reader.docs[b]) else []
            if sents:
                last = (b, sents[-1].start)
                break
        st = {"records": [], "plaintiffs": [], "members": [], "courts": [], "last": last, "done": False}
        reader._lawsuit_state = st
    return st


@frame("lawsuit")
def read(reader, sent) -> None:
    """Read lawsuits, accusations, fines and non-responses from one sentence."""
    st = _state(reader)
    d = frame_data("lawsuit")
    before = len(st["records"])
    if "_triggers" not in d:
        d["_legal_words"] = frozenset().union(d["legal_nouns"], d["sue_verbs"], d["plaintiff_nouns"])
        d["_triggers"] = frozenset().union(*(d[k] for k in (
            "sue_verbs", "file_verbs", "accuse_verbs", "fine_verbs", "fine_nouns", "strong_legal_nouns",
            "allege_verbs", "concern_nouns", "practice_verbs", "plaintiff_nouns", "finding_verbs", "claim_verbs",
            "court_nouns", "damages_nouns", "notice_markers", "accusation_nouns", "member_verbs", "probe_verbs",
            "investigate_verbs", "defendant_naming_verbs",
            "allegation_adverbs")),
            reader.lex["reporting_verbs"])
        # every word a token below is tested against: a token with none of them reads nothing
        d["_token_words"] = d["_triggers"].union(d["court_action_verbs"], d["act_verbs"])
    words = reader.words(sent)
    is_legal = not words.isdisjoint(d["_legal_words"])
    token_words = d["_token_words"]
    toks = reader.tokens(sent) if not words.isdisjoint(d["_triggers"]) else ()
    lemmas, lowers = reader._doc_words(sent.doc)  # (tok.lemma_.lower(), tok.lower_: read once per Doc)
    start = sent.start
    for k in range(start, start + len(toks)):
        lemma, low = lemmas[k], lowers[k]
        if lemma not in token_words and low not in token_words:
            continue
        tok = toks[k - start]
        try:
            if lemma in d["sue_verbs"] or low in d["sue_verbs"]:
                _sue(reader, tok, st, d)
            elif tok.pos_ == "VERB" and lemma in d["file_verbs"]:
                _file(reader, tok, st, d)
            if tok.pos_ == "VERB" and (lemma in d["probe_verbs"] or lemma in d["investigate_verbs"]):
                _probe(reader, tok, st, d)
            if tok.pos_ == "VERB" and lemma in d["court_action_verbs"]:
                _court_action(reader, tok, st, d)
            if tok.pos_ == "NOUN" and lemma in d["strong_legal_nouns"] and not (
                    tok.dep_ in {"dobj", "nsubjpass"} and tok.head.lemma_.lower() in d["file_verbs"]):
                _suit_against(reader, tok, st, d)
                _suit_with(reader, tok, st, d)
                _settled_suit(reader, tok, st, d)
            if tok.pos_ == "VERB" and lemma in d["accuse_verbs"] and not any(c.dep_ == "neg" for c in tok.children):
                _accuse(reader, tok, st, d)  # (not "X has not accused Y of ...")
            if tok.pos_ == "VERB" and lemma in d["defendant_naming_verbs"]:
                _named_defendant(reader, tok, st, d)
            if tok.pos_ == "VERB" and (lemma in d["fine_verbs"] or low in d["fine_verbs"]):
                _fine_verb(reader, tok, st, d)
            if tok.pos_ == "NOUN" and lemma in d["fine_nouns"]:
                _fine_noun(reader, tok, st, d)
            if tok.pos_ == "NOUN" and lemma in d["strong_legal_nouns"]:
                owner = _owner(reader, tok)  # "a petition filed by X": X is a plaintiff of the article
                if owner is not None and owner.family in {"Organization", "Person"} and owner not in st["plaintiffs"]:
                    st["plaintiffs"].append(owner)
                _suit_says(reader, tok, st, d)
                _faces(reader, tok, st, d)
            if tok.pos_ == "VERB" and lemma in d["allege_verbs"]:
                _allege_practice(reader, tok, st, d)
            if tok.pos_ == "NOUN" and lemma in d["concern_nouns"]:
                _concern(reader, tok, st, d)
            if tok.pos_ == "VERB" and lemma in d["practice_verbs"]:
                _reported(reader, tok, st, d)
            if tok.pos_ == "NOUN" and lemma in d["accusation_nouns"]:
                _accusation_noun(reader, tok, st, d)
            if tok.pos_ == "VERB" and lemma in d["act_verbs"] and lemma not in d["practice_verbs"]:
                _reported(reader, tok, st, d, acts=True)
            if tok.pos_ == "NOUN" and lemma in d["plaintiff_nouns"]:
                _plaintiff(reader, tok, st, d)
            if tok.pos_ == "VERB" and lemma in d["member_verbs"] and (is_legal or st["records"]):
                _members(reader, tok, st, d)
            if tok.pos_ == "VERB" and (lemma in d["finding_verbs"] or lemma in d["claim_verbs"]
                                       or lemma in reader.lex["reporting_verbs"]):
                _finding(reader, tok, st, d)
            if tok.pos_ == "VERB" and lemma in d["finding_verbs"]:
                _passive_finding(reader, tok, st, d)
            if low in d["allegation_adverbs"]:
                _alleged_act(reader, tok, st, d)
        except (IndexError, KeyError):  # a malformed parse: skip the token
            continue
    if is_legal or len(st["records"]) > before:
        courts, others = _courts(reader, sent, d)
        for r in st["records"][before:]:
            # a court or a body the complaint was lodged with, named in the sentence, is the addressee
            r.courts += [c for c in courts + others if c not in r.courts and c not in r.accused and c not in r.accusers]
            r.targets = [t for t in r.targets if t not in others]
            labels = {c.label for c in others}
            r.practice = [p for p in r.practice if p not in labels]
        if is_legal:
            st["courts"] += [c for c in courts if c not in st["courts"]]
    _nonresponse(reader, sent, d)
    if st["last"] == (reader.block, sent.start) and not st["done"]:
        st["done"] = True
        _finish(reader, st, d)


# ------------------------------------------------------------------ parties
def _uniq(items: list) -> list:
    out = []
    for x in items:
        if x is not None and x not in out:
            out.append(x)
    return out


def _developer(reader, product, tok: Token | None):
    """The maker of a product: its possessor in the phrase ("Google's Gemini"), else a development fact."""
    if tok is not None:
        for t in tok.subtree:
            if t.dep_ == "poss":
                e = reader.entity_at(t, {"Organization"})
                if e is not None:
                    return e
    for o in reader.observations:
        if o.kind == "development" and o.roles.get("product") is product:
            return o.roles.get("developer")
    return None


def _stray_subject(verb: Token) -> Token | None:
    """The subject the parser joined to an earlier phrase: a verb without subject right after a name
    taken as an asyndetic conjunct ("In its suit against A, B says ...": "B" as a conjunct of "A")."""
    if verb.i == 0 or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    prev = verb.nbor(-1)
    while prev.pos_ in {"ADV", "AUX", "PART"} and prev.i > verb.sent.start:
        prev = prev.nbor(-1)
    node = prev
    while node.dep_ == "compound" and node.head.i > node.i:
        node = node.head
    if node.dep_ == "conj" and not any(c.dep_ == "cc" for c in node.head.children) and \
            not any(c.dep_ == "cc" for c in node.children):
        return node
    return None


def _is_stray(tok: Token) -> bool:
    """Whether ``tok`` is the stray subject of the verb after it (:func:`_stray_subject`)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    while nxt is not None and nxt.pos_ in {"ADV", "AUX", "PART"} and nxt.i + 1 < len(tok.doc):
        nxt = tok.doc[nxt.i + 1]
    stray = _stray_subject(nxt) if nxt is not None and nxt.pos_ == "VERB" else None
    return stray is not None and stray.i == tok.i


def _conj_tokens(tok: Token) -> list[Token]:
    """``tok``, its coordinated siblings and the appositions of each ("three firms, namely A, B and C")."""
    out = [tok, *co_agents(tok)]  # (and "A, along with B, ...")
    i = 0
    while i < len(out) and len(out) < 12:
        t = out[i]
        for c in t.children:
            if c.dep_ in {"appos", "conj"} and c.i > t.i and c not in out and \
                    not (c.dep_ == "conj" and c.i + 1 < len(c.doc) and _is_stray(c)):
                out.append(c)
        i += 1
    if len(out) > 2:
        # "A, B, C, and D and E Group": a name the parse hung inside another one ("D" as a
        # modifier of "Group") is still a member when a comma or a coordinator opens it
        doc, span = tok.doc, sorted(t.i for t in out)
        for k in range(span[0] + 1, span[-1]):
            t = doc[k]
            if t.pos_ == "PROPN" and doc[k - 1].lower_ in LIST_JOINERS and t not in out \
                    and not any(a.dep_ == "prep" for a in (t, *t.ancestors) if span[0] < a.i < span[-1]):
                out.append(t)
    return out


def _head_entity(reader, tok: Token, families: set[str]):
    """The entity a noun phrase's head names: its mention, an apposition's, or an anaphor's antecedent."""
    m = reader.mention_at(tok)
    if m is not None and not (m.end <= tok.i and m.entity is not None and m.entity.family == "Place"):
        return m.entity if m.entity is not None and m.entity.family in families else None
    # ("the Kestrian chip giant": a place modifying a description is not the party the description names)
    if tok.pos_ == "PRON" and tok.lower_ not in PARTY_PRONOUNS:
        return None
    return reader.coref(tok, families)


def _made_by_description(reader, tok: Token, d: dict):
    """(developer, product) of a maker described by its product: "the company behind Vexa", "the
    LumaChat maker", "the developer of Vexa"; None when the phrase names no product with a known maker."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in d["maker_nouns"]:
        return None
    cands = [c for c in tok.children if c.dep_ in {"compound", "nmod"}] + \
        [p for c in tok.children if c.dep_ == "prep" and c.lower_ in BEHIND_PREPS for p in c.children
         if p.dep_ == "pobj"] + \
        [p for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "behind" and c.i == tok.i + 1
         for p in c.children if p.dep_ == "pobj"]  # "sued the company behind X" ("behind" hung on the verb)
    cands += [x for c in list(cands) for x in c.children if x.dep_ == "compound"]  # "the Vexa model"
    for c in cands:
        m = reader.token_mention.get((reader.block, c.i))
        if m is not None and m.entity is not None and m.entity.family == "Product":
            dev = _developer(reader, m.entity, None)
            if dev is not None:
                return dev, m.entity
    return None


def _coref_other(reader, tok: Token, exclude: set):
    """The organization a description ("the company", "the startup") stands for when the nearest
    one is excluded: the last other organization named before it (this and three blocks before)."""
    for b in range(reader.block, max(-1, reader.block - 4), -1):
        for m in reversed(reader.mentions[b]):
            e = m.entity
            if e is None or e in exclude or e.family != "Organization" or e.kind == "GovernmentBody":
                continue
            if b < reader.block or m.start < tok.i:
                return e
    return None


def _surface_list(reader, end: int, sent: Span, d: dict) -> list:
    """Named parties listed after token ``end`` ("..., as well as A, B and C"), read on the surface
    for lists the parser breaks; stops at a preposition, a verb or a clause word."""
    out = []
    stop, words = d["stop_list"], d["list_words"]
    for t in sent.doc[end + 1:min(sent.end, end + 26)]:
        if t.lower_ in stop and t.lower_ not in words:
            break
        if t.lower_ == "with" and t.nbor(-1).lower_ not in CO_AGENT_ADVERBS:
            break  # "against Y with the regulator": an addressee, not a listed party
        m = reader.mention_at(t)
        if m is not None and m.entity is not None and m.entity.family in {"Organization", "Person"}:
            if m.entity not in out:
                out.append(m.entity)
            continue
        if t.lower_ in words or t.pos_ in {"ADJ", "NUM", "NOUN", "PROPN", "DET", "PUNCT"} or t.tag_ == "VBG":
            continue
        break
    return out


def _possessed(reader, tok: Token) -> Token:
    """The name a possessor stands before when the parser made the possessor the head ("sued
    Dana Holt's Zentrix, Quorva and Lumatic", parsed with "Zentrix" hung on "Holt"): the first
    named child after the possessive marker; ``tok`` itself otherwise."""
    case = next((c for c in tok.children if c.dep_ == "case"), None)
    if case is None:
        return tok
    return next((c for c in tok.children if c.i > case.i and c.dep_ not in {"punct", "cc", "conj", "prep", "case"}
                 and reader.mention_at(c) is not None), tok)


def _accused(reader, tok: Token, d: dict, surface: bool = True, info: dict | None = None,
             exclude: tuple = (), penalized: bool = False) -> tuple[list, list]:
    """(accused parties, products concerned) named by the noun phrase ``tok``: its conjuncts
    and appositions; a product stands for its maker, or, named as the party itself
    (``surface``, or ``penalized``: "fined X", "a fine on X"), for itself when the article names
    no maker. With ``surface`` the names listed on after ``tok`` are parties too. "The defendants" marks ``info`` to take the
    article's defendants at its end; a description ("the company") never resolves to a party in
    ``exclude`` (the accuser) but to the one named before it."""
    ents, targets = [], []
    tok = _possessed(reader, tok)
    for t in _conj_tokens(tok):
        if info is not None and (t.lemma_.lower() in d["defendant_nouns"] or t.lower_ in d["defendant_nouns"]):
            info["defendants"] = True
            continue
        made = _made_by_description(reader, t, d)
        if made is not None:  # "the company behind Vexa", "the LumaChat maker": Vexa's, LumaChat's developer
            ents.append(made[0])
            targets.append(made[1])
            continue
        group = _plural_group(reader, t)
        if group:  # "these companies": the organizations the article just named together
            if not set(group) & set(exclude):  # (an accuser inside the group: a misread description)
                ents += group
            continue
        e = _head_entity(reader, t, ALL)
        if e is not None and e in exclude and reader.mention_at(t) is None and t.pos_ == "NOUN":
            e = _coref_other(reader, t, set(exclude))
        if e is None:
            e = _unnamed_party(reader, t, d)
        if e is None:
            continue
        if reader.mention_at(t) is None and info is not None:
            info["described"] = True  # "the company": resolved by coreference, checked at the article's end
        if e.family == "Product":
            targets.append(e)
            # (an app whose maker the article does not name is sued by its name, "sued Temu"; in
            # a claim, "claiming the X chatbot copies ...", it is only what the claim concerns)
            e = _developer(reader, e, t) or (e if surface or penalized else None)
        ents.append(e)
    ents = _uniq(ents)
    if ents and surface:
        last = max(x.i for x in tok.subtree)
        ents = _uniq(ents + _surface_list(reader, last, tok.sent, d))
    return ents, targets


def _unnamed_party(reader, tok: Token, d: dict):
    """A party accused under a description, not a name ("sued a Kestrian cybercrime network", "took
    action against a ring of scammers"): an indefinite noun of ``unnamed_party_nouns`` (or a group
    of such: "a ring of hackers") with nothing named in it, as an unnamed organization labelled with
    its words ("Kestrian cybercrime network"); None otherwise."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in d["unnamed_party_nouns"] \
            or not any(c.dep_ == "det" and c.lower_ in d["indefinite_determiners"] for c in tok.children) \
            or any(reader.mention_at(t) is not None for t in tok.subtree):
        return None
    toks = [t for t in tok.subtree if t.i <= tok.i or t.head.i == tok.i and t.dep_ == "prep" and t.lower_ == "of"
            or t.dep_ == "pobj" and t.head.head.i == tok.i and t.head.lower_ == "of"]
    while toks and (toks[0].pos_ in {"DET", "PUNCT", "NUM"}):
        toks = toks[1:]
    label = join_tokens(toks[:6]).strip(" ,;:\"'“”")
    return reader.implicit(label, "Organization", False) if label else None


def _name_mention(reader, block: int, tok: Token):
    """The mention at ``tok``, else at a compound before it: a suffix the mention leaves out
    ("Acme Inc." where the knowledge base names "Acme") heads the name."""
    m = reader.token_mention.get((block, tok.i))
    if m is None:
        m = next((x for c in tok.children if c.dep_ == "compound" and c.i < tok.i
                  and (x := reader.token_mention.get((block, c.i))) is not None), None)
    return m


def _plural_group(reader, tok: Token) -> list:
    """The organizations a plural description stands for ("these companies", "the two firms",
    "both companies": a plural noun of the Organization anaphors with a definite determiner or
    a number): the last two or more organizations named as conjuncts of one another in the
    sentence before or earlier in the block, or in the block before. [] when there is none."""
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in reader.lex["anaphors"]["Organization"] or not any(
            c.lower_ in GROUP_DETERMINERS for c in tok.children
            if c.dep_ in {"det", "nummod", "predet"}):
        return []
    for b in range(reader.block, max(-1, reader.block - 2), -1):
        sents = [s for s in reader.sents[b] if b < reader.block or s.end <= tok.sent.start]
        for sent in reversed(sents):
            for t in sent:
                if t.dep_ == "conj":
                    continue
                members = [e for x in [t, *t.conjuncts] if (m := _name_mention(reader, b, x)) is not None
                           and (e := m.entity) is not None and e.family == "Organization"]
                if len(_uniq(members)) >= 2:
                    return _uniq(members)
    return []


def _possessor(reader, subj: Token, d: dict) -> tuple[list, list]:
    """The party whose act a subject names: "X's use of the data", "Acme's search tool"."""
    for c in subj.children:
        if c.dep_ in {"poss", "nmod", "compound"} and c.i < subj.i:
            m = reader.mention_at(c)
            e = m.entity if m is not None and m.entity is not None else \
                (reader.coref(c, PARTY) if c.dep_ == "poss" else None)
            if e is None:
                continue
            if e.family == "Product":
                dev = _developer(reader, e, c)
                return ([dev] if dev is not None else [e]), [e]  # a product "uses" nothing: its name stands for its maker
            return [e], []
    return [], []


def _implicit_body(reader, tok: Token, d: dict):
    """An unnamed body or group as a party ("Chinese regulators", "the governor's office")."""
    if tok.lemma_.lower() not in d["body_nouns"] and tok.lower_ not in d["body_nouns"]:
        return None
    mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "poss", "nmod"} or
            (c.dep_ == "prep" and c.lower_ in BODY_PREPS)]
    if not mods:
        return None
    toks = [t for t in tok.subtree if t.lower_ not in CORRELATIVE_WORDS
            and not (t.dep_ in {"relcl", "acl", "conj", "cc", "appos"} and t.head == tok)]
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ in {"relcl", "acl", "conj", "cc", "appos"} or (c.dep_ == "punct" and c.i > tok.i) \
                or c.dep_ in {"prep", "npadvmod"} and any(x.ent_type_ in {"DATE", "TIME"} for x in c.subtree) \
                or c.dep_ == "prep" and c.i > tok.i and c.lower_ not in BODY_PREPS:
            # (and "on Monday": when, not who; "the watchdog over its handling of X": why, not who)
            skip.update(x.i for x in c.subtree)
    toks = [t for t in toks if t.i not in skip]
    while toks and (toks[0].pos_ in {"DET", "PUNCT", "CCONJ"} or toks[0].tag_ == "PRP$"):
        toks = toks[1:]
    cut = 8
    # (not inside a name: "the information agency of the Kestrian People's Republic of X" whole)
    while cut < len(toks) and toks[cut].i == toks[cut - 1].i + 1 and (
            m := reader.mention_at(toks[cut])) is not None and m is reader.mention_at(toks[cut - 1]):
        cut += 1
    label = join_tokens(toks[:cut]).strip(" ,;:\"'“”")
    if not label:
        return None
    lemma = tok.lemma_.lower()
    govt = lemma in GOVERNMENT_BODY_NOUNS or lemma == tok.lower_ and lemma in GOVERNMENT_BODY_NAMES
    kind = "GovernmentBody" if govt else "Organization"
    return reader.implicit(label, kind, False)


def _party(reader, tok: Token, d: dict, depth: int = 0, groups: bool = False) -> tuple[list, str | None]:
    """(parties, pending mode) of a subject noun phrase (not its conjuncts); ``groups`` admits
    unnamed groups ("the governor's office") besides unnamed authorities ("Chinese regulators")."""
    lemma = tok.lemma_.lower()
    group = reader.group_antecedent(tok, {"Person", "Organization"}, frozenset()) if tok.pos_ == "NOUN" else []
    if group:
        return group, None  # "The duo has sued X": the two people named before
    if lemma in d["legal_nouns"] or lemma in d["plaintiff_nouns"]:
        owner = _owner(reader, tok)
        return ([owner], None) if owner is not None else ([], LEGAL)
    if lemma in d["agent_nouns"] or tok.lower_ in d["agent_nouns"]:
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in REPRESENTED_PREPS):
                for x in ([c] if c.dep_ == "poss" else [p for p in c.children if p.dep_ == "pobj"]):
                    e = reader.entity_at(x, PARTY)
                    if e is not None:
                        return [e], None
                    members = _plural_group(reader, x) if groups else []
                    if members:
                        return members, None  # "representatives for the companies": each company just named
    if tok.pos_ == "NOUN":
        # "News Corp units Dow Jones and NYP Holdings": the names in apposition, not the anchor
        found = [(m.entity, t.doc[m.start:m.end].root) for c in tok.children if c.dep_ == "appos" for t in c.subtree
                 if (m := reader.mention_at(t)) is not None and m.entity is not None
                 and m.entity.family in {"Organization", "Person"}]
        # "Dana Holt's startup, Acme, has sued ...": the possessor names whose startup, not the party
        named = [e for e, r in found if not any(c.dep_ == "case" for c in r.children)] or [e for e, _ in found]
        if named:
            return _uniq(named), None
    m = reader.mention_at(tok)
    if m is not None and m.entity is not None:
        return [m.entity], None
    if tok.lower_ in RELATIVE_SUBJECTS and tok.head.dep_ == "relcl" and depth < 2:
        return _party(reader, tok.head.head, d, depth + 1, groups)  # "sued by X, which says ..."
    if tok.pos_ == "PRON":
        e = reader.coref(tok, PARTY, subject_first=True)
        if e is None and tok.lower_ in PERSON_PRONOUNS:
            e = _last_person(reader, tok)
        clause = tok.head
        named = [m.entity for c in clause.children if c.dep_ == "ccomp" for x in c.children
                 if x.dep_ in {"nsubj", "nsubjpass"} and (m := reader.mention_at(x)) is not None and m.entity is not None]
        if e is not None and e in named and tok.dep_ == "nsubj":
            e = _previous_subject(reader, tok, tuple(named))  # "Acme claims ... It also alleges that Y ...": Acme
        if e is None and depth < 2 and tok.head.dep_ == "ccomp":
            subj = next((c for c in tok.head.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj is not tok:
                return _party(reader, subj, d, depth + 1)
        return ([e], None) if e is not None else ([], None)
    is_def = any(c.lower_ in DEFINITE_DETERMINERS for c in tok.children if c.dep_ == "det")
    if is_def and lemma in reader.lex["development"]["maker_nouns"] and not any(c.dep_ in {"poss", "prep"} for c in tok.children):
        # "A store warned the makers ... The developers never fixed the flaws": the maker
        # of the product named before, not the organization that acted on it
        product = reader._salient_product_before(tok, [])
        if product is not None:
            maker = _maker_of(reader, product)
            return [maker if maker is not None else _as_agent(reader, product)], DESC
    e = reader.entity_at(tok, PARTY)
    named = reader.named_before_description(tok, PARTY) if is_def else None
    if named is not None:
        return [named], DESC  # "X, the company founded by Y, ...": the name the description follows
    if is_def and tok.dep_ == "nsubj" and tok.lemma_.lower() in reader.lex["anaphors"]["Organization"] \
            and not any(c.dep_ in {"poss", "prep"} for c in tok.children):
        # "Acme has sued A and B ... The retail giant claims ...": a described
        # subject continues the previous sentence's named subject (centering), not the last name
        prev = _previous_subject(reader, tok)
        if prev is not None and prev.family == "Organization":
            return [prev], DESC
    if is_def and e is not None and not any(c.dep_ in {"poss", "prep"} for c in tok.children):
        return [e], DESC  # "the photo agency": the agency named before, not a new body
    if lemma in d["office_nouns"]:
        # "Holt's office accused X": the official (or body) whose office it is
        owner = next((e for c in tok.children if c.dep_ == "poss"
                      for e in [reader.entity_at(c, PARTY)] if e is not None), None)
        if owner is not None:
            return [reader.government_of(owner) if owner.family == "Place" else owner], None
    body = _implicit_body(reader, tok, d)
    if body is not None and (groups or body.kind == "GovernmentBody"):
        return [body], None
    if is_def:
        return ([e] if e is not None else []), DESC
    return ([e], None) if e is not None else ([], None)


def _last_person(reader, tok: Token):
    """The person "he" or "she" stands for: in its own sentence, the person named as a subject
    before it, or at the sentence's start ("X co-founded Acme with Y, and he is suing ...": X,
    not Y); else the last person named in this or the two blocks before."""
    sent = tok.sent
    here = [m for m in reader.mentions[reader.block] if m.entity is not None and m.entity.family == "Person"
            and sent.start <= m.start < tok.i]
    subjects = [m for m in here if tok.doc[m.start:m.end].root.dep_ in {"nsubj", "nsubjpass"}
                or m.start <= sent.start + 1]
    if subjects:
        return subjects[-1].entity
    for b in range(reader.block, max(-1, reader.block - 3), -1):
        for m in reversed(reader.mentions[b]):
            if m.entity is not None and m.entity.family == "Person" and (b < reader.block or m.start < tok.i):
                return m.entity
    # no person named (a name the model typed otherwise): the named subject of the sentence before
    return _previous_subject(reader, tok)


def _previous_subject(reader, tok: Token, skip: tuple = ()):
    """The named organization or person subject of the nearest of the three sentences before
    ``tok``'s (across blocks) that names one not in ``skip``; a described subject ("The company
    had ...") is passed over."""
    seen = 0
    for block in range(reader.block, max(-1, reader.block - 4), -1):
        sents = [s for s in reader.docs[block].sents if block < reader.block or s.end <= tok.sent.start]
        for sent in reversed(sents):
            seen += 1
            if seen > 3:
                return None
            subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
            m = reader.token_mention.get((block, subj.i)) if subj is not None else None
            if m is not None and m.entity is not None and m.entity.family in {"Organization", "Person"} \
                    and m.entity not in skip:
                return m.entity
    return None


def _group_party(reader, noun: Token):
    """An unnamed group named by its members: "a group of Kestrian broadcasters" -> "group of Kestrian broadcasters"."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or not any(x.dep_ == "pobj" for x in of.children):
        return None
    end = max(t.i for t in of.subtree)
    label = join_tokens(list(noun.doc[noun.i:end + 1])).strip(" ,;:\"'“”")
    return reader.implicit(label, "Organization", False) if label else None


def _coordinated_names(reader, np: Token) -> list:
    """Names coordinated inside a noun phrase the parser folded into one ("A and B Bank" read as
    one noun with a modifier): the names outside prepositional, possessive and clausal modifiers,
    when a coordinator lies outside every name."""
    names, has_cc = [], False
    for t in np.subtree:
        node, ok = t, True
        while node.i != np.i and node.head.i != node.i:  # Tokens are compared by index, not identity
            if node.dep_ in {"prep", "poss", "relcl", "acl", "appos", "advcl"}:
                ok = False
                break
            node = node.head
        if not ok:
            continue
        m = reader.mention_at(t)
        if m is None and t.dep_ == "cc" and t.lower_ in {"and", "&"}:
            has_cc = True
        if m is not None and m.entity is not None and m.entity.family in {"Organization", "Person"} and t.i < m.end:
            names.append(m.entity)
    return _uniq(names) if has_cc else []


def _owner(reader, noun: Token):
    """Whose lawsuit: "Amazon's lawsuit", "a suit filed by X", "a complaint by X", "In its
    lawsuit against Y, X says ..."."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ == "PRON" and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" \
                and noun.head.i < noun.head.head.i:
            subj = next((x for x in noun.head.head.children if x.dep_ == "nsubj"), None) or \
                _stray_subject(noun.head.head)
            e = reader.entity_at(subj, PARTY) if subj is not None and reader.mention_at(subj) is not None else None
            if e is not None:
                return e
        if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN":  # ("the FTC complaint")
            e = reader.entity_at(c, ALL)
            if e is not None:
                return e
        if c.dep_ == "prep" and c.lower_ in ACCUSER_PREPS:
            for p in c.children:
                if p.dep_ == "pobj":
                    e = reader.entity_at(p, PARTY)
                    if e is not None:
                        return e
        if c.dep_ == "acl":
            for a in c.children:
                if a.dep_ == "agent":
                    for p in a.children:
                        e = reader.entity_at(p, PARTY) if p.dep_ == "pobj" else None
                        if e is not None:
                            return e
    verb = noun.head
    if noun.dep_ == "dobj" and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        for c in verb.children:  # "Y is fighting a suit by X": "by X" hung on the active verb
            if c.dep_ == "prep" and c.lower_ in ACCUSER_PREPS and c.i > noun.i:
                for p in c.children:
                    e = reader.entity_at(p, PARTY) if p.dep_ == "pobj" else None
                    if e is not None:
                        return e
    return None


def _subject(reader, verb: Token, d: dict) -> tuple[list, str | None, set[int]]:
    """(parties, pending mode, subject token ids) of the doer of ``verb``, up the clause chain."""
    node = verb
    for _ in range(4):
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in node.children)
        for c in node.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        out = []
                        for t in _conj_tokens(p):
                            out += _party(reader, t, d)[0]
                        return _uniq(out), None, {x.i for x in c.subtree}
            if c.dep_ == "nsubj" and not passive and not any(x.dep_ == "agent" for x in node.children):
                parties, mode = _party(reader, c, d)
                if not parties:  # "The novelists A and B sued": a second subject the parser split off
                    nxt = next((x for x in node.children if x.dep_ == "nsubj" and x.i > c.i), None)
                    if nxt is not None and min(t.i for t in nxt.subtree) == max(t.i for t in c.subtree) + 1 \
                            and not any(x.dep_ == "prep" for x in c.children):
                        c = nxt
                        parties, mode = _party(reader, c, d)
                for x in _conj_tokens(c)[1:]:
                    if x.dep_ == "appos" and reader.mention_at(x) is None:
                        continue  # "X, the parent company of A and B, ...": a description of X
                    if x.dep_ == "appos" and any(g.dep_ == "case" for g in x.children):
                        continue  # "entrepreneur Dana Holt's startup, Acme, ...": whose startup, not a party
                    parties = _uniq(parties + _party(reader, x, d, groups=x.lemma_.lower() in d["group_nouns"])[0])
                if parties:
                    parties = _uniq(_coordinated_names(reader, c) + parties)
                if not parties and c.pos_ == "NOUN" and c.tag_ == "NNS":
                    owned = reader._owner_of_group(c, {"Organization"})  # "newspapers owned by A sued X"
                    parties = [owned[0]] if owned is not None else []
                if not parties and c.pos_ == "NOUN":
                    # "publishers like A, B and C sued X": the listed members, read on
                    # the surface after the first when the parser breaks the list
                    # ("a group of publishers, including A and B": the members of the "of" noun)
                    listing = [c, *(p for x in c.children if x.dep_ == "prep" and x.lower_ == "of"
                                    for p in x.children if p.dep_ == "pobj" and p.tag_ == "NNS")]
                    for prep in (x for n in listing for x in n.children if x.dep_ == "prep" and x.lower_ in MEMBER_PREPS):
                        for p in (x for x in prep.children if x.dep_ == "pobj"):
                            first = reader.mention_at(p)
                            if first is not None and first.entity is not None:
                                parties = _uniq(parties + [first.entity]
                                                + _surface_list(reader, first.end - 1, p.sent, d))
                            # "... and a group of Kestrian broadcasters": an unnamed group in the list
                            parties = _uniq(parties + [e for x in p.subtree if x.lemma_.lower() in d["group_nouns"]
                                                       and x.dep_ in {"conj", "appos"}
                                                       and (e := _group_party(reader, x)) is not None])
                    # (organizations, or people: "authors including A and B sued X")
                    parties = [e for e in parties if e.family in {"Organization", "Person"}]
                if not parties and c.lower_ in RELATIVE_SUBJECTS and node.dep_ in {"relcl", "acl"}:
                    parties, mode = _party(reader, node.head, d)
                return parties, mode, {x.i for x in c.subtree}
        if node.dep_ in {"acl"} and node.head.pos_ in {"NOUN", "PROPN"}:
            # "a probe accusing X of ...", "a complaint ... alleging ..."
            parties, mode = _party(reader, node.head, d)
            group = node.head
            if not parties and group.dep_ == "pobj" and group.head.lower_ in AMONG_PREPS and \
                    group.head.head.pos_ in {"AUX", "VERB"}:
                # "A and B are among the publishers suing Y": the members named as the subject
                subj = next((c for c in group.head.head.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    parties = _uniq([e for x in _conj_tokens(subj) for e in _party(reader, x, d)[0]])
                    return parties, None, {x.i for x in subj.subtree}
            return parties, mode, {node.head.i}
        if node.dep_ not in {"xcomp", "advcl", "conj", "relcl", "acl", "ccomp", "dobj", "pcomp", "prep", "pobj",
                             "attr"} \
                or node.head.i == node.i:
            break
        node = node.head
    return [], None, set()


# ------------------------------------------------------------------ practices
def _practices(toks, d: dict) -> list[str]:
    """Practice names of the words in ``toks`` ("scraped" -> scraping, "copyright" -> copyright infringement)."""
    pr = d["practices"]
    found: list[str] = []
    for t in toks:
        words = {t.lemma_.lower(), t.lower_.strip("\"'“”")}
        words |= {p for w in list(words) for p in w.split("-") if p}
        for w in words:
            label = pr.get(w)
            if label is None:
                continue
            if w.startswith("secret") and not (t.i > 0 and t.nbor(-1).lower_ == "trade"):
                continue
            if label not in found:
                found.append(label)
    return found


def _clause_text(tok: Token, max_words: int = 14, skip: set[int] = frozenset()) -> str:
    """The words of a clause (without its subordinator and the tokens at ``skip``), cut to
    ``max_words``, without leading determiners and trailing punctuation or prepositions."""
    toks = [t for t in tok.subtree if not (t.dep_ == "mark" and t.head == tok) and t.i not in skip]
    while toks and (toks[0].pos_ in {"DET", "PUNCT", "CCONJ", "SCONJ"} or toks[0].lower_ in CLAUSE_LEADING_WORDS):
        toks = toks[1:]
    toks = toks[:max_words]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in {"CCONJ", "ADP", "DET"}):
        toks = toks[:-1]
    return join_tokens(toks).strip(" ,;:\"'“”")


def _complements(verb: Token, d: dict, depth: int = 0, preps: frozenset = CAUSE_OR_CHARGE_PREPS) -> list[str]:
    """Short phrases saying what was alleged: "for violating ...", "of scraping ...", "claiming that ..."
    (the phrases of ``preps`` on ``verb``, and the clauses of its accusing or saying verbs)."""
    out: list[str] = []
    say = d["suit_say_verbs"]
    lodged = verb.lemma_.lower() in d["file_verbs"] or verb.lemma_.lower() in d["legal_nouns"]
    for c in verb.children:
        if lodged and c.dep_ == "prep" and c.lower_ in LODGE_PREPS:
            continue  # "filed a complaint with the regulator": where it was lodged, not what it alleges
        if c.dep_ == "prep" and c.lower_ in preps and c.lower_ != "in":
            for p in c.children:
                if p.dep_ == "pobj" and c.lower_ == "after" and not _practices(list(p.subtree), d):
                    continue  # "sued Y a week after Z's resignation": a time, not what is alleged
                if p.dep_ in {"pobj", "pcomp"}:
                    out.append(_clause_text(p))
        elif c.dep_ in {"advcl", "xcomp", "ccomp", "acl"} and depth < 2:
            if c.lemma_ in d["accuse_verbs"] or c.lemma_ in say:
                out += _complements(c, d, depth + 1)
                # ("..., accusing its app X of posing as Y": the parse hangs "of" on the object)
                out += [_clause_text(p) for x in c.children if x.dep_ == "dobj" for q in x.children
                        if q.dep_ == "prep" and q.lower_ in CHARGE_PREPS for p in q.children
                        if p.dep_ in {"pobj", "pcomp"}]
                for x in c.children:
                    if x.dep_ == "ccomp" or (x.dep_ == "dobj" and c.lemma_ not in d["accuse_verbs"]):
                        out.append(_clause_text(x))  # "..., alleging unfair competition"
            elif c.dep_ == "ccomp" and depth > 0:
                out.append(_clause_text(c))
    return [o for o in out if o]


def _fill(record: _Record, scope: list[Token], verb: Token, d: dict, reader) -> None:
    record.practice = _uniq(_practices(scope, d) + _complements(verb, d))
    for t in scope:
        m = reader.mention_at(t)
        if m is not None and m.entity is not None and m.entity.family == "Product" and m.entity not in record.targets:
            record.targets.append(m.entity)


# ------------------------------------------------------------------ findings
def _finding(reader, verb: Token, st: dict, d: dict) -> None:
    """ "The regulator found that Acme had processed data without a legal basis" (a
    regulator's or a court's finding), "Acme said in a complaint that Kestrel copied its
    archive" (a claim made in a legal document), "Acme said Kestrel had violated its patents",
    "Acme complained to the regulator that Kestrel was blocking rivals", "she says the
    company's generator reproduces her paintings" (a party's claim about another): the finder
    or claimant accuses the subject of the clause, of the practice the clause states.

    A plain report ("say", "tell") is a charge only when its clause names a practice
    (``practices`` but not ``weak_practices``), or a plain act ("used", "trained on") done
    without leave (``unauthorized_cues``, "without" + ``without_objects``); "allege",
    "complain" are charges by themselves."""
    documents = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"
                 for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in d["legal_nouns"]]
    in_document = bool(documents)
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None) or \
        next((c for p in documents for c in p.children if c.dep_ == "acl" and c.pos_ == "VERB"), None) or \
        next((a for p in verb.children if p.dep_ == "prep" for x in p.children if x.dep_ == "pobj"
              for a in x.children if a.dep_ in {"acl", "relcl"} and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                         for m in a.children)
              and any(m.dep_ in {"nsubj", "nsubjpass"} for m in a.children)), None)
    # ("complained to lawmakers that Y was ...": the parser may hang the that-clause on the addressee)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _stray_subject(verb)
    if ccomp is None or subj is None or reader._hypothetical(verb) or _negated_here(verb) or _negated_here(ccomp):
        return  # ("if they find that X ...", "X did not say that Y ...", "Y did not copy": no finding)
    lemma = verb.lemma_.lower()
    claim = ruling = document_claim = False
    if lemma in d["finding_verbs"] and (subj.lemma_.lower() in d["ruling_nouns"] or any(
            w in normalize(e.label).split() for e in [reader.entity_at(subj, {"Organization"})] if e is not None
            for w in d["ruling_nouns"])):
        ruling = True
        court = reader.entity_at(subj, {"Organization"})
        accusers = [court if court is not None else reader.implicit(phrase(subj, drop_relcl=True, max_words=8) or
                                                                     subj.lower_, "GovernmentBody", False)]
    elif lemma in d["finding_verbs"]:
        accusers = [e for e in [reader.entity_at(subj, {"Organization"})] if e is not None
                    and e.kind == "GovernmentBody"]
        finder = reader.mention_at(subj)
        if not accusers and finder is not None and finder.titled and finder.entity is not None \
                and finder.entity.family == "Person":
            accusers = [finder.entity]  # "Privacy Commissioner Dana Holt found that Y ...": an official's finding
        if not accusers and (subj.lemma_.lower() in reader.lex["policy"]["government_nouns"]
                             or subj.lemma_.lower() in d["court_nouns"]):
            accusers = reader._government_described(subj) or reader._described_bodies(subj)
        if not accusers and (body := _implicit_body(reader, subj, d)) is not None and body.kind == "GovernmentBody":
            accusers = [body]  # "the Privacy Commissioner has found ...": an office named by its title
        if not accusers and subj.lemma_.lower() in d["finding_documents"]:
            accusers = _document_finder(reader, subj)  # "the report found Y's algorithm shows a bias"
    elif in_document:
        accusers, _ = _party(reader, subj, d)
    elif lemma in d["document_claim_verbs"] and subj.lemma_.lower() in d["legal_nouns"] and \
            subj.lemma_.lower() not in d["weak_document_nouns"]:
        # "The complaint adds that Y reproduced ...": what the suit says, its plaintiff charges
        in_document = True
        accusers, mode = _party(reader, subj, d)
        document_claim = not accusers and mode == LEGAL
    elif lemma in d["claim_verbs"] and subj.lemma_.lower() not in d["legal_nouns"]:
        accusers, _ = _party(reader, subj, d)
        named = reader.mention_at(accused_tok) if (accused_tok := next(
            (c for c in ccomp.children if c.dep_ in {"nsubj", "nsubjpass"}), None)) is not None else None
        if accusers and named is not None and named.entity in accusers and reader.mention_at(subj) is None:
            # "the company further claims Y ...": the description is not Y but the company named before
            other = _coref_other(reader, subj, {named.entity})
            accusers = [other] if other is not None else []
        accusers = [a for a in accusers if not (a.kind == "NewsOrganization" and lemma in d["report_only_verbs"])]
        claim = True
    else:
        return
    accused_tok = next((c for c in ccomp.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if not accusers and not document_claim or accused_tok is None or _expletive(accused_tok):
        return
    evidence = False
    if claim and accused_tok.pos_ == "PRON":
        # "X says it has evidence that Y used its models ...": the clause of the evidence
        inner = next((c for o in ccomp.children if o.dep_ == "dobj" and o.lemma_.lower() in d["evidence_nouns"]
                      for c in o.children if c.dep_ in {"acl", "ccomp", "relcl"}
                      and any(x.dep_ in {"nsubj", "nsubjpass"} for x in c.children)), None)
        if inner is not None:
            ccomp, evidence = inner, True
            accused_tok = next(x for x in inner.children if x.dep_ in {"nsubj", "nsubjpass"})
    if claim and accused_tok.pos_ == "PRON" and accused_tok.lower_ not in PERSON_PRONOUNS:
        return  # "X said it took the move ...": "it" is most often X itself
    if claim and (ccomp.lemma_ in d["claim_verbs"] or ccomp.lemma_ in reader.lex["reporting_verbs"]):
        return  # "they say Y said that ...": Y reports, Y is not accused
    if claim and lemma not in d["accusing_claim_verbs"] and (
            ccomp.lemma_ in reader.lex["policy"]["ban"] or ccomp.lemma_ in reader.lex["policy"]["restriction"]):
        return  # "Y has banned X, the ministry said": a policy reported, no charge against Y (but "A
        # complained that Y was blocking ...")
    if claim:
        accused, targets = _accused(reader, accused_tok, d, surface=False, exclude=tuple(accusers))
        if not accused and accused_tok.pos_ == "NOUN":
            accused, targets = _possessor(reader, accused_tok, d)
        accused = [a for a in accused if a.family in {"Organization", "Person", "Place"}]
    else:
        accused = [e for e in [reader.entity_at(accused_tok, {"Organization", "Person"})] if e is not None]
        targets = []
    if not accused or set(accused) & set(accusers):
        return
    scope = [t for t in ccomp.subtree if t.i not in {x.i for x in accused_tok.subtree}]
    # a regulator stating what a party did with data ("the office said Y had transferred users' data
    # abroad") states a finding; so does a party citing evidence
    official = any(a.kind == "GovernmentBody" for a in accusers) and any(
        t.lemma_.lower() in d["act_verbs"] and t.pos_ == "VERB" for t in scope + [ccomp])
    weak = claim and not in_document and not evidence and not official and \
        lemma not in d["accusing_claim_verbs"] and not _charged(scope, d)
    if weak and lemma not in d["suit_say_verbs"]:
        return
    r = _Record(reader.block, verb.sent, in_document)
    r.info["weak"] = weak
    r.accusers, r.accused = _uniq(accusers), accused
    if ruling:
        # "the court ruled that Y infringed ...": the court decides the plaintiff's claim
        r.courts, r.accusers, r.accuser_mode, r.legal = r.accusers, [], LEGAL, True
    elif document_claim:
        r.accuser_mode, r.legal = LEGAL, True  # the plaintiff of the suit the article reports
    _fill(r, scope, ccomp, d, reader)
    r.targets = _uniq(targets + r.targets)
    # the practice's name ("... distilled ..." -> distillation) and the clause that states it
    # ("copies whole reviews within hours")
    text = _clause_text(ccomp) if claim else phrase_verb(ccomp)
    r.practice = _uniq(r.practice + ([text] if text else []))
    # "told lawmakers that ...", "wrote to the regulator that ...": to whom the claim was made
    for c in verb.children:
        if c.dep_ in {"dobj", "dative"}:
            e = _addressee(reader, c, d)
            if e is not None and e not in r.accused:
                r.courts.append(e)
    if r.practice:
        _keep(st, r)


def _document_finder(reader, noun: Token) -> list:
    """Whose finding a report states: the report's possessor ("the Commission's final report"),
    else the government body the article names most up to here. [] when there is none."""
    owner = next((e for c in noun.children if c.dep_ == "poss"
                  for e in [reader.entity_at(c, {"Organization"})] if e is not None), None)
    if owner is not None:
        return [owner]
    body = reader.salient(noun, "Organization", exclude_kinds=frozenset({"Company", "NewsOrganization", "Organization"}))
    return [body] if body is not None else []


def _passive_finding(reader, verb: Token, st: dict, d: dict) -> None:
    """ "Y was found to copy reports ...", "Y was found to have a bias": a finding stated
    without its finder, whose practice (``practices``) the infinitive names; the finder is the
    report's owner the article names (:func:`_document_finder`)."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children):
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    xcomp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if subj is None or xcomp is None or _negated_here(verb) or reader._hypothetical(verb):
        return
    accused = [e for e in _accused(reader, subj, d)[0] if e.family in {"Organization", "Product"}]
    practices = _practices(list(xcomp.subtree), d)
    if not accused or not practices:
        return
    finder = _document_finder(reader, subj)
    if not finder or finder[0] in accused:
        return
    r = _Record(reader.block, verb.sent, False)
    r.accusers, r.accused = finder, accused
    r.practice = _uniq(practices + [_clause_text(xcomp)])
    _keep(st, r)


def _alleged_act(reader, adverb: Token, st: dict, d: dict) -> None:
    """ "Y allegedly scraped millions of posts": the practice of an accusation the article makes
    elsewhere (the suit's plaintiff accuses Y). Kept only when the article states that someone
    accuses Y (a weak record: :func:`_finish`)."""
    verb = adverb.head
    if adverb.dep_ != "advmod" or verb.pos_ != "VERB" or _negated_here(verb):
        return
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return
    accused = [e for e in _accused(reader, subj, d)[0] if e.family in {"Organization", "Person", "Product"}]
    practices = _practices([t for t in verb.subtree if t.i not in {x.i for x in subj.subtree}], d)
    if not accused or not practices:
        return
    r = _Record(reader.block, verb.sent, True)
    r.accused, r.accuser_mode = accused, LEGAL
    r.practice = _uniq(practices + [_clause_text(verb)])
    r.info["weak"] = True
    _keep(st, r)


def _expletive(tok: Token) -> bool:
    """ "it" with no referent: "it is possible that ...", "it appears that ..."."""
    if tok.lower_ != "it":
        return False
    head = tok.head
    return head.lemma_ in IMPERSONAL_VERBS and any(t.dep_ == "ccomp" for t in head.subtree)


def _negated_here(verb: Token) -> bool:
    """A negation on the verb itself ("did not say", "has not copied")."""
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)


def _charged(scope: list[Token], d: dict) -> bool:
    """Whether a reported clause states a charge: a practice word that is not weak by itself, or a
    plain act done without leave ("used its articles without permission", "illegally copied")."""
    found = [p for p in _practices(scope, d)]
    weak = d["weak_practices"]
    if any(p not in weak for p in found):
        return True
    cues, acts = d["unauthorized_cues"], d["act_verbs"]
    unauthorized = False
    for t in scope:
        if t.lower_ in cues and t.lower_ != "without":
            unauthorized = True
        if t.lower_ == "without" and any(x.lemma_.lower() in d["without_objects"] or x.lower_ in d["without_objects"]
                                         for x in t.children if x.dep_ in {"pobj", "pcomp"}):
            unauthorized = True
    return unauthorized and (bool(found) or any(t.lemma_.lower() in acts and t.pos_ == "VERB" for t in scope))


def _court_action(reader, verb: Token, st: dict, d: dict) -> None:
    """ "X took Y to court (over Z)", "X went to court against Y", "X took legal action against Y",
    "X is seeking damages from Y": legal action named by its parts rather than by "sue"."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    to_court = any(p.lower_ in TO_COURT_PREPS and any(x.dep_ == "pobj" and x.lemma_.lower() in d["court_nouns"]
                                                             for x in p.children) for p in preps) or \
        any(c.dep_ in {"xcomp", "advcl", "advmod"} and c.lemma_.lower() in d["court_nouns"] for c in verb.children)
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    against = [x for p in preps if p.lower_ == "against" for x in p.children if x.dep_ == "pobj"]
    accused_toks: list[Token] = []
    notice = [o for o in objs if o.lemma_.lower() in d["notice_nouns"] and any(
        w in d["notice_markers"] for t in o.subtree for w in (t.lower_, t.lemma_.lower()))]
    recipients = [x for c in verb.children if c.dep_ in {"dative", "prep"} and c.lower_ in RECIPIENT_PREPS
                  for x in c.children if x.dep_ == "pobj"]
    recipients += [c for c in verb.children if c.dep_ == "dative" and c.pos_ in {"PROPN", "NOUN", "PRON"}]
    served = [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for x in c.children
              if x.dep_ == "pobj" and x.lemma_.lower() in d["notice_nouns"] and any(
                  w in d["notice_markers"] for t in x.subtree for w in (t.lower_, t.lemma_.lower()))]
    if served and not notice:
        # "X served Y with a cease-and-desist demand": the one served is accused
        notice, recipients = served, recipients + objs
    if notice:
        # "X mailed a cease-and-desist notice to Y": the recipient is accused
        accused_toks = recipients + [x for o in notice for c in o.children if c.dep_ == "prep" and c.lower_ == "to"
                                     for x in c.children if x.dep_ == "pobj"]
    elif verb.lemma_.lower() in d["refer_verbs"] and objs and any(_addressee(reader, x, d) for x in recipients):
        accused_toks = objs  # "X reported Y to the regulator for ..."
    elif to_court:
        accused_toks = [o for o in objs if o.lemma_.lower() not in d["legal_nouns"]] + against
    elif any(o.lemma_.lower() in d["damages_nouns"] or o.lower_ in d["damages_nouns"] for o in objs):
        accused_toks = [x for p in preps if p.lower_ == "from" for x in p.children if x.dep_ == "pobj"]
    elif against and any(o.lemma_.lower() in d["legal_nouns"] and o.lemma_.lower() not in d["strong_legal_nouns"]
                         and verb.lemma_.lower() not in d["file_verbs"] for o in objs):
        accused_toks = against  # "pursue legal action against Y" when _file does not read it
    if not accused_toks:
        return
    r = _Record(reader.block, verb.sent, True)
    for t in accused_toks:
        a, tg = _accused(reader, t, d, surface=False)
        r.accused += a
        r.targets += tg
    r.accused = _uniq(r.accused)
    if not r.accused:
        return
    accusers, mode, subj_ids = _subject(reader, verb, d)
    r.accusers, r.accuser_mode = accusers, (mode if not accusers else None)
    _fill_and_keep(reader, r, verb, subj_ids, st, d)


def _settled_suit(reader, noun: Token, st: dict, d: dict) -> None:
    """ "Y settled a lawsuit with X", "Y agreed to settle a suit brought by X": a settled suit
    was an allegation by its plaintiff (the suit's owner, or the party it was "with") against
    the party that settles it (``lawsuit.settle_verbs``)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in d["settle_verbs"]:
        return
    accused, _, _ = _subject(reader, verb, d)
    accuser = _owner(reader, noun)
    if accuser is None:
        accuser = next((reader.entity_at(p, PARTY) for h in (noun, verb) for c in h.children
                        if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                        if p.dep_ == "pobj" and reader.entity_at(p, PARTY) is not None), None)
    accused = [a for a in accused if a is not accuser]
    if accuser is None or not accused:
        return
    r = _Record(reader.block, noun.sent, True)
    r.accusers, r.accused = [accuser], _uniq(accused)
    r.practice = _uniq(_practices(list(noun.subtree), d))
    _keep(st, r)


def _suit_with(reader, noun: Token, st: dict, d: dict) -> None:
    """ "Y was hit with a class action for ...", "X slapped Y with a lawsuit over ...", "Y was named
    in a suit": a suit as the instrument of a verb whose object (or passive subject) is the defendant."""
    prep = noun.head
    if noun.dep_ != "pobj":
        return
    if prep.lower_ == "of" and prep.head.lemma_.lower() in d["target_nouns"] and prep.head.dep_ in {"attr", "dobj"}:
        # "Y is the target of a lawsuit brought by X", "Y became the subject of a suit by X"
        verb = prep.head.head
        passive = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        obj = None
    elif prep.lower_ in INSTRUMENT_PREPS and prep.head.pos_ == "VERB":
        verb = prep.head
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    else:
        return
    target = passive if passive is not None else obj
    if target is None:
        return
    r = _Record(reader.block, noun.sent, True)
    r.accused, r.targets = _accused(reader, target, d, surface=False, info=r.info)
    if not r.accused:
        return
    owner = _owner(reader, noun)
    accusers = [owner] if owner is not None else []
    if owner is None and passive is None:
        accusers, mode, _ = _subject(reader, verb, d)  # ("A and B hit Y with lawsuits": both)
    elif owner is None:
        # "Y has been hit with a lawsuit by X": the passive's agent
        accusers = [e for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                    for x in _conj_tokens(p) for e in _party(reader, x, d)[0]]
    r.accusers = _uniq(accusers)
    r.accuser_mode = None if r.accusers else LEGAL
    r.practice = _uniq(_practices([t for t in verb.subtree if t.i not in {x.i for x in target.subtree}], d)
                       + _complements(verb, d) + _complements(noun, d)
                       + [x for c in noun.children if c.dep_ == "acl" for x in _complements(c, d)])
    _keep(st, r)


def _suit_against(reader, noun: Token, st: dict, d: dict) -> None:
    """ "The lawsuit against Y, brought by X, centers on ...", "X's complaint against Y over Z":
    a suit named with its defendant outside a filing verb (which :func:`_file` reads)."""
    against = [x for c in noun.children if c.dep_ == "prep" and c.lower_ == "against"
               for x in c.children if x.dep_ == "pobj"]
    filer = None
    if not against:
        # "the lawsuit X had brought against Y": the defendant and the plaintiff in a relative clause
        for rel in noun.children:
            if rel.dep_ in {"relcl", "acl"} and rel.lemma_ in d["file_verbs"]:
                against = [x for c in rel.children if c.dep_ == "prep" and c.lower_ == "against"
                           for x in c.children if x.dep_ == "pobj"]
                filer = next((reader.entity_at(c, PARTY) for c in rel.children if c.dep_ == "nsubj"), None)
                if against:
                    break
    if not against:
        return
    r = _Record(reader.block, noun.sent, True)
    for t in against:
        a, tg = _accused(reader, t, d, surface=False, info=r.info)
        r.accused += a
        r.targets += tg
    r.accused = _uniq(r.accused)
    if not r.accused:
        return
    owner = filer or _owner(reader, noun)
    if owner is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in d["join_verbs"]:
        accusers, _, _ = _subject(reader, noun.head, d)  # "X joined a lawsuit against Y"
        owner = accusers[0] if accusers else None
    if owner is None:
        # the parser hangs "brought by X" on the defendant: "the lawsuit against Y, brought by X"
        owner = next((reader.entity_at(p, PARTY) for t in against for c in t.children if c.dep_ == "acl"
                      for a in c.children if a.dep_ == "agent" for p in a.children
                      if p.dep_ == "pobj" and reader.entity_at(p, PARTY) is not None), None)
    r.accusers = [owner] if owner is not None else []
    r.accuser_mode = None if owner is not None else LEGAL
    scope = [t for t in noun.sent if t.i not in {x.i for p in against for x in p.subtree}]
    r.practice = _uniq(_practices(scope, d) + [_clause_text(p) for c in noun.children if c.dep_ == "prep"
                                                 and c.lower_ in d["cause_preps"] for p in c.children
                                                 if p.dep_ in {"pobj", "pcomp"}])
    _keep(st, r)


# ------------------------------------------------------------------ triggers
def _sue(reader, tok: Token, st: dict, d: dict) -> None:
    """ "X sued Y for Z", "Y was sued by X", "X has taken steps to sue Y, claiming ..."."""
    r = _Record(reader.block, tok.sent, True)
    accusers, mode, subj_ids = _subject(reader, tok, d)
    accused: list = []
    targets: list = []
    has_agent = any(c.dep_ == "agent" for c in tok.children)
    for c in tok.children:
        if c.dep_ in {"dobj", "nsubjpass"} or (c.dep_ == "nsubj" and has_agent):  # "Y sued by X" (headline)
            accused, targets = _accused(reader, c, d)
    if not accused:  # the parser broke the object ("sue synthetic media startup X"): the next name
        for t in tok.sent.doc[tok.i + 1:min(tok.sent.end, tok.i + 7)]:
            m = reader.mention_at(t)
            if m is not None and m.entity is not None and m.entity.family in {"Organization", "Person"}:
                accused = _uniq([m.entity] + _surface_list(reader, m.end - 1, tok.sent, d))
                break
            if t.pos_ not in {"ADJ", "NOUN", "PROPN", "DET", "PUNCT", "NUM"}:
                break
    if not accusers and mode is None and tok.pos_ != "VERB":
        # a headline "X Sues Y": the name right before the trigger
        prev = reader.mention_at(tok.nbor(-1)) if tok.i > tok.sent.start else None
        if prev is not None and prev.entity is not None:
            accusers = [prev.entity]
    if not accusers and tok.pos_ == "VERB" and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
        # the parser broke the subject ("bestselling authors A and B also sued Y"): the names
        # right before the verb, read on the surface
        surface = _names_before(reader, tok, d)
        if surface:
            accusers, mode = surface, None
    if not accusers and mode is None and tok.pos_ == "VERB":
        r.info["claimants"] = _described_claimants(reader, tok, d)  # "Kestrian authors sued Y"
        mode = LEGAL if r.info["claimants"] or _unnamed_claimant(reader, tok, d) else None
    r.accusers, r.accuser_mode, r.accused = accusers, (mode if not accusers else None), accused
    scope = [t for t in tok.subtree if t.i not in subj_ids and t.i != tok.i]
    _fill(r, scope, tok, d, reader)
    r.targets = _uniq(targets + r.targets)
    _keep(st, r)


def _described_claimants(reader, verb: Token, d: dict) -> list:
    """Claimants a suit's subject describes without naming them: "a group of authors" (the
    group, :func:`_group_party`), "Kestrian book publishers", "French authors and artists"
    (a plural of ``claimant_nouns`` with its modifiers and conjuncts, as one unnamed party
    labelled with the text's words), as the subject or as a passive's agent ("Y is being sued
    by three poets"). [] when the subject is named or is no such description."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) or next(
        (p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
    return _described_party(reader, subj, d) if subj is not None else []


def _described_party(reader, subj: Token, d: dict) -> list:
    """The unnamed party a noun phrase describes ("a group of authors", "Kestrian book
    publishers"), as :func:`_described_claimants` reads a suit's subject; [] when the phrase
    names someone or is no such description."""
    if subj.pos_ != "NOUN" or any(reader.mention_at(t) is not None for t in subj.subtree):
        return []
    if subj.lemma_.lower() in d["group_nouns"]:
        group = _group_party(reader, subj)
        return [group] if group is not None else []
    if subj.lemma_.lower() not in d["claimant_nouns"] or subj.tag_ != "NNS":
        return []
    skip = {x.i for c in subj.children if c.dep_ in {"relcl", "acl", "appos", "prep", "punct"} for x in c.subtree}
    toks = [t for t in subj.subtree if t.i not in skip]
    while toks and (toks[0].pos_ in {"DET", "PUNCT", "CCONJ", "NUM"} or toks[0].tag_ == "PRP$"):
        toks = toks[1:]
    label = join_tokens(toks[:6]).strip(" ,;:\"'“”")
    return [reader.implicit(label, "Organization", False)] if label else []


def _unnamed_claimant(reader, verb: Token, d: dict) -> bool:
    """True when a suit's subject is one claimant described, not named ("a columnist sued
    Y", "an author filed a suit against Y"): an indefinite singular noun of
    ``claimant_nouns``. The suit's plaintiff is then the one the article names for it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ == "NOUN" and subj.tag_ == "NN" \
        and subj.lemma_.lower() in d["claimant_nouns"] and reader.mention_at(subj) is None \
        and any(c.dep_ == "det" and c.lower_ in d["indefinite_determiners"] for c in subj.children)


def _names_before(reader, verb: Token, d: dict) -> list:
    """The people and organizations named right before ``verb`` on the surface ("authors A and B
    also sued Y"): the name ending at the word before the verb (past auxiliaries and adverbs),
    and the names coordinated before it with commas and "and". [] when the word there is no
    name's end."""
    doc = verb.doc
    end = verb.i
    while end - 1 > verb.sent.start and (doc[end - 1].pos_ in {"AUX", "ADV", "PART"} and doc[end - 1].lower_ != "to"):
        end -= 1
    run = reader.names_ending_at(verb.sent, end)
    found: list = []
    for m in reversed(run):
        if m.entity.family not in {"Person", "Organization"}:
            break
        found.insert(0, m)
    if found and found[0].start > verb.sent.start and doc[found[0].start - 1].pos_ == "ADP":
        return []  # "Parent company of A, B and C sues Y": the names qualify the subject
    return _uniq([m.entity for m in found])


def _file(reader, tok: Token, st: dict, d: dict) -> None:
    """ "X filed a lawsuit against Y", "charges were filed against Y", "X brought a complaint to court"."""
    legal = d["legal_nouns"]
    noun = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in legal), None)
    if noun is None:
        return
    against = [p for x in (tok, noun) for c in x.children if c.dep_ == "prep" and c.lower_ == "against"
               for p in c.children if p.dep_ == "pobj"]
    if not against:
        # "a complaint with the regulator against Y": the parse hangs "against" on the body
        against = [p for x in (tok, noun) for c in x.children if c.dep_ == "prep" and c.lower_ in LODGE_PREPS
                   for b in c.children if b.dep_ == "pobj" for cc in b.children
                   if cc.dep_ == "prep" and cc.lower_ == "against" for p in cc.children if p.dep_ == "pobj"]
    if not against and noun.lemma_.lower() in d["strong_legal_nouns"]:
        # "X filed a complaint with the regulator, saying Y abused its position": the subject of
        # the clause the filer says
        against = [sub for x in (tok, noun) for c in x.children
                   if c.dep_ in {"advcl", "acl"} and c.lemma_ in d["suit_say_verbs"]
                   for cc in c.children if cc.dep_ == "ccomp"
                   for sub in cc.children if sub.dep_ in {"nsubj", "nsubjpass"} and reader.mention_at(sub) is not None]
    named_before = not against and noun.dep_ == "dobj" and any(
        c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children)
    if not against and noun.lemma_.lower() not in d["strong_legal_nouns"] and not named_before:
        return  # (but "A filed the case": the suit named before, filed by A)
    if noun.lemma_.lower() == "action" and not any(c.lower_ in ACTION_MODIFIERS for c in noun.children):
        return
    r = _Record(reader.block, tok.sent, True)
    accusers, mode, subj_ids = ([], None, set())
    counsel: list = []
    if noun.dep_ == "dobj":
        accusers, mode, subj_ids = _subject(reader, tok, d)
    else:
        accusers, mode, subj_ids = _subject(reader, tok, d)
        counsel = [p for c in tok.children if c.dep_ == "agent" for p in c.children
                   if p.dep_ == "pobj" and p.lower_ in d["agent_nouns"]]
        if counsel:
            # "the suit was filed by lawyers with the firm X": counsel files for the plaintiff,
            # named only with ``counsel_preps`` ("by lawyers for A", "by attorneys representing A")
            represented = {e for p in counsel for c in p.children if c.dep_ in {"prep", "acl"}
                           and c.lower_ in d["counsel_preps"] for t in c.subtree if (m := reader.mention_at(t)) is not None and (e := m.entity) is not None}
            accusers = [a for a in accusers if a in represented]
        if not accusers:
            mode = LEGAL
    owner = _owner(reader, noun) if not counsel else None
    if owner is not None and not accusers:
        accusers, mode = [owner], None
    if not accusers and mode is None and noun.dep_ == "dobj":
        r.info["claimants"] = _described_claimants(reader, tok, d)  # "a group of authors filed a suit against Y"
        mode = LEGAL if r.info["claimants"] or _unnamed_claimant(reader, tok, d) else None
    if not accusers and mode is None and not subj_ids:
        mode = LEGAL  # "charges were filed against Y": the article's plaintiff
    r.accusers, r.accuser_mode = accusers, (mode if not accusers else None)
    _accused_and_practice(reader, r, against, tok, subj_ids, d)
    r.practice = _uniq(r.practice + _practices([c for c in noun.children if c.dep_ in {"compound", "amod"}], d))
    agents = [t for c in tok.children if c.dep_ == "agent" for t in c.subtree]
    if named_before and not accusers:
        return  # ("the company filed the case": no plaintiff named)
    if not against and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children) \
            and not any(t.lemma_.lower() in d["agent_nouns"] or t.lower_ in d["agent_nouns"] for t in agents):
        # "The lawsuit was filed ... by A and B": the suit named before (but "filed by attorneys
        # A and B": who represent the plaintiffs)
        r.info["same_suit"] = True
    _keep(st, r)


def _accused_and_practice(reader, r: _Record, objs: list[Token], verb: Token, subj_ids: set, d: dict) -> None:
    """Fill a record's accused and targets from the noun phrases ``objs`` and its practices
    from the clause of ``verb`` without its subject (``subj_ids``)."""
    for p in objs:
        ents, targets = _accused(reader, p, d, info=r.info)
        r.accused += ents
        r.targets += targets
    r.accused = _uniq(r.accused)
    _fill(r, [t for t in verb.subtree if t.i not in subj_ids and t.i != verb.i], verb, d, reader)


def _probe(reader, tok: Token, st: dict, d: dict) -> None:
    """"X opened a probe into Y for allegedly failing to Z", "X launched an investigation into Y,
    alleging that ...": a regulator's or official's investigation stated with what it suspects
    (``probe_verbs``, ``probe_nouns``), or "X is investigating Y over Z" (``investigate_verbs``).
    What it suspects is a practice the clause names, else the phrase after "over" or "for"
    (``suspicion_preps``: "into Y over its use of Z"; "over concerns that ...": the concern).
    An investigation that states no practice ("to examine whether ...") is no allegation."""
    if tok.lemma_.lower() in d["investigate_verbs"]:
        noun = tok
        into = [c for c in tok.children if c.dep_ == "dobj"]
    else:
        noun = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}
                     and c.lemma_.lower() in d["probe_nouns"]), None)
        if noun is None:
            return
        into = [p for x in (tok, noun) for c in x.children if c.dep_ == "prep" and c.lower_ in d["probe_preps"]
                for p in c.children if p.dep_ == "pobj"]
    if not into or reader._hypothetical(tok):
        return
    r = _Record(reader.block, tok.sent, True)
    accusers, mode, subj_ids = _subject(reader, tok, d)
    r.accusers, r.accuser_mode = accusers, (mode if not accusers else None)
    _accused_and_practice(reader, r, into, tok, subj_ids, d)
    if not r.practice:
        for p in (p for x in (tok, noun, *into) for c in x.children if c.dep_ == "prep"
                  and c.lower_ in d["suspicion_preps"] for p in c.children if p.dep_ in {"pobj", "pcomp"}):
            # "over concerns that Y ...": the concern's clause
            said = next((a for a in p.children if a.dep_ in {"acl", "ccomp", "relcl"} and a.pos_ in {"VERB", "AUX"}),
                        p)
            text = _clause_text(said)
            if text:
                r.practice.append(text)
    if not r.practice or not r.accusers or not r.accused:
        return
    _keep(st, r)


def _accuse(reader, tok: Token, st: dict, d: dict) -> None:
    """ "X accused Y of Z" where X is a place, an unnamed body, a lawsuit or a description;
    and "Y was accused by X of Z"."""
    objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    of = [c for x in [tok, *[t for o in objs for t in _conj_tokens(o)]] for c in x.children
          if c.dep_ == "prep" and c.lower_ in CHARGE_PREPS]
    if tok.lemma_ == "charge" and not of:
        return
    if not objs:
        # "the lawsuit accuses Google's Gemini assistant of ...": the object may hang under "of"
        return
    r = _Record(reader.block, tok.sent, False)
    accusers, mode, subj_ids = _subject(reader, tok, d)
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if mode == LEGAL or (subj is not None and subj.lemma_.lower() in d["legal_nouns"]):
        r.legal = True
    accused, targets = _accused(reader, objs[0], d, info=r.info)
    if objs[0].pos_ == "PRON" and tok.dep_ == "advcl":
        # "A and B sued Y, accusing it of Z": the pronoun is the object of the act it explains
        # (not the nearest other name, which may be a co-plaintiff)
        acted_on = next((c for c in tok.head.children if c.dep_ == "dobj"), None)
        named, named_targets = _accused(reader, acted_on, d, info=r.info) if acted_on is not None else ([], [])
        if named:
            accused, targets = named, named_targets
    if not accusers and mode is None and any(c.dep_ == "nsubjpass" for c in tok.children) and \
            not any(c.dep_ == "agent" for c in tok.children):
        src = reader.attribution(tok.sent)
        if isinstance(src, Entity) and src.family in {"Organization", "Person"} and src.kind != "NewsOrganization" \
                and src not in accused:
            accusers = [src]  # "Y has been accused of Z, according to X": the source accuses
        else:
            mode = DESC  # "Y is accused of Z": whoever the article says accuses Y
    if not accusers and mode is None and tok.dep_ == "advcl" and any(
            t.lemma_.lower() in d["strong_legal_nouns"] or t.lemma_.lower() in d["court_nouns"] for t in tok.sent):
        # "On X's petition, the court summoned Y, accusing it of Z" (the subject lost in
        # the parse, or a court, which never accuses): the article's plaintiff
        mode, r.legal = LEGAL, True
    r.accusers, r.accuser_mode, r.accused = accusers, (mode if not accusers else None), accused
    if not accusers and mode is None:
        return
    scope = [t for c in of for t in c.subtree]
    _fill(r, scope, tok, d, reader)
    r.practice = _uniq(r.practice + [_clause_text(p) for c in of for p in c.children if p.dep_ in {"pobj", "pcomp"}])
    r.targets = _uniq(targets + r.targets)
    _keep(st, r)


def _named_defendant(reader, tok: Token, st: dict, d: dict) -> None:
    """ "The suit also names Y as a defendant", "Y is also named as a defendant" (a verb of
    ``defendant_naming_verbs`` with "as" a ``defendant_nouns`` word): Y is accused by the
    plaintiffs of the suit the article stated last (else by the article's plaintiffs)."""
    if not any(c.dep_ == "prep" and c.lower_ == "as" and any(p.dep_ == "pobj" and p.lower_ in d["defendant_nouns"]
                                                            for p in c.children) for c in tok.children):
        return
    party = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if party is None:
        return
    accused, targets = _accused(reader, party, d)
    if not accused:
        return
    r = _Record(reader.block, tok.sent, True)
    before = [x for x in st["records"] if x.legal and x.accusers]
    if before:
        r.accusers = list(before[-1].accusers)
    else:
        r.accuser_mode = LEGAL
    r.accused, r.targets = accused, targets
    _keep(st, r)


def _money(tok: Token, d: dict) -> bool:
    money = d["money_words"]
    return any(t.lower_ in money or t.like_num for t in tok.subtree)


def _fine_verb(reader, tok: Token, st: dict, d: dict) -> None:
    """ "X fined Y for Z", "X charged Y 15 million euros due to Z", "Y was fined by X"."""
    objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass", "dative"}]
    if tok.lemma_ == "charge" and not any(_money(c, d) for c in objs):
        return
    accused: list = []
    targets: list = []
    for o in objs:
        if _money(o, d) and reader.mention_at(o) is None:
            # "charged OpenAI 15 million euros": the name inside the amount's phrase
            names = [e for t in o.subtree if (m := reader.mention_at(t)) is not None and (e := m.entity) is not None
                     and e.family in {"Organization", "Person"}]
            accused += names[:1]
        else:
            a, t = _accused(reader, o, d, surface=False, penalized=True)
            accused += a
            targets += t
    accused = _uniq(accused)
    if not accused:
        return
    r = _Record(reader.block, tok.sent, False)
    r.accusers, mode, subj_ids = _subject(reader, tok, d)
    agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not r.accusers and any(c.dep_ == "nsubjpass" for c in tok.children):
        # "Y was fined 2 million euros by X": the parser hangs "by X" on the amount
        for o in objs:
            for c in o.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    r.accusers += [e for p in c.children if p.dep_ == "pobj" for e in _party(reader, p, d)[0]]
                    subj_ids |= {x.i for x in c.subtree}
                    agents += [p for p in c.children if p.dep_ == "pobj"]
        r.accusers = _uniq(r.accusers)
    r.accuser_mode = None if r.accusers else (FINED if mode in {None, DESC} else mode)
    r.accused = accused
    scope = [t for t in tok.subtree if t.i not in subj_ids and t.i != tok.i]
    _fill(r, scope, tok, d, reader)
    # "15 million euros for ...", also where the parse hangs the amount on the object ("fined Acme, the
    # retailer, 35 million euros for ...": the amount in apposition)
    amounts = [x for o in objs for x in o.subtree if x.i != o.i and x.lower_ in d["money_words"]]
    # ("fined by X over its handling of Y": the parse may hang the cause on the agent)
    r.practice = _uniq(r.practice + [x for o in [*objs, *amounts] for x in _complements(o, d)]
                       + [x for a in agents for x in _complements(a, d, preps=CAUSE_PREPS)])
    r.targets = _uniq(targets + r.targets)
    r.kind = "fine"
    _keep(st, r)


def _fine_noun(reader, tok: Token, st: dict, d: dict) -> None:
    """ "X imposed a fine on Y", "a penalty against Y", "Y received a fine for Z"."""
    verb = tok.head
    if tok.dep_ not in {"dobj", "nsubjpass"} or verb.pos_ not in {"VERB", "AUX"}:
        return
    on = [p for x in (verb, *tok.subtree) for c in x.children if c.dep_ == "prep" and c.lower_ in PENALIZED_PREPS
          and (x is verb or x.i >= tok.i) for p in c.children if p.dep_ == "pobj"]  # "a penalty of 3m euros on Y"
    r = _Record(reader.block, tok.sent, False)
    r.kind = "fine"
    if verb.lemma_ in d["receive_verbs"]:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return
        r.accused, r.targets = _accused(reader, subj, d, surface=False, penalized=True)
        src = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
               if p.dep_ == "pobj"]
        r.accusers = _uniq([e for p in src for e in _party(reader, p, d)[0]])
        r.accuser_mode = None if r.accusers else FINED
        subj_ids = {x.i for x in subj.subtree}
    elif verb.lemma_ in d["impose_verbs"] and on:
        for p in on:
            a, t = _accused(reader, p, d, surface=False, penalized=True)
            r.accused += a
            r.targets += t
        r.accusers, mode, subj_ids = _subject(reader, verb, d)
        r.accuser_mode = None if r.accusers else (FINED if mode in {None, DESC} else mode)
    else:
        return
    r.accused = _uniq(r.accused)
    if not r.accused:
        return
    _fill_and_keep(reader, r, verb, subj_ids, st, d)


def _suit_says(reader, noun: Token, st: dict, d: dict) -> None:
    """ "The lawsuit alleges that Y ...", "The suit accuses Y of ...", "According to the complaint, Y ...",
    "The complaint ..., alleging that Y ..."."""
    verb = None
    clause = None
    source: set[int] = set()
    if noun.dep_ == "nsubj" and noun.head.lemma_ in d["suit_say_verbs"] and noun.head.lemma_ not in d["accuse_verbs"]:
        verb = noun.head
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    elif noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according":
        verb = noun.sent.root
        clause = verb if verb.pos_ in {"VERB", "AUX"} else None
        source = {t.i for t in noun.head.head.subtree}  # (the "According to ..." phrase is no practice)
    elif noun.dep_ in {"nsubj", "nsubjpass"}:
        verb = noun.head
        clause = next((x for c in verb.children if c.dep_ == "advcl" and c.lemma_ in d["suit_say_verbs"]
                       for x in c.children if x.dep_ == "ccomp"), None)
    if clause is None:
        # "after a suit claiming that Y's assistant made up quotes by her"
        verb = next((c for c in noun.children if c.dep_ == "acl" and c.lemma_ in d["suit_say_verbs"]), None)
        clause = next((x for x in verb.children if x.dep_ == "ccomp"), None) if verb is not None else None
    if verb is None or clause is None:
        return
    subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return
    accused, targets = [], []
    about = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in COMPLAINT_PREPS
             for p in c.children if p.dep_ == "pobj"]
    for p in about:  # "a complaint about Acme's conduct", "a suit against X"
        a, t = _accused(reader, p, d, surface=False)
        if not a:
            a, t = _possessor(reader, p, d)
        accused, targets = accused + a, targets + t
    info: dict = {}
    if not accused:
        accused, targets = _accused(reader, subj, d, surface=False, info=info)
    if not accused and not info:
        # "Acme's search tool copies ...": the possessor of the subject
        accused, targets = _possessor(reader, subj, d)
    if not accused and not info.get("defendants"):
        return
    r = _Record(reader.block, noun.sent, True)
    r.info.update(info)
    owner = _owner(reader, noun)
    if owner is None and noun.dep_ == "nsubjpass":  # "a complaint ... was made by X"
        owner = next((reader.entity_at(p, PARTY) for c in verb.children if c.dep_ == "agent"
                      for p in c.children if p.dep_ == "pobj"), None)
    r.accusers = [owner] if owner is not None else []
    r.accuser_mode = None if owner is not None else LEGAL
    r.accused = accused
    scope = [t for t in clause.subtree if t.i not in {x.i for x in subj.subtree} and t.i not in source]
    r.practice = _uniq(_practices(scope, d) + [_clause_text(clause, skip=source)])
    r.targets = _uniq(targets + [m.entity for t in scope if (m := reader.mention_at(t)) is not None
                                 and m.entity is not None and m.entity.family == "Product"])
    _keep(st, r)


def _concern(reader, noun: Token, st: dict, d: dict) -> None:
    """ "X had concerns that Y's use of data threatens ...": the concern's owner accuses the clause's subject."""
    clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"}
                   and any(x.lower_ == "that" and x.dep_ == "mark" for x in c.children)), None)
    if clause is None:
        return
    subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return
    accused, targets = _accused(reader, subj, d, surface=False)
    if not accused:
        accused, targets = _possessor(reader, subj, d)
    if not accused:
        return
    if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() not in d["_legal_words"]:
        return  # "banned X over concerns that Y ...": the reason of an act, not a legal claim
    r = _Record(reader.block, noun.sent, False)
    r.accusers, mode, _ = _subject(reader, noun.head, d) if noun.dep_ in {"dobj", "pobj"} else ([], None, set())
    if not r.accusers:
        return
    r.accused = accused
    scope = list(clause.subtree)
    r.practice = _uniq(_practices([t for t in scope if t.i not in {x.i for x in subj.subtree}], d)
                       + [_clause_text(clause)])
    r.targets = _uniq(targets + [m.entity for t in scope if (m := reader.mention_at(t)) is not None
                                 and m.entity is not None and m.entity.family == "Product"])
    _keep(st, r)


def _reported(reader, verb: Token, st: dict, d: dict, acts: bool = False) -> None:
    """ "Y may have distilled our models, an X spokesperson said": a practice verb whose named subject
    is not the sentence's source, in a sentence attributed to an organization or person; with ``acts``,
    a plain act done without leave ("Y took our photos without asking," X said). A denial ("Y never
    keeps the logs", the negation on the verb or on the clause it completes) is none."""
    if _negated(verb, d):
        return
    sent = reader.sentence_of(verb)
    src = reader.attribution(sent)
    if src is None:
        src = _speaker(reader, sent)
    if acts and (src is None or not _charged([t for t in verb.subtree if t.dep_ not in {"nsubj", "nsubjpass"}], d)):
        return
    if src is None or isinstance(src, str) or src.family not in {"Organization", "Person"} \
            or src.kind == "NewsOrganization":
        return
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ in {"xcomp", "conj"}:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return
    if subj.pos_ == "PRON":
        # "what Y did here is they distilled ...": the named subject of the sentence's other clause
        named = [t for t in verb.sent if t.dep_ == "nsubj" and t is not subj and reader.mention_at(t) is not None]
        if not named:
            return
        subj = named[0]
    accused, targets = _accused(reader, subj, d, surface=False)
    accused = [a for a in accused if a is not src and a.family in {"Organization", "Person"}]
    if not accused:
        return
    r = _Record(reader.block, verb.sent, False)
    r.accusers, r.accused = [src], accused
    scope = [t for t in verb.subtree if t.i not in {x.i for x in subj.subtree}]
    r.practice = _uniq(_practices([verb], d) + [_clause_text(verb)])
    r.targets = _uniq(targets + [m.entity for t in scope if (m := reader.mention_at(t)) is not None
                                 and m.entity is not None and m.entity.family == "Product"])
    _keep(st, r)


def _speaker(reader, sent: Span):
    """The person a quote's "he said" / "she said" stands for: the last person named before it."""
    verb = sent.root
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.lemma_ not in reader.lex["reporting_verbs"] or subj is None or subj.lower_ not in PERSON_PRONOUNS:
        return None
    for b in range(reader.block, max(-1, reader.block - 3), -1):
        for m in reversed(reader.mentions[b]):
            if m.entity is not None and m.entity.family == "Person" and (b < reader.block or m.start < sent.start):
                return m.entity
    return None


def _faces(reader, noun: Token, st: dict, d: dict) -> None:
    """ "Y is facing lawsuits from A, B and C, who have raised claims of ...", "Y faces a suit by X",
    "... from a group of authors" (an unnamed party described, :func:`_described_party`)."""
    if noun.dep_ != "dobj" or noun.head.lemma_ not in d["receive_verbs"]:
        return
    # (the source's phrase on the noun, or on the verb where the parser hangs it: "is facing a
    # lawsuit from X")
    srcs = [p for h in (noun, noun.head) for c in h.children if c.dep_ == "prep" and c.lower_ in ACCUSER_PREPS
            for p in c.children if p.dep_ == "pobj"]
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if not srcs or subj is None:
        return
    r = _Record(reader.block, noun.sent, True)
    r.accused, r.targets = _accused(reader, subj, d, surface=False)
    r.accusers = _uniq([e for p in srcs for t in _conj_tokens(p) for e in _party(reader, t, d)[0]]
                       + [e for p in srcs for e in _coordinated_names(reader, p)]) \
        or _uniq([e for p in srcs for e in _described_party(reader, p, d)])  # "... from a group of authors"
    if not r.accused or not r.accusers:
        return
    clauses = [c for p in srcs for t in _conj_tokens(p) for c in t.children if c.dep_ == "relcl"]
    r.practice = _uniq(_practices([t for c in clauses for t in c.subtree], d) + [_clause_text(c) for c in clauses]
                       + _complements(noun, d) + _complements(noun.head, d))  # "... over the scraping of ..."
    _keep(st, r)


def _accusation_noun(reader, noun: Token, st: dict, d: dict) -> None:
    """ "Y faces accusations from X that it copied ...", "Y agreed to settle charges by X that it
    misled users", "Y denied X's accusations of plagiarism": an accusation noun, its owner, and the
    clause or phrase that says what it charges (the parser may hang them on the noun's verb)."""
    head = noun.head
    on_verb = noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB"
    holders = [noun] + ([head] if on_verb else [])
    owner = None
    for c in noun.children:
        if c.dep_ in {"poss", "compound"}:
            owner = owner or reader.entity_at(c, PARTY)
    if owner is None:
        owner = next((e for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ACCUSER_PREPS
                      and (h is noun or c.i > noun.i) for p in c.children if p.dep_ == "pobj"
                      for e in _party(reader, p, d)[0]), None)
    if owner is None:
        return
    clause = next((c for h in holders for c in h.children if c.dep_ in {"acl", "ccomp", "relcl"} and
                   (h is noun or c.i > noun.i) and any(x.lower_ == "that" and x.dep_ == "mark" for x in c.children)),
                  None)
    of = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ACCUSATION_PREPS
          for p in c.children if p.dep_ in {"pobj", "pcomp"}]
    accused: list = []
    targets: list = []
    scope: list[Token] = []
    if clause is not None:
        subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None:
            return
        accused, targets = _accused(reader, subj, d, surface=False, exclude=(owner,))
        scope = [t for t in clause.subtree if t.i not in {x.i for x in subj.subtree}]
        texts = [_clause_text(clause)]
    elif of:
        scope = [t for p in of for t in p.subtree]
        texts = [_clause_text(p) for p in of]
    else:
        return
    if not accused and on_verb:  # "Y faces / denied / settled accusations ...": Y
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            accused, targets = _accused(reader, subj, d, surface=False)
    accused = [a for a in accused if a != owner and a.family in {"Organization", "Person", "Place"}]
    found = _practices(scope, d)
    if not accused or not (found or clause is not None):
        return
    r = _Record(reader.block, noun.sent, False)
    r.accusers, r.accused = [owner], accused
    r.practice = _uniq(found + texts)
    r.targets = _uniq(targets + [m.entity for t in scope if (m := reader.mention_at(t)) is not None
                                 and m.entity is not None and m.entity.family == "Product"])
    _keep(st, r)


def _allege_practice(reader, verb: Token, st: dict, d: dict) -> None:
    """ "The firms further allege breaches of trademark, saying Y ...": a practice as the object of
    "allege"; the accused is the subject of the clause that explains it, else the article's defendant."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        _allege_that(reader, verb, st, d)
        return
    found = _practices(list(obj.subtree), d)
    if not found:
        return
    r = _Record(reader.block, verb.sent, False)
    r.accusers, mode, _ = _subject(reader, verb, d)
    r.accuser_mode = None if r.accusers else mode
    if mode in {DESC, LEGAL}:
        r.accusers, r.accuser_mode, r.legal = [], mode, True
    for c in verb.children:
        if c.dep_ in {"advcl", "ccomp"} and c.lemma_ in d["suit_say_verbs"]:
            for x in c.children:
                if x.dep_ == "ccomp":
                    s = next((y for y in x.children if y.dep_ in {"nsubj", "nsubjpass"}), None)
                    if s is not None:
                        r.accused, r.targets = _accused(reader, s, d, surface=False)
                    r.practice.append(_clause_text(x))
    r.practice = _uniq(found + [phrase(obj, drop_relcl=True, max_words=8)] + r.practice)
    if not r.accused:
        return
    _keep(st, r)


def _allege_that(reader, verb: Token, st: dict, d: dict) -> None:
    """ "X alleges that Y broke copyright rules by ...": named practices of the clause, so that the
    allegation is named in the practice words of news ("copyrighted" -> copyright infringement)."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return
    subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return
    scope = [t for t in clause.subtree if t.i not in {x.i for x in subj.subtree}]
    found = _practices(scope, d)
    if not found:
        return
    accused, targets = _accused(reader, subj, d, surface=False)
    if not accused:
        return
    r = _Record(reader.block, verb.sent, False)
    r.accusers, mode, _ = _subject(reader, verb, d)
    r.accuser_mode = None if r.accusers else mode
    if mode == LEGAL:
        r.legal = True
    r.accused = accused
    r.practice = _uniq(found + [_clause_text(clause)])
    r.targets = _uniq(targets + [m.entity for t in scope if (m := reader.mention_at(t)) is not None
                                 and m.entity is not None and m.entity.family == "Product"])
    _keep(st, r)


def _members(reader, verb: Token, st: dict, d: dict) -> None:
    """The members of the article's unnamed plaintiffs: "The coalition includes A and B",
    "It has since been joined by outlets like C, D and E" (a group, plaintiff or
    coalition noun, or a pronoun for one, as the subject of "include", or "joined by ...
    including"). Every organization listed becomes a member; they accuse in place of the
    unnamed plaintiffs (``lawsuit.group_nouns``)."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or not (subj.lemma_.lower() in d["group_nouns"] or subj.lemma_.lower() in d["plaintiff_nouns"]
                            or subj.pos_ == "PRON" and st["members"]):
        return
    if verb.lemma_.lower() == "include":
        heads = [c for c in verb.children if c.dep_ == "dobj"]
    else:  # "joined by outlets like C, D and E"
        heads = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        heads = [x for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in EXAMPLE_PREPS
                 for x in c.children if x.dep_ == "pobj"]
    for h in heads:
        for t in [h, *h.conjuncts]:
            e = reader.entity_at(t, {"Organization"}) if reader.mention_at(t) is not None else None
            if e is not None and e.kind != "GovernmentBody" and e not in st["members"]:
                st["members"].append(e)


def _plaintiff(reader, noun: Token, st: dict, d: dict) -> None:
    """ "The suit's plaintiff is a woman called X", "X, the plaintiff, ..."."""
    cands = []
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        cands = [c for c in noun.head.children if c.dep_ == "attr"]
    elif noun.dep_ == "appos":
        cands = [noun.head]
    elif noun.dep_ == "attr":
        cands = [c for c in noun.head.children if c.dep_ == "nsubj"]
    for c in cands:
        e = reader.entity_at(c, {"Organization", "Person"}) or reader._np_entity(c, {"Organization", "Person"})
        if e is not None and e not in st["plaintiffs"]:
            st["plaintiffs"].append(e)


def _fill_and_keep(reader, r: _Record, verb: Token, subj_ids: set, st: dict, d: dict) -> None:
    """Fill the record from the verb's clause outside its subject (keeping the targets found
    so far) and keep it."""
    scope = [t for t in verb.subtree if t.i not in subj_ids and t.i != verb.i]
    targets = r.targets
    _fill(r, scope, verb, d, reader)
    r.targets = _uniq(targets + r.targets)
    _keep(st, r)


def _keep(st: dict, r: _Record) -> None:
    if not (r.accusers or r.accuser_mode):
        return
    st["records"].append(r)


# ------------------------------------------------------------------ courts
def _courts(reader, sent: Span, d: dict) -> tuple[list, list]:
    """(courts, other addressees) a sentence names: courts a suit is filed in or brought to ("filed
    in a federal court in Kestria", "took X to court"), and bodies a complaint is lodged with
    or sent to ("filed a complaint with the competition authority", "complained to the regulator",
    "a petition to the app store")."""
    courts, others = [], []
    court_nouns = d["court_nouns"]
    for tok in reader.tokens(sent):
        if tok.dep_ != "pobj" or tok.head.lower_ not in d["court_preps"]:
            continue
        m = reader.mention_at(tok)
        if m is not None and m.entity is not None and m.entity.family == "Organization" and \
                any(w in m.entity.label.lower() for w in court_nouns):
            courts.append(m.entity)
            continue
        if tok.lemma_.lower() in court_nouns:
            label = phrase(tok, drop_relcl=True, max_words=10)
            if label and label.lower() not in court_nouns:
                courts.append(reader.implicit(label, "GovernmentBody", False))
            continue
        head = tok.head.head
        if tok.head.lower_ not in d["addressee_preps"] or head.lemma_.lower() not in d["addressee_heads"]:
            continue
        ent = _addressee(reader, tok, d)
        if ent is not None:
            others.append(ent)
    return _uniq(courts), _uniq(others)


def _addressee(reader, tok: Token, d: dict):
    """The body a noun phrase names as an addressee: a named organization (not a news outlet), an app
    store ("the Vantora App Store"), or an unnamed authority ("the competition regulator", "lawmakers")."""
    m = reader.mention_at(tok)
    if m is not None and m.entity is not None:
        e = m.entity
        if e.family == "Organization" and e.kind != "NewsOrganization":
            return e
        if e.family == "Product" and e.label.lower().split()[-1] in d["store_nouns"]:
            return e
        return None
    if tok.lemma_.lower() in d["body_nouns"] or tok.lower_ in d["body_nouns"]:
        e = reader.entity_at(tok, {"Organization"})
        if e is not None and e.kind == "GovernmentBody":
            return e
        # (its own words: not "... against Y", "... over Z")
        label = phrase(tok, drop_relcl=True, max_words=6, drop_preps=CAUSE_OR_CHARGE_PREPS | {"against"})
        return reader.implicit(label, "GovernmentBody", False) if label else None
    return None


# ------------------------------------------------------------------ article end
def _sub_national(reader, ent) -> bool:
    """True for a place the gazetteer puts inside another country (a city, a region, through
    :meth:`kg.nlp.kb.KnowledgeBase.country_of_place`): it accuses no one and is not accused."""
    if ent.family != "Place" or ent.kind == "Country":
        return False
    country = reader.kb.country_of_place(ent.label)
    return country is not None and normalize(country.name) != normalize(ent.label)


def _as_agent(reader, ent):
    """The agent an entity stands for as a party to an allegation (kgo:Agent): a place's
    government, the organization a product is named after (same label, not a mention)."""
    if ent.family == "Place":
        return reader.government_of(ent)
    if ent.family == "Product":
        return reader.implicit(ent.label, "Company", False, key=f"{ent.key} organization")
    return ent


def _finish(reader, st: dict, d: dict) -> None:
    """Complete the partial allegations from the article's others, and emit them all."""
    records = st["records"]
    if not records:
        return
    court_nouns = set(d["court_nouns"])
    for r in records:
        courts = [a for a in r.accusers if court_nouns & set(normalize(a.label).split())]
        if courts:
            # "the visual media company accused Y" resolved to a court: a court decides, the plaintiff accuses
            r.accusers = [a for a in r.accusers if a not in courts]
            r.courts = _uniq(r.courts + courts)
            if not r.accusers:
                r.accuser_mode, r.legal = LEGAL, True
    legal_known = [r for r in records if r.legal and r.accusers]
    plaintiffs = _uniq([a for r in legal_known for a in r.accusers] + st["plaintiffs"])
    for r in records:
        if r.accusers:
            continue
        if r.accuser_mode == LEGAL:
            same = [a for x in legal_known if set(x.accused) & set(r.accused) for a in x.accusers]
            # (the members an article lists, else the claimants the suit's subject describes)
            # (no one named: the suit's plaintiffs stay unnamed, and the record is dropped; an
            # invented "plaintiffs" organization answered no competency question)
            # (not the plaintiffs of the article's suits against others: "A sued X ... Separately,
            # Y must face claims that ..." names no one who accuses Y)
            elsewhere = r.accused and any(x.accused and not set(x.accused) & set(r.accused) for x in legal_known)
            r.accusers = _uniq(same) or st["members"] or r.info.get("claimants") or \
                ([] if elsewhere else (st["plaintiffs"] or plaintiffs)[:3])
        elif r.accuser_mode in {DESC, FINED}:
            same = [a for x in records if x.accusers and x is not r and set(x.accused) & set(r.accused)
                    and (r.accuser_mode == DESC or getattr(x, "kind", "") == "fine") for a in x.accusers]
            r.accusers = _uniq(same)
    for r in records:
        if r.info.get("defendants") and not r.accused:
            # "the lawsuit alleges that the defendants copied ...": whom the plaintiffs sued
            pool = [x for x in records if x.legal and x.accused and not x.info.get("defendants")]
            mine = [a for x in pool if set(x.accusers) & set(r.accusers) for a in x.accused]
            r.accused = _uniq(mine or [a for x in pool for a in x.accused])
    # a party's claim that names no practice ("X further claims Y ties access to ...") counts when the
    # article states that X accuses Y elsewhere
    pairs = {(a, b) for x in records if not x.info.get("weak") for a in x.accusers for b in x.accused}
    records = [r for r in records if not r.info.get("weak") or
               any((a, b) in pairs for a in r.accusers for b in r.accused)]
    for r in records:
        if r.legal and r.info.get("described"):
            # "the complaint accused the company of ...": the defendant the article named
            named = _uniq([a for x in records if x.legal and x is not r and not x.info.get("described")
                           and set(x.accusers) & set(r.accusers) for a in x.accused])
            if named and not set(named) & set(r.accused):
                r.accused = named
        if r.legal:  # co-plaintiffs do not sue each other
            r.accused = [a for a in r.accused if a not in r.accusers]
    for r in records:
        if r.accused or not r.accusers:
            continue
        r.accused = _uniq([a for x in records if x.accused and set(x.accusers) & set(r.accusers) for a in x.accused])
        if not r.accused and r.info.get("same_suit"):
            # "... have sued A and B. The lawsuit was filed by C and D": C and D sue A and B too
            before = [x for x in records if x.legal and x.accused and (x.block, x.sent.start) < (r.block, r.sent.start)]
            if before:
                r.accused = list(before[-1].accused)
    for r in records:
        if r.practice:
            continue
        pool = [x for x in records if x.practice and set(x.accused) & set(r.accused) and set(x.accusers) & set(r.accusers)]
        pool = pool or [x for x in records if x.practice and set(x.accused) & set(r.accused)]
        r.practice = _uniq([p for x in pool for p in x.practice])
    saved = (reader.block, reader.sent)
    try:
        for r in records:
            if r.legal and not r.courts and st["courts"]:
                r.courts = st["courts"][:1]
            reader.block, reader.sent = r.block, r.sent
            # kgo:accuser and kgo:accused are agents: a country acts as its government, a product
            # named as a party ("X scraped ...") as the organization of the same name
            # (a city or region is no party: a dateline "LYON - ..." names where, not who; a country
            # acts as its government)
            agents = [_as_agent(reader, e) for e in _uniq(r.accusers) if not _sub_national(reader, e)]
            accused_agents = [_as_agent(reader, e) for e in _uniq(r.accused) if not _sub_national(reader, e)]
            for accuser in _uniq(agents):
                for accused in _uniq(accused_agents):
                    if accuser is accused:
                        continue
                    roles = {"accuser": accuser, "accused": accused, "target": _uniq(r.targets)}
                    if r.courts:
                        roles["addressed_to"] = _uniq(r.courts)
                    reader.emit("allegation", roles, practice=r.practice)
    finally:
        reader.block, reader.sent = saved


# ------------------------------------------------------------------ non-response
def _negated(verb: Token, d: dict) -> bool:
    node = verb
    for _ in range(3):
        if any(c.dep_ == "neg" or c.lower_ == "never" for c in node.children):
            return True
        subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and any(t.lower_ in d["neither_words"] for t in subj.subtree):
            return True
        if node.head.lemma_ in {"fail"} and node.dep_ == "xcomp":
            # ("found that Acme failed to address the risks": a finding of non-compliance, no silence)
            return not (node.head.dep_ == "ccomp" and node.head.head.lemma_ in d["finding_verbs"])
        if node.dep_ not in {"xcomp", "conj"}:
            return False
        node = node.head
    return False


def _nr_parties(reader, toks: list[Token], d: dict) -> list:
    """The parties that did not respond, named by ``toks`` and their conjuncts: organizations,
    people, places, and an app named as the one who did not respond ("X has not replied to
    questions": the organization named after it, :func:`_as_agent`)."""
    out = []
    for t in toks:
        for x in _conj_tokens(t):
            parties, _ = _party(reader, x, d, groups=True)
            out += [p for p in parties if p.family in {"Organization", "Person", "Place"}]
            out += [_as_agent(reader, p) for p in parties if p.family == "Product" and reader.mention_at(x) is not None]
    return _uniq(out)


def _nonresponse(reader, sent: Span, d: dict) -> None:
    """Non-responses with parties the built-in pass does not name (see the module doc)."""
    nr = reader.lex["non_response"]
    if "_nr_triggers" not in d:
        d["_nr_respond"] = frozenset(nr["respond_verbs"]).union(GIVE_VERBS)
        d["_nr_triggers"] = d["_nr_respond"].union(nr["decline_verbs"], d["nonresponse_reach_verbs"])
    if reader.words(sent).isdisjoint(d["_nr_triggers"]):
        return  # (most sentences: no trigger word)
    respond = d["_nr_respond"]
    triggers = d["_nr_triggers"]
    for tok in reader.tokens(sent):
        lemma = tok.lemma_
        if lemma not in triggers or tok.pos_ != "VERB":
            continue  # (each rule below needs a verb of its list)
        parties: list = []
        matter_from = tok
        if lemma in respond and _negated(tok, d):
            if lemma in GIVE_VERBS and not any(c.dep_ == "dobj" and c.lemma_ in REPLY_OBJECTS for c in tok.children):
                continue
            agent = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if agent:
                parties = _nr_parties(reader, agent, d)
                subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                matters = ["request for comment"] if subj is not None and subj.lemma_ == "request" and \
                    any(t.lemma_ == "comment" for t in subj.subtree) else []
                for p in parties:
                    for m in matters or ["comment"]:
                        reader.emit("nonresponse", {"party": p}, matter=[m])
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            node = tok
            while subj is None and node.dep_ in {"xcomp", "conj"} and node.head.i != node.i:
                node = node.head
                subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            parties = _nr_parties(reader, [subj], d)
        elif lemma in nr["decline_verbs"]:
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None or reader._under_directive(tok):
                continue  # ("told staff to refrain from X" is a rule)
            parties = _nr_parties(reader, [subj], d)
            # the matter is what is declined ("declined to comment", "refrained from making an
            # announcement"), never an adverbial of the clause ("to date")
            frm = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
            matter_from = next((c for c in tok.children if c.dep_ == "xcomp"), None) or \
                (next((x for x in frm.children if x.dep_ in {"pcomp", "pobj"}), None) if frm is not None else None) \
                or tok
        elif lemma in d["nonresponse_reach_verbs"] and _negated(tok, d):
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            src = reader.entity_at(subj, {"Organization"}) if subj is not None else None
            if subj is None or not (subj.lower_ in d["news_subjects"] or
                                    (src is not None and src.kind == "NewsOrganization")):
                continue
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            parties = _nr_parties(reader, objs, d)
            for p in parties:
                reader.emit("nonresponse", {"party": p}, matter=["comment"])
            continue
        else:
            continue
        parties = [p for p in parties if p.kind != "NewsOrganization" or reader._party_to_a_suit(p)]
        if not parties:
            continue
        matters = reader._matters(matter_from) if matter_from is not None else []
        if not matters:
            word = matter_from.lemma_
            matters = ["comment" if word in COMMENT_MATTER_VERBS else word]
        for p in parties:
            for m in matters:
                reader.emit("nonresponse", {"party": p}, matter=[m])
