"""The shipped knowledge base (``kg/data/kb.csv``) is well-formed: five columns, known
kinds, one entry per surface form, well-formed and unique Wikidata IDs, the file's
order, makers that are organizations of the file, and every row reaches
:func:`kg.nlp.kb.load_kb` (which skips rows of unknown kinds); a bad maker stops the
loader with E018 naming the file and line."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from kg.errors import ResourceError
from kg.nlp.kb import KINDS, MAKER_KINDS, PRODUCT_KINDS, load_kb, normalize, read_kb_rows
from kg.resources import lexicon

KB_CSV = Path(__file__).resolve().parents[2] / "kg" / "data" / "kb.csv"
HEADER = ["name", "kind", "aliases", "wikidata", "maker"]


@pytest.fixture(scope="module")
def records() -> list[list[str]]:
    with KB_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def _forms(rec: list[str]) -> list[str]:
    return [rec[0], *(a for a in rec[2].split("|") if a)]


def test_header_and_five_fields(records):
    assert records[0] == HEADER
    bad = [(i, rec) for i, rec in enumerate(records[1:], start=2) if len(rec) != 5]
    assert not bad, f"kb.csv rows without exactly five fields (unquoted comma?): {bad[:5]}"


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
        assert entry.makers == tuple(m for m in rec[4].split("|") if m)
        for form in _forms(rec):
            assert kb.lookup(form) is entry, f"{form!r} does not look up {rec[0]!r}"


def test_makers_are_organization_rows_of_the_file(records):
    """A maker is the canonical name of an organization row, named once, on a product or
    model row that is not its own maker."""
    kinds = {rec[0]: rec[1] for rec in records[1:]}
    bad = []
    for rec in records[1:]:
        makers = [m for m in rec[4].split("|") if m] if rec[4] else []
        if rec[4] and (rec[4].startswith("|") or rec[4].endswith("|") or "||" in rec[4]):
            bad.append((rec[0], rec[4], "empty maker"))
        if makers and rec[1] not in PRODUCT_KINDS:
            bad.append((rec[0], rec[4], f"maker on a {rec[1]} row"))
        if len(set(makers)) != len(makers):
            bad.append((rec[0], rec[4], "maker twice"))
        for maker in makers:
            if maker == rec[0]:
                bad.append((rec[0], maker, "its own maker"))
            elif kinds.get(maker) not in MAKER_KINDS:
                bad.append((rec[0], maker, f"maker is {kinds.get(maker, 'no row')}"))
    assert not bad, f"bad makers in kb.csv: {bad}"


@pytest.mark.parametrize("name, makers", [
    ("ChatGPT", ("OpenAI",)), ("Claude Opus 4", ("Anthropic",)), ("Llama 3", ("Meta Platforms",)),
    ("Copilot", ("Microsoft",)), ("GitHub Copilot", ("GitHub",)), ("Instagram", ("Meta Platforms",)),
    ("TikTok", ("ByteDance",)), ("Lemon8", ("ByteDance",)), ("Ernie Bot", ("Baidu",)), ("H20", ("Nvidia",)),
    ("Stable Diffusion", ("Stability AI",)), ("Replika", ("Luka",)), ("Westlaw", ("Thomson Reuters",)),
    ("Firefox", ("Mozilla Corporation", "Mozilla Foundation")), ("Photoshop", ("Adobe",)),
    ("Google Bard", ("Google",)), ("Perplexity Comet", ("Perplexity AI",)), ("My AI", ("Snap Inc.",)),
    ("Slack", ("Salesforce",)), ("Kindle", ("Amazon",)), ("Copilot+ PC", ("Microsoft",)),
    ("AlphaFold 3", ("Google DeepMind", "Isomorphic Labs")), ("Instinct MI250X", ("AMD",)),
])
def test_well_known_makers(name, makers):
    assert load_kb().makers(name) == makers


def test_makers_resolves_aliases_and_normalizes():
    kb = load_kb()
    assert kb.makers("Google Bard") == kb.makers("Bard") == ("Google",)  # an alias
    assert kb.makers("the CHATGPT’s") == ("OpenAI",)  # case, "the", possessive
    assert kb.makers("X") == ("X Corp.", "xAI")  # several, current owner first
    assert kb.makers("OpenAI") == ()  # an organization makes, it is not made
    assert kb.makers("Zenith Quillware") == ()  # unknown


def _write(tmp_path, body: str, header: str = ",".join(HEADER)):
    path = tmp_path / "kb.csv"
    path.write_text(header + "\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("rows, line, words", [
    ("Quillsoft,Company,,,\nQuillpad,SoftwareProduct,,,Inkwell Labs\n", 3, "'Inkwell Labs' of 'Quillpad' is not"),
    ("Quillpad,SoftwareProduct,,,Quillsoft\nQuillsoft Inc,Company,Quillsoft,,\n", 2, "'Quillsoft' of 'Quillpad' is not"),
    ("Zenland,Country,,,\nQuillpad,SoftwareProduct,,,Zenland\n", 3, "'Zenland' of 'Quillpad' is a Country"),
    ("Quillpad,AIModel,,,Quillpad\n", 2, "'Quillpad' names itself"),
    ("Quillsoft,Company,,,\nInkwell Labs,Company,,,Quillsoft\n", 3, "'Inkwell Labs' is a Company"),
])
def test_bad_maker_stops_the_loader_naming_file_and_line(tmp_path, rows, line, words):
    """An unknown maker, a maker written as an alias rather than the canonical name, a maker
    that is no organization, a product its own maker, a maker on an organization's row."""
    path = _write(tmp_path, rows)
    with pytest.raises(ResourceError) as err:
        read_kb_rows(path)
    assert err.value.code == "E018"
    assert f"{path}, line {line}: " in str(err.value) and words in str(err.value)


def test_maker_may_come_later_in_the_file_and_old_files_load(tmp_path):
    rows = read_kb_rows(_write(tmp_path, "Quillpad,SoftwareProduct,Quill,,Quillsoft|Inkwell Labs\n"
                                         "Quillsoft,Company,,,\nInkwell Labs,Organization,,,\n"))
    assert [r.makers for r in rows] == [("Quillsoft", "Inkwell Labs"), (), ()]
    old = read_kb_rows(_write(tmp_path, "Quillpad,SoftwareProduct,Quill,Q42\n", header="name,kind,aliases,wikidata"))
    assert [(r.name, r.wikidata, r.makers) for r in old] == [("Quillpad", "Q42", ())]


@pytest.mark.parametrize("name, country", [
    ("New South Wales", "Australia"), ("Ontario", "Canada"), ("Kerala", "India"),
    ("Maharashtra", "India"),  # (ISO 3166-2 spells it with macrons: the accent-free form counts)
    ("B.C.", "Canada"),  # (a knowledge-base alias of a gazetteer name)
    ("Texas", "United States"), ("Punjab", None),  # (two countries have a Punjab: no answer)
])
def test_states_and_provinces_resolve_to_their_country(name, country):
    """country_of_place: first-level ISO 3166-2 subdivisions (pycountry) are world knowledge
    of the gazetteer; a name two countries share gives no country."""
    entry = load_kb().country_of_place(name)
    assert (entry.name if entry is not None else None) == country


def test_a_products_plural_names_its_units():
    """KnowledgeBase: "Zorblats" finds the product "Zorblat"; a company's plural, a name of two
    words, a name ending in "s" and a plural that is another entry's name find nothing new."""
    from kg.nlp.kb import KBEntry, KnowledgeBase

    kb = KnowledgeBase([KBEntry("Zorblat", "SoftwareProduct", (), ""),
                        KBEntry("Quill Pad", "SoftwareProduct", (), ""),
                        KBEntry("Lens", "SoftwareProduct", (), ""),
                        KBEntry("Torvane", "Company", (), ""),
                        KBEntry("Kestrel", "AIModel", (), ""),
                        KBEntry("Kestrels", "Company", (), "")], {})
    assert kb.lookup("Zorblats").name == "Zorblat" and "Zorblats" in kb.surface_forms
    assert kb.lookup("Torvanes") is None and kb.lookup("Quill Pads") is None and kb.lookup("Lenss") is None
    assert kb.lookup("Kestrels").kind == "Company"


def test_a_firms_national_arm_names_its_country():
    """KnowledgeBase.country_of_arm: "Zorvane Kestria" (a known firm and a known country) names
    Kestria; a country after an unknown name, or a firm alone, names none."""
    from kg.nlp.kb import KBEntry, KnowledgeBase

    kb = KnowledgeBase([KBEntry("Zorvane", "Company", (), ""), KBEntry("Kestria", "Country", (), "")], {})
    assert kb.country_of_arm("Zorvane Kestria").name == "Kestria"
    assert kb.country_of_arm("Lumora Kestria") is None and kb.country_of_arm("Zorvane") is None
