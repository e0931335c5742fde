"""Refuse articles that miss a required field: each becomes a ``Reject`` with its reason, never a silent drop."""

from __future__ import annotations

from scrapy.exceptions import NotConfigured

from ..clock import date_problem, parse_iso
from ..items import Article, Reject
from ..pages.article import SITE_NAME


def problems(item: Article, min_words: int) -> list[str]:
    found = []
    if not item.url:
        found.append("no URL")
    if not item.title:
        found.append("no title")
    elif SITE_NAME.match(item.title):
        found.append(f"the title is the site's name only ({item.title!r}): a cookie wall or an error page")
    if not item.published_at and item.published_raw:
        found.append(f"publication date {date_problem(item.published_raw)}: {item.published_raw!r}")
    elif not item.published_at:
        found.append("no publication date")
    else:
        when = parse_iso(item.published_at)
        if when is None or when.utcoffset() is None:
            found.append(f"publication date is not ISO 8601 with an offset: {item.published_at!r}")
    if item.word_count < min_words:
        found.append(f"body has {item.word_count} words (minimum {min_words})")
    return found


class ValidatePipeline:
    """Settings: ``VALIDATE_ENABLED``, ``VALIDATE_MIN_WORDS``."""

    def __init__(self, min_words: int, stats):
        self.min_words = min_words
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("VALIDATE_ENABLED"):
            raise NotConfigured("VALIDATE_ENABLED is off")
        return cls(crawler.settings.getint("VALIDATE_MIN_WORDS"), crawler.stats)

    def process_item(self, item):
        if not isinstance(item, Article):
            return item
        found = problems(item, self.min_words)
        if not found:
            return item
        self.stats.inc_value("validate/rejected")
        return Reject(url=item.fetched_url or item.url, stage="validate", reason="; ".join(found))
