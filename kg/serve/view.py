"""``kg view``: one self-contained HTML page with an interactive view of a kg graph.

Entities (instances of ``kgo:Entity`` subclasses) and facts (``kgo:Fact``:
bans, restrictions, allegations, data collection, ...) are nodes; each fact
is joined by an edge to each entity that is one of its parts (labelled with the
property's ``rdfs:label``). Each class has a colour of its own, from colour-blind-safe
palettes, and entities a shape per family; facts are smaller boxes
(``kg/data/view/styles.json``). The page filters by class and by article, and a
click on a node shows its evidence sentences (``oa:exact``, W3C Web Annotation)
with the articles they come from, then its label, its Wikidata link
(``owl:sameAs``) and its parts.

Legibility from tens to hundreds of nodes is the page's job: vis-network's
physics lays the graph out, then the page moves nodes apart until no two
bounding boxes (shape and label) overlap, and opens at a zoom where labels are
readable (at its centre when the whole graph does not fit; a button shows it all).

The drawing is done by vis-network (https://visjs.github.io/vis-network/),
inlined from the copy that the pyvis package ships, so the page loads nothing
from the network. The page template is ``kg/data/view/graph.html``; the data is
one JSON object in it. The same graph gives the same bytes.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from ..errors import Errors, ResourceError
from ..io.output import write_atomic, write_error
from ..query.explain import fact_summaries
from ..query.provenance import entity_names, evidence, select, states
from ..rdf.terms import local_name
from ..resources import data_file, read_json

#: vis-network's files inside the pyvis package (pyvis 0.3.x ships vis-network 9.1.2).
VIS_JS = "lib/vis-9.1.2/vis-network.min.js"
VIS_CSS = "lib/vis-9.1.2/vis-network.css"
#: Longest text drawn on a node, in characters (the whole label is in the tooltip and the side panel).
CAPTION_CHARS = 40
WIKIDATA = "http://www.wikidata.org/entity/"


def _label(graph: Graph, node) -> str:
    value = graph.value(node, RDFS.label)
    return str(value) if value is not None else local_name(node)


def _styles() -> dict:
    path = data_file("view/styles.json")
    styles = read_json(path)
    for group in ("entity", "fact"):
        known = styles.get(group) if isinstance(styles, dict) else None
        spare = styles.get("spare") if isinstance(styles, dict) else None
        spare = spare.get(group) if isinstance(spare, dict) else None
        if not (isinstance(known, dict) and isinstance(spare, list) and spare and all(
                isinstance(e, dict) and re.fullmatch(r"#[0-9A-Fa-f]{6}", str(e.get("color")))
                for e in [*known.values(), *spare])):
            raise ResourceError(Errors.E015, path=path, group=group)
    return styles


def class_styles(kinds: list[tuple[str, str]]) -> dict[str, dict]:
    """Colour (and, for entities, vis-network shape) of each class, from ``kg/data/view/styles.json``.

    Args:
        kinds: ``(class local name, group)`` pairs, group ``entity`` or ``fact``, in a stable order.

    Returns:
        class -> ``{"color": "#RRGGBB", "shape": ..., "dashes": bool}``; facts are always ``box``
        (``dashes``: a dashed border, which the spare fact styles use). A class the
        file does not list takes the first unused entry of the file's ``spare`` list for its group
        (cycling when all are used), in the order given, so the same classes give the same styles.

    Raises:
        ResourceError: E011 when the file is missing, E012 when it is not JSON, E015 when it is malformed.
    """
    styles = _styles()
    out: dict[str, dict] = {}
    spare_used = {"entity": 0, "fact": 0}
    for kind, group in kinds:
        style = styles[group].get(kind)
        if style is None:
            spares = styles["spare"][group]
            style = spares[spare_used[group] % len(spares)]
            spare_used[group] += 1
        out[kind] = {"color": style["color"], "shape": "box" if group == "fact" else style.get("shape", "dot"),
                     "dashes": bool(style.get("dashes", False))}
    return out


def humanize(kind: str) -> str:
    """A class name as words: ``ProductDevelopment`` -> ``Product development``, ``AIModel`` -> ``AI model``.

    >>> humanize("OrganizationLocation"), humanize("AIModel"), humanize("Ban")
    ('Organization location', 'AI model', 'Ban')
    """
    words = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", kind).split()
    return " ".join(w if i == 0 or w.isupper() else w.lower() for i, w in enumerate(words))


def caption(text: str, limit: int = CAPTION_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with "…" when cut.

    >>> caption("formal written notice announcing the new rules for staff", 30)
    'formal written notice…'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def graph_data(graph: Graph) -> dict:
    """The nodes, edges, classes and articles of the page, in a stable order.

    Args:
        graph: a kg graph loaded with the ontology (:func:`kg.query.sparql.load_graph`).

    Returns:
        ``{"nodes": [...], "edges": [...], "kinds": [...], "articles": [...]}``. A node has
        ``id`` (IRI), ``label``, ``caption`` (the text drawn on the node: for a fact its class
        in words, a line break and its summary, both cut by :func:`caption`), ``kind`` (class
        local name), ``group`` (``entity`` or ``fact``), ``color`` and ``shape`` (:func:`class_styles`),
        ``degree`` (number of edges), ``articles`` (article identifiers), ``wikidata`` (IRIs), ``parts``
        (``[property, value]`` pairs) and ``evidence`` (``{"article", "title", "exact",
        "start", "end"}``; offsets 0-based, end-exclusive code points). For an entity
        the evidence is that of its facts whose quote names it. A kind has ``kind``,
        ``name`` (:func:`humanize`), ``group``, ``color``, ``shape``.

    Raises:
        ResourceError: E011/E012/E015 when ``kg/data/view/styles.json`` is missing or malformed.
    """
    articles = {}
    for r in select(graph, "articles"):
        ident = str(r["article_id"]) if r["article_id"] is not None else local_name(r["article"])
        articles[r["article"]] = {"id": ident, "title": str(r["title"]) if r["title"] is not None else ident}
    top_fact = URIRef("https://w3id.org/kg-news/ontology#Fact")
    nodes: dict[URIRef, dict] = {}
    for r in select(graph, "view-nodes"):
        node = nodes.setdefault(r["node"], {"id": str(r["node"]), "classes": set(), "group": "entity",
                                            "label": str(r["label"]) if r["label"] is not None else "",
                                            "articles": set(), "wikidata": set()})
        node["classes"].add(r["class"])
        if r["top"] == top_fact:
            node["group"] = "fact"
        if r["same"] is not None and str(r["same"]).startswith(WIKIDATA):
            node["wikidata"].add(str(r["same"]))
        if r["article"] is not None and r["article"] in articles:
            node["articles"].add(articles[r["article"]]["id"])
    summaries = fact_summaries(graph)
    records = evidence(graph)
    by_fact: dict[URIRef, list] = {}
    for ev in records:
        by_fact.setdefault(ev.fact, []).append(ev)
    names = entity_names(graph)

    def ev_json(ev) -> dict:
        info = articles.get(ev.article, {"id": ev.article_id, "title": ev.article_id})
        return {"article": info["id"], "title": info["title"], "exact": ev.exact, "start": ev.start, "end": ev.end}

    edges = []
    parts: dict[URIRef, list] = {}
    for r in select(graph, "fact-parts"):
        prop = str(r["property_label"]) if r["property_label"] is not None else local_name(r["property"])
        value = r["value"]
        if isinstance(value, URIRef) and value in nodes:
            parts.setdefault(r["fact"], []).append([prop, nodes[value]["label"] or local_name(value)])
            edges.append({"from": str(r["fact"]), "to": str(value), "label": prop})
            for ev in by_fact.get(r["fact"], []):
                if states(ev, value, names):
                    # one quote once, however many of its facts name the entity
                    nodes[value].setdefault("ev", {}).setdefault((ev.article_id, ev.start, ev.end), ev)
        else:
            shown = str(value) if isinstance(value, Literal) else _label(graph, value)
            parts.setdefault(r["fact"], []).append([prop, shown])
    out_nodes = []
    for iri in sorted(nodes, key=str):
        node = nodes[iri]
        # the most specific class: the one with the most superclasses
        kind = max(sorted(node["classes"], key=str),
                   key=lambda c: len(list(graph.transitive_objects(c, RDFS.subClassOf))))
        if node["group"] == "fact":
            summary = summaries.get(iri, {}).get("label", "")
            node["label"] = f"{local_name(kind)}: {summary}".rstrip(": ")
            text = humanize(local_name(kind)) + ("\n" + caption(summary) if summary else "")
            evs = [ev_json(ev) for ev in by_fact.get(iri, [])]
        else:
            text = caption(node["label"] or local_name(iri))
            evs = [ev_json(node["ev"][k]) for k in sorted(node.get("ev", {}))]
        out_nodes.append({
            "id": node["id"], "label": node["label"] or local_name(iri), "caption": text,
            "kind": local_name(kind), "group": node["group"],
            "articles": sorted(node["articles"]), "wikidata": sorted(node["wikidata"]),
            "parts": parts.get(iri, []), "evidence": evs,
        })
    groups = {n["kind"]: n["group"] for n in out_nodes}
    kinds = sorted(groups, key=lambda k: (groups[k] == "fact", k))  # entities first, then facts
    styles = class_styles([(k, groups[k]) for k in kinds])
    degree: dict[str, int] = {}
    for e in edges:
        degree[e["from"]] = degree.get(e["from"], 0) + 1
        degree[e["to"]] = degree.get(e["to"], 0) + 1
    for n in out_nodes:
        n.update(styles[n["kind"]], degree=degree.get(n["id"], 0))
    edges.sort(key=lambda e: (e["from"], e["to"], e["label"]))
    return {"nodes": out_nodes, "edges": edges,
            "kinds": [{"kind": k, "name": humanize(k), "group": groups[k], **styles[k]} for k in kinds],
            "articles": sorted(({"id": a["id"], "title": a["title"]} for a in articles.values()),
                               key=lambda a: a["id"])}


def _vis_file(name: str) -> str:
    try:
        return (resources.files("pyvis") / name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ResourceError(Errors.E084, error=exc) from exc


def render_html(graph: Graph, title: str) -> str:
    """The self-contained page: template, vis-network inlined, graph data as JSON.

    Raises:
        ResourceError: E084 when pyvis's copy of vis-network is missing.
    """
    page = data_file("view/graph.html").read_text(encoding="utf-8")
    # JSON and scripts inside <script>/<style>: "</" escaped so that nothing can close the element.
    data = json.dumps(graph_data(graph), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    data = data.replace("<", "\\u003c")
    page = page.replace("{{title}}", html.escape(title).replace("{", "&#123;"))
    values = {
        "{{vis_css}}": _vis_file(VIS_CSS).replace("</", "<\\/"),
        "{{vis_js}}": _vis_file(VIS_JS).replace("</script", "<\\/script"),
        "{{data}}": data,
    }
    for key, value in values.items():
        page = page.replace(key, value, 1)
    return page


def write_view(graph: Graph, output: Path, title: str) -> Path:
    """Write the page to ``output`` atomically (temporary file in the same folder, then rename).

    Returns:
        The path written.

    Raises:
        ResourceError: E084 when vis-network is missing.
        KgError: E036 (disk full) or E037 when the output cannot be written.
    """
    page = render_html(graph, title).encode("utf-8")
    try:
        write_atomic(output, page)
    except OSError as exc:
        raise write_error(output, exc) from exc
    return output
