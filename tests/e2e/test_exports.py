"""Spreadsheet exports of a 10,000-article archive, from the links of the table page, on the published copy: every
article in the CSV and the XLSX, Indonesian quotation marks intact, formulas kept as text, stems out of sight."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import urllib.parse
import urllib.request

import pytest
from openpyxl import load_workbook

from suarapos_crawler.browse.search import fts_query
from tests.e2e.conftest import DB, browsing

pytestmark = pytest.mark.e2e
ARTICLES = 10_000
FORMULA_TITLE = '=HYPERLINK("http://x";"klik")'


@pytest.fixture(scope="module")
def big_archive(served, tmp_path_factory):
    """The two-day archive grown to 10,000 articles (copies under other URLs), one titled as a formula."""
    path = tmp_path_factory.mktemp("big") / f"{DB}.db"
    source, target = sqlite3.connect(served), sqlite3.connect(path)
    source.backup(target)
    source.close()
    have = target.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    columns = [r[1] for r in target.execute("PRAGMA table_info(articles)")]
    copied = ", ".join("url || '?copy=' || n.value" if c == "url" else c for c in columns)
    with target:
        target.execute(
            f"INSERT INTO articles ({', '.join(columns)}) SELECT {copied} FROM articles, "
            f"(WITH RECURSIVE k(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM k WHERE value < 20) SELECT value FROM k) n "
            f"LIMIT {ARTICLES - have}"
        )
        target.execute("UPDATE articles SET title = ? WHERE rowid = (SELECT MAX(rowid) FROM articles)", [FORMULA_TITLE])
        target.execute("UPDATE articles SET title = 'Gubernur: “Jangan Ada Lagi Pungli”' WHERE rowid = 1")
    assert target.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == ARTICLES
    target.close()
    return path


@pytest.fixture(scope="module")
def big(big_archive):
    with browsing(big_archive, "--immutable") as url:
        yield url


def link(page_html: str, extension: str) -> str:
    found = re.search(rf'href="([^"]+\.{extension}[^"]*)"', page_html)
    assert found, f"no .{extension} link on the page"
    return found.group(1).replace("&amp;", "&")


def test_the_csv_link_of_the_table_page_gives_every_article_for_a_spreadsheet(big):
    page = urllib.request.urlopen(f"{big}/{DB}/articles").read().decode()
    body = urllib.request.urlopen(big + link(page, "csv"), timeout=120).read()
    assert body.startswith("\ufeff".encode())  # a double click opens it as UTF-8
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == ARTICLES + 1
    header = rows[0]
    assert "title" in header and not {"title_stems", "body_stems"} & set(header)
    titles = {row[header.index("title")] for row in rows[1:]}
    assert "Gubernur: “Jangan Ada Lagi Pungli”" in titles and "'" + FORMULA_TITLE in titles


def test_the_xlsx_link_of_the_table_page_gives_every_article_as_a_workbook(big, tmp_path):
    page = urllib.request.urlopen(f"{big}/{DB}/articles").read().decode()
    (tmp_path / "a.xlsx").write_bytes(urllib.request.urlopen(big + link(page, "xlsx"), timeout=300).read())
    sheet = load_workbook(tmp_path / "a.xlsx", read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == ARTICLES + 1
    header = list(rows[0])
    assert "title" in header and not {"title_stems", "body_stems"} & set(header)
    titles = [row[header.index("title")] for row in rows[1:]]
    assert FORMULA_TITLE in titles and "Gubernur: “Jangan Ada Lagi Pungli”" in titles
    book = load_workbook(tmp_path / "a.xlsx")  # the formula's cell is text, not a formula
    cell = next(c for c in book.active[f"{chr(ord('A') + header.index('title'))}"] if c.value == FORMULA_TITLE)
    assert cell.data_type == "s"


def test_a_tables_whole_csv_read_by_one_query_has_every_row_once_in_the_order_asked(big, big_archive):
    """The one-query stream (``/-/csv/...``) against the archive itself: every row once, whatever the filter, search
    or sort, in the order asked for, rows of equal value in their URL's order. (Datasette's own stream, a page at a
    time, skips or repeats rows whose sort value straddles two of its pages: its first page leaves them in any
    order, its later pages sort them by URL; 8,974 rows of 8,966 articles for a search sorted by word count.)"""
    archive = sqlite3.connect(big_archive)
    tag = archive.execute("SELECT tag FROM article_tags GROUP BY tag ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    searched = "rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
    cases = [("", "1", [], "published_at", True),
             ("section=Pemerintahan&_sort=title", "section = ?", ["Pemerintahan"], "title", False),
             ("_search=Bangka&_sort_desc=word_count", searched, [fts_query("Bangka", stems=True)], "word_count", True),
             (urllib.parse.urlencode({"tags__arraycontains": tag}),
              "url IN (SELECT article_url FROM article_tags WHERE tag = ?)", [tag], "published_at", True)]  # fmt: skip
    for query, where, params, column, descending in cases:
        ours = parsed(urllib.request.urlopen(f"{big}/{DB}/articles.csv?{query}", timeout=120).read())
        urls = [r[0] for r in ours[1:]]
        stored = {r[0] for r in archive.execute(f"SELECT url FROM articles WHERE {where}", params)}
        assert len(urls) == len(set(urls)) == len(stored) > 50 and set(urls) == stored, query  # each row once
        url, key = ours[0].index("url"), ours[0].index(column)
        by_url = sorted(ours[1:], key=lambda r, at=url: r[at])
        in_order = sorted(by_url, key=lambda r, at=key: int(r[at]) if column == "word_count" else r[at],
                          reverse=descending)  # fmt: skip
        assert ours[1:] == in_order, query
    archive.close()
    shown = urllib.request.urlopen(f"{big}/{DB}/articles.csv?_dl=1&_col=title")
    assert shown.headers["content-disposition"] == 'attachment; filename="articles.csv"'
    assert shown.read().decode("utf-8-sig").startswith("url,title\r\n")


def parsed(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
