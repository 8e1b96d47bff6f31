"""kg's namespaces and the graph header's constants: the ontology's closed
namespace (:func:`kgo`), instance IRIs (``kgr:``), the prefixes bound in every
graph kg writes and the ``@context`` of its JSON-LD.

Terms of the ontology come from a closed namespace built from
``ontology/kg.ttl``: a typo in a term name raises ``AttributeError`` at once.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import OWL, SKOS, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SDO, ClosedNamespace

from ..resources import ontology_file

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


@lru_cache(maxsize=1)
def kgo() -> ClosedNamespace:
    """The ontology's namespace, closed over the terms declared in ``kg.ttl``."""
    onto = Graph().parse(ontology_file(), format="turtle")
    terms = sorted({str(s)[len(KGO_URI):] for s in onto.subjects() if str(s).startswith(KGO_URI)})
    return ClosedNamespace(KGO_URI, terms)


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
