"""Screenshots of ``kg view`` for the docs: the seed articles, and a 200-article corpus.

The 200-article corpus replicates the seed and development articles as
``bench_build.py`` does, but with only ``--variants`` sets of names (default 2; copy ``k``
of an article gets names of variant ``k % variants``), so the same entities and
facts come back from several articles, as they do in news; 200 articles with 2
variants give a graph of about 550 nodes. Each page is opened in headless
Chromium (Debian's ``chromium`` and ``chromium-driver``, driven by Selenium),
offline; the script waits until the layout has settled, clicks the node asked
for (the seeds' ban, the 200-article graph's most connected node) so that the
side panel shows its evidence, and saves a PNG. It prints, per page, the
numbers of nodes and edges, the seconds until the page was ready, and the
opening zoom.

Usage::

    python benchmarks/view_screenshots.py [--out docs] [--articles 200] [--variants 2]

Writes ``kg-view.png`` (seeds) and ``kg-view-200.png`` into ``--out``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import SOURCES, vary  # noqa: E402

#: Chromium's flags: headless, no sandbox (CI runs as root), nothing from the network.
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
                  "--proxy-server=127.0.0.1:9"]


def make_corpus(folder: Path, n: int, variants: int) -> Path:
    """Write ``n`` articles into ``folder``: the seed and development articles in turn, copy ``k``
    of an article with the names of variant ``k % variants`` (:func:`bench_build.vary`)."""
    sources = [p for d in SOURCES for p in sorted(d.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = sources[i % len(sources)]
        k = (i // len(sources)) % variants
        (folder / f"a{i:05d}-{src.stem}.txt").write_text(vary(src.read_text(encoding="utf-8"), k), encoding="utf-8")
    return folder


def _kg(*args: str) -> None:
    """Run a kg command in this process; exit code 1 (a graph with shape violations) is accepted."""
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, list(args))
    if result.exit_code not in (0, 1):
        raise RuntimeError(f"kg {' '.join(args)} failed: {result.output}")


def screenshot(page: Path, png: Path, click: str, size: tuple[int, int] = (1600, 1000)) -> dict:
    """Open ``page`` in headless Chromium, wait for the layout, click the node chosen by the
    JavaScript expression ``click`` (a node of ``DATA.nodes``), save the window as ``png``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    for arg in [*CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}"]:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.set_page_load_timeout(300)
        driver.set_script_timeout(300)
        start = time.perf_counter()
        driver.get(page.as_uri())
        WebDriverWait(driver, 300).until(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"))
        ready = time.perf_counter() - start
        node = driver.execute_script(f"return ({click}).id")
        # the node's offset from the canvas centre (Selenium's origin); brought into view if outside
        dx, dy = driver.execute_script("""
            const net = window.kgNetwork, id = arguments[0];
            const r = document.querySelector('#graph canvas').getBoundingClientRect();
            let p = net.canvasToDOM(net.getPositions([id])[id]);
            if (p.x < 80 || p.y < 80 || p.x > r.width - 80 || p.y > r.height - 80) {
              net.moveTo({position: net.getPositions([id])[id], scale: net.getScale(), animation: false});
              p = net.canvasToDOM(net.getPositions([id])[id]);
            }
            return [Math.round(p.x - r.width / 2), Math.round(p.y - r.height / 2)];""", node)
        canvas = driver.find_element(By.CSS_SELECTOR, "#graph canvas")
        ActionChains(driver).move_to_element_with_offset(canvas, dx, dy).click().perform()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#details blockquote.evidence"))
        # the pointer off the canvas, and no tooltip over the graph
        ActionChains(driver).move_to_element(driver.find_element(By.ID, "counts")).perform()
        driver.execute_script("for (const t of document.querySelectorAll('.vis-tooltip')) "
                              "t.style.visibility = 'hidden';")
        time.sleep(0.5)
        driver.save_screenshot(str(png))
        info = driver.execute_script("return [DATA.nodes.length, DATA.edges.length, kgNetwork.getScale()]")
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    return {"png": str(png), "nodes": info[0], "edges": info[1], "ready_s": round(ready, 1),
            "scale": round(info[2], 2)}


def report(line: dict) -> None:
    """Print one result line (to the real stdout: CliRunner swaps ``sys.stdout`` while kg runs)."""
    print(line, file=sys.__stdout__, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--variants", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        _kg("build", str(ROOT / "seeds"), "-o", str(work / "seeds-out"), "-q")
        _kg("view", str(work / "seeds-out"), "-o", str(work / "seeds.html"), "-q")
        report(screenshot(work / "seeds.html", args.out / "kg-view.png",
                         'DATA.nodes.find((n) => n.kind === "Ban")'))
        corpus = make_corpus(work / "corpus", args.articles, args.variants)
        _kg("build", str(corpus), "-o", str(work / "big-out"), "-q", "-j", "2")
        _kg("view", str(work / "big-out"), "-o", str(work / "big.html"), "-q")
        report(screenshot(work / "big.html", args.out / f"kg-view-{args.articles}.png",
                         'DATA.nodes.reduce((a, b) => (b.degree > a.degree ? b : a))'))


if __name__ == "__main__":
    main()
