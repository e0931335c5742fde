"""Where each WordPress theme the site has used prints an article's parts: the page classes' selectors, as data.

A theme is recognised on a page by its content element. Teaching the crawler a new theme
(after a redesign) is one more entry here; its articles read until then by the fallback
(metadata and the generic content finder) are read again from their captures with
``scrapy reextract``, and the theme's readings replace the fallback's.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..items import FALLBACK
from .html import has_class

__all__ = ["FALLBACK", "KNOWN_THEMES", "TEMPLATES", "ThemeMarkup", "templates_of"]


@dataclass(frozen=True)
class ThemeMarkup:
    """XPaths of one template, relative to the article's element (or the page, when it has none)."""

    theme: str
    """The theme's name, recorded as the article's ``extracted_by``."""
    content: str
    """The element holding the article's prose."""
    title: str
    """Text nodes of the headline."""
    author: str
    """Text nodes of the author's name."""
    time: str
    """The ``<time>`` of publication."""
    sections: str
    """The links to the article's sections, primary first."""
    tags: str
    """The links to its tags."""
    header: str | None = None
    """Where title, author, time and sections are looked for, if not in the whole article."""
    wall_clock_datetime: bool = False
    """The theme labels the WIB wall clock ``+00:00`` (tagDiv Newspaper up to 9)."""


NEWSPAPER_CLASSIC = ThemeMarkup(
    theme="newspaper",
    header=f".//*[{has_class('td-post-header')}]",
    content=f".//div[{has_class('td-post-content')}]",
    title=f".//h1[{has_class('entry-title')}]//text()",
    author=f".//*[{has_class('td-post-author-name')}]/a//text()",
    time=".//time",
    sections=f".//ul[{has_class('td-category')}]//a",
    tags=f".//ul[{has_class('td-tags')}]//a",
    wall_clock_datetime=True,
)
# tagDiv Composer's single template: the same theme, built from blocks.
NEWSPAPER_COMPOSER = ThemeMarkup(
    theme="newspaper",
    content=f".//*[{has_class('tdb_single_content')}]//*[{has_class('tdb-block-inner')}]",
    title=f".//h1[{has_class('tdb-title-text')}]//text()",
    author=f".//a[{has_class('tdb-author-name')}]//text()",
    time=f".//*[{has_class('tdb_single_date')}]//time",
    sections=f".//a[{has_class('tdb-entry-category')}]",
    tags=f".//ul[{has_class('tdb-tags')}]//a",
    wall_clock_datetime=True,
)
# ThemeGrill ColorMag 4 (template-parts/content-single.php, inc/template-tags.php).
COLORMAG = ThemeMarkup(
    theme="colormag",
    content=f".//div[{has_class('cm-entry-summary')}]",
    title=f".//h1[{has_class('cm-entry-title')}]//text()",
    author=f".//*[{has_class('cm-below-entry-meta')}]//*[{has_class('cm-author')}]//a//text()",
    time=f".//*[{has_class('cm-below-entry-meta')}]//time",
    sections=f".//*[{has_class('cm-post-categories')}]/a",
    tags=f".//*[{has_class('cm-tag-links')}]/a",
)

# Composer first: its content block also carries the classic template's class td-post-content.
TEMPLATES = (NEWSPAPER_COMPOSER, NEWSPAPER_CLASSIC, COLORMAG)
KNOWN_THEMES = tuple(dict.fromkeys(t.theme for t in TEMPLATES))


def templates_of(themes: tuple[str, ...] | list[str] | None) -> tuple[ThemeMarkup, ...]:
    """The templates of these themes (all known ones for None), in the order they are tried."""
    if themes is None:
        return TEMPLATES
    unknown = set(themes) - set(KNOWN_THEMES)
    if unknown:
        raise ValueError(f"unknown theme {', '.join(sorted(unknown))}; known: {', '.join(KNOWN_THEMES)}")
    return tuple(t for t in TEMPLATES if t.theme in themes)
