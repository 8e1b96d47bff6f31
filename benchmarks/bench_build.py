"""Build benchmarks, reported as ratios measured within one run (issue 7's goals).

For each corpus size N (articles), the script makes a corpus by replicating the
seed and development articles with varied names (so that entities differ from
copy to copy), then measures:

- ``bare_tps``: tokens/s of bare ``nlp.pipe`` over the same block texts with the
  same pipeline, one process (the floor);
- ``build_tps``: tokens/s of kg's whole build in the same process, along the
  build's own path (extract; write and validate the graph part by part,
  :func:`kg.shacl.validate.write_and_validate`; Turtle and the report) and
  ``build_vs_bare`` = build_tps / bare_tps (goal >= 0.70, issue 18);
- ``jobs2_vs_jobs1``: speed-up of ``extract(jobs=2)`` over one process (goal >= 1.6);
- ``rebuild_speedup``: first ``kg build`` with a cold cache / the same build
  again, nothing changed (goal >= 20); ``added_parsed``: articles parsed when one
  article is added (goal 1);
- ``added_rechecked_nodes``: focus nodes validated again when one article is
  added (incremental validation; the rest of the report is reused);
- ``validate_vs_nt_parse``: pySHACL validation of the whole graph at once /
  rdflib's N-Triples parse of the same graph (goal <= 2), and
  ``validate_us_per_triple``;
- ``peak_rss_mib``: peak resident memory of a ``kg build --no-cache`` process
  (goal <= 2048 at 10,000 articles);
- ``triples``, ``triples_per_s``, and the time of each stage.

Usage::

    python benchmarks/bench_build.py 100 1000 [--out benchmarks/results]
    python benchmarks/bench_build.py 10000 --scale   # one -j 2 build: tokens/s, triples/s, peak RSS

Results are written as JSON, one file per size, and a Markdown table
(``benchmarks/results/summary.md``) that docs/performance.md quotes.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "tests" / "dev" / "corpus"]

#: Capitalized words that are not names and must stay as they are.
KEEP = set("""A An And As At But By For From He Her His I If In It Its Monday Tuesday Wednesday Thursday Friday
Saturday Sunday January February March April May June July August September October November December On Or
She So That The Their There These They This Those To We What When Where Which While Who Why With You AI CEO US
UK EU Mr Ms Dr""".split())


def _suffix(k: int) -> str:
    letters = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        letters = "bcdfghjklmnpqrstvwxzaeiouy"[r] + letters
    return letters


def vary(text: str, k: int) -> str:
    """Copy ``k`` of a text: every capitalized word that is not sentence-initial
    and not in :data:`KEEP` gets a suffix of its own, so names differ per copy."""
    if k == 0:
        return text
    suffix = _suffix(k)

    def repl(m: re.Match) -> str:
        word = m.group(2)
        if word in KEEP or m.group(1).endswith((". ", "\n", "“", '"')) or m.start(2) == 0:
            return m.group(0)
        return m.group(1) + word + suffix

    return re.sub(r"(^|[\s(“\"'])([A-Z][a-z]{2,})\b", repl, text, flags=re.M)


def make_corpus(folder: Path, n: int) -> Path:
    """Write ``n`` articles into ``folder`` (replicas of the seeds and dev articles)."""
    sources = [p for d in SOURCES for p in sorted(d.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = sources[i % len(sources)]
        k = i // len(sources)
        (folder / f"a{i:05d}-{src.stem}.txt").write_text(vary(src.read_text(encoding="utf-8"), k), encoding="utf-8")
    return folder


_CHILD = ("import resource, sys\nfrom kg.cli import main\nsys.argv = ['kg'] + sys.argv[1:]\n"
          "try:\n    main()\nfinally:\n"
          "    print('maxrss', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
          "    print('maxrss_workers', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n")


def _kg(*args: str) -> tuple[float, str, int]:
    """Run ``kg`` in a child process; returns (seconds, stdout, peak RSS of that process in KiB)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr)
    rss = int(re.findall(r"maxrss (\d+)", proc.stderr)[-1])
    return seconds, proc.stdout, rss


def _record(n: int, tokens: int, triples: int, bare: float, build: float, stages: dict, nt_parse: float) -> dict:
    """The measures of the one-process build (``--build-only``)."""
    return {
        "articles": n, "tokens": tokens, "triples": triples, "mode": "build-only",
        "bare_s": round(bare, 2), "build_s": round(build, 2), "stages_s": {k: round(v, 2) for k, v in stages.items()},
        "bare_tps": round(tokens / bare), "build_tps": round(tokens / build), "build_vs_bare": round(bare / build, 3),
        "nt_parse_s": round(nt_parse, 2), "validate_vs_nt_parse": round(stages["validate"] / nt_parse, 2),
        "validate_us_per_triple": round(stages["validate"] / triples * 1e6, 1),
        "part_validation_us_per_triple": round(stages["part_validation"] / triples * 1e6, 1),
        "triples_per_s": round(triples / build),
    }


def run(n: int, work: Path, build_only: bool = False) -> dict:
    """Every measure at ``n`` articles; with ``build_only``, only the one-process
    build against bare ``nlp.pipe`` and its stages (no ``-j 2`` or CLI rebuilds)."""
    from rdflib import Graph

    from kg.extract.extraction import extract
    from kg.io.corpus import list_corpus, read_article
    from kg.nlp.model import load_pipeline
    from kg.rdf.namespaces import new_graph
    from kg.rdf.parts import GraphPlan
    from kg.rdf.serialize import canonical_nt, nt_lines, serialize, turtle_from_nt
    from kg.shacl.validate import validate, write_and_validate

    corpus = make_corpus(work / "corpus", n)
    articles = [read_article(p) for p in list_corpus(corpus)]
    texts = [b.text for a in articles for b in a.blocks]
    nlp = load_pipeline()
    list(nlp.pipe(texts[:50]))  # warm up

    start = time.perf_counter()
    tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=64))
    bare = time.perf_counter() - start

    # the build's own path, one process: read, then write and validate the graph part by part
    stages = {}
    start = time.perf_counter()
    ex = extract(articles)
    stages["extract"] = time.perf_counter() - start
    t = time.perf_counter()
    nt, result = write_and_validate(ex)
    stages["graph_and_validate"] = time.perf_counter() - t
    t = time.perf_counter()
    turtle_from_nt(nt, new_graph().namespaces())
    serialize(result.report, "turtle")
    stages["serialize"] = time.perf_counter() - t
    build = time.perf_counter() - start
    triples = nt.count(b"\n")
    t = time.perf_counter()
    graph = Graph().parse(data=nt, format="nt")
    nt_parse = time.perf_counter() - t
    t = time.perf_counter()
    validate(graph)  # the whole graph at once, for goal 4
    stages["validate"] = time.perf_counter() - t
    # the graph writing alone (the same parts, no validation), to split graph_and_validate
    t = time.perf_counter()
    plan = GraphPlan(ex)
    canonical_nt([nt_lines(plan.part(spec).own) for spec in plan.specs(4000)])
    stages["graph_write"] = time.perf_counter() - t
    stages["part_validation"] = max(0.0, stages["graph_and_validate"] - stages["graph_write"])
    del ex, graph, result, nt, plan
    if build_only:
        return _record(n, tokens, triples, bare, build, stages, nt_parse)

    start = time.perf_counter()
    extract(articles, jobs=2)
    jobs2 = time.perf_counter() - start
    one = stages["extract"]

    cache, out = work / "cache", work / "out"
    cold, _, _ = _kg("build", str(corpus), "-o", str(out), "--cache", str(cache), "-q")
    warm, _, _ = _kg("build", str(corpus), "-o", str(out), "--cache", str(cache), "-q")
    (corpus / "zzzzz-added.txt").write_text(vary((SOURCES[0] / sorted(p.name for p in SOURCES[0].glob("*.txt"))[0])
                                                 .read_text(encoding="utf-8"), 9999), encoding="utf-8")
    added, added_out, _ = _kg("build", str(corpus), "-o", str(out), "--cache", str(cache))
    m = re.search(r"\((\d+) parsed", added_out)
    rechecked = re.search(r"re-checked (\d+) nodes", added_out)
    (corpus / "zzzzz-added.txt").unlink()
    _, _, rss = _kg("build", str(corpus), "-o", str(work / "out-nocache"), "--no-cache", "-q")

    return {
        "articles": n, "tokens": tokens, "triples": triples,
        "bare_s": round(bare, 2), "build_s": round(build, 2), "stages_s": {k: round(v, 2) for k, v in stages.items()},
        "bare_tps": round(tokens / bare), "build_tps": round(tokens / build),
        "build_vs_bare": round(bare / build, 3),
        "jobs1_extract_s": round(one, 2), "jobs2_extract_s": round(jobs2, 2), "jobs2_vs_jobs1": round(one / jobs2, 2),
        "cold_build_s": round(cold, 2), "unchanged_rebuild_s": round(warm, 2), "rebuild_speedup": round(cold / warm, 1),
        "added_one_s": round(added, 2), "added_parsed": int(m.group(1)) if m else None,
        "added_rechecked_nodes": int(rechecked.group(1)) if rechecked else None,
        "nt_parse_s": round(nt_parse, 2), "validate_vs_nt_parse": round(stages["validate"] / nt_parse, 2),
        "validate_us_per_triple": round(stages["validate"] / triples * 1e6, 1),
        "triples_per_s": round(triples / build), "peak_rss_mib": round(rss / 1024),
        "part_validation_us_per_triple": round(stages["part_validation"] / triples * 1e6, 1),
    }


def scale(n: int, work: Path, jobs: int = 2) -> dict:
    """The scale run (goal 5): one ``kg build --no-cache -j JOBS`` of ``n`` articles
    in a child process, nothing else (the full set of measures would take hours
    at 10,000 articles). Reports tokens (spaCy's tokenizer alone), triples,
    tokens/s and triples/s of the whole build, and the peak RSS of the build
    process and of its largest worker."""
    import pyoxigraph as ox

    from kg.io.corpus import list_corpus, read_article
    from kg.nlp.model import load_pipeline

    corpus = make_corpus(work / "corpus", n)
    nlp = load_pipeline()
    tokens = sum(len(d) for a in (read_article(p) for p in list_corpus(corpus))
                 for d in nlp.tokenizer.pipe(b.text for b in a.blocks))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CHILD, "build", str(corpus), "-o", str(work / "out"),
                           "--no-cache", "-q", "-j", str(jobs)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr)
    rss = int(re.findall(r"maxrss (\d+)", proc.stderr)[-1])
    workers = int(re.findall(r"maxrss_workers (\d+)", proc.stderr)[-1])
    with open(work / "out" / "graph.ttl", "rb") as fh:
        triples = sum(1 for _ in ox.parse(fh, format=ox.RdfFormat.TURTLE))
    return {"articles": n, "mode": "scale", "jobs": jobs, "tokens": tokens, "triples": triples,
            "build_s": round(seconds, 1), "build_tps": round(tokens / seconds), "triples_per_s": round(triples / seconds),
            "peak_rss_mib": round(rss / 1024), "peak_worker_rss_mib": round(workers / 1024)}


#: Issue 18's build and validation goals, and issue 7's others.
GOALS = [("build_vs_bare", ">=", 0.70), ("validate_us_per_triple", "<=", 60), ("jobs2_vs_jobs1", ">=", 1.6),
         ("rebuild_speedup", ">=", 20), ("added_parsed", "==", 1), ("validate_vs_nt_parse", "<=", 2)]


def summary(results: list[dict]) -> str:
    """A Markdown table of the results, one column per corpus size."""
    keys = ["tokens", "triples", "bare_tps", "build_tps", "build_vs_bare", "jobs2_vs_jobs1", "cold_build_s",
            "unchanged_rebuild_s", "rebuild_speedup", "added_one_s", "added_parsed", "added_rechecked_nodes",
            "validate_vs_nt_parse", "validate_us_per_triple", "part_validation_us_per_triple", "triples_per_s",
            "peak_rss_mib"]
    goals = {k: f"{op} {v}" for k, op, v in GOALS}
    goals["peak_rss_mib"] = "<= 2048 at 10,000"
    keys += ["build_s", "peak_worker_rss_mib"]
    modes = {"scale": " (scale run, -j 2)", "build-only": " (build only)"}
    lines = ["| measure | goal | " + " | ".join(f"{r['articles']} articles" + modes.get(r.get("mode"), "")
                                                for r in results) + " |",
             "|---|---|" + "---|" * len(results)]
    for k in keys:
        lines.append(f"| {k} | {goals.get(k, '')} | " + " | ".join("" if r.get(k) is None else str(r.get(k))
                                                                  for r in results) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="+", type=int)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--scale", action="store_true", help="only the scale run (one build, -j 2; see scale())")
    parser.add_argument("--build-only", action="store_true",
                        help="only the one-process build against bare nlp.pipe, with its stages (see run())")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results = []
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"kg-bench-{n}-"))
        try:
            r = scale(n, work) if args.scale else run(n, work, args.build_only)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(json.dumps(r), flush=True)
        name = f"build-{n}-build-only.json" if args.build_only and not args.scale else f"build-{n}.json"
        (args.out / name).write_text(json.dumps(r, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        results.append(r)
    existing = sorted((json.loads(p.read_text()) for p in args.out.glob("build-*.json")),
                      key=lambda r: (r["articles"], r.get("mode", "")))
    (args.out / "summary.md").write_text(summary(existing), encoding="utf-8")


if __name__ == "__main__":
    main()
