"""Home and section pages: where the articles are listed and where the next page is. No I/O."""

from __future__ import annotations

import re
from functools import cached_property

from ..urls import canonical_url, is_section_url, may_be_article, section_page_url
from . import generic
from .html import classes, html_root, select

PAGE_OF = re.compile(r"(\d+)\s*(?:dari|of)\s*(\d+)", re.I)
# A link to a page of a listing: WordPress's /page/N/, or the query forms of ?paged=N and the query loop block.
PAGED = re.compile(r"/page/\d+/|[?&](?:paged|query-\d+-page|query-page)=\d+")
# Where no link to the listing's own pages is: its header, footer and asides (not its <nav>s).
BESIDE_THE_LISTING = {"header", "footer", "aside"}
PAGED_QUERY = re.compile(r"[?&](?:paged|query-\d+-page|query-page)=\d+")
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
    return el.tag == "aside" or "td-main-sidebar" in (el.get("class") or "").split()


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
        return select(self.root if node is None else node, query)

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

    @cached_property
    def knows_theme(self) -> bool:
        """Whether the page has a known theme's listing area; else it is read generically (``generic_*``)."""
        return bool(self.main_content)

    def article_urls(self) -> list[str]:
        """Links of the listed articles (titles and thumbnails of listing modules)."""
        return self._article_urls if self.knows_theme else self.generic_article_urls

    @cached_property
    def generic_article_urls(self) -> list[str]:
        """Any theme: the links that can lead to an article (the site's permalinks: ``urls.may_be_article``) from
        the page's heading on, outside its header, menus, sidebars, widgets and footer."""
        headline = generic.headline(self.root)
        hrefs = [
            a.get("href")
            for a in generic.after(self.root, headline)
            if a.tag == "a" and a.get("href") and not generic.is_side_chrome(a, headline)
        ]
        return [u for u in self._canonical(hrefs) if may_be_article(u, self.base_url)]

    @cached_property
    def _article_urls(self) -> list[str]:
        """The links inside a listing module, inside the listing area, outside any widget. What encloses each
        link is known from its parent's answer, kept for every element asked about once: linear in the page's
        size however deep it nests (a page whose thousands of blocks are never closed nests them all in one
        another, and a search from each block would be quadratic)."""
        areas = set(self.main_content)
        modules = set(self.with_class(*MODULE_CLASSES))
        if not modules:  # another theme: the headings of its posts
            modules = set(self.post_headings(list(areas) or [self.root]))
        # element -> (inside the area, inside a module, inside a widget), the element itself included
        enclosing: dict = {}
        outside = (not areas, False, False)

        def above(el) -> tuple[bool, bool, bool]:
            chain, node = [], el.getparent()
            while node is not None and node not in enclosing:
                chain.append(node)
                node = node.getparent()
            state = enclosing[node] if node is not None else outside
            for node in reversed(chain):
                state = (state[0] or node in areas, state[1] or node in modules, state[2] or is_widget(node))
                enclosing[node] = state
            return state

        hrefs = []
        for a in self.root.iter("a"):
            href = a.get("href")
            if href is None:
                continue
            in_area, in_module, in_widget = above(a)
            if in_area and in_module and not in_widget and not is_widget(a):
                hrefs.append(href)
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
        if not self.knows_theme:
            return self.generic_next_page_url()
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

    def generic_next_page_url(self) -> str | None:
        """Any theme: ``rel=next``, else a link to WordPress's URL of the next page (``/page/N/``, or ``?paged=N``),
        whatever its text ("Berikutnya", "»", "Older Posts", a number); None on a last page (it links to pages of
        its section, but not to the next). A section that links to no page of itself at all pages by script ("load
        more"), and WordPress serves the next page's URL still."""
        here = canonical_url(self.response.url, self.base_url)
        nxt = self.xpath("//link[@rel='next']/@href") + self.xpath("//a[@rel='next' and contains(@href, 'page')]/@href")
        if nxt:
            return canonical_url(self.response.urljoin(nxt[0]), self.base_url)
        wanted = section_page_url(here, self.current_page() + 1)
        headline = generic.headline(self.root)
        paging = False
        for a in self.root.iter("a"):
            url = canonical_url(self.response.urljoin(a.get("href") or ""), self.base_url)
            if not PAGED.search(url) and url != section_page_url(here, 1):
                continue
            if generic.is_side_chrome(a, headline, tags=BESIDE_THE_LISTING):  # a pagination is often a <nav>
                continue
            if url == wanted or PAGED_QUERY.search(url) and f"={self.current_page() + 1}" in url:
                return url
            paging = paging or url != here
        if paging or not self.article_urls():
            return None
        return wanted
