"""HTML, XML and text of the sample site's pages, as WordPress + tagDiv Newspaper print them, by page kind.

Markup follows ``shared/site-dossier.md`` (Newspaper 9.7 classic single template,
tagDiv Composer "tdb" template, Yoast SEO, Inline Related Posts).  Every page is
a pure function of the ``Site`` and the base URL, so two servers with the same
seed and "now" serve the same bytes.
"""

from __future__ import annotations

from .article import ArticlePages
from .chrome import Chrome
from .feeds import Feeds
from .listings import Listings
from .text import (
    attr,
    display_date,
    listing_date,
    long_date,
    texturize,
    topbar_date,
    utc_iso,
    wall_clock_as_utc,
    wib_iso,
)

__all__ = [
    "Renderer",
    "attr",
    "display_date",
    "listing_date",
    "long_date",
    "texturize",
    "topbar_date",
    "utc_iso",
    "wall_clock_as_utc",
    "wib_iso",
]


class Renderer(Chrome, Listings, ArticlePages, Feeds):
    """Every page of the site in its own theme (tagDiv Newspaper): ``chrome.py``, ``listings.py``, ``article.py``,
    ``feeds.py``. A redesign is a subclass (``colormag.py``)."""
