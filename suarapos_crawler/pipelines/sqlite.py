"""Write items to the SQLite archive with sqlite-utils, in batched transactions."""

from __future__ import annotations

from pathlib import Path

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured
from sqlite_utils import Database

from .. import storage
from ..items import Article, Duplicate, Reject, UrlAlias


class SqlitePipeline:
    """Settings: ``SQLITE_PATH`` (default ``data/suarapos.db``; empty switches the pipeline off),
    ``SQLITE_BATCH_SIZE`` (default 100 items a transaction)."""

    def __init__(self, path: str, batch_size: int, stats):
        self.path = path
        self.batch_size = batch_size
        self.stats = stats
        self.pending: list = []
        self.db: Database | None = None

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("SQLITE_PATH")
        if not path:
            raise NotConfigured("SQLITE_PATH is empty")
        return cls(path, crawler.settings.getint("SQLITE_BATCH_SIZE", 100), crawler.stats)

    def open_spider(self, spider=None):
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.db = Database(self.path)
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
        with self.db.conn:  # one transaction a batch
            for item in batch:
                self.store(item, seen_at)
            storage.resolve_aliases(self.db)

    def store(self, item, seen_at: str) -> None:
        if isinstance(item, Article):
            outcome = storage.save_article(self.db, ItemAdapter(item).asdict(), seen_at)
            self.stats.inc_value(f"sqlite/articles_{outcome}")
            if item.replaces:  # a stored later copy was moved to duplicates
                self.stats.inc_value("sqlite/articles_demoted")
                self.stats.inc_value("sqlite/duplicates")
        elif isinstance(item, UrlAlias):
            storage.save_alias(self.db, item.alias, item.url)
        elif isinstance(item, Reject):
            storage.save_reject(self.db, item.url, item.stage, item.reason, seen_at)
            self.stats.inc_value("sqlite/rejects")
        elif isinstance(item, Duplicate):
            storage.save_duplicate(self.db, item.url, item.duplicate_of, item.reason, seen_at)
            self.stats.inc_value("sqlite/duplicates")

    def close_spider(self, spider=None):
        if self.db is None:
            return
        self.flush()
        with self.db.conn:
            storage.resolve_aliases(self.db)
        self.db.close()
