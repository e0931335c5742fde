"""Learning a theme from its own pages: where the generic reading found each part, as a profile of CSS selectors.

After a redesign, the articles of the new theme are read by the generic reading. On their pages, the element of each
part it read (the content, the headline, the date, the author's link, the box of sections and of tags) is known; so
are the blocks inside the content that trafilatura did not agree were the text (the theme's furniture). A selector is
made for each (a tag with one of its classes), the one that finds that very element on the most pages is kept, and
the profile is read back on every page to say how well it agrees with the generic reading. No I/O: the pages come
from the caller (``scrapy themes learn`` reads them from the WARC captures).
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

from . import generic
from .article import ArticlePage
from .body import lift_baca_juga
from .html import FetchedPage, select
from .text import clean_line, token_f1
from .themes import ThemeMarkup, selector_xpath

FIELDS = ("content", "title", "time", "author", "sections", "tags")
# A class or id that names one post (post-123, tdi_45) is no theme's: it changes from page to page.
NUMBERED = re.compile(r"\d")


@dataclass
class Learned:
    """A profile learned from pages, and how well its reading agrees with the generic reading's, field by field."""

    profile: dict
    pages: int
    agreement: dict[str, float] = field(default_factory=dict)
    known: Counter = field(default_factory=Counter)
    """Pages a theme the page classes know already reads (nothing to learn from them: re-extraction reads them)."""


def selectors(el) -> list[str]:
    """Ways to name an element: its tag with each of its classes (or its id), else its parent's ways and the tag."""
    tag = el.tag if isinstance(el.tag, str) else "*"
    own = [f"{tag}.{c}" for c in (el.get("class") or "").split() if not NUMBERED.search(c)]
    own += [f"{tag}#{el.get('id')}"] if el.get("id") and not NUMBERED.search(el.get("id")) else []
    if own:
        return own
    parent = el.getparent()
    if parent is None or parent.tag in ("body", "html"):
        return [tag]
    return [f"{up} > {tag}" for up in selectors(parent)]


def parts(page: ArticlePage) -> dict:
    """The elements the generic reading read each part from, on one page (a part it did not find is left out)."""
    root, headline = page.root, page.headline
    found = {"content": page.content_element, "title": headline}
    time_el = generic.publication_time(root, headline)
    found["time"] = time_el if time_el is not None else generic.visible_date_element(root, headline)
    found["author"] = generic.author_element(root, headline)
    found["sections"] = term_box(page, generic.is_section_link, "/category/")
    found["tags"] = term_box(page, generic.is_tag_link, "/tag/")
    return {name: el for name, el in found.items() if el is not None}


def term_box(page: ArticlePage, wanted, base: str):
    """The box of the links the generic reading read sections or tags from: the box of marked links, else the
    smallest element around the links nearest the headline."""
    box = generic.term_box(page.root, page.headline, wanted)
    if box is not None:
        return box
    links = generic.near_links(page.headline, base, page.content_element)
    if not links:
        return None
    box = links[0].getparent()
    while box is not None and not all(generic.contains(box, a) for a in links):
        box = box.getparent()
    return box


def furniture(page: ArticlePage) -> list:
    """The outermost blocks inside the content that hold none of the text the generic reading kept (once its Baca
    Juga boxes are lifted out, as the reading lifts them before a profile's exclusions apply)."""
    content, body = copy.deepcopy(page.content_element), page.body
    lift_baca_juga(content)
    kept = " ".join(generic.WORD.findall(" ".join(body.paragraphs).casefold())) if body else ""
    found = []
    for el in content.iterdescendants():
        if not isinstance(el.tag, str) or any(f in el.iterancestors() for f in found):
            continue
        named = [c for c in (el.get("class") or "").split() if not NUMBERED.search(c)]
        words = generic.WORD.findall(clean_line(" ".join(el.itertext())).casefold())
        if len(words) >= 2 and named and " ".join(words) not in kept:
            found.append(el)
    return found


def finds(page: ArticlePage, selector: str, el) -> bool:
    """Whether ``selector`` finds ``el`` first on the page (as a profile's field is read: its first match)."""
    found = select(page.scope, selector_xpath(selector))
    return bool(found) and found[0] is el


def best(pages: list[ArticlePage], elements: list) -> str | None:
    """The selector that finds the element on the most pages; of those that tie, the one that finds the fewest
    other elements (the most particular), then the shortest."""
    counts = Counter(s for el in elements for s in selectors(el))
    candidates = sorted(counts, key=lambda s: (-counts[s], len(s)))[:12]
    scored = []
    for s in candidates:
        found = sum(finds(p, s, el) for p, el in zip(pages, elements, strict=True))
        matches = sum(len(select(p.scope, selector_xpath(s))) for p in pages)
        scored.append((-found, matches, len(s), s))
    return min(scored)[3] if scored and min(scored)[0] < 0 else None


def learn(name: str, fetched: list[tuple[str, str, str | None]], base_url: str) -> Learned:
    """A profile named ``name`` from pages ``(url, html, date)`` the generic reading reads, and its agreement."""
    read = [ArticlePage(FetchedPage(url, html, date), base_url) for url, html, date in fetched]
    known = Counter(p.template.theme for p in read if p.template is not None)
    pages = [p for p in read if p.template is None and p.is_article() and p.content_element is not None]
    profile: dict = {"theme": name}
    for part in FIELDS:
        found = [(p, parts(p).get(part)) for p in pages]
        found = [(p, el) for p, el in found if el is not None]
        chosen = best([p for p, _ in found], [el for _, el in found]) if found else None
        if chosen:
            profile[part] = chosen
    profile["exclude"] = excluded(pages)
    learned = Learned(profile, len(pages), known=known)
    if all(profile.get(p) for p in ("content", "title", "time", "author")):
        learned.agreement = agreement(pages, ThemeMarkup.from_profile(profile), base_url)
    return learned


def excluded(pages: list[ArticlePage]) -> list[str]:
    """Selectors of the furniture found inside the content on at least a third of the pages."""
    counts = Counter(s for p in pages for s in {sel for el in furniture(p) for sel in selectors(el)[:1]})
    return sorted(s for s, n in counts.items() if n >= max(2, len(pages) / 3))


def agreement(pages: list[ArticlePage], markup: ThemeMarkup, base_url: str) -> dict[str, float]:
    """Share of pages whose reading with the profile equals the generic reading, field by field."""
    same: Counter = Counter()
    for page in pages:
        generic_item = page.to_item()
        item = ArticlePage(page.response, base_url, (markup,)).to_item()
        same["recognised"] += item.extracted_by == markup.theme
        for name in ("title", "author", "section", "sections", "tags"):
            same[name] += getattr(item, name) == getattr(generic_item, name)
        same["published_at"] += item.published_at[:10] == generic_item.published_at[:10]
        same["body"] += token_f1(item.body, generic_item.body) >= 0.97
    names = ("recognised", "title", "published_at", "author", "section", "sections", "tags", "body")
    return {name: same[name] / len(pages) for name in names} if pages else {}
