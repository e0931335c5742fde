"""The file checks on states a killed run really leaves behind."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from suarapos_crawler.storage import ArchiveRefused, check_archive_file

WAL_HEADER, FRAME_HEADER = 32, 24


def last_logged_page_one(wal: Path, page_size: int) -> bytes:
    """The newest copy of page 1 in a write-ahead log (frames: 24-byte header, then the page)."""
    data = wal.read_bytes()
    newest = None
    for start in range(WAL_HEADER, len(data) - FRAME_HEADER - page_size + 1, FRAME_HEADER + page_size):
        if int.from_bytes(data[start : start + 4], "big") == 1:
            newest = data[start + FRAME_HEADER : start + FRAME_HEADER + page_size]
    assert newest is not None
    return newest


def test_a_kill_during_a_checkpoint_leaves_an_archive_that_is_accepted_and_whole(tmp_path):
    """A checkpoint copies page 1 from the log first, the later pages after it: killed in between, the file is
    shorter than its header says while the log still holds every page. That archive is sound and is accepted."""
    live = tmp_path / "live.db"
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("CREATE TABLE crawl_runs (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE fetches (id INTEGER PRIMARY KEY)")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the file holds the empty tables, the log what follows
    for n in range(200):
        conn.execute("INSERT INTO articles (body) VALUES (?)", (f"artikel {n} " * 100,))
    killed = tmp_path / "killed.db"
    shutil.copy(live, killed)
    shutil.copy(f"{live}-wal", f"{killed}-wal")
    conn.close()
    page_size = 4096
    with killed.open("r+b") as f:
        f.write(last_logged_page_one(Path(f"{killed}-wal"), page_size))
    header = killed.read_bytes()[:100]
    assert int.from_bytes(header[28:32], "big") * page_size > killed.stat().st_size  # the state described

    assert check_archive_file(killed).exists
    read = sqlite3.connect(killed)
    assert read.execute("SELECT count(*) FROM articles").fetchone()[0] == 200
    assert read.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_cut_short_without_a_log_is_refused(tmp_path):
    path = tmp_path / "cut.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT)")
    conn.executemany("INSERT INTO articles (body) VALUES (?)", [("x" * 1000,) for _ in range(100)])
    conn.commit()
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 // 4096 * 4096])
    with pytest.raises(ArchiveRefused, match="cut short"):
        check_archive_file(path)
