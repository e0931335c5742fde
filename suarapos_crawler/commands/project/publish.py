"""``scrapy publish``: a consistent snapshot of the archive, for ``datasette -i`` or for sharing.

The WAL is checkpointed and the database copied with SQLite's backup API, so a
crawl may keep writing meanwhile; the snapshot has no -wal file to lose.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand


def snapshot(source: str | Path, target: str | Path) -> None:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".tmp")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=60)
    dst = sqlite3.connect(tmp)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
        if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise RuntimeError("the snapshot failed its integrity check")
    finally:
        dst.close()
        src.close()
    tmp.replace(target)  # readers see the old snapshot or the new one, never half of one


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[--out PATH]"

    def short_desc(self) -> str:
        return "Copy a consistent snapshot of the archive for publishing with `datasette -i`"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--out", default="data/publish/suarapos.db", help="snapshot path (default data/publish/suarapos.db)"
        )

    def run(self, args: list[str], opts) -> None:
        source = self.settings.get("SQLITE_PATH")
        if not Path(source).exists():
            print(f"No database at {source}", file=sys.stderr)
            self.exitcode = 1
            return
        with sqlite3.connect(source, timeout=60) as conn:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        snapshot(source, opts.out)
        print(
            f"Snapshot written to {opts.out}. Serve it read-only with:\n    scrapy browse --db {opts.out} --immutable"
        )
