"""The typed loader of kg's word lists (:mod:`kg.nlp.lexicon`): every list declares what it
matches, every entry can match under its kind, and bad files fail with a code that
names the file and the list."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from spacy.tokens import Doc

from kg.errors import ResourceError
from kg.nlp.lexicon import MATCH_KINDS, WordList, load_word_lists

DATA = Path(__file__).resolve().parents[2] / "kg" / "data"
FILES = [DATA / "lexicon.json", *sorted((DATA / "frames").glob("*.json"))]


def _lists(data: dict, prefix: str = ""):
    for key, value in data.items():
        if key.startswith("_"):
            continue
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            yield from _lists(value, name)
        elif isinstance(value, (list, tuple, WordList)):
            yield name, value


@pytest.fixture(scope="module")
def lemmatizer():
    from kg.nlp.model import load_pipeline

    nlp = load_pipeline()
    return nlp, nlp.get_pipe("lemmatizer")


def _own_lemma(nlp, lemmatizer, word: str) -> bool:
    """True when spaCy's English lemmatizer leaves ``word`` as it is, as a noun or a verb."""
    for pos in ("NOUN", "VERB"):
        doc = Doc(nlp.vocab, words=[word])
        doc[0].pos_ = pos
        if word in [w.lower() for w in lemmatizer.rule_lemmatize(doc[0])]:
            return True
    return False


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_list_is_typed_and_every_lemma_entry_is_a_lemma(path, lemmatizer):
    """A ``lemma`` list holds lemmas only ("downloads" would never equal a token's lemma)."""
    nlp, lem = lemmatizer
    data = load_word_lists(path)
    lists = dict(_lists(data))
    assert lists, path
    for name, words in lists.items():
        assert isinstance(words, WordList) and words.match in MATCH_KINDS and words.name == name
        if words.match == "lemma":
            never = [w for w in words if not _own_lemma(nlp, lem, w)]
            assert never == [], f"{path.name}: {name} is declared 'lemma' but these are no lemmas"
        if words.match == "phrase":
            assert all(" " in w for w in words), name


def _write(tmp_path, data: dict) -> Path:
    path = tmp_path / "lex.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_undeclared_list_is_an_error_naming_file_and_list(tmp_path):
    path = _write(tmp_path, {"_match": {"a.verbs": "lemma"}, "a": {"verbs": ["ban"], "nouns": ["ban"]}})
    with pytest.raises(ResourceError) as err:
        load_word_lists(path)
    assert err.value.code == "E016" and "a.nouns" in str(err.value) and str(path) in str(err.value)


def test_unknown_kind_and_stale_declaration_are_errors(tmp_path):
    with pytest.raises(ResourceError, match="unknown kind"):
        load_word_lists(_write(tmp_path, {"_match": {"verbs": "stem"}, "verbs": ["ban"]}))
    with pytest.raises(ResourceError, match="not in the file"):
        load_word_lists(_write(tmp_path, {"_match": {"verbs": "lemma", "gone": "lower"}, "verbs": ["ban"]}))


@pytest.mark.parametrize("kind, word", [("lemma", "Ban"), ("lemma", "due to"), ("phrase", "ban"), ("lower", "Ban")])
def test_entry_that_cannot_match_its_kind_is_an_error(tmp_path, kind, word):
    with pytest.raises(ResourceError) as err:
        load_word_lists(_write(tmp_path, {"_match": {"words": kind}, "words": [word]}))
    assert err.value.code == "E017" and repr(word) in str(err.value)


def test_word_list_is_a_set_for_lookups_a_tuple_otherwise_and_pickles():
    words = WordList(("bar", "ban", "block"), "policy.ban", "lemma")
    assert "bar" in words and "barred" not in words and isinstance(words, frozenset)
    assert list(words) == ["bar", "ban", "block"] and words[1] == "ban" and len(words) == 3  # file order
    assert not words.isdisjoint({"block"}) and {"ban", "x"} & words == {"ban"}
    words = WordList(("ban", "bar"), "policy.ban", "lemma")
    assert words + ["block"] == ("ban", "bar", "block") and ["x"] + words == ("x", "ban", "bar")
    back = pickle.loads(pickle.dumps(words))
    assert back == words and back.name == "policy.ban" and back.match == "lemma" and "ban" in back


def test_matches_follows_the_declared_kind(lemmatizer):
    nlp, _ = lemmatizer
    doc = nlp("Kestria banned the downloads due to fears.")
    banned, downloads, due = doc[1], doc[3], doc[4]
    assert WordList(("ban",), "v", "lemma").matches(banned)
    assert not WordList(("ban",), "v", "lower").matches(banned)
    assert WordList(("downloads",), "n", "lower").matches(downloads)
    assert WordList(("due to",), "p", "phrase").matches(due)
    assert not WordList(("due to",), "p", "phrase").matches(banned)
