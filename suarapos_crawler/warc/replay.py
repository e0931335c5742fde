"""``WarcReplayMiddleware``: answer every request from the archive's captures, never from the network.

``scrapy reextract`` runs the ordinary spider, page classes and pipelines with this downloader
middleware closest to the downloader: each request gets the newest capture of its URL, as the
server sent it (headers and body, still gzip-encoded if it was), so every other middleware
(robots.txt, redirects, retries, decompression) sees what it saw when the page was fetched. A
request for a URL that has no capture fails with ``NotCaptured``: no request leaves the machine.
The plain pages (article captures of a whole HTML page with status 200) never reach the engine: the
page-reading workers read them straight from their WARC files (``read_captured``, ``warc/reread.py``), and
their readings go to the spider's own callback logic in order.
"""

from __future__ import annotations

import asyncio
import gzip
import logging
import sqlite3
import zlib
from collections import deque
from dataclasses import replace
from io import BytesIO
from pathlib import Path

from isal import isal_zlib
from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes
from sqlite_utils import Database
from warcio.archiveiterator import ArchiveIterator

from ..items import FetchOutcome
from ..paths import project_file
from ..storage.captures import capture_by_id, latest_captures
from ..urls import canonical_url, may_be_article
from .capture import warc_path
from .records import decoded, split_response_record
from .reread import CapturesReading, CaptureTask, runs_of_one_file

logger = logging.getLogger(__name__)

# Replaying: runs of captures being read at once, per worker (one being read, one waiting: a worker never idles
# while this process stores).
RUNS_IN_FLIGHT = 2


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
        record damaged."""
        try:
            return split_response_record(self.member(capture))
        except (OSError, ValueError, IndexError, isal_zlib.error) as exc:
            raise self.unreadable_capture(capture, str(exc)) from exc

    def unreadable_capture(self, capture: dict, why: str) -> CaptureUnreadable:
        """A capture whose record cannot be read, counted (each such file said once, in one line: how many captures
        it takes with it)."""
        name = capture["warc_file"]
        if capture["id"] not in self.unreadable:  # a later page of a split post is asked for twice
            self.unreadable.add(capture["id"])
            self.crawler.stats.inc_value("replay/unreadable")
        if name not in self.unreadable_files:
            self.unreadable_files.add(name)
            self.crawler.stats.set_value("replay/unreadable_files", ", ".join(sorted(self.unreadable_files)))
            held = sum(c["warc_file"] == name for c in self.captures.values())
            logger.warning(
                "WARC %s cannot be read (%s): its captures (%s of this replay) are not read", name, why, held
            )
        return CaptureUnreadable(f"capture {capture['id']} in {name} cannot be read: {why}")

    def response_for(self, request, capture: dict):
        """The response a capture holds, as the server sent it (still gzip-encoded if it was), for ``request``."""
        status, header_lines, body = self.record(capture)
        holder = holder_of(self.source, capture)
        if holder is not capture:  # a revisit, unchanged: the body is in the capture it refers to
            body = self.record(holder)[2] if holder else b""
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

    def capture_task(self, url: str) -> CaptureTask:
        """Where a capture's record is (and, for a revisit, the record that holds its body)."""
        capture = self.captures[url]
        task = CaptureTask(url, str(self.warc_path(capture["warc_file"])), capture["offset"], capture["length"])
        holder = holder_of(self.source, capture)
        if holder is capture:
            return task
        if holder is None:
            return replace(task, body_missing=True)
        return replace(task, body_from=(str(self.warc_path(holder["warc_file"])), holder["offset"], holder["length"]))

    async def read_captured(self, urls: list[str], reader, article_request, article_read):
        """Plain captured pages read straight from their WARC files by the page-reading workers (``reader``: the
        crawl's ``PageReaders``; ``warc/reread.py``), a run of one file's captures a task, several runs at once;
        the readings' outputs (``article_read``) in the order of ``urls``, from this process, the one writer. A
        page only the engine can answer for (cut short, another coding), or whose outputs raise, goes through
        the engine instead (``article_request``)."""
        max_size = self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
        gazetteer_path = project_file(self.crawler.settings.get("QUOTES_GAZETTEER_PATH")) or None
        base_url = self.crawler.spider.base_url
        in_flight: deque = deque()
        for run in runs_of_one_file(self.capture_task(url) for url in urls):
            in_flight.append(asyncio.ensure_future(reader.read_captures(run, base_url, max_size, gazetteer_path)))
            if len(in_flight) >= RUNS_IN_FLIGHT * max(reader.processes, 1):
                for out in self.outputs(await in_flight.popleft(), article_request, article_read):
                    yield out
        while in_flight:
            for out in self.outputs(await in_flight.popleft(), article_request, article_read):
                yield out

    def outputs(self, reading: CapturesReading, article_request, article_read):
        """What a run of captures gives the crawl, capture by capture, as the engine's path would have given it."""
        stats = self.crawler.stats
        for result in reading.results:
            capture = self.captures[result.url]
            if result.outcome == "unreadable":
                yield FetchOutcome(
                    result.url, "capture_unreadable", str(self.unreadable_capture(capture, result.detail))[:500]
                )
                continue
            if result.outcome == "engine":
                yield article_request(result.url, dont_filter=True)
                continue
            self.replayed_one(capture)
            stats.inc_value("replay/read_from_warc")
            for name, count in result.counts.items():
                stats.inc_value(name, count)
            try:
                outs = list(
                    article_read(
                        canonical_url(result.url, self.crawler.spider.base_url), result.reading, 200, capture["id"]
                    )
                )
            except Exception:  # noqa: BLE001 - the engine's path reports a callback's exception as it does in a crawl
                outs = [article_request(result.url, dont_filter=True)]
            yield from outs

    def plain_pages(self, base_url: str) -> list[str]:
        """Captured article pages that answered 200 with HTML: what the spider may read straight from the capture,
        without a trip through the engine (``read_captured``)."""
        return [
            url
            for url in self.article_urls(base_url)
            if self.captures[url]["status"] == 200 and "html" in (self.captures[url]["content_type"] or "text/html")
        ]

    def warc_path(self, name: str) -> Path:
        return warc_path(self.folder, name)
