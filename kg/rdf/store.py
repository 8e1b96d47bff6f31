"""An on-disk Oxigraph store of a kg graph, behind the rdflib API.

``kg build --store DIR`` writes the graph and the ontology into an Oxigraph
store (https://github.com/oxigraph/oxigraph, RocksDB on disk) in ``DIR``;
the commands that answer queries (``kg query``, ``serve``, ``view``,
``explain``, ``conflicts``, ``evaluate``) accept ``DIR`` in place of the graph
file. Queries then run in Oxigraph's SPARQL engine through the oxrdflib store
plugin (an rdflib ``Graph`` whose store is Oxigraph), and the opened store
takes a twentieth of rdflib's memory (``benchmarks/bench_store.py``; times in
``docs/performance.md``).

What makes a query slow on the store is not what makes it slow in rdflib.
Reading one triple by a key (a RocksDB seek) costs about as much as reading
twenty in a scan, and every string or IRI compared or returned is looked up
in RocksDB again. So, without changing any row:

- *Layout.* The ontology is loaded into the default graph with the graph
  (as :func:`kg.query.sparql.load_graph` puts them in one rdflib graph), and also
  into its named graph ``<https://w3id.org/kg-news/ontology>``. Queries and
  triple reads use the default graph alone: a union of graphs reads two
  indexes per pattern. A store written before this layout
  (``kg-store.json`` without ``"ontology_in_default_graph"``) is read as the
  union of its graphs, as before.
- *Store forms.* A competency query may have a store form,
  ``queries/store/<name>.rq``: the same rows (tests compare them on the seeds
  and on a larger synthetic graph), written so that Oxigraph joins by hashing
  whole scans instead of one seek per row. Labels are joined last, either
  from one scan of ``rdfs:label`` (tens of thousands of triples) or, when a
  few thousand rows or nodes need one, read by a seek each (about 4 µs),
  in the order of an index scan where the form can (seeks in key order read
  the same blocks). A query whose text is exactly that
  of ``queries/<name>.rq`` runs as its store form. rdflib runs the original:
  its engine evaluates sub-``SELECT``s row by row and would be many times slower.
  A store form also gives rdflib's rows where Oxigraph's engine would not:
  ``MIN`` over a group where some rows leave the variable unbound is unbound
  in Oxigraph and the least bound value in rdflib (cq06).
- *Ordering.* A query ending in ``ORDER BY`` over projected variables runs
  without it, and the rows are sorted here, in SPARQL's order (unbound, blank
  nodes, IRIs, then literals; strings by code point, numbers by value).
  Oxigraph decodes both strings at each comparison of a sort. When a column
  mixes kinds this does not order (say, numbers and strings), the query runs
  again with its ``ORDER BY``.
- *Compaction.* The store is compacted once after loading
  (``Store.optimize``): a bulk load leaves each index in several files, and
  every read by key then seeks in each of them (queries about 20% faster).
- *Terms.* Rows come back as rdflib terms made as :mod:`kg.rdf.indexed` reads
  Oxigraph's (``"x"^^xsd:string`` is the plain literal ``"x"``, as in a graph
  file), each distinct term once per query (and each distinct term's sort
  key once).

The folder holds the store and ``kg-store.json`` (what was loaded). It is
written next to its final place and swapped in by renaming, so a reader never
sees a half-loaded store.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Graph

from ..errors import Errors, InputError
from .indexed import _rdflib_term
from .namespaces import ONTOLOGY_IRI

MARKER = "kg-store.json"


def is_store(path: Path) -> bool:
    """Whether ``path`` is a folder written by :func:`write_store`."""
    return path.is_dir() and (path / MARKER).is_file()


def write_store(abox: Graph | bytes | list[Path], tbox: Graph, folder: Path) -> int:
    """Load the graph and the ontology into a new Oxigraph store at ``folder``.

    Args:
        abox: the graph built by ``kg build``, its N-Triples (bytes, as
            :func:`kg.rdf.serialize.serialize` writes them: Oxigraph's own writer, far
            faster than rdflib's for a large graph), or the N-Quads shards the
            build's workers wrote (:func:`kg.shacl.validate.write_and_validate`),
            each bulk-loaded from its file.
        tbox: the kg ontology, loaded into the default graph (so that
            ``rdfs:subClassOf*`` paths work) and into its named graph.
        folder: the store folder; an earlier store there is replaced.

    Returns:
        The number of quads in the store (the ontology's triples count twice:
        default graph and named graph).

    Raises:
        OSError: when the folder cannot be written; an earlier store is left intact.
    """
    import pyoxigraph as ox

    from .. import __version__

    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        store = ox.Store(str(tmp / "oxigraph"))
        if isinstance(abox, list):
            for shard in abox:
                store.bulk_load(path=str(shard), format=ox.RdfFormat.N_QUADS)
        else:
            data = abox if isinstance(abox, bytes) else abox.serialize(format="nt", encoding="utf-8")
            store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
        ontology = tbox.serialize(format="nt", encoding="utf-8")
        store.bulk_load(ontology, format=ox.RdfFormat.N_TRIPLES)
        store.bulk_load(ontology, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(ONTOLOGY_IRI)))
        store.flush()
        store.optimize()  # one compaction: each index read then seeks in fewer files (queries ~20% faster)
        count = len(store)
        del store
        (tmp / MARKER).write_text(json.dumps({"kg": __version__, "triples": count,
                                              "ontology_in_default_graph": True}, indent=1) + "\n",
                                  encoding="utf-8")
        old = None
        if folder.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".old", dir=folder.parent))
            os.rmdir(old)
            os.replace(folder, old)
        os.replace(tmp, folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return count


def open_store(folder: Path) -> Graph:
    """The store at ``folder`` as a read-only rdflib graph for queries.

    The store's default graph holds the graph and the ontology, which is also
    in the named graph ``<https://w3id.org/kg-news/ontology>``; queries and
    triple reads see the default graph, so that they see ``rdfs:subClassOf``
    as with a graph file loaded with the ontology (a store of the earlier
    layout, with the ontology in its named graph only, is read as the union
    of its graphs). Queries run as described in the module docstring.

    A store is for reading with SPARQL only: Oxigraph keeps integers of derived
    datatypes as ``xsd:integer`` (``"12"^^xsd:nonNegativeInteger`` comes back
    as ``"12"^^xsd:integer``), so exporting or validating a store would not
    give the graph's exact terms. Those commands read ``graph.ttl``.

    Raises:
        InputError: E104 when ``folder`` is not a kg store, E105 when it cannot be opened.
    """
    import pyoxigraph as ox
    from rdflib import Dataset

    if not is_store(folder):
        raise InputError(Errors.E104, path=folder)
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(Errors.E104, path=folder / MARKER) from exc
    try:
        inner = _store_class()(store=ox.Store.read_only(str(folder / "oxigraph")))
    except OSError as exc:
        raise InputError(Errors.E105, path=folder, error=exc) from exc
    inner.default_only = bool(isinstance(marker, dict) and marker.get("ontology_in_default_graph"))
    return Dataset(store=inner, default_union=True)


STORE_FORMS = "store"
_ORDER = re.compile(r"\bORDER\s+BY\s+((?:(?:ASC|DESC)\s*\(\s*\?\w+\s*\)|\?\w+)(?:\s+|$))+(?:#[^\n]*(?:\n\s*|$))*$",
                    re.I)
_TRAILING_COMMENTS = re.compile(r"#.*", re.S)
_ORDER_BY = re.compile(r"^ORDER\s+BY", re.I)
_CONDITION = re.compile(r"(ASC|DESC)?\s*\(?\s*\?(\w+)", re.I)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_STRING = _XSD + "string"
_UNSEEN = object()
_NUMERIC = {_XSD + t for t in ("integer", "decimal", "double", "float", "nonNegativeInteger", "positiveInteger",
                               "negativeInteger", "nonPositiveInteger", "long", "int", "short", "byte",
                               "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}


@lru_cache(maxsize=1)
def store_forms() -> dict[str, str]:
    """Text of each competency query that has a store form -> text of that form.

    ``queries/store/<name>.rq`` is the store form of ``queries/<name>.rq``.

    Raises:
        InputError: E116 when a store form has no query of its name.
    """
    from ..resources import queries_dir

    out = {}
    for path in sorted((queries_dir() / STORE_FORMS).glob("*.rq")):
        original = queries_dir() / path.name
        if not original.is_file():
            raise InputError(Errors.E116, path=path, original=original)
        out[original.read_text(encoding="utf-8")] = path.read_text(encoding="utf-8")
    return out


def split_order(text: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """Split a query ending in ``ORDER BY`` over variables into (the query without it, [(variable, descending)]).

    Only a final clause of plain variables, ``ASC(?v)`` and ``DESC(?v)`` is split
    (no expression, ``LIMIT`` or ``OFFSET``; comments may follow it); None otherwise.
    """
    match = _ORDER.search(text)
    if match is None or "#" in text[text.rfind("\n", 0, match.start()) + 1:match.start()]:
        return None
    clause = _TRAILING_COMMENTS.sub("", _ORDER_BY.sub("", match.group(0)))
    keys = [(m.group(2), (m.group(1) or "").upper() == "DESC") for m in _CONDITION.finditer(clause)]
    return text[:match.start()], keys


@lru_cache(maxsize=1)
def _ox():
    """The pyoxigraph module (imported on first use, as everywhere in kg)."""
    import pyoxigraph

    return pyoxigraph


def _sort_key(term):
    """SPARQL's order of one term, or None when it cannot be told apart from
    Oxigraph's here (a literal neither a string nor a number)."""
    if term is None:
        return (0, 0, "")
    ox = _ox()
    kind = type(term)
    if kind is ox.NamedNode:
        return (2, 0, term.value)
    if kind is ox.BlankNode:
        return (1, 0, term.value)
    if kind is ox.Literal and term.language is None:
        datatype = term.datatype.value
        if datatype == _STRING:
            return (3, 0, term.value)
        if datatype in _NUMERIC:
            try:
                return (3, 1, Decimal(term.value))
            except ArithmeticError:
                return None
    return None


def sort_rows(rows: list, positions: list[tuple[int, bool]]) -> list | None:
    """``rows`` (tuples of Oxigraph terms) sorted by the columns at ``positions``
    ((index, descending), most significant first), as SPARQL's ``ORDER BY``
    sorts them; None when a column holds terms this cannot order: a literal
    neither ``xsd:string`` nor numeric, or both strings and numbers."""
    columns = []
    for index, _ in positions:
        seen: dict = {}  # each distinct term's key once (terms repeat down a column)
        keys = []
        for row in rows:
            term = row[index]
            key = seen.get(term, _UNSEEN)
            if key is _UNSEEN:
                key = seen[term] = _sort_key(term)
                if key is None:
                    return None
            keys.append(key)
        if len({k[:2] for k in seen.values() if k[0] == 3}) > 1:
            return None
        columns.append(keys)
    directions = {descending for _, descending in positions}
    try:
        if len(directions) == 1:  # one stable sort on all the columns' keys at once
            keys = columns[0] if len(columns) == 1 else list(zip(*columns))
            order = sorted(range(len(rows)), key=keys.__getitem__, reverse=directions.pop())
            return [rows[i] for i in order]
        for at in reversed(range(len(positions))):  # one stable sort per column, least significant first
            order = sorted(range(len(rows)), key=columns[at].__getitem__, reverse=positions[at][1])
            rows = [rows[i] for i in order]
            columns = [[column[i] for i in order] for column in columns]
    except ArithmeticError:  # NaN
        return None
    return rows


def _term_reader():
    """A function from an Oxigraph term (or None) to the rdflib term, as
    :func:`kg.rdf.indexed._rdflib_term` makes it (``"x"^^xsd:string`` is the
    plain literal ``"x"``), making each distinct term once: one reader per query."""
    from rdflib import Literal, URIRef

    ox = _ox()
    named, literal = ox.NamedNode, ox.Literal
    cache: dict = {}

    def term(value):
        if value is None:
            return None
        got = cache.get(value)
        if got is None:
            kind = type(value)
            if kind is named:
                got = URIRef(value.value)
            elif kind is literal and not value.language:
                datatype = value.datatype.value
                got = Literal(value.value) if datatype == _STRING else Literal(value.value, datatype=URIRef(datatype))
            else:
                got = _rdflib_term(value)
            cache[value] = got
        return got

    return term


@lru_cache(maxsize=1)
def _store_class():
    """oxrdflib's store with kg's query path (built on first use: oxrdflib is imported lazily)."""
    import pyoxigraph as ox
    from oxrdflib import OxigraphStore
    from oxrdflib._converter import from_ox, to_ox, to_ox_quad_pattern
    from rdflib.query import Result
    from rdflib.term import Variable

    class KgOxigraphStore(OxigraphStore):
        """An oxrdflib store that reads the default graph of a kg store, runs
        store forms and sorts rows itself (see :mod:`kg.rdf.store`)."""

        default_only = False

        def triples(self, triple_pattern, context=None):
            if context is None and self.default_only:
                subject, predicate, obj, _ = to_ox_quad_pattern(triple_pattern)
                quads = self._inner.quads_for_pattern(subject, predicate, obj, ox.DefaultGraph())
                return (((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)),
                         iter((self._default_context(),))) for q in quads)
            return super().triples(triple_pattern, context)

        def _default_context(self):
            from oxrdflib._converter import from_ox_graph_name

            return from_ox_graph_name(ox.DefaultGraph(), self)

        def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: N803 (rdflib's names)
            if not isinstance(query, str) or kwargs or queryGraph != "__UNION__":
                return super().query(query, initNs, initBindings, queryGraph, **kwargs)
            options: dict[str, Any] = {"prefixes": dict(self._namespace_for_prefix, **initNs)}
            if self.default_only:
                options["default_graph"] = ox.DefaultGraph()
            else:
                options["use_default_graph_as_union"] = True
            if initBindings:
                options["substitutions"] = {ox.Variable(k): to_ox(v) for k, v in initBindings.items()}
            else:
                query = store_forms().get(query, query)
            variables: list | None = None
            rows: Iterable[tuple] | None = None
            split = None if initBindings else split_order(query)
            if split is not None:
                solutions = self._inner.query(split[0], **options)
                if isinstance(solutions, ox.QuerySolutions):
                    variables = list(solutions.variables)
                    names = [v.value for v in variables]
                    if all(name in names for name, _ in split[1]):
                        rows = sort_rows([tuple(s) for s in solutions],
                                         [(names.index(name), desc) for name, desc in split[1]])
            if rows is None:  # no ORDER BY to split, or rows this cannot sort: Oxigraph sorts
                solutions = self._inner.query(query, **options)
                if not isinstance(solutions, ox.QuerySolutions):
                    return super().query(query, initNs, initBindings, queryGraph)
                variables = list(solutions.variables)
                rows = (tuple(s) for s in solutions)
            assert variables is not None
            out = Result("SELECT")
            out.vars = [Variable(v.value) for v in variables]
            term = _term_reader()
            out.bindings = ({v: term(val) for v, val in zip(out.vars, row)} for row in rows)
            return out

    return KgOxigraphStore


def run_select(graph: Graph, text: str, bindings: dict | None = None):
    """Run SPARQL ``text`` on a graph file's graph or a store, with initial bindings.

    rdflib binds any variable of the query (``initBindings``); Oxigraph binds
    only variables of the SELECT projection and raises otherwise. For such a
    query on a store, the query runs in rdflib's SPARQL engine over the store's
    triples instead: slower, same rows. Values are bound as RDF terms, never
    pasted into the query text.

    Args:
        graph: an rdflib ``Graph``, or a store from :func:`open_store`.
        text: the query.
        bindings: variable name -> RDF term.

    Returns:
        rdflib's ``Result``.
    """
    bindings = bindings or {}
    try:
        return graph.query(text, initBindings=bindings)
    except RuntimeError as exc:
        if not bindings or "projection" not in str(exc):
            raise
        return graph.query(text, initBindings=bindings, use_store_provided=False)
