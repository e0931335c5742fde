"""The ``captures`` table: where each fetched response is kept in the WARC files."""

from __future__ import annotations

from sqlite_utils import Database

from .schema import CAPTURES

COLUMNS = list(CAPTURES["columns"])


def save_capture(db: Database, row: dict) -> None:
    db.execute(
        f"INSERT OR REPLACE INTO captures ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})",
        [row.get(c) for c in COLUMNS],
    )


def last_full_capture(db: Database, url: str) -> dict | None:
    """The newest capture of a URL whose record holds the body: what an unchanged page's revisit refers to."""
    cursor = db.execute(
        "SELECT id, fetched_at, payload_digest FROM captures WHERE url = ? AND kind = 'response' "
        "ORDER BY fetched_at DESC, rowid DESC LIMIT 1",
        [url],
    )
    row = cursor.fetchone()
    return dict(zip(("id", "fetched_at", "payload_digest"), row, strict=True)) if row else None


def captures_of(db: Database, url: str) -> list[dict]:
    """Every capture of a URL, oldest first."""
    return list(db.query("SELECT * FROM captures WHERE url = ? ORDER BY fetched_at, rowid", [url]))


def latest_captures(db: Database, since: str | None = None, url: str | None = None) -> dict[str, dict]:
    """URL -> its newest capture (fetched at or after ``since``, of ``url`` alone when given)."""
    sql = "SELECT * FROM captures WHERE 1 = 1"
    params: list = []
    if since:
        sql += " AND fetched_at >= ?"
        params.append(since)
    if url:
        sql += " AND url = ?"
        params.append(url)
    latest: dict[str, dict] = {}
    for row in db.query(sql + " ORDER BY fetched_at, rowid", params):
        latest[row["url"]] = row
    return latest


def capture_by_id(db: Database, capture_id: str) -> dict | None:
    rows = list(db.query("SELECT * FROM captures WHERE id = ?", [capture_id]))
    return rows[0] if rows else None
