"""kg fetch (issue 16): pages and feed items from a loopback HTTP server,
robots.txt, the User-Agent, per-host spacing, timeouts and per-URL errors;
kg build of the fetched corpus without the network."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

import kg.io.fetch
from kg import __version__
from kg.cli import app
from kg.io.fetch import HostLimiter, file_name

from ..conftest import ROOT

WEB = ROOT / "tests" / "fixtures" / "web"
#: Seconds between two requests to one host in these tests (kg's default is 1 s).
INTERVAL = 0.05


class _Site:
    """What the loopback server serves (path -> (status, content type, body)) and the requests it saw."""

    def __init__(self):
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.log: list[tuple[float, str, str]] = []  # (time, path, User-Agent)
        self.lock = threading.Lock()


@pytest.fixture(scope="module")
def site():
    state = _Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            with state.lock:
                state.log.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
            if self.path == "/slow.html":
                time.sleep(1.0)
            status, ctype, body = state.routes.get(self.path, (404, "text/plain", b"not found"))
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:  # the client gave up (timeout test)
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def served(site, monkeypatch):
    """The site with its standard pages, an empty log, and a short request interval."""
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(kg.io.fetch, "REQUEST_INTERVAL", INTERVAL)
    feed = (WEB / "feed.xml").read_text(encoding="utf-8").replace("{base}", site.base).encode("utf-8")
    site.routes.clear()
    site.routes.update({
        "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
        "/news/zentrix.html": (200, "text/html; charset=utf-8", (WEB / "zentrix.html").read_bytes()),
        "/news/velloran.html": (200, "text/html; charset=iso-8859-1", (WEB / "velloran.html").read_bytes()),
        "/private/secret.html": (200, "text/html", b"<html><body><p>secret</p></body></html>"),
        "/feed.xml": (200, "application/rss+xml", feed),
        "/slow.html": (200, "text/html", b"<html><body><p>late</p></body></html>"),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.4"),
    })
    site.log.clear()
    return site


def _rows(corpus) -> list[dict]:
    return [json.loads(line) for line in (corpus / "metadata.jsonl").read_text(encoding="utf-8").splitlines()]


def test_feed_items_are_saved_with_rows_robots_obeyed_and_kg_named(runner, served, tmp_path):
    corpus = tmp_path / "corpus"
    result = runner.invoke(app, ["fetch", f"{served.base}/feed.xml", "-o", str(corpus)])
    assert result.exit_code == 1, result.output  # the item robots.txt forbids failed, the others were saved
    out = " ".join(result.output.split())
    assert f"{served.base}/private/secret.html: robots.txt of 127.0.0.1:" in out and "does not allow kg" in out
    assert "fetched 2 page(s)" in out and "1 failed" in out
    paths = [path for _, path, _ in served.log]
    assert paths.count("/robots.txt") == 1 and "/private/secret.html" not in paths
    assert paths == ["/robots.txt", "/feed.xml", "/news/zentrix.html", "/news/velloran.html"]
    assert all(agent.startswith(f"kg/{__version__} ") for _, _, agent in served.log)
    times = [t for t, _, _ in served.log]
    assert all(b - a >= INTERVAL * 0.9 for a, b in zip(times, times[1:]))  # one host: spaced
    rows = _rows(corpus)
    assert [r["file"] for r in rows] == sorted(file_name(f"{served.base}/news/{n}.html") for n in ("zentrix", "velloran"))
    by_url = {r["url"]: r for r in rows}
    zentrix = by_url[f"{served.base}/news/zentrix.html"]
    assert zentrix == {"file": file_name(f"{served.base}/news/zentrix.html"), "headline": "Zentrix Corp bans Quorra Chat",
                       "publisher": "The Harbor Ledger", "published": "2025-03-04",
                       "url": f"{served.base}/news/zentrix.html"}
    assert (corpus / zentrix["file"]).read_bytes() == (WEB / "zentrix.html").read_bytes()
    velloran = (corpus / by_url[f"{served.base}/news/velloran.html"]["file"]).read_bytes()
    assert "Renée Dubois".encode() in velloran  # the server named ISO-8859-1: saved as UTF-8


def test_the_fetched_corpus_builds_without_the_network(runner, served, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    assert runner.invoke(app, ["fetch", f"{served.base}/feed.xml", "-o", str(corpus)]).exit_code == 1

    def no_network(*args, **kwargs):
        raise AssertionError("kg build used the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "decoded as" not in result.output  # saved as UTF-8
    g = Graph().parse(out / "graph.ttl")
    name = file_name(f"{served.base}/news/zentrix.html")
    article = URIRef("https://w3id.org/kg-news/id/article/" + name[:-5])
    assert str(g.value(article, DCTERMS.issued)) == "2025-03-04"  # from the feed's row
    assert str(g.value(article, DCTERMS.publisher)) == "The Harbor Ledger"
    assert "Quorra Chat from March 3, 2025" in (out / "texts" / f"{name[:-5]}.txt").read_text(encoding="utf-8")


def test_each_failed_url_is_reported_and_the_others_go_on(runner, served, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus).mkdir()
    (corpus / "metadata.jsonl").write_text('{"file": "old.txt", "publisher": "Harbor Post"}\n', encoding="utf-8")
    base = served.base
    result = runner.invoke(app, ["fetch", f"{base}/missing.html", f"{base}/slow.html", f"{base}/report.pdf",
                                 "ftp-or-nothing", f"{base}/news/zentrix.html", "-o", str(corpus),
                                 "--timeout", "0.3"])
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert f"{base}/missing.html: HTTP 404" in out
    assert f"{base}/slow.html: no answer within 0.3 s (timed out)" in out
    assert f"{base}/report.pdf: not an HTML page (application/pdf)" in out
    assert "ftp-or-nothing: neither an http(s) URL nor a feed file" in out
    name = file_name(f"{base}/news/zentrix.html")
    assert (corpus / name).is_file()
    assert [r["file"] for r in _rows(corpus)] == sorted(["old.txt", name])  # other rows kept
    again = runner.invoke(app, ["fetch", f"{base}/news/zentrix.html", "-o", str(corpus)])
    assert again.exit_code == 0, again.output
    rows = _rows(corpus)
    assert [r["file"] for r in rows] == sorted(["old.txt", name])  # fetched again: same file, one row
    assert rows[[r["file"] for r in rows].index(name)] == {"file": name, "headline": None, "publisher": None,
                                                           "published": None, "url": f"{base}/news/zentrix.html"}


@pytest.mark.parametrize("status, allowed", [(404, True), (403, False), (503, False)])
def test_robots_txt_answers(runner, served, tmp_path, status, allowed):
    served.routes["/robots.txt"] = (status, "text/plain", b"")
    corpus = tmp_path / "corpus"
    result = runner.invoke(app, ["fetch", f"{served.base}/private/secret.html", "-o", str(corpus)])
    assert result.exit_code == (0 if allowed else 1), result.output
    assert ("/private/secret.html" in [path for _, path, _ in served.log]) == allowed
    if not allowed:
        assert "robots.txt of 127.0.0.1:" in " ".join(result.output.split())


def test_a_corpus_with_metadata_csv_is_refused_before_any_request(runner, served, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "metadata.csv").write_text("file\n", encoding="utf-8")
    result = runner.invoke(app, ["fetch", f"{served.base}/news/zentrix.html", "-o", str(corpus)])
    assert result.exit_code == 2 and "metadata.csv" in result.output and "E066" in result.output
    assert served.log == []


def test_limiter_spaces_requests_to_one_host_only():
    now = [100.0]
    slept = []

    def sleep(seconds):
        slept.append(round(seconds, 6))
        now[0] += seconds

    limiter = HostLimiter(1.0, clock=lambda: now[0], sleep=sleep)
    limiter.wait("news.example")
    now[0] += 0.25
    limiter.wait("News.Example")  # same host: waits the rest of the second
    limiter.wait("other.example")  # another host: no wait
    assert slept == [0.75]
    now[0] += 5
    limiter.wait("news.example")  # long after: no wait
    limiter.slow_down("news.example", 3.0)  # a robots.txt Crawl-delay
    limiter.wait("news.example")
    assert slept == [0.75, 3.0]
    assert HostLimiter().interval == kg.io.fetch.REQUEST_INTERVAL == 1.0


def test_the_interval_counts_from_the_end_of_a_slow_request():
    now, slept = [100.0], []

    def sleep(seconds):
        slept.append(round(seconds, 6))
        now[0] += seconds

    limiter = HostLimiter(1.0, clock=lambda: now[0], sleep=sleep)
    limiter.wait("news.example")
    now[0] += 2.5  # a slow answer
    limiter.finished("news.example")
    now[0] += 0.25
    limiter.wait("news.example")
    assert slept == [0.75]


def test_an_atom_feed_file_on_disk(runner, served, tmp_path):
    atom = tmp_path / "atom.xml"
    atom.write_text(f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Quillpoint Daily</title><id>urn:x-kg-test:feed</id>
<updated>2025-06-03T08:00:00Z</updated>
<entry><title>Velloran Group restricts Brisko</title><id>urn:x-kg-test:1</id>
<link href="{served.base}/news/velloran.html"/><updated>2025-06-03T08:00:00Z</updated></entry>
</feed>
""", encoding="utf-8")
    corpus = tmp_path / "corpus"
    result = runner.invoke(app, ["fetch", str(atom), "-o", str(corpus)])
    assert result.exit_code == 0, result.output
    (row,) = _rows(corpus)
    assert row == {"file": file_name(f"{served.base}/news/velloran.html"), "headline": "Velloran Group restricts Brisko",
                   "publisher": "Quillpoint Daily", "published": "2025-06-03", "url": f"{served.base}/news/velloran.html"}
