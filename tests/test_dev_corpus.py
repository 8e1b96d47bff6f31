"""The development corpus (original articles written for kg, tests/dev/) scored with `kg evaluate`.

The floor below is a regression guard: it is where the extractor stands on
articles whose entities and wording differ from the seeds. Raise it as the
extractor improves.
"""

from __future__ import annotations

from pathlib import Path

from kg.cli import app
from kg.query.evaluate import evaluate, totals
from kg.query.sparql import load_graph
from kg.resources import queries_dir

DEV = Path(__file__).parent / "dev"
F1_FLOOR = 0.79


def test_dev_corpus_scores_above_the_floor(runner, dev_build):
    out = dev_build
    scores = evaluate(load_graph(out / "graph.ttl"), queries_dir(), DEV / "gold")
    total = totals(scores)
    assert total["f1"] >= F1_FLOOR, total
    assert total["precision"] >= 0.85, total
    cli = runner.invoke(app, ["evaluate", str(out / "graph.ttl"), "--gold", str(DEV / "gold")])
    assert cli.exit_code == 0 and f"F1={total['f1']:.3f}" in cli.output
