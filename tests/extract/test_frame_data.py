"""Every word list the extractor ships is read by some code: a list no rule looks up is
dead data that misleads whoever tunes it (``kg/data/lexicon.json`` and
``kg/data/frames/<frame>.json``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[2] / "kg"
#: sections whose keys are values (kinds, labels, practice words), not list names
VALUE_MAPS = {"cue_nouns", "name_suffixes", "ner_labels", "anaphors", "certainty", "practices"}


def _names(data: dict, prefix: tuple[str, ...] = ()):
    for key, value in data.items():
        if key.startswith("_"):
            continue
        yield prefix + (key,)
        if isinstance(value, dict) and key not in VALUE_MAPS:
            yield from _names(value, prefix + (key,))


def _quoted(source: str, name: str) -> bool:
    return f'"{name}"' in source or f"'{name}'" in source


def test_every_lexicon_list_is_looked_up():
    source = "".join(p.read_text(encoding="utf-8") for p in KG.rglob("*.py"))
    lexicon = json.loads((KG / "data" / "lexicon.json").read_text(encoding="utf-8"))
    unused = [".".join(n) for n in _names(lexicon) if not _quoted(source, n[-1])]
    assert unused == []


@pytest.mark.parametrize("frame", sorted(p.stem for p in (KG / "data" / "frames").glob("*.json")))
def test_every_frame_list_is_looked_up_by_its_module(frame):
    source = (KG / "extract" / f"{frame}.py").read_text(encoding="utf-8")
    data = json.loads((KG / "data" / "frames" / f"{frame}.json").read_text(encoding="utf-8"))
    unused = [k for k in data if not k.startswith("_") and not _quoted(source, k)]
    assert unused == []


def test_the_check_can_fail(tmp_path):
    """A list no code names is reported (the check is not vacuous)."""
    assert not _quoted('d["sue_verbs"]', "fine_verbs") and _quoted('d["sue_verbs"]', "sue_verbs")
