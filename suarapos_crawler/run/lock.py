"""One run at a time per database: an advisory lock on the database file itself.

``flock`` locks are separate from SQLite's own byte-range locks, so holding one
does not disturb the database, and the kernel drops it when the process dies
(even by SIGKILL): no stale lock file to clean up.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class RunLock:
    def __init__(self, db_path: str | Path):
        self.path = Path(db_path)
        self.fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock without waiting; False if another run holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fd = os.open(self.path, os.O_RDONLY | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            self.fd = None
            return False
        return True

    def release(self) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None
