"""The spider's decisions, one test each, on saved pages with an in-memory plan: no server, no crawl."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime

import pytest
import scrapy
from scrapy.crawler import Crawler
from scrapy.http import HtmlResponse, Request, Response
from scrapy.settings import Settings
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.test import get_crawler
from twisted.python.failure import Failure

from suarapos_crawler.clock import WIB
from suarapos_crawler.items import Article, FetchOutcome, Reject, UrlAlias
from suarapos_crawler.spiders.plan import CrawlPlan
from suarapos_crawler.spiders.readers import PageReaders
from suarapos_crawler.spiders.suarapos import SuaraposSpider
from tests.conftest import BASE, EXPECTED, project_settings, reviewed, reviewed_links, saved_response

NOW = datetime(2026, 11, 29, 14, 0, tzinfo=WIB)
SECTION = "section_first_page_with_page_nav"


@pytest.fixture
def spider():
    crawler = get_crawler(SuaraposSpider, settings_dict=project_settings(SQLITE_PATH="", WARC_ENABLED=False))
    spider = SuaraposSpider.from_crawler(crawler, base_url=BASE)
    spider.reader = PageReaders(0)  # read in this process
    spider.plan = CrawlPlan(now=NOW)
    return spider


def fetched(name: str) -> HtmlResponse:
    """A saved page as the downloader hands it to a callback: with the request that asked for it."""
    response = saved_response(name)
    return response.replace(request=Request(response.url))


def collect(outputs) -> list:
    """What a callback yields, whether it is a generator or an async one."""
    if hasattr(outputs, "__aiter__"):

        async def gather():
            return [x async for x in outputs]

        return asyncio.run(gather())
    return list(outputs)


def requests(out: list) -> list[str]:
    return [r.url for r in out if isinstance(r, Request)]


def test_a_section_page_asks_for_its_articles_and_its_next_page(spider):
    out = collect(spider.parse_section(fetched(SECTION)))
    assert set(EXPECTED[SECTION]["articles"]) <= set(requests(out))
    assert "https://www.suarapos.com/category/daerah/page/2/" in requests(out)
    assert FetchOutcome(EXPECTED[SECTION]["url"], "listing", "10 articles listed") in out


def test_paging_stops_at_a_page_of_stored_articles_after_a_completed_run(spider):
    stored = EXPECTED[SECTION]["articles"]
    spider.plan = CrawlPlan(
        now=NOW, previous_run_completed=True, stored={url: (0.0, 0.0, 0.0) for url in stored}
    )  # published long ago
    out = collect(spider.parse_section(fetched(SECTION)))
    assert requests(out) == []  # neither the stored articles nor the next page
    assert spider.crawler.stats.get_value("suarapos/incremental_stop") == 1


def test_paging_goes_on_after_a_killed_run_to_resume_it(spider):
    stored = EXPECTED[SECTION]["articles"]
    spider.plan = CrawlPlan(now=NOW, previous_run_completed=False, stored={url: (0.0, 0.0, 0.0) for url in stored})
    assert requests(collect(spider.parse_section(fetched(SECTION)))) == [
        "https://www.suarapos.com/category/daerah/page/2/"
    ]


def test_the_section_page_cap_ends_paging(spider):
    spider.max_section_pages = 1
    out = collect(spider.parse_section(fetched(SECTION)))
    assert "https://www.suarapos.com/category/daerah/page/2/" not in requests(out)
    assert spider.crawler.stats.get_value("suarapos/section_page_cap") == 1


def with_next(name: str, next_href: str, url: str | None = None, depth: int = 1) -> HtmlResponse:
    """A saved section page whose next-page link is ``next_href``, fetched as ``url`` at ``depth``."""
    html = saved_response(name).body.decode("utf-8")
    html = re.sub(r'(<a href=")[^"]+(" ><i class="td-icon-menu-right">)', rf"\g<1>{next_href}\g<2>", html)
    url = url or EXPECTED[name]["url"]
    return HtmlResponse(url, body=html.encode(), encoding="utf-8", request=Request(url, meta={"section_depth": depth}))


def test_the_page_cap_counts_pages_whatever_the_shape_of_their_urls(spider):
    spider.max_section_pages = 3
    url = f"{BASE}/category/daerah/?hal=3"
    out = collect(spider.parse_section(with_next(SECTION, f"{BASE}/category/daerah/?hal=4", url, depth=3)))
    assert requests(out) == [u for u in requests(out) if "hal=" not in u]
    assert spider.crawler.stats.get_value("suarapos/section_page_cap") == 1


def test_a_next_page_that_lists_only_what_the_section_listed_already_ends_it(spider):
    first = collect(spider.parse_section(with_next(SECTION, f"{BASE}/category/daerah/?hal=2")))
    assert f"{BASE}/category/daerah/?hal=2" in requests(first)
    again = with_next(SECTION, f"{BASE}/category/daerah/?hal=3", f"{BASE}/category/daerah/?hal=2", depth=2)
    assert not [u for u in requests(collect(spider.parse_section(again))) if "hal=" in u]
    assert spider.crawler.stats.get_value("suarapos/section_repeats") == 1


def test_a_next_page_link_into_another_section_is_not_followed(spider):
    out = collect(spider.parse_section(with_next(SECTION, f"{BASE}/category/opini/page/2/")))
    assert f"{BASE}/category/opini/page/2/" not in requests(out)
    assert spider.crawler.stats.get_value("suarapos/section_next_elsewhere") == 1


def test_a_404_past_the_last_page_ends_a_section_and_is_no_reject(spider):
    url = "https://www.suarapos.com/category/opini/page/4/"
    response = HtmlResponse(url, status=404, body=b"<html></html>", request=Request(url))
    failure = Failure(HttpError(response))  # what Scrapy hands an errback
    failure.request = response.request
    assert collect(spider.section_ended(failure)) == [
        FetchOutcome(url, "end_of_section", "HTTP 404 past the last page")
    ]


def test_an_old_slug_becomes_an_alias_and_its_target_is_asked_for(spider):
    old, new = "https://www.suarapos.com/old-slug/", "https://www.suarapos.com/new-slug/"
    response = Response(old, status=301, headers={"Location": new}, request=Request(old, meta={"hops": 0}))
    out = collect(spider.follow_redirect(response, old))
    assert out[0] == UrlAlias(alias=old, url=new) and requests(out) == [new]


def test_a_redirect_loop_is_rejected(spider):
    url = "https://www.suarapos.com/loop/"
    response = Response(url, status=301, headers={"Location": url}, request=Request(url, meta={"hops": 0}))
    (reject,) = collect(spider.follow_redirect(response, url))
    assert isinstance(reject, Reject) and "loop" in reject.reason


def test_a_page_cut_short_twice_is_rejected_not_read(spider):
    url = EXPECTED["classic_seed_article_three_irp_boxes"]["url"]
    cut = saved_response("classic_seed_article_three_irp_boxes").body[:5000]
    flagged = HtmlResponse(url, body=cut, request=spider.article_request(url), flags=["truncated"])
    (reject,) = collect(spider.parse_article(flagged))
    assert isinstance(reject, Reject) and "truncated" in reject.reason


def test_an_article_page_gives_its_article_and_asks_for_its_baca_juga_targets(spider):
    name = "classic_seed_article_three_irp_boxes"
    response = saved_response(name)
    response = response.replace(request=spider.article_request(response.url))
    out = collect(spider.parse_article(response))
    articles = [x for x in out if not isinstance(x, Request)]
    assert len(articles) == 1 and articles[0].url == EXPECTED[name]["url"]
    assert set(requests(out)) == set(reviewed_links(name)) - {EXPECTED[name]["url"]}


@pytest.mark.parametrize(
    ("last_ok_run", "asked"),
    [
        (datetime(2026, 1, 15, tzinfo=WIB), [2, 3, 4, 5]),  # changed since: February to May
        (datetime(2026, 6, 1, tzinfo=WIB), [4, 5]),  # none changed: the newest two all the same
    ],
)
def test_a_sitemap_index_asks_for_changed_sitemaps_and_always_the_newest_two(spider, last_ok_run, asked):
    entries = "".join(
        f"<sitemap><loc>{BASE}/post-sitemap{i}.xml</loc><lastmod>2026-0{i}-01T00:00:00+00:00</lastmod></sitemap>"
        for i in range(1, 6)
    )
    body = f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    spider.plan = CrawlPlan(now=NOW, last_ok_run=last_ok_run, stored={"x": (0.0, 0.0, 0.0)})
    out = collect(spider.parse_sitemap_index(scrapy.http.XmlResponse(f"{BASE}/sitemap_index.xml", body=body.encode())))
    assert sorted(requests(out)) == [f"{BASE}/post-sitemap{i}.xml" for i in asked]


# ---- split posts ------------------------------------------------------------------------------
SPLIT = [f"split_post_page_{n}_of_3" for n in (1, 2, 3)]


def split_page(n: int, request: Request) -> HtmlResponse:
    response = saved_response(SPLIT[n - 1])
    return response.replace(request=request)


def test_the_first_page_of_a_split_post_asks_for_the_second_and_stores_nothing_yet(spider):
    url = EXPECTED[SPLIT[0]]["url"]
    (nxt,) = collect(spider.parse_article(split_page(1, spider.article_request(url))))
    assert isinstance(nxt, Request) and nxt.url == f"{url}2/" and nxt.dont_filter
    assert nxt.meta["split_page"] == 2 and nxt.meta["split_article"].url == url


def test_the_last_page_of_a_split_post_gives_one_article_with_every_pages_text_and_the_pages_as_aliases(spider):
    url = EXPECTED[SPLIT[0]]["url"]
    (nxt,) = collect(spider.parse_article(split_page(1, spider.article_request(url))))
    out = collect(spider.parse_split_page(split_page(2, nxt)))
    last = next(x for x in out if isinstance(x, Request))
    out = collect(spider.parse_split_page(split_page(3, last)))
    (article,) = [x for x in out if isinstance(x, Article)]
    assert article.url == url
    assert article.body == "\n\n".join(reviewed(name)["body"] for name in SPLIT)
    assert [link.target_url for link in article.related] == [t for name in SPLIT for t in reviewed_links(name)]
    assert [link.position for link in article.related] == list(range(len(article.related)))
    assert UrlAlias(alias=f"{url}3/", url=url) in out


def test_a_later_page_reached_first_leads_to_the_first_and_is_an_alias(spider):
    url = EXPECTED[SPLIT[1]]["url"]
    first = EXPECTED[SPLIT[0]]["url"]
    out = collect(spider.parse_article(split_page(2, spider.article_request(url))))
    assert out[0] == UrlAlias(alias=url, url=first) and requests(out) == [first]


def test_a_split_post_with_a_page_missing_is_recorded_not_stored(spider):
    url = EXPECTED[SPLIT[0]]["url"]
    (nxt,) = collect(spider.parse_article(split_page(1, spider.article_request(url))))
    response = HtmlResponse(nxt.url, status=500, body=b"<html></html>", request=nxt)
    failure = Failure(HttpError(response))
    failure.request = nxt
    out = collect(spider.split_page_failed(failure))
    assert all(isinstance(x, Reject) for x in out)
    assert any(x.url == url and "page 2 of 3" in x.reason for x in out)


def test_a_copy_on_this_machine_never_leads_to_the_live_site_at_loopback_speed():
    crawler = Crawler(SuaraposSpider, Settings(project_settings(SQLITE_PATH="", WARC_ENABLED=False)))
    local = SuaraposSpider.from_crawler(crawler, base_url="http://127.0.0.1:8765")  # as a crawl builds it
    assert local.allowed_domains == ["127.0.0.1"] and crawler.settings.getint("CONCURRENT_REQUESTS") == 16
    crawler = get_crawler(SuaraposSpider, settings_dict=project_settings(SQLITE_PATH="", WARC_ENABLED=False))
    live = SuaraposSpider.from_crawler(crawler)
    assert "suarapos.co.id" in live.allowed_domains and "www.suarapos.com" in live.allowed_domains


def test_the_run_knows_its_size_once_the_home_page_and_every_sections_first_page_are_read(spider):
    """The progress line's time left: "estimating" (None) until then, not a guess from a queue of a few pages."""
    from collections import deque

    assert spider.pages_to_come() is None
    home = collect(spider.parse_home(fetched("home")))
    sections = [r for r in home if isinstance(r, Request) and r.callback == spider.parse_section]
    assert len(sections) == spider.sections_listed > 1 and spider.pages_to_come() is None
    spider.sitemap_backlog["post-sitemap.xml"] = deque(["a", "b", "c"])  # held back for later batches
    collect(spider.parse_section(fetched(SECTION)))
    assert spider.pages_to_come() is None  # one section's size known, not the others'
    spider.sections_sized = spider.sections_listed
    assert spider.pages_to_come() == 3
