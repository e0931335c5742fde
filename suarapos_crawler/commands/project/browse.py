"""``scrapy browse``: open the archive in Datasette with its metadata, plugins and dashboard."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from scrapy.utils.conf import closest_scrapy_cfg

from ...browse import datasette_args
from ...storage import ArchiveRefused, check_archive_to_read
from ..archive_command import ArchiveCommand


class Command(ArchiveCommand):
    def short_desc(self) -> str:
        return "Browse the archive in Datasette (read-only), with search, facets, canned queries and a dashboard"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--port", type=int, default=8001)
        parser.add_argument("--host", default="127.0.0.1", help="address to serve on (0.0.0.0 to publish)")
        parser.add_argument(
            "--immutable",
            action="store_true",
            help="serve a snapshot made by `scrapy publish` as immutable, for anyone: no arbitrary SQL",
        )

    def run(self, args: list[str], opts) -> None:
        db = self.archive_path(opts)
        if not Path(db).exists():
            self.refuse(f"no archive at {db}: run `scrapy crawl suarapos` (or `scrapy demo`) first")
            return
        try:  # a text file, another application's database: one line, and the file is not opened by Datasette
            check_archive_to_read(db)
        except ArchiveRefused as exc:
            self.refuse(str(exc))
            return
        behind = pending_in(db)
        if behind:
            print(
                f"Note: {db} was made by an older release (migrations {', '.join(behind)} not applied): the search "
                "in Indonesian needs them; a crawl or `scrapy reextract` upgrades the archive in place.",
                file=sys.stderr,
            )
        metadata = Path(closest_scrapy_cfg()).parent / "metadata.yml"
        argv = [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            *datasette_args(db, metadata, port=opts.port, host=opts.host, immutable=opts.immutable),
        ]
        print("Serving", db, "at", f"http://{opts.host}:{opts.port}/", flush=True)
        os.execv(sys.executable, argv)


def pending_in(path: str) -> list[str]:
    """The migrations this release would apply to the archive (read-only; none if it cannot be read)."""
    import sqlite3

    from sqlite_utils import Database

    from ...storage.schema import pending_migrations

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return pending_migrations(Database(conn))
        finally:
            conn.close()
    except sqlite3.Error:
        return []
