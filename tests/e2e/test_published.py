"""The published copy is the one colleagues use (`scrapy publish`, then `scrapy browse --immutable`): what its home
page links to works there, and an article's capture opens as archived, under its banner, with nothing of it run."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.e2e.conftest import DB, browsing
from tests.e2e.crawl import ROOT

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def published(two_days, tmp_path_factory):
    snapshot = tmp_path_factory.mktemp("published") / "site" / f"{DB}.db"
    made = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "publish", "--db", str(two_days["path"]), "--out", str(snapshot)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    with browsing(snapshot, "--immutable") as url:
        yield {"url": url, "path": snapshot, "archive": two_days["path"]}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href and not href.startswith(("http", "#", "mailto:")):
            self.found.append(href)


def test_every_link_of_the_home_page_answers_on_the_published_copy(published):
    home = urllib.request.urlopen(published["url"] + "/").read().decode()
    links = Links()
    links.feed(home)
    assert "/-/dashboards/archive" in links.found and "/-/pickup" in links.found
    for href in sorted(set(links.found)):
        try:
            answer = urllib.request.urlopen(urllib.parse.urljoin(published["url"] + "/", href), timeout=60)
        except urllib.error.HTTPError as exc:
            pytest.fail(f"{href}: {exc.code}")
        assert answer.status == 200, href


def record_digest(warc: str, offset: int, length: int) -> str:
    with open(warc, "rb") as f:
        f.seek(offset)
        member = f.read(length)
    record = next(iter(ArchiveIterator(io.BytesIO(gzip.decompress(member)))))
    return record.rec_headers.get_header("WARC-Payload-Digest")


def test_an_articles_capture_opens_with_its_banner_and_its_page_runs_nothing(browser, published, two_days):
    db = two_days["db"]
    article = next(db.query(
        "SELECT a.url, a.title, c.id, c.warc_file, c.offset, c.length FROM articles a JOIN captures c ON c.id = a.capture_id "
        "WHERE c.kind = 'response' AND a.body LIKE '%' ORDER BY a.published_at DESC LIMIT 1"))  # fmt: skip
    fetched: list[str] = []  # what the browser got an answer for (a request the page's policy blocks gets none)
    page = browser.new_page()
    page.on("response", lambda r: fetched.append(r.url))
    row = f"{published['url']}/{DB}/articles/" + urllib.parse.quote(
        article["url"].replace("/", "~2F").replace(":", "~3A"), safe="~"
    )
    page.goto(row)
    page.click("ul.captures a.capture >> nth=0")
    page.wait_for_selector("#banner")
    assert page.locator("#original-url").inner_text() == article["url"]
    assert page.locator("#status").inner_text() == "200"
    warc = str(two_days["path"].parent / article["warc_file"])
    assert page.locator("#digest").inner_text() == record_digest(warc, article["offset"], article["length"])
    assert page.locator("#record-id").inner_text().startswith(article["id"])
    citation = page.locator("#citation").input_value()
    assert article["title"] in citation and page.locator("#permanent").inner_text() in citation
    frame = page.frame_locator("iframe.archived")
    assert frame.locator("h1").first.inner_text().strip()  # the archived page is shown
    assert page.locator("iframe.archived").get_attribute("sandbox") == ""
    origin = published["url"]
    assert all(r.startswith(origin) for r in fetched), [r for r in fetched if not r.startswith(origin)]
    archived_page = urllib.request.urlopen(origin + page.locator("iframe.archived").get_attribute("src"))
    policy = archived_page.headers["Content-Security-Policy"]  # the archived page's own scripts may not run
    assert policy.startswith("sandbox;") and "default-src 'none'" in policy and "script-src" not in policy
    permanent = page.locator("#permanent").get_attribute("href")
    page.goto(permanent)  # the address to cite opens the same capture
    assert page.locator("#original-url").inner_text() == article["url"]
    page.close()
