"""``kg explain``: what the graph says about one entity or fact, and which sentences say it.

A name is an entity's ``rdfs:label`` or ``skos:altLabel`` (case-insensitive,
spaces normalized), an entity or fact IRI, a ``kgr:`` compact IRI
(``kgr:fact/policy-…``) or a fact's local name (``policy-…``). Lookups are
SPARQL files in ``kg/data/sparql/`` and ``queries/corroboration.rq``; evidence
follows the W3C Web Annotation model (offsets 0-based, end-exclusive, in code
points of the article text).
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from ..errors import Errors, InputError
from ..rdf.namespaces import KGO_URI, KGR
from ..rdf.terms import fold, local_name
from .provenance import EvidenceRecord, entity_names, evidence, select
from .sparql import resolve_query, run

log = logging.getLogger("kg")

KGO_ENTITY, KGO_FACT = URIRef(KGO_URI + "Entity"), URIRef(KGO_URI + "Fact")


@dataclass(frozen=True)
class Match:
    """A node a name resolved to: ``kind`` is ``"entity"`` or ``"fact"``."""

    kind: str
    node: URIRef


def node_kind(graph: Graph, node: URIRef) -> str | None:
    """``"entity"``, ``"fact"`` or None, from the node's classes (``rdfs:subClassOf*``)."""
    kinds = {r["kind"] for r in select(graph, "node-kinds", node=node)}
    if KGO_FACT in kinds:
        return "fact"
    if KGO_ENTITY in kinds:
        return "entity"
    return None


def resolve(graph: Graph, name: str, source: str = "the graph") -> list[Match]:
    """The entities or fact a name denotes.

    Args:
        graph: a kg graph loaded with the ontology.
        name: a label or alternative label, an IRI, a ``kgr:`` compact IRI or a fact's local name.
        source: how to name the graph in the error message (its file).

    Returns:
        The matches: an IRI gives one; a label may give several entities. Entities whose
        ``rdfs:label`` matches are preferred to those that match by ``skos:altLabel``.

    Raises:
        InputError: E070 "no entity or fact named X; did you mean …" (difflib close
            matches among the graph's names).
    """
    text = name.strip()
    candidates = []
    if "://" in text:
        candidates.append(URIRef(text))
    elif text.startswith("kgr:"):
        candidates.append(KGR[text[4:]])
    elif text and not any(ch.isspace() or ch in '<>"{}|\\^`' for ch in text):
        candidates += [KGR[f"fact/{text}"], KGR[text]]
    for node in candidates:
        kind = node_kind(graph, node)
        if kind:
            return [Match(kind, node)]
    names = entity_names(graph)
    wanted = fold(text)
    by_label = sorted(n for n, labels in names.items() if labels and fold(labels[0]) == wanted)
    by_alt = sorted(n for n, labels in names.items() if any(fold(a) == wanted for a in labels[1:]))
    found = by_label or by_alt
    if found:
        return [Match("entity", n) for n in found]
    every = sorted({label for labels in names.values() for label in labels})
    folded: dict[str, str] = {}
    for label in every:
        folded.setdefault(fold(label), label)
    close = difflib.get_close_matches(wanted, list(folded), n=3, cutoff=0.6)
    hint = ("did you mean " + ", ".join(repr(folded[c]) for c in close) + "?") if close else \
        "list the entities with `kg query cq08 -g GRAPH` and the facts with `kg query corroboration -g GRAPH`."
    raise InputError(Errors.E070, name=name, source=source, hint=hint)


def _term(graph: Graph, value) -> str:
    if isinstance(value, URIRef):
        label = graph.value(value, RDFS.label)
        return str(label) if label is not None else str(value)
    if isinstance(value, Literal) and value.datatype is not None and not str(value.datatype).endswith("#string"):
        return f"{value} ({str(value.datatype).rsplit('#', 1)[-1]})"
    return str(value)


def fact_summaries(graph: Graph) -> dict[URIRef, dict[str, str]]:
    """Fact IRI -> its row of ``queries/corroboration.rq`` (class, label, sources, evidence_count)."""
    cols, rows = run(graph, resolve_query("corroboration"))
    return {URIRef(str(r[0])): dict(zip(cols, ("" if v is None else v for v in r))) for r in rows}


@dataclass(frozen=True)
class FactReport:
    """What the graph says about one fact (``kg explain`` renders it).

    Attributes:
        node: the fact's IRI.
        cls: its class's label (``Fact`` when unknown); label: its label.
        sources, evidence_count: its numbers of source articles and of evidence
            (from ``queries/corroboration.rq``; ``?`` when unknown).
        role: the properties linking it to the entity explained, comma-separated ("" for a fact asked for).
        parts: (property label, value label) for each of its parts, in the query's order.
        evidence: its evidence, by article and offset.
    """

    node: URIRef
    cls: str
    label: str
    sources: str
    evidence_count: str
    role: str
    parts: tuple[tuple[str, str], ...]
    evidence: tuple[EvidenceRecord, ...]


@dataclass(frozen=True)
class EntityReport:
    """What the graph says about one entity (``kg explain`` renders it).

    Attributes:
        node: the entity's IRI; label: its ``rdfs:label`` (the IRI when it has none).
        types: local names of its classes.
        same_as: its ``owl:sameAs`` links (Wikidata).
        alt_labels: its ``skos:altLabel`` values.
        mentions: the articles it is mentioned in (``kgo:mentionedIn``).
        facts: every fact it takes part in, in the order of ``queries/corroboration.rq``.
    """

    node: URIRef
    label: str
    types: tuple[str, ...]
    same_as: tuple[str, ...]
    alt_labels: tuple[str, ...]
    mentions: tuple[str, ...]
    facts: tuple[FactReport, ...]


def fact_report(graph: Graph, fact: URIRef, summaries: dict, role: str = "") -> FactReport:
    """A fact's class, label, counts, parts and evidence (``summaries``: :func:`fact_summaries`)."""
    s = summaries.get(fact, {})
    parts = []
    for r in select(graph, "fact-parts", fact=fact):
        prop = str(r["property_label"]) if r["property_label"] is not None else local_name(r["property"])
        value = str(r["value_label"]) if r["value_label"] is not None else _term(graph, r["value"])
        parts.append((prop, value))
    return FactReport(fact, s.get("class", "Fact"), s.get("label", ""), str(s.get("sources", "?")),
                      str(s.get("evidence_count", "?")), role, tuple(parts), tuple(evidence(graph, fact)))


def entity_report(graph: Graph, entity: URIRef, summaries: dict) -> EntityReport:
    """An entity's label, classes, links, mentions and every fact it takes part in."""
    info: dict[Node, list] = {}
    for r in select(graph, "entity", entity=entity):
        info.setdefault(r["property"], []).append(r["value"])
    facts: dict[URIRef, list[str]] = {}
    for r in select(graph, "entity-facts", entity=entity):
        facts.setdefault(r["fact"], []).append(local_name(r["property"]))
    order = {f: i for i, f in enumerate(summaries)}
    ordered = sorted(facts, key=lambda f: (order.get(f, len(order)), str(f)))
    log.debug("%s: %d fact(s)", entity, len(ordered))
    return EntityReport(
        entity, str(info.get(RDFS.label, [entity])[0]), tuple(local_name(t) for t in info.get(RDF.type, [])),
        tuple(str(x) for x in info.get(OWL.sameAs, [])), tuple(str(a) for a in info.get(SKOS.altLabel, [])),
        tuple(str(m) for m in info.get(URIRef(KGO_URI + "mentionedIn"), [])),
        tuple(fact_report(graph, f, summaries, role=", ".join(facts[f])) for f in ordered))


def explain(graph: Graph, name: str, source: str = "the graph") -> list[EntityReport | FactReport]:
    """Resolve ``name`` and report what the graph says about it.

    Returns:
        One report per match (see :func:`resolve`): a :class:`FactReport` for
        a fact, an :class:`EntityReport` for an entity.

    Raises:
        InputError: E070 when nothing is named so (see :func:`resolve`).
    """
    matches = resolve(graph, name, source)
    log.debug("%r names %d node(s): %s", name, len(matches), ", ".join(str(m.node) for m in matches))
    summaries = fact_summaries(graph)
    return [fact_report(graph, m.node, summaries) if m.kind == "fact" else entity_report(graph, m.node, summaries)
            for m in matches]
