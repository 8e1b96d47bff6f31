"""Development: who develops or owns which product (cq03).

A mixin of :class:`kg.extract.facts.ArticleReader`: its methods read one sentence in its
discourse context (``self.article``, ``self.block``, ``self.sent``, the mentions) and
emit :class:`kg.extract.syntax.Observation` objects through ``self.emit``. Word lists
come from ``kg/data/lexicon.json`` (``self.lex``) and ``kg/data/frames/development.json``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..nlp.entities import Entity, Mention
from . import frame_data

_WORDS = frame_data("development")
#: prepositions of a product's maker after a descriptive noun ("X, a chatbot by Acme"; lower-case text).
MAKER_PREPS = _WORDS["maker_preps"]
#: nouns of a company that owns another or a product ("parent", "owner"; lemmas).
PARENT_NOUNS = frozenset(_WORDS["parent_nouns"])
#: where an organization is present on a platform ("its X server", "its X account"): the
#: possessor owns the presence, not the platform
PRESENCE_NOUNS = frozenset(_WORDS["presence_nouns"])
#: prepositions of the matter of an act done to a party ("sued Y over its X"; lower-case text) and
#: the possessive pronouns that then refer to that party.
OBJECT_CAUSE_PREPS = frozenset(_WORDS["object_cause_preps"])
POSSESSIVE_PRONOUNS = frozenset(_WORDS["possessive_pronouns"])


class DevelopmentFrame:
    """Development frame (mixin of :class:`kg.extract.facts.ArticleReader`)."""

    #: (develop verbs, maker nouns) as sets, built once per reader
    _development_sets: tuple[frozenset[str], frozenset[str]] | None = None

    def sentence_development(self, sent: Span) -> None:
        """"X's P", "P, X's assistant", "P from X", "X P" (compound), "P developed by X", "X launched P"."""
        orgs = {"Organization", "Person"}
        if self._development_sets is None:
            self._development_sets = (frozenset(self.lex["development"]["develop_verbs"]),
                                      frozenset(self.lex["development"]["maker_nouns"]))
        dev_verbs, maker_nouns = self._development_sets
        for m in self._mentions_in(sent):
            ent = m.entity
            if ent.family != "Product":
                continue
            doc = self.docs[self.block]
            root = doc[m.start:m.end].root
            anchors = [root]
            base = root
            while base.dep_ == "conj" and base.head != base and any(ch.isdigit() for ch in base.text):
                base = base.head  # "Acme's X100, X200 and Y300": a series of numbered models shares its maker
            if base is not root and any(ch.isdigit() for ch in base.text):
                anchors.append(base)
            if root.dep_ in {"compound", "nmod"} and root.head.pos_ == "NOUN" and root.head.i >= m.end:
                if root.head.lemma_.lower() in PRESENCE_NOUNS:
                    continue  # "an update on its X server": the platform X is not the possessor's
                anchors.append(root.head)
            if anchors[-1].dep_ == "appos":
                anchors.append(anchors[-1].head)
            if root.dep_ == "nsubj" and root.head.lemma_ == "be":
                # "X is Acme's chatbot", "X is a project of Acme": the description's owner
                anchors += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
            for child in list(anchors[-1].children) + list(root.children):
                if child.dep_ == "appos":
                    anchors.append(child)
            dev = None
            for a in anchors:
                for c in a.children:
                    if c.dep_ in {"poss"} or (c.dep_ in {"compound", "nmod"} and c.i < m.start):
                        # ("Dana Holt's X": a person's possessive names the owner; a compound person
                        # name before a product does not: "Trump Media")
                        dev = self._object_possessor(c) if c.dep_ == "poss" else None
                        dev = dev or self.entity_at(c, orgs if c.dep_ == "poss" and c.pos_ == "PROPN" else {"Organization"},
                                                    subject_first=True)
                        if dev is None and c.pos_ == "NOUN":  # "Acme's chatbot X": the class noun's owner
                            dev = next((e for cc in c.children if cc.dep_ == "poss"
                                        for e in [self._object_possessor(cc) or self.entity_at(cc, {"Organization"})]
                                        if e is not None), None)
                        if dev:
                            break
                    if c.dep_ in {"acl", "relcl"} and c.lemma_ in dev_verbs:
                        dev = self.agent_of(c, {"Organization"}, depth=1)
                        if dev:
                            break
                    if a is not root and a.pos_ == "NOUN" and c.dep_ == "prep" and c.lower_ in MAKER_PREPS:
                        # "X, a chatbot by Acme"
                        dev = next((self.entity_at(p, {"Organization"}) for p in c.children if p.dep_ == "pobj"), None)
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
                # "Y launched / develops X"; "Y built the X app" (the name modifies the object)
                obj = anchors[1] if len(anchors) > 1 and anchors[1] == root.head else root
                if obj == root and root.dep_ == "amod" and root.head.pos_ == "NOUN" and root.head.i >= m.end:
                    obj = root.head  # ("the X model" with X tagged an adjective)
                verb = obj.head if obj.dep_ in {"dobj"} else None
                if verb is not None and verb.lemma_ in dev_verbs:
                    dev = self.agent_of(verb, {"Organization"}, depth=1)
            # ("the maker of the X chatbot", "the X music generator": the name modifies the class
            # noun that is the object)
            np_, steps = root, 0
            while steps < 3 and np_.dep_ in {"compound", "nmod", "amod", "advmod"} and np_.head.pos_ == "NOUN" \
                    and np_.head.i > np_.i:
                np_, steps = np_.head, steps + 1
            if dev is None and np_.dep_ == "pobj" and np_.head.head.lemma_ in maker_nouns:
                maker = np_.head.head
                for c in maker.children:
                    if c.dep_ in {"poss", "compound"}:
                        dev = self.entity_at(c, {"Organization"})
                if dev is None and maker.dep_ == "appos":
                    dev = self.entity_at(maker.head, {"Organization"})
            if dev is None and np_.dep_ == "pobj" and np_.head.lower_ in self.lex["development"]["behind_preps"] \
                    and np_.head.head.lemma_.lower() in self.lex["cue_nouns"]["Company"]:
                # "Acme, the startup behind X": the organization the company noun describes
                company = np_.head.head
                cands = [company.head] if company.dep_ == "appos" else []
                cands += [c for c in company.children if c.dep_ == "appos"]
                if company.dep_ == "attr":
                    cands += [c for c in company.head.children if c.dep_ == "nsubj"]
                dev = next((e for c in cands for e in [self.entity_at(c, {"Organization"})] if e is not None), None)
            if dev is None and root.dep_ in {"poss", "compound"} and (
                    root.head.lemma_.lower() in maker_nouns or root.head.lemma_.lower() == "company"
                    and any(c.lower_ == "parent" for c in root.head.children)):
                # "X's parent company Acme", "X owner Acme", "X maker Acme"
                maker = root.head
                cands = [c for c in maker.children if c.dep_ == "appos"] + \
                    ([maker.head] if maker.dep_ == "compound" else []) + list(doc[maker.i + 1:maker.i + 2])
                dev = next((e for c in cands for e in [self.entity_at(c, {"Organization"})] if e is not None), None)
            if dev is None and root.dep_ == "nsubjpass" and root.head.lemma_ in dev_verbs:
                dev = self.agent_of(root.head, {"Organization"}, depth=1)  # "X is developed by Acme"
            if dev is None:
                dev = self._owned_by(doc, m)
            if dev is None:
                dev = self._name_prefix_maker(m)
            if dev is None:
                dev = self._known_maker_in_article(m)
                if dev is not None:
                    # world knowledge, not the sentence, says it: stated once per article
                    if (dev, ent) in self.known_made:
                        continue
                    self.known_made.add((dev, ent))
            if dev is not None and dev is not ent and dev.family in orgs and \
                    dev.kind not in {"GovernmentBody", "NewsOrganization"}:
                self.emit("development", {"developer": dev, "product": ent})
        if not self.words(sent).isdisjoint(PARENT_NOUNS) or not self.words(sent).isdisjoint(maker_nouns) \
                and "its" in self.words(sent):
            self._parent_company(sent)

    def _object_possessor(self, poss: Token) -> Entity | None:
        """The party an act is done to, for "its" in the act's matter: "A sued B over its X", "A
        asked C to investigate B over its X", "a complaint ... against B over its X", "A sued B,
        accusing its app X of ..." (B owns X, not the subject A). The organization named last before ``poss`` as an object (``dobj`` or a
        preposition's object), from the verb the "over"/"for"/"about" phrase hangs on; None when
        ``poss`` is no possessive pronoun in such a phrase, or no object is named."""
        if poss.lower_ not in POSSESSIVE_PRONOUNS:
            return None
        noun = poss.head
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head  # ("its companion app X": the phrase the possessive opens)
        if noun.dep_ == "dobj" and noun.head.dep_ == "advcl" and noun.head.tag_ == "VBG":
            verb = noun.head.head  # "A filed a complaint against B, accusing its app X of ...": B's
        elif noun.dep_ != "pobj" or noun.head.lower_ not in OBJECT_CAUSE_PREPS or noun.head.head.pos_ != "VERB":
            return None
        else:
            verb = noun.head.head
        for t in reversed(poss.doc[verb.i + 1:poss.i]):
            m = self.mention_at(t)
            if m is not None and m.entity is not None and t.i == m.end - 1 and t.dep_ in {"dobj", "pobj"} \
                    and m.entity.family == "Organization" and m.entity.kind not in {"GovernmentBody", "NewsOrganization"}:
                return m.entity
        return None

    def _parent_company(self, sent: Span) -> None:
        """"A, (the) parent company of X and Y", "X and Y's parent company, A", "X's owner A": A
        develops or owns X and Y, products or companies known by their product (a company
        stands for its product, :meth:`product_of`); "its developer, A" (``development.maker_nouns``):
        A makes the product "its" stands for."""
        doc = sent.doc
        makers = self.lex["development"]["maker_nouns"]
        for noun in sent:
            pronoun_owned = noun.lemma_.lower() in makers and any(c.dep_ == "poss" and c.lower_ == "its"
                                                                  for c in noun.children)
            if noun.pos_ != "NOUN" or not (noun.lemma_.lower() in PARENT_NOUNS or noun.lemma_.lower() == "company"
                                           and any(c.lower_ in PARENT_NOUNS for c in noun.children) or pronoun_owned):
                continue  # (a maker noun only with "its": "its developer, A"; a named owner is read above)
            holders = [noun] + ([noun.head] if noun.dep_ == "compound" and noun.head.i > noun.i else [])
            owned_toks = [x for h in holders for c in h.children if c.dep_ in {"poss", "nmod"} and c.i < noun.i
                          for x in [c, *c.conjuncts]]  # ("X's owner A": "X" hangs on "A" when "owner" is a compound)
            owned_toks += [x for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                           for p in c.children if p.dep_ == "pobj" for x in [p, *p.conjuncts]]
            owners = [c for c in noun.children if c.dep_ == "appos" or c.dep_ in {"amod", "compound"} and c.i > noun.i
                      or c.dep_ in {"amod", "compound", "nmod"} and c.i + 1 < noun.i and doc[c.i + 1].text == ","]
            if noun.dep_ in {"appos", "compound"} and noun.head.i != noun.i:
                owners.append(noun.head)  # "A, the parent company of X"; "X's owner A"
            if noun.dep_ == "attr":
                owners += [c for c in noun.head.children if c.dep_ == "nsubj"]
            if not owners and noun.i + 2 < len(doc) and doc[noun.i + 1].text == ",":
                owners.append(doc[noun.i + 2])  # "X's parent company, A, ..." parsed flat
            owner = next((e for t in owners for e in [self.entity_at(t, {"Organization"})] if e is not None
                          and e.kind == "Company"), None)
            if owner is None:
                continue
            for t in owned_toks:
                m = self.mention_at(t)
                if m is None and t.lower_ == "its":
                    ent = self.coref(t, {"Product"})  # "its developer, A": the product named before
                    if ent is not None and ent.family == "Product":
                        self.emit("development", {"developer": owner, "product": ent})
                    continue
                if m is None or m.entity is None or m.entity is owner:
                    continue
                ent = m.entity
                if ent.family == "Organization" and ent.kind == "Company":
                    ent = self.product_of(ent)
                if ent.family == "Product":
                    self.emit("development", {"developer": owner, "product": ent})

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

    def _known_maker_in_article(self, m: Mention) -> Entity | None:
        """The product's maker as the knowledge base knows it (world knowledge, as Wikidata's
        developer P178, manufacturer P176 or owner P127 state it; :meth:`kg.nlp.kb.KnowledgeBase.makers`),
        when the article names that organization too ("Acme will retire Zorblat next year", or
        Acme named in another paragraph: Acme, if the knowledge base says Acme makes Zorblat).
        Returns None when the knowledge base names no maker or the article names none of them."""
        if not self.kb.makers(m.entity.label):
            return None
        return next((other.entity for ms in self.mentions for other in ms
                     if other.entity is not None and other.entity is not m.entity
                     and self.known_maker(other.entity, m.entity.label)), None)

    def _name_prefix_maker(self, m: Mention) -> Entity | None:
        """A product whose name begins with a company's name ("Kestrel Chat" of "Kestrel"):
        the company named so in this article, else a company the knowledge base knows by that
        name (named in the product's name: "Acme Notes" names Acme), unless the knowledge base
        gives the product another maker; None otherwise."""
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
        for k in range(len(words) - 1, 0, -1):
            entry = self.kb.lookup(" ".join(words[:k]))
            if entry is not None and entry.kind == "Company":
                makers = self.kb.makers(ent.label)
                return self.implicit(entry.name, "Company", True) if not makers or entry.name in makers else None
        return None
