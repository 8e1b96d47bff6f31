"""Reading articles: blocks, offsets, datelines, encodings, dates."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.extract.facts import normalize_date
from kg.io.corpus import read_article, split_blocks


def test_blocks_keep_offsets_into_the_article():
    text = "Headline Without Period\n\n- First bullet point here.\nA paragraph. Second sentence.\n"
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == ["Headline Without Period", "First bullet point here.",
                                        "A paragraph. Second sentence."]
    for b in blocks:
        assert text[b.start:b.start + len(b.text)] == b.text
    assert blocks[0].heading and not blocks[2].heading
    assert blocks[1].bullet


def test_lone_bullet_markers_are_skipped():
    blocks = split_blocks("Key Points\n-\nAcme bans Widget.\n-\n")
    assert [b.text for b in blocks] == ["Key Points", "Acme bans Widget."]


def test_dateline_is_read_and_removed_from_the_block(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Title line\nSEOUL, May 2, 2025 (Wire) — Acme said on Friday it banned Widget.\n", encoding="utf-8")
    art = read_article(p)
    assert art.dateline == "May 2, 2025"
    place, wire, body = art.blocks[1], art.blocks[2], art.blocks[3]
    assert place.text == "SEOUL" and place.heading  # the dateline's place: a mention, in a block of its own
    assert wire.text == "Wire" and wire.heading and not wire.dateline  # the agency it credits, too
    assert body.text.startswith("Acme said")
    assert art.text[body.start:body.start + 4] == "Acme"


def test_latin1_bytes_are_detected_and_undetectable_bytes_name_the_file_and_offset(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\u00e9 bans".encode("latin-1"))
    art = read_article(p)
    assert (art.text, art.encoding, art.decoded) == ("Caf\u00e9 bans", "cp1252", "detected")
    assert read_article(p, encoding="latin-1").text == "Caf\u00e9 bans"
    p.write_bytes(b"Acme " + bytes(range(0x80, 0x100)))
    with pytest.raises(InputError) as info:
        read_article(p)
    assert "latin.txt" in str(info.value) and "byte offset 5" in str(info.value)
    assert "utf-8-sig" not in str(info.value) and "--encoding" in str(info.value)


def test_bom_is_not_part_of_the_text(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffAcme bans Widget.".encode("utf-8"))
    assert read_article(p).text.startswith("Acme")
    p.write_bytes("Acme bans Widget.".encode("utf-16"))
    assert read_article(p).text == "Acme bans Widget."


def test_empty_and_binary_articles_are_skipped(tmp_path):
    (tmp_path / "e.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"abc\x00def")
    assert read_article(tmp_path / "e.txt") is None
    assert read_article(tmp_path / "b.txt") is None


@pytest.mark.parametrize("text, ref, expected", [
    ("July 10", "", "--07-10"),
    ("10 July", "", "--07-10"),
    ("March 3, 2025", "", "2025-03-03"),
    ("Jan. 29", "Feb 2, 2025", "2025-01-29"),
    ("Dec. 29", "Jan 5, 2025", "2024-12-29"),
    ("the 18th of last month", "May 2, 2025", "2025-04-18"),
    ("last month", "May 2, 2025", None),
    ("2025", "", None),
])
def test_dates_normalize_to_iso(text, ref, expected):
    assert normalize_date(text, ref) == expected


def test_a_hard_wrapped_paragraph_is_one_block():
    """_unwrapped_lines: a line that stops mid-sentence ("... without") and a next line in lower
    case ("notice.") are one block, at the same offsets; a headline before a paragraph is not
    joined to it."""
    text = ("Kestrel Daily sues Zentrix\n\nThe magazine went to court on Friday, saying the shop sold "
            "its prints without\nnotice.\nA second line.\n")
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == ["Kestrel Daily sues Zentrix",
                                        "The magazine went to court on Friday, saying the shop sold its "
                                        "prints without notice.", "A second line."]
    assert all(text[b.start:b.start + len(b.text)].replace("\n", " ") == b.text for b in blocks)


def test_a_wire_dateline_with_a_bracketed_country_and_a_colon(tmp_path):
    """DATELINE_RE: "Lyon [France], June 5 (Wire): " is a dateline (the place its own block, the
    country dropped); its day takes the year of a date stamp before it."""
    p = tmp_path / "a.txt"
    p.write_text("date 2021-06-04 Lyon [France], June 5 (Wire): Acme said it banned Widget.\n", encoding="utf-8")
    art = read_article(p)
    assert art.dateline == "June 5, 2021"
    assert [b.text for b in art.blocks] == ["Lyon", "Wire", "Acme said it banned Widget."]


def test_a_text_wrapped_at_a_fixed_width_joins_lines_in_any_case():
    """_hard_wrapped: in a text whose sentences break across lines of similar width, a line
    that ends mid-sentence joins the next even when it starts with a capital ("... in San" /
    "Francisco ..."); a headline above the text keeps its own block."""
    text = ("Kestrel Daily sues Zentrix\n\n"
            "The magazine went to court on Friday in San\n"
            "Francisco, saying the shop sold its prints and posters without\n"
            "notice to any of the artists who had drawn them over the\n"
            "years. The shop did not reply to several requests made by\n"
            "Kestrel Daily for a comment.\n")
    blocks = split_blocks(text)
    assert [b.text.split()[0] for b in blocks] == ["Kestrel", "The"]
    assert "San Francisco" in blocks[1].text and blocks[1].text.endswith("comment.")


def test_a_headline_stack_is_no_wrapped_text():
    """_hard_wrapped: title-case lines and short lines above a text are no fixed-width wrap."""
    text = ("Kestrel Daily Sues Zentrix Over Prints Sold Without Any Notice\n"
            "Artists Say The Shop Took Their Work And Sold It For Years\n"
            "Zentrix Has Not Replied To Questions From The Magazine Staff\n"
            "The magazine went to court on Friday.\n")
    assert len(split_blocks(text)) == 4


def test_page_furniture_lines_are_no_blocks(tmp_path):
    """BOILERPLATE_RE: a wire service's standards footer, licensing link, audio player, reading
    time and update stamps are page furniture; a sentence that begins with "Updated" stays."""
    path = tmp_path / "a.txt"
    path.write_text("Listen to this article\n3 min read\nUpdated 10:42 AM EST, Thu January 30, 2025\n"
                    "Published 3 hours ago\nZorblat bans the Quindle app\n"
                    "Updated guidance from Zorblat bars the Quindle app on staff laptops.\n"
                    "Our Standards: The Kestrel Trust Principles.\nPurchase Licensing Rights\n", encoding="utf-8")
    texts = [b.text for b in read_article(path).blocks]
    assert texts == ["Zorblat bans the Quindle app",
                     "Updated guidance from Zorblat bars the Quindle app on staff laptops."]


def test_a_city_dateline_closed_by_a_spaced_hyphen(tmp_path):
    """TOWN_DATELINE_RE: "AUSTIN - Texas ..." opens with a dateline (a city the gazetteer knows)."""
    path = tmp_path / "a.txt"
    path.write_text("Headline of the story\nAUSTIN - Zorblat Bank said on Monday it banned the Quindle app.\n",
                    encoding="utf-8")
    blocks = read_article(path).blocks
    assert [b.text for b in blocks[1:]] == ["AUSTIN", "Zorblat Bank said on Monday it banned the Quindle app."]
