"""The parse cache (kg.io.cache.ParseCache): what a hit must match, on a blank pipeline."""

import spacy
from spacy.tokens import DocBin

from kg.io.cache import ParseCache


def _bytes(nlp, texts):
    bin_ = DocBin(store_user_data=False)
    for doc in nlp.pipe(texts):
        bin_.add(doc)
    return bin_.to_bytes()


def test_a_hit_gives_the_blocks_back_with_their_texts(tmp_path):
    nlp = spacy.blank("en")
    cache = ParseCache(tmp_path, nlp, "sig")
    texts = ["Kestrel Labs banned Quillpoint.", "  Two spaces,\tand a tab. "]
    cache.put(texts, _bytes(nlp, texts))
    docs, _ = cache.get(texts)
    assert [d.text for d in docs] == texts and (cache.hits, cache.misses) == (1, 0)


def test_an_entry_written_for_other_texts_is_a_miss(tmp_path):
    nlp = spacy.blank("en")
    cache = ParseCache(tmp_path, nlp, "sig")
    texts = ["Kestrel Labs banned Quillpoint.", "A second block."]
    cut = ["Kestrel Labs banned Quillpoint.", "A second"]  # (a block cut short)
    fewer = ["Kestrel Labs banned Quillpoint."]
    for other in (cut, fewer):
        cache.put(texts, _bytes(nlp, other))  # (under these texts' key)
        assert cache.get(texts) is None
    assert (cache.hits, cache.misses) == (0, 2)
    cache.put(texts, _bytes(nlp, texts))
    assert cache.get(texts) is not None and cache.hits == 1
