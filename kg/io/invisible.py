"""Invisible characters as a precomputed table: the Unicode control (Cc) and
format (Cf) characters except TAB (C0/C1 controls, zero-width, bidi, BOM;
Unicode General Category, UAX #44 section 5.7.1), so that no module scans
every code point at import.

The table is Unicode 14.0's (Python 3.11's ``unicodedata``); a test compares it
with ``unicodedata`` when the running Python has that version. A fixed table
also keeps the output the same under another Python.
"""

from __future__ import annotations

import re

#: The Unicode version the table was computed from.
UNICODE_VERSION = "14.0.0"

#: Inclusive code point ranges of the Cc and Cf characters except TAB (U+0009).
RANGES: tuple[tuple[int, int], ...] = (
    (0x0000, 0x0008), (0x000A, 0x001F), (0x007F, 0x009F), (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C),
    (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F),
    (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x13438), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)


def character_class(ranges: tuple[tuple[int, int], ...] = RANGES) -> str:
    """A regex character class of ``ranges``.

    >>> character_class(((0x41, 0x43), (0x5F, 0x5F)))
    '[A-C_]'
    """
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"


#: Invisible characters: dropped from names, labels and the text the parser sees.
INVISIBLE = re.compile(character_class())
