"""Captures read straight from their WARC files by a worker, as the crawl's downloader middlewares handed them over."""

from __future__ import annotations

import gzip
import subprocess
import sys

import brotli
import pytest
from sqlite_utils import Database

from suarapos_crawler.enrich.derived import derive, quotes_for, usable
from suarapos_crawler.enrich.quotes import default_gazetteer, fingerprint, load_gazetteer
from suarapos_crawler.pages.article import ArticlePage
from suarapos_crawler.storage import upgrade
from suarapos_crawler.storage.articles import save_article
from suarapos_crawler.warc import reread
from suarapos_crawler.warc.capture import WarcFiles
from suarapos_crawler.warc.reread import CaptureTask, Tally, plain_response, read_captures, runs_of_one_file
from tests.conftest import BASE, PAGES, response_records, saved_response

PAGE = "classic_seed_article_three_irp_boxes"
LARGEST = 8 * 1024 * 1024


def page_bytes() -> bytes:
    return (PAGES / f"{PAGE}.html").read_bytes()


def write_captures(folder, url: str, bodies: list[tuple[int, list[tuple[str, str]], bytes]]) -> list[CaptureTask]:
    """Response records of (status, headers, payload as sent), written as the crawl writes them; their tasks."""
    files = WarcFiles(folder, max_bytes=10**9, level=2)
    made = response_records([(url, f"{status} X", headers, body) for status, headers, body in bodies])
    where = files.write(made)
    files.close()
    return [CaptureTask(url, str(folder / name), offset, length) for name, offset, length in where]


def answer(tasks: list[CaptureTask]) -> list:
    return read_captures(tasks, BASE, None, LARGEST).results


HTML = [("Content-Type", "text/html; charset=UTF-8")]
WHOLE = b"<html><body><p>a whole page</p></body></html>"


def test_a_plain_page_and_its_gzip_and_br_copies_are_read_as_the_crawl_read_them(tmp_path):
    body = page_bytes()
    url = "https://www.suarapos.com/ekonomi/2024/05/kemarau-panjang/"
    tasks = write_captures(
        tmp_path,
        url,
        [
            (200, HTML, body),
            (200, [*HTML, ("Content-Encoding", "gzip")], gzip.compress(body)),
            (200, [*HTML, ("Content-Encoding", "br")], brotli.compress(body)),
        ],
    )
    results = answer(tasks)
    expected = ArticlePage(saved_response(PAGE, url), BASE).to_item()
    assert [r.outcome for r in results] == ["read", "read", "read"]
    for r in results:
        assert r.reading.article == expected  # the item the page class gives the page as Scrapy hands it over
        assert usable(r.reading.article.as_dict()) is not None  # with what storage derives from it, made beside it


@pytest.mark.parametrize(
    ("why", "status", "headers", "body"),
    [
        (
            "two gzip members: Scrapy reads both, the first alone is a whole page",
            200,
            [*HTML, ("Content-Encoding", "gzip")],
            gzip.compress(WHOLE) + gzip.compress(b"<!-- and more -->"),
        ),
        ("two codings", 200, [*HTML, ("Content-Encoding", "gzip, br")], brotli.compress(gzip.compress(WHOLE))),
        ("a coding that lies", 200, [*HTML, ("Content-Encoding", "gzip")], WHOLE),
        ("a coding not decoded here", 200, [*HTML, ("Content-Encoding", "zstd")], b"\x28\xb5\x2f\xfd"),
        ("a br stream cut short", 200, [*HTML, ("Content-Encoding", "br")], brotli.compress(WHOLE * 99)[:-4]),
        ("a page cut short", 200, HTML, b"<html><body><p>the page stops here"),
        ("not a page of text", 200, [("Content-Type", "image/jpeg")], b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"),
        ("another status", 503, HTML, WHOLE),
    ],
)
def test_a_page_only_the_engine_can_answer_for_goes_to_the_engine(tmp_path, why, status, headers, body):
    [result] = answer(write_captures(tmp_path, f"{BASE}/a/", [(status, headers, body)]))
    assert (result.outcome, result.reading) == ("engine", None), why


def test_a_page_that_is_utf8_under_another_charset_is_repaired_and_counted_as_the_middleware_counts_it():
    body = "<html><body><p>Pangkalpinang — Rp 5 juta</p></body></html>".encode()
    counts = Tally()
    headers = [(b"Content-Type", b"text/html; charset=ISO-8859-1")]
    response = plain_response(f"{BASE}/a/", 200, headers, body, LARGEST, counts)
    assert "Pangkalpinang — Rp" in response.text and counts == {"charset/repaired": 1}


def test_a_missing_file_is_unreadable_with_its_reason_and_a_revisit_without_its_body_goes_to_the_engine(tmp_path):
    gone = CaptureTask(f"{BASE}/a/", str(tmp_path / "gone.warc.gz"), 0, 100)
    orphan = CaptureTask(f"{BASE}/b/", str(tmp_path / "gone.warc.gz"), 0, 100, body_missing=True)
    unreadable, engine = answer([gone, orphan])
    assert unreadable.outcome == "unreadable" and "No such file or directory" in unreadable.detail
    assert engine.outcome == "engine"


def test_a_revisit_is_read_from_the_record_that_holds_its_body(tmp_path):
    url = f"{BASE}/ekonomi/2024/05/kemarau-panjang/"
    original, revisit = write_captures(tmp_path, url, [(200, HTML, page_bytes()), (200, HTML, b"")])
    task = CaptureTask(
        url, revisit.path, revisit.offset, revisit.length, (original.path, original.offset, original.length)
    )
    [result] = answer([task])
    assert result.outcome == "read" and result.reading.article.title


def test_runs_are_consecutive_captures_of_one_file_in_order_and_never_longer_than_asked():
    tasks = [CaptureTask(str(i), path, i, 1) for i, path in enumerate("aaaaabba")]
    runs = list(runs_of_one_file(tasks, length=3))
    assert [[t.url for t in run] for run in runs] == [["0", "1", "2"], ["3", "4"], ["5", "6"], ["7"]]


def article_dict() -> dict:
    return ArticlePage(saved_response(PAGE), BASE).to_item().as_dict()


def test_what_is_derived_beside_the_page_is_used_for_its_own_text_only():
    article = article_dict()
    article["derived"] = derive(article, default_gazetteer())
    assert usable(article) is article["derived"]
    assert usable({**article, "body": article["body"] + " Koreksi."}) is None  # a text changed after: made again
    assert usable({**article, "tags": ["lain"]}) is None


def test_quotes_read_with_another_gazetteer_are_not_used(tmp_path):
    extra = tmp_path / "ours.yml"
    extra.write_text("offices:\n  Ketua RT: '{rest}'\n", encoding="utf-8")
    article = article_dict()
    derived = derive(article, default_gazetteer())
    assert quotes_for(derived, default_gazetteer()) == derived.quotes and derived.quotes
    assert quotes_for(derived, load_gazetteer(extra)) is None
    assert quotes_for(derive(article, None), default_gazetteer()) is None  # no gazetteer where the page was read


def test_a_gazetteers_fingerprint_is_the_same_in_another_process():
    """Worker and writer are two processes: a digest that Python's per-process string hashing changed would never
    match, and every quote would be read twice."""
    code = "from suarapos_crawler.enrich.quotes import default_gazetteer, fingerprint; print(fingerprint(default_gazetteer()))"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert other == fingerprint(default_gazetteer())


def test_storage_writes_the_derived_fields_it_is_handed_for_that_text_and_makes_them_for_another():
    db = Database(memory=True)
    upgrade(db)
    article = article_dict()
    made = derive(article, default_gazetteer())
    # the derived fields of this very text are written as handed over (told apart here by a kind no rule gives)
    handed = made.__class__(**{**vars(made), "kind": "handed over"})
    save_article(db, {**article, "derived": handed})
    assert db.execute("SELECT kind, body_stems FROM articles").fetchone() == ("handed over", made.body_stems)
    assert db.execute("SELECT COUNT(*) FROM quotes").fetchone()[0] == len(made.quotes)
    corrected = {**article, "body": article["body"] + "\n\nKoreksi: angka diperbaiki.", "derived": handed}
    save_article(db, corrected)
    assert db.execute("SELECT kind FROM articles").fetchone()[0] == made.kind  # made for the stored text


def test_a_page_whose_making_raises_goes_to_the_engine_and_the_run_reads_on(tmp_path, monkeypatch):
    """Scrapy's own classes raising on a page (an encoding they cannot look up, say) cost that page its shortcut,
    not the worker's run: the engine's path says what becomes of it, as in a crawl."""
    url = f"{BASE}/ekonomi/2024/05/kemarau-panjang/"
    tasks = write_captures(tmp_path, url, [(200, HTML, page_bytes()), (200, HTML, page_bytes())])
    made = reread.plain_response

    def raising_once(*args):
        monkeypatch.setattr(reread, "plain_response", made)
        raise LookupError("unknown encoding: x-nonsense")

    monkeypatch.setattr(reread, "plain_response", raising_once)
    assert [r.outcome for r in answer(tasks)] == ["engine", "read"]
