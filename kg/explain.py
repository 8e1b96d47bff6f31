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
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rich.console import Console
from rich.markup import escape

from .errors import InputError
from .graph import KGO_URI, KGR
from .provenance import EvidenceRecord, entity_names, evidence, select
from .query import resolve_query, run

KGO_ENTITY, KGO_FACT = URIRef(KGO_URI + "Entity"), URIRef(KGO_URI + "Fact")


@dataclass(frozen=True)
class Match:
    """A node a name resolved to: ``kind`` is ``"entity"`` or ``"fact"``."""

    kind: str
    node: URIRef


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


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
    wanted = _norm(text)
    by_label = sorted(n for n, labels in names.items() if labels and _norm(labels[0]) == wanted)
    by_alt = sorted(n for n, labels in names.items() if any(_norm(a) == wanted for a in labels[1:]))
    found = by_label or by_alt
    if found:
        return [Match("entity", n) for n in found]
    every = sorted({label for labels in names.values() for label in labels})
    folded: dict[str, str] = {}
    for label in every:
        folded.setdefault(_norm(label), label)
    close = difflib.get_close_matches(wanted, list(folded), n=3, cutoff=0.6)
    hint = ("did you mean " + ", ".join(repr(folded[c]) for c in close) + "?") if close else \
        "list the entities with `kg query cq08 -g GRAPH` and the facts with `kg query corroboration -g GRAPH`."
    raise InputError("E070", f"no entity or fact named {name!r} in {source}; {hint}")


def _term(graph: Graph, value) -> str:
    if isinstance(value, URIRef):
        label = graph.value(value, RDFS.label)
        return str(label) if label is not None else str(value)
    if isinstance(value, Literal) and value.datatype is not None and not str(value.datatype).endswith("#string"):
        return f"{value} ({str(value.datatype).rsplit('#', 1)[-1]})"
    return str(value)


def _local(iri) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


def fact_summaries(graph: Graph) -> dict[URIRef, dict[str, str]]:
    """Fact IRI -> its row of ``queries/corroboration.rq`` (class, label, sources, evidence_count)."""
    cols, rows = run(graph, resolve_query("corroboration"))
    return {URIRef(r[0]): dict(zip(cols, ("" if v is None else v for v in r))) for r in rows}


def print_evidence(console: Console, records: list[EvidenceRecord], indent: str = "    ") -> None:
    """Print evidence: article identifier, offsets, certainty, attribution, then the quote."""
    for ev in records:
        extra = f", attributed to {', '.join(ev.attributed_to)}" if ev.attributed_to else ""
        console.print(f"{indent}[bold]{escape(ev.article_id)}[/bold] [{ev.start}:{ev.end}] "
                      f"{escape(ev.certainty or 'stated')}{escape(extra)}", highlight=False, soft_wrap=True)
        console.print(f"{indent}  [italic]“{escape(ev.exact)}”[/italic]", highlight=False)


def print_fact(console: Console, graph: Graph, fact: URIRef, summaries: dict, role: str = "",
               indent: str = "") -> None:
    """Print a fact: class, label, counts, IRI, parts, then each evidence."""
    s = summaries.get(fact, {})
    via = f"  (as {role})" if role else ""
    console.print(f"{indent}[bold cyan]{escape(s.get('class', 'Fact'))}[/bold cyan] "
                  f"{escape(s.get('label', ''))}{escape(via)} — {s.get('sources', '?')} source(s), "
                  f"{s.get('evidence_count', '?')} evidence", highlight=False, soft_wrap=True)
    console.print(f"{indent}  {fact}", highlight=False, soft_wrap=True, style="dim")
    for r in select(graph, "fact-parts", fact=fact):
        prop = str(r["property_label"]) if r["property_label"] is not None else _local(r["property"])
        value = str(r["value_label"]) if r["value_label"] is not None else _term(graph, r["value"])
        console.print(f"{indent}  {escape(prop)}: {escape(value)}", highlight=False, soft_wrap=True)
    records = evidence(graph, fact)
    console.print(f"{indent}  evidence ({len(records)}):", highlight=False)
    print_evidence(console, records, indent + "    ")


def print_entity(console: Console, graph: Graph, entity: URIRef, summaries: dict) -> None:
    """Print an entity: label, IRI, type, Wikidata link, mentions, then every fact it takes part in."""
    info: dict[URIRef, list] = {}
    for r in select(graph, "entity", entity=entity):
        info.setdefault(r["property"], []).append(r["value"])
    label = str(info.get(RDFS.label, [entity])[0])
    types = ", ".join(_local(t) for t in info.get(RDF.type, [])) or "?"
    console.print(f"[bold]{escape(label)}[/bold] ({escape(types)})", highlight=False, soft_wrap=True)
    console.print(f"  IRI: {entity}", highlight=False, soft_wrap=True)
    same = info.get(OWL.sameAs, [])
    console.print("  Wikidata: " + (", ".join(str(s) for s in same) if same else "none"),
                  highlight=False, soft_wrap=True)
    if info.get(SKOS.altLabel):
        console.print("  also called: " + escape(", ".join(str(a) for a in info[SKOS.altLabel])), highlight=False)
    mentions = info.get(URIRef(KGO_URI + "mentionedIn"), [])
    if mentions:
        console.print("  mentioned in: " + escape(", ".join(str(m) for m in mentions)), highlight=False)
    facts: dict[URIRef, list[str]] = {}
    for r in select(graph, "entity-facts", entity=entity):
        facts.setdefault(r["fact"], []).append(_local(r["property"]))
    order = {f: i for i, f in enumerate(summaries)}
    console.print(f"  facts: {len(facts)}", highlight=False)
    for fact in sorted(facts, key=lambda f: (order.get(f, len(order)), str(f))):
        console.print()
        print_fact(console, graph, fact, summaries, role=", ".join(facts[fact]), indent="  ")


def explain(console: Console, graph: Graph, name: str, source: str = "the graph") -> list[Match]:
    """Resolve ``name`` and print what the graph says about it.

    Raises:
        InputError: E070 when nothing is named so (see :func:`resolve`).
    """
    matches = resolve(graph, name, source)
    summaries = fact_summaries(graph)
    for i, m in enumerate(matches):
        if i:
            console.print()
        if m.kind == "fact":
            print_fact(console, graph, m.node, summaries)
        else:
            print_entity(console, graph, m.node, summaries)
    return matches
