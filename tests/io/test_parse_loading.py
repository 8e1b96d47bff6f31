"""kg.io.cache.docs_from_bytes: loading parses that share strings (the second load skips the
strings the vocabulary already has) gives the Docs spaCy's own DocBin loading gives."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, DocBin

from kg.io.cache import docs_from_bytes


def _packed(vocab, words: list[str], lemmas: list[str], tags: list[str], deps: list[str], heads: list[int],
            ents: list[str]) -> bytes:
    doc = Doc(vocab, words=words, lemmas=lemmas, tags=tags, deps=deps, heads=heads, ents=ents)
    bin_ = DocBin(store_user_data=False)
    bin_.add(doc)
    return bin_.to_bytes()


def _annotation(doc: Doc) -> list[tuple]:
    return [(t.text, t.whitespace_, t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.is_sent_start)
            for t in doc]


def test_second_load_of_shared_strings_gives_what_docbin_gives():
    source = spacy.blank("en").vocab
    first = _packed(source, ["Zorvath", "banned", "Quillo", "."], ["Zorvath", "ban", "Quillo", "."],
                    ["NNP", "VBD", "NNP", "."], ["nsubj", "ROOT", "dobj", "punct"], [1, 1, 1, 1],
                    ["B-ORG", "O", "B-PRODUCT", "O"])
    # shares "banned", "Quillo" and the labels with the first; "Velmora", "barred", "bar" are new
    second = _packed(source, ["Velmora", "barred", "Quillo", "."], ["Velmora", "bar", "Quillo", "."],
                     ["NNP", "VBD", "NNP", "."], ["nsubj", "ROOT", "dobj", "punct"], [1, 1, 1, 1],
                     ["B-ORG", "O", "B-PRODUCT", "O"])
    vocab = spacy.blank("en").vocab  # a fresh vocabulary: none of those strings yet
    got = [docs_from_bytes(data, vocab) for data in (first, second, second)]
    reference = spacy.blank("en").vocab
    want = [list(DocBin().from_bytes(data).get_docs(reference)) for data in (first, second, second)]
    assert [[_annotation(d) for d in docs] for docs in got] == [[_annotation(d) for d in docs] for docs in want]
    assert _annotation(got[1][0])[1][2] == "bar"  # (a lemma only the second parse has, read back)
    assert all(s in vocab.strings for s in ("Velmora", "barred", "bar", "PRODUCT"))
    # another vocabulary has looked nothing up yet: its load needs every string again
    other = spacy.blank("en").vocab
    assert [_annotation(d) for d in docs_from_bytes(second, other)] == [_annotation(d) for d in want[1]]
