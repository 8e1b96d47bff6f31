"""Frame reader: collection_news (see :mod:`kg.extract`).

What a product collects from its users (cq05) and the purposes its maker gives
for it (cq06), as news language states them. Emitted as ``collection``
observations like :meth:`kg.facts.ArticleReader.sentence_collection`:
roles ``product`` (and ``stated_by``), attributes ``signal`` and ``purpose``.

Rules (each reads one parsed sentence; words and cues in
``kg/data/frames/collection_news.json``):

- *collecting verb*: "P collects A, B and C", "it stores prompts and files",
  "the app collected excessive personal information" (every conjunct of the
  object is a signal; "data such as X, Y" adds X and Y);
- *passive*: "user data is collected by P", "chats will be used to train P";
- *use to train*: "P uses public posts to train its models" -> signal posts,
  purpose "train ...";
- *train on*: "Acme trains its models on user posts", "... using public content";
- *capture*: "the tool takes screenshots every few seconds";
- *collection noun*: "P's collection of A, B and C", "the use of X to train P",
  "the processing of X for training P";
- *purpose*: "to improve ...", "in order to ...", "for (the purpose of) training",
  "is designed to help users find ...", "which lets P recognise ...": kept only
  when the product's maker states it (its own voice, or the sentence's speaker
  is the maker).

The product is the clause's agent: a product, or a company standing for its
product (the product the clause names, one it develops, else the company's
name as a product); "the app", "the tool", "the feature", "it" stand for the
product the article is about (discourse). A purpose is emitted only for a
product with a signal in the article (a ``DataCollection`` needs one).
"""

from __future__ import annotations

from collections import Counter

from . import frame, frame_data
from .syntax import RELATIVE, conjuncts, join_tokens, phrase, phrase_verb

_STATE = "_collection_news_state"


def _data() -> dict:
    d = frame_data("collection_news")
    if "_sets" not in d:
        d["_sets"] = {k: set(v) for k, v in d.items() if isinstance(v, list)}
    return d["_sets"]


@frame("collection_news")
def read(reader, sent) -> None:
    """Emit collection observations (signals, maker-stated purposes) from one sentence."""
    D = _data()
    state = getattr(reader, _STATE, None)
    if state is None:
        state = {"pending": []}
        setattr(reader, _STATE, state)
    _remember_feature(reader, sent, D)
    for tok in sent:
        if tok.pos_ in {"VERB", "AUX"} or tok.tag_ in {"VBG", "VBN"}:
            _read_verb(reader, tok, D)
        if tok.pos_ == "NOUN" and (tok.lemma_.lower() in D["collection_nouns"] or tok.lower_ in D["collection_nouns"]):
            _read_noun(reader, tok, D)
        if tok.pos_ in {"VERB", "ADJ"} and tok.lemma_.lower() in D["intent_verbs"] | D["enable_verbs"]:
            _read_intent(reader, tok, D)
    _flush(reader, state)


# --------------------------------------------------------------- emitting
def _emit(reader, product, signals, purposes, stated_by) -> None:
    signals = _dedupe(signals)
    purposes = _dedupe(purposes)
    if product is None or not (signals or purposes):
        return
    if signals:
        attrs = {"signal": signals}
        if purposes:
            attrs["purpose"] = purposes
        roles = {"product": product}
        if purposes and stated_by is not None:
            roles["stated_by"] = stated_by
        reader.emit("collection", roles, **attrs)
        return
    # a purpose alone: kept until the product has a signal in the article
    getattr(reader, _STATE)["pending"].append((reader.block, reader.sent, product, stated_by, purposes))


def _flush(reader, state) -> None:
    if not state["pending"]:
        return
    with_signal = {o.roles.get("product") for o in reader.observations
                   if o.kind == "collection" and o.attrs.get("signal")}
    keep = []
    here = (reader.block, reader.sent)
    for block, sent, product, stated_by, purposes in state["pending"]:
        if product in with_signal:
            reader.block, reader.sent = block, sent
            roles = {"product": product}
            if stated_by is not None:
                roles["stated_by"] = stated_by
            reader.emit("collection", roles, purpose=purposes)
        else:
            keep.append((block, sent, product, stated_by, purposes))
    reader.block, reader.sent = here
    state["pending"] = keep


def _dedupe(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


# ------------------------------------------------------------------ frames
def _read_verb(reader, tok, D) -> None:
    lemma = tok.lemma_.lower()
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children)
    objs: list = []
    goals = _goals(tok, D)
    train = False
    if lemma in D["collect_verbs"]:
        objs = _objects(tok, passive)
        if lemma in D["use_verbs"]:
            pass
    elif lemma in D["capture_verbs"]:
        objs = [o for o in _objects(tok, passive) if o.lower_ in D["capture_nouns"] or o.lemma_ in D["capture_nouns"]]
    elif lemma in D["use_verbs"]:
        if not any(g.lemma_.lower() in D["train_verbs"] for g in goals) and not _for_training(tok, D):
            return
        objs = _objects(tok, passive)
    elif lemma in D["train_verbs"] and tok.tag_ != "VBG" or lemma == "train":
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in subj.children):
            return  # a generic statement ("a model is trained using ...") describes a technique, no product
        objs = _train_sources(tok, D)
        train = bool(objs)
        if train:
            goals = [tok]
    if not objs or _negated(tok):
        return
    signals = [s for o in objs for s in _signals(reader, o, D)]
    if not signals:
        return
    weak = lemma in D["weak_verbs"]
    if lemma in D["transfer_verbs"]:
        named = [p for p in _named_products(reader, tok, [], [], D)]
        agent = _agent_token(tok)
        subj = _entity(reader, agent, {"Product"}) if agent is not None else None
        product = subj or (named[0] if named else None)
        if product is None:
            return
        _emit(reader, product, signals, [], None)
        return
    found = _product(reader, tok, objs, goals, passive, D, strict=weak or train and tok.dep_ in {"amod", "compound"})
    if found is None:
        return
    product, maker, own_voice, agent_named = found
    purposes, stated_by = _purposes(reader, tok, goals, maker, own_voice, D, agent_named)
    _emit(reader, product, signals, purposes, stated_by)


def _read_noun(reader, tok, D) -> None:
    """ "P's collection of A, B and C", "the use of X to train P", "processing of X for training P"."""
    objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]
    if not objs:
        return
    goals = _goals(tok, D)
    if tok.lemma_.lower() in {"use", "usage"} and not any(g.lemma_.lower() in D["train_verbs"] for g in goals) \
            and not _for_training(tok, D):
        return
    signals = [s for o in objs for s in _signals(reader, o, D)]
    if not signals:
        return
    agent = None
    for c in tok.children:
        if c.dep_ in {"poss", "compound"} and c.i < tok.i:
            agent = c
        if c.dep_ == "prep" and c.lower_ == "by":
            agent = next((p for p in c.children if p.dep_ == "pobj"), agent)
    product = maker = None
    own_voice = False
    if agent is not None:
        product, maker = _product_of_agent(reader, agent, tok, goals, D)
    if product is None:
        named = _named_products(reader, tok, goals, objs, D)
        if named:
            product = named[0]
    if product is None:
        return
    maker = maker or _maker_of(reader, product)
    purposes, stated_by = _purposes(reader, tok, goals, maker, own_voice, D, agent is not None)
    _emit(reader, product, signals, purposes, stated_by)


def _read_intent(reader, tok, D) -> None:
    """ "the feature is designed to help users find ...", "voice ID (which lets Alexa recognise users)"."""
    lemma = tok.lemma_.lower()
    goals = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB"]
    if lemma in D["intent_verbs"] and not any(c.dep_ == "auxpass" for c in tok.children) and tok.dep_ not in {"acl", "amod"}:
        return  # "Acme designed X": not a stated purpose
    if not goals:
        return
    holder = None
    if tok.dep_ in {"acl", "amod"}:
        holder = tok.head
    else:
        holder = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if holder is not None and holder.lower_ in RELATIVE and tok.dep_ == "relcl":
            holder = tok.head
    if holder is None:
        return
    product = _feature_product(reader, holder, D)
    if product is None and lemma in D["enable_verbs"]:
        # "voice ID, which lets Alexa recognise ...": the product the goal's subject names
        obj = next((c for c in tok.children if c.dep_ in {"dobj", "nsubj"} and c.i > tok.i), None)
        if obj is None:
            obj = next((s for g in goals for s in g.children if s.dep_ == "nsubj"), None)
        if obj is not None and _is_feature_noun(holder, D):
            product = _entity(reader, obj, {"Product"})
    if product is None:
        return
    maker = _maker_of(reader, product)
    texts = [phrase_verb(g) for g in goals for g in conjuncts(g) if g.lemma_.lower() not in D["bad_purpose_heads"]]
    if lemma in D["enable_verbs"]:
        texts = [f"{tok.lemma_.lower()} {t}" if lemma == "help" else t for t in texts]
    designed = lemma in D["intent_verbs"]
    ok, stated_by = _stated(reader, tok, maker, False, False, D, designed=designed)
    if not ok or not texts:
        return
    _emit(reader, product, [], texts, stated_by)


# ----------------------------------------------------------------- helpers
def _objects(tok, passive: bool) -> list:
    if passive:
        return [c for c in tok.children if c.dep_ == "nsubjpass"]
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if not objs and tok.dep_ in {"acl", "relcl"} and tok.head.pos_ in {"NOUN", "PROPN"} and tok.tag_ == "VBN":
        objs = [tok.head]  # "posts shared by users and collected by P"
    if not objs and tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" and \
            any(c.dep_ == "nsubj" for c in tok.children):
        objs = [tok.head]  # "conversations that the company records"
    return objs


def _train_sources(tok, D) -> list:
    """ "train its models on user posts", "training its LLMs using public content", "based on posts"."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in D["train_preps"]:
            out += [p for p in c.children if p.dep_ == "pobj"]
        if c.lower_ in {"using", "based"} or (c.dep_ in {"advcl", "acl", "prep"} and c.lemma_ in {"use", "base"}):
            out += [p for p in c.children if p.dep_ == "dobj"]
            out += [p for pp in c.children if pp.dep_ == "prep" and pp.lower_ == "on"
                    for p in pp.children if p.dep_ == "pobj"]
            out += [p for p in c.children if p.dep_ == "pobj"]
    return out


def _goals(tok, D) -> list:
    """Purpose clauses of ``tok``: "to V", "in order to V", "so that ..."."""
    out = []
    for c in tok.children:
        if c.dep_ in {"xcomp", "advcl", "acl"} and c.pos_ in {"VERB", "AUX"}:
            marks = {x.lower_ for x in c.children if x.dep_ in {"aux", "mark"}}
            if "to" in marks or "so" in marks or "order" in {x.lower_ for x in c.subtree if x.i < c.i}:
                out.append(c)
    return [g for c in out for g in conjuncts(c)]


def _for_training(tok, D) -> list:
    """ "for training", "for the purposes of training X": gerund or noun goals."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            for p in c.children:
                if p.dep_ in {"pobj", "pcomp"}:
                    if p.lemma_.lower() in D["purpose_nouns"]:
                        out += [q for pp in p.children if pp.dep_ == "prep" and pp.lower_ == "of"
                                for q in pp.children if q.dep_ in {"pobj", "pcomp"}]
                    elif p.lemma_.lower() in D["train_verbs"] or p.lower_.endswith("ing") and \
                            p.lemma_.lower() in D["train_verbs"] | {"training"}:
                        out.append(p)
    return out


def _negated(tok) -> bool:
    """ "will not be used to train", "does not collect": the clause or the verb governing it is negated."""
    for node in [tok, tok.head] if tok.dep_ in {"xcomp", "conj"} else [tok]:
        if any(c.dep_ == "neg" or c.lower_ in {"never"} for c in node.children):
            return True
    return False


def _remember_feature(reader, sent, D) -> None:
    """ "a new feature called X", "this feature – X –", "X is a controversial feature": X is
    what "the feature", "the tool" stand for in the sentences after."""
    state = getattr(reader, _STATE)
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in D["named_product_nouns"]:
            continue
        named = None
        for c in tok.children:
            if c.dep_ == "appos" or c.dep_ in {"acl", "amod"} and c.lower_ in D["naming_words"]:
                named = next((t for t in c.subtree if reader.token_mention.get((reader.block, t.i))), None)
        if named is None and tok.dep_ == "attr":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and reader.token_mention.get((reader.block, subj.i)):
                named = subj
        if named is not None:
            ent = reader.token_mention[(reader.block, named.i)].entity
            if ent is not None and ent.family not in {"Person"} and ent.kind not in {"Country", "GovernmentBody"}:
                state["feature"] = _as_product(reader, ent)


def _list_items(tok) -> list:
    """The object and its coordinated items, also where the parser hung the rest of
    the list higher up ("collection of A, B, and C" with B, C attached above)."""
    items = conjuncts(tok)
    doc = tok.doc
    for x in list(items):  # "device information, IP addresses and keyboard patterns" parsed as an apposition
        for c in x.children:
            if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > x.i and doc[c.left_edge.i - 1].text == ",":
                items += [y for y in conjuncts(c) if y not in items]

    def own_end(x):
        cut = [c.left_edge.i for c in x.children if c.dep_ in {"conj", "appos", "cc", "punct", "relcl"} and c.i > x.i]
        return min(cut) - 1 if cut else x.right_edge.i

    last = max(own_end(x) for x in items)
    sent_end = tok.sent.end
    while last + 1 < sent_end:
        i = last + 1
        while i < sent_end and (doc[i].text == "," or doc[i].dep_ == "cc"):
            i += 1
        if i == last + 1 or i >= sent_end:
            break
        # the noun whose phrase starts at doc[i] and is hung as a list item somewhere
        nxt = next((h for h in [doc[i], *doc[i].ancestors] if h.left_edge.i == i and h.dep_ in {"conj", "appos"}
                    and h.pos_ in {"NOUN", "PROPN"}), None)
        if nxt is None or nxt in items:
            break
        items.append(nxt)
        last = own_end(nxt)
    return items


def _signals(reader, tok, D) -> list[str]:
    out: list[str] = []
    for x in _list_items(tok):
        if x.pos_ not in {"NOUN", "PROPN"} or x.lower_ in D["not_signals"] or x.lemma_.lower() in D["not_signals"]:
            continue
        if x.ent_type_ in D["not_signal_ents"] or any(c.lower_ in D["not_signal_mods"] for c in x.children):
            continue
        if any(reader.token_mention.get((reader.block, t.i)) is not None and
               reader.token_mention[(reader.block, t.i)].entity is not None and
               reader.token_mention[(reader.block, t.i)].entity.family == "Organization"
               for t in x.subtree if t.i < x.i):
            continue  # "Acme's images", "Zenith content": another company's content, not users' data
        if x.i != tok.i and x.left_edge.i > 0 and x.doc[x.left_edge.i - 1].text in {"--", "—", "–", "-"}:
            continue  # "images --an activity ...": an aside, not an item
        m = reader.token_mention.get((reader.block, x.i))
        if m is not None and m.entity is not None:
            continue
        if not x.left_edge.text[:1].isalnum() and x.left_edge.text[:1] not in {"'", "’", "\"", "“"}:
            continue
        items = []
        for d in x.subtree:
            if d.dep_ == "prep" and d.lower_ in {"including", "like"} or \
                    (d.lower_ == "as" and d.i > 0 and d.nbor(-1).lower_ == "such"):
                for p in d.children:
                    if p.dep_ == "pobj":
                        items += [_text(q, D) for q in conjuncts(p)
                                  if q.lower_ not in D["not_signals"] and reader.mention_at(q) is None]
        text = _text(x, D)
        if text:
            out.append(text)
        out += items
    return out


def _text(tok, D) -> str:
    skip = {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in D["list_markers"] | {"as"}
            for t in c.subtree}
    skip |= {t.i for c in tok.children if c.dep_ == "amod" and c.lower_ == "such" for t in c.subtree}
    text = phrase(tok, drop_relcl=True, max_words=10, drop_preps=frozenset(D["drop_preps"]))
    if skip:
        toks = [t for t in tok.subtree if t.i not in skip]
        if toks:
            text = phrase(tok, drop_relcl=True, max_words=10,
                          drop_preps=frozenset(D["drop_preps"] | D["list_markers"]))
    return text.strip(" ,;:")


def _entity(reader, tok, families, anchor=False):
    m = reader.mention_at(tok) if anchor else reader.token_mention.get((reader.block, tok.i))
    if m is not None and m.entity is not None:
        return m.entity if m.entity.family in families else None
    return None


def _as_product(reader, ent):
    """A product entity for ``ent``: itself, or a company's name standing for its product."""
    if ent is None:
        return None
    if ent.family == "Product":
        return ent
    return reader.implicit(ent.label, "SoftwareProduct", True, key=f"{ent.key} product")


def _mention_counts(reader) -> Counter:
    cached = getattr(reader, _STATE).get("counts")
    if cached is None:
        cached = Counter(m.entity for ms in reader.mentions for m in ms if m.entity is not None)
        getattr(reader, _STATE)["counts"] = cached
    return cached


def _developed(reader) -> dict:
    dev: dict = {}
    for o in reader.observations:
        if o.kind == "development" and o.roles.get("developer") is not None and o.roles.get("product") is not None \
                and o.roles["developer"].kind == "Company":
            dev.setdefault(o.roles["developer"], Counter())[o.roles["product"]] += 1
    return dev


def _maker_of(reader, product):
    for o in reader.observations:
        if o.kind == "development" and o.roles.get("product") is product and o.roles.get("developer") is not None \
                and o.roles["developer"].kind == "Company":
            return o.roles["developer"]
    return None


def _same_party(a, b) -> bool:
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return False
    if a is b:
        return True
    la, lb = a.label.lower().split(), b.label.lower().split()
    return bool(la and lb) and (la[0] == lb[0])


def _named_products(reader, tok, goals, objs, D) -> list:
    """Products named around a collecting clause: in its purpose ("to train Grok"),
    its prepositions ("shared with P", "for P") or the signal itself ("chats with P")."""
    toks = []
    for g in goals:
        toks += [t for t in g.subtree]
    for c in tok.children:
        if c.dep_ in {"prep", "dative"} and c.lower_ in {"for", "to", "with", "by", "into"}:
            toks += list(c.subtree)
    for o in objs:
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ in {"with", "on", "in", "from", "to"}:
                toks += list(c.subtree)
    out = []
    for t in toks:
        e = _entity(reader, t, {"Product"})
        if e is not None and t.dep_ != "poss" and e not in out:
            out.append(e)
    return out


def _agent_token(tok):
    """The agent of a verb: its subject (active), its ``by`` phrase (passive), or
    that of the verb it is coordinated with or controlled by ("X plans to use")."""
    node = tok
    for _ in range(4):
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in node.children)
        for c in node.children:
            if c.dep_ == "nsubj" and not passive:
                if c.lower_ in RELATIVE and node.dep_ == "relcl":
                    return node.head
                return c
            if c.dep_ == "agent":
                p = next((p for p in c.children if p.dep_ == "pobj"), None)
                if p is not None:
                    return p
        if passive and node.i == tok.i:
            return None
        if node.dep_ == "xcomp":
            ctrl = next((c for c in node.head.children if c.dep_ == "dobj" and c.i < node.i), None)
            if ctrl is not None:
                return ctrl  # "requires Acme to train", "asked it to delay"
        if node.dep_ in {"xcomp", "conj", "advcl"} and node.head != node:
            node = node.head
            continue
        if node.dep_ == "acl" and node.head.pos_ == "NOUN":
            noun = node.head  # "Acme's plan to use", "Acme delayed a plan to train"
            poss = next((c for c in noun.children if c.dep_ == "poss"), None)
            if poss is not None:
                return poss
            if noun.dep_ in {"dobj", "nsubjpass"}:
                node = noun.head
                continue
            if noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN":
                by = next((p for c in noun.head.head.children if c.dep_ == "prep" and c.lower_ == "by"
                           for p in c.children if p.dep_ == "pobj"), None)
                if by is not None:
                    return by  # "the decision by Acme to pause its plans to train"
            return None
        if node.dep_ in {"pcomp", "pobj"} and node.head.head != node.head:
            node = node.head.head
            continue
        return None
    return None


def _feature_product(reader, noun, D):
    """The product a feature noun or anaphor stands for: a named product, "a feature
    called X", "this feature – X –", its owner ("P's feature"), else the article's product."""
    e = _entity(reader, noun, {"Product"}, anchor=True)
    if e is not None:
        return e
    m = reader.mention_at(noun)
    if m is not None and m.entity is not None:
        return None
    low, lemma = noun.lower_, noun.lemma_.lower()
    if lemma not in D["product_anaphors"] and low not in D["product_anaphors"]:
        return None
    for c in noun.children:
        if c.dep_ in {"appos", "attr", "oprd"} or c.dep_ == "acl" and c.lower_ in D["naming_words"]:
            named = [t for t in c.subtree if reader.mention_at(t) is not None]
            if named:
                ent = reader.mention_at(named[0]).entity
                if ent is not None and ent.family != "Person":
                    return _as_product(reader, ent)
        if c.dep_ in {"poss", "compound"}:
            ent = _entity(reader, c, {"Product"})
            if ent is not None:
                return ent
    if noun.pos_ == "PRON" or any(c.lower_ in {"the", "this", "that"} for c in noun.children):
        feature = getattr(reader, _STATE).get("feature")
        if feature is not None and lemma in D["named_product_nouns"]:
            return feature
        return _discourse_product(reader, noun)
    return None


def _is_feature_noun(noun, D) -> bool:
    return noun.lemma_.lower() in D["named_product_nouns"] | D["product_anaphors"] or noun.pos_ == "PROPN"


def _discourse_product(reader, tok):
    """ "the app", "the tool", "it": the product the article collects for, else its most mentioned product."""
    top = _salient_product(reader)
    if top is not None:
        return top
    counts = Counter(o.roles["product"] for o in reader.observations
                     if o.kind == "collection" and o.attrs.get("signal") and o.roles.get("product") is not None)
    return counts.most_common(1)[0][0] if counts else None


def _salient_product(reader):
    """The product the article is about: its most mentioned product, a company's
    mentions counting for the product of the same name that a policy restricts."""
    twins = {o.roles["product"].label: o.roles["product"] for o in reader.observations
             if o.kind == "policy" and o.roles.get("product") is not None}
    counts: Counter = Counter()
    for e, n in _mention_counts(reader).items():
        if e.family == "Product":
            counts[twins.get(e.label, e)] += n
        elif e.label in twins:
            counts[twins[e.label]] += n
    return max(counts, key=lambda e: (counts[e], e.label)) if counts else None


def _product_of_agent(reader, agent, tok, goals, D):
    """(product, maker) for an agent token: a product, a company's product, a definite description."""
    ent = None
    m = reader.mention_at(agent)
    if m is not None and m.entity is not None:
        ent = m.entity
    elif agent.pos_ == "PRON" and agent.lower_ in {"it", "its", "they", "their"}:
        ent = reader.coref(agent, {"Organization", "Product"})
    elif agent.pos_ == "NOUN":
        lemma = agent.lemma_.lower()
        if lemma in D["product_anaphors"] and any(c.lower_ in {"the", "this", "that"} or c.tag_ == "PRP$"
                                                  for c in agent.children):
            ent = _feature_product(reader, agent, D)
        elif lemma in D["company_anaphors"]:
            ent = reader.coref(agent, {"Organization"})
        else:
            ent = _feature_product(reader, agent, D)
        if ent is None:
            # "large language models like P collect ..."
            ent = next((e for c in agent.children if c.dep_ == "prep" and c.lower_ in D["list_preps"] | {"as"}
                        for p in c.children if p.dep_ == "pobj" for e in [_entity(reader, p, {"Product"})]
                        if e is not None), None)
    if ent is None:
        return None, None
    if ent.family == "Product":
        return ent, _maker_of(reader, ent)
    if ent.family != "Organization" or ent.kind not in D["agent_kinds"]:
        return None, None
    named = _named_products(reader, tok, goals, [], D)
    developed = _developed(reader)
    dev = developed.get(ent)
    if named and (dev is None or any(p in dev for p in named)):
        return named[0], ent
    if dev:
        counts = _mention_counts(reader)
        return max(dev, key=lambda p: (counts[p], dev[p], p.label)), ent
    if named:
        return named[0], ent
    # a company without a product of its own in the article: the article's
    # product nobody else is said to make, else the company's name as a product
    others = {p for d, ps in developed.items() if d is not ent for p in ps}
    top = _salient_product(reader)
    if top is not None and top not in others and _mention_counts(reader)[top] >= 2:
        return top, ent
    return _as_product(reader, ent), ent


def _product(reader, tok, objs, goals, passive, D, strict=False):
    """(product, maker, own_voice) for a collecting verb, or None."""
    agent = _agent_token(tok)
    if agent is not None:
        product, maker = _product_of_agent(reader, agent, tok, goals, D)
        if product is None:
            return None
        m = reader.mention_at(agent)
        # the maker's own plan: the company is the agent ("Acme plans to use X to train ...")
        own_voice = maker is not None and product is not None and product.label != maker.label and \
            (m is not None and m.entity is maker or agent.pos_ in {"PRON", "NOUN"}
             and not _entity(reader, agent, {"Product"}, anchor=True)) or \
            maker is not None and product is not None and product.label == maker.label
        return product, maker, own_voice, m is not None
    if strict:
        return None
    named = _named_products(reader, tok, goals, objs, D)
    if named:
        return named[0], _maker_of(reader, named[0]), False, False
    if passive:
        counts = Counter(o.roles["product"] for o in reader.observations
                         if o.kind == "collection" and o.attrs.get("signal") and o.roles.get("product") is not None)
        if counts:
            p = counts.most_common(1)[0][0]
            return p, _maker_of(reader, p), False, False
    return None


def _reporter(reader, tok, D):
    """The subject token of the reporting verb above ``tok`` ("Acme said ...",
    "Acme emailed users, saying ..."), or None."""
    reporting = set(reader.lex["reporting_verbs"]) | D["report_verbs"]
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in reporting and anc.i != tok.i:
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if subj is None and anc.dep_ in {"advcl", "xcomp", "conj"}:
                subj = next((c for c in anc.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
    return None


def _speaker_entity(reader, subj):
    """The organization a reporting subject names: a name, "the company", "a policy update by the giant"."""
    ent = _entity(reader, subj, {"Organization", "Person"})
    if ent is not None:
        return ent
    if subj.pos_ == "PRON" or subj.lemma_.lower() in _data()["company_anaphors"]:
        return reader.coref(subj, {"Organization"})
    for c in subj.children:
        if c.dep_ == "poss" or c.dep_ == "compound":
            ent = _entity(reader, c, {"Organization"})
            if ent is not None:
                return ent
        if c.dep_ == "prep" and c.lower_ in {"by", "from", "of"}:
            for q in c.children:
                if q.dep_ == "pobj":
                    ent = _entity(reader, q, {"Organization"}) or (
                        reader.coref(q, {"Organization"}) if q.lemma_.lower() in _data()["company_anaphors"] else None)
                    if ent is not None:
                        return ent
    return None


def _stated(reader, tok, maker, own_voice, agent_named, D, designed=False):
    """(ok, stated_by): the purpose is the maker's when its maker reports it, or when
    the article states the maker's own plan without quoting anyone else."""
    subj = _reporter(reader, tok, D)
    if subj is not None:
        if subj.lower_ == "we":
            return (maker is not None or designed), maker
        if subj.pos_ == "PRON" and (agent_named or maker is not None and any(
                reader.token_mention.get((reader.block, t.i)) is not None
                and reader.token_mention[(reader.block, t.i)].entity is maker for t in subj.head.subtree if t.i > subj.i)):
            return False, None  # "It noted that Acme has processed ...": someone reporting on the maker
        speaker = _speaker_entity(reader, subj)
        if speaker is None:
            return False, None
        if maker is None:
            return speaker.kind == "Company", speaker
        return _same_party(speaker, maker), speaker
    attribution = reader.attribution(tok.sent)
    if attribution is not None and not isinstance(attribution, str) and attribution.kind != "NewsOrganization" \
            and not _same_party(attribution, maker):
        return False, None
    return own_voice or designed, maker


def _purposes(reader, tok, goals, maker, own_voice, D, agent_named=False):
    """Purposes its maker gives: goal clauses, "for training", kept when the maker says them."""
    texts = []
    for g in goals:
        if g.lemma_.lower() in D["bad_purpose_heads"]:
            continue
        texts.append(phrase_verb(g) if g.i != tok.i else _train_text(g))
    texts += [phrase(p, max_words=8) for p in _for_training(tok, D)]
    texts = [t for t in texts if t]
    if not texts or maker is None:
        return [], None
    if reader.certainty(tok.sent) in D["hedged"] or any(a.lemma_.lower() in D["stop_verbs"] for a in tok.ancestors):
        return [], None  # an allegation, or a practice the maker stops, is not a purpose its maker gives
    ok, stated_by = _stated(reader, tok, maker, own_voice, agent_named, D)
    return (texts, stated_by) if ok else ([], None)


def _train_text(tok) -> str:
    """ "train its models" out of "training its models on X using Y"."""
    keep = [tok]
    for c in tok.children:
        if c.dep_ in {"dobj", "prt"} and c.i > tok.i:
            keep += [t for t in c.subtree if not any(a.dep_ in {"relcl", "acl"} for a in [t, *t.ancestors]
                                                     if a.i > c.i and a in c.subtree)]
    return join_tokens(sorted(keep, key=lambda t: t.i)[:8]).strip(" ,;:")
