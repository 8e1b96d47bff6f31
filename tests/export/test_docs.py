"""docs/ontology.html (pyLODE) documents every term of the current ontology."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import OWL, RDF, Graph, URIRef

from kg.cli import app
from kg.resources import ontology_file

ROOT = Path(__file__).resolve().parents[2]
KGO = "https://w3id.org/kg-news/ontology#"


def kg_terms() -> set[str]:
    tbox = Graph().parse(ontology_file())
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {str(s) for k in kinds for s in tbox.subjects(RDF.type, k)
            if isinstance(s, URIRef) and str(s).startswith(KGO)}


def documented(html: str) -> set[str]:
    return set(re.findall(r"<code>(https://w3id\.org/kg-news/ontology#\w+)</code>", html))


def test_committed_docs_cover_every_term_of_the_ontology():
    html = (ROOT / "docs" / "ontology.html").read_text(encoding="utf-8")
    terms = kg_terms()
    assert len(terms) > 50
    assert terms - documented(html) == set(), "run `kg docs` to regenerate docs/ontology.html"
    assert documented(html) - terms == set(), "docs/ontology.html documents terms the ontology no longer has"
    version = str(Graph().parse(ontology_file()).value(URIRef(KGO[:-1]), OWL.versionInfo))
    assert version in html


def test_kg_docs_writes_a_self_contained_page(runner, tmp_path):
    target = tmp_path / "ontology.html"
    result = runner.invoke(app, ["docs", "-o", str(target)])
    assert result.exit_code == 0, result.output
    html = target.read_text(encoding="utf-8")
    assert documented(html) == kg_terms()
    assert "<style" in html and not re.search(r"<(script|link)[^>]+(src|href)=\"https?://", html)
