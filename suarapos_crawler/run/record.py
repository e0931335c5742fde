"""``RunRecord``: a run's row in ``crawl_runs`` and its fetch ledger, from the spider's opening to its end.

When the spider opens (after the ``Archive`` has opened the file) it closes the rows of runs a kill left open,
starts this run's row and follows the watchlist. During the run it notes every URL scheduled (the ledger's left
side), the requests Scrapy's offsite filter drops, and the items lost. When the spider closes (after the WARC
capture has stored its last rows) it gives every scheduled URL an outcome, decides the run's status
(``run.status``), writes the row, and closes the archive.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import sys
from urllib.parse import urlsplit

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import NotConfigured

from .. import storage
from ..archive import REFUSED, Archive, items_lost
from ..clock import now_wib
from ..enrich.quotes import GazetteerError, load_gazetteer
from ..enrich.watchlist import WatchlistError, load_watchlist, watchlist_file
from ..items import FetchOutcome
from ..paths import project_file
from ..storage.files import ArchiveRefused
from ..urls import canonical_url
from .redesign import RedesignThresholds, earlier_coverage
from .resources import peak_rss_mib
from .status import compare_with_earlier, decide_status, run_values, stats_json

logger = logging.getLogger(__name__)
DROPPED_AS_DUPLICATE = "asked for again in this run (a redirect back to it): Scrapy's duplicate filter dropped it"


class RunRecord:
    """Settings (defaults in ``settings.py``): ``RUN_MAX_ERRORS``, the ``REDESIGN_*`` thresholds of the redesign
    verdict (``run/redesign.py``), ``WATCHLIST_PATH``. Off with the archive (``SQLITE_PATH`` empty)."""

    def __init__(self, crawler, max_errors: int, redesign: RedesignThresholds | None, watchlist_path: str = ""):
        self.crawler = crawler
        self.max_errors = max_errors
        self.redesign = redesign
        self.watchlist_path = watchlist_path
        self.archive: Archive | None = None  # found when the spider opens
        self.run_id: int | None = None
        self.started_at = ""
        self.was_incremental = 0
        self.status: str | None = None
        self.status_reason = ""
        self.warnings: list[str] = []
        self.lost: list[str] = []  # URLs of items a pipeline or a failed transaction lost
        self.discovered: set[str] = set()  # every URL the crawler decided to fetch: the ledger's left side
        self.base_url = ""
        self.dropped: set[str] = set()  # URLs whose request Scrapy's duplicate filter dropped
        self.offsite: list[FetchOutcome] = []  # requests Scrapy's offsite filter dropped, to record at the end
        self.offsite_filter = None  # that filter, found once the downloader is built (False: none)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.get("SQLITE_PATH"):
            raise NotConfigured("SQLITE_PATH is empty: no archive to record the run in")
        record = cls(
            crawler,
            settings.getint("RUN_MAX_ERRORS"),
            RedesignThresholds.from_settings(settings),
            watchlist_file(settings.get("WATCHLIST_PATH")),
        )
        crawler.signals.connect(record.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(record.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(record.item_error, signal=signals.item_error)
        crawler.signals.connect(record.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(record.request_dropped, signal=signals.request_dropped)
        crawler.signals.connect(record.note_lost, signal=items_lost)
        return record

    # ---- the start ----------------------------------------------------------------
    def spider_opened(self, spider) -> None:
        self.archive = self.crawler.get_extension(Archive)
        self.base_url = getattr(spider, "base_url", "")
        if self.archive.refused is not None:
            return
        db = self.archive.db
        try:
            storage.close_stale_runs(db)
            self.was_incremental = int(storage.has_articles(db))  # not a count: 58 ms of 100,000 articles read cold
            self.started_at = now_wib()
            self.run_id = storage.start_run(
                db, spider.name, self.base_url, getattr(spider, "mode", "default"), self.started_at
            )
            self.archive.run_id = self.run_id
            self.archive.in_writer(self.follow_watchlist)
            self.follow_gazetteer()
        except sqlite3.Error as exc:  # opened, but the run could not even be recorded (a full disk)
            self.archive.refuse(
                ArchiveRefused(self.path, f"cannot be written ({exc})", "free some room, then run again")
            )

    @property
    def path(self) -> str:
        return self.archive.path

    def follow_gazetteer(self) -> None:
        """Who speaks, for this run's quotes: the shipped gazetteer with QUOTES_GAZETTEER_PATH's entries; the shipped
        one alone if that file cannot be read (and the run says so)."""
        path = project_file(self.crawler.settings.get("QUOTES_GAZETTEER_PATH"))
        try:
            self.archive.gazetteer = load_gazetteer(path or None)
        except GazetteerError as exc:
            self.warnings.append(f"gazetteer not read, the shipped one used: {exc}")
            logger.error("gazetteer not read, the shipped one used: %s", exc)

    def follow_watchlist(self) -> None:
        """The watched terms of this run: the file's, matched again over the whole archive if they changed
        since the last run; the last ones if the file cannot be read (and the run says so)."""
        db = self.archive.write_db
        stored = storage.watched_terms(db)
        try:
            terms = load_watchlist(self.watchlist_path) if self.watchlist_path else []
        except WatchlistError as exc:
            self.archive.terms = stored
            self.warnings.append(f"watchlist not read, the last one kept: {exc}")
            logger.error("watchlist not read, the last one kept (%s terms): %s", len(stored), exc)
            return
        self.archive.terms = terms
        if terms != stored:
            with storage.transaction(db):
                articles, mentions = storage.rematch(db, terms)
            logger.info("watchlist of %s terms: %s mentions in %s articles", len(terms), mentions, articles)

    # ---- during the run -------------------------------------------------------------
    def note_lost(self, urls: list[str]) -> None:
        self.lost.extend(u for u in urls if u not in self.lost)

    def item_error(self, item, response, spider, failure) -> None:
        # A pipeline raised: the item is gone. Name it, and fail the run.
        url = ItemAdapter(item).get("url") if ItemAdapter.is_item(item) else None
        self.note_lost([url or getattr(response, "url", "?")])

    def request_scheduled(self, request, spider) -> None:
        url = sys.intern(canonical_url(request.url, self.base_url or request.url))
        self.discovered.add(url)
        if self.filtered_offsite(request, spider):
            # Scrapy's offsite filter drops this request as it is scheduled, with no errback: its outcome, and
            # that of the URLs that redirected to it, are recorded here.
            self.offsite.append(FetchOutcome(url, "offsite", f"{urlsplit(request.url).hostname} is not this site"))
            for before in request.meta.get("redirect_urls", []):
                self.offsite.append(FetchOutcome(canonical_url(before, self.base_url), "redirected", url[:500]))

    def request_dropped(self, request, spider) -> None:
        """Scrapy's duplicate filter dropped a request, with no errback: a URL asked for already in this run (a
        section that redirects from one host name to the other and back). Its outcome, if it has none of its own
        by the end, says so (it was scheduled: without one, the run would count it lost)."""
        self.dropped.add(sys.intern(canonical_url(request.url, self.base_url or request.url)))

    def filtered_offsite(self, request, spider) -> bool:
        if self.offsite_filter is None:
            self.offsite_filter = self.crawler.get_downloader_middleware(OffsiteMiddleware) or False
        if not self.offsite_filter or request.dont_filter or request.meta.get("allow_offsite"):
            return False
        return not self.offsite_filter.should_follow(request, spider)

    # ---- the end --------------------------------------------------------------------
    def spider_closed(self, spider, reason: str) -> None:
        stats = self.crawler.stats
        stats.set_value("run/peak_rss_mib", round(peak_rss_mib(), 1))
        if self.archive.refused is not None:
            self.status, self.status_reason = decide_status(stats.get_stats(), reason, refused=self.archive.refused)
            self.record_refusal(spider)
            return
        # A first verdict before any I/O: if the archive cannot be written (a full disk), it stands.
        self.status, self.status_reason = decide_status(stats.get_stats(), reason, self.max_errors, self.lost)
        try:
            self.archive.in_writer(self.finish, spider, reason)
        except Exception as exc:  # said in one line; the next run closes this record (close_stale_runs)
            self.status, self.status_reason = decide_status(stats.get_stats(), reason, not_recorded=exc)
            logger.error("run %s could not be recorded (%s): status failed", self.run_id, exc)
            logger.debug("where it could not be recorded", exc_info=True)  # for a bug of ours: LOG_LEVEL=DEBUG shows it
        finally:
            self.archive.close()
        for warning in self.warnings:
            logger.warning("run %s: %s", self.run_id, warning)
        log = logger.info if self.status == "ok" else logger.error
        log("run %s ended: %s %s", self.run_id, self.status, self.status_reason)

    def finish(self, spider, reason: str) -> None:
        db = self.archive.write_db
        with storage.transaction(db):
            for outcome in self.offsite:
                storage.save_fetch(db, self.run_id, outcome.url, outcome.outcome, outcome.detail)
            storage.resolve_aliases(db)
        unaccounted = self.account_for_every_url(db, finished=reason == "finished")
        stats = self.crawler.stats.get_stats()
        self.status, self.status_reason = decide_status(
            stats,
            reason,
            self.max_errors,
            self.lost,
            unaccounted,
            redesign=(self.redesign, earlier_coverage(db, self.run_id)) if self.redesign else None,
        )
        values = run_values(stats, reason, self.status, self.status_reason, self.lost, self.was_incremental, now_wib())
        self.warnings += compare_with_earlier(
            db, {**values, "mode": getattr(spider, "mode", "default")}, self.started_at
        )
        values["warnings"] = json.dumps(self.warnings, ensure_ascii=False)
        values["stats"] = stats_json(self.crawler.stats.get_stats())
        storage.finish_run(db, self.run_id, values)

    def account_for_every_url(self, db, finished: bool) -> int:
        """Give every scheduled URL without an outcome one: ``lost`` (a bug or a crash) or ``not_fetched``."""
        missing = self.discovered - storage.fetched_urls(db, self.run_id)
        outcome = "lost" if finished else "not_fetched"
        with storage.transaction(db):
            for url in missing & self.dropped:  # asked for twice (a redirect back to a URL asked for already)
                storage.save_fetch(db, self.run_id, url, "asked_twice", DROPPED_AS_DUPLICATE)
            for url in missing - self.dropped:
                storage.save_fetch(db, self.run_id, url, outcome, "scheduled, but no outcome was recorded")
        return len(missing - self.dropped) if finished else 0

    def record_refusal(self, spider) -> None:
        """A sound archive refused for want of room still gets its ``crawl_runs`` row, if it can take one;
        any other refused file is not touched at all (``scrapy health`` finds it unusable by itself)."""
        self.archive.close()
        if not self.archive.refused.sound:
            return
        try:
            db = storage.open_database(self.path, self.archive.busy_timeout)
            try:
                run_id = storage.start_run(db, spider.name, self.base_url, getattr(spider, "mode", "default"))
                storage.finish_run(
                    db,
                    run_id,
                    {
                        "finished_at": now_wib(),
                        "finish_reason": REFUSED,
                        "status": "failed",
                        "status_reason": f"refused at start: {self.archive.refused.problem}",
                    },
                )
            finally:
                db.close()
        except sqlite3.Error as exc:
            logger.error("the refused run could not be recorded in %s either (%s)", self.path, exc)
