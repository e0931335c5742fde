"""Indonesian dates, WIB, the +00:00 trap."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from scrapy.http import HtmlResponse

from suarapos_crawler.clock import WIB, parse_iso
from suarapos_crawler.pages.article import ArticlePage
from suarapos_crawler.pages.dates import parse_indonesian, undo_wall_clock_trap
from tests.conftest import BASE, EXPECTED, saved_response


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


BASE_TIME = datetime(2026, 11, 29, 14, 0, tzinfo=WIB)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 jam yang lalu", datetime(2026, 11, 29, 12, 0, tzinfo=WIB)),
        ("sejam yang lalu", datetime(2026, 11, 29, 13, 0, tzinfo=WIB)),
        ("30 menit yang lalu", datetime(2026, 11, 29, 13, 30, tzinfo=WIB)),
        ("kemarin", datetime(2026, 11, 28, 14, 0, tzinfo=WIB)),
    ],
)
def test_a_relative_date_counts_back_from_when_the_page_was_fetched(text, expected):
    assert parse_indonesian(text, base=BASE_TIME) == expected


def test_a_relative_date_is_not_cached_from_one_fetch_to_the_next():
    day_after = BASE_TIME + timedelta(days=1)
    assert parse_indonesian("2 jam yang lalu", base=BASE_TIME) != parse_indonesian("2 jam yang lalu", base=day_after)
    assert parse_indonesian("2 jam yang lalu", base=day_after) == datetime(2026, 11, 30, 12, 0, tzinfo=WIB)


def test_a_page_dates_its_relative_date_from_its_http_date_header():
    body = saved_response("classic_no_metadata_theme_datetime_trap").body.decode("utf-8")
    body = re.sub(r'<time class="entry-date[^>]*>[^<]*</time>', '<time class="entry-date">3 jam yang lalu</time>', body)
    body = body.replace('<meta itemprop="datePublished"', '<meta itemprop="x"')
    response = HtmlResponse(
        EXPECTED["classic_no_metadata_theme_datetime_trap"]["url"],
        body=body.encode(),
        encoding="utf-8",
        headers={"Date": "Sun, 29 Nov 2026 07:00:00 GMT"},
    )
    found = ArticlePage(response, BASE).published()
    assert found.source == "visible-text" and found.iso == "2026-11-29T11:00:00+07:00"


@pytest.mark.parametrize(
    "text", ["9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+07:00", "0001-01-01T00:00:00Z", "1800-01-01T00:00:00"]
)
def test_a_date_at_the_ends_of_the_calendar_is_no_date(text):
    assert parse_iso(text) is None
