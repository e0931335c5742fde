"""Reliability: the fault matrix, SIGTERM, a locked database, a full disk."""

from __future__ import annotations

import resource
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from suarapos_crawler.commands.project.docs import block
from suarapos_crawler.run.status import EXIT_CODES
from suarapos_crawler.sample_site.faultmatrix import report, run_matrix
from suarapos_crawler.sample_site.faults import FAULTS
from tests.e2e.crawl import ROOT, archive_snapshot, run_crawl, start_crawl, wait_for_articles

ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(scope="module")
def matrix():
    results = run_matrix(cwd=ROOT)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "fault-report.md").write_text(report(results) + "\n", encoding="utf-8")
    print("\n" + report(results))
    return {r.fault: r for r in results}


def test_the_fault_table_of_the_docs_is_this_report(matrix):
    """docs/reliability.md shows the matrix as it is, not as it was copied once."""
    page = (ROOT / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert block(page, "fault-report") == report(list(matrix.values())) + "\n", (
        "run: scrapy fault-report --write docs/reliability.md"
    )


def test_every_fault_is_survived_with_nothing_lost(matrix):
    failed = {name: r.row() for name, r in matrix.items() if not r.survived}
    assert failed == {}


def test_no_run_that_lost_data_exits_zero(matrix):
    assert len(matrix) == len(FAULTS)  # every fault was tried
    assert {name: r.lost for name, r in matrix.items() if r.lost and r.exit_code == 0} == {}


def test_every_scheduled_url_has_an_outcome(matrix):
    assert {name: r.unaccounted for name, r in matrix.items() if r.unaccounted} == {}


def test_a_refresh_under_any_fault_degrades_no_stored_article(matrix):
    assert {name: r.degraded for name, r in matrix.items() if r.degraded} == {}


def test_sigterm_finishes_current_items_records_the_run_and_the_next_run_completes(reference, tmp_path):
    site, expected = reference
    db_path = tmp_path / "t.db"
    proc = start_crawl(site.base_url, db_path)
    wait_for_articles(db_path, 100, proc)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=120) == EXIT_CODES["failed"]
    db = Database(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    run = next(db.query("SELECT * FROM crawl_runs"))
    assert run["status"] == "failed" and "shutdown" in run["status_reason"] and run["finished_at"]
    # what was scheduled but not fetched is in the ledger, not silently dropped
    assert db.execute("SELECT COUNT(*) FROM fetches WHERE outcome = 'not_fetched'").fetchone()[0] > 0
    assert run_crawl(site.base_url, db_path, log_level="INFO").returncode == 0
    assert archive_snapshot(db_path) == expected


def test_a_locked_database_is_waited_for_not_lost(reference, tmp_path):
    site, expected = reference
    db_path = tmp_path / "l.db"
    proc = start_crawl(site.base_url, db_path)
    wait_for_articles(db_path, 50, proc)
    other = sqlite3.connect(db_path, timeout=30)
    other.execute("BEGIN EXCLUSIVE")  # another writer holds the database for a while
    time.sleep(4)
    other.rollback()
    other.close()
    assert proc.wait(timeout=300) == 0
    assert archive_snapshot(db_path) == expected


def test_a_disk_that_fills_during_a_run_fails_it_loudly_and_corrupts_nothing(reference, tmp_path):
    site, _ = reference
    db_path = tmp_path / "f.db"
    assert run_crawl(site.base_url, db_path, log_level="INFO").returncode == 0
    before = archive_snapshot(db_path)

    def small_disk():
        # No file may grow past 256 KiB: the write-ahead log of a refresh soon cannot.
        limit = 256 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    # The room check at start is lifted, so the disk fills half-way (a full disk at start: test_archive_files.py).
    proc = start_crawl(
        site.base_url, db_path, "-a", "mode=refresh", "-s", "SQLITE_MIN_FREE_MB=0", preexec_fn=small_disk
    )
    assert proc.wait(timeout=300) != 0
    log = Path(f"{db_path}.log").read_text()
    assert "database or disk is full" in log or "disk I/O error" in log, log[-3000:]
    assert "Traceback" not in log, log[-3000:]  # each failure said in one line
    assert "the archive's disk refused a write" in log and "the run stopped" in log  # at the first refused batch
    check = sqlite3.connect(db_path)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()
    assert archive_snapshot(db_path)["articles"] == before["articles"]  # nothing stored was harmed
