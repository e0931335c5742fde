"""WARC files: records written, rotated, a torn tail cut back; the headers stored; a record read back for replay."""

from __future__ import annotations

import errno
import gzip
import os
import resource
import signal
import zlib
from io import BytesIO

import brotli
import pytest
from scrapy.http import HtmlResponse
from scrapy.settings import Settings
from warcio.archiveiterator import ArchiveIterator

from suarapos_crawler.warc.capture import (
    GZIP_LEVELS,
    OPEN_SUFFIX,
    GzipMember,
    RecordWriter,
    WarcFiles,
    WarcNotWritten,
    archive_prefix,
    complete_length,
    gzip_level,
    response_headers,
)
from suarapos_crawler.warc.records import NotDecoded, decoded
from suarapos_crawler.warc.replay import read_record

URL = "https://www.suarapos.com/a/"


def records(n: int, size: int = 2000) -> list:
    """Responses whose bodies do not compress (so that sizes are predictable)."""
    writer = RecordWriter(BytesIO(), 2)
    made = []
    for i in range(n):
        response = HtmlResponse(
            f"{URL}{i}/",
            body=b"<html>" + os.urandom(size) + b"</html>",
            headers={"Content-Type": "text/html"},
        )
        made.append(
            writer.create_warc_record(
                response.url,
                "response",
                payload=BytesIO(response.body),
                length=len(response.body),
                http_headers=response_headers(response),
            )
        )
    return made


def test_records_are_written_where_they_are_said_to_be_and_read_back(tmp_path):
    files = WarcFiles(tmp_path, max_bytes=10**9, level=2)
    made = records(3)
    where = files.write(made)
    files.close()
    assert not list(tmp_path.glob(f"*{OPEN_SUFFIX}"))
    for record, (name, offset, length) in zip(made, where, strict=True):
        rec_headers, http, body = read_record(tmp_path / name, offset, length)
        assert rec_headers.get_header("WARC-Record-ID") == record.rec_headers.get_header("WARC-Record-ID")
        assert http.get_statuscode() == "200" and body.startswith(b"<html>") and len(body) == 2013
    with (tmp_path / where[0][0]).open("rb") as f:
        kinds = [r.rec_type for r in ArchiveIterator(f)]
    assert kinds == ["warcinfo", "response", "response", "response"]


def test_files_rotate_past_their_size_and_each_begins_with_warcinfo(tmp_path):
    files = WarcFiles(tmp_path, max_bytes=1500, level=2)
    names = {files.write([record])[0][0] for record in records(4)}
    files.close()
    assert len(names) == 4 and sorted(p.name for p in tmp_path.iterdir()) == sorted(names)


def test_a_file_a_killed_run_left_open_is_cut_to_its_last_whole_record_and_closed(tmp_path):
    files = WarcFiles(tmp_path, max_bytes=10**9, level=2)
    where = files.write(records(3))
    files.sync()
    files.file.close()  # the kill: the process is gone, and with it the lock on its open file
    path = tmp_path / (where[0][0] + OPEN_SUFFIX)
    whole = path.stat().st_size
    with path.open("ab") as f:
        f.write(b"\x1f\x8b\x08\x00partial gzip member of a record the kill cut")
    assert complete_length(path) == whole
    assert WarcFiles(tmp_path, 10**9, 6).close_left_open() == [where[0][0]]
    closed = tmp_path / where[0][0]
    assert closed.stat().st_size == whole
    with closed.open("rb") as f:
        assert len(list(ArchiveIterator(f))) == 4  # reads to its end


def test_a_file_being_written_and_another_archives_files_are_never_touched(tmp_path):
    """data/suarapos.db and data/demo.db share data/warc: a run of one neither closes the file the other is
    writing nor cuts a file the other left open."""
    live = WarcFiles(tmp_path, max_bytes=10**9, level=2, prefix="suarapos")
    live_name = live.write(records(2))[0][0]
    other = WarcFiles(tmp_path, max_bytes=10**9, level=2, prefix="demo")
    other_name = other.write(records(2))[0][0]
    other.file.close()  # demo's run was killed: its file stays open for demo's next run
    (tmp_path / "notes.warc.gz.open").write_bytes(b"not ours")
    before = {p.name: p.stat().st_size for p in tmp_path.iterdir()}
    assert WarcFiles(tmp_path, 10**9, 6, prefix="suarapos").close_left_open() == []
    assert {p.name: p.stat().st_size for p in tmp_path.iterdir()} == before
    assert (live_name + OPEN_SUFFIX) in before and (other_name + OPEN_SUFFIX) in before
    assert WarcFiles(tmp_path, 10**9, 6, prefix="demo").close_left_open() == [other_name]
    live.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live_name, other_name, "notes.warc.gz.open"])


def test_an_archive_names_its_warc_files_after_itself():
    assert archive_prefix("data/suarapos.db") == "suarapos"
    assert archive_prefix("/tmp/x/demo.db") == "demo"
    assert archive_prefix("data/my archive (2).sqlite") == "my-archive-2"
    assert archive_prefix(None) == "suarapos"


def test_the_stored_headers_describe_the_body_as_stored():
    response = HtmlResponse(
        URL, body=b"<html>x</html>", headers={"Transfer-Encoding": "chunked", "Content-Type": "text/html"}
    )
    headers = response_headers(response)
    assert headers.get_header("Transfer-Encoding") is None  # the downloader undid the chunking
    assert headers.get_header("Content-Length") == str(len(response.body))
    assert headers.protocol == "HTTP/1.1" and headers.get_statuscode() == "200"


def test_the_whole_records_are_found_however_the_file_is_read(tmp_path):
    files = WarcFiles(tmp_path, max_bytes=10**9, level=2)
    where = files.write(records(5, size=3000))
    files.sync()
    path = tmp_path / (where[0][0] + OPEN_SUFFIX)
    whole = path.stat().st_size
    with path.open("ab") as f:
        f.write(b"\x1f\x8b\x08\x00torn")
    assert {complete_length(path, chunk_size) for chunk_size in (7, 100, 4096, 1 << 20)} == {whole}


def test_the_gzip_level_is_one_isal_knows_and_a_wrong_one_is_said_in_one_line():
    assert gzip_level(Settings({"WARC_GZIP_LEVEL": "2"})) == 2
    for wrong, said in ((6, "WARC_GZIP_LEVEL is 6: .* levels are 0 to 3"), ("fast", "'fast', not a whole number")):
        with pytest.raises(ValueError, match=said) as raised:
            gzip_level(Settings({"WARC_GZIP_LEVEL": wrong}))
        assert "\n" not in str(raised.value)


def test_every_level_writes_gzip_members_that_zlib_and_warcio_read(tmp_path):
    body = ("<p>Pangkalpinang, Bangka Belitung. " * 400).encode()
    sizes = {}
    for level in GZIP_LEVELS:
        out = BytesIO()
        member = GzipMember(out, level)
        member.write(body)
        member.flush()
        assert gzip.decompress(out.getvalue()) == body
        sizes[level] = len(out.getvalue())
    assert all(size < len(body) / 10 for size in sizes.values())  # ISA-L has no level that only stores


@pytest.fixture
def file_size_limit():
    """This process may write no file past the given size (the kernel says EFBIG, as a full disk says ENOSPC)."""
    before = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    yield lambda size: resource.setrlimit(resource.RLIMIT_FSIZE, (size, before[1]))
    resource.setrlimit(resource.RLIMIT_FSIZE, before)
    signal.signal(signal.SIGXFSZ, handler)


def test_a_write_the_disk_refuses_is_cut_back_to_the_last_whole_record(tmp_path, file_size_limit):
    files = WarcFiles(tmp_path, max_bytes=10**9, level=2)
    made = records(20, size=3000)
    file_size_limit(20_000)  # room for a few records, not for twenty
    where = []
    with pytest.raises(WarcNotWritten, match="File too large") as refused:
        for record in made:
            where += files.write([record])
    file_size_limit(resource.RLIM_INFINITY)
    assert 2 <= len(where) < 20 and refused.value.name == where[0][0]
    path = tmp_path / (where[0][0] + OPEN_SUFFIX)
    name, offset, length = where[-1]
    assert path.stat().st_size == offset + length == files.end  # nothing of the refused record is left
    with path.open("rb") as f:
        ids = [r.rec_headers.get_header("WARC-Record-ID") for r in ArchiveIterator(f) if r.rec_type == "response"]
    assert ids == [r.rec_headers.get_header("WARC-Record-ID") for r in made[: len(where)]]
    files.close()  # synced and closed whole, as any other file
    assert (tmp_path / name).exists() and not path.exists()


def test_a_sync_the_disk_refuses_cuts_the_file_back_to_the_last_sync(tmp_path, monkeypatch):
    files = WarcFiles(tmp_path, max_bytes=10**9, level=2)
    made = records(4)
    synced = files.write(made[:2])
    files.sync()
    files.write(made[2:])

    def refused(fd):  # what fsync says when the device lost what it had taken (NFS, a failing disk)
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", refused)
    with pytest.raises(WarcNotWritten, match="Input/output error"):
        files.sync()
    monkeypatch.undo()
    name, offset, length = synced[-1]
    assert files.end == files.synced == offset + length  # the records since the last sync may not be there: gone
    files.close()
    with (tmp_path / name).open("rb") as f:
        kept = [r.rec_headers.get_header("WARC-Record-ID") for r in ArchiveIterator(f) if r.rec_type == "response"]
    assert kept == [r.rec_headers.get_header("WARC-Record-ID") for r in made[:2]]


def test_a_captured_body_is_decoded_as_a_browser_would_and_never_past_the_largest_page():
    from suarapos_crawler.settings import DOWNLOAD_MAXSIZE as LARGEST

    page = b"<html><body><p>Pangkalpinang</p></body></html>" * 50
    assert decoded(brotli.compress(page), "br", LARGEST) == page
    assert decoded(gzip.compress(page), "GZIP ", LARGEST) == page
    assert decoded(zlib.compress(page)[2:-4], "deflate", LARGEST) == page  # raw deflate, as some servers send it
    assert decoded(page, None, LARGEST) == page
    bomb = gzip.compress(b"\0" * (9 << 20))
    with pytest.raises(NotDecoded, match="decodes past 8,388,608 bytes"):
        decoded(bomb, "gzip", LARGEST)
    with pytest.raises(NotDecoded, match="decodes past 1,000 bytes"):
        decoded(brotli.compress(page), "br", max_size=1000)
    with pytest.raises(NotDecoded, match="not the br it says"):
        decoded(page, "br", LARGEST)
    with pytest.raises(NotDecoded, match="'compress' is not one this tool decodes"):
        decoded(page, "compress", LARGEST)
    with pytest.raises(zlib.error):
        decoded(page, "gzip", LARGEST)  # a Content-Encoding that lies
