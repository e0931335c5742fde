"""Reading fetched pages (articles and listings): in the crawling process, or in worker processes beside it.

Setting ``EXTRACT_PROCESSES`` (default 0: read every page in the crawling process).
With N > 0, pages are parsed and read in N worker processes while Scrapy goes on
fetching, so a fast crawl (a local copy, a backfill without download delay) on a
machine with a spare core is bound by fetching rather than by reading. The live
site's politeness leaves the crawler idle most of the time, so its default is 0;
the spider sets 1 for a site served on this machine (see ``LOOPBACK_SETTINGS``).

A worker that dies (out of memory, a crash in libxml2) loses nothing: the page it
held, and every later one, is read in the crawling process instead.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import re
import resource
import signal
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from scrapy.http import HtmlResponse

from .items import Article
from .pages.article import ArticlePage
from .pages.listing import ListingPage

logger = logging.getLogger(__name__)

# The same bare opening tag hundreds of times in a row: no text, no attributes, only depth.
DEEP_NESTING = re.compile(rb"<(div|span|p|b|i|font)>\s*(?:<\1>\s*){199,}", re.I)


def flatten_deep_nesting(body: bytes) -> bytes | None:
    """The page with runs of hundreds of bare opening tags cut to one (they carry no text), or None."""
    if not DEEP_NESTING.search(body):
        return None
    return DEEP_NESTING.sub(lambda m: b"<" + m.group(1) + b">", body)


@dataclass
class PageReading:
    """What reading one article page gave: the article, or why there is none."""

    article: Article | None = None
    not_article: str | None = None
    """Why the page is not an article page (a static page, an archive...)."""
    error: str | None = None
    """The exception that stopped the reading, and its traceback."""
    flattened: bool = False
    """The page was nested thousands deep and was read from a flattened copy (libxml2 drops such a document)."""
    worker: tuple[int, float, float] | None = None
    """Read in a worker process: its PID, CPU seconds and peak RSS (MiB) so far (its parent cannot see them)."""


def read_page(url: str, body: bytes, encoding: str, base_url: str) -> PageReading:
    """Parse one fetched page once and read its article. No I/O; runs in any process."""
    flat = flatten_deep_nesting(body)
    reading = PageReading(flattened=flat is not None)
    page = ArticlePage(HtmlResponse(url, body=flat or body, encoding=encoding), base_url)
    try:
        if page.is_article():
            reading.article = page.to_item()
        else:
            reading.not_article = page.why_not_article()
    except Exception:  # noqa: BLE001 - a page we cannot read is recorded by the caller, never dropped
        reading.error = traceback.format_exc(limit=8)
    return reading


@dataclass
class ListingReading:
    """What a home or section page lists, and where its next page is."""

    article_urls: list[str]
    section_urls: list[str]
    """The sections of the main menu (read on the home page only)."""
    next_page_url: str | None
    current_page: int
    worker: tuple[int, float, float] | None = None


def read_listing(url: str, body: bytes, encoding: str, base_url: str, with_sections: bool = False) -> ListingReading:
    """Parse one home or section page once and read what it lists. No I/O; runs in any process."""
    page = ListingPage(HtmlResponse(url, body=body, encoding=encoding), base_url)
    return ListingReading(page.article_urls(), page.section_urls() if with_sections else [],
                          None if with_sections else page.next_page_url(), page.current_page())


def _worker_started() -> None:
    # Ctrl-C reaches the whole process group: only the crawl decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _in_worker(read, *args):
    reading = read(*args)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    reading.worker = (os.getpid(), usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
    return reading


class PageReader:
    """Reads article pages for the spider, in worker processes when ``EXTRACT_PROCESSES`` > 0."""

    def __init__(self, processes: int, crawler=None):
        self.processes = processes
        self.crawler = crawler  # its stats exist once the crawl starts, after the spider is built
        self.pool: ProcessPoolExecutor | None = None
        self.workers: dict[int, tuple[float, float]] = {}  # PID -> (CPU seconds, peak RSS MiB)
        if processes > 0:
            # spawn: a worker is never forked from the crawl's threads (the reactor's, SQLite's), and as a
            # child of the crawl, joined at the end, its CPU time and memory count in the crawl's own rusage.
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(processes, mp_context=context, initializer=_worker_started)

    @classmethod
    def from_crawler(cls, crawler) -> PageReader:
        processes = crawler.settings.getint("EXTRACT_PROCESSES", 0)
        if processes < 0:
            raise ValueError(f"EXTRACT_PROCESSES must be 0 or more, not {processes}")
        return cls(processes, crawler)

    async def read_article(self, response, base_url: str) -> PageReading:
        return await self._read(read_page, response.url, response.body, response.encoding, base_url)

    async def read_listing(self, response, base_url: str, with_sections: bool = False) -> ListingReading:
        return await self._read(read_listing, response.url, response.body, response.encoding, base_url, with_sections)

    async def _read(self, read, *args):
        if self.pool is not None:
            try:
                reading = await asyncio.wrap_future(self.pool.submit(_in_worker, read, *args))
                self._count(reading)
                return reading
            except BrokenProcessPool as exc:
                self._give_up_workers(exc)
        return read(*args)

    def _count(self, reading) -> None:
        pid, cpu_s, rss_mib = reading.worker
        self.workers[pid] = (cpu_s, rss_mib)
        if self.crawler is not None:
            # What the workers cost, for the run record and the benchmark (their parent's rusage misses them).
            stats = self.crawler.stats
            stats.inc_value("extract/worker_pages")
            stats.set_value("extract/worker_cpu_s", round(sum(cpu for cpu, _ in self.workers.values()), 3))
            stats.max_value("extract/worker_peak_rss_mib", round(rss_mib, 1))

    def _give_up_workers(self, exc: BaseException) -> None:
        if self.pool is None:
            return
        logger.error("page reading worker died (%s): reading pages in the crawling process from now on", exc)
        if self.crawler is not None:
            self.crawler.stats.inc_value("extract/worker_failures")
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
