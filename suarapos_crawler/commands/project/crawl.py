"""``scrapy crawl``, with one run at a time per database and an exit code that tells cron what happened.

Scrapy alone exits 0 after pipeline exceptions and when the site is unreachable;
here the exit code follows the run's status in ``crawl_runs``.
"""

from __future__ import annotations

import gc
import logging
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from ...run.lock import RunLock
from ...run.status import EXIT_CODES, MEANINGS, exit_status


class Command(ScrapyCrawlCommand):
    def long_desc(self) -> str:
        codes = ", ".join(f"{code} {status}" for status, code in EXIT_CODES.items())
        return f"Run a spider. Exit codes: {codes}."

    def run(self, args: list[str], opts) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        from ...run.record import RunRecord

        db_path = self.settings.get("SQLITE_PATH")
        if not self.may_start(db_path):
            return
        lock = RunLock(db_path) if db_path else None
        if lock and not lock.acquire():
            print(
                f"suarapos-crawler: another run is using {db_path}; this run did nothing (status: locked)",
                file=sys.stderr,
            )
            self.exitcode = EXIT_CODES["locked"]
            return
        tune_garbage_collector()
        skip_records_below(self.settings.get("LOG_LEVEL"))
        try:
            crawler = self._create_crawler(args[0])
            self.crawler_process.crawl(crawler, **opts.spargs)
            self.crawler_process.start()
        finally:
            if lock:
                lock.release()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = EXIT_CODES["failed"]
            return
        try:
            record = crawler.get_extension(RunRecord)
        except RuntimeError:  # the crawler never got as far as building its extensions
            record = None
        refused = record.archive.refused if record and record.archive else None
        if refused:
            print(
                f"suarapos-crawler: archive refused, nothing written: {refused} (exit {EXIT_CODES['refused']})",
                file=sys.stderr,
            )
        stats = crawler.stats.get_stats() if crawler.stats else None
        status = exit_status(stats, record)
        self.exitcode = EXIT_CODES.get(status, EXIT_CODES["failed"])
        if record and not refused and self.settings.getbool("PROGRESS_SUMMARY"):
            print(summary(record, stats, status, self.exitcode), file=sys.stderr)
        if db_path and not refused and self.settings.getbool("NOTIFY_AFTER_CRAWL"):
            self.notify_after(db_path)

    def may_start(self, db_path: str) -> bool:
        """The checks before anything starts, each said in one line (not as an extension's traceback): the WARC
        settings, and the cheap checks of the archive before the run lock opens it (the Archive makes them all)."""
        from ...storage import ArchiveRefused, check_archive_file
        from ...warc.capture import gzip_level

        try:
            if self.settings.getbool("WARC_ENABLED"):
                gzip_level(self.settings)
        except ValueError as exc:
            print(f"suarapos-crawler: {exc}; nothing was run (exit {EXIT_CODES['failed']})", file=sys.stderr)
            self.exitcode = EXIT_CODES["failed"]
            return False
        try:
            if db_path:
                check_archive_file(db_path, integrity=False)
        except ArchiveRefused as exc:
            print(f"suarapos-crawler: archive refused, nothing written: {exc} (exit {EXIT_CODES['refused']})",
                  file=sys.stderr)  # fmt: skip
            self.exitcode = EXIT_CODES["refused"]
            return False
        return True

    def notify_after(self, db_path: str) -> None:
        """NOTIFY_AFTER_CRAWL: what the run found, sent; a channel that fails makes an ``ok`` run exit ``failed``
        (cron mails it), and its notices wait for the next run."""
        from .notify import notify_archive

        code, said, failures = notify_archive(db_path, self.settings)
        for line in (said, *failures):
            print(line, file=sys.stderr)
        if code and self.exitcode == EXIT_CODES["ok"]:
            self.exitcode = EXIT_CODES["failed"]


def summary(record, stats: dict, status: str, exitcode: int) -> str:
    """What a person wants to know when a run ends, in a few lines."""
    from ...run.progress import duration

    elapsed = stats.get("elapsed_time_seconds") or 0
    new = stats.get("sqlite/articles_new", 0) - stats.get("sqlite/articles_demoted", 0)
    if "replay/responses" in stats:  # a replay's requests never leave, and most of its pages make none
        work = f"{stats.get('replay/captures', 0):,} captures read again, no request"
    else:
        work = f"{stats.get('downloader/request_count', 0):,} requests"
    lines = [
        f"run {record.run_id}: {status} (exit {exitcode}): {MEANINGS.get(status, '')}"
        + (f"; {record.status_reason}" if record.status_reason else ""),
        f"  {new:,} articles new, {stats.get('sqlite/articles_updated', 0):,} updated, "
        f"{stats.get('sqlite/articles_unchanged', 0):,} unchanged, {stats.get('sqlite/rejects', 0):,} pages rejected, "
        f"{work} in {duration(elapsed)}",
    ]
    lines += [f"  warning: {w}" for w in record.warnings]
    lines.append(f"  next: scrapy browse --db {record.path}   (the runs: scrapy health; the rejects: table rejects)")
    return "\n".join(lines)


def skip_records_below(level: str) -> None:
    """Scrapy leaves the root logger at NOTSET and drops what is below ``LOG_LEVEL`` in its handler, after the
    record is made: a DEBUG line for every response and every item, each built and thrown away (py-spy:
    0.6 s of a 10,000-article re-extraction). At the root logger, a call below the level returns at once."""
    if level:
        logging.root.setLevel(level)


def tune_garbage_collector() -> None:
    """A crawl allocates millions of short-lived objects while its long-lived sets and dicts grow; with
    Python's default thresholds the cyclic collector scans that heap ever more often (measured: 8 % of
    a 5,000-article crawl's time, 1 % after this). Objects alive at start-up are frozen out of
    collection, and young ones are collected every 50,000 allocations instead of 700."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
