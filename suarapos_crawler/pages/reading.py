"""Reading a fetched page: the page classes run on its text, and what they found, as plain data. No I/O.

These functions run wherever a page is read: in the crawling process, or in a worker
process beside it (``workers.py``); their results cross the pipe as pickles.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from ..items import Article
from .article import ArticlePage, SplitPost
from .html import FetchedPage
from .listing import ListingPage


@dataclass
class PageReading:
    """What reading one article page gave: the article, or why there is none."""

    article: Article | None = None
    not_article: str | None = None
    """Why the page is not an article page (a static page, an archive...)."""
    error: str | None = None
    """The exception that stopped the reading, and its traceback."""
    flattened: bool = False
    """The page was nested thousands deep and was read from a flattened copy (``pages.html.parse_html``)."""
    worker: tuple[int, float | None, float | None] | None = None
    """Read in a worker process: its PID, and (every ``workers.USAGE_EVERY_S``) its CPU seconds and peak RSS (MiB)
    so far."""
    split: SplitPost | None = None
    """The page is one page of a post split into several."""
    not_found: bool = False
    """The page is the site's not-found page (WordPress's 404 template), whatever its HTTP status said."""


def read_page(url: str, text: str, base_url: str, date: str | None = None, themes: tuple | None = None) -> PageReading:
    """Parse one fetched page once and read its article, knowing the markup of ``themes`` (names or
    ``ThemeMarkup``; None: every theme the page classes know). No I/O; runs in any process."""
    page = ArticlePage(FetchedPage(url, text, date), base_url, themes)
    reading = PageReading(flattened=page.flattened)
    try:
        if page.is_article():
            reading.article = page.to_item()
            reading.split = page.split_post()
        else:
            reading.not_article = page.why_not_article()
            reading.not_found = page.is_not_found_page()
    except Exception:  # noqa: BLE001 - a page we cannot read is recorded by the caller, never dropped
        reading.error = traceback.format_exc(limit=8)
    return reading


@dataclass
class ListingReading:
    """What a home or section page lists, and where its next page is."""

    article_urls: list[str]
    section_urls: list[str]
    """The sections of the main menu (read on the home page only)."""
    next_page_url: str | None
    current_page: int
    last_page: int | None = None
    """The section's last page, where the page says ("Halaman 1 dari 9")."""
    worker: tuple[int, float | None, float | None] | None = None


def read_listing(url: str, text: str, base_url: str, with_sections: bool = False) -> ListingReading:
    """Parse one home or section page once and read what it lists. No I/O; runs in any process."""
    page = ListingPage(FetchedPage(url, text), base_url)
    return ListingReading(
        page.article_urls(),
        page.section_urls() if with_sections else [],
        None if with_sections else page.next_page_url(),
        page.current_page(),
        (page.page_numbers() or (None, None))[1],
    )


READERS = {"page": read_page, "listing": read_listing}
