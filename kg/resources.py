"""Locate the data files kg ships: ontology, shapes, queries, lexicon, knowledge base.

Files are found next to the installed package (``kg/data``) or, in a source
checkout, at the repository root (``ontology/``, ``queries/``). Every lookup is
by name; no data lives in Python strings.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .errors import ResourceError

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def _first_existing(*candidates: Path) -> Path:
    for path in candidates:
        if path.exists():
            return path
    raise ResourceError("E010", f"cannot find {candidates[0].name}; looked in "
                        + ", ".join(str(c) for c in candidates)
                        + ". Reinstall kg with `pip install -e .` from the repository.")


def ontology_dir() -> Path:
    """Folder holding ``kg.ttl`` (TBox) and ``shapes.ttl`` (SHACL).

    Raises:
        ResourceError: E010 when neither the checkout's nor the package's copy exists.
    """
    return _first_existing(PACKAGE_DIR.parent / "ontology" / "kg.ttl",
                           DATA_DIR / "ontology" / "kg.ttl").parent


def ontology_file() -> Path:
    """Path of the OWL ontology (Turtle)."""
    return ontology_dir() / "kg.ttl"


def shapes_file() -> Path:
    """Path of the SHACL shapes graph (Turtle)."""
    return ontology_dir() / "shapes.ttl"


def queries_dir() -> Path:
    """Folder of the competency-question SPARQL files (``cqNN-*.rq``)."""
    return _first_existing(PACKAGE_DIR.parent / "queries", DATA_DIR / "queries")


@lru_cache(maxsize=None)
def lexicon() -> dict:
    """The extraction lexicon, ``kg/data/lexicon.json``, as a dict (cached)."""
    return json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))


def data_file(name: str) -> Path:
    """Path of a file in ``kg/data`` by name.

    Raises:
        ResourceError: E011 when the file is missing.
    """
    path = DATA_DIR / name
    if not path.exists():
        raise ResourceError("E011", f"data file {path} is missing; reinstall kg.")
    return path
