"""Mentions of the watched terms: which articles say them, how often, and the list they were matched against."""

from __future__ import annotations

from sqlite_utils import Database

from ..clock import now_wib
from ..enrich.watchlist import WatchTerm, find_mentions
from .quotes import name_key


def save_mentions(db: Database, url: str, title: str, body: str, terms: list[WatchTerm]) -> int:
    """The article's mentions, replacing what an earlier text of it had; how many terms it mentions. A watched
    person's quotes in it (stored before) count as mentions of them."""
    db.execute("DELETE FROM article_mentions WHERE article_url = ?", [url])
    found = {m.term: (m.label, m.count, m.first_position) for m in find_mentions(title, body, terms)}
    for term in (t for t in terms if t.person):
        quoted = quotes_of(db, url, term.term)
        if quoted:
            label, count, first = found.get(term.term, (term.label, 0, 0))
            found[term.term] = (label, count + quoted, first)
    db.conn.executemany(
        "INSERT INTO article_mentions (article_url, term, label, count, first_position) VALUES (?, ?, ?, ?, ?)",
        [(url, term, *values) for term, values in found.items()],
    )
    return len(found)


def quotes_of(db: Database, url: str, name: str) -> int:
    """How many of the article's quotes are by the person of this name and not printed with it (``ujarnya``,
    ``kata Eko``): those that are, the name's own count has."""
    return db.execute(
        "SELECT COUNT(*) FROM quotes q JOIN people p ON p.id = q.person_id WHERE q.article_url = ? AND p.name_key = ? "
        "AND (q.named_as IS NULL OR lower(q.named_as) != p.name_key)",
        [url, name_key(name)],
    ).fetchone()[0]


def watched_terms(db: Database) -> list[WatchTerm]:
    """The list the archive's mentions were last matched against."""
    return [
        WatchTerm(r[0], r[1], r[2] == "person")
        for r in db.execute("SELECT term, label, kind FROM watch_terms ORDER BY rowid")
    ]


def rematch(db: Database, terms: list[WatchTerm], seen_at: str | None = None) -> tuple[int, int]:
    """Match every stored article against ``terms`` (the list replaces the one stored); (articles, mentions)."""
    seen_at = seen_at or now_wib()
    added = {r[0]: r[1] for r in db.execute("SELECT term, added_at FROM watch_terms")}
    db.execute("DELETE FROM watch_terms")
    db.conn.executemany(
        "INSERT INTO watch_terms (term, label, added_at, kind) VALUES (?, ?, ?, ?)",
        [(t.term, t.label, added.get(t.term, seen_at), "person" if t.person else "term") for t in terms],
    )
    db.execute("DELETE FROM article_mentions")
    articles = mentions = 0
    for url, title, body in db.execute("SELECT url, title, body FROM articles").fetchall():
        found = save_mentions(db, url, title, body, terms) if terms else 0
        articles += bool(found)
        mentions += found
    return articles, mentions
