"""Frame reader: collection_news (see :mod:`kg.extract`).

What a product collects from its users (cq05) and the purposes its maker gives
for it (cq06), as news language states them. Emitted as ``collection``
observations like :meth:`kg.extract.facts.ArticleReader.sentence_collection`:
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
- *list verb*: "data collected by P includes A, B and C";
- *access*: "P has access to A and B", "the app requests permission to access A";
- *noun-tagged verb*: "P stores X" where the model tagged "stores" as a noun;
- *collection noun*: "P's collection of A, B and C", "the use of X to train P",
  "the processing of X for training P";
- *purpose*: "to improve ...", "in order to ...", "for (the purpose of) training",
  "is designed to help users find ...", "which lets P recognise ...": kept only
  when the product's maker states it (its own voice, or the sentence's speaker
  is the maker).

Signals are short noun phrases read on the surface of the object's list
(:func:`signal_items`): items split at commas and conjunctions, "such as" lists,
containers ("the contents of X"), possessors, determiners and places dropped.
Weak verbs ("send", "access") and agents that are no product keep only objects that
name data (``data_words``). Sentences without a trigger word are skipped.

The product is the clause's agent: a product, or a company standing for its
product (the product the clause names, one it develops, else the company's
name as a product); "the app", "the tool", "the feature", "it" stand for the
product the article is about (discourse). A purpose is emitted only for a
product with a signal in the article (a ``DataCollection`` needs one).
"""

from __future__ import annotations

from collections import Counter

from . import frame, frame_data
from .syntax import RELATIVE, conjuncts, goal_conjuncts, join_tokens, phrase, phrase_verb

_STATE = "_collection_news_state"


def _data() -> dict:
    d = frame_data("collection_news")
    if "_sets" not in d:
        sets = {k: set(v) for k, v in d.items() if isinstance(v, (list, tuple, frozenset))}
        # third-person forms of the collecting verbs ("stores", "logs"), read where the
        # model tagged them as nouns after a product's name
        es_endings = tuple(d["es_endings"])
        sets["_verb_forms"] = {v + ("es" if v.endswith(es_endings) else "s")
                               for v in sets["collect_verbs"] | sets["transfer_verbs"]}
        # unions the rules test often, built once
        sets["_intent_enable"] = sets["intent_verbs"] | sets["enable_verbs"]
        sets["_weak_transfer_use"] = sets["weak_verbs"] | sets["transfer_verbs"] | sets["use_verbs"]
        sets["_named_or_anaphor"] = sets["named_product_nouns"] | sets["product_anaphors"]
        sets["_anaphor_lemmas"] = frozenset(sets["product_anaphors"])
        sets["_generic_container"] = sets["generic_signals"] | sets["container_nouns"]
        # the lemmas _read_verb reads (any other verb reads nothing)
        sets["_verb_rule_lemmas"] = sets["collect_verbs"] | sets["capture_verbs"] | sets["use_verbs"] \
            | sets["train_verbs"] | {"train"}
        d["_sets"] = sets
    return d["_sets"]


def _triggers(D) -> set:
    """Every word that can start a rule of this frame (a sentence without one is skipped)."""
    if "_triggers" not in D:
        D["_triggers"] = set().union(
            D["collect_verbs"], D["use_verbs"], D["train_verbs"], D["capture_verbs"], D["collection_nouns"],
            D["intent_verbs"], D["enable_verbs"], D["named_product_nouns"], D["_verb_forms"], D["list_verbs"],
            D["access_nouns"], D["purpose_nouns"])
    return D["_triggers"]


def _token_words(D) -> frozenset:
    """Every lower-case lemma or form a token must have for a rule of :func:`read` to read it
    (a verb of ``_verb_rule_lemmas``, ``_verb_forms``, ``list_verbs``, ``access_nouns``,
    ``collection_nouns``, ``intent_verbs`` or ``enable_verbs``)."""
    if "_token_words" not in D:
        D["_token_words"] = frozenset().union(D["_verb_rule_lemmas"], D["_verb_forms"], D["list_verbs"],
                                              D["access_nouns"], D["collection_nouns"], D["_intent_enable"])
    return D["_token_words"]


@frame("collection_news")
def read(reader, sent) -> None:
    """Emit collection observations (signals, maker-stated purposes) from one sentence."""
    D = _data()
    state = getattr(reader, _STATE, None)
    if state is None:
        state = {"pending": []}
        setattr(reader, _STATE, state)
    if reader.words(sent).isdisjoint(_triggers(D)):
        return  # no trigger word: nothing to read (most sentences of an article)
    reader.sentence_purposes(sent)
    _remember_feature(reader, sent, D)
    token_words = _token_words(D)
    lemmas, lowers = reader._doc_words(sent.doc)
    start = sent.start
    toks = reader.tokens(sent)
    for k in range(start, sent.end):
        lemma, low = lemmas[k], lowers[k]
        if lemma not in token_words and low not in token_words:
            continue  # (most tokens: no rule below reads them)
        tok = toks[k - start]
        pos = tok.pos_
        if pos in {"VERB", "AUX"} or tok.tag_ in {"VBG", "VBN"}:
            _read_verb(reader, tok, D)
        elif low in D["_verb_forms"]:
            _read_noun_tagged_verb(reader, tok, D)
        if lemma in D["list_verbs"] and pos in {"VERB", "AUX"}:
            _read_list_verb(reader, tok, D)
        if low in D["access_nouns"] and pos == "NOUN":
            _read_access(reader, tok, D)
        if pos == "NOUN" and (lemma in D["collection_nouns"] or low in D["collection_nouns"]):
            _read_noun(reader, tok, D)
        if pos in {"VERB", "ADJ"} and lemma in D["_intent_enable"]:
            _read_intent(reader, tok, D)
    _flush(reader, state)


# --------------------------------------------------------------- emitting
def makers_voice(stated_by) -> bool:
    """False for a purpose voiced by someone who cannot give its maker's reasons: a government
    body (a regulator describing a feature), a news organization, or a speaker that is no
    organization or person; True otherwise, and when nobody is named (the article's own voice)."""
    if stated_by is None:
        return True
    return stated_by.family in {"Organization", "Person"} and stated_by.kind not in {"GovernmentBody",
                                                                                      "NewsOrganization"}


def _emit(reader, product, signals, purposes, stated_by) -> None:
    signals = _dedupe(signals)
    purposes = _dedupe(purposes) if makers_voice(stated_by) else []
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
    if lemma not in D["_verb_rule_lemmas"]:
        return  # (no rule below reads this verb)
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in tok.children)
    objs: list = []
    goals = _goals(tok, D)
    train = False
    data_only = False
    if lemma in D["collect_verbs"]:
        objs = _objects(tok, passive)
        if lemma in D["use_verbs"]:
            pass
    elif lemma in D["capture_verbs"]:
        objs = [o for o in _objects(tok, passive) if o.lower_ in D["capture_nouns"] or o.lemma_ in D["capture_nouns"]]
    elif lemma in D["use_verbs"]:
        if not any(g.lemma_.lower() in D["train_verbs"] for g in goals) and not _for_training(tok, D):
            if not goals:
                return
            # "Zorblat reads metadata like the hour to rank posts": data
            # used for a stated goal (only objects that name data)
            data_only = True
        objs = _objects(tok, passive)
    elif lemma in D["train_verbs"] and tok.tag_ != "VBG" or lemma == "train":
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and any(c.dep_ == "det" and c.lower_ in D["indefinite_articles"] for c in subj.children):
            return  # a generic statement ("a model is trained using ...") describes a technique, no product
        objs = _train_sources(tok, D)
        train = bool(objs)
        if train:
            goals = [tok]
    if _negated(tok) or _asked(tok):
        return
    if objs:
        signals = [s for o in objs for s in _signals(reader, o, D, bounded=passive)]
    elif lemma in D["collect_verbs"] and not passive and tok.pos_ == "VERB":
        # the parser hung the object elsewhere ("gathers chat histories", "records every
        # conversation users have"): the noun phrases right after the verb
        k = tok.i + 1
        doc = tok.doc
        while k < tok.sent.end and (doc[k].pos_ in {"ADV", "ADP"} and doc[k].dep_ in {"prt", "advmod"}):
            k += 1
        signals = signal_items(reader, k, tok.sent.end, D) if k < tok.sent.end and doc[k].dep_ != "prep" else []
        if not signals:
            # "collects everything users type, including A and B": the list after the marker, in
            # the verb's own clause (before a coordinated verb)
            stop = min((c.i for c in tok.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}),
                       default=tok.sent.end)
            mark = next((t for t in doc[tok.i + 1:stop] if t.lower_ in D["list_markers"] and t.text[:1].islower()), None)
            if mark is not None:
                signals = signal_items(reader, mark.i, stop, D)
    else:
        return
    agent = _agent_token(tok)
    if lemma in D["_weak_transfer_use"] or agent is None or \
            _entity(reader, agent, {"Organization", "Person"}) is not None:
        # a weak verb ("sent shockwaves"), or an agent that is no product ("Acme gathered
        # reporters"): only objects that name data
        signals = [x for x in signals if _data_like(x, D)]
    if data_only:  # (data used for a goal: the item's head names data, not a tool: ``tool_heads``)
        signals = [x for x in signals if _data_like(x.split()[-1], D) and x.split()[-1].lower() not in D["tool_heads"]]
    if not signals:
        return
    weak = lemma in D["weak_verbs"]
    agent = _agent_token(tok)
    group = (_listed_products(reader, agent, D) or reader.group_antecedent(agent, {"Product"}, D["_anaphor_lemmas"])) \
        if agent is not None and agent.pos_ == "NOUN" else []
    if group:
        # "The three tools upload contact lists": each product of the group named before
        for product in group:
            _emit(reader, product, signals, [], None)
        return
    if lemma in D["transfer_verbs"]:
        product = _entity(reader, agent, {"Product"}) if agent is not None else None
        if product is None and agent is not None and reader.mention_at(agent) is not None and (
                agent.pos_ == "NOUN" or _entity(reader, agent, {"Organization"}) is not None):
            # "the X app sends ...": a cue noun its name modifies (not a description read by
            # coreference), as for collecting; "Acme sent user data to Y": Acme's product, or
            # the company's name as one, as for collecting
            product = _product_of_agent(reader, agent, tok, [], D)[0]
        if product is None:
            named = _named_products(reader, tok, [], [], D)
            product = named[0] if named else None
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
    for other_agent in (agent.conjuncts if agent is not None else ()):
        # "A and B collect X": each coordinated product collects it
        other = _entity(reader, other_agent, {"Product"})
        if other is not None and other is not product:
            _emit(reader, other, signals, [], None)


def _listed_products(reader, noun, D) -> list:
    """The products a plural subject lists ("the apps, including A and B, collect ...", "chatbots
    such as A and B store ..."): every product named in its ``list_preps`` or "as" phrase and their
    conjuncts; [] when it lists fewer than two."""
    out = []
    for c in noun.children:
        if c.dep_ == "prep" and (c.lower_ in D["list_preps"] or c.lower_ == "as"):
            for p in c.children:
                if p.dep_ == "pobj":
                    for x in [p, *p.conjuncts]:
                        e = _entity(reader, x, {"Product"})
                        if e is not None and e not in out:
                            out.append(e)
    return out if len(out) > 1 else []


def _read_noun_tagged_verb(reader, tok, D) -> None:
    """ "Quillpoint stores user prompts ...": a collecting verb the model tagged as a noun
    right after a product's name; the signals are the noun phrases after it."""
    if tok.i == tok.sent.start or tok.i + 1 >= tok.sent.end:
        return
    product = _entity(reader, tok.doc[tok.i - 1], {"Product"})
    if product is None:
        return
    signals = signal_items(reader, tok.i + 1, tok.sent.end, D)
    if signals:
        _emit(reader, product, signals, [], None)


def _read_list_verb(reader, tok, D) -> None:
    """ "Data collected by P includes A, B and C", "the data P collects includes ...",
    "the information gathered ranges from A to B": the subject is data a collecting
    verb describes; the signals are the verb's objects. "This may include A and B" right
    after a sentence stating what P collects (``collection_news.data_anaphors``): more of P's
    signals."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    described = subj is not None and (subj.lemma_.lower() in D["generic_signals"] or subj.lower_ in D["generic_signals"]) \
        and any(c.dep_ == "det" and c.lower_ in D["data_determiners"] for c in subj.children) \
        and not any(c.dep_ in {"acl", "relcl", "prep", "compound", "amod"} for c in subj.children)
    if subj is not None and (subj.lower_ in D["data_anaphors"] or described) and not _negated(tok):
        # ("The data included A, B and C": the data the sentence before says P shares)
        # "P will use member data to train its models. This may include A and B": what the
        # data just named includes, collected by the same product
        here = (reader.block, tok.sent.start)
        before = [o for o in reader.observations if o.kind == "collection" and o.attrs.get("signal")
                  and (at := reader._obs_sent.get(id(o))) is not None and reader.block - 1 <= at[0] and at < here]
        if before:
            signals = signal_items(reader, tok.i + 1, tok.sent.end, D)
            if signals:
                _emit(reader, before[-1].roles["product"], signals, [], None)
        return
    if subj is None or not (subj.lemma_.lower() in D["generic_signals"] or subj.lower_ in D["generic_signals"]):
        return
    verb = next((c for c in subj.children if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in D["collect_verbs"]),
                None)
    if verb is None or _negated(tok):
        return
    agent = _agent_token(verb)
    product = None
    if agent is not None and agent.i != subj.i:
        product, _ = _product_of_agent(reader, agent, verb, [], D)
    if product is None:
        named = _named_products(reader, verb, [], [], D)
        product = named[0] if named else _discourse_product(reader, tok)
    if product is None:
        return
    signals = signal_items(reader, tok.i + 1, tok.sent.end, D)
    if signals:
        _emit(reader, product, signals, [], None)


def _read_access(reader, tok, D) -> None:
    """ "P has access to A and B", "P asks for access to A", "the app requests permission to
    access A" (the verb's rule): what a product may reach is what it inspects."""
    to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if to is None:
        return
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return
    verb = tok.head if tok.dep_ in {"dobj", "attr"} else tok.head.head if tok.dep_ == "pobj" else None
    if verb is None or verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in D["access_verbs"] or _negated(verb):
        return
    agent = _agent_token(verb)
    if agent is None:
        return
    product, _ = _product_of_agent(reader, agent, verb, [], D)
    if product is None or product.family != "Product":
        return
    signals = _signals(reader, obj, D)
    if signals:
        _emit(reader, product, signals, [], None)


def _read_noun(reader, tok, D) -> None:
    """ "P's collection of A, B and C", "the use of X to train P", "processing of X for training P"."""
    objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]
    if not objs:
        return
    goals = _goals(tok, D)
    if tok.lemma_.lower() in D["use_words"] and not any(g.lemma_.lower() in D["train_verbs"] for g in goals) \
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
    if agent is None:
        # "the collection of iris images using the X app" (the means hangs on the noun or its object)
        agent = next((d for h in [tok, *objs] for c in h.children if c.dep_ in {"acl", "advcl"}
                      and c.lemma_ in D["means_verbs"] for d in c.children if d.dep_ == "dobj"), None)
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
    if reader.certainty(tok.sent) in D["hedged"]:
        return  # "the suit alleges X is designed to ...": an allegation, not its maker's purpose
    maker = _maker_of(reader, product)
    goals = [g for g in goals if not reaching_goal(g, D)]
    texts = [phrase_verb(g) for g in goals for g in conjuncts(g) if g.lemma_.lower() not in D["bad_purpose_heads"]]
    if lemma in D["enable_verbs"]:
        texts = [f"{tok.lemma_.lower()} {t}" if lemma == "help" else t for t in texts]
    designed = lemma in D["intent_verbs"]
    ok, stated_by = _stated(reader, tok, maker, False, False, D, designed=designed)
    if not ok or not texts:
        return
    _emit(reader, product, [], texts, stated_by)


# ----------------------------------------------------------------- helpers
def reaching_goal(goal, D) -> bool:
    """True for a goal of reaching data ("designed to gain access to A"): what a product is
    built to reach is what it collects (:func:`_read_access` reads it), not a purpose its
    maker gives."""
    return goal.lemma_.lower() in D["access_verbs"] and any(
        c.dep_ == "dobj" and c.lower_ in D["access_nouns"] for c in goal.children)


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
    # ("trains models on user posts": the parse often hangs the phrase on the models)
    objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
    for c in [*tok.children, *(x for o in objects for x in o.children)]:
        if c.dep_ == "prep" and c.lower_ in D["train_preps"]:
            out += [p for p in c.children if p.dep_ == "pobj"]
        if c.lower_ in D["source_participles"] or (c.dep_ in {"advcl", "acl", "prep"} and c.lemma_ in D["source_verbs"]):
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
    return [g for c in out for g in goal_conjuncts(c)]


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
                            (p.lemma_.lower() in D["train_verbs"] or p.lemma_.lower() == "training"):
                        out.append(p)
    return out


def _for_topics(tok, D) -> list[str]:
    """Purposes named by a noun after "for": "for safety", "for advertising" (``purpose_topics``),
    and the modifiers of "for security purposes", "for safety and security reasons"
    (``reason_heads``)."""
    out = []
    # (the parse may hang the phrase on the object: "collects chats for safety")
    holders = [tok, *(o for o in tok.children if o.dep_ == "dobj")]
    for c in (c for h in holders for c in h.children):
        if c.dep_ != "prep" or c.lower_ != "for":
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if p.lemma_.lower() in D["reason_heads"]:
                mods = [m for m in p.children if m.dep_ in {"compound", "amod", "nmod"} and m.i < p.i]
                text = " ".join(t.text for m in mods for t in m.subtree if t.i < p.i)
                if text:
                    out.append(text)
            else:
                out += [x.text for x in [p, *p.conjuncts] if x.lower_ in D["purpose_topics"]]
    return out


def _negated(tok) -> bool:
    """ "will not be used to train", "does not collect": the clause or the verb governing it is negated."""
    for node in [tok, tok.head] if tok.dep_ in {"xcomp", "conj"} else [tok]:
        if any(c.dep_ == "neg" or c.lower_ in {"never"} for c in node.children):
            return True
    return False


def _asked(tok) -> bool:
    """True when ``tok`` heads an indirect question, which states nothing: a "whether" or "if"
    clause ("asked whether the app stores X"), or a clause of "how", "why", ... governed by a
    question or an asking verb ("did not reply to questions about how it stores X";
    ``question_marks``, ``question_words``, ``question_heads``). "explained how it stores X"
    still states that it does."""
    D = _data()
    marks = [c.lower_ for c in tok.children if c.dep_ in {"mark", "advmod"}]
    if any(m in D["question_marks"] for m in marks):
        return True
    if not any(m in D["question_words"] for m in marks):
        return False
    node = tok.head if tok.dep_ in {"pcomp", "pobj", "ccomp"} else None
    if node is not None and node.dep_ == "prep" or node is not None and node.pos_ == "ADP":
        node = node.head
    return node is not None and node.lemma_.lower() in D["question_heads"]


def _remember_feature(reader, sent, D) -> None:
    """ "a new feature called X", "this feature – X –", "X is a controversial feature": X is
    what "the feature", "the tool" stand for in the sentences after."""
    state = getattr(reader, _STATE)
    if reader.words(sent).isdisjoint(D["named_product_nouns"]):
        return
    for tok in reader.tokens(sent):
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


def _signals(reader, tok, D, bounded: bool = False) -> list[str]:
    """Signals named by an object noun ``tok``: the noun phrases of the list it starts
    (:func:`signal_items`), read on the surface from the phrase's first word, so that
    items the parser hung elsewhere are kept. ``bounded`` keeps the scan inside the
    noun's own phrase (a passive subject: "user data is stored ...")."""
    end = tok.right_edge.i + 1 if bounded else reader.sentence_of(tok).end
    return signal_items(reader, tok.left_edge.i, end, D)


def signal_items(reader, start: int, end: int, D) -> list[str]:
    """The short noun phrases of a list of collected data, read from token ``start``
    up to ``end`` (exclusive) of the current block's parse.

    Items are split at commas, "and", "or", "as well as" and brackets; "such as",
    "including" and "like" open a sub-list ("data such as A and B" -> A, B);
    "the contents of X", "huge amounts of X" read X (``container_nouns``); a possessor
    ("users' photos", "the device's language setting") and determiners, quantifiers
    and numbers are dropped; a prepositional phrase ends its item ("prompts on
    servers in ...") and the list goes on after it; a clause (a verb, a relative
    pronoun, a purpose "to", a subordinator) ends the list, and a bare noun that is
    the subject of that clause ("every conversation users have", "..., location,
    researchers at X found") leaves its item.
    Items are kept when they end in a noun that is no word of ``not_signals``, no
    name, and no generic word alone ("data", "information": ``generic_signals``).
    """
    doc = reader.docs[reader.block]
    end = min(end, len(doc))
    items: list[list] = []
    cur: list = []

    def close():
        nonlocal cur
        if cur:
            items.append(cur)
        cur = []

    i = start
    while i < end:
        t = doc[i]
        low = t.lower_
        nxt = doc[i + 1].lower_ if i + 1 < end else ""
        if low in D["list_markers"] or low == "such" and nxt == "as":
            close()
            i += 2 if low == "such" else 1
            continue
        if low == "as" and nxt == "well" and i + 2 < end and doc[i + 2].lower_ == "as":
            close()
            i += 3
            continue
        if t.text == ";" or t.text == ":" and cur:
            break
        if t.text in D["item_separators"] or t.pos_ == "CCONJ":
            close()
            i += 1
            continue
        if t.tag_ == "POS" or low in {"'s", "’s"}:
            cur = []  # "users' photos": the possessor is no part of the signal
            i += 1
            continue
        if t.pos_ == "ADP":
            if cur and (low == "of" and _head_word(cur) in D["container_nouns"]
                        or low in D["about_preps"] and _head_word(cur) in D["generic_signals"]
                        or low in D["bare_about_preps"] and len(cur) == 1 and _head_word(cur) in D["generic_signals"]):
                # "the contents of X", "huge amounts of X", "information about X", "data from X": X
                cur = []
                i += 1
                continue
            if low in D["range_preps"] and t.head.lemma_ in D["range_verbs"]:
                close()  # "ranges from A to B"
                i += 1
                continue
            close()  # "prompts on servers in ...": the phrase ends the item
            i = max(i + 1, t.right_edge.i + 1)
            if i < end and not (doc[i].text in D["item_separators"] or doc[i].pos_ == "CCONJ"):
                break  # the list goes on only after a separator ("A on X, B and C")
            continue
        gerund_np = not cur and t.tag_ == "VBG" and i + 1 < end and doc[i + 1].pos_ == "NOUN" \
            and doc[i + 1].head.i == t.i and not t.i > start  # "collects browsing history" read as a gerund
        # "names, addresses and chat histories" with "chat" tagged a verb: a noun modifier after a
        # list separator, its "object" the item's head
        gerund_np = gerund_np or not cur and t.tag_ in {"VB", "VBP"} and t.dep_ == "conj" and i > start \
            and (doc[i - 1].pos_ == "CCONJ" or doc[i - 1].text in D["item_separators"]) and i + 1 < end \
            and doc[i + 1].pos_ == "NOUN" and doc[i + 1].head.i == t.i and doc[i + 1].dep_ == "dobj" \
            and not any(c.dep_ in {"det", "poss", "amod", "compound"} for c in doc[i + 1].children)
        if t.pos_ in {"VERB", "AUX"} and not _nominal(t) and not gerund_np or t.pos_ in {"SCONJ", "PART"} \
                or low in RELATIVE or t.tag_ in {"WDT", "WP", "WRB"}:
            if cur and cur[-1].dep_ in {"nsubj", "nsubjpass"} and cur[-1].head.i >= i and len(cur) > 1:
                cur = cur[:-1]  # "every conversation users have": "users" is the clause's subject
            elif cur and cur[-1].dep_ in {"nsubj", "nsubjpass"} and cur[-1].head.i >= i:
                cur = []
            break
        if t.pos_ in {"DET", "PRON"} and t.is_stop or t.pos_ == "NUM" or t.tag_ == "PRP$" \
                or low in D["quantity_words"]:
            if cur and t.pos_ in {"DET", "PRON"}:
                break  # a new phrase without a separator ("screenshots every few seconds")
            i += 1
            continue
        if t.tag_ == "HYPH" and cur:
            cur.append(t)  # "user-submitted prompts"
            i += 1
            continue
        if t.pos_ == "ADV" and t.dep_ not in _NOMINAL or t.is_punct:
            if cur:
                break  # (but "a unique advertising identifier" with the noun mistagged as an adverb)
            i += 1
            continue
        cur.append(t)
        i += 1
    close()
    out: list[str] = []
    for toks in items:
        head = toks[-1].head
        if toks[-1].dep_ == "nsubj" and head.i > toks[-1].i and (
                head.lemma_ in reader.lex["reporting_verbs"] or head.lemma_ in reader.lex["reason"]["finding_verbs"]):
            continue  # "..., precise location, researchers at X found": who reports, after the list
        text = _item_text(reader, toks, D)
        if text and text not in out:
            out.append(text)
    return out


#: dependency labels of a verb-tagged word that stands in a noun phrase ("setting", "browsing")
_NOMINAL = {"dobj", "pobj", "nsubj", "nsubjpass", "compound", "amod", "appos", "attr", "oprd", "npadvmod"}


def _nominal(tok) -> bool:
    """True for a verb-tagged word the parser uses as a noun or modifier: a nominal
    dependent ("the language setting"), a word with noun modifiers before it ("IP
    addresses" tagged as a verb), or a gerund modifying a noun after it ("browsing history")."""
    if tok.dep_ in _NOMINAL and tok.tag_ in {"VBG", "VBN", "NN", "NNS"}:
        return True
    if any(c.dep_ in {"compound", "amod", "det", "poss"} and c.i < tok.i for c in tok.children):
        return True
    if tok.tag_ == "VBG" and tok.head.i > tok.i and tok.head.pos_ in {"NOUN", "PROPN"}:
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.tag_ == "VBG" and tok.dep_ in {"pcomp", "pobj", "dobj", "conj", "nsubj"} and nxt is not None \
        and nxt.pos_ == "NOUN" and nxt.head.i == tok.i and nxt.dep_ == "dobj" \
        and not any(c.dep_ in {"det", "poss", "amod"} for c in nxt.children)  # "browsing history" as a gerund and object


def _data_like(signal: str, D) -> bool:
    """True when a signal's words name data ("voice recordings", "IP addresses"): the
    check for objects of weak verbs and of agents that are no product."""
    return any(w in D["data_words"] or w.rstrip("s") in D["data_words"] for w in signal.lower().replace("-", " ").split())


def _head_word(toks) -> str:
    return toks[-1].lower_ if toks else ""


def _item_text(reader, toks, D) -> str:
    """The text of one list item, or "" when it names no collected data."""
    toks = [t for t in toks if not (t.pos_ == "ADJ" and t.lower_ in D["quantity_words"])]
    while toks and toks[0].pos_ in {"ADJ"} and toks[0].lower_ in D["quantity_words"]:
        toks = toks[1:]
    if not toks:
        return ""
    head = toks[-1]
    if head.pos_ not in {"NOUN", "PROPN"} and not (head.pos_ == "VERB" and head.tag_ == "VBG") \
            and not (head.pos_ == "ADV" and head.dep_ in _NOMINAL):  # ("identifier" mistagged as an adverb)
        return ""
    if (head.lower_ in D["not_signals"] or head.lemma_.lower() in D["not_signals"]) and not (
            len(toks) > 1 and f"{toks[-2].lower_} {head.lower_}" in D["data_compounds"]):
        return ""  # (but "operating system": data about the user's device)
    if head.ent_type_ in D["not_signal_ents"] and head.pos_ == "PROPN" or any(t.lower_ in D["not_signal_mods"] for t in toks):
        return ""
    for t in toks:
        m = reader.token_mention.get((reader.block, t.i))
        if m is not None and m.entity is not None and not (
                m.entity.family == "Product" and t.dep_ == "compound" and t.head == head and head.pos_ == "NOUN"
                and m.end <= head.i):
            return ""  # "Acme's images", a place: no user data (but "WhatsApp messages": the user's)
    if len(toks) == 1 and (head.lower_ in D["_generic_container"]
                           or head.lemma_.lower() in D["generic_signals"]):
        return ""
    toks = toks[-5:]
    return join_tokens(toks).strip(" ,;:'\"“”‘’-")


def _entity(reader, tok, families, anchor=False):
    m = reader.mention_at(tok) if anchor else reader.token_mention.get((reader.block, tok.i))
    if m is not None and m.entity is not None:
        return m.entity if m.entity.family in families else None
    ent = _named_again(reader, tok)
    return ent if ent is not None and ent.family in families else None


def _named_again(reader, tok):
    """The entity a proper noun names when the model found no mention of it here but the
    article named it before ("Quillpoint" tagged as a person at the start of a sentence):
    the entity whose surface is the token's name (the token with its compound words)."""
    if tok.pos_ != "PROPN":
        return None
    state = getattr(reader, _STATE)
    surfaces = state.get("surfaces")
    if surfaces is None:
        surfaces = {}
        for ms in reader.mentions:
            for m in ms:
                if m.entity is not None:
                    for form in m.entity.surfaces:
                        surfaces.setdefault(form.lower(), m.entity)
        state["surfaces"] = surfaces
    words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ == "PROPN"]
    name = join_tokens(sorted([*words, tok], key=lambda t: t.i)).lower()
    return surfaces.get(name)


def _as_product(reader, ent):
    """A product entity for ``ent``: itself, or a company's name standing for its product."""
    if ent is None:
        return None
    if ent.family == "Product":
        return ent
    return reader.product_of(ent)


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
        if c.dep_ in {"prep", "dative"} and c.lower_ in D["clause_product_preps"]:
            toks += list(c.subtree)
        if c.dep_ == "advcl" and c.lemma_.lower() in D["use_verbs"] and any(
                m.dep_ in {"mark", "advmod"} and m.lower_ in D["use_clause_marks"] for m in c.children):
            # "recordings are kept whenever people use P": what is in use when it happens
            toks += [t for o in c.children if o.dep_ == "dobj" for t in o.subtree]
    for o in objs:
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ in D["signal_product_preps"]:
                toks += list(c.subtree)
    out = []
    for t in toks:
        e = _entity(reader, t, {"Product"})
        if e is not None and t.dep_ != "poss" and e not in out:
            out.append(e)
    return out


def _agent_token(tok):
    """The agent of a verb: its subject (active), its ``by`` phrase (passive), or
    that of the verb it is coordinated with or controlled by ("X plans to use", "X is
    designed to gain access")."""
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
                if p is not None and p.lower_ not in _data()["manner_by_nouns"]:
                    return p  # (not "stored by default": a manner, no agent)
        if passive and node.i == tok.i:
            return None
        if passive and node.lemma_.lower() in _data()["intent_verbs"]:
            # "X is designed to gain access to A": what is designed pursues the goal
            subj = next((c for c in node.children if c.dep_ == "nsubjpass"), None)
            if subj is not None:
                return subj
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
    if noun.pos_ == "PRON" or any(c.lower_ in D["definite_determiners"] for c in noun.children):
        feature = getattr(reader, _STATE).get("feature")
        if feature is not None and lemma in D["named_product_nouns"]:
            return feature
        return _discourse_product(reader, noun)
    return None


def _is_feature_noun(noun, D) -> bool:
    return noun.lemma_.lower() in D["_named_or_anaphor"] or noun.pos_ == "PROPN"


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


def _technology_named(reader, agent, D) -> str | None:
    """The technology class (``policy.technology_classes``) an agent noun phrase names, or that
    a definite description of a system ("the system", "the technology": ``technology_anaphors``)
    refers back to in this block or the two before; None otherwise."""
    phrase = reader._technology_class(list(agent.subtree))
    if phrase is not None or agent.lemma_.lower() not in D["technology_anaphors"] or not any(
            c.dep_ == "det" and c.lower_ in D["definite_determiners"] for c in agent.children):
        return phrase
    for b in range(reader.block, max(-1, reader.block - 3), -1):
        for sent in reversed(reader.sents[b]):
            if b == reader.block and sent.start >= agent.sent.start:
                continue
            phrase = reader._technology_class(list(sent))
            if phrase is not None:
                return phrase
    return None


def _product_of_agent(reader, agent, tok, goals, D):
    """(product, maker) for an agent token: a product, a company's product, a definite description."""
    ent = None
    m = reader.mention_at(agent)
    if m is not None and m.entity is not None:
        ent = m.entity
    elif _named_again(reader, agent) is not None:
        ent = _named_again(reader, agent)
    elif agent.pos_ == "PRON" and agent.lower_ in D["agent_pronouns"]:
        ent = reader.coref(agent, {"Organization", "Product"})
    elif agent.pos_ == "NOUN":
        lemma = agent.lemma_.lower()
        if lemma in D["product_anaphors"] and any(c.lower_ in D["definite_determiners"] or c.tag_ == "PRP$"
                                                  for c in agent.children):
            ent = _feature_product(reader, agent, D)
        elif lemma in D["company_anaphors"]:
            ent = reader.coref(agent, {"Organization"})
        else:
            ent = _feature_product(reader, agent, D)
        if ent is None and lemma in D["product_anaphors"]:
            # "Acme's app collects ...": the organization's product (found below as for a company)
            ent = next((e for c in agent.children if c.dep_ == "poss"
                        for e in [_entity(reader, c, {"Organization"})] if e is not None), None)
        if ent is None:
            # "large language models like P collect ..."
            ent = next((e for c in agent.children if c.dep_ == "prep" and (c.lower_ in D["list_preps"] or c.lower_ == "as")
                        for p in c.children if p.dep_ == "pobj" for e in [_entity(reader, p, {"Product"})]
                        if e is not None), None)
        if ent is None:
            # "facial recognition cameras captured ...", "The system scanned each visitor's face ..." after
            # a sentence naming the technology: a technology restricted or used as a class
            phrase = _technology_named(reader, agent, D)
            if phrase is not None:
                return reader.implicit(phrase, "SoftwareProduct", False), None
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
    reporting = reader.lex["reporting_verbs"]
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ == "VERB" and (anc.lemma_.lower() in reporting or anc.lemma_.lower() in D["report_verbs"]) \
                and anc.i != tok.i:
            subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
            if subj is None and anc.dep_ in {"advcl", "xcomp", "conj"}:
                subj = next((c for c in anc.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj
    return None


def _speaker_entity(reader, subj):
    """The organization a reporting subject names: a name, "the company", "a policy update by the giant"."""
    D = _data()
    ent = _entity(reader, subj, {"Organization", "Person"})
    if ent is not None:
        return ent
    if subj.pos_ == "PRON" or subj.lemma_.lower() in D["company_anaphors"]:
        return reader.coref(subj, {"Organization"})
    for c in subj.children:
        if c.dep_ == "poss" or c.dep_ == "compound":
            ent = _entity(reader, c, {"Organization"})
            if ent is not None:
                return ent
        if c.dep_ == "prep" and c.lower_ in D["maker_preps"]:
            for q in c.children:
                if q.dep_ == "pobj":
                    ent = _entity(reader, q, {"Organization"}) or (
                        reader.coref(q, {"Organization"}) if q.lemma_.lower() in D["company_anaphors"] else None)
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
    texts += [t for t in _for_topics(tok, D) if t not in texts]
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
