"""The error catalog (kg/errors.py): one failure per code, every code raised, nothing raised outside it."""

from __future__ import annotations

import pickle
import re
import string
from pathlib import Path

import pytest

from kg.errors import Errors, InputError, KgError, Message, catalog

KG = Path(__file__).resolve().parent.parent / "kg"
ERRORS = KG / "errors.py"
#: A code named in code: ``Errors.E041`` or a string literal ``"E041"`` (the files not yet moved to the catalog).
RAISED = re.compile(r"""Errors\.(E\d{3})\b|["'](E\d{3})["']""")


def _sources() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in sorted(KG.rglob("*.py")) if p != ERRORS}


def test_each_code_is_defined_once_under_its_own_name():
    defined = re.findall(r"^    (E\d{3}) = Message\(", ERRORS.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(defined) == len(set(defined)), sorted(c for c in defined if defined.count(c) > 1)
    entries = catalog()
    assert sorted(defined) == list(entries)
    assert all(entry.code == code for code, entry in entries.items())


def test_each_template_is_distinct_and_formats():
    entries = catalog()
    templates = [e.template for e in entries.values()]
    assert len(templates) == len(set(templates))
    for code, entry in entries.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(entry.template) if name}
        assert all(re.fullmatch(r"[a-z_]+", f) for f in fields), (code, fields)
        # every field filled: no KeyError, no stray brace left
        text = entry.format(**{f: 1.5 if f == "timeout" else "X" for f in fields})
        assert "{" not in text.replace('{"', ""), (code, text)


def test_every_catalog_code_is_raised_in_kg_and_none_outside_it():
    used: dict[str, list[str]] = {}
    for path, text in _sources().items():
        for m in RAISED.finditer(text):
            used.setdefault(m.group(1) or m.group(2), []).append(path.name)
    entries = catalog()
    assert sorted(set(entries) - set(used)) == [], "in the catalog but never raised"
    assert sorted(set(used) - set(entries)) == [], {c: used[c] for c in set(used) - set(entries)}


def test_error_from_entry_and_legacy_form():
    err = InputError(Errors.E041, path="g.ttl")
    assert err.code == "E041" and str(err) == f"[E041] {err.message}" and err.message.startswith("g.ttl: ")
    assert KgError("E011", path="x.json").message == Errors.E011.format(path="x.json")
    assert KgError("E030", "own words").message == "own words"
    with pytest.raises(KeyError):
        KgError(Errors.E041)  # a field left out is a bug, not a silent "{path}"
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is InputError and back.code == "E041" and str(back) == str(err)


def test_message_repr_names_its_code():
    assert repr(Errors.E041).startswith("Message(E041: ") and isinstance(Errors.E041, Message)
