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


def test_a_robots_crawl_delay_is_kept_between_requests_and_a_huge_robots_txt_is_read(tmp_path):
    """RFC 9309: the Crawl-delay a host asks of this crawler is kept (no two requests closer than it, whatever the
    concurrency), and a robots.txt past DOWNLOAD_MAXSIZE is read to its first 500 KiB, not taken as unreachable."""
    from datetime import datetime

    from suarapos_crawler.sample_site.faults import CRAWL_DELAY

    db_path = tmp_path / "suarapos.db"
    with SampleSiteProcess(articles=40, faults="robots_crawl_delay,robots_huge") as site:
        crawled = run_crawl(site.base_url, db_path)
    assert crawled.returncode == 0, crawled.log[-2000:]
    times = sorted(
        datetime.strptime(line[:19], "%Y-%m-%d %H:%M:%S")
        for line in crawled.log.splitlines()
        if "] DEBUG: Crawled (" in line and "/robots.txt>" not in line
    )
    assert len(times) > 60
    # log times are to the second: n requests kept CRAWL_DELAY apart span at least (n - 1) * CRAWL_DELAY - 1 s
    assert (times[-1] - times[0]).total_seconds() >= (len(times) - 1) * CRAWL_DELAY - 1
    assert "its first 500 KiB are read" in crawled.log
    run = next(Database(db_path).query("SELECT status, stats FROM crawl_runs"))
    assert run["status"] == "ok" and json.loads(run["stats"])["robotstxt/crawl_delay"] == CRAWL_DELAY
    assert Database(db_path)["articles"].count > 30


def test_a_robots_txt_that_disallows_this_crawler_by_name_says_so(tmp_path):
    db_path = tmp_path / "suarapos.db"
    with SampleSiteProcess(articles=40, faults="robots_disallows_us") as site:
        crawled = run_crawl(site.base_url, db_path, log_level="INFO")
    assert crawled.returncode == EXIT_CODES["blocked"]
    run = next(Database(db_path).query("SELECT status, status_reason FROM crawl_runs"))
    assert run["status"] == "blocked" and "disallows this crawler's User-agent" in run["status_reason"]


def test_a_known_bad_page_asked_for_again_is_no_sign_of_a_redesign(tmp_path):
    """The sample's undated article is rejected, then asked for again on its schedule: on a run where it is the only
    article page fetched, its failing again must not say the site changed."""
    db_path = tmp_path / "suarapos.db"
    with SampleSiteProcess(articles=40, faults="no_date") as site:
        codes = [run_crawl(site.base_url, db_path, log_level="INFO").returncode for _ in range(4)]
    runs = list(Database(db_path).query("SELECT status, stats FROM crawl_runs ORDER BY id"))
    assert codes == [0, 0, 0, 0], [r["status"] for r in runs]
    again = [json.loads(r["stats"]).get("suarapos/known_bad_pages", 0) for r in runs]
    assert again[0] == 0 and sum(again) >= 1  # it was asked for again, and known for what it is


def test_sitemaps_that_date_every_url_now_do_not_make_every_run_fetch_everything(tmp_path):
    from datetime import datetime, timedelta

    from suarapos_crawler.clock import WIB

    """A plugin that prints the time it made the sitemap as every URL's lastmod: believed, every stored article
    would be fetched again on every run. Weighed, the next run asks for what a run on the plain site asks for."""
    plain_db, faulty_db = tmp_path / "plain.db", tmp_path / "faulty.db"
    requests = {}
    for name, db_path, faults in (("plain", plain_db, ""), ("lastmod_now", faulty_db, "lastmod_now")):
        with SampleSiteProcess(articles=80, faults=faults) as site:
            assert run_crawl(site.base_url, db_path, log_level="INFO").returncode == 0
            assert run_crawl(site.base_url, db_path, log_level="INFO").returncode == 0
        requests[name] = [r["requests"] for r in Database(db_path).query("SELECT requests FROM crawl_runs ORDER BY id")]
    db = Database(faulty_db)
    stored = db["articles"].count
    since = (datetime.now(WIB) - timedelta(days=3)).isoformat()  # INCREMENTAL_REFRESH_DAYS
    window = db.execute("SELECT COUNT(*) FROM articles WHERE published_at >= ?", [since]).fetchone()[0]
    assert requests["lastmod_now"][0] > stored > 60  # the first run fetched everything
    # as on a site that gives no lastmod: the plain site's run, and the refresh window no lastmod confirmed
    assert requests["lastmod_now"][1] <= requests["plain"][1] + window + 10, (requests, window)
    assert window + 2 < stored / 2
    assert Database(faulty_db)["articles"].count == Database(plain_db)["articles"].count


def test_an_index_of_two_thousand_sitemaps_dated_now_is_not_read_whole_every_run(tmp_path):
    db_path = tmp_path / "suarapos.db"
    with SampleSiteProcess(articles=60, faults="sitemap_flood") as site:
        codes = [run_crawl(site.base_url, db_path, log_level="INFO").returncode for _ in range(2)]
    runs = [r["requests"] for r in Database(db_path).query("SELECT requests FROM crawl_runs ORDER BY id")]
    assert codes == [0, 0]
    stored = Database(db_path)["articles"].count
    assert stored > 50 and all(requests < stored + 80 for requests in runs), (runs, stored)  # not 2,000 sitemaps
    assert runs[1] < 60


def test_a_sitemap_of_twenty_thousand_dead_urls_costs_a_batch_not_twenty_thousand_requests(tmp_path):
    """A hacked or broken plugin lists 20,000 URLs that answer 404 in every post sitemap: read a batch at a time,
    the sitemap is read no further once a batch finds them dead, and the next run probes it with ten."""
    from suarapos_crawler.sample_site.faults import SPAM_URLS
    from suarapos_crawler.spiders.suarapos import SITEMAP_BATCH, SITEMAP_PROBE

    db_path = tmp_path / "suarapos.db"
    with SampleSiteProcess(articles=60, faults="sitemap_spam") as site:
        codes = [run_crawl(site.base_url, db_path, log_level="INFO").returncode for _ in range(3)]
    db = Database(db_path)
    assert codes == [0, 0, 0]
    assert db["articles"].count > 50
    dead = [
        db.execute("SELECT COUNT(*) FROM fetches WHERE run_id = ? AND url LIKE '%/slot-gacor-%'", [run]).fetchone()[0]
        for run in (1, 2, 3)
    ]
    assert dead == [0, SITEMAP_BATCH, SITEMAP_PROBE] and SITEMAP_BATCH < SPAM_URLS
    said = list(db.query("SELECT run_id, detail FROM fetches WHERE outcome = 'sitemap_abandoned' ORDER BY run_id"))
    assert [s["run_id"] for s in said] == [2, 3], said  # the first run reads no sitemap: it has no archive yet
    assert f"of the {SITEMAP_BATCH} URLs asked for were not there" in said[0]["detail"]


# ---- round four: what years of the live web bring ---------------------------------------------------------------

NOW = "2026-12-07T19:00:00+07:00"


def day_one_then(tmp_path, faults: str, *runs: tuple[str, ...]) -> tuple[Database, dict, list]:
    """A clean archive of the site's first day, then ``runs`` (each a crawl's extra arguments) on the same site
    (same port, same URLs) with ``faults``: the archive, the truth of the faulty site, and the runs."""
    db = tmp_path / "a.db"
    with SampleSiteProcess(articles=ARTICLES, now=NOW) as clean:
        port = int(clean.base_url.rsplit(":", 1)[1])
        assert run_crawl(clean.base_url, db, log_level="INFO").returncode == 0
    with SampleSiteProcess(articles=ARTICLES, now=NOW, faults=faults, port=port, truth=tmp_path / "t.json") as site:
        done = [run_crawl(site.base_url, db, *extra, log_level="INFO") for extra in runs]
    return Database(db), json.loads((tmp_path / "t.json").read_text()), done


def test_new_articles_beyond_a_sections_first_page_are_found_under_a_pinned_block_without_a_sitemap(tmp_path):
    """Five older posts pinned above every section's list, no sitemap, 30 new articles in one section: counted,
    the pinned posts stopped every section at page 1 and 10 of the 30 were stored, run after run."""
    db, truth, runs = day_one_then(tmp_path, "featured_block,no_sitemap,section_burst", ())
    burst = [a["url"] for a in truth["articles"] if "section_burst" in a["faults"]]
    assert len(burst) == 30 and runs[0].returncode == 0
    stored = {r["url"] for r in db.query("SELECT url FROM articles")}
    assert set(burst) <= stored


def test_a_reinstalled_site_giving_stored_posts_ids_to_new_ones_overwrites_nothing(tmp_path):
    """Five new articles take five stored articles' post IDs and name their URLs as rel=canonical; the stored ones
    come back with new IDs. Before: 2 stored articles overwritten with another text, 3 new ones lost."""
    db, truth, runs = day_one_then(tmp_path, "post_id_reuse", (), ("-a", "mode=refresh"))
    assert [r.returncode for r in runs] == [0, 0]
    rows = {r["url"]: r for r in db.query("SELECT url, post_id, title, body FROM articles")}
    given = [a for a in truth["articles"] if "post_id_reuse" in a["faults"]]
    renumbered = [a for a in truth["articles"] if a["post_id"] >= 90001]
    assert len(given) == len(renumbered) == 5
    assert all(rows[a["url"]]["title"] == a["title"] and rows[a["url"]]["post_id"] == a["post_id"] for a in given)
    assert all(rows[a["url"]]["body"] == a["body"] and rows[a["url"]]["post_id"] == a["post_id"] for a in renumbered)
    assert db["article_versions"].count == 0


def test_a_view_counter_in_the_content_makes_no_version_however_often_an_article_is_fetched(tmp_path):
    db = tmp_path / "a.db"
    with SampleSiteProcess(articles=ARTICLES, now=NOW, faults="view_counter") as site:
        runs = [run_crawl(site.base_url, db, *extra, log_level="INFO") for extra in ((), ("-a", "mode=refresh"))]
    assert [r.returncode for r in runs] == [0, 0]
    archive = Database(db)
    assert archive["article_versions"].count == 0  # before: one per article and fetch
    assert archive.execute("SELECT COUNT(*) FROM articles WHERE body LIKE '%Dibaca%kali%'").fetchone()[0] == 0


def test_invisible_characters_comments_and_tables_inside_the_content_are_stored_as_a_reader_reads_them(tmp_path):
    faults = "invisible_chars,comments_in_content,table_in_body"
    with SampleSiteProcess(articles=ARTICLES, now=NOW, faults=faults, truth=tmp_path / "t.json") as site:
        assert run_crawl(site.base_url, tmp_path / "a.db", log_level="INFO").returncode == 0
    truth = json.loads((tmp_path / "t.json").read_text())
    db = Database(tmp_path / "a.db")
    rows = {r["url"]: r for r in db.query("SELECT url, title, body FROM articles")}
    carrying = [a for a in truth["articles"] if set(a["faults"]) & set(faults.split(","))]
    assert len(carrying) == 13
    assert [
        a["url"] for a in carrying if (rows[a["url"]]["title"], rows[a["url"]]["body"]) != (a["title"], a["body"])
    ] == []
    for a in (a for a in carrying if "invisible_chars" in a["faults"]):  # found by the word as typed
        word = max(a["title"].split(), key=len)
        found = db.execute(
            "SELECT a.url FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?",
            ['"' + word.strip(",.:") + '"'],
        ).fetchall()
        assert (a["url"],) in found, word
