"""Canonical URLs of the site, and what a link can lead to.

Every URL the crawler stores or compares goes through ``canonical_url`` so that
the many spellings of one article (no slash, ``#respond``, ``utm_``,
``replytocom``, another of the site's hosts) become one.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

DEFAULT_BASE_URL = "https://www.suarapos.com"
# The site answers on all of these; www.suarapos.com is where they redirect.
SITE_HOSTS = frozenset({"www.suarapos.com", "suarapos.com", "suarapos.co.id", "www.suarapos.co.id"})
# Query parameters that never change which page is served.
TRACKING_PARAMS = re.compile(r"^(utm_\w+|replytocom|fbclid|gclid|amp|share|msclkid)$", re.I)

ESCAPE = re.compile(r"%[0-9a-f]{2}", re.I)
PATH_SAFE = "/%:@!$&'()*+,;=-._~"
# The AMP plugin's endpoint: ``/slug/amp/`` serves ``/slug/`` for phones.
AMP_PATH = re.compile(r"/amp/?$", re.I)
NOT_ARTICLE_PATH = re.compile(
    r"""^/(
        category/|tag/|author/|feed/|comments/feed|wp-admin|wp-login|wp-json/|wp-content/|wp-includes/
        |search/|page/\d+|\d{4}/(\d{2}/)?(\d{2}/)?$|[^?]*/feed/?$|[^?]*/amp/?$
        |[^?]*\.(xml|txt|jpe?g|png|gif|webp|pdf|css|js|ico|zip|mp4)$
    )""",
    re.X | re.I,
)


# The same links come back on every listing page and in every pipeline: the pure functions below are
# cached, with a bound so that a crawl of any size keeps the same memory.
URL_CACHE_SIZE = 16384


@lru_cache(maxsize=8)
def base_parts(base_url: str) -> tuple[str, str]:
    parts = urlsplit(base_url)
    return parts.scheme or "https", parts.netloc.lower()


@lru_cache(maxsize=URL_CACHE_SIZE)
def is_site_url(url: str, base_url: str) -> bool:
    """A URL on this site: the base URL's host or one of suarapos's own hosts."""
    host = urlsplit(url).netloc.lower()
    return host == base_parts(base_url)[1] or host.split(":")[0] in SITE_HOSTS


@lru_cache(maxsize=URL_CACHE_SIZE)
def canonical_url(url: str, base_url: str) -> str:
    """One spelling per page: base URL's scheme and host, no fragment or tracking, a trailing slash.

    URLs of other sites come back unchanged but for the fragment.
    """
    parts = urlsplit(url.strip())
    if not is_site_url(url, base_url):
        return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
    scheme, host = base_parts(base_url)
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if "/." in path:  # resolve ./ and ../ as a browser would
        path = posixpath.normpath(path) + ("/" if path.endswith("/") else "")
        path = path.replace("//", "/")
    if AMP_PATH.search(path):  # the AMP edition of a post is the post (``?amp`` goes with the tracking)
        path = AMP_PATH.sub("/", path)
    # One spelling of a non-ASCII path: UTF-8 percent-escapes in upper case (WordPress prints them in lower
    # case, Scrapy requests them in upper case), the escapes already there kept.
    path = ESCAPE.sub(lambda m: m.group(0).upper(), quote(path, safe=PATH_SAFE))
    last = path.rsplit("/", 1)[-1]
    if not path.endswith("/") and "." not in last:
        path += "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def shortlink_post_id(url: str) -> int | None:
    """The post ID of a WordPress shortlink ``/?p=ID``."""
    parts = urlsplit(url)
    if parts.path not in ("", "/"):
        return None
    values = dict(parse_qsl(parts.query))
    return int(values["p"]) if values.get("p", "").isdigit() else None


@lru_cache(maxsize=URL_CACHE_SIZE)
def may_be_article(url: str, base_url: str) -> bool:
    """Whether a site link can lead to an article; archives, feeds, search and admin never do."""
    if not is_site_url(url, base_url):
        return False
    parts = urlsplit(url)
    if parts.path in ("", "/"):
        return shortlink_post_id(url) is not None
    if "s" in dict(parse_qsl(parts.query)):
        return False
    return not NOT_ARTICLE_PATH.match(parts.path)


def is_section_url(url: str, base_url: str) -> bool:
    return is_site_url(url, base_url) and urlsplit(url).path.startswith("/category/")


def section_page_url(section_url: str, page: int) -> str:
    """WordPress's URL of page ``page`` of a section."""
    base = re.sub(r"page/\d+/$", "", section_url)
    return base if page == 1 else f"{base}page/{page}/"
