"""The one lxml tree of a page, which every field of its page class reads."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from urllib.parse import urljoin

from lxml import etree
from w3lib.html import get_base_url

# lxml's plain elements: ``lxml.html`` (what parsel builds) calls a Python class lookup for every
# element it hands out, a third of the time the page classes spent in lxml.
PARSER = etree.HTMLParser(encoding="utf-8", recover=True, huge_tree=True)


# The same bare opening tag hundreds of times in a row: no text, no attributes, only depth.
DEEP_NESTING = re.compile(rb"<(div|span|p|b|i|font)>\s*(?:<\1>\s*){199,}", re.I)
DEEP_CLOSING = re.compile(rb"</(div|span|p|b|i|font)>\s*(?:</\1>\s*){199,}", re.I)


def flatten_deep_nesting(body: bytes) -> bytes | None:
    """The page without its runs of hundreds of bare opening tags (they carry no text), or None. Where the page
    closes them too (a run of as many closing tags), both runs are cut to one tag; where it never closes them,
    the opening run goes: one tag left open would take the rest of the page (comments, related posts, the
    footer) into the article's text."""
    if not DEEP_NESTING.search(body):
        return None
    closed = {m.group(1).lower() for m in DEEP_CLOSING.finditer(body)}
    body = DEEP_NESTING.sub(lambda m: b"<" + m.group(1) + b">" if m.group(1).lower() in closed else b"", body)
    return DEEP_CLOSING.sub(lambda m: b"</" + m.group(1) + b">", body)


def parse_html(body: bytes) -> tuple[etree._Element, bool]:
    """The tree of a UTF-8 page, and whether it had to be flattened first: libxml2 stops a document
    nested deeper than it allows and drops the rest, so such a page is parsed again without the
    runs of bare tags that made it deep (the only pages that pay for the search)."""
    root = etree.fromstring(body, parser=PARSER) if body else None
    flattened = False
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in PARSER.error_log):
        flat = flatten_deep_nesting(body)
        if flat is not None:
            root, flattened = etree.fromstring(flat, parser=PARSER), True
    return (root if root is not None else etree.fromstring(b"<html/>", parser=PARSER)), flattened


def parse_response(response) -> tuple[etree._Element, bool]:
    """``parse_html`` of the text Scrapy decoded (so its charset handling applies), cleaned as parsel would."""
    return parse_html(response.text.strip().replace("\x00", "").encode("utf-8"))


def html_root(response) -> etree._Element:
    """The page's one tree."""
    return parse_response(response)[0]


def classes(el) -> set[str]:
    """The class tokens of an element."""
    return set((el.get("class") or "").split())


@lru_cache(maxsize=1024)
def compiled(query: str) -> etree.XPath:
    """An XPath compiled once: ``el.xpath(str)`` compiles its query again on every call. Its strings are plain
    ``str``: lxml's "smart" ones keep their element, and with it the whole page, alive wherever they are kept
    (a URL cache kept thousands of pages)."""
    return etree.XPath(query, smart_strings=False)


def select(node, query: str) -> list:
    """What ``query`` finds from ``node`` (``node.xpath(query)``, with the query compiled once)."""
    return compiled(query)(node)


def has_class(name: str) -> str:
    """XPath test for one class token (never the whole class string: tagDiv renumbers ``tdi_NN``).

    The plain ``contains`` first: it turns away almost every element before the exact token test builds its string."""
    return f"(contains(@class, '{name}') and contains(concat(' ', normalize-space(@class), ' '), ' {name} '))"


class FetchedPage:
    """A fetched page as the page classes read it: its URL and decoded text, and links resolved
    against it (honouring ``<base href>``). A Scrapy ``TextResponse`` has the same three members;
    this one crosses to a worker process without bringing Scrapy along."""

    def __init__(self, url: str, text: str, date: str | None = None):
        self.url = url
        self.text = text
        self.date = date  # the response's HTTP Date header, as sent

    @cached_property
    def _base_url(self) -> str:
        return get_base_url(self.text[:4096], self.url)  # as Scrapy looks for <base>: in the first 4 KiB

    def urljoin(self, url: str) -> str:
        if url.startswith(("https://", "http://")):  # most links of a WordPress page: nothing to resolve
            return url
        return urljoin(self._base_url, url)
