"""Typed loader of kg's word lists: ``kg/data/lexicon.json`` and ``kg/data/frames/<frame>.json``.

Every list says what it matches, in its file's ``_match`` table (dotted list name ->
kind), so that whoever edits a list knows which form to write:

- ``lemma``: a token's lower-case lemma (``tok.lemma_.lower()``); entries are lemmas
  ("prohibit", "restriction"), one word each;
- ``lower``: a token's lower-case text (``tok.lower_``): inflected forms ("downloads"),
  function words, or words the lemmatizer would change ("concerned"); a list of this kind
  may also hold a few multi-word entries that its code compares with text;
- ``phrase``: lower-case text of several tokens ("due to", "blanket ban");
- ``label``: labels compared as written (spaCy entity labels "DATE", kg kinds "Company").

A :class:`WordList` keeps its entries in file order, answers ``in`` by a set look-up
(so the readers' ``tok.lemma_ in lex["policy"]["ban"]`` stays one hash probe, made in C) and
tests a token by its declared kind with :meth:`WordList.matches`.
``tests/nlp/test_lexicon.py`` checks that every entry can match under its kind (a
``lemma`` entry is its own lemma for some part of speech, by spaCy's English
lemmatizer); ``tests/extract/test_frame_data.py`` that every list is looked up by some code.

>>> words = WordList(("ban", "prohibit"), "policy.ban", "lemma")
>>> "ban" in words, words.match, words + ("bar",)
(True, 'lemma', ('ban', 'prohibit', 'bar'))
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import Errors, ResourceError

#: The kinds a ``_match`` table may give a list.
MATCH_KINDS = ("lemma", "lower", "phrase", "label")


class WordList(frozenset):
    """An immutable, ordered word list that says what it matches: a frozenset (``in`` is one
    hash probe in C, with no Python call) that iterates, indexes and concatenates in file order.

    Args:
        words: the entries, in file order.
        name: the list's dotted name in its file ("policy.ban", "sue_verbs").
        match: one of :data:`MATCH_KINDS`.
    """

    name: str
    match: str
    words: tuple[str, ...]

    def __new__(cls, words: Any, name: str, match: str) -> WordList:
        words = tuple(words)
        self = super().__new__(cls, words)
        self.name, self.match, self.words = name, match, words
        return self

    def __iter__(self):
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, index: Any) -> Any:
        return self.words[index]

    def __repr__(self) -> str:
        return f"WordList({self.words!r}, {self.name!r}, {self.match!r})"

    def __add__(self, other: Any) -> tuple:
        return self.words + tuple(other)

    def __radd__(self, other: Any) -> tuple:
        return tuple(other) + self.words

    def __reduce__(self) -> tuple:
        return WordList, (self.words, self.name, self.match)

    def matches(self, tok: Any) -> bool:
        """True when spaCy token ``tok`` matches the list under its kind (a ``phrase``
        list matches a token that begins one of its phrases' words in the text)."""
        if self.match == "lemma":
            return tok.lemma_.lower() in self
        if self.match == "lower":
            return tok.lower_ in self
        if self.match == "label":
            return tok.ent_type_ in self
        text = tok.doc[tok.i:].text.lower()
        return any(text.startswith(p) and (len(text) == len(p) or not text[len(p)].isalnum()) for p in self)


def load_word_lists(path: Path) -> dict:
    """The JSON object of ``path`` with every list turned into a :class:`WordList` of the
    kind its ``_match`` table declares (keys starting with "_" are kept as they are).

    Raises:
        ResourceError: E011 when the file is missing; E012 when it is not valid JSON;
            E016 when a list has no declared kind, an unknown kind, or the table names a
            list the file does not have; E017 when an entry cannot match under its kind
            (not lower case, a space in a ``lemma`` entry, none in a ``phrase`` entry).
    """
    from ..resources import read_json

    data = read_json(path)
    table = data.get("_match", {})
    seen: set[str] = set()

    def typed(value: Any, name: str) -> Any:
        if isinstance(value, dict):
            return {k: (v if k.startswith("_") else typed(v, f"{name}.{k}" if name else k)) for k, v in value.items()}
        if not isinstance(value, list):
            return value
        kind = table.get(name)
        if kind not in MATCH_KINDS:
            what = "has no kind in the _match table" if kind is None else f"has the unknown kind {kind!r}"
            raise ResourceError(Errors.E016, path=path, name=name, what=what, kinds=", ".join(MATCH_KINDS))
        seen.add(name)
        for word in value:
            bad = not isinstance(word, str) or kind != "label" and word != word.lower() \
                or kind == "lemma" and " " in word or kind == "phrase" and " " not in word
            if bad:
                raise ResourceError(Errors.E017, path=path, name=name, word=word, kind=kind)
        return WordList(value, name, kind)

    out = {k: (v if k.startswith("_") else typed(v, k)) for k, v in data.items()}
    stale = sorted(set(table) - seen)
    if stale:
        raise ResourceError(Errors.E016, path=path, name=stale[0], what="is in the _match table but not in the file",
                            kinds=", ".join(MATCH_KINDS))
    return out
