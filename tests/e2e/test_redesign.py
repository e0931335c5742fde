"""The site changes under the crawler: split posts, AMP links, and a redesign on a scheduled run.

Day 1 is the site in its own theme (tagDiv Newspaper), crawled by a crawler that knows only that
theme (``EXTRACTION_THEMES=newspaper``, as the release before ColorMag was taught). Day 2 is the same
site switched to ColorMag, crawled by the same crawler: the fallback must read it, the run must say
so. Then the page classes learn ColorMag and ``scrapy reextract`` reads the captures again, with
the site stopped.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlite_utils import Database

from suarapos_crawler.run.status import EXIT_CODES
from suarapos_crawler.sample_site.process import SampleSiteProcess
from suarapos_crawler.sample_site.score import BOILERPLATE, score_database, token_f1
from tests.e2e.crawl import ROOT, assert_no_warnings, run_crawl, run_health

ARTICLES = 300
OLD_RELEASE = ("-s", "EXTRACTION_THEMES=newspaper")
ROW_FIELDS = ("title", "published_at", "author", "section", "sections", "tags", "dateline", "body", "extracted_by")


def rows(db_path) -> dict[str, dict]:
    db = Database(db_path)
    return {r["url"]: r for r in db.query(f"SELECT url, {', '.join(ROW_FIELDS)} FROM articles")}


def links(db_path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for r in Database(db_path).query("SELECT source_url, target_url FROM related_links ORDER BY source_url, position"):
        found.setdefault(r["source_url"], []).append(r["target_url"])
    return found


def requests_in(log) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


@pytest.fixture(scope="module")
def redesign(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("redesign")
    db = tmp / "archive.db"
    log1, log2 = tmp / "day1-requests.log", tmp / "day2-requests.log"
    with SampleSiteProcess(articles=ARTICLES, truth=tmp / "day1.json", request_log=log1) as day1:
        port = int(day1.base_url.rsplit(":", 1)[1])
        now = json.loads((tmp / "day1.json").read_text())["now"]
        first = run_crawl(day1.base_url, db, *OLD_RELEASE, log_level="INFO")
    before = rows(db)
    with SampleSiteProcess(
        articles=ARTICLES,
        day=2,
        now=now,
        port=port,
        theme="colormag",
        redesign_day=2,
        truth=tmp / "day2.json",
        request_log=log2,
    ) as day2:
        second = run_crawl(day2.base_url, db, *OLD_RELEASE, log_level="INFO")
        # Every stored article fetched again from the redesigned site: none may be degraded.
        refresh = run_crawl(day2.base_url, db, *OLD_RELEASE, "-a", "mode=refresh", log_level="INFO")
    after_switch = rows(db)
    links_after_switch = links(db)
    checked = run_health(db)
    served = len(requests_in(log1)) + len(requests_in(log2))
    # The page classes now know ColorMag (the default themes); the site is stopped.
    reextract = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "reextract", "--db", str(db), "-s", "LOG_LEVEL=INFO"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return {
        "db": db,
        "first": first,
        "second": second,
        "refresh": refresh,
        "before": before,
        "after_switch": after_switch,
        "links_after_switch": links_after_switch,
        "health": checked,
        "reextract": reextract,
        "served_before_reextract": served,
        "served_after_reextract": len(requests_in(log1)) + len(requests_in(log2)),
        "requests_day1": requests_in(log1),
        "day1": json.loads((tmp / "day1.json").read_text()),
        "day2": json.loads((tmp / "day2.json").read_text()),
    }


def new_on_day_two(redesign) -> list[dict]:
    return [a for a in redesign["day2"]["articles"] if a["day"] == 2 and not a["duplicate_of"]]


# ---- split posts and AMP links (day 1) ------------------------------------------------
def test_a_split_post_is_stored_once_whole_under_its_first_page(redesign):
    assert redesign["first"].returncode == 0, redesign["first"].log[-2000:]
    split = [a for a in redesign["day1"]["articles"] if len(a["page_urls"]) > 1]
    assert split
    stored = redesign["before"]
    db = Database(redesign["db"])
    for a in split:
        row = stored[a["url"]]
        assert token_f1(row["body"], a["body"]) >= 0.97
        assert db["articles"].get(a["url"])["word_count"] == len(a["body"].split())
        for page_url in a["page_urls"][1:]:
            assert page_url not in stored
            assert db["url_aliases"].get(page_url)["url"] == a["url"]


def test_amp_spelled_links_join_their_articles_and_are_never_fetched(redesign):
    assert not [line for line in redesign["requests_day1"] if "/amp" in line or "amp=" in line]
    score = score_database(Database(redesign["db"]), redesign["day2"])
    assert score.links_found == score.links_expected, score.misses.get("baca_juga")
    targets = [t for ts in redesign["links_after_switch"].values() for t in ts]
    assert not [t for t in targets if t.rstrip("/").endswith("/amp") or "amp=" in t]


# ---- the switch day ------------------------------------------------------------------------
def test_the_switch_day_run_says_the_site_was_redesigned_and_what_to_do(redesign):
    second = redesign["second"]
    assert second.returncode == EXIT_CODES["site_changed"], second.log[-3000:]
    summary = next(line for line in second.log.splitlines() if line.startswith("run 2: site_changed"))
    for words in (
        "looks redesigned",
        "title, author, date, sections, tags and body",
        "scrapy themes learn",
        "reextract",
    ):
        assert words in summary
    run = Database(redesign["db"])["crawl_runs"].get(2)
    assert run["status"] == "site_changed" and "looks redesigned" in run["status_reason"]
    assert redesign["health"].returncode == 1
    assert (
        "UNHEALTHY: the last crawl (run 3) found the site changed: the site looks redesigned"
        in redesign["health"].stdout
    )


def test_every_new_article_of_the_switch_day_is_stored_and_read_right_by_the_fallback(redesign):
    new = new_on_day_two(redesign)
    assert len(new) >= 5
    stored = redesign["after_switch"]
    assert all(a["url"] in stored for a in new)
    assert {stored[a["url"]]["extracted_by"] for a in new} == {"fallback"}
    score = score_database(Database(redesign["db"]), {**redesign["day2"], "articles": new})
    for field in ("title", "published_at", "section"):
        assert score.field_rate(field) >= 0.98, (field, score.misses.get(field))
    assert score.field_rate("author") >= 0.95, score.misses.get("author")
    bodies_ok = sum(token_f1(stored[a["url"]]["body"], a["body"]) >= 0.9 for a in new)
    assert bodies_ok >= 0.95 * len(new)
    hits = [(a["url"], b) for a in new for b in BOILERPLATE if b in stored[a["url"]]["body"] and b not in a["body"]]
    assert hits == []
    links_right = sum(redesign["links_after_switch"].get(a["url"], []) == a["baca_juga"] for a in new)
    assert links_right >= 0.98 * len(new)


def test_no_article_stored_on_day_one_is_degraded_by_the_switch_day(redesign):
    corrected = {a["url"] for a in redesign["day2"]["articles"] if "corrected_on_day_2" in a["traps"]}
    changed = [
        url
        for url, row in redesign["before"].items()
        if url not in corrected and redesign["after_switch"].get(url) != row
    ]
    assert changed == []
    kept = (
        Database(redesign["db"])
        .execute("SELECT COUNT(*) FROM rejects WHERE stage = 'store' AND reason LIKE 'read by the fallback%'")
        .fetchone()[0]
    )
    # Every day-1 article was fetched again by the refresh run, read by the fallback, and not stored over its
    # theme reading (the correction, modified since, was taken).
    assert redesign["refresh"].returncode == EXIT_CODES["site_changed"]
    assert kept == len(redesign["before"]) - len(corrected)


# ---- the theme learnt, the captures read again -----------------------------------------------
def test_reextract_replaces_the_fallback_readings_with_the_themes_without_a_request(redesign):
    done = redesign["reextract"]
    assert done.returncode == 0, done.stderr[-3000:]
    assert_no_warnings(done.stderr)
    assert redesign["served_after_reextract"] == redesign["served_before_reextract"]
    stored = rows(redesign["db"])
    new = new_on_day_two(redesign)
    assert {stored[a["url"]]["extracted_by"] for a in new} == {"colormag"}
    assert "fallback" not in {r["extracted_by"] for r in stored.values()}
    score = score_database(Database(redesign["db"]), {**redesign["day2"], "articles": new})
    for field in ("title", "published_at", "section", "author", "tags", "dateline"):
        assert score.field_rate(field) == 1.0, (field, score.misses.get(field))
    assert score.body_f1_ok == score.expected
