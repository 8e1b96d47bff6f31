"""Locate the data files kg ships: ontology, shapes, queries, lexicon, knowledge base.

The top-level ``ontology/`` and ``queries/`` folders of the repository are the
one source of the ontology, the shapes and the competency queries. A wheel
carries them inside the package as ``kg/ontology`` and ``kg/queries`` (the
``package-dir`` mapping in ``pyproject.toml``); a source checkout or an
editable install reads them at the repository root. Files are looked up in the
installed package first (:func:`importlib.resources.files`), then in the
checkout. Every lookup is by name; no data lives in Python strings.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import Errors, ResourceError

PACKAGE_DIR = Path(str(resources.files(__package__)))
DATA_DIR = PACKAGE_DIR / "data"
#: The repository root when kg runs from a source checkout (or an editable install).
CHECKOUT_DIR = PACKAGE_DIR.parent


def _first_existing(*candidates: Path) -> Path:
    for path in candidates:
        if path.exists():
            return path
    raise ResourceError(Errors.E010, name=candidates[0].name, places=", ".join(str(c) for c in candidates))


def ontology_dir() -> Path:
    """Folder holding ``kg.ttl`` (TBox) and ``shapes.ttl`` (SHACL): ``kg/ontology``
    in an installed wheel, ``ontology/`` in a source checkout.

    Raises:
        ResourceError: E010 when neither the package's nor the checkout's copy exists.
    """
    return _first_existing(PACKAGE_DIR / "ontology" / "kg.ttl",
                           CHECKOUT_DIR / "ontology" / "kg.ttl").parent


def ontology_file() -> Path:
    """Path of the OWL ontology (Turtle)."""
    return ontology_dir() / "kg.ttl"


def shapes_file() -> Path:
    """Path of the SHACL shapes graph (Turtle)."""
    return ontology_dir() / "shapes.ttl"


def queries_dir() -> Path:
    """Folder of the competency-question SPARQL files (``cqNN-*.rq``): ``kg/queries``
    in an installed wheel, ``queries/`` in a source checkout.

    Raises:
        ResourceError: E010 when neither exists.
    """
    return _first_existing(PACKAGE_DIR / "queries" / "cq01-policies.rq",
                           CHECKOUT_DIR / "queries" / "cq01-policies.rq").parent


@cache
def lexicon() -> dict:
    """The extraction lexicon, ``kg/data/lexicon.json``, with every word list a typed,
    immutable :class:`kg.nlp.lexicon.WordList` (cached).

    Raises:
        ResourceError: E011, E012, E016, E017 (see :func:`kg.nlp.lexicon.load_word_lists`).
    """
    from .nlp.lexicon import load_word_lists

    return load_word_lists(DATA_DIR / "lexicon.json")


def read_json(path: Path) -> Any:
    """The JSON value of a data file.

    Raises:
        ResourceError: E011 when the file is missing or unreadable; E012 when it is not valid JSON.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(Errors.E011, path=path) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ResourceError(Errors.E012, path=path, error=exc) from exc


def data_file(name: str) -> Path:
    """Path of a file in ``kg/data`` by name.

    Raises:
        ResourceError: E011 when the file is missing.
    """
    path = DATA_DIR / name
    if not path.exists():
        raise ResourceError(Errors.E011, path=path)
    return path


def ontology_version() -> str:
    """The ontology's ``owl:versionInfo`` (else the last path segment of its
    ``owl:versionIRI``), read from :func:`ontology_file`.

    Raises:
        ResourceError: E010 when the ontology file is missing; E014 when it
            states no version.
    """
    from rdflib import Graph, URIRef
    from rdflib.namespace import OWL, RDF

    onto = Graph().parse(ontology_file(), format="turtle")
    for subject in onto.subjects(RDF.type, OWL.Ontology):
        info = onto.value(subject, OWL.versionInfo)
        if info is not None:
            return str(info)
        iri = onto.value(subject, OWL.versionIRI)
        if isinstance(iri, URIRef):
            return str(iri).rstrip("/").rsplit("/", 1)[-1]
    raise ResourceError(Errors.E014, path=ontology_file())
