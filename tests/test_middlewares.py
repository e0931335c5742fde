"""Downloader middlewares on responses built here: what each hands on."""

from __future__ import annotations

from scrapy.http import HtmlResponse, Request, TextResponse
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from suarapos_crawler.middlewares import TRUNCATED, TruncatedPageMiddleware
from tests.conftest import saved_response

PAGE = "classic_seed_article_three_irp_boxes"


def middleware() -> TruncatedPageMiddleware:
    return TruncatedPageMiddleware(MemoryStatsCollector(get_crawler()))


def test_a_whole_page_goes_on_untouched():
    whole = saved_response(PAGE)
    assert middleware().process_response(whole.request or Request(whole.url), whole) is whole


def test_a_page_cut_short_is_asked_for_once_more_then_flagged():
    mw = middleware()
    cut = saved_response(PAGE).body[:5000]
    request = Request("https://www.suarapos.com/a/", meta={"hops": 0})
    again = mw.process_response(request, HtmlResponse(request.url, body=cut, request=request))
    assert isinstance(again, Request) and again.dont_filter
    assert again.meta == {"hops": 0, "truncated_before": True}
    assert mw.stats.get_value("suarapos/truncated_retries") == 1
    flagged = mw.process_response(again, HtmlResponse(request.url, body=cut, request=again))
    assert TRUNCATED in flagged.flags and flagged.body == cut


def test_what_is_not_a_whole_html_page_is_not_judged():
    mw = middleware()
    request = Request("https://www.suarapos.com/post-sitemap.xml")
    xml = TextResponse(request.url, body=b"<urlset>", headers={"Content-Type": "application/xml"}, encoding="utf-8")
    assert mw.process_response(request, xml) is xml
    missing = HtmlResponse("https://www.suarapos.com/x/", status=404, body=b"<html><body>gone")
    assert mw.process_response(request, missing) is missing


def test_a_gzip_encoded_page_mislabelled_latin_1_is_read_as_the_utf_8_it_is():
    """Responses pass the downloader middlewares from the highest order down: the charset must be judged after
    HttpCompressionMiddleware has decoded the body (judged before, a gzip body is never valid UTF-8)."""
    import gzip

    from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
    from scrapy.utils.conf import build_component_list
    from scrapy.utils.misc import load_object
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    crawler = get_crawler()
    crawler.stats = MemoryStatsCollector(crawler)
    order = build_component_list(settings.getwithbase("DOWNLOADER_MIDDLEWARES"))
    wanted = {HttpCompressionMiddleware, load_object("suarapos_crawler.middlewares.CharsetRepairMiddleware")}
    chain = [cls.from_crawler(crawler) for cls in map(load_object, order) if cls in wanted]
    text = "<html><body><p>Warga Pangkalpinang menyambut baik — kata Pak Ahmad.</p></body></html>"
    request = Request("https://www.suarapos.com/a/")
    response = HtmlResponse(
        request.url,
        body=gzip.compress(text.encode("utf-8")),
        headers={"Content-Encoding": "gzip", "Content-Type": "text/html; charset=ISO-8859-1"},
        request=request,
    )
    for middleware in reversed(chain):  # as Scrapy calls process_response: the highest order first
        response = middleware.process_response(request, response)
    assert response.text == text
    assert crawler.stats.get_value("charset/repaired") == 1
