"""kg.io.invisible: the precomputed table of invisible characters is Unicode's Cc and Cf without TAB."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from kg.io.invisible import INVISIBLE, RANGES, UNICODE_VERSION


def test_every_character_of_the_table_is_a_control_or_format_character():
    for first, last in RANGES:
        for cp in range(first, last + 1):
            assert unicodedata.category(chr(cp)) in ("Cc", "Cf"), hex(cp)
    assert INVISIBLE.sub("", "a\u200bb\u202ec\ufeffd\te\x00") == "abcd\te"


@pytest.mark.skipif(unicodedata.unidata_version != UNICODE_VERSION,
                    reason=f"the table is Unicode {UNICODE_VERSION}'s")
def test_the_table_is_the_scan_of_every_code_point():
    ranges: list[list[int]] = []
    for cp in range(sys.maxunicode + 1):
        if cp != 9 and unicodedata.category(chr(cp)) in ("Cc", "Cf"):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    assert [tuple(r) for r in ranges] == list(RANGES)


def test_the_corpus_reader_drops_the_same_characters():
    from kg.io.corpus import INVISIBLE as corpus_invisible

    assert corpus_invisible.pattern == INVISIBLE.pattern
