"""Shared fixtures: the real spaCy model, and one build of the seed corpus per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory, runner) -> Path:
    """Build seeds/ once; returns the output folder."""
    out = tmp_path_factory.mktemp("seeds-out")
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def seeds_graph(seeds_build):
    from kg.query import load_graph

    return load_graph(seeds_build / "graph.ttl")


def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    """Write articles (name -> text) as UTF-8 .txt files into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder
