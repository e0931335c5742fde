"""Reading pages in the crawling process and in a worker process: the same article either way, and a
worker that dies loses nothing."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest
from scrapy.utils.test import get_crawler

from suarapos_crawler.extraction import PageReader, flatten_deep_nesting, read_listing, read_page
from suarapos_crawler.pages.article import ArticlePage
from suarapos_crawler.pages.listing import ListingPage
from suarapos_crawler.spiders.suarapos import SuaraposSpider

from .conftest import BASE, saved_response

ARTICLE = "classic_seed_article_three_irp_boxes"
LISTING = "section_middle_page"


def test_read_page_gives_what_the_page_class_gives():
    response = saved_response(ARTICLE)
    reading = read_page(response.url, response.body, response.encoding, BASE)
    assert reading.error is None and reading.not_article is None and not reading.flattened
    assert reading.article == ArticlePage(response, BASE).to_item()


def test_read_page_says_why_a_page_is_not_an_article():
    response = saved_response("static_page_redaksi")
    reading = read_page(response.url, response.body, response.encoding, BASE)
    assert reading.article is None and "page" in reading.not_article


def test_read_page_records_the_exception_with_its_traceback(monkeypatch):
    def broken(self):
        raise KeyError("no such field")

    monkeypatch.setattr(ArticlePage, "to_item", broken)
    response = saved_response(ARTICLE)
    reading = read_page(response.url, response.body, response.encoding, BASE)
    assert reading.article is None
    assert "Traceback" in reading.error and reading.error.strip().splitlines()[-1] == "KeyError: 'no such field'"


def test_read_page_flattens_a_page_nested_thousands_deep():
    response = saved_response(ARTICLE)
    deep = response.body.replace(b"<body", b"<div>" * 5000 + b"<body", 1)
    assert flatten_deep_nesting(response.body) is None
    reading = read_page(response.url, deep, "utf-8", BASE)
    assert reading.flattened and reading.article.title == ArticlePage(response, BASE).title()


def test_read_listing_gives_what_the_listing_page_gives():
    response = saved_response(LISTING)
    reading = read_listing(response.url, response.body, response.encoding, BASE)
    page = ListingPage(response, BASE)
    assert reading.article_urls == page.article_urls() and reading.next_page_url == page.next_page_url()
    assert reading.current_page == page.current_page() and reading.section_urls == []


def read_in(reader: PageReader, name: str):
    return asyncio.run(reader.read_article(saved_response(name), BASE))


def test_a_worker_process_reads_the_same_article():
    crawler = get_crawler(SuaraposSpider)
    crawler.stats.open_spider()
    reader = PageReader(1, crawler)
    try:
        reading = read_in(reader, ARTICLE)
        assert reading.worker is not None and reading.worker[0] != os.getpid()
        assert reading.article == ArticlePage(saved_response(ARTICLE), BASE).to_item()
        assert crawler.stats.get_value("extract/worker_pages") == 1
        assert crawler.stats.get_value("extract/worker_cpu_s") > 0
        assert crawler.stats.get_value("extract/worker_peak_rss_mib") > 10
    finally:
        reader.close()


def test_a_dead_worker_loses_nothing_pages_are_read_in_process_from_then_on():
    crawler = get_crawler(SuaraposSpider)
    crawler.stats.open_spider()
    reader = PageReader(1, crawler)
    try:
        worker_pid = read_in(reader, ARTICLE).worker[0]
        os.kill(worker_pid, signal.SIGKILL)
        reading = read_in(reader, ARTICLE)
        assert reading.article is not None and reading.worker is None  # read here, not in a worker
        assert reader.pool is None and crawler.stats.get_value("extract/worker_failures") == 1
        assert read_in(reader, "tdb_template_with_time").article is not None
    finally:
        reader.close()


def test_negative_extract_processes_is_refused():
    with pytest.raises(ValueError, match="EXTRACT_PROCESSES"):
        PageReader.from_crawler(get_crawler(SuaraposSpider, settings_dict={"EXTRACT_PROCESSES": -1}))
