"""An rdflib graph kept in dict indexes (:class:`IndexedGraph`), whose SPARQL
queries can run on an in-memory Oxigraph store.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rdflib import Graph
from rdflib.paths import Path as RdfPath


class IndexedGraph(Graph):
    """An rdflib graph kept in three dict indexes (subject, predicate, object
    orders), which every read of the ``Graph`` API answers directly: the
    graph parts of a build (:meth:`kg.rdf.parts.GraphPlan.part`), the graph pySHACL
    validates and the shapes graph (:func:`kg.shacl.validate.validate`).

    rdflib's ``Memory`` store finds and checks the contexts of every triple it
    returns, behind two generator layers: on a kg graph that was half of
    pySHACL's time, and adding a part's triples to it 0.6 of the time of
    making the part. Here reads and writes are dict operations, and a part
    takes 0.85 of the memory (807 against 951 bytes per triple); the
    ``Memory`` store under the graph stays empty (it keeps the prefixes).
    SPARQL queries run on Oxigraph after :meth:`attach_oxigraph`, else on
    rdflib's engine, which reads through the same methods. Triples come in
    insertion order (a subject's, a predicate's ...), which decides nothing
    in a report or in kg's sorted N-Triples.

    Args:
        triples: the triples to start with (another graph, a list).
        **kwargs: those of rdflib's ``Graph`` (``namespace_manager`` ...).
    """

    _prepared: dict = {}
    #: pyoxigraph's ``Store`` of :meth:`attach_oxigraph` (pyoxigraph is imported lazily), or None.
    _ox: Any
    #: pyoxigraph term -> the rdflib term it was made from, or None.
    _from_ox: dict[Any, Any] | None

    def __init__(self, triples=(), **kwargs):
        super().__init__(**kwargs)
        self._spo: dict = {}
        self._pos: dict = {}
        self._osp: dict = {}
        self._size = 0
        self._ox = self._from_ox = None
        for triple in triples:
            self.add(triple)

    # writes

    def add(self, triple):  # noqa: D102 - rdflib's
        s, p, o = triple
        objects = self._spo.setdefault(s, {}).setdefault(p, {})
        if o not in objects:
            objects[o] = None
            self._pos.setdefault(p, {}).setdefault(o, {})[s] = None
            self._osp.setdefault(o, {}).setdefault(s, {})[p] = None
            self._size += 1
            self._ox = None  # Oxigraph's copy is stale: rdflib answers from now on
        return self

    def addN(self, quads):  # noqa: D102,N802 - rdflib's
        for s, p, o, _ in quads:
            self.add((s, p, o))
        return self

    def remove(self, triple):  # noqa: D102 - rdflib's
        for s, p, o in list(self.triples(triple)):
            del self._spo[s][p][o]
            del self._pos[p][o][s]
            del self._osp[o][s][p]
            self._size -= 1
            self._ox = None
        return self

    # reads

    def __len__(self) -> int:
        return self._size

    def triples(self, triple):  # noqa: D102 - rdflib's
        s, p, o = triple
        if isinstance(p, RdfPath):
            return ((a, p, b) for a, b in p.eval(self, s, o))
        if s is not None:
            by_p = self._spo.get(s)
            if not by_p:
                return iter(())
            if p is not None:
                objects = by_p.get(p)
                if not objects:
                    return iter(())
                if o is not None:
                    return iter(((s, p, o),) if o in objects else ())
                return ((s, p, x) for x in list(objects))
            if o is not None:
                return ((s, q, o) for q, objects in list(by_p.items()) if o in objects)
            return ((s, q, x) for q, objects in list(by_p.items()) for x in list(objects))
        if p is not None:
            by_o = self._pos.get(p)
            if not by_o:
                return iter(())
            if o is not None:
                return ((x, p, o) for x in list(by_o.get(o, ())))
            return ((x, p, y) for y, subjects in list(by_o.items()) for x in list(subjects))
        if o is not None:
            return ((x, q, o) for x, preds in list(self._osp.get(o, {}).items()) for q in list(preds))
        return ((x, q, y) for x, by_p in list(self._spo.items()) for q, objects in list(by_p.items())
                for y in list(objects))

    def triples_choices(self, triple, context=None):  # noqa: D102 - rdflib's
        s, p, o = triple
        for part, k in ((s, 0), (p, 1), (o, 2)):
            if isinstance(part, list):
                for choice in part:
                    pattern = [s, p, o]
                    pattern[k] = choice
                    yield from self.triples(tuple(pattern))
                return
        yield from self.triples(triple)

    def __contains__(self, triple) -> bool:
        for _ in self.triples(triple):
            return True
        return False

    def objects(self, subject=None, predicate=None, unique=False):  # noqa: D102 - rdflib's
        if subject is None or predicate is None or isinstance(subject, list) or isinstance(predicate, RdfPath):
            return super().objects(subject, predicate, unique)
        return iter(list(self._spo.get(subject, {}).get(predicate, ())))

    def subjects(self, predicate=None, object=None, unique=False):  # noqa: D102,A002 - rdflib's
        if predicate is None or object is None or isinstance(object, list) or isinstance(predicate, RdfPath):
            return super().subjects(predicate, object, unique)
        return iter(list(self._pos.get(predicate, {}).get(object, ())))

    def predicate_objects(self, subject=None, unique=False):  # noqa: D102 - rdflib's
        if subject is None:
            return super().predicate_objects(subject, unique)
        return ((p, o) for p, objects in list(self._spo.get(subject, {}).items()) for o in list(objects))

    def subject_predicates(self, object=None, unique=False):  # noqa: D102,A002 - rdflib's
        if object is None:
            return super().subject_predicates(object, unique)
        return ((s, p) for s, preds in list(self._osp.get(object, {}).items()) for p in list(preds))

    def attach_oxigraph(self) -> None:
        """Load this graph's triples into an in-memory Oxigraph store
        (pyoxigraph) that answers its SPARQL queries from now on, until the
        graph changes: SHACL-AF SPARQL targets (https://www.w3.org/TR/shacl-af/#SPARQLTarget)
        and SHACL-SPARQL constraints (https://www.w3.org/TR/shacl/#sparql-constraints).

        rdflib's SPARQL engine costs some 20 µs per matched triple pattern,
        which made the evidence offsets target alone a third of the validation
        of a kg graph; Oxigraph answers it in milliseconds. Initial bindings
        (``$this``) become Oxigraph substitutions. A query Oxigraph does not
        take (a bound variable outside the projection), or a graph with a term
        it cannot hold (an IRI with a space), runs on rdflib's engine instead,
        prepared once per text. Oxigraph keeps numbers in canonical form
        (``"012"^^xsd:nonNegativeInteger`` is ``12`` of type ``xsd:integer``):
        comparisons are SPARQL's either way, and a message quoting a number
        quotes its canonical form.
        """
        import pyoxigraph as ox

        self._ox = self._from_ox = None
        to_ox: dict = {}
        from_ox: dict = {}

        def conv(term):
            got = to_ox.get(term)
            if got is None:
                got = to_ox[term] = _ox_term_any(term)
                from_ox[got] = term
            return got

        try:
            store = ox.Store()
            store.bulk_extend([ox.Quad(conv(s), conv(p), conv(o)) for s, p, o in self.triples((None, None, None))])
        except (ValueError, TypeError):  # an IRI or blank node label Oxigraph refuses
            return
        self._ox, self._from_ox = store, from_ox

    def detach_oxigraph(self) -> None:
        """Let go of the Oxigraph store of :meth:`attach_oxigraph` (rdflib answers again)."""
        self._ox = self._from_ox = None

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True, **kwargs):  # noqa: D102 - rdflib's signature
        if isinstance(query_object, str):
            if self._ox is not None and not initNs and not kwargs:
                answer = self._query_oxigraph(query_object, initBindings or {})
                if answer is not None:
                    return answer
            prepared = self._prepared.get(query_object)
            if prepared is None:
                from rdflib.plugins.sparql import prepareQuery

                prepared = self._prepared[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)

    def _query_oxigraph(self, text: str, bindings: dict):
        """rdflib's ``Result`` of a SELECT query run by Oxigraph, or None when
        Oxigraph does not take it."""
        import pyoxigraph as ox
        from rdflib import Variable
        from rdflib.query import Result

        try:
            subs = {ox.Variable(str(k)): _ox_term_any(v) for k, v in bindings.items()}
            solutions = self._ox.query(text, substitutions=subs)
        except (SyntaxError, ValueError, TypeError, RuntimeError, OSError):
            return None
        back = self._from_ox
        if not isinstance(solutions, ox.QuerySolutions) or back is None:
            return None
        names = [v.value for v in solutions.variables]
        rows: list[Mapping[Variable, Any]] = []
        for solution in solutions:
            row: dict[Variable, Any] = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    term = back.get(value)
                    row[Variable(name)] = term if term is not None else _rdflib_term(value)
            rows.append(row)
        res = Result("SELECT")
        res.vars = [Variable(n) for n in names]
        res.bindings = rows
        return res


def _ox_term_any(term):
    """An rdflib term as a pyoxigraph term (``"x"^^xsd:string`` is ``"x"``, RDF 1.1)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and term.datatype != XSD.string:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _rdflib_term(term):
    """A pyoxigraph term as an rdflib term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import XSD

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value) if datatype == str(XSD.string) else Literal(term.value, datatype=URIRef(datatype))
