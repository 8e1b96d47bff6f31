"""kg build --cluster: Dask distributed workers parse the articles; the graph is
the same as a single-process build. The cluster is local: a scheduler and two
worker processes on 127.0.0.1, started and closed by the test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.cli import app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local.scheduler_address


def test_cluster_build_equals_single_process_build(runner, cluster, seeds_build, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "-o", str(out), "--no-cache", "--cluster", cluster])
    assert result.exit_code == 0, result.output
    assert "5 parsed" in result.output
    assert (out / "graph.ttl").read_bytes() == (seeds_build / "graph.ttl").read_bytes()


def test_unreachable_scheduler_is_a_clear_error(runner, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(sorted((ROOT / "seeds").glob("*.txt"))[0], corpus)
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out"), "--no-cache",
                                 "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "E090" in result.output and "tcp://127.0.0.1:9" in result.output


def test_cluster_workers_write_shards_that_the_store_loads(runner, cluster, seeds_build, tmp_path):
    """The workers write the graph as N-Quads shards; --store bulk-loads them;
    graph.ttl, the store's answers and the shards' union are those of a
    single-process build."""
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.rdf.store import open_store

    out, shards, store = tmp_path / "out", tmp_path / "shards", tmp_path / "store"
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "-o", str(out), "--no-cache", "--cluster", cluster,
                                 "--shards", str(shards), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert (out / "graph.ttl").read_bytes() == (seeds_build / "graph.ttl").read_bytes()
    files = sorted(shards.glob("part-*.nq"))
    assert len(files) >= 4  # articles, entities, anonymous sources, facts
    union = Graph()
    for path in files:
        quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
        assert quads and all(q.graph_name == ox.DefaultGraph() for q in quads)
        union.parse(path, format="nt")
    assert len(union) == len(Graph().parse(seeds_build / "graph.ttl"))
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(next(iter(open_store(store).query(query)))[0]) == len(union) + len(Graph().parse(
        ROOT / "ontology" / "kg.ttl"))
