"""The ABox of an extraction as one graph (:func:`to_graph`) or cut into parts
small enough to validate on their own (:class:`GraphPlan`, :func:`graph_parts`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ClosedNamespace

from .abox import InterningAdder, add_article, add_entity, add_fact, add_header, fact_entities
from .indexed import IndexedGraph
from .mint import anonymous_source, entity_iri, fact_iri, slug
from .namespaces import KGR, OA, PREFIXES, kgo, new_graph

if TYPE_CHECKING:  # kg.extract.extraction imports spaCy; writing graphs does not need it
    from ..extract.extraction import Extraction

def to_graph(ex: Extraction) -> Graph:
    """Build the ABox graph of an extraction: the union of the ``own`` triples
    of every :class:`GraphPart` of :func:`graph_parts`.

    Returns:
        An rdflib ``Graph`` with an ``owl:Ontology`` header that imports the kg ontology.
    """
    graph = new_graph()
    g = InterningAdder(graph)
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
        used = {id(e) for f in ex.facts for e in fact_entities(f)}
        self.entity_of: dict[str, list] = {}
        for e in ex.entities.values():
            if not (e.implicit and id(e) not in used):
                self.entity_of.setdefault(str(entity_iri(e)), []).append(e)
        self.entities = _grouped(self.entity_of, lambda e: min(e.articles, default=""))
        sources: dict[str, set[str]] = {}
        for fact in ex.facts:
            for ev in fact.evidence:
                if isinstance(ev.attributed_to, str):
                    iri, label = anonymous_source(ev)
                    sources.setdefault(str(iri), set()).add(label)
        self.source_labels = {iri: sorted(labels) for iri, labels in sorted(sources.items())}
        self.sources: list[tuple[str, object]] = list(self.source_labels.items())
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
        articles: list[tuple[str, object]] = [("", None)] + [(str(self.article_iri[a.identifier]), a) for a in self.ex.articles]  # None: header
        out = []
        for kind, items in (("articles", articles), ("entities", self.entities), ("sources", self.sources),
                            ("facts", self.facts)):
            out += [(kind, run) for run in _runs(items, size if size is None or kind == "facts" else 5 * size)]
        return out

    def add_own(self, g: InterningAdder, spec: tuple[str, list]) -> None:
        """Add the triples of part ``spec`` to ``g``."""
        kind, items = spec
        K = self.K
        if kind == "articles":
            for _, art in items:
                if art is None:
                    add_header(g, len(self.ex.articles))
                else:
                    add_article(g, K, art, self.article_iri[art.identifier])
        elif kind == "entities":
            for _, ent in items:
                add_entity(g, K, ent, self.article_iri)
        elif kind == "sources":
            for iri, labels in items:
                node = URIRef(iri)
                g.add((node, RDF.type, K.AnonymousSource))
                for label in labels:
                    g.add((node, RDFS.label, Literal(label)))
        else:
            texts: dict[str, str] = {}
            for _, fact in items:
                for ev in fact.evidence:
                    texts.setdefault(ev.article, self.articles[ev.article].text)
            for _, fact in items:
                add_fact(g, K, fact, self.article_iri, texts)

    def add_context(self, g: InterningAdder, spec: tuple[str, list]) -> None:
        """Add to ``g`` the nodes of other parts that the shapes reach from part
        ``spec``, with their triples (so that they conform as they do in the
        whole graph, and cost pySHACL no violation reports): the entities
        (without ``kgo:mentionedIn``, which no shape reads from another node),
        anonymous sources and articles its triples point at."""
        kind, items = spec
        K = self.K
        articles: set[str] = set()
        entities: dict[URIRef, Any] = {}
        sources: set[str] = set()
        if kind == "entities":
            for _, ent in items:
                articles.update(ent.articles)
        elif kind == "facts":
            for _, fact in items:
                for ent in fact_entities(fact):
                    entities[entity_iri(ent)] = ent
                for ev in fact.evidence:
                    articles.add(ev.article)
                    if isinstance(ev.attributed_to, str):
                        sources.add(str(anonymous_source(ev)[0]))
                    elif ev.attributed_to is not None:
                        entities[entity_iri(ev.attributed_to)] = ev.attributed_to
        for iri in sorted(entities):
            for ent in self.entity_of.get(str(iri), ()):
                add_entity(g, K, ent, self.article_iri, mentions=False)
        for source in sorted(sources):
            g.add((URIRef(source), RDF.type, K.AnonymousSource))
            for label in self.source_labels.get(source, ()):
                g.add((URIRef(source), RDFS.label, Literal(label)))
        for identifier in sorted(articles):
            add_article(g, K, self.articles[identifier], self.article_iri[identifier])

    def part(self, spec: tuple[str, list]) -> GraphPart:
        """The :class:`GraphPart` of ``spec``."""
        own, context = IndexedGraph(), IndexedGraph()
        for prefix, ns in PREFIXES:
            own.bind(prefix, ns)
        self.add_own(InterningAdder(own), spec)
        self.add_context(InterningAdder(context), spec)
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


def _grouped(groups: dict[str, list], first) -> list[tuple[str, object]]:
    """``(iri, item)`` pairs, the items of one IRI together, groups ordered by
    ``(first(first item), iri)``: by the article an item first appears in, so
    that a run of items points at few articles (a small context)."""
    order = sorted(groups, key=lambda iri: (first(groups[iri][0]), iri))
    return [(iri, item) for iri in order for item in groups[iri]]
