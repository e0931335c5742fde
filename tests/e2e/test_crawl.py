"""End to end: the sample site served on 127.0.0.1, a real `scrapy crawl suarapos`, the database scored against the truth."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlite_utils import Database

from suarapos_crawler.sample_site.score import score_database
from tests.e2e.crawl import ROOT, archive_snapshot, assert_no_warnings, run_crawl


@pytest.fixture(scope="module")
def score(crawled):
    return score_database(crawled["db"], crawled["truth"])


def test_crawl_exits_cleanly(crawled):
    assert crawled["first"].returncode == 0, crawled["first"].log[-3000:]
    assert crawled["second"].returncode == 0, crawled["second"].log[-3000:]


def test_article_recall(score):
    assert score.recall >= 0.99, score.misses.get("missing", [])[:10]


def test_only_articles_are_stored(score):
    assert score.non_article_rows == []


def test_republished_copy_is_stored_once_and_recorded(crawled, score):
    assert score.duplicate_pairs_stored_twice == []
    copies = [a["url"] for a in crawled["truth"]["articles"] if a["duplicate_of"]]
    recorded = {r["url"] for r in crawled["db"]["duplicates"].rows}
    assert set(copies) <= recorded


def test_articles_sharing_a_title_are_both_kept(crawled):
    shared = [a["url"] for a in crawled["truth"]["articles"] if "shared_title" in a["traps"]]
    stored = {r["url"] for r in crawled["db"].query("SELECT url FROM articles")}
    assert len(shared) == 2 and set(shared) <= stored


@pytest.mark.parametrize("field", ["title", "published_at", "author", "section", "tags"])
def test_fields_are_right(score, field):
    assert score.field_rate(field) >= 0.99, score.misses.get(field, [])[:5]


def test_bodies_match_the_truth(score):
    assert score.body_rate >= 0.98, score.misses.get("body", [])[:5]


def test_no_boilerplate_in_any_body(score):
    assert score.boilerplate_hits == []


def test_baca_juga_links_recorded_with_canonical_targets(crawled, score):
    assert score.link_recall >= 0.98, score.misses.get("baca_juga", [])[:5]
    assert score.links_extra == []  # nothing from the sidebar widget
    db = crawled["db"]
    dangling = list(db.query("SELECT target_url FROM related_links WHERE target_url NOT IN (SELECT url FROM articles)"))
    assert {r["target_url"] for r in dangling} <= set(crawled["truth"]["deleted_urls"])


def test_no_request_to_a_robots_disallowed_path(crawled):
    fetched = crawled["first"].fetched()
    assert fetched
    ua = "suarapos-crawler"
    assert [url for _, url in fetched if not crawled["robots"].can_fetch(url, ua)] == []


def test_no_request_to_archives_search_feeds_or_reply_links(crawled):
    bad = ("/tag/", "/author/", "?s=", "/feed/", "replytocom", "/wp-admin", "/wp-login")
    assert [url for _, url in crawled["first"].fetched() if any(b in url for b in bad)] == []


def test_request_budget(crawled):
    truth = crawled["truth"]
    run = next(crawled["db"].query("SELECT * FROM crawl_runs ORDER BY id LIMIT 1"))
    budget = 1.3 * (truth["article_count"] + truth["listing_page_count"])
    assert run["requests"] <= budget
    assert run["status"] == "ok"


def test_deleted_article_is_a_recorded_reject(crawled):
    rejects = {r["url"]: r for r in crawled["db"]["rejects"].rows}
    for url in crawled["truth"]["deleted_urls"]:
        assert rejects[url]["reason"] == "HTTP 404"


def test_second_run_changes_nothing(crawled):
    db = crawled["db"]
    runs = list(db.query("SELECT * FROM crawl_runs ORDER BY id"))
    assert len(runs) == 2 and runs[1]["articles_new"] == 0 and runs[1]["articles_updated"] == 0
    assert db["articles"].count == crawled["truth"]["article_count"] - 1  # the copy is not an article
    assert (
        db.execute("SELECT COUNT(*) FROM related_links GROUP BY source_url, position HAVING COUNT(*) > 1").fetchall()
        == []
    )


def test_database_is_wal_with_indonesian_fts(crawled):
    db = crawled["db"]
    assert db.journal_mode == "wal"
    assert "porter" not in db["articles_fts"].schema
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_pages_were_read_in_a_worker_process(crawled):
    stats = json.loads(next(crawled["db"].query("SELECT stats FROM crawl_runs ORDER BY id LIMIT 1"))["stats"])
    assert stats["extract/worker_pages"] >= crawled["truth"]["article_count"]  # articles and listing pages
    assert stats["extract/worker_cpu_s"] > 0 and "extract/worker_failures" not in stats


def test_same_archive_read_in_the_crawling_process_and_written_by_a_writer_thread(reference, tmp_path):
    site, expected = reference
    result = run_crawl(
        site.base_url,
        tmp_path / "inline.db",
        "-s",
        "EXTRACT_PROCESSES=0",
        "-s",
        "SQLITE_WRITER_THREAD=True",
        log_level="INFO",
    )
    assert result.returncode == 0, result.log[-3000:]
    stats = json.loads(next(Database(tmp_path / "inline.db").query("SELECT stats FROM crawl_runs"))["stats"])
    assert "extract/worker_pages" not in stats
    assert archive_snapshot(tmp_path / "inline.db") == expected


def test_the_demo_runs_clean_and_ends_with_how_to_browse(tmp_path):
    """The README's first command ends with `scrapy demo`: no warning, a score, and a command that works as shown."""
    done = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "demo", "--articles", "60", "--db", str(tmp_path / "demo.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert_no_warnings(done.stdout + done.stderr)
    assert '"recall": 1.0' in done.stdout
    assert '"direct_recall": 1.0' in done.stdout and '"speaker_right": 1.0' in done.stdout  # who said what
    assert f"scrapy browse --db {tmp_path / 'demo.db'}" in done.stdout
    assert "Traceback" not in done.stderr


def test_health_and_publish_take_db_like_the_other_commands(crawled, tmp_path):
    """They ignored --db (Scrapy passes unknown options on) and looked at data/suarapos.db."""
    health = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "health", "--db", str(crawled["path"]), "--max-age", "100000"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert health.returncode == 0 and "UNHEALTHY" not in health.stdout, health.stdout + health.stderr
    out = tmp_path / "pub.db"
    published = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "publish", "--db", str(crawled["path"]), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert published.returncode == 0, published.stderr
    assert Database(out)["articles"].count == crawled["db"]["articles"].count


@pytest.mark.parametrize("command", ["health", "publish", "notify", "rematch"])
def test_an_option_a_command_does_not_know_is_refused_not_ignored(command, tmp_path):
    """Scrapy passes options it does not know on to the command: `--dbb` was silently ignored, and the command
    went on with the default archive."""
    done = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", command, "--dbb", str(tmp_path / "a.db")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "--dbb" in done.stderr and "not an option" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "a.db").exists()
