"""``kg serve`` under concurrent load (issue 18, goal 3): a real server process, many clients at once.

The bounded load test is what CI runs of ``benchmarks/bench_serve_load.py``: a
freshly started server (no query answered yet) and 8 clients released together
by a barrier, so that the server's first SPARQL parses run in several threads
at once, which broke rdflib's parser for the life of the process
(RDFLib/rdflib#1282) and closed every connection without a response.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from .test_serve import CQS, _start, _stop

CLIENTS = 8
REQUESTS = 25  # per client


def _post(base: str, query: str, timeout: float = 30) -> tuple[int, str, bytes]:
    """POST a query form to BASE/sparql; returns (status, Content-Type, body). Raises on a connection without a response."""
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    try:
        conn.request("POST", "/sparql", body=urllib.parse.urlencode({"query": query}),
                     headers={"Content-Type": "application/x-www-form-urlencoded",
                              "Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        return resp.status, resp.getheader("Content-Type", ""), resp.read()
    finally:
        conn.close()


def _load(base: str, clients: int, requests: int, queries: list[str]) -> list[str]:
    """Run CLIENTS threads released together, each posting REQUESTS queries (client i starts at query i).

    Returns one problem per request that did not get a 200 with a SPARQL JSON results document.
    """
    barrier = threading.Barrier(clients)
    problems: list[str] = []

    def client(i: int) -> None:
        barrier.wait()
        for j in range(requests):
            query = queries[(i + j) % len(queries)]
            try:
                status, media, body = _post(base, query)
            except (OSError, http.client.HTTPException) as exc:  # e.g. RemoteDisconnected: no response at all
                problems.append(f"client {i} request {j}: no HTTP response ({type(exc).__name__}: {exc})")
                continue
            if status != 200 or not media.startswith("application/sparql-results+json"):
                problems.append(f"client {i} request {j}: {status} {media} {body[:200]!r}")
                continue
            doc = json.loads(body)
            if not isinstance(doc["head"]["vars"], list) or not isinstance(doc["results"]["bindings"], list):
                problems.append(f"client {i} request {j}: not a SPARQL JSON results document")

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return problems


def test_a_fresh_server_answers_every_request_of_concurrent_clients(seeds_build, tmp_path):
    """8 clients x 25 competency queries at once on a server that has not parsed a query yet: 200 answers, no error."""
    log = tmp_path / "serve.err"
    with log.open("w") as err:  # a file, not a pipe: a server writing tracebacks must not block on a full pipe
        proc, url = _start(str(seeds_build), "-q", stderr=err)
        try:
            started = time.monotonic()
            problems = _load(url, CLIENTS, REQUESTS, [p.read_text(encoding="utf-8") for p in CQS])
            elapsed = time.monotonic() - started
        finally:
            _stop(proc)
    assert problems == [], f"{len(problems)} of {CLIENTS * REQUESTS} failed; first: {problems[:3]}"
    assert elapsed < 120
    assert proc.returncode == 0
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_a_query_at_its_time_limit_does_not_delay_the_others(seeds_build):
    """While a runaway query runs to the server's 4 s limit, fast queries are answered at once."""
    proc, url = _start(str(seeds_build), "--timeout", "4", "-q")
    slow: dict = {}

    def runaway() -> None:
        started = time.monotonic()
        slow["status"], _, slow["body"] = _post(url, "SELECT (COUNT(*) AS ?n) WHERE "
                                                     "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
        slow["done"] = time.monotonic()
        slow["took"] = slow["done"] - started

    try:
        fast_query = CQS[1].read_text(encoding="utf-8")
        assert _post(url, fast_query)[0] == 200  # prepared once, as the runaway will be
        thread = threading.Thread(target=runaway)
        thread.start()
        time.sleep(0.5)  # the runaway is in its worker now
        times = []
        for _ in range(5):
            started = time.monotonic()
            status, _, _ = _post(url, fast_query)
            times.append(time.monotonic() - started)
            assert status == 200
        fast_done = time.monotonic()
        thread.join()
    finally:
        _stop(proc)
    assert slow["status"] == 503 and b"E047" in slow["body"]
    assert 3.5 < slow["took"] < 30
    assert fast_done < slow["done"], (times, slow["took"])  # all five answered while the runaway ran
    assert max(times) < 2.0, times


def test_an_unexpected_failure_is_a_500_with_a_message_not_a_closed_connection(seeds_build):
    """Whatever fails inside the handler, the client gets an HTTP error naming it, and the server goes on."""
    from kg.serve.endpoint import make_server

    lines: list[str] = []
    server = make_server(seeds_build, 0, timeout=0, log=lines.append)
    endpoint = server.RequestHandlerClass.endpoint
    answer = endpoint.answer

    def broken(*_args):
        raise RuntimeError("simulated fault 7731")

    endpoint.answer = broken
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        status, media, body = _post(base, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
        assert status == 500 and media.startswith("text/plain")
        assert b"RuntimeError" in body and b"simulated fault 7731" in body
        assert any("simulated fault 7731" in line for line in lines)
        endpoint.answer = answer
        status, _, body = _post(base, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
        assert status == 200 and json.loads(body)["results"]["bindings"]
    finally:
        server.shutdown()
        server.server_close()


def test_prepared_queries_are_parsed_once_and_give_the_rows_of_a_plain_query(seeds_graph):
    """The endpoint's cache: one parse per query text; the prepared query's rows are those of graph.query(text)."""
    from kg.serve.endpoint import Endpoint

    endpoint = Endpoint(seeds_graph, timeout=0)
    text = CQS[0].read_text(encoding="utf-8")
    first = endpoint.prepare(text)
    assert endpoint.prepare(text) is first
    got = sorted(tuple(map(str, row)) for row in seeds_graph.query(first))
    want = sorted(tuple(map(str, row)) for row in seeds_graph.query(text))
    assert got == want and got
    with pytest.raises(Exception) as refused:
        endpoint.prepare("SELECT * WHERE { SERVICE <http://example.org/s> { ?s ?p ?o } }")
    assert getattr(refused.value, "code", None) == "E045"
    with pytest.raises(Exception) as unknown:
        endpoint.prepare("SELECT * WHERE { ?s nope:p ?o }")
    assert getattr(unknown.value, "code", None) == "E042"


@pytest.fixture(scope="module")
def seeds_store(seeds_build, tmp_path_factory) -> Path:
    """The seeds graph and the ontology in an Oxigraph store (as `kg build --store` writes it)."""
    from kg.query.sparql import load_graph
    from kg.rdf.store import write_store
    from kg.shacl.validate import load_tbox

    folder = tmp_path_factory.mktemp("seeds-store") / "db"
    write_store(load_graph(seeds_build / "graph.ttl", with_ontology=False), load_tbox(), folder)
    return folder


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_servers_serve_one_store_at_once_read_only(seeds_store):
    """Two `kg serve` processes open the same store together and answer concurrent clients; the store is not written."""
    before = _snapshot(seeds_store)
    first, url1 = _start(str(seeds_store), "-q")
    try:
        second, url2 = _start(str(seeds_store), "-q")  # opened while the first one holds the store
        try:
            queries = [p.read_text(encoding="utf-8") for p in CQS]
            answers: dict[str, list] = {}

            def rows_from(base: str) -> None:
                answers[base] = [sorted(json.dumps(b, sort_keys=True) for b in
                                        json.loads(_post(base, q)[2])["results"]["bindings"]) for q in queries]

            problems = []
            threads = [threading.Thread(target=lambda u=u: problems.extend(_load(u, 4, 6, queries))) for u in (url1, url2)]
            threads += [threading.Thread(target=rows_from, args=(u,)) for u in (url1, url2)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert problems == [], problems[:3]
            assert answers[url1] == answers[url2] and sum(map(len, answers[url1])) > 0
        finally:
            _stop(second)
    finally:
        _stop(first)
    assert first.returncode == 0 and second.returncode == 0
    assert _snapshot(seeds_store) == before


def test_at_most_workers_queries_run_at_once_and_the_others_wait_their_turn(seeds_graph, monkeypatch):
    """6 requests at once on an endpoint with 2 workers: every one is answered, never more than 2 queries running."""
    import kg.serve.endpoint
    from kg.serve.endpoint import Endpoint

    running, peak, guard = [0], [0], threading.Lock()

    def slow_call(fn, args, timeout, source):
        with guard:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.2)
        with guard:
            running[0] -= 1
        return b"{}"

    monkeypatch.setattr(kg.serve.endpoint, "call_with_limit", slow_call)
    endpoint = Endpoint(seeds_graph, timeout=0, workers=2)
    statuses: list[int] = []
    threads = [threading.Thread(target=lambda: statuses.append(endpoint.answer(
        "SELECT * WHERE { ?s ?p ?o } LIMIT 1", None, {}, "")[0])) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200] * 6 and peak[0] == 2
    with pytest.raises(ValueError):
        Endpoint(seeds_graph, workers=0)


def test_without_a_time_limit_concurrent_runs_of_one_query_give_its_rows(seeds_graph):
    """--timeout 0 evaluates in the server's threads: 8 threads running the same queries at once get the rows
    of a run alone (one shared rdflib Query object lost rows or raised TypeError: unhashable type: 'Expr')."""
    from kg.serve.endpoint import Endpoint

    endpoint = Endpoint(seeds_graph, timeout=0, workers=8)
    texts = [p.read_text(encoding="utf-8") for p in CQS if p.stem.startswith("cq08")]

    def rows(text: str) -> list[str]:
        status, _, body = endpoint.answer(text, None, {}, "")
        assert status == 200, body
        return sorted(json.dumps(b, sort_keys=True) for b in json.loads(body)["results"]["bindings"])

    want = [rows(t) for t in texts]
    got: list[bool] = []
    barrier = threading.Barrier(8)

    def client() -> None:
        barrier.wait()
        for _ in range(3):
            for text, rows_alone in zip(texts, want):
                try:
                    got.append(rows(text) == rows_alone)
                except AssertionError:
                    got.append(False)

    threads = [threading.Thread(target=client) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(got) == 24 and all(got) and all(want)
