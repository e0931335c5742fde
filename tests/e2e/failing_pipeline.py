"""A pipeline that raises on one article, to prove such a loss fails the run and names the URL."""

from __future__ import annotations

from suarapos_crawler.items import Article


class FailOnOnePipeline:
    def __init__(self, needle: str):
        self.needle = needle

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("FAIL_URL_CONTAINS", "tingkatkan-kompetensi"))

    def process_item(self, item):
        if isinstance(item, Article) and self.needle in item.url:
            raise RuntimeError("simulated pipeline failure")
        return item
