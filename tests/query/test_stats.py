"""``kg stats``: tables of counts, sources, mentions and shape violations."""

from __future__ import annotations

from rdflib import RDF, Namespace

from kg.cli import app

KGO = Namespace("https://w3id.org/kg-news/ontology#")


def _row(output: str, first: str) -> list[str]:
    """The cells of the table row whose first cell is ``first``."""
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip("│ ").split("│")]
        if cells and cells[0] == first:
            return cells
    raise AssertionError(f"no row {first!r} in:\n{output}")


def test_stats_counts_agree_with_the_graph(runner, seeds_build, seeds_graph):
    result = runner.invoke(app, ["stats", str(seeds_build), "--top", "3"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for cls in ("Company", "Evidence", "Ban", "Article"):
        n = len(set(seeds_graph.subjects(RDF.type, KGO[cls])))
        assert n and _row(result.output, cls)[1] == str(n), cls
    facts = {r[0] for r in seeds_graph.query(
        "PREFIX kgo: <https://w3id.org/kg-news/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT DISTINCT ?f WHERE { ?f a/rdfs:subClassOf* kgo:Fact }")}
    table = result.output.split("Facts by number")[1].split("Most-mentioned")[0]
    counted = sum(int(line.split("│")[2]) for line in table.splitlines() if line.count("│") == 3
                  and line.split("│")[1].strip().isdigit())
    assert counted == len(facts)
    mentioned = result.output.split("Most-mentioned")[1].split("shape violations")[0]
    assert sum(line.count("│") == 4 and line.split("│")[3].strip().isdigit() for line in mentioned.splitlines()) == 3
    assert "shape violations: none" in result.output


def test_stats_lists_shape_violations_and_exits_1(runner, seeds_build, tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text((seeds_build / "graph.ttl").read_text(encoding="utf-8")
                      + "\n<https://w3id.org/kg-news/id/fact/nothing> a kgo:Ban .\n", encoding="utf-8")
    result = runner.invoke(app, ["stats", str(broken)], env={"COLUMNS": "200"})
    assert result.exit_code == 1, result.output
    assert "Shape violations" in result.output and "Violation" in result.output


def test_stats_missing_graph(runner, tmp_path):
    result = runner.invoke(app, ["stats", str(tmp_path / "none.ttl")])
    assert result.exit_code == 2 and "E041" in result.output
