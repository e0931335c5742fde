"""``Archive``: the one owner of the SQLite archive during a crawl: the file, its connections and its writes.

It checks the file before anything opens it for writing (a file that is not a usable archive is refused and left
as it was), brings the schema up to date before anything reads it, opens the connections (one for reads, one for
writes: in a writer thread with ``SQLITE_WRITER_THREAD``), stores batches of items in one transaction each, and
closes everything when the run's record is written (``run.record.RunRecord`` closes it). The pipelines, the
spider's plan, the WARC capture and the run record find it with ``crawler.get_extension(Archive)``.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import CloseSpider, NotConfigured
from sqlite_utils import Database

from . import storage
from .clock import WIB, now_wib
from .storage.checked import checked_at_if_unchanged, write_stamp
from .storage.files import RESTORE, ArchiveRefused
from .storage.items import Batch, store_item

logger = logging.getLogger(__name__)

REFUSED = "archive_refused"  # the finish reason of a run whose archive was refused

# Sent when a batch could not be stored (``urls``: every item of it): the run record names them lost.
items_lost = object()

# SQLite's answers when the disk, not the batch, is at fault (the low byte: an I/O error has extended codes).
DISK_REFUSED = {sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR}


class BatchNotStored(Exception):
    """A batch's transaction failed: every item of it is lost, not only the one that made it flush."""

    def __init__(self, urls: list[str], cause: sqlite3.Error):
        super().__init__(f"could not store {len(urls)} items ({cause}): {', '.join(urls[:10])}")
        self.urls = urls
        self.cause = cause

    @property
    def disk_refused(self) -> bool:
        """The file could not grow (a full disk, a file size limit) or be written at all: every later batch would
        fail the same way."""
        code = getattr(self.cause, "sqlite_errorcode", None)
        return (code is not None and code & 0xFF in DISK_REFUSED) or "disk is full" in str(self.cause)


class Archive:
    """Settings (defaults in ``settings.py``): ``SQLITE_PATH`` (empty: no archive), ``SQLITE_BUSY_TIMEOUT``,
    ``SQLITE_WRITER_THREAD``, ``SQLITE_MIN_FREE_MB``, ``SQLITE_QUICK_CHECK``, ``SQLITE_QUICK_CHECK_HOURS``."""

    def __init__(
        self,
        crawler,
        path: str,
        busy_timeout: float,
        threaded: bool,
        min_free_mb: float,
        quick_check: bool,
        quick_check_hours: float = 0.0,
    ):
        self.crawler = crawler
        self.path = path
        self.busy_timeout = busy_timeout
        self.min_free_bytes = int(min_free_mb * 2**20)
        self.quick_check = quick_check
        self.quick_check_max_age = timedelta(hours=quick_check_hours)
        self.checked_at: str | None = None  # when the file was last checked whole, if this run knows it sound
        self.db: Database | None = None  # reads, in the crawling thread
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="sqlite-writer") if threaded else None
        self.write_db: Database | None = None  # writes, in the writer thread (or this one)
        self.refused: ArchiveRefused | None = None
        self.migrations_applied: list[str] = []
        self.run_id: int | None = None  # the run every write belongs to (set by the run record)
        self.terms: list = []  # the watched terms each stored article is matched against (the same)
        self.gazetteer = None  # who speaks (enrich.quotes): the shipped gazetteer unless the run adds a file
        # What joins each batch before it is stored, in its transaction (the WARC capture's rows: an article never
        # names a capture the archive does not hold). Each takes the batch and adds to it.
        self.joining: list = []

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        path = settings.get("SQLITE_PATH")
        if not path:
            raise NotConfigured("SQLITE_PATH is empty")
        archive = cls(
            crawler,
            path,
            settings.getfloat("SQLITE_BUSY_TIMEOUT"),
            settings.getbool("SQLITE_WRITER_THREAD"),
            settings.getfloat("SQLITE_MIN_FREE_MB"),
            settings.getbool("SQLITE_QUICK_CHECK"),
            settings.getfloat("SQLITE_QUICK_CHECK_HOURS"),
        )
        crawler.signals.connect(archive.spider_opened, signal=signals.spider_opened)
        return archive

    # ---- opening ------------------------------------------------------------------
    def open(self) -> None:
        """Check the file, open it, upgrade its schema; raises ``ArchiveRefused`` having written nothing."""
        now = datetime.now(WIB)
        stamped = checked_at_if_unchanged(self.path, self.quick_check_max_age, now) if self.quick_check else None
        storage.check_archive_file(self.path, self.min_free_bytes, integrity=self.quick_check and stamped is None)
        self.checked_at = stamped or (now.isoformat(timespec="seconds") if self.quick_check else None)
        if stamped:
            logger.info("archive %s: as the last run left it, checked whole at %s: not read again", self.path, stamped)
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.db = storage.open_database(self.path, self.busy_timeout)
        try:
            self.migrations_applied = storage.upgrade(self.db)
        except (sqlite3.DatabaseError, storage.SchemaTooNew) as exc:
            self.db.close()
            self.db = None
            raise ArchiveRefused(self.path, f"cannot be upgraded ({exc})", RESTORE) from exc
        if self.migrations_applied:
            logger.info("archive %s: schema brought up to date (%s)", self.path, ", ".join(self.migrations_applied))
        self.in_writer(self._open_writer)

    def _open_writer(self) -> None:
        self.write_db = storage.open_database(self.path, self.busy_timeout)

    def spider_opened(self, spider) -> None:
        try:
            self.open()
        except ArchiveRefused as exc:
            self.refuse(exc)

    def refuse(self, exc: ArchiveRefused) -> None:
        """The archive cannot be used by this run: said in one line, and the run ends before any request."""
        self.refused = exc
        logger.error("archive refused: %s", exc)
        raise CloseSpider(REFUSED) from exc

    # ---- writing ------------------------------------------------------------------
    def in_writer(self, fn, *args):
        """Run ``fn`` where the write connection lives, and wait for it."""
        return self.writer.submit(fn, *args).result() if self.writer is not None else fn(*args)

    def submit(self, batch: list) -> Future | Counter:
        """Store a batch, with what joins it: a Future of its stats when a writer thread writes it, else the
        stats, stored. Raises ``BatchNotStored`` (or its Future does)."""
        for join in self.joining:
            join(batch)
        if self.writer is None:
            return self.write(batch)
        return self.writer.submit(self.write, batch)

    def flush(self) -> Counter:
        """Store what waits to join a batch (the last WARC rows, at the end of a run), and wait for it."""
        written = self.submit([])
        return written.result() if isinstance(written, Future) else written

    def write(self, batch: list) -> Counter:
        """Store a batch of items in one transaction; the stats it adds. Raises ``BatchNotStored``."""
        context = Batch(now_wib(), self.run_id, self.terms, self.gazetteer)
        try:
            with storage.transaction(self.write_db):
                for item in batch:
                    store_item(item, self.write_db, context)
                storage.refresh_marked_people(self.write_db)  # once a batch: the people its articles quote
        except sqlite3.Error as exc:
            raise BatchNotStored([getattr(item, "url", "?") for item in batch], exc) from exc
        return context.counts

    def batch_lost(self, exc: BatchNotStored) -> None:
        """Every item of the batch is lost, not only the one that made it flush: said, loudly, in one line, and
        signalled to the run record."""
        self.crawler.stats.inc_value("sqlite/lost_items", len(exc.urls))
        logger.error("%s", exc)
        self.crawler.signals.send_catch_log(items_lost, urls=exc.urls)
        if exc.disk_refused and not self.crawler.stats.get_value("sqlite/disk_refused"):
            # Every later batch would be lost too, and the pages fetched for it with them: the run ends here (the
            # next run, once there is room, fetches them again).
            self.crawler.stats.set_value("sqlite/disk_refused", str(exc.cause))
            if self.crawler.engine is not None and self.crawler.engine.spider is not None:
                asyncio.ensure_future(self.crawler.engine.close_spider_async(reason="archive_disk_refused"))

    # ---- closing ------------------------------------------------------------------
    def checkpoint(self) -> None:
        """Everything the run wrote moved from the ``-wal`` into the ``.db`` and the log emptied. SQLite does it
        itself only when the last connection closes, and a reader left open (Datasette) would keep the finished
        runs in the log: a ``cp`` of the ``.db`` alone after the run would then miss them. A reader mid-query
        keeps what it reads; the next run or the next checkpoint moves the rest."""
        try:
            busy, logged, moved = self.write_db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error as exc:  # a disk that refuses the pages: they stay in the log, which SQLite reads
            logger.warning("archive %s: the write-ahead log could not be moved into the file (%s)", self.path, exc)
            return
        if busy:
            logger.info(
                "archive %s: %d of %d logged pages moved into the file (a reader was busy)", self.path, moved, logged
            )

    def close(self) -> None:
        if self.write_db is not None:
            self.in_writer(self.checkpoint)
            self.in_writer(self.write_db.close)
            self.write_db = None
        if self.writer is not None:
            self.writer.shutdown(wait=True)
        if self.db is not None:
            self.db.close()
            self.db = None
            self.stamp()

    def stamp(self) -> None:
        """The file as this run left it, known sound since ``checked_at`` (storage/checked.py): not after a refusal
        or a disk that refused a write, whose next run checks the file whole."""
        if self.checked_at is None or self.refused is not None or self.crawler.stats.get_value("sqlite/disk_refused"):
            return
        try:
            write_stamp(self.path, self.checked_at)
        except OSError as exc:  # no room for the stamp: the next run checks the file whole
            logger.info("archive %s: its check stamp could not be written (%s)", self.path, exc)
