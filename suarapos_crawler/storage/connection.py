"""Connections and transactions: how every part of the archive is opened and written."""

from __future__ import annotations

from contextlib import contextmanager

from sqlite_utils import Database


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


def open_database(path: str, busy_timeout: float) -> Database:
    """A connection to the archive, waiting up to ``busy_timeout`` seconds for another reader or writer
    instead of failing. Only for a file that ``files.check_archive_file`` accepted."""
    db = Database(path)
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    return db
