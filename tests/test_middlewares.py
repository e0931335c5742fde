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


def test_windows_1252_quotes_in_a_page_that_says_utf_8_are_read_as_the_quotes_they_are():
    from suarapos_crawler.middlewares import CharsetRepairMiddleware

    mw = CharsetRepairMiddleware(MemoryStatsCollector(get_crawler()))
    body = "<html><body><p>Kata Ahmad, \u201cTimah\u201d \u2013 Sungailiat.</p></body></html>".encode()
    mixed = (
        body.replace("\u201c".encode(), b"\x93").replace("\u201d".encode(), b"\x94").replace("\u2013".encode(), b"\x96")
    )
    request = Request("https://www.suarapos.com/a/")
    read = mw.process_response(
        request, HtmlResponse(request.url, body=mixed, headers={"Content-Type": "text/html; charset=UTF-8"})
    )
    assert read.text == body.decode() and "\ufffd" not in read.text
    assert mw.stats.get_value("charset/windows_1252_repaired") == 1
    utf8 = HtmlResponse(request.url, body=body, headers={"Content-Type": "text/html; charset=UTF-8"})
    assert mw.process_response(request, utf8) is utf8  # whole UTF-8: untouched
    latin = HtmlResponse(request.url, body=mixed, headers={"Content-Type": "text/html; charset=windows-1252"})
    assert mw.process_response(request, latin) is latin  # said windows-1252, is windows-1252: the header is right


def test_a_whole_page_in_utf_16_is_whole():
    page = "<html><body><p>Pangkalpinang</p></body></html>"
    request = Request("https://www.suarapos.com/a/")
    whole = HtmlResponse(request.url, body=page.encode("utf-16"), headers={"Content-Type": "text/html; charset=UTF-16"})
    assert middleware().process_response(request, whole) is whole
    cut = HtmlResponse(
        request.url, body=page.encode("utf-16")[:40], headers={"Content-Type": "text/html; charset=UTF-16"}
    )
    assert isinstance(middleware().process_response(request, cut), Request)  # cut short: asked for again
