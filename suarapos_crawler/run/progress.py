"""What a person sees while a run works and when it ends: a progress line, a short summary; Scrapy's start-up
banner and stats dump kept for ``LOG_LEVEL=DEBUG`` (the stats are in the run's ``crawl_runs`` row anyway)."""

from __future__ import annotations

import logging
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

logger = logging.getLogger(__name__)

# Scrapy's INFO lines that say how the crawler is built, not what it does: DEBUG for us.
BANNER_LOGGERS = (
    "scrapy.utils.log",
    "scrapy.middleware",
    "scrapy.crawler",
    "scrapy.addons",
    "scrapy.statscollectors",
    "scrapy.extensions.telnet",
    "scrapy.core.engine",
)
BANNER_STARTS = (
    "Scrapy ",
    "Versions:",
    "Enabled ",
    "Overridden settings",
    "Dumping Scrapy stats",
    "Spider opened",
    "Closing spider",
    "Spider closed",
    "Using reactor",
    "Using asyncio event loop",
    "Telnet",
)


class BannerToDebug(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.INFO and str(record.msg).startswith(BANNER_STARTS):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


def quiet_banner() -> None:
    """Applied once, when the project's commands load (before Scrapy logs its banner)."""
    banner = BannerToDebug()
    for name in BANNER_LOGGERS:
        logger_ = logging.getLogger(name)
        if not any(isinstance(f, BannerToDebug) for f in logger_.filters):
            logger_.addFilter(banner)


def duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 90:
        return f"{seconds} s"
    if seconds < 5400:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


class Progress:
    """Setting ``PROGRESS_INTERVAL`` (seconds; 0: off): one line that long apart with pages fetched, articles
    stored, the rate, and what is left where the scheduler knows it (listings still to be read add more).
    A replay (``scrapy reextract``) fetches nothing: its line counts the captures read of all it will read."""

    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        self.replay = None  # the WarcReplayMiddleware of a replay, found when the spider opens

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        progress = cls(crawler, interval)
        crawler.signals.connect(progress.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(progress.spider_closed, signal=signals.spider_closed)
        return progress

    def spider_opened(self, spider) -> None:
        from ..warc.replay import WarcReplayMiddleware

        self.replay = self.crawler.get_downloader_middleware(WarcReplayMiddleware)
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.log)
        self.loop.start(self.interval, now=False)

    def line(self) -> str:
        return self.replay_line() if self.replay is not None else self.crawl_line()

    def stored(self) -> str:
        stats = self.crawler.stats
        stored = {k: stats.get_value(f"sqlite/articles_{k}", 0) for k in ("new", "updated", "unchanged")}
        return f"{stored['new']:,} articles new, {stored['updated']:,} updated, {stored['unchanged']:,} unchanged"

    def replay_line(self) -> str:
        done, total = len(self.replay.read), len(self.replay.captures)
        rate = done / max(time.monotonic() - self.started, 1e-9)
        left = f", about {duration((total - done) / rate)} left" if rate > 0 and total > done else ""
        return f"{done:,} of {total:,} captures read again, {rate * 60:,.0f} a minute, {self.stored()}{left}"

    def crawl_line(self) -> str:
        stats = self.crawler.stats
        pages = stats.get_value("response_received_count", 0)
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = pages / elapsed
        pending = stats.get_value("scheduler/enqueued", 0) - stats.get_value("scheduler/dequeued", 0)
        to_come = getattr(self.crawler.spider, "pages_to_come", lambda: 0)()
        if to_come is None:
            return f"{pages:,} pages fetched, {self.stored()}, {rate * 60:,.0f} pages/min; estimating what is left"
        pending += to_come
        left_pages = pending + self.unread_listings_cost(stats)
        left = f"about {left_pages:,} pages left" if left_pages > pending else f"{pending:,} pages queued"
        if rate > 0 and left_pages:
            left += f", about {duration(left_pages / rate)}"
        return f"{pages:,} pages fetched, {self.stored()}, {rate * 60:,.0f} pages/min; {left}"

    @staticmethod
    def unread_listings_cost(stats) -> int:
        """Pages still to come from section pages not read yet (their first pages say how many there are),
        each with the articles a listing page has led to so far."""
        expected = stats.get_value("suarapos/listing_pages_expected", 0)
        read = stats.get_value("suarapos/listing_pages", 0)
        if not expected or not read or expected <= read:
            return 0
        articles = sum(stats.get_value(f"sqlite/articles_{k}", 0) for k in ("new", "updated", "unchanged"))
        return int((expected - read) * (1 + articles / read))

    def log(self) -> None:
        logger.info("progress: %s", self.line())

    def spider_closed(self, spider, reason) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
