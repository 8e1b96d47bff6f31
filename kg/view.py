"""``kg view``: one self-contained HTML page with an interactive view of a kg graph.

Entities (instances of ``kgo:Entity`` subclasses) and facts (``kgo:Fact``:
bans, restrictions, allegations, data collection, ...) are nodes; each fact
is joined by an edge to each entity that is one of its parts (labelled with the
property's ``rdfs:label``). Nodes are coloured by their class; facts are boxes.
The page filters by class and by article, and a click on a node shows its label,
its Wikidata link (``owl:sameAs``), its parts, and its evidence sentences
(``oa:exact``, W3C Web Annotation) with the articles they come from.

The drawing is done by vis-network (https://visjs.github.io/vis-network/),
inlined from the copy that the pyvis package ships, so the page loads nothing
from the network. The page template is ``kg/data/view/graph.html``; the data is
one JSON object in it. The same graph gives the same bytes.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from .errors import ResourceError
from .explain import fact_summaries
from .graph import write_atomic
from .output import write_error
from .provenance import entity_names, evidence, select, states
from .resources import data_file

#: vis-network's files inside the pyvis package (pyvis 0.3.x ships vis-network 9.1.2).
VIS_JS = "lib/vis-9.1.2/vis-network.min.js"
VIS_CSS = "lib/vis-9.1.2/vis-network.css"
#: Colours given to the classes in sorted order (ColorBrewer "Set3" and "Paired", readable on white).
PALETTE = ["#8dd3c7", "#fdb462", "#bebada", "#fb8072", "#80b1d3", "#b3de69", "#fccde5", "#ffed6f",
           "#bc80bd", "#ccebc5", "#a6cee3", "#fb9a99", "#cab2d6", "#ff7f00", "#b2df8a", "#1f78b4"]
WIKIDATA = "http://www.wikidata.org/entity/"


def _local(iri) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


def _label(graph: Graph, node) -> str:
    value = graph.value(node, RDFS.label)
    return str(value) if value is not None else _local(node)


def graph_data(graph: Graph) -> dict:
    """The nodes, edges, classes and articles of the page, in a stable order.

    Args:
        graph: a kg graph loaded with the ontology (:func:`kg.query.load_graph`).

    Returns:
        ``{"nodes": [...], "edges": [...], "kinds": [...], "articles": [...]}``. A node has
        ``id`` (IRI), ``label``, ``kind`` (class local name), ``group`` (``entity`` or
        ``fact``), ``articles`` (article identifiers), ``wikidata`` (IRIs), ``parts``
        (``[property, value]`` pairs) and ``evidence`` (``{"article", "title", "exact",
        "start", "end"}``; offsets 0-based, end-exclusive code points). For an entity
        the evidence is that of its facts whose quote names it.
    """
    articles = {}
    for r in select(graph, "articles"):
        ident = str(r["article_id"]) if r["article_id"] is not None else _local(r["article"])
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
        prop = str(r["property_label"]) if r["property_label"] is not None else _local(r["property"])
        value = r["value"]
        if isinstance(value, URIRef) and value in nodes:
            parts.setdefault(r["fact"], []).append([prop, nodes[value]["label"] or _local(value)])
            edges.append({"from": str(r["fact"]), "to": str(value), "label": prop})
            for ev in by_fact.get(r["fact"], []):
                if states(ev, value, names):
                    nodes[value].setdefault("ev", {})[(ev.article_id, ev.start, str(ev.node))] = ev
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
            summary = summaries.get(iri, {})
            node["label"] = f"{_local(kind)}: {summary.get('label', '')}".rstrip(": ")
            evs = [ev_json(ev) for ev in by_fact.get(iri, [])]
        else:
            evs = [ev_json(node["ev"][k]) for k in sorted(node.get("ev", {}))]
        out_nodes.append({
            "id": node["id"], "label": node["label"] or _local(iri), "kind": _local(kind), "group": node["group"],
            "articles": sorted(node["articles"]), "wikidata": sorted(node["wikidata"]),
            "parts": parts.get(iri, []), "evidence": evs,
        })
    kinds = sorted({n["kind"] for n in out_nodes})
    colours = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(kinds)}
    for n in out_nodes:
        n["color"] = colours[n["kind"]]
    edges.sort(key=lambda e: (e["from"], e["to"], e["label"]))
    return {"nodes": out_nodes, "edges": edges,
            "kinds": [{"kind": k, "color": colours[k],
                       "group": next(n["group"] for n in out_nodes if n["kind"] == k)} for k in kinds],
            "articles": sorted(({"id": a["id"], "title": a["title"]} for a in articles.values()),
                               key=lambda a: a["id"])}


def _vis_file(name: str) -> str:
    try:
        return (resources.files("pyvis") / name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ResourceError("E080", f"vis-network is missing ({exc}); reinstall kg with "
                            "`pip install -e .` (it depends on pyvis, which ships vis-network).") from exc


def render_html(graph: Graph, title: str) -> str:
    """The self-contained page: template, vis-network inlined, graph data as JSON.

    Raises:
        ResourceError: E080 when pyvis's copy of vis-network is missing.
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
        ResourceError: E080 when vis-network is missing.
        KgError: E036 (disk full) or E037 when the output cannot be written.
    """
    page = render_html(graph, title).encode("utf-8")
    try:
        write_atomic(output, page)
    except OSError as exc:
        raise write_error(output, exc) from exc
    return output
