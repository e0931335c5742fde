"""The researcher's page on a published copy: articles per week by section and region, region × week, and the
coverage of every day, with counts equal to the SQL; a day with no crawl run shows as a gap. The crawls run on
days of their own (faketime sets the clock the crawler reads), as a scheduled archive's do."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
import yaml
from datasette_dashboards import replace_opts_in_query
from sqlite_utils import Database

from suarapos_crawler.sample_site.process import SampleSiteProcess
from tests.e2e.conftest import DB, browsing
from tests.e2e.crawl import ROOT, crawl_args

pytestmark = pytest.mark.e2e
NOW = "2026-12-09T09:00:00+07:00"  # the sample's day 1; its day 3 is 2026-12-11
CRAWLED_ON = {1: "2026-12-09 03:30:00", 3: "2026-12-11 03:30:00"}  # UTC: 10:30 WIB; 2026-12-10 has no run
SKIPPED_DAY = "2026-12-10"
CHARTS = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))["plugins"]["datasette-dashboards"]


def crawl_on(day: int, base_url: str, db) -> None:
    if not shutil.which("faketime"):
        pytest.fail("faketime is not installed (.ci/run installs it: apt-get install faketime)")
    done = subprocess.run(
        ["faketime", "-f", "@" + CRAWLED_ON[day], *crawl_args(base_url, db, log_level="INFO")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def research(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("research")
    db = tmp / "suarapos.db"
    with SampleSiteProcess(articles=300, now=NOW, port=0) as site:
        port = int(site.base_url.rsplit(":", 1)[1])
        crawl_on(1, site.base_url, db)
    with SampleSiteProcess(articles=300, now=NOW, day=3, port=port) as site:
        crawl_on(3, site.base_url, db)
    snapshot = tmp / "published" / f"{DB}.db"
    made = subprocess.run([sys.executable, "-m", "scrapy.cmdline", "publish", "--db", str(db), "--out", str(snapshot)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert made.returncode == 0, made.stderr
    with browsing(snapshot, "--immutable") as url:
        yield {"url": url, "db": Database(db)}


def chart_rows(research, chart: str, dashboard: str = "research", **filters) -> list[dict]:
    """A chart's rows as the dashboard asks the published copy for them, and as SQLite gives them."""
    query = replace_opts_in_query(CHARTS[dashboard]["charts"][chart]["query"], filters)
    served = json.loads(urllib.request.urlopen(
        f"{research['url']}/{DB}.json?" + urllib.parse.urlencode({"sql": query, **filters, "_shape": "objects"})
    ).read())["rows"]  # fmt: skip
    direct = [dict(r) for r in research["db"].query(query, filters)]
    assert served == direct, chart
    return served


def test_the_researchers_charts_answer_on_the_published_copy_with_the_counts_of_the_sql(research):
    db = research["db"]
    by_section = chart_rows(research, "weeks-by-section")
    assert sum(r["articles"] for r in by_section) == db["articles"].count
    by_region = chart_rows(research, "weeks-by-region", section="Politik")
    assert (
        sum(r["articles"] for r in by_region)
        == db.execute("SELECT COUNT(*) FROM articles WHERE section = 'Politik'").fetchone()[0]
    )
    assert chart_rows(research, "region-week-table") and chart_rows(research, "corrections-per-week")


def test_a_day_with_no_crawl_run_shows_as_a_gap(research, browser):
    gaps = {r["day"]: r for r in chart_rows(research, "coverage-gaps")}
    assert gaps[SKIPPED_DAY]["coverage"] == "the archive was not running"
    assert gaps[SKIPPED_DAY]["why"].startswith("no crawl run that day")
    assert all(
        gaps.get(day, {}).get("coverage") != "the archive was not running" for day in ("2026-12-09", "2026-12-11")
    )
    page = browser.new_page(viewport={"width": 1400, "height": 2400})
    page.goto(research["url"] + "/-/dashboards/research")
    page.wait_for_selector("#chart-coverage-gaps table")
    assert SKIPPED_DAY in page.locator("#chart-coverage-gaps").inner_text()
    count = page.locator("#chart-articles-count").inner_text()
    assert str(research["db"]["articles"].count) in count.replace(",", "")
    page.wait_for_selector("#chart-region-week-heat svg, #chart-region-week-heat canvas")
    page.close()


def test_arbitrary_sql_is_still_denied_on_the_published_copy(research):
    query = replace_opts_in_query(CHARTS["research"]["charts"]["weeks-by-section"]["query"], {}) + " "
    with pytest.raises(urllib.error.HTTPError) as denied:
        urllib.request.urlopen(f"{research['url']}/{DB}.json?" + urllib.parse.urlencode({"sql": query}))
    assert denied.value.code == 403


def test_the_per_day_chart_keeps_the_whole_range_in_view(research):
    """By day it was cut at Datasette's 1,000 rows, weeks before the archive's end, with only a tooltip to say so:
    it now counts by week, month or year as the range needs, every article in it."""
    rows = chart_rows(research, "articles-per-day", dashboard="archive")
    assert len(rows) < 1000 and sum(r["articles"] for r in rows) == research["db"]["articles"].count
    days = {r["period"] for r in chart_rows(research, "articles-per-day", dashboard="archive", date_start="2026-12-01")}
    assert "2026-12-10" in days  # a short range: by day
