"""``kg conflicts``: facts whose articles disagree on one part, each value with the evidence stating it.

The parts watched are listed in ``kg/data/sparql/conflict-parts.rq``
(``kgo:effectiveDate``, ``kgo:scope``, ``kgo:region``). A part is in conflict
when a fact has two or more values for it that cannot all be true together:

- dates: two values that are not the same day — ``--03-03`` (no year) and
  ``2025-03-03`` are compatible, ``2025-03-03`` and ``2025-04-09`` are not;
- other parts: two or more distinct values (strings compared case-insensitively).

Each value is attributed to the evidence whose quote names it
(:func:`kg.provenance.supporting_evidence`); when no quote names it, it is
listed with every evidence of the fact and basis ``fact``.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from rdflib import Graph, URIRef
from rich.console import Console
from rich.markup import escape

from .explain import fact_summaries
from .provenance import dates_compatible, entity_names, evidence, is_date, select, supporting_evidence

#: Output columns of :func:`find_conflicts`.
COLUMNS = ["fact", "class", "label", "part", "value", "basis", "article", "start", "end", "quote"]


def _key(value) -> str:
    return " ".join(str(value).casefold().split()) if not isinstance(value, URIRef) else str(value)


def in_conflict(values: list) -> bool:
    """Whether a part's values disagree (see the module rules).

    >>> from rdflib import Literal, XSD
    >>> in_conflict([Literal("--03-03", datatype=XSD.gMonthDay), Literal("2025-03-03", datatype=XSD.date)])
    False
    >>> in_conflict([Literal("2025-03-03", datatype=XSD.date), Literal("2025-04-09", datatype=XSD.date)])
    True
    """
    if values and all(is_date(v) for v in values):
        return any(not dates_compatible(str(a), str(b)) for a, b in combinations(values, 2))
    return len({_key(v) for v in values}) > 1


def find_conflicts(graph: Graph) -> list[list[str]]:
    """Rows (see :data:`COLUMNS`) for every value of every part in conflict.

    Args:
        graph: a kg graph loaded with the ontology (:func:`kg.query.load_graph`).

    Returns:
        One row per (fact, part, value, evidence), ordered by fact label, part and
        value; ``start``/``end`` are the evidence's 0-based, end-exclusive offsets.
    """
    parts: dict[tuple, list] = defaultdict(list)
    part_labels: dict[URIRef, str] = {}
    value_labels: dict = {}
    for r in select(graph, "conflict-parts"):
        parts[r["fact"], r["part"]].append(r["value"])
        part_labels[r["part"]] = str(r["part_label"]) if r["part_label"] is not None else str(r["part"])
        if r["value_label"] is not None:
            value_labels[r["value"]] = str(r["value_label"])
    disputed = {k: v for k, v in parts.items() if in_conflict(v)}
    if not disputed:
        return []
    summaries = fact_summaries(graph)
    names = entity_names(graph)
    by_fact = defaultdict(list)
    for ev in evidence(graph):
        by_fact[ev.fact].append(ev)
    rows = []
    for (fact, part), values in disputed.items():
        s = summaries.get(fact, {})
        for value in values:
            found, basis = supporting_evidence(value, by_fact[fact], names)
            for ev in found:
                rows.append([str(fact), s.get("class", ""), s.get("label", ""), part_labels[part],
                             value_labels.get(value, str(value)), basis, ev.article_id, str(ev.start),
                             str(ev.end), ev.exact])
    rows.sort(key=lambda r: (r[2], r[0], r[3], r[4], r[6], int(r[7])))
    return rows


def print_table(console: Console, rows: list[list[str]]) -> None:
    """Print conflict rows for a reader: per fact, per part, each value and the evidence stating it."""
    if not rows:
        console.print("no conflicts: no fact has disagreeing values for its watched parts "
                      "(effective date, scope, region)", highlight=False)
        return
    facts: dict[str, dict[str, dict[str, list]]] = {}
    heads = {}
    for r in rows:
        heads[r[0]] = f"{r[1]} {r[2]}"
        facts.setdefault(r[0], {}).setdefault(r[3], {}).setdefault(r[4], []).append(r)
    for i, (fact, parts) in enumerate(facts.items()):
        if i:
            console.print()
        console.print(f"[bold cyan]{escape(heads[fact])}[/bold cyan]", highlight=False, soft_wrap=True)
        console.print(f"  {fact}", style="dim", highlight=False, soft_wrap=True)
        for part, values in parts.items():
            console.print(f"  [bold]{escape(part)}[/bold]: {len(values)} values", highlight=False)
            for value, evs in values.items():
                basis = "" if evs[0][5] == "quote" else "  (no quote names it; every evidence of the fact)"
                console.print(f"    [yellow]{escape(value)}[/yellow]{escape(basis)}", highlight=False, soft_wrap=True)
                for r in evs:
                    console.print(f"      [bold]{escape(r[6])}[/bold] [{r[7]}:{r[8]}] “{escape(r[9])}”",
                                  highlight=False)
    console.print(f"\n{len(facts)} fact(s) with disagreeing parts", highlight=False)
