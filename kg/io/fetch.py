"""Download news pages, or the items of RSS and Atom feeds, into a corpus folder.

``kg fetch`` is the only part of kg that uses the network; ``kg build`` reads
what it saved. Each page is saved as it was served (re-encoded as UTF-8 when
the server names a charset the bytes are not UTF-8 in) to
``CORPUS/<host-and-path>-<8 hex digits of the URL's SHA-1>.html``, and gets a
row in ``CORPUS/metadata.jsonl`` (the format :mod:`kg.io.metadata` reads: file,
headline, publisher, published, url). A feed item's row has the item's title,
the feed's title as publisher and the item's date; a page's row has only its
URL (``kg build`` takes the rest from the page). Rows of other files are kept;
fetching a URL again replaces its file and row.

Politeness: every request carries :data:`USER_AGENT`; robots.txt (RFC 9309,
read with :mod:`urllib.robotparser`; 401/403 forbid the whole host, other 4xx
allow it, 5xx and no answer forbid it for this run) is obeyed, and so is a
Crawl-delay longer than the interval; requests to one host (robots.txt
included) start at least :data:`REQUEST_INTERVAL` seconds after the previous
one started and after it ended; every request
has a timeout. A URL that fails is reported and the others go on.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .. import __version__
from ..errors import Errors, InputError, KgError, Message
from .corpus import web_charset
from .metadata import COLUMNS, valid_date, valid_url

#: The User-Agent of every request: kg and its version.
USER_AGENT = f"kg/{__version__} (news knowledge-graph builder; python-urllib)"
#: The product token robots.txt rules are matched against.
ROBOTS_AGENT = "kg"
#: Least seconds between two requests to the same host (from the start and from the end of the previous one).
REQUEST_INTERVAL = 1.0
#: Seconds a connection or a read may take before the request fails.
TIMEOUT = 30.0
#: Largest response kept, in bytes; a larger one fails.
MAX_BYTES = 20 * 1024 * 1024
#: Longest file name stem made from a URL (before the hash).
MAX_STEM = 80
_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5")


class FetchError(KgError):
    """One URL could not be downloaded or saved; the message says why.

    Args:
        code, message, fields: as for :class:`kg.errors.KgError`.
        status: the HTTP status of the answer, or 0 when there was none.
    """

    def __init__(self, code: Message | str, message: str | None = None, status: int = 0, **fields):
        super().__init__(code, message, status=status, **fields)
        self.status = status


class HostLimiter:
    """Spaces the requests to each host: a request to a host starts at least
    ``interval`` seconds after the previous one started (:meth:`wait`) and,
    once told (:meth:`finished`), after it ended; requests to other hosts do
    not wait.

    Args:
        interval: seconds (default: :data:`REQUEST_INTERVAL` when the limiter is made).
        clock: a monotonic clock in seconds (injectable for tests).
        sleep: waits a number of seconds (injectable for tests).
    """

    def __init__(self, interval: float | None = None, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.interval = REQUEST_INTERVAL if interval is None else interval
        self.clock = clock
        self.sleep = sleep
        self._last: dict[str, float] = {}
        self._interval: dict[str, float] = {}

    def slow_down(self, host: str, interval: float) -> None:
        """Space the requests to ``host`` at least ``interval`` seconds apart (a robots.txt Crawl-delay)."""
        self._interval[host.lower()] = max(interval, self._interval.get(host.lower(), 0.0))

    def finished(self, host: str) -> None:
        """Count the request to ``host`` as ended now: the next one starts at least
        the interval after it ended, so a server sees its requests that far apart
        however long the connection took."""
        self._last[host.lower()] = self.clock()

    def wait(self, host: str) -> None:
        """Block until a request to ``host`` may start, and count it as started."""
        host = host.lower()
        last = self._last.get(host)
        gap = max(self.interval, self._interval.get(host, 0.0))
        if last is not None:
            left = last + gap - self.clock()
            if left > 0:
                self.sleep(left)
        self._last[host] = self.clock()


@dataclass
class Response:
    """A downloaded resource: the URL after redirects, its media type (lower
    case, without parameters), the charset the server named ("" if none), and
    the body."""

    url: str
    content_type: str
    charset: str
    body: bytes


class Fetcher:
    """Polite HTTP GET: User-Agent, robots.txt, per-host spacing, timeout, size limit.

    Args:
        limiter: the per-host limiter (default: :data:`REQUEST_INTERVAL` seconds).
        timeout: seconds per request (:data:`TIMEOUT`).
        max_bytes: largest body accepted (:data:`MAX_BYTES`).
    """

    def __init__(self, limiter: HostLimiter | None = None, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES):
        self.limiter = limiter or HostLimiter()
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._robots: dict[str, RobotFileParser | FetchError] = {}

    def get(self, url: str) -> Response:
        """Download ``url`` if robots.txt allows it.

        Raises:
            FetchError: E091 forbidden by robots.txt, E166 robots.txt could
                not be read; E092 an HTTP error status; E093 a timeout; E167
                no connection; E168 another failed download; E169 a body
                larger than ``max_bytes``.
        """
        self._check_robots(url)
        return self._request(url)

    def _request(self, url: str) -> Response:
        host = urlsplit(url).netloc
        self.limiter.wait(host)
        try:
            return self._download(url)
        finally:
            self.limiter.finished(host)

    def _download(self, url: str) -> Response:
        req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                body = resp.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise FetchError(Errors.E169, url=url, limit=self.max_bytes)
                ctype = resp.headers.get_content_type() if resp.headers.get("Content-Type") else ""
                return Response(resp.geturl(), ctype, resp.headers.get_content_charset() or "", body)
        except urllib.error.HTTPError as exc:
            raise FetchError(Errors.E092, url=url, status=exc.code, reason=exc.reason) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise FetchError(Errors.E093, url=url, timeout=self.timeout) from None
            raise FetchError(Errors.E167, url=url, reason=reason) from None
        except TimeoutError:
            raise FetchError(Errors.E093, url=url, timeout=self.timeout) from None
        except (OSError, ValueError) as exc:  # a dropped connection, a malformed answer or URL
            raise FetchError(Errors.E168, url=url, error=exc) from None

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(base)
        if robots is None:
            robots = self._robots[base] = self._read_robots(base)
        if isinstance(robots, FetchError):
            raise FetchError(robots.code, f"{url}: {robots.message}")
        if not robots.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(Errors.E091, url=url, host=parts.netloc)
        delay = robots.crawl_delay(ROBOTS_AGENT)
        if delay:
            self.limiter.slow_down(parts.netloc, float(delay))

    def _read_robots(self, base: str) -> RobotFileParser | FetchError:
        robots = RobotFileParser(base + "/robots.txt")
        try:
            resp = self._request(base + "/robots.txt")
        except FetchError as exc:
            if exc.status in (401, 403):
                robots.disallow_all = True  # type: ignore[attr-defined]  # set by read() too; typeshed omits it
            elif 400 <= exc.status < 500:
                robots.allow_all = True  # type: ignore[attr-defined]
            else:
                return FetchError(Errors.E166, host=urlsplit(base).netloc,
                                  reason=exc.message.split(": ", 1)[-1].split("; ")[0].rstrip("."))
            return robots
        robots.parse(resp.body.decode("utf-8", "replace").splitlines())
        return robots


@dataclass
class FetchResult:
    """What :func:`fetch` did.

    Attributes:
        saved: names of the files written in the corpus folder, in order.
        failed: ``(url or source, message)`` for each URL or source that failed.
    """

    saved: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def file_name(url: str) -> str:
    """The corpus file name of a downloaded page: host and path as a slug,
    then 8 hex digits of the URL's SHA-1 (so two URLs never share a file).

    >>> file_name("https://news.example.com/2025/03/zentrix-bans?id=2")
    'news-example-com-2025-03-zentrix-bans-id-2-097fbdf2.html'
    """
    parts = urlsplit(url)
    stem = re.sub(r"[^a-z0-9]+", "-", f"{parts.netloc}{parts.path}?{parts.query}".lower()).strip("-")
    stem = stem[:MAX_STEM].rstrip("-") or "page"
    return f"{stem}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:8]}.html"


def fetch(sources: list[str], corpus: Path, fetcher: Fetcher | None = None,
          report: Callable[[str, str, str], None] | None = None) -> FetchResult:
    """Download pages and feed items into a corpus folder (see the module).

    Args:
        sources: http(s) URLs of article pages or of RSS/Atom feeds, or paths
            of feed files on disk.
        corpus: the corpus folder; created if missing.
        fetcher: the :class:`Fetcher` (default: a polite one).
        report: called with ``(url, file name, "")`` after each page is
            saved and ``(url or source, "", error message)`` after each failure.

    Returns:
        A :class:`FetchResult`.

    Raises:
        InputError: E160 when ``corpus`` is a file; E066 when it holds
            ``metadata.csv`` (kg fetch writes ``metadata.jsonl``; a folder may
            have one of them); E162, E163, E164 for an unreadable
            ``metadata.jsonl``; E161 when the folder cannot be created, E165
            when a file cannot be written.
    """
    fetcher = fetcher or Fetcher()
    report = report or (lambda url, name, error: None)
    rows = _prepare(corpus)
    result = FetchResult()
    try:
        for source in sources:
            try:
                items = _items(source, fetcher)
            except FetchError as exc:
                result.failed.append((source, exc.message))
                report(source, "", str(exc))
                continue
            for url, meta in items:
                try:
                    name, row = _save(url, meta, fetcher, corpus)
                except FetchError as exc:
                    result.failed.append((url, exc.message))
                    report(url, "", str(exc))
                    continue
                rows[name] = row
                result.saved.append(name)
                report(url, name, "")
    finally:
        _write_rows(corpus, rows)
    return result


def _prepare(corpus: Path) -> dict[str, dict]:
    """Create the corpus folder and read the rows of its metadata.jsonl (file -> row)."""
    if corpus.exists() and not corpus.is_dir():
        raise InputError(Errors.E160, path=corpus)
    if (corpus / "metadata.csv").exists():
        raise InputError(Errors.E066, path=corpus)
    try:
        corpus.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(Errors.E161, path=corpus, reason=exc.strerror) from exc
    path = corpus / "metadata.jsonl"
    rows: dict[str, dict] = {}
    if not path.exists():
        return rows
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Errors.E162, path=path, error=exc) from exc
    for line, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(Errors.E163, path=path, line=line, error=exc.msg) from exc
        if not isinstance(row, dict) or not isinstance(row.get("file"), str):
            raise InputError(Errors.E164, path=path, line=line)
        rows[row["file"]] = row
    return rows


def _write_rows(corpus: Path, rows: dict[str, dict]) -> None:
    """Write metadata.jsonl: one row per file, sorted by file name (atomically)."""
    if not rows:
        return
    from .output import write_temp

    data = "".join(json.dumps(rows[name], ensure_ascii=False) + "\n" for name in sorted(rows)).encode("utf-8")
    try:
        os.replace(write_temp(corpus, "metadata.jsonl", data), corpus / "metadata.jsonl")
    except OSError as exc:
        raise InputError(Errors.E165, path=corpus / "metadata.jsonl", reason=exc.strerror) from exc


def _is_feed(resp: Response) -> bool:
    if "html" in resp.content_type:
        return False
    if any(word in resp.content_type for word in ("rss", "atom", "xml")):
        return True
    return resp.body.lstrip()[:300].lower().startswith((b"<?xml", b"<rss", b"<feed", b"<rdf"))


def _items(source: str, fetcher: Fetcher) -> list[tuple[str, dict]]:
    """The pages a source stands for: ``[(url, metadata row without file)]``;
    a page URL stands for itself (its response is kept in the row as ``_response``)."""
    if urlsplit(source).scheme in ("http", "https"):
        resp = fetcher.get(source)
        if not _is_feed(resp):
            return [(source, {"_response": resp})]
        return _feed_items(resp.body, resp.url, source, resp.content_type)
    path = Path(source)
    if not path.is_file():
        raise FetchError(Errors.E094, source=source)
    try:
        return _feed_items(path.read_bytes(), None, source, "")
    except OSError as exc:
        raise FetchError(Errors.E170, source=source, reason=exc.strerror) from None


def _feed_items(body: bytes, base: str | None, source: str, ctype: str) -> list[tuple[str, dict]]:
    import feedparser

    headers = {"content-type": ctype or "application/xml"}
    if base:
        headers["content-location"] = base
    feed = feedparser.parse(body, response_headers=headers, sanitize_html=False, resolve_relative_uris=True)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.bozo else ""
        raise FetchError(Errors.E171, source=source, why=why)
    publisher = " ".join(feed.feed.get("title", "").split())
    items = []
    for entry in feed.entries:
        link = entry.get("link", "")
        if not valid_url(link):
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", when) if when else ""
        items.append((link, {"headline": " ".join(entry.get("title", "").split()), "publisher": publisher,
                             "published": published if valid_date(published) else ""}))
    if not items:
        raise FetchError(Errors.E172, source=source)
    return items


def _save(url: str, meta: dict, fetcher: Fetcher, corpus: Path) -> tuple[str, dict]:
    """Download one page (unless already downloaded) and write it; returns its file name and metadata row."""
    resp = meta.get("_response") or fetcher.get(url)
    if resp.content_type and "html" not in resp.content_type:
        raise FetchError(Errors.E173, url=url, content_type=resp.content_type)
    body = resp.body
    charset = web_charset(resp.charset) if resp.charset else None
    if charset:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            try:
                body = body.decode(charset).encode("utf-8")
            except UnicodeDecodeError:
                pass  # kept as served; kg build detects its encoding
    page_url = resp.url if valid_url(resp.url) else url
    name = file_name(page_url)
    from .output import write_temp

    try:
        os.replace(write_temp(corpus, name, body), corpus / name)
    except OSError as exc:
        raise FetchError(Errors.E165, path=corpus / name, reason=exc.strerror) from None
    row = {"file": name, "headline": meta.get("headline") or None, "publisher": meta.get("publisher") or None,
           "published": meta.get("published") or None, "url": page_url if valid_url(page_url) else None}
    return name, {k: row[k] for k in COLUMNS}
