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
    columns = ("id", "fetched_at", "payload_digest", "warc_file", "offset", "length")
    cursor = db.execute(
        f"SELECT {', '.join(columns)} FROM captures WHERE url = ? AND kind = 'response' AND status != 304 "
        "ORDER BY fetched_at DESC, rowid DESC LIMIT 1",
        [url],
    )
    row = cursor.fetchone()
    return dict(zip(columns, row, strict=True)) if row else None


def pages_lost_in_cut_files(db: Database, sizes: dict[str, int | None]) -> dict[str, int]:
    """WARC file -> how many stored articles have their newest page in a record past the file's end (``sizes``: each
    named file's size on disk, ``None`` for a missing one, which is said elsewhere). A record a cut file no longer
    holds counts until a newer capture of its URL holds the page again (listings and sitemaps are fetched again
    every run, and captured in full then)."""
    cut: dict[str, int] = {}
    for name, size in sizes.items():
        if size is None:
            continue
        lost = db.execute(
            "SELECT id, url FROM captures WHERE warc_file = ? AND offset + length > ? AND url IN (SELECT url FROM articles)",
            [name, size],
        )
        for capture_id, url in lost.fetchall():
            newest = db.execute(
                "SELECT id, kind, refers_to FROM captures WHERE url = ? ORDER BY fetched_at DESC, rowid DESC LIMIT 1",
                [url],
            ).fetchone()
            if (newest[2] if newest[1] == "revisit" else newest[0]) == capture_id:
                cut[name] = cut.get(name, 0) + 1
    return cut


def captures_of(db: Database, url: str) -> list[dict]:
    """Every capture of a URL, oldest first."""
    return list(db.query("SELECT * FROM captures WHERE url = ? ORDER BY fetched_at, rowid", [url]))


def latest_captures(db: Database, since: str | None = None, url: str | None = None) -> dict[str, dict]:
    """URL -> its newest capture that holds a page (fetched at or after ``since``, of ``url`` alone when given): not a
    304 (no body: the page is the one before), nor a 404 or 410 after a page (an article taken down since: it is
    read from its last page, and marked gone by the crawl that found it so)."""
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
        if row["status"] == 304:
            continue
        if row["status"] in (404, 410) and latest.get(row["url"], {}).get("status") == 200:
            continue
        latest[row["url"]] = row
    return latest


def capture_by_id(db: Database, capture_id: str) -> dict | None:
    rows = list(db.query("SELECT * FROM captures WHERE id = ?", [capture_id]))
    return rows[0] if rows else None
