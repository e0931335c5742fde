"""Text as WordPress prints it: wptexturize's entities, escaping, and the dates in each of the theme's formats."""

from __future__ import annotations

import html
from datetime import UTC, datetime

from .. import vocab
from ..content import SampleArticle

TEXTURE = {"–": "&#8211;", "—": "&#8212;", "“": "&#8220;", "”": "&#8221;", "’": "&#8217;", "…": "&#8230;"}
IRP_CSS = (
    " .{c} {{ padding:0px; margin: 0; padding-top:1em!important; padding-bottom:1em!important; width:100%;"
    " display: block; font-weight:bold; background-color:#eaeaea; border:0!important;"
    " border-left:4px solid #34495E!important; text-decoration:none; }}"
    " .{c}:active, .{c}:hover {{ opacity: 1; transition: opacity 250ms; text-decoration:none; }}"
    " .{c} .ctaText {{ font-weight:bold; color:inherit; text-decoration:none; font-size: 16px; }}"
    " .{c} .postTitle {{ color:#2C3E50; text-decoration: underline!important; font-size: 16px; }}"
    " .{c}:hover .postTitle {{ text-decoration: underline!important; }} "
)


def texturize(text: str) -> str:
    """Escape text for HTML and print the typographic characters as wptexturize entities."""
    out = html.escape(text, quote=False)
    for char, entity in TEXTURE.items():
        out = out.replace(char, entity)
    return out


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def utc_iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def wib_iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S+07:00")


def wall_clock_as_utc(when: datetime) -> str:
    """Newspaper <= 9's bug: the WIB wall-clock time labelled +00:00."""
    return when.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def long_date(when: datetime) -> str:
    return f"{vocab.WEEKDAYS_ID[when.weekday()]}, {when.day} {vocab.MONTHS_ID[when.month - 1]} {when.year}"


def listing_date(when: datetime) -> str:
    return f"{when.day} {vocab.MONTHS_ID[when.month - 1]} {when.year}"


def display_date(article: SampleArticle) -> str:
    when = article.published
    kind = article.date_display
    if kind == "short":
        return f"{when.day} {vocab.MONTHS_ID_SHORT[when.month - 1]} {when.year}"
    if kind == "wp_default":
        return f"{vocab.MONTHS_ID[when.month - 1]} {when.day}, {when.year}"
    if kind in ("with_time", "text_only"):
        return f"{long_date(when)} - {when:%H:%M} WIB"
    return long_date(when)


def topbar_date(now: datetime) -> str:
    # Newspaper's td_data_time: "l, F j, Y", today's date, not the article's.
    return f"{vocab.WEEKDAYS_ID[now.weekday()]}, {vocab.MONTHS_ID[now.month - 1]} {now.day}, {now.year}"
