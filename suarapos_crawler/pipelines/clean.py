"""Normalise an article's text: Unicode NFC, one space between words, no empty or repeated list entries."""

from __future__ import annotations

import unicodedata

from ..items import Article
from ..pages.article import TITLE_SUFFIX


def clean_line(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(unicodedata.normalize("NFC", text).replace("\xa0", " ").split())


def clean_body(text: str) -> str:
    paragraphs = (clean_line(p) for p in unicodedata.normalize("NFC", text).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def clean_list(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in (clean_line(x) for x in values) if v))


class CleanPipeline:
    @classmethod
    def from_crawler(cls, crawler):
        return cls()

    def process_item(self, item):
        if not isinstance(item, Article):
            return item
        item.title = TITLE_SUFFIX.sub("", clean_line(item.title) or "")
        item.author = clean_line(item.author) or None
        item.dateline = clean_line(item.dateline) or None
        item.sections = clean_list(item.sections)
        item.section = item.sections[0] if item.sections else clean_line(item.section)
        item.tags = clean_list(item.tags)
        item.body = clean_body(item.body)
        item.word_count = len(item.body.split())
        for link in item.related:
            link.anchor_text = clean_line(link.anchor_text) or ""
        return item
