"""Hand items to the archive in batches: one transaction a batch (written by the archive's writer thread with
``SQLITE_WRITER_THREAD``)."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from concurrent.futures import Future

from scrapy.exceptions import DropItem, NotConfigured

from ..archive import Archive, BatchNotStored


class SqlitePipeline:
    """Settings: ``SQLITE_BATCH_SIZE`` (items a transaction). Writes through the ``Archive`` extension (off
    with it when ``SQLITE_PATH`` is empty). With ``SQLITE_WRITER_THREAD``, the item that filled a batch
    completes when its batch is stored, so the crawl goes on while SQLite (which lets go of the GIL) writes."""

    def __init__(self, archive: Archive, batch_size: int, stats):
        self.archive = archive
        self.batch_size = batch_size
        self.stats = stats
        self.pending: list = []

    @classmethod
    def from_crawler(cls, crawler):
        archive = crawler.get_extension(Archive)
        if archive is None:
            raise NotConfigured("no archive (SQLITE_PATH is empty)")
        return cls(archive, crawler.settings.getint("SQLITE_BATCH_SIZE"), crawler.stats)

    def process_item(self, item):
        self.pending.append(item)
        if len(self.pending) < self.batch_size:
            return item
        return self.flush(item)

    def flush(self, item=None):
        batch, self.pending = self.pending, []
        try:
            written = self.archive.submit(batch)
        except BatchNotStored as exc:
            self.archive.batch_lost(exc)  # named, counted and said in one line there: no traceback beside it
            raise DropItem(str(exc), log_level="DEBUG") from exc
        if isinstance(written, Future):
            return self._when_written(written, item)
        self._stored(written)
        return item

    async def _when_written(self, future: Future, item):
        try:
            counts = await asyncio.wrap_future(future)
        except BatchNotStored as exc:
            self.archive.batch_lost(exc)
            raise DropItem(str(exc), log_level="DEBUG") from exc
        self._stored(counts)
        return item

    def _stored(self, counts: Counter) -> None:
        for key, count in counts.items():
            self.stats.inc_value(key, count)

    async def close_spider(self):
        if self.pending and self.archive.refused is None:
            with contextlib.suppress(DropItem):  # a last batch not stored is named lost by the archive already
                result = self.flush()
                if asyncio.iscoroutine(result):
                    await result
