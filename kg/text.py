"""Read articles from a corpus folder and cut them into text blocks.

An article is a UTF-8 ``.txt`` file. A *block* is one non-empty line of it
(a paragraph, a headline, or a bullet with its marker removed). Blocks are
parsed separately, so a named entity never spans two lines, and every block
keeps its character offset into the article so that evidence offsets are
offsets into the article text as stored (0-based, end-exclusive, counted in
Unicode code points of the decoded text).
"""

from __future__ import annotations

import bisect
import hashlib
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from .metadata import ArticleMetadata

#: "SEOUL, May 2, 2025 (Wire) — " at the start of an article: place, date, optional source.
DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}),\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"(?:\s*\([^)]{0,60}\))?\s*[\u2014\u2013-]+\s*"
    r"|^(?P<bare>[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+){0,3})(?:\s*\([^)]{0,60}\)\s+[-\u2014\u2013]+|\s+[\u2014\u2013]+)\s*")
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
    r"|thank you\b|visit our\b)", re.I)
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


def _invisible_class() -> str:
    """A regex character class of the Unicode control (Cc) and format (Cf)
    characters except TAB: C0/C1 controls, zero-width, bidi and BOM
    (Unicode General Category, UAX #44 section 5.7.1)."""
    ranges: list[list[int]] = []
    for cp in range(sys.maxunicode + 1):
        if cp != 9 and unicodedata.category(chr(cp)) in ("Cc", "Cf"):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) + "]"


#: Invisible characters: dropped from names, labels and the text the parser sees.
INVISIBLE = re.compile(_invisible_class())


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

    def __post_init__(self) -> None:
        if len(self.parse_text) != len(self.text):
            self.parse_text = self.text

    def offset(self, i: int) -> int:
        """Article offset (0-based) of ``text[i]``; ``offset(len(text))`` is the end of the block."""
        return self.start + i + bisect.bisect_right(self.removed, i)

    def end_offset(self, i: int) -> int:
        """Article offset just after ``text[i - 1]`` (for end-exclusive spans)."""
        return self.offset(i - 1) + 1 if i > 0 else self.offset(0)

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
        identifier: file name without extension (used in IRIs and ``dcterms:identifier``).
        text: the decoded text, exactly as stored (BOM removed).
        sha256: hex digest of the file's bytes.
        blocks: the article cut into :class:`Block` objects.
        dateline: the date of a dateline ("SEOUL, May 2, 2025 —"), as written, or "";
            when there is none, the ``published`` date of the corpus metadata
            file in the same form ("May 2, 2025", see :func:`kg.metadata.apply_metadata`).
        metadata: the article's row of the corpus metadata file, or None.
    """

    path: Path
    identifier: str
    text: str
    sha256: str
    blocks: list[Block] = field(default_factory=list)
    dateline: str = ""
    metadata: ArticleMetadata | None = None

    @property
    def title(self) -> str:
        """First block of the article, taken as its headline."""
        return self.blocks[0].text if self.blocks else ""


def decode(data: bytes, path: Path, encoding: str | None = None) -> str:
    """Decode an article's bytes.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are recognized; any other
    encoding must be named.

    Raises:
        InputError: E030 when the bytes are not valid in the encoding, naming
            the file and the byte offset.
    """
    if encoding:
        enc = encoding
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16"
    else:
        enc = "utf-8-sig"
    try:
        return data.decode(enc)
    except UnicodeDecodeError as exc:
        raise InputError("E030", f"{path}: not valid {enc} at byte offset {exc.start}; "
                         "pass --encoding (for example --encoding latin-1) or re-save the file as UTF-8.") from exc


def split_blocks(text: str) -> list[Block]:
    """Cut text into blocks, one per non-empty line.

    A lone bullet marker on its own line ("-") is skipped. Headings are short
    lines (at most 16 words) that do not end in sentence punctuation.
    """
    blocks: list[Block] = []
    pos = 0
    for line in text.splitlines(keepends=True):
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
        heading = (not bullet and len(words) <= 16 and stripped[-1] not in ".!?\"”’'")
        for offset, piece in _chunks(stripped):
            blocks.append(_clean_block(start + offset, piece, heading, bullet))
    return [b for b in blocks if b.text.strip()]


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


def read_article(path: Path, encoding: str | None = None) -> Article | None:
    """Read one article file.

    Returns:
        The :class:`Article`, or None when the file is empty, whitespace only or
        binary (contains NUL bytes); the caller warns about skipped files.

    Raises:
        InputError: E030 for undecodable bytes, E031 when the file cannot be read.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("E031", f"{path}: cannot read ({exc.strerror}).") from exc
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    text = decode(data, path, encoding)
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
    for i, block in enumerate(blocks[:8]):
        m = DATELINE_RE.match(block.text)
        if m:
            dateline = m.group("date") or dateline
            blocks[i] = block.tail(m.end())
            blocks[i].heading = False
            break
    blocks = _strip_furniture(blocks)
    recase_headlines(blocks)
    return Article(path=path, identifier=path.stem, text=text, sha256=hashlib.sha256(data).hexdigest(),
                   blocks=blocks, dateline=dateline)


_WORD_RE = re.compile(r"[^\W\d_][\w'’.-]*")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"“”]\s+|\s[-–—]\s+)$")


def recase_headlines(blocks: list[Block]) -> None:
    """Give each title-case headline ("Lenders Restrict Use Over Privacy Fears") a
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
    for b in heads:
        chars = list(b.text)
        for n, m in enumerate(_WORD_RE.finditer(b.text)):
            w = m.group(0)
            if n == 0 or not w[0].isupper() or any(c.isupper() for c in w[1:]):
                continue
            key = w.lower()
            if key in STOP_WORDS or _stem(w) in lower and key not in named:
                chars[m.start()] = w[0].lower()
        b.parse_text = "".join(chars)


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
        if ends:
            kept[-1] = Block(last.start, last.text[:ends[-1].end()].rstrip(), False, last.bullet, last.removed)
        else:
            kept.pop()
    return kept


def list_corpus(corpus: Path) -> list[Path]:
    """The ``.txt`` files directly in a corpus folder, sorted by name.

    Raises:
        InputError: E032 when the folder does not exist or holds no ``.txt`` file.
    """
    if not corpus.is_dir():
        raise InputError("E032", f"{corpus}: not a folder; give the folder that holds the .txt articles.")
    files = sorted(p for p in corpus.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
    if not files:
        raise InputError("E032", f"{corpus}: no .txt articles found.")
    return files
