"""CrawlPlan decisions, from a database made with the storage functions."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime

import pytest
from sqlite_utils import Database

from suarapos_crawler import storage
from suarapos_crawler.clock import WIB
from suarapos_crawler.spiders.plan import CrawlPlan

NOW = datetime(2026, 11, 29, 14, 0, tzinfo=WIB)


@pytest.fixture
def archive(tmp_path):
    db = Database(tmp_path / "p.db")
    storage.upgrade(db)
    with db.conn:
        for url, published in (("old", "2026-10-01T08:00:00+07:00"), ("recent", "2026-11-28T08:00:00+07:00")):
            storage.save_article(
                db,
                {
                    "url": url,
                    "title": "t",
                    "published_at": published,
                    "body": "b",
                    "modified_at": published,
                    "sections": [],
                    "tags": [],
                    "related": [],
                },
                "2026-11-29T09:00:00+07:00",
            )
        storage.save_alias(db, "old-slug", "old")
        storage.save_reject(db, "gone", "fetch", "HTTP 404")
        storage.save_reject(db, "flaky", "fetch", "HTTP 503")
    run = storage.start_run(db, "suarapos", "b", "default", "2026-11-29T09:00:00+07:00")
    storage.finish_run(db, run, {"status": "ok"})
    return Database(tmp_path / "p.db")


def test_empty_database_fetches_everything(db):
    plan = CrawlPlan.load(db, now=NOW)
    assert plan.should_fetch("anything") and plan.keep_paging(10) and not plan.has_articles


def test_stored_articles_are_not_fetched_again_outside_the_window(archive):
    plan = CrawlPlan.load(archive, now=NOW)
    assert not plan.should_fetch("old") and plan.should_fetch("recent") and plan.should_fetch("new")


def test_aliases_and_dead_pages_are_known_but_transient_errors_are_not(archive):
    plan = CrawlPlan.load(archive, now=NOW)
    assert plan.known("old-slug") and plan.known("gone") and not plan.known("flaky")


def test_paging_stops_at_a_page_of_known_articles_after_a_completed_run(archive):
    plan = CrawlPlan.load(archive, now=NOW, known_tolerance=3)
    assert plan.keep_paging(2) and not plan.keep_paging(3)
    assert CrawlPlan.load(archive, mode="backfill", now=NOW).keep_paging(10)


def test_a_killed_last_run_means_a_full_walk(archive):
    storage.start_run(archive, "suarapos", "b", "default", "2026-11-29T10:00:00+07:00")  # left "running": killed
    assert CrawlPlan.load(archive, now=NOW).keep_paging(10)


def test_the_run_being_planned_is_not_a_killed_run(archive):
    current = storage.start_run(archive, "suarapos", "b", "default", "2026-11-29T14:00:00+07:00")  # running: this run
    assert not CrawlPlan.load(archive, now=NOW, before_run=current).keep_paging(10)


def test_sitemap_lastmod_newer_than_stored(archive):
    plan = CrawlPlan.load(archive, now=NOW)
    assert plan.changed_since_stored("old", "2026-11-29T05:00:00+00:00")
    assert not plan.changed_since_stored("old", "2026-10-01T01:00:00+00:00")
    assert not plan.changed_since_stored("unknown", "2026-11-29T05:00:00+00:00")


def test_refresh_fetches_every_stored_article(archive):
    plan = CrawlPlan.load(archive, mode="refresh", now=NOW)
    assert sorted(plan.to_refresh()) == ["old", "recent"] and plan.should_fetch("old")


def test_unknown_mode_is_refused(archive):
    with pytest.raises(ValueError):
        CrawlPlan.load(archive, mode="everything")


def test_a_page_rejected_run_after_run_is_asked_for_again_on_a_schedule_that_backs_off(db):
    for times, when in (
        (1, "2026-11-29T13:00:00+07:00"),
        (3, "2026-11-29T11:00:00+07:00"),
        (4, "2026-11-29T05:00:00+07:00"),
    ):
        url = f"https://www.suarapos.com/rusak-{times}/"
        for _ in range(times):
            storage.save_reject(db, url, "fetch", "HTTP 500", when)
    for _ in range(2):  # a page stored under its own URL, its canonical refused: nothing to back off from
        storage.save_reject(
            db, "https://www.suarapos.com/kanonik/", "canonical", "not believed", "2026-11-29T13:00:00+07:00"
        )
    now = NOW
    plan = CrawlPlan.load(db, now=now, reject_retry_max_hours=168)
    # once: next run; three times: 4 h after the last (3 h ago, so not yet); four times: 8 h (9 h ago: due)
    assert plan.backing_off == {"https://www.suarapos.com/rusak-3/"}
    assert CrawlPlan.load(db, now=now, reject_retry_max_hours=2).backing_off == set()  # the cap holds
    assert CrawlPlan.load(db, mode="replay", now=now).backing_off == set()


def test_a_page_stored_at_last_leaves_its_failures_behind(db):
    url = "https://www.suarapos.com/a/"
    storage.save_reject(db, url, "fetch", "HTTP 500")
    row = {"url": url, "title": "t", "published_at": "2026-11-28T08:00:00+07:00", "body": "b", "related": []}
    storage.save_article(db, row)
    assert db["rejects"].count == 0


def test_times_a_clock_a_year_ahead_wrote_say_nothing_once_the_clock_is_right(tmp_path):
    """A run whose clock was a year ahead stored its articles "seen" in 2027 and its success in 2027: with the clock
    right again, a sitemap lastmod of yesterday (a correction) must still fetch them, the sitemaps must be read, and
    a page it rejected must not wait a year for its next try."""
    db = Database(tmp_path / "skew.db")
    storage.upgrade(db)
    ahead = "2027-11-29T09:00:00+07:00"
    with db.conn:
        article = {"url": "a", "title": "t", "published_at": "2026-11-20T08:00:00+07:00", "body": "b"}
        storage.save_article(db, {**article, "sections": [], "tags": [], "related": []}, ahead)
        for _ in range(3):
            storage.save_reject(db, "rusak", "fetch", "HTTP 500", ahead)
    run = storage.start_run(db, "suarapos", "b", "default", ahead)
    storage.finish_run(db, run, {"status": "ok"})
    plan = CrawlPlan.load(db, now=NOW)
    assert plan.changed_since_stored("a", "2026-11-28T10:00:00+07:00")  # the correction is fetched
    plan.note_lastmod("a", "2026-11-28T10:00:00+07:00")
    assert "a" not in plan.confirmed_unchanged
    assert plan.last_ok_run is None and plan.sitemap_changed("2026-11-28T10:00:00+07:00")
    assert plan.backing_off == set()
    # the same archive, read by a clock a year on (the skewed run's own): believed as before
    later = CrawlPlan.load(db, now=datetime(2027, 11, 29, 10, 0, tzinfo=WIB))
    assert not later.changed_since_stored("a", "2026-11-28T10:00:00+07:00") and later.backing_off == {"rusak"}


def test_lastmods_that_date_the_file_not_the_posts_are_not_believed():
    plan = CrawlPlan(now=NOW)
    just_now = [(NOW.replace(minute=5 + i % 40)).isoformat() for i in range(30)]
    assert not plan.lastmods_believable(just_now)  # the time the file was made, each time it is asked for
    assert not plan.lastmods_believable(["2026-01-05T10:00:00+07:00"] * 30)  # one time for every post
    spread = [f"2026-11-{1 + i % 27:02d}T08:{i:02d}:00+07:00" for i in range(30)]
    assert plan.lastmods_believable(spread)
    assert plan.lastmods_believable(just_now[:5])  # too few to judge: a quiet site's five newest, edited today


def test_a_block_of_stored_posts_pinned_above_a_sections_list_does_not_stop_its_paging():
    """Featured or sticky posts printed before the list (five stored, on every page), then ten new: the list has not
    reached what the archive holds (counted, they stopped every section at page 1: 10 of 30 new articles stored
    without a sitemap, run after run)."""
    base = "https://www.suarapos.com"
    pinned = [f"{base}/pilihan-{i}/" for i in range(5)]
    new = [f"{base}/baru-{i}/" for i in range(10)]
    old = [f"{base}/lama-{i}/" for i in range(10)]
    plan = CrawlPlan(now=NOW, previous_run_completed=True, stored={url: (0.0, 0.0, 0.0) for url in pinned + old})
    assert plan.keep_paging(plan.known_where_listing_is(pinned + new))
    assert plan.keep_paging(plan.known_where_listing_is(new[:4] + pinned + new[4:]))  # the newest four above them
    assert plan.keep_paging(plan.known_where_listing_is(new[:4] + old[:1]))  # the list reaches the archive...
    assert not plan.keep_paging(plan.known_where_listing_is(new[:4] + old[:6]))  # ...and goes on inside it: stop
    assert not plan.keep_paging(plan.known_where_listing_is(old))  # nothing new: stop, as before


def test_a_post_dated_ahead_is_not_fetched_again_on_every_run():
    """A post dated 30 days ahead (scheduled, published early), its sitemap lastmod as far ahead: before, it was in
    the refresh window and "changed since stored" on every run, and fetched on every run."""
    url = "https://www.suarapos.com/dijadwalkan/"
    ahead = (NOW.timestamp() + 30 * 86400, 0.0, NOW.timestamp() - 3600)
    plan = CrawlPlan(now=NOW, previous_run_completed=True, stored={url: ahead}, modified_said={url: ahead[0]})
    assert not plan.changed_since_stored(url, "2026-12-29T14:00:00+07:00")
    assert not plan.should_fetch(url)
    assert plan.changed_since_stored(url, "2026-12-30T14:00:00+07:00")  # changed again since, ahead as it is


def test_the_plan_asks_the_archive_what_a_loaded_plan_reckoned_and_sees_what_the_run_found(tmp_path):
    """A plan of a million articles does not load them: it asks the archive, and its rolling re-check is one pass over
    an index. Both give what the plan gave from a dict of every article, times ahead of now and missing included;
    and what the run stores meanwhile does not change what the plan was told (a snapshot, as a loaded plan was)."""
    db = Database(tmp_path / "p.db")
    storage.upgrade(db)
    ages = [(f"a{i}", f"2026-{1 + i % 11:02d}-{1 + i % 27:02d}T0{i % 10}:00:00+07:00") for i in range(60)]
    seen = [
        "2026-11-29T09:00:00+07:00",
        "2026-11-01T09:00:00+07:00",
        "2027-06-01T09:00:00+07:00",
        "2026-09-09T09:00:00+07:00",
    ]
    with storage.transaction(db):
        for i, (url, published) in enumerate(ages):
            article = {"url": url, "title": "t", "published_at": published, "body": f"b {i}", "related": [],
                       "modified_at": None if i % 5 else "2027-01-01T00:00:00+07:00", "sections": [], "tags": []}  # fmt: skip
            storage.save_article(db, article, seen[i % len(seen)])
    lazy = CrawlPlan.load(db, now=NOW, recheck_per_run=12)
    loaded = CrawlPlan(now=NOW, recheck_per_run=12, stored={url: lazy.stored[url] for url, _ in ages})
    loaded.modified_said = {url: lazy.stored.modified_said(url) for url, _ in ages}
    assert len(lazy.to_recheck()) == 12 and lazy.to_recheck() == loaded.to_recheck()
    assert dict(lazy.stored.items()) == loaded.stored and len(lazy.stored) == 60
    ahead = "2027-02-01T00:00:00+07:00"
    assert [lazy.changed_since_stored(u, ahead) for u, _ in ages] == [
        loaded.changed_since_stored(u, ahead) for u, _ in ages
    ]
    storage.save_article(db, {**article, "url": "stored-during-the-run", "body": "new"}, "2026-11-29T14:01:00+07:00")
    assert not lazy.known("stored-during-the-run") and CrawlPlan.load(db, now=NOW).known("stored-during-the-run")
    lazy.close()


def test_a_plan_of_an_empty_archive_holds_no_snapshot_so_the_runs_writes_reach_the_file(tmp_path):
    """A first crawl or a rebuild into a new archive has nothing stored to ask about: a snapshot held for the run
    kept SQLite from writing any page back into the file (a 10,000-article rebuild left a 700 MB write-ahead log
    beside its 128 MB archive). Its writes are checkpointed into the file while the plan is alive; the plan still
    knows nothing of them."""
    db = storage.open_database(str(tmp_path / "new.db"), busy_timeout=5)
    storage.upgrade(db)
    plan = CrawlPlan.load(db, now=NOW, recheck_per_run=12)
    article = {"url": "stored-during-the-run", "title": "t", "published_at": "2026-11-29T09:00:00+07:00",
               "body": "b", "related": [], "modified_at": None, "sections": [], "tags": []}  # fmt: skip
    with storage.transaction(db):
        storage.save_article(db, article, "2026-11-29T14:01:00+07:00")
    busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert busy == 0 and (tmp_path / "new.db-wal").stat().st_size == 0  # every page written back into the file
    assert not plan.known("stored-during-the-run") and plan.to_recheck() == [] and list(plan.stored) == []
    assert not plan.has_articles and dict(plan.stored.items()) == {}
    plan.close()
    stored = storage.open_database(str(tmp_path / "old.db"), busy_timeout=5)
    storage.upgrade(stored)
    storage.save_article(stored, {**article, "url": "stored-before"}, "2026-11-29T14:01:00+07:00")
    held = CrawlPlan.load(stored, now=NOW)  # an archive with articles: read as the run found it, a snapshot
    with closing(sqlite3.connect(tmp_path / "old.db", timeout=0)) as other:  # busy at once, not in 5 s
        assert other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 1  # busy: the snapshot holds it
    assert held.known("stored-before")
    held.close()
