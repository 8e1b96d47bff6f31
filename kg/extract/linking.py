"""Article-level linking: reasons, alternatives, extensions and addressees attached to the facts they refine.

A mixin of :class:`kg.extract.facts.ArticleReader`: its methods read one sentence in its
discourse context (``self.article``, ``self.block``, ``self.sent``, the mentions) and
emit :class:`kg.extract.syntax.Observation` objects through ``self.emit``. Word lists
come from ``kg/data/lexicon.json`` (``self.lex``).
"""

from __future__ import annotations

import bisect

from collections import Counter

from ..nlp.entities import Entity
from ..nlp.kb import merge_key, normalize
from ..resources import lexicon
from .syntax import Observation

_REASON = lexicon()["reason"]
#: words of a class of products that says they are others' ("third-party AI chatbots"; lower-case
#: text, ``policy.foreign_class_words``): an issuer's own product does not stand for the class.
FOREIGN_CLASS_WORDS = frozenset(lexicon()["policy"]["foreign_class_words"])
#: words that make a sentence after a policy its justification (:meth:`ArticleLinker._justification_after`):
#: a risk or a concern, not a bare "risks" or "concerns".
JUSTIFICATION_CUES = frozenset([*_REASON["risk_words"], *_REASON["concern_words"]]) - frozenset(_REASON["vague_nouns"])


def _policy_just_before(o: Observation, policies: list[Observation], keep) -> Observation | None:
    """The nearest of ``policies`` stated before observation ``o`` and at most 900 characters
    before it for which ``keep(policy)`` holds, or None: the policy a later sentence's
    "the ban also covers X" or "similar bans by A" refers to."""
    before = [p for p in policies if 0 <= o.start - p.start < 900 and keep(p)]
    return max(before, key=lambda p: p.start) if before else None


class ArticleLinker:
    """Article-level linking frame (mixin of :class:`kg.extract.facts.ArticleReader`)."""

    def _country_in_name(self, body: Entity) -> str | None:
        """The normalized name of the country a body is of: the article's location fact for it
        ("the Kestrian Roads and Broadcasting Commission"), else a nationality word or a
        country's name in its name; None when neither says."""
        seat = next((o.roles["country"] for o in self.observations
                     if o.kind == "location" and o.roles.get("organization") is body), None)
        if seat is not None:
            return normalize(seat.label)
        before = [self.docs[m.block][m.start - 1].text for ms in self.mentions for m in ms
                  if m.entity is body and m.start > 0]
        for word in [*before, *body.label.replace("-", " ").split()]:
            entry = self.kb.country_of_demonym(word) if self.kb.is_demonym(word) else None
            if entry is None:
                found = self.kb.lookup(word)
                entry = found if found is not None and found.kind == "Country" else None
            if entry is not None:
                return normalize(entry.name)
        return None

    def _block_of(self, offset: int) -> int:
        """Index of the block (line) holding character ``offset`` of the article text."""
        starts = [b.start for b in self.article.blocks]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def _policies_at_site(self, reason: Observation, issuer, policies: list[Observation], keys: list) -> list:
        """The (issuer, product) keys a reason stated in the body belongs to: when the issuer's
        policies are stated in several places ("A banned X and Y ... Two years ago A had banned
        Z"), only those stated in the block of its policy nearest before the reason (else the
        first after it), with every place that names one of their products again; otherwise
        every policy of the issuer."""
        own = [p for p in policies if p.roles["issuer"] is issuer]
        sites = {self._block_of(p.start) for p in own}
        if len(sites) < 2:
            return keys
        before = [p for p in own if p.start <= reason.start]
        anchor = max(before, key=lambda p: p.start) if before else min(own, key=lambda p: p.start)
        by_site: dict[int, set] = {}
        for p in own:
            by_site.setdefault(self._block_of(p.start), set()).add(p.roles["product"])
        products = set(by_site[self._block_of(anchor.start)])
        for got in by_site.values():  # a place that restates one of those products states the same policy
            if got & products:
                products |= got
        return [k for k in keys if k[1] in products]

    def _unattributed_issuer(self, o: Observation, policies: list[Observation], mention_count: Counter,
                             developed: Counter) -> Entity | None:
        """Who issued a policy stated without an agent ("X and Y will be blocked on the
        network") and whose sentence before names none as its subject
        (:meth:`PolicyFrame._centering_issuer`): the issuer of the nearest policy stated before
        it in the article, else of the nearest one after it, else the organization the article
        names most often before it
        (not a news organization, not the product's maker), when it is named at least twice.
        None when the article names none."""
        product = o.roles["product"]
        makers = {d for (d, p) in developed if p is product}
        # (never the product's maker, nor a body of the product's name: "X's bots were blocked")
        named = [p for p in policies if p.roles["product"] is not None and p.roles["issuer"] not in makers
                 and merge_key(p.roles["issuer"].label) != merge_key(product.label)]
        before = [p for p in named if p.start <= o.start]
        if before:
            return max(before, key=lambda p: p.start).roles["issuer"]
        after = [p for p in named if p.start > o.start]
        if after:
            return min(after, key=lambda p: p.start).roles["issuer"]
        block = self._block_of(o.start)
        counts = Counter(m.entity for ms in self.mentions[:block + 1] for m in ms
                         if m.entity is not None and m.entity.family == "Organization"
                         and m.entity.kind != "NewsOrganization" and m.entity not in makers
                         and m.entity is not product and merge_key(m.entity.label) != merge_key(product.label))
        if not counts:
            return None
        best, n = max(counts.items(), key=lambda kv: (kv[1], mention_count[kv[0]], kv[0].label))
        return best if n >= 2 else None

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
                generic = self.generic_products.get(id(o), "")
                if own and not set(generic.lower().replace("-", " ").split()) & FOREIGN_CLASS_WORDS:
                    # (but "third-party AI chatbots", "external AI tools" are not its own)
                    o.roles["product"] = max(own, key=lambda p: (mention_count[p], p.label))
                elif stated and id(o) not in self.generic_products:  # the product the article's other policies restrict
                    o.roles["product"] = max(stated, key=lambda p: (stated[p], mention_count[p], p.label))
                elif products and id(o) not in self.generic_products:
                    o.roles["product"] = max(products, key=lambda p: (mention_count[p], p.label))
                elif id(o) in self.generic_products and not any(
                        p.roles["issuer"] is issuer and p.roles["product"] is not None for p in policies):
                    # "switched off the AI features of staff laptops", "barred generative AI
                    # on work phones": the class of products the clause names, when the issuer
                    # restricts no named product (else the class stands for that product)
                    o.roles["product"] = self.implicit(self.generic_products[id(o)], "SoftwareProduct", False)
                else:
                    o.kind = "dropped"
        policies = [o for o in policies if o.kind == "policy"]
        for o in [o for o in obs if o.kind == "extension"]:
            last = _policy_just_before(o, policies, lambda p, o=o: p.roles["product"] is not o.roles["product"])
            if last is None:
                # "The bans cover X" with no policy named just before: the discourse's issuer
                o.kind, o.attrs = "unattributed", {"type": ["ban"]}
                continue
            o.kind = "policy"
            o.roles = {"issuer": last.roles["issuer"], "product": o.roles["product"], "region": list(last.roles["region"])}
            # an extension of a ban ("the ban also extends to X") has the ban's type, scope and reasons
            o.attrs = {"type": list(last.attrs.get("type", [])), "scope": list(last.attrs.get("scope", [])),
                       "reason": list(last.attrs.get("reason", []))}
            policies.append(o)
        side: set[int] = set()  # (ids of the policies "similar bans by A and B" state in passing)
        for o in [o for o in obs if o.kind == "similar"]:
            # "the move follows similar bans by A and B": A's policy on the product of the
            # nearest policy stated before (of another issuer), with its type
            last = _policy_just_before(o, policies, lambda p, o=o: p.roles["issuer"] is not o.roles["issuer"]
                                       and p.roles["product"] is not None)
            if last is None:
                o.kind = "dropped"
                continue
            o.kind = "policy"
            o.roles = {"issuer": o.roles["issuer"], "product": last.roles["product"], "region": []}
            o.attrs = {"type": list(last.attrs.get("type", []))}
            policies.append(o)
            side.add(id(o))
        for o in [o for o in obs if o.kind == "unattributed"]:
            issuer = self._unattributed_issuer(o, policies, mention_count, developed) or o.roles.get("fallback")
            if issuer is None or issuer is o.roles["product"]:
                o.kind = "dropped"
                continue
            o.kind = "policy"
            o.roles = {"issuer": issuer, "product": o.roles["product"], "region": []}
            policies.append(o)
        # a company named for its product makes that product ("banned Lumora": Lumora's product)
        by_key = {m.entity.key: m.entity for ms in self.mentions for m in ms if m.entity is not None}
        for o in policies:
            product = o.roles["product"]
            maker = by_key.get(product.key[: -len(" product")]) if product.key.endswith(" product") else None
            if maker is not None and maker.kind == "Company" and self.kb.names_product_after(maker.label):
                self.observations.append(Observation("development", {"developer": maker, "product": product},
                                                     {}, o.article, o.start, o.end, o.certainty, o.attributed_to))
        weights = Counter()
        for o in policies:
            weights[(o.roles["issuer"], o.roles["product"])] += 2 if "ban" in o.attrs.get("type", []) else 1
        main = weights.most_common(1)[0][0] if weights else None
        issuers = {k[0] for k in weights}
        bare = set(self.lex["reason"]["reason_nouns"])
        named = {normalize(e.label) for e in mention_count}
        preps = set(self.lex["reason"]["name_only_preps"])

        def names_only(reason: str) -> bool:
            """"about DeepSeek": a name alone (after a preposition) says no reason."""
            words = reason.split()
            if words and words[0].lower() in preps:
                words = words[1:]
            return normalize(" ".join(words)) in named

        for o in [o for o in obs if o.kind == "reason"]:
            o.attrs["reason"] = [r for r in o.attrs.get("reason", []) if r.lower().strip() not in bare
                                 and not names_only(r)]
            if not o.attrs["reason"]:
                o.kind = "dropped"  # a bare "risks" or "concerns" says no reason
                continue
            # a reason belongs to every policy of its issuer: the one named, else
            # the issuer of the nearest policy stated before it
            issuer = o.roles.get("issuer")
            if issuer is not None and issuer.kind == "NewsOrganization" and issuer not in issuers:
                issuer = None  # "the city worries about X, Kestrel News reports": the reporter issues nothing
            if issuer is not None and issuer not in issuers:
                # a government body speaking next to its country's policy speaks for it
                # ("the Ministry of Digital Affairs said ..." after "Taiwan banned ...")
                if o.roles.get("near") and issuer.kind != "GovernmentBody":
                    o.kind = "dropped"
                    continue
                # ... and a body whose name says its country ("the Kestrian Roads ...
                # Commission") speaks for that country's policy, not for the one stated last
                country = self._country_in_name(issuer) if issuer.kind == "GovernmentBody" else None
                issuer = next((i for i in issuers if country is not None and normalize(i.label) == country), None)
            if issuer is None and not o.roles.get("heading"):
                # (of the policies stated before, those the article states itself before those
                # it names in passing: "follows similar moves by A and B. Officials cited X")
                before = [p for p in policies if p.start <= o.start]
                before = [p for p in before if id(p) not in side] or before
                issuer = max(before, key=lambda p: p.start).roles["issuer"] if before else None
            if issuer is None:
                issuer = main[0] if main else None  # a section title speaks of the article's main policy
            if o.roles.get("near") and not any(p.roles["issuer"] is issuer and 0 <= o.start - p.start < 900
                                               for p in policies):
                issuer = None
            keys = [k for k in weights if k[0] is issuer]
            if o.roles.get("every"):
                keys = list(weights)
            elif not o.roles.get("heading"):
                keys = self._policies_at_site(o, issuer, policies, keys)
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
                # (its own product: "Acme banned X and told staff to use Acme Chat"; a maker that
                # restricts nothing here, "use approved tools such as Kestrel's Y", is no issuer)
                makers = [d for (d, p) in developed if p is alt
                          and any(q.roles["issuer"] is d for q in policies)]
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
        self._justification_after()

    def _justification_after(self, window: int = 2) -> None:
        """A policy that no rule gave a reason takes the next sentence that names a risk or a
        concern as its justification: news states the policy, then why ("A has banned X. The
        bank said the tool could expose client data."). The sentence is one of the ``window``
        sentences after the policy's first statement (across at most one line break), is no
        headline, states no policy of another issuer nor that the policy was lifted (a
        ``reason.lift_verbs`` verb of a policy noun), and holds a word of ``reason.risk_words``
        or ``reason.concern_words`` that is not a bare ``reason.vague_nouns`` ("The bank cited
        risks" names none); its first
        :data:`kg.extract.reason.REASON_WORDS` words are the reason.

        Source: the issue's section 3.4 ("a justification in the next sentence, by the issuer
        or attributed to it")."""
        from .reason import LIFT_VERBS, REASON_WORDS

        pol = self.lex["policy"]
        policy_nouns = frozenset(pol["ban_nouns"]) | frozenset(pol["restriction_nouns"])

        policies = [o for o in self.observations if o.kind == "policy"]
        reasoned = {(o.roles["issuer"], o.roles["product"]) for o in policies if o.attrs.get("reason")}
        first: dict = {}
        for o in policies:
            key = (o.roles["issuer"], o.roles["product"])
            if key not in reasoned and id(o) in self._obs_sent and (
                    key not in first or o.start < first[key].start):
                first[key] = o
        if not first:
            return
        order = [(b, s) for b, block_sents in enumerate(self.sents) for s in block_sents]
        index = {(b, s.start): n for n, (b, s) in enumerate(order)}
        stated = {}
        for o in policies:
            if id(o) in self._obs_sent:
                stated.setdefault(self._obs_sent[id(o)], set()).add(o.roles["issuer"])
        for key, o in first.items():
            at = index.get(self._obs_sent[id(o)])
            if at is None:
                continue
            for b, sent in order[at + 1:at + 1 + window]:
                if b > order[at][0] + 1 or self.article.blocks[b].heading:
                    break
                others = stated.get((b, sent.start), set()) - {key[0]}
                if others:
                    break  # the next sentence is about another issuer's policy
                words = self.words(sent)
                if words.isdisjoint(JUSTIFICATION_CUES):
                    continue
                if not words.isdisjoint(LIFT_VERBS) and any(
                        t.lemma_ in LIFT_VERBS and t.pos_ == "VERB" and any(
                            c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in policy_nouns for c in t.children)
                        for t in self.tokens(sent)):
                    continue  # ("... said it had lifted its ban": the policy's end, no justification)
                toks = [t for t in self.tokens(sent) if not t.is_space]
                last = toks[:REASON_WORDS][-1]
                text = sent.doc.text[toks[0].idx:last.idx + len(last.text)].strip(" .")
                block = self.article.blocks[b]
                self.observations.append(Observation(
                    "policy", {"issuer": key[0], "product": key[1], "region": []}, {"reason": [text]},
                    o.article, block.offset(sent.start_char), block.end_offset(sent.end_char), o.certainty))
                break
