"""The fact-kind schema (kg/data/fact_kinds.json, kg.schema): it names only terms
the ontology declares, it covers every kind and attribute the extractor emits,
and a malformed file fails with an error naming the file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.errors import ResourceError
from kg.resources import ontology_file
from kg.schema import SCHEMA_FILE, fact_kinds, load_fact_kinds

ROOT = Path(__file__).resolve().parent.parent
KGO = "https://w3id.org/kg-news/ontology#"
SCHEMA = ROOT / "kg" / "data" / SCHEMA_FILE
#: Observation kinds the extractor emits only as intermediates: ArticleReader's
#: last pass folds reasons and alternatives into policies and addressees into
#: allegations, gives extensions and unattributed policies their issuer and similar
#: measures their product (or drops them) before observations are merged.
INTERMEDIATE = {"reason", "alternative", "addressee", "extension", "unattributed", "similar"}


@pytest.fixture(scope="module")
def tbox() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


def test_every_class_and_property_is_in_the_ontology(tbox):
    for kind in fact_kinds().values():
        for cls in kind.classes:
            assert (URIRef(KGO + cls), RDF.type, OWL.Class) in tbox, f"{kind.name}: kgo:{cls} is not an owl:Class"
        for role, prop in kind.properties.items():
            assert (URIRef(KGO + prop), RDF.type, OWL.ObjectProperty) in tbox, \
                f"{kind.name}.{role}: kgo:{prop} is not an owl:ObjectProperty"
        for name, attr in kind.literal_attributes.items():
            types = set(tbox.objects(URIRef(KGO + attr.prop), RDF.type))
            assert types & {OWL.DatatypeProperty, OWL.AnnotationProperty}, \
                f"{kind.name}.{name}: kgo:{attr.prop} is not declared as a datatype or annotation property"


def test_subclasses_are_subclasses_of_the_kind_class(tbox):
    for kind in fact_kinds().values():
        for cls in kind.classes[1:]:
            assert (URIRef(KGO + cls), RDFS.subClassOf, URIRef(KGO + kind.cls)) in tbox


def test_kinds_named_in_the_extractor_source_are_in_the_schema():
    sources = sorted((ROOT / "kg" / "extract").glob("*.py"))  # the readers and facts.py
    emitted = set()
    for path in sources:
        emitted |= set(re.findall(r'(?:\bemit|\bObservation)\(\s*"(\w+)"', path.read_text(encoding="utf-8")))
    assert emitted, "no emit(...) calls found; the pattern of this test is out of date"
    assert emitted - INTERMEDIATE <= set(fact_kinds()), f"kinds missing from {SCHEMA_FILE}"


def test_every_observation_the_extractor_emits_fits_the_schema(seeds_build, monkeypatch):
    """Read seeds/ (parses from the session's cache) and check each observation
    that reaches the merge: its kind, key roles and attributes are declared."""
    import kg.extract.extraction as build
    from kg.io.cache import default_cache_dir
    from kg.io.corpus import list_corpus, read_article

    seen = []
    real_merge = build.merge

    def merge(observations):
        seen.extend(observations)
        return real_merge(seen)

    monkeypatch.setattr(build, "merge", merge)
    articles = [a for a in (read_article(p) for p in list_corpus(ROOT / "seeds")) if a is not None]
    ex = build.extract(articles, cache=default_cache_dir())
    assert seen and ex.facts
    kinds = fact_kinds()
    for o in seen:
        assert o.kind in kinds, f"observation kind {o.kind!r} is not in {SCHEMA_FILE}"
        kind = kinds[o.kind]
        roles = set(o.roles) - set(kind.key)
        assert roles <= set(kind.entity_attributes), f"{o.kind}: undeclared entity attributes {roles}"
        attrs = set(o.attrs) - kind.attributes
        assert not attrs, f"{o.kind}: undeclared literal attributes {attrs}"
    assert {f.kind for f in ex.facts} == set(kinds), "seeds/ should state a fact of every kind"


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "fact_kinds.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def good() -> dict:
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_the_shipped_file_loads_and_matches_fact_kinds():
    assert load_fact_kinds(SCHEMA) == fact_kinds()


@pytest.mark.parametrize("break_it, says", [
    (lambda d: d.pop("kinds"), "non-empty \"kinds\""),
    (lambda d: d["kinds"]["policy"].pop("key"), "'key'"),
    (lambda d: d["kinds"]["policy"].update(key={}), "at least one role"),
    (lambda d: d["kinds"]["policy"].update(clas="UsagePolicy"), "unknown field(s) clas"),
    (lambda d: d["kinds"]["allegation"]["literal_attributes"].update(practice={"property": "allegedPractice"}),
     "literal attribute 'practice'"),
    (lambda d: d["kinds"]["collection"]["literal_attributes"]["signal"].update(value="number"), "one of text, date"),
    (lambda d: d["kinds"]["nonresponse"].update(key_attributes=["topic"]), "'key_attributes'"),
    (lambda d: d["kinds"]["policy"]["class_by"].pop("otherwise"), "'class_by'"),
    (lambda d: d["kinds"]["policy"]["entity_attributes"].update(product="product"), "more than once"),
])
def test_a_malformed_file_names_the_file_and_the_fault(tmp_path, break_it, says):
    data = good()
    break_it(data)
    path = write(tmp_path, data)
    with pytest.raises(ResourceError) as err:
        load_fact_kinds(path)
    assert err.value.code == "E013"
    assert str(path) in str(err.value) and says in str(err.value)


def test_invalid_json_and_a_missing_file(tmp_path):
    path = write(tmp_path, '{"kinds": {')
    with pytest.raises(ResourceError) as err:
        load_fact_kinds(path)
    assert err.value.code == "E012" and str(path) in str(err.value)
    with pytest.raises(ResourceError) as err:
        load_fact_kinds(tmp_path / "missing.json")
    assert err.value.code == "E011" and "missing.json" in str(err.value)
