"""Hostile queries and graph files: refusals before anything runs, parameters
as literals, a time limit, nothing fetched (issue 6, items 7 and 8)."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.cli import app

PREFIX = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


@pytest.fixture()
def spy_server():
    """A local HTTP server that records every request made to it."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            hits.append(self.path)
            body = b'{"@context": {}}' if self.path.endswith(".jsonld") else b""
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def _query(runner, tmp_path, graph: Path, text: str, *extra: str):
    rq = tmp_path / "q.rq"
    rq.write_text(text, encoding="utf-8")
    return runner.invoke(app, ["query", str(rq), "--graph", str(graph), "-f", "json", *extra])


REFUSED = {
    "service": "SELECT * WHERE { SERVICE <{url}/sparql> { ?s ?p ?o } }",
    "service-nested": "SELECT * WHERE { ?s ?p ?o OPTIONAL { { SELECT ?x WHERE { SERVICE SILENT <{url}/s> { ?x ?y ?z } } } } }",
    "from-remote": "SELECT * FROM <{url}/g.ttl> WHERE { ?s ?p ?o }",
    "from-named-remote": "SELECT * FROM NAMED <{url}/g.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "from-file": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }",
    "from-named-file": "SELECT * FROM NAMED <file:///etc/hostname> WHERE { ?s ?p ?o }",
    "load": "LOAD <{url}/g.ttl>",
    "load-into": "LOAD SILENT <file:///etc/passwd> INTO GRAPH <urn:x>",
    "insert-data": "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "delete-data": "DELETE DATA { <urn:a> <urn:b> <urn:c> }",
    "delete-where": "DELETE WHERE { ?s ?p ?o }",
    "modify": "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "clear": "CLEAR ALL",
    "drop": "DROP DEFAULT",
    "create": "CREATE GRAPH <urn:g>",
    "add": "ADD DEFAULT TO <urn:g>",
    "move": "MOVE DEFAULT TO <urn:g>",
    "copy": "COPY DEFAULT TO <urn:g>",
    "select-then-update": "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
}


@pytest.mark.parametrize("name", REFUSED)
def test_remote_access_and_updates_are_refused_before_running(runner, tmp_path, seeds_build, spy_server, name):
    url, hits = spy_server
    graph = seeds_build / "graph.ttl"
    before = graph.read_bytes()
    result = _query(runner, tmp_path, graph, REFUSED[name].replace("{url}", url))
    assert result.exit_code == 2, result.output
    # E045: remote access (SERVICE, FROM, FROM NAMED); E114: an update form; E042: not SPARQL at all
    want = "E042" if name == "select-then-update" else "E045" if name.startswith(("service", "from")) else "E114"
    assert want in result.output, result.output
    assert "q.rq" in result.output
    assert hits == []
    assert graph.read_bytes() == before


def test_ask_and_construct_are_refused(runner, tmp_path, seeds_build):
    for text in ("ASK { ?s ?p ?o }", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"):
        result = _query(runner, tmp_path, seeds_build / "graph.ttl", text)
        assert result.exit_code == 2 and "only SELECT" in result.output


LABEL_QUERY = PREFIX + "SELECT ?x WHERE { ?x rdfs:label ?name }"


def test_param_is_bound_as_a_literal(runner, tmp_path, seeds_build, seeds_graph):
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    label = sorted(str(o) for s, o in seeds_graph.subject_objects(RDFS.label)
                   if isinstance(s, URIRef) and "/id/" in str(s) and "/article/" not in str(s))[0]
    found = _query(runner, tmp_path, seeds_build / "graph.ttl", LABEL_QUERY, "--param", f"name={label}")
    assert found.exit_code == 0, found.output
    assert json.loads(found.output) == [{"x": label}]
    for hostile in ['x" } ?x ?p ?name . FILTER(true) #', "x' || true || '", "?name", "<urn:a>", "} UNION { ?x ?p ?o"]:
        result = _query(runner, tmp_path, seeds_build / "graph.ttl", LABEL_QUERY, "--param", f"name={hostile}")
        assert result.exit_code == 0, result.output
        assert json.loads(result.output) == [], hostile


def test_param_must_name_a_variable_of_the_query(runner, tmp_path, seeds_build):
    result = _query(runner, tmp_path, seeds_build / "graph.ttl", LABEL_QUERY, "--param", "nope=1")
    assert result.exit_code == 2 and "E046" in result.output and "?nope" in result.output
    result = _query(runner, tmp_path, seeds_build / "graph.ttl", LABEL_QUERY, "--param", "bad name")
    assert result.exit_code == 2 and "E115" in result.output


def test_runaway_query_stops_at_the_time_limit(tmp_path, seeds_build):
    rq = tmp_path / "runaway.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", encoding="utf-8")
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "kg.cli", "query", str(rq), "--graph",
                             str(seeds_build / "graph.ttl"), "--timeout", "1.5"],
                            capture_output=True, text=True, timeout=60)
    elapsed = time.monotonic() - start
    assert result.returncode == 2, result.stderr
    assert "E047" in result.stderr and "time limit of 1.5 s" in result.stderr and "runaway.rq" in result.stderr
    assert elapsed < 15


# -- 8. loading fetches nothing ------------------------------------------------

def _cli(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=120)


def test_loading_and_validating_never_fetch_imports_or_contexts(tmp_path, seeds_build, spy_server):
    url, hits = spy_server
    ttl = tmp_path / "g.ttl"
    ttl.write_text((seeds_build / "graph.ttl").read_text(encoding="utf-8")
                   + f"\n<https://w3id.org/kg-news/id/graph> <http://www.w3.org/2002/07/owl#imports> <{url}/onto.ttl> .\n",
                   encoding="utf-8")
    for args in (["validate", str(ttl)], ["query", "cq01", "--graph", str(ttl)],
                 ["export", str(ttl), "--format", "xml", "-o", str(tmp_path / "g.xml")],
                 ["explain", "nothing-by-this-name", "--graph", str(ttl)]):
        result = _cli(*args)
        assert result.returncode in (0, 1, 2) and "Traceback" not in result.stderr, result.stderr
    assert hits == []
    remote = tmp_path / "remote.jsonld"
    remote.write_text(json.dumps({"@context": f"{url}/ctx.jsonld", "@id": "urn:a", "name": "x"}), encoding="utf-8")
    nested = tmp_path / "nested.jsonld"
    nested.write_text(json.dumps({"@context": {"name": "urn:n"},
                                  "@graph": [{"@context": [{"a": "urn:a"}, f"{url}/inner.jsonld"], "@id": "urn:b"}]}),
                      encoding="utf-8")
    for path in (remote, nested):
        result = _cli("validate", str(path))
        assert result.returncode == 2 and "E049" in result.stderr and path.name in result.stderr, result.stderr
    assert hits == []


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="urn:a"><rdfs:label>&lol4;</rdfs:label></rdf:Description>
</rdf:RDF>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "{url}/secret">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="urn:a"><rdfs:label>&xxe;</rdfs:label></rdf:Description>
</rdf:RDF>
"""
PLAIN = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="urn:a"><rdfs:label>ok</rdfs:label></rdf:Description>
</rdf:RDF>
"""


@pytest.mark.parametrize("name, text, encoding", [
    ("laughs.rdf", BILLION_LAUGHS, "utf-8"),
    ("laughs16.xml", BILLION_LAUGHS.replace('version="1.0"', 'version="1.0" encoding="UTF-16"'), "utf-16"),
    ("xxe.rdf", EXTERNAL, "utf-8"),
])
def test_rdfxml_with_doctype_or_entity_is_refused(runner, tmp_path, spy_server, name, text, encoding):
    url, hits = spy_server
    path = tmp_path / name
    path.write_bytes(text.replace("{url}", url).encode(encoding))
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2 and "E048" in result.output and name in result.output, result.output
    assert hits == []


def test_plain_rdfxml_still_loads(tmp_path):
    from kg.query.sparql import load_graph

    path = tmp_path / "plain.rdf"
    path.write_text(PLAIN, encoding="utf-8")
    g = load_graph(path, with_ontology=False)
    assert len(g) == 1
