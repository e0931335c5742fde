"""Write items to the SQLite archive with sqlite-utils, in batched transactions, in a writer thread."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy.exceptions import NotConfigured
from sqlite_utils import Database

from .. import storage
from ..items import Article, Duplicate, FetchOutcome, Reject, UrlAlias

logger = logging.getLogger(__name__)


class BatchNotStored(Exception):
    """A batch's transaction failed: every item of it is lost, not only the one that made it flush."""

    def __init__(self, urls: list[str], cause: sqlite3.Error):
        super().__init__(f"could not store {len(urls)} items ({cause}): {', '.join(urls[:10])}")
        self.urls = urls


class SqlitePipeline:
    """Settings: ``SQLITE_PATH`` (default ``data/suarapos.db``; empty switches the pipeline off),
    ``SQLITE_BATCH_SIZE`` (default 100 items a transaction), ``SQLITE_WRITER_THREAD`` (default True:
    batches are written by a thread of their own, so the crawl goes on while SQLite, which lets go
    of the GIL, writes and indexes; the item that filled a batch completes when its batch is stored)."""

    def __init__(self, path: str, batch_size: int, stats, busy_timeout: float = 60.0, threaded: bool = True):
        self.path = path
        self.batch_size = batch_size
        self.stats = stats
        self.busy_timeout = busy_timeout
        self.pending: list = []
        self.db: Database | None = None  # opened, used and closed in the writer thread only
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="sqlite-writer") if threaded else None
        self.crawler_lost: list[str] = []  # URLs of items a failed transaction took with it

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("SQLITE_PATH")
        if not path:
            raise NotConfigured("SQLITE_PATH is empty")
        return cls(path, crawler.settings.getint("SQLITE_BATCH_SIZE", 100), crawler.stats,
                   crawler.settings.getfloat("SQLITE_BUSY_TIMEOUT", 60),
                   crawler.settings.getbool("SQLITE_WRITER_THREAD", True))

    def _in_writer(self, fn, *args):
        """Run ``fn`` where the connection lives, and wait for it."""
        return self.writer.submit(fn, *args).result() if self.writer is not None else fn(*args)

    def open_spider(self, spider=None):
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._in_writer(self._open)

    def _open(self) -> None:
        self.db = storage.open_database(self.path, self.busy_timeout)
        storage.ensure_schema(self.db)

    def process_item(self, item):
        self.pending.append(item)
        if len(self.pending) < self.batch_size:
            return item
        batch, self.pending = self.pending, []
        if self.writer is None:
            self._stored(self._write_now(batch))
            return item
        return self._when_written(self.writer.submit(self.write, batch, self.stats.get_value("run/id")), item)

    async def _when_written(self, future: Future, item):
        try:
            counts = await asyncio.wrap_future(future)
        except BatchNotStored as exc:
            self._lost(exc)
            raise
        self._stored(counts)
        return item

    def _write_now(self, batch: list) -> Counter:
        try:
            return self.write(batch, self.stats.get_value("run/id"))
        except BatchNotStored as exc:
            self._lost(exc)
            raise

    def _stored(self, counts: Counter) -> None:
        for key, count in counts.items():
            self.stats.inc_value(key, count)

    def _lost(self, exc: BatchNotStored) -> None:
        # Every item of the batch is lost, not only the one that made it flush: say so, loudly.
        self.stats.inc_value("sqlite/lost_items", len(exc.urls))
        self.crawler_lost.extend(exc.urls)
        logger.error("%s", exc)

    def write(self, batch: list, run_id: int | None) -> Counter:
        """Store a batch in one transaction; the stats it adds. Runs in the writer thread."""
        counts: Counter = Counter()
        seen_at = storage.now_wib()
        try:
            with storage.transaction(self.db):
                for item in batch:
                    self.store(item, seen_at, run_id, counts)
        except sqlite3.Error as exc:
            raise BatchNotStored([getattr(item, "url", "?") for item in batch], exc) from exc
        return counts

    def store(self, item, seen_at: str, run_id: int | None, counts: Counter) -> None:
        if isinstance(item, Article):
            outcome = storage.save_article(self.db, ItemAdapter(item).asdict(), seen_at)
            counts[f"sqlite/articles_{outcome}"] += 1
            if item.replaces:  # a stored later copy was moved to duplicates
                counts["sqlite/articles_demoted"] += 1
                counts["sqlite/duplicates"] += 1
            storage.save_fetch(self.db, run_id, item.fetched_url or item.url, f"article_{outcome}", item.url)
        elif isinstance(item, UrlAlias):
            storage.save_alias(self.db, item.alias, item.url)
            storage.save_fetch(self.db, run_id, item.alias, "redirected", item.url)
        elif isinstance(item, Reject):
            storage.save_reject(self.db, item.url, item.stage, item.reason, seen_at)
            counts["sqlite/rejects"] += 1
            storage.save_fetch(self.db, run_id, item.url, f"rejected_{item.stage}", item.reason)
        elif isinstance(item, Duplicate):
            storage.save_duplicate(self.db, item.url, item.duplicate_of, item.reason, seen_at)
            counts["sqlite/duplicates"] += 1
            storage.save_fetch(self.db, run_id, item.url, "duplicate", item.duplicate_of)
        elif isinstance(item, FetchOutcome):
            storage.save_fetch(self.db, run_id, item.url, item.outcome, item.detail)

    def close_spider(self, spider=None):
        if self.db is None:
            return
        try:
            batch, self.pending = self.pending, []
            if batch:
                self._stored(self._in_writer(self._write_now, batch))
            self._in_writer(self._resolve_aliases)
        finally:
            self.stats.set_value("sqlite/lost_urls", self.crawler_lost[:100])
            self._in_writer(self.db.close)
            if self.writer is not None:
                self.writer.shutdown(wait=True)

    def _resolve_aliases(self) -> None:
        with storage.transaction(self.db):
            storage.resolve_aliases(self.db)
