"""Where the prose is on a page whose theme the crawler does not know: the fallback after a redesign.

The element whose own paragraphs hold the most text that is not links, outside the page's
chrome. That is how readability-style extractors start; it needs no knowledge of the theme.
Chrome is judged narrowly, by tag (header, nav, aside, footer, form) and by whole class or id
tokens of the comment area, so that no word in a class name (``no-share``, ``penci_sidebar``,
``entry-related``) can take the article's own content element away; what such an element holds
that is not the article is taken out afterwards (``body.extract_body``, then the agreement with
trafilatura in ``generic.agreed``). It runs only when no known theme's content element is found.
"""

from __future__ import annotations

from .body import text_of

CANDIDATE_TAGS = ("div", "article", "section", "main", "td")
CHROME_TAGS = {"header", "nav", "aside", "footer", "form"}
# Whole class or id tokens of the comment area (WordPress's own, and its commonest theme variants).
COMMENT_TOKENS = {"comments", "comment-list", "commentlist", "comments-area", "comment-respond", "respond"}
MIN_PROSE_CHARS = 200


def is_chrome(el) -> bool:
    if el.tag in CHROME_TAGS:
        return True
    names = set(f"{el.get('id') or ''} {el.get('class') or ''}".lower().split())
    return bool(names & COMMENT_TOKENS)


def in_chrome(el) -> bool:
    # Up to <body>, not beyond: themes put layout words such as "right-sidebar" in the body's classes.
    return any(is_chrome(node) for node in (el, *el.iterancestors()) if node.tag not in ("body", "html"))


def own_prose_chars(el) -> int:
    """Characters of text in the element's own paragraphs (its ``<p>`` children, or its loose text
    and ``<br>``-separated lines), without the text of links."""
    total = len((el.text or "").strip())
    for child in el:
        if not isinstance(child.tag, str):
            total += len((child.tail or "").strip())
            continue
        if child.tag == "p":
            text = text_of(child)
            links = sum(len(text_of(a)) for a in child.iter("a"))
            if text and links / len(text) < 0.5:
                total += len(text) - links
        total += len((child.tail or "").strip())
    return total


def find_main_content(root):
    """The element that holds the article's prose, or None if no element holds enough of it."""
    best, best_chars = None, MIN_PROSE_CHARS - 1
    for el in root.iter(*CANDIDATE_TAGS):
        chars = own_prose_chars(el)
        if chars > best_chars and not in_chrome(el):
            best, best_chars = el, chars
    return best
