"""``scrapy reextract``: read the archive's WARC captures again with today's page classes, without a request.

The captured article pages are read straight from their WARC files by a pool of worker processes
(``--workers``, all cores by default), a run of one file's captures a task (``warc/reread.py``), and stored in
order from this process, the one writer, through the crawl's own pipelines. Everything else (the listings, a page
cut short, another content coding) goes through the ordinary spider and Scrapy's engine, every request answered
from the newest capture of its URL (``WarcReplayMiddleware``); a URL with no capture is recorded as
``not_captured``, never fetched. Into a new archive (``--into``) it rebuilds what the crawl stored;
in place it is the repair path: an article read differently now is updated, its old reading kept in
``article_versions``.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from scrapy.exceptions import UsageError

from ...run.status import EXIT_CODES
from .crawl import Command as CrawlCommand

REPLAY_MIDDLEWARE = "suarapos_crawler.warc.replay.WarcReplayMiddleware"


def crawled_base_url(archive: Path) -> str | None:
    """The site the archive's captures came from: the base URL of its latest run."""
    conn = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT base_url FROM crawl_runs WHERE base_url != '' ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None


class Command(CrawlCommand):
    def syntax(self) -> str:
        return "[--db FILE] [--into NEWFILE] [--since DATE] [--url URL] [--workers N]"

    def short_desc(self) -> str:
        return "Read the archive's WARC captures again with the current page classes, without a single request"

    def long_desc(self) -> str:
        codes = ", ".join(f"{code} {status}" for status, code in EXIT_CODES.items())
        return f"{self.short_desc()}. Exit codes: {codes}."

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--db", default=None, help="the archive whose captures are read (default: SQLITE_PATH)")
        parser.add_argument("--into", default=None, help="build this new archive instead of updating --db in place")
        parser.add_argument("--since", default=None, help="only captures fetched on or after this date (ISO 8601)")
        parser.add_argument("--url", default=None, help="only the captures of this URL")
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="processes that read the captures (default: one a core; 0: read them in this process)",
        )

    def process_options(self, args: list[str], opts) -> None:
        super().process_options(args, opts)
        source = Path(opts.db or self.settings.get("SQLITE_PATH"))
        if not source.is_file():
            raise UsageError(f"no archive at {source}", print_help=False)
        target = Path(opts.into) if opts.into else source
        base_url = crawled_base_url(source)
        if not base_url:
            raise UsageError(
                f"{source} records no crawl run: nothing says which site its captures are of", print_help=False
            )
        middlewares = {**self.settings.getdict("DOWNLOADER_MIDDLEWARES"), REPLAY_MIDDLEWARE: 1000}
        workers = (os.cpu_count() or 1) if opts.workers is None else opts.workers
        if workers < 0:
            raise UsageError(f"--workers must be 0 or more, not {workers}", print_help=False)
        overrides = {
            "SQLITE_PATH": str(target),
            "REPLAY_FROM": str(source),
            "REPLAY_SINCE": opts.since or "",
            "REPLAY_URL": opts.url or "",
            "WARC_ENABLED": False,  # nothing is fetched: nothing new to keep
            "DOWNLOADER_MIDDLEWARES": middlewares,
            # No host is contacted: no politeness to keep, as fast as the pages can be read.
            "DOWNLOAD_DELAY": 0,
            "AUTOTHROTTLE_ENABLED": False,
            "CONCURRENT_REQUESTS": 32,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 32,
            # Nothing to fetch: every core reads captures while this process stores.
            "EXTRACT_PROCESSES": workers,
            # This process is a replay's bottleneck and leaves part of a core idle: SQLite's own work, in a thread,
            # runs beside it (six runs each way: 5 % shorter, for more CPU seconds; a crawl, which keeps both cores
            # busy, writes from its crawling thread).
            "SQLITE_WRITER_THREAD": True,
        }
        for name, value in overrides.items():
            self.settings.set(name, value, priority="cmdline")
        opts.spargs = {**opts.spargs, "base_url": base_url, "mode": "replay"}
        print(
            f"suarapos-crawler: re-extracting the captures of {source} into {target}, without a request",
            file=sys.stderr,
        )

    def run(self, args: list[str], opts) -> None:
        super().run(["suarapos"], opts)
