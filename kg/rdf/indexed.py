"""Write an :class:`~kg.extract.extraction.Extraction` as an RDF graph (the ABox).

IRIs are minted deterministically from normalized names, so the same input
gives the same graph, byte for byte, whatever the file order or hash seed:

- entities: ``kgr:<slug of the merge key>`` (``https://w3id.org/kg-news/id/acme``);
- articles: ``kgr:article/<slug of the file stem>``;
- facts: ``kgr:fact/<kind>-<slug of the key labels>``;
- evidence: ``kgr:evidence/<sha1 of fact, article and offsets>``.

Each article records its text length (``kgo:characterCount``, code points) and,
when the corpus has a metadata file (:mod:`kg.io.metadata`), its headline
(``dcterms:title``), publisher (``dcterms:publisher``), publication date
(``dcterms:issued``, ``xsd:date``) and URL (``schema:url``, ``xsd:anyURI``).

Terms of the ontology come from a closed namespace built from
``ontology/kg.ttl``: a typo in a term name raises ``AttributeError`` at once.
Evidence follows the W3C Web Annotation Data Model
(https://www.w3.org/TR/annotation-model/#text-position-selector).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO, ClosedNamespace
from rdflib.paths import Path as RdfPath

from .. import EXTRACTOR_VERSION, __version__
from ..resources import ontology_file
from ..schema import fact_kinds

if TYPE_CHECKING:  # kg.extract.extraction imports spaCy; writing and reading graphs does not need it
    from ..extract.extraction import Extraction, Fact

ONTOLOGY_IRI = URIRef("https://w3id.org/kg-news/ontology")
KGO_URI = "https://w3id.org/kg-news/ontology#"
KGR = Namespace("https://w3id.org/kg-news/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")
GRAPH_IRI = URIRef("https://w3id.org/kg-news/id/graph")
#: The license of the graph kg writes (the facts and IRIs it mints): CC BY 4.0, like the ontology.
GRAPH_LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
GRAPH_RIGHTS = ("Facts and identifiers: CC BY 4.0. Quoted sentences (oa:exact) and headlines remain under "
                "the terms of the articles' publishers.")

from ..io.corpus import INVISIBLE as _CONTROL  # noqa: E402  (control, zero-width, bidi, BOM)


@lru_cache(maxsize=1)
def kgo() -> ClosedNamespace:
    """The ontology's namespace, closed over the terms declared in ``kg.ttl``."""
    onto = Graph().parse(ontology_file(), format="turtle")
    terms = sorted({str(s)[len(KGO_URI):] for s in onto.subjects() if str(s).startswith(KGO_URI)})
    return ClosedNamespace(KGO_URI, terms)


def slug(text: str) -> str:
    """IRI-safe local name: NFKC, case folded, non-alphanumerics as ``-``,
    non-ASCII letters percent-encoded (RFC 3987 compatible).

    >>> slug("Widget Pro")
    'widget-pro'
    """
    text = _CONTROL.sub("", unicodedata.normalize("NFKC", text)).casefold()
    text = re.sub(r"[^\w]+|_", "-", text).strip("-") or "x"
    return quote(text, safe="-")


#: Characters XML 1.0 does not allow (https://www.w3.org/TR/xml/#charsets), and lone surrogates.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids (most C0 controls, U+FFFE,
    U+FFFF, lone surrogates of undecodable file names) replaced by U+FFFD, so
    that every RDF syntax, RDF/XML included, can carry it. Length is kept, so
    offsets into the text still hold.

    >>> xml_safe("a\x01b")
    'a\ufffdb'
    """
    return _NOT_XML.sub("\ufffd", text)


def clean_label(text: str) -> str:
    """A label without control, zero-width or bidi characters."""
    return xml_safe(" ".join(_CONTROL.sub("", text).split()))


KIND_CLASS = {"Company": "Company", "GovernmentBody": "GovernmentBody", "NewsOrganization": "NewsOrganization",
              "Organization": "Organization", "Person": "Person", "SoftwareProduct": "SoftwareProduct",
              "AIModel": "AIModel", "Country": "Country", "Place": "Place"}


class _InterningAdder:
    """Adds triples to an rdflib graph with one term object per distinct term.

    rdflib's ``Memory`` store keeps the term objects it is given; namespace
    attributes (``RDF.type``, ``K.Evidence``) and minted IRIs are new objects
    on every access, so without interning the graph holds one copy of a term
    per triple that uses it. Measured on 35,000 triples: 0.90 of the memory
    of the graph built without interning. The term table lives only while the
    graph is being built.
    """

    def __init__(self, graph: Graph):
        self.graph = graph
        self._terms: dict = {}

    def add(self, triple: tuple) -> None:
        """Add ``(subject, predicate, object)`` with its terms interned."""
        terms = self._terms
        s, p, o = triple
        self.graph.add((terms.setdefault(s, s), terms.setdefault(p, p), terms.setdefault(o, o)))


#: Prefixes bound in every graph kg writes.
PREFIXES = (("kgo", Namespace(KGO_URI)), ("kgr", KGR), ("oa", OA), ("prov", PROV), ("dcterms", DCTERMS),
            ("skos", SKOS), ("owl", OWL), ("wd", WD), ("schema", SDO))


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, str]:
    """The ``@context`` of kg's JSON-LD: the prefixes the ontology file declares
    (``kgo``, ``prov``, ``oa`` ...) and kg's own (``kgr`` for instances, ``wd``),
    sorted by prefix. An inline context: a reader never fetches anything.

    Raises:
        ResourceError: E010 when the ontology file is missing.
    """
    onto = Graph(bind_namespaces="none").parse(ontology_file(), format="turtle")
    context = {prefix: str(ns) for prefix, ns in PREFIXES}
    context.update({prefix: str(ns) for prefix, ns in onto.namespaces() if prefix})
    return dict(sorted(context.items()))


def new_graph() -> Graph:
    """An empty rdflib graph with kg's prefixes bound."""
    graph = Graph()
    for prefix, ns in PREFIXES:
        graph.bind(prefix, ns)
    return graph


def to_graph(ex: Extraction) -> Graph:
    """Build the ABox graph of an extraction: the union of the ``own`` triples
    of every :class:`GraphPart` of :func:`graph_parts`.

    Returns:
        An rdflib ``Graph`` with an ``owl:Ontology`` header that imports the kg ontology.
    """
    graph = new_graph()
    g = _InterningAdder(graph)
    plan = GraphPlan(ex)
    for spec in plan.specs(None):
        plan.add_own(g, spec)
    return graph


@dataclass
class GraphPart:
    """One piece of the ABox, small enough to validate on its own.

    The ``own`` graphs of the parts of an extraction partition its graph: every
    triple is in exactly one, and every subject's triples are in one
    (:func:`to_graph` is their union). ``context`` holds the nodes of other
    parts that the shapes (``ontology/shapes.ttl``) reach from the part's
    nodes, with their triples: the entities (without ``kgo:mentionedIn``),
    anonymous sources and articles its triples point at (``sh:class`` reads
    their types, the evidence offsets rule an article's
    ``kgo:characterCount``). Validating ``own`` + ``context`` + the ontology
    and keeping the results whose focus node is in ``owned`` gives the part's
    share of a whole-graph validation (:func:`kg.shacl.validate.validate_part`;
    tested).

    Attributes:
        own: the part's triples.
        context: triples of other parts its shapes read.
        owned: the part's focus nodes: the subjects of ``own`` and the objects
            of its ``oa:hasTarget`` triples (``sh:targetObjectsOf``).
    """

    own: Graph
    context: Graph
    owned: set


class GraphPlan:
    """How the ABox of an extraction is cut into :class:`GraphPart` objects:
    the header and articles, then entities, anonymous sources and facts, cut
    into runs that never split the items of one IRI. Entities and facts are
    ordered by the first article they appear in, then by IRI.

    A plan is picklable (it holds the extraction, not the ontology
    namespace), so that a Dask worker can make parts of it.

    Args:
        ex: the :class:`kg.extract.extraction.Extraction`.

    Example:
        >>> from kg.extract.extraction import Extraction
        >>> plan = GraphPlan(Extraction([], {}, []))
        >>> [(kind, len(items)) for kind, items in plan.specs(2000)]
        [('articles', 1)]
        >>> len(plan.part(plan.specs(2000)[0]).own)  # the graph header
        7
    """

    def __init__(self, ex: Extraction):
        self.ex = ex
        self.article_iri = {art.identifier: KGR[f"article/{slug(art.identifier)}"] for art in ex.articles}
        self.articles = {art.identifier: art for art in ex.articles}
        used = {id(e) for f in ex.facts for e in _fact_entities(f)}
        self.entity_of: dict[str, list] = {}
        for e in ex.entities.values():
            if not (e.implicit and id(e) not in used):
                self.entity_of.setdefault(str(entity_iri(e)), []).append(e)
        self.entities = _grouped(self.entity_of, lambda e: min(e.articles, default=""))
        sources = {}
        for fact in ex.facts:
            for ev in fact.evidence:
                if isinstance(ev.attributed_to, str):
                    iri, label = _anonymous_source(ev)
                    sources.setdefault(str(iri), set()).add(label)
        self.source_labels = {iri: sorted(labels) for iri, labels in sorted(sources.items())}
        self.sources = list(self.source_labels.items())
        fact_of: dict[str, list] = {}
        for f in ex.facts:
            fact_of.setdefault(str(fact_iri(f)), []).append(f)
        self.facts = _grouped(fact_of, lambda f: min(ev.article for ev in f.evidence) if f.evidence else "")

    @property
    def K(self) -> ClosedNamespace:  # noqa: N802 - the ontology namespace, as elsewhere
        """The ontology's namespace (:func:`kgo`; not pickled with the plan)."""
        return kgo()

    def specs(self, size: int | None) -> list[tuple[str, list]]:
        """``(kind, items)`` per part: at most ``size`` facts, or ``5 * size``
        articles, entities or anonymous sources (they have a few triples
        each, a fact with its evidence some thirty); None: one part per kind."""
        articles = [("", None)] + [(str(self.article_iri[a.identifier]), a) for a in self.ex.articles]  # None: header
        out = []
        for kind, items in (("articles", articles), ("entities", self.entities), ("sources", self.sources),
                            ("facts", self.facts)):
            out += [(kind, run) for run in _runs(items, size if size is None or kind == "facts" else 5 * size)]
        return out

    def add_own(self, g: "_InterningAdder", spec: tuple[str, list]) -> None:
        """Add the triples of part ``spec`` to ``g``."""
        kind, items = spec
        K = self.K
        if kind == "articles":
            for _, art in items:
                if art is None:
                    _add_header(g, len(self.ex.articles))
                else:
                    _add_article(g, K, art, self.article_iri[art.identifier])
        elif kind == "entities":
            for _, ent in items:
                _add_entity(g, K, ent, self.article_iri)
        elif kind == "sources":
            for iri, labels in items:
                node = URIRef(iri)
                g.add((node, RDF.type, K.AnonymousSource))
                for label in labels:
                    g.add((node, RDFS.label, Literal(label)))
        else:
            texts = {}
            for _, fact in items:
                for ev in fact.evidence:
                    texts.setdefault(ev.article, self.articles[ev.article].text)
            for _, fact in items:
                _add_fact(g, K, fact, self.article_iri, texts)

    def add_context(self, g: "_InterningAdder", spec: tuple[str, list]) -> None:
        """Add to ``g`` the nodes of other parts that the shapes reach from part
        ``spec``, with their triples (so that they conform as they do in the
        whole graph, and cost pySHACL no violation reports): the entities
        (without ``kgo:mentionedIn``, which no shape reads from another node),
        anonymous sources and articles its triples point at."""
        kind, items = spec
        K = self.K
        articles, entities, sources = set(), {}, set()
        if kind == "entities":
            for _, ent in items:
                articles.update(ent.articles)
        elif kind == "facts":
            for _, fact in items:
                for ent in _fact_entities(fact):
                    entities[entity_iri(ent)] = ent
                for ev in fact.evidence:
                    articles.add(ev.article)
                    if isinstance(ev.attributed_to, str):
                        sources.add(str(_anonymous_source(ev)[0]))
                    elif ev.attributed_to is not None:
                        entities[entity_iri(ev.attributed_to)] = ev.attributed_to
        for iri in sorted(entities):
            for ent in self.entity_of.get(str(iri), ()):
                _add_entity(g, K, ent, self.article_iri, mentions=False)
        for iri in sorted(sources):
            g.add((URIRef(iri), RDF.type, K.AnonymousSource))
            for label in self.source_labels.get(iri, ()):
                g.add((URIRef(iri), RDFS.label, Literal(label)))
        for identifier in sorted(articles):
            _add_article(g, K, self.articles[identifier], self.article_iri[identifier])

    def part(self, spec: tuple[str, list]) -> GraphPart:
        """The :class:`GraphPart` of ``spec``."""
        own, context = IndexedGraph(), IndexedGraph()
        for prefix, ns in PREFIXES:
            own.bind(prefix, ns)
        self.add_own(_InterningAdder(own), spec)
        self.add_context(_InterningAdder(context), spec)
        owned = set(own.subjects())
        owned.update(own.objects(None, OA.hasTarget))
        return GraphPart(own, context, owned)


def graph_parts(ex: Extraction, size: int = 4000) -> Iterator[GraphPart]:
    """The ABox of an extraction as parts of at most ``size`` facts or
    ``5 * size`` articles, entities or anonymous sources each
    (:meth:`GraphPlan.specs`, :class:`GraphPart`), so
    that the whole graph never has to be held as one rdflib graph
    (``kg build`` writes and validates it part by part).

    Yields:
        :class:`GraphPart` objects, header and articles first, then entities,
        anonymous sources and facts, each in the order of :class:`GraphPlan`.
    """
    plan = GraphPlan(ex)
    for spec in plan.specs(size):
        yield plan.part(spec)


def _runs(items: list[tuple[str, object]], size: int | None) -> Iterator[list]:
    """Consecutive runs of ``(iri, item)`` pairs (the items of one IRI together), ``size`` at most
    (longer only where one IRI has more items), never cutting between items of one IRI."""
    if not items:
        return
    if size is None:
        yield items
        return
    start = 0
    while start < len(items):
        end = min(start + size, len(items))
        while end < len(items) and items[end][0] == items[end - 1][0]:
            end += 1
        yield items[start:end]
        start = end


def _add_header(g: "_InterningAdder", articles: int) -> None:
    g.add((GRAPH_IRI, RDF.type, OWL.Ontology))
    g.add((GRAPH_IRI, OWL.imports, ONTOLOGY_IRI))
    g.add((GRAPH_IRI, RDFS.label, Literal("kg knowledge graph")))
    g.add((GRAPH_IRI, DCTERMS.title, Literal("kg knowledge graph", lang="en")))
    g.add((GRAPH_IRI, DCTERMS.license, GRAPH_LICENSE))
    g.add((GRAPH_IRI, DCTERMS.rights, Literal(GRAPH_RIGHTS, lang="en")))
    g.add((GRAPH_IRI, DCTERMS.description,
           Literal(f"ABox written by kg {__version__} (extractor {EXTRACTOR_VERSION}) from {articles} article(s).")))


def _add_article(g: "_InterningAdder", K, art, iri: URIRef) -> None:
    g.add((iri, RDF.type, K.Article))
    g.add((iri, RDFS.label, Literal(clean_label(art.name))))
    g.add((iri, DCTERMS.identifier, Literal(xml_safe(art.identifier))))
    g.add((iri, K.fileName, Literal(xml_safe(art.name))))
    g.add((iri, K.sha256, Literal(art.sha256)))
    g.add((iri, K.characterCount, Literal(len(art.text), datatype=XSD.nonNegativeInteger)))
    meta = art.metadata
    title = (meta.headline if meta and meta.headline else "") or art.title
    if title:
        g.add((iri, DCTERMS.title, Literal(clean_label(title))))
    if meta is not None:
        if meta.publisher:
            g.add((iri, DCTERMS.publisher, Literal(clean_label(meta.publisher))))
        if meta.published:
            g.add((iri, DCTERMS.issued, Literal(meta.published, datatype=XSD.date)))
        if meta.url:
            g.add((iri, SDO.url, Literal(meta.url, datatype=XSD.anyURI)))


def _grouped(groups: dict[str, list], first) -> list[tuple[str, object]]:
    """``(iri, item)`` pairs, the items of one IRI together, groups ordered by
    ``(first(first item), iri)``: by the article an item first appears in, so
    that a run of items points at few articles (a small context)."""
    order = sorted(groups, key=lambda iri: (first(groups[iri][0]), iri))
    return [(iri, item) for iri in order for item in groups[iri]]


def _add_entity(g: "_InterningAdder", K, ent, article_iri: dict, mentions: bool = True) -> None:
    iri = entity_iri(ent)
    g.add((iri, RDF.type, K[KIND_CLASS[ent.kind]]))
    g.add((iri, RDFS.label, Literal(clean_label(ent.label))))
    seen = {clean_label(ent.label).casefold()}
    for surface in sorted(ent.surfaces):
        lab = clean_label(surface)
        if lab.casefold() not in seen:
            seen.add(lab.casefold())
            g.add((iri, SKOS.altLabel, Literal(lab)))
    for art in sorted(ent.articles) if mentions else ():
        g.add((iri, K.mentionedIn, article_iri[art]))
    if ent.wikidata:
        g.add((iri, OWL.sameAs, WD[ent.wikidata]))


def entity_iri(ent) -> URIRef:
    """IRI of an entity, minted from its merge key."""
    return KGR[slug(ent.key)]


def _fact_entities(f: Fact):
    yield from f.roles.values()
    for values in f.entity_attrs.values():
        yield from values


def fact_iri(fact: Fact) -> URIRef:
    """IRI of a fact, from its kind and key labels (a hash keeps it short and unique)."""
    parts = [fact.kind] + [r.key for r in fact.roles.values()]
    parts += [fact.attrs[a][0] for a in fact_kinds()[fact.kind].key_attributes]
    digest = hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:8]
    readable = "--".join(slug(r.key) for r in fact.roles.values())[:80]
    return KGR[f"fact/{fact.kind}-{readable}-{digest}"]


def _add_fact(g: _InterningAdder, K, fact: Fact, article_iri: dict, texts: dict) -> None:
    iri = fact_iri(fact)
    kind = fact_kinds()[fact.kind]
    g.add((iri, RDF.type, K[kind.class_for(fact.attrs)]))
    for role, ent in fact.roles.items():
        g.add((iri, K[kind.properties[role]], entity_iri(ent)))
    for role, ents in fact.entity_attrs.items():
        for ent in ents:
            g.add((iri, K[kind.properties[role]], entity_iri(ent)))
    for name, values in fact.attrs.items():
        attr = kind.literal_attributes.get(name)
        if attr is None:  # e.g. a policy's type, which picks its class
            continue
        prop = K[attr.prop]
        for v in values:
            if attr.value == "date":  # --MM-DD when the year is unknown
                g.add((iri, prop, Literal(v, datatype=XSD.gMonthDay if v.startswith("--") else XSD.date)))
            else:
                g.add((iri, prop, Literal(clean_label(v))))
    for ev in fact.evidence:
        art = article_iri[ev.article]
        g.add((iri, PROV.wasDerivedFrom, art))
        eid = hashlib.sha1(f"{iri}|{ev.article}|{ev.start}|{ev.end}".encode()).hexdigest()[:16]
        e = KGR[f"evidence/{eid}"]
        target, pos, quote_sel = KGR[f"evidence/{eid}-target"], KGR[f"evidence/{eid}-pos"], KGR[f"evidence/{eid}-quote"]
        g.add((iri, K.evidence, e))
        g.add((e, RDF.type, K.Evidence))
        g.add((e, OA.hasBody, iri))
        g.add((e, OA.hasTarget, target))
        g.add((e, K.certainty, Literal(ev.certainty)))
        if ev.attributed_to is not None:
            g.add((e, PROV.wasAttributedTo, _source_iri(ev)))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, art))
        g.add((target, OA.hasSelector, pos))
        g.add((target, OA.hasSelector, quote_sel))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, Literal(ev.start, datatype=XSD.nonNegativeInteger)))
        g.add((pos, OA.end, Literal(ev.end, datatype=XSD.nonNegativeInteger)))
        g.add((quote_sel, RDF.type, OA.TextQuoteSelector))
        g.add((quote_sel, OA.exact, Literal(xml_safe(texts[ev.article][ev.start:ev.end]))))


def _anonymous_source(ev) -> tuple[URIRef, str]:
    """IRI and label of the anonymous source a piece of evidence is attributed
    to (PROV-O ``prov:wasAttributedTo``, https://www.w3.org/TR/prov-o/#wasAttributedTo):
    one ``kgo:AnonymousSource`` per article and wording,
    ``kgr:source/<article slug>--<label slug>``."""
    label = clean_label(ev.attributed_to)
    return KGR[f"source/{slug(ev.article)}--{slug(label)}"], label


def _source_iri(ev) -> URIRef:
    """IRI of the agent a piece of evidence is attributed to: an entity, or an
    anonymous source (:func:`_anonymous_source`)."""
    src = ev.attributed_to
    if not isinstance(src, str):
        return entity_iri(src)
    return _anonymous_source(ev)[0]


class IndexedGraph(Graph):
    """An rdflib graph kept in three dict indexes (subject, predicate, object
    orders), which every read of the ``Graph`` API answers directly: the
    graph parts of a build (:meth:`GraphPlan.part`), the graph pySHACL
    validates and the shapes graph (:func:`kg.shacl.validate.validate`).

    rdflib's ``Memory`` store finds and checks the contexts of every triple it
    returns, behind two generator layers: on a kg graph that was half of
    pySHACL's time, and adding a part's triples to it 0.6 of the time of
    making the part. Here reads and writes are dict operations, and a part
    takes 0.85 of the memory (807 against 951 bytes per triple); the
    ``Memory`` store under the graph stays empty (it keeps the prefixes).
    SPARQL queries run on Oxigraph after :meth:`attach_oxigraph`, else on
    rdflib's engine, which reads through the same methods. Triples come in
    insertion order (a subject's, a predicate's ...), which decides nothing
    in a report or in kg's sorted N-Triples.

    Args:
        triples: the triples to start with (another graph, a list).
        **kwargs: those of rdflib's ``Graph`` (``namespace_manager`` ...).
    """

    _prepared: dict = {}

    def __init__(self, triples=(), **kwargs):
        super().__init__(**kwargs)
        self._spo: dict = {}
        self._pos: dict = {}
        self._osp: dict = {}
        self._size = 0
        self._ox = self._from_ox = None
        for triple in triples:
            self.add(triple)

    # writes

    def add(self, triple):  # noqa: D102 - rdflib's
        s, p, o = triple
        objects = self._spo.setdefault(s, {}).setdefault(p, {})
        if o not in objects:
            objects[o] = None
            self._pos.setdefault(p, {}).setdefault(o, {})[s] = None
            self._osp.setdefault(o, {}).setdefault(s, {})[p] = None
            self._size += 1
            self._ox = None  # Oxigraph's copy is stale: rdflib answers from now on
        return self

    def addN(self, quads):  # noqa: D102,N802 - rdflib's
        for s, p, o, _ in quads:
            self.add((s, p, o))
        return self

    def remove(self, triple):  # noqa: D102 - rdflib's
        for s, p, o in list(self.triples(triple)):
            del self._spo[s][p][o]
            del self._pos[p][o][s]
            del self._osp[o][s][p]
            self._size -= 1
            self._ox = None
        return self

    # reads

    def __len__(self) -> int:
        return self._size

    def triples(self, triple):  # noqa: D102 - rdflib's
        s, p, o = triple
        if isinstance(p, RdfPath):
            return ((a, p, b) for a, b in p.eval(self, s, o))
        if s is not None:
            by_p = self._spo.get(s)
            if not by_p:
                return iter(())
            if p is not None:
                objects = by_p.get(p)
                if not objects:
                    return iter(())
                if o is not None:
                    return iter(((s, p, o),) if o in objects else ())
                return ((s, p, x) for x in list(objects))
            if o is not None:
                return ((s, q, o) for q, objects in list(by_p.items()) if o in objects)
            return ((s, q, x) for q, objects in list(by_p.items()) for x in list(objects))
        if p is not None:
            by_o = self._pos.get(p)
            if not by_o:
                return iter(())
            if o is not None:
                return ((x, p, o) for x in list(by_o.get(o, ())))
            return ((x, p, y) for y, subjects in list(by_o.items()) for x in list(subjects))
        if o is not None:
            return ((x, q, o) for x, preds in list(self._osp.get(o, {}).items()) for q in list(preds))
        return ((x, q, y) for x, by_p in list(self._spo.items()) for q, objects in list(by_p.items())
                for y in list(objects))

    def triples_choices(self, triple, context=None):  # noqa: D102 - rdflib's
        s, p, o = triple
        for part, k in ((s, 0), (p, 1), (o, 2)):
            if isinstance(part, list):
                for choice in part:
                    pattern = [s, p, o]
                    pattern[k] = choice
                    yield from self.triples(tuple(pattern))
                return
        yield from self.triples(triple)

    def __contains__(self, triple) -> bool:
        for _ in self.triples(triple):
            return True
        return False

    def objects(self, subject=None, predicate=None, unique=False):  # noqa: D102 - rdflib's
        if subject is None or predicate is None or isinstance(subject, list) or isinstance(predicate, RdfPath):
            return super().objects(subject, predicate, unique)
        return iter(list(self._spo.get(subject, {}).get(predicate, ())))

    def subjects(self, predicate=None, object=None, unique=False):  # noqa: D102,A002 - rdflib's
        if predicate is None or object is None or isinstance(object, list) or isinstance(predicate, RdfPath):
            return super().subjects(predicate, object, unique)
        return iter(list(self._pos.get(predicate, {}).get(object, ())))

    def predicate_objects(self, subject=None, unique=False):  # noqa: D102 - rdflib's
        if subject is None:
            return super().predicate_objects(subject, unique)
        return ((p, o) for p, objects in list(self._spo.get(subject, {}).items()) for o in list(objects))

    def subject_predicates(self, object=None, unique=False):  # noqa: D102,A002 - rdflib's
        if object is None:
            return super().subject_predicates(object, unique)
        return ((s, p) for s, preds in list(self._osp.get(object, {}).items()) for p in list(preds))

    def attach_oxigraph(self) -> None:
        """Load this graph's triples into an in-memory Oxigraph store
        (pyoxigraph) that answers its SPARQL queries from now on, until the
        graph changes: SHACL-AF SPARQL targets (https://www.w3.org/TR/shacl-af/#SPARQLTarget)
        and SHACL-SPARQL constraints (https://www.w3.org/TR/shacl/#sparql-constraints).

        rdflib's SPARQL engine costs some 20 µs per matched triple pattern,
        which made the evidence offsets target alone a third of the validation
        of a kg graph; Oxigraph answers it in milliseconds. Initial bindings
        (``$this``) become Oxigraph substitutions. A query Oxigraph does not
        take (a bound variable outside the projection), or a graph with a term
        it cannot hold (an IRI with a space), runs on rdflib's engine instead,
        prepared once per text. Oxigraph keeps numbers in canonical form
        (``"012"^^xsd:nonNegativeInteger`` is ``12`` of type ``xsd:integer``):
        comparisons are SPARQL's either way, and a message quoting a number
        quotes its canonical form.
        """
        import pyoxigraph as ox

        self._ox = self._from_ox = None
        to_ox: dict = {}
        from_ox: dict = {}

        def conv(term):
            got = to_ox.get(term)
            if got is None:
                got = to_ox[term] = _ox_term_any(term)
                from_ox[got] = term
            return got

        try:
            store = ox.Store()
            store.bulk_extend([ox.Quad(conv(s), conv(p), conv(o)) for s, p, o in self.triples((None, None, None))])
        except (ValueError, TypeError):  # an IRI or blank node label Oxigraph refuses
            return
        self._ox, self._from_ox = store, from_ox

    def detach_oxigraph(self) -> None:
        """Let go of the Oxigraph store of :meth:`attach_oxigraph` (rdflib answers again)."""
        self._ox = self._from_ox = None

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True, **kwargs):  # noqa: D102 - rdflib's signature
        if isinstance(query_object, str):
            if self._ox is not None and not initNs and not kwargs:
                answer = self._query_oxigraph(query_object, initBindings or {})
                if answer is not None:
                    return answer
            prepared = self._prepared.get(query_object)
            if prepared is None:
                from rdflib.plugins.sparql import prepareQuery

                prepared = self._prepared[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)

    def _query_oxigraph(self, text: str, bindings: dict):
        """rdflib's ``Result`` of a SELECT query run by Oxigraph, or None when
        Oxigraph does not take it."""
        import pyoxigraph as ox
        from rdflib import Variable
        from rdflib.query import Result

        try:
            subs = {ox.Variable(str(k)): _ox_term_any(v) for k, v in bindings.items()}
            solutions = self._ox.query(text, substitutions=subs)
        except (SyntaxError, ValueError, TypeError, RuntimeError, OSError):
            return None
        if not isinstance(solutions, ox.QuerySolutions):
            return None
        names = [v.value for v in solutions.variables]
        back = self._from_ox
        rows = []
        for solution in solutions:
            row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    term = back.get(value)
                    row[Variable(name)] = term if term is not None else _rdflib_term(value)
            rows.append(row)
        res = Result("SELECT")
        res.vars = [Variable(n) for n in names]
        res.bindings = rows
        return res


def _ox_term_any(term):
    """An rdflib term as a pyoxigraph term (``"x"^^xsd:string`` is ``"x"``, RDF 1.1)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and term.datatype != XSD.string:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _rdflib_term(term):
    """A pyoxigraph term as an rdflib term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value) if datatype == str(XSD.string) else Literal(term.value, datatype=URIRef(datatype))



class SortedGraph(Graph):
    """A graph whose ``triples`` (and so ``subjects``, ``predicate_objects`` ...)
    come in sorted order, so serializers that walk the store write the same
    bytes whatever ``PYTHONHASHSEED`` is."""

    def triples(self, triple, *args, **kwargs):
        yield from sorted(super().triples(triple, *args, **kwargs))


def serialize(g: Graph, fmt: str) -> bytes:
    """Serialize a graph deterministically, whatever the hash seed.

    Turtle and N-Triples of a graph without blank nodes are written by
    Oxigraph from sorted triples (:func:`serialize_many`); otherwise
    rdflib sorts subjects and predicates for Turtle and N-Triples lines are
    sorted here; for the other syntaxes (RDF/XML, JSON-LD), whose rdflib
    serializers write triples in store order (hash order), the graph is
    copied into a :class:`SortedGraph`. JSON-LD is compacted with the
    ``@context`` of :func:`jsonld_context`.
    """
    if fmt in {"turtle", "ttl", "nt", "ntriples", "nt11"}:
        fast = serialize_many(g, ("turtle" if fmt in {"turtle", "ttl"} else "nt",))
        if fast is not None:
            return next(iter(fast.values()))
    if fmt not in {"turtle", "ttl", "nt", "ntriples", "nt11"}:
        ordered = SortedGraph()
        for prefix, ns in sorted(g.namespaces()):
            ordered.bind(prefix, ns, override=True, replace=True)
        for triple in sorted(g):
            ordered.add(triple)
        g = ordered
    if fmt in {"json-ld", "jsonld"}:  # compacted with kg's prefixes (:func:`jsonld_context`)
        data = g.serialize(format=fmt, encoding="utf-8", context=jsonld_context(), auto_compact=True)
    else:
        data = g.serialize(format=fmt, encoding="utf-8")
    if fmt in {"json-ld", "jsonld"}:
        data = _sorted_jsonld(data)
    if fmt in {"nt", "ntriples", "nt11"}:
        lines = sorted(set(data.decode("utf-8").splitlines()))
        data = ("\n".join(line for line in lines if line) + "\n").encode("utf-8")
    return data


def _ox_term(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and term.datatype != XSD.string:  # "x"^^xsd:string is "x" (RDF 1.1)
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise _HasBlankNode


class _HasBlankNode(Exception):
    pass


def nt_lines(g: Graph) -> bytes:
    """The triples of ``g`` as N-Triples lines written by Oxigraph (pyoxigraph),
    in store order: triples are streamed into the writer, not held as term
    objects.

    Raises:
        _HasBlankNode: when ``g`` has a blank node.
    """
    import pyoxigraph as ox

    return ox.serialize((ox.Triple(_ox_term(s), _ox_term(p), _ox_term(o)) for s, p, o in g),
                        format=ox.RdfFormat.N_TRIPLES)


def canonical_nt(pieces: list[bytes]) -> bytes:
    """Canonical N-Triples from pieces of N-Triples lines (:func:`nt_lines`):
    every distinct line once, in UTF-8 byte order (code point order). Empties
    ``pieces`` as it goes, so that the pieces and the sorted lines are not all
    held at once."""
    lines = []
    while pieces:
        lines += pieces.pop().split(b"\n")
    lines.sort()
    out = [line for k, line in enumerate(lines) if line and (k == 0 or line != lines[k - 1])]
    del lines
    return b"\n".join(out) + b"\n" if out else b""


def turtle_from_nt(nt: bytes, namespaces) -> bytes:
    """Turtle of canonical N-Triples, streamed by Oxigraph in the lines' order,
    with the prefixes of ``namespaces`` (``(prefix, IRI)`` pairs, as
    ``Graph.namespaces()`` gives) that the graph uses, sorted."""
    import pyoxigraph as ox

    prefixes = {p: str(n) for p, n in sorted(namespaces) if p and p not in {
        "brick", "csvw", "dc", "dcat", "dcmitype", "dcam", "doap", "foaf", "geo", "odrl", "org", "prof",
        "qb", "sh", "sosa", "ssn", "time", "vann", "void", "wgs", "xml"}}
    return ox.serialize(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def serialize_many(g: Graph, formats: tuple[str, ...]) -> dict[str, bytes] | None:
    """Turtle and/or N-Triples (``"turtle"``, ``"nt"``) of one graph, written by
    Oxigraph (pyoxigraph): N-Triples lines in sorted (UTF-8 byte) order
    (:func:`canonical_nt`), and Turtle streamed from those lines with prefixes
    sorted (:func:`turtle_from_nt`), the same bytes on every run.

    Memory: the triples are streamed into Oxigraph's N-Triples writer, and
    only its output (one bytes object per line while sorting) is held in
    Python, not one term object per triple: at 280,000 triples this takes
    160 MiB above the graph and the outputs (sorting pyoxigraph ``Triple``
    objects took 235 MiB) and 0.7 of the time. At 1.17 million triples,
    Turtle takes a quarter of rdflib's serializer; N-Triples takes about
    twice rdflib's, which does not sort (``benchmarks/bench_store.py``).

    Returns:
        Format -> bytes, or None for a graph with blank nodes (their labels are
        not stable across runs; rdflib's Turtle serializer nests them instead).
    """
    try:
        nt = canonical_nt([nt_lines(g)])
    except _HasBlankNode:
        return None
    return {fmt: nt if fmt == "nt" else turtle_from_nt(nt, g.namespaces()) for fmt in formats}


def _sorted_jsonld(data: bytes) -> bytes:
    """JSON-LD with its node objects sorted by ``@id`` (rdflib walks a set of subjects)."""
    import json

    doc = json.loads(data)
    nodes = doc if isinstance(doc, list) else doc.get("@graph") if isinstance(doc, dict) else None
    if isinstance(nodes, list):
        nodes.sort(key=lambda n: json.dumps(n, sort_keys=True, ensure_ascii=False))
    return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
