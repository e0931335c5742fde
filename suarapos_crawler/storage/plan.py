"""The questions an incremental run asks of what earlier runs left (read-only; see ``incremental.CrawlPlan``).

The schema is brought up to date before anything reads it (``schema.upgrade``), so every table is there."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from sqlite_utils import Database

from ..clock import WIB, believable, parse_iso, timestamp

# A stored ISO 8601 time as seconds since the epoch, in SQL (julianday reads the +07:00 offset).
EPOCH_SECONDS = "((julianday({}) - 2440587.5) * 86400.0)"


def stored_article_times(db: Database):
    """(url, published_at, modified_at, last_seen_at) of every stored article."""
    return db.execute("SELECT url, published_at, modified_at, last_seen_at FROM articles")


def article_times(db: Database, url: str) -> tuple | None:
    """(published_at, modified_at, last_seen_at) of the article stored under ``url``, if one is."""
    return db.execute("SELECT published_at, modified_at, last_seen_at FROM articles WHERE url = ?", [url]).fetchone()


def has_articles(db: Database) -> bool:
    return db.execute("SELECT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1


def overdue_articles(
    db: Database, now: float, window: float, wait: tuple[float, float, float], slack: float, limit: int
):
    """The ``limit`` stored articles published before ``window`` most overdue for another look, as (due, url): each
    is due its age over ``wait[0]`` after it was last seen (never sooner than ``wait[1]`` seconds, nor later than
    ``wait[2]``); a last-seen time past ``now`` + ``slack`` says nothing (seen at 0). All times in seconds since the
    epoch, as ``CrawlPlan.to_recheck`` reckons them; none of the articles loaded, nor read one by one:

    - articles old enough to wait the longest (most of a big archive): due in the order they were last seen, the
      first ``limit`` read in that order from ``idx_articles_recheck``;
    - those last seen never, or at a time ahead of now: due first among them;
    - the younger ones (months of the archive, not years): reckoned in SQL, read in publication order from
      ``idx_articles_recheck_young``."""
    share, least, most = wait
    iso = lambda when: datetime.fromtimestamp(when, WIB).isoformat(timespec="seconds")  # noqa: E731
    margin = 86400.0  # a day each side of a bound: text compares as the numbers do, whatever a stored time's form
    oldest = iso(now - share * most - margin)  # published before it: waits the longest
    ahead = iso(now + slack - margin)  # seen after it: perhaps ahead of now
    rows = db.execute(
        "SELECT url, published_at, last_seen_at FROM articles INDEXED BY idx_articles_recheck "
        "WHERE published_at < :oldest AND last_seen_at <= :ahead ORDER BY last_seen_at, url LIMIT :limit",
        {"oldest": oldest, "ahead": ahead, "limit": limit},
    ).fetchall()
    rows += db.execute(
        "SELECT url, published_at, last_seen_at FROM articles INDEXED BY idx_articles_recheck "
        "WHERE last_seen_at IS NULL OR last_seen_at > :ahead",
        {"ahead": ahead},
    ).fetchall()
    found = {}
    for url, published_at, last_seen_at in rows:
        published, seen = timestamp(published_at), timestamp(last_seen_at)
        seen = 0.0 if seen > now + slack else seen
        if published < window:
            found[url] = seen + min(max((now - published) / share, least), most)
    published, seen = EPOCH_SECONDS.format("published_at"), EPOCH_SECONDS.format("last_seen_at")
    found.update(
        db.execute(
            f"""SELECT url, seen + min(max((:now - published) / :share, :least), :most) FROM (
                SELECT url, COALESCE({published}, 0.0) AS published,
                       CASE WHEN {seen} IS NULL OR {seen} > :now + :slack THEN 0.0 ELSE {seen} END AS seen
                FROM articles INDEXED BY idx_articles_recheck_young WHERE published_at >= :oldest)
            WHERE published < :window""",
            {
                "now": now,
                "window": window,
                "share": share,
                "least": least,
                "most": most,
                "slack": slack,
                "oldest": oldest,
            },  # fmt: skip
        ).fetchall()
    )
    return sorted((due, url) for url, due in found.items() if due <= now)[:limit]


def read_snapshot(db: Database) -> Database:
    """The archive as it is now, to read during a run whatever the run writes: a read-only connection of its own in
    a read transaction (an archive in memory, with no file, is read through ``db``)."""
    path = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")
    if not path:
        return db
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.execute("BEGIN")
    conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # the snapshot is taken at the first read
    return Database(conn)


def known_other_urls(db: Database) -> set[str]:
    """URLs that need no fetch: aliases of stored articles, republished copies, pages gone for good."""
    urls = {r[0] for r in db.execute("SELECT alias FROM url_aliases")}
    urls |= {r[0] for r in db.execute("SELECT url FROM duplicates")}
    urls |= {r[0] for r in db.execute("SELECT url FROM rejects WHERE reason IN ('HTTP 404', 'HTTP 410')")}
    return urls


# Rejects of these steps come back the same until the site changes: asked for again on a schedule that backs off.
RETRIED_STAGES = ("fetch", "classify", "extract", "validate")


def rejects_backing_off(db: Database, now_iso: str, max_hours: float) -> set[str]:
    """URLs rejected two runs or more in a row whose next try is not due: after the n-th rejection a URL waits
    2^(n-1) hours (at most ``max_hours``), so a page that always fails costs one request now and then, not
    one every run."""
    rows = db.execute(
        f"SELECT url, MAX(times), MAX(last_seen_at) FROM rejects WHERE stage IN ({', '.join('?' * len(RETRIED_STAGES))}) "
        "AND times >= 2 GROUP BY url",
        list(RETRIED_STAGES),
    )
    now = parse_iso(now_iso)
    waiting = set()
    for url, times, last_seen in rows:
        seen = believable(parse_iso(last_seen), now) if now else None  # one from a clock ahead: due now
        if now and seen and (now - seen).total_seconds() < min(2 ** (times - 1), max_hours) * 3600:
            waiting.add(url)
    return waiting


def rejected_before(db: Database) -> set[str]:
    """URLs an earlier run rejected at a step whose rejection comes back until the site changes (a page with no
    date, one that always answers 500): known-bad pages, no news of a redesign when they fail again."""
    marks = ", ".join("?" * len(RETRIED_STAGES))
    return {r[0] for r in db.execute(f"SELECT url FROM rejects WHERE stage IN ({marks})", list(RETRIED_STAGES))}


def last_run_started(db: Database, status: str = "ok", mode: str | None = None) -> str | None:
    sql = "SELECT MAX(started_at) FROM crawl_runs WHERE status = ?"
    params = [status]
    if mode:
        sql += " AND mode = ?"
        params.append(mode)
    return db.execute(sql, params).fetchone()[0]


def unfinished_refresh_started(db: Database, before_run: int | None = None) -> str | None:
    """Start of the oldest refresh run not completed since the last completed one: where a new refresh resumes.
    ``before_run``: the run being planned, which is not one of them."""
    done = last_run_started(db, "ok", "refresh") or ""
    row = db.execute(
        "SELECT MIN(started_at) FROM crawl_runs WHERE mode = 'refresh' AND status != 'ok' AND started_at > ? AND id < ?",
        [done, before_run if before_run is not None else 1 << 62],
    ).fetchone()
    return row[0]


def last_run_completed(db: Database, before_run: int | None = None) -> bool:
    """Whether the latest run that reached the site completed (a killed or failed run leaves work undone).
    ``before_run``: the run being planned, which is not the latest one."""
    row = db.execute(
        "SELECT status FROM crawl_runs WHERE status NOT IN ('unreachable', 'blocked') AND id < ? "
        "AND COALESCE(finish_reason, '') != 'archive_refused' ORDER BY id DESC LIMIT 1",
        [before_run if before_run is not None else 1 << 62],
    ).fetchone()
    return bool(row) and row[0] == "ok"


def dangling_link_targets(db: Database, seen_since: str = "") -> list[str]:
    """Baca Juga targets the archive cannot join yet: not stored, not a known alias, copy or dead page. Those of
    the articles seen since ``seen_since`` (an ISO time; empty: every article's), read from the index of when
    each was last seen: a link left unresolved by every run of a month is given up, and a run of a million
    articles does not read their two million links."""
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT r.target_url FROM articles s INDEXED BY idx_articles_recheck "
            "JOIN related_links r ON r.source_url = s.url WHERE s.last_seen_at >= ? "
            "AND r.target_url NOT IN (SELECT url FROM articles) "
            "AND r.target_url NOT IN (SELECT alias FROM url_aliases) AND r.target_url NOT IN (SELECT url FROM duplicates) "
            "AND r.target_url NOT IN (SELECT url FROM rejects WHERE reason IN ('HTTP 404', 'HTTP 410'))",
            [seen_since],
        )
    ]


def sitemaps_abandoned(db: Database) -> set[str]:
    """Sitemaps whose URLs, the last time a run read them, were mostly not there (ledger ``sitemap_abandoned``)."""
    latest: dict[str, tuple[int, str]] = {}
    for run_id, url, outcome in db.execute(
        "SELECT run_id, url, outcome FROM fetches WHERE outcome IN ('sitemap', 'sitemap_abandoned')"
    ):
        if url not in latest or run_id > latest[url][0]:
            latest[url] = (run_id, outcome)
    return {url for url, (_, outcome) in latest.items() if outcome == "sitemap_abandoned"}
