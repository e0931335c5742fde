"""The report's figures, page and workbook (report/), on an archive in memory."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from suarapos_crawler import storage
from suarapos_crawler.enrich.watchlist import WatchTerm
from suarapos_crawler.report.figures import PeriodError, parse_period, report_figures
from suarapos_crawler.report.page import render_report
from suarapos_crawler.report.workbook import write_workbook
from tests.test_storage import article


def test_a_week_is_an_iso_week_and_a_month_a_calendar_month():
    week = parse_period(week="2026-W01")
    assert (week.first, week.last, week.before().label) == (date(2025, 12, 29), date(2026, 1, 4), "2025-W52")
    month = parse_period(month="2024-02")
    assert (month.first, month.last, len(month.days), month.before().label) == (
        date(2024, 2, 1), date(2024, 2, 29), 29, "2024-01")  # fmt: skip
    assert parse_period(month="2026-12").before().before().label == "2026-10"


@pytest.mark.parametrize(
    ("week", "month"), [("2026-49", None), ("2026-W54", None), (None, "2026-13"), (None, "12-2026")]
)
def test_a_period_not_written_right_is_refused_with_its_form(week, month):
    with pytest.raises(PeriodError, match=r"YYYY|no such"):
        parse_period(week, month)


@pytest.fixture
def archive(db):
    storage.rematch(db, [WatchTerm("Diskominfo Babel", "Diskominfo Babel"), WatchTerm("Timah", "Timah")])
    terms = storage.watched_terms(db)
    rows = [
        ("a", "2026-11-30T08:00:00+07:00", "Politik", "Diskominfo Babel menggelar rapat.\n\nRapat berjalan lancar."),
        ("b", "2026-12-02T23:30:00+07:00", "Politik", "Rapat di Koba membahas jalan desa.\n\nWarga hadir. (rls)"),
        ("c", "2026-12-06T10:00:00+07:00", "Ekonomi", "Diskominfo Babel dan Diskominfo Babel lagi.\n\nSelesai."),
        ("d", "2026-12-07T00:10:00+07:00", "Ekonomi", "Minggu depan: artikel pekan berikutnya.\n\nSelesai."),
    ]
    for i, (slug, when, section, body) in enumerate(rows):
        url = f"https://www.suarapos.com/{slug}/"
        title = '=HYPERLINK("http://x")' if slug == "c" else f"Judul {slug}"
        storage.save_article(db, article(url, post_id=i, published_at=when, section=section, sections=[section],
                                         body=body, content_hash=url, title=title), "t1", terms)  # fmt: skip
    return db


def test_a_weeks_figures_count_the_wib_days_of_its_monday_to_sunday(archive):
    f = report_figures(archive, parse_period(week="2026-W49"))
    assert f["articles"] == 3 and f["articles_before"] == 0
    assert f["per_day"] == [("2026-11-30", 1), ("2026-12-01", 0), ("2026-12-02", 1), ("2026-12-03", 0),
                            ("2026-12-04", 0), ("2026-12-05", 0), ("2026-12-06", 1)]  # fmt: skip
    assert f["sections"] == [("Politik", 2), ("Ekonomi", 1)]
    assert dict(f["kinds"]) == {"news": 2, "press_release": 1}
    assert [p["url"][-3:] for p in f["press_releases"]] == ["/b/"]
    diskominfo = next(t for t in f["terms"] if t["term"] == "Diskominfo Babel")
    assert (diskominfo["articles"], diskominfo["mentions"], [a["url"][-3:] for a in diskominfo["top"]]) == (
        2,
        3,
        ["/c/", "/a/"],
    )
    assert next(t for t in f["terms"] if t["term"] == "Timah")["articles"] == 0


def test_the_page_and_the_workbook_show_the_figures_and_run_nothing(archive, tmp_path):
    f = report_figures(archive, parse_period(week="2026-W49"))
    html = render_report(f, "data/suarapos.db")
    assert "<script" not in html and "http" not in html.split("<body>")[0]  # nothing fetched, nothing run
    assert "=HYPERLINK(&#34;http://x&#34;)" in html or "=HYPERLINK(&quot;http://x&quot;)" in html
    write_workbook(f, tmp_path / "r.xlsx")
    book = load_workbook(tmp_path / "r.xlsx")
    listed = [[c.value for c in row] for row in book["Articles"].iter_rows(min_row=2)]
    assert [row[1] for row in listed] == ["Judul a", "Judul b", '=HYPERLINK("http://x")']
    assert book["Articles"]["B4"].data_type == "s"  # text, not a formula
    assert [[c.value for c in row] for row in book["By section"].iter_rows(min_row=2)] == [
        ["Politik", 2],
        ["Ekonomi", 1],
    ]
