"""Ontology hygiene at the level of ROBOT's report and the OOPS! pitfall catalogue.

ROBOT report queries: missing_label, multiple_labels, duplicate_label,
missing_definition, missing_ontology_title/description/license.
OOPS! (Poveda-Villalón et al., IJSWIS 10(2), 2014): P08 missing annotations,
P11 missing domain or range, P13 inverse relationships not declared, P41 no
license. Disjointness: an organization is not a product, nor a place.
"""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import DCTERMS

from kg.export.reason import _disjoint_pairs, _superclasses
from kg.resources import ontology_file

KGO = "https://w3id.org/kg-news/ontology#"
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def tbox() -> Graph:
    return Graph().parse(ontology_file(), format="turtle")


def declared(tbox, *kinds) -> list[URIRef]:
    return sorted({s for k in (kinds or KINDS) for s in tbox.subjects(RDF.type, k) if isinstance(s, URIRef)})


def test_header_has_title_description_license_and_version(tbox):
    onto = URIRef("https://w3id.org/kg-news/ontology")
    for p in (DCTERMS.title, DCTERMS.description, DCTERMS.license):
        assert tbox.value(onto, p) is not None, p
    version = str(tbox.value(onto, OWL.versionInfo))
    assert str(tbox.value(onto, OWL.versionIRI)).endswith("/" + version)


def test_every_entity_has_one_english_label_and_one_definition(tbox):
    entities = declared(tbox)
    assert len(entities) > 60
    for e in entities:
        labels = Counter(getattr(label, "language", None) for label in tbox.objects(e, RDFS.label))
        assert labels and all(n == 1 for n in labels.values()), (e, labels)
        assert labels.get("en") == 1, e
        assert len(list(tbox.objects(e, SKOS.definition))) == 1, e


def test_no_two_entities_share_a_label(tbox):
    by_label: dict[str, list] = {}
    for e in declared(tbox):
        for label in tbox.objects(e, RDFS.label):
            by_label.setdefault(str(label).casefold(), []).append(e)
    assert {k: v for k, v in by_label.items() if len(v) > 1} == {}


def test_object_and_data_properties_have_domain_and_range(tbox):
    for p in declared(tbox, OWL.ObjectProperty, OWL.DatatypeProperty):
        assert tbox.value(p, RDFS.domain) is not None, p
        assert tbox.value(p, RDFS.range) is not None, p


def test_every_kg_object_property_has_an_inverse_with_swapped_domain_and_range(tbox):
    for p in declared(tbox, OWL.ObjectProperty):
        if not str(p).startswith(KGO):
            continue
        inverses = set(tbox.objects(p, OWL.inverseOf)) | set(tbox.subjects(OWL.inverseOf, p))
        assert len(inverses) == 1, p
        inv = inverses.pop()
        if str(inv).startswith(KGO):
            assert tbox.value(p, RDFS.domain) == tbox.value(inv, RDFS.range), (p, inv)
            assert tbox.value(p, RDFS.range) == tbox.value(inv, RDFS.domain), (p, inv)


@pytest.mark.parametrize("a, b", [("Organization", "Product"), ("Organization", "Place"), ("Product", "Place"),
                                  ("Person", "Organization"), ("Fact", "Entity"), ("Article", "Fact"),
                                  ("Ban", "Restriction"), ("UsagePolicy", "Allegation")])
def test_top_classes_are_disjoint(tbox, a, b):
    sup = _superclasses(tbox)
    pairs = _disjoint_pairs(tbox)
    up_a, up_b = sup.get(URIRef(KGO + a), {URIRef(KGO + a)}), sup.get(URIRef(KGO + b), {URIRef(KGO + b)})
    assert any(frozenset((x, y)) in pairs for x in up_a for y in up_b), (a, b)


def test_defined_classes_are_equivalent_to_a_class_and_an_existential(tbox):
    defined = [c for c in declared(tbox, OWL.Class) if tbox.value(c, OWL.equivalentClass) is not None]
    assert len(defined) >= 5
    for c in defined:
        eq = tbox.value(c, OWL.equivalentClass)
        members = list(tbox.items(tbox.value(eq, OWL.intersectionOf)))
        assert len(members) == 2 and isinstance(members[0], URIRef), c
        restriction = members[1]
        assert tbox.value(restriction, OWL.onProperty) in set(declared(tbox, OWL.ObjectProperty)), c
        assert tbox.value(restriction, OWL.someValuesFrom) in set(declared(tbox, OWL.Class)), c
