"""Incremental builds: a per-article cache of spaCy parses, and a record of the last build per output folder.

A rebuild parses only new or changed articles, and a rebuild whose inputs,
options and code are all unchanged (:func:`build_key`) writes nothing at all.

spaCy's parse is the costly step of a build (see ``benchmarks/``). The cache
keeps each article's parsed blocks as a ``DocBin`` (spaCy's binary
serialization, https://spacy.io/api/docbin) in one file per article:
``CACHE_DIR/parse/<key[:2]>/<key>.spacy``. The key is the SHA-256 of

- the texts of the article's blocks (so a change in how kg cuts articles into
  blocks invalidates the entry, as does a change in the article), and
- the pipeline's identity: model package and version, spaCy version, and the
  components run (:func:`kg.nlp.model.pipeline_signature`).

The extractor's own version is not part of the key: a new extractor reads the
same parses. Entries are written atomically (temporary file, then rename), so
an interrupted build leaves no half-written entry; an unreadable entry is
parsed again and replaced.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

log = logging.getLogger("kg")

if TYPE_CHECKING:
    from rdflib import Graph

class ParseCache:
    """Parsed blocks of articles, stored on disk by content and pipeline.

    Args:
        folder: the cache folder (created on first write).
        nlp: the spaCy pipeline whose parses are stored; its vocabulary is used
            to rebuild ``Doc`` objects.
        pipeline: the pipeline's identity (:func:`kg.nlp.model.pipeline_signature`),
            part of every key.

    Attributes:
        hits: number of articles read from the cache since creation.
        misses: number of articles that were not in the cache.
    """

    def __init__(self, folder: Path, nlp, pipeline: str):
        self.folder = Path(folder)
        self.nlp = nlp
        self._pipeline = pipeline
        self.hits = 0
        self.misses = 0

    def key(self, texts: list[str]) -> str:
        """The cache key (64 hex digits) of an article given its block texts."""
        h = hashlib.sha256(self._pipeline.encode("utf-8"))
        for t in texts:
            h.update(b"\x00")
            h.update(t.encode("utf-8"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / "parse" / key[:2] / f"{key}.spacy"

    def contains(self, texts: list[str]) -> bool:
        """Whether an entry exists for these block texts (it may still prove unreadable)."""
        return self._path(self.key(texts)).is_file()

    def get(self, texts: list[str]) -> tuple[list, bytes] | None:
        """The cached ``Doc`` list for these block texts and the ``DocBin`` bytes
        it was read from, or None on a miss (including an unreadable or
        mismatched entry)."""
        path = self._path(self.key(texts))
        try:
            data = path.read_bytes()
            docs = docs_from_bytes(data, self.nlp.vocab)
        except (OSError, ValueError, KeyError):
            self.misses += 1
            return None
        # (the key is the texts' digest: an entry that decodes is theirs, unless it was cut short
        # or written for other texts, which its blocks' number and lengths show)
        if len(docs) != len(texts) or any(_text_length(d) != len(t) for d, t in zip(docs, texts)):
            self.misses += 1
            return None
        self.hits += 1
        return docs, data

    def put(self, texts: list[str], data: bytes) -> None:
        """Store the parsed blocks of one article, as ``DocBin`` bytes (atomically)."""
        from .output import write_atomic

        write_atomic(self._path(self.key(texts)), data)


def _text_length(doc) -> int:
    """The length of ``doc.text`` in characters, read from its last token (``Doc.text`` joins
    every token's text: a new token object and string each)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


#: id of a ``Vocab`` -> (the vocab, the strings that :func:`docs_from_bytes` already looked up in it)
_LOOKED_UP: dict[int, tuple[object, set[str]]] = {}


def docs_from_bytes(data: bytes, vocab) -> list:
    """The ``Doc`` objects of ``DocBin`` bytes (https://spacy.io/api/docbin), built with ``vocab``.

    ``DocBin.get_docs`` first looks up every string of the bin in the vocabulary
    (``vocab[string]``, which adds the string and its lexeme when they are new, and does
    nothing else); a corpus's articles share most of their strings (words, lemmas, tags,
    labels), so the strings already looked up in this vocabulary by an earlier call are left
    out of the bin before: the Docs and the vocabulary end up exactly as without it, and
    loading a parse costs about a third less. (A vocabulary never forgets a lexeme here: kg
    opens no spaCy memory zone.)

    Raises:
        ValueError, KeyError: the bytes are no ``DocBin`` (as ``DocBin.from_bytes`` raises).
    """
    from spacy.tokens import DocBin

    seen = _LOOKED_UP.get(id(vocab))
    if seen is None or seen[0] is not vocab:
        if len(_LOOKED_UP) >= 4:
            _LOOKED_UP.clear()
        seen = _LOOKED_UP[id(vocab)] = (vocab, set())
    with _no_entry_point_scan():
        bin_ = DocBin().from_bytes(data)
    looked_up = seen[1]
    bin_.strings.difference_update(looked_up)
    docs = list(bin_.get_docs(vocab))
    looked_up.update(bin_.strings)
    return docs


@lru_cache(maxsize=1)
def _decoder_entry_points() -> bool:
    """Whether an installed package declares srsly msgpack decoders as entry points (looked up once)."""
    from srsly.msgpack import msgpack_decoders

    return bool(msgpack_decoders.get_entry_points())


#: (size of catalogue's registry, srsly's msgpack decoders that it held then, by name): the
#: decoders :func:`_no_entry_point_scan` hands out while the registry is unchanged (empty before the first call)
_DECODERS: list[tuple[int, dict]] = []


def _registered_decoders(msgpack_decoders) -> dict:
    """The srsly msgpack decoders of catalogue's registry, by name: what the registry's
    ``get_all`` returns without entry points, looked up again only when the registry changed
    (another size, or another function under a name seen before)."""
    import catalogue

    registry = catalogue.REGISTRY
    namespace = tuple(msgpack_decoders.namespace)
    if _DECODERS:
        size, found = _DECODERS[0]
        if size == len(registry) and all(registry.get((*namespace, k)) is v for k, v in found.items()):
            return found
    saved = msgpack_decoders.entry_points
    msgpack_decoders.entry_points = False
    try:
        found = msgpack_decoders.get_all()
    finally:
        msgpack_decoders.entry_points = saved
    _DECODERS[:] = [(len(registry), found)]
    return found


@contextmanager
def _no_entry_point_scan():
    """Within the block, srsly's msgpack decoding uses the decoders of catalogue's registry
    without scanning the installed packages' entry points or walking the registry, when no
    package declares a decoder there (:func:`_decoder_entry_points`): the decoders it uses are
    the same.

    ``DocBin.from_bytes`` decodes with ``srsly.msgpack_loads``, which asks the catalogue
    registry ``srsly.msgpack.msgpack_decoders`` for every decoder (``get_all``) on each call;
    the registry then walks every entry point of the environment and copies and walks the
    whole registry of every package (spaCy's hundreds of functions): together most of loading a
    stored parse. For the block, the registry's ``get_all`` answers with
    :func:`_registered_decoders` (a copy, as ``get_all`` makes a new dict); it is restored after it.
    """
    from srsly.msgpack import msgpack_decoders

    if msgpack_decoders.entry_points and _decoder_entry_points():
        yield
        return
    decoders = _registered_decoders(msgpack_decoders)
    own = vars(msgpack_decoders)
    had, before = "get_all" in own, own.get("get_all")
    msgpack_decoders.get_all = lambda: dict(decoders)
    try:
        yield
    finally:
        if had:
            msgpack_decoders.get_all = before
        else:
            del msgpack_decoders.get_all


def default_cache_dir() -> Path:
    """``$KG_CACHE_DIR``, else the user cache folder of the platform
    (platformdirs: ``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg`` on Linux;
    ``~/Library/Caches/kg`` on macOS; ``%LOCALAPPDATA%\\kg\\Cache`` on Windows)."""
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kg", appauthor=False))


def _sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def code_signature() -> str:
    """SHA-256 over kg's own source and data files (``kg/**/*.py``, ``kg/data/*``),
    the ontology and the shapes: any change to the extractor, its lexicon or
    knowledge base, the ontology or the shapes changes it."""
    from ..resources import ontology_file, shapes_file

    root = Path(__file__).resolve().parent.parent  # kg/
    files = sorted(p for p in root.rglob("*") if p.is_file() and (p.suffix == ".py" or "data" in p.parts)
                   and "__pycache__" not in p.parts)
    h = hashlib.sha256()
    for p in [*files, ontology_file(), shapes_file()]:
        h.update(str(p.relative_to(root) if p.is_relative_to(root) else p.name).encode("utf-8"))
        h.update(_sha256_file(p).encode("ascii"))
    return h.hexdigest()


def build_key(articles, options: dict, pipeline: str) -> str:
    """The key of a build: kg's code signature, the pipeline (``pipeline``,
    :func:`kg.nlp.model.pipeline_signature`), the build options and every
    article's identifier, content hash, blocks and metadata. Two builds with
    the same key write the same bytes."""
    from .. import EXTRACTOR_VERSION, __version__

    h = hashlib.sha256()
    head = {"kg": __version__, "extractor": EXTRACTOR_VERSION, "code": code_signature(),
            "pipeline": pipeline, "options": options}
    h.update(json.dumps(head, sort_keys=True).encode("utf-8"))
    for a in sorted(articles, key=lambda a: a.identifier):
        row = {"id": a.identifier, "sha256": a.sha256, "dateline": a.dateline,
               "blocks": hashlib.sha256("\x00".join(b.text for b in a.blocks).encode("utf-8")).hexdigest(),
               "metadata": repr(a.metadata)}
        h.update(json.dumps(row, sort_keys=True).encode("utf-8"))
    return h.hexdigest()


class BuildRecord:
    """What the last build into an output folder wrote, kept in the cache folder
    (``CACHE_DIR/builds/<SHA-256 of the folder's absolute path>.json``), so
    nothing is added to the output folder.

    A build whose key matches the record, and whose outputs still have the
    recorded hashes, has nothing to do.
    """

    def __init__(self, cache_dir: Path, outdir: Path):
        digest = hashlib.sha256(str(Path(outdir).resolve()).encode("utf-8")).hexdigest()
        self.path = Path(cache_dir) / "builds" / f"{digest}.json"
        self.outdir = Path(outdir)

    def up_to_date(self, key: str) -> dict | None:
        """The record (``exit``, ``summary`` lines) when the outputs are current, else None."""
        try:
            record = json.loads(self.path.read_text(encoding="utf-8"))
            if record.get("key") != key:
                log.debug("build record %s: inputs, options or code changed; building", self.path.name)
                return None
            for name, digest in record["outputs"].items():
                if _sha256_file(self.outdir / name) != digest:
                    log.debug("build record %s: %s changed since the last build; building", self.path.name, name)
                    return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.debug("no usable build record %s (%s); building", self.path, exc)
            return None
        return record

    def save(self, key: str, outputs: list[str], exit_code: int, summary: list[str],
             graph_nt: bytes | None = None, validation: str | None = None) -> None:
        """Record a finished build (atomically).

        Args:
            key: :func:`build_key` of the build.
            outputs: names of the files written in the output folder (their
                SHA-256 are recorded).
            exit_code, summary: what the build reported.
            graph_nt: the graph as canonical N-Triples (:func:`kg.rdf.serialize.serialize`),
                kept beside the record for the next build's incremental validation.
            validation: :func:`kg.shacl.validate.validation_signature` of the report
                in ``validation.ttl``.
        """
        from .output import write_atomic

        record = {"key": key, "outputs": {n: _sha256_file(self.outdir / n) for n in outputs},
                  "exit": exit_code, "summary": summary}
        if graph_nt is not None and validation is not None:
            write_atomic(self.path.with_suffix(".nt"), graph_nt)
            record["graph_nt"] = hashlib.sha256(graph_nt).hexdigest()
            record["validation"] = validation
        write_atomic(self.path, json.dumps(record, indent=1, sort_keys=True).encode("utf-8"))

    def previous_validation(self, signature: str) -> tuple[set[bytes], Graph] | None:
        """The last build's graph (its N-Triples lines) and validation report,
        when both are intact and the report was made by the same shapes,
        ontology and validator (``signature``); else None.

        The report is read from ``validation.ttl`` in the output folder, which
        must still have the bytes the last build wrote.
        """
        from rdflib import Graph

        try:
            record = json.loads(self.path.read_text(encoding="utf-8"))
            if record.get("validation") != signature:
                return None
            report_path = self.outdir / "validation.ttl"
            if _sha256_file(report_path) != record["outputs"]["validation.ttl"]:
                return None
            data = self.path.with_suffix(".nt").read_bytes()
            if hashlib.sha256(data).hexdigest() != record["graph_nt"]:
                return None
            report = Graph().parse(report_path, format="turtle")
        except Exception as exc:  # noqa: BLE001 - anything missing, changed or unreadable: validate everything
            log.debug("last validation report not reusable (%s); validating everything", exc)
            return None
        return set(data.splitlines()), report
