"""What reading costs next to the parse (issue 15's goal: at most 0.15 at 1,000 articles).

"Reading" is everything :func:`kg.extract.extraction.extract` does after spaCy's parse:
unpacking the stored parses, finding mentions, resolving entities, running the
frame readers and merging observations. The script measures, within one run
and one process, on a corpus of ``N`` replicated seed and development articles
(:func:`bench_build.make_corpus`):

- ``parse_s``: bare ``nlp.pipe`` over the articles' block texts (the floor);
- ``cold_s``: ``extract`` with an empty parse cache (parse and read);
- ``warm_s``: ``extract`` again with the cache filled (no parse: reading only);
- ``read_vs_parse`` = warm_s / parse_s, and the share of each reading stage
  (cumulative seconds of a third run under cProfile: unpacking, mentions,
  entity resolution, frames, merging).

Usage::

    python benchmarks/bench_reading.py 1000 [--out benchmarks/results]

Results: ``benchmarks/results/reading-<N>.json``.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_build import make_corpus  # noqa: E402

#: Functions whose cumulative time names a reading stage, by stage.
STAGES = {
    "unpack": ("_unpack",),
    "mentions": ("find",),
    "entities": ("resolve_entities",),
    "frames": ("read",),
    "merge": ("merge",),
}


def run(n: int, work: Path) -> dict:
    from kg.extract.extraction import extract
    from kg.io.corpus import list_corpus, read_article
    from kg.nlp.model import load_pipeline

    corpus = make_corpus(work / "corpus", n)
    articles = [read_article(p) for p in list_corpus(corpus)]
    texts = [b.parse_text for a in articles for b in a.blocks]
    nlp = load_pipeline()
    list(nlp.pipe(texts[:50]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    parse = time.perf_counter() - start
    cache = work / "cache"
    start = time.perf_counter()
    extract(articles, cache=cache)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    extract(articles, cache=cache)
    warm = time.perf_counter() - start
    prof = cProfile.Profile()  # a third, profiled run for the stages' shares
    prof.enable()
    extract(articles, cache=cache)
    prof.disable()
    stats = pstats.Stats(prof)
    stages = {}
    for stage, names in STAGES.items():
        best = 0.0
        for (file, _, name), (_, _, _, cum, _) in stats.stats.items():
            if name in names and "/kg/" in file:
                best = max(best, cum)
        stages[stage] = round(best, 2)
    return {"articles": n, "blocks": len(texts), "parse_s": round(parse, 2), "cold_s": round(cold, 2),
            "warm_s": round(warm, 2), "read_vs_parse": round(warm / parse, 3),
            "stage_s": stages, "note": "stage_s: cumulative seconds of a third, profiled run (inflated by the profiler)"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="+", type=int)
    ap.add_argument("--out", type=Path, default=HERE / "results")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            row = run(n, Path(tmp))
        (args.out / f"reading-{n}.json").write_text(json.dumps(row, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(row))


if __name__ == "__main__":
    main()
