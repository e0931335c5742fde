"""Helpers of the end-to-end tests: a real `scrapy crawl` in a subprocess, against a real sample site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from suarapos_crawler.sample_site.process import crawl_command

ROOT = Path(__file__).resolve().parents[2]
CRAWLED = re.compile(r"Crawled \((\d+)\) <GET ([^>]+)>")
WARNING_LINE = re.compile(r"^.*\b\w*Warning: .*$", re.MULTILINE)  # a Python warning, as warnings.showwarning prints it


@dataclass
class CrawlResult:
    returncode: int
    log: str

    def fetched(self) -> list[tuple[int, str]]:
        return [(int(code), url) for code, url in CRAWLED.findall(self.log)]


def crawl_args(base_url: str, db_path: Path, *extra: str, log_level: str = "DEBUG") -> list[str]:
    return crawl_command(base_url, db_path, *extra, log_level=log_level)


def run_crawl(base_url: str, db_path: Path, *extra: str, timeout: float = 600, log_level: str = "DEBUG") -> CrawlResult:
    done = subprocess.run(
        crawl_args(base_url, db_path, *extra, log_level=log_level),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    result = CrawlResult(done.returncode, done.stdout + done.stderr)
    assert_no_warnings(result.log)
    return result


def run_health(db_path: Path) -> subprocess.CompletedProcess:
    """`scrapy health` of an archive, as cron or a monitoring check runs it."""
    return subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "health", "-s", f"SQLITE_PATH={db_path}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_no_warnings(output: str) -> None:
    """A crawl in a subprocess is outside pytest's warning filters: its output must carry no Python warning."""
    found = WARNING_LINE.findall(output)
    assert not found, "the run printed warnings:\n" + "\n".join(found[:10])


def start_crawl(base_url: str, db_path: Path, *extra: str, **popen) -> subprocess.Popen:
    """A crawl in the background; its log goes to a file beside the database (a pipe could fill and stall it)."""
    log = open(f"{db_path}.log", "a")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        crawl_args(base_url, db_path, *extra, log_level="INFO"),
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        **popen,
    )


def archive_snapshot(db_path: Path) -> dict:
    """What an archive holds, independent of when it was fetched: to compare two crawls."""
    db = Database(db_path)
    fields = "url, post_id, title, published_at, author, section, sections, tags, dateline, body"
    return {
        "articles": {r["url"]: r for r in db.query(f"SELECT {fields} FROM articles")},
        "links": sorted(
            (r["source_url"], r["position"], r["target_url"]) for r in db.query("SELECT * FROM related_links")
        ),
        "duplicates": sorted((r["url"], r["duplicate_of"]) for r in db.query("SELECT * FROM duplicates")),
    }


def wait_for_articles(db_path, count: int, proc, timeout: float = 120) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline and proc.poll() is None:
        try:
            if Database(db_path).execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= count:
                return
        except Exception:  # noqa: BLE001 - the file or table may not exist yet
            pass
        time.sleep(0.05)
    raise AssertionError(f"crawl did not store {count} articles in time")


def another_applications_database(path: Path) -> Path:
    """A SQLite file of some other application (a table and a row of its own), as a user may mistype a path."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)")
    conn.execute("INSERT INTO users (email) VALUES ('a@example.org')")
    conn.commit()
    conn.close()
    return path
