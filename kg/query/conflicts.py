"""``kg conflicts``: facts whose articles disagree on one part, each value with the evidence stating it.

The parts watched are listed in ``kg/data/sparql/conflict-parts.rq``
(``kgo:effectiveDate``, ``kgo:scope``, ``kgo:region``). A part is in conflict
when a fact has two or more values for it that cannot all be true together:

- dates: two values that are not the same day — ``--03-03`` (no year) and
  ``2025-03-03`` are compatible, ``2025-03-03`` and ``2025-04-09`` are not;
- other parts: two or more distinct values (strings compared case-insensitively).

Each value is attributed to the evidence whose quote names it
(:func:`kg.query.provenance.supporting_evidence`); when no quote names it, it is
listed with every evidence of the fact and basis ``fact``.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from itertools import combinations

from rdflib import Graph, URIRef

from ..rdf.terms import fold
from .explain import fact_summaries
from .provenance import dates_compatible, entity_names, evidence, is_date, select, supporting_evidence

log = logging.getLogger("kg")

#: Output columns of :func:`find_conflicts`.
COLUMNS = ["fact", "class", "label", "part", "value", "basis", "article", "start", "end", "quote"]


def _key(value) -> str:
    return fold(value) if not isinstance(value, URIRef) else str(value)


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
        graph: a kg graph loaded with the ontology (:func:`kg.query.sparql.load_graph`).

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
    log.debug("%d watched part(s) of facts, %d in conflict", len(parts), len(disputed))
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
