"""``PageReaders``: where fetched pages are read, in the crawling process or in worker processes beside it.

An extension the spider finds with ``crawler.get_extension(PageReaders)``; the reading itself is
``reading.py``. Settings ``EXTRACT_PROCESSES`` and ``EXTRACTION_THEMES``.
With N > 0, pages are parsed and read in N worker processes while Scrapy goes on
fetching, so a fast crawl (a local copy, a backfill without download delay) on a
machine with a spare core is bound by fetching rather than by reading. The live
site's politeness leaves the crawler idle most of the time, so its default is 0;
the spider sets 1 for a site served on this machine (see ``LOOPBACK_SETTINGS``).

A worker is ``python -m suarapos_crawler.spiders.readers``: a plain interpreter with
lxml and the page classes only (no Scrapy, no Twisted: about a third of the memory
of a multiprocessing child, which imports the crawl's ``__main__``). It reads
length-prefixed pickles on stdin and answers on stdout; the crawl waits for it at
the end, so its CPU time counts in the crawl's own. A worker that dies (out of
memory, a crash in libxml2) loses nothing: the pages it held, and every later
one, are read in the crawling process instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
import pickle
import resource
import signal
import sys
import time

from ..pages.reading import READERS, ListingReading, PageReading
from ..pages.themes import load_profiles, templates_of
from ..paths import project_file
from ..run.resources import peak_rss_mib

logger = logging.getLogger(__name__)


HEADER = 8  # bytes of a message's length, little-endian
# How often a worker tells what it has cost (CPU seconds, peak memory): reading /proc for every page
# cost an eighth of the worker's time.
USAGE_EVERY_S = 0.25
# Bytes a pipe to or from a worker holds (Linux's default is 64 KiB, two pages of text): with less, a page often
# goes in pieces, each waiting for the worker to read the one before, with a system call and an epoll change each.
PIPE_BYTES = 1 << 20
# A reading something waits for is not queued behind this many readings (see ``PageReaders._read``): more than a
# crawl's concurrency keeps waiting, so its listings are read in the worker (a replay keeps two runs of captures a
# worker waiting: a listing waits behind 32 pages at most).
URGENT_QUEUE = 24


def read_captures(*args):
    """A run of captures read from their WARC file (``warc/reread.py``: imported by a worker when it is asked to,
    with Scrapy's HTTP classes; a crawl's workers never are)."""
    from ..warc.reread import read_captures as read

    return read(*args)


# What a worker is asked to read, by name.
KINDS = {**READERS, "captures": read_captures}


class WorkerDied(Exception):
    pass


class Worker:
    """One worker process and the readings it owes."""

    def __init__(self):
        self.proc: asyncio.subprocess.Process | None = None
        self.pending: dict[int, asyncio.Future] = {}
        self.next_id = 0
        self.replies: asyncio.Task | None = None
        self.dead = False

    async def start(self) -> None:
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "suarapos_crawler.spiders.readers",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        self.replies = asyncio.ensure_future(self._read_replies())

    async def call(self, kind: str, *args):
        request_id, self.next_id = self.next_id, self.next_id + 1
        future = asyncio.get_running_loop().create_future()
        self.pending[request_id] = future
        message = pickle.dumps((request_id, kind, args), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.proc.stdin.write(len(message).to_bytes(HEADER, "little") + message)
            await self.proc.stdin.drain()
        except (ConnectionError, OSError) as exc:
            self._fail(WorkerDied(f"cannot write to the worker: {exc}"))
        return await future

    async def _read_replies(self) -> None:
        try:
            while True:
                size = int.from_bytes(await self.proc.stdout.readexactly(HEADER), "little")
                request_id, reading = pickle.loads(await self.proc.stdout.readexactly(size))
                future = self.pending.pop(request_id, None)
                if future is not None and not future.done():
                    future.set_result(reading)
        except (asyncio.IncompleteReadError, ConnectionError, OSError, pickle.UnpicklingError) as exc:
            code = await self.proc.wait()
            self._fail(WorkerDied(f"worker {self.proc.pid} ended (exit code {code}): {type(exc).__name__}"))

    def _fail(self, exc: WorkerDied) -> None:
        self.dead = True
        for future in self.pending.values():
            if not future.done():
                future.set_exception(exc)
        self.pending.clear()

    async def stop(self) -> None:
        if self.proc is None or self.proc.returncode is not None:
            return
        self.proc.stdin.close()  # the worker ends at the end of its input
        try:
            await asyncio.wait_for(self.proc.wait(), timeout=10)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
        if self.replies is not None:
            await self.replies


def widen_pipe(fd: int) -> None:
    """Let a pipe hold ``PIPE_BYTES`` where the system allows it (Linux; elsewhere, or past the system's limit in
    ``/proc/sys/fs/pipe-max-size``, it keeps its size). Either end may set it: the worker sets both of its own."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None)
    if set_size is None:
        return
    with contextlib.suppress(OSError):
        fcntl.fcntl(fd, set_size, PIPE_BYTES)


class PageReaders:
    """Reads pages for the spider, in worker processes when ``EXTRACT_PROCESSES`` > 0 (the default, 0, reads them
    in the crawling process); ``EXTRACTION_THEMES`` and the profiles of ``THEMES_DIR``, the themes whose markup the
    page classes read (resolved once, here, and handed with each page). The workers
    are started on first use and waited for when the spider closes, so their CPU time counts as the crawl's."""

    def __init__(self, processes: int, crawler=None, themes: tuple | None = None):
        self.processes = processes
        self.themes = themes
        self.crawler = crawler  # its stats exist once the crawl starts, after the spider is built
        self.workers: list[Worker] = []
        self.starting: asyncio.Future | None = None
        self.worker_cpu_s: dict[int, float] = {}  # worker PID -> its CPU seconds so far

    @classmethod
    def from_crawler(cls, crawler) -> PageReaders:
        from scrapy import signals  # here, not at the top: a worker process runs this module without Scrapy

        processes = crawler.settings.getint("EXTRACT_PROCESSES")
        if processes < 0:
            raise ValueError(f"EXTRACT_PROCESSES must be 0 or more, not {processes}")
        names = tuple(crawler.settings.getlist("EXTRACTION_THEMES")) or None
        learned = load_profiles(project_file(crawler.settings.get("THEMES_DIR")))  # a bad file fails the start
        # resolved here, once: an unknown name fails the crawl at its start, not on every page
        readers = cls(processes, crawler, templates_of(names, learned))
        crawler.signals.connect(readers.spider_closed, signal=signals.spider_closed)
        return readers

    async def spider_closed(self, spider) -> None:
        await self.close()

    async def read_article(self, response, base_url: str) -> PageReading:
        date = (response.headers.get(b"Date") or b"").decode("latin-1") or None
        return await self._read("page", response.url, response.text, base_url, date, self.themes)

    async def read_listing(self, response, base_url: str, with_sections: bool = False) -> ListingReading:
        return await self._read("listing", response.url, response.text, base_url, with_sections, urgent=True)

    async def read_captures(self, tasks: list, base_url: str, max_size: int, gazetteer_path: str | None):
        """A run of captures of one WARC file read straight from it (``warc/reread.py``), as a ``CapturesReading``:
        the articles with what storage derives from them (their quotes read with ``gazetteer_path``'s gazetteer)."""
        return await self._read("captures", tasks, base_url, self.themes, max_size, gazetteer_path)

    async def _read(self, kind: str, *args, urgent: bool = False):
        """``urgent``: a reading the next request waits for (a listing: its next page), read here rather than
        queued behind ``URGENT_QUEUE`` pages or more (a replay keeps the workers that busy)."""
        if self.processes:
            worker = await self._next_worker()
            if worker is not None and urgent and len(worker.pending) >= URGENT_QUEUE:
                worker = None
            if worker is not None:
                try:
                    reading = await worker.call(kind, *args)
                except WorkerDied as exc:
                    self._give_up_workers(exc)
                else:
                    if reading is not None:  # None: the reader raised; read here, where its exception belongs
                        self._count(reading)
                        return reading
        return KINDS[kind](*args)

    async def _next_worker(self) -> Worker | None:
        if self.starting is None:  # started on first use, inside the running event loop
            self.starting = asyncio.ensure_future(self._start_workers())
        await asyncio.shield(self.starting)
        live = [w for w in self.workers if not w.dead]
        if not live:
            self._give_up_workers(WorkerDied("no page reading worker is left"))
            return None
        return min(live, key=lambda w: len(w.pending))  # the least busy

    async def _start_workers(self) -> None:
        for _ in range(self.processes):
            worker = Worker()
            try:
                await worker.start()
            except OSError as exc:
                logger.error("cannot start a page reading worker (%s): reading pages in the crawling process", exc)
                self.processes = 0
                return
            self.workers.append(worker)

    def _count(self, reading) -> None:
        if self.crawler is None:
            return
        stats = self.crawler.stats
        stats.inc_value("extract/worker_pages", len(getattr(reading, "results", (reading,))))  # a run: its pages
        pid, cpu_s, rss_mib = reading.worker
        if cpu_s is not None:  # what the workers cost, for the run record (and the benchmark)
            self.worker_cpu_s[pid] = cpu_s
            stats.set_value("extract/worker_cpu_s", round(sum(self.worker_cpu_s.values()), 3))
            stats.max_value("extract/worker_peak_rss_mib", round(rss_mib, 1))

    def _give_up_workers(self, exc: BaseException) -> None:
        if not self.processes:
            return
        logger.error("page reading worker died (%s): reading pages in the crawling process from now on", exc)
        if self.crawler is not None:
            self.crawler.stats.inc_value("extract/worker_failures")
        self.processes = 0
        for worker in self.workers:
            if worker.proc is not None and worker.proc.returncode is None:
                worker.proc.kill()

    async def close(self) -> None:
        """Let the workers finish and wait for them (so that their CPU time is counted as the crawl's)."""
        await asyncio.gather(*(worker.stop() for worker in self.workers), return_exceptions=True)
        self.workers = []


def serve() -> None:
    """The worker's loop: a request on stdin, its reading on stdout, until stdin ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the process group: the crawl decides
    requests, replies = sys.stdin.buffer, os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    for pipe in (requests, replies):
        widen_pipe(pipe.fileno())
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print() must not corrupt the replies
    reported, pid = 0.0, os.getpid()
    while True:
        header = requests.read(HEADER)
        if len(header) < HEADER:
            return
        request_id, kind, args = pickle.loads(requests.read(int.from_bytes(header, "little")))
        try:
            reading = KINDS[kind](*args)
        except Exception:  # noqa: BLE001 - the crawl reads this page again itself, and sees the exception
            reading = None
        else:
            reading.worker = (pid, None, None)
            if time.monotonic() - reported >= USAGE_EVERY_S:
                reported = time.monotonic()
                usage = resource.getrusage(resource.RUSAGE_SELF)
                reading.worker = (pid, usage.ru_utime + usage.ru_stime, peak_rss_mib())
        message = pickle.dumps((request_id, reading), protocol=pickle.HIGHEST_PROTOCOL)
        replies.write(len(message).to_bytes(HEADER, "little") + message)
        replies.flush()


if __name__ == "__main__":
    # Under its own name, not __main__: the readings it sends must unpickle as the crawl's classes.
    from suarapos_crawler.spiders.readers import serve as serve_readings

    serve_readings()
