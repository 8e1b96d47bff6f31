"""HTML documentation of the kg ontology, generated with pyLODE.

pyLODE's OntPub profile (https://github.com/RDFLib/pyLODE) renders classes,
properties, their labels, definitions, domains, ranges and restrictions as one
HTML page with its CSS inlined, so the page works offline.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..errors import Errors, KgError
from ..io.output import write_atomic
from ..resources import ontology_file


def ontology_html(source: Path | None = None) -> str:
    """The ontology's documentation page.

    Args:
        source: an ontology file (Turtle or any syntax rdflib reads); kg's own
            ``ontology/kg.ttl`` when None.

    Returns:
        A complete HTML document, as a string. Subjects are sorted; the order of
        the members of a class expression may differ between runs (pyLODE).

    Raises:
        KgError: E083 when pyLODE is not installed.
    """
    root = logging.getLogger()
    level = root.level
    try:
        from pylode import OntPub  # configures the root logger at import; restored below
    except ImportError as exc:
        raise KgError(Errors.E083) from exc
    finally:
        root.setLevel(level)
    try:
        return OntPub(ontology=str(source or ontology_file()), sort_subjects=True).make_html()
    finally:
        root.setLevel(level)


def write_ontology_html(target: Path, source: Path | None = None) -> Path:
    """Write :func:`ontology_html` to ``target`` atomically; returns ``target``."""
    write_atomic(target, ontology_html(source).encode("utf-8"))
    return target
