"""Every word list the extractor ships is read by some code: a list no rule looks up is
dead data that misleads whoever tunes it (``kg/data/lexicon.json`` and
``kg/data/frames/<frame>.json``); and the frame modules hold no word lists of their own
(no set, list or tuple of two or more words in ``kg/extract``, syntactic labels aside:
see :func:`word_sets` for the rule)."""

from __future__ import annotations

import ast
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


# ---------------------------------------------------------------- no word sets in Python

EXTRACT = KG / "extract"
#: Modules whose word sets still live in Python (being converted elsewhere): every other
#: module of kg/extract is checked. Remove a module from here once its lists are in
#: kg/data/frames/<module>.json.
TO_CONVERT: tuple[str, ...] = ()
#: Modules being edited elsewhere that hold no word set today: checked once those edits are in.
EDITED_ELSEWHERE = ("extraction",)
CHECKED = sorted(p.stem for p in EXTRACT.glob("*.py") if p.stem not in TO_CONVERT + EDITED_ELSEWHERE)


@pytest.fixture(scope="module")
def labels() -> frozenset[str]:
    """The syntactic labels a reader may list in code: the English model's dependency,
    tag and entity labels, the universal parts of speech, and kg's entity kinds and families."""
    from spacy.parts_of_speech import IDS

    from kg.nlp.kb import KINDS
    from kg.nlp.model import load_pipeline

    nlp = load_pipeline()
    found = {label for name in ("parser", "tagger", "ner") for label in nlp.get_pipe(name).labels}
    return frozenset(found | set(IDS) | set(KINDS) | {"Organization", "Person", "Place", "Product"})


def _is_word(value: object) -> bool:
    """A lower-case English word ("instead", "e-commerce", "n't")."""
    return isinstance(value, str) and value.islower() and value.replace("-", "").replace("'", "").isalpha()


def word_sets(source: str, labels: frozenset[str]) -> list[str]:
    """The set, list and tuple literals of ``source`` that hold two or more lower-case
    words of which at least one is no syntactic label, as "line N: [words]".

    The rule: a collection of two or more words is a word list and belongs in a data
    file, function words included ("and"/"or", "the"/"this", prepositions): which
    prepositions mark a matter or which determiners make a description definite is a
    choice someone tunes, so it is data. What stays in code is grammar the parser gives
    (dependency labels such as "dobj", tags, entity labels, kg's kinds: no words) and a
    comparison with one function word used for its syntax, such as ``c.lower_ == "that"``
    for a complementizer or ``== "of"`` for a preposition's own head; a one-word test is
    no list and is not reported."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and _is_word(e.value)]
            if len(words) >= 2 and not set(words) <= labels:
                out.append((node.lineno, f"line {node.lineno}: {words}"))
    return [text for _, text in sorted(out)]


@pytest.mark.parametrize("module", CHECKED)
def test_no_word_sets_in_python(module, labels):
    """The frame modules hold no inline word lists: their words are in kg/data/frames."""
    source = (EXTRACT / f"{module}.py").read_text(encoding="utf-8")
    assert word_sets(source, labels) == [], f"kg/extract/{module}.py: move these words to kg/data/frames/{module}.json"


def test_word_sets_are_found_and_labels_are_not(labels):
    """The check reports cue words, prepositions and mixed sets, with their line, and passes
    dependency labels, kinds, punctuation and one-word tests."""
    snippet = (
        'if tok.lemma_ in {"accuse", "charge"}:\n'
        '    pass\n'
        'ok = c.dep_ in {"dobj", "pobj"} and e.kind in ("Company", "Person") and t.text in {",", ";"}\n'
        'preps = [c for c in tok.children if c.lower_ in ("to", "with")]\n'
        'mixed = frozenset({"dobj", "instead"})\n'
        'single = c.lower_ == "that" or c.lower_ in {"of"}\n'
    )
    assert word_sets(snippet, labels) == [
        "line 1: ['accuse', 'charge']", "line 4: ['to', 'with']", "line 5: ['dobj', 'instead']"]


def test_modules_still_to_convert_exist_and_still_hold_word_sets(labels):
    """TO_CONVERT names modules that still need it: a converted module joins the check."""
    for module in EDITED_ELSEWHERE:
        assert (EXTRACT / f"{module}.py").exists(), f"kg/extract/{module}.py is gone: drop it from EDITED_ELSEWHERE"
    for module in TO_CONVERT:
        path = EXTRACT / f"{module}.py"
        assert path.exists(), f"kg/extract/{module}.py is gone: drop it from TO_CONVERT"
        assert word_sets(path.read_text(encoding="utf-8"), labels), \
            f"kg/extract/{module}.py holds no word sets any more: drop it from TO_CONVERT"
