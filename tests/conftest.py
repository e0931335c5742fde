"""Shared fixtures: saved pages of the sample site, in-memory databases, a running sample site."""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
import scrapy
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from sqlite_utils import Database
from warcio.statusandheaders import StatusAndHeaders

from suarapos_crawler import settings as project
from suarapos_crawler import storage
from suarapos_crawler.archive import Archive
from suarapos_crawler.run.record import RunRecord
from suarapos_crawler.warc.capture import RecordWriter

PAGES = Path(__file__).parent / "fixtures" / "pages"
# What each saved page is (kind, theme, URL, split post; a listing's articles): no field of an article.
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
# What each article page yields, field by field: its item, reviewed by hand (the one truth of every field).
ITEMS = Path(__file__).parent / "fixtures" / "items"
BASE = "https://www.suarapos.com"
ARTICLE_PAGES = sorted(name for name, info in EXPECTED.items() if info["kind"] == "article")
LISTING_PAGES = sorted(name for name, info in EXPECTED.items() if info["kind"] == "listing")
NOT_ARTICLE_PAGES = sorted(name for name, info in EXPECTED.items() if info["kind"] == "not_article")


E2E = ("e2e", "test_benchmark_smoke.py")


def reviewed(name: str) -> dict:
    """The item reviewed by hand for the saved page ``name`` (``NAME__fallback``: read without its theme's markup)."""
    return json.loads((ITEMS / f"{name}.json").read_text(encoding="utf-8"))


def reviewed_links(name: str) -> list[str]:
    """Where the reviewed item's Baca Juga links point, in page order."""
    return [link["target_url"] for link in reviewed(name)["related"]]


def pytest_collection_modifyitems(config, items):
    """Real crawls, real servers and browsers take minutes: ``pytest -m "not e2e"`` is the fast loop."""
    for item in items:
        if any(part in E2E for part in item.path.relative_to(Path(__file__).parent).parts):
            item.add_marker(pytest.mark.e2e)


def saved_response(name: str, url: str | None = None) -> HtmlResponse:
    """A saved page as Scrapy would hand it to a callback."""
    body = (PAGES / f"{name}.html").read_bytes()
    return HtmlResponse(url or EXPECTED[name]["url"], body=body, encoding="utf-8")


def response_records(responses: list[tuple[str, str, list[tuple[str, str]], bytes]]) -> list:
    """WARC response records as the crawl writes them, of (URL, status line, headers, payload as sent) each."""
    writer = RecordWriter(BytesIO(), 2)
    return [
        writer.create_warc_record(
            url,
            "response",
            payload=BytesIO(body),
            length=len(body),
            http_headers=StatusAndHeaders(status, [*headers, ("Content-Length", str(len(body)))], protocol="HTTP/1.1"),
        )
        for url, status, headers, body in responses
    ]


def project_settings(**overrides) -> dict:
    """The project's settings module, as a crawl reads it, with some changed."""
    return {**{name: getattr(project, name) for name in dir(project) if name.isupper()}, **overrides}


def project_crawler(**overrides):
    return get_crawler(scrapy.Spider, settings_dict=project_settings(**overrides))


def opened_archive(crawler) -> Archive:
    """The archive extension of a crawler, opened as when a spider opens (file checked, schema), with its run record
    started (the run row, the watchlist): ``archive.record``."""
    archive = Archive.from_crawler(crawler)
    record = RunRecord.from_crawler(crawler)
    crawler.extensions = SimpleNamespace(middlewares=[archive, record])  # as the crawler finds them
    spider = SimpleNamespace(name="suarapos", base_url=BASE, mode="default")
    archive.spider_opened(spider)
    record.spider_opened(spider)
    archive.record = record
    return archive


@pytest.fixture(scope="session")
def upgraded_archive() -> Database:
    """An empty archive with every migration applied, made once: each test's ``db`` is a copy of it."""
    database = Database(memory=True)
    storage.upgrade(database)
    return database


@pytest.fixture
def db(upgraded_archive) -> Database:
    database = Database(memory=True)
    upgraded_archive.conn.backup(database.conn)  # the schema and its migrations' record, as upgrade() left them
    return database
