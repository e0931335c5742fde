"""Shared fixtures: saved pages of the sample site, in-memory databases, a running sample site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse
from sqlite_utils import Database

from suarapos_crawler import storage

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
BASE = "https://www.suarapos.com"
ARTICLE_PAGES = sorted(name for name, info in EXPECTED.items() if info["kind"] == "article")
LISTING_PAGES = sorted(name for name, info in EXPECTED.items() if info["kind"] == "listing")
NOT_ARTICLE_PAGES = sorted(name for name, info in EXPECTED.items() if info["kind"] == "not_article")


def saved_response(name: str, url: str | None = None) -> HtmlResponse:
    """A saved page as Scrapy would hand it to a callback."""
    body = (PAGES / f"{name}.html").read_bytes()
    return HtmlResponse(url or EXPECTED[name]["url"], body=body, encoding="utf-8")


@pytest.fixture
def db() -> Database:
    database = Database(memory=True)
    storage.ensure_schema(database)
    return database
