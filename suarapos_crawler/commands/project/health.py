"""``scrapy health``: the last runs, and a non-zero exit when the site has not been crawled successfully for too long."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from ...clock import CLOCK_SLACK, WIB, parse_iso
from ...storage import ArchiveRefused, check_archive_file
from ...storage.captures import pages_lost_in_cut_files
from ...warc.capture import warc_path
from ..archive_command import ArchiveCommand


class Command(ArchiveCommand):
    def syntax(self) -> str:
        return "[--db FILE] [--max-age HOURS] [--runs N]"

    def short_desc(self) -> str:
        return "Show the last crawl runs; exit 1 if no run succeeded within --max-age hours"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--max-age",
            type=float,
            default=None,
            help="hours since the last successful run before it is unhealthy (default: the setting HEALTH_MAX_AGE_HOURS)",
        )
        parser.add_argument("--runs", type=int, default=10, help="how many runs to show (default %(default)s)")

    def run(self, args: list[str], opts) -> None:
        path = self.archive_path(opts)
        max_age = opts.max_age if opts.max_age is not None else self.settings.getfloat("HEALTH_MAX_AGE_HOURS")
        if not path or not Path(path).exists():
            print(f"UNHEALTHY: no database at {path}")
            self.exitcode = 1
            return
        try:  # the checks a run makes before it writes: a file a run would refuse is not healthy
            found = check_archive_file(path, int(self.settings.getfloat("SQLITE_MIN_FREE_MB") * 2**20))
        except ArchiveRefused as exc:
            print(f"UNHEALTHY: the archive would be refused: {exc}")
            self.exitcode = 1
            return
        db = Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) if found.exists else None
        if db is None or "crawl_runs" not in db.table_names():
            print(f"UNHEALTHY: {path} has no crawl runs")
            self.exitcode = 1
            return
        print_runs(list(db.query("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT ?", [opts.runs])))
        cut_short = None
        if "captures" in db.table_names():
            named = warc_files(db, Path(path).parent)
            print(warc_line(named))
            cut_short = cut_short_line(db, named)
        now = datetime.now(WIB)
        last_ok = last_success(db, now)
        when = parse_iso(last_ok)
        # The last crawl of the site (a re-extraction reads captures, it says nothing of the site today).
        last_crawl = db.execute(
            "SELECT id, status, status_reason FROM crawl_runs WHERE mode != 'replay' AND status IS NOT NULL "
            "ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if last_crawl and last_crawl[1] == "site_changed":
            print(f"UNHEALTHY: the last crawl (run {last_crawl[0]}) found the site changed: {last_crawl[2]}")
            self.exitcode = 1
        elif when is None or now - when > timedelta(hours=max_age):
            print(f"UNHEALTHY: no successful run in the last {max_age:g} hours (last: {last_ok or 'never'})")
            self.exitcode = 1
        elif cut_short:
            print(cut_short)
            self.exitcode = 1
        else:
            print(f"HEALTHY: last successful run {last_ok}")
        db.close()


def print_runs(runs: list[dict]) -> None:
    print(
        f"{'id':>5}  {'started':25}  {'mode':8}  {'status':12}  {'requests':>8}  {'new':>5}  {'upd':>5}  {'rej':>5}  why"
    )
    for r in runs:
        warnings = json.loads(r.get("warnings") or "[]")
        why = "; ".join(filter(None, [r.get("status_reason") or "", *warnings]))
        print(
            f"{r['id']:>5}  {r['started_at'] or '':25}  {r['mode'] or '':8}  {r['status'] or '':12}  "
            f"{r['requests'] or 0:>8}  {r['articles_new'] or 0:>5}  {r['articles_updated'] or 0:>5}  "
            f"{r['rejected'] or 0:>5}  {why}"
        )


def last_success(db: Database, now: datetime) -> str | None:
    """When the last successful run started. A run dated ahead of now had a wrong clock: its success says nothing
    of today (a year ahead, it would say HEALTHY through a month's outage): said, and judged by the other runs."""
    bound = (now + CLOCK_SLACK).isoformat(timespec="seconds")
    for run_id, started in db.execute(
        "SELECT id, started_at FROM crawl_runs WHERE started_at > ? ORDER BY id", [bound]
    ):
        print(f"NOTE: run {run_id} is dated {started}, ahead of this machine's clock: one of them was wrong")
    return db.execute(
        "SELECT MAX(started_at) FROM crawl_runs WHERE status = 'ok' AND started_at <= ?", [bound]
    ).fetchone()[0]


def warc_files(db: Database, folder: Path) -> dict[str, tuple[int | None, int]]:
    """Each WARC file the captures name: (its size on disk, None if it is missing; how many captures name it)."""
    named = db.execute("SELECT warc_file, COUNT(*) FROM captures GROUP BY warc_file").fetchall()
    return {
        name: (path.stat().st_size if path.exists() else None, captures)
        for name, captures in named
        for path in [warc_path(folder, name)]
    }


def warc_line(named: dict[str, tuple[int | None, int]]) -> str:
    """The raw pages behind the archive: how many WARC files its captures name, their size, and those missing (moved
    away or deleted: their pages can no longer be opened or re-extracted)."""
    missing = [(name, n) for name, (size, n) in named.items() if size is None]
    size = sum(s or 0 for s, _ in named.values())
    line = f"WARC: {files(len(named))}, {size / 2**20:,.1f} MiB, {sum(n for _, n in named.values()):,} captures"
    if missing:
        names = ", ".join(name for name, _ in missing[:3]) + (", ..." if len(missing) > 3 else "")
        line += f"; MISSING {files(len(missing))} ({sum(n for _, n in missing):,} captures): {names}"
    return line


def cut_short_line(db: Database, named: dict[str, tuple[int | None, int]]) -> str | None:
    """The WARC files cut short (a disk that failed, a copy cut off): how many pages' newest capture is a record they
    no longer hold, or None. An unchanged page fetched again is captured in full (never a revisit of a lost record);
    a refresh captures the others again."""
    cut = pages_lost_in_cut_files(db, {name: size for name, (size, _) in named.items()})
    if not cut:
        return None
    names = ", ".join(list(cut)[:3]) + (", ..." if len(cut) > 3 else "")
    return (
        f"UNHEALTHY: {files(len(cut))} cut short: the newest page of {sum(cut.values()):,} stored articles is past their end ({names}); "
        "`scrapy crawl suarapos -a mode=refresh` captures those pages again"
    )


def files(n: int) -> str:
    return f"{n:,} file" if n == 1 else f"{n:,} files"
