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

import os
import sys
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

import scrapy
from scrapy.http import TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from w3lib.url import safe_url_string

from ..archive import Archive
from ..items import FetchOutcome, Gone, NotModified, Reject, UrlAlias
from ..middlewares import TRUNCATED
from ..pages.article import join_split_pages
from ..pages.sitemap import SitemapPage
from ..run.redesign import count_reading
from ..urls import DEFAULT_BASE_URL, SITE_HOSTS, canonical_url, may_be_article
from ..warc.replay import CaptureUnreadable, NotCaptured, WarcReplayMiddleware, validators_of
from .plan import MODES, CrawlPlan
from .readers import PageReaders

REDIRECT_CODES = [301, 302, 303, 307, 308]
# Politeness is for the live site; a copy served on this machine may be crawled at full speed.
LOOPBACK_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    # Read pages in a worker process while Scrapy fetches: a local copy is served faster than one core reads it.
    "EXTRACT_PROCESSES": 1 if (os.cpu_count() or 1) > 1 else 0,
}
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# The URLs a sitemap names that the archive lacks are asked for a batch at a time; when a batch has answered and most
# of what it asked for was not there (404, 410), the sitemap is read no further. A spam or broken sitemap of 20,000
# dead URLs costs a batch, not 20,000 requests; a real backlog of new articles is read batch after batch.
SITEMAP_BATCH = 100
SITEMAP_DEAD_SHARE = 0.8
# A sitemap abandoned so by the last run that read it is probed with this few first: cleaned, it is read again.
SITEMAP_PROBE = 10


class SuaraposSpider(scrapy.Spider):
    name = "suarapos"

    def __init__(self, base_url: str = DEFAULT_BASE_URL, mode: str = "default", **kwargs):
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")
        self.mode = mode
        host = urlsplit(self.base_url).hostname or ""
        # A copy served on this machine is crawled at full speed (LOOPBACK_SETTINGS): it must never lead the
        # crawler to the live site at that speed, so its own host is the only one allowed.
        self.allowed_domains = [host] if host in LOOPBACK_HOSTS else sorted({host, *SITE_HOSTS})
        self.plan = CrawlPlan(mode=mode)
        # SECTION_MAX_PAGES, URLLENGTH_LIMIT, REDIRECT_MAX_TIMES: read in from_crawler (their defaults: settings.py)
        self.max_section_pages = self.max_url_length = self.max_redirects = 0
        self.sitemaps_pending = 0
        # What the run has learnt of its own size (the progress line's time left): the home page read (after
        # the sitemaps), the sections it lists, and those whose first page said how many pages they have.
        self.home_read, self.sections_listed, self.sections_sized = False, 0, 0
        # Articles each section listed in this run (a section whose next page lists only these repeats itself).
        self.section_listed: dict[str, set[str]] = {}
        self.reader = PageReaders(0)  # in this process, until start() finds the crawl's PageReaders
        # Articles asked for in this run. Listings and Baca Juga boxes repeat the same links: a request
        # made only for Scrapy's dupe filter to drop still costs its trip through the middlewares.
        self.requested: set[str] = set()
        # Sitemap -> the URLs it names still to ask for, and [in flight, answered, not there] of those asked for.
        self.sitemap_backlog: dict[str, deque[str]] = {}
        self.sitemap_tally: dict[str, list[int]] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if urlsplit(spider.base_url).hostname in LOOPBACK_HOSTS:
            for name, value in LOOPBACK_SETTINGS.items():
                if settings.getpriority(name) < 40:  # a -s on the command line still wins
                    settings.set(name, value, priority="spider")
        if spider.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {spider.mode!r}")
        spider.max_section_pages = settings.getint("SECTION_MAX_PAGES")
        spider.max_url_length = settings.getint("URLLENGTH_LIMIT")
        # Redirects of articles are followed here, one hop a request, so that each old slug is recorded as an
        # alias even when its target was fetched already; Scrapy's limit on a chain holds for them too.
        spider.max_redirects = settings.getint("REDIRECT_MAX_TIMES")
        return spider

    def load_plan(self) -> CrawlPlan:
        """What this run must fetch, from the archive (opened and brought up to date when the spider opened)."""
        settings = self.crawler.settings
        archive = self.crawler.get_extension(Archive)
        return CrawlPlan.load(
            archive.db if archive else None,
            self.mode,
            refresh_days=settings.getfloat("INCREMENTAL_REFRESH_DAYS"),
            known_tolerance=settings.getint("INCREMENTAL_KNOWN_TOLERANCE"),
            trust_lastmod=settings.getbool("INCREMENTAL_TRUST_LASTMOD"),
            before_run=archive.run_id if archive else None,  # the run being planned is not a killed run
            reject_retry_max_hours=settings.getfloat("INCREMENTAL_RETRY_MAX_HOURS"),
            recheck_per_run=settings.getint("INCREMENTAL_RECHECK_PER_RUN"),
            recheck_min_hours=settings.getfloat("INCREMENTAL_RECHECK_MIN_HOURS"),
        )

    async def start(self):
        self.reader = self.crawler.get_extension(PageReaders) or self.reader
        self.plan = self.load_plan()
        replay = self.crawler.get_downloader_middleware(WarcReplayMiddleware) if self.mode == "replay" else None
        others = []
        if replay is not None:
            # Replaying captures: every captured article, also those no replayed listing links to any more. The
            # plain pages (200, HTML) are read straight from their captures first, the rest go through the engine
            # as they were fetched. Requests come after: the engine looks whether the crawl is over when a request
            # is done, not when an item is (after items alone it would wait for its heartbeat, 5 s).
            plain = replay.plain_pages(self.base_url)
            self.requested.update(plain)  # asked for already: a Baca Juga link to one makes no request
            async for out in replay.read_captured(plain, self.reader, self.article_request, self.article_read):
                yield out
            plain_set = set(plain)
            others = [url for url in replay.article_urls(self.base_url) if url not in plain_set]
        if self.plan.has_articles or self.mode in ("backfill", "replay"):
            # Sitemaps first: their lastmod tells which stored articles changed, before the listings ask.
            yield scrapy.Request(
                f"{self.base_url}/sitemap_index.xml", callback=self.parse_sitemap_index, errback=self.sitemap_failed
            )
        else:
            yield self.home_request()
        for url in self.plan.to_refresh() + self.plan.dangling_targets + others:
            if may_be_article(url, self.base_url):
                for request_or_reject in self.follow(url):
                    yield request_or_reject
        for request in self.recheck_requests():
            yield request

    def closed(self, reason: str) -> None:
        self.plan.close()  # its snapshot of the archive let go: the run's writes may be moved into the file

    def recheck_requests(self):
        """Stored articles asked for again on the rolling schedule (``CrawlPlan.to_recheck``), conditionally: with
        the validators of the capture each was read from, a site that keeps them answers 304, not the page."""
        archive = self.crawler.get_extension(Archive)
        for url in self.plan.to_recheck():
            if url in self.requested:
                continue
            self.requested.add(url)
            request = self.article_request(url)
            request.meta["handle_httpstatus_list"] = [*REDIRECT_CODES, 304]
            if archive is not None and archive.db is not None:
                request.headers.update(validators_of(archive.db, Path(archive.path).parent, url))
            self.crawler.stats.inc_value("suarapos/rechecks")
            yield request

    def home_request(self) -> scrapy.Request:
        return scrapy.Request(f"{self.base_url}/", callback=self.parse_home, errback=self.listing_failed)

    # ---- sitemaps: what changed since the stored copy ------------------------------
    def parse_sitemap_index(self, response):
        index = SitemapPage(response, self.base_url)
        yield FetchOutcome(canonical_url(response.url, self.base_url), "sitemap", f"{len(index.entries())} sitemaps")
        posts = index.post_sitemaps()
        # Read the sitemaps changed since the last good run, and always the newest two: Yoast fills files
        # of 1,000 oldest-first, so the last one may hold only a handful; two cover the refresh window.
        # An index whose lastmods date the files, not the posts (2,000 sitemaps, each "changed" every run): its
        # newest two only, as for a run with nothing changed.
        believed = self.plan.lastmods_believable([entry.lastmod for entry in posts])
        chosen = [
            e for i, e in enumerate(posts) if (believed and self.plan.sitemap_changed(e.lastmod)) or i >= len(posts) - 2
        ]
        self.sitemaps_pending = len(chosen)
        if not chosen:
            yield self.home_request()
        for entry in chosen:
            yield scrapy.Request(entry.url, callback=self.parse_sitemap, errback=self.sitemap_failed)

    def parse_sitemap(self, response):
        sitemap = SitemapPage(response, self.base_url)
        yield FetchOutcome(canonical_url(response.url, self.base_url), "sitemap", f"{len(sitemap.entries())} URLs")
        entries = sitemap.article_entries()
        believed = self.plan.lastmods_believable([entry.lastmod for entry in entries])
        if not believed:
            self.crawler.stats.inc_value("suarapos/sitemap_lastmods_ignored")
            self.logger.info("%s dates its URLs at the time it was made: its lastmods are not believed", response.url)
        wanted = deque()
        for entry in entries:
            lastmod = entry.lastmod if believed else None
            self.plan.note_lastmod(entry.url, lastmod)
            if not self.plan.known(entry.url) or self.plan.changed_since_stored(entry.url, lastmod):
                wanted.append(entry.url)
        name = canonical_url(response.url, self.base_url)
        self.sitemap_backlog[name], self.sitemap_tally[name] = wanted, [0, 0, 0]
        yield from self.sitemap_batch(name, SITEMAP_PROBE if name in self.plan.sitemaps_abandoned else SITEMAP_BATCH)
        yield from self.sitemap_done()

    def pages_to_come(self) -> int | None:
        """Pages the run knows it will ask for beyond Scrapy's queue: the sitemaps' URLs held back in batches.
        None while it does not know its size yet: until the sitemaps and the home page are read, and every section's
        first page has said how many pages the section has (a first estimate from a queue of a few pages said
        2 min 15 s for a crawl of 54 minutes)."""
        if not self.home_read or self.sections_sized < self.sections_listed:
            return None
        return sum(len(backlog) for backlog in self.sitemap_backlog.values())

    def sitemap_batch(self, sitemap: str, size: int = SITEMAP_BATCH):
        """The next URLs a sitemap names, up to a batch in flight. Counted in flight before the first is yielded: Scrapy
        sends them while this runs, and one answered early must not find its batch over."""
        backlog, tally = self.sitemap_backlog[sitemap], self.sitemap_tally[sitemap]
        batch = []
        while backlog and tally[0] < size:
            for out in self.follow(backlog.popleft()):
                if isinstance(out, scrapy.Request):
                    out.meta["sitemap"] = sitemap
                    tally[0] += 1
                batch.append(out)
        yield from batch

    def sitemap_answered(self, meta: dict, there: bool):
        """A URL a sitemap named has answered: once its batch has, the next batch, or, if most of it was not there,
        the end of that sitemap (said in the ledger, as its outcome)."""
        sitemap = meta.get("sitemap")
        if sitemap is None:
            return
        tally = self.sitemap_tally[sitemap]
        tally[0], tally[1], tally[2] = tally[0] - 1, tally[1] + 1, tally[2] + (not there)
        backlog = self.sitemap_backlog[sitemap]
        if tally[0] > 0 or not backlog:
            return
        if tally[2] >= SITEMAP_DEAD_SHARE * tally[1]:
            self.crawler.stats.inc_value("suarapos/sitemaps_abandoned")
            self.crawler.stats.inc_value("suarapos/sitemap_urls_not_asked", len(backlog))
            why = f"{tally[2]} of the {tally[1]} URLs asked for were not there: the other {len(backlog)} not asked"
            self.logger.warning("%s: %s", sitemap, why)
            backlog.clear()
            yield FetchOutcome(sitemap, "sitemap_abandoned", why)
            return
        yield from self.sitemap_batch(sitemap)

    def sitemap_done(self):
        self.sitemaps_pending -= 1
        if self.sitemaps_pending <= 0:
            yield self.home_request()

    def sitemap_failed(self, failure):
        # Sitemaps only speed things up; the sections are walked anyway.
        yield from self.redirected_before(failure)
        if not failure.check(NotCaptured, CaptureUnreadable):
            self.logger.warning("sitemap not read: %s (%s)", failure.request.url, describe_failure(failure))
        yield self.fetch_failed(failure)
        if failure.request.url.endswith("sitemap_index.xml"):
            yield self.home_request()
        else:
            yield from self.sitemap_done()

    # ---- listings -----------------------------------------------------------
    async def parse_home(self, response):
        page = await self.reader.read_listing(response, self.base_url, with_sections=True)
        self.home_read, self.sections_listed = True, len(page.section_urls)
        for out in self.listing_outcome(response, "home"):
            yield out
        for url in page.section_urls:
            yield scrapy.Request(url, callback=self.parse_section, errback=self.listing_failed)
        for out in self.follow_articles(page.article_urls):
            yield out

    async def parse_section(self, response):
        page = await self.reader.read_listing(response, self.base_url)
        stats = self.crawler.stats
        stats.inc_value("suarapos/listing_pages")
        stats.inc_value(f"suarapos/pages/{section_of(response.url, self.base_url)}")
        if page.current_page == 1:
            self.sections_sized += 1
            if page.last_page:  # how much of the section there is, for the progress line
                stats.inc_value("suarapos/listing_pages_expected", page.last_page)
        listed = page.article_urls
        stats.inc_value("suarapos/listed_articles", len(listed))
        for out in self.listing_outcome(response, "listing", f"{len(listed)} articles listed"):
            yield out
        for out in self.follow_articles(listed):
            yield out
        # Pages of this section read so far in this run, whatever its next-page links look like (/page/N/, ?hal=N)
        depth = response.meta.get("section_depth", 1)
        section = section_of(response.url, self.base_url)
        seen = self.section_listed.setdefault(section, set())
        fresh = [url for url in listed if url not in seen]
        seen.update(fresh)
        known = self.plan.known_where_listing_is(fresh)
        next_url = page.next_page_url
        if not next_url:
            return
        if not self.plan.keep_paging(known):
            stats.inc_value("suarapos/incremental_stop")
            return
        if section_of(next_url, self.base_url) != section:
            stats.inc_value("suarapos/section_next_elsewhere")
            self.logger.warning("next page of %s is in another section (%s): not followed", response.url, next_url)
            return
        if depth > 1 and not fresh:
            stats.inc_value("suarapos/section_repeats")
            self.logger.warning("%s lists only articles its earlier pages listed: paging stops", response.url)
            return
        if depth >= self.max_section_pages:
            stats.inc_value("suarapos/section_page_cap")
            self.logger.warning(
                "section page cap SECTION_MAX_PAGES=%s reached at %s", self.max_section_pages, response.url
            )
            return
        yield scrapy.Request(
            next_url, callback=self.parse_section, errback=self.section_ended, meta={"section_depth": depth + 1}
        )

    def listing_outcome(self, response, outcome: str, detail: str = ""):
        for url in response.meta.get("redirect_urls", []):  # followed by Scrapy's redirect middleware
            yield FetchOutcome(canonical_url(url, self.base_url), "redirected", response.url)
        yield FetchOutcome(canonical_url(response.url, self.base_url), outcome, detail)

    def listing_failed(self, failure):
        if failure.request.callback == self.parse_section and "/page/" not in failure.request.url:
            self.sections_sized += 1  # a section that will say nothing of its size
        yield from self.redirected_before(failure)
        yield self.fetch_failed(failure)

    def redirected_before(self, failure):
        """The URLs that redirected to a request that then failed (another host the offsite filter refused,
        a dead end): each has its outcome too."""
        for url in failure.request.meta.get("redirect_urls", []):
            yield FetchOutcome(canonical_url(url, self.base_url), "redirected", failure.request.url[:500])

    def fetch_failed(self, failure) -> Reject | FetchOutcome:
        """A request that got no page: a reject with the reason, or, replaying captures, one not captured."""
        url = canonical_url(failure.request.url, self.base_url)
        if failure.check(NotCaptured):
            return FetchOutcome(url, "not_captured", "no capture of this URL to replay")
        if failure.check(CaptureUnreadable):
            return FetchOutcome(url, "capture_unreadable", str(failure.value)[:500])
        if url in self.plan.known_bad:  # failing as it failed before: not the site failing now
            self.crawler.stats.inc_value("suarapos/known_bad_failures")
        return Reject(url=url, stage="fetch", reason=describe_failure(failure))

    def section_ended(self, failure):
        yield from self.redirected_before(failure)
        url = canonical_url(failure.request.url, self.base_url)
        # A 404 past the last page of a "load more" section is how such a section ends.
        if failure.check(HttpError) and failure.value.response.status == 404:
            yield FetchOutcome(url, "end_of_section", "HTTP 404 past the last page")
            return
        yield self.fetch_failed(failure)

    def follow_articles(self, urls):
        for url in urls:
            if self.plan.should_fetch(url):
                yield from self.follow(url)

    def follow(self, url: str, hops: int = 0):
        """A request for a URL that may be an article, or the reason it is not made."""
        if url in self.requested:
            return
        if self.plan.waiting(url):  # rejected run after run: its next try is not due (no request, no row)
            self.crawler.stats.inc_value("suarapos/rejects_backing_off")
            return
        length = len(safe_url_string(url))  # as Scrapy's UrlLengthMiddleware measures it: percent-encoded
        if length > self.max_url_length:
            yield Reject(
                url=url[:300] + "…",
                stage="discover",
                reason=f"URL of {length} characters (URLLENGTH_LIMIT {self.max_url_length})",
            )
            return
        self.requested.add(sys.intern(url))  # one copy of the string, shared with the run record's set
        yield self.article_request(url, hops)

    def article_request(self, url: str, hops: int = 0, dont_filter: bool = False) -> scrapy.Request:
        # Redirects are followed here, not by the middleware, so each old slug is recorded as an alias
        # even when its target was fetched already (the dupe filter would hide it otherwise).
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            priority=10,  # finish listed articles before new listing pages: a short queue
            dont_filter=dont_filter,
            meta={
                "dont_redirect": True,
                "handle_httpstatus_list": REDIRECT_CODES,
                "hops": hops,
            },
        )

    # ---- articles -------------------------------------------------------------
    async def parse_article(self, response):
        requested = canonical_url(response.url, self.base_url)
        for out in self.sitemap_answered(response.meta, there=True):
            yield out
        unread = list(self.not_to_read(response, requested))
        if unread:
            for out in unread:
                yield out
            return
        reading = await self.reader.read_article(response, self.base_url)
        for out in self.article_read(requested, reading, response.status, response.meta.get("capture_id")):
            yield out

    def article_read(self, requested: str, reading, status: int = 200, capture_id: str | None = None):
        """What an article page's reading gives: the article, its links to follow, or why there is none (a page
        fetched, or a capture read again straight from its WARC file, ``capture_id``)."""
        if reading.not_found and self.taken_down(requested):  # the theme's not-found page, served with 200
            yield Gone(requested, status)
            return
        self.crawler.stats.inc_value("suarapos/article_pages")
        if requested in self.plan.known_bad:  # rejected by an earlier run: failing again is no sign of a redesign
            self.crawler.stats.inc_value("suarapos/known_bad_pages")
        if reading.flattened:
            self.crawler.stats.inc_value("suarapos/flattened_pages")
        if reading.error:
            self.logger.error("cannot extract %s\n%s", requested, reading.error)
            yield Reject(url=requested, stage="extract", reason=reading.error.strip().splitlines()[-1][:500])
            return
        if reading.article is None:
            self.crawler.stats.inc_value("suarapos/not_article")
            yield Reject(url=requested, stage="classify", reason=reading.not_article)
            return
        reading.article.capture_id = capture_id  # the WARC record it was read from
        split = reading.split
        if split is not None and split.page > 1:  # a later page of a split post: the post is read from its first
            yield UrlAlias(alias=requested, url=split.first_url)
            yield FetchOutcome(requested, "split_page", f"page {split.page} of {split.pages} of {split.first_url}")
            yield from self.follow(split.first_url)
            return
        if split is not None:
            self.crawler.stats.inc_value("suarapos/split_posts")
            yield self.split_page_request(reading.article, split, 2)
            return
        yield from self.article_found(reading.article)

    def not_to_read(self, response, requested: str):
        """What an article's response is when it is no page to read: a 304, a redirect, a page cut short, an image
        (nothing, for a page to read)."""
        if response.status == 304:  # a re-check of a stored article: unchanged since the capture it was read from
            yield NotModified(requested)
        elif response.status in REDIRECT_CODES:
            yield from self.follow_redirect(response, requested)
        elif TRUNCATED in response.flags:  # cut short twice (TruncatedPageMiddleware): never read as if whole
            yield Reject(url=requested, stage="fetch", reason="truncated page: the HTML stops before </html>, twice")
        elif not isinstance(response, TextResponse):  # an image, a PDF at an article's URL: nothing to read
            kind = (response.headers.get("Content-Type") or b"no Content-Type").decode("latin-1").split(";")[0]
            yield Reject(url=requested, stage="fetch", reason=f"not a page of text: {kind.strip()}")

    def article_found(self, article):
        count_reading(self.crawler.stats, article)  # for the run's redesign verdict
        yield article
        for link in article.related:
            if may_be_article(link.target_url, self.base_url) and not self.plan.known(link.target_url):
                yield from self.follow(link.target_url)

    # ---- split posts: every page fetched, one article stored -------------------------
    def split_page_request(self, article, split, page: int) -> scrapy.Request:
        return scrapy.Request(
            split.page_url(page),
            callback=self.parse_split_page,
            errback=self.split_page_failed,
            priority=20,  # the pages of a post already begun come before anything new
            dont_filter=True,  # the page may have been fetched on its own already (a link to it, a replay)
            # A page that redirects is not a page of this post any more (the post was joined again): not followed.
            meta={"split_article": article, "split": split, "split_page": page, "dont_redirect": True},
        )

    async def parse_split_page(self, response):
        article, split, page = (response.meta[k] for k in ("split_article", "split", "split_page"))
        if TRUNCATED in response.flags:
            yield self.split_post_incomplete(article, split, page, "the page stops before </html>, twice")
            return
        reading = await self.reader.read_article(response, self.base_url)
        if reading.article is None or not reading.article.body:
            why = reading.not_article or (reading.error or "").strip().splitlines()[-1:] or "no text"
            yield self.split_post_incomplete(article, split, page, f"page {page} has no article text ({why})")
            return
        url = canonical_url(response.url, self.base_url)
        yield UrlAlias(alias=url, url=article.url)
        yield FetchOutcome(url, "split_page", f"page {page} of {split.pages} of {article.url}")
        join_split_pages(article, reading.article)
        if page < split.pages:
            yield self.split_page_request(article, split, page + 1)
            return
        for out in self.article_found(article):
            yield out

    def split_page_failed(self, failure):
        meta = failure.request.meta
        yield self.fetch_failed(failure)
        yield self.split_post_incomplete(
            meta["split_article"], meta["split"], meta["split_page"], describe_failure(failure)
        )

    def split_post_incomplete(self, article, split, page: int, why: str) -> Reject:
        """A split post with a page missing is not stored (a third of an article is a worse copy); it is
        recorded, and fetched again by a later run."""
        self.crawler.stats.inc_value("suarapos/split_posts_incomplete")
        return Reject(
            url=article.url, stage="fetch", reason=f"split post: page {page} of {split.pages} not read: {why}"
        )

    def follow_redirect(self, response, requested: str):
        location = response.headers.get("Location", b"").decode("latin-1")
        hops = response.meta.get("hops", 0) + 1
        if not location:
            yield Reject(url=requested, stage="fetch", reason=f"HTTP {response.status} without Location")
            return
        target = canonical_url(response.urljoin(location), self.base_url)
        if hops > self.max_redirects or target == requested:
            yield Reject(url=requested, stage="fetch", reason=f"redirect loop or chain over {self.max_redirects} hops")
            return
        if not may_be_article(target, self.base_url):
            yield Reject(url=requested, stage="fetch", reason=f"redirects to a page that is not an article: {target}")
            return
        yield UrlAlias(alias=requested, url=target)
        yield from self.follow(target, hops)

    def article_failed(self, failure):
        there = not (failure.check(HttpError) and failure.value.response.status in (404, 410))
        yield from self.sitemap_answered(failure.request.meta, there)
        if not there:
            url = canonical_url(failure.request.url, self.base_url)
            if self.taken_down(url):
                yield Gone(url, failure.value.response.status)
                return
        self.crawler.stats.inc_value("suarapos/article_fetch_failed")
        yield self.fetch_failed(failure)

    def taken_down(self, url: str) -> bool:
        """Whether a stored article's URL answering "not found" is its takedown (not when replaying captures: an old
        answer is no news)."""
        if self.mode == "replay" or not self.plan.is_stored(url):
            return False
        self.crawler.stats.inc_value("suarapos/articles_gone")
        return True


def section_of(url: str, base_url: str) -> str:
    """The section path of a listing URL, without the page number: ``/category/daerah/pangkalpinang/``."""
    path = urlsplit(url).path
    return path.split("/page/", 1)[0] + "/" if "/page/" in path else path


def describe_failure(failure) -> str:
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    return f"{failure.type.__name__}: {failure.getErrorMessage()}"[:500]
