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
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import cached_property

from ..items import Article, RelatedLink
from ..urls import canonical_url, is_site_url, shortlink_post_id
from .body import Body, extract_body
from .dates import FoundDate, parse_indonesian, parse_iso, to_wib, undo_wall_clock_trap
from .html import classes, has_class, parse_response
from .text import clean_embedded, clean_line, unique

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


class ArticlePage:
    """Fields of one article page. ``response`` is a Scrapy ``HtmlResponse``.

    Works on one lxml tree for every field (``parse_response``), with lxml's own XPath:
    parsel selector objects would cost more than the queries."""

    def __init__(self, response, base_url: str):
        self.response = response
        self.base_url = base_url
        self.root, self.flattened = parse_response(response)

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
        found = (self.root if node is None else node).xpath(xpath)
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
            except ValueError:
                continue  # the theme's hand-glued breadcrumb JSON breaks on a '"' in a title
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
    def header(self):
        """The classic template's article header, if the page has one."""
        return self.first(f".//*[{has_class('td-post-header')}]", self.scope)

    def header_texts(self, classic: str, tdb: str) -> list[str]:
        """Text of the article header of either template (never listings or sidebars)."""
        values = self.header.xpath(classic) if self.header is not None else []
        if not values:
            values = self.scope.xpath(tdb)
        return [v for v in (clean_line(x) for x in values) if v]

    # ---- fields ----------------------------------------------------------------
    def url(self) -> str:
        canonical = self.first_attr("link", "href", rel="canonical")
        if canonical and is_site_url(canonical, self.base_url):
            return canonical_url(canonical, self.base_url)
        return canonical_url(self.response.url, self.base_url)

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
        found = self.header_texts(
            f".//h1[{has_class('entry-title')}]//text()", f".//h1[{has_class('tdb-title-text')}]//text()"
        )
        if found:
            return TITLE_SUFFIX.sub("", " ".join(found))
        headline = self.jsonld("headline")
        if isinstance(headline, str) and clean_embedded(headline):
            return TITLE_SUFFIX.sub("", clean_embedded(headline))
        for value in (self.meta("og:title"), self.first("//meta[starts-with(@itemprop, 'headline')]/@content")):
            if clean_line(value):
                return TITLE_SUFFIX.sub("", clean_line(value))
        return None

    def published(self) -> FoundDate | None:
        """Publication time, from the most trustworthy source the page has."""
        raw = self.jsonld("datePublished")
        if isinstance(raw, str) and parse_iso(raw):
            return FoundDate(to_wib(parse_iso(raw)), raw, "json-ld")
        raw = self.meta("article:published_time")
        if raw and parse_iso(raw):
            return FoundDate(to_wib(parse_iso(raw)), raw, "opengraph")
        time_el = self.header_time()
        if time_el is not None:
            raw = time_el.get("datetime")
            if raw and parse_iso(raw):
                return FoundDate(to_wib(undo_wall_clock_trap(parse_iso(raw))), raw, "theme-datetime")
        raw = self.first("//meta[@itemprop='datePublished']/@content")
        if raw and parse_iso(raw):
            return FoundDate(to_wib(undo_wall_clock_trap(parse_iso(raw))), raw, "microdata")
        if time_el is not None:
            raw = clean_line(" ".join(time_el.itertext()))
            when = parse_indonesian(raw, base=self.fetched_at())
            if when:
                return FoundDate(when, raw, "visible-text")
        return None

    def fetched_at(self) -> datetime | None:
        """When the server answered (its ``Date`` header): what a relative date on the page counts back from."""
        raw = getattr(self.response, "date", None)
        if raw is None and hasattr(self.response, "headers"):
            raw = (self.response.headers.get(b"Date") or b"").decode("latin-1")
        try:
            return parsedate_to_datetime(raw) if raw else None
        except (TypeError, ValueError):
            return None

    def header_time(self):
        if self.header is not None:
            found = self.first(".//time", self.header)
            if found is not None:
                return found
        return self.first(f".//*[{has_class('tdb_single_date')}]//time", self.scope)

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
        found = self.header_texts(
            f".//*[{has_class('td-post-author-name')}]/a//text()", f".//a[{has_class('tdb-author-name')}]//text()"
        )
        if found:
            return " ".join(found)
        author = self.jsonld("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict) and isinstance(author.get("name"), str) and clean_embedded(author["name"]):
            return clean_embedded(author["name"])
        name = self.first("//*[@itemprop='author']//meta[@itemprop='name']/@content")
        return clean_line(name) or self.meta("twitter:data1")

    @cached_property
    def section_names(self) -> list[str]:
        return self.sections()

    def sections(self) -> list[str]:
        links = self.header.xpath(f".//ul[{has_class('td-category')}]//a") if self.header is not None else []
        if not links:
            links = self.scope.xpath(f".//a[{has_class('tdb-entry-category')}]")
        names = [clean_line(" ".join(a.itertext())) for a in links] or jsonld_names(self.jsonld("articleSection"))
        if not names and self.meta("article:section"):
            names = [self.meta("article:section")]
        return unique(names)

    def tags(self) -> list[str]:
        links = self.scope.xpath(f".//ul[{has_class('td-tags')} or {has_class('tdb-tags')}]//a")
        names = [clean_line(" ".join(a.itertext())) for a in links] or jsonld_names(self.jsonld("keywords"))
        return unique(names)

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
        """The element holding the article's prose, in either template."""
        found = self.first(f".//*[{has_class('tdb_single_content')}]//*[{has_class('tdb-block-inner')}]", self.scope)
        if found is None:
            found = self.first(f".//div[{has_class('td-post-content')}]", self.scope)
        return found

    @cached_property
    def body(self) -> Body | None:
        return extract_body(self.content_element) if self.content_element is not None else None

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

    def to_item(self) -> Article:
        published = self.published()
        body = self.body
        text = body.text if body else ""
        return Article(
            url=self.url(),
            post_id=self.post_id(),
            title=self.title() or "",
            published_at=published.iso if published else "",
            published_raw=published.raw if published else "",
            date_source=published.source if published else "",
            modified_at=self.modified(),
            author=self.author(),
            section=(self.section_names or [None])[0],
            sections=self.section_names,
            tags=self.tags(),
            dateline=body.dateline if body else None,
            body=text,
            word_count=len(text.split()),
            image_url=self.image_url(),
            related=self.related(),
            fetched_url=canonical_url(self.response.url, self.base_url),
        )


def jsonld_names(value) -> list[str]:
    """Names from JSON-LD ``articleSection``/``keywords``: a list, or (older Yoast) one comma string."""
    if isinstance(value, str):
        return [clean_embedded(v) for v in value.split(",")]
    if isinstance(value, list):
        return [clean_embedded(v) for v in value if isinstance(v, str)]
    return []
