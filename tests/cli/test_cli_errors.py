"""Bad input: a clear error naming the file, exit 2, and earlier output kept."""

from __future__ import annotations

from kg.cli import app


def test_missing_corpus_exits_2(runner, tmp_path):
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "nope" in result.output and "E032" in result.output


def test_undetectable_article_exits_2_naming_the_file_and_keeps_old_output(runner, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Acme Corp has banned employees from using ChatGPT.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    before = (out / "graph.ttl").read_bytes()
    (corpus / "bad.txt").write_bytes(b"Acme " + bytes(range(0x80, 0x100)))  # no encoding fits with confidence
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out)])
    assert result.exit_code == 2
    assert "bad.txt" in result.output and "byte offset" in result.output
    assert (out / "graph.ttl").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_empty_article_is_skipped_with_a_warning(runner, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    (corpus / "ok.txt").write_text("Acme Corp has banned employees from using ChatGPT.\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output and "skipped" in result.output


def test_unknown_query_and_format(runner, tmp_path):
    g = tmp_path / "g.ttl"
    g.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["query", "cq99", "--graph", str(g)])
    assert result.exit_code == 2 and "E043" in result.output and "no query named" in result.output
    result = runner.invoke(app, ["export", str(g), "--format", "docx", "-o", str(tmp_path / "x")])
    assert result.exit_code == 2
