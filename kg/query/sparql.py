"""Run SPARQL SELECT queries (competency questions or user files) over a kg graph.

A query is a file of any name, or one of ``queries/`` by its name without
``.rq`` (``cq01-policies``) or an id prefix (``cq01``). The graph
is loaded together with the ontology so that ``rdfs:subClassOf*`` paths work
(SPARQL 1.1 property paths, https://www.w3.org/TR/sparql11-query/#propertypaths).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph, Literal, URIRef, Variable
from rdflib.namespace import RDFS

from ..errors import Errors, InputError
from ..resources import ontology_file, queries_dir


def resolve_query(name_or_file: str) -> Path:
    """Path of a query given by name, id prefix or file.

    Any existing file is a query file, whatever its name or extension
    (``q.sparql``, ``/tmp/q.rq``, ``/dev/stdin``); anything else must name one
    query of ``queries/``: the file's stem (``cq01-policies``) or a prefix
    that only one stem starts with (``cq01``).

    Raises:
        InputError: E040 when a path names no file; E043 when no query has
            that name, or the prefix fits more than one query.
    """
    path = Path(name_or_file)
    if path.exists() and not path.is_dir():
        return path
    qdir = queries_dir()
    known = sorted(p for p in qdir.iterdir() if p.suffix == ".rq")
    exact = [p for p in known if p.stem == name_or_file]
    matches = exact or [p for p in known if p.stem.startswith(name_or_file)]
    if len(matches) == 1:
        return matches[0]
    names = ", ".join(p.stem for p in known)
    if "/" in name_or_file or path.suffix:
        raise InputError(Errors.E040, path=name_or_file, names=names)
    raise InputError(Errors.E043, name=name_or_file, names=names)


def resolve_graph(path: Path) -> Path:
    """What a command that reads a graph reads, given GRAPH: a graph file (any
    RDF syntax, by its extension), a store folder (``kg build --store``), or a
    ``kg build`` output folder (its ``graph.ttl``). Every command that reads a
    graph resolves its argument here.

    Raises:
        InputError: E100 when a folder is neither a store nor holds graph.ttl.
    """
    from ..rdf.store import is_store

    path = Path(path)
    if is_store(path):
        return path
    if path.is_dir():
        inside = path / "graph.ttl"
        if inside.is_file():
            return inside
        raise InputError(Errors.E100, path=path)
    return path


def load_graph(path: Path, with_ontology: bool = True) -> Graph:
    """Parse a graph file (format from the extension), plus the ontology.

    ``path`` is resolved by :func:`resolve_graph`: a ``kg build`` output
    folder stands for its ``graph.ttl``. It may also be a store folder written by ``kg build --store``
    (:mod:`kg.rdf.store`), opened read-only, when ``with_ontology`` (queries then
    run in Oxigraph); a store is refused otherwise (E101).

    Nothing is fetched: ``owl:imports`` is never followed (rdflib does not),
    an XML file with a DOCTYPE or ENTITY declaration is refused before parsing
    (:func:`refuse_dtd`) and so is a JSON-LD file that names a remote context
    (:func:`refuse_remote_context`).

    Raises:
        InputError: E041 when the file is missing; E102 when it is not valid
            RDF; E103 for JSON-LD that is not valid JSON; E048 for
            a DOCTYPE or ENTITY declaration; E049 for a remote JSON-LD context.
    """
    from rdflib.util import guess_format

    from ..rdf.store import is_store, open_store

    path = resolve_graph(path)
    if is_store(path):
        if not with_ontology:
            raise InputError(Errors.E101, path=path)
        return open_store(path)
    if not path.is_file():
        raise InputError(Errors.E041, path=path)
    fmt = guess_format(str(path)) or "turtle"
    if fmt in {"xml", "trix"}:
        refuse_dtd(path)
    elif fmt == "json-ld":
        refuse_remote_context(path)
    g = Graph()
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise InputError(Errors.E102, path=path, error=exc) from exc
    if with_ontology:
        g.parse(ontology_file(), format="turtle")
    return g


class _Stop(Exception):
    """Raised by the expat handlers to stop scanning."""


def refuse_dtd(path: Path) -> None:
    """Refuse an XML file (RDF/XML, TriX) that declares a DOCTYPE or an ENTITY.

    Entity expansion is how "billion laughs" and external-entity attacks work;
    RDF/XML has no need for a DTD. The file is scanned with expat up to its
    first element, so the refusal comes before any RDF parsing.

    Raises:
        InputError: E048 naming the file.
    """
    import xml.parsers.expat

    def doctype(*_args):
        raise _Stop("DOCTYPE")

    def entity(*_args):
        raise _Stop("ENTITY")

    def element(*_args):
        raise _Stop("")

    parser = xml.parsers.expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.StartElementHandler = element
    try:
        with path.open("rb") as fh:
            parser.ParseFile(fh)
    except _Stop as stop:
        if str(stop):
            raise InputError(Errors.E048, path=path, declaration=stop) from None
    except xml.parsers.expat.ExpatError as exc:
        raise InputError(Errors.E102, path=path, error=exc) from exc


def refuse_remote_context(path: Path) -> None:
    """Refuse a JSON-LD file whose ``@context`` (or ``@import``) names a
    document instead of holding the context inline: rdflib would fetch it
    (JSON-LD 1.1 section 3.1, https://www.w3.org/TR/json-ld11/#the-context).

    Raises:
        InputError: E049 naming the file and the context IRI; E103 for bad JSON.
    """
    try:
        data = json.loads(path.read_bytes())
    except (ValueError, OSError) as exc:
        raise InputError(Errors.E103, path=path, error=exc) from exc
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in {"@context", "@import"}:
                    for ctx in value if isinstance(value, list) else [value]:
                        if isinstance(ctx, str):
                            raise InputError(Errors.E049, path=path, context=ctx)
                stack.append(value)


#: Parse-tree nodes that make rdflib reach outside the loaded graph.
_REMOTE_NODES = {"ServiceGraphPattern": "SERVICE", "DatasetClause": "FROM / FROM NAMED"}
#: Default time limit of ``kg query`` in seconds.
DEFAULT_TIMEOUT = 60.0


def check_query(text: str, source: Path | str) -> set[str]:
    """Refuse a query that is not a plain SELECT over the loaded graph,
    before anything runs, by inspecting rdflib's SPARQL parse tree.

    Refused: every update form (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD,
    MOVE, COPY; SPARQL 1.1 Update section 3), ``SERVICE`` (federated query,
    which rdflib would send over HTTP) and ``FROM`` / ``FROM NAMED`` (which
    rdflib would load from the IRI, remote or ``file:``), and ASK, CONSTRUCT
    and DESCRIBE.

    Returns:
        The names of the query's variables (for ``--param``).

    Raises:
        InputError: E042 when the query does not parse; E110 when it is not
            a SELECT; E114 for an update form; E045 for SERVICE, FROM or
            FROM NAMED.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        tree = parseQuery(text)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except ParseException:
            raise InputError(Errors.E042, source=source, error=exc) from None
        raise InputError(Errors.E114, source=source) from None
    variables: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name in _REMOTE_NODES:
                raise InputError(Errors.E045, source=source, what=_REMOTE_NODES[node.name])
            stack.extend(node.values())
        elif isinstance(node, Variable):
            variables.add(str(node))
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)
    if tree[1].name != "SelectQuery":
        raise InputError(Errors.E110, source=source)
    return variables


def run(graph: Graph, query_path: Path, params: dict[str, str] | None = None,
        timeout: float | None = None) -> tuple[list[str], list[list[str | None]]]:
    """Run the SELECT query in the file ``query_path`` (UTF-8) with :func:`run_text`.

    Raises:
        InputError: E111 when the file cannot be read; otherwise as :func:`run_text`.
    """
    try:
        text = Path(query_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Errors.E111, path=query_path, error=exc) from exc
    return run_text(graph, text, query_path, params, timeout)


def run_text(graph: Graph, text: str, source: Path | str, params: dict[str, str] | None = None,
             timeout: float | None = None) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT query given as text, checked first by :func:`check_query`.

    Args:
        graph: the graph to query.
        text: the query.
        source: how to name the query in messages (its file, ``<stdin>``, ``-e``).
        params: variable name (without ``?``) -> value; each value is bound
            as a plain literal through rdflib's ``initBindings``, never pasted
            into the query text.
        timeout: seconds after which the query is stopped (it runs in a
            forked worker process that is killed); None or 0 for no limit.

    Returns:
        (column names, rows); IRIs are shown by their ``rdfs:label`` when they
        have one, other terms as strings, and an unbound value is None.

    Raises:
        InputError: as :func:`check_query` when the query is refused; E046
            for a parameter the query does not use; E047 when the time limit
            is reached; E113 when evaluating it fails.
    """
    variables = check_query(text, source)
    bindings = {}
    for name, value in (params or {}).items():
        if name not in variables:
            raise InputError(Errors.E046, source=source, name=name)
        bindings[Variable(name)] = Literal(value)
    return call_with_limit(_run, (graph, text, bindings, source), timeout, source)


def call_with_limit(fn, args: tuple, timeout: float | None, source: Path | str):
    """Call ``fn(*args)`` in a forked worker process that is killed after ``timeout`` seconds.

    Used by :func:`run` (``kg query --timeout``) and by ``kg serve`` (the
    endpoint's per-query time limit). ``fn`` reports bad input by raising
    :class:`InputError`; its return value must be picklable.

    Args:
        fn: the function to call.
        args: its positional arguments.
        timeout: seconds; None or 0 calls ``fn`` in this process with no limit.
        source: how to name the query in messages (its file, or the request).

    Returns:
        What ``fn`` returns.

    Raises:
        InputError: what ``fn`` raised (same code and message); E047 when the
            time limit is reached; E112 when the worker dies, E113 when ``fn``
            fails.
    """
    if not timeout:
        return fn(*args)
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    worker = ctx.Process(target=_worker, args=(sender, fn, args, source), daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise InputError(Errors.E047, source=source, timeout=timeout)
        try:
            status, payload = receiver.recv()
        except EOFError:
            raise InputError(Errors.E112, source=source, exitcode=worker.exitcode) from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()
    if status == "error":
        code, message = payload
        raise InputError(code, message)
    return payload


def _worker(sender, fn, args, source) -> None:
    try:
        sender.send(("ok", fn(*args)))
    except InputError as exc:
        sender.send(("error", (exc.code, exc.message)))
    except BaseException as exc:  # report anything to the parent
        failed = InputError(Errors.E113, source=source, error=exc)
        sender.send(("error", (failed.code, failed.message)))
    finally:
        sender.close()


def _run(graph: Graph, text: str, bindings: dict, query_path: Path | str) -> tuple[list[str], list[list[str | None]]]:
    from ..rdf.store import run_select

    try:
        result = run_select(graph, text, bindings)
        cols = [str(v) for v in result.vars]
        raw = list(result)
    except Exception as exc:
        raise InputError(Errors.E113, source=query_path, error=exc) from exc
    rows: list[list[str | None]] = []
    for row in raw:
        out: list[str | None] = []
        for term in row:
            if isinstance(term, URIRef):
                label = graph.value(term, RDFS.label)
                out.append(str(label) if label is not None else str(term))
            else:
                out.append(None if term is None else str(term))
        rows.append(out)
    return cols, rows


def render(cols: list[str], rows: Sequence[Sequence[str | None]], fmt: str) -> str:
    """Render rows as ``csv``, ``json`` (a list of objects) or ``table`` text.

    An unbound value (None) is ``null`` in JSON and an empty cell in CSV and
    in the table.
    """
    if fmt == "json":
        return json.dumps([dict(zip(cols, r)) for r in rows], indent=2, ensure_ascii=False) + "\n"
    cells = [["" if v is None else v for v in r] for r in rows]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        w.writerows(cells)
        return buf.getvalue()
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    return "\n".join(lines) + "\n"
