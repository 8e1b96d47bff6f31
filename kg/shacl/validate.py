"""SHACL validation of a kg graph with pySHACL.

Validation runs without inference (``inference="none"``): the shapes check
explicit types, and the ontology's triples are added to the working graph
only so that ``sh:class`` and ``sh:targetClass`` see ``rdfs:subClassOf``
(https://www.w3.org/TR/shacl/#targetClass). The report is data: an RDF graph
of ``sh:ValidationReport``.

What makes it fast (issue 18; the results are those of pySHACL on the shapes
as written, tested): the working graph is a :class:`kg.rdf.indexed.IndexedGraph`
(dict look-ups instead of rdflib's context-aware store), whose SPARQL
(the SHACL-AF targets and SHACL-SPARQL constraints of the shapes) Oxigraph
answers; the property shapes of targeted node shapes are validated as
top-level shapes (:func:`_lift_property_shapes`); the shapes are parsed once
per process; and the disjointness and label datatype checks, which need
nested shapes, run only on the nodes a SPARQL target picks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from ..rdf.indexed import IndexedGraph
from ..resources import ontology_file, shapes_file


@dataclass
class ValidationResult:
    """Outcome of validating a data graph.

    Attributes:
        conforms: True when no shape is violated.
        report: the SHACL validation report graph.
        text: pySHACL's human-readable report.
        violations: number of ``sh:ValidationResult`` nodes in the report.
        rechecked: for incremental validation (:func:`validate_changes`), the
            number of focus nodes validated again; None when the whole graph
            was validated.
    """

    conforms: bool
    report: Graph
    text: str
    violations: int
    rechecked: int | None = None


def load_tbox() -> Graph:
    """The ontology (TBox) as an rdflib graph."""
    return Graph().parse(ontology_file(), format="turtle")


#: Target predicates of a node shape that :func:`_lift_property_shapes` copies onto its property shapes.
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf)
_SHAPES: dict = {}  # (path, size, mtime) -> (lifted shapes graph, lifted triples)


def _lift_property_shapes(shapes: Graph) -> tuple[Graph, frozenset]:
    """The shapes graph with every ``sh:property`` of a targeted node shape made
    a top-level property shape with the node shape's targets, and those added
    triples.

    SHACL gives the same results both ways: a node shape's property shape is
    validated on the node shape's focus nodes (https://www.w3.org/TR/shacl/#property-shapes),
    and the results are the property shape's own (its path, message, source
    shape). pySHACL, though, validates a nested property shape once per focus
    node, building its constraint components again each time, and a
    top-level one once for all its focus nodes: at 21,000 triples the second
    takes 0.55 of the time. Only node shapes whose targets are all IRIs
    (``sh:targetClass``, ``sh:targetNode``, ``sh:targetObjectsOf``,
    ``sh:targetSubjectsOf``) and that no other shape refers to are lifted;
    the file ``ontology/shapes.ttl`` stays as written.
    """
    from rdflib import BNode

    lifted = set()
    out = Graph()
    for prefix, ns in shapes.namespaces():
        out.bind(prefix, ns)
    out += shapes
    referenced = set(shapes.objects(None, SH.node)) | set(shapes.objects(None, SH["not"]))
    for node in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        targets = sorted((p, o) for p, o in shapes.predicate_objects(node) if p in _TARGETS)
        if (not targets or node in referenced or isinstance(node, BNode)
                or any(p == SH.target for p in shapes.predicates(node))):
            continue
        for prop in sorted(shapes.objects(node, SH.property), key=str):
            out.remove((node, SH.property, prop))
            for p, o in targets:
                if (prop, p, o) not in shapes:
                    out.add((prop, p, o))
                    lifted.add((prop, p, o))
    return out, frozenset(lifted)


def _shapes() -> tuple[Graph, frozenset]:
    """``ontology/shapes.ttl`` parsed and lifted (:func:`_lift_property_shapes`),
    kept while the file is unchanged (its size and modification time)."""
    path = Path(shapes_file())
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _SHAPES:
        _SHAPES.clear()
        shapes, lifted = _lift_property_shapes(Graph().parse(path, format="turtle"))
        indexed = IndexedGraph(shapes)
        for prefix, ns in shapes.namespaces():
            indexed.bind(prefix, ns, override=True, replace=True)
        _SHAPES[key] = (indexed, lifted)
    return _SHAPES[key]


def validate(data: Graph, tbox: Graph | None = None, inplace: bool = False) -> ValidationResult:
    """Validate a graph against ``ontology/shapes.ttl``.

    pySHACL runs without inference, with the ontology's triples in the data
    graph (so that ``sh:class`` and ``sh:targetClass`` follow
    ``rdfs:subClassOf``), on the shapes as :func:`_lift_property_shapes`
    gives them (same results), on a :class:`kg.rdf.indexed.IndexedGraph` whose
    SPARQL Oxigraph answers. The report is pySHACL's, with the targets that
    lifting added taken out of the source shapes copied into it: the report
    of the shapes as written.

    Args:
        data: the ABox graph; never changed.
        tbox: the ontology graph; loaded from ``ontology/kg.ttl`` when None.
        inplace: when ``data`` is an :class:`~kg.rdf.indexed.IndexedGraph`,
            validate it itself, with the ontology's triples added for the run
            and taken out again afterwards (``data`` ends as it began; it must
            not be read by anyone else meanwhile), instead of an indexed copy
            (any other graph is copied). The report's text writes IRIs with
            ``data``'s prefixes.
    """
    from pyshacl import validate as shacl_validate

    shapes, lifted = _shapes()
    tbox = tbox if tbox is not None else load_tbox()
    if inplace and isinstance(data, IndexedGraph):
        work, borrowed = data, [t for t in tbox if t not in data]
    else:
        # pySHACL would copy the data graph to mix the ontology in: this is that copy
        work = IndexedGraph(data, **({"namespace_manager": data.namespace_manager} if inplace else {}))
        borrowed = list(tbox)
    try:
        for triple in borrowed:
            work.add(triple)
        work.attach_oxigraph()
        conforms, report, text = shacl_validate(
            work, shacl_graph=shapes, inference="none", inplace=True,
            advanced=True, allow_warnings=True, meta_shacl=False)
    finally:
        if work is data:
            for triple in borrowed:
                data.remove(triple)
        work.detach_oxigraph()
    for triple in lifted:
        report.remove(triple)
    count = sum(1 for _ in report.subjects(predicate=SH.resultSeverity))
    return ValidationResult(bool(conforms), report, text, count)


#: How far shapes read from a focus node along outgoing edges (evidence ->
#: target -> selector -> oa:start; evidence -> target -> article ->
#: kgo:characterCount). A change this many edges downstream of a node can
#: change that node's results. Kept in step with ``ontology/shapes.ttl``; the
#: test that compares incremental and full validation fails when a shape reads
#: further.
SHAPE_DEPTH = 3


def validation_signature() -> str:
    """SHA-256 over what decides a validation result besides the data: the
    shapes, the ontology, this module and the pySHACL version. Incremental
    validation (:func:`validate_changes`) reuses an earlier report only when
    this is unchanged."""
    import hashlib
    from importlib.metadata import version
    from pathlib import Path

    h = hashlib.sha256(version("pyshacl").encode("utf-8"))
    for path in (shapes_file(), ontology_file(), Path(__file__)):
        h.update(Path(path).read_bytes())
    return h.hexdigest()


def changed_focus_nodes(data: Graph, added: Graph, removed: Graph) -> set:
    """The nodes whose validation results can differ after a change.

    A node is touched when it is the subject, or the non-class object, of an
    added or removed triple (a class named by ``rdf:type`` is TBox: the typed
    node is touched instead). Its results are recomputed, and so are those of
    every node up to ``SHAPE_DEPTH - 1`` edges upstream of it, whose shapes
    read through it (a fact whose ``kgo:issuer`` changed type, an evidence
    whose selector's offsets changed).

    Args:
        data: the new graph (ABox).
        added, removed: the triples in ``data`` and not in the earlier graph,
            and the reverse.

    Returns:
        A set of IRIs and blank nodes (no literals).
    """
    from rdflib import Literal

    touched = set()
    for g in (added, removed):
        for s, p, o in g:
            touched.add(s)
            if p != RDF.type and not isinstance(o, Literal):
                touched.add(o)
    frontier = set(touched)
    for _ in range(SHAPE_DEPTH - 1):
        upstream: set[Node] = set()
        for node in frontier:
            upstream.update(s for s, p in data.subject_predicates(node) if p != RDF.type)
        frontier = upstream - touched
        touched |= frontier
    return touched


def _neighbourhood(data: Graph, focus: set) -> Graph:
    """The triples a shape may read for ``focus``: paths of up to
    ``SHAPE_DEPTH`` edges out of each node, and the edges into it (inverse
    paths such as ``[ sh:inversePath kgo:evidence ]``)."""
    from rdflib import Literal

    out = Graph()
    seen = set()
    frontier = set(focus)
    for _ in range(SHAPE_DEPTH):
        nxt = set()
        for node in frontier:
            if node in seen:
                continue
            seen.add(node)
            for p, o in data.predicate_objects(node):
                out.add((node, p, o))
                if not isinstance(o, Literal):
                    nxt.add(o)
        frontier = nxt - seen
    for node in focus:
        for s, p in data.subject_predicates(node):
            out.add((s, p, node))
    return out


def validate_changes(data: Graph, added: Graph, removed: Graph, previous_report: Graph,
                     tbox: Graph | None = None) -> ValidationResult:
    """Validate ``data`` given how it differs from an earlier graph and that
    graph's validation report, re-checking only the focus nodes the change can
    affect.

    The results of untouched focus nodes are taken from ``previous_report``;
    the touched ones (:func:`changed_focus_nodes`) are validated with pySHACL
    over their neighbourhood plus the ontology. The merged report has the
    same results as :func:`validate` over the whole graph (tested), as long as
    the shapes and ontology are those that made ``previous_report`` (callers
    compare :func:`validation_signature`).

    Args:
        data: the new graph (ABox).
        added, removed: the triples in ``data`` and not in the earlier graph,
            and the reverse (:func:`graph_diff`, or from N-Triples lines).
        previous_report: a SHACL validation report graph of the earlier graph.
        tbox: the ontology graph; loaded from ``ontology/kg.ttl`` when None.

    Returns:
        The merged :class:`ValidationResult`; ``text`` lists the results.
    """
    focus = changed_focus_nodes(data, added, removed)
    fresh = validate(_neighbourhood(data, focus), tbox, inplace=True).report if focus else Graph()
    result = _merge(previous_report, fresh, focus)
    result.rechecked = len(focus)
    return result


def graph_diff(new: Graph, old: Graph) -> tuple[Graph, Graph]:
    """``(added, removed)``: the triples of ``new`` not in ``old``, and the reverse."""
    return new - old, old - new


def nt_diff(new_lines: set[bytes], old_lines: set[bytes]) -> tuple[Graph, Graph]:
    """``(added, removed)`` from two sets of canonical N-Triples lines (as
    :func:`kg.rdf.serialize.serialize` writes them): only the differing lines are parsed."""
    def parse(lines):
        g = Graph()
        if lines:
            g.parse(data=b"\n".join(sorted(lines)).decode("utf-8"), format="nt")
        return g

    return parse(new_lines - old_lines), parse(old_lines - new_lines)


def _merge(previous_report: Graph, fresh: Graph, focus: set) -> ValidationResult:
    kept = [(previous_report, r) for r in previous_report.subjects(RDF.type, SH.ValidationResult)
            if previous_report.value(r, SH.focusNode) not in focus]
    kept += [(fresh, r) for r in fresh.subjects(RDF.type, SH.ValidationResult)
             if fresh.value(r, SH.focusNode) in focus]
    return _report(kept)


def _report(kept: list) -> ValidationResult:
    """One SHACL validation report of the results ``kept``: ``(graph, result node)`` pairs."""
    from rdflib import BNode, Literal

    report = Graph()
    report.bind("sh", SH)
    root = BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    conforms = True
    for source, result in kept:
        report.add((root, SH.result, result))
        _copy_closure(source, result, report)
        if source.value(result, SH.resultSeverity) == SH.Violation:
            conforms = False
    report.add((root, SH.conforms, Literal(conforms)))
    report = _canonical(report)
    lines = [f"Validation Report\nConforms: {conforms}\nResults ({len(kept)}):"]
    for source, result in sorted(kept, key=lambda k: (str(k[0].value(k[1], SH.focusNode)),
                                                      str(k[0].value(k[1], SH.resultMessage)))):
        lines.append(f"  {source.value(result, SH.focusNode)}: {source.value(result, SH.resultMessage)}")
    return ValidationResult(conforms, report, "\n".join(lines), len(kept))


class _Cycle(Exception):
    pass


def _canonical(report: Graph) -> Graph:
    """``report`` with its blank nodes relabelled from what they hold, so that
    ``validation.ttl`` has the same bytes on every run: the source shapes
    pySHACL copies into a report are blank nodes of the shapes graph,
    labelled anew each time it is parsed, and rdflib's Turtle serializer
    orders the results by these labels.

    A blank node's label is a SHA-256 over its triples, a blank object
    standing for its own label (bottom up), and over the triples that point
    at it: a report is a tree of results under the report node, with shared
    source shapes, so two nodes get one label only when they are the same
    in every way that shows in the Turtle. ``rdflib.compare.to_canonical_graph``
    (the general algorithm, kept for a report with a cycle) took 18 s on
    1,000 results that share five source shapes; this takes milliseconds.
    """
    import hashlib

    from rdflib import BNode

    content: dict = {}
    active: set = set()

    def digest(lines) -> str:
        return hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()[:40]

    def sig(node) -> str:
        got = content.get(node)
        if got is not None:
            return got
        if node in active:
            raise _Cycle
        active.add(node)
        got = content[node] = digest(f"{p.n3()} {sig(o) if isinstance(o, BNode) else o.n3()}"
                                     for p, o in report.predicate_objects(node))
        active.discard(node)
        return got

    nodes = sorted({t for triple in report for t in triple if isinstance(t, BNode)}, key=str)
    relabelled: Iterable[tuple[Node, Node, Node]]
    try:
        for node in nodes:
            sig(node)
    except _Cycle:
        from rdflib.compare import to_canonical_graph

        relabelled = to_canonical_graph(report)
    else:
        labels: dict[Node, Node] = {}
        seen: dict[str, int] = {}
        for node in nodes:
            key = digest([content[node]] + [f"{sig(s) if isinstance(s, BNode) else s.n3()} {p.n3()}"
                                            for s, p in report.subject_predicates(node)])
            seen[key] = seen.get(key, 0) + 1
            labels[node] = BNode(f"b{key}" + (f"n{seen[key]}" if seen[key] > 1 else ""))
        relabelled = ((labels.get(s, s), p, labels.get(o, o)) for s, p, o in report)
    out = Graph()
    for prefix, ns in report.namespaces():
        out.bind(prefix, ns, override=True, replace=True)
    for triple in relabelled:
        out.add(triple)
    return out


def _copy_closure(source: Graph, node, target: Graph) -> None:
    from rdflib import BNode

    todo, seen = [node], set()
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        for p, o in source.predicate_objects(n):
            target.add((n, p, o))
            if isinstance(o, BNode):
                todo.append(o)


def validate_part(part, tbox: Graph | None = None) -> Graph:
    """Validate one part of an ABox (:class:`kg.rdf.parts.GraphPart`): pySHACL over
    its own triples, its context and the ontology, keeping the results whose
    focus node the part owns. The union of the parts' results is a
    whole-graph validation's results (tested against :func:`validate`).

    ``part.own`` gets the context's triples added (it is the working graph).

    Returns:
        A graph of the kept ``sh:ValidationResult`` nodes with their closures.
    """
    work = part.own
    if not isinstance(work, IndexedGraph):
        work = IndexedGraph(work, namespace_manager=work.namespace_manager)
    for triple in part.context:
        work.add(triple)
    report = validate(work, tbox, inplace=True).report
    out = Graph()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(r, SH.focusNode) in part.owned:
            _copy_closure(report, r, out)
    return out


_PARTS: tuple | None = None  # (plan, specs, tbox, shard folder) for forked part workers


def write_and_validate(ex, jobs: int = 1, size: int = 4000, tbox: Graph | None = None,
                       cluster: str | None = None, shards: Path | None = None) -> tuple[bytes, ValidationResult]:
    """The canonical N-Triples of an extraction's ABox and its SHACL
    validation, made part by part (:func:`kg.rdf.parts.graph_parts`) so that the
    whole graph is never one rdflib graph: memory holds one part at a time
    (per worker) and the N-Triples lines. The N-Triples are those of
    ``serialize(to_graph(ex), "nt")`` and the results those of
    ``validate(to_graph(ex))`` (tested).

    Each part is made and validated by one worker: this process, one of
    ``jobs`` forked processes, or a worker of a Dask distributed cluster. With
    ``shards``, the worker writes the part's triples there as an N-Quads
    shard (W3C RDF 1.1 N-Quads, https://www.w3.org/TR/n-quads/; the default
    graph), ``part-NNNNN.nq``, which :func:`kg.rdf.store.write_store` bulk-loads.

    Args:
        ex: the :class:`kg.extract.extraction.Extraction`.
        jobs: worker processes (forked; they read ``ex`` through ``fork``).
            With 1, or where ``fork`` is not available, parts are made here.
        size: at most this many facts, or five times as many articles,
            entities or anonymous sources, per part (:meth:`kg.rdf.parts.GraphPlan.specs`).
            At 1,000 articles, 4,000 makes five parts, which validate in
            about the time of the whole graph at once (9.3 s against 11.5 s
            in issue 18's run; the parts' context is validated again, but
            each run is smaller); a part's graph is the memory. Parts of
            about an article each cost 1.3x more (docs/performance.md).
        tbox: the ontology graph; loaded from ``ontology/kg.ttl`` when None.
        cluster: the address of a Dask distributed scheduler; its workers
            make the parts (``jobs`` is then ignored). The extraction is sent
            to each worker once.
        shards: a folder for the N-Quads shards, visible to every worker
            (a shared file system for a cluster of several machines).

    Returns:
        ``(N-Triples bytes, ValidationResult)``.

    Raises:
        KgError: E090 or E180 when the cluster cannot be reached, E181 or E182 when a worker fails.
    """
    import multiprocessing

    from ..rdf.parts import GraphPlan
    from ..rdf.serialize import canonical_nt

    global _PARTS
    done: Iterable[tuple[bytes, bytes]]
    plan = GraphPlan(ex)
    specs = plan.specs(size)
    if shards is not None:
        Path(shards).mkdir(parents=True, exist_ok=True)
        for stale in shard_files(shards):
            stale.unlink()
    if cluster is not None:
        done = _parts_on_cluster(plan, specs, cluster, shards)
    elif jobs > 1 and len(specs) > 1 and "fork" in multiprocessing.get_all_start_methods():
        _PARTS = (plan, specs, tbox if tbox is not None else load_tbox(), shards)
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                done = list(pool.imap(_part_job, range(len(specs))))
        finally:
            _PARTS = None
    else:
        tbox = tbox if tbox is not None else load_tbox()
        done = (make_part(plan, spec, i, tbox, shards) for i, spec in enumerate(specs))
    pieces, kept = [], []
    for nt, results in done:
        pieces.append(nt)  # empty when the worker wrote a shard: read below
        if results:
            g = Graph().parse(data=results, format="nt")
            kept += [(g, r) for r in g.subjects(RDF.type, SH.ValidationResult)]
    if shards is not None:
        pieces = [path.read_bytes() for path in shard_files(shards)]
    return canonical_nt(pieces), _report(kept)


def shard_files(shards: Path) -> list[Path]:
    """The N-Quads shards :func:`write_and_validate` wrote into ``shards``, in part order."""
    return sorted(Path(shards).glob("part-*.nq"))


def _part_job(index: int) -> tuple[bytes, bytes]:
    """Make part ``index`` of the forked plan (:data:`_PARTS`)."""
    assert _PARTS is not None, "set by write_and_validate before the workers are forked"
    plan, specs, tbox, shards = _PARTS
    return make_part(plan, specs[index], index, tbox, shards)


def make_part(plan, spec, index: int, tbox: Graph | None = None, shards: Path | None = None) -> tuple[bytes, bytes]:
    """Make one part: its triples as N-Triples lines, or, when ``shards`` is
    given, written as the N-Quads shard ``shards/part-NNNNN.nq`` (empty bytes
    returned), and its validation results as N-Triples
    (:func:`validate_part`). Runs in any worker."""
    from ..rdf.serialize import nt_lines

    part = plan.part(spec)
    nt = nt_lines(part.own)
    if shards is not None:
        from ..io.output import write_atomic

        write_atomic(Path(shards) / f"part-{index:05d}.nq", nt)  # default-graph N-Triples lines are N-Quads
        nt = b""
    results = validate_part(part, tbox if tbox is not None else load_tbox())
    return nt, results.serialize(format="nt", encoding="utf-8") if len(results) else b""


def _parts_on_cluster(plan, specs: list, address: str, shards: Path | None) -> list[tuple[bytes, bytes]]:
    """Make every part on the workers of a Dask distributed cluster, the plan
    (the extraction) sent to each worker once; results in part order."""
    from ..errors import Errors, KgError
    from ..io.cluster import cluster_client

    client = cluster_client(address)
    try:
        shared = client.scatter(plan, broadcast=True)
        futures = client.map(make_part, [shared] * len(specs), specs, range(len(specs)),
                             tbox=None, shards=shards, pure=False)
        try:
            return client.gather(futures)
        except Exception as exc:  # a worker's error, re-raised by distributed
            raise KgError(Errors.E182, error=exc) from exc
    finally:
        client.close()
