"""The run's status and the close-time comparison with earlier runs."""

from __future__ import annotations

from suarapos_crawler import storage
from suarapos_crawler.run.status import compare_with_earlier, run_status


def stats(**kw):
    base = {
        "response_received_count": 50,
        "downloader/response_status_count/200": 50,
        "sqlite/articles_new": 40,
        "suarapos/listing_pages": 10,
        "suarapos/listed_articles": 100,
        "suarapos/article_pages": 40,
    }
    base.update(kw)
    return base


def test_ok():
    assert run_status(stats(), "finished", 5, [])[0] == "ok"


def test_unreachable_when_nothing_answered():
    assert run_status({"downloader/request_count": 12}, "finished", 5, [])[0] == "unreachable"


def test_blocked_by_403s():
    s = stats(
        **{
            "downloader/response_status_count/200": 1,
            "downloader/response_status_count/403": 49,
            "sqlite/articles_new": 0,
        }
    )
    assert run_status(s, "finished", 5, [])[0] == "blocked"


def test_site_changed_when_article_pages_yield_no_articles():
    assert run_status(stats(**{"sqlite/articles_new": 0}), "finished", 5, [])[0] == "site_changed"


def test_site_changed_when_listings_list_nothing():
    s = stats(**{"sqlite/articles_new": 0, "suarapos/article_pages": 0, "suarapos/listed_articles": 0})
    assert run_status(s, "finished", 5, [])[0] == "site_changed"


def test_listings_of_stored_articles_only_are_no_alarm():
    """A backfill of a complete archive, an unchanged site whose sections fit on one page: nothing to fetch."""
    s = stats(**{"sqlite/articles_new": 0, "suarapos/article_pages": 0})
    assert run_status(s, "finished", 5, []) == ("ok", "")


def test_a_site_failing_with_5xx_fails_the_run_but_a_few_broken_pages_do_not():
    storm = stats(
        **{
            "downloader/response_status_count/200": 20,
            "downloader/response_status_count/500": 200,
            "retry/max_reached": 50,
            "sqlite/articles_new": 2,
        }
    )
    assert run_status(storm, "finished", 5, [])[0] == "failed"
    # a scheduled run of 22 good answers and six pages that always fail (four tries each)
    few = stats(
        **{
            "response_received_count": 28,
            "downloader/response_status_count/200": 22,
            "downloader/response_status_count/500": 24,
            "retry/max_reached": 6,
        }
    )
    assert run_status(few, "finished", 5, [])[0] == "ok"


def test_lost_item_fails_and_is_named():
    status, why = run_status(stats(), "finished", 5, ["https://www.suarapos.com/a/"])
    assert status == "failed" and "https://www.suarapos.com/a/" in why


def test_errors_over_the_threshold_fail():
    assert run_status(stats(**{"log_count/ERROR": 6}), "finished", 5, [])[0] == "failed"
    assert run_status(stats(**{"log_count/ERROR": 5}), "finished", 5, [])[0] == "ok"


def test_interrupted_run_fails():
    assert run_status(stats(), "shutdown", 5, [])[0] == "failed"


def add_run(db, started, parsed, mode="default"):
    run_id = storage.start_run(db, "suarapos", "b", mode, started)
    storage.finish_run(
        db,
        run_id,
        {"status": "ok", "articles_new": parsed, "articles_updated": 0, "articles_unchanged": 0, "was_incremental": 1},
    )


def article(url, seen, author="Redaksi"):
    return {
        "url": url,
        "title": "T",
        "published_at": "2026-01-01T00:00:00+07:00",
        "body": "isi berita",
        "author": author,
        "section": "Daerah",
        "dateline": "SUARAPOS.COM",
        "sections": [],
        "tags": [],
        "related": [],
    }


def test_far_fewer_articles_than_usual_is_flagged(db):
    for day in range(1, 4):
        add_run(db, f"2026-01-0{day}T00:00:00+07:00", 100)
    run = {"mode": "default", "was_incremental": 1, "articles_new": 5, "articles_updated": 0, "articles_unchanged": 0}
    warnings = compare_with_earlier(db, run, "2026-01-05T00:00:00+07:00")
    assert any("far below the usual 100" in w for w in warnings)
    run["articles_new"] = 90
    assert compare_with_earlier(db, run, "2026-01-05T00:00:00+07:00") == []


def test_a_field_suddenly_empty_is_flagged(db):
    for i in range(20):
        storage.save_article(db, article(f"u{i}", "t"), "2026-01-01T00:00:00+07:00")
    for i in range(20, 35):
        storage.save_article(db, article(f"u{i}", "t", author=None), "2026-01-05T00:00:00+07:00")
    run = {"mode": "default", "was_incremental": 1, "articles_new": 15, "articles_updated": 0, "articles_unchanged": 0}
    warnings = compare_with_earlier(db, run, "2026-01-05T00:00:00+07:00")
    assert warnings == ["field author is empty on all 15 articles of this run"]


def test_known_bad_pages_failing_again_are_no_sign_of_a_site_change():
    again = stats(**{"sqlite/articles_new": 0, "suarapos/article_pages": 1, "suarapos/known_bad_pages": 1})
    assert run_status(again, "finished", 5, []) == ("ok", "")
    one_new_too = stats(**{"sqlite/articles_new": 0, "suarapos/article_pages": 2, "suarapos/known_bad_pages": 1})
    assert run_status(one_new_too, "finished", 5, [])[0] == "site_changed"


def test_six_pages_that_always_fail_do_not_fail_a_small_scheduled_run():
    """A one-section site's scheduled run asks for a few pages; six known to answer 500 fail again (four tries each)."""
    small = {
        "response_received_count": 30,
        "downloader/response_status_count/200": 6,
        "downloader/response_status_count/500": 24,
        "retry/max_reached": 6,
        "suarapos/listing_pages": 1,
        "suarapos/listed_articles": 10,
    }
    assert run_status(small, "finished", 5, [])[0] == "failed"  # unknown pages failing so: the site is failing
    assert run_status({**small, "suarapos/known_bad_failures": 6}, "finished", 5, []) == ("ok", "")
