"""``kg docs``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import KgError
from . import _fail, app, out


@app.command()
def docs(
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("docs/ontology.html"),
    ontology: Annotated[Path | None, typer.Option(help="Ontology file to document (default: kg's own).")] = None,
) -> None:
    """Write HTML documentation of the ontology with pyLODE (CSS inlined, works offline)."""
    from ..export.docs import write_ontology_html
    from ..io.output import write_error

    try:
        path = write_ontology_html(output, ontology)
    except KgError as exc:
        _fail(exc)
    except OSError as exc:
        _fail(write_error(output, exc))
    out.print(f"wrote {path}", highlight=False)
