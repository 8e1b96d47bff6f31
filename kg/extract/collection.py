"""Collection and purpose: what a product collects and why its maker says so (cq05, cq06).

A mixin of :class:`kg.facts.ArticleReader`: its methods read one sentence in its
discourse context (``self.article``, ``self.block``, ``self.sent``, the mentions) and
emit :class:`kg.extract.syntax.Observation` objects through ``self.emit``. Word lists
come from ``kg/data/lexicon.json`` (``self.lex``).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from ..entities import Entity
from .syntax import conjuncts, phrase, phrase_verb, phrase_without


class CollectionFrame:
    """Collection and purpose frame (mixin of :class:`kg.facts.ArticleReader`)."""

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

    def _infinitive_purposes(self, sent: Span) -> None:
        """A purpose clause on collecting or using data: "collects location data to help users
        find friends", "records calls so that users can search them", "which the maker says it
        uses to improve its speech recognition", "would use the biometric data to verify
        identities". The product is the collecting product, else the article's; the purpose is
        stated by the speaker of the sentence."""
        collect = set(self.lex["data_collection"]["collect_verbs"])
        if not any(o.kind == "collection" for o in self.observations):
            return  # purposes are read only where the article reports collected data
        for tok in sent:
            if tok.pos_ != "VERB" or not (tok.lemma_ in collect or tok.lemma_ == "use"):
                continue
            if tok.lemma_ == "use":
                obj = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
                if obj is None and tok.dep_ in {"relcl", "ccomp"}:
                    # "recordings, which Acme says it uses to ...": the relative's antecedent
                    obj = next((c for c in tok.children if c.lower_ in {"which", "that"}), None)
                if obj is None or not (self._is_signal_word(obj) or obj.lower_ in {"which", "that", "it", "them"}):
                    continue
            goals = [c for c in tok.children if c.dep_ in {"advcl", "xcomp"} and c.pos_ == "VERB"
                     and any(a.dep_ == "aux" and a.lower_ == "to" or a.dep_ == "mark" and a.lower_ in {"so"}
                             for a in c.children)]
            if not goals:
                continue
            subj = self._clause_subject(tok)
            product = self.entity_at(subj, {"Product"}) if subj is not None and tok.lemma_ in collect else None
            product = product or self._article_collection_product()
            texts = [t for g in goals for t in [phrase_verb(g)] if t]
            if product is not None and texts:
                self.emit("collection", {"product": product, "stated_by": self._speaker(tok)}, purpose=texts)

    def _is_signal_word(self, noun: Token) -> bool:
        """True for a noun naming collected data: a generic data word or a word of
        a signal already read in this article ("the time zone")."""
        dc = self.lex["data_collection"]
        if noun.lemma_ in dc["generic_heads"] or noun.lemma_ in dc["feature_nouns"] or noun.lower_ in dc["generic_heads"]:
            return True  # ("data" has the lemma "datum")
        words = {w.lower() for o in self.observations if o.kind == "collection"
                 for sig in o.attrs.get("signal", []) for w in sig.split()}
        return noun.lower_ in words

    def _article_collection_product(self) -> Entity | None:
        products = Counter(o.roles["product"] for o in self.observations if o.kind == "collection")
        return products.most_common(1)[0][0] if products else None
