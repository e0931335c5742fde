"""Where each WordPress theme the site has used prints an article's parts: the page classes' selectors, as data.

A theme is recognised on a page by its content element. Themes are profiles: small YAML files of CSS selectors
(``profiles/*.yml`` for the themes the project ships; those an operator learned or wrote, with ``scrapy themes
learn`` or by hand, in ``THEMES_DIR``), which a person can read, review and add without writing Python. Until a
theme is known, its articles are read by the generic reading (``generic.py``) and marked ``fallback``; once its
profile is there, ``scrapy reextract`` reads their captures again with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path

import yaml

from ..items import FALLBACK
from .html import has_class

__all__ = ["FALLBACK", "KNOWN_THEMES", "TEMPLATES", "ThemeMarkup", "load_profiles", "templates_of"]

PROFILES = Path(__file__).with_name("profiles")
# One step of a selector: a tag or *, then .classes and an #id.
STEP = re.compile(r"^(?P<tag>[a-zA-Z][a-zA-Z0-9]*|\*)?(?P<rest>(?:[.#][A-Za-z0-9_-]+)*)$")


class ProfileError(ValueError):
    """A theme profile that cannot be read: its file, and why."""


def selector_xpath(selector: str) -> str:
    """A CSS selector of the profiles' subset (``tag``, ``.class``, ``#id``, descendant and ``>`` child combinators)
    as the XPath the page classes run, relative to the node it is asked from (``.//div[class test]/a``)."""
    xpath, child = ".", False
    for token in selector.replace(">", " > ").split():
        if token == ">":
            child = True
            continue
        m = STEP.match(token)
        if m is None or not (m.group("tag") or m.group("rest")):
            raise ProfileError(f"selector {selector!r}: {token!r} is not a tag, .class or #id")
        tests = [has_class(c) for c in re.findall(r"\.([A-Za-z0-9_-]+)", m.group("rest"))]
        tests += [f"@id='{i}'" for i in re.findall(r"#([A-Za-z0-9_-]+)", m.group("rest"))]
        step = (m.group("tag") or "*") + (f"[{' and '.join(tests)}]" if tests else "")
        xpath += ("/" if child else "//") + step
        child = False
    return xpath


@dataclass(frozen=True)
class ThemeMarkup:
    """XPaths of one template, relative to the article's element (or the page, when it has none), made from its
    profile's selectors (``from_profile``)."""

    theme: str
    """The theme's name, recorded as the article's ``extracted_by``."""
    content: str
    """The element holding the article's prose."""
    title: str
    """The headline's element (its text is read)."""
    author: str
    """The element of the author's name."""
    time: str
    """The element of the publication time (a ``<time>``, or the text a reader sees)."""
    sections: str
    """The links to the article's sections, primary first (or their box: its links are read)."""
    tags: str
    """The links to its tags (or their box). Empty for a theme that prints none."""
    header: str | None = None
    """Where title, author, time and sections are looked for, if not in the whole article."""
    wall_clock_datetime: bool = False
    """The theme labels the WIB wall clock ``+00:00`` (tagDiv Newspaper up to 9)."""
    exclude: tuple[str, ...] = ()
    """What the theme puts inside the content that is not the article (related posts, share bars, ads), relative to
    the content element."""

    @classmethod
    def from_profile(cls, profile: dict) -> ThemeMarkup:
        """A profile's selectors as the page classes' XPaths."""
        known = {f.name for f in fields(cls)} | {"order"}
        unknown = sorted(set(profile) - known)
        if unknown:
            raise ProfileError(f"unknown field(s) {', '.join(unknown)}")
        missing = [name for name in ("theme", "content", "title", "author", "time") if not profile.get(name)]
        if missing:
            raise ProfileError(f"missing field(s) {', '.join(missing)}")
        return cls(
            theme=str(profile["theme"]),
            content=selector_xpath(profile["content"]),
            title=selector_xpath(profile["title"]),
            author=selector_xpath(profile["author"]),
            time=selector_xpath(profile["time"]),
            sections=selector_xpath(profile["sections"]) if profile.get("sections") else "",
            tags=selector_xpath(profile["tags"]) if profile.get("tags") else "",
            header=selector_xpath(profile["header"]) if profile.get("header") else None,
            wall_clock_datetime=bool(profile.get("wall_clock_datetime", False)),
            exclude=tuple(selector_xpath(s) for s in profile.get("exclude") or ()),
        )


def read_profile(path: Path) -> tuple[int, ThemeMarkup]:
    """One profile file: its order among the templates, and its markup. Raises ``ProfileError`` naming the file."""
    try:
        profile = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(profile, dict):
            raise ProfileError("not a mapping of fields")
        return int(profile.get("order", 100)), ThemeMarkup.from_profile(profile)
    except (OSError, yaml.YAMLError, ProfileError, ValueError) as exc:
        raise ProfileError(f"{path}: {exc}") from exc


def load_profiles(directory: str | Path) -> tuple[ThemeMarkup, ...]:
    """The profiles of a folder (``*.yml``), in their order; none for a folder that is not there."""
    folder = Path(directory)
    if not folder.is_dir():
        return ()
    return tuple(markup for _, markup in sorted(read_profile(p) for p in folder.glob("*.yml")))


@cache
def shipped() -> tuple[ThemeMarkup, ...]:
    return load_profiles(PROFILES)


TEMPLATES = shipped()
KNOWN_THEMES = tuple(dict.fromkeys(t.theme for t in TEMPLATES))


def templates_of(themes, learned: tuple[ThemeMarkup, ...] = ()) -> tuple[ThemeMarkup, ...]:
    """The templates of these themes (all shipped ones for None), in the order they are tried, then the ``learned``
    ones; a theme may also be given as its ``ThemeMarkup`` (a profile loaded by the caller)."""
    if themes is None:
        return (*TEMPLATES, *learned)
    names = [t for t in themes if isinstance(t, str)]
    unknown = set(names) - set(KNOWN_THEMES)
    if unknown:
        raise ValueError(f"unknown theme {', '.join(sorted(unknown))}; known: {', '.join(KNOWN_THEMES)}")
    given = tuple(t for t in themes if isinstance(t, ThemeMarkup))
    return (*(t for t in TEMPLATES if t.theme in names), *given, *learned)
