"""An article page of suarapos: one small method per field, no I/O.

Both of the site's templates are read (classic Newspaper ``.td-post-header`` and
tagDiv Composer ``tdb``), and every field falls back through the page's
metadata in the order that is right on every variant: the visible article
header for what a reader sees (title, author, sections, tags), the machine
metadata for the time (Yoast JSON-LD and OpenGraph are true UTC; the theme's
``+00:00`` is the WIB wall clock; the visible Indonesian text comes last).
"""

from __future__ import annotations

import html
import json
import re
from functools import cached_property

from ..items import Article, RelatedLink
from ..urls import canonical_url, is_site_url, shortlink_post_id
from .body import Body, extract_body
from .dates import FoundDate, parse_indonesian, parse_iso, to_wib, undo_wall_clock_trap

ARTICLE_TYPES = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle"}
NOT_ARTICLE_BODY_CLASSES = {"page", "archive", "category", "tag", "author", "search", "error404", "home", "blog", "date"}
TITLE_SUFFIX = re.compile(r"\s+[-–|]\s+Suarapos(\.co\.id|\.com)?\s*$", re.I)


def has_class(name: str) -> str:
    """XPath test for one class token (never the whole class string: tagDiv renumbers ``tdi_NN``)."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def clean_text(text: str | None) -> str:
    return " ".join(html.unescape(text or "").split())


class ArticlePage:
    """Fields of one article page. ``response`` is a Scrapy ``HtmlResponse`` (or anything with ``.xpath``, ``.url``)."""

    def __init__(self, response, base_url: str):
        self.response = response
        self.base_url = base_url

    # ---- what the page is -----------------------------------------------------
    @cached_property
    def body_classes(self) -> set[str]:
        return set(" ".join(self.response.xpath("//body/@class").getall()).split())

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
        if article is None or "type-page" in (article.attrib.get("class") or ""):
            return False
        return (self.jsonld_article is not None or self.meta("og:type") == "article"
                or (self.content_element is not None and bool(self.title())))

    def why_not_article(self) -> str:
        kind = sorted(self.body_classes & NOT_ARTICLE_BODY_CLASSES)
        return f"not an article page (body class {', '.join(kind)})" if kind else "no article markup"

    # ---- metadata sources ---------------------------------------------------------
    @cached_property
    def article_element(self):
        found = self.response.xpath("//article[starts-with(@id, 'post-') or " + has_class("post") + " or " + has_class("tdb_templates") + "]")
        return found[0] if found else None

    def meta(self, name: str) -> str | None:
        value = self.response.xpath(f"//meta[@property='{name}' or @name='{name}']/@content").get()
        return clean_text(value) if value else None

    @cached_property
    def jsonld_article(self) -> dict | None:
        """The Article node of the page's JSON-LD (Yoast's ``@graph`` or a lone object); broken blocks are skipped."""
        for text in self.response.xpath("//script[@type='application/ld+json']/text()").getall():
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

    def header_xpath(self, classic: str, tdb: str) -> list[str]:
        """Text nodes from the article header of either template (never listings or sidebars)."""
        root = self.article_element if self.article_element is not None else self.response
        values = root.xpath(f".//*[{has_class('td-post-header')}]{classic}").getall()
        if not values:
            values = root.xpath(f".{tdb}").getall()
        return [v for v in (clean_text(x) for x in values) if v]

    # ---- fields ----------------------------------------------------------------
    def url(self) -> str:
        canonical = self.response.xpath("//link[@rel='canonical']/@href").get()
        if canonical and is_site_url(canonical, self.base_url):
            return canonical_url(canonical, self.base_url)
        return canonical_url(self.response.url, self.base_url)

    def post_id(self) -> int | None:
        for cls in self.body_classes:
            if cls.startswith("postid-") and cls[7:].isdigit():
                return int(cls[7:])
        article_id = self.response.xpath("//article/@id").re_first(r"^post-(\d+)$")
        if article_id:
            return int(article_id)
        shortlink = self.response.xpath("//link[@rel='shortlink']/@href").get()
        if shortlink and shortlink_post_id(shortlink):
            return shortlink_post_id(shortlink)
        comment_id = self.response.xpath("//input[@name='comment_post_ID']/@value").get()
        return int(comment_id) if comment_id and comment_id.isdigit() else None

    def title(self) -> str | None:
        found = self.header_xpath("//h1[" + has_class("entry-title") + "]//text()", "//h1[" + has_class("tdb-title-text") + "]//text()")
        if found:
            return " ".join(found)
        headline = self.jsonld("headline")
        if isinstance(headline, str) and headline.strip():
            return clean_text(headline)
        for value in (self.meta("og:title"), self.response.xpath("//meta[starts-with(@itemprop, 'headline')]/@content").get()):
            if value:
                return TITLE_SUFFIX.sub("", clean_text(value))
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
            raw = time_el.xpath("@datetime").get()
            if raw and parse_iso(raw):
                return FoundDate(to_wib(undo_wall_clock_trap(parse_iso(raw))), raw, "theme-datetime")
        raw = self.response.xpath("//meta[@itemprop='datePublished']/@content").get()
        if raw and parse_iso(raw):
            return FoundDate(to_wib(undo_wall_clock_trap(parse_iso(raw))), raw, "microdata")
        if time_el is not None:
            raw = clean_text(" ".join(time_el.xpath(".//text()").getall()))
            when = parse_indonesian(raw)
            if when:
                return FoundDate(when, raw, "visible-text")
        return None

    def header_time(self):
        root = self.article_element if self.article_element is not None else self.response
        found = root.xpath(f".//*[{has_class('td-post-header')}]//time | .//*[{has_class('tdb_single_date')}]//time")
        return found[0] if found else None

    def modified(self) -> str | None:
        raw = self.jsonld("dateModified")
        if isinstance(raw, str) and parse_iso(raw):
            return to_wib(parse_iso(raw)).isoformat()
        raw = self.meta("article:modified_time")
        if raw and parse_iso(raw):
            return to_wib(parse_iso(raw)).isoformat()
        raw = self.response.xpath("//meta[@itemprop='dateModified']/@content").get()
        if raw and parse_iso(raw):
            # the theme's dateModified carries the right +07:00; only a +00:00 is the trap
            return to_wib(undo_wall_clock_trap(parse_iso(raw))).isoformat()
        return None

    def author(self) -> str | None:
        found = self.header_xpath(
            "//*[" + has_class("td-post-author-name") + "]/a//text()", "//a[" + has_class("tdb-author-name") + "]//text()"
        )
        if found:
            return " ".join(found)
        author = self.jsonld("author")
        if isinstance(author, list) and author:
            author = author[0]
        if isinstance(author, dict) and author.get("name"):
            return clean_text(author["name"])
        name = self.response.xpath("//*[@itemprop='author']//meta[@itemprop='name']/@content").get()
        return clean_text(name) if name else self.meta("twitter:data1")

    def sections(self) -> list[str]:
        root = self.article_element if self.article_element is not None else self.response
        links = root.xpath(f".//*[{has_class('td-post-header')}]//ul[{has_class('td-category')}]//a")
        if not links:
            links = root.xpath(f".//a[{has_class('tdb-entry-category')}]")
        names = [clean_text(" ".join(a.xpath(".//text()").getall())) for a in links]
        if not names:
            section = self.jsonld("articleSection")
            if isinstance(section, str):
                names = [s.strip() for s in html.unescape(section).split(",")]
            elif isinstance(section, list):
                names = [clean_text(s) for s in section if isinstance(s, str)]
        if not names and self.meta("article:section"):
            names = [self.meta("article:section")]
        return unique([n for n in names if n])

    def tags(self) -> list[str]:
        root = self.article_element if self.article_element is not None else self.response
        links = root.xpath(f".//ul[{has_class('td-tags')} or {has_class('tdb-tags')}]//a")
        names = [clean_text(" ".join(a.xpath(".//text()").getall())) for a in links]
        if not names:
            keywords = self.jsonld("keywords")
            if isinstance(keywords, str):
                names = [k.strip() for k in html.unescape(keywords).split(",")]
            elif isinstance(keywords, list):
                names = [clean_text(k) for k in keywords if isinstance(k, str)]
        return unique([n for n in names if n])

    def image_url(self) -> str | None:
        og = self.meta("og:image")
        if og:
            return og
        thumb = self.jsonld("thumbnailUrl")
        if isinstance(thumb, str):
            return thumb
        return self.response.xpath(f"//*[{has_class('td-post-featured-image')}]//img/@src").get()

    @cached_property
    def content_element(self):
        """The element holding the article's prose, in either template."""
        root = self.article_element if self.article_element is not None else self.response
        found = root.xpath(f".//*[{has_class('tdb_single_content')}]//*[{has_class('tdb-block-inner')}]")
        if not found:
            found = root.xpath(f".//div[{has_class('td-post-content')}]")
        return found[0].root if found else None

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
            links.append(RelatedLink(target_url=target, anchor_text=link.text, position=len(links)))
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
            section=(self.sections() or [None])[0],
            sections=self.sections(),
            tags=self.tags(),
            dateline=body.dateline if body else None,
            body=text,
            word_count=len(text.split()),
            image_url=self.image_url(),
            related=self.related(),
            fetched_url=canonical_url(self.response.url, self.base_url),
        )


def unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))
