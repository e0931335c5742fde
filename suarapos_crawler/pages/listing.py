"""Home and section pages: where the articles are listed and where the next page is. No I/O."""

from __future__ import annotations

import re
from functools import cached_property

from lxml import etree

from ..urls import canonical_url, is_section_url, may_be_article, section_page_url
from .html import classes, html_root

PAGE_OF = re.compile(r"(\d+)\s*(?:dari|of)\s*(\d+)", re.I)
# The listing's main column in each theme (tagDiv Newspaper; ColorMag's #cm-primary): never the sidebar.
MAIN_AREAS = ("td-main-content", "td-category-grid", "td-main-page-wrap", "cm-primary")
# A listed post's title or thumbnail, in each theme.
MODULE_CLASSES = ("td-module-title", "entry-title", "td-module-thumb", "cm-entry-title", "cm-featured-image")
LISTING_CLASSES = frozenset(
    {
        *MAIN_AREAS,
        *MODULE_CLASSES,
        "td-main-sidebar",
        "page-nav",
        "pages",
        "td-icon-menu-right",
        "page-numbers",  # WordPress's own the_posts_pagination(), whatever the theme
    }
)


def is_widget(el) -> bool:
    """A sidebar or an ``<aside>`` widget: what a listing's modules outside the main column sit in."""
    return el.tag == "aside" or "td-main-sidebar" in classes(el)


def in_widget(el, stop=None) -> bool:
    """Whether ``el`` (or an ancestor, up to ``stop``) is a sidebar or an ``<aside>`` widget."""
    for node in (el, *el.iterancestors()):
        if node is stop:
            return False
        if is_widget(node):
            return True
    return False


def inside_any(el, containers: list) -> bool:
    return any(container in el.iterancestors() for container in containers)


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
    def marked(self) -> list[tuple[object, set[str]]]:
        """Every element carrying one of the classes a listing is read by, with those classes, in
        document order: one walk of the tree instead of a whole-page class search per question."""
        marked = []
        for el in self.root.iter():
            value = el.get("class")
            if value and not LISTING_CLASSES.isdisjoint(tokens := value.split()):
                marked.append((el, LISTING_CLASSES.intersection(tokens)))
        return marked

    def with_class(self, *names: str) -> list:
        return [el for el, classes in self.marked if not classes.isdisjoint(names)]

    @cached_property
    def main_content(self) -> list:
        """The listing area: main column and top grid, never the sidebar or footer widgets."""
        return [el for el in self.with_class(*MAIN_AREAS) if not in_widget(el)]

    def article_urls(self) -> list[str]:
        """Links of the listed articles (titles and thumbnails of listing modules)."""
        return self._article_urls

    @cached_property
    def _article_urls(self) -> list[str]:
        """One walk of the tree, keeping count of the areas, widgets and listing modules it is inside: linear
        in the page's size however deep it nests (a page whose thousands of blocks are never closed nests them
        all in one another, and a search from each block would be quadratic)."""
        areas = set(self.main_content)
        modules = {el for el in self.with_class(*MODULE_CLASSES)}
        if not modules:  # another theme: the headings of its posts
            modules = set(self.post_headings(list(areas) or [self.root]))
        inside = {"area": 0 if areas else 1, "widget": 0, "module": 0}
        hrefs = []
        for event, el in etree.iterwalk(self.root, events=("start", "end")):
            kinds = [
                k for k, found in (("area", el in areas), ("widget", is_widget(el)), ("module", el in modules)) if found
            ]
            if event == "end":
                for kind in kinds:
                    inside[kind] -= 1
                continue
            listed = inside["module"] and inside["area"] and not inside["widget"] and "widget" not in kinds
            if el.tag == "a" and listed and el.get("href") is not None:
                hrefs.append(el.get("href"))
            for kind in kinds:
                inside[kind] += 1
        return [u for u in self._canonical(hrefs) if may_be_article(u, self.base_url)]

    def post_headings(self, areas: list) -> list:
        """Any theme: the headings of the listed posts (WordPress prints each in an ``<article>``)."""
        return [
            h
            for area in areas
            for article in area.iter("article")
            for h in article.iter("h2", "h3")
            if h.find(".//a") is not None
        ]

    def has_page_nav(self) -> bool:
        return bool(self.with_class("page-nav"))

    def page_numbers(self) -> tuple[int, int] | None:
        """(current, last) from "Halaman N dari M", or None when the page does not say."""
        navs = self.with_class("page-nav")
        text = " ".join(t for el in self.with_class("pages") if inside_any(el, navs) for t in el.itertext())
        m = PAGE_OF.search(text)
        if m:
            return int(m.group(1)), int(m.group(2))
        return self.posts_pagination()

    def posts_pagination(self) -> tuple[int, int] | None:
        """(current, last) from WordPress's ``the_posts_pagination()`` (``.page-numbers``), used by most themes."""
        numbers = [el for el in self.with_class("page-numbers") if not in_widget(el)]
        current = [el for el in numbers if "current" in classes(el)]
        pages = [int(t) for el in numbers if (t := "".join(el.itertext()).strip()).isdigit()]
        if not current or not pages:
            return None
        text = "".join(current[0].itertext()).strip()
        return (int(text), max(pages)) if text.isdigit() else None

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
        navs = self.with_class("page-nav")
        nxt = [
            a.get("href")
            for icon in self.with_class("td-icon-menu-right")
            if icon.tag == "i"
            for a in icon.iterancestors("a")
            if a.get("href") is not None and inside_any(a, navs)
        ][:1]
        nxt = nxt or self.xpath("//link[@rel='next']/@href")
        if nxt:
            return canonical_url(self.response.urljoin(nxt[0]), self.base_url)
        if numbers or self.has_page_nav() or not self.article_urls():
            return None
        # "Load more" sections print no page-nav, yet WordPress serves /page/N/ until a 404.
        return section_page_url(canonical_url(self.response.url, self.base_url), self.current_page() + 1)
