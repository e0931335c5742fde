"""The pages of a canned query that takes ``page``: their size read from the query's own SQL, and the links to the
pages before and after, every other parameter kept."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import yaml

from suarapos_crawler.browse.paging import page_number, page_size, pager

QUERIES = yaml.safe_load((Path(__file__).parents[1] / "metadata.yml").read_text(encoding="utf-8"))["databases"][
    "suarapos"
]["queries"]


def test_every_query_that_takes_a_page_says_its_size_and_no_other_does():
    sizes = {name: page_size(q["sql"]) for name, q in QUERIES.items()}
    assert {name: size for name, size in sizes.items() if size} == {"search": 50, "who_said_what": 100, "person": 100}
    assert all(size is None for name, size in sizes.items() if ":page" not in QUERIES[name]["sql"])


def test_a_page_number_is_read_as_the_sql_reads_it():
    assert [page_number(t) for t in ("", None, "1", "3", " 4 ", "0", "-2", "x")] == [1, 1, 1, 3, 4, 1, 1, 1]


def test_the_links_keep_every_other_parameter_and_change_the_page():
    sql = QUERIES["who_said_what"]["sql"]
    first = pager(sql, "/suarapos/who_said_what", "q=timah+OR+lahan&speaker=&page=")
    assert first["page"] == 1 and first["size"] == 100 and first["previous"] is None
    after = urllib.parse.urlsplit(first["next"])
    assert after.path == "/suarapos/who_said_what"
    assert urllib.parse.parse_qsl(after.query, keep_blank_values=True) == [
        ("q", "timah OR lahan"), ("speaker", ""), ("page", "2")]  # fmt: skip
    third = pager(sql, "/suarapos/who_said_what", "page=3&q=%22kata+Eko%22")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(third["previous"]).query) == {"q": ['"kata Eko"'], "page": ["2"]}
    assert pager(QUERIES["most_quoted"]["sql"], "/suarapos/most_quoted", "page=2") is None
