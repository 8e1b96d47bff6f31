"""Shared fixtures: the real spaCy model, and one build of the seed corpus per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def isolated_cache(tmp_path_factory):
    """Builds in tests (in process and in subprocesses) use a cache folder of
    their own, not the user's ~/.cache/kg."""
    import os

    folder = tmp_path_factory.mktemp("kg-cache")
    old = os.environ.get("KG_CACHE_DIR")
    os.environ["KG_CACHE_DIR"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("KG_CACHE_DIR", None)
    else:
        os.environ["KG_CACHE_DIR"] = old


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
def dev_build(tmp_path_factory, runner) -> Path:
    """Build the development corpus (tests/dev/corpus) once; returns the output folder."""
    out = tmp_path_factory.mktemp("dev-out")
    result = runner.invoke(app, ["build", str(ROOT / "tests" / "dev" / "corpus"), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def seeds_graph(seeds_build):
    from kg.query.sparql import load_graph

    return load_graph(seeds_build / "graph.ttl")


def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    """Write articles (name -> text) as UTF-8 .txt files into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


#: Two invented articles that disagree on when one ban starts (and a third that agrees with neither).
CONFLICT_ARTICLES = {
    "zentrix-a": "Zentrix Corp bans Quorra Chat\n"
                 "Zentrix Corp has banned its employees from using the chatbot Quorra Chat from March 3, 2025, "
                 "the company said.\n",
    "zentrix-b": "Quorra Chat barred at Zentrix\n"
                 "Zentrix Corp has banned employees from using the Quorra Chat app from April 9, 2025, "
                 "citing security concerns.\n",
    "velloran": "Velloran limits Brisko\n"
                "Velloran Group has banned its staff from using the chatbot Brisko from June 2, 2025.\n",
}


@pytest.fixture(scope="session")
def conflict_build(tmp_path_factory, runner) -> Path:
    """Build CONFLICT_ARTICLES once; returns the output folder."""
    root = tmp_path_factory.mktemp("conflicts")
    corpus = write_corpus(root / "corpus", CONFLICT_ARTICLES)
    result = runner.invoke(app, ["build", str(corpus), "-o", str(root / "out"), "-q"])
    assert result.exit_code == 0, result.output
    return root / "out"


def extract_corpus(folder: Path, articles: dict[str, str]):
    """Write articles into folder and read them with the extractor (real model)."""
    from kg.extract.extraction import extract
    from kg.io.corpus import read_article

    write_corpus(folder, articles)
    return extract([read_article(p) for p in sorted(folder.glob("*.txt"))])


def facts_of(ex, kind: str) -> list:
    """The merged facts of one kind ("policy", "allegation", ...) of an extraction."""
    return [f for f in ex.facts if f.kind == kind]


def report_results(report) -> set:
    """Each result of a SHACL validation report as (focus node, path,
    constraint component, value, message): comparable across reports."""
    from rdflib import URIRef
    from rdflib.namespace import RDF, SH

    out = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(r, SH.resultPath)
        out.add((report.value(r, SH.focusNode), path if isinstance(path, URIRef) else None,
                 report.value(r, SH.sourceConstraintComponent), report.value(r, SH.value),
                 str(report.value(r, SH.resultMessage))))
    return out
