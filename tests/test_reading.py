"""Reading pages in the crawling process and in a worker process: the same article either way, and a
worker that dies loses nothing."""

from __future__ import annotations

import asyncio
import fcntl
import os
import resource
import signal

import pytest
from scrapy.utils.test import get_crawler

from suarapos_crawler.pages.article import ArticlePage
from suarapos_crawler.pages.html import flatten_deep_nesting
from suarapos_crawler.pages.listing import ListingPage
from suarapos_crawler.pages.reading import read_listing, read_page
from suarapos_crawler.spiders.readers import PIPE_BYTES, PageReaders, Worker
from suarapos_crawler.spiders.suarapos import SuaraposSpider

from .conftest import BASE, saved_response

ARTICLE = "classic_seed_article_three_irp_boxes"
LISTING = "section_middle_page"


def test_read_page_gives_what_the_page_class_gives():
    response = saved_response(ARTICLE)
    reading = read_page(response.url, response.text, BASE)
    assert reading.error is None and reading.not_article is None and not reading.flattened
    assert reading.article == ArticlePage(response, BASE).to_item()


def test_read_page_says_why_a_page_is_not_an_article():
    response = saved_response("static_page_redaksi")
    reading = read_page(response.url, response.text, BASE)
    assert reading.article is None and "page" in reading.not_article


def test_read_page_records_the_exception_with_its_traceback(monkeypatch):
    def broken(self):
        raise KeyError("no such field")

    monkeypatch.setattr(ArticlePage, "to_item", broken)
    response = saved_response(ARTICLE)
    reading = read_page(response.url, response.text, BASE)
    assert reading.article is None
    assert "Traceback" in reading.error and reading.error.strip().splitlines()[-1] == "KeyError: 'no such field'"


def test_read_page_flattens_a_page_nested_thousands_deep():
    response = saved_response(ARTICLE)
    deep = response.body.replace(b"<body", b"<div>" * 5000 + b"<body", 1)
    assert flatten_deep_nesting(response.body) is None
    reading = read_page(response.url, deep.decode("utf-8"), BASE)
    assert reading.flattened and reading.article.title == ArticlePage(response, BASE).title()


def test_read_listing_gives_what_the_listing_page_gives():
    response = saved_response(LISTING)
    reading = read_listing(response.url, response.text, BASE)
    page = ListingPage(response, BASE)
    assert reading.article_urls == page.article_urls() and reading.next_page_url == page.next_page_url()
    assert reading.current_page == page.current_page() and reading.section_urls == []


def read_all(reader: PageReaders, *names: str) -> list:
    """Read saved pages with the reader inside one event loop, as the crawl does, then close it."""

    async def run():
        try:
            return [await reader.read_article(saved_response(name), BASE) for name in names]
        finally:
            await reader.close()

    return asyncio.run(run())


def started_crawler():
    crawler = get_crawler(SuaraposSpider)
    crawler.stats.open_spider()
    return crawler


def test_a_worker_process_reads_the_same_article_without_scrapy_in_it():
    crawler = started_crawler()
    (reading,) = read_all(PageReaders(1, crawler), ARTICLE)
    assert reading.worker is not None and reading.worker[0] != os.getpid()
    assert reading.article == ArticlePage(saved_response(ARTICLE), BASE).to_item()
    assert crawler.stats.get_value("extract/worker_pages") == 1
    assert crawler.stats.get_value("extract/worker_cpu_s") > 0
    assert crawler.stats.get_value("extract/worker_peak_rss_mib") > 0  # its size is the benchmark's to judge


@pytest.mark.skipif(not hasattr(fcntl, "F_GETPIPE_SZ"), reason="pipe sizes are Linux's")
def test_a_worker_s_pipes_hold_a_megabyte_so_a_page_goes_in_one_write():
    async def sizes():
        worker = Worker()
        await worker.start()
        await worker.call("listing", BASE + "/", "<html><body></body></html>", BASE)  # the worker has set them
        pipe = worker.proc.stdin.transport.get_extra_info("pipe")
        size = fcntl.fcntl(pipe.fileno(), fcntl.F_GETPIPE_SZ)
        await worker.stop()
        return size

    assert asyncio.run(sizes()) == PIPE_BYTES


def test_the_worker_is_waited_for_when_the_reader_closes():
    before = resource.getrusage(resource.RUSAGE_CHILDREN)  # what earlier tests' children cost (cumulative)
    reader = PageReaders(1, started_crawler())
    read_all(reader, ARTICLE)
    assert reader.workers == []
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # a child's CPU time counts once it is waited for
    assert (after.ru_utime + after.ru_stime) > (before.ru_utime + before.ru_stime)


def test_a_page_the_worker_cannot_read_is_read_again_here_where_its_exception_is_seen():
    crawler = started_crawler()
    reader = PageReaders(1, crawler)
    unreadable = 5  # a base URL that is no string: the listing's reading raises, in the worker as here

    async def run():
        try:
            return await reader.read_listing(saved_response(LISTING), unreadable)
        finally:
            await reader.close()

    with pytest.raises(AttributeError, match="decode"):  # the reader's own exception, raised here
        asyncio.run(run())
    assert "extract/worker_failures" not in crawler.stats.get_stats()  # the worker lives on
    assert "extract/worker_pages" not in crawler.stats.get_stats()  # and read nothing that counts


def test_a_readable_page_is_read_in_the_worker():
    crawler = started_crawler()
    reader = PageReaders(1, crawler)

    async def run():
        try:
            return await reader.read_listing(saved_response(LISTING), BASE)
        finally:
            await reader.close()

    reading = asyncio.run(run())
    assert reading.worker is not None and reading.worker[0] != os.getpid()
    assert crawler.stats.get_value("extract/worker_pages") == 1


def test_a_dead_worker_loses_nothing_pages_are_read_in_process_from_then_on():
    crawler = started_crawler()
    reader = PageReaders(1, crawler)

    async def run():
        try:
            first = await reader.read_article(saved_response(ARTICLE), BASE)
            os.kill(first.worker[0], signal.SIGKILL)
            await reader.workers[0].replies  # ends when the worker's end of the pipe closes: it is dead
            second = await reader.read_article(saved_response(ARTICLE), BASE)
            third = await reader.read_article(saved_response("tdb_template_with_time"), BASE)
            return first, second, third
        finally:
            await reader.close()

    first, second, third = asyncio.run(run())
    assert second.article == first.article and second.worker is None  # read here, not in a worker
    assert third.article is not None and third.worker is None
    assert reader.processes == 0 and crawler.stats.get_value("extract/worker_failures") == 1


def test_negative_extract_processes_is_refused():
    with pytest.raises(ValueError, match="EXTRACT_PROCESSES"):
        PageReaders.from_crawler(get_crawler(SuaraposSpider, settings_dict={"EXTRACT_PROCESSES": -1}))


def test_a_worker_process_loads_the_page_classes_without_scrapy():
    """A third of the memory of a process that imports Scrapy and Twisted: the worker runs workers.py alone."""
    import subprocess
    import sys

    probe = "import sys, suarapos_crawler.spiders.readers; print(sorted({'scrapy', 'twisted'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"


def test_a_run_of_opening_tags_never_closed_does_not_take_the_rest_of_the_page_into_the_text():
    response = saved_response(ARTICLE)
    want = ArticlePage(response, BASE).to_item().body
    first = b"<p>"  # the article's first paragraph
    assert first in response.body
    unclosed = response.body.replace(first, b"<div>" * 5000 + first, 1).decode("utf-8")
    balanced = response.body.replace(first, b"<div>" * 5000 + b"</div>" * 5000 + first, 1).decode()
    for html in (unclosed, balanced):
        reading = read_page(response.url, html, BASE)
        assert reading.flattened and reading.article.body == want


def test_a_listing_is_not_queued_behind_a_replay_s_read_ahead_it_is_read_here():
    """A listing's next page waits for its reading: behind URGENT_QUEUE pages or more it is read in this process;
    behind fewer (a crawl's), in the worker."""
    from suarapos_crawler.spiders.readers import URGENT_QUEUE

    crawler = started_crawler()
    reader = PageReaders(1, crawler)
    article, listing = saved_response(ARTICLE), saved_response(LISTING)

    async def run():
        try:
            alone = await reader.read_listing(listing, BASE)
            handed = asyncio.Event()  # set when the worker owes URGENT_QUEUE readings
            reader.workers[0].pending = HandedOver(reader.workers[0].pending, handed)
            queued = [asyncio.ensure_future(reader.read_article(article, BASE)) for _ in range(URGENT_QUEUE)]
            await handed.wait()  # every article handed to the worker
            behind = await reader.read_listing(listing, BASE)
            await asyncio.gather(*queued)
            return alone, behind
        finally:
            await reader.close()

    alone, behind = asyncio.run(run())
    assert alone.worker is not None and alone.worker[0] != os.getpid()  # a short queue: the worker reads it
    assert behind.worker is None  # read here
    assert behind.article_urls == alone.article_urls == read_listing(listing.url, listing.text, BASE).article_urls


class HandedOver(dict):
    """A worker's pending readings, setting ``event`` once it owes ``URGENT_QUEUE`` of them."""

    def __init__(self, pending: dict, event: asyncio.Event):
        super().__init__(pending)
        self.event = event

    def __setitem__(self, key, value) -> None:
        from suarapos_crawler.spiders.readers import URGENT_QUEUE

        super().__setitem__(key, value)
        if len(self) >= URGENT_QUEUE:
            self.event.set()
