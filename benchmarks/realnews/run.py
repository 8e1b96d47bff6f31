"""Score kg on the real-news development set (issue 15).

The set is real published articles whose texts belong to their publishers: they
never enter the repository. They live in a cache folder outside it,
``$KG_REALNEWS_DIR`` (default ``<user cache folder>/kg/realnews``, from
platformdirs), as ``texts/<file>``. The repository keeps:

- ``benchmarks/realnews/sources.tsv``: one row per article, tab-separated, with
  the columns ``file split event url publisher published query sha256 chars``
  (``split`` is ``tune`` or ``check``; ``query`` is the search query that finds
  the page again; ``sha256`` is the SHA-256 of the UTF-8 text kept; ``chars`` its
  length in characters);
- ``benchmarks/realnews/gold/<event>/cq01.csv`` ... ``cq11.csv``: gold answers
  per event, in the competency-question CSV format, written by reading the
  articles before kg was run on them.

For each split the script checks every text (missing, or changed: another
sha256), builds the split's present texts with ``kg build`` into a temporary
folder, joins the gold files of the split's events (identical rows once), scores
the graph with :func:`kg.query.evaluate.evaluate` (the contract's rules) and prints
precision, recall and F1 per question, the overall line and the ``facts`` line
(every question but cq08). Results are written to
``benchmarks/results/realnews-<split>.json`` and ``realnews.md``.

Read the misses of ``tune`` only (``--show-misses``): the script refuses to
print those of ``check``, which is scored and never tuned to.

Usage::

    python benchmarks/realnews/run.py                 # both splits
    python benchmarks/realnews/run.py tune --show-misses
    python benchmarks/realnews/run.py --list-missing  # texts to fetch again, with their queries

Exit status: 0 when every split was scored, 1 when a text is missing or changed
(the split is still scored on the rest, and the result records how many were
missing) or when no text of a split is present (nothing is scored or written),
2 when the set cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCES = HERE / "sources.tsv"
GOLD = HERE / "gold"
RESULTS = ROOT / "benchmarks" / "results"
COLUMNS = ("file", "split", "event", "url", "publisher", "published", "query", "sha256", "chars")
SPLITS = ("tune", "check")


def cache_dir() -> Path:
    """The folder holding ``texts/``: ``$KG_REALNEWS_DIR``, else the user cache folder's ``kg/realnews``."""
    env = os.environ.get("KG_REALNEWS_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kg")) / "realnews"


def read_sources(path: Path | None = None) -> list[dict]:
    """Rows of ``sources.tsv`` (``path``, default :data:`SOURCES`) as dicts; exits 2 naming the
    file and line when a row is malformed."""
    path = SOURCES if path is None else path
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    except OSError as exc:
        sys.exit(f"error: {path}: cannot read the source list ({exc.strerror})")
    for n, row in enumerate(rows, 2):
        if tuple(row) != COLUMNS or row["split"] not in SPLITS or not row["file"].endswith(".txt"):
            sys.exit(f"error: {path}:{n}: expected the columns {' '.join(COLUMNS)} with split tune or check")
    return rows


def check_texts(rows: list[dict], texts: Path) -> tuple[list[dict], list[tuple[dict, str]]]:
    """Split ``rows`` into present texts whose sha256 matches, and problems ``(row, "missing" | "changed")``."""
    ok, bad = [], []
    for row in rows:
        path = texts / row["file"]
        if not path.is_file():
            bad.append((row, "missing"))
        elif hashlib.sha256(path.read_bytes()).hexdigest() != row["sha256"]:
            bad.append((row, "changed"))
        else:
            ok.append(row)
    return ok, bad


def join_gold(events: list[str], out: Path) -> None:
    """Write one ``cqNN.csv`` per question into ``out``: the rows of every event's gold, identical rows once."""
    out.mkdir(parents=True, exist_ok=True)
    questions = sorted({p.name for e in events for p in (GOLD / e).glob("cq*.csv")})
    for q in questions:
        header, rows, seen = None, [], set()
        for e in events:
            path = GOLD / e / q
            if not path.is_file():
                continue
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh)
                head = next(reader, None)
                if head is None:
                    continue
                if header is None:
                    header = head
                elif head != header:
                    sys.exit(f"error: {path}: header {head} differs from {header}")
                for r in reader:
                    if r and tuple(r) not in seen:
                        seen.add(tuple(r))
                        rows.append(r)
        with (out / q).open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)


def kg_command() -> list[str]:
    """``kg`` as a module of this Python (so ``PYTHONPATH`` chooses the checkout that is scored)."""
    return [sys.executable, "-m", "kg.cli"]


def score_split(split: str, rows: list[dict], texts: Path, work: Path, show_misses: bool,
                missing: int = 0) -> dict:
    """Build and score one split on the present texts ``rows``; returns the result record written
    to ``benchmarks/results`` (``missing``: the split's texts absent or changed, recorded in it)."""
    from rdflib import Graph

    from kg.query.evaluate import evaluate, f1, totals

    corpus, out, gold = work / split / "corpus", work / split / "out", work / split / "gold"
    corpus.mkdir(parents=True)
    for row in rows:
        shutil.copyfile(texts / row["file"], corpus / row["file"])
    events = sorted({row["event"] for row in rows})
    join_gold(events, gold)
    build = subprocess.run([*kg_command(), "build", str(corpus), "-o", str(out), "-q"],
                           capture_output=True, text=True)
    if build.returncode not in (0, 1):
        sys.exit(f"error: kg build of the {split} split failed:\n{build.stderr}")
    graph = Graph()
    graph.parse(out / "graph.ttl")
    graph.parse(ROOT / "ontology" / "kg.ttl")
    scores = evaluate(graph, ROOT / "queries", gold)
    facts = [s for s in scores if s.question != "cq08"]
    record = {
        "split": split, "articles": len(rows), "missing": missing, "events": len(events),
        "publishers": len({r["publisher"] for r in rows}),
        "questions": {s.question: {"returned": s.returned, "right": s.right, "required": s.required,
                                   "found": s.found, "precision": round(s.precision, 3),
                                   "recall": round(s.recall, 3), "f1": round(f1(s.precision, s.recall), 3)}
                      for s in scores},
        "overall": {k: round(v, 3) for k, v in totals(scores).items()},
        "facts": {k: round(v, 3) for k, v in totals(facts).items()},
    }
    print(f"\n{split}: {len(rows)} articles, {len(events)} events, {record['publishers']} publishers"
          + (f" ({missing} texts of the split missing or changed: not scored)" if missing else ""))
    print(f"{'question':10} {'P':>6} {'R':>6} {'F1':>6}  found/required  right/returned")
    for s in scores:
        print(f"{s.question:10} {s.precision:6.3f} {s.recall:6.3f} {f1(s.precision, s.recall):6.3f}"
              f"  {s.found:5}/{s.required:<8} {s.right:5}/{s.returned}")
    for name in ("overall", "facts"):
        t = record[name]
        print(f"{name:10} {t['precision']:6.3f} {t['recall']:6.3f} {t['f1']:6.3f}")
    if show_misses:
        for s in scores:
            for row in s.missed:
                print(f"MISS  {s.question} {row}")
            for row in s.wrong:
                print(f"WRONG {s.question} {row}")
    return record


def write_results(records: list[dict]) -> None:
    """Write one JSON file per split and a Markdown table of both to ``benchmarks/results``."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    for rec in records:
        (RESULTS / f"realnews-{rec['split']}.json").write_text(json.dumps(rec, indent=2, sort_keys=True) + "\n")
    both = {}
    for split in SPLITS:
        path = RESULTS / f"realnews-{split}.json"
        if path.exists():
            both[split] = json.loads(path.read_text())
    lines = ["| question | " + " | ".join(f"{s} P / R / F1" for s in both) + " |",
             "|---|" + "---|" * len(both)]
    names = sorted({q for rec in both.values() for q in rec["questions"]}) + ["overall", "facts"]
    for q in names:
        cells = []
        for rec in both.values():
            v = rec["questions"].get(q) or rec.get(q)
            cells.append(f"{v['precision']:.2f} / {v['recall']:.2f} / {v['f1']:.2f}" if v else "")
        lines.append(f"| {q} | " + " | ".join(cells) + " |")
    sizes = "; ".join(f"{s}: {r['articles']} articles, {r['events']} events, {r['publishers']} publishers"
                      for s, r in both.items())
    (RESULTS / "realnews.md").write_text(f"Real-news development set ({sizes}).\n\n" + "\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("splits", nargs="*", metavar="SPLIT", help="tune and/or check (default both)")
    ap.add_argument("--show-misses", action="store_true", help="print missed and wrong rows (tune only)")
    ap.add_argument("--list-missing", action="store_true", help="list missing or changed texts and stop")
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="keep the tune split's corpus, build and joined gold in DIR (tune only; DIR must not exist)")
    args = ap.parse_args(argv)
    splits = args.splits or list(SPLITS)
    if any(s not in SPLITS for s in splits):
        ap.error(f"a SPLIT is one of: {', '.join(SPLITS)}")
    if args.show_misses and "check" in splits:
        print("error: the misses of the check split are not to be read; run `run.py tune --show-misses`",
              file=sys.stderr)
        return 2
    if args.keep and (splits != ["tune"] or args.keep.exists()):
        print("error: --keep is for the tune split only, into a folder that does not exist yet", file=sys.stderr)
        return 2
    rows = read_sources()
    texts = cache_dir() / "texts"
    ok, bad = check_texts(rows, texts)
    for row, problem in bad:
        print(f"{problem}: {texts / row['file']} ({row['publisher']}, {row['url']}); "
              f"find it again with the query: {row['query']}", file=sys.stderr)
    if args.list_missing:
        return 1 if bad else 0
    absent = {s: sum(1 for row, _ in bad if row["split"] == s) for s in splits}
    empty = [s for s in splits if not any(r["split"] == s for r in ok)]
    if empty:
        # (scoring no text would overwrite the results of an earlier run with nothing)
        print(f"error: no text of the {' and '.join(empty)} split is present in {texts}; nothing is scored "
              f"and benchmarks/results is left as it is (run --list-missing)", file=sys.stderr)
        return 1
    if args.keep:
        records = [score_split("tune", [r for r in ok if r["split"] == "tune"], texts, args.keep, args.show_misses,
                               absent["tune"])]
    else:
        with tempfile.TemporaryDirectory(prefix="kg-realnews-") as tmp:
            records = [score_split(s, [r for r in ok if r["split"] == s], texts, Path(tmp), args.show_misses,
                                   absent[s]) for s in splits]
    write_results(records)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
