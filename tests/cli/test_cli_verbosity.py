"""Global -q / -v: quiet hides progress and notes; an unexpected error is one sentence, its traceback only with -v."""

from __future__ import annotations

import pytest

import kg.cli as cli
from kg.cli import app


def test_quiet_keeps_errors_and_results(runner, seeds_build, tmp_path):
    result = runner.invoke(app, ["-q", "view", str(seeds_build), "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 0 and (tmp_path / "g.html").exists()
    result = runner.invoke(app, ["-q", "query", "cq01", "--graph", str(tmp_path / "missing.ttl")])
    assert result.exit_code == 2 and "E041" in result.output
    result = runner.invoke(app, ["-q", "query", "cq01", "--graph", str(seeds_build / "graph.ttl"), "-f", "csv"])
    assert result.exit_code == 0 and "," in result.output.splitlines()[0]


def _boom():
    raise RuntimeError("disk on fire")


def test_unexpected_error_is_one_sentence_without_traceback(monkeypatch, capsys):
    monkeypatch.setattr(cli, "app", _boom)
    monkeypatch.setitem(cli.VERBOSITY, "level", 0)
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 2
    text = capsys.readouterr().err
    assert "unexpected RuntimeError: disk on fire" in text and "kg -v" in text and "Traceback" not in text
    assert len(text.strip().splitlines()) == 1


def test_verbose_shows_the_traceback(monkeypatch):
    monkeypatch.setattr(cli, "app", _boom)
    monkeypatch.setitem(cli.VERBOSITY, "level", 1)
    with pytest.raises(RuntimeError, match="disk on fire"):
        cli.main()


def test_library_logs_show_with_verbose_only(runner, seeds_build):
    """The library logs on kg's logger; the CLI shows its debug lines with -v, and not otherwise."""
    graph = str(seeds_build / "graph.ttl")
    verbose = runner.invoke(app, ["-v", "explain", "Qoder", "-g", graph])
    assert verbose.exit_code == 0 and "debug 'Qoder' names 1 node(s)" in " ".join(verbose.output.split())
    plain = runner.invoke(app, ["explain", "Qoder", "-g", graph])
    assert plain.exit_code == 0 and "Qoder" in plain.output and "debug" not in plain.output
    assert plain.output in verbose.output or all(line in verbose.output for line in plain.output.splitlines())
