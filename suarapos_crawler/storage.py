"""The archive's SQLite storage: the shape as data, plain functions that take a ``Database``.

No Scrapy here.  Every function is safe to run twice; ``ensure_schema`` creates
what is missing and leaves the rest alone.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

from sqlite_utils import Database

WIB = timezone(timedelta(hours=7))

TABLES: dict[str, dict] = {
    "articles": {
        "columns": {
            "url": str, "post_id": int, "title": str, "published_at": str, "published_raw": str,
            "date_source": str, "modified_at": str, "author": str, "section": str, "sections": str,
            "tags": str, "dateline": str, "body": str, "word_count": int, "image_url": str,
            "content_hash": str, "first_seen_at": str, "last_seen_at": str, "last_changed_at": str,
        },
        "pk": "url",
        "not_null": {"title", "published_at", "body"},
        "indexes": [["published_at"], ["section"], ["author"], ["content_hash"], ["post_id"]],
    },
    "sections": {"columns": {"name": str}, "pk": "name"},
    "tags": {"columns": {"name": str}, "pk": "name"},
    "article_sections": {
        "columns": {"article_url": str, "section": str, "position": int},
        "pk": ("article_url", "section"),
        "foreign_keys": [("article_url", "articles", "url"), ("section", "sections", "name")],
        "indexes": [["section"]],
    },
    "article_tags": {
        "columns": {"article_url": str, "tag": str, "position": int},
        "pk": ("article_url", "tag"),
        "foreign_keys": [("article_url", "articles", "url"), ("tag", "tags", "name")],
        "indexes": [["tag"]],
    },
    "related_links": {
        "columns": {"source_url": str, "position": int, "target_url": str, "anchor_text": str},
        "pk": ("source_url", "position"),
        "foreign_keys": [("source_url", "articles", "url")],
        "indexes": [["target_url"]],
    },
    "url_aliases": {"columns": {"alias": str, "url": str}, "pk": "alias", "indexes": [["url"]]},
    "duplicates": {
        "columns": {"url": str, "duplicate_of": str, "reason": str, "first_seen_at": str, "last_seen_at": str},
        "pk": "url",
    },
    "rejects": {
        "columns": {"url": str, "stage": str, "reason": str, "first_seen_at": str, "last_seen_at": str, "times": int},
        "pk": ("url", "stage"),
    },
    "crawl_runs": {
        "columns": {"id": int, "started_at": str, "finished_at": str, "spider": str, "base_url": str, "mode": str,
                    "finish_reason": str, "status": str, "status_reason": str, "requests": int,
                    "responses_by_status": str, "articles_new": int, "articles_updated": int,
                    "articles_unchanged": int, "rejected": int, "duplicates": int, "listing_pages": int,
                    "errors": int, "lost_items": str, "pages_per_section": str, "warnings": str, "was_incremental": int,
                    "stats": str},
        "pk": "id",
        "indexes": [["started_at"]],
    },
    "fetches": {
        "columns": {"run_id": int, "url": str, "outcome": str, "detail": str},
        "pk": ("run_id", "url"),
        "indexes": [["outcome"]],
    },
    "article_versions": {
        "columns": {"url": str, "version": int, "title": str, "body": str, "published_at": str,
                    "modified_at": str, "replaced_at": str},
        "pk": ("url", "version"),
        "indexes": [["replaced_at"]],
    },
}
# unicode61 folds case and diacritics and knows no language: right for Indonesian (porter is English).
FTS = {"articles": {"columns": ["title", "body"], "tokenize": "unicode61 remove_diacritics 2"}}
# The fields whose change makes a new version of an article.
VERSIONED = ("title", "body", "published_at")
# A re-fetched body shorter than this share of the stored one is a worse copy, not a correction.
SHORTER_BODY_RATIO = 0.5


@contextmanager
def transaction(db: Database):
    """One explicit transaction. (sqlite-utils 4 commits each write of ``db.execute`` that is not
    inside an open transaction, and ``with db.conn:`` opens none until the first write.)"""
    db.conn.execute("BEGIN IMMEDIATE")  # take the write lock now, waiting up to the busy timeout
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def open_database(path: str, busy_timeout: float = 60.0) -> Database:
    """The archive, waiting up to ``busy_timeout`` seconds for another reader or writer instead of failing."""
    db = Database(path)
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    return db


def now_wib() -> str:
    return datetime.now(WIB).isoformat(timespec="seconds")


def ensure_schema(db: Database) -> None:
    """Create the tables, indexes and full-text index that are missing; switch to WAL."""
    if db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
        db.enable_wal()
    existing = set(db.table_names())
    for name, spec in TABLES.items():
        if name not in existing:
            db[name].create(
                spec["columns"], pk=spec["pk"], not_null=spec.get("not_null"),
                foreign_keys=spec.get("foreign_keys"),
            )
        else:  # a database made by an older version: add the columns it lacks
            have = set(db[name].columns_dict)
            for column, kind in spec["columns"].items():
                if column not in have:
                    db[name].add_column(column, kind)
        for columns in spec.get("indexes", []):
            db[name].create_index(columns, if_not_exists=True)
    for table, spec in FTS.items():
        if f"{table}_fts" not in existing:
            db[table].enable_fts(spec["columns"], create_triggers=True, tokenize=spec["tokenize"])


def article_row(article: dict) -> dict:
    """An Article item (as a dict) as a row of ``articles``."""
    row = {k: article.get(k) for k in TABLES["articles"]["columns"] if k in article}
    row["sections"] = json.dumps(article.get("sections") or [], ensure_ascii=False)
    row["tags"] = json.dumps(article.get("tags") or [], ensure_ascii=False)
    return row


def get_article(db: Database, url: str) -> dict | None:
    cursor = db.execute("SELECT * FROM articles WHERE url = ?", [url])
    row = cursor.fetchone()
    return dict(zip((d[0] for d in cursor.description), row)) if row else None


# Writes below use plain SQL on the connection, never sqlite-utils' insert helpers: those commit on
# their own, and a batch must be one transaction (a kill between an article and its links loses neither).

def _insert(db: Database, table: str, row: dict, conflict: str = "") -> None:
    columns = list(row)
    db.execute(
        f"INSERT {conflict} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        [row[c] for c in columns],
    )


def _update(db: Database, table: str, key: str, row: dict) -> None:
    columns = [c for c in row if c != key]
    db.execute(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE {key} = ?",
               [row[c] for c in columns] + [row[key]])


def save_article(db: Database, article: dict, seen_at: str | None = None) -> str:
    """Store an article; returns ``new``, ``updated``, ``unchanged`` or ``kept``.

    A changed article is updated in place and its previous title, body and dates
    go to ``article_versions``; a copy whose body is far shorter than the stored
    one is refused (``kept``) and recorded in ``rejects``.
    """
    seen_at = seen_at or now_wib()
    row = article_row(article)
    stored = get_article(db, row["url"])
    if stored is None:
        outcome = "new"
        row.update(first_seen_at=seen_at, last_seen_at=seen_at, last_changed_at=seen_at)
        _insert(db, "articles", row)
    elif len(row.get("body") or "") < SHORTER_BODY_RATIO * len(stored.get("body") or ""):
        # Never overwrite a stored article with a worse copy (a page cut short, a template change).
        save_reject(db, row["url"], "store", "re-fetched body is far shorter than the stored one; stored copy kept", seen_at)
        return "kept"
    elif any(stored.get(k) != row.get(k) for k in VERSIONED):
        outcome = "updated"
        save_version(db, stored, seen_at)
        row.update(last_seen_at=seen_at, last_changed_at=seen_at)
        _update(db, "articles", "url", row)
    else:
        outcome = "unchanged"  # metadata such as tags may still be refreshed
        row["last_seen_at"] = seen_at
        _update(db, "articles", "url", row)
    save_facets(db, row["url"], article.get("sections") or [], article.get("tags") or [])
    save_related(db, row["url"], article.get("related") or [])
    if article.get("fetched_url") and article["fetched_url"] != row["url"]:
        save_alias(db, article["fetched_url"], row["url"])
    if article.get("replaces"):
        demote_to_duplicate(db, article["replaces"], row["url"], "same title and body as an earlier article", seen_at)
    return outcome


def save_version(db: Database, stored: dict, replaced_at: str) -> None:
    version = db.execute("SELECT COALESCE(MAX(version), 0) + 1 FROM article_versions WHERE url = ?", [stored["url"]]).fetchone()[0]
    _insert(db, "article_versions",
            {"url": stored["url"], "version": version, "title": stored["title"], "body": stored["body"],
             "published_at": stored["published_at"], "modified_at": stored["modified_at"], "replaced_at": replaced_at})


def save_facets(db: Database, url: str, sections: list[str], tags: list[str]) -> None:
    for table, link_table, column, names in (
        ("sections", "article_sections", "section", sections),
        ("tags", "article_tags", "tag", tags),
    ):
        db.execute(f"DELETE FROM {link_table} WHERE article_url = ?", [url])
        db.conn.executemany(f"INSERT OR IGNORE INTO {table} (name) VALUES (?)", [(n,) for n in names])
        db.conn.executemany(
            f"INSERT OR IGNORE INTO {link_table} (article_url, {column}, position) VALUES (?, ?, ?)",
            [(url, n, i) for i, n in enumerate(names)],
        )


def save_related(db: Database, url: str, related: list[dict]) -> None:
    db.execute("DELETE FROM related_links WHERE source_url = ?", [url])
    db.conn.executemany(
        "INSERT OR REPLACE INTO related_links (source_url, position, target_url, anchor_text) VALUES (?, ?, ?, ?)",
        [(url, r["position"], canonical_target(db, r["target_url"]), r["anchor_text"]) for r in related],
    )


def canonical_target(db: Database, url: str, max_hops: int = 10) -> str:
    """Where a link really leads: through known aliases (old slugs, shortlinks) and republished copies."""
    for _ in range(max_hops):
        row = db.execute(
            "SELECT url FROM url_aliases WHERE alias = ? UNION ALL SELECT duplicate_of FROM duplicates WHERE url = ? LIMIT 1",
            [url, url],
        ).fetchone()
        if row is None or row[0] == url:
            return url
        url = row[0]
    return url


def repoint_links(db: Database, old: str, new: str) -> None:
    """Links stored before we learnt that ``old`` leads to ``new``."""
    db.execute("UPDATE related_links SET target_url = ? WHERE target_url = ?", [canonical_target(db, new), old])


def save_alias(db: Database, alias: str, url: str) -> None:
    if alias != url:
        db.execute("INSERT INTO url_aliases (alias, url) VALUES (?, ?) ON CONFLICT (alias) DO UPDATE SET url = excluded.url",
                   [alias, url])
        repoint_links(db, alias, url)


def save_reject(db: Database, url: str, stage: str, reason: str, seen_at: str | None = None) -> None:
    seen_at = seen_at or now_wib()
    db.execute(
        "INSERT INTO rejects (url, stage, reason, first_seen_at, last_seen_at, times) VALUES (?, ?, ?, ?, ?, 1) "
        "ON CONFLICT (url, stage) DO UPDATE SET reason = excluded.reason, last_seen_at = excluded.last_seen_at, "
        "times = times + 1",
        [url, stage, reason, seen_at, seen_at],
    )


def save_duplicate(db: Database, url: str, duplicate_of: str, reason: str, seen_at: str | None = None) -> None:
    seen_at = seen_at or now_wib()
    db.execute(
        "INSERT INTO duplicates (url, duplicate_of, reason, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (url) DO UPDATE SET duplicate_of = excluded.duplicate_of, reason = excluded.reason, "
        "last_seen_at = excluded.last_seen_at",
        [url, duplicate_of, reason, seen_at, seen_at],
    )
    repoint_links(db, url, duplicate_of)


def stored_by_content_hash(db: Database, content_hash: str) -> dict | None:
    """The stored article with this title-and-body hash: its URL, publication time and post ID."""
    rows = list(db.query(
        "SELECT url, published_at, post_id FROM articles WHERE content_hash = ? ORDER BY published_at LIMIT 1", [content_hash]
    ))
    return rows[0] if rows else None


def demote_to_duplicate(db: Database, url: str, duplicate_of: str, reason: str, seen_at: str | None = None) -> None:
    """A stored article turned out to be a republished copy: move it from ``articles`` to ``duplicates``."""
    for table, column in (("article_sections", "article_url"), ("article_tags", "article_url"), ("related_links", "source_url")):
        db.execute(f"DELETE FROM {table} WHERE {column} = ?", [url])
    db.execute("DELETE FROM articles WHERE url = ?", [url])
    save_duplicate(db, url, duplicate_of, reason, seen_at)


def resolve_aliases(db: Database) -> int:
    """Point every link whose target is not a stored article at the canonical URL, if one is known.

    Links are resolved as they are stored and when an alias is learnt; this is the sweep that
    catches the rest (it reads only the links that do not join ``articles``)."""
    changed = 0
    targets = [r[0] for r in db.execute(
        "SELECT DISTINCT target_url FROM related_links WHERE target_url NOT IN (SELECT url FROM articles)"
    )]
    for target in targets:
        final = canonical_target(db, target)
        if final != target:
            changed += db.execute("UPDATE related_links SET target_url = ? WHERE target_url = ?", [final, target]).rowcount
    return changed


def start_run(db: Database, spider: str, base_url: str, mode: str, started_at: str | None = None) -> int:
    """Open a ``crawl_runs`` row for a run that is starting; returns its ID."""
    with transaction(db):
        cursor = db["crawl_runs"].insert(
            {"started_at": started_at or now_wib(), "spider": spider, "base_url": base_url, "mode": mode, "status": "running"}
        )
    return cursor.last_pk


def finish_run(db: Database, run_id: int, values: dict) -> None:
    with transaction(db):
        db["crawl_runs"].update(run_id, values)


# ---- what earlier runs left: the state of an incremental crawl -----------------------------

def stored_article_times(db: Database):
    """(url, published_at, modified_at, last_seen_at) of every stored article."""
    if "articles" not in db.table_names():
        return iter(())
    return db.execute("SELECT url, published_at, modified_at, last_seen_at FROM articles")


def known_other_urls(db: Database) -> set[str]:
    """URLs that need no fetch: aliases of stored articles, republished copies, pages gone for good."""
    if "url_aliases" not in db.table_names():
        return set()
    urls = {r[0] for r in db.execute("SELECT alias FROM url_aliases")}
    urls |= {r[0] for r in db.execute("SELECT url FROM duplicates")}
    urls |= {r[0] for r in db.execute("SELECT url FROM rejects WHERE reason IN ('HTTP 404', 'HTTP 410')")}
    return urls


def last_run_started(db: Database, status: str = "ok", mode: str | None = None) -> str | None:
    if "crawl_runs" not in db.table_names():
        return None
    sql = "SELECT MAX(started_at) FROM crawl_runs WHERE status = ?"
    params = [status]
    if mode:
        sql += " AND mode = ?"
        params.append(mode)
    return db.execute(sql, params).fetchone()[0]


def unfinished_refresh_started(db: Database) -> str | None:
    """Start of the oldest refresh run not completed since the last completed one: where a new refresh resumes."""
    if "crawl_runs" not in db.table_names():
        return None
    done = last_run_started(db, "ok", "refresh") or ""
    row = db.execute(
        "SELECT MIN(started_at) FROM crawl_runs WHERE mode = 'refresh' AND status != 'ok' AND started_at > ?", [done]
    ).fetchone()
    return row[0]


def last_run_completed(db: Database) -> bool:
    """Whether the latest run that reached the site completed (a killed or failed run leaves work undone)."""
    if "crawl_runs" not in db.table_names():
        return False
    row = db.execute(
        "SELECT status FROM crawl_runs WHERE status NOT IN ('unreachable', 'blocked') ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return bool(row) and row[0] == "ok"


def close_stale_runs(db: Database, reason: str = "interrupted: the process was killed before it could finish") -> int:
    """Runs still marked running when a new run holds the lock were killed: say so."""
    with transaction(db):
        return db.execute(
            "UPDATE crawl_runs SET status = 'failed', status_reason = ? WHERE status = 'running'", [reason]
        ).rowcount


def dangling_link_targets(db: Database) -> list[str]:
    """Baca Juga targets the archive cannot join yet: not stored, not a known alias, copy or dead page."""
    if "related_links" not in db.table_names():
        return []
    return [r[0] for r in db.execute(
        "SELECT DISTINCT target_url FROM related_links WHERE target_url NOT IN (SELECT url FROM articles) "
        "AND target_url NOT IN (SELECT alias FROM url_aliases) AND target_url NOT IN (SELECT url FROM duplicates) "
        "AND target_url NOT IN (SELECT url FROM rejects WHERE reason IN ('HTTP 404', 'HTTP 410'))"
    )]


def save_fetch(db: Database, run_id: int | None, url: str, outcome: str, detail: str = "") -> None:
    """The ledger: one outcome per URL and run (a later outcome of the same URL replaces an earlier one)."""
    db.execute(
        "INSERT INTO fetches (run_id, url, outcome, detail) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (run_id, url) DO UPDATE SET outcome = excluded.outcome, detail = excluded.detail",
        [run_id, url, outcome, detail[:500]],
    )


def fetched_urls(db: Database, run_id: int) -> set[str]:
    return {r[0] for r in db.execute("SELECT url FROM fetches WHERE run_id = ?", [run_id])}
