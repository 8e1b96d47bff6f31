"""Hostile articles: odd bytes, invisible characters, syntax in names, huge and
pathological text, many files, determinism (issue 6, items 1-6)."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tracemalloc
import xml.dom.minidom

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDFS

from kg.cli import app
from kg.io.corpus import MAX_BLOCK_CHARS, list_corpus, read_article
from kg.rdf.mint import entity_iri
from kg.rdf.parts import to_graph
from kg.rdf.serialize import serialize

from .conftest import ROOT, extract_corpus

BAN = "Zentrix Corp has banned its employees from using the chatbot Quorra Chat from March 3, 2025.\n"


def _cli(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


# -- 1. bytes and encodings ---------------------------------------------------

@pytest.mark.parametrize("name, data", [
    ("zero", b""),
    ("blank", b" \t\r\n\n  \n"),
    ("nul", b"Zentrix Corp\x00has banned"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
])
def test_empty_blank_and_binary_articles_are_skipped_with_a_warning(runner, tmp_path, name, data):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / f"{name}.txt").write_bytes(data)
    (corpus / "ok.txt").write_text(BAN, encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert f"{name}.txt: empty or binary, skipped" in result.output
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert {str(o) for o in g.objects(None, URIRef("https://w3id.org/kg-news/ontology#fileName"))} == {"ok.txt"}


def test_latin1_builds_detected_or_with_encoding_option(runner, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "latin.txt").write_bytes(("Caf\u00e9 news\n" + BAN).encode("latin-1"))
    out = tmp_path / "out"
    detected = runner.invoke(app, ["build", str(corpus), "-o", str(out)])
    assert detected.exit_code == 0, detected.output
    assert "latin.txt: not UTF-8; decoded as cp1252 (detected)" in detected.output
    assert "Caf\u00e9 news" in (out / "graph.ttl").read_text(encoding="utf-8")
    forced = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--encoding", "latin-1"])
    assert forced.exit_code == 0, forced.output
    assert "decoded as" not in forced.output and "warning" not in forced.output
    assert "Caf\u00e9 news" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_bom_never_reaches_a_name(tmp_path):
    """UTF-8 and UTF-16 (both byte orders) with a BOM decode; offsets hold; no name has the BOM."""
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "u8.txt").write_bytes(b"\xef\xbb\xbf" + BAN.encode("utf-8"))
    (folder / "u16le.txt").write_bytes(b"\xff\xfe" + BAN.encode("utf-16-le"))
    (folder / "u16be.txt").write_bytes(b"\xfe\xff" + BAN.encode("utf-16-be"))
    from kg.extract.extraction import extract

    arts = [read_article(p) for p in list_corpus(folder)]
    assert [a.text for a in arts] == [BAN] * 3
    ex = extract(arts)
    labels = {e.label for e in ex.entities.values()}
    assert {"Zentrix Corp", "Quorra Chat"} <= labels
    assert not any("\ufeff" in lab or "\ufeff" in e.key for e in ex.entities.values() for lab in e.surfaces)
    (policy,) = [f for f in ex.facts if f.kind == "policy"]
    assert len(policy.evidence) == 3
    for ev in policy.evidence:
        assert BAN[ev.start:ev.end] == BAN.strip()


# -- 2. invisible characters ---------------------------------------------------

@pytest.mark.parametrize("char", ["\u200b", "\u200d", "\x01", "\x1f", "\x7f", "\u00ad", "\u202e", "\u2066", "\ufeff"],
                         ids=lambda c: f"U+{ord(c):04X}")
def test_invisible_characters_inside_names_give_the_clean_iri(tmp_path, char):
    dirty = BAN.replace("Zentrix", f"Zen{char}trix").replace("Quorra Chat", f"{char}Quorra{char} Chat{char}")
    ex = extract_corpus(tmp_path / "c", {"a": dirty})
    iris = {str(entity_iri(e)) for e in ex.entities.values() if not e.implicit}
    assert {"https://w3id.org/kg-news/id/zentrix", "https://w3id.org/kg-news/id/quorra-chat"} <= iris
    assert {"Zentrix Corp", "Quorra Chat"} <= {e.label for e in ex.entities.values()}
    (policy,) = [f for f in ex.facts if f.kind == "policy"]
    (ev,) = policy.evidence
    # offsets still point into the text as stored, invisible characters included
    assert dirty[ev.start:ev.end] == dirty.strip()


HOSTILE_TEXT = ("Zen\x01trix Corp has banned its employees from using the chatbot Quor\u200bra Chat "
                "from March 3, 2025, the \u202ecompany\u202c said\x0c.\n"
                "Velloran\x1f Group has banned its staff from using the chatbot Brisko\ufffe from June 2, 2025.\n")


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "c"
    corpus.mkdir()
    (corpus / "ctl\x01name.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (corpus / "a> <p> <b.txt").write_text(BAN, encoding="utf-8")
    (corpus / 'say "hi" \'x\' #1.txt').write_text(BAN, encoding="utf-8")
    (corpus / "\u5317\u4eac \u65b0\u95fb.txt").write_text(BAN, encoding="utf-8")
    (corpus / "\u041c\u043e\u0441\u043a\u0432\u0430.txt").write_text(BAN, encoding="utf-8")
    result = _cli("build", str(corpus), "-o", str(root / "out"), "-q")
    assert result.returncode == 0, result.stderr
    return root / "out"


EXPORTS = {"ttl": "turtle", "nt": "nt", "xml": "xml", "jsonld": "json-ld", "trig": "trig", "nq": "nquads"}


def test_every_export_format_is_well_formed_and_reparses(hostile_build, tmp_path):
    from kg.export.dataset import to_dataset  # noqa: F401  (trig/nq go through the dataset writer)

    base = Graph().parse(hostile_build / "graph.ttl")
    assert any("\ufffd" in str(o) for o in base.objects())  # the C0 characters were there, now U+FFFD
    for ext, fmt in EXPORTS.items():
        target = tmp_path / f"g.{ext}"
        result = _cli("export", str(hostile_build / "graph.ttl"), "--format", ext, "-o", str(target))
        assert result.returncode == 0, (ext, result.stderr)
        if ext == "xml":
            xml.dom.minidom.parse(str(target))  # strict XML 1.0 parser
        if ext in {"trig", "nq"}:
            from rdflib import Dataset

            ds = Dataset()
            ds.parse(target, format=fmt)
            union = Graph()
            for q in ds.quads():
                union.add(q[:3])
            assert isomorphic(union, base), ext
        else:
            assert isomorphic(Graph().parse(target, format=fmt), base), ext


# -- 3. names that would inject syntax ----------------------------------------

#: RFC 3987 forbids these in an IRI (and they end an IRI in Turtle, N-Triples, SPARQL).
BAD_IRI_CHARS = re.compile(r'[\x00-\x20<>"{}|\\^`\u0080-\uffff]')
HOSTILE_NAMES = ["a> <p> <b", 'Say "Hi" Labs', "O'Brien & Co", "Sharp#Corp", "two  words\tname",
                 "\u5317\u4eac\u5b57\u8282", "\u041c\u043e\u0441\u043a\u0432\u0430 AI", "\u0645\u0631\u062d\u0628\u0627",
                 "x\" ; rdfs:label \"y", "_:b0", "<http://evil/>"]


def test_hostile_names_give_valid_iris_no_injected_triples_and_round_trip_labels(tmp_path):
    from kg.extract.extraction import Extraction
    from kg.nlp.entities import Entity
    from kg.rdf.mint import clean_label

    ents = {}
    for name in HOSTILE_NAMES:
        ents[name] = Entity(key=name, label=name, kind="Company", surfaces={name: 1})
    g = to_graph(Extraction([], ents, []))
    for term in (t for triple in g for t in triple):
        if isinstance(term, URIRef):
            assert not BAD_IRI_CHARS.search(str(term)), term
    expected_labels = {clean_label(n) for n in HOSTILE_NAMES}
    for ext, fmt in EXPORTS.items():
        if ext in {"trig", "nq"}:
            continue
        back = Graph().parse(data=serialize(g, fmt), format=fmt)
        assert len(back) == len(g), ext
        assert isomorphic(back, g), ext
        labels = {str(o) for s, o in back.subject_objects(RDFS.label)} - {"kg knowledge graph"}
        assert labels == expected_labels, ext
    for name in HOSTILE_NAMES:
        assert g.value(entity_iri(ents[name]), RDFS.label) == Literal(clean_label(name))


def test_hostile_file_names_round_trip(hostile_build):
    g = Graph().parse(hostile_build / "graph.ttl")
    names = {str(o) for o in g.objects(None, URIRef("https://w3id.org/kg-news/ontology#fileName"))}
    assert names == {"ctl\ufffdname.txt", "a> <p> <b.txt", 'say "hi" \'x\' #1.txt', "\u5317\u4eac \u65b0\u95fb.txt",
                     "\u041c\u043e\u0441\u043a\u0432\u0430.txt"}
    articles = set(g.subjects(RDFS.label, None)) & set(g.subjects(URIRef("https://w3id.org/kg-news/ontology#fileName")))
    assert len(articles) == 5
    for iri in articles:
        assert not BAD_IRI_CHARS.search(str(iri)), iri


def test_names_that_give_one_article_iri_are_refused(runner, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a b.txt").write_text(BAN, encoding="utf-8")
    (corpus / "a-b.txt").write_text(BAN, encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "E035" in result.output and "a-b.txt" in result.output


# -- 4. huge and pathological articles ----------------------------------------

def test_long_line_is_cut_into_chunks_the_parser_accepts(tmp_path):
    """A 1.2 million character line: a bare spaCy pipeline refuses it whole (E088), but takes every block."""
    import spacy

    sentence = "Zentrix Corp has banned its employees from using the chatbot Quorra Chat. "
    text = (sentence * (1_200_000 // len(sentence) + 1))[:1_200_000]
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    art = read_article(path)
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    assert all(len(b.text) <= MAX_BLOCK_CHARS for b in art.blocks)
    assert len(art.blocks) >= 12
    for b in art.blocks:
        assert text[b.start:b.start + len(b.text)] == b.text
        nlp.make_doc(b.text)
    covered = sum(len(b.text) for b in art.blocks)
    assert covered >= len(text) - len(art.blocks)  # only the spaces between chunks are dropped


def test_five_megabyte_article_reads_in_bounded_memory(tmp_path):
    line = "Velloran Group has banned its staff from using the chatbot Brisko from June 2, 2025. " * 12 + "\n"
    path = tmp_path / "big.txt"
    with path.open("w", encoding="utf-8") as fh:
        while fh.tell() < 5_000_000:
            fh.write(line)
    size = path.stat().st_size
    tracemalloc.start()
    try:
        art = read_article(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert all(len(b.text) <= MAX_BLOCK_CHARS for b in art.blocks)
    assert len(art.text) == size
    # bytes, text and the blocks' text: a small constant times the file
    assert peak < 6 * size, f"peak {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB file"


PATHOLOGICAL = {
    "bangs": "!" * 10_000,
    "name-bangs": "Zentrix Corp has banned Quorra Chat" + "!" * 10_000,
    "mixed": "Zentrix Corp bans Quorra Chat" + "?!" * 5_000,
    "brackets": "Zentrix " + "(" * 10_000 + "Corp",
    "one-word": "a" * 200_000,
    "initials": "A. " * 5_000,
}


def test_pathological_text_does_not_hang_the_build(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in PATHOLOGICAL.items():
        (corpus / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    result = _cli("build", str(corpus), "-o", str(tmp_path / "out"), "-q", timeout=90)
    assert result.returncode in (0, 1), result.stderr
    assert "bangs.txt: empty or binary" not in result.stderr  # read, not skipped as binary
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(set(g.objects(None, URIRef("https://w3id.org/kg-news/ontology#fileName")))) == len(PATHOLOGICAL)


# -- 5. many tiny articles -----------------------------------------------------

def test_ten_thousand_tiny_articles_no_fd_leak_flat_memory_sorted(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    names = [f"a{i:05d}" for i in range(10_000)]
    shuffled = names[:]
    random.Random(6).shuffle(shuffled)
    for name in shuffled:  # created out of order
        (corpus / f"{name}.txt").write_text(f"Acme {name} bans Widget.\n", encoding="utf-8")
    fds_before = len(os.listdir("/proc/self/fd"))
    files = list_corpus(corpus)
    assert [p.stem for p in files] == names
    tracemalloc.start()
    try:
        for p in files[:1000]:
            read_article(p)
        first = tracemalloc.get_traced_memory()[0]
        for p in files[1000:]:
            read_article(p)
        last = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert len(os.listdir("/proc/self/fd")) == fds_before
    assert last - first < 200_000, f"memory grew by {last - first} bytes over 9,000 discarded articles"


@pytest.mark.slow
def test_ten_thousand_tiny_articles_build(tmp_path):
    """The real build of 10,000 one-line articles: exit 0, every article in the graph, no fd leak."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(10_000):
        (corpus / f"a{i:05d}.txt").write_text(f"Acme Corp {i} has banned Widget {i}.\n", encoding="utf-8")
    script = ("import os, sys\nfrom kg.cli import app\n"
              "try:\n    app(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
              "print('fds', len(os.listdir('/proc/self/fd')))\nsys.exit(code)\n")
    result = subprocess.run([sys.executable, "-c", script, "build", str(corpus), "-o", str(tmp_path / "out"), "-q"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode in (0, 1), result.stderr
    assert int(result.stdout.split("fds")[-1]) < 20
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(set(g.objects(None, URIRef("https://w3id.org/kg-news/ontology#fileName")))) == 10_000


# -- 6. determinism -----------------------------------------------------------

def test_same_input_in_another_order_and_hash_seed_gives_identical_bytes(tmp_path):
    """The seeds, two saved web pages (UTF-8 and ISO-8859-1) and a Markdown
    article in a subfolder: the same bytes out, texts/ included."""
    web = ROOT / "tests" / "fixtures" / "web"
    seeds = sorted((ROOT / "seeds").glob("*.txt")) + [web / "zentrix.html", web / "velloran.html"]
    outputs = []
    for n, (seed, order) in enumerate([("1", seeds), ("4242", seeds[::-1])]):
        corpus = tmp_path / f"c{n}"
        (corpus / "sub").mkdir(parents=True)
        for p in order:  # files created in another order
            (corpus / p.name).write_bytes(p.read_bytes())
        (corpus / "sub" / "note.md").write_text("# Halvard limits Brisko\n\n" + BAN, encoding="utf-8")
        env = {"PYTHONHASHSEED": seed}
        out = tmp_path / f"out{n}"
        result = _cli("build", str(corpus), "-o", str(out), "-q", "--recursive", env=env)
        assert result.returncode == 0, result.stderr
        files = {"graph.ttl": (out / "graph.ttl").read_bytes()}
        files.update({p.relative_to(out).as_posix(): p.read_bytes() for p in (out / "texts").rglob("*.txt")})
        assert {"texts/zentrix.txt", "texts/velloran.txt", "texts/sub/note.txt"} <= set(files)
        for ext in ("nt", "xml", "jsonld"):
            target = out / f"graph.{ext}"
            result = _cli("export", str(out / "graph.ttl"), "--format", ext, "-o", str(target), env=env)
            assert result.returncode == 0, result.stderr
            files[ext] = target.read_bytes()
        outputs.append(files)
    assert outputs[0].keys() == outputs[1].keys()
    for name in outputs[0]:
        assert outputs[0][name] == outputs[1][name], name
    assert len(outputs[0]["xml"]) > 10_000
