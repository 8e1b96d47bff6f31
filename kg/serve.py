"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over one kg graph, on the loopback interface.

Implements the query operation of the SPARQL 1.1 Protocol
(https://www.w3.org/TR/sparql11-protocol/#query-operation): ``GET /sparql?query=…``,
``POST /sparql`` with ``application/x-www-form-urlencoded`` (``query=…``) or with
``application/sparql-query`` (the query as the body). Results come in the
SPARQL 1.1 result formats chosen by the ``Accept`` header or by a ``format``
(or ``output``) parameter: JSON (https://www.w3.org/TR/sparql11-results-json/),
XML (https://www.w3.org/TR/rdf-sparql-XMLres/), CSV and TSV
(https://www.w3.org/TR/sparql11-results-csv-tsv/).

Every query goes through the refusals of ``kg query`` (:func:`kg.query.check_query`:
no update form, no ``SERVICE``, no ``FROM``/``FROM NAMED``, SELECT only) and
runs under its time limit (:func:`kg.query.call_with_limit`). The protocol's
``default-graph-uri``/``named-graph-uri`` parameters, which would name other
graphs to load, are refused too. The query engine is rdflib's, the same one
``kg query`` uses, over the graph loaded together with the ontology.

``GET /`` is a home page (``kg/data/serve/index.html``) with a query editor and
the competency questions (``queries/cq*.rq``) as one-click examples.
"""

from __future__ import annotations

import html
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from rdflib import BNode, Graph, Literal, URIRef

from .errors import InputError
from .query import DEFAULT_TIMEOUT, call_with_limit, check_query, load_graph
from .resources import data_file, queries_dir

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


def graph_file(path: Path) -> Path:
    """The graph of GRAPH_OR_STORE, resolved as every command does it (:func:`kg.query.resolve_graph`).

    Raises:
        InputError: E041 when a folder is neither a store nor holds graph.ttl.
    """
    from .query import resolve_graph

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


def _tsv_term(term) -> str:
    r"""A term in TSV (SPARQL 1.1 CSV/TSV section 3.2): Turtle syntax, with tab and newline escaped.

    >>> _tsv_term(Literal("a\tb")), _tsv_term(URIRef("urn:x")), _tsv_term(None)
    ('"a\\tb"', '<urn:x>', '')
    """
    if term is None:
        return ""
    if isinstance(term, Literal):
        lexical = str(term)
        for raw, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
            lexical = lexical.replace(raw, escaped)
        if term.language:
            return f'"{lexical}"@{term.language}'
        if term.datatype is not None:
            return f'"{lexical}"^^<{term.datatype}>'
        return f'"{lexical}"'
    if isinstance(term, (URIRef, BNode)):
        return term.n3()
    return str(term)


def select(graph: Graph, text: str, fmt: str, source: str = "query") -> bytes:
    """Run a checked SELECT query and serialize its results.

    Args:
        graph: the graph (with the ontology).
        text: the query text (already checked by :func:`kg.query.check_query`).
        fmt: ``json``, ``xml``, ``csv`` or ``tsv``.
        source: how to name the query in messages.

    Returns:
        The results document, UTF-8.

    Raises:
        InputError: E042 when the query fails.
    """
    try:
        result = graph.query(text)
        if fmt != "tsv":
            return result.serialize(format=fmt, encoding="utf-8")
        names = [str(v) for v in result.vars]
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join(_tsv_term(row[i]) for i in range(len(names))) for row in result]
        return ("\n".join(lines) + "\n").encode("utf-8")
    except InputError:
        raise
    except Exception as exc:  # rdflib raises many types during evaluation
        raise InputError("E042", f"{source}: query failed ({exc}).") from exc


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

    Args:
        graph: the graph, loaded with the ontology.
        timeout: per-query time limit in seconds (0: none).
        title: shown on the home page (the graph file's name).
    """

    def __init__(self, graph: Graph, timeout: float = DEFAULT_TIMEOUT, title: str = "kg"):
        self.graph = graph
        self.timeout = timeout
        self.page = home_page(title)

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
            check_query(text, "query")
            if update is not None:  # a SELECT sent as an update: still not an update
                return _text(403, "query: the endpoint is read-only; send queries as query=..., not update=...")
            fmt = result_format(accept, params)
            if fmt is None:
                return _text(406, f"none of the acceptable types ({accept}) is a supported result format; "
                             "accept " + ", ".join(MEDIA_TYPES.values()) + ".")
            body = call_with_limit(select, (self.graph, text, fmt), self.timeout, "query")
        except InputError as exc:
            status = {"E045": 403, "E047": 503}.get(exc.code, 400)
            return _text(status, str(exc))
        return 200, MEDIA_TYPES[fmt] + "; charset=utf-8", body


def _text(status: int, message: str) -> tuple[int, str, bytes]:
    return status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol query operation (GET and POST) plus the home page."""

    endpoint: Endpoint
    log = None  # callable(str) or None
    server_version = "kg-serve"

    def _send(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
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

    def do_POST(self) -> None:  # noqa: N802
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


def make_server(path: Path, port: int = 0, timeout: float = DEFAULT_TIMEOUT, log=None) -> ThreadingHTTPServer:
    """Load a graph and bind an endpoint to ``127.0.0.1:port`` (0: a free port); call ``serve_forever()``.

    Args:
        path: a graph file or a ``kg build`` output folder.
        port: TCP port; 0 lets the system choose a free one (``server.server_port``).
        timeout: per-query time limit in seconds (0: none).
        log: callable taking one line per request, or None for silence.

    Raises:
        InputError: E041 for a missing or invalid graph; E050 when the port cannot be bound.
    """
    file = graph_file(path)
    endpoint = Endpoint(load_graph(file), timeout, title=file.name)
    handler = type("KgHandler", (Handler,), {"endpoint": endpoint, "log": staticmethod(log) if log else None})
    try:
        server = ThreadingHTTPServer((HOST, port), handler)
    except OSError as exc:
        raise InputError("E050", f"cannot listen on {HOST}:{port} ({exc.strerror}); pick another --port, "
                         "or 0 for any free port.") from exc
    server.daemon_threads = True
    return server
