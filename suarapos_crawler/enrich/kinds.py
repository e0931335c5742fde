"""What kind of copy an article is: news, a press release the newsroom ran, or an advertorial, from what its
page declares, and the evidence for it.

Indonesian newsrooms mark the copy they did not report themselves, in a few ways that vary from desk to desk:
a sign-off in brackets at the end of the text (``(rls)``, ``(*/rls)``, ``(rilis)``, ``(rel/ega)``, ``(Humas)``;
``(ADV)`` for an advertisement), a credit line of its own (``Sumber: Humas …``, ``Siaran pers …``), a
"kerja sama publikasi" (paid publication) note, ADV in the title, or a tag or section (Press Release, Rilis,
Advertorial). A sign-off is read as its parts (``rls/humas``: rls, humas), so a desk's new combination of the
known parts is still read.

What is not a mark: a Humas office named in the text (``Kasubbag Humas Polres …``), a verb of releasing
(``merilis``, ``dirilis``), a tag about public-relations officers (Pranata Humas). An article with no mark is
news, whatever it reads like: ``scrapy pickup`` finds the copies of a release that carry none.
"""

from __future__ import annotations

import re

NEWS, PRESS_RELEASE, ADVERTORIAL = "news", "press_release", "advertorial"
KINDS = (NEWS, PRESS_RELEASE, ADVERTORIAL)

# The parts of a bracketed sign-off, lower case, "*" dropped (rel/ega: rel; */rls: rls)
PRESS_SIGNS = {"rls", "rilis", "rel", "release", "press release", "humas", "siaran pers", "pr"}
AD_SIGNS = {"adv", "advertorial", "advetorial", "iklan", "adv/red"}
PRESS_LABELS = {"press release", "pers release", "rilis", "rilis berita", "siaran pers", "release"}
AD_LABELS = {"adv", "advertorial", "advetorial", "iklan", "konten bersponsor", "sponsored"}
SIGN_OFF = re.compile(r"\(([^()]{1,40})\)\s*\.?\s*$")
AD_IN_TITLE = re.compile(
    r"^\s*[\[(]?\s*(?:adv|advertorial|advetorial)\s*[\])]?\s*[-–—:|]\s*|^\s*[\[(](?:adv|advertorial)[\])]\s+"
    r"|[-–—:|]\s*(?:adv|advertorial|advetorial)\s*$|[\[(](?:adv|advertorial)[\])]\s*$",
    re.IGNORECASE,
)
PAID_PUBLICATION = re.compile(r"\bkerja\s?sama\s+publikasi\b", re.IGNORECASE)
AD_NOTE = re.compile(r"^\W*(?:adv|advertorial|advetorial|konten bersponsor)\W*$|\bkonten ini merupakan advertorial\b",
                     re.IGNORECASE)  # fmt: skip
CREDIT_LINE = re.compile(r"^\W*(?:sumber|rilis|release|press release|siaran pers)\b\s*:?\s*(.{0,80})$", re.IGNORECASE)


def sign_off_parts(paragraph: str) -> list[str]:
    """The parts of the bracketed sign-off that ends ``paragraph`` (``(*/Rls/Humas)``: rls, humas)."""
    found = SIGN_OFF.search(paragraph)
    if not found:
        return []
    return [part.strip(" *.").lower() for part in found.group(1).split("/") if part.strip(" *.")]


def kind_of(title: str | None, body: str | None, tags: list[str], sections: list[str]) -> tuple[str, str]:
    """``(kind, evidence)``: the kind an article's page declares, and the mark that says so (empty for news)."""
    ad = _ad_evidence(title or "", _closing(body), tags, sections)
    if ad:
        return ADVERTORIAL, ad
    press = _press_evidence(body or "", _closing(body), tags, sections)
    if press:
        return PRESS_RELEASE, press
    return NEWS, ""


def _closing(body: str | None) -> list[str]:
    """The last two paragraphs: where a desk puts its sign-off and credit line."""
    return [p.strip() for p in (body or "").split("\n\n") if p.strip()][-2:]


def _label(labels: list[str], known: set[str]) -> str | None:
    return next((label for label in labels if label.strip().lower() in known), None)


def _declared(closing: list[str], tags: list[str], sections: list[str], labels: set[str], signs: set[str]) -> str:
    """A label (a section or a tag) of ``labels``, or a closing sign-off with a part of ``signs``."""
    label = _label(sections, labels) or _label(tags, labels)
    if label:
        return f"label: {label}"
    for paragraph in reversed(closing):
        if set(sign_off_parts(paragraph)) & signs:
            return f"sign-off: {SIGN_OFF.search(paragraph).group(0).strip()}"
    return ""


def _ad_evidence(title: str, closing: list[str], tags: list[str], sections: list[str]) -> str:
    if AD_IN_TITLE.search(title):
        return f"title: {title[:60]}"
    note = next((p for p in reversed(closing) if AD_NOTE.search(p)), None)
    return _declared(closing, tags, sections, AD_LABELS, AD_SIGNS) or (f"note: {note[:80]}" if note else "")


def _press_evidence(body: str, closing: list[str], tags: list[str], sections: list[str]) -> str:
    declared = _declared(closing, tags, sections, PRESS_LABELS, PRESS_SIGNS)
    if declared:
        return declared
    for paragraph in reversed(closing):
        credit = CREDIT_LINE.match(paragraph)
        if credit and (paragraph.lower().startswith(("rilis", "release", "press", "siaran")) or "humas" in
                       credit.group(1).lower()):  # fmt: skip
            return f"credit: {paragraph[:80]}"
    paid = PAID_PUBLICATION.search(body)
    if paid:
        return f"note: {paid.group(0)}"
    return ""
