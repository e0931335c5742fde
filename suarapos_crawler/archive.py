"""``Archive``: the one owner of the SQLite archive during a crawl.

It checks the file before anything opens it for writing (a file that is not a usable archive is
refused and left as it was), brings the schema up to date before anything reads it, opens the
connections (one for reads, one for writes: in a writer thread with ``SQLITE_WRITER_THREAD``), owns the
run's ``crawl_runs`` row and its fetch ledger, and closes everything at the end. The pipelines,
the spider's plan and the run's status use it through ``crawler.get_extension(Archive)``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import sys
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import CloseSpider, NotConfigured
from sqlite_utils import Database

from . import storage
from .clock import now_wib
from .enrich.watchlist import WatchlistError, WatchTerm, load_watchlist
from .items import Article, Capture, Duplicate, FetchOutcome, Reject, UrlAlias
from .run.redesign import RedesignThresholds, earlier_coverage, redesign_verdict
from .run.resources import peak_rss_mib
from .run.status import compare_with_earlier, run_status, run_values, stats_json
from .storage.captures import save_capture
from .storage.files import RESTORE, ArchiveRefused
from .urls import canonical_url

logger = logging.getLogger(__name__)

REFUSED = "archive_refused"  # the finish reason of a run whose archive was refused


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
    ``SQLITE_WRITER_THREAD``, ``SQLITE_MIN_FREE_MB``, ``SQLITE_QUICK_CHECK``, ``RUN_MAX_ERRORS``, and the
    ``REDESIGN_*`` thresholds of the run's redesign verdict (``redesign.py``)."""

    def __init__(
        self,
        crawler,
        path: str,
        busy_timeout: float,
        threaded: bool,
        min_free_mb: float,
        quick_check: bool,
        max_errors: int,
        redesign: RedesignThresholds | None = None,
        watchlist_path: str = "",
    ):
        self.crawler = crawler
        self.redesign = redesign
        self.watchlist_path = watchlist_path
        self.terms: list[WatchTerm] = []  # the watched terms each stored article is matched against
        self.path = path
        self.busy_timeout = busy_timeout
        self.min_free_bytes = int(min_free_mb * 2**20)
        self.quick_check = quick_check
        self.max_errors = max_errors
        self.db: Database | None = None  # reads, in the crawling thread
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="sqlite-writer") if threaded else None
        self.write_db: Database | None = None  # writes, in the writer thread (or this one)
        self.refused: ArchiveRefused | None = None
        self.migrations_applied: list[str] = []
        self.run_id: int | None = None
        self.started_at = ""
        self.was_incremental = 0
        self.status: str | None = None
        self.status_reason = ""
        self.warnings: list[str] = []
        self.lost: list[str] = []  # URLs of items a pipeline or a failed transaction lost
        self.discovered: set[str] = set()  # every URL the crawler decided to fetch: the ledger's left side
        self.base_url = ""
        self.before_close: list = []  # what other components write before the run is recorded (WARC captures)
        self.before_batch: list = []  # what sees each batch of the SQLite pipeline before it is stored (the same)
        self.offsite: list[FetchOutcome] = []  # requests Scrapy's offsite filter dropped, to record at the end
        self.offsite_filter = None  # that filter, found once the downloader is built (False: none)

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
            settings.getint("RUN_MAX_ERRORS"),
            RedesignThresholds.from_settings(settings),
            watchlist_file(settings.get("WATCHLIST_PATH")),
        )
        crawler.signals.connect(archive.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(archive.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(archive.item_error, signal=signals.item_error)
        crawler.signals.connect(archive.request_scheduled, signal=signals.request_scheduled)
        return archive

    # ---- opening ------------------------------------------------------------------
    def open(self) -> None:
        """Check the file, open it, upgrade its schema; raises ``ArchiveRefused`` having written nothing."""
        storage.check_archive_file(self.path, self.min_free_bytes, integrity=self.quick_check)
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
        self._in_writer(self._open_writer)

    def _open_writer(self) -> None:
        self.write_db = storage.open_database(self.path, self.busy_timeout)

    def spider_opened(self, spider) -> None:
        self.base_url = getattr(spider, "base_url", "")
        try:
            self.open()
            storage.close_stale_runs(self.db)
            self.was_incremental = int(self.db["articles"].count > 0)
            self.started_at = now_wib()
            self.run_id = storage.start_run(
                self.db, spider.name, self.base_url, getattr(spider, "mode", "default"), self.started_at
            )
            self._in_writer(self.follow_watchlist)
        except (ArchiveRefused, sqlite3.Error) as exc:
            if isinstance(exc, sqlite3.Error):  # opened, but the run could not even be recorded (a full disk)
                exc = ArchiveRefused(self.path, f"cannot be written ({exc})", "free some room, then run again")
            self.refused = exc
            self.status, self.status_reason = "refused", str(exc)
            logger.error("archive refused: %s", exc)
            raise CloseSpider(REFUSED) from exc

    def follow_watchlist(self) -> None:
        """The watched terms of this run: the file's, matched again over the whole archive if they changed
        since the last run; the last ones if the file cannot be read (and the run says so)."""
        stored = storage.watched_terms(self.write_db)
        try:
            self.terms = load_watchlist(self.watchlist_path) if self.watchlist_path else []
        except WatchlistError as exc:
            self.terms = stored
            self.warnings.append(f"watchlist not read, the last one kept: {exc}")
            logger.error("watchlist not read, the last one kept (%s terms): %s", len(stored), exc)
            return
        if self.terms != stored:
            with storage.transaction(self.write_db):
                articles, mentions = storage.rematch(self.write_db, self.terms)
            logger.info("watchlist of %s terms: %s mentions in %s articles", len(self.terms), mentions, articles)

    # ---- writing ------------------------------------------------------------------
    def _in_writer(self, fn, *args):
        """Run ``fn`` where the write connection lives, and wait for it."""
        return self.writer.submit(fn, *args).result() if self.writer is not None else fn(*args)

    def submit(self, batch: list) -> Future | Counter:
        """Store a batch: a Future of its stats when a writer thread writes it, else the stats, stored."""
        if self.writer is None:
            return self.write(batch)
        return self.writer.submit(self.write, batch)

    def write(self, batch: list) -> Counter:
        """Store a batch of items in one transaction; the stats it adds. Raises ``BatchNotStored``."""
        counts: Counter = Counter()
        seen_at = now_wib()
        try:
            with storage.transaction(self.write_db):
                for item in batch:
                    store_item(self.write_db, item, seen_at, self.run_id, counts, self.terms)
        except sqlite3.Error as exc:
            raise BatchNotStored([getattr(item, "url", "?") for item in batch], exc) from exc
        return counts

    def batch_lost(self, exc: BatchNotStored) -> None:
        # Every item of the batch is lost, not only the one that made it flush: say so, loudly, in one line.
        self.crawler.stats.inc_value("sqlite/lost_items", len(exc.urls))
        self.lost.extend(u for u in exc.urls if u not in self.lost)
        logger.error("%s", exc)
        if exc.disk_refused and not self.crawler.stats.get_value("sqlite/disk_refused"):
            # Every later batch would be lost too, and the pages fetched for it with them: the run ends here (the
            # next run, once there is room, fetches them again).
            self.crawler.stats.set_value("sqlite/disk_refused", str(exc.cause))
            if self.crawler.engine is not None and self.crawler.engine.spider is not None:
                asyncio.ensure_future(self.crawler.engine.close_spider_async(reason="archive_disk_refused"))

    def item_error(self, item, response, spider, failure) -> None:
        # A pipeline raised: the item is gone. Name it, and fail the run.
        url = ItemAdapter(item).get("url") if ItemAdapter.is_item(item) else None
        url = url or getattr(response, "url", "?")
        if url not in self.lost:
            self.lost.append(url)

    def request_scheduled(self, request, spider) -> None:
        url = sys.intern(canonical_url(request.url, self.base_url or request.url))
        self.discovered.add(url)
        if self.filtered_offsite(request, spider):
            # Scrapy's offsite filter drops this request as it is scheduled, with no errback: its outcome, and
            # that of the URLs that redirected to it, are recorded here.
            self.offsite.append(FetchOutcome(url, "offsite", f"{urlsplit(request.url).hostname} is not this site"))
            for before in request.meta.get("redirect_urls", []):
                self.offsite.append(FetchOutcome(canonical_url(before, self.base_url), "redirected", url[:500]))

    def filtered_offsite(self, request, spider) -> bool:
        if self.offsite_filter is None:
            self.offsite_filter = self.crawler.get_downloader_middleware(OffsiteMiddleware) or False
        if not self.offsite_filter or request.dont_filter or request.meta.get("allow_offsite"):
            return False
        return not self.offsite_filter.should_follow(request, spider)

    # ---- closing ------------------------------------------------------------------
    def spider_closed(self, spider, reason: str) -> None:
        stats = self.crawler.stats
        stats.set_value("run/peak_rss_mib", round(peak_rss_mib(), 1))
        if self.refused is not None:
            self.record_refusal(spider)
            return
        # A first verdict before any I/O: if the archive cannot be written (a full disk), it stands.
        self.status, self.status_reason = run_status(stats.get_stats(), reason, self.max_errors, self.lost)
        try:
            for flush in self.before_close:
                flush()
            self._in_writer(self._finish, spider, reason)
        except Exception as exc:  # said in one line; the next run closes this record (close_stale_runs)
            self.status = "failed"
            logger.error("run %s could not be recorded (%s): status failed", self.run_id, exc)
            logger.debug("where it could not be recorded", exc_info=True)  # for a bug of ours: LOG_LEVEL=DEBUG shows it
        finally:
            self.close()
        for warning in self.warnings:
            logger.warning("run %s: %s", self.run_id, warning)
        log = logger.info if self.status == "ok" else logger.error
        log("run %s ended: %s %s", self.run_id, self.status, self.status_reason)

    def _finish(self, spider, reason: str) -> None:
        db = self.write_db
        with storage.transaction(db):
            for outcome in self.offsite:
                storage.save_fetch(db, self.run_id, outcome.url, outcome.outcome, outcome.detail)
            storage.resolve_aliases(db)
        unaccounted = self.account_for_every_url(db, finished=reason == "finished")
        stats = self.crawler.stats.get_stats()
        self.status, self.status_reason = run_status(stats, reason, self.max_errors, self.lost, unaccounted)
        if self.status == "ok" and self.redesign is not None:
            redesigned = redesign_verdict(stats, earlier_coverage(db, self.run_id), self.redesign)
            if redesigned:
                self.status, self.status_reason = "site_changed", redesigned
        values = run_values(stats, reason, self.status, self.status_reason, self.lost, self.was_incremental, now_wib())
        self.warnings = compare_with_earlier(
            db, {**values, "mode": getattr(spider, "mode", "default")}, self.started_at
        )
        values["warnings"] = json.dumps(self.warnings, ensure_ascii=False)
        values["stats"] = stats_json(self.crawler.stats.get_stats())
        storage.finish_run(db, self.run_id, values)

    def account_for_every_url(self, db: Database, finished: bool) -> int:
        """Give every scheduled URL without an outcome one: ``lost`` (a bug or a crash) or ``not_fetched``."""
        missing = self.discovered - storage.fetched_urls(db, self.run_id)
        outcome = "lost" if finished else "not_fetched"
        with storage.transaction(db):
            for url in missing:
                storage.save_fetch(db, self.run_id, url, outcome, "scheduled, but no outcome was recorded")
        return len(missing) if finished else 0

    def record_refusal(self, spider) -> None:
        """A sound archive refused for want of room still gets its ``crawl_runs`` row, if it can take one;
        any other refused file is not touched at all (``scrapy health`` finds it unusable by itself)."""
        self.close()
        if not self.refused.sound:
            return
        try:
            db = storage.open_database(self.path, self.busy_timeout)
            try:
                run_id = storage.start_run(db, spider.name, self.base_url, getattr(spider, "mode", "default"))
                storage.finish_run(
                    db,
                    run_id,
                    {
                        "finished_at": now_wib(),
                        "finish_reason": REFUSED,
                        "status": "failed",
                        "status_reason": f"refused at start: {self.refused.problem}",
                    },
                )
            finally:
                db.close()
        except sqlite3.Error as exc:
            logger.error("the refused run could not be recorded in %s either (%s)", self.path, exc)

    def close(self) -> None:
        if self.write_db is not None:
            self._in_writer(self.write_db.close)
            self.write_db = None
        if self.writer is not None:
            self.writer.shutdown(wait=True)
        if self.db is not None:
            self.db.close()
            self.db = None


def store_item(
    db: Database, item, seen_at: str, run_id: int | None, counts: Counter, terms: list[WatchTerm] | None = None
) -> None:
    """One item of a batch: its rows and its outcome in the ledger."""
    if isinstance(item, Article):
        outcome = storage.save_article(db, item.as_dict(), seen_at, terms)
        counts[f"sqlite/articles_{outcome}"] += 1
        if item.replaces:  # a stored later copy was moved to duplicates
            counts["sqlite/articles_demoted"] += 1
            counts["sqlite/duplicates"] += 1
        storage.save_fetch(db, run_id, item.fetched_url or item.url, f"article_{outcome}", item.url)
    elif isinstance(item, UrlAlias):
        storage.save_alias(db, item.alias, item.url)
        storage.save_fetch(db, run_id, item.alias, "redirected", item.url)
    elif isinstance(item, Reject):
        storage.save_reject(db, item.url, item.stage, item.reason, seen_at)
        counts["sqlite/rejects"] += 1
        storage.save_fetch(db, run_id, item.url, f"rejected_{item.stage}", item.reason)
    elif isinstance(item, Duplicate):
        storage.save_duplicate(db, item.url, item.duplicate_of, item.reason, seen_at)
        counts["sqlite/duplicates"] += 1
        storage.save_fetch(db, run_id, item.url, "duplicate", item.duplicate_of)
    elif isinstance(item, FetchOutcome):
        storage.save_fetch(db, run_id, item.url, item.outcome, item.detail)
    elif isinstance(item, Capture):
        save_capture(db, {**asdict(item), "run_id": run_id})  # counted when captured (warc/*_records)


def watchlist_file(setting: str | None) -> str:
    """``WATCHLIST_PATH``, a relative one read beside ``scrapy.cfg`` (where cron's crawl may not be started)."""
    from scrapy.utils.conf import closest_scrapy_cfg

    if not setting or Path(setting).is_absolute():
        return setting or ""
    cfg = closest_scrapy_cfg()
    return str(Path(cfg).parent / setting) if cfg else setting
