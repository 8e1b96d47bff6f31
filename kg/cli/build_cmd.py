"""``kg build``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..errors import Errors, KgError
from . import _fail, app, err, out


def _encoding_option(value: str | None) -> str | None:
    """Refuse an unknown --encoding before any work (a usage error, exit 2)."""
    from ..io.corpus import check_encoding

    if value is not None:
        try:
            check_encoding(value)
        except KgError as exc:
            raise typer.BadParameter(exc.message) from None
    return value


@app.command()
def build(
    corpus: Annotated[Path, typer.Argument(help="Folder of articles: .txt and .md (text), .html and .htm (saved web pages), and an optional metadata.csv or metadata.jsonl.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output folder for graph.ttl, validation.ttl and texts/.")],
    encoding: Annotated[str | None, typer.Option(help="Decode every article with this encoding (a Python codec name such as cp1252), instead of UTF-8 or each file's detected encoding.", callback=_encoding_option)] = None,
    recursive: Annotated[bool, typer.Option("-r", "--recursive", help="Also read the articles in subfolders of CORPUS; an article's name is then its path relative to CORPUS.")] = False,
    quiet: Annotated[bool, typer.Option("-q", "--quiet", help="Print nothing but errors.")] = False,
    jobs: Annotated[int, typer.Option("-j", "--jobs", min=1, help="Worker processes for parsing and validation.")] = 1,
    cache: Annotated[Path | None, typer.Option(help="Cache folder for parses and build records (default: $KG_CACHE_DIR, else ~/.cache/kg).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse every article and rebuild, reading and writing no cache.")] = False,
    cluster: Annotated[str | None, typer.Option(help="Address of a Dask distributed scheduler (tcp://HOST:8786) whose workers parse the articles.")] = None,
    store: Annotated[Path | None, typer.Option(help="Also load the graph and the ontology into an on-disk Oxigraph store in this folder, for kg query, serve, view, explain, conflicts and evaluate.")] = None,
    shards: Annotated[Path | None, typer.Option(
        help="Folder where the workers write the graph's N-Quads shards, part-NNNNN.nq (kept; earlier ones there "
             "are replaced), which --store bulk-loads; with --cluster it must be seen by every worker (default "
             "there: a temporary folder beside OUTDIR, removed after the build). A rebuild that reuses the last "
             "validation report builds the graph whole and writes no shards.")] = None,
) -> None:
    """Read every article in CORPUS and write OUTDIR/graph.ttl, OUTDIR/validation.ttl and OUTDIR/texts/.

    Articles are .txt and .md files (read as plain text) and saved web pages,
    .html and .htm (their main text, read with trafilatura: no navigation, ads
    or comments). Other files are skipped and counted. A file that is not
    UTF-8 is decoded with the charset its page declares or that
    charset-normalizer detects (said on stderr); the build stops, naming the
    file, when detection is not confident.

    OUTDIR/texts/NAME.txt holds the text kg read from each article (UTF-8):
    evidence offsets (oa:start, oa:end) index it.

    CORPUS/metadata.csv or CORPUS/metadata.jsonl, when present, gives each
    article's headline, publisher, publication date and URL; a web page's own
    title, date, site name and URL fill what it leaves empty. kg build never
    uses the network (see kg fetch).
    """
    from rich.markup import escape

    from ..io.corpus import PAGE_SUFFIXES, read_article, scan_corpus
    from ..io.metadata import apply_metadata, read_metadata
    from ..io.output import OutputFolder
    from ..rdf.graph import slug

    folder = OutputFolder(output)
    try:
        listing = scan_corpus(corpus, recursive, exclude=output)
        files = listing.files
        if listing.skipped_line():
            err.print(f"[yellow]warning[/yellow] {escape(str(corpus))}: {listing.skipped_line()}", highlight=False, soft_wrap=True)
        metadata = read_metadata(corpus, files)
        folder.acquire()  # lock, writable check, stale temporary files removed: before any NLP work
        articles = []
        for path in files:
            art = read_article(path, encoding, root=corpus)
            if art is None:
                why = ("no article text found" if path.suffix.lower() in PAGE_SUFFIXES else "empty or binary")
                err.print(f"[yellow]warning[/yellow] {escape(str(path))}: {why}, skipped", highlight=False, soft_wrap=True)
                continue
            if art.decoded in ("declared", "detected") and not quiet:
                how = "declared by the page" if art.decoded == "declared" else "detected"
                err.print(f"note {escape(str(path))}: not UTF-8; decoded as {art.encoding} ({how})", highlight=False,
                          soft_wrap=True)
            if art.warning:
                err.print(f"[yellow]warning[/yellow] {escape(art.warning)}", highlight=False, soft_wrap=True)
            articles.append(art)
        if not articles:
            raise KgError(Errors.E034, path=corpus)
        _check_identifiers(articles, slug)
        apply_metadata(articles, metadata)
    except KgError as exc:
        folder.close()
        _fail(exc)
    from ..io.cache import BuildRecord, build_key, default_cache_dir
    from ..rdf.store import is_store

    cache_dir = None if no_cache else (cache or default_cache_dir())
    with folder:
        record = key = None
        if cache_dir is not None:
            record = BuildRecord(cache_dir, output)
            key = build_key(articles, {"encoding": encoding, "recursive": recursive,
                                       "store": str(store.resolve()) if store else None})
            done = record.up_to_date(key)
            if done is not None and (store is None or is_store(store)):
                if not quiet:
                    for line in done["summary"]:
                        out.print(line, highlight=False)
                    out.print("up to date: nothing changed since the last build into this folder", highlight=False)
                raise typer.Exit(done["exit"])
        result, summary, graph_nt, signature = _build(articles, folder, quiet, jobs, cache_dir, cluster, store, record,
                                                      shards, _texts(articles))
        if record is not None:
            record.save(key, ["graph.ttl", "validation.ttl"] + [f"{TEXTS}/{n}" for n in sorted(_texts(articles))],
                        0 if result.conforms else 1, summary, graph_nt, signature)
    raise typer.Exit(0 if result.conforms else 1)


def _check_identifiers(articles, slug) -> None:
    """Refuse two articles whose names give the same article IRI (``a b.txt``
    and ``a-b.txt``, ``a.txt`` and ``a.html``, ``x/a.txt`` and ``x-a.txt``)."""
    seen: dict[str, str] = {}
    for art in articles:
        other = seen.setdefault(slug(art.identifier), art.name)
        if other != art.name:
            raise KgError(Errors.E035, path=art.path, other=other)


#: The subfolder of OUTDIR that holds the text kg read from each article.
TEXTS = "texts"


def _texts(articles) -> dict[str, bytes]:
    """``NAME.txt`` (the article's identifier) -> the article text kg read, UTF-8."""
    return {f"{art.identifier}.txt": art.text.encode("utf-8") for art in articles}


def _build(articles, folder, quiet: bool, jobs: int, cache_dir, cluster=None, store=None, record=None,
           shards=None, article_texts=None):
    from ..extract.extraction import extract

    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, disable=quiet or len(articles) < 20, transient=True) as bar:
        task = bar.add_task("read", total=len(articles))
        try:
            ex = extract(articles, progress=lambda n: bar.advance(task, n), jobs=jobs, cache=cache_dir,
                         cluster=cluster)
        except KgError as exc:
            _fail(exc)
    counts = _counts(ex)
    temporary = None
    if cluster is not None and shards is None:
        import tempfile

        shards = temporary = Path(tempfile.mkdtemp(prefix=".kg-shards-", dir=Path(folder.folder).resolve().parent))
    try:
        try:
            texts, result, signature, shard_list = _graph_and_validation(ex, record, jobs, cluster, shards)
        except KgError as exc:
            _fail(exc)
        except OSError as exc:
            if shards is None:
                raise
            from ..io.output import write_error

            _fail(write_error(shards, exc))
        del ex
        graph_nt = texts["nt"]
        _write(folder, texts, result, store, shard_list or graph_nt, article_texts or {})
    finally:
        if temporary is not None:
            import shutil

            shutil.rmtree(temporary, ignore_errors=True)
    summary = counts + [_violations(result)]
    if not quiet:
        for line in summary:
            out.print(line, highlight=False)
    return result, summary, graph_nt, signature


def _write(folder, texts: dict, result, store, abox, article_texts: dict) -> None:
    """Write texts/ (``article_texts``), graph.ttl and validation.ttl, then the
    store (from ``abox``: the N-Quads shards, or the graph's N-Triples)."""
    from ..rdf.graph import serialize

    try:
        folder.write({"graph.ttl": texts["turtle"], "validation.ttl": serialize(result.report, "turtle")},
                     {TEXTS: article_texts})
    except KgError as exc:
        _fail(exc)
    if store is not None:
        from ..io.output import write_error
        from ..rdf.store import write_store
        from ..shacl.validate import load_tbox

        try:
            write_store(abox, load_tbox(), store)
        except OSError as exc:
            _fail(write_error(store, exc))


def _graph_and_validation(ex, record, jobs: int = 1, cluster: str | None = None, shards: Path | None = None):
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
    from ..rdf.graph import new_graph, serialize_many, to_graph, turtle_from_nt
    from ..shacl.validate import nt_diff, shard_files, validate_changes, validation_signature, write_and_validate

    signature = validation_signature() if record is not None else None
    previous = record.previous_validation(signature) if record is not None else None
    if previous is None:
        nt, result = write_and_validate(ex, jobs, cluster=cluster, shards=shards)
        turtle = turtle_from_nt(nt, new_graph().namespaces())
        return {"nt": nt, "turtle": turtle}, result, signature, shard_files(shards) if shards else None
    graph = to_graph(ex)
    texts = serialize_many(graph, ("turtle", "nt"))
    lines, report = previous
    added, removed = nt_diff(set(texts["nt"].splitlines()), lines)
    return texts, validate_changes(graph, added, removed, report), signature, None


def _counts(ex) -> list[str]:
    """The summary lines about what was read: articles, entities by kind, facts by kind."""
    from ..nlp.entities import top_kind

    kinds = Counter(top_kind(e.kind) if e.kind != "AIModel" else "AIModel"
                    for e in ex.entities.values() if not e.implicit)
    facts = Counter(f.kind for f in ex.facts)
    return [f"articles: {len(ex.articles)} ({len(ex.articles) - ex.from_cache} parsed, {ex.from_cache} from the parse cache)",
            "entities: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())),
            "facts: " + ", ".join(f"{k} {v}" for k, v in sorted(facts.items()))]


def _violations(result) -> str:
    """The summary line about validation."""
    return (f"shape violations: {result.violations}" + ("" if result.conforms else "  (see validation.ttl)")
            + ("" if result.rechecked is None else f"  (re-checked {result.rechecked} nodes near what changed)"))
