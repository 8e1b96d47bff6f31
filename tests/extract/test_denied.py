"""A policy that every source denies is recorded with certainty "denied" but is
not answered as a policy by the competency queries (cq01, cq11)."""

from __future__ import annotations

import csv
import io

from kg.cli import app

from ..conftest import write_corpus

ARTICLES = {
    "denial": "Brandor Corp denied a report saying it planned to ban Mivo Chat for its engineers.\n",
    "flat": "Kessup Bank has banned Mivo Chat for all employees.\n",
}


def test_denied_policy_is_kept_as_evidence_but_not_answered(runner, tmp_path):
    corpus = write_corpus(tmp_path / "corpus", ARTICLES)
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(corpus), "-o", str(out), "-q"]).exit_code == 0
    graph = (out / "graph.ttl").read_text(encoding="utf-8")
    assert '"denied"' in graph
    result = runner.invoke(app, ["query", "cq01", "-g", str(out / "graph.ttl"), "-f", "csv"])
    issuers = {row["issuer"] for row in csv.DictReader(io.StringIO(result.output))}
    assert issuers == {"Kessup Bank"}
    result = runner.invoke(app, ["query", "cq11", "-g", str(out / "graph.ttl"), "-f", "csv"])
    assert {row["subject"] for row in csv.DictReader(io.StringIO(result.output))} == {"Kessup Bank"}
