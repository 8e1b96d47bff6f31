"""OWL 2 DL reasoning over a kg graph with HermiT (through owlready2).

:func:`reason` loads the ontology (TBox) and a graph (ABox) into a fresh
owlready2 ``World``, runs HermiT once (consistency check, classification and
realization) and returns the class memberships HermiT entails that the graph
does not assert: the defined classes of the ontology (``kgo:BanIssuer``,
``kgo:RestrictedProduct``, ``kgo:AccusedOrganization`` ...) and the types that
domains, ranges and subclass axioms imply. :func:`inferred_graph` writes them
as an RDF graph that ``owl:imports`` the ontology.

When HermiT finds the ontology and graph inconsistent, :func:`diagnose` names
the individuals responsible: it closes each individual's types under the
TBox's ``rdfs:subClassOf``, ``rdfs:domain``, ``rdfs:range`` and
``owl:sameAs`` and reports every pair of disjoint classes
(``owl:AllDisjointClasses``, ``owl:disjointWith``) an individual falls in,
with the triples that put it there.

HermiT: Glimm, Horrocks, Motik, Stoilos, Wang, "HermiT: An OWL 2 Reasoner",
Journal of Automated Reasoning 53 (2014). It is bundled with owlready2 and
needs a Java runtime (``java`` on ``PATH``).
"""

from __future__ import annotations

import io
import shutil
import time
from dataclasses import dataclass, field
from typing import Any

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from ..errors import Errors, KgError
from ..rdf.namespaces import GRAPH_LICENSE, KGO_URI, KGR, ONTOLOGY_IRI

#: IRI of the owl:Ontology header of the inferred-memberships graph.
INFERRED_IRI = URIRef(str(KGR) + "inferred")


@dataclass(frozen=True)
class Clash:
    """An individual that falls in two disjoint classes.

    Attributes:
        individual: the individual's IRI.
        classes: the two disjoint classes, sorted.
        because: for each of the two classes, the asserted triple (as N-Triples-like
            text) from which the membership follows, in the order of ``classes``.
    """

    individual: URIRef
    classes: tuple[URIRef, URIRef]
    because: tuple[str, str]


@dataclass
class ReasonResult:
    """What HermiT said about a graph.

    Attributes:
        consistent: whether the ontology and graph together are consistent.
        inferred: ``(individual, class)`` pairs HermiT entails and the graph does
            not assert, sorted; empty when inconsistent.
        clashes: when inconsistent, the disjointness clashes :func:`diagnose` found.
        seconds: wall-clock time of the HermiT run, in seconds.
    """

    consistent: bool
    inferred: list[tuple[URIRef, URIRef]] = field(default_factory=list)
    clashes: list[Clash] = field(default_factory=list)
    seconds: float = 0.0

    def members(self, cls: URIRef) -> list[URIRef]:
        """The individuals inferred to be members of ``cls``, sorted."""
        return sorted(i for i, c in self.inferred if c == cls)


def _require_java() -> None:
    if shutil.which("java") is None:
        raise KgError(Errors.E080)


def _ntriples(g: Graph) -> bytes:
    return g.serialize(format="nt", encoding="utf-8")


def reason(abox: Graph, tbox: Graph) -> ReasonResult:
    """Check consistency and materialize entailed class memberships with HermiT.

    Args:
        abox: the graph built by ``kg build`` (its ``owl:imports`` is ignored:
            ``tbox`` stands in for the import, so nothing is fetched).
        tbox: the kg ontology.

    Returns:
        A :class:`ReasonResult`. Only individuals whose IRI is in the kg
        resource namespace (``https://w3id.org/kg-news/id/``) are reported, and
        only named classes; memberships the graph asserts are left out.

    Raises:
        KgError: E080 when no Java runtime is found; E081 when HermiT fails for
            another reason than inconsistency (the message carries its error).
    """
    import owlready2

    _require_java()
    data = Graph()
    for t in abox:
        if t[1] != OWL.imports:
            data.add(t)
    world = owlready2.World()
    world.get_ontology(str(ONTOLOGY_IRI)).load(fileobj=io.BytesIO(_ntriples(tbox)), format="ntriples")
    world.get_ontology(str(INFERRED_IRI) + "-input").load(fileobj=io.BytesIO(_ntriples(data)), format="ntriples")
    start = time.perf_counter()
    try:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return ReasonResult(False, clashes=diagnose(abox, tbox), seconds=time.perf_counter() - start)
    except Exception as exc:  # owlready2 raises plain errors with HermiT's stderr
        raise KgError(Errors.E081, error=str(exc).strip().splitlines()[-1] if str(exc).strip() else repr(exc)) from exc
    seconds = time.perf_counter() - start

    asserted = _type_closure(abox, tbox, use_properties=False)
    inferred = set()
    base = str(KGR)
    for iri in sorted({s for s in data.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(base)}):
        ind = world[str(iri)]
        if ind is None:
            continue
        for cls in ind.INDIRECT_is_a:
            cls_iri = getattr(cls, "iri", None)
            if not isinstance(cls, owlready2.ThingClass) or cls_iri is None or cls_iri == str(OWL.Thing):
                continue
            if URIRef(cls_iri) not in asserted.get(iri, ()):
                inferred.add((iri, URIRef(cls_iri)))
    return ReasonResult(True, inferred=sorted(inferred), seconds=seconds)


def inferred_graph(result: ReasonResult, source: str) -> Graph:
    """The inferred memberships as an RDF graph of ``rdf:type`` triples.

    The graph has an ``owl:Ontology`` header (``kgr:inferred``) that imports the
    kg ontology and says which graph it was inferred from, so it loads in
    Protégé next to the graph, or alone.

    Args:
        result: a consistent :class:`ReasonResult`.
        source: the name of the graph file reasoned over (for ``dcterms:source``).
    """
    g = Graph()
    g.bind("kgo", KGO_URI)
    g.bind("kgr", str(KGR))
    g.bind("dcterms", DCTERMS)
    g.bind("owl", OWL)
    g.add((INFERRED_IRI, RDF.type, OWL.Ontology))
    g.add((INFERRED_IRI, OWL.imports, ONTOLOGY_IRI))
    g.add((INFERRED_IRI, DCTERMS.title, Literal("kg inferred class memberships", lang="en")))
    g.add((INFERRED_IRI, DCTERMS.description, Literal(
        f"Class memberships that HermiT entails from the kg ontology and {source}, and that the graph "
        f"does not assert: {len(result.inferred)} rdf:type triples.", lang="en")))
    g.add((INFERRED_IRI, DCTERMS.source, Literal(source)))
    g.add((INFERRED_IRI, DCTERMS.license, GRAPH_LICENSE))
    for ind, cls in result.inferred:
        g.add((ind, RDF.type, cls))
    return g


def _disjoint_pairs(tbox: Graph) -> set[frozenset]:
    pairs = set()
    for a, b in tbox.subject_objects(OWL.disjointWith):
        pairs.add(frozenset((a, b)))
    for node in tbox.subjects(RDF.type, OWL.AllDisjointClasses):
        head = tbox.value(node, OWL.members)
        members = list(Collection(tbox, head)) if head is not None else []
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pairs.add(frozenset((a, b)))
    return pairs


def _superclasses(tbox: Graph) -> dict[URIRef, set[URIRef]]:
    direct: dict = {}
    for sub, sup in tbox.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            direct.setdefault(sub, set()).add(sup)
    closed: dict = {}

    def up(c, seen=()):
        if c in closed:
            return closed[c]
        out = {c}
        for s in direct.get(c, ()):
            if s not in seen:
                out |= up(s, seen + (c,))
        closed[c] = out
        return out

    for c in list(direct):
        up(c)
    return closed


def _type_closure(abox: Graph, tbox: Graph, use_properties: bool = True, reasons: dict | None = None) -> dict:
    """Each individual's named types, closed under subclass (and, with
    ``use_properties``, property domains and ranges and ``owl:sameAs``).

    ``reasons`` (when given) receives ``(individual, class) -> triple text``
    for the first triple that put the individual in the class.
    """
    sup = _superclasses(tbox)
    domain: dict[Node, set[Any]] = {p: set(tbox.objects(p, RDFS.domain)) for p in set(tbox.subjects(RDFS.domain, None))}
    rng: dict[Node, set[Any]] = {p: set(tbox.objects(p, RDFS.range)) for p in set(tbox.subjects(RDFS.range, None))}
    types: dict = {}

    def add(ind, cls, why):
        for c in sup.get(cls, {cls}):
            if not isinstance(c, URIRef):
                continue
            bucket = types.setdefault(ind, set())
            if c not in bucket:
                bucket.add(c)
                if reasons is not None:
                    reasons.setdefault((ind, c), why)

    for s, p, o in sorted(abox):
        if not isinstance(s, URIRef):
            continue
        if p == RDF.type:
            if isinstance(o, URIRef):
                add(s, o, f"<{s}> a <{o}>")
        elif use_properties:
            for c in sorted(domain.get(p, ())):
                add(s, c, f"<{s}> <{p}> {o.n3()} (domain of <{p}>)")
            if isinstance(o, URIRef):
                for c in sorted(rng.get(p, ())):
                    if c != RDFS.Literal:
                        add(o, c, f"<{s}> <{p}> <{o}> (range of <{p}>)")
    if use_properties:
        for a, b in sorted(abox.subject_objects(OWL.sameAs)):
            for x, y in ((a, b), (b, a)):
                for c in sorted(types.get(y, set())):
                    why = (reasons or {}).get((y, c), "")
                    add(x, c, f"<{a}> owl:sameAs <{b}>; {why}")
    return types


def diagnose(abox: Graph, tbox: Graph) -> list[Clash]:
    """Name the individuals that fall in two disjoint classes.

    A structural check that needs no reasoner: types come from ``rdf:type``
    assertions, the domains and ranges of the properties used, subclass axioms
    and one step of ``owl:sameAs``; disjointness from ``owl:AllDisjointClasses``
    and ``owl:disjointWith`` (OWL 2 Structural Specification, section 9.1.3).

    Returns:
        One :class:`Clash` per individual and disjoint pair, sorted by individual;
        only individuals in the kg resource namespace are reported.
    """
    reasons: dict = {}
    types = _type_closure(abox, tbox, use_properties=True, reasons=reasons)
    pairs = _disjoint_pairs(tbox)
    clashes = []
    base = str(KGR)
    for ind in sorted(types):
        if not str(ind).startswith(base):
            continue
        found = sorted(tuple(sorted(p)) for p in pairs if p <= types[ind])
        for a, b in found:
            clashes.append(Clash(ind, (a, b), (reasons.get((ind, a), ""), reasons.get((ind, b), ""))))
    return clashes
