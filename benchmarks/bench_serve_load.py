"""``kg serve`` under concurrent load (issue 18, goal 3).

Goal: "``kg serve`` on a 1,000-article build and on its store answers 16
concurrent clients running the competency queries (2,000 requests in all) with
no error", reporting p50 and p95 latency and peak memory, memory flat over the
run.

The graph. A corpus of ``--articles`` articles made by
:func:`bench_build.make_corpus` (the seed and development articles replicated
with varied names) is built with ``kg build --no-cache -j 2 --store DIR``: a
real build, its ``graph.ttl`` and its Oxigraph store. ``--outdir``/``--store``
reuse an earlier build instead.

The run, once per target (the output folder, served from ``graph.ttl`` in
rdflib's in-memory engine; then the store, served by Oxigraph):

- a fresh ``kg serve TARGET --port 0 -q`` process (default time limit, 60 s,
  and default ``--workers``); nothing is sent before the clients start (no
  warm-up);
- ``--clients`` threads released together by a barrier take request numbers
  0 .. ``--requests``-1 from one counter; request ``i`` POSTs competency query
  ``i mod 11`` (``queries/cq*.rq``, form-encoded, JSON results) on a new
  connection; a request succeeds when it gets a 200 with a SPARQL JSON results
  document whose row count is that of the same query run alone before the run
  (in this process, through the same engine: rdflib or pyoxigraph);
- latency: wall time from connecting to the last byte of the response
  (``time.perf_counter``), p50/p95/max over all requests and per query;
- memory: every ``--sample`` seconds, the resident memory (``VmRSS``, MiB) of
  the server process and the proportional set size (``Pss`` of
  ``/proc/PID/smaps_rollup``, MiB) of the server plus its query workers (forked
  children, whose pages are mostly shared with the server); peak, and the mean
  of the first and of the last quarter of the run's samples (flat: last / first
  close to 1).

Usage::

    python benchmarks/bench_serve_load.py [--articles 1000] [--clients 16] [--requests 2000]
        [--outdir OUT --store DB] [--out benchmarks/results]

Results: ``serve-load-<articles>.json`` and ``serve-load-summary.md`` in ``--out``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from bench_build import make_corpus  # noqa: E402

QUERIES = sorted((ROOT / "queries").glob("cq*.rq"))


def build(work: Path, articles: int) -> tuple[Path, Path, float]:
    """``kg build`` of a corpus of ``articles`` articles with a store; returns (output folder, store, seconds)."""
    corpus = make_corpus(work / "corpus", articles)
    out, store = work / "out", work / "db"
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "--store", str(store),
                           "--no-cache", "-q", "-j", "2"], capture_output=True, text=True)
    if proc.returncode not in (0, 1):  # 1: the graph does not conform (it is still written)
        raise RuntimeError(proc.stderr)
    return out, store, time.perf_counter() - start


def expected_rows(target: Path) -> dict[str, int]:
    """Rows of each competency query run alone, in this process, by the engine the server uses for ``target``."""
    from kg.query.sparql import load_graph
    from kg.serve.endpoint import graph_file

    graph = load_graph(graph_file(target))
    rows = {p.stem: len(list(graph.query(p.read_text(encoding="utf-8")))) for p in QUERIES}
    del graph
    return rows


def _kib(pid: int, field: str, file: str = "status") -> int:
    text = Path(f"/proc/{pid}/{file}").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", text, re.M).group(1))


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class Sampler(threading.Thread):
    """Samples the server's RSS and the PSS of the server plus its workers every ``every`` seconds."""

    def __init__(self, pid: int, every: float):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.samples: list[tuple[float, float, float]] = []  # (seconds, server RSS MiB, tree PSS MiB)
        self.stop = threading.Event()

    def run(self) -> None:
        start = time.perf_counter()
        while not self.stop.is_set():
            try:
                rss = _kib(self.pid, "VmRSS")
                pss = _kib(self.pid, "Pss", "smaps_rollup")
            except (OSError, AttributeError):
                break
            for child in _children(self.pid):
                try:
                    pss += _kib(child, "Pss", "smaps_rollup")
                except (OSError, AttributeError):
                    pass  # the worker ended meanwhile
            self.samples.append((time.perf_counter() - start, rss / 1024, pss / 1024))
            self.stop.wait(self.every)


def _post(port: int, query: str, timeout: float) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/sparql", body=urllib.parse.urlencode({"query": query}),
                     headers={"Content-Type": "application/x-www-form-urlencoded",
                              "Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values`` by linear interpolation between closest ranks."""
    values = sorted(values)
    if not values:
        return float("nan")
    pos = (len(values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)


def load_run(target: Path, clients: int, requests: int, every: float, want: dict[str, int], work: Path) -> dict:
    """One fresh server on ``target`` and the clients; returns the measures."""
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in QUERIES]
    errlog = work / f"serve-{target.name}.err"
    started = time.perf_counter()
    with errlog.open("w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(target), "--port", "0", "-q"],
                                stdout=subprocess.PIPE, stderr=err, text=True)
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            proc.kill()
            raise RuntimeError(f"kg serve did not start: {line!r}; {errlog.read_text()}")
        port = int(match.group(1))
        startup = time.perf_counter() - started
        sampler = Sampler(proc.pid, every)
        sampler.start()
        counter = iter(range(requests))
        lock = threading.Lock()
        barrier = threading.Barrier(clients)
        records: list[dict] = []

        def client() -> None:
            barrier.wait()
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                name, text = texts[i % len(texts)]
                t0 = time.perf_counter()
                try:
                    status, body = _post(port, text, timeout=600)
                except (OSError, http.client.HTTPException) as exc:
                    records.append({"query": name, "s": time.perf_counter() - t0, "error": f"no response: {exc!r}"})
                    continue
                seconds = time.perf_counter() - t0
                error = None
                if status != 200:
                    error = f"{status}: {body[:200]!r}"
                else:
                    try:
                        rows = len(json.loads(body)["results"]["bindings"])
                        if rows != want[name]:
                            error = f"{rows} rows, not {want[name]}"
                    except (ValueError, KeyError) as exc:
                        error = f"not SPARQL JSON results ({exc})"
                records.append({"query": name, "s": seconds, "error": error})

        t0 = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        sampler.stop.set()
        sampler.join()
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    errors = [r for r in records if r["error"]]
    lat = [r["s"] for r in records]
    samples = sampler.samples
    quarter = max(1, len(samples) // 4)
    first_rss = statistics.mean(s[1] for s in samples[:quarter])
    last_rss = statistics.mean(s[1] for s in samples[-quarter:])
    first_pss = statistics.mean(s[2] for s in samples[:quarter])
    last_pss = statistics.mean(s[2] for s in samples[-quarter:])
    per_query = {}
    for name, _ in texts:
        mine = [r["s"] for r in records if r["query"] == name]
        per_query[name] = {"requests": len(mine), "rows": want[name], "p50_s": round(percentile(mine, 0.5), 3),
                           "p95_s": round(percentile(mine, 0.95), 3), "max_s": round(max(mine), 3)}
    return {
        "target": "store (Oxigraph)" if (target / "kg-store.json").is_file() else "graph.ttl (rdflib in memory)",
        "startup_s": round(startup, 2),
        "requests": len(records), "clients": clients, "errors": len(errors),
        "error_examples": [f"{r['query']}: {r['error']}" for r in errors[:5]],
        "server_exit_code": proc.returncode,
        "server_tracebacks": errlog.read_text(encoding="utf-8").count("Traceback"),
        "wall_s": round(wall, 1), "requests_per_s": round(len(records) / wall, 2),
        "p50_s": round(percentile(lat, 0.5), 3), "p95_s": round(percentile(lat, 0.95), 3),
        "max_s": round(max(lat), 3),
        "samples": len(samples), "sample_every_s": every,
        "rss_peak_mib": round(max(s[1] for s in samples), 1),
        "rss_first_quarter_mib": round(first_rss, 1), "rss_last_quarter_mib": round(last_rss, 1),
        "rss_last_over_first": round(last_rss / first_rss, 3),
        "pss_tree_peak_mib": round(max(s[2] for s in samples), 1),
        "pss_tree_first_quarter_mib": round(first_pss, 1), "pss_tree_last_quarter_mib": round(last_pss, 1),
        "per_query": per_query,
    }


def summary(r: dict) -> str:
    """The Markdown table of one result file."""
    lines = [f"`kg serve` load benchmark: {r['articles']}-article build ({r['triples']:,} triples in the store), "
             f"competency queries round-robin, a fresh server per target, no warm-up; {r['cpus']} CPUs (shared: "
             f"load average at the start and end of each run in the JSON); `python benchmarks/bench_serve_load.py`. "
             f"Details: `serve-load-{r['articles']}.json`.", "",
             "| target | clients | requests | errors | p50 s | p95 s | max s | req/s | server RSS peak MiB | "
             "RSS first / last quarter MiB | server + workers PSS peak MiB |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for run in r["runs"]:
        lines.append(f"| {run['target']} | {run['clients']} | {run['requests']} | {run['errors']} | {run['p50_s']} | "
                     f"{run['p95_s']} | "
                     f"{run['max_s']} | {run['requests_per_s']} | {run['rss_peak_mib']} | "
                     f"{run['rss_first_quarter_mib']} / {run['rss_last_quarter_mib']} "
                     f"({run['rss_last_over_first']}x) | {run['pss_tree_peak_mib']} |")
    runs = [run for run in r["runs"] if run.get("per_query")]
    if runs:
        lines += ["", "| query | rows | " + " | ".join(f"{run['target']} p50 / p95 s" for run in runs) + " |",
                  "|---|---|" + "---|" * len(runs)]
        for name in runs[0]["per_query"]:
            cells = [f"{run['per_query'][name]['p50_s']} / {run['per_query'][name]['p95_s']}" for run in runs]
            lines.append(f"| {name} | {runs[0]['per_query'][name]['rows']} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Parse the arguments, build (or reuse) the graph, run the load on both targets, write the results."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=2000, help="requests per target")
    ap.add_argument("--sample", type=float, default=0.5, help="seconds between memory samples")
    ap.add_argument("--outdir", type=Path, help="an earlier `kg build` output folder of --articles articles")
    ap.add_argument("--store", type=Path, help="its store (`kg build --store`)")
    ap.add_argument("--targets", default="graph,store", help="graph, store or both (comma-separated)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-serve-load-") as tmp:
        work = Path(tmp)
        build_s = None
        if args.outdir and args.store:
            outdir, store = args.outdir, args.store
        else:
            outdir, store, build_s = build(work, args.articles)
        targets = {"graph": outdir, "store": store}
        triples = json.loads((store / "kg-store.json").read_text())["triples"]
        file = args.out / f"serve-load-{args.articles}.json"
        for key in args.targets.split(","):
            target = targets[key]
            want = expected_rows(target)
            print(f"{key}: expected rows {want}", file=sys.stderr)
            loadavg = round(os.getloadavg()[0], 2)
            run = load_run(target, args.clients, args.requests, args.sample, want, work)
            run.update(loadavg_start=loadavg, loadavg_end=round(os.getloadavg()[0], 2))
            print(json.dumps({k: v for k, v in run.items() if k != "per_query"}), file=sys.stderr)
            # each target's run is written as soon as it ends; runs of other targets in the file are kept
            old = json.loads(file.read_text(encoding="utf-8")) if file.is_file() else {"runs": []}
            result = {
                "articles": args.articles, "triples": triples, "build_s": build_s or old.get("build_s"),
                "cpus": len(os.sched_getaffinity(0)), "python": platform.python_version(),
                "runs": sorted([r for r in old["runs"] if r["target"] != run["target"]] + [run],
                               key=lambda r: r["target"]),
            }
            args.out.mkdir(parents=True, exist_ok=True)
            file.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
            (args.out / "serve-load-summary.md").write_text(summary(result), encoding="utf-8")
    print(summary(result))


if __name__ == "__main__":
    main()
