"""The wheel carries everything kg reads (issue 16): code, data, ontology, shapes, queries.

The wheel is built from a copy of the source tree with pip (``pip wheel``, as a
user would), or taken from ``$KG_WHEEL`` when CI has built it already. Its
files are then used from a folder outside the checkout, so a lookup that only
works in a source checkout fails here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_subpackage_is_listed_in_pyproject():
    packages = set(_pyproject()["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kg").rglob("__init__.py")}
    assert on_disk <= packages, f"add {sorted(on_disk - packages)} to [tool.setuptools] packages"


def test_ontology_and_queries_are_mapped_from_the_top_level_folders():
    """The top-level folders stay the one source: no copy of them inside kg/ in git."""
    mapping = _pyproject()["tool"]["setuptools"]["package-dir"]
    assert mapping == {"kg.ontology": "ontology", "kg.queries": "queries"}
    assert not (ROOT / "kg" / "ontology").exists() and not (ROOT / "kg" / "queries").exists()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    given = os.environ.get("KG_WHEEL")
    if given:
        return Path(given)
    src = tmp_path_factory.mktemp("src")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("kg", "ontology", "queries"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(src)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    (found,) = dist.glob("kg-*.whl")
    return found


def _source_files() -> set[str]:
    """What the wheel must hold, as paths inside it."""
    expected = {str(p.relative_to(ROOT)) for p in (ROOT / "kg").rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    expected |= {f"kg/ontology/{p.name}" for p in (ROOT / "ontology").glob("*.ttl")}
    expected |= {f"kg/queries/{p.name}" for p in (ROOT / "queries").glob("*.rq")}
    expected |= {f"kg/queries/store/{p.name}" for p in (ROOT / "queries" / "store").glob("*.rq")}
    return expected


def test_the_wheel_holds_code_data_ontology_shapes_and_queries(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = _source_files() - names
    assert not missing, f"{wheel.name} lacks {sorted(missing)}"
    for name in ("kg/ontology/kg.ttl", "kg/ontology/shapes.ttl", "kg/queries/cq01-policies.rq",
                 "kg/data/frames/lawsuit.json", "kg/data/lexicon.json", "kg/cli/__init__.py", "kg/py.typed"):
        assert name in names
    entry_points = zipfile.ZipFile(wheel).read(
        next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    assert "kg = kg.cli:main" in entry_points


def test_the_unpacked_wheel_works_outside_the_checkout(wheel, seeds_build, tmp_path):
    """kg from the wheel alone (its dependencies from this environment) finds its
    ontology, shapes and queries in the package and answers cq01 and --version."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}

    def kg(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kg.cli", *args], cwd=work, env=env, capture_output=True,
                              text=True, timeout=120)

    where = subprocess.run([sys.executable, "-c", "import kg, kg.resources as r; print(kg.__file__); "
                            "print(r.ontology_file()); print(r.shapes_file()); print(r.queries_dir())"],
                           cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert where.returncode == 0, where.stderr
    for line in where.stdout.split():
        assert Path(line).is_relative_to(site / "kg") and Path(line).exists(), where.stdout
    version = kg("--version")
    assert version.returncode == 0, version.stderr
    assert "kg 0.1.0" in version.stdout and "ontology 0.3.0" in version.stdout and "spacy 3." in version.stdout
    answer = kg("query", "cq01", "-g", str(seeds_build), "-f", "csv")
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.startswith("issuer,product,policy_type") and len(answer.stdout.splitlines()) > 1
