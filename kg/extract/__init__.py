"""Frame readers: one module per frame, each a small reader of one parsed sentence.

A *frame* is one kind of fact as news language states it (a policy, an
allegation, a data collection, ...). Each frame module registers a reader with
:func:`frame`; :meth:`kg.extract.facts.ArticleReader.read` runs every registered reader
over every sentence of an article, after the built-in passes, in registration
order. A reader gets the article's reader (its discourse context: article,
blocks, mentions, entity linking and ``emit``) and one sentence, and emits
:class:`kg.extract.facts.Observation` objects through ``reader.emit``.

Trigger words, cue words and patterns live in ``kg/data/frames/<frame>.json``,
loaded by :func:`frame_data`; no word lists live in Python.

Example:
    >>> from kg.extract import registered
    >>> "lawsuit" in registered()
    True
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..nlp.lexicon import load_word_lists
from ..resources import DATA_DIR

#: name -> reader(article_reader, sentence); filled by :func:`frame` at import.
_READERS: dict[str, Callable[[Any, Any], None]] = {}


def frame(name: str) -> Callable[[Callable[[Any, Any], None]], Callable[[Any, Any], None]]:
    """Register a sentence reader under ``name`` (a decorator).

    Raises:
        ValueError: when ``name`` is registered twice.
    """
    def register(fn: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
        if name in _READERS:
            raise ValueError(f"frame reader {name!r} is registered twice")
        _READERS[name] = fn
        return fn
    return register


def registered() -> dict[str, Callable[[Any, Any], None]]:
    """The registered readers by name, in registration order (imports every frame module)."""
    from . import lawsuit, collection_news  # noqa: F401,I001  (registration by import; order is run order)
    return dict(_READERS)


@lru_cache(maxsize=None)
def frame_data(name: str) -> dict:
    """The word lists and patterns of frame ``name``: ``kg/data/frames/<name>.json``, each
    list a typed :class:`kg.nlp.lexicon.WordList`.

    Raises:
        ResourceError: E011 when the file is missing, E012 when it is not valid JSON, E016 or
            E017 when a list's kind is undeclared or an entry cannot match under it.
    """
    return load_word_lists(DATA_DIR / "frames" / f"{name}.json")
