"""Body extraction on hand-written variants the sample does not print, built to SITE.md's description."""

from __future__ import annotations

import lxml.html

from suarapos_crawler.pages.body import extract_body


def body_of(html: str):
    return extract_body(lxml.html.fragment_fromstring(f'<div class="td-post-content">{html}</div>'))


def test_label_heading_followed_by_a_list():
    body = body_of(
        '<p>Satu dua tiga.</p><h3>BACA JUGA:</h3><ul><li><a href="/a/">A</a></li><li><a href="/b/">B</a></li></ul>'
        "<p>Empat lima.</p>"
    )
    assert body.paragraphs == ["Satu dua tiga.", "Empat lima."]
    assert [link.href for link in body.links] == ["/a/", "/b/"]


def test_br_line_with_the_link_in_strong():
    body = body_of(
        '<div>Satu dua.<br><br>Baca Juga: <strong><a href="/a/">Judul A</a></strong><br><br>Tiga empat.</div>'
    )
    assert body.paragraphs == ["Satu dua.", "Tiga empat."]
    assert [(link.href, link.text) for link in body.links] == [("/a/", "Judul A")]


def test_irp_box_wrapped_in_stray_paragraphs():
    box = (
        '<p><div style="clear:both"><a href="/a/" class="u1"><!-- INLINE RELATED POSTS 1/3 //--><style>.u1{padding:0}</style>'
        '<div><span class="ctaText">Baca Juga</span>&nbsp;\n<span class="postTitle">Judul A</span></div></a></div></p>'
    )
    body = body_of(f"<p>Satu.</p>{box}<p>Dua.</p>")
    assert body.paragraphs == ["Satu.", "Dua."] and body.links[0].text == "Judul A"


def test_a_sentence_that_begins_with_the_words_is_kept():
    body = body_of(
        '<p>Baca juga berita lain di <a href="/tag/x/">kanal kami</a> tentang program pemerintah daerah hari ini.</p>'
    )
    assert len(body.paragraphs) == 1 and body.links == []


def test_inline_links_in_prose_are_prose():
    body = body_of('<p>Warga <a href="/tag/bangka/">Bangka</a> hadir.</p>')
    assert body.paragraphs == ["Warga Bangka hadir."] and body.links == []


def test_dateline_with_city_and_nbsp():
    body = body_of("<p><strong>SUARAPOS.COM, BANGKA BARAT</strong>\xa0&#8211;\xa0Hujan deras turun.</p>")
    assert body.dateline == "SUARAPOS.COM, BANGKA BARAT" and body.paragraphs == ["Hujan deras turun."]


def test_single_br_joins_lines_double_br_splits_paragraphs():
    body = body_of("<div>Baris satu<br>baris dua.<br /><br />Paragraf dua.</div>")
    assert body.paragraphs == ["Baris satu baris dua.", "Paragraf dua."]


def test_paragraphs_an_unclosed_ad_swallowed_are_the_articles_and_the_ad_is_not():
    """`</div>` after the ad and every `</p>` missing: lxml nests the rest of the post in the ad, each paragraph's
    block mark inside the paragraph before it."""
    body = body_of(
        "<div><!-- wp:paragraph --><p>Satu.<!-- /wp:paragraph -->"
        '<div class="td-a-rec"><span>- Advertisement -</span><div style="clear:both">'
        "<!-- wp:paragraph --><p>Dua.<!-- /wp:paragraph -->"
        '<!-- wp:paragraph --><p>Tiga.<div class="td-a-rec"><span>Iklan</span>'
        "<!-- wp:paragraph --><p>Empat.<!-- /wp:paragraph --></div>"
    )
    assert body.paragraphs == ["Satu.", "Dua.", "Tiga.", "Empat."]


def test_a_box_without_the_block_editors_marks_goes_whole():
    body = body_of('<div><p>Satu.</p><div class="td-a-rec"><p>Iklan panjang sekali di sini.</p></div><p>Dua.</p></div>')
    assert body.paragraphs == ["Satu.", "Dua."]


# ---- round four: what plugins and editors put inside the content ------------------------------------------------

TABLE = (
    "<table><tbody><tr><th>Kecamatan</th><th>Penerima</th><th>Anggaran</th></tr>"
    "<tr><td>Bukitintan</td><td>120</td><td>Rp 60 juta</td></tr></tbody></table>"
)


def test_a_table_is_kept_a_row_a_line_its_cells_apart():
    assert body_of(f"<p>Rincian bantuan.</p>{TABLE}").paragraphs == [
        "Rincian bantuan.",
        "Kecamatan | Penerima | Anggaran",
        "Bukitintan | 120 | Rp 60 juta",
    ]


def test_a_table_block_of_the_block_editor_is_text_not_a_figure():
    body = body_of(
        f'<p>Rincian.</p><figure class="wp-block-table">{TABLE}<figcaption>Sumber: Dinsos</figcaption></figure>'
    )
    assert body.paragraphs == ["Rincian.", "Kecamatan | Penerima | Anggaran", "Bukitintan | 120 | Rp 60 juta"]


def test_comments_printed_inside_the_content_are_not_the_article():
    comments = (
        '<div id="comments" class="comments-area"><h2 class="comments-title">2 tanggapan untuk berita ini</h2>'
        '<ol class="comment-list"><li class="comment"><article class="comment-body"><footer class="comment-meta">'
        '<b class="fn">Budi</b> <span class="says">berkata:</span></footer><div class="comment-content">'
        "<p>Mantap, semoga segera dimulai.</p></div></article></li></ol></div>"
    )
    assert body_of(f"<p>Satu dua tiga.</p>{comments}").paragraphs == ["Satu dua tiga."]


def test_a_view_counter_is_not_text_a_number_that_changes_each_fetch_would_make_each_fetch_a_version():
    counter = (
        '<div class="post-views content-post post-7 entry-meta"><span class="post-views-label">Dibaca</span> '
        '<span class="post-views-count">1.234</span> kali</div>'
    )
    assert body_of(f"<p>Satu dua tiga.</p>{counter}").paragraphs == ["Satu dua tiga."]


def test_invisible_characters_inside_words_go_so_search_finds_the_word():
    body = body_of("<p>Harga ti\u00admah naik, kata war\u2060ga di\u200e Pangkal\u200fpinang.</p>")
    assert body.paragraphs == ["Harga timah naik, kata warga di Pangkalpinang."]


def test_the_text_ends_at_the_themes_tags_that_an_unclosed_tag_nested_in_it():
    """A page whose closing </div>s and </p>s are lost: the tags, next post, comments and footer end up in the
    content element."""
    page = lxml.html.fromstring(
        '<div class="content"><p>Paragraf satu tentang promo.<p>Paragraf dua, yang terakhir.'
        '<div class="td-a-rec"><span class="td-adspot-title">- Advertisement -</span></div>'
        '<div class="tdb_single_tags"><ul class="tdb-tags"><li><span>TAGS</span></li><li><a href="/tag/umkm/">UMKM</a></li></ul>'
        '<div class="td-post-next-prev"><span>Berita sebelumya</span><a href="/x/">Judul lain</a>'
        '<div class="comments"><h3>LEAVE A REPLY</h3><div class="td-footer-wrapper">© Suarapos.co.id 2026'
    )
    content = page.xpath("//div[@class='content']")[0]
    tags = ".//ul[contains(concat(' ', normalize-space(@class), ' '), ' tdb-tags ')]//a"
    assert extract_body(content, ends_before=tags).paragraphs == [
        "Paragraf satu tentang promo.",
        "Paragraf dua, yang terakhir.",
    ]
    assert "TAGS" in " ".join(extract_body(content).paragraphs)  # what it was without the theme's tags to end at


def test_tags_printed_before_the_text_or_inside_a_paragraph_cut_nothing():
    page = lxml.html.fromstring(
        '<div class="content"><ul class="tdb-tags"><li><a href="/tag/a/">A</a></li></ul><p>Paragraf satu.</p>'
        '<p>Paragraf dua <span class="tdb-tags"><a href="/tag/b/">B</a></span> lanjut.</p></div>'
    )
    tags = ".//*[contains(concat(' ', normalize-space(@class), ' '), ' tdb-tags ')]//a"
    assert extract_body(page, ends_before=tags).paragraphs[-2:] == ["Paragraf satu.", "Paragraf dua B lanjut."]
