"""kg build writes and validates the graph part by part (kg.rdf.parts.graph_parts,
kg.shacl.validate.write_and_validate), so that the whole graph is never one rdflib
graph: the parts partition the graph, and the part-by-part N-Triples and
validation results are those of the whole graph, faults included, whatever
the part size and the number of workers."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from rdflib import Graph

from kg.rdf.parts import GraphPlan, graph_parts, to_graph
from kg.rdf.serialize import serialize
from kg.shacl.validate import load_tbox, validate, write_and_validate

from ..conftest import report_results

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def extraction():
    """The seed and development corpora read together (real model)."""
    from kg.extract.extraction import extract
    from kg.io.corpus import list_corpus, read_article

    files = list_corpus(ROOT / "seeds") + list_corpus(ROOT / "tests" / "dev" / "corpus")
    return extract([read_article(p) for p in files])


def _break(ex):
    """A copy of ``ex`` whose graph breaks shapes across parts: each fault is
    seen from a node of another part than the one it changes."""
    bad = copy.deepcopy(ex)
    policies = [f for f in bad.facts if f.kind == "policy"]
    product = policies[0].roles["product"]
    product.kind = "Company"  # a policy's product typed as a company: the fact breaks sh:class
    evidence = policies[-1].evidence[0]
    text = next(a.text for a in bad.articles if a.identifier == evidence.article)
    evidence.end = len(text) + 10  # past the article (characterCount of another part)
    country = next(e for e in bad.entities.values() if e.kind == "Country" and not e.implicit)
    allegation = next(f for f in bad.facts if f.kind in {"allegation", "development"})
    allegation.evidence[0].attributed_to = country  # attributed to a place, not an agent
    bad.articles[0].sha256 = "not a digest"  # the article's own shape
    return bad


@pytest.fixture(scope="module")
def broken(extraction):
    bad = _break(extraction)
    whole = to_graph(bad)
    return bad, serialize(whole, "nt"), validate(whole, load_tbox())


def test_parts_partition_the_graph(extraction):
    whole = to_graph(extraction)
    parts = list(graph_parts(extraction, size=7))
    assert len(parts) > 10
    union = Graph()
    subjects = {}
    for part in parts:
        for s in set(part.own.subjects()):
            assert s not in subjects, f"{s} has triples in two parts"
            subjects[s] = part
        union += part.own
    assert len(union) == sum(len(p.own) for p in parts)  # no triple in two parts
    assert serialize(union, "nt") == serialize(whole, "nt")


def test_faults_are_planted(broken):
    _, _, whole = broken
    components = {c.split("#")[-1] for _, _, c, _, _ in report_results(whole.report)}
    assert not whole.conforms
    assert {"ClassConstraintComponent", "PatternConstraintComponent"} <= components
    assert whole.violations >= 5


@pytest.mark.parametrize(("size", "jobs"), [(5, 1), (40, 2), (100000, 1)])
def test_part_by_part_is_the_whole_graph(broken, size, jobs):
    bad, nt, whole = broken
    parts_nt, result = write_and_validate(bad, jobs=jobs, size=size)
    assert parts_nt == nt
    assert result.conforms == whole.conforms
    assert result.violations == whole.violations
    assert report_results(result.report) == report_results(whole.report)


def test_context_is_needed(broken, monkeypatch):
    """Without the context of other parts, part-by-part validation reports
    false violations (the check above can fail)."""
    bad, _, whole = broken
    monkeypatch.setattr(GraphPlan, "add_context", lambda self, g, spec: None)
    _, result = write_and_validate(bad, jobs=1, size=40)
    assert report_results(result.report) != report_results(whole.report)
