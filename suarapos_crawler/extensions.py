"""Extensions: ``RunRecord`` writes one ``crawl_runs`` row per run, with its outcome and all its stats."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured
from sqlite_utils import Database

from . import storage


def run_status(stats: dict, finish_reason: str) -> tuple[str, str]:
    """What a run amounted to: ``ok``, ``site_changed``, ``blocked``, ``unreachable`` or ``failed``, and why."""
    responses = stats.get("response_received_count", 0)
    statuses = {int(k.rsplit("/", 1)[1]): v for k, v in stats.items() if k.startswith("downloader/response_status_count/")}
    articles = sum(stats.get(f"sqlite/articles_{k}", 0) for k in ("new", "updated", "unchanged", "kept"))
    errors = stats.get("log_count/ERROR", 0)
    if responses == 0:
        return "unreachable", "no response from the site"
    blocked = statuses.get(403, 0) + statuses.get(429, 0)
    if blocked and blocked >= responses / 2:
        return "blocked", f"{blocked} of {responses} responses were 403/429"
    if finish_reason != "finished":
        return "failed", f"finish reason {finish_reason}"
    if errors:
        return "failed", f"{errors} errors logged"
    if articles == 0 and stats.get("suarapos/listing_pages", 0) and not stats.get("suarapos/incremental_stop", 0):
        return "site_changed", "listing pages were fetched but no article was parsed"
    return "ok", ""


def to_jsonable(value):
    return value.isoformat() if isinstance(value, datetime) else value


class RunRecord:
    """Settings: ``RUN_RECORD_ENABLED`` (default True); writes to ``SQLITE_PATH``."""

    def __init__(self, crawler, path: str):
        self.crawler = crawler
        self.path = path
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("SQLITE_PATH")
        if not path or not crawler.settings.getbool("RUN_RECORD_ENABLED", True):
            raise NotConfigured("no SQLITE_PATH or RUN_RECORD_ENABLED is off")
        ext = cls(crawler, path)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def open_db(self) -> Database:
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        db = Database(self.path)
        storage.ensure_schema(db)
        return db

    def spider_opened(self, spider):
        db = self.open_db()
        self.run_id = storage.start_run(db, spider.name, getattr(spider, "base_url", ""), getattr(spider, "mode", "default"))
        db.close()

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats.get_stats()
        status, why = run_status(stats, reason)
        self.crawler.stats.set_value("run/status", status)
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
            "errors": stats.get("log_count/ERROR", 0),
            "stats": json.dumps({k: to_jsonable(v) for k, v in stats.items()}, ensure_ascii=False, sort_keys=True),
        }
        db = self.open_db()
        storage.finish_run(db, self.run_id, values)
        db.close()
        spider.logger.info("run %s ended: %s %s", self.run_id, status, why)
