"""``RunRecord``: one ``crawl_runs`` row per run, with its status, what it did, and a comparison with earlier runs."""

from __future__ import annotations

import json
import statistics
import sys
from datetime import datetime
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import NotConfigured
from sqlite_utils import Database

from . import storage
from .resources import peak_rss_mib
from .urls import canonical_url

# Fields that a healthy crawl fills on nearly every article; all empty at once means the markup changed.
WATCHED_FIELDS = ("author", "section", "published_at", "dateline", "body")


def run_status(stats: dict, finish_reason: str, max_errors: int, lost: list[str], unaccounted: int = 0) -> tuple[str, str]:
    """What a run amounted to: ``ok``, ``site_changed``, ``blocked``, ``unreachable`` or ``failed``, and why."""
    responses = stats.get("response_received_count", 0)
    statuses = {int(k.rsplit("/", 1)[1]): v for k, v in stats.items() if k.startswith("downloader/response_status_count/")}
    articles = sum(stats.get(f"sqlite/articles_{k}", 0) for k in ("new", "updated", "unchanged", "kept"))
    errors = stats.get("log_count/ERROR", 0)
    if lost:
        return "failed", f"{len(lost)} item(s) lost in a pipeline: {', '.join(lost[:5])}"
    if finish_reason == "blocked":
        return "blocked", "the site kept answering 403/429, even after a pause"
    if stats.get("robotstxt/disallow_all"):
        return "unreachable", "robots.txt answered 5xx or could not be fetched: everything disallowed (RFC 9309)"
    if responses == 0:
        return "unreachable", "no response from the site"
    real = responses - stats.get("robotstxt/response_count", 0)
    if real <= 0:
        return "unreachable", "only robots.txt answered"
    blocked = statuses.get(403, 0) + statuses.get(429, 0)
    if blocked and blocked >= real / 2:
        return "blocked", f"{blocked} of {responses} responses were 403/429"
    if finish_reason != "finished":
        return "failed", f"the run ended early ({finish_reason})"
    if unaccounted:
        return "failed", f"{unaccounted} URL(s) were scheduled but have no recorded outcome"
    if errors > max_errors:
        return "failed", f"{errors} errors logged (RUN_MAX_ERRORS is {max_errors})"
    if articles == 0 and stats.get("suarapos/listing_pages", 0) and not stats.get("suarapos/incremental_stop", 0):
        return "site_changed", "listing pages were fetched but no article was parsed"
    return "ok", ""


def compare_with_earlier(db: Database, run: dict, started_at: str) -> list[str]:
    """Warnings for a run that looks unlike the last successful runs of the same mode."""
    warnings = []
    earlier = list(db.query(
        "SELECT articles_new + articles_updated + articles_unchanged AS parsed FROM crawl_runs "
        "WHERE status = 'ok' AND mode = ? AND started_at < ? AND was_incremental = ? ORDER BY id DESC LIMIT 5",
        [run["mode"], started_at, run["was_incremental"]],
    ))
    parsed = run["articles_new"] + run["articles_updated"] + run["articles_unchanged"]
    if len(earlier) >= 2:
        usual = statistics.median(r["parsed"] for r in earlier)
        if usual >= 10 and parsed < usual / 4:
            warnings.append(f"{parsed} articles parsed, far below the usual {usual:g}")
    fresh = list(db.query(
        "SELECT " + ", ".join(f"SUM(COALESCE({f}, '') = '') AS {f}" for f in WATCHED_FIELDS) + ", COUNT(*) AS n "
        "FROM articles WHERE last_seen_at >= ?", [started_at]
    ))[0]
    if fresh["n"] >= 10:
        before = list(db.query(
            "SELECT " + ", ".join(f"SUM(COALESCE({f}, '') = '') AS {f}" for f in WATCHED_FIELDS) + ", COUNT(*) AS n "
            "FROM articles WHERE last_seen_at < ?", [started_at]
        ))[0]
        for f in WATCHED_FIELDS:
            if fresh[f] == fresh["n"] and before["n"] and (before[f] or 0) < before["n"] / 2:
                warnings.append(f"field {f} is empty on all {fresh['n']} articles of this run")
    return warnings


def to_jsonable(value):
    return value.isoformat() if isinstance(value, datetime) else value


class RunRecord:
    """Settings: ``RUN_RECORD_ENABLED`` (default True), ``RUN_MAX_ERRORS`` (default 5); writes to ``SQLITE_PATH``."""

    def __init__(self, crawler, path: str, max_errors: int):
        self.crawler = crawler
        self.path = path
        self.max_errors = max_errors
        self.run_id: int | None = None
        self.started_at = ""
        self.was_incremental = 0
        self.lost: list[str] = []
        self.discovered: set[str] = set()
        self.base_url = ""

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("SQLITE_PATH")
        if not path or not crawler.settings.getbool("RUN_RECORD_ENABLED", True):
            raise NotConfigured("no SQLITE_PATH or RUN_RECORD_ENABLED is off")
        ext = cls(crawler, path, crawler.settings.getint("RUN_MAX_ERRORS", 5))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        crawler.signals.connect(ext.request_scheduled, signal=signals.request_scheduled)
        return ext

    def open_db(self) -> Database:
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        db = storage.open_database(self.path, self.crawler.settings.getfloat("SQLITE_BUSY_TIMEOUT", 60))
        storage.ensure_schema(db)
        return db

    def request_scheduled(self, request, spider):
        # The ledger's left side: every URL the crawler decided to fetch (after the dupe filter).
        self.discovered.add(sys.intern(canonical_url(request.url, self.base_url or request.url)))

    def account_for_every_url(self, db: Database, finished: bool) -> int:
        """Give every scheduled URL without an outcome one: ``lost`` (a bug or a crash) or ``not_fetched``."""
        missing = self.discovered - storage.fetched_urls(db, self.run_id)
        outcome = "lost" if finished else "not_fetched"
        with storage.transaction(db):
            for url in missing:
                storage.save_fetch(db, self.run_id, url, outcome, "scheduled, but no outcome was recorded")
        return len(missing) if finished else 0

    def spider_opened(self, spider):
        db = self.open_db()
        storage.close_stale_runs(db)
        self.was_incremental = int(db["articles"].count > 0)
        self.started_at = storage.now_wib()
        self.base_url = getattr(spider, "base_url", "")
        self.run_id = storage.start_run(db, spider.name, self.base_url, getattr(spider, "mode", "default"), self.started_at)
        self.crawler.stats.set_value("run/id", self.run_id)
        db.close()

    def item_error(self, item, response, spider, failure):
        # A pipeline raised: the item is gone. Name it, and fail the run.
        url = ItemAdapter(item).get("url") if ItemAdapter.is_item(item) else None
        self.lost.append(url or getattr(response, "url", "?"))

    def spider_closed(self, spider, reason):
        self.crawler.stats.set_value("run/peak_rss_mib", round(peak_rss_mib(), 1))
        lost = self.lost + [u for u in (self.crawler.stats.get_value("sqlite/lost_urls") or []) if u not in self.lost]
        # A first verdict before any I/O: if the database cannot be written (a full disk), it stands.
        status, why = run_status(self.crawler.stats.get_stats(), reason, self.max_errors, lost)
        self.crawler.stats.set_value("run/status", status)
        try:
            self.record(spider, reason, lost)
        except Exception as exc:
            self.crawler.stats.set_value("run/status", "failed")
            spider.logger.error("run %s could not be recorded (%s): status failed", self.run_id, exc)
            raise

    def record(self, spider, reason: str, lost: list[str]) -> None:
        db = self.open_db()
        unaccounted = self.account_for_every_url(db, finished=reason == "finished")
        stats = self.crawler.stats.get_stats()
        status, why = run_status(stats, reason, self.max_errors, lost, unaccounted)
        values = {
            "finished_at": storage.now_wib(),
            "finish_reason": reason,
            "status": status,
            "status_reason": why,
            "requests": stats.get("downloader/request_count", 0),
            "responses_by_status": json.dumps(
                {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("downloader/response_status_count/")}
            ),
            "articles_new": stats.get("sqlite/articles_new", 0) - stats.get("sqlite/articles_demoted", 0),
            "articles_updated": stats.get("sqlite/articles_updated", 0),
            "articles_unchanged": stats.get("sqlite/articles_unchanged", 0),
            "rejected": stats.get("sqlite/rejects", 0),
            "duplicates": stats.get("sqlite/duplicates", 0),
            "listing_pages": stats.get("suarapos/listing_pages", 0),
            "pages_per_section": json.dumps(
                {k[len("suarapos/pages/"):]: v for k, v in stats.items() if k.startswith("suarapos/pages/")}, sort_keys=True
            ),
            "errors": stats.get("log_count/ERROR", 0),
            "lost_items": json.dumps(lost),
            "was_incremental": self.was_incremental,
        }
        warnings = compare_with_earlier(db, {**values, "mode": getattr(spider, "mode", "default")}, self.started_at)
        values["warnings"] = json.dumps(warnings, ensure_ascii=False)
        self.crawler.stats.set_value("run/status", status)
        values["stats"] = json.dumps({k: to_jsonable(v) for k, v in self.crawler.stats.get_stats().items()},
                                     ensure_ascii=False, sort_keys=True)
        storage.finish_run(db, self.run_id, values)
        db.close()
        for warning in warnings:
            spider.logger.warning("run %s: %s", self.run_id, warning)
        log = spider.logger.info if status == "ok" else spider.logger.error
        log("run %s ended: %s %s", self.run_id, status, why)
