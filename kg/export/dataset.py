"""Split a kg graph into an RDF dataset with one named graph per article (TriG, N-Quads).

A user who distrusts one source drops its named graph. The layout
(``docs/vocabulary.md``, "Named graphs"):

- graph ``<article IRI>/graph`` holds every triple about the article or
  pointing at it (``kgo:mentionedIn``, ``prov:wasDerivedFrom``, ``oa:hasSource``),
  each of its evidence annotations whole (``kgo:evidence`` link, annotation,
  ``oa:SpecificResource`` target, selectors), and for each fact it states the
  fact's ``rdf:type``, its key parts (those that identify the fact, as
  :func:`kg.schema.fact_kinds`) and the other parts its quotes name
  (:func:`kg.query.provenance.supporting_evidence`; a part no quote names goes to
  every article stating the fact);
- the default graph holds everything else: the ABox ``owl:Ontology`` header and
  the entities' types, labels and ``owl:sameAs`` links.

The union of the graphs is the input graph, triple for triple. RDF 1.1 TriG:
https://www.w3.org/TR/trig/; N-Quads: https://www.w3.org/TR/n-quads/.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from typing import Any, cast

from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV
from rdflib.plugins.serializers.trig import TrigSerializer
from rdflib.term import Node

from ..query.provenance import entity_names, evidence, supporting_evidence
from ..rdf.namespaces import OA, kgo
from ..schema import fact_kinds


def graph_name(article: Node) -> URIRef:
    """The IRI of an article's named graph: the article IRI followed by ``/graph``.

    >>> str(graph_name(URIRef("https://w3id.org/kg-news/id/article/a1")))
    'https://w3id.org/kg-news/id/article/a1/graph'
    """
    return URIRef(f"{article}/graph")


def key_properties() -> dict[URIRef, set[URIRef]]:
    """Fact class -> the properties that identify a fact of that class (its key roles, :mod:`kg.schema`)."""
    K = kgo()
    out: dict[URIRef, set[URIRef]] = {}
    for kind in fact_kinds().values():
        for cls in kind.classes:
            out[K[cls]] = {K[kind.properties[r]] for r in kind.key}
    return out


def to_dataset(data: Graph, tbox: Graph) -> Dataset:
    """Split a graph into a :class:`rdflib.Dataset` with one named graph per article.

    Args:
        data: the ABox as written by ``kg build`` (without the ontology).
        tbox: the ontology, used only to recognise facts, entities and their classes.

    Returns:
        The dataset; its default graph holds the triples no article claims.
    """
    K = kgo()
    view = Graph()
    for triple in data:
        view.add(triple)
    for triple in tbox:
        view.add(triple)
    places: dict[tuple, set[URIRef]] = defaultdict(set)

    def put(triple, graphs) -> None:
        places[triple].update(graphs)

    articles: set[Any] = set(data.subjects(RDF.type, K.Article))
    for art in articles:
        name = {graph_name(art)}
        for triple in data.triples((art, None, None)):
            put(triple, name)
        for triple in data.triples((None, None, art)):
            put(triple, name)

    records = evidence(view)
    by_fact: defaultdict[Any, list] = defaultdict(list)
    for ev in records:
        by_fact[ev.fact].append(ev)
        name = {graph_name(ev.article)}
        for triple in data.triples((None, None, ev.node)):
            put(triple, name)
        for triple in data.triples((ev.node, None, None)):
            put(triple, name)
            if triple[1] == OA.hasTarget:
                for t2 in data.triples((triple[2], None, None)):
                    put(t2, name)
                    if t2[1] == OA.hasSelector:
                        for t3 in data.triples((t2[2], None, None)):
                            put(t3, name)

    fact_classes = set(tbox.transitive_subjects(RDFS.subClassOf, K.Fact))
    keys = key_properties()
    names = entity_names(view)
    facts = sorted(cast("set[URIRef]", {f for c in fact_classes for f in data.subjects(RDF.type, c)}))
    for fact in facts:
        stated_in = {graph_name(ev.article) for ev in by_fact[fact]}
        stated_in |= {graph_name(a) for a in data.objects(fact, PROV.wasDerivedFrom) if a in articles}
        if not stated_in:
            continue
        key = set().union(*(keys.get(cast(URIRef, c), set()) for c in data.objects(fact, RDF.type)))
        for triple in data.triples((fact, None, None)):
            p, value = triple[1], triple[2]
            if p in (K.evidence, PROV.wasDerivedFrom):
                continue
            if p == RDF.type or p in key:
                put(triple, stated_in)
            else:
                found, _ = supporting_evidence(value, by_fact[fact], names)
                put(triple, {graph_name(ev.article) for ev in found} or stated_in)

    ds = Dataset()
    for prefix, ns in data.namespaces():
        ds.bind(prefix, ns, override=True)
    for triple in data:
        graphs = places.get(triple)
        if not graphs:
            ds.add(triple)
        for graph in sorted(graphs or ()):
            ds.add((*triple, graph))  # type: ignore[arg-type]  # rdflib takes a graph's name as well
    return ds


def serialize_dataset(ds: Dataset, fmt: str) -> bytes:
    """Serialize a dataset deterministically (same dataset, same bytes).

    Args:
        ds: the dataset.
        fmt: ``"trig"`` (graphs in IRI order, the default graph first; within a
            graph rdflib's Turtle order) or ``"nquads"`` (lines sorted, duplicates dropped).

    Returns:
        UTF-8 bytes.

    Raises:
        ValueError: for any other format.
    """
    if fmt == "nquads":
        text = ds.serialize(format="nquads", encoding="utf-8").decode("utf-8")
        # a default-graph line has no graph label: rdflib leaves two spaces before the final "."
        lines = sorted({re.sub(r"\s+\.$", " .", line) for line in text.splitlines() if line.strip()})
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt != "trig":
        raise ValueError(f"unknown dataset format {fmt!r}")
    # rdflib's TriG serializer writes graphs in the order of store.contexts(), a set
    # ordered by hash; give it the graphs in IRI order instead.
    serializer = TrigSerializer(ds)
    default = [c for c in ds.graphs() if c.identifier == DATASET_DEFAULT_GRAPH_ID]
    named = sorted((c for c in ds.graphs() if c.identifier != DATASET_DEFAULT_GRAPH_ID),
                   key=lambda c: str(c.identifier))
    serializer.contexts = default + named
    buf = io.BytesIO()
    serializer.serialize(buf, encoding="utf-8")
    return buf.getvalue()
