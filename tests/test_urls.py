"""Canonical URLs and what a link can lead to."""

from __future__ import annotations

import pytest

from suarapos_crawler.urls import canonical_url, may_be_article, section_page_url, shortlink_post_id

BASE = "https://www.suarapos.com"
ARTICLE = "https://www.suarapos.com/gubernur-buka-festival/"


@pytest.mark.parametrize(
    "spelling",
    [
        "https://www.suarapos.com/gubernur-buka-festival",
        "http://www.suarapos.com/gubernur-buka-festival/",
        "https://suarapos.co.id/gubernur-buka-festival/",
        "https://suarapos.com/gubernur-buka-festival/#respond",
        "https://www.suarapos.com/gubernur-buka-festival/?utm_source=wa&utm_medium=share",
        "https://www.suarapos.com/gubernur-buka-festival/?replytocom=123#respond",
        "https://WWW.SUARAPOS.COM/gubernur-buka-festival/",
        "https://www.suarapos.com/gubernur-buka-festival/amp/",
        "https://www.suarapos.com/gubernur-buka-festival/amp",
        "https://www.suarapos.com/gubernur-buka-festival/?amp",
        "https://www.suarapos.com/gubernur-buka-festival/?amp=1",
        "https://suarapos.co.id/gubernur-buka-festival/amp/?utm_source=wa",
    ],
)
def test_every_spelling_of_an_article_is_one_url(spelling):
    assert canonical_url(spelling, BASE) == ARTICLE


def test_the_amp_edition_of_the_home_page_is_the_home_page():
    assert canonical_url(f"{BASE}/amp/", BASE) == f"{BASE}/"


def test_site_hosts_map_to_the_base_url_of_the_crawl():
    assert canonical_url("https://suarapos.co.id/x/", "http://127.0.0.1:8765") == "http://127.0.0.1:8765/x/"


def test_other_sites_are_left_alone_but_for_the_fragment():
    assert canonical_url("https://www.instagram.com/p/abc/#x", BASE) == "https://www.instagram.com/p/abc/"


def test_meaningful_query_is_kept():
    assert canonical_url("https://www.suarapos.com/?p=12345", BASE) == "https://www.suarapos.com/?p=12345"
    assert shortlink_post_id("https://www.suarapos.com/?p=12345") == 12345


@pytest.mark.parametrize(
    "url",
    [
        "/tag/umkm/",
        "/author/redaksi/",
        "/2023/02/",
        "/2023/02/08/",
        "/?s=timah",
        "/feed/",
        "/x/feed/",
        "/category/daerah/",
        "/wp-admin/",
        "/wp-login.php",
        "/sitemap_index.xml",
        "/x/amp/",
        "/page/2/",
        "/wp-content/uploads/2023/02/a.jpg",
    ],
)
def test_links_that_never_lead_to_an_article(url):
    assert not may_be_article(BASE + url, BASE)


@pytest.mark.parametrize("url", ["/gubernur-buka-festival/", "/2023/02/08/gubernur-buka-festival/", "/?p=12"])
def test_links_that_may_be_articles(url):
    assert may_be_article(BASE + url, BASE)


def test_off_site_links_are_not_followed():
    assert not may_be_article("https://www.facebook.com/sharer.php?u=x", BASE)


def test_section_page_urls():
    assert section_page_url(f"{BASE}/category/daerah/", 3) == f"{BASE}/category/daerah/page/3/"
    assert section_page_url(f"{BASE}/category/daerah/page/3/", 1) == f"{BASE}/category/daerah/"


def test_a_non_ascii_path_has_one_spelling_whoever_wrote_it():
    slug = "berita-" + "漢" * 3
    as_scrapy_asks = "https://www.suarapos.com/berita-%E6%BC%A2%E6%BC%A2%E6%BC%A2/"
    for spelling in (
        f"https://www.suarapos.com/{slug}/",
        as_scrapy_asks,
        as_scrapy_asks.lower().replace("https://www.suarapos.com", BASE),
    ):
        assert canonical_url(spelling, BASE) == as_scrapy_asks
    assert canonical_url(f"{BASE}/a%2Fb/", BASE) == f"{BASE}/a%2Fb/"  # an escaped slash stays escaped
