"""The package's layers (issue 17): imports flow one way, and the graph side never loads spaCy.

io -> nlp -> extract -> rdf -> shacl -> query -> export, serve -> pipeline -> cli;
kg.errors, kg.resources and kg.schema are shared by every layer.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Layer -> rank: a module may import from its own layer and from layers of a lower rank only.
RANK = {"kg": 0, "kg.errors": 0, "kg.resources": 0, "kg.schema": 0, "kg.io": 1, "kg.nlp": 2, "kg.extract": 3,
        "kg.rdf": 4, "kg.shacl": 5, "kg.query": 6, "kg.export": 7, "kg.serve": 7, "kg.pipeline": 8, "kg.cli": 9}

#: Imports that reach up, each with its reason (all made inside a function, never at import).
ALLOWED_UPWARD = {
    # resources.lexicon() is the extractor's cached lexicon; the typed word lists it loads need no spaCy.
    ("kg.resources", "kg.nlp.lexicon"),
}


def _layer(module: str) -> str:
    parts = module.split(".")
    for n in (2, 1):
        if ".".join(parts[:n]) in RANK:
            return ".".join(parts[:n])
    raise AssertionError(f"{module} is in no layer: add its folder to RANK")


def _kg_imports(path: Path) -> list[tuple[str, int]]:
    """(imported kg module, line) for every ``from ... import`` of kg in a file, at import or in a function."""
    rel = path.relative_to(ROOT).with_suffix("")
    module = ".".join(rel.parts).removesuffix(".__init__")
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            found.append((".".join(base + ([node.module] if node.module else [])), node.lineno))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "kg":
            found.append((node.module or "", node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.split(".")[0] == "kg"]
    return found


def test_imports_flow_one_way():
    wrong = []
    for path in sorted((ROOT / "kg").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        mine = _layer(module)
        for target, line in _kg_imports(path):
            theirs = _layer(target)
            upward = RANK[theirs] > RANK[mine] or (RANK[theirs] == RANK[mine] and RANK[mine] and theirs != mine)
            if upward and (mine, target) not in ALLOWED_UPWARD:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target} ({theirs} is not below {mine})")
    assert not wrong, "\n".join(wrong)


def test_the_direction_check_sees_an_upward_import(tmp_path, monkeypatch):
    """The check above would report a module of kg.io that imports the graph writer in a function."""
    fake = tmp_path / "kg" / "io" / "bad.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("def f():\n    from ..rdf.serialize import serialize\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert _kg_imports(fake) == [("kg.rdf.serialize", 2)]
    with pytest.raises(AssertionError, match="bad.py:2 imports kg.rdf.serialize"):
        test_imports_flow_one_way()


@pytest.mark.parametrize("packages", [["kg.rdf", "kg.shacl", "kg.query", "kg.export", "kg.serve", "kg.pipeline",
                                       "kg.cli"]])
def test_the_graph_side_does_not_import_spacy(packages):
    """In a fresh interpreter, importing every module of the graph-side layers (and
    the CLI, which must start fast) loads neither spaCy nor the extractor."""
    code = f"""
import importlib, json, pkgutil, sys
for name in {packages!r}:
    mod = importlib.import_module(name)
    for info in pkgutil.walk_packages(getattr(mod, "__path__", []), name + "."):
        if not info.name.endswith(".__main__"):  # kg.cli.__main__ runs the CLI
            importlib.import_module(info.name)
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc") or m.startswith("kg."))))
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    loaded = json.loads(run.stdout.strip().splitlines()[-1])
    assert "kg.rdf.abox" in loaded and "kg.rdf.parts" in loaded and "kg.query.sparql" in loaded and "kg.export.dataset" in loaded
    assert not [m for m in loaded if m.split(".")[0] in ("spacy", "thinc")]
    assert not [m for m in loaded if m.startswith(("kg.extract", "kg.nlp.entities"))]


def test_tests_mirror_the_package():
    """Every folder of tests/ holding tests is named after a subpackage of kg."""
    subpackages = {p.parent.name for p in (ROOT / "kg").glob("*/__init__.py")}
    folders = {p.parent.name for p in (ROOT / "tests").glob("*/test_*.py")}
    assert folders and folders <= subpackages, folders - subpackages
