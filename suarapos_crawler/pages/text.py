"""The one text normaliser: every text field is cleaned here, where the page classes make it.

Unicode NFC (a decomposed "é" and a composed one are the same word to search), no-break spaces as
spaces, zero-width and other invisible format characters dropped, one space between words, no space at either end, no control character
(a paste from a word processor leaves \x08 or \x1b in a title: no reader sees them, and XML, the Atom
feed's, cannot hold them).
"""

from __future__ import annotations

import html
import unicodedata
from collections import Counter
from functools import cache


@cache
def format_characters() -> dict[int, None]:
    """Unicode's invisible format characters (Cf: zero-width spaces and joiners, the byte-order mark, soft hyphen,
    word joiner, direction marks and overrides), to drop: inside a word each one splits it for the search index
    (ti\u00admah is not found as timah), and a direction override can make a title read backwards. Made when first
    needed: reading the whole Unicode table costs 60 ms, which a command that cleans no text need not pay."""
    return dict.fromkeys(c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf")


# C0 and C1 control characters but the whitespace str.split already reads as spaces, dropped.
CONTROL_CHARACTERS = dict.fromkeys([c for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if not chr(c).isspace()])


def clean_line(text: str | None) -> str:
    """One line of text: a title, a name, an anchor, a paragraph ("" for nothing)."""
    if not text:
        return ""
    if not text.isascii():  # most text is ASCII: then there is nothing to normalise (12,000 calls a page set)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if not text.isprintable():  # a format character is not printable: only then is the table looked up
            text = text.translate(format_characters())
    text = " ".join(text.split())
    if not text.isprintable():  # after the split no whitespace is left to fail it: nearly always a control character
        text = " ".join(text.translate(CONTROL_CHARACTERS).split())
    return text


def clean_embedded(text: str | None) -> str:
    """Text from JSON-LD, where WordPress leaves HTML entities (``&#8211;``, ``&amp;``) that no parser decoded."""
    return clean_line(html.unescape(text or ""))


def unique(values: list[str]) -> list[str]:
    """Each value once, in order, without empty ones."""
    return list(dict.fromkeys(v for v in values if v))


def token_f1(got: str, want: str) -> float:
    """How alike two texts are, word for word (F1 over word counts): 1.0 the same words, 0.0 none in common."""
    a, b = Counter(got.split()), Counter(want.split())
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)
