"""Collection and purpose: what a product collects and why its maker says so (cq05, cq06).

A mixin of :class:`kg.extract.facts.ArticleReader`: its methods read one sentence in its
discourse context (``self.article``, ``self.block``, ``self.sent``, the mentions) and
emit :class:`kg.extract.syntax.Observation` objects through ``self.emit``. Word lists
come from ``kg/data/lexicon.json`` (``self.lex``) and ``kg/data/frames/collection.json``.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from ..nlp.entities import Entity
from .collection_news import _asked, _data as news_data, _maker_of, _negated, _same_party, makers_voice, reaching_goal, \
    signal_items
from . import frame_data
from .syntax import RELATIVE, conjuncts, goal_conjuncts, phrase, phrase_verb

_WORDS = frame_data("collection")
#: prepositions that put added data into a carrier ("adds X to every request"; lower-case text).
CARRIER_PREPS = _WORDS["carrier_preps"]
#: prepositions of what a check inspects ("checks on X"; lower-case text).
CHECK_PREPS = _WORDS["check_preps"]
#: prepositions naming the product a collecting verb serves ("records X for P"; lower-case text).
PRODUCT_PREPS = _WORDS["product_preps"]
#: reporting verbs whose clause still says what the product does ("disclosed that P collects X"; lemmas).
DISCLOSE_VERBS = _WORDS["disclose_verbs"]
#: prepositions of the product a feature is part of ("the flag in P"; lower-case text).
PART_OF_PREPS = _WORDS["part_of_preps"]
#: determiners of a feature noun that refers back to a product ("the app"; lower-case text).
DEFINITE_DETERMINERS = _WORDS["definite_determiners"]
#: feature nouns that name a whole product, not a part with a purpose of its own (lower-case text).
WHOLE_PRODUCT_NOUNS = _WORDS["whole_product_nouns"]
#: prepositions of an intent's goal ("aimed at detecting X"; lower-case text).
GOAL_PREPS = _WORDS["goal_preps"]
#: pronoun subjects that may stand for a feature ("it lets ..."; lower-case text).
FEATURE_PRONOUNS = _WORDS["feature_pronouns"]
#: relative pronouns that stand for a used object ("which the maker uses to ..."; lower-case text).
RELATIVE_OBJECTS = _WORDS["relative_objects"]
#: objects of "use" that stand for data read before (lower-case text).
USED_OBJECTS = _WORDS["used_objects"]


class CollectionFrame:
    """Collection and purpose frame (mixin of :class:`kg.extract.facts.ArticleReader`)."""

    #: the unions of word lists the readers test, built once per reader (:meth:`_collection_words`)
    _collection_sets: dict[str, frozenset[str]] | None = None

    def _collection_words(self) -> dict[str, frozenset[str]]:
        """Unions of the lexicon's lists that the readers below test, by use."""
        if self._collection_sets is None:
            dc = self.lex["data_collection"]
            collect, add = frozenset(dc["collect_verbs"]), frozenset(dc["add_verbs"])
            self._collection_sets = {
                "collect": collect, "add": add, "collect_add": collect | add,
                "triggers": collect | add | frozenset(dc["check_nouns"]),
                "carriers": frozenset(dc["carrier_nouns"]),
                "intent": frozenset(self.lex["purpose"]["intent_verbs"]),
                "feature": frozenset(dc["feature_nouns"]) - frozenset(WHOLE_PRODUCT_NOUNS),
            }
        return self._collection_sets

    def sentence_collection(self, sent: Span) -> None:
        """What a product inspects or collects, or adds to requests, and the purpose its maker gave."""
        dc = self.lex["data_collection"]
        sets = self._collection_words()
        collect_add, add = sets["collect_add"], sets["add"]
        # (most sentences name no trigger word: no walk)
        for tok in self.tokens(sent) if not self.words(sent).isdisjoint(sets["triggers"]) else ():
            objs: list[Token] = []
            if tok.pos_ == "VERB" and tok.lemma_ in collect_add:
                carriers = sets["carriers"]
                if tok.lemma_ in add and not any(c.dep_ == "prep" and c.lower_ in CARRIER_PREPS and
                                                 any(p.lemma_ in carriers for p in c.children)
                                                 for c in tok.subtree if c.head == tok or c.head.head == tok):
                    continue
                objs = [c for c in tok.children if c.dep_ in {"dobj"}]
            elif tok.pos_ == "NOUN" and tok.lower_ in dc["check_nouns"]:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in CHECK_PREPS:
                        objs += [p for p in c.children if p.dep_ == "pobj"]
            if not objs:
                continue
            product = self._product_of(tok)
            if product is None and tok.pos_ == "VERB":
                # "Google now records X for Gemini API accounts"
                product = next((e for c in tok.children if c.dep_ == "prep" and c.lower_ in PRODUCT_PREPS
                                for e in self.entities_in(list(c.subtree), {"Product"})), None)
            if product is None:
                continue
            if tok.pos_ == "VERB" and (_negated(tok) or _asked(tok)):
                continue  # "does not collect X", "asked whether it collects X"
            signals: list[str] = []
            for o in objs:
                signals += self._signals(o)
            if signals:
                self.emit("collection", {"product": product}, signal=signals)
        self._listed_signals(sent)

    def sentence_purposes(self, sent: Span) -> None:
        """Purposes stated for collected data (run by :mod:`kg.extract.collection_news` after
        the signals of the sentences so far are read, in this sentence or the ones before)."""
        self._sentence_purpose(sent)
        self._enabled_purposes(sent)
        self._infinitive_purposes(sent)

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
        signals = signal_items(self, sent.start, sent.end, news_data())
        if signals:
            self.emit("collection", {"product": product}, signal=signals)

    def _signals(self, tok: Token) -> list[str]:
        """The signals an object noun names (:func:`kg.extract.collection_news.signal_items`),
        nothing for a pronoun, a name or a feature ("included experimental mechanisms")."""
        dc = self.lex["data_collection"]
        if tok.pos_ == "PRON" or tok.lemma_ in dc["feature_nouns"] or tok.lower_ in dc["not_signals"]:
            return []
        return signal_items(self, tok.left_edge.i, tok.sent.end, news_data())

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
            if node.dep_ == "ccomp" and node.head.lemma_ in self.lex["reporting_verbs"] and node.head.lemma_ not in DISCLOSE_VERBS:
                return None
            node = node.head
        return None

    def _feature_owner(self, noun: Token) -> Entity | None:
        for c in noun.children:
            if c.dep_ in {"compound", "poss", "nmod"}:
                e = self.entity_at(c, {"Product"})
                if e:
                    return e
            if c.dep_ == "prep" and c.lower_ in PART_OF_PREPS:
                for p in c.children:
                    if p.dep_ == "pobj":
                        e = self.entity_at(p, {"Product"})
                        if e:
                            return e
        m = self.anchor_mention.get((self.block, noun.i))
        if m and m.entity.family == "Product":
            return m.entity
        if noun.pos_ == "PRON" or any(c.lower_ in DEFINITE_DETERMINERS for c in noun.children):
            return self.coref(noun, {"Product"})
        return None

    def _sentence_purpose(self, sent: Span) -> None:
        """"the mechanism was intended to prevent X and help Y", "an experiment designed to combat X"."""
        sets = self._collection_words()
        intent = sets["intent"]
        if self.words(sent).isdisjoint(intent):
            return
        function_verbs, feature = sets["collect_add"], sets["feature"]
        for tok in self.tokens(sent):
            if tok.lemma_ not in intent or tok.pos_ not in {"VERB", "ADJ"}:
                continue
            goals: list[Token] = []
            for c in tok.children:
                if c.dep_ == "xcomp" and c.pos_ == "VERB":
                    goals.append(c)
                if c.dep_ == "prep" and c.lower_ in GOAL_PREPS:
                    goals += [p for p in c.children if p.dep_ in {"pcomp", "pobj"} and p.pos_ == "VERB"]
            goals = [g for c in goals for g in goal_conjuncts(c)]
            news = news_data()
            goals = [g for g in goals if g.lemma_ not in function_verbs and not reaching_goal(g, news)]
            if not goals or self.certainty(sent) in news["hedged"]:
                continue  # (and "the suit alleges X is designed to ...": an allegation, no purpose)
            holder = None
            if tok.dep_ in {"acl", "amod"}:
                holder = tok.head
            else:
                holder = next((c for c in tok.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
            if holder is None:
                continue
            product = self.entity_at(holder, {"Product"})
            if product is None:
                if not (holder.lemma_ in feature or holder.lower_ in feature or self._is_signal_word(holder)
                        and holder.lemma_ not in WHOLE_PRODUCT_NOUNS and holder.lower_ not in WHOLE_PRODUCT_NOUNS):
                    continue  # (a feature, or data: "the recordings are intended to improve X"; not "tools")
                product = self._feature_owner(holder) or self._product_of(holder)
            if product is None:
                product = self._article_collection_product()
            if product is None:
                continue
            purposes = [phrase_verb(g) for g in goals]
            ok, speaker = self._purpose_speaker(tok, product)
            if ok and makers_voice(speaker):
                self.emit("collection", {"product": product, "stated_by": speaker}, purpose=purposes)

    def _enabled_purposes(self, sent: Span) -> None:
        """Purposes given for collected data: "the identifier lets the company detect
        shared accounts", "the time zone is used to route requests", "the flag helps
        Lumora spot automated traffic", "for the purpose of service quality"."""
        pz = self.lex["purpose"]
        words = self.words(sent)
        if words.isdisjoint(pz["enable_verbs"]) and "use" not in words and "purpose" not in words:
            return  # (no token below can start a purpose)
        if not any(o.kind == "collection" for o in self.observations):
            return  # purposes are read only where the article reports collected data
        for tok in self.tokens(sent):
            goals: list[Token] = []
            texts: list[str] = []
            if tok.pos_ == "VERB" and tok.lemma_ in pz["enable_verbs"]:
                subj = self._clause_subject(tok)
                if subj is None or subj.pos_ == "PRON" and subj.lower_ not in FEATURE_PRONOUNS \
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
                if subj is not None and subj.lower_ in RELATIVE:
                    # "X collects A, which Acme says are used for Z": the relative pronoun's antecedent
                    rel = tok if tok.dep_ == "relcl" else tok.head if tok.head.dep_ == "relcl" else None
                    subj = rel.head if rel is not None else subj
                if subj is not None and self._is_signal_word(subj):
                    goals += [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
                    # "the data is used for advertising" (a noun goal; "for ... purposes" is read below)
                    texts += [phrase(p) for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                              for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() != "purpose"
                              and p.pos_ == "NOUN" for p in conjuncts(p)]
            elif tok.lemma_.lower() == "purpose" and tok.head.lower_ == "for":
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        texts += [phrase(p) for p in c.children if p.dep_ == "pobj" for p in conjuncts(p)]
                        # "for the purpose of detecting abuse": a gerund's clause
                        texts += [phrase_verb(p) for p in c.children if p.dep_ == "pcomp" for p in conjuncts(p)]
                # "for security purposes", "for safety and integrity purposes": the kind of purpose
                texts += [x.text for c in tok.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i
                          for x in conjuncts(c) if x.pos_ in {"NOUN", "ADJ", "PROPN"}]
            goals = [g for c in goals for g in goal_conjuncts(c)]
            texts += [phrase_verb(g) for g in goals]
            texts = [t for t in texts if t]
            if not texts or _negated(tok) or _speculative(tok):
                continue  # ("does not let ...", "this may allow X to capture ...": no purpose given)
            product = self._article_collection_product()
            ok, speaker = self._purpose_speaker(tok, product)
            if ok and makers_voice(speaker):
                self.emit("collection", {"product": product, "stated_by": speaker}, purpose=texts)

    def _infinitive_purposes(self, sent: Span) -> None:
        """A purpose clause on collecting or using data: "collects location data to help users
        find friends", "records calls so that users can search them", "which the maker says it
        uses to improve its speech recognition", "would use the biometric data to verify
        identities". The product is the collecting product, else the article's; the purpose is
        stated by the speaker of the sentence."""
        collect = self._collection_words()["collect"]
        words = self.words(sent)
        if words.isdisjoint(collect) and "use" not in words:
            return  # (no token below can start a purpose)
        if not any(o.kind == "collection" for o in self.observations):
            return  # purposes are read only where the article reports collected data
        for tok in self.tokens(sent):
            if tok.pos_ != "VERB" or not (tok.lemma_ in collect or tok.lemma_ == "use"):
                continue
            if tok.lemma_ == "use":
                obj = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
                if obj is None and tok.dep_ in {"relcl", "ccomp"}:
                    # "recordings, which Acme says it uses to ...": the relative's antecedent
                    obj = next((c for c in tok.children if c.lower_ in RELATIVE_OBJECTS), None)
                if obj is None or not (self._is_signal_word(obj) or obj.lower_ in USED_OBJECTS):
                    continue
            heads = [tok, *[c for c in tok.children if c.dep_ == "dobj"]]  # ("records X so that ...": on X)
            goals = [c for h in heads for c in h.children if c.dep_ in {"advcl", "xcomp"} and c.pos_ == "VERB"
                     and any(a.dep_ == "aux" and a.lower_ == "to" or a.dep_ == "mark" and a.lower_ == "so"
                             or a.dep_ == "mark" and a.lower_ == "that" and a.i > 0 and a.nbor(-1).lower_ == "so"
                             for a in c.children)]
            if not goals or _negated(tok) or _speculative(tok):
                continue  # ("never uses the logs to profile anyone": a denial, no purpose)
            subj = self._clause_subject(tok)
            product = self.entity_at(subj, {"Product"}) if subj is not None and tok.lemma_ in collect else None
            product = product or self._article_collection_product()
            texts = [t for g in goals for t in [phrase_verb(g)] if t]
            if product is None or not texts:
                continue
            ok, speaker = self._purpose_speaker(tok, product)
            if ok and makers_voice(speaker):
                self.emit("collection", {"product": product, "stated_by": speaker}, purpose=texts)

    def _purpose_speaker(self, tok: Token, product: Entity | None) -> tuple[bool, Entity | None]:
        """(kept, stated_by) for a purpose read at ``tok``: a purpose is its maker's, so it is
        kept when nobody else says it. The speaker is the subject of a reporting verb above
        ``tok``, the source of "according to X", else the speaker of the sentences before;
        "the company" or "it" stands for the product's maker when one is known; a speaker
        that is no organization or person ("critics say") or another organization drops it."""
        maker = _maker_of(self, product) if product is not None else None
        reporting = set(self.lex["reporting_verbs"])
        subj = next((self._clause_subject(a) for a in [tok, *tok.ancestors]
                     if a.pos_ == "VERB" and a.lemma_ in reporting and self._clause_subject(a) is not None), None)
        if subj is not None:
            if maker is not None and (subj.pos_ == "PRON" or subj.lemma_ in self.lex["anaphors"]["Organization"]) \
                    and self.mention_at(subj) is None:
                return True, maker  # "the company said", "it says"
            speaker = self._speaker_entity(subj)
            if speaker is None and subj.lemma_ in set(self.lex["staff_nouns"]) | set(self.lex["attribution"]["spokes_nouns"]):
                return True, self._speaker(tok) or maker  # "the employee said": the maker's staff
            if speaker is None:
                return False, None  # "critics say ..."
            if maker is None:
                return speaker.kind == "Company" or speaker.family == "Person", speaker
            return _same_party(speaker, maker) or speaker.family == "Person", speaker
        source = self.attribution(tok.sent)
        if source is not None and not isinstance(source, str):
            if maker is not None and not _same_party(source, maker) and source.family != "Person" \
                    or maker is None and source.kind != "Company":
                return False, None
            return True, source
        if isinstance(source, str):
            return False, None  # an anonymous source is not the maker
        speaker = self._speaker(tok)
        if speaker is not None and maker is not None and speaker.kind == "Company" and not _same_party(speaker, maker):
            return True, maker
        return True, speaker or maker

    def _is_signal_word(self, noun: Token) -> bool:
        """True for a noun naming collected data: a generic data word, a word of a signal
        already read in this article ("the time zone"), or, once one was read, a data word of
        ``collection_news.data_words`` ("the recordings")."""
        dc = self.lex["data_collection"]
        if noun.lemma_ in dc["generic_heads"] or noun.lemma_ in dc["feature_nouns"] or noun.lower_ in dc["generic_heads"]:
            return True  # ("data" has the lemma "datum")
        words = {w.lower() for o in self.observations if o.kind == "collection"
                 for sig in o.attrs.get("signal", []) for w in sig.split()}
        if noun.lower_ in words:
            return True
        # a noun of data once the article has reported collected data ("the recordings")
        data = news_data()["data_words"]
        return bool(words) and (noun.lower_ in data or noun.lemma_.lower() in data)

    def _article_collection_product(self) -> Entity | None:
        products = Counter(o.roles["product"] for o in self.observations if o.kind == "collection")
        return products.most_common(1)[0][0] if products else None


def _speculative(tok: Token) -> bool:
    """True when a modal of possibility governs ``tok`` ("this may allow X to capture ...",
    "could be used to ..."; ``collection.speculative_modals``): what something might do is no
    purpose its maker gives."""
    modals = _WORDS["speculative_modals"]
    return any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children)
