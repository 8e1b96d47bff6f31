"""The endpoint's result documents are written by pyoxigraph's result serializers (kg.serve.endpoint.select)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import InputError
from kg.serve.endpoint import select

QUERY = "SELECT ?s ?o ?none WHERE { ?s <urn:p> ?o } ORDER BY ?o"


@pytest.fixture
def graph():
    g = Graph()
    g.add((URIRef("urn:a"), URIRef("urn:p"), Literal("tab\there \"quoted\"\nline", lang="en")))
    g.add((URIRef("urn:b"), URIRef("urn:p"), Literal(7)))
    return g


def test_every_format_carries_the_same_rows(graph):
    json_rows = json.loads(select(graph, QUERY, "json"))
    assert json_rows["head"]["vars"] == ["s", "o", "none"]
    assert [b["s"]["value"] for b in json_rows["results"]["bindings"]] == ["urn:b", "urn:a"]
    assert all("none" not in b for b in json_rows["results"]["bindings"])
    tsv = select(graph, QUERY, "tsv")
    assert tsv.decode("utf-8").splitlines()[0] == "?s\t?o\t?none"
    parsed = [(s["s"], s["o"], s["none"]) for s in ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)]
    assert parsed == [(ox.NamedNode("urn:b"), ox.Literal("7", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#integer")), None),
        (ox.NamedNode("urn:a"), ox.Literal("tab\there \"quoted\"\nline", language="en"), None)]
    rows = list(csv.reader(io.StringIO(select(graph, QUERY, "csv").decode("utf-8"), newline="")))
    assert rows == [["s", "o", "none"], ["urn:b", "7", ""], ["urn:a", "tab\there \"quoted\"\nline", ""]]
    doc = ET.fromstring(select(graph, QUERY, "xml"))
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert [u.text for u in doc.iter(ns + "uri")] == ["urn:b", "urn:a"]


def test_a_failing_query_is_e113(graph):
    with pytest.raises(InputError) as err:
        select(graph, "SELECT ?x WHERE {", "json")
    assert err.value.code == "E113"
