"""The extraction pipeline: articles in, entities and merged facts out.

One ``nlp.pipe`` pass parses every block of every article; mentions are found
per block, merged into entities across the corpus, and each article is then
read for facts (:mod:`kg.extract.facts`). Observations of one fact (same kind and key)
merge into one :class:`Fact` with one piece of evidence per sentence.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..io.cache import ParseCache, docs_from_bytes
from ..io.cluster import cluster_client
from ..io.corpus import Article
from ..nlp.entities import Entity, MentionFinder, resolve_entities
from ..nlp.kb import load_kb, merge_key, normalize
from ..nlp.model import load_pipeline
from ..schema import fact_kinds
from .facts import ArticleReader, Observation

log = logging.getLogger("kg")

#: Tokens of parsed articles kept as live ``Doc`` objects between the two passes of
#: :func:`extract` (about 100 bytes a token, without the tok2vec tensor, and about 150 more for
#: the mention finder's token objects and columns the readers reuse,
#: :meth:`kg.nlp.entities.MentionFinder.block_columns`; peak memory of a warm extraction of
#: 1,000 articles 311 to 371 MiB): the first articles'
#: parses, up to this many tokens, are read as they are; the rest wait as ``DocBin`` bytes
#: (about 20 bytes a token) and are unpacked again for the second pass. A ``Doc`` and its
#: ``DocBin`` round trip carry the same annotation, so the choice changes nothing read.
LIVE_TOKENS = 500_000

#: Allocations between two of Python's young-generation garbage collections while :func:`extract`
#: runs (Python's default is 700). Reading makes millions of short-lived objects (token objects,
#: lists, tuples) beside the parses, mentions and observations it keeps; at the default, the
#: collector ran some 860 times in a warm extraction of 1,000 articles, rescanning what is kept
#: (5-6% of reading's CPU time), at this value some 40 times (about 1.5%).
READING_GC_THRESHOLD = 10_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Within the block, Python's cyclic garbage collector runs less often (at least
    :data:`READING_GC_THRESHOLD` allocations between young-generation collections); the
    thresholds are restored after it. Nothing read depends on when the collector runs."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], READING_GC_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@dataclass
class Evidence:
    """A sentence that states a fact: article identifier, character offsets
    into the article text (0-based, end-exclusive), the hedge, and who the
    sentence attributes the statement to (an Entity, the label of an
    anonymous source, or None when the article states it itself)."""

    article: str
    start: int
    end: int
    certainty: str
    attributed_to: Entity | str | None = None


@dataclass
class Fact:
    """One n-ary fact merged over every sentence that states it.

    Attributes:
        kind: a fact kind of :func:`kg.schema.fact_kinds`.
        roles: key role -> Entity.
        entity_attrs: attribute -> entities (region, alternative, target, ...).
        attrs: attribute -> literal values in first-seen order.
        evidence: the sentences stating it, in corpus order.
    """

    kind: str
    roles: dict
    entity_attrs: dict = field(default_factory=dict)
    attrs: dict = field(default_factory=dict)
    evidence: list = field(default_factory=list)


@dataclass
class Extraction:
    """Everything kg read from a corpus."""

    articles: list[Article]
    entities: dict[str, Entity]
    facts: list[Fact]
    #: number of articles whose parse came from the parse cache (the rest were parsed).
    from_cache: int = 0


def extract(articles: list[Article], progress: Callable[[int], None] | None = None,
            jobs: int = 1, cache: Path | None = None, cluster: str | None = None) -> Extraction:
    """Read articles into entities and facts.

    Args:
        articles: articles in corpus order (the order decides nothing but
            evidence order; output is sorted when written).
        progress: called with 1 after each article is parsed (or read from the cache).
        jobs: worker processes for parsing (a pool forked after the model is
            loaded; :func:`_parse_in_pool`); the result does not depend on it.
        cache: a folder for the per-article parse cache (:mod:`kg.io.cache`), or
            None to parse every article.
        cluster: the address of a Dask distributed scheduler
            (``tcp://host:8786``); its workers parse the articles (``jobs`` is
            then ignored). The result does not depend on it.

    Raises:
        KgError: E180 when Dask distributed is missing, E090 when the cluster
            cannot be reached, E181 or E182 when a worker fails.

    Returns:
        The :class:`Extraction`.
    """
    with _fewer_collections():
        return _extract(articles, progress, jobs, cache, cluster)


def _extract(articles: list[Article], progress: Callable[[int], None] | None, jobs: int, cache: Path | None,
             cluster: str | None) -> Extraction:
    """:func:`extract`'s work (the same arguments)."""
    nlp = load_pipeline()
    kb = load_kb()
    finder = MentionFinder(nlp, kb)
    from ..nlp import model  # looked up at each call (tests replace the signature)

    store = ParseCache(cache, nlp, model.pipeline_signature()) if cache is not None else None
    parsed: list[tuple[Article, list | bytes, list, list | None]] = []
    all_mentions = []
    live = 0
    for article, docs, packed in _parse(nlp, articles, jobs, store, cluster):
        mentions, prepared = [], []
        for i, doc in enumerate(docs):
            mentions.append(finder.find(doc, i, article.blocks[i].heading))
            prepared.append(finder.block_columns(doc))  # (what the readers reuse of the finder's walk)
        for i, block in enumerate(article.blocks):
            if block.dateline:
                finder.dateline_place(mentions[i])
        finder.add_repeated_names(docs, mentions, [b.heading for b in article.blocks])
        finder.drop_common_phrases(docs, mentions)
        size = sum(len(doc) for doc in docs)
        if live + size <= LIVE_TOKENS:
            live += size
            parsed.append((article, docs, mentions, prepared))  # read as they are (see LIVE_TOKENS)
        else:
            # DocBin bytes: compact until the second pass (the token lists go with the Docs)
            parsed.append((article, packed or _pack(docs), mentions, None))
        all_mentions += [(article.identifier, m) for ms in mentions for m in ms]
        if progress:
            progress(1)
    if store is not None:
        log.debug("parse cache %s: %d hit(s), %d miss(es)", cache, store.hits, store.misses)
    entities = resolve_entities(all_mentions, kb)
    log.debug("%d article(s): %d mention(s), %d entities", len(parsed), len(all_mentions), len(entities))

    def implicit_factory(article: Article):
        def implicit(label: str, kind: str, mentioned: bool, key: str | None = None) -> Entity:
            twin = key is not None
            key = key or merge_key(label)
            ent = entities.get(key)
            if ent is None:
                entry = None if twin else kb.lookup(label)
                ent = Entity(key=key, label=entry.name if entry else label, kind=entry.kind if entry else kind,
                             wikidata=entry.wikidata if entry else "", implicit=not mentioned)
                entities[key] = ent
            if mentioned:
                ent.implicit = False
                ent.articles.add(article.identifier)
            return ent
        return implicit

    observations: list[Observation] = []
    parsed.reverse()
    while parsed:  # in corpus order; each article's parse goes once it is read
        article, kept, mentions, columns = parsed.pop()
        docs = _unpack(kept, nlp) if isinstance(kept, bytes) else kept
        reader = ArticleReader(article, docs, mentions, kb, implicit_factory(article), columns)
        observations += reader.read()
    for ent in entities.values():
        if ent.implicit:
            ent.articles = set()
    log.debug("%d observation(s) read", len(observations))
    return Extraction(articles, entities, merge(observations), from_cache=store.hits if store is not None else 0)


def _parse(nlp, articles: list[Article], jobs: int, store: ParseCache | None,
           cluster: str | None = None) -> Iterator[tuple[Article, list, bytes | None]]:
    """Yield ``(article, docs, packed)`` in corpus order: one ``Doc`` per block,
    and the same parse as ``DocBin`` bytes (None when the article was parsed here and
    there is no store to write: the caller packs it if it needs to).

    Cached articles come from ``store``, one at a time; the others are parsed,
    in this process (one ``nlp.pipe`` pass), by a pool of ``jobs`` forked
    workers that share the loaded model, or on a Dask cluster, and are stored.
    An entry that proves unreadable is parsed again on the spot. The tok2vec
    tensor of each Doc is dropped: the extractor does not read it, and it is
    most of a Doc's memory.
    """
    texts = [[b.parse_text for b in a.blocks] for a in articles]
    present = [store is not None and store.contains(t) for t in texts]
    todo = [t for t, p in zip(texts, present) if not p]
    fresh: Iterator[tuple[list, bytes | None]]
    if cluster is not None and todo:
        fresh = _parse_on_cluster(nlp, todo, cluster)
    elif jobs > 1 and len(todo) >= 2 * jobs:
        fresh = _parse_in_pool(nlp, todo, jobs)
    else:
        fresh = _parse_here(nlp, todo)
    for article, blocks, cached in zip(articles, texts, present):
        got = store.get(blocks) if cached and store is not None else None
        if got is None:
            docs, packed = next(fresh) if not cached else next(_parse_here(nlp, [blocks]))
            if store is not None:
                packed = packed or _pack(docs)
                store.put(blocks, packed)
        else:
            docs, packed = got
        yield article, docs, packed


def _pack(docs: list) -> bytes:
    """An article's parsed blocks as ``DocBin`` bytes: a small fraction of the
    memory of live ``Doc`` objects, so a corpus's parses fit between the two passes."""
    from spacy.tokens import DocBin

    bin_ = DocBin(store_user_data=False)
    for doc in docs:
        bin_.add(doc)
    return bin_.to_bytes()


def _unpack(data: bytes, nlp) -> list:
    """The parsed blocks packed by :func:`_pack` (:func:`kg.io.cache.docs_from_bytes`)."""
    return docs_from_bytes(data, nlp.vocab)


def _parse_here(nlp, todo: list[list[str]]) -> Iterator[tuple[list, bytes | None]]:
    """Parse each article's block texts in this process; yields ``(docs, None)`` per article."""
    import numpy

    stream = nlp.pipe((t for texts in todo for t in texts), batch_size=64)
    for texts in todo:
        docs = [next(stream) for _ in texts]
        for doc in docs:
            doc.tensor = numpy.empty((0,), dtype="float32")
        yield docs, None


def _parse_batch(batch: list[list[str]]) -> list[bytes]:
    """Worker task: parse a few articles; one DocBin (bytes) per article."""
    return [_pack(docs) for docs, _ in _parse_here(load_pipeline(), batch)]


def _parse_in_pool(nlp, todo: list[list[str]], jobs: int, per_task: int = 4) -> Iterator[tuple[list, bytes]]:
    """Parse with ``jobs`` forked workers (they inherit the loaded pipeline);
    yields ``(docs, DocBin bytes)`` per article, in order."""
    import multiprocessing

    batches = [todo[k:k + per_task] for k in range(0, len(todo), per_task)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for result in pool.imap(_parse_batch, batches):
            for data in result:
                yield _unpack(data, nlp), data


def _parse_on_cluster(nlp, todo: list[list[str]], address: str, per_task: int = 4) -> Iterator[tuple[list, bytes]]:
    """Parse on the workers of a Dask distributed cluster (https://distributed.dask.org):
    one task per few articles, each returning one DocBin per article; yields
    ``(docs, DocBin bytes)`` per article, in order. Workers need kg installed (same version)."""
    from ..errors import Errors, KgError

    batches = [todo[k:k + per_task] for k in range(0, len(todo), per_task)]
    client = cluster_client(address)
    try:
        futures = client.map(_parse_batch, batches, pure=False)
        for future in futures:
            try:
                result = future.result()
            except Exception as exc:  # a worker's error, re-raised by distributed
                raise KgError(Errors.E181, error=exc) from exc
            for data in result:
                yield _unpack(data, nlp), data
    finally:
        client.close()


def merge(observations: Iterable[Observation]) -> list[Fact]:
    """Merge observations with the same kind and key (roles and key attributes, :mod:`kg.schema`) into facts."""
    facts: dict[tuple, Fact] = {}
    kinds = fact_kinds()
    for o in observations:
        kind = kinds.get(o.kind)
        if kind is None or any(o.roles.get(k) is None for k in kind.key):
            continue
        key = (o.kind, *(o.roles[k].key for k in kind.key))
        key += tuple(normalize(o.attrs[a][0]) for a in kind.key_attributes)
        fact = facts.get(key)
        if fact is None:
            fact = facts[key] = Fact(o.kind, {k: o.roles[k] for k in kind.key})
        for name in kind.entity_attributes:
            value = o.roles.get(name)
            values = value if isinstance(value, list) else [value] if value is not None else []
            bucket = fact.entity_attrs.setdefault(name, [])
            for v in values:
                if v is not None and v not in bucket and v not in fact.roles.values():
                    bucket.append(v)
        for name, values in o.attrs.items():
            bucket = fact.attrs.setdefault(name, [])
            for v in values:
                if v and v not in bucket:
                    bucket.append(v)
        ev = Evidence(o.article, o.start, o.end, o.certainty, o.attributed_to)
        if ev not in fact.evidence:
            fact.evidence.append(ev)
    return list(facts.values())
