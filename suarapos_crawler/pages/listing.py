"""Home and section pages: where the articles are listed and where the next page is. No I/O."""

from __future__ import annotations

import re
from functools import cached_property

from ..urls import canonical_url, is_section_url, may_be_article, section_page_url
from .html import has_class, html_root

PAGE_OF = re.compile(r"(\d+)\s*(?:dari|of)\s*(\d+)", re.I)


class ListingPage:
    """A home or section page. ``response`` is a Scrapy ``HtmlResponse``."""

    def __init__(self, response, base_url: str):
        self.response = response
        self.base_url = base_url
        self.root = html_root(response)

    def xpath(self, query: str, node=None) -> list:
        return (self.root if node is None else node).xpath(query)

    def _canonical(self, hrefs: list[str]) -> list[str]:
        urls = [canonical_url(self.response.urljoin(h), self.base_url) for h in hrefs if h and not h.startswith("#")]
        return list(dict.fromkeys(urls))

    def section_urls(self) -> list[str]:
        """Sections in the main menu, nested ones included (the mobile copy of the menu adds nothing)."""
        hrefs = self.xpath("//*[@id='td-header-menu' or @role='navigation']//a/@href")
        if not hrefs:
            hrefs = self.xpath("//a[contains(@href, '/category/')]/@href")
        return [u for u in self._canonical(hrefs) if is_section_url(u, self.base_url)]

    @cached_property
    def main_content(self) -> list:
        """The listing area: main column and top grid, never the sidebar or footer widgets."""
        return self.xpath(
            f"//*[{has_class('td-main-content')} or {has_class('td-category-grid')} or {has_class('td-main-page-wrap')}]"
            f"[not(ancestor-or-self::*[{has_class('td-main-sidebar')}])]"
        )

    def article_urls(self) -> list[str]:
        """Links of the listed articles (titles and thumbnails of listing modules)."""
        return self._article_urls

    @cached_property
    def _article_urls(self) -> list[str]:
        not_widget = f"not(ancestor::aside or ancestor::*[{has_class('td-main-sidebar')}])"
        query = (f".//*[{has_class('td-module-title')} or {has_class('entry-title')}]//a[{not_widget}]/@href"
                 f" | .//*[{has_class('td-module-thumb')}]//a[{not_widget}]/@href")
        hrefs = [href for area in self.main_content or [self.root] for href in self.xpath(query, area)]
        return [u for u in self._canonical(hrefs) if may_be_article(u, self.base_url)]

    def has_page_nav(self) -> bool:
        return bool(self.xpath(f"//*[{has_class('page-nav')}]"))

    def page_numbers(self) -> tuple[int, int] | None:
        """(current, last) from "Halaman N dari M", or None when the page does not say."""
        text = " ".join(self.xpath(f"//*[{has_class('page-nav')}]//*[{has_class('pages')}]//text()"))
        m = PAGE_OF.search(text)
        return (int(m.group(1)), int(m.group(2))) if m else None

    def current_page(self) -> int:
        m = re.search(r"/page/(\d+)/", self.response.url)
        return int(m.group(1)) if m else 1

    def next_page_url(self) -> str | None:
        """The next page of this section: from the page-nav, ``rel=next``, or, when the
        section hides its page-nav ("load more"), the WordPress URL of the next page.
        None on the last page."""
        numbers = self.page_numbers()
        if numbers and numbers[0] >= numbers[1]:
            return None
        nxt = self.xpath(f"//*[{has_class('page-nav')}]//a[.//i[{has_class('td-icon-menu-right')}]]/@href")
        nxt = nxt or self.xpath("//link[@rel='next']/@href")
        if nxt:
            return canonical_url(self.response.urljoin(nxt[0]), self.base_url)
        if numbers or self.has_page_nav() or not self.article_urls():
            return None
        # "Load more" sections print no page-nav, yet WordPress serves /page/N/ until a 404.
        return section_page_url(canonical_url(self.response.url, self.base_url), self.current_page() + 1)
