"""What reading costs next to the parse (issue 15's goal: at most 0.15 at 1,000 articles).

"Reading" is everything :func:`kg.extract.extraction.extract` does after spaCy's parse:
unpacking the stored parses, finding mentions, resolving entities, running the
frame readers and merging observations. The script measures, within one run
and one process, on a corpus of ``N`` replicated seed and development articles
(:func:`bench_build.make_corpus`), or on the articles of a folder (``--folder``):

- ``parse_s``: bare ``nlp.pipe`` over the articles' block texts (the floor);
- ``cold_s``: ``extract`` with an empty parse cache (parse and read);
- ``cold_read_s``: the part of ``cold_s`` spent outside spaCy's parse (what a
  first build pays to read: packing and unpacking parses, mentions, frames, ...)
  and ``cold_read_vs_parse`` = cold_read_s / parse_s;
- ``warm_s``: ``extract`` again with the cache filled (no parse: reading only, with
  the parses loaded from the cache);
- ``read_vs_parse`` = warm_s / parse_s, and the share of each reading stage
  (cumulative seconds of a last run under cProfile: unpacking, mentions,
  entity resolution, frames, merging).

Before measuring, the model is loaded and one article is read, so that what a build
loads once (the model, the knowledge base with its phrase matcher and gazetteers) counts
in neither the parse nor the reading.

Times are process CPU seconds (``time.process_time``: steadier than wall time on a
shared machine); with ``--repeat R`` each is the median of R runs.

Usage::

    python benchmarks/bench_reading.py 1000 [--out benchmarks/results] [--repeat 3]
    python benchmarks/bench_reading.py --folder CORPUS [--repeat 3]   # prints only

Results: ``benchmarks/results/reading-<N>.json`` (a ``--folder`` run writes nothing).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bench_build import make_corpus  # noqa: E402

#: Functions whose cumulative time names a reading stage, by stage (the largest one's; the
#: sum for "unpack": the parse cache's ``get`` in the first pass, ``_unpack`` in the second).
STAGES = {
    "unpack": ("_unpack", "get"),
    "mentions": ("find",),
    "entities": ("resolve_entities",),
    "frames": ("read",),
    "merge": ("merge",),
}


def _timed_parse(extraction) -> list[float]:
    """Wrap ``extraction._parse_here`` so that the CPU seconds spent producing each
    article's parse (spaCy's pipe) add up in the returned one-item list."""
    spent = [0.0]
    original = extraction._parse_here

    def parse_here(nlp, todo):
        stream = original(nlp, todo)
        while True:
            start = time.process_time()
            try:
                item = next(stream)
            except StopIteration:
                return
            finally:
                spent[0] += time.process_time() - start
            yield item

    extraction._parse_here = parse_here
    return spent


def run(articles: list, work: Path, repeat: int = 1) -> dict:
    """Measure parse, cold and warm extraction of ``articles`` (see the module doc); ``work``
    holds the parse cache."""
    from kg.extract import extraction
    from kg.nlp.model import load_pipeline

    texts = [b.parse_text for a in articles for b in a.blocks]
    nlp = load_pipeline()
    list(nlp.pipe(texts[:50]))  # warm up
    # (and load once what every build loads once, as the model above: the knowledge base, its
    # phrase matcher and gazetteers, read on a first extraction; not part of reading an article)
    extraction.extract(articles[:1])
    spent = _timed_parse(extraction)
    parses, colds, cold_reads, warms = [], [], [], []
    for k in range(repeat):
        start = time.process_time()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
        parses.append(time.process_time() - start)
        spent[0] = 0.0
        start = time.process_time()
        extraction.extract(articles)  # no cache: parse and read, as a first build
        colds.append(time.process_time() - start)
        cold_reads.append(colds[-1] - spent[0])
        cache = work / f"cache{k}"
        extraction.extract(articles, cache=cache)  # fills the cache
        start = time.process_time()
        extraction.extract(articles, cache=cache)
        warms.append(time.process_time() - start)
    prof = cProfile.Profile()  # a last, profiled run for the stages' shares
    prof.enable()
    extraction.extract(articles, cache=work / "cache0")
    prof.disable()
    stats = pstats.Stats(prof)
    stages = {}
    for stage, names in STAGES.items():
        found = [cum for (file, _, name), (_, _, _, cum, _) in stats.stats.items()
                 if name in names and ("/kg/" in file and name != "get" or file.endswith("io/cache.py"))]
        stages[stage] = round(sum(found) if stage == "unpack" else max(found, default=0.0), 2)
    med = statistics.median
    parse, cold, cold_read, warm = med(parses), med(colds), med(cold_reads), med(warms)
    return {"articles": len(articles), "blocks": len(texts), "repeat": repeat, "parse_s": round(parse, 2),
            "cold_s": round(cold, 2), "cold_read_s": round(cold_read, 2),
            "cold_read_vs_parse": round(cold_read / parse, 3), "warm_s": round(warm, 2),
            "read_vs_parse": round(warm / parse, 3), "stage_s": stages,
            "note": "CPU seconds, medians of `repeat` runs; stage_s: cumulative seconds of a last, "
                    "profiled run (inflated by the profiler)"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="*", type=int)
    ap.add_argument("--folder", type=Path, help="measure the articles of this folder (nothing is written)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per measure; the median is reported")
    ap.add_argument("--out", type=Path, default=HERE / "results")
    args = ap.parse_args()
    if not args.sizes and args.folder is None:
        ap.error("give corpus sizes or --folder")
    from kg.io.corpus import list_corpus, read_article

    if args.folder is not None:
        if not args.folder.is_dir():
            ap.error(f"--folder {args.folder}: not a folder")
        articles = [a for a in (read_article(p) for p in list_corpus(args.folder)) if a]
        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps({"folder": str(args.folder), **run(articles, Path(tmp), args.repeat)}))
    args.out.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = make_corpus(Path(tmp) / "corpus", n)
            articles = [read_article(p) for p in list_corpus(corpus)]
            row = run(articles, Path(tmp), args.repeat)
        (args.out / f"reading-{n}.json").write_text(json.dumps(row, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(row))


if __name__ == "__main__":
    main()
