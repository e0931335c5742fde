"""Datasette, really started (`scrapy browse`), on the archive of a real two-day crawl of the sample site;
and a real headless Chromium that searches it and looks at the charts."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from datasette.utils import tilde_encode

from tests.e2e.conftest import DB, WATCHED, browsing
from tests.e2e.crawl import ROOT, another_applications_database

ARTIFACTS = ROOT / "tests" / "artifacts"
CANNED = {
    "search": "q=Cordela&section=&from_date=&to_date=&page=",
    "articles_per_day": "section=&since=",
    "articles_per_week": "section=",
    "most_linked": "since=",
    "changed_after_publication": "",
    "duplicates_to_review": "",
    "rejects_to_review": "",
    "crawl_health": "",
    "mentions": "term=Diskominfo+Babel",
    "mentions_per_week": "term=&since=",
    "coverage_by_region": "from_date=&to_date=",
    "who_said_what": "q=kompetensi&speaker=&section=&from_date=&to_date=&page=",
    "most_quoted": "section=&from_date=&to_date=",
    "person": "name=Eko+Kurniawan",
    "person_feed": "name=Eko+Kurniawan",
    "voices_per_week": "section=&since=",
}


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return resp.read()


def rows(url: str) -> list[dict]:
    return json.loads(get(url))


def seed_url(two_days) -> str:
    return next(a["url"] for a in two_days["day2"]["articles"] if "seed_article" in a["traps"])


def test_search_finds_an_article_by_a_word_of_its_body(site_url, two_days):
    found = rows(f"{site_url}/{DB}/articles.json?_search=Cordela&_shape=array&_col=title")
    assert [r["url"] for r in found] == [seed_url(two_days)]


def test_search_is_not_stemmed_in_english(site_url):
    # "pembangunan" is a word; an English stemmer would not make "bangun" match it, and neither should we
    assert rows(f"{site_url}/{DB}/articles.json?_search=pembangunan&_shape=array&_col=title")
    assert rows(f"{site_url}/{DB}/articles.json?_search=pembangunans&_shape=array") == []


def test_the_search_finds_every_form_of_a_word_the_form_typed_first(site_url, served):
    """No article of the sample says "penangkapan"; every one that says a form of tangkap is found."""
    search = f"{site_url}/{DB}/search.json?_shape=array&section=&from_date=&to_date=&page="
    found = rows(f"{search}&q=penangkapan")
    forms = next(
        sqlite3_rows(
            served, "SELECT COUNT(*) AS n FROM articles WHERE body_stems || ' ' || title_stems LIKE '%tangkap%'"
        )
    )
    assert found and len(found) == min(forms["n"], 50)
    assert all("tangkap" in (r["title"] + r["snippet"]).lower() for r in found)
    exact = rows(f"{search}&q=menyelenggarakan")
    assert exact and rows(f"{search}&q=penyelenggaraan")[0]["article_url"] in {r["article_url"] for r in exact}


def test_every_article_has_one_region_and_the_region_facet_adds_up(site_url, served):
    data = json.loads(get(f"{site_url}/{DB}/articles.json?_facet=region&_size=0&_facet_size=max"))
    facet = data["facet_results"]
    facet = facet.get("results", facet)  # where Datasette versions put it
    counts = {r["value"]: r["count"] for r in facet["region"]["results"]}
    assert (
        sum(counts.values())
        == data["filtered_table_rows_count"]
        == next(sqlite3_rows(served, "SELECT COUNT(*) AS n FROM articles"))["n"]
    )
    assert None not in counts and {"Pangkalpinang", "Belitung Timur", "Bangka Belitung (provinsi)"} <= set(counts)


# ---- watchlists and feeds -------------------------------------------------------------------
ATOM = "{http://www.w3.org/2005/Atom}"


def counted_in_truth(truth: dict, term: str) -> dict[str, int]:
    """Articles saying ``term`` (as a phrase of whole words, any case), counted from the sample's truth."""
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, term.split())) + r"(?!\w)", re.I)
    counts = {a["url"]: len(pattern.findall(a["title"] + "\n" + a["body"])) for a in truth["articles"]}
    return {url: n for url, n in counts.items() if n}


def test_the_mentions_of_each_watched_term_are_those_the_truth_counts(served, two_days):
    stored = {r["url"] for r in sqlite3_rows(served, "SELECT url FROM articles")}
    for term in WATCHED:
        want = {u: n for u, n in counted_in_truth(two_days["day2"], term).items() if u in stored}
        found = {
            r["article_url"]: r["count"]
            for r in sqlite3_rows(served, "SELECT article_url, count FROM article_mentions WHERE term = ?", [term])
        }
        assert want and found == want, term


def test_each_term_has_an_atom_feed_of_the_newest_articles_that_mention_it(site_url, served):
    feed = ElementTree.fromstring(get(f"{site_url}/{DB}/mentions.atom?term=Pangkalpinang"))
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 50
    for entry in entries:
        assert entry.findtext(f"{ATOM}id") and entry.findtext(f"{ATOM}title")
        assert entry.find(f"{ATOM}link").get("href").startswith("http://127.0.0.1")
    updated = [datetime.fromisoformat(e.findtext(f"{ATOM}updated")) for e in entries]
    assert updated == sorted(updated, reverse=True)
    newest = next(
        sqlite3_rows(
            served,
            "SELECT a.url FROM article_mentions m JOIN articles a ON a.url = m.article_url "
            "WHERE m.term = 'Pangkalpinang' ORDER BY a.published_at DESC LIMIT 1",
        )
    )["url"]
    assert entries[0].findtext(f"{ATOM}id") == newest


def test_a_terms_feed_is_the_same_whatever_the_case_it_is_typed_in(site_url):
    """A PR officer types the term as it comes: "diskominfo babel" gave an empty feed."""
    ids = [
        [
            e.findtext(f"{ATOM}id")
            for e in ElementTree.fromstring(get(f"{site_url}/{DB}/mentions.atom?term={t}")).findall(f"{ATOM}entry")
        ]  # fmt: skip
        for t in ("Diskominfo+Babel", "diskominfo+babel", "DISKOMINFO+BABEL")
    ]
    assert ids[0] and ids[0] == ids[1] == ids[2] and not ids[0][0].startswith("urn:suarapos:no-mention")


def test_each_feed_is_titled_with_the_term_or_person_it_follows(site_url):
    """Two feeds in a reader were both "Mentions of a watched term": which is which?"""
    titles = {
        ElementTree.fromstring(get(f"{site_url}/{DB}/{query}.atom?{urllib.parse.urlencode({key: value})}")).findtext(
            f"{ATOM}title"
        )
        for query, key, value in (
            ("mentions", "term", "Pangkalpinang"),
            ("mentions", "term", "Diskominfo Babel"),
            ("person_feed", "name", "Eko Kurniawan"),
            ("mentions", "term", "<b>&"),
        )  # fmt: skip
    }
    assert len(titles) == 4 and all(
        t.endswith(("Pangkalpinang", "Diskominfo Babel", "Eko Kurniawan", "<b>&")) for t in titles
    )


def test_a_term_nobody_mentions_has_a_feed_that_says_so(site_url):
    feed = ElementTree.fromstring(get(f"{site_url}/{DB}/mentions.atom?term=Tidak+Ada"))
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == [
        "No stored article mentions Tidak Ada yet"
    ]


def test_a_term_added_to_the_watchlist_is_matched_over_the_archive_without_a_crawl(served, two_days, tmp_path):
    archive = tmp_path / "copy.db"
    shutil.copy(served, archive)
    watchlist = tmp_path / "watchlist.yml"
    watchlist.write_text("\n".join(f"- {t}" for t in (*WATCHED, "Bangka Selatan")) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "rematch", "--db", str(archive), "--watchlist", str(watchlist)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "4 terms" in done.stdout, done.stderr
    stored = {r["url"] for r in sqlite3_rows(archive, "SELECT url FROM articles")}
    want = {u: n for u, n in counted_in_truth(two_days["day2"], "Bangka Selatan").items() if u in stored}
    found = dict(archive_rows(archive, "Bangka Selatan"))
    assert want and found == want


def archive_rows(path, term):
    return [
        (r["article_url"], r["count"])
        for r in sqlite3_rows(path, "SELECT * FROM article_mentions WHERE term = ?", [term])
    ]


@pytest.mark.parametrize("name", sorted(CANNED))
def test_every_canned_query_answers_with_rows(site_url, name):
    data = rows(f"{site_url}/{DB}/{name}.json?_shape=array&{CANNED[name]}")
    assert data, name


def test_changed_article_shows_what_changed(site_url):
    data = rows(f"{site_url}/{DB}/changed_after_publication.json?_shape=array")
    assert data[0]["title_after"].endswith("(Ralat)") and "title" in data[0]["what_changed"]


@pytest.mark.parametrize("facet", ["section", "author", "tags", "published_day", "region", "kind"])
def test_facets_respond(site_url, facet):
    data = rows(f"{site_url}/{DB}/articles.json")
    assert facet in data["facet_results"] and data["facet_results"][facet]["results"]


def test_facet_by_tag_through_the_many_to_many_table(site_url):
    data = rows(f"{site_url}/{DB}/article_tags.json")
    assert data["facet_results"]["tag"]["results"]


def test_titles_and_descriptions(site_url):
    assert "One row per article" in get(f"{site_url}/{DB}/articles").decode()
    assert "Suarapos archive" in get(f"{site_url}/").decode()


def test_internal_tables_are_hidden(site_url):
    tables = {t["name"]: t for t in rows(f"{site_url}/{DB}.json")["tables"]}
    assert tables["articles_fts"]["hidden"] and not tables["articles"]["hidden"]


def test_read_only(site_url):
    with pytest.raises(urllib.error.HTTPError):
        get(f"{site_url}/{DB}.json?sql=" + urllib.parse.quote("DELETE FROM articles"))


def test_csv_export_cannot_carry_a_spreadsheet_formula(site_url):
    body = get(f"{site_url}/{DB}.csv?sql=" + urllib.parse.quote("SELECT '=HYPERLINK(\"x\")' AS f, -5 AS n"))
    assert body.startswith("\ufeff".encode())  # a byte-order mark, for a spreadsheet opened by a double click
    body = body.decode("utf-8-sig")
    assert body.startswith("f,n\r\n\"'=HYPERLINK")  # the formula is text now
    assert body.endswith(",-5\r\n")  # a negative number stays a number


def test_snippets_mark_matches_and_escape_text(site_url):
    page = get(f"{site_url}/{DB}/search?q=Cordela&section=&from_date=&to_date=&page=").decode()
    assert "<mark>Cordela</mark>" in page


def test_markup_in_a_title_is_shown_as_text(site_url):
    page = get(f"{site_url}/{DB}/articles?_search=" + urllib.parse.quote("Palsu WhatsApp")).decode()
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


def publish(db: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "publish", "-s", f"SQLITE_PATH={db}", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_publish_never_writes_over_the_archive_a_live_archive_or_a_file_not_its_own(two_days, tmp_path):
    archive = tmp_path / "suarapos.db"
    shutil.copy(two_days["path"], archive)
    live = tmp_path / "demo.db"
    shutil.copy(two_days["path"], live)
    with sqlite3.connect(live) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
    notes = tmp_path / "notes.db"
    notes.write_text("my notes\n")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("PRAGMA application_id = 42")
        conn.execute("CREATE TABLE t (x)")
    cases = {
        archive: "is the archive itself",
        Path(f"{archive}-wal"): "is the archive itself",
        tmp_path / "." / "suarapos.db": "is the archive itself",
        live: "is a live archive, not a snapshot",
        notes: "is not a SQLite file",
        other: "is another application's database",
        tmp_path: "is a folder",
    }
    for out, said in cases.items():
        before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
        done = publish(archive, out)
        assert done.returncode == 1 and said in done.stderr, (out, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before, out
    snap = tmp_path / "pub" / "suarapos.db"
    assert publish(archive, snap).returncode == 0
    assert publish(archive, snap).returncode == 0  # a snapshot is replaced by the next one
    assert (
        publish(tmp_path / "missing.db", snap).stderr
        == f"suarapos-crawler: not published: no archive at {tmp_path / 'missing.db'}\n"
    )


DASHBOARD = yaml.safe_load((ROOT / "metadata.yml").read_text())["plugins"]["datasette-dashboards"]["archive"]


def draw(page) -> list[str]:
    """Wait for every chart of the dashboard to be drawn (a Vega view, or the metric's number); their names."""
    for name, chart in DASHBOARD["charts"].items():
        drawn = f"#chart-{name} svg, #chart-{name} canvas" if chart["library"] != "metric" else f"#chart-{name} p"
        page.wait_for_selector(drawn, timeout=15000)
    return list(DASHBOARD["charts"])


def two_days_count(two_days) -> int:
    return two_days["db"].execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def test_a_person_searches_and_sees_the_dashboard(browser, site_url, two_days):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{site_url}/{DB}/articles")
    assert page.locator("table.rows-and-columns tbody tr").count() > 10
    page.fill("input[name=_search]", "Cordela")
    page.press("input[name=_search]", "Enter")
    page.wait_for_url("**/search?q=Cordela**")  # the table's search box leads to the search that reads what people type
    assert page.locator("table.rows-and-columns tbody tr").count() == 1
    assert "Tingkatkan Kompetensi Pranata Humas" in page.inner_text("table.rows-and-columns")
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)

    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{site_url}/-/dashboards/archive")
    charts = draw(page)
    assert len(charts) == len(DASHBOARD["charts"]) == 10
    assert page.inner_text("#chart-articles-count").strip() == str(two_days_count(two_days))
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    assert (ARTIFACTS / "dashboard.png").stat().st_size > 50_000
    assert asked and all(url.startswith(site_url + "/") for url in asked)  # no outside script or data


def test_a_title_with_markup_runs_no_script_in_the_browser(browser, site_url):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{site_url}/{DB}/articles?_search=" + urllib.parse.quote("Palsu WhatsApp"))
    assert "Tautan <script> Palsu" in page.inner_text("table.rows-and-columns")
    assert dialogs == []


# ---- what browsing tells is true -----------------------------------------------------------------


def early_morning_article(served) -> dict:
    """An article published between 00:00 and 06:59 WIB: on the day before in UTC."""
    return next(
        sqlite3_rows(
            served,
            "SELECT url, published_at, published_day FROM articles "
            "WHERE substr(published_at, 12, 2) < '07' ORDER BY published_at DESC LIMIT 1",
        )
    )


def sqlite3_rows(path: Path, sql: str, params=()):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    yield from (dict(r) for r in conn.execute(sql, params))
    conn.close()


def test_an_early_morning_article_counts_on_its_wib_day_in_the_facet_filter_and_per_day_query(site_url, served):
    article = early_morning_article(served)
    day = article["published_at"][:10]
    assert article["published_day"] == day
    on_that_day = len(list(sqlite3_rows(served, "SELECT 1 FROM articles WHERE substr(published_at, 1, 10) = ?", [day])))
    facet = rows(f"{site_url}/{DB}/articles.json?_facet=published_day&_facet_size=max&_size=0")["facet_results"][
        "published_day"
    ]
    counts = {r["value"]: r["count"] for r in facet["results"]}
    assert counts[day] == on_that_day
    filtered = rows(f"{site_url}/{DB}/articles.json?published_day={day}&_shape=array&_col=url&_size=max")
    assert article["url"] in {r["url"] for r in filtered} and len(filtered) == on_that_day
    per_day = rows(f"{site_url}/{DB}/articles_per_day.json?_shape=array&section=&since={day}")
    assert sum(r["articles"] for r in per_day if r["day"] == day) == on_that_day


def test_weeks_are_iso_weeks():
    conn = sqlite3.connect(":memory:")
    label = yaml_query("articles_per_week").split("AS iso_week")[0] + "AS iso_week"  # the week label, on its own
    for day, week in (
        ("2026-12-01", "2026-W49"),
        ("2026-11-29", "2026-W48"),
        ("2021-01-03", "2020-W53"),
        ("2024-12-30", "2025-W01"),
    ):
        assert conn.execute(label.replace("date(day,", f"date('{day}',")).fetchone()[0] == week


def yaml_query(name: str) -> str:
    import yaml

    return yaml.safe_load((ROOT / "metadata.yml").read_text())["databases"]["suarapos"]["queries"][name]["sql"]


@pytest.mark.parametrize("typed", ["anak-anak", "Kep. Babel", "Hukum & Kriminal", '"Pranata Humas', "", "AND", "*"])
def test_search_takes_any_text_a_person_types(site_url, typed):
    query = urllib.parse.urlencode({"q": typed, "section": "", "from_date": "", "to_date": "", "page": ""})
    data = rows(f"{site_url}/{DB}/search.json?_shape=array&{query}")  # 200, never an FTS5 syntax error
    assert isinstance(data, list)
    page = get(f"{site_url}/{DB}/search?{query}").decode()
    assert "syntax error" not in page and "no such column" not in page


def test_the_search_page_opens_without_an_error(site_url):
    page = get(f"{site_url}/{DB}/search").decode()
    assert "syntax error" not in page and "Search articles" in page


def test_a_search_with_more_matches_than_a_page_says_how_many_and_reaches_them_all(site_url, served):
    base = f"{site_url}/{DB}/search.json?_shape=array&q=Bangka&section=&from_date=&to_date="
    first = rows(base + "&page=1")
    total = first[0]["matches"]
    assert total > 50 and len(first) == 50
    seen = []
    for page in range(1, total // 50 + 2):
        seen += [r["article_url"] for r in rows(base + f"&page={page}")]
    assert len(seen) == len(set(seen)) == total


def test_csv_exports_are_whole_and_open_right_in_a_spreadsheet(site_url, served):
    count = next(sqlite3_rows(served, "SELECT COUNT(*) AS n FROM article_tags"))["n"]
    assert count > 1000  # more than Datasette returns without streaming
    body = get(f"{site_url}/{DB}/article_tags.csv?_stream=on&_size=max")
    assert len(list(csv.reader(io.StringIO(body.decode("utf-8"))))) == count + 1  # and the header
    with_bom = get(f"{site_url}/{DB}/articles.csv?_stream=on&_size=max&_bom=1")
    assert with_bom.startswith("\ufeff".encode())  # a spreadsheet opened by a double click then reads UTF-8
    articles = next(sqlite3_rows(served, "SELECT COUNT(*) AS n FROM articles"))["n"]
    assert len(list(csv.reader(io.StringIO(with_bom[3:].decode("utf-8"))))) == articles + 1


def test_canned_query_rows_link_to_the_archived_article_first(site_url):
    page = get(f"{site_url}/{DB}/most_linked").decode()
    assert f'href="/{DB}/articles/' in page and ">archived</a> · <a href=" in page


def test_most_linked_counts_linking_articles_not_links(site_url, served):
    top = rows(f"{site_url}/{DB}/most_linked.json?_shape=array")[0]
    distinct = next(
        sqlite3_rows(
            served,
            "SELECT COUNT(DISTINCT source_url) AS n FROM related_links r "
            "JOIN articles s ON s.url = r.source_url WHERE target_url = ?",
            [top["article_url"]],
        )
    )["n"]
    assert top["linking_articles"] == distinct


def test_the_first_article_is_on_the_first_screen_of_the_articles_table(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{site_url}/{DB}/articles")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "articles-table.png"))
    first_row = page.locator("table.rows-and-columns tbody tr").first
    assert first_row.bounding_box()["y"] < 800
    assert page.locator("details.column-descriptions-box summary").inner_text() == "What the columns mean"
    page.screenshot(path=str(ARTIFACTS / "articles-table.png"))


def test_a_person_searches_with_ordinary_words_and_never_sees_an_error(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{site_url}/{DB}/search")  # the first visit: nothing typed yet
    assert page.locator(".message-error").count() == 0
    for typed in ("anak-anak", "Kep. Babel", "Hukum & Kriminal", '"Pranata Humas'):
        page.fill("input[name=q]", typed)
        page.locator("form.sql input[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".message-error").count() == 0, typed
        assert "syntax error" not in page.inner_text("body")
    page.fill("input[name=q]", "Bangka")
    page.locator("form.sql input[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("table.rows-and-columns tbody tr").count() == 50  # a page of them, and how many there are
    assert int(page.locator("td.col-matches").first.inner_text().replace(",", "")) > 50
    page.screenshot(path=str(ARTIFACTS / "search-typed.png"), full_page=False)


def test_a_person_filters_by_a_wib_day_and_finds_the_early_morning_article(browser, site_url, served):
    article = early_morning_article(served)
    day = article["published_at"][:10]
    on_that_day = len(list(sqlite3_rows(served, "SELECT 1 FROM articles WHERE substr(published_at, 1, 10) = ?", [day])))
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{site_url}/{DB}/articles?published_day={day}&_size=max")
    assert page.locator("h3").first.inner_text().startswith(f"{on_that_day} row")
    assert article["url"] in page.inner_text("table.rows-and-columns")
    page.goto(f"{site_url}/{DB}/articles_per_day?section=&since={day}")
    cells = page.locator("table.rows-and-columns tbody tr").all_inner_texts()
    assert sum(int(row.split()[-1]) for row in cells if row.startswith(day)) == on_that_day


def test_the_dashboard_filters_change_its_numbers(browser, site_url, served):
    page = browser.new_page(viewport={"width": 1400, "height": 1200})
    day = next(sqlite3_rows(served, "SELECT published_day AS d FROM articles GROUP BY d ORDER BY COUNT(*) DESC"))["d"]
    page.goto(
        f"{site_url}/-/dashboards/archive?"
        + urllib.parse.urlencode({"section": "Politik", "date_start": day, "date_end": day})
    )
    draw(page)
    want = next(
        sqlite3_rows(
            served, "SELECT COUNT(*) AS n FROM articles WHERE section = 'Politik' AND published_day = ?", [day]
        )
    )["n"]
    total = next(sqlite3_rows(served, "SELECT COUNT(*) AS n FROM articles"))["n"]
    assert page.inner_text("#chart-articles-count").strip() == str(want) and want < total
    page.screenshot(path=str(ARTIFACTS / "dashboard-filtered.png"), full_page=True)


def test_a_published_snapshot_refuses_arbitrary_sql_and_serves_the_canned_queries(served, tmp_path):
    snapshot = tmp_path / f"{DB}.db"  # as the README publishes: a snapshot, then served immutable
    made = subprocess.run([sys.executable, "-m", "scrapy.cmdline", "publish", "-s", f"SQLITE_PATH={served}", "--out",
                           str(snapshot)], cwd=ROOT, capture_output=True, text=True)  # fmt: skip
    assert made.returncode == 0, made.stderr
    with browsing(snapshot, "--immutable") as url:
        with pytest.raises(urllib.error.HTTPError) as refused:
            get(f"{url}/{DB}.json?sql=" + urllib.parse.quote("select zeroblob(100000000)"))
        assert refused.value.code == 403
        assert rows(f"{url}/{DB}/search.json?_shape=array&q=Bangka&section=&from_date=&to_date=&page=")
        assert rows(f"{url}/{DB}/articles.json?_shape=array&_size=5")


# ---- an article's page -----------------------------------------------------------------------
def row_page(site_url: str, url: str) -> str:
    return f"{site_url}/{DB}/articles/" + tilde_encode(url)


def test_an_articles_page_reads_as_an_article_with_its_links_versions_and_captures(browser, site_url, served, two_days):
    fixed = next(a for a in two_days["day2"]["articles"] if "corrected_on_day_2" in a["traps"])
    row = next(sqlite3_rows(served, "SELECT * FROM articles WHERE url = ?", [fixed["url"]]))
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(row_page(site_url, fixed["url"]))
    assert page.title() == fixed["title"] and page.inner_text("article.reading h1") == fixed["title"]
    byline = page.inner_text("article.reading .byline")
    assert "WIB" in byline and fixed["author"] in byline and row["region"] in byline
    paragraphs = page.locator("article.reading .body p").all_inner_texts()
    assert paragraphs == ([fixed["dateline"]] if fixed["dateline"] else []) + fixed["body_paragraphs"]
    assert page.locator("article.reading .change ins").first.inner_text() == "(Ralat)"  # what the correction changed
    links = page.locator("article.reading h2:has-text('Baca Juga') + ul a").all()
    assert len(links) >= 2 * len(fixed["baca_juga"]) - 1
    assert "HTTP 200" in page.inner_text("article.reading")  # its captures
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)


def test_an_articles_page_runs_no_script_of_its_text(browser, site_url, two_days):
    marked = next(a for a in two_days["day2"]["articles"] if "markup_in_title" in a["traps"])
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(row_page(site_url, marked["url"]))
    assert page.inner_text("article.reading h1") == marked["title"] and dialogs == []


def test_stream_all_rows_gives_every_article_once_though_many_share_their_minute(tmp_path):
    """Datasette pages a CSV stream by (published_at, url) after its first page, which it orders by published_at
    alone: the archive's index orders ties by URL, so no article comes twice and none is missing."""
    from sqlite_utils import Database

    from suarapos_crawler import storage

    path = tmp_path / "ties.db"
    db = Database(path)
    storage.upgrade(db)
    db["articles"].insert_all(
        {
            "url": f"https://www.suarapos.com/a{i}/",
            "title": f"Judul {i}",
            "published_at": f"2026-11-0{1 + i % 5}T08:00:00+07:00",  # 600 articles to each minute
            "body": "Teks.",
        }
        for i in range(3000)
    )
    db.close()
    with browsing(path) as url:
        data = get(f"{url}/ties/articles.csv?_stream=on&_size=max&_col=title").decode("utf-8")
    urls = [row[0] for row in csv.reader(io.StringIO(data))][1:]
    assert len(urls) == 3000 and len(set(urls)) == 3000


def test_browse_refuses_a_text_file_and_another_applications_database_in_one_line(tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("catatan rapat, bukan arsip\n", encoding="utf-8")
    other = another_applications_database(tmp_path / "contacts.db")
    for path in (notes, other):
        before = path.read_bytes()
        done = subprocess.run(
            [sys.executable, "-m", "scrapy.cmdline", "browse", "--db", str(path), "--port", "9"],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert done.returncode == 6 and done.stdout == "", done
        assert len(done.stderr.strip().splitlines()) == 1 and str(path) in done.stderr, done.stderr
        assert path.read_bytes() == before and not Path(f"{path}-wal").exists()


# ---- search as people type it -------------------------------------------------------------------------
def having(served, *words: str) -> set[str]:
    """The articles whose title or text holds a word in any form: as written, or by its stem (stored)."""
    from suarapos_crawler.enrich.stems import stem

    found = set()
    for row in sqlite3_rows(served, "SELECT url, title, body, title_stems, body_stems FROM articles"):
        written = set(re.findall(r"\w+", f"{row['title']} {row['body']}".lower()))
        stems = set(f"{row['title_stems']} {row['body_stems']}".split())
        if any(w in written or stem(w) in stems for w in words):
            found.add(row["url"])
    return found


def searched(site_url: str, typed: str) -> set[str]:
    urls, page = set(), 1
    while True:
        params = urllib.parse.urlencode({"q": typed, "section": "", "from_date": "", "to_date": "", "page": page})
        batch = rows(f"{site_url}/{DB}/search.json?_shape=array&{params}")
        if not batch:
            return urls
        urls |= {r["article_url"] for r in batch}
        page += 1


@pytest.mark.parametrize("typed", ["tambang OR lahan", "tambang or lahan", "tambang atau lahan"])
def test_either_word_finds_exactly_the_articles_with_either_in_any_form(site_url, served, typed):
    want = having(served, "tambang", "lahan")
    assert len(want) > 10 and want - having(served, "tambang") and want - having(served, "lahan")
    assert searched(site_url, typed) == want


def test_a_word_with_a_minus_leaves_out_the_articles_with_any_form_of_it(site_url, served):
    want = having(served, "tambang") - having(served, "lahan")
    assert want and searched(site_url, "tambang -lahan") == want


def test_the_tables_search_box_takes_the_same_words_and_says_what_it_found(browser, site_url, served):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(f"{site_url}/{DB}/articles")
    page.fill("input[name=_search]", "Diskominfo OR Pranata Humas")
    page.press("input[name=_search]", "Enter")
    page.wait_for_selector("#search-said")
    want = having(served, "diskominfo") | (having(served, "pranata") & having(served, "humas"))
    said = page.locator("#search-said").inner_text()
    assert "Diskominfo, or Pranata and Humas" in said and f"{len(want):,} article" in said, said
    page.fill("input[name=q]", "xyzzyq OR qwertyz")
    page.locator("form.sql input[type=submit]").click()
    page.wait_for_selector("#search-hint")
    assert "0 articles found" in page.locator("#search-said").inner_text()
    assert "tambang OR lahan" in page.locator("#search-hint").inner_text()
    data = rows(
        f"{site_url}/{DB}/articles.json?_shape=array&_size=max&_col=title&"
        + urllib.parse.urlencode({"_search": "tambang OR lahan"})
    )
    assert {r["url"] for r in data} <= having(served, "tambang", "lahan") and len(data) == min(
        len(having(served, "tambang", "lahan")), 1000
    )
    page.close()


def test_the_articles_table_shows_readable_columns_and_the_rest_a_click_away(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site_url}/{DB}/articles")
    shown = page.eval_on_selector_all("table.rows-and-columns thead th", "els => els.map(e => e.dataset.column)")
    assert shown[:3] == ["url", "title", "published_at"] and len(shown) <= 11
    assert page.evaluate("document.querySelector('table.rows-and-columns').scrollWidth") <= 1280
    page.click("#columns-shown a")
    page.wait_for_load_state()
    every = page.eval_on_selector_all("table.rows-and-columns thead th", "els => els.map(e => e.dataset.column)")
    assert len(every) > 25 and not {"title_stems", "body_stems"} & set(every)
    page.close()
