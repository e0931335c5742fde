"""A whole table's CSV in one query (browse/csv_stream.py): every row as Datasette writes it, the query stopped when
its reader stops, and an error said at the end of what was sent."""

from __future__ import annotations

import asyncio
import csv
import io
import sqlite3
import threading

import pytest

from suarapos_crawler.browse.csv_stream import ROWS_A_CHUNK, csv_text, defuse, stream_query, whole

ROWS = ROWS_A_CHUNK * 20 + 7


def archive(path) -> str:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (n INTEGER, text TEXT, blob BLOB)")
    conn.executemany(
        "INSERT INTO t VALUES (?, ?, ?)",
        [(i, f'baris "{i}",\nkedua' if i % 3 else None, b"\x01\xff") for i in range(ROWS)],
    )
    conn.commit()
    conn.close()
    return str(path)


def test_every_row_in_the_querys_order_as_csv(tmp_path):
    path, sent = archive(tmp_path / "a.db"), []

    async def write(text: str) -> None:
        sent.append(text)

    sql = whole("SELECT n, text, blob FROM t WHERE n % 2 = 0 ORDER BY n DESC limit 101")
    asyncio.run(
        stream_query(lambda: sqlite3.connect(path, check_same_thread=False), sql, {}, ["n", "text", "blob"], write)
    )
    rows = list(csv.reader(io.StringIO("".join(sent), newline="")))
    assert rows[0] == ["n", "text", "blob"]
    evens = [n for n in range(ROWS - 1, -1, -1) if n % 2 == 0]
    assert [int(r[0]) for r in rows[1:]] == evens  # every row, the limit of the page gone, in the query's order
    assert rows[1][1:] == ([f'baris "{evens[0]}",\nkedua', "01ff"] if evens[0] % 3 else ["", "01ff"])
    assert rows[2][1:] == [f'baris "{evens[1]}",\nkedua' if evens[1] % 3 else "", "01ff"]
    assert len(sent) > 10  # sent as it was read, not whole at the end


def test_a_reader_who_stops_stops_the_query(tmp_path):
    path = archive(tmp_path / "a.db")
    connections = []

    def connect():
        conn = sqlite3.connect(path, check_same_thread=False)
        connections.append(conn)
        return conn

    async def gone(text: str) -> None:
        if text.count("\n") > 1:  # the header, then the first rows: the reader goes
            raise ConnectionResetError("client gone")

    before = threading.active_count()
    with pytest.raises(ConnectionResetError):
        asyncio.run(stream_query(connect, "SELECT n, text FROM t", {}, ["n", "text"], gone))
    assert threading.active_count() == before  # the reading thread has ended
    with pytest.raises(sqlite3.ProgrammingError):  # and its connection is closed
        connections[0].execute("SELECT 1")


def test_an_error_while_reading_ends_the_csv_with_a_line_that_says_so(tmp_path):
    path, sent = archive(tmp_path / "a.db"), []

    async def write(text: str) -> None:
        sent.append(text)

    failing = f"SELECT n, CASE WHEN n = {ROWS_A_CHUNK * 3} THEN json('not json') ELSE 1 END FROM t"
    asyncio.run(stream_query(lambda: sqlite3.connect(path, check_same_thread=False), failing, {}, ["n", "x"], write))
    text = "".join(sent)
    assert text.rstrip().endswith("the export stopped: malformed JSON")
    assert f"\n{ROWS_A_CHUNK * 2 - 1}," in text and f"\n{ROWS_A_CHUNK * 3}," not in text  # the rows before it, sent


def test_cells_are_written_as_pythons_csv_writer_writes_them_once_defused():
    rows = [[None, 0, -5, 2.5, "", "Bangka", 'kata "dia"', "a,b", "baris\nkedua", "a\rb", " spasi ", "“Jangan”"],
            ["=HYPERLINK(1)", "-5", "+62 812", "@SUM(A1)", "\tx", "'=ok"], [""], [None], ["x"]]  # fmt: skip
    out = io.StringIO()
    csv.writer(out).writerows([[defuse(c) if isinstance(c, str) else c for c in row] for row in rows])
    assert csv_text(rows) == out.getvalue()
