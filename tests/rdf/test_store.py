"""kg build --store: the graph in an on-disk Oxigraph store, queried through the rdflib API (oxrdflib)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import app
from kg.resources import queries_dir

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def stored(tmp_path_factory, runner) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("store")
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "-o", str(root / "out"), "--store", str(root / "db"),
                                 "-q"])
    assert result.exit_code == 0, result.output
    return root / "out" / "graph.ttl", root / "db"


def rows(runner, name: str, graph: Path) -> list:
    result = runner.invoke(app, ["query", name, "--graph", str(graph), "--format", "json"])
    assert result.exit_code == 0, result.output
    # GROUP_CONCAT order is unspecified in SPARQL: compare its parts as sets
    return sorted(json.dumps({k: sorted(str(v).split("; ")) for k, v in row.items()}, sort_keys=True)
                  for row in json.loads(result.output))


@pytest.mark.parametrize("query", sorted(p.stem for p in queries_dir().glob("*.rq")))
def test_every_query_gives_the_same_rows_from_the_store(runner, stored, query):
    graph, db = stored
    expected = rows(runner, query, graph)
    assert rows(runner, query, db) == expected


@pytest.mark.parametrize("command", [["export", "-f", "nt", "-o", "x.nt"], ["validate"], ["stats"]])
def test_commands_that_need_exact_terms_refuse_a_store(runner, stored, command):
    graph, db = stored
    args = [command[0], str(db), *command[1:]]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "E101" in result.output and "graph.ttl" in result.output


def test_a_rebuild_replaces_the_store_and_leaves_nothing_behind(runner, stored, tmp_path):
    graph, db = stored
    target = tmp_path / "db"
    for corpus in (ROOT / "seeds", ROOT / "tests" / "dev" / "corpus"):
        result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out"), "--store", str(target),
                                     "--no-cache", "-q"])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db", "out"]
    assert json.loads((target / "kg-store.json").read_text())["triples"] > \
        json.loads((db / "kg-store.json").read_text())["triples"]


@pytest.mark.parametrize("command", [["explain", "Anthropic"], ["conflicts", "--format", "json"],
                                     ["evaluate", "--gold", str(ROOT / "tests" / "dev" / "gold")]])
def test_reading_commands_say_the_same_from_the_store(runner, stored, command):
    graph, db = stored
    if command[0] == "evaluate" and not Path(command[-1]).is_dir():
        pytest.fail(f"{command[-1]}: development gold answers are missing")
    said = []
    for source in (graph, db):
        args = [command[0], str(source), *command[1:]] if command[0] == "evaluate" else \
            [command[0], *command[1:], "--graph", str(source)]
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), result.output
        said.append(result.output.replace(str(source), "GRAPH"))
    assert said[0] == said[1]
    assert said[0].strip()


def test_a_parameter_binds_an_unprojected_variable_in_the_store(runner, stored, tmp_path):
    graph, db = stored
    query = tmp_path / "by-label.rq"
    query.write_text("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                     "SELECT ?entity WHERE { ?entity rdfs:label ?name } ORDER BY ?entity\n", encoding="utf-8")
    said = []
    for source in (graph, db):
        result = runner.invoke(app, ["query", str(query), "--graph", str(source), "--format", "json",
                                     "--param", "name=Anthropic"])
        assert result.exit_code == 0, result.output
        said.append(json.loads(result.output))
    assert said[0] == said[1]
    assert len(said[0]) == 1


def test_a_store_answers_byte_for_byte_the_same_after_a_rebuild(runner, stored, tmp_path):
    """Oxigraph's on-disk store orders by key, so even GROUP_CONCAT comes out the
    same every time (its in-memory store, with randomly seeded hash maps, would not)."""
    _, db = stored
    again = tmp_path / "db"
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "-o", str(tmp_path / "out"), "--store", str(again),
                                 "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    for query in sorted(p.stem for p in queries_dir().glob("*.rq")):
        outputs = [runner.invoke(app, ["query", query, "--graph", str(d), "--format", "csv"]).output for d in (db, again)]
        assert outputs[0] == outputs[1], query


def test_kg_view_draws_the_same_page_from_the_store(runner, stored, tmp_path):
    graph, db = stored
    pages = []
    for source, name in ((graph.parent, "file.html"), (db, "store.html")):
        result = runner.invoke(app, ["view", str(source), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        page = (tmp_path / name).read_text(encoding="utf-8")
        pages.append(page.replace(f"kg view: {Path(source).name}", "kg view").replace("kg view: graph.ttl", "kg view"))
    assert pages[0] == pages[1]
    assert "vis-network" in pages[0] or "vis.Network" in pages[0]
