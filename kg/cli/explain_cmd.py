"""``kg explain``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import KgError
from . import _fail, app, out

if TYPE_CHECKING:
    from ..query.explain import EntityReport, FactReport
    from ..query.provenance import EvidenceRecord


@app.command()
def explain(
    name: Annotated[str, typer.Argument(help="An entity label or alternative label (any case), an entity IRI or a fact IRI.")],
    graph: Annotated[Path, typer.Option("--graph", "-g", help="A graph file, a `kg build` output folder (its graph.ttl) or a --store folder.")],
) -> None:
    """Show an entity (IRI, type, Wikidata link, facts) or a fact (parts), with every evidence sentence."""
    from ..query.explain import explain as run_explain
    from ..query.sparql import load_graph

    try:
        reports = run_explain(load_graph(graph), name, source=str(graph))
    except KgError as exc:
        _fail(exc)
    render(out, reports)


def render(console: Console, reports: list[EntityReport | FactReport]) -> None:
    """Print the reports of :func:`kg.query.explain.explain`, a blank line between two."""
    from ..query.explain import FactReport

    for i, report in enumerate(reports):
        if i:
            console.print()
        if isinstance(report, FactReport):
            render_fact(console, report)
        else:
            render_entity(console, report)


def render_evidence(console: Console, records: tuple[EvidenceRecord, ...], indent: str = "    ") -> None:
    """Print evidence: article identifier, offsets, certainty, attribution, then the quote."""
    for ev in records:
        extra = f", attributed to {', '.join(ev.attributed_to)}" if ev.attributed_to else ""
        console.print(f"{indent}[bold]{escape(ev.article_id)}[/bold] [{ev.start}:{ev.end}] "
                      f"{escape(ev.certainty or 'stated')}{escape(extra)}", highlight=False, soft_wrap=True)
        console.print(f"{indent}  [italic]“{escape(ev.exact)}”[/italic]", highlight=False)


def render_fact(console: Console, fact: FactReport, indent: str = "") -> None:
    """Print a fact: class, label, counts, IRI, parts, then each evidence."""
    via = f"  (as {fact.role})" if fact.role else ""
    console.print(f"{indent}[bold cyan]{escape(fact.cls)}[/bold cyan] "
                  f"{escape(fact.label)}{escape(via)} — {fact.sources} source(s), "
                  f"{fact.evidence_count} evidence", highlight=False, soft_wrap=True)
    console.print(f"{indent}  {fact.node}", highlight=False, soft_wrap=True, style="dim")
    for prop, value in fact.parts:
        console.print(f"{indent}  {escape(prop)}: {escape(value)}", highlight=False, soft_wrap=True)
    console.print(f"{indent}  evidence ({len(fact.evidence)}):", highlight=False)
    render_evidence(console, fact.evidence, indent + "    ")


def render_entity(console: Console, entity: EntityReport) -> None:
    """Print an entity: label, IRI, type, Wikidata link, mentions, then every fact it takes part in."""
    console.print(f"[bold]{escape(entity.label)}[/bold] ({escape(', '.join(entity.types) or '?')})",
                  highlight=False, soft_wrap=True)
    console.print(f"  IRI: {entity.node}", highlight=False, soft_wrap=True)
    console.print("  Wikidata: " + (", ".join(entity.same_as) if entity.same_as else "none"),
                  highlight=False, soft_wrap=True)
    if entity.alt_labels:
        console.print("  also called: " + escape(", ".join(entity.alt_labels)), highlight=False)
    if entity.mentions:
        console.print("  mentioned in: " + escape(", ".join(entity.mentions)), highlight=False)
    console.print(f"  facts: {len(entity.facts)}", highlight=False)
    for fact in entity.facts:
        console.print()
        render_fact(console, fact, indent="  ")
