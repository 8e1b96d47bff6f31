"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over one kg graph, on the loopback interface.

Implements the query operation of the SPARQL 1.1 Protocol
(https://www.w3.org/TR/sparql11-protocol/#query-operation): ``GET /sparql?query=…``,
``POST /sparql`` with ``application/x-www-form-urlencoded`` (``query=…``) or with
``application/sparql-query`` (the query as the body). Results come in the
SPARQL 1.1 result formats chosen by the ``Accept`` header or by a ``format``
(or ``output``) parameter: JSON (https://www.w3.org/TR/sparql11-results-json/),
XML (https://www.w3.org/TR/rdf-sparql-XMLres/), CSV and TSV
(https://www.w3.org/TR/sparql11-results-csv-tsv/).

Every query goes through the refusals of ``kg query`` (:func:`kg.query.sparql.check_query`:
no update form, no ``SERVICE``, no ``FROM``/``FROM NAMED``, SELECT only) and
runs under its time limit (:func:`kg.query.sparql.call_with_limit`). The protocol's
``default-graph-uri``/``named-graph-uri`` parameters, which would name other
graphs to load, are refused too. The query engine is rdflib's, the same one
``kg query`` uses, over the graph loaded together with the ontology.

``GET /`` is a home page (``kg/data/serve/index.html``) with a query editor and
the competency questions (``queries/cq*.rq``) as one-click examples.

Concurrency. The server answers each connection in a thread of its own
(``ThreadingHTTPServer``). rdflib's SPARQL parser (pyparsing) is not
thread-safe: pyparsing finds the arity of each parse action by trial on its
first calls, and threads parsing at once can settle a wrong arity for good, so
that every later parse fails with ``TypeError`` (RDFLib/rdflib#1282). Every
parse in the server therefore runs behind one lock (:data:`PARSE_LOCK`), and
each query text is checked and prepared once: :meth:`Endpoint.prepare` keeps
the outcome (rdflib's algebra for a graph file, the checked text for a store,
whose queries Oxigraph parses) in a bounded cache keyed by the text. The query
itself runs outside the lock, in a forked worker process under the time limit
(:func:`kg.query.sparql.call_with_limit`), so a query at its time limit does not delay
the others; with no time limit (``--timeout 0``) it runs in the request's
thread. At most ``workers`` queries run at once (default: the number of CPUs,
at least 2); further requests wait for a free worker, and the time limit
counts from the start of the run, not the wait. Without that bound, 16 clients
on 2 CPUs ran 16 queries at once, each 8 times slower than alone (past the time
limit for the slowest competency query on a 1,000-article graph), each in a
forked copy of the server. Any failure while answering is an HTTP error with a message (500 for
an unexpected one); no request is left without a response.
"""

from __future__ import annotations

import html
import json
import os
import threading
import traceback
from collections import OrderedDict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from rdflib import Graph

from ..errors import Errors, InputError
from ..query.sparql import DEFAULT_TIMEOUT, call_with_limit, check_query, load_graph
from ..resources import data_file, queries_dir

#: Result format name -> media type (SPARQL 1.1 result formats).
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
#: Media types accepted in an ``Accept`` header -> format name.
_ACCEPT = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
#: Largest request body read, in bytes.
MAX_BODY = 1_000_000
#: Loopback address the endpoint binds to.
HOST = "127.0.0.1"
#: Held during every SPARQL parse in the server: rdflib's parser (pyparsing) is
#: not thread-safe (RDFLib/rdflib#1282).
PARSE_LOCK = threading.Lock()
#: Number of distinct query texts whose check and preparation are kept.
CACHE_SIZE = 256


def default_workers() -> int:
    """Queries run at once by default: the CPUs this process may use, at least 2 (so that one query at its
    time limit leaves a worker for the others)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(2, cpus)


def graph_file(path: Path) -> Path:
    """The graph of GRAPH_OR_STORE, resolved as every command does it (:func:`kg.query.sparql.resolve_graph`).

    Raises:
        InputError: E100 when a folder is neither a store nor holds graph.ttl.
    """
    from ..query.sparql import resolve_graph

    return resolve_graph(path)


def examples() -> list[dict[str, str]]:
    """The competency questions as editor examples, in file-name order.

    Returns:
        One dict per ``queries/cq*.rq``: ``name`` (file stem), ``title`` (the
        first comment line without ``#``), ``query`` (the file's text).
    """
    out = []
    for path in sorted(queries_dir().glob("cq*.rq")):
        text = path.read_text(encoding="utf-8")
        first = next((ln for ln in text.splitlines() if ln.startswith("#")), f"# {path.stem}")
        out.append({"name": path.stem, "title": first.lstrip("#").strip(), "query": text})
    return out


def home_page(title: str) -> bytes:
    """The home page: ``kg/data/serve/index.html`` with the title and the examples filled in."""
    page = data_file("serve/index.html").read_text(encoding="utf-8")
    # JSON inside <script>: "<" escaped so that no "</script>" can close the element.
    data = json.dumps(examples(), ensure_ascii=False).replace("<", "\\u003c")
    return page.replace("{{title}}", html.escape(title)).replace("{{examples}}", data).encode("utf-8")


def _ox_format(fmt: str):
    """pyoxigraph's result format for a format name of :data:`MEDIA_TYPES`."""
    import pyoxigraph as ox

    return {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}[fmt]


def select(graph: Graph, text, fmt: str, source: str = "query") -> bytes:
    """Run a checked SELECT query and serialize its results with pyoxigraph's
    result serializers (SPARQL 1.1 JSON, XML, CSV and TSV).

    The rows come from rdflib's engine (a graph file) or from kg's store path
    (:mod:`kg.rdf.store`), both as rdflib's ``Result``, handed to pyoxigraph
    as SPARQL 1.1 JSON results (pyoxigraph builds result sets only by parsing).

    Args:
        graph: the graph (with the ontology).
        text: the query text (already checked by :func:`kg.query.sparql.check_query`),
            or the query prepared by :meth:`Endpoint.prepare` (rdflib's
            ``Query``, which runs without being parsed again).
        fmt: ``json``, ``xml``, ``csv`` or ``tsv``.
        source: how to name the query in messages.

    Returns:
        The results document, UTF-8.

    Raises:
        InputError: E113 when the query fails.
    """
    import pyoxigraph as ox

    try:
        result = graph.query(text)
        rows = result.serialize(format="json", encoding="utf-8") or b""
        solutions = ox.parse_query_results(rows, ox.QueryResultsFormat.JSON)
        return solutions.serialize(format=_ox_format(fmt)) or b""
    except InputError:
        raise
    except Exception as exc:  # rdflib raises many types during evaluation
        raise InputError(Errors.E113, source=source, error=exc) from exc


def result_format(accept: str, params: dict[str, list[str]]) -> str | None:
    """The result format: a ``format``/``output`` parameter, else the ``Accept`` header, else JSON.

    Returns:
        ``json``, ``xml``, ``csv``, ``tsv``, or None when only unsupported types are acceptable.
    """
    for key in ("format", "output"):
        for value in params.get(key, []):
            value = value.strip().lower()
            if value in MEDIA_TYPES:
                return value
            if value in _ACCEPT:
                return _ACCEPT[value]
    if not accept.strip():
        return "json"
    ranked = []
    for i, part in enumerate(accept.split(",")):
        media, *opts = [p.strip() for p in part.split(";")]
        q = 1.0
        for opt in opts:
            if opt.startswith("q="):
                try:
                    q = float(opt[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, media.lower()))
    for negq, _i, media in sorted(ranked):
        if negq == 0:
            continue
        if media in _ACCEPT:
            return _ACCEPT[media]
        if media in {"*/*", "application/*"}:
            return "json"
        if media == "text/*":
            return "csv"
    return None


class Endpoint:
    """What the request handler serves: one graph, its time limit and the home page.

    Safe to call from many threads at once (see the module's "Concurrency").

    Args:
        graph: the graph, loaded with the ontology, or a store opened by
            :func:`kg.rdf.store.open_store`.
        timeout: per-query time limit in seconds (0: none).
        title: shown on the home page (the graph file's name).
        workers: queries run at once (None: :func:`default_workers`).

    Raises:
        ValueError: when ``workers`` is below 1.
    """

    def __init__(self, graph: Graph, timeout: float = DEFAULT_TIMEOUT, title: str = "kg",
                 workers: int | None = None):
        from oxrdflib import OxigraphStore

        self.graph = graph
        self.timeout = timeout
        self.workers = default_workers() if workers is None else workers
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")
        self._slots = threading.BoundedSemaphore(self.workers)
        self.page = home_page(title)
        #: Whether queries run in Oxigraph (a store), which parses the text itself.
        self.native = isinstance(graph.store, OxigraphStore)
        # rdflib's Graph.query resolves prefixes with the graph's namespaces; so does a prepared query.
        self._namespaces = {} if self.native else dict(graph.namespaces())
        self._cache: OrderedDict[str, object] = OrderedDict()  # text -> prepared (never evaluated here)
        self._spare: dict[str, list] = {}  # text -> prepared copies free for an evaluation in this process
        self._cache_lock = threading.Lock()
        _warm_up()

    def prepare(self, text: str):
        """Check a query (:func:`kg.query.sparql.check_query`) and prepare it to run, once per text.

        Parsing runs behind :data:`PARSE_LOCK`; the outcome is kept for the
        last :data:`CACHE_SIZE` distinct texts (refusals are not kept).

        Returns:
            rdflib's prepared ``Query`` (a graph file), or ``text`` itself (a
            store: Oxigraph parses it).

        Raises:
            InputError: as :func:`kg.query.sparql.check_query`; E042 also when rdflib
                cannot prepare it (an unknown prefix).
        """
        with self._cache_lock:
            if text in self._cache:
                self._cache.move_to_end(text)
                return self._cache[text]
        with PARSE_LOCK:
            check_query(text, "query")
            prepared = text if self.native else self._parse(text)
        with self._cache_lock:
            self._cache[text] = prepared
            while len(self._cache) > CACHE_SIZE:
                evicted, _ = self._cache.popitem(last=False)
                self._spare.pop(evicted, None)
        return prepared

    def _parse(self, text: str):
        """rdflib's prepared query for ``text`` (call with :data:`PARSE_LOCK` held)."""
        from rdflib.plugins.sparql import prepareQuery

        try:
            return prepareQuery(text, initNs=self._namespaces)
        except Exception as exc:  # rdflib raises plain Exception for an unknown prefix, etc.
            raise InputError(Errors.E042, source="query", error=exc) from exc

    def run(self, text: str, prepared, fmt: str) -> bytes:
        """Run a prepared query under the time limit, at most ``workers`` at once; returns the results document.

        rdflib's evaluation changes a prepared query's algebra as it goes, so one
        ``Query`` object must not be evaluated by two threads at once (rows were
        lost, or ``TypeError: unhashable type: 'Expr'``). A forked worker
        evaluates its own copy; with no time limit, each evaluation in this
        process takes a copy of its own, reused by later requests one at a time.

        Raises:
            InputError: E113 when the query fails; E047 at the time limit.
        """
        with self._slots:
            if self.timeout or self.native:
                return call_with_limit(select, (self.graph, prepared, fmt), self.timeout, "query")
            with self._cache_lock:
                spare = self._spare.get(text)
                mine = spare.pop() if spare else None
            if mine is None:
                with PARSE_LOCK:
                    mine = self._parse(text)
            try:
                return call_with_limit(select, (self.graph, mine, fmt), self.timeout, "query")
            finally:
                with self._cache_lock:
                    if text in self._cache:
                        self._spare.setdefault(text, []).append(mine)

    def answer(self, query: str | None, update: str | None, params: dict[str, list[str]],
               accept: str) -> tuple[int, str, bytes]:
        """Answer one protocol request.

        Returns:
            (HTTP status, media type, body). 400 for a missing or malformed query
            or a dataset parameter; 403 for a refused query (update form, SERVICE,
            FROM); 406 for an unsupported result format; 503 at the time limit.
        """
        if params.get("default-graph-uri") or params.get("named-graph-uri") \
                or params.get("using-graph-uri") or params.get("using-named-graph-uri"):
            return _text(403, "default-graph-uri and named-graph-uri are refused: the endpoint reads only its own "
                         "graph and never fetches anything.")
        text = query if query is not None else update
        if not text or not text.strip():
            return _text(400, "no query: send ?query=... (GET), a form field query=... or an "
                         "application/sparql-query body (POST).")
        try:
            prepared = self.prepare(text)
            if update is not None:  # a SELECT sent as an update: still not an update
                return _text(403, "query: the endpoint is read-only; send queries as query=..., not update=...")
            fmt = result_format(accept, params)
            if fmt is None:
                return _text(406, f"none of the acceptable types ({accept}) is a supported result format; "
                             "accept " + ", ".join(MEDIA_TYPES.values()) + ".")
            body = self.run(text, prepared, fmt)
        except InputError as exc:
            status = {"E045": 403, "E114": 403, "E047": 503}.get(exc.code, 400)
            return _text(status, str(exc))
        return 200, MEDIA_TYPES[fmt] + "; charset=utf-8", body


def _warm_up() -> None:
    """Import the result serializers once in the server process, so that forked workers do not import them per query."""
    import pyoxigraph  # noqa: F401
    from rdflib import plugin
    from rdflib.query import ResultSerializer

    plugin.get("json", ResultSerializer)


def _text(status: int, message: str) -> tuple[int, str, bytes]:
    return status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol query operation (GET and POST) plus the home page."""

    endpoint: Endpoint
    log = None  # callable(str) or None
    server_version = "kg-serve"

    def _send(self, status: int, media: str, body: bytes) -> None:
        self._sent = True
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _guarded(self, respond) -> None:
        """Call ``respond()``; any exception it raises becomes a 500 response with a message, if nothing was sent yet."""
        self._sent = False
        try:
            respond()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client left; there is no one to answer
        except Exception as exc:  # never close a connection without an HTTP response
            if self.log is not None:
                self.log(f"{self.address_string()} internal error: " + "".join(
                    traceback.format_exception_only(type(exc), exc)).strip())
            if not self._sent:
                self._send(*_text(500, f"internal error while answering ({type(exc).__name__}: {exc}); "
                                  "the endpoint is still running; please report this."))

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self._guarded(self._get)

    def do_POST(self) -> None:  # noqa: N802
        self._guarded(self._post)

    def _get(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path in {"/", "/index.html"} and "query" not in params:
            self._send(200, "text/html; charset=utf-8", self.endpoint.page)
        elif url.path == "/sparql":
            if "update" in params:
                self._send(*_text(403, "SPARQL Update is refused: the endpoint is read-only."))
                return
            query = params.get("query", [None])[0]
            self._send(*self.endpoint.answer(query, None, params, self.headers.get("Accept", "")))
        else:
            self._send(*_text(404, f"{url.path}: not found; the endpoint is /sparql and the editor is /."))

    do_HEAD = do_GET

    def _post(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._send(*_text(404, f"{url.path}: not found; POST queries to /sparql."))
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self._send(*_text(413, f"request body must be between 0 and {MAX_BODY} bytes."))
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        params = parse_qs(url.query, keep_blank_values=True)
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        query = update = None
        if media == "application/x-www-form-urlencoded":
            form = parse_qs(body, keep_blank_values=True)
            params = {**params, **form}
            query = form.get("query", [None])[0]
            update = form.get("update", [None])[0]
        elif media == "application/sparql-query":
            query = body
        elif media == "application/sparql-update":
            update = body
        else:
            self._send(*_text(415, f"Content-Type {media or '(none)'} is not supported; use "
                              "application/x-www-form-urlencoded or application/sparql-query."))
            return
        if update is not None and query is None:
            self._send(*_text(403, "SPARQL Update is refused: the endpoint is read-only."))
            return
        self._send(*self.endpoint.answer(query, None, params, self.headers.get("Accept", "")))

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's name)
        if self.log is not None:
            self.log(f"{self.address_string()} {format % args}")


class Server(ThreadingHTTPServer):
    """The HTTP server: one daemon thread per connection, a listen backlog for bursts of clients, and one log
    line (not a traceback on stderr) for a connection that fails outside a request handler."""

    daemon_threads = True
    request_queue_size = 128
    log = None  # callable(str) or None

    def handle_error(self, request, client_address) -> None:
        import sys

        exc = sys.exc_info()[1]
        if self.log is not None and exc is not None:
            self.log(f"{client_address[0]} connection failed: {type(exc).__name__}: {exc}")


def make_server(path: Path, port: int = 0, timeout: float = DEFAULT_TIMEOUT, log=None,
                workers: int | None = None) -> Server:
    """Load a graph and bind an endpoint to ``127.0.0.1:port`` (0: a free port); call ``serve_forever()``.

    Args:
        path: a graph file, a ``kg build`` output folder or a store folder (``kg build --store``).
        port: TCP port; 0 lets the system choose a free one (``server.server_port``).
        timeout: per-query time limit in seconds (0: none).
        log: callable taking one line per request, or None for silence.
        workers: queries run at once (None: :func:`default_workers`).

    Raises:
        InputError: as :func:`kg.query.sparql.load_graph` for a missing or invalid graph; E130 when the port
            cannot be bound.
    """
    file = graph_file(path)
    endpoint = Endpoint(load_graph(file), timeout, title=file.name, workers=workers)
    handler = type("KgHandler", (Handler,), {"endpoint": endpoint, "log": staticmethod(log) if log else None})
    try:
        server = Server((HOST, port), handler)
    except OSError as exc:
        raise InputError(Errors.E130, host=HOST, port=port, reason=exc.strerror) from exc
    server.log = log
    return server
