"""``benchmarks/realnews/run.py``: what it does when texts of the set are absent (issue 15).

The set's texts live outside the repository; these tests use an invented one-article set."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

TEXT = ("Zorblat bans Quindle chatbot on staff laptops\n\n"
        "The Ruritanian bank Zorblat has banned its employees from using the Quindle chatbot "
        "on work laptops, citing data security.")


@pytest.fixture
def run(tmp_path, monkeypatch):
    """The script as a module, its set, gold and results folder moved under ``tmp_path``."""
    spec = importlib.util.spec_from_file_location("realnews_run", ROOT / "benchmarks" / "realnews" / "run.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    digest = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    rows = [("e001a.txt", "tune", "e001", len(TEXT), digest), ("e002a.txt", "tune", "e002", 10, "0" * 64),
            ("e003a.txt", "check", "e003", 10, "0" * 64)]
    lines = ["\t".join(mod.COLUMNS)] + [
        "\t".join((f, split, ev, f"https://example.org/{ev}", "Example News", "2026-01-02", "query", h, str(n)))
        for f, split, ev, n, h in rows]
    sources = tmp_path / "sources.tsv"
    sources.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = tmp_path / "gold" / "e001"
    gold.mkdir(parents=True)
    (gold / "cq01.csv").write_text("issuer,product,policy_type,scope,region,effective_date,required\n"
                                   "Zorblat,Quindle,ban,employees,,,y\n", encoding="utf-8")
    monkeypatch.setattr(mod, "SOURCES", sources)
    monkeypatch.setattr(mod, "GOLD", tmp_path / "gold")
    monkeypatch.setattr(mod, "RESULTS", tmp_path / "results")
    monkeypatch.setenv("KG_REALNEWS_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache" / "texts").mkdir(parents=True)
    (tmp_path / "results").mkdir()
    return mod


def test_no_text_present_leaves_earlier_results(run, tmp_path, capsys):
    earlier = tmp_path / "results" / "realnews-tune.json"
    earlier.write_text('{"split": "tune"}\n', encoding="utf-8")
    assert run.main(["tune"]) == 1
    assert earlier.read_text(encoding="utf-8") == '{"split": "tune"}\n'
    assert not (tmp_path / "results" / "realnews.md").exists()
    err = capsys.readouterr().err
    assert "no text of the tune split is present" in err and "e001a.txt" in err


def test_missing_texts_are_counted_in_the_result(run, tmp_path):
    (tmp_path / "cache" / "texts" / "e001a.txt").write_bytes(TEXT.encode("utf-8"))
    assert run.main(["tune"]) == 1  # (one text of the split is still missing)
    record = json.loads((tmp_path / "results" / "realnews-tune.json").read_text(encoding="utf-8"))
    assert (record["articles"], record["missing"], record["events"]) == (1, 1, 1)
    assert record["questions"]["cq01"]["required"] == 1
    assert "tune: 1 articles" in (tmp_path / "results" / "realnews.md").read_text(encoding="utf-8")
