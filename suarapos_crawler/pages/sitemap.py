"""A sitemap or sitemap index (Yoast's) as the spider reads it. No I/O."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy.utils.sitemap import Sitemap

from ..urls import canonical_url, may_be_article


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    """Canonical URL of the entry."""
    lastmod: str | None
    """Its ``<lastmod>``, as written (ISO 8601), if any."""


class SitemapPage:
    """``response`` is a Scrapy ``Response`` of a sitemap (XML; lxml's recovering parser reads a broken one)."""

    def __init__(self, response, base_url: str):
        self.response = response
        self.base_url = base_url

    def entries(self) -> list[SitemapEntry]:
        if not self.response.body:
            return []
        return [
            SitemapEntry(canonical_url(entry.get("loc", ""), self.base_url), entry.get("lastmod"))
            for entry in Sitemap(self.response.body)
        ]

    def post_sitemaps(self) -> list[SitemapEntry]:
        """The index's sitemaps of posts (``post-sitemap.xml``, ``post-sitemap2.xml``...), oldest posts first."""
        return [e for e in self.entries() if "post" in e.url.rstrip("/").rsplit("/", 1)[-1]]

    def article_entries(self) -> list[SitemapEntry]:
        """The entries that may be articles (the home page, listed first by Yoast, is not)."""
        return [e for e in self.entries() if may_be_article(e.url, self.base_url)]
