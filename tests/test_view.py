"""``kg view``: the page opened in headless Chromium (Debian's chromium and chromium-driver, via Selenium)."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest
from rdflib import URIRef

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


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900",
                # offline: any request that leaves the machine fails, so the page must bring everything
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost", "--proxy-server=127.0.0.1:9"]:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def test_page_is_self_contained_and_byte_identical(page, runner, seeds_build, tmp_path):
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)  # no script or style from a CDN
    assert "vis.Network" in text and "{{" not in text.split("const DATA", 1)[0][-2000:]
    again = tmp_path / "again.html"
    assert runner.invoke(app, ["view", str(seeds_build / "graph.ttl"), "-o", str(again), "-q"]).exit_code == 0
    assert again.read_bytes() == page.read_bytes()


def test_nodes_render_and_a_click_on_a_ban_shows_its_evidence(page, browser, seeds_graph):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(page.as_uri())
    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
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
    # where vis-network drew the ban, as an offset from the canvas centre (Selenium's origin)
    dx, dy = browser.execute_script("""
        const net = window.kgNetwork, id = arguments[0];
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


def test_filters_by_kind_and_by_article(page, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(page.as_uri())
    WebDriverWait(browser, 60).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
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


def test_missing_graph_is_one_line_error(runner, tmp_path):
    result = runner.invoke(app, ["view", str(tmp_path / "missing.ttl"), "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 2 and "E041" in result.output and not (tmp_path / "g.html").exists()
