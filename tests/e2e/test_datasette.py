"""Datasette, really started (`scrapy browse`), on the archive of a real two-day crawl of the sample site;
and a real headless Chromium that searches it and looks at the charts."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.crawl import ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
CANNED = {
    "search": "q=Cordela&section=&from_date=&to_date=",
    "articles_per_day": "section=&since=",
    "articles_per_week": "section=",
    "most_linked": "",
    "changed_after_publication": "",
    "duplicates_to_review": "",
    "rejects_to_review": "",
    "crawl_health": "",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site_url(two_days):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapy.cmdline", "browse", "--db", str(two_days["path"]), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError(proc.stdout.read().decode())
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return resp.read()


def rows(url: str) -> list[dict]:
    return json.loads(get(url))


def seed_url(two_days) -> str:
    return next(a["url"] for a in two_days["day2"]["articles"] if "seed_article" in a["traps"])


def test_search_finds_an_article_by_a_word_of_its_body(site_url, two_days):
    found = rows(f"{site_url}/suarapos/articles.json?_search=Cordela&_shape=array&_col=title")
    assert [r["url"] for r in found] == [seed_url(two_days)]


def test_search_is_not_stemmed_in_english(site_url):
    # "pembangunan" is a word; an English stemmer would not make "bangun" match it, and neither should we
    assert rows(f"{site_url}/suarapos/articles.json?_search=pembangunan&_shape=array&_col=title")
    assert rows(f"{site_url}/suarapos/articles.json?_search=pembangunans&_shape=array") == []


@pytest.mark.parametrize("name", sorted(CANNED))
def test_every_canned_query_answers_with_rows(site_url, name):
    data = rows(f"{site_url}/suarapos/{name}.json?_shape=array&{CANNED[name]}")
    assert data, name


def test_changed_article_shows_what_changed(site_url):
    data = rows(f"{site_url}/suarapos/changed_after_publication.json?_shape=array")
    assert data[0]["title_after"].endswith("(Ralat)") and "title" in data[0]["what_changed"]


@pytest.mark.parametrize("facet", ["section", "author", "tags", "published_at"])
def test_facets_respond(site_url, facet):
    data = rows(f"{site_url}/suarapos/articles.json")
    assert facet in data["facet_results"] and data["facet_results"][facet]["results"]


def test_facet_by_tag_through_the_many_to_many_table(site_url):
    data = rows(f"{site_url}/suarapos/article_tags.json")
    assert data["facet_results"]["tag"]["results"]


def test_titles_and_descriptions(site_url):
    assert "One row per article" in get(f"{site_url}/suarapos/articles").decode()
    assert "Suarapos archive" in get(f"{site_url}/").decode()


def test_internal_tables_are_hidden(site_url):
    tables = {t["name"]: t for t in rows(f"{site_url}/suarapos.json")["tables"]}
    assert tables["articles_fts"]["hidden"] and not tables["articles"]["hidden"]


def test_read_only(site_url):
    with pytest.raises(urllib.error.HTTPError):
        get(f"{site_url}/suarapos.json?sql=" + urllib.parse.quote("DELETE FROM articles"))


def test_csv_export_cannot_carry_a_spreadsheet_formula(site_url):
    body = get(
        f"{site_url}/suarapos.csv?sql=" + urllib.parse.quote("SELECT '=HYPERLINK(\"x\")' AS f, -5 AS n")
    ).decode()
    assert body.startswith("f,n\r\n\"'=HYPERLINK")  # the formula is text now
    assert body.endswith(",-5\r\n")  # a negative number stays a number


def test_snippets_mark_matches_and_escape_text(site_url):
    page = get(f"{site_url}/suarapos/search?q=Cordela&section=&from_date=&to_date=").decode()
    assert "<mark>Cordela</mark>" in page


def test_markup_in_a_title_is_shown_as_text(site_url):
    page = get(f"{site_url}/suarapos/articles?_search=" + urllib.parse.quote("Palsu WhatsApp")).decode()
    assert "&lt;script&gt;" in page and "Tautan <script>" not in page


def test_publish_makes_a_consistent_snapshot(two_days, tmp_path):
    out = tmp_path / "pub" / "suarapos.db"
    done = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "publish", "-s", f"SQLITE_PATH={two_days['path']}", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    snap = sqlite3.connect(out)
    assert snap.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert snap.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert snap.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == two_days["db"]["articles"].count
    assert not Path(str(out) + "-wal").exists()


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.fail("Debian's chromium is not installed (.ci/run installs it)")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(chromium),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


def test_a_person_searches_and_sees_the_charts(browser, site_url, two_days):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{site_url}/suarapos/articles")
    assert page.locator("table.rows-and-columns tbody tr").count() > 10
    page.fill("input[name=_search]", "Cordela")
    page.press("input[name=_search]", "Enter")
    page.wait_for_url("**_search=Cordela**")
    assert page.locator("table.rows-and-columns tbody tr").count() == 1
    assert "Tingkatkan Kompetensi Pranata Humas" in page.inner_text("table.rows-and-columns")
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

    page.goto(f"{site_url}/charts")
    page.wait_for_selector("body[data-charts-ready]", timeout=15000)
    assert page.get_attribute("body", "data-charts-ready") == "yes"
    assert page.locator("#per-day svg rect").count() > 10
    assert page.locator("#runs svg rect").count() == 2  # the two runs of the crawl
    page.screenshot(path=str(ARTIFACTS / "charts.png"), full_page=True)
    assert (ARTIFACTS / "charts.png").stat().st_size > 10_000


def test_a_title_with_markup_runs_no_script_in_the_browser(browser, site_url):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{site_url}/suarapos/articles?_search=" + urllib.parse.quote("Palsu WhatsApp"))
    assert "Tautan <script> Palsu" in page.inner_text("table.rows-and-columns")
    assert dialogs == []
