"""What storage derives from an article's text (region, kind, stems, quotes), made where the page is read.

A worker that reads a page can make these beside it (``scrapy reextract``'s workers do), so that the one writer
only writes. Storage uses them only for the very text they were made from, and quotes only when they were read
with the gazetteer storage reads with (``usable``); it makes them itself otherwise. Pure functions, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import kind_of
from .quotes import Gazetteer, Quote, find_quotes, fingerprint
from .regions import region_of
from .stems import stems_of


@dataclass(frozen=True)
class Derived:
    made_from: tuple
    """The fields they were made from (``inputs``)."""
    region: str
    kind: str
    kind_evidence: str
    title_stems: str
    body_stems: str
    quotes: list[Quote] | None
    """None: no gazetteer could be read where the page was read."""
    gazetteer: str | None
    """The ``fingerprint`` of the gazetteer the quotes were read with."""


def inputs(article: dict) -> tuple:
    """What the derived fields depend on: title, body, dateline, sections and tags."""
    return (
        article.get("title"),
        article.get("body"),
        article.get("dateline"),
        tuple(article.get("sections") or ()),
        tuple(article.get("tags") or ()),
    )


def derive(article: dict, gazetteer: Gazetteer | None) -> Derived:
    """Everything storage derives from an article's text (as a dict: ``Article.as_dict``)."""
    title, body, dateline, sections, tags = made_from = inputs(article)
    kind, evidence = kind_of(title, body, list(tags), list(sections))
    return Derived(
        made_from,
        region_of(dateline, list(sections)),
        kind,
        evidence,
        stems_of(title),
        stems_of(body),
        None if gazetteer is None else find_quotes(title, body, gazetteer),
        None if gazetteer is None else fingerprint(gazetteer),
    )


def usable(article: dict) -> Derived | None:
    """The article's derived fields, if made for exactly its text."""
    derived = article.get("derived")
    return derived if derived is not None and derived.made_from == inputs(article) else None


def quotes_for(derived: Derived | None, gazetteer: Gazetteer) -> list[Quote] | None:
    """The quotes made beside the page, if read with this very gazetteer."""
    if derived is None or derived.quotes is None or derived.gazetteer != fingerprint(gazetteer):
        return None
    return derived.quotes
