"""The one lxml tree of a page, which every field of its page class reads."""

from __future__ import annotations

from lxml import etree

# lxml's plain elements: ``lxml.html`` (what parsel builds) calls a Python class lookup for every
# element it hands out, a third of the time the page classes spent in lxml.
PARSER = etree.HTMLParser(encoding="utf-8", recover=True, huge_tree=True)


def html_root(response) -> etree._Element:
    """The page parsed once, from the text Scrapy decoded (so its charset handling applies), as parsel would."""
    body = response.text.strip().replace("\x00", "").encode("utf-8")
    root = etree.fromstring(body, parser=PARSER) if body else None
    return root if root is not None else etree.fromstring(b"<html/>", parser=PARSER)


def has_class(name: str) -> str:
    """XPath test for one class token (never the whole class string: tagDiv renumbers ``tdi_NN``).

    The plain ``contains`` first: it turns away almost every element before the exact token test builds its string."""
    return f"(contains(@class, '{name}') and contains(concat(' ', normalize-space(@class), ' '), ' {name} '))"
