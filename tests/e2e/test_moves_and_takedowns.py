"""Articles that move and articles taken down, as scheduled runs meet them: a slug edited on the site, three posts
deleted (410, 404, the theme's not-found page), then the deleted posts restored. Real crawls of the sample site."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlite_utils import Database

from suarapos_crawler.clock import WIB, parse_iso
from suarapos_crawler.sample_site.process import SampleSiteProcess
from tests.e2e.crawl import run_crawl

ARTICLES = 60
MOVES = ("slug_change", "slug_retitled")
AWAY = timedelta(days=2)  # the archive was made two days before the site deleted the posts
RUNS = 3  # scheduled runs given to find every takedown, and every return (hourly: three hours)


def older(db: Database, by: timedelta) -> None:
    """The archive as it stands ``by`` later: its runs and fetches happened that long ago."""
    for table, columns in (
        ("articles", ("first_seen_at", "last_seen_at", "last_changed_at", "gone_at")),
        ("crawl_runs", ("started_at", "finished_at")),
    ):
        for column in columns:
            rows = db.execute(f"SELECT rowid, {column} FROM {table}").fetchall()
            db.conn.executemany(
                f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                [((parse_iso(v) - by).isoformat(timespec="seconds"), rowid) for rowid, v in rows if v],
            )
    db.conn.commit()


@pytest.fixture(scope="module")
def later_days(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("moves")
    path = tmp / "suarapos.db"
    now = (datetime.now(WIB) - AWAY).replace(minute=0, second=0, microsecond=0).isoformat()
    with SampleSiteProcess(articles=ARTICLES, now=now, truth=tmp / "day1.json") as site:
        port = int(site.base_url.rsplit(":", 1)[1])
        first = run_crawl(site.base_url, path, log_level="INFO")
    older(Database(path), AWAY)
    runs = []
    faults = ",".join((*MOVES, "takedown"))
    with SampleSiteProcess(articles=ARTICLES, now=now, faults=faults, truth=tmp / "after.json", port=port) as site:
        for _ in range(RUNS):
            runs.append(run_crawl(site.base_url, path, log_level="INFO"))
    older(Database(path), AWAY)  # two more days: the restored posts are due again
    gone = {r["url"]: dict(r) for r in Database(path).query("SELECT * FROM articles WHERE gone_at IS NOT NULL")}
    with SampleSiteProcess(articles=ARTICLES, now=now, faults=",".join(MOVES), port=port) as site:
        back = [run_crawl(site.base_url, path, log_level="INFO") for _ in range(RUNS)]
    return {
        "first": first,
        "runs": runs,
        "back": back,
        "gone": gone,
        "db": Database(path),
        "day1": json.loads((tmp / "day1.json").read_text()),
        "after": json.loads((tmp / "after.json").read_text()),
    }


def test_every_run_succeeds(later_days):
    for result in [later_days["first"], *later_days["runs"], *later_days["back"]]:
        assert result.returncode == 0, result.log[-2000:]


def test_a_moved_article_is_one_row_under_its_new_url_with_the_old_one_an_alias(later_days):
    db = later_days["db"]
    for fault in MOVES:
        now = next(a for a in later_days["after"]["articles"] if fault in a["faults"])
        before = next(a for a in later_days["day1"]["articles"] if a["post_id"] == now["post_id"])
        assert now["url"] != before["url"]
        rows = list(db.query("SELECT url, title, body FROM articles WHERE post_id = ?", [now["post_id"]]))
        assert [(r["url"], r["title"], r["body"]) for r in rows] == [(now["url"], now["title"], now["body"])], fault
        assert db["url_aliases"].get(before["url"])["url"] == now["url"]
        assert not list(db.query("SELECT * FROM duplicates WHERE url IN (?, ?)", [now["url"], before["url"]]))
        versions = list(db.query("SELECT title, old_url FROM article_versions WHERE url = ?", [now["url"]]))
        assert versions == [{"title": before["title"], "old_url": before["url"]}], fault


def test_every_taken_down_article_is_kept_and_marked_gone_at_20_rechecks_a_run(later_days):
    expected = {g["url"]: g["status"] for g in later_days["after"]["taken_down"]}
    assert sorted(expected.values()) == [200, 404, 410]
    assert {url: row["gone_status"] for url, row in later_days["gone"].items()} == expected
    day1 = {a["url"]: a for a in later_days["day1"]["articles"]}
    for url, row in later_days["gone"].items():
        assert (row["title"], row["body"]) == (day1[url]["title"], day1[url]["body"])  # the text is kept
    db = later_days["db"]
    rechecks = [
        json.loads(r["stats"]).get("suarapos/rechecks", 0)
        for r in db.query("SELECT stats FROM crawl_runs WHERE id > 1 ORDER BY id")
    ]
    assert rechecks[0] == 20 and max(rechecks) <= 20, rechecks
    ledger = {r["url"]: r["outcome"] for r in db.query("SELECT url, outcome FROM fetches WHERE outcome = 'gone'")}
    assert set(ledger) == set(expected)  # said in the run's ledger, not as rejects
    assert not list(db.query("SELECT * FROM rejects WHERE url IN (?, ?, ?)", list(expected)))


def test_rechecks_are_conditional_and_an_unchanged_article_answers_304(later_days):
    outcomes = [r[0] for r in later_days["db"].execute("SELECT outcome FROM fetches WHERE run_id > 1")]
    assert outcomes.count("not_modified") >= 20  # most articles past the refresh window are unchanged


def test_an_article_that_comes_back_is_online_again_and_its_time_away_a_version(later_days):
    db = later_days["db"]
    for url, gone in later_days["gone"].items():
        row = db["articles"].get(url)
        assert row["gone_at"] is None and row["gone_status"] is None
        (version,) = db.query("SELECT * FROM article_versions WHERE url = ?", [url])
        assert (version["gone_at"], version["gone_status"]) == (gone["gone_at"], gone["gone_status"])
        assert version["body"] == row["body"]


def test_the_taken_down_query_lists_what_was_gone(later_days, tmp_path):
    """The canned query as metadata.yml gives it to Datasette, on the archive as it stood with the posts deleted."""
    import yaml

    from tests.e2e.crawl import ROOT

    sql = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))["databases"]["suarapos"]["queries"][
        "taken_down"
    ]["sql"]
    db = Database(tmp_path / "then.db")
    db["articles"].insert_all(later_days["gone"].values())
    listed = list(db.query(sql, {"since": ""}))
    assert {r["article_url"]: r["gone_status"] for r in listed} == {
        u: g["gone_status"] for u, g in later_days["gone"].items()
    }
    assert list(db.query(sql, {"since": "9999"})) == []
