"""Downloader middlewares that close gaps in Scrapy's defaults for a crawler that runs for years.

- ``RetryAfterMiddleware``: retries wait as the server asks (``Retry-After``), or back off exponentially.
- ``Rfc9309RobotsTxtMiddleware``: robots.txt that answers 5xx, or cannot be fetched, disallows everything.
- ``CharsetRepairMiddleware``: a UTF-8 page sent under another charset is read as UTF-8 (no mojibake).
- ``BlockDetectorMiddleware``: repeated 403/429 pause the crawl, then end it as ``blocked``.
- ``TruncatedPageMiddleware``: an HTML page cut before its end is asked for once more, then flagged.
"""

from __future__ import annotations

import asyncio
import codecs
import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import TextResponse
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.response import response_status_message
from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)
DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"
# RFC 9309 section 2.5: a crawler must read at least the first 500 KiB of a robots.txt (and may stop there).
ROBOTS_TXT_READ = 500 * 1024
ROBOTS_TXT_MAX_DOWNLOAD = 32 * 1024 * 1024  # what a robots.txt may weigh before it counts as unreachable


def retry_after_seconds(value: bytes | str | None) -> float | None:
    """``Retry-After`` as seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """Settings: ``RETRYAFTER_BASE_DELAY``, ``RETRYAFTER_MAX_DELAY``:
    the wait before a retry, unless ``Retry-After`` says otherwise (capped by ``RETRYAFTER_MAX_DELAY``)."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRYAFTER_BASE_DELAY")
        self.cap = settings.getfloat("RETRYAFTER_MAX_DELAY")

    def delay_for(self, request, response=None) -> float:
        asked = retry_after_seconds(response.headers.get("Retry-After")) if response is not None else None
        if asked is not None:
            return min(asked, self.cap)
        return min(self.base * 2 ** request.meta.get("retry_times", 0), self.cap)

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await asyncio.sleep(self.delay_for(request, response))
        return retry

    async def process_exception(self, request, exception, spider=None):
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await asyncio.sleep(self.delay_for(request))
        return retry


class NoTracebackForNetworkErrors(logging.Filter):
    """A site that cannot be reached is a condition to report in one line, not a bug to show a traceback for."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and str(record.msg).startswith("Error downloading"):
            record.exc_info = None
            record.exc_text = None
        return True


logging.getLogger("scrapy.downloadermiddlewares.robotstxt").addFilter(NoTracebackForNetworkErrors())


class Rfc9309RobotsTxtMiddleware(RobotsTxtMiddleware):
    """RFC 9309 section 2.3.1: a robots.txt that is unreachable or answers 5xx means "disallow all".
    The requests it then forbids say why: the real cause, not "Forbidden by robots.txt". Its first 500 KiB are
    read (section 2.5: a 9 MB file is not "everything disallowed"), and its ``Crawl-delay`` for this crawler is
    kept between requests to the host (up to ``RFC9309_MAX_CRAWL_DELAY`` seconds)."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.disallowed_because: dict[str, str] = {}  # netloc -> why its robots.txt disallows everything
        self.max_crawl_delay = crawler.settings.getfloat("RFC9309_MAX_CRAWL_DELAY")
        self.crawl_delays: dict[str, float] = {}  # netloc -> the seconds its robots.txt asks between requests
        self.next_start: dict[str, float] = {}  # netloc -> when its next request may start (the event loop's time)

    async def _parse_robots(self, response, netloc, request):
        if response.status >= 500:
            logger.error(
                "robots.txt of %s answered %s: the site is unreachable, nothing is fetched (RFC 9309)", netloc,
                response.status,
            )  # fmt: skip
            self._stats.inc_value("robotstxt/disallow_all")
            self.disallowed_because[netloc] = f"robots.txt answered HTTP {response.status}"
            response = response.replace(body=DISALLOW_ALL)
        elif len(response.body) > ROBOTS_TXT_READ:
            logger.warning(
                "robots.txt of %s is %s bytes: its first 500 KiB are read (RFC 9309)", netloc, len(response.body)
            )
            response = response.replace(body=response.body[:ROBOTS_TXT_READ].rsplit(b"\n", 1)[0])
        await super()._parse_robots(response, netloc, request)
        parser = self._parsers.get(netloc)
        if parser is not None and not isinstance(parser, Deferred) and netloc not in self.disallowed_because:
            self.read_rules_for_us(parser, netloc, request)

    def read_rules_for_us(self, parser, netloc: str, request) -> None:
        """What the file says to this crawler: a ``Crawl-delay``, or no page at all (our User-agent disallowed)."""
        useragent = self._robotstxt_useragent or request.headers.get(b"User-Agent", self._default_useragent)
        delay = getattr(parser, "crawl_delay", lambda _ua: None)(useragent)
        if delay:
            kept = min(delay, self.max_crawl_delay)
            self.crawl_delays[netloc] = kept
            self._stats.set_value("robotstxt/crawl_delay", kept)
            logger.info("robots.txt of %s asks %s s between requests: %s s kept", netloc, delay, kept)
        if not parser.allowed(f"{urlparse_cached(request).scheme}://{netloc}/", useragent):
            self._stats.set_value("robotstxt/disallows_us", netloc)

    async def process_request(self, request, spider=None):
        if request.meta.get("dont_obey_robotstxt") and urlparse_cached(request).path == "/robots.txt":
            # A robots.txt past DOWNLOAD_MAXSIZE would be "unreachable", so everything disallowed: it may be
            # larger (its first 500 KiB are read).
            request.meta.setdefault("download_maxsize", ROBOTS_TXT_MAX_DOWNLOAD)
        await super().process_request(request)
        delay = self.crawl_delays.get(urlparse_cached(request).netloc)
        if delay and not request.meta.get("dont_obey_robotstxt"):
            await self.wait_crawl_delay(urlparse_cached(request).netloc, delay)

    async def wait_crawl_delay(self, netloc: str, delay: float) -> None:
        """Each request to the host starts ``delay`` seconds after the one before it, whatever the concurrency:
        each takes the next start and waits for it."""
        now = asyncio.get_running_loop().time()
        start = max(now, self.next_start.get(netloc, now))
        self.next_start[netloc] = start + delay
        if start > now:
            await asyncio.sleep(start - now)

    def process_request_2(self, rp, request) -> None:
        try:
            super().process_request_2(rp, request)
        except IgnoreRequest:
            why = self.disallowed_because.get(urlparse_cached(request).netloc)
            if why:
                raise IgnoreRequest(f"not fetched: {why}, so the site is unreachable (RFC 9309)") from None
            raise

    def _robots_error(self, exc, netloc):
        if isinstance(exc, IgnoreRequest):
            return super()._robots_error(exc, netloc)
        logger.error(
            "robots.txt of %s could not be fetched (%s): the site is unreachable, nothing is fetched", netloc, exc
        )
        self._stats.inc_value("robotstxt/disallow_all")
        self.disallowed_because[netloc] = f"robots.txt could not be fetched ({exc})"
        parser = build_from_crawler(self._parserimpl, self.crawler, DISALLOW_ALL)
        waiting = self._parsers[netloc]
        self._parsers[netloc] = parser
        waiting.callback(parser)


def as_windows_1252(error: UnicodeDecodeError) -> tuple[str, int]:
    """A byte that is not UTF-8 in a page that says it is, read as windows-1252 (what a word processor's paste
    leaves: \\x93 and \\x94 for the quotes, \\x96 for the dash), as browsers read such pages."""
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("suarapos-windows-1252", as_windows_1252)


class CharsetRepairMiddleware:
    """A page whose bytes are valid UTF-8 (with non-ASCII text) is UTF-8, whatever its header claims; a page that
    says UTF-8 but holds windows-1252 bytes among its UTF-8 has them read as windows-1252, not as U+FFFD."""

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def __init__(self, stats):
        self.stats = stats

    def process_response(self, request, response, spider=None):
        if not isinstance(response, TextResponse) or response.body.isascii():
            return response
        says_utf8 = response.encoding.lower().replace("_", "-") in ("utf-8", "utf8")
        try:
            response.body.decode("utf-8")
        except UnicodeDecodeError:
            return self.windows_1252_in_utf8(response) if says_utf8 else response  # else: trust the header
        if says_utf8:
            return response
        self.stats.inc_value("charset/repaired")
        logger.info("%s declared %s but is UTF-8: read as UTF-8", response.url, response.encoding)
        return response.replace(encoding="utf-8")

    def windows_1252_in_utf8(self, response):
        text = response.body.decode("utf-8", errors="suarapos-windows-1252")
        self.stats.inc_value("charset/windows_1252_repaired")
        logger.info("%s declared UTF-8 but holds windows-1252 bytes: those read as windows-1252", response.url)
        return response.replace(body=text.encode("utf-8"), encoding="utf-8")


class BlockDetectorMiddleware:
    """Settings: ``BLOCK_AFTER`` answers 403/429 in a row pause the crawl for ``BLOCK_PAUSE``
    seconds; if the site still refuses after ``BLOCK_MAX_PAUSES`` pauses,
    the run ends with finish reason ``blocked``."""

    def __init__(self, crawler, after: int, pause: float, max_pauses: int):
        self.crawler = crawler
        self.after = after
        self.pause = pause
        self.max_pauses = max_pauses
        self.in_a_row = 0
        self.pauses = 0

    @classmethod
    def from_crawler(cls, crawler):
        after = crawler.settings.getint("BLOCK_AFTER")
        if after <= 0:
            raise NotConfigured("BLOCK_AFTER is 0")
        return cls(
            crawler, after, crawler.settings.getfloat("BLOCK_PAUSE"), crawler.settings.getint("BLOCK_MAX_PAUSES")
        )

    async def process_response(self, request, response, spider=None):
        if response.status not in (403, 429):
            self.in_a_row = 0
            return response
        self.in_a_row += 1
        if self.in_a_row < self.after:
            return response
        engine = self.crawler.engine
        if self.pauses >= self.max_pauses:
            logger.error("the site refuses us (%s answers 403/429 in a row): ending the run as blocked", self.in_a_row)
            # not awaited: closing waits for the downloads in flight, this one among them
            asyncio.ensure_future(engine.close_spider_async(reason="blocked"))
            raise IgnoreRequest("blocked by the site")
        self.pauses += 1
        self.in_a_row = 0
        self.crawler.stats.inc_value("block/pauses")
        logger.warning("%s answers 403/429 in a row: pausing %s s", self.after, self.pause)
        engine.pause()
        try:
            await asyncio.sleep(self.pause)
        finally:
            engine.unpause()
        return response


TRUNCATED = "truncated"  # the flag of a page cut short twice: the spider records it as a reject


def looks_complete(response) -> bool:
    """An HTML page that got to its end (a page cut mid-body, by a dying PHP worker or a dropped connection
    that the server closed cleanly, has no closing </html>)."""
    tail = response.body[-2048:].lower()
    if b"</html>" in tail or b"</body>" in tail:
        return True
    # A page in UTF-16 or UTF-32 (its BOM or its header says so) spells its end in other bytes.
    if isinstance(response, TextResponse) and response.encoding.lower().startswith(("utf-16", "utf-32")):
        tail = response.text[-2048:].lower()
        return "</html>" in tail or "</body>" in tail
    return False


class TruncatedPageMiddleware:
    """A 200 HTML page that stops before its end is fetched once more (a cut connection may not recur); cut
    again, it reaches the spider flagged ``truncated``, never read as if it were whole."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_response(self, request, response, spider=None):
        if response.status != 200 or not isinstance(response, TextResponse) or looks_complete(response):
            return response
        if b"html" not in (response.headers.get("Content-Type") or b"text/html").lower():
            return response
        if not request.meta.get("truncated_before"):
            self.stats.inc_value("suarapos/truncated_retries")
            return request.replace(dont_filter=True, meta={**request.meta, "truncated_before": True})
        return response.replace(flags=[*response.flags, TRUNCATED])
