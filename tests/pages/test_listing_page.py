"""ListingPage against saved home and section pages."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from suarapos_crawler.pages.listing import ListingPage
from tests.conftest import BASE, EXPECTED, saved_response

SECTIONS = [
    n
    for n in (
        "section_first_page_with_page_nav",
        "section_middle_page",
        "section_last_page",
        "section_load_more_no_page_nav",
        "nested_section",
        "colormag_section_first_page",
    )
]


def listing(name: str) -> ListingPage:
    return ListingPage(saved_response(name), BASE)


ZOO_SECTIONS = sorted(n for n, info in EXPECTED.items() if info["kind"] == "listing" and "next" in info)


@pytest.mark.parametrize("name", ZOO_SECTIONS)
def test_a_listing_of_a_theme_it_does_not_know_gives_its_posts_and_its_next_page(name):
    page = listing(name)
    assert not page.knows_theme
    assert set(EXPECTED[name]["articles"]) <= set(page.article_urls())
    assert page.next_page_url() == EXPECTED[name]["next"]


def test_home_lists_every_section_of_the_menu_nested_ones_too():
    assert set(listing("home").section_urls()) == set(EXPECTED["home"]["sections"])
    assert f"{BASE}/category/daerah/pangkalpinang/" in listing("home").section_urls()


@pytest.mark.parametrize("name", SECTIONS)
def test_section_lists_its_articles_and_not_the_sidebar(name):
    assert set(listing(name).article_urls()) == set(EXPECTED[name]["articles"])


@pytest.mark.parametrize("name", SECTIONS)
def test_listed_urls_are_canonical(name):
    urls = listing(name).article_urls()
    assert urls and all(u.endswith("/") and "#" not in u for u in urls)


def test_page_numbers_from_halaman_n_dari_m():
    info = EXPECTED["section_middle_page"]
    assert listing("section_middle_page").page_numbers() == (2, info["last"])


def test_next_page_from_the_icon_only_arrow():
    assert listing("section_first_page_with_page_nav").next_page_url() == f"{BASE}/category/daerah/page/2/"
    assert listing("section_middle_page").next_page_url() == f"{BASE}/category/daerah/page/3/"


def test_last_page_has_no_next():
    assert listing("section_last_page").next_page_url() is None


def test_load_more_section_is_paged_by_url_although_it_prints_no_page_nav():
    page = listing("section_load_more_no_page_nav")
    assert not page.has_page_nav()
    assert page.next_page_url() == f"{BASE}/category/ekonomi/page/2/"


def test_after_a_redesign_the_section_is_paged_by_wordpress_pagination():
    page = listing("colormag_section_first_page")
    assert page.page_numbers() == (1, EXPECTED["colormag_section_first_page"]["last"])
    assert page.next_page_url() == f"{BASE}/category/daerah/page/2/"


def test_after_a_redesign_the_menu_still_gives_every_section():
    assert f"{BASE}/category/daerah/pangkalpinang/" in listing("colormag_section_first_page").section_urls()


def test_a_listing_of_an_unknown_theme_gives_the_headings_of_its_posts_not_its_widgets():
    html = (
        "<html><body class='archive category'><main id='main'>"
        "<article class='post-1 post'><h2 class='post-title'><a href='/berita-satu/'>Satu</a></h2><p>x</p></article>"
        "<article class='post-2 post'><h2 class='post-title'><a href='/berita-dua/'>Dua</a></h2></article>"
        "</main><aside class='sidebar'><article><h3><a href='/populer/'>Populer</a></h3></article></aside></body></html>"
    )
    page = ListingPage(HtmlResponse(f"{BASE}/category/berita/", body=html.encode(), encoding="utf-8"), BASE)
    assert page.article_urls() == [f"{BASE}/berita-satu/", f"{BASE}/berita-dua/"]
