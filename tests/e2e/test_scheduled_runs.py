"""Scheduled runs against the sample site: incremental, corrections, kills, faults, overlapping runs, exit codes."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from suarapos_crawler.run.status import EXIT_CODES
from suarapos_crawler.sample_site.process import SampleSiteProcess
from suarapos_crawler.sample_site.score import score_database
from tests.e2e.crawl import ROOT, archive_snapshot, crawl_args, run_crawl, start_crawl, wait_for_articles

ARTICLES = 600


def test_both_runs_succeed(two_days):
    assert two_days["first"].returncode == 0, two_days["first"].log[-2000:]
    assert two_days["second"].returncode == 0, two_days["second"].log[-2000:]


def test_day_two_articles_and_the_correction_are_stored(two_days):
    score = score_database(two_days["db"], two_days["day2"])
    assert score.recall == 1.0, score.misses.get("missing")
    assert score.field_rate("title") == 1.0  # the corrected title too
    fixed = next(a for a in two_days["day2"]["articles"] if "corrected_on_day_2" in a["traps"])
    before = next(a for a in two_days["day1"]["articles"] if a["url"] == fixed["url"])
    versions = list(two_days["db"].query("SELECT * FROM article_versions WHERE url = ?", [fixed["url"]]))
    assert [v["title"] for v in versions] == [before["title"]]
    row = two_days["db"]["articles"].get(fixed["url"])
    assert row["last_changed_at"] > row["first_seen_at"]


def test_second_run_costs_at_most_15_percent_of_the_first(two_days):
    first, second = list(two_days["db"].query("SELECT * FROM crawl_runs ORDER BY id"))
    assert second["requests"] <= 0.15 * first["requests"], (first["requests"], second["requests"])
    assert second["articles_new"] == len([a for a in two_days["day2"]["articles"] if a["day"] == 2])
    assert second["articles_updated"] == 1
    assert json.loads(second["pages_per_section"])  # pages per section are recorded


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def summary_line(log: str) -> str:
    """The first line of the summary `scrapy crawl` ends with."""
    return next(line for line in log.splitlines() if re.match(r"run \d+: \w+ \(exit \d\)", line))


def test_unreachable_site_fails_loudly(tmp_path):
    result = run_crawl(f"http://127.0.0.1:{closed_port()}", tmp_path / "a.db", "-s", "RETRY_TIMES=0", log_level="INFO")
    assert result.returncode == EXIT_CODES["unreachable"]
    run = next(Database(tmp_path / "a.db").query("SELECT * FROM crawl_runs"))
    assert run["status"] == "unreachable"
    assert "Traceback" not in result.log
    assert "unreachable (exit 4): the site could not be reached" in summary_line(result.log)
    reasons = [r["reason"] for r in Database(tmp_path / "a.db").query("SELECT reason FROM rejects")]
    assert reasons and all("Connection" in r and "robots.txt could not be fetched" in r for r in reasons)
    # a PR officer reads "disallowed" as "we are banned": an unreachable site is called unreachable
    assert (
        "disallow" not in result.log
        and "disallow" not in run["status_reason"]
        and all("disallow" not in r for r in reasons)
    )
    assert "unreachable" in run["status_reason"]


def test_blocked_crawler_fails_loudly(tmp_path):
    with SampleSiteProcess(articles=40, faults="forbidden") as site:
        result = run_crawl(site.base_url, tmp_path / "b.db", log_level="INFO")
    assert result.returncode == EXIT_CODES["blocked"]
    assert next(Database(tmp_path / "b.db").query("SELECT status FROM crawl_runs"))["status"] == "blocked"
    assert "Traceback" not in result.log and "blocked (exit 3): the site refused the crawler" in summary_line(
        result.log
    )


def test_a_long_run_reports_its_progress_and_ends_with_a_summary(tmp_path):
    with SampleSiteProcess(articles=5000) as site:
        # a line a second: a 5,000-article crawl takes 15-40 s on this machine, so well over four lines
        # (at 5 s apart, once the crawler got faster, it printed three)
        result = run_crawl(site.base_url, tmp_path / "p.db", "-s", "PROGRESS_INTERVAL=1", log_level="INFO")
    assert result.returncode == 0, result.log[-3000:]
    progress = [line for line in result.log.splitlines() if "progress:" in line]
    assert len(progress) >= 4
    assert any(re.search(r"about [\d,]+ pages left, about \d+", line) for line in progress[:3])  # a time left, early
    assert "ok (exit 0): the archive is up to date" in summary_line(result.log)
    assert re.search(r"5,000 articles new, 0 updated, 0 unchanged, \d+ pages rejected, [\d,]+ requests in", result.log)
    # the banner and the stats dump are for LOG_LEVEL=DEBUG, not for every cron mail
    assert "Overridden settings" not in result.log and "Dumping Scrapy stats" not in result.log
    assert "Crawled " not in result.log and "Remote control" not in result.log


def test_a_pipeline_exception_fails_the_run_and_names_the_lost_url(tmp_path):
    from suarapos_crawler import settings

    pipelines = {**settings.ITEM_PIPELINES, "tests.e2e.failing_pipeline.FailOnOnePipeline": 250}
    with SampleSiteProcess(articles=40) as site:
        result = run_crawl(
            site.base_url, tmp_path / "c.db", "-s", f"ITEM_PIPELINES={json.dumps(pipelines)}", log_level="INFO"
        )
    assert result.returncode == EXIT_CODES["failed"]
    run = next(Database(tmp_path / "c.db").query("SELECT * FROM crawl_runs"))
    assert run["status"] == "failed" and "tingkatkan-kompetensi-pranata-humas" in run["status_reason"]
    assert "tingkatkan-kompetensi-pranata-humas" in json.loads(run["lost_items"])[0]


@pytest.mark.parametrize("kill_after", [1, 30, 300])
def test_sigkill_then_a_plain_run_holds_what_an_uninterrupted_run_would(reference, tmp_path, kill_after):
    site, expected = reference
    db_path = tmp_path / "k.db"
    proc = start_crawl(site.base_url, db_path)
    wait_for_articles(db_path, kill_after, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    db = Database(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert run_crawl(site.base_url, db_path, log_level="INFO").returncode == 0
    assert archive_snapshot(db_path) == expected
    statuses = [r["status"] for r in Database(db_path).query("SELECT status FROM crawl_runs ORDER BY id")]
    assert statuses == ["failed", "ok"]  # the killed run is marked, not left "running"


def test_a_second_run_while_one_is_active_refuses_and_touches_nothing(reference, tmp_path):
    site, expected = reference
    db_path = tmp_path / "o.db"
    first = start_crawl(site.base_url, db_path)
    wait_for_articles(db_path, 20, first)
    before = Database(db_path).execute("SELECT COUNT(*) FROM crawl_runs").fetchone()[0]
    second = subprocess.run(
        crawl_args(site.base_url, db_path, log_level="INFO"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == EXIT_CODES["locked"]
    assert "another run" in second.stderr
    assert Database(db_path).execute("SELECT COUNT(*) FROM crawl_runs").fetchone()[0] == before
    assert first.wait(timeout=300) == 0
    assert archive_snapshot(db_path) == expected


def test_health_command(two_days, tmp_path):
    db = two_days["db"]
    ok = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy.cmdline",
            "health",
            "-s",
            f"SQLITE_PATH={db.conn.execute('PRAGMA database_list').fetchone()[2]}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and "HEALTHY" in ok.stdout
    stale = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy.cmdline",
            "health",
            "--max-age",
            "0",
            "-s",
            f"SQLITE_PATH={db.conn.execute('PRAGMA database_list').fetchone()[2]}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert stale.returncode == 1 and "UNHEALTHY" in stale.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "health", "-s", f"SQLITE_PATH={tmp_path / 'none.db'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 1


def test_a_killed_refresh_resumes_where_it_stopped(reference, tmp_path):
    site, expected = reference
    db_path = tmp_path / "r.db"
    assert run_crawl(site.base_url, db_path, log_level="INFO").returncode == 0
    stored = Database(db_path)["articles"].count
    proc = start_crawl(site.base_url, db_path, "-a", "mode=refresh")
    refresh_start = None
    deadline = time.time() + 120
    while time.time() < deadline:
        db = Database(db_path)
        refresh_start = db.execute("SELECT started_at FROM crawl_runs WHERE mode = 'refresh'").fetchone()
        if (
            refresh_start
            and db.execute("SELECT COUNT(*) FROM articles WHERE last_seen_at >= ?", refresh_start).fetchone()[0] >= 200
        ):
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert run_crawl(site.base_url, db_path, "-a", "mode=refresh", log_level="INFO").returncode == 0
    db = Database(db_path)
    runs = list(db.query("SELECT * FROM crawl_runs ORDER BY id"))
    assert [r["status"] for r in runs] == ["ok", "failed", "ok"]
    assert runs[2]["requests"] < stored  # only what the killed refresh had not done
    not_refreshed = db.execute("SELECT COUNT(*) FROM articles WHERE last_seen_at < ?", refresh_start).fetchone()[0]
    assert not_refreshed == 0
    assert archive_snapshot(db_path) == expected


def readme_crontab_line() -> str:
    """The command of the README's crontab line (its five time fields left out)."""
    line = next(
        ln.strip()
        for ln in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
        if ln.strip().startswith("17 * * * *")
    )
    return line.split(None, 5)[5]


def test_the_readmes_crontab_line_crawls_and_logs_on_a_fresh_clone(tmp_path):
    """Its `>> logs/crawl.log` was refused by the shell on a fresh checkout (no logs/): no crawl ever ran, and the
    mail said "exit 2", which the README calls site_changed."""
    clone = tmp_path / "suarapos-crawler"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, timeout=120)
    (clone / ".venv").symlink_to(Path(sys.executable).parent.parent)
    assert not (clone / "logs").exists()
    bin_dir = tmp_path / "bin"  # a mail command that writes what it is given: a crawl that fails would show here
    bin_dir.mkdir()
    (bin_dir / "mail").write_text(f"#!/bin/sh\ncat >> {tmp_path / 'mailed'}\n", encoding="utf-8")
    (bin_dir / "mail").chmod(0o755)
    with SampleSiteProcess(articles=60) as site:
        command = (
            readme_crontab_line()
            .replace("/srv/suarapos-crawler", str(clone))
            .replace("crawl suarapos", f"crawl suarapos -a base_url={site.base_url}")
        )
        done = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=600,
                              env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"})  # fmt: skip
    assert done.returncode == 0 and done.stdout == done.stderr == "", done
    assert "suarapos" in (clone / "logs" / "crawl.log").read_text(encoding="utf-8")
    assert not (tmp_path / "mailed").exists()
    assert Database(clone / "data" / "suarapos.db")["articles"].count >= 50
