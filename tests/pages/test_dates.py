"""Indonesian dates, WIB, the +00:00 trap."""

from __future__ import annotations

from datetime import datetime

import pytest

from suarapos_crawler.pages.dates import WIB, parse_indonesian, parse_iso, undo_wall_clock_trap


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rabu, 8 Februari 2023", datetime(2023, 2, 8, tzinfo=WIB)),
        ("8 Feb 2023", datetime(2023, 2, 8, tzinfo=WIB)),
        ("Februari 8, 2023", datetime(2023, 2, 8, tzinfo=WIB)),
        ("Minggu, 29 November 2026 - 14:05 WIB", datetime(2026, 11, 29, 14, 5, tzinfo=WIB)),
        ("Jum'at, 10 Februari 2023", datetime(2023, 2, 10, tzinfo=WIB)),
        ("Jum’at, 10 Februari 2023", datetime(2023, 2, 10, tzinfo=WIB)),
        ("17 Ags 2023", datetime(2023, 8, 17, tzinfo=WIB)),
        ("08/02/2023", datetime(2023, 2, 8, tzinfo=WIB)),  # day first, never 2 August
        ("6 Nop 2019", datetime(2019, 11, 6, tzinfo=WIB)),
    ],
)
def test_visible_indonesian_dates(text, expected):
    assert parse_indonesian(text) == expected


def test_unreadable_text_is_none():
    assert parse_indonesian("bukan tanggal") is None
    assert parse_indonesian("") is None


def test_iso_with_offset_is_exact():
    assert parse_iso("2023-02-07T22:30:00+00:00").astimezone(WIB) == datetime(2023, 2, 8, 5, 30, tzinfo=WIB)


def test_iso_without_offset_is_wib():
    assert parse_iso("2023-02-08T20:15:32") == datetime(2023, 2, 8, 20, 15, 32, tzinfo=WIB)


def test_theme_plus_zero_is_the_wib_wall_clock():
    fixed = undo_wall_clock_trap(parse_iso("2023-02-08T20:15:32+00:00"))
    assert fixed == datetime(2023, 2, 8, 20, 15, 32, tzinfo=WIB)


def test_a_real_offset_is_kept():
    assert undo_wall_clock_trap(parse_iso("2023-02-08T20:15:32+07:00")) == datetime(2023, 2, 8, 20, 15, 32, tzinfo=WIB)
