"""The stamp of an archive's last whole-file check: what lets a run skip reading every page of a big archive.

SQLite's ``quick_check`` and FTS5's check read every page: 4 s at 100,000 articles, most of a scheduled run's time
at a million. A run that closes the archive cleanly writes ``FILE.checked`` beside it: the file's size and the time
of its last write as it left them, and when the file was last checked whole. The next run skips the check only if
the file is exactly so (any write since, ours killed half-way or anyone else's, changes them), no write-ahead log
was left behind, and the check is younger than ``SQLITE_QUICK_CHECK_HOURS``: damage that comes without a write (a
disk's) is found by the next day's check at the latest.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

from ..clock import believable, parse_iso


def stamp_path(path: str | Path) -> Path:
    return Path(f"{path}.checked")


def file_state(path: str | Path) -> dict:
    found = os.stat(path)
    return {"size": found.st_size, "mtime_ns": found.st_mtime_ns}


def checked_at_if_unchanged(path: str | Path, max_age: timedelta, now: datetime) -> str | None:
    """When the archive was last checked whole, if it is as the stamp says and the check is younger than
    ``max_age``; else None (check it)."""
    try:
        stamp = json.loads(stamp_path(path).read_text(encoding="utf-8"))
        unchanged = {k: stamp.get(k) for k in ("size", "mtime_ns")} == file_state(path)
    except (OSError, ValueError, AttributeError):
        return None
    log = Path(f"{path}-wal")
    if not unchanged or (log.exists() and log.stat().st_size > 0):  # a log left behind: a run did not end well
        return None
    checked = believable(parse_iso(stamp.get("checked_at")), now)
    return stamp["checked_at"] if checked is not None and now - checked < max_age else None


def write_stamp(path: str | Path, checked_at: str) -> None:
    """The archive as this run left it, last checked whole at ``checked_at`` (written aside, then moved in)."""
    stamp = stamp_path(path)
    aside = stamp.with_name(stamp.name + ".tmp")
    aside.write_text(json.dumps({**file_state(path), "checked_at": checked_at}), encoding="utf-8")
    os.replace(aside, stamp)
