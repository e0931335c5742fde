"""What the archive's commands share: ``--db FILE`` (the archive, default ``SQLITE_PATH``), and a word they do
not know refused. Scrapy passes options it does not know on to the command, silently: `scrapy health --db x`
looked at data/suarapos.db while it had no ``--db``."""

from __future__ import annotations

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError


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
