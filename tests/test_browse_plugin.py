"""The Datasette plugin's pure parts: snippet marking and the CSV formula guard."""

from __future__ import annotations

import pytest
from datasette.app import Datasette

from suarapos_crawler.browse.plugins.suarapos_safety import (
    NOTHING,
    CsvDefuser,
    defuse,
    defuse_csv,
    fts_query,
    render_cell,
    search_said,
)

DATASETTE = Datasette(memory=True)


def test_snippet_is_escaped_before_matches_are_marked():
    out = str(render_cell("a <b>x</b> ⟦Cordela⟧", "snippet", "archive", DATASETTE))
    assert out == "a &lt;b&gt;x&lt;/b&gt; <mark>Cordela</mark>"


def test_other_columns_are_left_to_datasette():
    assert render_cell("⟦x⟧", "body", "archive", DATASETTE) is None


def test_an_article_cell_links_to_the_archived_row_then_the_live_page():
    out = str(render_cell("https://www.suarapos.com/a-b/", "article_url", "_memory", DATASETTE))
    assert out.startswith('<a href="/_memory/articles/https~3A~2F~2Fwww~2Esuarapos~2Ecom~2Fa-b~2F">archived</a>')
    assert out.endswith('<a href="https://www.suarapos.com/a-b/" rel="nofollow">live</a>')


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("anak-anak", '"anak-anak"'),
        ("Kep. Babel", '"Kep" AND "Babel"'),
        ("Hukum & Kriminal", '"Hukum" AND "Kriminal"'),
        ('"pranata humas" diskominfo', '"pranata humas" AND "diskominfo"'),
        ('"unbalanced', '"unbalanced"'),
        ("bangun*", '"bangun"*'),
        ("OR NOT", '"OR" AND "NOT"'),  # words, not operators: OR has no term before it
        ("tambang OR lahan", '("tambang") OR ("lahan")'),
        ("tambang or lahan", '("tambang") OR ("lahan")'),
        ("tambang atau lahan", '("tambang") OR ("lahan")'),
        ("Diskominfo OR Pranata Humas", '("Diskominfo") OR ("Pranata" AND "Humas")'),  # names as people type them
        ("tambang -lahan", '("tambang") NOT ("lahan")'),
        ('timah -"tambang ilegal" -banjir', '("timah") NOT ("tambang ilegal" OR "banjir")'),
        ("-banjir", NOTHING),  # only what to leave out: nothing to start from
        ("lahan OR", '"lahan" AND "OR"'),
        ("fts: kpu NOT pemilu", "kpu NOT pemilu"),  # the advanced mode, as typed
        ("", NOTHING),
        ("  & - . ", NOTHING),
    ],
)
def test_any_typed_text_is_a_safe_fts_query(typed, query):
    assert fts_query(typed) == query


def test_a_search_says_what_it_searched_as_a_person_reads_it():
    assert search_said('Diskominfo OR "Pranata Humas" -banjir') == "Diskominfo, or “Pranata Humas”; not banjir"
    assert search_said("tambang atau lahan kebakaran*") == "tambang, or lahan and kebakaran…"


def test_a_stemmed_search_excludes_every_form_of_a_word():
    assert fts_query("tambang -penangkapan", stems=True) == (
        '(({title body} : "tambang" OR {title_stems body_stems} : "tambang")) '
        'NOT (({title body} : "penangkapan" OR {title_stems body_stems} : "tangkap"))'
    )


def test_formulas_become_text_numbers_stay_numbers():
    assert defuse("=1+1") == "'=1+1" and defuse("@SUM(A1)") == "'@SUM(A1)" and defuse("+62 812") == "'+62 812"
    assert defuse("-5") == "-5" and defuse("+7.5") == "+7.5" and defuse("Bangka") == "Bangka"


def test_csv_can_carry_a_byte_order_mark_and_any_cell_size():
    body = ('a\r\n"' + "x" * 200_000 + '"\r\n').encode()
    out = defuse_csv(body, bom=True)
    assert out.startswith("\ufeff".encode()) and len(out) > 200_000


def test_csv_keeps_quoting_and_lines():
    body = b'a,b\r\n"=x(""1"")","line\nbreak"\r\n'
    assert defuse_csv(body).decode() == 'a,b\r\n"\'=x(""1"")","line\nbreak"\r\n'


def test_a_publication_time_is_shown_as_precisely_as_its_page_gave_it():
    from suarapos_crawler.browse.plugins.suarapos_reading import render_cell as time_cell
    from suarapos_crawler.clock import wib_date

    stored = "2026-11-28T00:00:00+07:00"
    assert wib_date("2026-11-28T15:32:00+07:00") == "28 November 2026, 15:32 WIB"
    assert wib_date(stored, "day") == "28 November 2026"
    assert wib_date("2026-11-28T11:00:00+07:00", "hour") == "28 November 2026, sekitar 11:00 WIB"
    row = {"published_at": stored, "published_precision": "day"}
    assert time_cell(row, stored, "published_at", "articles", "archive", DATASETTE) == "2026-11-28"
    minute = {**row, "published_precision": "minute"}
    assert time_cell(minute, stored, "published_at", "articles", "archive", DATASETTE) is None  # Datasette's own


def test_a_csv_is_defused_as_it_streams_whatever_its_chunks_cut():
    """Chunks cut anywhere: inside a quoted body with line breaks and doubled quotes, inside a UTF-8 character."""
    body = "url,title,body\r\n" + "".join(
        f'u{i},=HYPERLINK("x"),"Kata ""Ahmad"" \u2013 Sungailiat\r\n=SUM(A1)\nakhir"\r\n' for i in range(40)
    )
    data = body.encode()
    whole = defuse_csv(data, bom=True)
    assert whole.startswith("\ufeff".encode()) and whole.count(b"'=HYPERLINK") == 40 and b"\n'=SUM" not in whole
    for size in (1, 2, 5, 64, 999):
        defuser = CsvDefuser(bom=True)
        streamed = [defuser.feed(data[i : i + size]) for i in range(0, len(data), size)] + [defuser.close()]
        assert b"".join(streamed) == whole
        assert max(map(len, streamed)) < size * 1.2 + 200  # a chunk in, its whole records out: never the whole CSV


def test_a_change_is_shown_paragraph_by_paragraph_then_word_by_word():
    from suarapos_crawler.browse.plugins.suarapos_reading import word_diff

    before = "Satu dua tiga.\n\nWarga Muntok menerima bantuan.\n\nPenutup."
    after = "Kabar terbaru di atas.\n\nSatu dua tiga.\n\nWarga Sungailiat menerima bantuan.\n\nPenutup."
    assert word_diff(before, after) == [
        ("ins", "Kabar terbaru di atas."),
        ("same", "Satu dua tiga."),
        ("same", "Warga"),
        ("del", "Muntok"),
        ("ins", "Sungailiat"),
        ("same", "menerima bantuan."),
        ("same", "Penutup."),
    ]
    assert word_diff("Judul lama", "Judul baru") == [("same", "Judul"), ("del", "lama"), ("ins", "baru")]
    long = " ".join(f"kata{i}" for i in range(100))
    (same,) = word_diff(long, long)
    assert same[0] == "same" and "…" in same[1] and len(same[1].split()) == 21  # the unchanged middle elided
