"""The sample site's HTTP server: WordPress's URL rules on top of ``render``, with faults.

Twisted serves it (already a Scrapy dependency).  Rendered pages are kept in a
bounded cache, so a benchmark's repeated fetches cost a dictionary look-up.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import parse_qs, quote, unquote, urlsplit

from twisted.web import http, resource, server

from . import vocab
from .content import VIEWS_MARK, Site
from .faults import COOKIE_WALL, CRAWL_DELAY, SLOW_SECONDS, SPAM_URLS, Faults
from .render import Renderer
from .render.astra import AstraRenderer
from .render.colormag import ColorMagRenderer
from .render.generatepress import GeneratePressRenderer
from .render.jannah import JannahRenderer
from .render.jnews import JNewsRenderer
from .render.mh_magazine import MHMagazineRenderer
from .render.newsup import NewsupRenderer
from .render.sahifa import SahifaRenderer
from .render.soledad import SoledadRenderer
from .render.twentytwentyfour import TwentyTwentyFourRenderer

# The themes the sample can be served in: the site's own, and the one a redesign moves it to.
THEMES = {
    "newspaper": Renderer,
    "colormag": ColorMagRenderer,
    "sahifa": SahifaRenderer,
    "jannah": JannahRenderer,
    "mh-magazine": MHMagazineRenderer,
    "soledad": SoledadRenderer,
    "jnews": JNewsRenderer,
    "twentytwentyfour": TwentyTwentyFourRenderer,
    "newsup": NewsupRenderer,
    "generatepress": GeneratePressRenderer,
    "astra": AstraRenderer,
}

HTML = "text/html; charset=UTF-8"
GONE_PAGE = "<html><head><title>410 Gone</title></head><body><h1>Gone</h1></body></html>"
XML = "application/xml; charset=UTF-8"
CACHE_PAGES = 20_000


@dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False


class SampleSite:
    """Answers a path and query the way the real site would; no sockets here."""

    def __init__(self, site: Site, base_url: str, faults: Faults | None = None, theme: str = "newspaper"):
        self.site = site
        self.theme = theme
        self.render = THEMES[theme](site, base_url)
        self.base = base_url.rstrip("/")
        self.faults = faults or Faults()
        self.static = {slug: (title, text) for slug, title, text in vocab.STATIC_PAGES}
        self.section_paths = {s.path: slug for slug, s in site.sections.items()}
        self.hits: dict[str, int] = {}
        self._cache: OrderedDict[str, Reply] = OrderedDict()

    def redirect(self, location: str, status: int = 301) -> Reply:
        if location.startswith("/"):
            location = self.base + quote(location, safe="/%?&=#:;,+")  # a header is ASCII: a slug percent-encoded
        return Reply(status, b"", {"Location": location, "Content-Type": HTML})

    def html(self, text: str, status: int = 200, **headers) -> Reply:
        if getattr(self.render, "RELATIVE_DATES", False):  # "3 jam yang lalu" counts back from the site's "now"
            headers["Date"] = format_datetime(self.site.now.astimezone(UTC), usegmt=True)
        return Reply(status, text.encode("utf-8"), {"Content-Type": HTML, **headers})

    def not_found(self) -> Reply:
        return self.html(self.render.not_found(), 404)

    def get(self, target: str) -> Reply:
        """The reply for a request target (path and query)."""
        self.hits[target] = self.hits.get(target, 0) + 1
        if "forbidden" in self.faults.enabled:
            return self.html("<html><body><h1>403 Forbidden</h1>Access denied</body></html>", 403)
        path, _, query = target.partition("?")
        path = unquote(path)  # a non-ASCII slug, requested percent-encoded in either case
        article = self.site.by_slug.get(path.strip("/")) if path.count("/") <= 2 else None
        fault = self.fault_reply(target, path, article)
        if fault is not None:
            return fault
        # An article's page is the same whatever its query (utm_, replytocom).
        key = path if article else target
        reply = self._cache.get(key)
        if reply is not None:
            self._cache.move_to_end(key)
        else:
            reply = self.route(path, parse_qs(query))
            self._cache[key] = reply
            if len(self._cache) > CACHE_PAGES:
                self._cache.popitem(last=False)
        return self.finish_fault(reply, article)

    def fault_reply(self, target: str, path: str, article) -> Reply | None:
        f = self.faults
        if f.on("retry_503", article) and self.hits[target] == 1:
            return Reply(
                503, b"<html><body>Service Unavailable</body></html>", {"Retry-After": "1", "Content-Type": HTML}
            )
        if f.on("poison_500", article):
            return Reply(500, b"<html><body>Internal Server Error</body></html>", {"Content-Type": HTML})
        if f.on("redirect_loop", article):
            return self.redirect(f"{path}amp/", 302)
        if path.endswith("/amp/") and f.on("redirect_loop", self.site.by_slug.get(path[1:-5])):
            return self.redirect(path[:-4], 302)
        return None

    def finish_fault(self, reply: Reply, article) -> Reply:
        f = self.faults
        if article is None or reply.status != 200:
            return reply
        if self.site.view_counter:  # the count of views, one more with every request (after the page cache)
            count = f"{self.hits.get(f'/{article.slug}/', 0) + 1233:,}".replace(",", ".").encode()
            reply = Reply(reply.status, reply.body.replace(VIEWS_MARK.encode(), count), reply.headers)
        if f.on("post_id_reuse", article):
            return Reply(200, with_canonical(reply.body, self.base + f.canonical_of[article.post_id]), reply.headers)
        if f.on("slow", article):
            return Reply(reply.status, reply.body, reply.headers, delay=SLOW_SECONDS)
        if f.on("drop", article) and self.hits.get(f"/{article.slug}/", 0) <= 1:
            return Reply(reply.status, reply.body, reply.headers, drop=True)
        if f.on("truncated", article):
            # cut 2,000 bytes into the article text, as a dying PHP worker would
            start = reply.body.find(b"td-post-content")
            cut = (start if start >= 0 else len(reply.body) // 2) + 2000
            return Reply(200, reply.body[:cut], reply.headers)
        if f.on("oversized", article):
            pad = b"<!-- " + b"x" * (12 * 1024 * 1024) + b" -->"
            return Reply(200, reply.body.replace(b"</body>", pad + b"</body>"), reply.headers)
        if f.on("charset", article):
            # the quotes as raw UTF-8 (as posts pasted from a word processor carry them): read as the header says,
            # they would become mojibake
            body = reply.body.replace(b'<meta charset="UTF-8" />', b"")
            for entity, char in ((b"&#8220;", "\u201c"), (b"&#8221;", "\u201d"), (b"&#8211;", "\u2013")):
                body = body.replace(entity, char.encode("utf-8"))
            return Reply(200, body, {"Content-Type": "text/html; charset=ISO-8859-1"})
        if f.on("malformed", article):
            return Reply(200, reply.body.replace(b"</p>", b"").replace(b"</div>\n", b"\n"), reply.headers)
        if f.on("deep_nesting", article):
            body = reply.body.replace(b"<!-- wp:paragraph -->", b"<div>" * 5000, 1)
            return Reply(200, body, reply.headers)
        if f.on("soft_404", article):
            return self.html(self.render.not_found(), 200)
        if f.on("no_date", article):
            return Reply(200, strip_dates(reply.body), reply.headers)
        if f.on("no_title", article):
            return Reply(200, strip_titles(reply.body), reply.headers)
        if f.on("canonical_home", article):
            return Reply(200, with_canonical(reply.body, f"{self.base}/"), reply.headers)
        if f.on("canonical_other", article):
            return Reply(200, with_canonical(reply.body, self.base + f.canonical_of[article.post_id]), reply.headers)
        if f.on("garbage_copy", article):
            return self.html(self.render.article(cookie_wall(article)))
        if f.on("deep_jsonld", article):
            deep = b'<script type="application/ld+json">' + b"[" * 100_000 + b"]" * 100_000 + b"</script>"
            return Reply(200, reply.body.replace(b"<head>", b"<head>\n" + deep, 1), reply.headers)
        bytes_fault = self.bytes_fault(reply, article)
        if bytes_fault is not None:
            return bytes_fault
        if f.on("year_9999", article):
            body = re.sub(rb'"datePublished": "[^"]+"', b'"datePublished": "9999-12-31T23:59:59+00:00"', reply.body)
            body = re.sub(rb'"dateModified": "[^"]+"', b'"dateModified": "0001-01-01T00:00:00+07:00"', body)
            return Reply(200, body, reply.headers)
        return reply

    def sitemap_index_text(self) -> str:
        text = self.render.sitemap_index()
        if "sitemap_flood" in self.faults.enabled:  # 2,000 more post sitemaps, each dated now, each empty
            stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
            flood = "".join(
                f"<sitemap><loc>{self.base}/post-sitemap{n}.xml</loc><lastmod>{stamp}</lastmod></sitemap>\n"
                for n in range(FLOOD_FIRST, FLOOD_FIRST + FLOOD_SITEMAPS)
            )
            text = text.replace("<sitemap>", flood + "<sitemap>", 1)
        return text

    def robots_txt(self) -> bytes:
        text = self.render.robots()
        enabled = self.faults.enabled
        if "robots_crawl_delay" in enabled:
            text = text.replace("User-agent: *\n", f"User-agent: *\nCrawl-delay: {CRAWL_DELAY}\n", 1)
        if "robots_disallows_us" in enabled:
            text = "User-agent: suarapos-crawler\nDisallow: /\n\n" + text
        if "robots_huge" in enabled:  # a plugin's log written into the file, line after line
            text += "# cache warmed\n" * (9 * 1024 * 1024 // 15)
        return text.encode()

    def bytes_fault(self, reply: Reply, article) -> Reply | None:
        """Faults of what the bytes are: an image, control characters, another charset than the one said."""
        f = self.faults
        if f.on("image_page", article):
            return Reply(200, TINY_JPEG, {"Content-Type": "image/jpeg"})
        if f.on("control_chars", article):
            return Reply(200, with_control_characters(reply.body), reply.headers)
        if f.on("cp1252", article):
            # quotes pasted from a word processor, saved as windows-1252 into a UTF-8 page
            body = reply.body
            for entity, byte in ((b"&#8220;", b"\x93"), (b"&#8221;", b"\x94"), (b"&#8211;", b"\x96")):
                body = body.replace(entity, byte)
            return Reply(200, body, reply.headers)
        if f.on("utf16", article):
            text = reply.body.decode("utf-8").replace('<meta charset="UTF-8" />', '<meta charset="UTF-16" />')
            return Reply(200, text.encode("utf-16"), {"Content-Type": "text/html; charset=UTF-16"})
        return None

    def route(self, path: str, query: dict[str, list[str]]) -> Reply:
        r = self.render
        hostile = self.hostile_menu_route(path, query)
        if hostile is not None:
            return hostile
        if path == "/robots.txt" and "robots_5xx" in self.faults.enabled:
            return Reply(503, b"Service Unavailable", {"Content-Type": "text/plain", "Retry-After": "1"})
        if path == "/" and "p" in query:
            found = self.site.by_id.get(int(query["p"][0])) if query["p"][0].isdigit() else None
            return self.redirect(found.path) if found else self.not_found()
        if path == "/" and "s" in query:
            words = query["s"][0].lower().split()
            hits = [a for a in self.site.articles if words and all(w in a.title.lower() for w in words)]
            return self.html(r.simple_listing("Hasil pencarian: ", query["s"][0], hits, "search search-results"))
        if path == "/":
            return self.html(self.with_hostile_menu(r.home()))
        if path == "/robots.txt":
            return Reply(200, self.robots_txt(), {"Content-Type": "text/plain; charset=utf-8"})
        if "no_sitemap" in self.faults.enabled and path.endswith(".xml"):
            return self.not_found()
        if path in ("/sitemap.xml", "/wp-sitemap.xml"):
            return self.redirect("/sitemap_index.xml")
        if path == "/sitemap_index.xml":
            return Reply(200, self.sitemap_index_text().encode(), {"Content-Type": XML})
        m = re.fullmatch(r"/post-sitemap(\d*)\.xml", path)
        if m:
            return self.post_sitemap(int(m.group(1) or 1))
        if path == "/page-sitemap.xml":
            return Reply(200, r.page_sitemap().encode(), {"Content-Type": XML})
        if path == "/category-sitemap.xml":
            return Reply(200, r.category_sitemap().encode(), {"Content-Type": XML})
        if path in ("/feed/", "/feed"):
            return Reply(200, r.feed().encode(), {"Content-Type": "application/rss+xml; charset=UTF-8"})
        if path.startswith("/wp-admin") or path.startswith("/wp-login"):
            return (
                self.redirect("/wp-login.php?redirect_to=%2Fwp-admin%2F", 302)
                if path != "/wp-login.php"
                else self.html("<html><body>login</body></html>")
            )
        if path.startswith("/category/"):
            return self.route_section(path)
        m = re.fullmatch(r"/(tag|author)/([a-z0-9-]+)/", path)
        if m:
            return self.route_archive(m.group(1), m.group(2))
        m = re.fullmatch(r"/(\d{4})/(\d{2})/(?:(\d{2})/)?", path)
        if m:
            return self.route_date(int(m.group(1)), int(m.group(2)))
        return self.route_slug(path)

    def post_sitemap(self, n: int) -> Reply:
        if "sitemap_flood" in self.faults.enabled and n >= FLOOD_FIRST:
            empty = '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'
            return Reply(200, empty.encode(), {"Content-Type": XML})
        text = self.render.post_sitemap(n)
        if text and "sitemap_spam" in self.faults.enabled:  # dead URLs among the posts, dated now
            stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
            spam = "".join(
                f"<url><loc>{self.base}/slot-gacor-{n}-{i}/</loc><lastmod>{stamp}</lastmod></url>\n"
                for i in range(SPAM_URLS)
            )
            text = text.replace("</urlset>", spam + "</urlset>")
        if text and "lastmod_now" in self.faults.enabled:  # a plugin that prints the time the file was made
            stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")
            text = re.sub(r"<lastmod>[^<]*</lastmod>", f"<lastmod>{stamp}</lastmod>", text)
        return Reply(200, text.encode(), {"Content-Type": XML}) if text else self.not_found()

    # ---- menu items that lead somewhere hostile (faults offsite_redirect, query_pagination, huge_listing) ----
    def with_hostile_menu(self, page: str) -> str:
        items = "".join(
            f'<li class="menu-item"><a href="{self.base}{path}">{name}</a></li>'
            for fault, (path, name) in HOSTILE_MENU.items()
            if fault in self.faults.enabled
        )
        return page.replace(
            '<ul id="menu-main-menu" class="sf-menu">', '<ul id="menu-main-menu" class="sf-menu">' + items, 1
        )

    def hostile_menu_route(self, path: str, query: dict[str, list[str]]) -> Reply | None:
        enabled = self.faults.enabled
        if "offsite_redirect" in enabled and path == HOSTILE_MENU["offsite_redirect"][0]:
            return self.redirect("https://epaper.example.invalid/", 301)
        if "query_pagination" in enabled and path == HOSTILE_MENU["query_pagination"][0]:
            page = int((query.get("hal") or ["1"])[0] or 1) if (query.get("hal") or ["1"])[0].isdigit() else 1
            return self.html(self.render.endless_listing(path, page, self.site.articles[:10]))
        if "menu_bounce" in enabled and path == HOSTILE_MENU["menu_bounce"][0]:
            # as a section bouncing between www.suarapos.com and suarapos.com: another spelling of the same page,
            # which sends back to the first
            if "utm_source" in query:
                return self.redirect(path, 301)
            return self.redirect(f"{path}?utm_source=menu", 301)
        if "huge_listing" in enabled and path == HOSTILE_MENU["huge_listing"][0]:
            return self.html(self.render.unclosed_listing(self.site.articles, HUGE_LISTING_BLOCKS))
        return None

    def route_section(self, path: str) -> Reply:
        m = re.fullmatch(r"(/category/(?:[a-z0-9-]+/)+?)(?:page/(\d+)/)?", path)
        if not m:
            if not path.endswith("/"):
                return self.redirect(path + "/")
            return self.not_found()
        base, page = m.group(1), m.group(2)
        slug = self.section_paths.get(base)
        if slug is None:
            return self.not_found()
        if page == "1":
            return self.redirect(base)
        n = int(page or 1)
        if n > self.site.section_pages(slug):
            return self.not_found()
        return self.html(self.render.section(slug, n))

    def route_archive(self, kind: str, slug: str) -> Reply:
        from .content import slugify

        if kind == "tag":
            listed = [a for a in self.site.articles if slug in {slugify(t) for t in a.tags}]
            name = next((t for a in listed for t in a.tags if slugify(t) == slug), None)
            if name is None:
                return self.not_found()
            return self.html(self.render.simple_listing("", name, listed, f"archive tag tag-{slug}"))
        listed = [a for a in self.site.articles if a.author[0] == slug]
        if not listed:
            return self.not_found()
        return self.html(self.render.simple_listing("", listed[0].author[1], listed, f"archive author author-{slug}"))

    def route_date(self, year: int, month: int) -> Reply:
        from datetime import datetime

        from .content import WIB

        if not (1 <= month <= 12) or not (2000 <= year <= self.site.now.year):
            return self.not_found()
        listed = [a for a in self.site.articles if (a.published.year, a.published.month) == (year, month)]
        name = f"{vocab.MONTHS_ID[month - 1]} {year}"
        # The calendar widget links to the month before, back for years: a crawler trap.
        return self.html(
            self.render.simple_listing("Arsip: ", name, listed, "archive date", datetime(year, month, 1, tzinfo=WIB))
        )

    def route_slug(self, path: str) -> Reply:
        parts = [p for p in path.split("/") if p]
        if len(parts) == 2 and parts[0] in self.site.by_slug and (parts[1] == "amp" or parts[1].isdigit()):
            a = self.site.by_slug[parts[0]]
            page = int(parts[1]) if parts[1].isdigit() else 0
            if 2 <= page <= a.page_count and path.endswith("/"):  # a page of a split post
                return self.html(self.render.article(a, page), Link=f"<{self.base}/?p={a.post_id}>; rel=shortlink")
            return self.redirect(a.path)  # WordPress's redirect_canonical (the AMP plugin is not installed)
        if len(parts) != 1:
            if len(parts) == 2 and parts[1] == "feed" and parts[0] in self.site.by_slug:
                return Reply(
                    200, b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', {"Content-Type": XML}
                )
            return self.not_found()
        slug = parts[0]
        known = slug in self.site.by_slug or slug in self.static or slug in self.site.old_slugs
        if known and not path.endswith("/"):
            return self.redirect(path + "/")
        if slug in self.site.by_slug:
            a = self.site.by_slug[slug]
            return self.html(
                self.render.article(a),
                Link=f"<{self.base}/?p={a.post_id}>; rel=shortlink",
                # as a page cache in front of WordPress says it (and answers If-Modified-Since with 304)
                **{"Last-Modified": format_datetime(a.modified.astimezone(UTC), usegmt=True)},
            )
        if slug in self.faults.gone:  # deleted: 410, 404, or the theme's 404 page with 200 (a soft 404)
            status = self.faults.gone[slug]
            return self.html(self.render.not_found(), status) if status != 410 else self.html(GONE_PAGE, 410)
        if slug in self.site.old_slugs:
            return self.redirect(self.site.old_slugs[slug].path)
        if slug in self.static:
            return self.html(self.render.static_page(slug, *self.static[slug]))
        return self.not_found()


# Under sitemap_flood: the index lists this many more post sitemaps, numbered from here (each empty).
FLOOD_FIRST, FLOOD_SITEMAPS = 1000, 2000
HOSTILE_MENU = {
    "offsite_redirect": ("/category/epaper/", "e-Paper"),
    "query_pagination": ("/category/indeks/", "Indeks"),
    "huge_listing": ("/category/indeks-lengkap/", "Indeks Lengkap"),
    "menu_bounce": ("/category/lompat/", "Lompat"),
}
HUGE_LISTING_BLOCKS = 12_000


def with_canonical(body: bytes, url: str) -> bytes:
    return re.sub(
        rb'<link rel="canonical" href="[^"]*"', b'<link rel="canonical" href="' + url.encode() + b'"', body, count=1
    )


def cookie_wall(article):
    """The article's page as a cookie wall serves it: the site's name for a title, the notice as long as the text."""
    length = sum(len(p) for p in article.paragraphs)
    notice = (COOKIE_WALL * (length // len(COOKIE_WALL) + 1))[:length]
    return replace(article, title="Suarapos.co.id", paragraphs=[notice], baca_juga=[], embeds=[], split_at=[], dateline=None,
                   subheadings=set(), quote_paragraph=None, figure_after=None, ad_after=None)  # fmt: skip


def strip_dates(body: bytes) -> bytes:
    """The page with every date removed: JSON-LD, OpenGraph, microdata, the theme's <time>."""
    text = body.decode("utf-8")
    text = re.sub(r'"date(Published|Modified)": "[^"]*", ', "", text)
    text = re.sub(r'<meta property="article:(published|modified)_time"[^>]*>', "", text)
    text = re.sub(r'<meta itemprop="date(Published|Modified)"[^>]*>', "", text)
    text = re.sub(r'<span class="td-post-date">.*?</span>', "", text, flags=re.S)
    text = re.sub(
        r'(<div class="td_block_wrap tdb_single_date[^"]*"><div class="tdb-block-inner td-fix-index">).*?(</div>)',
        r"\1\2",
        text,
        flags=re.S,
    )
    return text.encode("utf-8")


# A real JPEG (1x1 pixel, baseline), as an image a misconfigured server answers at a page's URL.
TINY_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a"
    "1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b080001000101011100ffc4001f"
    "0000010501010101010100000000000000000102030405060708090a0bffc400b5100002010303020403050504040000017d010203"
    "00041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a343536373839"
    "3a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4"
    "a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa"
    "ffda0008010100003f00fbd3ffd9"
)


def with_control_characters(body: bytes) -> bytes:
    """Control characters in the title and the author's name, as a CMS that took them from a paste keeps them."""
    body = re.sub(rb'(<h1 class="(?:entry-title|tdb-title-text)">)', lambda m: m.group(1) + b"\x08", body, count=1)
    body = re.sub(rb"(<title>[^<]{3})", lambda m: m.group(1) + b"\x1b", body, count=1)
    return re.sub(rb'(/author/[^"/]+/">[^<]{2})', lambda m: m.group(1) + b"\x01", body, count=1)  # the byline


def strip_titles(body: bytes) -> bytes:
    """The page with no title anywhere a crawler could read it."""
    text = body.decode("utf-8")
    text = re.sub(r'<h1 class="(entry-title|tdb-title-text)">.*?</h1>', "", text, flags=re.S)
    text = re.sub(r'"headline": "[^"]*", ', "", text)
    text = re.sub(r'<meta (property="og:title"|itemprop="headline ")[^>]*>', "", text)
    text = re.sub(r"<title>.*?</title>", "<title>Suarapos.co.id</title>", text, count=1, flags=re.S)
    return text.encode("utf-8")


def not_modified(request, reply: Reply) -> bool:
    """Whether a conditional request is answered 304 (Twisted's own checks): the ETag is the page's digest, the
    Last-Modified the article's modified time."""
    etag = hashlib.blake2b(reply.body, digest_size=8).hexdigest().encode()
    if request.setETag(b'"' + etag + b'"') == http.CACHED:
        return True
    modified = reply.headers.get("Last-Modified")
    if modified and not request.getHeader("If-None-Match"):  # RFC 9110: If-None-Match, when sent, decides alone
        return request.setLastModified(parsedate_to_datetime(modified).timestamp()) == http.CACHED
    return False


class SampleResource(resource.Resource):
    """``gzip``: compress bodies for clients that accept it, as WordPress hosts do. ``request_log``: a file
    that gets one line per request (method and target), to prove what a crawler asked for, or did not."""

    isLeaf = True

    def __init__(self, sample: SampleSite, gzip: bool = False, request_log=None):
        super().__init__()
        self.sample = sample
        self.gzip = gzip
        self.request_log = request_log

    def render_GET(self, request):
        target = request.uri.decode("latin-1")
        if self.request_log is not None:
            self.request_log.write(f"{request.method.decode()} {target}\n")
            self.request_log.flush()
        if target.startswith("http"):
            target = urlsplit(target).path + ("?" + urlsplit(target).query if urlsplit(target).query else "")
        reply = self.sample.get(target)
        request.setResponseCode(reply.status)
        for name, value in reply.headers.items():
            request.setHeader(name, value)
        if reply.status == 200 and not reply.drop and not_modified(request, reply):
            return b""  # 304: Twisted set the status, as a page cache does for a conditional request
        accepts = (request.getHeader("Accept-Encoding") or "").lower()
        if self.gzip and reply.body and "gzip" in accepts and not reply.drop:
            reply = Reply(
                reply.status, gzip.compress(reply.body, 6, mtime=0), reply.headers, reply.delay
            )  # as nginx: no time
            request.setHeader("Content-Encoding", "gzip")
            request.setHeader("Vary", "Accept-Encoding")
        if reply.drop:
            request.setHeader("Content-Length", str(len(reply.body)))
            request.write(reply.body[: len(reply.body) // 2])
            request.channel.transport.abortConnection()
            return server.NOT_DONE_YET
        if reply.delay:

            def finish():
                if not request.finished and not request._disconnected:  # noqa: SLF001 - Twisted has no public flag
                    request.write(reply.body)
                    request.finish()

            from twisted.internet import reactor  # imported late: Scrapy picks the reactor first

            reactor.callLater(reply.delay, finish)
            return server.NOT_DONE_YET
        return reply.body

    render_HEAD = render_GET


def make_site_factory(sample: SampleSite, gzip: bool = False, request_log=None) -> server.Site:
    factory = server.Site(SampleResource(sample, gzip, request_log))
    factory.log = lambda request: None  # an access log per request would cost more than the page
    factory.displayTracebacks = False
    return factory
