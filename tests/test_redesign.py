"""The redesign verdict at the end of a run: this run's readings against the last good runs'."""

from __future__ import annotations

import json

from sqlite_utils import Database

from suarapos_crawler import storage
from suarapos_crawler.run.redesign import FIELDS, RedesignThresholds, earlier_coverage, redesign_verdict

LIMITS = RedesignThresholds(fallback_share=0.2, min_articles=5, coverage_drop=0.2)


def readings(n: int, fallback: int = 0, theme: str = "newspaper", **missing: int) -> dict:
    """Stats of a run that read ``n`` articles, ``fallback`` of them by the fallback, some fields missing on some."""
    stats = {f"suarapos/read/{theme}": n - fallback}
    if fallback:
        stats["suarapos/read/fallback"] = fallback
    for field in FIELDS:
        stats[f"suarapos/read_fields/{field}"] = n - missing.get(field, 0)
    return stats


def good_run(db: Database, stats: dict) -> int:
    run_id = storage.start_run(db, "suarapos", "http://127.0.0.1:1", "default")
    storage.finish_run(db, run_id, {"status": "ok", "stats": json.dumps(stats)})
    return run_id


def test_a_run_read_mostly_by_the_fallback_is_a_redesign_and_says_what_to_do():
    verdict = redesign_verdict(readings(40, fallback=38), {}, LIMITS)
    assert "38 of 40 articles (95%)" in verdict and "scrapy themes learn" in verdict and "reextract" in verdict


def test_an_ordinary_run_is_not_a_redesign(db):
    good_run(db, readings(300, tags=60))
    baseline = earlier_coverage(db, before_run=99)
    assert redesign_verdict(readings(12, tags=6), baseline, LIMITS) is None


def test_a_field_that_stopped_being_read_is_named_with_its_coverage(db):
    good_run(db, readings(300))
    good_run(db, readings(20))
    verdict = redesign_verdict(readings(20, author=20), earlier_coverage(db, before_run=99), LIMITS)
    assert "author 100% → 0%" in verdict


def test_too_few_articles_say_nothing():
    assert redesign_verdict(readings(3, fallback=3), {}, LIMITS) is None


def test_only_good_runs_before_this_one_make_the_baseline(db):
    good_run(db, readings(100))
    later = good_run(db, readings(100, author=100))
    assert earlier_coverage(db, before_run=later)["author"] == 1.0
