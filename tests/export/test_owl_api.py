"""The ontology and every OWL export load in the OWL API (the library Protégé is
built on) with no unparsed triples, no error placeholders, no missing imports
and no OWL 2 DL profile violations.

The checker is kg's own Java program (tests/owlapi/OwlApiCheck.java), compiled
here against Debian's libowlapi-java. In CI (``CI`` set) a missing JDK or OWL
API fails the test instead of skipping it: ``.ci/run`` installs both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.cli import app

ROOT = Path(__file__).resolve().parents[2]
JAVA_DIR = Path(os.environ.get("KG_JAVA_DIR", "/usr/share/java"))
SOURCE = ROOT / "tests" / "owlapi" / "OwlApiCheck.java"
ONTOLOGY_IRI = "https://w3id.org/kg-news/ontology"


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; .ci/run must install a JDK and libowlapi-java", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def owlapi(tmp_path_factory):
    """A function that runs OwlApiCheck on files and returns, per file, a dict of findings."""
    if not (shutil.which("javac") and shutil.which("java")):
        _unavailable("no JDK (javac) on PATH")
    if not list(JAVA_DIR.glob("owlapi-distribution*.jar")):
        _unavailable(f"no OWL API jars in {JAVA_DIR} (Debian: libowlapi-java)")
    classes = tmp_path_factory.mktemp("owlapi-classes")
    classpath = f"{JAVA_DIR}/*"
    subprocess.run(["javac", "-nowarn", "-d", str(classes), "-cp", classpath, str(SOURCE)],
                   check=True, capture_output=True, text=True)

    def check(*files: Path, maps: dict[str, Path] | None = None) -> dict[str, dict]:
        args = []
        for iri, path in (maps or {}).items():
            args += ["--map", f"{iri}={path}"]
        proc = subprocess.run(["java", "-cp", f"{classes}:{classpath}", "OwlApiCheck", *args, *map(str, files)],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        report: dict[str, dict] = {}
        current = None
        for line in proc.stdout.splitlines():
            key, _, value = line.partition("\t")
            if key == "FILE":
                current = report.setdefault(Path(value).name, {"lists": {}})
            elif key in {"UNPARSED_TRIPLE", "VIOLATION", "ERROR_ENTITY", "MISSING_IMPORT", "LOAD_ERROR"}:
                current["lists"].setdefault(key, []).append(value)
            else:
                current[key] = value
        return report

    return check


def assert_clean(found: dict) -> None:
    """No load error, unparsed triple, placeholder, missing import or DL violation."""
    lists = found["lists"]
    assert not lists.get("LOAD_ERROR"), lists["LOAD_ERROR"]
    assert found["UNPARSED"] == "0", lists.get("UNPARSED_TRIPLE", [])[:5]
    assert not lists.get("ERROR_ENTITY"), lists["ERROR_ENTITY"][:5]
    assert not lists.get("MISSING_IMPORT"), lists["MISSING_IMPORT"]
    assert found["VIOLATIONS"] == "0", lists.get("VIOLATION", [])[:5]


def test_ontology_is_owl2_dl(owlapi):
    from rdflib import OWL, RDF, Graph, URIRef

    found = owlapi(ROOT / "ontology" / "kg.ttl")["kg.ttl"]
    assert_clean(found)
    tbox = Graph().parse(ROOT / "ontology" / "kg.ttl")
    named = {c for c in tbox.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    # every named class the Turtle declares became an OWL API class (plus owl:Thing)
    assert int(found["CLASSES"]) >= len(named) > 20


@pytest.fixture(scope="session")
def protege_bundle(tmp_path_factory, runner, seeds_build) -> Path:
    out = tmp_path_factory.mktemp("protege")
    result = runner.invoke(app, ["export", str(seeds_build / "graph.ttl"), "--protege", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_protege_bundle_opens_with_imports_resolved_by_catalog(owlapi, protege_bundle, seeds_graph):
    from rdflib import RDF, URIRef

    assert sorted(p.name for p in protege_bundle.iterdir()) == ["catalog-v001.xml", "graph.owl", "kg-ontology.owl"]
    report = owlapi(protege_bundle / "graph.owl", protege_bundle / "kg-ontology.owl")
    for found in report.values():
        assert_clean(found)
    graph = report["graph.owl"]
    assert graph["FORMAT"] == "RDF/XML Syntax"
    typed = {s for s in seeds_graph.subjects(RDF.type, None)
             if isinstance(s, URIRef) and str(s).startswith("https://w3id.org/kg-news/id/")}
    # the header is an ontology, not an individual; everything else typed is an individual
    assert int(graph["INDIVIDUALS"]) >= len(typed) - 1 > 100
    assert int(graph["LOGICAL_AXIOMS"]) > int(report["kg-ontology.owl"]["LOGICAL_AXIOMS"])


def test_without_the_catalog_the_import_is_reported_missing(owlapi, protege_bundle, tmp_path):
    lonely = tmp_path / "graph.owl"
    shutil.copy(protege_bundle / "graph.owl", lonely)
    found = owlapi(lonely)["graph.owl"]
    assert found["lists"].get("MISSING_IMPORT") == [ONTOLOGY_IRI]


def test_build_output_every_export_and_the_inferred_graph_are_owl2_dl(owlapi, runner, seeds_build, tmp_path):
    files = [seeds_build / "graph.ttl"]
    for fmt, ext in (("xml", "rdf"), ("nt", "nt"), ("jsonld", "jsonld")):
        target = tmp_path / f"graph.{ext}"
        result = runner.invoke(app, ["export", str(seeds_build / "graph.ttl"), "-f", fmt, "-o", str(target)])
        assert result.exit_code == 0, result.output
        files.append(target)
    inferred = tmp_path / "inferred.ttl"
    result = runner.invoke(app, ["reason", str(seeds_build / "graph.ttl"), "-o", str(inferred)])
    assert result.exit_code == 0, result.output
    report = owlapi(*files, inferred, maps={ONTOLOGY_IRI: ROOT / "ontology" / "kg.ttl"})
    assert len(report) == 5
    for found in report.values():
        assert_clean(found)
    # every syntax carries the same axioms
    assert len({report[f.name]["LOGICAL_AXIOMS"] for f in files}) == 1


BROKEN = {
    # an xsd:gMonthDay value of a data property: gMonthDay is not in the OWL 2 datatype map
    "datatype.ttl": """@prefix : <https://example.org/t#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/t> a owl:Ontology . :when a owl:DatatypeProperty . :x :when "--07-10"^^xsd:gMonthDay .""",
    # a restriction with no owl:onProperty
    "restriction.ttl": """@prefix : <https://example.org/t#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://example.org/t> a owl:Ontology . :A a owl:Class ; rdfs:subClassOf [ a owl:Restriction ; owl:someValuesFrom :A ] .""",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_the_checker_catches_what_protege_would_reject(owlapi, tmp_path, name):
    path = tmp_path / name
    path.write_text(BROKEN[name], encoding="utf-8")
    found = owlapi(path)[name]
    problems = (int(found.get("VIOLATIONS", 0)) + int(found.get("UNPARSED", 0))
                + len(found["lists"].get("ERROR_ENTITY", [])) + len(found["lists"].get("LOAD_ERROR", [])))
    assert problems > 0, found


def test_catalog_maps_ontology_and_version_iri_to_the_local_file(protege_bundle):
    import xml.etree.ElementTree as ET

    from rdflib import OWL, Graph, URIRef

    ns = {"c": "urn:oasis:names:tc:entity:xmlns:xml:catalog"}
    entries = {e.get("name"): e.get("uri")
               for e in ET.parse(protege_bundle / "catalog-v001.xml").getroot().findall("c:uri", ns)}
    version = Graph().parse(ROOT / "ontology" / "kg.ttl").value(URIRef(ONTOLOGY_IRI), OWL.versionIRI)
    assert entries == {ONTOLOGY_IRI: "kg-ontology.owl", str(version): "kg-ontology.owl"}


@pytest.mark.parametrize("case", ["folder is a file", "graph without header"])
def test_protege_export_refuses_bad_targets(runner, seeds_build, tmp_path, case):
    graph = seeds_build / "graph.ttl"
    target = tmp_path / "bundle"
    if case == "folder is a file":
        target.write_text("x", encoding="utf-8")
    else:
        graph = tmp_path / "plain.ttl"
        graph.write_text("<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n",
                         encoding="utf-8")
    result = runner.invoke(app, ["export", str(graph), "--protege", str(target)])
    assert result.exit_code == 2
    assert ("E082" if case == "folder is a file" else "E085") in result.output
    if case == "graph without header":
        assert not target.exists()
