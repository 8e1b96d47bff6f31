"""kg conflicts: two articles giving two dates for one ban are both shown, each with its article and quote."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import XSD

from kg.cli import app
from kg.query.conflicts import COLUMNS, find_conflicts
from kg.query.sparql import load_graph

KGO = Namespace("https://w3id.org/kg-news/ontology#")
FIXTURE = Path(__file__).parents[1] / "fixtures" / "sample_abox.ttl"
BAN_1 = URIRef("https://w3id.org/kg-news/id/fact/ban-1")


def invoke(runner, graph_file, fmt):
    result = runner.invoke(app, ["conflicts", "-g", str(graph_file), "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_extractor_reads_one_ban_with_two_dates(conflict_build):
    g = load_graph(conflict_build / "graph.ttl")
    bans = {str(g.value(g.value(f, KGO.issuer), URIRef("http://www.w3.org/2000/01/rdf-schema#label"))):
            {str(d) for d in g.objects(f, KGO.effectiveDate)} for f in g.subjects(KGO.issuer, None)}
    assert bans == {"Zentrix Corp": {"2025-03-03", "2025-04-09"}, "Velloran Group": {"2025-06-02"}}


def test_json_lists_both_dates_each_with_its_article_and_quote(runner, conflict_build):
    rows = json.loads(invoke(runner, conflict_build / "graph.ttl", "json"))
    dates = [r for r in rows if r["part"] == "effective date"]
    assert {(r["value"], r["article"]) for r in dates} == {("2025-03-03", "zentrix-a"), ("2025-04-09", "zentrix-b")}
    for r in dates:
        assert r["basis"] == "quote" and r["label"] == "Zentrix Corp → Quorra Chat" and r["class"] == "Ban"
        assert ("March 3, 2025" if r["value"] == "2025-03-03" else "April 9, 2025") in r["quote"]
        text = (conflict_build.parent / "corpus" / f"{r['article']}.txt").read_text(encoding="utf-8")
        assert text[int(r["start"]):int(r["end"])] == r["quote"]
    assert not any("Velloran" in r["label"] for r in rows)  # one date only: no conflict


def test_csv_and_table(runner, conflict_build):
    data = list(csv.reader(io.StringIO(invoke(runner, conflict_build / "graph.ttl", "csv"))))
    assert data[0] == COLUMNS and len(data) == 3
    table = " ".join(invoke(runner, conflict_build / "graph.ttl", "table").split())
    assert "Ban Zentrix Corp → Quorra Chat" in table and "effective date: 2 values" in table
    assert "2025-03-03 zentrix-a [" in table and "2025-04-09 zentrix-b [" in table


def test_no_conflict_exits_0_too(runner, tmp_path):
    g = load_graph(FIXTURE, with_ontology=False)
    g.remove((BAN_1, KGO.scope, Literal("contractors")))
    g.remove((URIRef("https://w3id.org/kg-news/id/fact/restriction-1"), KGO.region, None))
    path = tmp_path / "calm.ttl"
    g.serialize(path, format="turtle")
    assert "no conflicts" in invoke(runner, path, "table")
    assert json.loads(invoke(runner, path, "json")) == []
    bad = runner.invoke(app, ["conflicts", "-g", str(path), "--format", "xml"])
    assert bad.exit_code == 2 and "xml" in bad.output and "table" in bad.output  # a usage error naming the choices


def test_dates_without_a_year_agree_with_dated_ones():
    g = load_graph(FIXTURE)  # ban-1: --07-10, from "July 10" in a1
    g.add((BAN_1, KGO.effectiveDate, Literal("2025-07-10", datatype=XSD.date)))
    assert not [r for r in find_conflicts(g) if r[3] == "effective date"]
    g.add((BAN_1, KGO.effectiveDate, Literal("2025-08-01", datatype=XSD.date)))
    rows = [r for r in find_conflicts(g) if r[3] == "effective date"]
    by_value = {}
    for r in rows:
        by_value.setdefault(r[4], []).append((r[5], r[6]))
    # "July 10" is in a1's quote; no quote names August 1: listed with every evidence of the fact
    assert by_value["--07-10"] == [("quote", "a1")] and by_value["2025-07-10"] == [("quote", "a1")]
    assert sorted(by_value["2025-08-01"]) == [("fact", "a1"), ("fact", "a2")]


def test_scope_values_go_to_the_quotes_that_name_them():
    rows = [r for r in find_conflicts(load_graph(FIXTURE)) if r[0] == str(BAN_1) and r[3] == "scope"]
    assert sorted((r[4], r[6]) for r in rows) == [("contractors", "a1"), ("employees", "a1"), ("employees", "a2")]
