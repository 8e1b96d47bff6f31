"""``kg view``: the page opened in headless Chromium (Debian's chromium and chromium-driver, via Selenium)."""

from __future__ import annotations

import json
import os
import re
import shutil
import time

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDFS

from kg.cli import app

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
if not (CHROMIUM and DRIVER) and not os.environ.get("CI"):
    pytest.skip("needs Debian's chromium and chromium-driver (CI installs them)", allow_module_level=True)


@pytest.fixture(scope="module")
def page(tmp_path_factory, runner, seeds_build):
    out = tmp_path_factory.mktemp("view") / "graph.html"
    result = runner.invoke(app, ["view", str(seeds_build), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


KGR = "https://w3id.org/kg-news/id/"  # kg.rdf.namespaces.KGR


@pytest.fixture(scope="module")
def big_page(tmp_path_factory, runner, seeds_build):
    """A page of ~300 nodes: 8 copies of the seeds graph. Entities with a Wikidata link stay one
    node (hubs, as in news); every other entity, fact, evidence and article is copied under new
    IRIs, with its label and article identifier numbered (so the copies are invented names)."""
    seeds = Graph().parse(seeds_build / "graph.ttl")
    shared = set(seeds.subjects(OWL.sameAs, None))
    big = Graph()
    for k in range(8):
        def rename(term, k=k):
            if k and isinstance(term, URIRef) and str(term).startswith(KGR) and term not in shared:
                return URIRef(f"{term}-copy{k}")
            return term
        for s, p, o in seeds:
            new_o = rename(o)
            if k and s not in shared and isinstance(o, Literal) and p in (RDFS.label, DCTERMS.identifier):
                new_o = Literal(f"{o} {k}" if p == RDFS.label else f"{o}-{k}")
            big.add((rename(s), p, new_o))
    folder = tmp_path_factory.mktemp("view-big")
    big.serialize(folder / "graph.ttl", format="turtle")
    result = runner.invoke(app, ["view", str(folder / "graph.ttl"), "-o", str(folder / "graph.html"), "-q"])
    assert result.exit_code == 0, result.output
    return folder / "graph.html"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
                # offline: any request that leaves the machine fails, so the page must bring everything
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost", "--proxy-server=127.0.0.1:9"]:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


def open_page(browser, page):
    """Load the page and wait until the layout has settled; returns the seconds it took."""
    from selenium.webdriver.support.ui import WebDriverWait

    start = time.perf_counter()
    browser.get(page.as_uri())
    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
    return time.perf_counter() - start


#: Every node's bounding box (shape and label) in canvas units, measured after a full redraw.
BOXES = """
    const net = window.kgNetwork, ids = Object.keys(net.getPositions());
    const view = [net.getViewPosition(), net.getScale()];
    window.kgExtents(ids);  // draws the whole graph, labels included, so every box is current
    const boxes = ids.map((id) => Object.assign({id}, net.getBoundingBox(id)));
    net.moveTo({position: view[0], scale: view[1], animation: false});
    return boxes;"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of boxes that share some area (touching edges do not count)."""
    boxes = sorted(boxes, key=lambda b: b["left"])
    pairs = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b["left"] >= a["right"]:
                break
            if a["top"] < b["bottom"] and b["top"] < a["bottom"]:
                pairs.append((a["id"], b["id"]))
    return pairs


def test_overlapping_finds_overlaps():
    box = lambda i, x, y: {"id": i, "left": x, "right": x + 10, "top": y, "bottom": y + 10}  # noqa: E731
    # c only touches a and b; d is far away
    assert overlapping([box("a", 0, 0), box("b", 5, 5), box("c", 10, -5), box("d", 30, 30)]) == [("a", "b")]
    assert overlapping([box("a", 0, 0), box("b", 9, 9)]) == [("a", "b")]


def test_page_is_self_contained_and_byte_identical(page, runner, seeds_build, tmp_path):
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)  # no script or style from a CDN
    assert "vis.Network" in text and "{{" not in text.split("const DATA", 1)[0][-2000:]
    again = tmp_path / "again.html"
    assert runner.invoke(app, ["view", str(seeds_build / "graph.ttl"), "-o", str(again), "-q"]).exit_code == 0
    assert again.read_bytes() == page.read_bytes()


def test_nodes_render_and_a_click_on_a_ban_shows_its_evidence_first(page, browser, seeds_graph):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(browser, page)
    data = browser.execute_script("return DATA")
    drawn = browser.execute_script("return Object.keys(window.kgNetwork.getPositions()).length")
    assert drawn == len(data["nodes"]) > 10
    canvas = browser.find_element(By.CSS_SELECTOR, "#graph canvas")
    assert canvas.size["width"] > 300 and canvas.size["height"] > 300
    # the canvas is not blank: vis-network drew something in several colours
    colours = browser.execute_script("""
        const c = document.querySelector('#graph canvas'), ctx = c.getContext('2d');
        const px = ctx.getImageData(0, 0, c.width, c.height).data, seen = new Set();
        for (let i = 0; i < px.length; i += 4 * 97) if (px[i + 3]) seen.add(px[i] + ',' + px[i + 1] + ',' + px[i + 2]);
        return seen.size;""")
    assert colours > 5

    bans = [n for n in data["nodes"] if n["kind"] == "Ban"]
    assert bans, "the seeds have a ban"
    ban = bans[0]
    # where vis-network drew the ban (centred first), as an offset from the canvas centre (Selenium's origin)
    dx, dy = browser.execute_script("""
        const net = window.kgNetwork, id = arguments[0];
        net.moveTo({position: net.getPositions([id])[id], animation: false});
        const p = net.canvasToDOM(net.getPositions([id])[id]);
        const r = document.querySelector('#graph canvas').getBoundingClientRect();
        return [Math.round(p.x - r.width / 2), Math.round(p.y - r.height / 2)];""", ban["id"])
    ActionChains(browser).move_to_element_with_offset(canvas, dx, dy).click().perform()
    details = browser.find_element(By.ID, "details")
    WebDriverWait(browser, 10).until(lambda d: details.find_elements(By.CSS_SELECTOR, "blockquote.evidence"))
    assert ban["label"] in details.find_element(By.TAG_NAME, "h3").text
    quotes = [q.text for q in details.find_elements(By.CSS_SELECTOR, "blockquote.evidence")]
    # the evidence sentences are those the graph holds for this ban (oa:exact), with their articles
    exact = {str(row.exact) for row in seeds_graph.query(
        "PREFIX kgo: <https://w3id.org/kg-news/ontology#> PREFIX oa: <http://www.w3.org/ns/oa#> "
        "SELECT ?exact WHERE { ?ban kgo:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?exact }",
        initBindings={"ban": URIRef(ban["id"])})}
    assert exact and set(quotes) == exact
    sources = details.find_elements(By.CSS_SELECTOR, ".source")
    assert sources and all(re.match(r"\d{3}_[0-9a-f]+ \[\d+:\d+\]", s.text) for s in sources)
    # the evidence comes first: after the title, before the Wikidata link, the parts and the IRI,
    # and the first quote is in sight without scrolling the panel
    order = browser.execute_script("""
        const box = document.getElementById('details'), first = box.querySelector('blockquote.evidence');
        const before = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
        return {quoteBeforeDetails: [...box.querySelectorAll('dl, dt, dd')].every((e) => before(first, e)),
                headings: [...box.children].map((e) => e.tagName + ':' + (e.id || e.className)),
                quoteTop: first.getBoundingClientRect().top, height: window.innerHeight};""")
    assert order["quoteBeforeDetails"], order["headings"]
    assert order["headings"][:3] == ["H3:", "DIV:kind", "SECTION:evidence"]
    assert order["quoteTop"] < order["height"] / 3


def test_filters_by_kind_and_by_article(page, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(browser, page)
    data = browser.execute_script("return DATA")
    shown = lambda: browser.execute_script("return Object.keys(window.kgNetwork.getPositions()).length")  # noqa: E731
    total = shown()
    browser.find_element(By.CSS_SELECTOR, "#kinds input[value='Company']").click()
    companies = sum(n["kind"] == "Company" for n in data["nodes"])
    assert companies and shown() == total - companies
    browser.find_element(By.CSS_SELECTOR, "#kinds input[value='Company']").click()
    assert shown() == total
    article = data["articles"][0]["id"]
    Select(browser.find_element(By.ID, "article")).select_by_value(article)
    expected = sum(article in n["articles"] for n in data["nodes"])
    assert 0 < shown() == expected < total
    assert json.dumps(article) in json.dumps(data["articles"])


def assert_legible(browser, data):
    """No two boxes overlap; facts are drawn in a smaller font than entities, and at the opening
    zoom every fact's text is at least 11 CSS pixels high."""
    boxes = browser.execute_script(BOXES)
    assert len(boxes) == len(data["nodes"])
    assert overlapping(boxes) == []
    fonts = browser.execute_script("""
        const net = window.kgNetwork, out = {};
        for (const n of DATA.nodes) out[n.id] = net.body.nodes[n.id].options.font.size * net.getScale();
        return out;""")
    fact = [fonts[n["id"]] for n in data["nodes"] if n["group"] == "fact"]
    entity = [fonts[n["id"]] for n in data["nodes"] if n["group"] == "entity"]
    assert fact and entity and min(fact) >= 11 and max(fact) < min(entity)


def test_seeds_page_has_no_overlapping_boxes_and_readable_facts(page, browser):
    open_page(browser, page)
    data = browser.execute_script("return DATA")
    assert len(data["nodes"]) > 40
    assert_legible(browser, data)
    # a node's text is its caption: a fact's class in words, then its summary
    ban = next(n for n in data["nodes"] if n["kind"] == "Ban")
    assert ban["caption"].split("\n")[0] == "Ban" and "→" in ban["caption"]


def test_a_page_of_300_nodes_settles_without_overlaps(big_page, browser):
    seconds = open_page(browser, big_page)
    data = browser.execute_script("return DATA")
    assert 250 <= len(data["nodes"]) <= 500
    assert seconds < 20
    assert_legible(browser, data)
    # the layout moved nodes apart, and the opening view is at the readable zoom, not the whole graph
    assert browser.execute_script("return window.kgOverlapRounds") > 0
    assert browser.execute_script("return window.kgFitScale < kgNetwork.getScale()")
    # over 150 nodes, edge labels start hidden; the checkbox shows them
    from selenium.webdriver.common.by import By

    label = "return kgNetwork.body.edges[0].options.label"
    assert browser.execute_script(label) in (None, "")
    browser.find_element(By.ID, "edge-labels").click()
    assert browser.execute_script(label) == data["edges"][0]["label"]


def test_each_class_has_its_own_colour(seeds_graph):
    from kg.rdf.namespaces import KGO_URI
    from kg.serve.view import class_styles, graph_data

    data = graph_data(seeds_graph)
    by_kind = {k["kind"]: k for k in data["kinds"]}
    assert by_kind["Country"]["color"] != by_kind["SoftwareProduct"]["color"]
    assert all(n["color"] == by_kind[n["kind"]]["color"] for n in data["nodes"])
    # every class of the ontology, not only those in the seeds: (colour, shape) pairs all differ,
    # and colours differ among the entity leaf classes and among the fact leaf classes (the classes
    # kg gives; the abstract ones are white, told apart by shape)
    classes = [(str(c).rsplit("#", 1)[-1], group) for group in ("entity", "fact")
               for c in sorted(seeds_graph.transitive_subjects(RDFS.subClassOf, URIRef(KGO_URI + group.capitalize())))]
    leaves = {str(c).rsplit("#", 1)[-1] for c, _ in classes
              if not set(seeds_graph.subjects(RDFS.subClassOf, URIRef(KGO_URI + c))) - {URIRef(KGO_URI + c)}}
    styles = class_styles(classes)
    for group in ("entity", "fact"):
        colours = [styles[c]["color"].lower() for c, g in classes if g == group and c in leaves]
        assert len(colours) >= 7 and len(colours) == len(set(colours)), group
    assert len({(s["color"], s["shape"], s["dashes"]) for s in styles.values()}) == len(classes)
    assert {s["shape"] for c, s in styles.items() if (c, "fact") in classes} == {"box"}
    # a class the styles file does not know takes a spare style, different from the known ones
    extra = class_styles([("Company", "entity"), ("Spaceport", "entity"), ("Ban", "fact"), ("Embargo", "fact"),
                          ("Tariff", "fact")])
    assert extra["Spaceport"]["shape"] == "star" and extra["Company"]["shape"] == "dot"
    assert extra["Embargo"]["dashes"] and extra["Tariff"]["dashes"] and not extra["Ban"]["dashes"]
    assert extra["Embargo"]["color"] != extra["Tariff"]["color"]


def test_an_entity_lists_each_quote_once(seeds_graph):
    from kg.serve.view import graph_data

    data = graph_data(seeds_graph)
    alibaba = next(n for n in data["nodes"] if n["label"] == "Alibaba")
    # several facts of the seeds rest on the same sentence naming Alibaba; the panel shows it once
    keys = [(e["article"], e["start"], e["end"]) for e in alibaba["evidence"]]
    assert len(keys) > 10 and len(keys) == len(set(keys)) and keys == sorted(keys)
    assert all(len({(e["article"], e["start"]) for e in n["evidence"]}) == len(n["evidence"])
               for n in data["nodes"] if n["group"] == "entity")


def test_malformed_styles_file_is_a_clear_error(tmp_path, monkeypatch, seeds_graph):
    from kg.errors import ResourceError
    from kg.serve import view

    bad = tmp_path / "styles.json"
    bad.write_text('{"entity": {"Company": {"color": "orange"}}, "fact": {}, '
                   '"spare": {"entity": [{"color": "#000000"}], "fact": [{"color": "#FFFFFF"}]}}')
    monkeypatch.setattr(view, "data_file", lambda name: bad)
    with pytest.raises(ResourceError) as err:
        view.class_styles([("Company", "entity")])
    assert err.value.code == "E015" and str(bad) in str(err.value) and "#RRGGBB" in str(err.value)
    bad.write_text('["not", "an", "object"]')
    with pytest.raises(ResourceError, match="E015"):
        view.class_styles([("Company", "entity")])
    bad.write_text("{not json")
    with pytest.raises(ResourceError) as err:
        view.graph_data(seeds_graph)
    assert err.value.code == "E012" and "not valid JSON" in str(err.value)


def test_missing_graph_is_one_line_error(runner, tmp_path):
    result = runner.invoke(app, ["view", str(tmp_path / "missing.ttl"), "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 2 and "E041" in result.output and not (tmp_path / "g.html").exists()
