"""One real crawl of the sample site, shared by the end-to-end tests; Datasette and Chromium, really started."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from protego import Protego
from sqlite_utils import Database

from suarapos_crawler.sample_site.process import SampleSiteProcess
from tests.e2e.crawl import ROOT, archive_snapshot, run_crawl

ARTICLES = 400
DAYS_ARTICLES = 600
# The two-day archive follows these terms (a phrase, an institution, a place).
WATCHED = ("Diskominfo Babel", "Pranata Humas", "Pangkalpinang")


@pytest.fixture(scope="session")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    with SampleSiteProcess(articles=ARTICLES, truth=tmp / "truth.json") as site:
        first = run_crawl(site.base_url, tmp / "suarapos.db")
        robots = Protego.parse(urllib.request.urlopen(site.base_url + "/robots.txt").read().decode())
        second = run_crawl(site.base_url, tmp / "suarapos.db")
    truth = json.loads((tmp / "truth.json").read_text(encoding="utf-8"))
    return {
        "first": first,
        "second": second,
        "db": Database(tmp / "suarapos.db"),
        "truth": truth,
        "robots": robots,
        "path": tmp / "suarapos.db",
    }


@pytest.fixture(scope="session")
def two_days(tmp_path_factory):
    """Day 1 of the sample crawled, then day 2 (new articles, one correction) crawled into the same archive."""
    tmp = tmp_path_factory.mktemp("days")
    db = tmp / "suarapos.db"
    watchlist = tmp / "watchlist.yml"
    watchlist.write_text("\n".join(f"- {term}" for term in WATCHED) + "\n", encoding="utf-8")
    following = ("-s", f"WATCHLIST_PATH={watchlist}")
    with SampleSiteProcess(articles=DAYS_ARTICLES, truth=tmp / "day1.json", port=0) as day1:
        port = day1.base_url.rsplit(":", 1)[1]
        now = json.loads((tmp / "day1.json").read_text())["now"]
        first = run_crawl(day1.base_url, db, *following, log_level="INFO")
    # The same site, one day later, on the same port (so its URLs are the same).
    with SampleSiteProcess(articles=DAYS_ARTICLES, day=2, now=now, truth=tmp / "day2.json", port=int(port)) as day2:
        second = run_crawl(day2.base_url, db, *following, log_level="INFO")
    return {
        "first": first,
        "second": second,
        "db": Database(db),
        "path": db,
        "day1": json.loads((tmp / "day1.json").read_text()),
        "day2": json.loads((tmp / "day2.json").read_text()),
    }


@pytest.fixture(scope="session")
def reference(tmp_path_factory):
    """A sample site and an uninterrupted crawl of it, to compare interrupted ones with."""
    tmp = tmp_path_factory.mktemp("ref")
    site = SampleSiteProcess(articles=DAYS_ARTICLES).start()
    result = run_crawl(site.base_url, tmp / "ref.db", log_level="INFO")
    assert result.returncode == 0
    yield site, archive_snapshot(tmp / "ref.db")
    site.stop()


# ---- Datasette and Chromium, really started ------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# The archive is served under another file name than the one metadata.yml describes (suarapos):
# its descriptions, facets and canned queries must follow it.
DB = "babel-2026"


@pytest.fixture(scope="module")
def served(two_days, tmp_path_factory) -> Path:
    """A copy of the two-day archive, as a user names a file of theirs."""
    path = tmp_path_factory.mktemp("served") / f"{DB}.db"
    source = sqlite3.connect(two_days["path"])
    target = sqlite3.connect(path)
    source.backup(target)
    target.close()
    source.close()
    return path


@contextmanager
def browsing(db_path: Path, *extra: str):
    """`scrapy browse` of an archive, really started: its URL once Datasette answers."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapy.cmdline", "browse", "--db", str(db_path), "--port", str(port), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            proc.kill()
            raise RuntimeError(proc.stdout.read().decode()[-3000:])
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def site_url(served):
    with browsing(served) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.fail("Debian's chromium is not installed (.ci/run installs it)")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(chromium),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()
