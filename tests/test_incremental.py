"""Incremental builds: the parse cache and the build record (kg.io.cache).

Timing targets are in benchmarks/; these tests check what the cache decides:
what is parsed again, what is skipped, and that the output never depends on it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.cli import app

from .conftest import write_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for p in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        shutil.copy(p, folder / p.name)
    return folder


def build(runner, corpus: Path, out: Path, cache: Path | None, *extra: str):
    args = ["build", str(corpus), "-o", str(out), *extra]
    args += ["--cache", str(cache)] if cache is not None else ["--no-cache"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.output


def test_unchanged_corpus_is_not_rebuilt_and_output_is_untouched(runner, corpus, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = build(runner, corpus, out, cache)
    assert "3 parsed, 0 from the parse cache" in first
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    second = build(runner, corpus, out, cache)
    assert "up to date" in second
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps


def test_a_new_article_is_the_only_one_parsed_and_output_matches_a_clean_build(runner, corpus, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(runner, corpus, out, cache)
    write_corpus(corpus, {"zz-new": "Zentrix Corp has banned its employees from using the chatbot Quorra Chat, "
                                    "the company said on Monday.\n"})
    again = build(runner, corpus, out, cache)
    assert "1 parsed, 3 from the parse cache" in again
    rechecked = int(again.split("re-checked ")[1].split()[0])  # incremental validation ran
    clean = tmp_path / "clean"
    assert "re-checked" not in build(runner, corpus, clean, None)
    assert (out / "graph.ttl").read_bytes() == (clean / "graph.ttl").read_bytes()
    assert (out / "validation.ttl").read_bytes() == (clean / "validation.ttl").read_bytes()
    from rdflib import Graph
    assert 0 < rechecked < len(set(Graph().parse(clean / "graph.ttl").subjects())) / 2


def test_an_edited_output_or_a_corrupt_cache_entry_is_rebuilt(runner, corpus, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(runner, corpus, out, cache)
    good = (out / "graph.ttl").read_bytes()
    (out / "graph.ttl").write_text("# edited by hand\n", encoding="utf-8")
    for entry in (cache / "parse").rglob("*.spacy"):
        entry.write_bytes(b"not a DocBin")
        break
    again = build(runner, corpus, out, cache)
    assert "up to date" not in again and "1 parsed, 2 from the parse cache" in again
    assert (out / "graph.ttl").read_bytes() == good


def test_two_jobs_give_the_same_graph_as_one(runner, corpus, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    build(runner, corpus, one, None)
    build(runner, corpus, two, None, "--jobs", "2")
    assert (one / "graph.ttl").read_bytes() == (two / "graph.ttl").read_bytes()
    assert (one / "validation.ttl").read_bytes() == (two / "validation.ttl").read_bytes()


def test_a_changed_option_invalidates_the_record(runner, corpus, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    build(runner, corpus, out, cache)
    again = build(runner, corpus, out, cache, "--encoding", "utf-8")
    assert "up to date" not in again and "0 parsed, 3 from the parse cache" in again


def test_a_change_of_code_shapes_or_model_invalidates_what_it_must_and_no_more(runner, corpus, tmp_path, monkeypatch):
    """The signatures stand for edits of kg's files (a fake: the test must not edit the
    installed package); what each invalidates is read from the build summary."""
    import kg.io.cache
    import kg.nlp.model
    import kg.shacl.validate

    out, cache = tmp_path / "out", tmp_path / "cache"
    assert "3 parsed, 0 from the parse cache" in build(runner, corpus, out, cache)
    first = (out / "graph.ttl").read_bytes()

    # a new extractor and new shapes: every parse is reused, the whole graph is validated again
    monkeypatch.setattr(kg.io.cache, "code_signature", lambda: "another extractor")
    monkeypatch.setattr(kg.shacl.validate, "validation_signature", lambda: "other shapes")
    again = build(runner, corpus, out, cache)
    assert "up to date" not in again and "0 parsed, 3 from the parse cache" in again
    assert "re-checked" not in again
    assert (out / "graph.ttl").read_bytes() == first

    # a new extractor that writes the same graph, same shapes: nothing needs validating again
    monkeypatch.setattr(kg.io.cache, "code_signature", lambda: "a third extractor")
    again = build(runner, corpus, out, cache)
    assert "0 parsed, 3 from the parse cache" in again and "re-checked 0 nodes" in again

    # a new model: every article is parsed again
    real = kg.nlp.model.pipeline_signature
    monkeypatch.setattr(kg.nlp.model, "pipeline_signature", lambda: real() + " (retrained)")
    again = build(runner, corpus, out, cache)
    assert "3 parsed, 0 from the parse cache" in again
    assert (out / "graph.ttl").read_bytes() == first
