"""The build: a corpus folder in, ``graph.ttl``, ``validation.ttl`` and ``texts/`` out.

:func:`build` runs every stage in order and returns a :class:`BuildResult`;
``kg build`` only parses its options, calls it and prints the result.

1. :mod:`kg.io` lists the corpus, reads each article and the metadata file,
   and takes the output folder's lock (:class:`kg.io.output.OutputFolder`).
2. When the cache holds a build with the same key (:func:`kg.io.cache.build_key`)
   whose outputs are unchanged, nothing is done (``up_to_date``).
3. :mod:`kg.extract` parses the articles with spaCy (:mod:`kg.nlp`) and reads
   entities and facts (:func:`kg.extract.extraction.extract`).
4. :mod:`kg.rdf` writes the graph and :mod:`kg.shacl` validates it, part by
   part (:func:`kg.shacl.validate.write_and_validate`) or, after an earlier
   build into the same folder, only near what changed
   (:func:`kg.shacl.validate.validate_changes`).
5. The outputs are written atomically, then the optional Oxigraph store
   (:func:`kg.rdf.store.write_store`); the build record is saved.

Importing this module loads neither spaCy nor pySHACL: each stage is imported
when it runs.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Errors, KgError

if TYPE_CHECKING:
    from .extract.extraction import Extraction
    from .io.corpus import Article
    from .io.output import OutputFolder

log = logging.getLogger("kg")

#: The subfolder of OUTDIR that holds the text kg read from each article.
TEXTS = "texts"


@dataclass(frozen=True)
class BuildOptions:
    """How :func:`build` reads and writes (the options of ``kg build``).

    Attributes:
        encoding: decode every article with this codec instead of UTF-8 or the
            detected charset (:func:`kg.io.corpus.check_encoding` checks the name).
        recursive: also read the articles in subfolders of the corpus.
        jobs: worker processes for parsing and validation (>= 1).
        cache: the cache folder for parses and build records
            (:func:`kg.io.cache.default_cache_dir` gives the usual one), or None
            to parse everything and record nothing.
        cluster: the address of a Dask distributed scheduler (``tcp://HOST:8786``).
        store: a folder for an on-disk Oxigraph store of the graph and the ontology.
        shards: a folder for the graph's N-Quads shards (``part-NNNNN.nq``).
    """

    encoding: str | None = None
    recursive: bool = False
    jobs: int = 1
    cache: Path | None = None
    cluster: str | None = None
    store: Path | None = None
    shards: Path | None = None


@dataclass(frozen=True)
class Notice:
    """Something said about the input while reading it: ``level`` is ``"warning"``
    (a file skipped, a doubtful decoding) or ``"note"`` (a file decoded from
    another charset); ``message`` starts with the file's path."""

    level: str
    message: str


@dataclass
class BuildResult:
    """What :func:`build` did.

    Attributes:
        outdir: the output folder.
        conforms: whether the graph conforms to the shapes.
        summary: the summary lines (articles, entities by kind, facts by kind,
            shape violations), as ``kg build`` prints them.
        up_to_date: True when nothing had changed since the last build into
            ``outdir`` and nothing was written; ``summary`` and ``exit_code``
            are then the recorded ones.
        notices: warnings and notes about the input, in reading order.
        exit_code: the exit code of ``kg build``: 0 when the graph conforms, 1 when not.
    """

    outdir: Path
    conforms: bool
    summary: list[str]
    up_to_date: bool = False
    notices: list[Notice] = field(default_factory=list)
    exit_code: int = 0


#: ``progress(done, total)``: called after each article is parsed or read from the cache.
Progress = Callable[[int, int], None]


def build(corpus: Path, outdir: Path, options: BuildOptions | None = None, *,
          progress: Progress | None = None, notify: Callable[[Notice], None] | None = None) -> BuildResult:
    """Read every article in ``corpus`` and write ``outdir/graph.ttl``,
    ``outdir/validation.ttl`` and ``outdir/texts/NAME.txt`` (what ``kg build`` does).

    Args:
        corpus: a folder of articles (``.txt``, ``.md``, ``.html``, ``.htm``)
            with an optional ``metadata.csv`` or ``metadata.jsonl``.
        outdir: the output folder (created; locked while the build runs).
        options: :class:`BuildOptions` (defaults: no cache, one process).
        progress: called as ``progress(done, total)`` while articles are parsed.
        notify: called with each :class:`Notice` as soon as it is found (before
            any NLP work); without it, notices go to kg's logger (warnings at
            WARNING, notes at INFO). Either way they are in the result.

    Returns:
        The :class:`BuildResult`.

    Raises:
        KgError: a bad corpus (E034 no article, E035 two articles with one IRI,
            a metadata or decoding error naming the file), a locked or
            unwritable output folder, a full disk, a cluster that cannot be
            reached; nothing of the earlier output is changed.
    """
    from .io.cache import BuildRecord, build_key
    from .io.output import OutputFolder
    from .rdf.store import is_store

    options = options or BuildOptions()
    notices: list[Notice] = []

    def say(level: str, message: str) -> None:
        notice = Notice(level, message)
        notices.append(notice)
        if notify is not None:
            notify(notice)
        else:
            log.log(logging.WARNING if level == "warning" else logging.INFO, "%s", message)

    folder = OutputFolder(outdir)
    try:
        articles = read_corpus(corpus, outdir, options, folder, say)
    except BaseException:
        folder.close()
        raise
    with folder:
        record = key = None
        if options.cache is not None:
            from .nlp.model import pipeline_signature

            record = BuildRecord(options.cache, outdir)
            key = build_key(articles, {"encoding": options.encoding, "recursive": options.recursive,
                                       "store": str(options.store.resolve()) if options.store else None},
                            pipeline_signature())
            done = record.up_to_date(key)
            if done is not None and (options.store is None or is_store(options.store)):
                return BuildResult(outdir, done["exit"] == 0, list(done["summary"]), up_to_date=True,
                                   notices=notices, exit_code=done["exit"])
        texts = article_texts(articles)
        result, summary, graph_nt, signature = _build(articles, folder, options, record, texts, progress)
        exit_code = 0 if result.conforms else 1
        if record is not None and key is not None:
            record.save(key, ["graph.ttl", "validation.ttl"] + [f"{TEXTS}/{n}" for n in sorted(texts)],
                        exit_code, summary, graph_nt, signature)
    return BuildResult(outdir, result.conforms, summary, notices=notices, exit_code=exit_code)


def read_corpus(corpus: Path, outdir: Path, options: BuildOptions, folder: OutputFolder,
                say: Callable[[str, str], None]) -> list[Article]:
    """List and read the corpus's articles, apply its metadata, and take the
    output folder's lock (before any NLP work). Files that give no text are
    skipped with a warning; ``say(level, message)`` reports them.

    Raises:
        KgError: E034 when no article is left, E035 when two articles give one
            IRI, and the errors of the corpus, metadata and output folder.
    """
    from .io.corpus import PAGE_SUFFIXES, read_article, scan_corpus
    from .io.metadata import apply_metadata, read_metadata
    from .rdf.mint import slug

    listing = scan_corpus(corpus, options.recursive, exclude=outdir)
    files = listing.files
    if listing.skipped_line():
        say("warning", f"{corpus}: {listing.skipped_line()}")
    metadata = read_metadata(corpus, files)
    folder.acquire()  # lock, writable check, stale temporary files removed: before any NLP work
    articles = []
    for path in files:
        art = read_article(path, options.encoding, root=corpus)
        if art is None:
            why = ("no article text found" if path.suffix.lower() in PAGE_SUFFIXES else "empty or binary")
            say("warning", f"{path}: {why}, skipped")
            continue
        if art.decoded in ("declared", "detected"):
            how = "declared by the page" if art.decoded == "declared" else "detected"
            say("note", f"{path}: not UTF-8; decoded as {art.encoding} ({how})")
        if art.warning:
            say("warning", art.warning)
        articles.append(art)
    if not articles:
        raise KgError(Errors.E034, path=corpus)
    check_identifiers(articles, slug)
    apply_metadata(articles, metadata)
    return articles


def check_identifiers(articles: list[Article], slug: Callable[[str], str]) -> None:
    """Refuse two articles whose names give the same article IRI (``a b.txt``
    and ``a-b.txt``, ``a.txt`` and ``a.html``, ``x/a.txt`` and ``x-a.txt``).

    Raises:
        KgError: E035 naming both files.
    """
    seen: dict[str, str] = {}
    for art in articles:
        other = seen.setdefault(slug(art.identifier), art.name)
        if other != art.name:
            raise KgError(Errors.E035, path=art.path, other=other)


def article_texts(articles: list[Article]) -> dict[str, bytes]:
    """``NAME.txt`` (the article's identifier) -> the article text kg read, UTF-8."""
    return {f"{art.identifier}.txt": art.text.encode("utf-8") for art in articles}


def _build(articles: list[Article], folder: OutputFolder, options: BuildOptions, record: Any,
           texts_of: dict[str, bytes], progress: Progress | None) -> tuple[Any, list[str], bytes, Any]:
    """Extract, write and validate; returns ``(ValidationResult, summary lines,
    canonical N-Triples, validation signature)``."""
    from .extract.extraction import extract
    from .io.output import write_error

    total = len(articles)
    done = [0]

    def advance(n: int) -> None:
        done[0] += n
        if progress is not None:
            progress(done[0], total)

    ex = extract(articles, progress=advance, jobs=options.jobs, cache=options.cache, cluster=options.cluster)
    counts = summary_counts(ex)
    shards = options.shards
    temporary = None
    if options.cluster is not None and shards is None:
        import tempfile

        shards = temporary = Path(tempfile.mkdtemp(prefix=".kg-shards-", dir=Path(folder.folder).resolve().parent))
    try:
        try:
            texts, result, signature, shard_list = _graph_and_validation(ex, record, options.jobs, options.cluster,
                                                                         shards)
        except OSError as exc:
            if shards is None:
                raise
            raise write_error(shards, exc) from exc
        del ex
        graph_nt = texts["nt"]
        _write(folder, texts, result, options.store, shard_list or graph_nt, texts_of)
    finally:
        if temporary is not None:
            import shutil

            shutil.rmtree(temporary, ignore_errors=True)
    return result, counts + [violations_line(result)], graph_nt, signature


def _write(folder: OutputFolder, texts: dict, result: Any, store: Path | None, abox: Any,
           article_texts: dict) -> None:
    """Write texts/ (``article_texts``), graph.ttl and validation.ttl, then the
    store (from ``abox``: the N-Quads shards, or the graph's N-Triples)."""
    from .rdf.serialize import serialize

    folder.write({"graph.ttl": texts["turtle"], "validation.ttl": serialize(result.report, "turtle")},
                 {TEXTS: article_texts})
    if store is not None:
        from .io.output import write_error
        from .rdf.store import write_store
        from .shacl.validate import load_tbox

        try:
            write_store(abox, load_tbox(), store)
        except OSError as exc:
            raise write_error(store, exc) from exc


def _graph_and_validation(ex: Extraction, record: Any, jobs: int = 1, cluster: str | None = None,
                          shards: Path | None = None) -> tuple[dict, Any, Any, list[Path] | None]:
    """The graph's Turtle and canonical N-Triples, its validation, and the
    validation signature (None without a build record).

    When the last build into the same folder left a report that can be
    reused, the graph is built whole and only the focus nodes near what
    changed are validated (:func:`kg.shacl.validate.validate_changes`). Otherwise
    the graph is written and validated part by part, with ``jobs`` worker
    processes or on the workers of the Dask cluster at ``cluster``
    (:func:`kg.shacl.validate.write_and_validate`): it is never held as one rdflib
    graph. With ``shards``, the workers write the graph's N-Quads shards there.

    Returns:
        ``({"turtle": bytes, "nt": bytes}, ValidationResult, signature, shard
        files or None)``.
    """
    from .rdf.namespaces import new_graph
    from .rdf.parts import to_graph
    from .rdf.serialize import serialize_many, turtle_from_nt
    from .shacl.validate import nt_diff, shard_files, validate_changes, validation_signature, write_and_validate

    signature = validation_signature() if record is not None else None
    previous = record.previous_validation(signature) if record is not None else None
    if previous is None:
        nt, result = write_and_validate(ex, jobs, cluster=cluster, shards=shards)
        turtle = turtle_from_nt(nt, new_graph().namespaces())
        return {"nt": nt, "turtle": turtle}, result, signature, shard_files(shards) if shards else None
    graph = to_graph(ex)
    texts = serialize_many(graph, ("turtle", "nt"))
    assert texts is not None  # None only for a graph with blank nodes; an ABox has none
    lines, report = previous
    added, removed = nt_diff(set(texts["nt"].splitlines()), lines)
    return texts, validate_changes(graph, added, removed, report), signature, None


def summary_counts(ex: Extraction) -> list[str]:
    """The summary lines about what was read: articles, entities by kind, facts by kind."""
    from .nlp.entities import top_kind

    kinds = Counter(top_kind(e.kind) if e.kind != "AIModel" else "AIModel"
                    for e in ex.entities.values() if not e.implicit)
    facts = Counter(f.kind for f in ex.facts)
    return [f"articles: {len(ex.articles)} ({len(ex.articles) - ex.from_cache} parsed, {ex.from_cache} from the parse cache)",
            "entities: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())),
            "facts: " + ", ".join(f"{k} {v}" for k, v in sorted(facts.items()))]


def violations_line(result: Any) -> str:
    """The summary line about validation."""
    return (f"shape violations: {result.violations}" + ("" if result.conforms else "  (see validation.ttl)")
            + ("" if result.rechecked is None else f"  (re-checked {result.rechecked} nodes near what changed)"))
