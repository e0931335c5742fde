"""``scrapy publish``: a consistent snapshot of the archive, for ``datasette -i`` or for sharing.

The WAL is checkpointed and the database copied with SQLite's backup API, so a
crawl may keep writing meanwhile; the snapshot has no -wal file to lose.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from pathlib import Path
from urllib.parse import quote

from ...storage.files import SQLITE_HEADER
from ...storage.schema import APPLICATION_ID
from ..archive_command import ArchiveCommand


class NotPublished(Exception):
    """The snapshot was not written, and nothing else was: said in one line."""


def check_target(source: Path, target: Path) -> None:
    """A snapshot replaces only a file that is a snapshot: never the archive itself (a crawl may be writing it), its
    log, another live archive, or a file that is not ours."""
    if target.is_dir():
        raise NotPublished(f"--out {target} is a folder; give the path of a file")
    names = {source.resolve(), *(Path(f"{source.resolve()}-{part}") for part in ("wal", "shm", "journal"))}
    if target.resolve() in names or (target.exists() and source.exists() and target.samefile(source)):
        raise NotPublished(
            f"--out {target} is the archive itself; give another path (default data/publish/suarapos.db)"
        )
    if not target.exists() or target.stat().st_size == 0:
        return
    with target.open("rb") as f:
        header = f.read(100)
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise NotPublished(f"--out {target} is not a SQLite file; it was left as it was (give another path)")
    if int.from_bytes(header[68:72], "big") not in (0, APPLICATION_ID):
        raise NotPublished(f"--out {target} is another application's database; it was left as it was")
    if header[18] == 2 or Path(f"{target}-wal").exists():  # write-ahead log: an archive runs write, not a snapshot
        raise NotPublished(f"--out {target} is a live archive, not a snapshot; it was left as it was")


def checkpoint(source: Path) -> None:
    """What the log holds moved into the file, where SQLite may (a read-only archive keeps its log: the backup
    reads it all the same)."""
    with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(source, timeout=60)) as conn:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


def reader_uri(source: Path) -> str:
    """How the snapshot opens the archive: read-only; and where SQLite could not make its shared-memory file beside
    it (a folder the user may not write) while no log holds changes, as an immutable file (it failed with
    "attempt to write a readonly database"). A log with changes in a read-only folder cannot be read whole."""
    if os.access(source.parent, os.W_OK) or Path(f"{source}-shm").exists():
        return f"file:{source}?mode=ro"
    wal = Path(f"{source}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise NotPublished(
            f"{source} is read-only to this user and its -wal holds changes not yet in it; publish as the user "
            "that runs the crawl"
        )
    return f"file:{quote(str(source))}?immutable=1"


def snapshot(source: str | Path, target: str | Path) -> None:
    source, target = Path(source), Path(target)
    check_target(source, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".tmp")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(reader_uri(source), uri=True, timeout=60)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
        if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise NotPublished("the snapshot failed its integrity check; nothing was published")
    except BaseException:
        dst.close()
        tmp.unlink(missing_ok=True)  # a half copy is no snapshot
        raise
    finally:
        dst.close()
        src.close()
    tmp.replace(target)  # readers see the old snapshot or the new one, never half of one


def link_warc_folders(source: Path, target: Path) -> list[Path]:
    """Beside the snapshot, a link to each folder of WARC files its captures name (``warc/`` beside the archive):
    the published copy opens an article's capture as the archive does, without a copy of gigabytes. Relative,
    so the two folders may move together; a folder already there is left as it is."""
    conn = sqlite3.connect(f"file:{quote(str(target))}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT DISTINCT warc_file FROM captures")] if conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'captures'").fetchone() else []  # fmt: skip
    finally:
        conn.close()
    made = []
    for folder in sorted({Path(name).parts[0] for name in names if len(Path(name).parts) > 1}):
        there, here = source.parent.resolve() / folder, target.parent / folder
        if there.is_dir() and not here.exists() and not here.is_symlink() and there != here.resolve():
            here.symlink_to(os.path.relpath(there, target.parent.resolve()), target_is_directory=True)
            made.append(here)
    return made


class Command(ArchiveCommand):
    def syntax(self) -> str:
        return "[--db FILE] [--out PATH]"

    def short_desc(self) -> str:
        return "Copy a consistent snapshot of the archive for publishing with `datasette -i`"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--out", default="data/publish/suarapos.db", help="snapshot path (default data/publish/suarapos.db)"
        )

    def run(self, args: list[str], opts) -> None:
        source = Path(self.archive_path(opts))
        try:
            if not source.is_file():
                raise NotPublished(f"no archive at {source}")
            checkpoint(source)
            snapshot(source, opts.out)
            link_warc_folders(source, Path(opts.out))
        except (NotPublished, OSError, sqlite3.Error) as exc:
            print(f"suarapos-crawler: not published: {exc}", file=sys.stderr)
            self.exitcode = 1
            return
        print(
            f"Snapshot written to {opts.out}. Serve it read-only with:\n    scrapy browse --db {opts.out} --immutable"
        )
