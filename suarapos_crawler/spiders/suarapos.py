"""The ``suarapos`` spider: crawling only. Where to go next; the page classes read the pages.

Path: home -> every section in the menu (nested too) -> every page of each
section -> every listed article -> every inline "Baca Juga" link.  Nothing that
can only lead to non-articles is requested (tag, author and date archives,
calendar, search, feeds, comment reply links, prev/next and related widgets).

Incremental by default, with the database as the only state (``CrawlPlan``):
stored articles are not fetched again unless published within the refresh
window or newer in the sitemap; a section stops paging once a page lists a few
stored articles.  ``-a mode=backfill`` walks every page and the sitemaps;
``-a mode=refresh`` fetches every stored article again.  Both resume a killed run.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError

from scrapy.utils.sitemap import Sitemap

from ..incremental import CrawlPlan
from ..items import Reject, UrlAlias
from ..pages.article import ArticlePage
from ..pages.listing import ListingPage
from ..urls import DEFAULT_BASE_URL, SITE_HOSTS, canonical_url, may_be_article

REDIRECT_CODES = [301, 302, 303, 307, 308]
MAX_REDIRECTS = 5
# Politeness is for the live site; a copy served on this machine may be crawled at full speed.
LOOPBACK_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


class SuaraposSpider(scrapy.Spider):
    name = "suarapos"

    def __init__(self, base_url: str = DEFAULT_BASE_URL, mode: str = "default", **kwargs):
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")
        self.mode = mode
        host = urlsplit(self.base_url).hostname or ""
        self.allowed_domains = sorted({host, *SITE_HOSTS})
        self.plan = CrawlPlan(mode=mode)
        self.max_section_pages = 0

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if urlsplit(spider.base_url).hostname in LOOPBACK_HOSTS:
            for name, value in LOOPBACK_SETTINGS.items():
                if settings.getpriority(name) < 40:  # a -s on the command line still wins
                    settings.set(name, value, priority="spider")
        spider.plan = CrawlPlan.load(
            settings.get("SQLITE_PATH"), spider.mode,
            refresh_days=settings.getfloat("INCREMENTAL_REFRESH_DAYS", 3.0),
            known_tolerance=settings.getint("INCREMENTAL_KNOWN_TOLERANCE", 3),
        )
        spider.max_section_pages = settings.getint("SECTION_MAX_PAGES", 5000)
        return spider

    async def start(self):
        yield scrapy.Request(f"{self.base_url}/", callback=self.parse_home)
        if self.plan.has_articles or self.mode == "backfill":
            yield scrapy.Request(f"{self.base_url}/sitemap_index.xml", callback=self.parse_sitemap_index,
                                 errback=self.sitemap_failed)
        for url in self.plan.to_refresh() + self.plan.dangling_targets:
            if may_be_article(url, self.base_url):
                yield self.article_request(url)

    # ---- sitemaps: what changed since the stored copy ------------------------------
    def parse_sitemap_index(self, response):
        entries = list(Sitemap(response.body)) if response.body else []
        posts = [e for e in entries if "post" in e.get("loc", "").rsplit("/", 1)[-1]]
        if self.mode != "backfill" and posts and all(not e.get("lastmod") for e in posts):
            posts = posts[-1:]  # no dates to go by: the newest posts are in the last file
        for entry in posts:
            if self.plan.sitemap_changed(entry.get("lastmod")):
                yield scrapy.Request(canonical_url(entry["loc"], self.base_url), callback=self.parse_sitemap,
                                     errback=self.sitemap_failed)

    def parse_sitemap(self, response):
        for entry in Sitemap(response.body):
            url = canonical_url(entry.get("loc", ""), self.base_url)
            if not may_be_article(url, self.base_url):
                continue
            if not self.plan.known(url) or self.plan.changed_since_stored(url, entry.get("lastmod")):
                yield self.article_request(url)

    def sitemap_failed(self, failure):
        # Sitemaps only speed things up; the sections are walked anyway.
        self.logger.warning("sitemap not read: %s (%s)", failure.request.url, describe_failure(failure))

    # ---- listings -----------------------------------------------------------
    def parse_home(self, response):
        page = ListingPage(response, self.base_url)
        for url in page.section_urls():
            yield scrapy.Request(url, callback=self.parse_section)
        yield from self.follow_articles(page.article_urls())

    def parse_section(self, response):
        page = ListingPage(response, self.base_url)
        stats = self.crawler.stats
        stats.inc_value("suarapos/listing_pages")
        stats.inc_value(f"suarapos/pages/{section_of(response.url, self.base_url)}")
        listed = page.article_urls()
        yield from self.follow_articles(listed)
        known = sum(self.plan.known(url) for url in listed)
        next_url = page.next_page_url()
        if not next_url:
            return
        if not self.plan.keep_paging(known):
            stats.inc_value("suarapos/incremental_stop")
            return
        if page.current_page() >= self.max_section_pages:
            stats.inc_value("suarapos/section_page_cap")
            self.logger.warning("section page cap SECTION_MAX_PAGES=%s reached at %s", self.max_section_pages, response.url)
            return
        yield scrapy.Request(next_url, callback=self.parse_section, errback=self.section_ended)

    def section_ended(self, failure):
        # A 404 past the last page of a "load more" section is how such a section ends.
        if failure.check(HttpError) and failure.value.response.status == 404:
            self.logger.debug("section ends before %s", failure.request.url)
            return
        yield Reject(url=failure.request.url, stage="fetch", reason=describe_failure(failure))

    def follow_articles(self, urls):
        for url in urls:
            if self.plan.should_fetch(url):
                yield self.article_request(url)

    def article_request(self, url: str, hops: int = 0) -> scrapy.Request:
        # Redirects are followed here, not by the middleware, so each old slug is recorded as an alias
        # even when its target was fetched already (the dupe filter would hide it otherwise).
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            priority=10,  # finish listed articles before new listing pages: a short queue
            meta={"dont_redirect": True, "handle_httpstatus_list": REDIRECT_CODES, "hops": hops},
        )

    # ---- articles -------------------------------------------------------------
    def parse_article(self, response):
        requested = canonical_url(response.url, self.base_url)
        if response.status in REDIRECT_CODES:
            yield from self.follow_redirect(response, requested)
            return
        page = ArticlePage(response, self.base_url)
        if not page.is_article():
            self.crawler.stats.inc_value("suarapos/not_article")
            yield Reject(url=requested, stage="classify", reason=page.why_not_article())
            return
        item = page.to_item()
        yield item
        for link in item.related:
            if may_be_article(link.target_url, self.base_url) and not self.plan.known(link.target_url):
                yield self.article_request(link.target_url)

    def follow_redirect(self, response, requested: str):
        location = response.headers.get("Location", b"").decode("latin-1")
        hops = response.meta.get("hops", 0) + 1
        if not location:
            yield Reject(url=requested, stage="fetch", reason=f"HTTP {response.status} without Location")
            return
        target = canonical_url(response.urljoin(location), self.base_url)
        if hops > MAX_REDIRECTS or target == requested:
            yield Reject(url=requested, stage="fetch", reason=f"redirect loop or chain over {MAX_REDIRECTS} hops")
            return
        if not may_be_article(target, self.base_url):
            yield Reject(url=requested, stage="fetch", reason=f"redirects to a page that is not an article: {target}")
            return
        yield UrlAlias(alias=requested, url=target)
        yield self.article_request(target, hops)

    def article_failed(self, failure):
        self.crawler.stats.inc_value("suarapos/article_fetch_failed")
        yield Reject(url=canonical_url(failure.request.url, self.base_url), stage="fetch", reason=describe_failure(failure))


def section_of(url: str, base_url: str) -> str:
    """The section path of a listing URL, without the page number: ``/category/daerah/pangkalpinang/``."""
    path = urlsplit(url).path
    return path.split("/page/", 1)[0] if "/page/" in path else path


def describe_failure(failure) -> str:
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"[:500]
