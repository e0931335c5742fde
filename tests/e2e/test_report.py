"""`scrapy report` end to end on the two-day archive (watched terms, quotes, a correction on day 2): the HTML,
the XLSX and the PDF it writes show the figures the SQL gives, and the page looks right in Chromium."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from openpyxl import load_workbook

from suarapos_crawler.report.figures import parse_period
from tests.e2e.crawl import ROOT

pytestmark = pytest.mark.e2e
A4_WIDTH = 794  # CSS px of an A4 page


def report(archive, out, *extra):
    return subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "report", "--db", str(archive), "--out", str(out), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def week(two_days, tmp_path_factory):
    """The report of the week of day 2 (its correction), and what the SQL says of that week."""
    day = date.fromisoformat(two_days["day2"]["now"][:10])
    year, number, _ = day.isocalendar()
    label = f"{year}-W{number:02d}"
    period = parse_period(week=label)
    out = tmp_path_factory.mktemp("report")
    done = report(two_days["path"], out, "--week", label)
    assert done.returncode == 0, done.stderr
    db = two_days["db"]
    days = {"first": period.first.isoformat(), "last": period.last.isoformat()}
    where = "published_day BETWEEN :first AND :last"
    sql = {
        "total": db.execute(f"SELECT COUNT(*) FROM articles WHERE {where}", days).fetchone()[0],
        "sections": dict(db.execute(f"SELECT section, COUNT(*) FROM articles WHERE {where} GROUP BY section", days).fetchall()),
        "terms": dict(db.execute(
            "SELECT w.label, COUNT(m.article_url) FROM watch_terms w LEFT JOIN article_mentions m ON m.term = w.term "
            f"AND m.article_url IN (SELECT url FROM articles WHERE {where}) GROUP BY w.term", days).fetchall()),
        "corrected": db.execute(
            "SELECT COUNT(DISTINCT url) FROM article_versions WHERE substr(replaced_at, 1, 10) BETWEEN :first AND :last",
            days).fetchone()[0],
        "releases": db.execute(f"SELECT COUNT(*) FROM articles WHERE {where} AND kind = 'press_release'", days).fetchone()[0],
    }  # fmt: skip
    return {"out": out, "label": label, "sql": sql, "stdout": done.stdout}


def test_the_workbook_holds_the_figures_of_the_sql(week):
    book = load_workbook(week["out"] / "report.xlsx")
    summary = {row[0].value: row[1].value for row in book["Summary"].iter_rows(min_row=2)}
    assert summary["Articles"] == week["sql"]["total"] > 20
    assert summary["Corrected"] == week["sql"]["corrected"] >= 1
    assert {r[0].value: r[1].value for r in book["By section"].iter_rows(min_row=2)} == week["sql"]["sections"]
    assert {r[0].value: r[1].value for r in book["Watched terms"].iter_rows(min_row=2)} == week["sql"]["terms"]
    assert book["Articles"].max_row - 1 == week["sql"]["total"]
    assert book["Press releases"].max_row - 1 == week["sql"]["releases"]


def test_the_pdf_prints_the_same_figures(week):
    pypdf = pytest.importorskip("pypdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(week["out"] / "report.pdf").pages)
    assert f"week {week['label']}" in text
    for label in week["sql"]["terms"]:
        assert label in text
    assert f"Corrections ({week['sql']['corrected']})" in text
    assert f"Press releases run ({week['sql']['releases']})" in text


def test_the_page_looks_right_in_chromium(browser, week):
    page = browser.new_page(viewport={"width": A4_WIDTH, "height": 1123})
    scripts_ran = []
    page.on("request", lambda r: scripts_ran.append(r.url) if not r.url.startswith("file:") else None)
    page.goto((week["out"] / "report.html").as_uri())
    assert page.locator("#total-articles strong").inner_text() == f"{week['sql']['total']:,}"
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_WIDTH  # nothing cut at the page's edge
    charts = page.eval_on_selector_all("svg.chart", "els => els.map(e => e.getBoundingClientRect().height)")
    assert len(charts) == 3 and all(h > 40 for h in charts), charts
    bars = page.eval_on_selector_all("#by-section rect", "els => els.map(e => +e.getAttribute('width'))")
    assert len(bars) == min(16, len(week["sql"]["sections"])) and max(bars) > 200
    shown = page.eval_on_selector_all("#by-section text", "els => els.map(e => e.textContent)")
    top = sorted(week["sql"]["sections"].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    assert shown[:2] == [top[0], str(top[1])]
    rows = page.eval_on_selector_all("tr.term", "els => els.map(e => [e.cells[0].innerText, +e.cells[1].innerText])")
    assert dict(rows) == week["sql"]["terms"]
    shot = page.screenshot(full_page=True)
    assert len(shot) > 20_000  # a page with charts, not a blank one
    assert scripts_ran == []  # nothing fetched from a network
    page.close()


def test_a_period_written_wrong_or_an_archive_that_is_none_is_refused_in_one_line(two_days, tmp_path):
    wrong = report(two_days["path"], tmp_path, "--week", "2026-49")
    assert wrong.returncode == 2 and len(wrong.stderr.strip().splitlines()) == 1, wrong.stderr
    (tmp_path / "notes.txt").write_text("not an archive", encoding="utf-8")
    none = report(tmp_path / "notes.txt", tmp_path / "out", "--month", "2026-12")
    assert none.returncode == 6 and len(none.stderr.strip().splitlines()) == 1 and not (tmp_path / "out").exists()
