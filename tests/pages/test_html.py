"""The one tree of a page and the queries on it."""

from __future__ import annotations

from suarapos_crawler.pages.article import ArticlePage
from suarapos_crawler.pages.html import html_root, select
from suarapos_crawler.pages.listing import ListingPage
from tests.conftest import BASE, saved_response


def test_query_strings_are_plain_so_that_nothing_kept_keeps_a_page_alive():
    """lxml's "smart" strings hold their element, and so the whole tree: one kept in a URL cache kept its page
    (thousands of pages, 50 MiB of a worker over 8,000 pages)."""
    root = html_root(saved_response("home"))
    hrefs, texts = select(root, "//a/@href"), select(root, "//a//text()")
    assert hrefs and texts
    assert {type(value) for value in hrefs + texts} == {str}


def test_what_a_listing_and_an_article_give_holds_no_part_of_their_tree():
    urls = ListingPage(saved_response("section_middle_page"), BASE).article_urls()
    article = ArticlePage(saved_response("classic_seed_article_three_irp_boxes"), BASE).to_item()
    strings = [*urls, article.title, article.body, *article.tags, *(link.target_url for link in article.related)]
    assert urls and article.related
    assert {type(value) for value in strings} == {str}
