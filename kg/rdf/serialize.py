"""Serialize graphs deterministically: the same bytes whatever the hash seed
(canonical N-Triples, Turtle written by Oxigraph, sorted RDF/XML and JSON-LD).
"""

from __future__ import annotations

from rdflib import XSD, Graph, Literal, URIRef

from .namespaces import jsonld_context


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
                        format=ox.RdfFormat.N_TRIPLES) or b""


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
    return ox.serialize(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                        prefixes=prefixes) or b""


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
