"""The terms a reader follows (institutions, officials, places), and where each article mentions them.

``WATCHLIST_PATH`` (default ``watchlist.yml`` beside ``scrapy.cfg``) is a YAML list; each entry a term, or a
mapping with ``term`` and an optional ``label``::

    - Diskominfo Babel
    - term: Pranata Humas
      label: Humas
    - Pangkalpinang
    - person: Eko Kurniawan

A term of several words is matched as a phrase of the article's words (case and punctuation aside); a
term of one word also in any of its forms, by its Indonesian stem (``tangkap`` finds ``ditangkap``). A person
(``person:``) is mentioned where their name is, and where they are quoted (``ujarnya``, ``kata Eko``: the quotes
say whose words they are).
Pure functions; ``storage.mentions`` stores what they find.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..paths import project_file
from .stems import WORD, stem


class WatchlistError(Exception):
    """The watchlist file cannot be read as a list of terms."""


@dataclass(frozen=True)
class WatchTerm:
    term: str
    """As the reader wrote it."""
    label: str
    """What the term is shown as (the term itself when the list gives no label)."""
    person: bool = False
    """A person: their quotes mention them too."""

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(w.lower() for w in WORD.findall(self.term))


@dataclass(frozen=True)
class Mention:
    term: str
    label: str
    count: int
    """How many times the article says it (title and body)."""
    first_position: int
    """Where it first does: the number of words before it (the title's words come first)."""


def load_watchlist(path: str | Path) -> list[WatchTerm]:
    """The terms of the file at ``path`` (none if there is no file); ``WatchlistError`` in one line if it is
    not a list of terms."""
    path = Path(path)
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise WatchlistError(f"{path} is not YAML ({str(exc).splitlines()[0]})") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise WatchlistError(f"{path} must be a list of terms, not a {type(data).__name__}")
    terms: dict[str, WatchTerm] = {}
    for number, entry in enumerate(data, 1):
        person = isinstance(entry, dict) and "person" in entry
        if isinstance(entry, dict):
            term, label = entry.get("person" if person else "term"), entry.get("label")
        else:
            term, label = entry, None
        if not isinstance(term, str | int) or not WORD.findall(str(term)):
            raise WatchlistError(f"{path}: entry {number} has no term (a text, or term: or person: with a text)")
        term = " ".join(str(term).split())
        terms.setdefault(term.lower(), WatchTerm(term, " ".join(str(label).split()) if label else term, person))
    return list(terms.values())


def find_mentions(title: str, body: str, terms: list[WatchTerm]) -> list[Mention]:
    """Where ``terms`` occur in an article."""
    words = [w.lower() for w in WORD.findall(f"{title or ''}\n{body or ''}")]
    stems = None
    found = []
    for term in terms:
        wanted = term.words
        if len(wanted) == 1:
            stems = stems if stems is not None else [stem(w) for w in words]
            target = stem(wanted[0])
            positions = [i for i, s in enumerate(stems) if s == target]
        else:
            n = len(wanted)
            positions = [i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == wanted]
        if positions:
            found.append(Mention(term.term, term.label, len(positions), positions[0]))
    return found


def watchlist_file(setting: str | None) -> str:
    """``WATCHLIST_PATH``, a relative one read beside ``scrapy.cfg`` (where cron's crawl may not be started)."""
    return project_file(setting)
