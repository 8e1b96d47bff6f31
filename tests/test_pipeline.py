"""kg.pipeline.build as a library call: it returns what it did, and kg build prints that."""

from __future__ import annotations

import logging

import pytest

from kg.cli import app
from kg.errors import KgError
from kg.pipeline import BuildOptions, BuildResult, Notice, build

from .conftest import CONFLICT_ARTICLES, write_corpus


def test_build_returns_its_summary_and_notices_and_kg_build_prints_them(tmp_path, runner):
    corpus = write_corpus(tmp_path / "corpus", CONFLICT_ARTICLES)
    (corpus / "blank.txt").write_bytes(b"")
    seen: list[Notice] = []
    result = build(corpus, tmp_path / "lib", BuildOptions(), notify=seen.append)
    assert isinstance(result, BuildResult) and result.conforms and result.exit_code == 0 and not result.up_to_date
    assert result.summary[0] == f"articles: {len(CONFLICT_ARTICLES)} ({len(CONFLICT_ARTICLES)} parsed, 0 from the parse cache)"
    assert result.summary[-1] == "shape violations: 0"
    assert result.notices == seen == [Notice("warning", f"{corpus / 'blank.txt'}: empty or binary, skipped")]
    assert {p.name for p in (tmp_path / "lib").iterdir()} == {"graph.ttl", "validation.ttl", "texts"}

    cli = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "cli"), "--no-cache"])
    assert cli.exit_code == 0, cli.output
    for line in result.summary:
        assert line in cli.output
    assert "blank.txt: empty or binary, skipped" in cli.output
    assert (tmp_path / "cli" / "graph.ttl").read_bytes() == (tmp_path / "lib" / "graph.ttl").read_bytes()


def test_a_second_build_with_a_cache_is_up_to_date_and_notices_go_to_the_log(tmp_path, caplog):
    corpus = write_corpus(tmp_path / "corpus", CONFLICT_ARTICLES)
    (corpus / "blank.txt").write_bytes(b"")
    options = BuildOptions(cache=tmp_path / "cache")
    first = build(corpus, tmp_path / "out", options)
    with caplog.at_level(logging.WARNING, logger="kg"):
        again = build(corpus, tmp_path / "out", options)
    assert again.up_to_date and again.summary == first.summary and again.exit_code == first.exit_code == 0
    assert "blank.txt: empty or binary, skipped" in caplog.text


def test_a_corpus_without_articles_raises_and_leaves_no_lock(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "blank.txt").write_bytes(b"")
    with pytest.raises(KgError, match="E034"):
        build(corpus, tmp_path / "out", BuildOptions())
    assert not (tmp_path / "out" / ".kg-build.lock").exists()
