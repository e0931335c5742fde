"""Which stored articles reused a press release: the few that share a phrase with it, found by the full-text
index, then compared with it word by word (enrich/pickup.py)."""

from __future__ import annotations

from sqlite_utils import Database

from ..enrich.pickup import WORD, Release, Reuse, compare, probe_phrases

MIN_SHARE = 0.2  # below this, an article shares a sentence or two with the release, not the release


def probe_query(release: Release) -> str:
    """An FTS5 query for any of the release's probe phrases, in the title or the text as written."""
    phrases = [" ".join(WORD.findall(" ".join(p))) for p in probe_phrases(release)]  # as the index splits them
    if not phrases:
        return '""'
    return "{title body} : (" + " OR ".join(f'"{p}"' for p in phrases) + ")"


def find_pickups(db: Database, release: Release, min_share: float = MIN_SHARE) -> list[tuple[dict, Reuse]]:
    """The articles that reused at least ``min_share`` of ``release``, best first (then newest): each as its row
    (url, title, published_at, published_precision, section, kind) and how it reused the release."""
    rows = db.execute(
        "SELECT url, title, published_at, published_precision, section, kind, body FROM articles "
        "WHERE rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
        [probe_query(release)],
    ).fetchall()
    found = []
    for url, title, published_at, precision, section, kind, body in rows:
        reuse = compare(release, title, body)
        if reuse.share >= min_share:
            row = {"url": url, "title": title, "published_at": published_at, "published_precision": precision,
                   "section": section, "kind": kind}  # fmt: skip
            found.append((row, reuse))
    found.sort(key=lambda pair: (pair[1].share, pair[0]["published_at"] or ""), reverse=True)
    return found
