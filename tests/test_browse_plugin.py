"""The Datasette plugin's pure parts: snippet marking and the CSV formula guard."""

from __future__ import annotations

from suarapos_crawler.browse.plugins.suarapos_safety import defuse, defuse_csv, render_cell


def test_snippet_is_escaped_before_matches_are_marked():
    out = str(render_cell("a <b>x</b> ⟦Cordela⟧", "snippet"))
    assert out == "a &lt;b&gt;x&lt;/b&gt; <mark>Cordela</mark>"


def test_other_columns_are_left_to_datasette():
    assert render_cell("⟦x⟧", "body") is None


def test_formulas_become_text_numbers_stay_numbers():
    assert defuse("=1+1") == "'=1+1" and defuse("@SUM(A1)") == "'@SUM(A1)" and defuse("+62 812") == "'+62 812"
    assert defuse("-5") == "-5" and defuse("+7.5") == "+7.5" and defuse("Bangka") == "Bangka"


def test_csv_keeps_quoting_and_lines():
    body = b'a,b\r\n"=x(""1"")","line\nbreak"\r\n'
    assert defuse_csv(body).decode() == 'a,b\r\n"\'=x(""1"")","line\nbreak"\r\n'
