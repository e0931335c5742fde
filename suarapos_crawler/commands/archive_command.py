"""What the archive's commands share: ``--db FILE`` (the archive, default ``SQLITE_PATH``), and a word they do
not know refused. Scrapy passes options it does not know on to the command, silently: `scrapy health --db x`
looked at data/suarapos.db while it had no ``--db``."""

from __future__ import annotations

import sqlite3
import sys
from urllib.parse import quote

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from sqlite_utils import Database

from .. import storage
from ..run.status import EXIT_CODES


class ArchiveCommand(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--db", default=None, help="the archive (default: SQLITE_PATH)")

    def process_options(self, args: list[str], opts) -> None:
        super().process_options(args, opts)
        if args:  # these commands take options only
            raise UsageError(f"{' '.join(args)}: not an option of this command (-h lists them)", print_help=False)

    def archive_path(self, opts) -> str:
        return opts.db or self.settings.get("SQLITE_PATH")

    def read_archive(self, opts) -> Database | None:
        """The archive, opened to read only (a published copy in a folder the user cannot write too); None, after
        one plain line and the exit code of a refused file, where there is no archive of ours."""
        path = self.archive_path(opts)
        try:
            storage.check_archive_to_read(path)
        except storage.ArchiveRefused as exc:
            self.refuse(str(exc))
            return None
        return Database(sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True))

    def refuse(self, message: str) -> None:
        print(f"suarapos-crawler: {message}", file=sys.stderr)
        self.exitcode = EXIT_CODES["refused"]
