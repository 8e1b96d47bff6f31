"""``kg reason``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KgError
from . import _fail, app, err, out


@app.command()
def reason(
    graph: Annotated[Path, typer.Argument(help="A graph file or a `kg build` output folder (its graph.ttl).")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Turtle file for the inferred class memberships (default: inferred.ttl beside GRAPH).")] = None,
) -> None:
    """Check GRAPH with HermiT (OWL 2 DL) and write the class memberships it infers.

    Exit 0 consistent (inferred memberships written), 1 inconsistent (the
    individuals in two disjoint classes are named), 2 error (for example no Java).
    """
    from rdflib import RDFS
    from rich.table import Table

    from ..export.reason import inferred_graph
    from ..export.reason import reason as run_reason
    from ..io.output import write_atomic, write_error
    from ..query.sparql import load_graph, resolve_graph
    from ..rdf.serialize import serialize
    from ..shacl.validate import load_tbox

    try:
        graph = resolve_graph(graph)
        tbox = load_tbox()
        result = run_reason(load_graph(graph, with_ontology=False), tbox)
    except KgError as exc:
        _fail(exc)
    if not result.consistent:
        err.print(f"[red]inconsistent[/red] {graph}: HermiT found the graph inconsistent with the kg ontology.",
                  highlight=False)
        for c in result.clashes:
            err.print(f"  <{c.individual}> is in both <{c.classes[0]}> and <{c.classes[1]}>, which are disjoint:",
                      highlight=False)
            for why in c.because:
                err.print(f"    {why}", highlight=False)
        if not result.clashes:
            err.print("  no individual is in two disjoint classes by its types, domains and ranges; "
                      "open the graph in Protégé and use Explain inconsistency.", highlight=False)
        raise typer.Exit(1)
    target = output or graph.with_name("inferred.ttl")
    try:
        write_atomic(target, serialize(inferred_graph(result, graph.name), "turtle"))
    except OSError as exc:
        _fail(write_error(target, exc))
    labels = {s: str(o) for s, o in tbox.subject_objects(RDFS.label)}
    counts: dict = {}
    for _, cls in result.inferred:
        counts[cls] = counts.get(cls, 0) + 1
    table = Table("inferred class", "individuals", title=f"consistent (HermiT, {result.seconds:.1f} s)")
    for cls in sorted(counts, key=lambda c: (-counts[c], str(c))):
        table.add_row(labels.get(cls, str(cls)), str(counts[cls]))
    out.print(table)
    out.print(f"wrote {len(result.inferred)} inferred memberships to {target}", highlight=False)
