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

EXIT_CODES = {"ok": 0, "failed": 1, "site_changed": 2, "blocked": 3, "unreachable": 4, "locked": 5, "refused": 6}
MEANINGS = {
    "ok": "the archive is up to date with the site",
    "failed": "the run did not do all its work; the next run completes it",
    "site_changed": "the site's markup changed: no article could be read, or it was read only by the fallback",
    "blocked": "the site refused the crawler (403/429); try later, or slower",
    "unreachable": "the site could not be reached (network, DNS, or robots.txt)",
    "locked": "another run was using the archive",
    "refused": "the archive file was refused; nothing was written",
}


class Command(ScrapyCrawlCommand):
    def long_desc(self) -> str:
        codes = ", ".join(f"{code} {status}" for status, code in EXIT_CODES.items())
        return f"Run a spider. Exit codes: {codes}."

    def run(self, args: list[str], opts) -> None:
        if len(args) != 1:
            raise UsageError("give exactly one spider name")
        from ...archive import Archive
        from ...storage import ArchiveRefused, check_archive_file
        from ...warc.capture import gzip_level

        if self.settings.getbool("WARC_ENABLED"):
            try:  # a bad setting is said in one line before anything starts, not as an extension's traceback
                gzip_level(self.settings)
            except ValueError as exc:
                print(f"suarapos-crawler: {exc}; nothing was run (exit {EXIT_CODES['failed']})", file=sys.stderr)
                self.exitcode = EXIT_CODES["failed"]
                return
        db_path = self.settings.get("SQLITE_PATH")
        if db_path:
            try:  # the cheap checks, before the run lock opens the file (the Archive makes them all)
                check_archive_file(db_path, integrity=False)
            except ArchiveRefused as exc:
                print(
                    f"suarapos-crawler: archive refused, nothing written: {exc} (exit {EXIT_CODES['refused']})",
                    file=sys.stderr,
                )
                self.exitcode = EXIT_CODES["refused"]
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
        stats = crawler.stats
        try:
            archive = crawler.get_extension(Archive)
        except RuntimeError:  # the crawler never got as far as building its extensions
            archive = None
        status = archive.status if archive else None
        if archive and archive.refused:
            print(
                f"suarapos-crawler: archive refused, nothing written: {archive.refused} (exit {EXIT_CODES['refused']})",
                file=sys.stderr,
            )
        if status is None:  # no archive (SQLITE_PATH empty): finished, with no error, is ok
            clean = stats and stats.get_value("finish_reason") == "finished" and not stats.get_value("log_count/ERROR")
            status = "ok" if clean else "failed"
        self.exitcode = EXIT_CODES.get(status, EXIT_CODES["failed"])
        if archive and not archive.refused and self.settings.getbool("PROGRESS_SUMMARY"):
            print(summary(archive, stats.get_stats(), status, self.exitcode), file=sys.stderr)


def summary(archive, stats: dict, status: str, exitcode: int) -> str:
    """What a person wants to know when a run ends, in a few lines."""
    from ...run.progress import duration

    elapsed = stats.get("elapsed_time_seconds") or 0
    new = stats.get("sqlite/articles_new", 0) - stats.get("sqlite/articles_demoted", 0)
    if "replay/responses" in stats:  # a replay's requests never leave, and most of its pages make none
        work = f"{stats.get('replay/captures', 0):,} captures read again, no request"
    else:
        work = f"{stats.get('downloader/request_count', 0):,} requests"
    lines = [
        f"run {archive.run_id}: {status} (exit {exitcode}): {MEANINGS.get(status, '')}"
        + (f"; {archive.status_reason}" if archive.status_reason else ""),
        f"  {new:,} articles new, {stats.get('sqlite/articles_updated', 0):,} updated, "
        f"{stats.get('sqlite/articles_unchanged', 0):,} unchanged, {stats.get('sqlite/rejects', 0):,} pages rejected, "
        f"{work} in {duration(elapsed)}",
    ]
    lines += [f"  warning: {w}" for w in archive.warnings]
    lines.append(f"  next: scrapy browse --db {archive.path}   (the runs: scrapy health; the rejects: table rejects)")
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
