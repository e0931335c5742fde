"""The archive's file, through a real `scrapy crawl`: bad files refused untouched, an old archive upgraded in place,
kills at any instant of a run survived."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from suarapos_crawler.run.status import EXIT_CODES
from suarapos_crawler.sample_site.process import SampleSiteProcess
from suarapos_crawler.storage.schema import APPLICATION_ID, known_migrations
from tests.e2e.crawl import (
    ROOT,
    another_applications_database,
    archive_snapshot,
    assert_no_warnings,
    crawl_args,
    run_crawl,
    run_health,
    start_crawl,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "archives"
RELEASE_0_1 = FIXTURES / "release-0.1.0.db"
NOWHERE = "http://127.0.0.1:9"  # a refused file is refused before any request


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused(db_path: Path, problem: str, *extra: str, **popen) -> str:
    """A run on this file exits with the refused code, says so in one line naming the file and the problem,
    with no traceback, and leaves the file's bytes as they were; `scrapy health` says the same."""
    before = sha256(db_path) if db_path.is_file() else None
    done = subprocess.run(
        crawl_args(NOWHERE, db_path, *extra, log_level="INFO"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        **popen,
    )
    assert done.returncode == EXIT_CODES["refused"], done.stderr[-3000:]
    lines = [line for line in done.stderr.splitlines() if "archive refused" in line]
    assert lines and str(db_path) in lines[-1] and problem in lines[-1], done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert_no_warnings(done.stderr)
    if before is not None:
        assert sha256(db_path) == before
    checked = run_health(db_path)
    assert checked.returncode == 1 and "UNHEALTHY" in checked.stdout
    return checked.stdout


@pytest.fixture
def release_archive(tmp_path) -> Path:
    path = tmp_path / "archive.db"
    shutil.copy(RELEASE_0_1, path)
    return path


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"These are my notes, not a database.\n" * 200)
    assert "not a SQLite database" in assert_refused(path, "not a SQLite database")


def test_a_truncated_archive_is_refused(tmp_path):
    path = tmp_path / "cut.db"
    data = RELEASE_0_1.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])
    assert_refused(path, "cut short")


def test_another_applications_database_is_refused(tmp_path):
    path = another_applications_database(tmp_path / "other.db")
    assert_refused(path, "another application")


def test_a_directory_is_refused(tmp_path):
    path = tmp_path / "archive.db"
    path.mkdir()
    assert_refused(path, "is a directory")
    assert list(path.iterdir()) == []


def test_an_archive_of_a_newer_release_is_refused(release_archive):
    conn = sqlite3.connect(release_archive)
    conn.execute(
        "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, name TEXT, applied_at TEXT)"
    )
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('suarapos', '9000_future', 'x')"
    )
    conn.commit()
    conn.close()
    assert_refused(release_archive, "newer release")


def test_a_file_that_cannot_be_written_is_refused(release_archive):
    if subprocess.run(["chattr", "+i", str(release_archive)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (root may write any file with a mode that forbids it)")
    try:
        assert_refused(release_archive, "cannot be written")
    finally:
        subprocess.run(["chattr", "-i", str(release_archive)], check=True)


def root_page(path: Path, name: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [name]).fetchone()[0]
    conn.close()
    return page


def spoil_page(path: Path, page: int) -> None:
    with path.open("r+b") as f:
        f.seek((page - 1) * 4096)
        f.write(bytes(range(256)) * 16)


@pytest.mark.parametrize("btree", ["articles", "idx_articles_published_at", "articles_fts_data"])
def test_a_corrupt_page_is_noticed_before_the_run_writes(release_archive, btree):
    spoil_page(release_archive, root_page(release_archive, btree))
    assert_refused(release_archive, "damaged")


def test_corrupt_full_text_data_inside_a_sound_page_is_noticed(release_archive):
    conn = sqlite3.connect(release_archive)
    rowid, block = conn.execute("SELECT id, block FROM articles_fts_data WHERE length(block) > 200 LIMIT 1").fetchone()
    conn.execute("UPDATE articles_fts_data SET block = ? WHERE id = ?", [block[:20] + b"\xff" * 40 + block[60:], rowid])
    conn.commit()
    conn.close()
    assert "full-text index" in assert_refused(release_archive, "full-text index")


def test_a_full_disk_at_start_refuses_the_run_and_leaves_a_trace(release_archive):
    before_rows = Database(release_archive)["articles"].count
    size = release_archive.stat().st_size

    def small_disk():
        limit = size + 8 * 4096 * 16  # room for the WAL of a small write, far under SQLITE_MIN_FREE_MB
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        crawl_args(NOWHERE, release_archive, log_level="INFO"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=small_disk,
    )
    assert done.returncode == EXIT_CODES["refused"], done.stderr[-3000:]
    assert "MiB free" in done.stderr and "Traceback" not in done.stderr
    db = Database(release_archive)
    assert db["articles"].count == before_rows
    last = next(db.query("SELECT status, status_reason FROM crawl_runs ORDER BY id DESC LIMIT 1"))
    assert last["status"] == "failed" and "refused at start" in last["status_reason"]
    assert "refused at start" in run_health(release_archive).stdout


# ---- an archive of release 0.1.0, upgraded by a plain run --------------------------------------


def test_a_plain_crawl_upgrades_the_release_0_1_archive_in_place(release_archive, tmp_path):
    made = json.loads((FIXTURES / "release-0.1.0.json").read_text())
    before = Database(release_archive)
    versions = (
        f"SELECT {', '.join(before['article_versions'].columns_dict)} FROM article_versions ORDER BY url, version"
    )
    old = {
        "snapshot": archive_snapshot(release_archive),
        "versions": list(before.query(versions)),  # as the release made them; later columns are added empty
        "runs": list(before.query("SELECT * FROM crawl_runs ORDER BY id")),
        "fetches": before["fetches"].count,
    }
    before.close()
    with SampleSiteProcess(
        articles=made["articles"],
        day=2,
        now=made["now"],
        port=made["port"],
        truth=tmp_path / "truth.json",
        speech="none",  # the site as release 0.1.0 crawled it (its quotes had no forms yet)
    ) as site:
        result = run_crawl(site.base_url, release_archive, log_level="INFO")
        later = run_crawl(site.base_url, release_archive, log_level="INFO")
    assert result.returncode == 0, result.log[-3000:]
    assert later.returncode == 0 and "schema brought up to date" not in later.log, later.log[-3000:]
    db = Database(release_archive)
    assert archive_snapshot(release_archive) == old["snapshot"]  # same articles, links and copies
    assert list(db.query(versions)) == old["versions"]
    assert (
        db.execute("SELECT COUNT(*) FROM article_versions WHERE old_url IS NOT NULL OR gone_at IS NOT NULL").fetchone()[
            0
        ]
        == 0
    )
    runs = list(db.query("SELECT * FROM crawl_runs ORDER BY id"))
    assert runs[: len(old["runs"])] == old["runs"] and [r["status"] for r in runs[len(old["runs"]) :]] == ["ok", "ok"]
    assert db["fetches"].count > old["fetches"]
    # what this release adds: the schema's version and the file's mark
    assert [r["name"] for r in db.query("SELECT name FROM _sqlite_migrations ORDER BY id")] == known_migrations()
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert "schema brought up to date" in result.log


# ---- SIGKILL at any instant of a run -------------------------------------------------------------

KILL_SITE_ARTICLES = 60


@pytest.fixture(scope="module")
def kill_reference(tmp_path_factory):
    """A small sample site, an uninterrupted crawl of it, and when in such a run the archive's write-ahead log
    appears (it is switched on just before the schema is made) and when the run ends."""
    tmp = tmp_path_factory.mktemp("kills")
    site = SampleSiteProcess(articles=KILL_SITE_ARTICLES).start()
    db_path = tmp / "ref.db"
    started = time.monotonic()
    proc = start_crawl(site.base_url, db_path)
    wal = Path(f"{db_path}-wal")
    while not wal.exists() and proc.poll() is None:
        time.sleep(0.002)
    appears = time.monotonic() - started
    assert proc.wait(timeout=300) == 0
    ends = time.monotonic() - started
    yield site, archive_snapshot(db_path), appears, ends
    site.stop()


def kill_instants(appears: float, ends: float) -> list[float]:
    """Ten instants around the archive's creation (from 0.2 s before its log appears to 0.25 s after),
    ten spread over the rest of the run, the last at its very end."""
    early = [appears - 0.2 + i * 0.05 for i in range(10)]
    rest = [appears + 0.5 + i * (ends - appears - 0.5) / 9 for i in range(10)]
    return early + rest


@pytest.mark.parametrize("instant", range(20))
def test_a_sigkill_at_any_instant_is_completed_by_the_next_plain_run(kill_reference, tmp_path, instant):
    site, expected, appears, ends = kill_reference
    db_path = tmp_path / "k.db"
    proc = start_crawl(site.base_url, db_path)
    time.sleep(kill_instants(appears, ends)[instant])
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    result = run_crawl(site.base_url, db_path, log_level="INFO")
    assert result.returncode == 0, result.log[-3000:]
    assert archive_snapshot(db_path) == expected
    db = Database(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")  # raises if out of step
    assert [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")] == known_migrations()
    assert db.execute("SELECT COUNT(*) FROM crawl_runs WHERE status = 'running'").fetchone()[0] == 0


def test_a_finished_run_leaves_everything_in_the_db_file_though_a_reader_keeps_it_open(tmp_path):
    """Datasette keeps the archive open between runs: a copy of the .db alone after a run (cp, rsync, a backup
    tool that knows nothing of -wal) must hold every run and every article."""
    db_path = tmp_path / "suarapos.db"
    with SampleSiteProcess(articles=40) as site:
        assert run_crawl(site.base_url, db_path, log_level="INFO").returncode == 0
        reader = sqlite3.connect(db_path)  # a reader like Datasette's, open across runs
        assert reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 40
        with SampleSiteProcess(articles=60) as grown:
            assert run_crawl(grown.base_url, db_path, log_level="INFO").returncode == 0
        stored = reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        runs = reader.execute("SELECT COUNT(*) FROM crawl_runs").fetchone()[0]
        copy = tmp_path / "copy" / "suarapos.db"
        copy.parent.mkdir()
        shutil.copyfile(db_path, copy)  # the .db alone
        reader.close()
    copied = sqlite3.connect(copy)
    assert stored > 40 and runs == 2
    assert copied.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == stored
    assert copied.execute("SELECT COUNT(*) FROM crawl_runs WHERE finished_at IS NOT NULL").fetchone()[0] == runs
    assert copied.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_health_is_not_fooled_by_a_run_a_wrong_clock_dated_a_year_ahead(tmp_path):
    from datetime import datetime, timedelta

    from suarapos_crawler import storage
    from suarapos_crawler.clock import WIB

    db_path = tmp_path / "suarapos.db"
    db = Database(db_path)
    storage.upgrade(db)
    now = datetime.now(WIB)
    for started in (now - timedelta(days=30), now + timedelta(days=365)):  # a month of outage since; the clock ahead
        run = storage.start_run(db, "suarapos", "b", "default", started.isoformat(timespec="seconds"))
        storage.finish_run(db, run, {"status": "ok"})
    db.close()
    done = run_health(db_path)
    assert done.returncode == 1, done.stdout
    assert "UNHEALTHY: no successful run in the last" in done.stdout
    assert "run 2 is dated" in done.stdout and "ahead of this machine's clock" in done.stdout
