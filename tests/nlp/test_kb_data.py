"""The shipped knowledge base (``kg/data/kb.csv``) is well-formed: four columns, known
kinds, one entry per surface form, well-formed and unique Wikidata IDs, the file's
order, and every row reaches :func:`kg.nlp.kb.load_kb` (which skips rows of unknown kinds)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from kg.nlp.kb import KINDS, load_kb, normalize
from kg.resources import lexicon

KB_CSV = Path(__file__).resolve().parents[2] / "kg" / "data" / "kb.csv"
HEADER = ["name", "kind", "aliases", "wikidata"]


@pytest.fixture(scope="module")
def records() -> list[list[str]]:
    with KB_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _forms(rec: list[str]) -> list[str]:
    return [rec[0], *(a for a in rec[2].split("|") if a)]


def test_header_and_four_fields(records):
    assert records[0] == HEADER
    bad = [(i, rec) for i, rec in enumerate(records[1:], start=2) if len(rec) != 4]
    assert not bad, f"kb.csv rows without exactly four fields (unquoted comma?): {bad[:5]}"


def test_kinds_are_known(records):
    bad = [(rec[0], rec[1]) for rec in records[1:] if rec[1] not in KINDS]
    assert not bad, f"kinds not in kg.nlp.kb.KINDS: {bad}"


def test_no_blank_or_padded_names_and_aliases(records):
    bad = []
    for rec in records[1:]:
        if rec[2].startswith("|") or rec[2].endswith("|") or "||" in rec[2]:
            bad.append((rec[0], rec[2]))
        bad += [(rec[0], f) for f in _forms(rec) if not f.strip() or f != f.strip() or not normalize(f)]
    assert not bad, f"empty or padded names/aliases: {bad}"


def test_every_surface_form_names_one_entry(records):
    """A name or alias that two rows share (after normalization: case, "the", dots,
    punctuation) would type and merge mentions by whichever row the loader meets first."""
    owner: dict[str, str] = {}
    clashes = []
    for rec in records[1:]:
        for form in _forms(rec):
            key = normalize(form)
            if owner.setdefault(key, rec[0]) != rec[0]:
                clashes.append((form, owner[key], rec[0]))
    assert not clashes, f"surface forms of two entries: {clashes}"


def test_no_surface_form_is_a_stop_name(records):
    """Words that ``lexicon.json`` says are never names ("AI", "Cloud", weekdays) must not be KB forms."""
    stop = {normalize(w) for w in lexicon()["not_names"]}
    bad = [(rec[0], f) for rec in records[1:] for f in _forms(rec) if normalize(f) in stop]
    assert not bad, f"KB forms that lexicon.json lists as not_names: {bad}"


def test_wikidata_ids_well_formed_and_unique(records):
    seen: dict[str, str] = {}
    bad, dup = [], []
    for rec in records[1:]:
        qid = rec[3]
        if not qid:
            continue
        if not re.fullmatch(r"Q[1-9][0-9]*", qid):
            bad.append((rec[0], qid))
        elif seen.setdefault(qid, rec[0]) != rec[0]:
            dup.append((qid, seen[qid], rec[0]))
    assert not bad, f"malformed Wikidata IDs: {bad}"
    assert not dup, f"one Wikidata ID on two rows: {dup}"


def test_rows_sorted_by_kind_then_name(records):
    keys = [(rec[1], rec[0].casefold()) for rec in records[1:]]
    out_of_order = [(a, b) for a, b in zip(keys, keys[1:]) if a > b]
    assert not out_of_order, f"kb.csv is sorted by kind, then case-folded name: {out_of_order[:5]}"


def test_loader_keeps_every_row(records):
    kb = load_kb()
    names = [rec[0] for rec in records[1:]]
    assert len(set(names)) == len(names), "a canonical name on two rows"
    assert set(kb.entries) == set(names)
    for rec in records[1:]:
        entry = kb.entries[rec[0]]
        assert (entry.kind, entry.wikidata) == (rec[1], rec[3])
        for form in _forms(rec):
            assert kb.lookup(form) is entry, f"{form!r} does not look up {rec[0]!r}"
