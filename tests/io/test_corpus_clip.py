"""An unfinished last sentence (a text clipped mid-sentence) is read up to its last whole word
(kg.io.corpus._clipped_end), so that what it states before the clip is not lost."""

from __future__ import annotations

from kg.io.corpus import read_article


def _last_block(tmp_path, text: str) -> str:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    return read_article(path).blocks[-1].text


def test_clipped_sentence_keeps_its_whole_words(tmp_path):
    text = ("Lumora Bank restricted Qwen.\n\nIn May, Dravik Bank also restricted the use of Qwen by its "
            "staff amid worries about leaks of the clie")
    assert _last_block(tmp_path, text).endswith("staff amid worries about leaks")


def test_short_clipped_tail_is_dropped(tmp_path):
    text = "Lumora Bank restricted Qwen. Dravik Bank also restricted\n\nThe bank said it had acted. It then the"
    assert _last_block(tmp_path, text) == "The bank said it had acted."


def test_a_dateline_opening_a_later_paragraph_is_cut(tmp_path):
    """read_article (DATELINE_RE on every block): a page whose navigation comes first still has its
    wire dateline ("OSLO (Wire) — ") cut from the paragraph it opens."""
    path = tmp_path / "a.txt"
    path.write_text("Home\n\nNews\n\nOSLO (Wire) — Lumora Bank restricted Qwen on Monday.\n", encoding="utf-8")
    assert read_article(path).blocks[-1].text == "Lumora Bank restricted Qwen on Monday."
