"""Is this file an archive we may write? Checked before anything opens it for writing.

A file that is not a usable archive is refused and left exactly as it was: a corrupted or
truncated file, another application's SQLite database, a directory, a file or folder that cannot
be written, a disk without room. Each refusal names the file, the problem, and what to do.
"""

from __future__ import annotations

import os
import resource
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .schema import APPLICATION_ID, unknown_migrations

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables that only an archive of ours has: a file without application_id (release 0.1.0) is ours if it has them.
OUR_TABLES = {"articles", "crawl_runs", "fetches"}
# Under this much room a file SQLite cannot read is taken for a full disk, not a damaged file.
ROOM_TO_READ = 1 << 20
RESTORE = "restore it from a backup or move it aside (docs/operations.md: a refused file)"


class ArchiveRefused(Exception):
    """The file at SQLITE_PATH is not an archive this release may write: nothing was written to it."""

    def __init__(self, path: str | Path, problem: str, advice: str, sound: bool = False):
        super().__init__(f"{path}: {problem}; {advice}")
        self.path, self.problem, self.advice = str(path), problem, advice
        self.sound = sound  # the file itself is a whole archive of ours (refused for want of room)


@dataclass
class ArchiveFile:
    """What the check found: a file to create, or an archive (``legacy``: made by release 0.1.0, no mark)."""

    path: Path
    exists: bool
    legacy: bool = False


def check_archive_file(path: str | Path, min_free_bytes: int = 0, integrity: bool = True) -> ArchiveFile:
    """Refuse (``ArchiveRefused``) anything but a missing or empty file in a writable folder, or an archive of
    ours that is whole; writes nothing. ``integrity`` runs SQLite's ``quick_check`` (every page of every table
    and index) and FTS5's check of the full-text index."""
    path = Path(path)
    if path.is_dir():
        raise ArchiveRefused(path, "is a directory, not an archive file", "give SQLITE_PATH the path of a file")
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise ArchiveRefused(path, f"{folder} is a file, not a folder", "give SQLITE_PATH a path in a folder")
    if not path.exists() or path.stat().st_size == 0:
        writable_folder = nearest_existing(folder)
        if not os.access(writable_folder, os.W_OK | os.X_OK):
            raise ArchiveRefused(path, f"cannot create files in {writable_folder}", "choose a writable folder")
        check_room(path, folder, min_free_bytes)
        return ArchiveFile(path, exists=path.exists())
    with path.open("rb") as f:
        header = f.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise ArchiveRefused(path, "is not a SQLite database (damaged, or another kind of file)", RESTORE)
    if len(header) < 100:
        raise ArchiveRefused(path, "is cut short (smaller than a SQLite header)", RESTORE)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages_in_header = int.from_bytes(header[28:32], "big")
    size = path.stat().st_size
    # With a write-ahead log left by a killed run, the file may be shorter than its header says: a checkpoint
    # writes page 1 first and the pages after it in order, and the log still holds them all. SQLite reads
    # them from the log; quick_check below sees whether they are there.
    pending_log = wal_size(path) > 0
    header_size_valid = header[24:28] == header[92:96]
    if size % page_size or (not pending_log and header_size_valid and pages_in_header * page_size > size):
        raise ArchiveRefused(
            path, f"is cut short ({size} bytes, {pages_in_header} pages of {page_size} expected)", RESTORE
        )
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if name.exists() and not writable(name):
            raise ArchiveRefused(path, f"{name} cannot be written", "give the crawler's user write access to it")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id not in (0, APPLICATION_ID):
        raise ArchiveRefused(
            path,
            f"is another application's SQLite database (application_id {application_id:#x})",
            "give SQLITE_PATH a new file or an archive of suarapos-crawler",
        )
    found = inspect_on_disk(path, folder, application_id == 0, integrity, min_free_bytes)
    check_room(path, folder, min_free_bytes, sound=found.exists)
    return found


def check_archive_to_read(path: str | Path) -> ArchiveFile:
    """Refuse (``ArchiveRefused``) anything but an archive of ours to read: a command that only reads (a report,
    a search) may read a published copy in a folder it cannot write, and never creates a file."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise ArchiveRefused(path, "is no archive (no such file)", "run `scrapy crawl suarapos` first, or give --db")
    with path.open("rb") as f:
        header = f.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise ArchiveRefused(path, "is not a SQLite database (damaged, or another kind of file)", RESTORE)
    application_id = int.from_bytes(header[68:72], "big") if len(header) >= 72 else 0
    if application_id not in (0, APPLICATION_ID):
        raise ArchiveRefused(path, f"is another application's SQLite database (application_id {application_id:#x})",
                             "give --db an archive of suarapos-crawler")  # fmt: skip
    return inspect_database(path, legacy=application_id == 0, integrity=False)


def inspect_on_disk(path: Path, folder: Path, legacy: bool, integrity: bool, min_free_bytes: int) -> ArchiveFile:
    """``inspect_database`` and the full-text index's check, where a file that cannot be read on a full disk is
    said to want room: SQLite cannot even open a sound file to read it then (its -shm wants room), and "restore a
    backup" of a file that may be whole is the wrong advice (the next run, with room, checks it again)."""
    try:
        found = inspect_database(path, legacy=legacy, integrity=integrity)
        if integrity and found.exists:
            check_full_text_index(path)
        return found
    except ArchiveRefused as refused:
        free = free_bytes(path, folder)
        if free < max(min_free_bytes, ROOM_TO_READ):
            raise ArchiveRefused(
                path,
                f"cannot be read ({refused.problem}): the disk has {max(free, 0) // 2**20} MiB free",
                "free some room, then run again",
            ) from refused
        raise


def wal_size(path: Path) -> int:
    try:
        return Path(f"{path}-wal").stat().st_size
    except OSError:
        return 0


def inspect_database(path: Path, legacy: bool, integrity: bool) -> ArchiveFile:
    """Read-only: the tables, the schema version, and ``quick_check``."""
    from sqlite_utils import Database

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if legacy and tables and not OUR_TABLES & tables:
            shown = ", ".join(sorted(tables)[:5])
            raise ArchiveRefused(
                path,
                f"is a SQLite database of another application (tables {shown})",
                "give SQLITE_PATH a new file or an archive of suarapos-crawler",
            )
        unknown = unknown_migrations(Database(conn))
        if unknown:
            raise ArchiveRefused(
                path,
                f"was upgraded by a newer release (migrations {', '.join(unknown)})",
                "run it with that release or a later one",
            )
        if integrity:
            found = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
            if found != ["ok"]:
                raise ArchiveRefused(
                    path,
                    f"is damaged ({'; '.join(found)[:300]})",
                    RESTORE + "; `sqlite3 FILE .recover` may save its rows",
                )
    except sqlite3.DatabaseError as exc:
        raise ArchiveRefused(path, f"cannot be read as SQLite ({exc})", RESTORE) from exc
    finally:
        conn.close()
    return ArchiveFile(path, exists=True, legacy=legacy and bool(tables))


def check_full_text_index(path: Path) -> None:
    """FTS5's own check of its index structure (``quick_check`` sees pages, not what FTS5 keeps inside them).
    It is run as an INSERT, so on a connection that can write, in a transaction rolled back: nothing is written."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'").fetchone():
            return
        conn.execute("BEGIN")
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 0)")
    except (sqlite3.DatabaseError, MemoryError) as exc:  # garbage lengths in its data read as SQLITE_NOMEM
        raise ArchiveRefused(
            path,
            f"has a damaged full-text index ({exc or type(exc).__name__})",
            "rebuild it: sqlite3 FILE \"INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')\"",
        ) from exc
    finally:
        if conn.in_transaction:  # an error of corruption has rolled it back already
            conn.execute("ROLLBACK")
        conn.close()


def nearest_existing(folder: Path) -> Path:
    """The folder, or the nearest of its parents that exists (a first run creates the rest)."""
    return folder if folder.exists() else next(p for p in folder.parents if p.exists())


def free_bytes(path: Path, folder: Path) -> int:
    """The room the archive's file may still grow by: the disk's free space, or a per-process file size limit."""
    stat = os.statvfs(nearest_existing(folder))
    free = stat.f_bavail * stat.f_frsize
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)  # a per-process file size limit is a full disk too
    if soft != resource.RLIM_INFINITY:
        grows = max(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists()) if path.exists() else 0
        free = min(free, soft - grows)
    return free


def check_room(path: Path, folder: Path, min_free_bytes: int, sound: bool = False) -> None:
    """A run that starts on a full disk would fail half-way: refuse it before it begins."""
    if min_free_bytes <= 0:
        return
    free = free_bytes(path, folder)
    if free < min_free_bytes:
        raise ArchiveRefused(
            path,
            f"the disk has {max(free, 0) // 2**20} MiB free, under SQLITE_MIN_FREE_MB ({min_free_bytes // 2**20} MiB)",
            "free some room, then run again",
            sound=sound,
        )


def writable(path: Path) -> bool:
    """Whether this process can open the file for writing (root passes ``os.access`` for any mode, not
    an immutable file or a read-only mount); opening for writing changes nothing."""
    try:
        with path.open("r+b"):
            return True
    except OSError:
        return False
