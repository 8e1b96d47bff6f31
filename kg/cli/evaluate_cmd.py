"""``kg evaluate``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KgError
from . import _fail, app, out


@app.command()
def evaluate(
    graph: Annotated[Path, typer.Argument(help="A graph file, a `kg build` output folder (its graph.ttl) or a --store folder.")],
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold CSV files (cq01.csv ...).")],
    queries: Annotated[Path | None, typer.Option(help="Folder of cqNN-*.rq queries (default: kg's own).")] = None,
    show_misses: Annotated[bool, typer.Option("--show-misses", help="List missed and wrong rows.")] = False,
) -> None:
    """Score GRAPH against gold answers in the competency-question CSV format."""
    from ..query.evaluate import evaluate as run_eval
    from ..query.evaluate import f1, totals
    from ..query.sparql import load_graph
    from ..resources import queries_dir

    try:
        scores = run_eval(load_graph(graph), queries or queries_dir(), gold)
    except KgError as exc:
        _fail(exc)
    out.print(f"{'cq':5} {'P':>6} {'R':>6} {'F1':>6}  returned/right  required/found")
    for s in scores:
        out.print(f"{s.question:5} {s.precision:6.2f} {s.recall:6.2f} {f1(s.precision, s.recall):6.2f}  "
                  f"{s.returned:>8}/{s.right:<5} {s.required:>8}/{s.found:<5}", highlight=False)
        if show_misses:
            for row in s.missed:
                out.print(f"      missed: {row}", highlight=False)
            for row in s.wrong:
                out.print(f"      wrong:  {row}", highlight=False)
    t = totals(scores)
    out.print(f"total P={t['precision']:.3f} R={t['recall']:.3f} F1={t['f1']:.3f} "
              f"attr={t['attribute_accuracy']:.3f}", highlight=False)
