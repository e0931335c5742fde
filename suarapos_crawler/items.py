"""What the crawler produces: typed items, one docstring per field.

The SQLite tables follow these shapes (see ``storage/schema.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FALLBACK = "fallback"
"""``extracted_by`` of an article whose body no known theme's markup holds: read from what survives a redesign."""


@dataclass
class RelatedLink:
    """An inline "Baca Juga" link from one article to another."""

    target_url: str
    """Canonical URL of the linked article (redirects resolved when the crawl learns them)."""
    anchor_text: str
    """The linked title as the reader sees it."""
    position: int
    """Order of the link in the article, from 0."""


@dataclass
class Article:
    """One news article as published on suarapos."""

    url: str
    """Canonical URL: from ``rel=canonical``, on the crawl's base scheme and host, trailing slash."""
    post_id: int | None
    """WordPress post ID (body class ``postid-N``, ``article#post-N`` or the ``?p=`` shortlink)."""
    title: str
    """Headline as printed in the article's ``h1``."""
    published_at: str
    """Publication time, ISO 8601 in WIB (``+07:00``)."""
    published_raw: str
    """The text the publication time was read from, unchanged."""
    date_source: str
    """Where ``published_at`` came from: ``json-ld``, ``opengraph``, ``theme-datetime`` (the theme's ``<time>``),
    ``microdata``, ``article-time`` (any theme: the article's first ``<time>``) or ``visible-text``."""
    published_precision: str = "minute"
    """What the page tells of the publication time: ``minute`` (a time of day, or a machine date), ``hour`` (a
    relative date counted in hours: "3 jam yang lalu"), ``day`` (the date alone: ``published_at`` is that WIB day at
    midnight)."""
    modified_at: str | None = None
    """Last modification time, ISO 8601 in WIB, when the page says it."""
    author: str | None = None
    """Display name of the author."""
    section: str | None = None
    """Primary section (the first category listed on the article)."""
    sections: list[str] = field(default_factory=list)
    """Every section the article is filed under, primary first."""
    tags: list[str] = field(default_factory=list)
    """Tags, in page order."""
    dateline: str | None = None
    """Dateline that opened the first paragraph, such as ``SUARAPOS.COM, PANGKALPINANG``."""
    body: str = ""
    """The article's own text: paragraphs separated by a blank line, no dateline, links, ads or captions."""
    word_count: int = 0
    """Words in ``body``."""
    image_url: str | None = None
    """Featured image (``og:image``)."""
    related: list[RelatedLink] = field(default_factory=list)
    """Inline "Baca Juga" links, in page order."""
    fetched_url: str = ""
    """The URL the page was requested as (before redirects); an alias of ``url``."""
    canonical_refused: str | None = None
    """Why the page's ``rel=canonical`` was not believed (another site, a page that is not an article), if it was not:
    ``url`` is then the fetched URL, and storage records the refusal in ``rejects``."""
    content_hash: str = ""
    """Hash of title and body, set by the dedup pipeline: equal hashes mean a republished copy."""
    replaces: str | None = None
    """URL of a stored later copy of this article, which storage moves to ``duplicates`` (set by dedup)."""
    capture_id: str | None = None
    """WARC-Record-ID of the capture the article was read from (``captures.id``), when pages are kept as WARC."""
    extracted_by: str = ""
    """How the page was read: the theme whose markup held it (``newspaper``, ``colormag``), or ``fallback``
    (no known theme's markup: metadata and the generic content finder)."""

    derived: Any = field(default=None, compare=False, repr=False)
    """What storage derives from the text (``enrich.derived.Derived``), when made where the page was read."""

    def as_dict(self) -> dict:
        """The article as plain data, its links as dicts (what storage takes): ``dataclasses.asdict`` without its
        deep copies, which cost more than the whole row's insert."""
        return {**vars(self), "related": [dict(vars(link)) for link in self.related]}


@dataclass
class UrlAlias:
    """Another spelling of an article's URL (old slug, shortlink) and the canonical URL it leads to."""

    alias: str
    url: str


@dataclass
class Reject:
    """A page or item that could not be stored, and why: recorded, never silently dropped."""

    url: str
    stage: str
    """Which step refused it: ``extract``, ``validate``..."""
    reason: str


@dataclass
class Gone:
    """A stored article its publisher took down: its URL answers 410 or 404, or the theme's not-found page."""

    url: str
    status: int
    """What the URL answered: 410, 404, or 200 for a not-found page served as a page (a soft 404)."""


@dataclass
class NotModified:
    """A stored article its site says is unchanged since the capture it was read from (304 to a conditional
    request): still online, as stored."""

    url: str


@dataclass
class Duplicate:
    """A republished copy of a stored article (same title and body under another URL)."""

    url: str
    duplicate_of: str
    reason: str
    canonical_refused: str | None = None
    """The copy's page did not have its ``rel=canonical`` believed (as ``Article.canonical_refused``)."""


@dataclass
class Capture:
    """One WARC record of a fetched response (or a revisit of an unchanged one), as the ``captures`` table holds it."""

    id: str
    """WARC-Record-ID (``<urn:uuid:...>``)."""
    url: str
    """The URL fetched, exactly as requested."""
    fetched_at: str
    """When the response arrived, ISO 8601 in WIB."""
    status: int
    """HTTP status."""
    kind: str
    """``response`` (the body is in the record) or ``revisit`` (unchanged since ``refers_to``: headers only)."""
    warc_file: str
    """The WARC file, relative to the archive's folder."""
    offset: int
    """Where the record's gzip member starts in the file."""
    length: int
    """Bytes of the record's gzip member."""
    payload_digest: str
    """WARC-Payload-Digest of the body as the server sent it (``sha1:`` base32)."""
    refers_to: str | None = None
    """For a revisit: the ID of the capture that holds the body."""
    content_type: str | None = None
    """The response's Content-Type."""


@dataclass
class FetchOutcome:
    """What became of a fetched URL that yields no article: a listing read, a section's end, a sitemap."""

    url: str
    outcome: str
    detail: str = ""
