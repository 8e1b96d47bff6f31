"""The corpus metadata file: parsing, errors naming file and line, and what reaches the graph."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, XSD

from kg.cli import app
from kg.io.corpus import list_corpus
from kg.io.metadata import read_metadata

from ..conftest import write_corpus

KGO = Namespace("https://w3id.org/kg-news/ontology#")
SCHEMA = Namespace("https://schema.org/")
ART = "https://w3id.org/kg-news/id/article/"

#: Two invented articles: the first has no dateline and dates its ban relative to
#: the article; the second has a dateline, which must win over the metadata.
ARTICLES = {
    "relative": "Zentrix Corp bans Quorra Chat\n"
                "Zentrix Corp has banned its employees from using the chatbot Quorra Chat "
                "from the 18th of last month, the company said.\n",
    "datelined": "Velloran limits Brisko\n"
                 "BERLIN, May 2, 2025 — Velloran Group has banned its staff from using the chatbot Brisko "
                 "from the 18th of last month, the company said.\n",
}
CSV = ("file,headline,publisher,published,url\n"
       "relative.txt,\"Zentrix, Quorra and the ban\",Daily Lantern,2025-05-02,https://lantern.example/zentrix?id=1\n"
       "\n"
       "datelined.txt,,Harbor Post,2025-09-10,\n")
JSONL = [{"file": "relative.txt", "headline": "Zentrix, Quorra and the ban", "publisher": "Daily Lantern",
          "published": "2025-05-02", "url": "https://lantern.example/zentrix?id=1"},
         {"file": "datelined.txt", "headline": None, "publisher": "Harbor Post", "published": "2025-09-10"}]


def dates(graph: Graph) -> set[str]:
    return {str(o) for o in graph.objects(None, KGO.effectiveDate)}


def test_csv_rows_are_read_by_file_name(tmp_path):
    corpus = write_corpus(tmp_path / "c", ARTICLES)
    (corpus / "metadata.csv").write_text(CSV, encoding="utf-8")
    meta = read_metadata(corpus, list_corpus(corpus))
    assert sorted(meta) == ["datelined.txt", "relative.txt"]
    rel = meta["relative.txt"]
    assert (rel.headline, rel.publisher, rel.published, rel.url, rel.line) == (
        "Zentrix, Quorra and the ban", "Daily Lantern", "2025-05-02", "https://lantern.example/zentrix?id=1", 2)
    assert meta["datelined.txt"].headline == "" and meta["datelined.txt"].line == 4


def test_a_header_with_fewer_columns_is_fine(tmp_path):
    corpus = write_corpus(tmp_path / "c", ARTICLES)
    (corpus / "metadata.csv").write_text("published,file\n2025-01-31,relative.txt\n", encoding="utf-8")
    meta = read_metadata(corpus, list_corpus(corpus))
    assert list(meta) == ["relative.txt"] and meta["relative.txt"].published == "2025-01-31"


def test_no_metadata_file_gives_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "c", ARTICLES)
    assert read_metadata(corpus, list_corpus(corpus)) == {}


BAD = [
    ("metadata.csv", "file,headline,author\nrelative.txt,x,y\n", "E061", "line 1", "author"),
    ("metadata.csv", "headline\nx\n", "E144", "line 1", "'file'"),
    ("metadata.csv", "file,published\nrelative.txt,2025-05-02\ndatelined.txt,02/05/2025\n", "E063", "line 3",
     "02/05/2025"),
    ("metadata.csv", "file,published\nrelative.txt,2025-02-30\n", "E063", "line 2", "2025-02-30"),
    ("metadata.csv", "file,headline\nrelative.txt,a,b\n", "E062", "line 2", "fields"),
    ("metadata.csv", "file\nrelative.txt\nmissing.txt\n", "E064", "line 3", "missing.txt"),
    ("metadata.csv", "file\nrelative.txt\nrelative.txt\n", "E150", "line 3", "line 2"),
    ("metadata.csv", "file,url\nrelative.txt,lantern.example/zentrix\n", "E065", "line 2", "lantern.example"),
    ("metadata.jsonl", '{"file": "relative.txt"}\n\n{"file": "datelined.txt",\n', "E146", "line 3", "JSON"),
    ("metadata.jsonl", '["relative.txt"]\n', "E147", "line 1", "object"),
    ("metadata.jsonl", '{"file": "relative.txt", "published": 20250502}\n', "E148", "line 1", "published"),
    ("metadata.jsonl", '{"file": "relative.txt", "date": "2025-05-02"}\n', "E061", "line 1", "date"),
    ("metadata.jsonl", '{"file": "relative.txt"}\n{"file": "other.txt"}\n', "E064", "line 2", "other.txt"),
]


@pytest.mark.parametrize("name, content, code, line, detail", BAD)
def test_bad_metadata_exits_2_naming_file_and_line(runner, tmp_path, name, content, code, line, detail):
    corpus = write_corpus(tmp_path / "c", ARTICLES)
    (corpus / name).write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out)])
    assert result.exit_code == 2, result.output
    text = " ".join(result.output.split())
    assert name in text and f"{line}:" in text and f"[{code}]" in text and detail in text
    assert not (out / "graph.ttl").exists()


def test_both_metadata_files_is_an_error(runner, tmp_path):
    corpus = write_corpus(tmp_path / "c", ARTICLES)
    (corpus / "metadata.csv").write_text("file\nrelative.txt\n", encoding="utf-8")
    (corpus / "metadata.jsonl").write_text('{"file": "relative.txt"}\n', encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "E060" in result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory, runner):
    """The two articles built without metadata, with metadata.csv and with metadata.jsonl."""
    root = tmp_path_factory.mktemp("metadata")
    out = {}
    for variant in ("none", "csv", "jsonl"):
        corpus = write_corpus(root / variant, ARTICLES)
        if variant == "csv":
            (corpus / "metadata.csv").write_text(CSV, encoding="utf-8")
        if variant == "jsonl":
            (corpus / "metadata.jsonl").write_text("\n".join(json.dumps(r) for r in JSONL) + "\n", encoding="utf-8")
        result = runner.invoke(app, ["build", str(corpus), "-o", str(root / f"out-{variant}"), "-q"])
        assert result.exit_code == 0, result.output
        out[variant] = root / f"out-{variant}" / "graph.ttl"
    return out


def test_metadata_reaches_the_article_individual(built):
    g = Graph().parse(built["csv"])
    rel, dated = URIRef(ART + "relative"), URIRef(ART + "datelined")
    assert g.value(rel, DCTERMS.title) == Literal("Zentrix, Quorra and the ban")
    assert g.value(rel, DCTERMS.publisher) == Literal("Daily Lantern")
    assert g.value(rel, DCTERMS.issued) == Literal("2025-05-02", datatype=XSD.date)
    assert g.value(rel, SCHEMA.url) == Literal("https://lantern.example/zentrix?id=1", datatype=XSD.anyURI)
    # no headline in the metadata: the first line stays the title; no url: none written
    assert g.value(dated, DCTERMS.title) == Literal("Velloran limits Brisko")
    assert g.value(dated, SCHEMA.url) is None
    assert g.value(dated, DCTERMS.issued) == Literal("2025-09-10", datatype=XSD.date)


def test_published_date_resolves_relative_dates_but_a_dateline_wins(built):
    # without metadata only the datelined article's "18th of last month" can be dated
    assert dates(Graph().parse(built["none"])) == {"2025-04-18"}
    g = Graph().parse(built["csv"])
    # with it, the published date (2025-05-02) dates the other; the dateline (May 2) beats 2025-09-10
    policies = {str(g.value(f, KGO.issuer)): {str(d) for d in g.objects(f, KGO.effectiveDate)}
                for f in g.subjects(KGO.issuer, None)}
    assert policies == {"https://w3id.org/kg-news/id/zentrix": {"2025-04-18"},
                        "https://w3id.org/kg-news/id/velloran": {"2025-04-18"}}


def test_csv_and_jsonl_give_the_same_graph(built):
    assert built["csv"].read_bytes() == built["jsonl"].read_bytes()
    assert built["none"].read_bytes() != built["csv"].read_bytes()
