"""Real inputs (issue 16): saved web pages, Markdown, skipped files, subfolders,
per-file encodings, and the texts kg read written beside the graph."""

from __future__ import annotations

import json
import shutil

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from kg.cli import app
from kg.io.corpus import read_article, scan_corpus

from ..conftest import ROOT

KGO = Namespace("https://w3id.org/kg-news/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
ART = "https://w3id.org/kg-news/id/article/"
WEB = ROOT / "tests" / "fixtures" / "web"
BAN = "Zentrix Corp has banned its employees from using the chatbot Quorra Chat from March 3, 2025.\n"
MD = ("# Halvard Systems limits Brisko\n\n"
      "Halvard Systems has banned its engineers from using the chatbot Brisko from May 5, 2025, "
      "the company said.\n")


@pytest.fixture(scope="module")
def web_build(tmp_path_factory):
    """A corpus of two saved pages (one UTF-8, one ISO-8859-1), a Markdown
    article, files kg does not read, and a metadata row that overrides one
    page's publisher; built once."""
    from typer.testing import CliRunner

    root = tmp_path_factory.mktemp("web")
    corpus = root / "corpus"
    corpus.mkdir()
    for name in ("zentrix.html", "velloran.html"):
        shutil.copy(WEB / name, corpus / name)
    (corpus / "halvard.md").write_text(MD, encoding="utf-8")
    for name in ("scan.pdf", "brief.pdf", "notes.docx"):
        (corpus / name).write_bytes(b"%PDF-1.4 not an article")
    (corpus / ".DS_Store").write_bytes(b"\x00\x01")
    (corpus / "metadata.jsonl").write_text(json.dumps({"file": "zentrix.html", "publisher": "Lantern Wire"}) + "\n",
                                           encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(corpus), "-o", str(root / "out")])
    assert result.exit_code == 0, result.output
    return root / "out", result.output, Graph().parse(root / "out" / "graph.ttl")


def test_a_page_gives_its_main_text_without_navigation_ads_or_comments(web_build):
    out, _, _ = web_build
    text = (out / "texts" / "zentrix.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "Zentrix Corp bans Quorra Chat"
    assert "the chatbot Quorra Chat from March 3, 2025" in text
    for furniture in ("Subscribe now", "Home", "fifty percent off", "Great article", "All rights reserved"):
        assert furniture not in text, furniture
    other = (out / "texts" / "velloran.txt").read_text(encoding="utf-8")
    assert "Renée Dubois" in other  # ISO-8859-1 page, decoded as it declares
    assert "Most read" not in other and "leaks everything" not in other and "Sign in" not in other


def test_page_metadata_fills_what_the_metadata_file_leaves_empty(web_build):
    _, _, g = web_build
    zentrix, velloran = URIRef(ART + "zentrix"), URIRef(ART + "velloran")
    assert str(g.value(zentrix, DCTERMS.publisher)) == "Lantern Wire"  # the metadata file wins
    assert str(g.value(zentrix, DCTERMS.title)) == "Zentrix Corp bans Quorra Chat"  # from the page
    assert str(g.value(zentrix, DCTERMS.issued)) == "2025-03-04"
    assert str(g.value(zentrix, SCHEMA.url)) == "https://ledger.example.com/2025/03/zentrix-bans-quorra"
    assert str(g.value(velloran, DCTERMS.publisher)) == "Quillpoint Daily"  # no row: all from the page
    assert str(g.value(velloran, DCTERMS.issued)) == "2025-06-03"
    assert str(g.value(velloran, KGO.fileName)) == "velloran.html"


def test_every_evidence_offset_slices_the_written_text_to_its_quote(web_build):
    out, _, g = web_build
    checked = set()
    for pos in g.subjects(RDF.type, OA.TextPositionSelector):
        target = next(g.subjects(OA.hasSelector, pos))
        article = g.value(target, OA.hasSource)
        (quote,) = [s for s in g.objects(target, OA.hasSelector) if (s, RDF.type, OA.TextQuoteSelector) in g]
        text = (out / "texts" / f"{g.value(article, DCTERMS.identifier)}.txt").read_text(encoding="utf-8")
        assert g.value(article, KGO.characterCount).toPython() == len(text)
        start, end = g.value(pos, OA.start).toPython(), g.value(pos, OA.end).toPython()
        assert text[start:end] == str(g.value(quote, OA.exact))
        checked.add(str(g.value(article, KGO.fileName)))
    assert {"zentrix.html", "velloran.html", "halvard.md"} <= checked


def test_markdown_is_read_as_text_and_other_files_are_counted_once(web_build):
    out, output, g = web_build
    assert (URIRef(ART + "halvard"), KGO.fileName, None) in g
    assert (out / "texts" / "halvard.txt").read_text(encoding="utf-8") == MD
    assert output.count("skipped 3 files (.pdf 2, .docx 1)") == 1
    assert "DS_Store" not in output and "metadata.jsonl" not in output
    assert "velloran.html: not UTF-8; decoded as cp1252 (declared by the page)" in output
    assert {str(o) for o in g.objects(None, KGO.fileName)} == {"zentrix.html", "velloran.html", "halvard.md"}


def test_a_page_without_main_text_is_skipped_with_a_warning(runner, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "nav.html").write_text('<html><head><script>var a = 1;</script></head><body><img src="a.png"></body></html>',
                                     encoding="utf-8")
    (corpus / "ok.txt").write_text(BAN, encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert "nav.html: no article text found, skipped" in result.output


def test_recursive_reads_subfolders_with_relative_ids(runner, tmp_path):
    corpus = tmp_path / "c"
    for folder in ("2025/march", "2025/june"):
        (corpus / folder).mkdir(parents=True)
    (corpus / "top.txt").write_text(BAN, encoding="utf-8")
    (corpus / "2025" / "march" / "a.txt").write_text(BAN, encoding="utf-8")
    (corpus / "2025" / "june" / "a.txt").write_text(BAN.replace("March 3", "June 9"), encoding="utf-8")
    (corpus / "metadata.csv").write_text("file,publisher\n2025/june/a.txt,Harbor Post\n", encoding="utf-8")
    flat = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "flat"), "-q"])
    assert flat.exit_code == 2 and "2025/june/a.txt" in flat.output  # the row names no article of a flat build
    (corpus / "metadata.csv").unlink()
    flat = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "flat")])
    assert flat.exit_code == 0 and "skipped 1 subfolder (pass --recursive to read subfolders)" in flat.output
    (corpus / "metadata.csv").write_text("file,publisher\n2025/june/a.txt,Harbor Post\n", encoding="utf-8")
    out = tmp_path / "deep"
    deep = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--recursive"])
    assert deep.exit_code == 0, deep.output
    g = Graph().parse(out / "graph.ttl")
    ids = {str(o) for o in g.objects(None, DCTERMS.identifier)}
    assert ids == {"top", "2025/march/a", "2025/june/a"}
    june = URIRef(ART + "2025-june-a")
    assert str(g.value(june, KGO.fileName)) == "2025/june/a.txt"
    assert str(g.value(june, DCTERMS.publisher)) == "Harbor Post"
    assert (out / "texts" / "2025" / "june" / "a.txt").read_text(encoding="utf-8") == BAN.replace("March 3", "June 9")
    first = (out / "graph.ttl").read_bytes()
    again = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "again"), "-r", "--no-cache", "-q"])
    assert again.exit_code == 0 and (tmp_path / "again" / "graph.ttl").read_bytes() == first


def test_recursive_refuses_two_files_with_one_article_iri(runner, tmp_path):
    corpus = tmp_path / "c"
    (corpus / "x").mkdir(parents=True)
    (corpus / "x" / "a.txt").write_text(BAN, encoding="utf-8")
    (corpus / "x-a.txt").write_text(BAN, encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out"), "-r"])
    assert result.exit_code == 2 and "E035" in result.output and "x-a.txt" in result.output


def test_texts_of_a_removed_article_do_not_stay(runner, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(BAN, encoding="utf-8")
    (corpus / "b.txt").write_text(BAN, encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    (corpus / "b.txt").unlink()
    assert runner.invoke(app, ["build", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    assert sorted(p.name for p in (out / "texts").iterdir()) == ["a.txt"]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_an_output_folder_inside_the_corpus_is_not_read(tmp_path):
    corpus = tmp_path / "c"
    (corpus / "out" / "texts").mkdir(parents=True)
    (corpus / "a.txt").write_text(BAN, encoding="utf-8")
    (corpus / "out" / "texts" / "a.txt").write_text(BAN, encoding="utf-8")
    listing = scan_corpus(corpus, recursive=True, exclude=corpus / "out")
    assert [p.name for p in listing.files] == ["a.txt"] and listing.skipped_line() == ""


# -- encodings ------------------------------------------------------------------

CP1252 = "Zentrix Corp \u201cbans\u201d Quorra Chat \u2014 caf\u00e9 staff told\n" + BAN


def test_each_file_is_decoded_by_itself_and_the_build_says_how(runner, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "utf8.txt").write_text("Caf\u00e9 Lumora \u2014 news\n" + BAN, encoding="utf-8")
    (corpus / "legacy.txt").write_bytes(CP1252.encode("cp1252"))
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "legacy.txt: not UTF-8; decoded as cp1252 (detected)" in result.output
    assert "utf8.txt" not in result.output
    assert (out / "texts" / "legacy.txt").read_text(encoding="utf-8") == CP1252
    assert (out / "texts" / "utf8.txt").read_text(encoding="utf-8").startswith("Caf\u00e9 Lumora \u2014 news")


def test_forced_encoding_warns_about_utf8_files_it_garbles(runner, tmp_path):
    """Friction: --encoding latin-1 in a mixed folder silently gave mojibake in UTF-8 articles."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "utf8.txt").write_text("Caf\u00e9 news\n" + BAN, encoding="utf-8")
    (corpus / "latin.txt").write_bytes(("Caf\u00e9 news\n" + BAN).encode("latin-1"))
    (corpus / "ascii.txt").write_text(BAN, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--encoding", "latin-1"])
    assert result.exit_code == 0, result.output
    assert "utf8.txt: valid UTF-8, but decoded as latin-1" in " ".join(result.output.split())
    assert "latin.txt: valid" not in result.output and "ascii.txt" not in result.output
    assert (out / "texts" / "utf8.txt").read_text(encoding="utf-8").startswith("Caf\u00c3\u00a9")  # forced: as asked


@pytest.mark.parametrize("name", ["bogus", "base64"])
def test_unknown_encoding_is_a_usage_error_naming_it(runner, tmp_path, name):
    """Friction: --encoding bogus gave "error unexpected LookupError ... report it"."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(BAN, encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out"), "--encoding", name])
    assert result.exit_code == 2
    assert f"'{name}'" in result.output and "--encoding" in result.output
    assert "unexpected" not in result.output and "LookupError" not in result.output
    assert not (tmp_path / "out").exists()


def test_undetectable_bytes_stop_the_build_naming_the_file_in_plain_words(runner, tmp_path):
    """Friction: the error for a non-UTF-8 file said "not valid utf-8-sig"."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "ok.txt").write_text(BAN, encoding="utf-8")
    (corpus / "noise.txt").write_bytes(b"Zentrix " + bytes(range(0x80, 0x100)))
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert "noise.txt: not UTF-8 (byte offset 8)" in message and "cannot be detected with confidence" in message
    assert "utf-8-sig" not in message


def test_forced_encoding_that_does_not_fit_names_file_and_offset(tmp_path):
    from kg.errors import InputError

    p = tmp_path / "a.txt"
    p.write_bytes("Caf\u00e9".encode("latin-1"))
    with pytest.raises(InputError) as info:
        read_article(p, encoding="ascii")
    assert "a.txt: not valid ascii at byte offset 3" in str(info.value)


def test_scan_reads_text_and_page_suffixes_in_any_case_and_counts_the_rest(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name in ("a.txt", "b.md", "c.HTM", "d.html", "e.pdf", "f", ".hidden.txt", "metadata.jsonl"):
        (corpus / name).write_text(BAN, encoding="utf-8")
    shutil.copy(WEB / "zentrix.html", corpus / "c.HTM")
    listing = scan_corpus(corpus)
    assert [p.name for p in listing.files] == ["a.txt", "b.md", "c.HTM", "d.html"]
    assert listing.skipped_line() == "skipped 2 files (.pdf 1, no extension 1)"
    assert read_article(corpus / "c.HTM", root=corpus).identifier == "c"
