"""``WarcReplayMiddleware``: answer every request from the archive's captures, never from the network.

``scrapy reextract`` runs the ordinary spider, page classes and pipelines with this downloader
middleware closest to the downloader: each request gets the newest capture of its URL, as the
server sent it (headers and body, still gzip-encoded if it was), so every other middleware
(robots.txt, redirects, retries, decompression) sees what it saw when the page was fetched. A
request for a URL that has no capture fails with ``NotCaptured``: no request leaves the machine.
The plain pages (article captures of a whole HTML page with status 200) are also handed to the spider
without the engine's scheduler and downloader (``read_captured``), through the same downloader middlewares'
``process_response`` chain the engine runs.
"""

from __future__ import annotations

import asyncio
import gzip
import logging
import sqlite3
import zlib
from collections import deque
from io import BytesIO
from pathlib import Path

import brotli
from isal import isal_zlib
from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Headers, Response, TextResponse
from scrapy.responsetypes import responsetypes
from sqlite_utils import Database
from warcio.archiveiterator import ArchiveIterator

from ..items import FetchOutcome
from ..middlewares import looks_complete
from ..storage.captures import capture_by_id, latest_captures
from ..urls import may_be_article
from .capture import warc_path

logger = logging.getLogger(__name__)

# Replaying: captured pages being read at once (enough to keep the workers busy while this process stores).
READ_AHEAD = 32


class NotCaptured(IgnoreRequest):
    """The archive holds no capture of this URL (within the chosen captures): nothing to replay."""


class CaptureUnreadable(IgnoreRequest):
    """The capture's record cannot be read: its WARC file is missing (moved, deleted) or damaged."""


def read_record(path: Path, offset: int, length: int):
    """The WARC record at ``offset``: (WARC headers, HTTP headers, raw payload), read by warcio."""
    with path.open("rb") as f:
        f.seek(offset)
        member = f.read(length)
    record = next(iter(ArchiveIterator(BytesIO(gzip.decompress(member)))))
    return record.rec_headers, record.http_headers, record.raw_stream.read()


class NotDecoded(ValueError):
    """A captured body that cannot be shown decoded: a coding that lies, one unknown, or one that decodes past the
    largest page the crawl accepts (a compression bomb)."""


def decoded(body: bytes, encoding: str | None, max_size: int) -> bytes:
    """The body as a browser shows it: the content coding the server applied, undone, never past ``max_size`` bytes
    (the crawl's DOWNLOAD_MAXSIZE): a 6 KB capture of a bomb is refused, not decoded into gigabytes."""
    coding = (encoding or "").strip().lower()
    if coding in ("", "identity"):
        return body
    if coding in ("gzip", "x-gzip"):
        return inflated(body, zlib.MAX_WBITS + 16, max_size)
    if coding == "deflate":
        try:
            return inflated(body, zlib.MAX_WBITS, max_size)
        except zlib.error:
            return inflated(body, -zlib.MAX_WBITS, max_size)
    if coding == "br":
        unbrotli = brotli.Decompressor()
        try:
            page = unbrotli.process(body, output_buffer_limit=max_size + 1)
        except brotli.error as exc:
            raise NotDecoded(f"its body is not the br it says it is ({exc})") from exc
        if len(page) > max_size:
            raise NotDecoded(f"its body decodes past {max_size:,} bytes (a compression bomb)")
        return page
    raise NotDecoded(f"its Content-Encoding {coding!r} is not one this tool decodes")


def inflated(body: bytes, wbits: int, max_size: int) -> bytes:
    inflate = zlib.decompressobj(wbits)
    page = inflate.decompress(body, max_size + 1)
    if len(page) > max_size:
        raise NotDecoded(f"its body decodes past {max_size:,} bytes (a compression bomb)")
    if not inflate.eof:
        raise zlib.error("incomplete or truncated stream")
    return page


def holder_of(db: Database, capture: dict) -> dict | None:
    """The capture whose record holds a capture's body: itself, or the one a revisit refers to (None if the
    archive does not hold it)."""
    return capture_by_id(db, capture["refers_to"]) if capture["kind"] == "revisit" else capture


def captured_page(db: Database, folder: Path, capture: dict, max_size: int):
    """The page a capture holds, as a Scrapy response decoded as the downloader decodes it, never past
    ``max_size`` bytes (DOWNLOAD_MAXSIZE; its body found in the capture it refers to, for a revisit). Raises
    ``OSError``, ``ValueError`` (``NotDecoded`` among them) or ``zlib.error`` for a record that cannot be read."""
    holder = holder_of(db, capture)
    if holder is None:
        raise ValueError(f"capture {capture['id']} refers to a capture the archive does not hold")
    _, http, body = read_record(warc_path(folder, holder["warc_file"]), holder["offset"], holder["length"])
    headers = Headers({k: v for k, v in http.headers if k.lower() != "content-encoding"})
    body = decoded(body, http.get_header("Content-Encoding"), max_size)
    cls = responsetypes.from_args(headers=headers, url=capture["url"], body=body)
    return cls(url=capture["url"], status=capture["status"], headers=headers, body=body)


def validators_of(db: Database, folder: Path, url: str) -> dict[str, str]:
    """The conditional headers that ask a site whether a stored article changed since the capture it was read from:
    ``If-None-Match`` from that response's ETag, ``If-Modified-Since`` from its Last-Modified. Empty where the
    capture said neither, or cannot be read (the request is then an ordinary one)."""
    row = db.execute("SELECT capture_id FROM articles WHERE url = ?", [url]).fetchone()
    capture = capture_by_id(db, row[0]) if row and row[0] else None
    if capture is None:
        return {}
    try:
        _, http, _ = read_record(warc_path(folder, capture["warc_file"]), capture["offset"], capture["length"])
    except (OSError, ValueError, EOFError, zlib.error, StopIteration):
        return {}
    found = {"If-None-Match": http.get_header("ETag"), "If-Modified-Since": http.get_header("Last-Modified")}
    return {name: value for name, value in found.items() if value}


def split_response_record(member: bytes) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """A response or revisit record of ours, quickly: (HTTP status, headers, raw payload).

    Our records are one gzip member each, WARC headers then HTTP headers then the payload (never
    chunked: the capture stores the body as the downloader gave it), so two splits read them; warcio
    parses the same bytes five times slower (measured: 2.6 ms a page against 0.5). ISA-L inflates a member in
    less than half the time zlib takes (0.03 ms a page against 0.07)."""
    data = isal_zlib.decompress(member, isal_zlib.MAX_WBITS + 16)
    warc_end = data.index(b"\r\n\r\n")
    length = 0
    for line in data[:warc_end].split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    block = data[warc_end + 4 : warc_end + 4 + length]
    http_end = block.find(b"\r\n\r\n")
    head, payload = (block[:http_end], block[http_end + 4 :]) if http_end >= 0 else (block, b"")
    status_line, *header_lines = head.split(b"\r\n")
    headers = [tuple(part.strip() for part in line.split(b":", 1)) for line in header_lines if b":" in line]
    return int(status_line.split(b" ", 2)[1]), headers, payload


class WarcReplayMiddleware:
    """Settings (defaults in ``settings.py``): ``REPLAY_FROM`` (the archive whose captures are replayed; empty: off),
    ``REPLAY_SINCE`` (only captures fetched at or after this ISO time), ``REPLAY_URL`` (only this URL)."""

    def __init__(self, crawler, source: Path, since: str, url: str):
        self.crawler = crawler
        self.folder = source.parent
        conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        self.source = Database(conn)
        self.captures = latest_captures(self.source, since or None, url or None)
        self.open_files: dict = {}
        self.unreadable_files: set[str] = set()  # WARC files that could not be read (each said once)
        self.unreadable: set[str] = set()  # IDs of the captures that could not be read (each counted once)
        self.read: set[str] = set()  # IDs of the captures read so far (a later page of a split post is read twice)

    @classmethod
    def from_crawler(cls, crawler):
        source = crawler.settings.get("REPLAY_FROM")
        if not source:
            raise NotConfigured("REPLAY_FROM is empty")
        if not Path(source).is_file():
            raise NotConfigured(f"REPLAY_FROM {source} is not a file")
        middleware = cls(
            crawler, Path(source), crawler.settings.get("REPLAY_SINCE"), crawler.settings.get("REPLAY_URL")
        )
        crawler.signals.connect(middleware.close, signal=signals.spider_closed)
        return middleware

    def close(self, spider=None) -> None:
        for f in self.open_files.values():
            f.close()
        self.open_files.clear()
        self.source.conn.close()

    def article_urls(self, base_url: str) -> list[str]:
        """Every captured URL that may be an article: asked for even where no replayed listing links to it."""
        return [url for url in self.captures if may_be_article(url, base_url)]

    def member(self, capture: dict) -> bytes:
        """The gzip member of a capture's record (files stay open for the run: one seek and read a page)."""
        name = capture["warc_file"]
        f = self.open_files.get(name)
        if f is None:
            f = self.open_files[name] = self.warc_path(name).open("rb")
        f.seek(capture["offset"])
        return f.read(capture["length"])

    def process_request(self, request, spider=None):
        capture = self.captures.get(request.url)
        if capture is None:
            raise NotCaptured(f"no capture of {request.url} to replay")
        self.replayed_one(capture)
        return self.response_for(request, capture)

    def record(self, capture: dict) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        """``split_response_record`` of a capture's record; ``CaptureUnreadable`` if its file is missing or the
        record damaged (each such file said once, in one line: how many captures it takes with it)."""
        try:
            return split_response_record(self.member(capture))
        except (OSError, ValueError, IndexError, isal_zlib.error) as exc:
            name = capture["warc_file"]
            if capture["id"] not in self.unreadable:  # a later page of a split post is asked for twice
                self.unreadable.add(capture["id"])
                self.crawler.stats.inc_value("replay/unreadable")
            if name not in self.unreadable_files:
                self.unreadable_files.add(name)
                self.crawler.stats.set_value("replay/unreadable_files", ", ".join(sorted(self.unreadable_files)))
                held = sum(c["warc_file"] == name for c in self.captures.values())
                logger.warning(
                    "WARC %s cannot be read (%s): its captures (%s of this replay) are not read", name, exc, held
                )
            raise CaptureUnreadable(f"capture {capture['id']} in {name} cannot be read: {exc}") from exc

    def response_for(self, request, capture: dict):
        """The response a capture holds, as the server sent it (still gzip-encoded if it was), for ``request``."""
        status, header_lines, body = self.record(capture)
        if capture["kind"] == "revisit":  # unchanged: the body is in the capture it refers to
            original = capture_by_id(self.source, capture["refers_to"])
            body = self.record(original)[2] if original else b""
        headers = Headers()
        for name, value in header_lines:
            headers.appendlist(name, value)
        cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        request.meta["capture_id"] = capture["id"]
        return cls(url=request.url, status=status, headers=headers, body=body, request=request, protocol="HTTP/1.1")

    def replayed_one(self, capture: dict) -> None:
        """Counted: ``replay/responses``, every response made from a capture; ``replay/captures``, the captures
        read (what the run's summary and progress line say)."""
        self.crawler.stats.inc_value("replay/responses")
        if capture["id"] not in self.read:
            self.read.add(capture["id"])
            self.crawler.stats.inc_value("replay/captures")

    async def as_the_spider_gets_it(self, request):
        """The response of a plain page's capture as the downloader middlewares hand it to the spider in a crawl:
        through every ``process_response`` of the crawl's downloader middlewares, in the engine's order (Scrapy's
        own chain: decompression, charset repair, retries, redirects...), or None when the engine's whole path must
        say what becomes of it (a middleware answered with a request: a page cut short, which is fetched again)."""
        capture = self.captures[request.url]
        response = self.response_for(request, capture)
        chain = self.crawler.engine.downloader.middleware
        response = await chain._process_response(response, request)  # noqa: SLF001 - the engine's own chain, not a copy
        if not isinstance(response, Response):
            return None
        if response.status != 200 or not isinstance(response, TextResponse) or not looks_complete(response):
            return None
        self.replayed_one(capture)
        return response

    async def read_captured(self, urls: list[str], article_request, parse_article):
        """Plain captured pages read as if fetched, ``READ_AHEAD`` at a time (the workers read them while this
        process stores), without the engine's per-request work; their outputs in order. A page the shortcut cannot
        answer for (cut short) or whose reading raises goes through the engine instead (``article_request``)."""
        reading: deque = deque()

        async def outputs(url, response) -> list:
            try:
                return [out async for out in parse_article(response)]
            except Exception:  # noqa: BLE001 - the engine's path reports a callback's exception as it does in a crawl
                return [article_request(url, dont_filter=True)]

        for url in urls:
            request = article_request(url)
            try:
                response = await self.as_the_spider_gets_it(request)
            except CaptureUnreadable as exc:
                yield FetchOutcome(url, "capture_unreadable", str(exc)[:500])
                continue
            except Exception:  # noqa: BLE001 - a middleware refused the page (a bomb, a lying Content-Encoding)
                # The engine's path records it as the crawl did (its errback), and the others are read on.
                yield request.replace(dont_filter=True)
                continue
            if response is None:
                yield request.replace(dont_filter=True)
                continue
            reading.append(asyncio.ensure_future(outputs(url, response)))
            if len(reading) >= READ_AHEAD:
                for out in await reading.popleft():
                    yield out
        while reading:
            for out in await reading.popleft():
                yield out

    def plain_pages(self, base_url: str) -> list[str]:
        """Captured article pages that answered 200 with HTML: what the spider may read straight from the capture,
        without a trip through the engine (``SuaraposSpider.read_captured``)."""
        return [
            url
            for url in self.article_urls(base_url)
            if self.captures[url]["status"] == 200 and "html" in (self.captures[url]["content_type"] or "text/html")
        ]

    def warc_path(self, name: str) -> Path:
        return warc_path(self.folder, name)
