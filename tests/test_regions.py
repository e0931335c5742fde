"""The region rule of regions.py, and the coordinates of the canned query that maps it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from suarapos_crawler.enrich.regions import OUTSIDE, PROVINCE, REGIONS, region_of


@pytest.mark.parametrize(
    ("dateline", "sections", "region"),
    [
        ("SUARAPOS.COM, TOBOALI", ["Politik"], "Bangka Selatan"),  # the dateline's place first
        ("SUARAPOS.COM, KELAPA KAMPIT", ["Bangka Barat"], "Belitung Timur"),  # not Kelapa, of Bangka Barat
        ("SUARAPOS.COM, MUNTOK", [], "Bangka Barat"),
        ("SUARAPOS.COM, PANGKALPINANG", ["Belitung"], "Pangkalpinang"),
        ("SUARAPOS.COM", ["Belitung", "Daerah"], "Belitung"),  # else the first regional section
        ("SUARAPOS.COM, DESA ANTAH", ["Daerah", "Bangka"], "Bangka"),  # a place this list does not know
        ("SUARAPOS.COM, JAKARTA", ["Pangkalpinang"], OUTSIDE),
        ("SUARAPOS.COM", ["Nasional"], OUTSIDE),
        (None, ["Opini"], PROVINCE),
        (None, [], PROVINCE),
    ],
)
def test_the_region_rule(dateline, sections, region):
    assert region_of(dateline, sections) == region


def test_the_coverage_query_places_each_region_at_its_seat():
    queries = yaml.safe_load((Path(__file__).parents[1] / "metadata.yml").read_text())["databases"]["suarapos"][
        "queries"
    ]
    sql = queries["coverage_by_region"]["sql"]
    for region, (latitude, longitude) in REGIONS.items():
        assert f"'{region}' THEN {latitude:.4f}" in sql and f"'{region}' THEN {longitude:.4f}" in sql
