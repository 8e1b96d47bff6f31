"""Location: where an organization is based (cq09).

A mixin of :class:`kg.extract.facts.ArticleReader`: its methods read one sentence in its
discourse context (``self.article``, ``self.block``, ``self.sent``, the mentions) and
emit :class:`kg.extract.syntax.Observation` objects through ``self.emit``. Word lists
come from ``kg/data/lexicon.json`` (``self.lex``) and ``kg/data/frames/location.json``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp.entities import Entity, Mention
from . import frame_data

_WORDS = frame_data("location")
#: words between a nationality and an organization's name ("Chinese AI startup X"; lower-case text).
INDUSTRY_WORDS = _WORDS["industry_words"]
#: nouns that describe an organization besides the cue and maker nouns ("the largest chip
#: manufacturer in Kestria"; lemmas).
COMPANY_NOUNS = _WORDS["company_nouns"]
#: copulas of "A is / became the ... company of Kestria" (lemmas).
COPULA_VERBS = _WORDS["copula_verbs"]
#: determiners of a description that refers back to an organization ("the Kestrian firm"; lower-case text).
DEFINITE_DETERMINERS = _WORDS["definite_determiners"]
#: nouns of an organization's seat ("its headquarters in Y"; lower-case text).
SEAT_NOUNS = frozenset(_WORDS["seat_nouns"])
#: prepositions that list a description's members ("Kestrian firms, including A and B"; lower-case text).
MEMBER_PREPS = _WORDS["member_preps"]
#: conjunctions that continue a surface list of names (lower-case text).
LIST_JOINERS = _WORDS["list_joiners"]


class LocationFrame:
    """Location frame (mixin of :class:`kg.extract.facts.ArticleReader`)."""

    #: the unions of word lists the rules test, built once per reader (:meth:`_location_words`)
    _location_sets: dict[str, frozenset[str]] | None = None

    def _location_words(self) -> dict[str, frozenset[str]]:
        """Unions of the lexicon's lists that the rules below test, by use."""
        if self._location_sets is None:
            lex = self.lex
            cue_orgs = frozenset(lex["cue_nouns"]["Company"]) | frozenset(lex["cue_nouns"]["GovernmentBody"]) \
                | frozenset(lex["cue_nouns"]["NewsOrganization"])  # ("the Kestrian newspaper X")
            self._location_sets = {
                "cue_orgs": cue_orgs,
                "cue_words": cue_orgs | frozenset(INDUSTRY_WORDS),
                "seat_nouns": cue_orgs | frozenset(lex["development"]["maker_nouns"]) | frozenset(COMPANY_NOUNS),
                "based": frozenset(lex["location"]["based_words"]),
                "seat": frozenset(lex["location"]["seat_verbs"]),
            }
        return self._location_sets

    def sentence_location(self, sent: Span) -> None:
        """Nationality or "-based" modifiers of a named organization or of a
        definite description of one ("Chinese tech giant X", "the U.S.-based company")."""
        sets = self._location_words()
        cue_orgs = sets["cue_orgs"]
        toks = self.tokens(sent)
        texts = self._doc_orths(sent.doc)
        start = sent.start
        for k in range(start, sent.end):
            text = texts[k]
            if "-" not in text and not text[:1].isupper():
                continue  # (most tokens: no nationality, as _nationality's first test says)
            tok = toks[k - start]
            inside = self.mention_at(tok)
            whole = None
            if inside is not None and inside.start == tok.i and inside.end > tok.i + 1 and inside.entity is not None \
                    and inside.entity.family != "Place":
                continue  # the first word of a longer name ("Kara Lunde", "Texas Instruments") locates nothing
            if inside is None and tok.pos_ == "PROPN" and "-" not in text and not self.kb.is_demonym(text) \
                    and not (k + 2 < sent.end and texts[k + 1] == "-"):
                continue  # a capitalized word no mention covers ("Kara" of a credit "Kara Lunde/Agency") is no place
            if inside is not None and inside.start < tok.i:
                if not (tok.i == inside.end - 1 and inside.entity is not None and inside.entity.family == "Place"
                        and tok.i + 2 < sent.end and texts[k + 1] == "-"):
                    continue  # a word inside a longer name ("York" of "New York", "the Kestria Times") locates nothing
                whole = inside.entity.label  # "San Francisco-based": the whole place name before "-based"
            country = self._nationality(tok, whole)
            if country is None:
                continue
            noun = tok.head
            seated = noun.lower_ in self.lex["location"]["based_words"] and noun.dep_ == "amod"
            if seated:
                noun = noun.head  # "the Singapore-headquartered Kestrel Dynamics"
            while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i \
                    and self.mention_at(noun) is None and (noun.head.tag_ == "NNS" or noun.lemma_ not in cue_orgs
                                                           and noun.head.lemma_ in cue_orgs):
                # "Chinese AI firms — A, B and C": the firms (a list, never an anaphor); "the Chinese
                # drone maker": the maker, where the parse hangs the nationality on the product word
                noun = noun.head
            if noun.lower_ in cue_orgs and noun.dep_ in {"compound", "amod"} and noun.head.i > noun.i \
                    and self.mention_at(noun.head) is not None:
                noun = noun.head  # "the Seoul-based firm Kestrel Labs" ("firm" tagged an adjective)
            if noun.pos_ not in {"NOUN", "PROPN"}:
                continue
            org = None
            m = self.mention_at(noun)
            if m is None and seated and noun.i + 1 < len(noun.doc) and noun.pos_ == "NOUN":
                m = self.mention_at(noun.doc[noun.i + 1])  # "Lyon-headquartered video platform X", parse broken
            if m and m.entity.family == "Organization":
                org = m.entity
            elif m and m.entity.family == "Product" and seated:
                # "the Lyon-based streaming platform X": the organization of that name that runs it
                org = self._product_runner(m.entity)
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
                if org is None and any(c.lower_ in DEFINITE_DETERMINERS for c in noun.children) and noun.dep_ != "attr":
                    org = self.coref(noun, {"Organization"})
            if org is None and m is None and noun.lemma_ not in cue_orgs:
                org = self._named_after_cue(tok, cue_orgs)  # (the parse broke the description)
            members = [org] if org is not None else []
            if org is None and noun.lemma_ in cue_orgs:
                members = self._described_members(noun)
            for org in members:
                if org.kind != "GovernmentBody":
                    place = self.implicit(country.name, country.kind, False)
                    self.emit("location", {"organization": org, "country": place})
        self._copula_seat(sent)
        if not self.words(sent).isdisjoint(SEAT_NOUNS):
            self._headquarters(sent)
        cue_words = sets["cue_words"]
        based = sets["based"]
        seat = sets["seat"]
        for m in self._mentions_in(sent):
            if m.entity.family == "Product":
                self._product_seat(m)  # "X is based in Y", X named as an app
                continue
            if m.entity.family != "Organization" or m.entity.kind == "GovernmentBody":
                continue  # a government body's own country is no news (the contract makes it optional)
            arm = self.kb.country_of_arm(m.entity.label)
            if arm is not None:  # "Acme Kestria", a firm's national arm, is based in Kestria
                self.emit("location", {"organization": m.entity, "country": self.implicit(arm.name, arm.kind, False)})
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
            preds = [c for h in holders for c in h.children
                     if c.dep_ in {"acl", "amod", "relcl"} and (c.lemma_ in seat or c.lower_ in based or c.lemma_ == "be")]
            if root.dep_ in {"nsubj", "nsubjpass"} and (root.head.lemma_ in seat or root.head.lower_ in based):
                preds.append(root.head)  # "X is headquartered in Y", "X is based in Y"
            elif root.dep_ == "nsubj" and root.head.lemma_ in COPULA_VERBS:
                preds += [c for c in root.head.children if c.dep_ == "acomp" and c.lower_ in based]
            for c in preds:
                for p in [c, *[x for x in c.children if x.dep_ == "acomp" or x.lemma_ in seat]]:
                    for prep in p.children:
                        if prep.dep_ == "prep" and prep.lower_ == "in":
                            for o in prep.children:
                                country = self._seat_country(o)
                                if country is not None:
                                    self.emit("location", {"organization": m.entity, "country": country})
            if m.entity.kind == "Company":
                for prep in root.children:  # "Acme of Kestria"
                    if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i >= m.end:
                        place = next((self.entity_at(o, {"Place"}) for o in prep.children if o.dep_ == "pobj"), None)
                        if place is not None and place.kind == "Country":
                            self.emit("location", {"organization": m.entity, "country": place})

    def _headquarters(self, sent: Span) -> None:
        """An organization's seat named as its headquarters: "from its headquarters in Y", "X,
        which has its headquarters in Y", "X's headquarters in Y" (``seat_nouns``; the place
        after "in", on the noun or on the verb it is the object of)."""
        for tok in self.tokens(sent):
            if tok.lower_ not in SEAT_NOUNS:
                continue
            holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
            place = next((p for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
                          for p in c.children if p.dep_ == "pobj"), None)
            country = self._seat_country(place) if place is not None else None
            if country is None:
                continue
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            owner = self.entity_at(poss, {"Organization"}, subject_first=True) if poss is not None else None
            if owner is not None and owner.kind not in {"GovernmentBody", "NewsOrganization"}:
                self.emit("location", {"organization": owner, "country": country})

    def _seat_country(self, obj: Token) -> Entity | None:
        """The country of the place a seat phrase names ("based in Kestria", "headquartered in
        Kestria City, Kestria", "a firm in Kestria City"): the place itself when it is a country,
        else its country in the gazetteer (:meth:`kg.nlp.kb.KnowledgeBase.country_of_place`);
        None when ``obj`` names no known place."""
        for x in [obj, *[y for y in obj.children if y.dep_ in {"appos", "conj"}]]:
            place = self.entity_at(x, {"Place"})
            if place is None:
                continue
            if place.kind == "Country":
                return place
            entry = self.kb.country_of_place(place.label)
            if entry is not None and entry.kind == "Country":
                return self.implicit(entry.name, entry.kind, False)
        return None

    def _product_runner(self, product: Entity) -> Entity:
        """The organization of a product's name that runs it (not a mention of its own): an
        implicit company labelled like the product, keyed ``"<product key> maker"``."""
        return self.implicit(product.label, "Company", False, key=f"{product.key} maker")

    def _product_seat(self, m: Mention) -> None:
        """A product said to be based somewhere ("X is based in Kestria", "X, which is
        headquartered in Y"): the organization of the same name that runs it is based there
        (an organization entity with the product's label, keyed ``"<product key> maker"``; not a
        mention of its own)."""
        seat, based = self._location_words()["seat"], self._location_words()["based"]
        doc = self.docs[self.block]
        root = doc[m.start:m.end].root
        preds = [c for c in root.children if c.dep_ in {"acl", "relcl"} and (c.lemma_ in seat or c.lower_ in based)]
        if root.dep_ in {"nsubj", "nsubjpass"} and (root.head.lemma_ in seat or root.head.lower_ in based):
            preds.append(root.head)
        for c in preds:
            for prep in c.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for o in prep.children:
                        country = self._seat_country(o)
                        if country is not None:
                            org = self._product_runner(m.entity)
                            self.emit("location", {"organization": org, "country": country})

    def _copula_seat(self, sent: Span) -> None:
        """"Acme is the largest chip maker in Kestria", "Acme, a startup in Kestria": an
        organization described as a company of a country."""
        nouns = self._location_words()["seat_nouns"]
        if self.words(sent).isdisjoint(nouns):
            return
        lemmas = self._doc_words(sent.doc)[0]  # (each token's lemma_.lower(), read once per Doc)
        for tok in self.tokens(sent):
            if lemmas[tok.i] not in nouns:
                continue
            # "Acme is one of the chip makers in Kestria" / "... one of a host of Kestrian firms"
            one, node = None, tok
            for _ in range(3):  # (through "a plethora of", "a handful of")
                if node.dep_ != "pobj" or node.head.lower_ != "of":
                    break
                node = node.head.head
                if node.lower_ == "one":
                    one = node
                    break
            role = one if one is not None else tok
            if role.dep_ not in {"attr", "appos"}:
                continue
            if role.dep_ == "attr":
                subj = self._clause_subject(role.head) if role.head.lemma_ in COPULA_VERBS else None
            else:
                subj = role.head
            org = self.entity_at(subj, {"Organization"}) if subj is not None else None
            if org is None or org.kind == "GovernmentBody":
                continue
            if one is not None:
                for c in tok.children:
                    entry = self._nationality(c) if c.dep_ == "amod" else None
                    if entry is not None:
                        self.emit("location", {"organization": org,
                                               "country": self.implicit(entry.name, entry.kind, False)})
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for o in prep.children:
                        place = self._seat_country(o) if o.dep_ == "pobj" else None
                        if place is not None:
                            self.emit("location", {"organization": org, "country": place})

    def _described_members(self, noun: Token) -> list[Entity]:
        """Organizations a descriptive noun stands for: "Kestrian companies, including A and B",
        "Kestrian rivals A and B" (apposition or compound list, or a plural noun right before the
        names), "A became the first Kestrian
        company to ..." (the subject of a copula)."""
        heads: list[Token] = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS:
                heads += [p for p in c.children if p.dep_ == "pobj"]
            if c.dep_ == "appos" or c.dep_ == "compound" and c.i > noun.i:
                heads.append(c)
        if noun.dep_ == "attr" and noun.head.lemma_ in COPULA_VERBS:
            subj = self._clause_subject(noun.head)
            if subj is not None:
                heads.append(subj)
        out: list[Entity] = []
        for h in heads:
            for t in [h, *h.conjuncts]:
                # (a name whose legal suffix the mention leaves out: "Acme Corp" heads on "Corp")
                m = self.mention_at(t) or next((x for c in t.children if c.dep_ == "compound"
                                                for x in [self.mention_at(c)] if x is not None), None)
                if m is not None and m.entity is not None and m.entity.family == "Organization" \
                        and m.entity not in out:
                    out.append(m.entity)
        doc = noun.doc
        dashed = noun.i + 1 < len(doc) and doc[noun.i + 1].text in {"—", "–", ":"}
        # "Kestrian defense firms A, B and C blocked ...", "Kestrian startups A and B": a plural
        # noun right before the names, which the parse hangs on the first name or the last
        listed = not out and noun.tag_ == "NNS" and noun.i + 1 < len(doc) and self.mention_at(doc[noun.i + 1]) is not None
        if dashed or listed:
            # "the Kestrian startups — A, B and C — ...": a list set off by dashes, read on the surface
            for t in doc[noun.i + (2 if dashed else 1):min(len(doc), noun.i + 30)]:
                if t.text in {"—", "–", ".", ";"}:
                    break
                m = self.mention_at(t)
                if m is not None and m.entity is not None and m.entity.family == "Organization" \
                        and m.entity not in out:
                    out.append(m.entity)
                elif m is None and not (t.is_punct or t.lower_ in LIST_JOINERS or t.pos_ in {"PROPN", "DET"}):
                    break
        if not out:
            # "the two Kestrian tech giants": the group of organizations named before
            out = self.group_antecedent(noun, {"Organization"}, self._location_words()["seat_nouns"])
        return out

    def _named_after_cue(self, tok: Token, cue_orgs: frozenset) -> Entity | None:
        """The organization named right after the cue noun that a nationality or "-based" word
        ``tok`` opens, read on the surface where the parse broke the noun phrase ("the
        Kestria-based AI startup Acme", "Kestrian generative AI startup Acme", with "startup"
        tagged a verb): up to four modifier words, the cue noun, then the name. None otherwise."""
        doc = tok.doc
        k = tok.i + 1
        if k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ in self.lex["location"]["based_words"]:
            k += 2
        for j in range(k, min(len(doc) - 1, k + 5)):
            t = doc[j]
            if not t.is_alpha or self.mention_at(t) is not None and t.lower_ not in cue_orgs:
                return None
            if t.lower_ in cue_orgs or t.lemma_.lower() in cue_orgs:
                m = self.mention_at(doc[j + 1])
                return m.entity if m is not None and m.start == j + 1 and m.entity is not None \
                    and m.entity.family == "Organization" else None
        return None

    def _nationality(self, tok: Token, place: str | None = None):
        """Country entry for a nationality word or an "X-based" token (``place``: the whole name of
        a place of several words that ``tok`` ends, read only before "-based")."""
        text = tok.text
        if "-" not in text and (not text[:1].isupper() or tok.pos_ not in {"ADJ", "PROPN", "NOUN"}
                                or tok.dep_ not in {"amod", "compound", "nmod", "poss"}
                                and not (tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-")):
            return None  # (most tokens: no modifier and no "-based")
        based = self.lex["location"]["based_words"]
        suffix = next((w for w in based if text.lower().endswith("-" + w) and len(text) > len(w) + 1), None) \
            if "-" in text else None
        if suffix:
            text = text[:-len(suffix) - 1]
        elif tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-" and tok.nbor(2).lower_ in based:
            suffix = tok.nbor(2).lower_
            text = place or text
        elif tok.dep_ == "poss" and tok.pos_ == "PROPN":
            m = self.mention_at(tok)  # "China's Yunji Intelligence", "Taiwan's ministry"
            if m is None or m.entity is None or m.entity.kind != "Country":
                return None
            return self.kb.lookup(m.entity.label) or self.kb.lookup(tok.text)
        elif place is not None or tok.pos_ not in {"ADJ", "PROPN", "NOUN"} or tok.dep_ not in {"amod", "compound", "nmod"}:
            return None
        entry = self.kb.country_of_demonym(text)
        if entry is None:
            e = self.kb.lookup(text)
            entry = e if e is not None and e.kind == "Country" else None
            if entry is not None and not suffix and tok.pos_ != "ADJ":
                return None
        return entry
