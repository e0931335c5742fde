"""The generic reading: what any WordPress theme's article page says, read without knowing the theme.

Used when no known theme's markup holds the article (after a redesign). Nothing here names a theme's class: the
fields come from what WordPress itself prints (``rel="category tag"``, ``rel="tag"``, ``/author/`` links, ``<time
datetime>``), from the page's visible date text, and, for the body, from the agreement of the project's own content
finder with a maintained main-content extractor (trafilatura), which says which blocks of the content element are
the article's text. Class and id names are judged as whole tokens, and only where they cannot be the article (a
sidebar never holds the article's headline).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from .text import clean_line

# Where the page's own chrome is, by tag: never the article's metadata.
CHROME_TAGS = {"header", "nav", "aside", "footer", "form"}
# Whole class or id tokens of boxes beside the article: sidebars and widgets (a whole token: "right-sidebar" on a
# page's <body> or "penci_sidebar" on a layout's wrapper are no sidebar).
SIDE_TOKENS = {"sidebar", "widget", "widgets", "secondary", "widget-area"}
# Whole tokens of a site's logo and name, whose heading is no article's.
BRANDING_TOKENS = {"logo", "branding", "site-title", "site-branding", "site-identity"}
# An element whose text is a date, at most this long ("Senin, 29 November 2026 - 14:05 WIB").
DATE_TEXT_MAX = 80
MONTHS = (
    "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
    "jan|feb|mar|apr|jun|jul|agu|ags|aug|sep|sept|okt|oct|nov|des|dec|"
    "january|february|march|may|june|july|august|october|december"
)
DATE_TEXT = re.compile(
    rf"\b\d{{1,2}}\s+(?:{MONTHS})\.?\s+\d{{4}}\b"  # 29 November 2026
    rf"|\b(?:{MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}\b"  # Nov 29, 2026
    r"|\b\d{1,2}/\d{1,2}/\d{4}\b"  # 29/11/2026
    r"|\b\d+\s+(?:detik|menit|jam|hari|minggu|bulan|seconds?|minutes?|hours?|days?|weeks?|months?)\s+(?:yang\s+)?(?:lalu|ago)\b",
    re.I,
)
TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
RELATIVE_UNIT = re.compile(r"\b\d+\s+(detik|menit|jam|hari|minggu|bulan|second|minute|hour|day|week|month)", re.I)
PRECISION_OF_UNIT = {
    "detik": "minute",
    "second": "minute",
    "menit": "minute",
    "minute": "minute",
    "jam": "hour",
    "hour": "hour",
}


def tokens(el) -> set[str]:
    """An element's class and id, as whole tokens."""
    return set(f"{el.get('class') or ''} {el.get('id') or ''}".lower().split())


def is_side_chrome(el, headline, tags=CHROME_TAGS) -> bool:
    """Chrome beside the article: a header, menu, sidebar, widget or footer that does not hold its headline (an
    ``<article>``'s own header and footer are the article's: its byline, its categories and tags)."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        if node.tag in ("header", "footer") and any(a.tag == "article" for a in node.iterancestors()):
            continue
        if (node.tag in tags or tokens(node) & SIDE_TOKENS) and not contains(node, headline):
            return True
    return False


def contains(ancestor, el) -> bool:
    return el is not None and (el is ancestor or any(a is ancestor for a in el.iterancestors()))


def after(root, headline) -> Iterator:
    """The page's elements in document order, from the headline on (the whole page when there is none)."""
    started = headline is None
    for el in root.iter():
        if el is headline:
            started = True
        if started and isinstance(el.tag, str):
            yield el


def headline(scope):
    """The first ``<h1>`` of ``scope`` that is not a site's logo or name."""
    for h1 in scope.iter("h1"):
        if not any(tokens(node) & BRANDING_TOKENS for node in (h1, *h1.iterancestors())):
            return h1
    return None


def path_of(href: str) -> str:
    return urlsplit(href or "").path


# ---- author, sections, tags: what WordPress prints in any theme -------------------------------------
def author_element(root, headline):
    """The first link to an author's archive (``/author/slug/``) with a name, from the headline on, outside side
    chrome."""
    for el in after(root, headline):
        is_author = el.tag == "a" and "/author/" in path_of(el.get("href"))
        if is_author and clean_line(" ".join(el.itertext())) and not is_side_chrome(el, headline):
            return el
    return None


def author_link(root, headline) -> str | None:
    """The name of the author's link (``author_element``)."""
    el = author_element(root, headline)
    return clean_line(" ".join(el.itertext())) if el is not None else None


def is_section_link(a) -> bool:
    rel = (a.get("rel") or "").split()
    return "category" in rel or ("tag" in rel and "/category/" in path_of(a.get("href")))


def is_tag_link(a) -> bool:
    return (a.get("rel") or "").split() == ["tag"] and "/category/" not in path_of(a.get("href"))


def links_near(headline, base: str, content=None) -> list[str]:
    """The names of ``near_links`` (a "#" before a tag's name dropped)."""
    names = (clean_line(" ".join(a.itertext())).lstrip("#") for a in near_links(headline, base, content))
    return [name for name in names if name]


def near_links(headline, base: str, content=None) -> list:
    """Any theme, when no link says what it is: the links to a permalink base (``/category/``, ``/tag/``) in the
    smallest box around the headline that has some, outside side chrome and the article's text (whose words may
    link to a tag's page)."""
    if headline is None:
        return []
    for box in headline.iterancestors():
        if box.tag in ("body", "html") or contains(box, content):
            return []
        found = [a for a in box.iter("a") if base in path_of(a.get("href")) and not is_side_chrome(a, headline)]
        if found:
            return found
    return []


def post_class_terms(article, root, prefix: str, base: str) -> list[str]:
    """Any theme, when the page prints no term at all: the terms WordPress puts in the article's classes
    (``post_class``: ``category-bangka-barat``), named as the page's own links to them name them (its menu)."""
    if article is None:
        return []
    slugs = [
        c[len(prefix) :] for c in (article.get("class") or "").split() if c.startswith(prefix) and len(c) > len(prefix)
    ]
    names = {}
    for a in root.iter("a"):
        path = path_of(a.get("href")).rstrip("/")
        if base in path + "/":
            names.setdefault(path.rsplit("/", 1)[-1], clean_line(" ".join(a.itertext())))
    return [names[slug] for slug in slugs if names.get(slug)]


def term_links(root, headline, wanted) -> list[str]:
    """The names in the first box of links that ``wanted`` accepts (``term_box``)."""
    box = term_box(root, headline, wanted)
    return [clean_line(" ".join(a.itertext())) for a in box.iter("a") if wanted(a)] if box is not None else []


def term_box(root, headline, wanted):
    """The first box of links that ``wanted`` accepts (a post's category line, its tags), anywhere on the page but
    in side chrome: the smallest element around the first such link that holds all of its neighbours (a list of
    tags is one ``<li>`` a link)."""
    first = next(
        (a for a in root.iter("a") if wanted(a) and not is_side_chrome(a, headline)),
        None,
    )
    if first is None:
        return None
    box, count = first, 1
    for parent in first.iterancestors():
        found = sum(1 for a in parent.iter("a") if wanted(a))
        if found <= count and parent is not first.getparent():
            break
        if len(clean_line(" ".join(parent.itertext()))) > 600:
            break
        box, count = parent, found
    return box


# ---- dates -----------------------------------------------------------------------------------------
# What WordPress themes mark a <time> with (hAtom's classes, schema.org's microdata).
PUBLISHED_MARKS = {"published", "entry-date", "datepublished"}
MODIFIED_MARKS = {"updated", "modified", "datemodified"}


def marks(el) -> set[str]:
    return tokens(el) | {(el.get("itemprop") or "").lower()}


def publication_time(root, headline):
    """The ``<time>`` of the article's publication, from the headline on and outside side chrome: the first one
    marked published (hAtom ``published``, ``itemprop=datePublished``), else the first not marked as the
    modification's (a theme may print the ``updated`` time first)."""
    times = [el for el in after(root, headline) if el.tag == "time" and not is_side_chrome(el, headline)]
    marked = [el for el in times if marks(el) & PUBLISHED_MARKS]
    unmarked = [el for el in times if not marks(el) & MODIFIED_MARKS]
    return (marked or unmarked or [None])[0]


def first_datetime(root, headline) -> str | None:
    """The ``datetime`` of the article's publication ``<time>`` (``publication_time``)."""
    found = publication_time(root, headline)
    return found.get("datetime") if found is not None else None


def visible_date_text(root, headline) -> str | None:
    """The first short text from the headline on that is a date ("29 November 2026", "3 jam yang lalu"), outside
    side chrome: what a reader sees as the article's date (``visible_date_element``'s)."""
    el = visible_date_element(root, headline)
    if el is None:
        return None
    own = clean_line(" ".join(el.itertext()))
    return own if len(own) <= DATE_TEXT_MAX else DATE_TEXT.search(own).group(0)


def visible_date_element(root, headline):
    """The smallest element from the headline on whose text holds a date, outside side chrome."""
    for el in after(root, headline):
        if el.tag in ("script", "style") or el is headline:
            continue
        own = clean_line(" ".join(el.itertext()))
        if not own or not DATE_TEXT.search(own) or is_side_chrome(el, headline):
            continue
        if any(DATE_TEXT.search(clean_line(" ".join(child.itertext()))) for child in el if isinstance(child.tag, str)):
            continue  # a smaller element holds it: the meta line holds the date's own element
        return el
    return None


def precision_of(text: str) -> str:
    """What a visible date tells: ``minute`` with a time of day, ``hour`` counted back in hours, else ``day``."""
    relative = RELATIVE_UNIT.search(text)
    if relative:
        unit = relative.group(1).lower()
        return PRECISION_OF_UNIT.get(unit, "day")
    return "minute" if TIME_OF_DAY.search(text) else "day"


# ---- the body: the finder's element, its blocks kept where trafilatura agrees --------------------------
# A block the reference does not have is kept still when it reads as prose: at least this many words.
PROSE_WORDS = 20
# Share of a block's three-word runs the reference must hold for the block to be its text.
SHARED_RUNS = 0.6
WORD = re.compile(r"\w+", re.U)


def reference_text(html: str, url: str) -> str | None:
    """The main text of the page as trafilatura reads it (precision first, no comments); None if it finds none."""
    import trafilatura

    text = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    return text if text and len(text.split()) >= 20 else None


def runs(words: list[str], n: int = 3) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def agreed(paragraphs: list[str], reference: str | None) -> list[str]:
    """The paragraphs the reference holds too (most of their three-word runs; a block of a word or two, as a line
    of its own), and those long enough to be prose whatever it says. Without a reference, all of them."""
    if reference is None:
        return paragraphs
    ref_words = WORD.findall(reference.casefold())
    ref_runs = runs(ref_words)
    ref_lines = {" ".join(WORD.findall(line.casefold())) for line in reference.splitlines()}
    kept = []
    for paragraph in paragraphs:
        own = WORD.findall(paragraph.casefold())
        if not own:
            continue
        own_runs = runs(own)
        # a block of a word or two ("Sumber", "Tags"): a line of the reference, not a word found somewhere in it
        held = len(own_runs & ref_runs) / len(own_runs) >= SHARED_RUNS if own_runs else " ".join(own) in ref_lines
        if held or len(own) >= PROSE_WORDS:
            kept.append(paragraph)
    return kept
