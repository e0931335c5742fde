"""An article page of suarapos: one small method per field, no I/O.

Both of the site's templates are read (classic Newspaper ``.td-post-header`` and
tagDiv Composer ``tdb``), and every field falls back through the page's
metadata in the order that is right on every variant: the visible article
header for what a reader sees (title, author, sections, tags), the machine
metadata for the time (Yoast JSON-LD and OpenGraph are true UTC; the theme's
``+00:00`` is the WIB wall clock; the visible Indonesian text comes last).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import cached_property

from ..clock import parse_iso, to_wib
from ..items import Article, RelatedLink
from ..urls import canonical_url, is_site_url, may_be_article, shortlink_post_id
from . import generic
from .body import Body, extract_body, split_dateline
from .dates import FoundDate, parse_indonesian, undo_wall_clock_trap
from .html import classes, has_class, parse_response, select
from .main_content import find_main_content
from .text import clean_embedded, clean_line, unique
from .themes import FALLBACK, ThemeMarkup, templates_of

ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
}
NOT_ARTICLE_BODY_CLASSES = {
    "page",
    "archive",
    "category",
    "tag",
    "author",
    "search",
    "error404",
    "home",
    "blog",
    "date",
}
INDEXED_TAGS = ("body", "article", "meta", "link", "script", "input")
TITLE_SUFFIX = re.compile(r"\s+[-–|]\s+Suarapos(\.co\.id|\.com)?\s*$", re.I)
SITE_NAME = re.compile(r"^\s*(www\.)?suarapos(\.co\.id|\.com)?\s*$", re.I)


PAGE_NUMBER = re.compile(r"^(?P<first>.+/)(?P<n>\d+)/$")
DATE_ONLY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")


def iso_precision(raw: str) -> str:
    """An ISO date alone ("2026-11-29", a theme's JSON-LD) gives the day; with a time, the minute."""
    return "day" if DATE_ONLY.match(raw) else "minute"


@dataclass(frozen=True)
class SplitPost:
    """A post split into pages with ``<!--nextpage-->``, as its page links show it."""

    first_url: str
    """The first page: the post's own URL, under which the whole article is stored."""
    page: int
    """Which page this one is, from 1."""
    pages: int
    """How many pages the post has."""

    def page_url(self, n: int) -> str:
        return self.first_url if n == 1 else f"{self.first_url}{n}/"


def join_split_pages(article: Article, later: Article) -> None:
    """Add a later page of a split post to the article read from its first: the text, its word count, and the
    Baca Juga links, numbered on from the first page's."""
    article.body = "\n\n".join(part for part in (article.body, later.body) if part)
    article.word_count = word_count(article.body)
    start = len(article.related)
    for offset, link in enumerate(later.related):
        link.position = start + offset
    article.related.extend(later.related)


def word_count(text: str) -> int:
    return len(text.split())


class ArticlePage:
    """Fields of one article page. ``response`` is a Scrapy ``HtmlResponse``.

    Works on one lxml tree for every field (``parse_response``), with lxml's own XPath:
    parsel selector objects would cost more than the queries."""

    def __init__(self, response, base_url: str, themes: tuple[str, ...] | None = None):
        self.response = response
        self.base_url = base_url
        self.templates = templates_of(themes)  # the themes whose markup this reading knows
        self.root, self.flattened = parse_response(response)
        self._headers: dict[ThemeMarkup, object] = {}  # template -> its header element on this page (``where``)

    @cached_property
    def elements(self) -> dict[str, list]:
        """The page's ``<body>``, ``<article>``, ``<meta>``, ``<link>``, ``<script>`` and ``<input>`` elements,
        from one walk of the tree: the fields below read them here instead of searching the whole page each."""
        found: dict[str, list] = {tag: [] for tag in INDEXED_TAGS}
        for el in self.root.iter(*INDEXED_TAGS):
            found[el.tag].append(el)
        return found

    def first_attr(self, tag: str, attr: str, **equal: str) -> str | None:
        """``attr`` of the first ``tag`` element whose attributes equal ``equal`` (and that has ``attr``)."""
        for el in self.elements[tag]:
            value = el.get(attr)
            if value is not None and all(el.get(k) == v for k, v in equal.items()):
                return value
        return None

    def first(self, xpath: str, node=None):
        found = select(self.root if node is None else node, xpath)
        return found[0] if found else None

    # ---- what the page is -----------------------------------------------------
    @cached_property
    def body_classes(self) -> set[str]:
        return set(" ".join(el.get("class") or "" for el in self.elements["body"]).split())

    def is_article(self) -> bool:
        """Recognised by markup, never by the shape of the URL."""
        classes = self.body_classes
        if "single-post" in classes or ("single" in classes and any(c.startswith("postid-") for c in classes)):
            return True
        if classes & NOT_ARTICLE_BODY_CLASSES:
            return False
        # No WordPress body classes (another theme, or a head broken by an unescaped </script>):
        # an article element that is not a page, with article metadata or an article's content.
        article = self.article_element
        if article is None or "type-page" in (article.get("class") or ""):
            return False
        return (
            self.jsonld_article is not None
            or self.meta("og:type") == "article"
            or (self.content_element is not None and bool(self.title()))
        )

    def is_not_found_page(self) -> bool:
        """WordPress's 404 template: its body class says so, in every theme that prints ``body_class()``."""
        return "error404" in self.body_classes

    def why_not_article(self) -> str:
        kind = sorted(self.body_classes & NOT_ARTICLE_BODY_CLASSES)
        return f"not an article page (body class {', '.join(kind)})" if kind else "no article markup"

    # ---- metadata sources ---------------------------------------------------------
    @cached_property
    def article_element(self):
        for el in self.elements["article"]:
            if (el.get("id") or "").startswith("post-") or classes(el) & {"post", "tdb_templates"}:
                return el
        return None

    @property
    def scope(self):
        """Where the article's own markup is: its <article>, or the whole page."""
        return self.article_element if self.article_element is not None else self.root

    @cached_property
    def metas(self) -> dict[str, str]:
        """Every <meta property|name content> of the page, read in one pass (the first of a name wins)."""
        found: dict[str, str] = {}
        for el in self.elements["meta"]:
            name = el.get("property") or el.get("name")
            if name and el.get("content") is not None:
                found.setdefault(name, el.get("content"))
        return found

    def meta(self, name: str) -> str | None:
        return clean_line(self.metas.get(name)) or None

    @cached_property
    def jsonld_article(self) -> dict | None:
        """The Article node of the page's JSON-LD (Yoast's ``@graph`` or a lone object); broken blocks are skipped."""
        for script in self.elements["script"]:
            text = script.text
            if script.get("type") != "application/ld+json" or not text:
                continue
            try:
                data = json.loads(text)
            except (ValueError, RecursionError):
                # the theme's hand-glued breadcrumb JSON breaks on a '"' in a title; a block nested too deep
                # for any parser is no metadata either
                continue
            nodes = data.get("@graph", [data]) if isinstance(data, dict) else data if isinstance(data, list) else []
            for node in nodes:
                if not isinstance(node, dict):
                    continue
                types = node.get("@type")
                types = set(types) if isinstance(types, list) else {types}
                if types & ARTICLE_TYPES:
                    return node
        return None

    def jsonld(self, key: str):
        node = self.jsonld_article
        return node.get(key) if node else None

    @cached_property
    def template(self) -> ThemeMarkup | None:
        """The known template the page is printed in: the first whose content element it has."""
        return self._template_and_content[0]

    @cached_property
    def _template_and_content(self) -> tuple[ThemeMarkup | None, object]:
        """The page's template and its content element, found by one search (the content query is the costliest
        of a page's XPath: a tenth of its reading)."""
        for template in self.templates:
            content = self.first(template.content, self.scope)
            if content is not None:
                return template, content
        return None, None

    def tried_templates(self) -> tuple[ThemeMarkup, ...]:
        """The page's template, or every known one when none is recognised (its header may still be there)."""
        return (self.template,) if self.template is not None else self.templates

    def where(self, template: ThemeMarkup):
        """Where a template's article header is: its header element, or the article (looked for once a page)."""
        if template.header is None:
            return self.scope
        if template not in self._headers:
            self._headers[template] = self.first(template.header, self.scope)
        return self._headers[template]

    def theme_values(self, field: str) -> list:
        """What the page's template finds for one of its fields (XPath ``field`` of ``ThemeMarkup``): the first
        element of a headline, a name or a time; every link of sections and tags (the links in the first box, when
        the template names the box). The tags are looked for in the whole article, the rest in its header."""
        for template in self.tried_templates():
            query = getattr(template, field)
            node = self.scope if field == "tags" else self.where(template)
            found = select(node, query) if node is not None and query else []
            if found and field in ("sections", "tags") and found[0].tag != "a":
                found = list(found[0].iter("a"))
            if found:
                return found
        return []

    def theme_texts(self, field: str) -> list[str]:
        """The text of the first element the template finds for ``field`` (its text nodes, with the line each is)."""
        found = self.theme_values(field)
        return [v for v in (clean_line(x) for x in found[0].itertext()) if v] if found else []

    # ---- fields ----------------------------------------------------------------
    def url(self) -> str:
        """The page's ``rel=canonical`` when it is believable, else the URL it was fetched as."""
        canonical = self.canonical()
        return canonical if canonical and self.canonical_refused() is None else self.fetched_url()

    def fetched_url(self) -> str:
        return self._fetched_url

    @cached_property
    def _fetched_url(self) -> str:
        return canonical_url(self.response.url, self.base_url)

    def canonical(self) -> str | None:
        return self._canonical

    @cached_property
    def _canonical(self) -> str | None:
        raw = self.first_attr("link", "href", rel="canonical")
        return canonical_url(self.response.urljoin(raw), self.base_url) if raw and raw.strip() else None

    def canonical_refused(self) -> str | None:
        """Why the page's canonical is not believed, if it is not: SEO plugins print wrong ones (every post's
        canonical the home page, a section, another site), and an article is stored under its own URL then."""
        canonical = self.canonical()
        if canonical is None or canonical == self.fetched_url():
            return None
        if not is_site_url(canonical, self.base_url):
            return f"rel=canonical points to another site ({canonical[:200]})"
        if not may_be_article(canonical, self.base_url):
            return f"rel=canonical points to a page that is not an article ({canonical[:200]})"
        return None

    def post_id(self) -> int | None:
        for cls in self.body_classes:
            if cls.startswith("postid-") and cls[7:].isdigit():
                return int(cls[7:])
        for article_id in (el.get("id") or "" for el in self.elements["article"]):
            if article_id.startswith("post-") and article_id[5:].isdigit():
                return int(article_id[5:])
        shortlink = self.first_attr("link", "href", rel="shortlink")
        if shortlink and shortlink_post_id(shortlink):
            return shortlink_post_id(shortlink)
        comment_id = self.first_attr("input", "value", name="comment_post_ID")
        return int(comment_id) if comment_id and comment_id.isdigit() else None

    def title(self) -> str | None:
        """The visible headline, else JSON-LD's, else OpenGraph's or microdata's without the site's name."""
        found = self.theme_texts("title")
        if found:
            return TITLE_SUFFIX.sub("", " ".join(found))
        headline = self.jsonld("headline")
        if isinstance(headline, str) and clean_embedded(headline):
            return TITLE_SUFFIX.sub("", clean_embedded(headline))
        for value in (self.meta("og:title"), self.first("//meta[starts-with(@itemprop, 'headline')]/@content")):
            if clean_line(value):
                return TITLE_SUFFIX.sub("", clean_line(value))
        return self.generic_title()

    def generic_title(self) -> str | None:
        """Any theme: the article's one ``<h1>``, else the page's ``<title>`` without the site's name (never
        the site's name alone: a logo's heading, a page whose title was left empty)."""
        headings = select(self.scope, ".//h1")
        found = [clean_line(" ".join(headings[0].itertext()))] if len(headings) == 1 else []
        title = self.first("//title")
        found.append(TITLE_SUFFIX.sub("", clean_line(" ".join(title.itertext()))) if title is not None else "")
        return next((text for text in found if text and not SITE_NAME.match(text)), None)

    def published(self) -> FoundDate | None:
        """Publication time, from the most trustworthy source the page has that gives the time of day; else the
        first that gives the day (a theme's JSON-LD of dates alone, a page that shows only a date)."""
        day = None
        for found in self.dates_found():
            if found.precision == "minute":
                return found
            day = day or found
        return day

    def unread_date(self) -> str:
        """The publication date the page's metadata states when none could be read from it (a placeholder year,
        a form no parser reads): kept as found, so that the reject says what the page said."""
        for raw in (self.jsonld("datePublished"), self.meta("article:published_time")):
            if isinstance(raw, str) and raw.strip():
                return raw.strip()[:100]
        return ""

    def dates_found(self):
        """Every publication date the page states, most trustworthy first (read lazily: the first usually wins)."""
        raw = self.jsonld("datePublished")
        if isinstance(raw, str) and parse_iso(raw):
            yield FoundDate(to_wib(parse_iso(raw)), raw, "json-ld", iso_precision(raw))
        raw = self.meta("article:published_time")
        if raw and parse_iso(raw):
            yield FoundDate(to_wib(parse_iso(raw)), raw, "opengraph", iso_precision(raw))
        time_el, template = self.header_time()
        if time_el is not None:
            raw = time_el.get("datetime")
            if raw and parse_iso(raw):
                if template is None:  # any theme: the article's own <time>, taken at its word
                    yield FoundDate(to_wib(parse_iso(raw)), raw, "article-time", iso_precision(raw))
                else:
                    when = undo_wall_clock_trap(parse_iso(raw)) if template.wall_clock_datetime else parse_iso(raw)
                    yield FoundDate(to_wib(when), raw, "theme-datetime", iso_precision(raw))
        raw = self.first("//meta[@itemprop='datePublished']/@content")
        if raw and parse_iso(raw):
            yield FoundDate(to_wib(undo_wall_clock_trap(parse_iso(raw))), raw, "microdata", iso_precision(raw))
        if time_el is not None:
            raw = clean_line(" ".join(time_el.itertext()))
            when = parse_indonesian(raw, base=self.fetched_at())
            if when:
                yield FoundDate(when, raw, "visible-text", generic.precision_of(raw))
        if self.template is None:
            yield from self.generic_dates()

    def generic_dates(self):
        """Any theme: the first ``<time datetime>`` from the headline on, then the first date a reader sees there."""
        raw = generic.first_datetime(self.root, self.headline)
        if raw and parse_iso(raw):
            yield FoundDate(to_wib(parse_iso(raw)), raw, "article-time", iso_precision(raw))
        raw = generic.visible_date_text(self.root, self.headline)
        when = parse_indonesian(raw, base=self.fetched_at()) if raw else None
        if when:
            precision = generic.precision_of(raw)
            if precision == "day":
                when = when.replace(hour=0, minute=0, second=0, microsecond=0)
            yield FoundDate(when, raw, "visible-text", precision)

    @cached_property
    def headline(self):
        """The article's ``<h1>``: the first of the article (the page's, when it has no article element) outside a
        site header (a logo's heading)."""
        return generic.headline(self.scope)

    def fetched_at(self) -> datetime | None:
        """When the server answered (its ``Date`` header): what a relative date on the page counts back from."""
        raw = getattr(self.response, "date", None)
        if raw is None and hasattr(self.response, "headers"):
            raw = (self.response.headers.get(b"Date") or b"").decode("latin-1")
        try:
            return parsedate_to_datetime(raw) if raw else None
        except (TypeError, ValueError):
            return None

    def header_time(self) -> tuple:
        """The ``<time>`` of the article's header and the template that printed it; any theme: its publication
        ``<time>`` (``generic.publication_time``), and no template."""
        for template in self.tried_templates():
            node = self.where(template)
            found = self.first(template.time, node) if node is not None else None
            if found is not None:
                return found, template
        return generic.publication_time(self.root, self.headline), None

    def modified(self) -> str | None:
        raw = self.jsonld("dateModified")
        if isinstance(raw, str) and parse_iso(raw):
            return to_wib(parse_iso(raw)).isoformat()
        raw = self.meta("article:modified_time")
        if raw and parse_iso(raw):
            return to_wib(parse_iso(raw)).isoformat()
        raw = self.first("//meta[@itemprop='dateModified']/@content")
        if raw and parse_iso(raw):
            # the theme's dateModified carries the right +07:00; only a +00:00 is the trap
            return to_wib(undo_wall_clock_trap(parse_iso(raw))).isoformat()
        return None

    def author(self) -> str | None:
        found = self.theme_texts("author")
        if found:
            return " ".join(found)
        author = self.jsonld("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict) and isinstance(author.get("name"), str) and clean_embedded(author["name"]):
            return clean_embedded(author["name"])
        name = self.first("//*[@itemprop='author']//meta[@itemprop='name']/@content")
        found = clean_line(name) or self.meta("twitter:data1") or self.meta("author") or self.generic_author()
        if found or self.template is not None:
            return found
        return generic.author_link(self.root, self.headline)

    def generic_author(self) -> str | None:
        """Any theme: the article's ``rel=author`` link, or its hCard name (``.author .fn``, WordPress's own)."""
        for xpath in (".//a[@rel='author']", f".//*[contains(@class, 'author')]//a[{has_class('fn')}]"):
            found = self.first(xpath, self.scope) if self.article_element is not None else None
            if found is not None and clean_line(" ".join(found.itertext())):
                return clean_line(" ".join(found.itertext()))
        return None

    @cached_property
    def section_names(self) -> list[str]:
        return self.sections()

    def sections(self) -> list[str]:
        names = [clean_line(" ".join(a.itertext())).lstrip("#") for a in self.theme_values("sections")]
        names = names or jsonld_names(self.jsonld("articleSection")) or self.term_links("category")
        if not names and self.meta("article:section"):
            names = [self.meta("article:section")]  # the primary section only
        return unique(names)

    def tags(self) -> list[str]:
        names = [clean_line(" ".join(a.itertext())).lstrip("#") for a in self.theme_values("tags")]
        return unique(names or jsonld_names(self.jsonld("keywords")) or self.term_links("tag"))

    def term_links(self, kind: str) -> list[str]:
        """The article's links WordPress itself marks ``rel="category tag"`` or ``rel="tag"``: in its article element
        on a page of a known theme; anywhere but in side chrome on a page of an unknown one, or of a theme whose profile
        names none (``generic.term_links``)."""
        if self.template is None or not getattr(self.template, "sections" if kind == "category" else "tags"):
            wanted = generic.is_section_link if kind == "category" else generic.is_tag_link
            found = generic.term_links(self.root, self.headline, wanted)
            base = "/category/" if kind == "category" else "/tag/"
            found = found or generic.links_near(self.headline, base, self.content_element)
            prefix = "category-" if kind == "category" else "tag-"
            return found or generic.post_class_terms(self.article_element, self.root, prefix, base)
        return self.rel_links(kind)

    def rel_links(self, kind: str) -> list[str]:
        """A known theme's article: its links WordPress itself marks ``rel="category tag"`` or ``rel="tag"``."""
        if self.article_element is None:
            return []
        wanted = {"category": ("category", "tag"), "tag": ("tag",)}[kind]
        return [
            clean_line(" ".join(a.itertext()))
            for a in self.article_element.iter("a")
            if tuple((a.get("rel") or "").split()) == wanted
        ]

    def image_url(self) -> str | None:
        og = self.meta("og:image")
        if og:
            return og
        thumb = self.jsonld("thumbnailUrl")
        if isinstance(thumb, str) and thumb.strip():
            return thumb.strip()
        return self.first(f"//*[{has_class('td-post-featured-image')}]//img/@src")

    @cached_property
    def content_element(self):
        """The element holding the article's prose: the known template's, else the one the generic finder picks."""
        template, content = self._template_and_content
        return content if template is not None else find_main_content(self.scope)

    def extracted_by(self) -> str:
        """The theme whose markup the article was read from, or ``fallback`` (metadata and the generic finder)."""
        return self.template.theme if self.template is not None else FALLBACK

    @cached_property
    def body(self) -> Body | None:
        if self.content_element is None:
            return None
        template = self.template
        body = extract_body(
            self.content_element, template.exclude if template else (), template.tags if template else ""
        )
        if self.template is None:  # the generic finder's element: its blocks kept where trafilatura agrees
            reference = generic.reference_text(self.response.text, self.response.url)
            body.paragraphs = generic.agreed(body.paragraphs, reference)
            if body.dateline is None:  # the theme's furniture above the text hid it
                body.dateline, body.paragraphs = split_dateline(body.paragraphs)
        return body

    def related(self) -> list[RelatedLink]:
        if self.body is None:
            return []
        links = []
        for link in self.body.links:
            if not link.href or not is_site_url(self.response.urljoin(link.href), self.base_url):
                continue
            target = canonical_url(self.response.urljoin(link.href), self.base_url)
            links.append(RelatedLink(target_url=target, anchor_text=clean_line(link.text), position=len(links)))
        return links

    def split_post(self) -> SplitPost | None:
        """The post's pages, if it is split: read from the page links WordPress prints under it
        (``wp_link_pages()``, whose links carry ``post-page-numbers`` in every theme), never guessed from URLs."""
        links = select(self.scope, f".//a[{has_class('post-page-numbers')}]/@href")
        if not links:
            return None
        numbers: dict[int, str] = {}
        first = None
        for href in links:
            url = canonical_url(self.response.urljoin(href), self.base_url)
            m = PAGE_NUMBER.match(url)
            if m and m.group("first") != f"{self.base_url}/":
                numbers[int(m.group("n"))] = m.group("first")
            else:
                first = url
        first = first or next(iter(numbers.values()), None)
        if first is None or any(base != first for base in numbers.values()):
            return None  # links that are not the pages of one post
        here = canonical_url(self.response.url, self.base_url)
        m = PAGE_NUMBER.match(here)
        page = int(m.group("n")) if m and m.group("first") == first else 1
        pages = max([page, *numbers])
        return SplitPost(first, page, pages) if pages > 1 else None

    def to_item(self) -> Article:
        published = self.published()
        body = self.body
        text = body.text if body else ""
        return Article(
            url=self.url(),
            post_id=self.post_id(),
            title=self.title() or "",
            published_at=published.iso if published else "",
            published_raw=published.raw if published else self.unread_date(),
            date_source=published.source if published else "",
            published_precision=published.precision if published else "minute",
            modified_at=self.modified(),
            author=self.author(),
            section=(self.section_names or [None])[0],
            sections=self.section_names,
            tags=self.tags(),
            dateline=body.dateline if body else None,
            body=text,
            word_count=word_count(text),
            image_url=self.image_url(),
            related=self.related(),
            fetched_url=self.fetched_url(),
            canonical_refused=self.canonical_refused(),
            extracted_by=self.extracted_by(),
        )


def jsonld_names(value) -> list[str]:
    """Names from JSON-LD ``articleSection``/``keywords``: a list, or (older Yoast) one comma string."""
    if isinstance(value, str):
        return [clean_embedded(v) for v in value.split(",")]
    if isinstance(value, list):
        return [clean_embedded(v) for v in value if isinstance(v, str)]
    return []
