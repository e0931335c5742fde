"""The one text normaliser."""

from __future__ import annotations

from suarapos_crawler.pages.text import clean_embedded, clean_line


def test_a_line_is_one_space_between_words_in_nfc_without_zero_width_or_control_characters():
    assert clean_line("  Bangka\u00a0 Belitung\n") == "Bangka Belitung"
    assert clean_line("Cafe\u0301 Muntok") == "Caf\u00e9 Muntok"  # composed: the same word to search
    assert clean_line("Pangkal\u200bpinang") == "Pangkalpinang"
    assert clean_line("\x08Timah\x1b Babel\x01 \x7f\x85x") == "Timah Babel x"  # C0, DEL and C1 controls dropped
    assert clean_line("Kolom\tdua") == "Kolom dua"  # a tab is a space
    assert clean_line(None) == "" and clean_line("") == ""


def test_embedded_text_is_unescaped_then_cleaned():
    assert clean_embedded("Timah &#8211; Babel&#8;") == "Timah \u2013 Babel"  # &#8; is a control character
