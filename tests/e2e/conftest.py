"""One real crawl of the sample site, shared by the end-to-end tests."""

from __future__ import annotations

import json
import urllib.request

import pytest
from protego import Protego
from sqlite_utils import Database

from suarapos_crawler.sample_site.process import SampleSiteProcess
from tests.e2e.crawl import run_crawl

ARTICLES = 400


@pytest.fixture(scope="session")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    with SampleSiteProcess(articles=ARTICLES, truth=tmp / "truth.json") as site:
        first = run_crawl(site.base_url, tmp / "suarapos.db")
        robots = Protego.parse(urllib.request.urlopen(site.base_url + "/robots.txt").read().decode())
        second = run_crawl(site.base_url, tmp / "suarapos.db")
    truth = json.loads((tmp / "truth.json").read_text(encoding="utf-8"))
    return {"first": first, "second": second, "db": Database(tmp / "suarapos.db"), "truth": truth, "robots": robots,
            "path": tmp / "suarapos.db"}


