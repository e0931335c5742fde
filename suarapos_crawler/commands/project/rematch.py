"""``scrapy rematch``: match every stored article against the watchlist again, and read its quotes again, without
a request."""

from __future__ import annotations

import sys
from pathlib import Path

from ... import storage
from ...enrich.quotes import GazetteerError, load_gazetteer
from ...enrich.watchlist import WatchlistError, load_watchlist, watchlist_file
from ...paths import project_file
from ...run.lock import RunLock
from ...run.status import EXIT_CODES
from ..archive_command import ArchiveCommand


class Command(ArchiveCommand):
    def syntax(self) -> str:
        return "[--db FILE] [--watchlist FILE] [--gazetteer FILE]"

    def short_desc(self) -> str:
        return (
            "Match every stored article against the watchlist again and read its quotes again (after the list or "
            "the gazetteer changed), without a request"
        )

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--watchlist", default=None, help="the watchlist (default: WATCHLIST_PATH)")
        parser.add_argument(
            "--gazetteer", default=None, help="speakers added to the shipped ones (default: QUOTES_GAZETTEER_PATH)"
        )

    def run(self, args: list[str], opts) -> None:
        path = self.archive_path(opts)
        watchlist = opts.watchlist or watchlist_file(self.settings.get("WATCHLIST_PATH"))
        if not Path(path).is_file():
            self.fail(f"no archive at {path}: run `scrapy crawl suarapos` first", "refused")
            return
        try:
            terms = load_watchlist(watchlist)
            gazetteer = load_gazetteer(opts.gazetteer or project_file(self.settings.get("QUOTES_GAZETTEER_PATH")))
            storage.check_archive_file(path, int(self.settings.getfloat("SQLITE_MIN_FREE_MB") * 2**20))
        except (WatchlistError, GazetteerError, storage.ArchiveRefused) as exc:
            self.fail(str(exc), "refused")
            return
        lock = RunLock(path)
        if not lock.acquire():
            self.fail(f"another run is using {path}; try again when it ends", "locked")
            return
        try:
            db = storage.open_database(path, self.settings.getfloat("SQLITE_BUSY_TIMEOUT"))
            try:
                storage.upgrade(db)
                with storage.transaction(db):
                    articles, mentions = storage.rematch(db, terms)
                    quotes, people = storage.reread_quotes(db, gazetteer)
            finally:
                db.close()
        finally:
            lock.release()
        source = watchlist if Path(watchlist).is_file() else f"{watchlist} (no such file: no terms)"
        print(f"{len(terms)} terms from {source}: {mentions:,} mentions in {articles:,} of the stored articles")
        print(f"quotes read again: {quotes:,} quotes of {people:,} people")

    def fail(self, message: str, status: str) -> None:
        print(f"suarapos-crawler: {message}", file=sys.stderr)
        self.exitcode = EXIT_CODES[status]
