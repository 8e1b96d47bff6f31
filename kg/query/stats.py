"""``kg stats``: what a kg graph holds, as tables.

Four tables, each from a SPARQL file in ``kg/data/sparql/``: nodes per class
(``stats-classes.rq``), facts by number of source articles (``prov:wasDerivedFrom``,
via ``queries/corroboration.rq``), the most-mentioned entities (``kgo:mentionedIn``,
``stats-mentions.rq``) and the SHACL shape violations (pySHACL's report,
``stats-violations.rq``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rdflib import Graph

from ..rdf.terms import local_name
from .explain import fact_summaries
from .provenance import select


@dataclass
class Stats:
    """The tables of ``kg stats``; each is a list of rows (tuples of str and int).

    Attributes:
        classes: (class local name, number of nodes), most first.
        sources: (number of source articles, number of facts), by number of sources.
        mentioned: (label, class local name, number of articles), most first, at most ``top``.
        violations: (shape, constraint component, severity, count, example message), most first.
        conforms: whether the graph satisfies every shape.
    """

    classes: list[tuple[str, int]]
    sources: list[tuple[int, int]]
    mentioned: list[tuple[str, str, int]]
    violations: list[tuple[str, str, str, int, str]]
    conforms: bool


def stats(graph: Graph, abox: Graph, top: int = 10) -> Stats:
    """Compute the tables.

    Args:
        graph: the graph loaded with the ontology (:func:`kg.query.sparql.load_graph`).
        abox: the graph alone (``with_ontology=False``), for SHACL validation.
        top: how many most-mentioned entities to list.
    """
    from ..shacl.validate import validate

    classes = [(local_name(r["class"]), int(r["count"])) for r in select(graph, "stats-classes")]
    per_fact = Counter(int(s["sources"]) for s in fact_summaries(graph).values())
    sources = sorted(per_fact.items())
    mentioned = []
    seen = set()
    for r in select(graph, "stats-mentions"):
        if r["entity"] in seen:  # an entity with two classes: keep its first (most mentioned) row
            continue
        seen.add(r["entity"])
        mentioned.append((str(r["label"]) if r["label"] is not None else local_name(r["entity"]),
                          local_name(r["class"]), int(r["articles"])))
    result = validate(abox)
    violations = [(local_name(r["shape"]) if r["shape"] is not None else "", local_name(r["component"]),
                   local_name(r["severity"]), int(r["count"]), str(r["example"]) if r["example"] is not None else "")
                  for r in select(result.report, "stats-violations")]
    return Stats(classes, sources, mentioned[:top], violations, result.conforms)
