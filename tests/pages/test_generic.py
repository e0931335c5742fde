"""The generic reading's rules, each on the smallest page that shows it (the whole pages of the zoo are read in
test_article_page.py and test_listing_page.py, and crawled in tests/e2e/test_unknown_themes.py)."""

from __future__ import annotations

from lxml import html

from suarapos_crawler.pages import generic
from suarapos_crawler.pages.article import ArticlePage
from suarapos_crawler.pages.html import FetchedPage
from suarapos_crawler.pages.main_content import find_main_content

BASE = "https://www.suarapos.com"
PROSE = "<p>" + " ".join(["Warga Pangkalpinang mengikuti kegiatan gotong royong di kelurahan mereka."] * 6) + "</p>"


def tree(body: str):
    return html.fromstring(f"<html><body>{body}</body></html>")


def test_a_word_in_a_class_name_never_takes_the_content_element_away():
    root = tree(f"<div class='content-inner no-share penci_sidebar related-content'>{PROSE}</div>")
    assert find_main_content(root) is not None


def test_the_comment_area_is_never_the_content():
    root = tree(f"<div id='comments' class='comments-area'>{PROSE}{PROSE}</div><div class='entry'>{PROSE}</div>")
    assert find_main_content(root).get("class") == "entry"


def test_a_sidebar_is_judged_by_whole_tokens_and_never_holds_the_headline():
    root = tree(
        "<div class='penci_sidebar'><h1>Judul</h1><a id='in' href='/a/'>a</a></div>"
        "<div class='jeg_sidebar'><div class='widget'><a id='out' href='/b/'>b</a></div></div>"
    )
    headline = generic.headline(root)
    assert not generic.is_side_chrome(root.get_element_by_id("in"), headline)
    assert generic.is_side_chrome(root.get_element_by_id("out"), headline)


def test_an_articles_own_footer_is_not_page_chrome():
    root = tree(
        "<article><h1>Judul</h1><footer><a id='cat' rel='category tag' href='/category/daerah/'>Daerah</a></footer>"
        "</article><footer><a id='site' href='/redaksi/'>Redaksi</a></footer>"
    )
    headline = generic.headline(root)
    assert not generic.is_side_chrome(root.get_element_by_id("cat"), headline)
    assert generic.is_side_chrome(root.get_element_by_id("site"), headline)


def test_the_publication_time_is_the_one_marked_published_not_the_updated_one_printed_first():
    root = tree(
        "<h1>Judul</h1><time class='updated' datetime='2026-11-29T20:00:00+07:00'>29 November</time>"
        "<time class='entry-date published' datetime='2026-11-29T08:15:00+07:00'>29 November</time>"
    )
    assert generic.first_datetime(root, generic.headline(root)) == "2026-11-29T08:15:00+07:00"


def test_the_visible_date_is_the_smallest_element_that_holds_one_after_the_headline():
    root = tree(
        "<span>1 Januari 2020</span><h1>Judul</h1>"
        "<p class='meta'><a href='/author/a/'>Ani</a><span class='tie-date'>29 November 2026</span> 12 komentar</p>"
    )
    assert generic.visible_date_text(root, generic.headline(root)) == "29 November 2026"


def test_what_a_visible_date_tells():
    assert generic.precision_of("29 November 2026") == "day"
    assert generic.precision_of("Nov 29, 2026") == "day"
    assert generic.precision_of("Minggu, 29 November 2026 - 14:05 WIB") == "minute"
    assert generic.precision_of("3 jam yang lalu") == "hour"
    assert generic.precision_of("2 hari yang lalu") == "day"


def test_a_date_alone_in_json_ld_gives_the_day_and_a_time_elsewhere_wins():
    page = (
        '<html><head><script type="application/ld+json">{"@type": "BlogPosting", "datePublished": "2026-11-29"}'
        "</script></head><body><h1>Judul</h1><time datetime='2026-11-29T08:15:00+07:00'>29 November 2026</time>"
        f"<div>{PROSE}</div></body></html>"
    )
    found = ArticlePage(FetchedPage(f"{BASE}/judul/", page), BASE, ("newspaper",)).published()
    assert (found.iso, found.precision) == ("2026-11-29T08:15:00+07:00", "minute")
    alone = page.replace("<time datetime='2026-11-29T08:15:00+07:00'>29 November 2026</time>", "")
    found = ArticlePage(FetchedPage(f"{BASE}/judul/", alone), BASE, ("newspaper",)).published()
    assert (found.iso[:10], found.precision) == ("2026-11-29", "day")


def test_a_relative_date_counts_back_from_the_servers_date():
    page = f"<html><body><h1>Judul</h1><span class='date'>3 jam yang lalu</span><div>{PROSE}</div></body></html>"
    fetched = FetchedPage(f"{BASE}/judul/", page, "Sun, 29 Nov 2026 07:00:00 GMT")  # 14:00 WIB
    found = ArticlePage(fetched, BASE, ("newspaper",)).published()
    assert (found.iso[:13], found.precision) == ("2026-11-29T11", "hour")


def test_sections_and_tags_no_rel_marks_are_the_links_nearest_the_headline_but_never_the_texts():
    root = tree(
        "<div class='mg-header'><a href='/category/daerah/'>Daerah</a><h1>Judul</h1>"
        "<span><a href='/tag/umkm/'>#UMKM</a></span></div>"
        "<article class='page-content-single'><p>Di <a href='/tag/bangka-belitung/'>Bangka Belitung</a></p></article>"
    )
    headline = generic.headline(root)
    content = root.find(".//article")
    assert generic.links_near(headline, "/category/", content) == ["Daerah"]
    assert generic.links_near(headline, "/tag/", content) == ["UMKM"]


def test_a_list_of_tags_is_one_box_however_many_items_hold_it():
    root = tree(
        "<h1>Judul</h1><div class='entry-tags'><ul>"
        "<li><a rel='tag' href='/tag/a/'>A</a></li><li><a rel='tag' href='/tag/b/'>B</a></li></ul></div>"
        "<div class='related'><a rel='tag' href='/tag/c/'>C</a></div>"
    )
    assert generic.term_links(root, generic.headline(root), generic.is_tag_link) == ["A", "B"]


def test_blocks_are_kept_where_the_reference_agrees_and_prose_is_kept_whatever_it_says():
    reference = "Warga Pangkalpinang mengikuti kegiatan gotong royong.\nSumber daya alam dijaga bersama warga setempat."
    paragraphs = [
        "Warga Pangkalpinang mengikuti kegiatan gotong royong.",
        "Artikel Terkait",
        "Sumber",  # a word of the reference, but no line of it: a label
        "Anggaran Penerimaan Siswa Baru Naik 5 Persen",
        " ".join(["Kalimat panjang yang tidak ada dalam rujukan tetapi jelas prosa berita ini."] * 2),
    ]
    kept = generic.agreed(paragraphs, reference)
    assert kept == [paragraphs[0], paragraphs[4]]
    assert generic.agreed(paragraphs, None) == paragraphs


def test_terms_no_link_shows_are_the_articles_classes_named_by_the_pages_menu():
    root = tree(
        "<nav><a href='/category/daerah/bangka-barat/'>Bangka Barat</a><a href='/category/pendidikan/'>Pendidikan</a></nav>"
        "<article class='post-1 post hentry category-bangka-barat category-pendidikan category-hilang'><h1>J</h1></article>"
    )
    found = generic.post_class_terms(root.find(".//article"), root, "category-", "/category/")
    assert found == ["Bangka Barat", "Pendidikan"]  # a class the page names nowhere is left out
