"""kg.extract.extraction.LIVE_TOKENS: the parses kept as live Docs between the two passes and
those packed as DocBin bytes and unpacked again are read alike (the output never depends on it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.cli import app

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("budget", [0, 600])
def test_packed_parses_give_the_graph_of_live_ones(runner, tmp_path, monkeypatch, budget):
    """Every parse packed (budget 0), or the first article's live and the rest packed (600
    tokens): the same graph and report as every parse live (the default budget)."""
    import kg.extract.extraction as extraction

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in sorted((ROOT / "seeds").glob("*.txt"))[:3]:
        shutil.copy(p, corpus / p.name)
    unpacked = []
    original = extraction._unpack
    monkeypatch.setattr(extraction, "_unpack", lambda data, nlp: unpacked.append(1) or original(data, nlp))

    def build(out: Path) -> None:
        result = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--no-cache", "-q"])
        assert result.exit_code == 0, result.output

    build(tmp_path / "live")
    assert unpacked == []  # (three short articles: every parse stays live)
    monkeypatch.setattr(extraction, "LIVE_TOKENS", budget)
    build(tmp_path / "packed")
    assert len(unpacked) == (3 if budget == 0 else 2)
    for name in ("graph.ttl", "validation.ttl"):
        assert (tmp_path / "live" / name).read_bytes() == (tmp_path / "packed" / name).read_bytes()
