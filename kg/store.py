"""An on-disk Oxigraph store of a kg graph, behind the rdflib API.

``kg build --store DIR`` writes the graph and the ontology into an Oxigraph
store (https://github.com/oxigraph/oxigraph, RocksDB on disk) in ``DIR``;
the commands that answer queries (``kg query``, ``serve``, ``view``,
``explain``, ``conflicts``, ``evaluate``) accept ``DIR`` in place of the graph
file. Queries then run in Oxigraph's SPARQL engine through the oxrdflib store
plugin (an rdflib ``Graph`` whose store is Oxigraph): at 1.17 million triples
the competency queries take 0.38 of rdflib's in-memory time and the opened
store a twentieth of its memory (``benchmarks/bench_store.py``).

The folder holds the store and ``kg-store.json`` (what was loaded). It is
written next to its final place and swapped in by renaming, so a reader never
sees a half-loaded store.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from rdflib import Graph

from .errors import Errors, InputError
from .graph import ONTOLOGY_IRI

MARKER = "kg-store.json"


def is_store(path: Path) -> bool:
    """Whether ``path`` is a folder written by :func:`write_store`."""
    return path.is_dir() and (path / MARKER).is_file()


def write_store(abox: Graph | bytes | list[Path], tbox: Graph, folder: Path) -> int:
    """Load the graph and the ontology into a new Oxigraph store at ``folder``.

    Args:
        abox: the graph built by ``kg build``, its N-Triples (bytes, as
            :func:`kg.graph.serialize` writes them: Oxigraph's own writer, far
            faster than rdflib's for a large graph), or the N-Quads shards the
            build's workers wrote (:func:`kg.validate.write_and_validate`),
            each bulk-loaded from its file.
        tbox: the kg ontology (loaded too, so that ``rdfs:subClassOf*`` paths work).
        folder: the store folder; an earlier store there is replaced.

    Returns:
        The number of triples loaded.

    Raises:
        OSError: when the folder cannot be written; an earlier store is left intact.
    """
    import pyoxigraph as ox

    from . import __version__

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
        store.bulk_load(tbox.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
                        to_graph=ox.NamedNode(str(ONTOLOGY_IRI)))
        store.flush()
        count = len(store)
        del store
        (tmp / MARKER).write_text(json.dumps({"kg": __version__, "triples": count}, indent=1) + "\n",
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

    The graph is the store's default graph; the ontology is in the named graph
    ``<https://w3id.org/kg-news/ontology>``. The rdflib ``Dataset`` returned
    has the union of both as its default graph, so that queries see
    ``rdfs:subClassOf`` as with a graph file loaded with the ontology.

    A store is for reading with SPARQL only: Oxigraph keeps integers of derived
    datatypes as ``xsd:integer`` (``"12"^^xsd:nonNegativeInteger`` comes back
    as ``"12"^^xsd:integer``), so exporting or validating a store would not
    give the graph's exact terms. Those commands read ``graph.ttl``.

    Raises:
        InputError: E104 when ``folder`` is not a kg store, E105 when it cannot be opened.
    """
    import pyoxigraph as ox
    from oxrdflib import OxigraphStore
    from rdflib import Dataset

    if not is_store(folder):
        raise InputError(Errors.E104, path=folder)
    try:
        inner = OxigraphStore(store=ox.Store.read_only(str(folder / "oxigraph")))
    except OSError as exc:
        raise InputError(Errors.E105, path=folder, error=exc) from exc
    return Dataset(store=inner, default_union=True)


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
