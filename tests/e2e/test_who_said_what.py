"""Who said what in the browser: Datasette really started on the two-day archive, and a real headless Chromium that
asks who said what, who is quoted most, looks up a person, reads an article with its quotes marked, and meets a
quote whose text is hostile."""

from __future__ import annotations

import shutil
import urllib.parse
from xml.etree import ElementTree

import pytest
from sqlite_utils import Database

from suarapos_crawler import storage
from tests.e2e.conftest import DB, browsing
from tests.e2e.test_datasette import ARTIFACTS, ATOM, get, row_page, rows, seed_url, sqlite3_rows
from tests.test_storage import article

pytestmark = pytest.mark.e2e
EKO = "Eko Kurniawan"
EKO_ROLE = "Staf Ahli Gubernur Kep. Babel Bidang Ekonomi, Keuangan, dan Pembangunan"


def canned(base: str, query: str, **params) -> str:
    return f"{base}/{DB}/{query}?" + urllib.parse.urlencode(params)


def test_who_said_what_finds_a_quote_by_any_form_of_its_words_and_leads_to_its_speaker(browser, site_url):
    # "dikompetensikan" is not in the text; its stem, kompetensi, is in Eko Kurniawan's second quote
    found = rows(canned(site_url, "who_said_what.json", q="dikompetensikan", speaker="", section="", from_date="",
                        to_date="", page="", _shape="array"))  # fmt: skip
    assert [(r["person"], r["role"]) for r in found] == [(EKO, EKO_ROLE)]
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(canned(site_url, "who_said_what", q="kompetensi memadai", speaker="Eko", section="", from_date="",
                     to_date="", page=""))  # fmt: skip
    table = page.inner_text("table.rows-and-columns")
    assert EKO in table and "bersinergi" in table
    page.screenshot(path=str(ARTIFACTS / "who-said-what.png"), full_page=True)
    page.click(f"table.rows-and-columns a:text-is('{EKO}')")
    page.wait_for_url("**/person?name=Eko+Kurniawan")
    while "Pranata Humas adalah ujung tombak" not in page.inner_text("table.rows-and-columns"):
        page.click("#pager a[rel=next]")  # the seed article's quote, a page or more on
        page.wait_for_load_state()


def test_most_quoted_counts_the_articles_that_quote_a_person_not_their_quotes(browser, site_url, served):
    listed = rows(canned(site_url, "most_quoted.json", section="", from_date="", to_date="", _shape="array"))
    counted = {
        r["name"]: (r["articles"], r["quotes"])
        for r in sqlite3_rows(
            served,
            "SELECT p.name, COUNT(DISTINCT q.article_url) AS articles, COUNT(*) AS quotes "
            "FROM quotes q JOIN people p ON p.id = q.person_id GROUP BY p.id",
        )
    }
    assert len(listed) == min(100, len(counted)) >= 10
    assert all((r["articles"], r["quotes"]) == counted[r["person"]] for r in listed)
    assert [r["articles"] for r in listed] == sorted((r["articles"] for r in listed), reverse=True)
    assert any(r["quotes"] > r["articles"] for r in listed)  # people quoted twice in one article count it once
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(canned(site_url, "most_quoted", section="", from_date="", to_date=""))
    first = page.locator("table.rows-and-columns tbody tr").first.inner_text()
    assert listed[0]["person"] in first and str(listed[0]["articles"]) in first
    page.screenshot(path=str(ARTIFACTS / "most-quoted.png"), full_page=True)


def test_a_persons_page_gives_their_quotes_then_the_articles_that_only_name_them(browser, site_url, served):
    who = next(sqlite3_rows(served, "SELECT * FROM people ORDER BY articles_named - articles_quoted DESC LIMIT 1"))
    assert who["articles_named"] > who["articles_quoted"]  # the sample names officials it does not quote
    pages = [rows(canned(site_url, "person.json", name=who["name"], page=n, _shape="array")) for n in range(1, 40)]
    assert len(pages[0]) == 100 and not pages[-1]  # more than a page of 100; the last ones are empty
    found = [r for page in pages for r in page]
    quotes = [r for r in found if r["kind"] != "named"]
    named = [r for r in found if r["kind"] == "named"]
    assert len(quotes) == who["quotes"]
    assert len(named) == who["articles_named"] - who["articles_quoted"]
    assert found == quotes + named  # quotes first
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(canned(site_url, "person", name=who["name"]))
    assert page.locator("table.rows-and-columns tbody tr").count() == 100
    assert page.locator("#pager a[rel=prev]").count() == 0
    page.screenshot(path=str(ARTIFACTS / "person.png"), full_page=True)
    page.click("#pager a[rel=next]")
    page.wait_for_load_state()
    assert page.locator("table.rows-and-columns tbody tr").first.inner_text().startswith(found[100]["day"])
    assert page.locator("#pager a[rel=prev]").count() == 1


def test_each_person_has_an_atom_feed_of_their_newest_quotes(site_url, served):
    feed = ElementTree.fromstring(get(canned(site_url, "person_feed.atom", name=EKO)))
    entries = feed.findall(f"{ATOM}entry")
    quoted = next(sqlite3_rows(served, "SELECT quotes FROM people WHERE name = ?", [EKO]))["quotes"]
    assert len(entries) == min(50, quoted) > 0
    assert all(e.findtext(f"{ATOM}title").startswith(f"{EKO}: “") for e in entries)


def test_the_reading_view_marks_each_quote_and_names_its_speaker(browser, site_url, two_days):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(row_page(site_url, seed_url(two_days)))
    marks = page.locator("article.reading .body mark.quote")
    assert marks.count() == 4
    assert {marks.nth(i).get_attribute("data-who") for i in range(4)} == {f"{EKO}, {EKO_ROLE}"}
    assert marks.first.inner_text().startswith("Pranata Humas adalah ujung tombak")
    listed = page.locator("article.reading ul.quotes li")
    assert listed.count() == 4 and "(reported)" in listed.nth(2).inner_text()
    page.screenshot(path=str(ARTIFACTS / "article-quotes.png"), full_page=True)
    listed.first.locator("a").click()
    page.wait_for_url("**/person?name=Eko+Kurniawan")


HOSTILE_URL = "https://www.suarapos.com/kutipan-berbahaya/"
HOSTILE_QUOTE = 'Kami <script>window.pwned=1</script> tolak \u202egnp.exe\u202c & "semua" <b>pungli</b> di pelabuhan'


@pytest.fixture(scope="module")
def hostile_url(served, tmp_path_factory):
    """A copy of the archive with an article whose quote and speaker hold markup, quotation marks, RTL overrides."""
    path = tmp_path_factory.mktemp("hostile") / f"{DB}.db"
    shutil.copy(served, path)
    db = Database(path)
    body = f"Pembukaan acara di Pangkalpinang.\n\n“{HOSTILE_QUOTE},” kata Ketua <i>DPRD</i> Babel Dewi Anggraini."
    with db.atomic():
        storage.save_article(
            db,
            article(
                url=HOSTILE_URL,
                fetched_url=HOSTILE_URL,
                post_id=999999,
                body=body,
                content_hash="hostile",
                related=[],
                published_at="2026-12-31T08:00:00+07:00",
            ),
            "t",
        )  # fmt: skip  (newest: page 1)
    db.close()
    with browsing(path) as url:
        yield url


def test_nothing_a_quote_holds_breaks_or_runs_in_any_page(browser, hostile_url):
    pages = [
        row_page(hostile_url, HOSTILE_URL),
        canned(
            hostile_url,
            "who_said_what",
            q="pungli pelabuhan",
            speaker="",
            section="",
            from_date="",
            to_date="",
            page="",
        ),  # fmt: skip
        canned(hostile_url, "person", name="Dewi Anggraini"),
        canned(hostile_url, "most_quoted", section="", from_date="", to_date=""),
    ]
    dialogs = []
    for address in pages:
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(address)
        shown = page.inner_text("body")
        assert page.evaluate("window.pwned") is None and dialogs == [], address
        if "most_quoted" not in address:
            assert "<script>window.pwned=1</script>" in shown, address  # as text
            assert page.locator("main b:text-is('pungli')").count() == 0, address
        page.close()


def test_the_articles_table_has_a_speaker_facet_that_counts_as_most_quoted_does(site_url, served):
    data = rows(f"{site_url}/{DB}/articles.json?_facet_array=speakers&_size=0")
    facet = {r["value"]: r["count"] for r in data["facet_results"]["speakers"]["results"]}
    quoted = {r["name"]: r["articles_quoted"] for r in sqlite3_rows(served, "SELECT name, articles_quoted FROM people")}
    assert facet and all(quoted[name] == count for name, count in facet.items())
