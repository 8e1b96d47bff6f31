"""Read where each fact of a kg graph comes from, and which evidence states which part.

The lookups are SPARQL files in ``kg/data/sparql/`` run with bound variables
(SPARQL 1.1, https://www.w3.org/TR/sparql11-query/); the graph must be loaded
together with the ontology (:func:`kg.query.sparql.load_graph`) so that
``rdfs:subClassOf*`` paths see the class hierarchy.

Evidence annotations (W3C Web Annotation, https://www.w3.org/TR/annotation-model/)
point at a sentence but do not say which part of the fact it supports.
:func:`supporting_evidence` attributes a part's value to the evidence whose
quote names it:

- an entity: its ``rdfs:label`` or one of its ``skos:altLabel`` occurs in the
  quote, case-insensitively, as whole words;
- a string: it occurs in the quote the same way (spaces normalized);
- a date (``xsd:date`` ``YYYY-MM-DD`` or ``xsd:gMonthDay`` ``--MM-DD``): a date
  written in the quote normalizes (:func:`kg.io.dates.normalize_date`, with the
  article's ``dcterms:issued`` as reference) to a compatible day — same month
  and day, and the same year when both have one.

A value that no quote names is attributed to every evidence of the fact
(basis ``"fact"`` instead of ``"quote"``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..io.dates import DATE_PHRASE, normalize_date
from ..rdf.terms import DATE_VALUE, fold
from ..resources import data_file


@cache
def sparql(name: str) -> str:
    """Text of ``kg/data/sparql/<name>.rq``.

    Raises:
        ResourceError: E011 when the file is missing.
    """
    return data_file(f"sparql/{name}.rq").read_text(encoding="utf-8")


def select(graph: Graph, name: str, **bindings: Node) -> list[dict[str, Any]]:
    """Run the SELECT query ``kg/data/sparql/<name>.rq`` with variables bound.

    Returns:
        One dict per solution, variable name -> RDF term (``rdflib.term.Node``),
        or None when unbound (typed ``Any``: which variables a query always binds
        is known to its caller, not to the type checker).
    """
    from ..rdf.store import run_select

    result = run_select(graph, sparql(name), bindings)
    names = [str(v) for v in result.vars]
    return [dict(zip(names, row)) for row in result]


@dataclass(frozen=True)
class EvidenceRecord:
    """One evidence annotation of one fact.

    Attributes:
        node: the ``kgo:Evidence`` IRI.
        fact: the fact it is the evidence of.
        article: the IRI of the article its target's ``oa:hasSource`` names.
        article_id: the article's ``dcterms:identifier`` (file name without extension).
        start, end: ``oa:start``/``oa:end``: 0-based, end-exclusive code-point offsets.
        exact: the ``oa:exact`` quote.
        certainty: ``kgo:certainty`` (``stated``, ``reported``, ...) or "".
        attributed_to: labels of the ``prov:wasAttributedTo`` agents.
        issued: the article's ``dcterms:issued`` date (``YYYY-MM-DD``) or "".
    """

    node: URIRef
    fact: URIRef
    article: URIRef
    article_id: str
    start: int
    end: int
    exact: str
    certainty: str = ""
    attributed_to: tuple[str, ...] = ()
    issued: str = ""


def evidence(graph: Graph, fact: URIRef | None = None) -> list[EvidenceRecord]:
    """The evidence of every fact, or of one fact, ordered by fact, article and offset."""
    rows = select(graph, "evidence", **({"fact": fact} if fact is not None else {}))
    merged: dict[URIRef, EvidenceRecord] = {}
    for r in rows:
        ev = r["evidence"]
        agent = (str(r["attributed"]),) if r["attributed"] is not None else ()
        if ev in merged:
            if agent and agent[0] not in merged[ev].attributed_to:
                old = merged[ev]
                merged[ev] = EvidenceRecord(**{**old.__dict__, "attributed_to": old.attributed_to + agent})
            continue
        article = r["article"]
        merged[ev] = EvidenceRecord(
            node=ev, fact=r["fact"] if fact is None else fact, article=article,
            article_id=str(r["article_id"]) if r["article_id"] is not None else str(article),
            start=int(r["start"]), end=int(r["end"]), exact=str(r["exact"]),
            certainty=str(r["certainty"]) if r["certainty"] is not None else "",
            attributed_to=agent, issued=str(r["issued"]) if r["issued"] is not None else "")
    return sorted(merged.values(), key=lambda e: (str(e.fact), e.article_id, e.start, e.end, str(e.node)))


def entity_names(graph: Graph) -> dict[URIRef, list[str]]:
    """Entity IRI -> its names, the ``rdfs:label`` first, then the ``skos:altLabel`` values."""
    out: dict[URIRef, list[str]] = {}
    for r in select(graph, "names"):
        names = out.setdefault(r["node"], [])
        if str(r["name"]) not in names:
            names.append(str(r["name"]))
    return out


def _names_in(names: Iterable[str], quote: str) -> bool:
    q = fold(quote)
    return any(n and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", q) for n in map(fold, names))


def quote_dates(quote: str, issued: str = "") -> set[str]:
    """The days written in a quote, as ``YYYY-MM-DD`` or ``--MM-DD``.

    Args:
        quote: the evidence text.
        issued: the article's publication date ``YYYY-MM-DD``, used as the
            reference for dates without a year and for "the 18th of last month".

    >>> sorted(quote_dates("from March 3, 2025 until 10 July"))
    ['--07-10', '2025-03-03']
    """
    try:
        reference = dt.date.fromisoformat(issued) if issued else None
    except ValueError:
        reference = None
    out = set()
    for m in DATE_PHRASE.finditer(quote):
        iso = normalize_date(m.group(0), reference)
        if iso:
            out.add(iso)
    return out


def dates_compatible(a: str, b: str) -> bool:
    """Whether two days (``YYYY-MM-DD`` or ``--MM-DD``) can be the same day.

    >>> dates_compatible("2025-03-03", "--03-03"), dates_compatible("2025-03-03", "2024-03-03")
    (True, False)
    """
    ma, mb = DATE_VALUE.fullmatch(a), DATE_VALUE.fullmatch(b)
    if not ma or not mb:
        return a == b
    if ma.group(2, 3) != mb.group(2, 3):
        return False
    return ma.group(1) is None or mb.group(1) is None or ma.group(1) == mb.group(1)


def is_date(value: Node) -> bool:
    """True for an ``xsd:date`` or ``xsd:gMonthDay`` literal."""
    return isinstance(value, Literal) and value.datatype in (XSD.date, XSD.gMonthDay)


def states(ev: EvidenceRecord, value: Node, names: dict[URIRef, list[str]]) -> bool:
    """Whether an evidence's quote names a value (see the module rules)."""
    if is_date(value):
        return any(dates_compatible(str(value), d) for d in quote_dates(ev.exact, ev.issued))
    if isinstance(value, URIRef):
        return _names_in(names.get(value, []), ev.exact)
    return _names_in([str(value)], ev.exact)


def supporting_evidence(value: Node, fact_evidence: list[EvidenceRecord],
                        names: dict[URIRef, list[str]]) -> tuple[list[EvidenceRecord], str]:
    """The evidence of a fact that states one value of one of its parts.

    Args:
        value: the part's value (entity IRI, string or date literal).
        fact_evidence: the fact's evidence (:func:`evidence`).
        names: entity names (:func:`entity_names`).

    Returns:
        (evidence, basis): the evidence whose quote names the value and basis
        ``"quote"``; when no quote does, all of ``fact_evidence`` and ``"fact"``.
    """
    found = [ev for ev in fact_evidence if states(ev, value, names)]
    return (found, "quote") if found else (list(fact_evidence), "fact")
