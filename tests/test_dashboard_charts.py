"""The dashboards' charts at any size: none cut at Datasette's 1,000 rows over ten years of articles, each counting
every article in its range, and their quick unfiltered reading (precomputed counts) equal to the filtered one.

Each chart's query is filled as the dashboard fills it (``datasette_dashboards.replace_opts_in_query``) and run on
an in-memory archive; tests/e2e/test_research.py asks a served copy for them."""

from __future__ import annotations

import pytest
import yaml
from datasette_dashboards import replace_opts_in_query
from sqlite_utils import Database

from suarapos_crawler import storage
from suarapos_crawler.enrich.watchlist import WatchTerm

from .storage.test_quotes_storage import other, seed_article
from .test_storage import article

ROOT_METADATA = yaml.safe_load(open("metadata.yml", encoding="utf-8"))  # noqa: SIM115 - read once, at import
BOARDS = ROOT_METADATA["plugins"]["datasette-dashboards"]
CHARTS = [(board, chart) for board, spec in BOARDS.items() for chart in spec["charts"]]
SECTIONS = [f"Rubrik {n}" for n in range(18)]
FILTERS = (
    {},
    {"section": "Rubrik 3"},
    {"date_start": "2020-01-01", "date_end": "2020-12-31"},
    {"date_start": "2024-06-01"},
)


def chart(db, board: str, name: str, **filters) -> list[dict]:
    return [dict(r) for r in db.query(replace_opts_in_query(BOARDS[board]["charts"][name]["query"], filters), filters)]


@pytest.fixture(scope="module")
def ten_years(upgraded_archive):
    """Ten years of 18 sections, 5 articles each a day (counted as the triggers count them), a crawl run a day."""
    db = Database(memory=True)
    upgraded_archive.conn.backup(db.conn)
    days = [r[0] for r in db.execute("WITH RECURSIVE d(day) AS (SELECT '2016-12-01' UNION ALL SELECT date(day, "
                                     "'+1 day') FROM d WHERE day < '2026-11-30') SELECT day FROM d")]  # fmt: skip
    db.conn.executemany(
        "INSERT INTO article_counts (day, section, region, articles) VALUES (?, ?, 'Bangka', 5)",
        [(day, section) for day in days for section in SECTIONS],
    )
    db.conn.executemany(
        "INSERT INTO crawl_runs (started_at, finished_at, status) VALUES (?, ?, 'ok')",
        [(f"{day}T07:00:00+07:00", f"{day}T07:01:00+07:00") for day in days],
    )
    return db


@pytest.mark.parametrize(("board", "name"), CHARTS)
def test_no_chart_is_cut_over_ten_years_of_eighteen_sections(ten_years, board, name):
    for filters in FILTERS:
        rows = chart(ten_years, board, name, **filters)
        assert len(rows) < 1000, (filters, len(rows))


def test_each_period_chart_counts_every_article_of_its_range(ten_years):
    total = 5 * len(SECTIONS) * ten_years.execute("SELECT COUNT(DISTINCT day) FROM article_counts").fetchone()[0]
    for board, name in (
        ("archive", "articles-per-day"),
        ("research", "weeks-by-section"),
        ("research", "weeks-by-region"),
    ):
        assert sum(r["articles"] for r in chart(ten_years, board, name)) == total
    year = chart(ten_years, "research", "weeks-by-section", date_start="2020-01-01", date_end="2020-12-31")
    assert sum(r["articles"] for r in year) == 5 * len(SECTIONS) * 366
    assert len({r["period"] for r in year}) == 53  # a year: by week (from Monday)
    ten = {r["period"] for r in chart(ten_years, "research", "weeks-by-section")}
    assert len(ten) == 41 and {"2020-01-01", "2020-04-01"} <= ten  # ten years: by quarter
    coverage = chart(ten_years, "research", "coverage-days")
    assert sum(r["days"] for r in coverage) == 3652 and {r["coverage"] for r in coverage} == {"crawled"}


def test_the_unfiltered_charts_read_from_the_precomputed_counts_what_the_filtered_read_from_the_articles(db):
    terms = [WatchTerm("Pranata Humas", "Pranata Humas"), WatchTerm("Bangka", "Bangka")]
    storage.rematch(db, terms)
    storage.save_article(db, seed_article(), "t1", terms)
    storage.save_article(db, other("https://www.suarapos.com/o/", "Warga Bangka menolak tambang.", 78), "t1", terms)
    storage.save_article(db, article(body="Di Bangka, kata Eko."), "t1", terms)
    every_day = {"date_start": "0000-01-01"}  # a filter that leaves every article in: the filtered reading
    for name in ("mentions-per-term", "most-quoted", "articles-per-section", "articles-per-region", "articles-count"):
        unfiltered = chart(db, "archive", name)
        assert unfiltered, name
        assert unfiltered == chart(db, "archive", name, **every_day), name
    assert chart(db, "archive", "articles-count") == [{"articles": 3}]
    assert chart(db, "archive", "voices-per-week")[0]["quotes"] == db["quotes"].count


def test_the_unfiltered_count_of_each_watched_terms_articles_is_read_from_an_index(db):
    """A million articles' 1.25 million mentions, read from the table and grouped, took over a second."""
    sql = replace_opts_in_query(BOARDS["archive"]["charts"]["mentions-per-term"]["query"], {})
    plan = " / ".join(r[3] for r in db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall())
    assert "SCAN article_mentions USING COVERING INDEX idx_article_mentions_label" in plan, plan
