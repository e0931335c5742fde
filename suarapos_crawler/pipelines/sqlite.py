"""Write items to the SQLite archive with sqlite-utils, in batched transactions."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured
from sqlite_utils import Database

from .. import storage
from ..items import Article, Duplicate, FetchOutcome, Reject, UrlAlias

logger = logging.getLogger(__name__)


class SqlitePipeline:
    """Settings: ``SQLITE_PATH`` (default ``data/suarapos.db``; empty switches the pipeline off),
    ``SQLITE_BATCH_SIZE`` (default 100 items a transaction)."""

    def __init__(self, path: str, batch_size: int, stats, busy_timeout: float = 60.0):
        self.path = path
        self.batch_size = batch_size
        self.stats = stats
        self.busy_timeout = busy_timeout
        self.pending: list = []
        self.db: Database | None = None
        self.crawler_lost: list[str] = []  # URLs of items a failed transaction took with it

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("SQLITE_PATH")
        if not path:
            raise NotConfigured("SQLITE_PATH is empty")
        return cls(path, crawler.settings.getint("SQLITE_BATCH_SIZE", 100), crawler.stats,
                   crawler.settings.getfloat("SQLITE_BUSY_TIMEOUT", 60))

    def open_spider(self, spider=None):
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.db = storage.open_database(self.path, self.busy_timeout)
        storage.ensure_schema(self.db)

    def process_item(self, item):
        self.pending.append(item)
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        seen_at = storage.now_wib()
        try:
            with storage.transaction(self.db):  # one transaction a batch
                for item in batch:
                    self.store(item, seen_at)
        except sqlite3.Error as exc:
            # Every item of the batch is lost, not only the one that made it flush: say so, loudly.
            urls = [getattr(item, "url", "?") for item in batch]
            self.stats.inc_value("sqlite/lost_items", len(urls))
            self.crawler_lost.extend(urls)
            logger.error("could not store %d items (%s): %s", len(urls), exc, ", ".join(urls[:10]))
            raise

    def store(self, item, seen_at: str) -> None:
        run_id = self.stats.get_value("run/id")  # set by RunRecord; None when it is switched off
        if isinstance(item, Article):
            outcome = storage.save_article(self.db, ItemAdapter(item).asdict(), seen_at)
            self.stats.inc_value(f"sqlite/articles_{outcome}")
            if item.replaces:  # a stored later copy was moved to duplicates
                self.stats.inc_value("sqlite/articles_demoted")
                self.stats.inc_value("sqlite/duplicates")
            storage.save_fetch(self.db, run_id, item.fetched_url or item.url, f"article_{outcome}", item.url)
        elif isinstance(item, UrlAlias):
            storage.save_alias(self.db, item.alias, item.url)
            storage.save_fetch(self.db, run_id, item.alias, "redirected", item.url)
        elif isinstance(item, Reject):
            storage.save_reject(self.db, item.url, item.stage, item.reason, seen_at)
            self.stats.inc_value("sqlite/rejects")
            storage.save_fetch(self.db, run_id, item.url, f"rejected_{item.stage}", item.reason)
        elif isinstance(item, Duplicate):
            storage.save_duplicate(self.db, item.url, item.duplicate_of, item.reason, seen_at)
            self.stats.inc_value("sqlite/duplicates")
            storage.save_fetch(self.db, run_id, item.url, "duplicate", item.duplicate_of)
        elif isinstance(item, FetchOutcome):
            storage.save_fetch(self.db, run_id, item.url, item.outcome, item.detail)

    def close_spider(self, spider=None):
        if self.db is None:
            return
        try:
            self.flush()
            with storage.transaction(self.db):
                storage.resolve_aliases(self.db)
        finally:
            self.stats.set_value("sqlite/lost_urls", self.crawler_lost[:100])
            self.db.close()
