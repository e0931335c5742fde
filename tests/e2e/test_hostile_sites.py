"""Hostile sites over several runs: alarms that clear, and none that is false.

The fault matrix (test_reliability.py) crawls each fault once; these are the ones whose harm shows only
over runs: pages that always fail, and a healthy site crawled again with nothing new."""

from __future__ import annotations

import json

from sqlite_utils import Database

from suarapos_crawler.run.status import EXIT_CODES
from suarapos_crawler.sample_site.process import SampleSiteProcess
from tests.e2e.crawl import run_crawl

ARTICLES = 60


def requests_for(log, urls: set[str], base: str) -> int:
    paths = {u[len(base) :] for u in urls}
    return sum(1 for line in log.read_text().splitlines() if line.split(" ", 1)[1] in paths)


def test_pages_that_always_fail_do_not_fail_every_run_and_are_asked_for_less_and_less(tmp_path):
    db, log = tmp_path / "a.db", tmp_path / "requests.log"
    with SampleSiteProcess(articles=ARTICLES, faults="poison_500", truth=tmp_path / "t.json", request_log=log) as site:
        truth = json.loads((tmp_path / "t.json").read_text())
        poisoned = {a["url"] for a in truth["articles"] if "poison_500" in a["faults"]}
        assert len(poisoned) == 6
        runs, asked = [], []
        for _ in range(3):
            before = requests_for(log, poisoned, site.base_url)
            runs.append(run_crawl(site.base_url, db, "-s", "RETRYAFTER_MAX_DELAY=1", log_level="INFO"))
            asked.append(requests_for(log, poisoned, site.base_url) - before)
    assert [r.returncode for r in runs] == [0, 0, 0], runs[-1].log[-3000:]
    rejects = {r["url"]: r for r in Database(db).query("SELECT * FROM rejects WHERE stage = 'fetch'")}
    assert poisoned <= set(rejects) and all("HTTP 500" in rejects[u]["reason"] for u in poisoned)
    # each try costs its retries (4 requests); the third run waits: two rejections back off two hours
    assert asked[0] == asked[1] == 6 * 4 and asked[2] == 0


def test_a_healthy_site_crawled_again_with_nothing_new_is_no_alarm(tmp_path):
    db = tmp_path / "a.db"
    with SampleSiteProcess(articles=ARTICLES) as site:
        first = run_crawl(site.base_url, db, log_level="INFO")
        unchanged = run_crawl(site.base_url, db, log_level="INFO")
        backfill = run_crawl(site.base_url, db, "-a", "mode=backfill", log_level="INFO")
    assert first.returncode == unchanged.returncode == 0
    assert backfill.returncode == EXIT_CODES["ok"], backfill.log[-3000:]
    statuses = [r["status"] for r in Database(db).query("SELECT status FROM crawl_runs ORDER BY id")]
    assert statuses == ["ok", "ok", "ok"]
