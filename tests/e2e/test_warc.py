"""Every fetched page kept as WARC, read by an independent tool, and re-extracted without a request."""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import urllib.request
from collections import Counter
from io import BytesIO
from pathlib import Path

import pytest
from sqlite_utils import Database
from warcio.archiveiterator import ArchiveIterator

from suarapos_crawler.run.status import EXIT_CODES
from suarapos_crawler.sample_site.process import SampleSiteProcess
from suarapos_crawler.warc.capture import WarcFiles
from suarapos_crawler.warc.replay import read_record
from tests.conftest import response_records
from tests.e2e.crawl import (
    ROOT,
    archive_snapshot,
    assert_no_warnings,
    run_crawl,
    run_health,
    start_crawl,
    wait_for_articles,
)

ARTICLES = 120
REDIRECTED = re.compile(r"Redirecting \(\d+\) to <GET [^>]+> from <GET ([^>]+)>")


def warc_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.warc.gz"))


def warcio_index(files: list[Path]) -> list[dict]:
    """The records as warcio's own command line lists them: a reader that is not ours."""
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "warcio"),
            "index",
            "-f",
            "warc-type,warc-target-uri,warc-record-id,warc-payload-digest,warc-refers-to,http:status",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def reextract(*args: str) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "reextract", *args, "-s", "LOG_LEVEL=INFO"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert_no_warnings(done.stderr)
    return done


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def served_body(url: str) -> bytes:
    """What the sample site answers to a URL, as it answers it (redirects not followed, errors as they are)."""
    try:
        return urllib.request.build_opener(NoRedirects).open(url).read()
    except urllib.error.HTTPError as exc:
        return exc.read()


def articles_naming_a_missing_capture(db: Database) -> list[str]:
    return [
        r["url"]
        for r in db.query(
            "SELECT url FROM articles WHERE capture_id IS NOT NULL AND capture_id NOT IN (SELECT id FROM captures)"
        )
    ]


def every_warc_reads_to_its_end(folder: Path) -> None:
    for path in warc_files(folder):
        check = subprocess.run([str(Path(sys.executable).parent / "warcio"), "check", str(path)], capture_output=True)
        assert check.returncode == 0, check.stdout  # every record whole, every digest right


def rejects(db_path: Path) -> list:
    return sorted((r["url"], r["stage"], r["reason"]) for r in Database(db_path).query("SELECT * FROM rejects"))


@pytest.fixture(scope="module")
def captured(tmp_path_factory):
    """Two runs of a gzip-serving sample site (the second on the unchanged site), what it served, its request log."""
    tmp = tmp_path_factory.mktemp("warc")
    db_path, log = tmp / "suarapos.db", tmp / "requests.log"
    with SampleSiteProcess(articles=ARTICLES, gzip=True, request_log=log) as site:
        first = run_crawl(site.base_url, db_path)
        first_files = warc_files(tmp / "warc")
        second = run_crawl(site.base_url, db_path, log_level="INFO")
        urls = {url for _, url in first.fetched()} | set(REDIRECTED.findall(first.log))
        served = {url: served_body(url) for url in sorted(urls)}
        requests_before_reextract = log.read_text().count("\n")
    return {
        "db": db_path,
        "tmp": tmp,
        "first": first,
        "second": second,
        "first_files": first_files,
        "served": served,
        "log": log,
        "requests": requests_before_reextract,
    }


def test_both_runs_succeed(captured):
    assert captured["first"].returncode == 0, captured["first"].log[-3000:]
    assert captured["second"].returncode == 0, captured["second"].log[-3000:]


def test_warcio_lists_one_response_record_per_url_the_crawl_fetched(captured):
    records = warcio_index(captured["first_files"])
    responses = Counter(r["warc-target-uri"] for r in records if r["warc-type"] == "response")
    crawled = [url for _, url in captured["first"].fetched()]
    assert crawled and all(responses[url] == 1 for url in crawled)
    assert set(responses) == set(crawled) | set(REDIRECTED.findall(captured["first"].log))
    requests = Counter(r["warc-target-uri"] for r in records if r["warc-type"] == "request")
    assert requests == responses  # each response with the request that asked for it


def test_the_bodies_are_what_the_sample_served(captured):
    seen = 0
    for path in captured["first_files"]:
        with path.open("rb") as f:
            for record in ArchiveIterator(f):
                if record.rec_type != "response":
                    continue
                body = record.content_stream().read()  # warcio undoes the gzip the server sent
                assert body == captured["served"][record.rec_headers.get_header("WARC-Target-URI")]
                seen += 1
    assert seen == len(captured["served"])


def test_the_payload_is_stored_as_sent_and_asked_for_in_codings_warc_tools_read(captured):
    encodings, asked = Counter(), Counter()
    for path in captured["first_files"]:
        with path.open("rb") as f:
            for record in ArchiveIterator(f):
                if record.rec_type == "response":
                    encodings[record.http_headers.get_header("Content-Encoding")] += 1
                    raw = record.raw_stream.read()
                    if record.http_headers.get_header("Content-Encoding") == "gzip":
                        assert raw[:2] == b"\x1f\x8b"  # the body as it crossed the wire
                elif record.rec_type == "request":
                    asked[record.http_headers.get_header("Accept-Encoding")] += 1
    assert encodings["gzip"] > ARTICLES
    assert set(asked) == {"gzip, deflate"}  # no zstd, no br: every WARC reader can decode what is stored
    for path in warc_files(captured["tmp"] / "warc"):
        check = subprocess.run([str(Path(sys.executable).parent / "warcio"), "check", str(path)], capture_output=True)
        assert check.returncode == 0, check.stdout  # every digest verifies


def test_an_unchanged_page_is_a_revisit_of_its_last_capture(captured):
    db = Database(captured["db"])
    second = db.execute("SELECT MAX(id) FROM crawl_runs").fetchone()[0]
    rows = list(db.query("SELECT * FROM captures WHERE run_id = ?", [second]))
    revisits = [r for r in rows if r["kind"] == "revisit"]
    assert rows and len(revisits) >= len(rows) // 2  # the unchanged site: most pages are unchanged
    for row in revisits:
        original = next(db.query("SELECT * FROM captures WHERE id = ?", [row["refers_to"]]))
        assert original["kind"] == "response" and original["payload_digest"] == row["payload_digest"]
        assert original["url"] == row["url"]
    records = {r["warc-record-id"]: r for r in warcio_index(warc_files(captured["tmp"] / "warc"))}
    assert all(
        records[r["id"]]["warc-type"] == "revisit" and records[r["id"]]["warc-refers-to"] == r["refers_to"]
        for r in revisits
    )
    second_bytes = sum(
        p.stat().st_size for p in warc_files(captured["tmp"] / "warc") if p not in captured["first_files"]
    )
    assert second_bytes < sum(p.stat().st_size for p in captured["first_files"]) / 5  # no second copy of the bodies


def test_every_article_leads_to_the_capture_it_was_read_from(captured):
    db = Database(captured["db"])
    articles = list(db.query("SELECT url, capture_id FROM articles"))
    assert len(articles) >= ARTICLES - 5 and all(a["capture_id"] for a in articles)
    for article in articles[:40]:
        capture = next(db.query("SELECT * FROM captures WHERE id = ?", [article["capture_id"]]))
        with (captured["db"].parent / capture["warc_file"]).open("rb") as f:
            f.seek(capture["offset"])
            member = f.read(capture["length"])
        record = next(iter(ArchiveIterator(BytesIO(gzip.decompress(member)))))
        assert record.rec_headers.get_header("WARC-Record-ID") == capture["id"]
        assert record.rec_type in ("response", "revisit") and capture["status"] == 200


def test_reextract_with_the_site_stopped_rebuilds_the_archive_without_a_request(captured):
    new = captured["tmp"] / "rebuilt.db"
    done = reextract("--db", str(captured["db"]), "--into", str(new), "-s", "PROGRESS_INTERVAL=0.1")
    assert done.returncode == 0, done.stderr[-3000:]
    assert archive_snapshot(new) == archive_snapshot(captured["db"])  # articles, links, duplicates
    assert rejects(new) == rejects(captured["db"])
    assert captured["log"].read_text().count("\n") == captured["requests"]  # the sample saw no request
    stats = json.loads(next(Database(new).query("SELECT stats FROM crawl_runs"))["stats"])
    captured_urls = next(Database(captured["db"]).query("SELECT COUNT(DISTINCT url) AS n FROM captures"))["n"]
    # each capture counted once, though a later page of a split post is read twice (alone, and from its first page)
    assert stats["replay/captures"] <= captured_urls <= stats["replay/responses"]
    assert f"{stats['replay/captures']:,} captures read again, no request" in done.stderr  # the run's summary
    progress = re.findall(rf"progress: ([\d,]+) of {captured_urls:,} captures read again, .* a minute", done.stderr)
    assert progress and all(int(n.replace(",", "")) <= captured_urls for n in progress)  # done of total, never past it
    run = next(Database(new).query("SELECT * FROM crawl_runs"))
    assert run["status"] == "ok" and run["mode"] == "replay"
    outcomes = {r["outcome"] for r in Database(new).query("SELECT DISTINCT outcome FROM fetches")}
    assert "not_captured" not in outcomes and "article_new" in outcomes  # every page it asked for was captured


def test_reextract_reads_a_field_an_older_page_class_missed_without_a_request(tmp_path):
    db_path, log = tmp_path / "old.db", tmp_path / "requests.log"
    with SampleSiteProcess(articles=60, request_log=log) as site:
        old = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.e2e.old_page_class",
                "crawl",
                "suarapos",
                "-a",
                f"base_url={site.base_url}",
                "-s",
                f"SQLITE_PATH={db_path}",
                "-s",
                "EXTRACT_PROCESSES=0",
                "-s",
                "LOG_LEVEL=INFO",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert old.returncode == 0, old.stderr[-3000:]
        db = Database(db_path)
        assert db.execute("SELECT COUNT(*) FROM articles WHERE image_url IS NOT NULL").fetchone()[0] == 0
        versions = db["article_versions"].count
        requests = log.read_text().count("\n")
        done = reextract("--db", str(db_path))  # in place, while the site serves: it must not be asked
        assert done.returncode == 0, done.stderr[-3000:]
        assert log.read_text().count("\n") == requests
    db = Database(db_path)
    assert db.execute("SELECT COUNT(*) FROM articles WHERE image_url IS NULL").fetchone()[0] == 0
    assert db["articles"].count >= 55 and db["article_versions"].count == versions  # nothing else changed


def test_a_kill_during_capture_leaves_every_warc_whole_and_every_row_on_a_whole_record(tmp_path):
    db_path = tmp_path / "k.db"
    with SampleSiteProcess(articles=400) as site:
        proc = start_crawl(site.base_url, db_path)
        wait_for_articles(db_path, 150, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        left_open = list((tmp_path / "warc").glob("*.warc.gz.open"))
        assert left_open  # the file being written when the kill came
        result = run_crawl(site.base_url, db_path, log_level="INFO")
        assert result.returncode == 0, result.log[-3000:]
    assert not list((tmp_path / "warc").glob("*.open"))
    for path in warc_files(tmp_path / "warc"):
        with path.open("rb") as f:
            for record in ArchiveIterator(f):  # reads to the end, or raises
                record.content_stream().read()
    db = Database(db_path)
    assert articles_naming_a_missing_capture(db) == []
    for capture in db.query("SELECT * FROM captures"):
        with (tmp_path / capture["warc_file"]).open("rb") as f:
            f.seek(capture["offset"])
            member = f.read(capture["length"])
        assert len(member) == capture["length"]
        record = next(iter(ArchiveIterator(BytesIO(gzip.decompress(member)))))
        assert record.rec_headers.get_header("WARC-Record-ID") == capture["id"]


def test_scrapy_captures_lists_a_urls_captures_and_writes_the_page_as_it_was_fetched(captured, tmp_path):
    db = Database(captured["db"])
    url = next(db.query("SELECT url FROM captures WHERE kind = 'revisit' AND url LIKE '%/' LIMIT 1"))["url"]
    out = tmp_path / "page.html"
    done = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "captures", url, "--db", str(captured["db"]), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    listed = [line for line in done.stdout.splitlines()[1:] if line.strip()]
    assert len(listed) == 2 and "response" in listed[0] and "revisit" in listed[1]
    assert out.read_bytes() == captured["served"][url]  # the revisit's page, from the capture it refers to


# Pages the shortcut of `scrapy reextract` must not read as plain (cut short, mislabelled, answered 503 first,
# redirected in a loop), beside the ones it reads as plain.
REPLAYED_FAULTS = "truncated,charset,retry_503,drop,redirect_loop,deep_nesting,soft_404,canonical_other,malformed"


def test_reextract_of_a_site_with_faulty_pages_equals_its_crawl_row_for_row(tmp_path):
    db_path = tmp_path / "suarapos.db"
    with SampleSiteProcess(articles=60, faults=REPLAYED_FAULTS, gzip=True) as site:
        crawled = run_crawl(site.base_url, db_path, log_level="INFO")
    assert crawled.returncode in (0, 1), crawled.log[-3000:]
    # Read by a pool of two workers (one a core here), by one, and in the writing process itself: the same archive.
    for workers in ("2", "1", "0"):
        new = tmp_path / f"rebuilt-{workers}.db"
        done = reextract("--db", str(db_path), "--into", str(new), "--workers", workers)  # the site is stopped
        assert done.returncode == crawled.returncode, done.stderr[-3000:]
        assert archive_snapshot(new) == archive_snapshot(db_path)
        assert rejects(new) == rejects(db_path)
        stages = {stage for _, stage, _ in rejects(new)}
        assert "fetch" in stages  # the page cut short twice and the redirect loop, read through the engine's path
        replayed = json.loads(next(Database(new).query("SELECT stats FROM crawl_runs"))["stats"])
        # Most pages read straight from their WARC files, each response counted once whichever path read it.
        assert replayed["replay/read_from_warc"] > replayed["response_received_count"]
        assert replayed["replay/read_from_warc"] + replayed["response_received_count"] <= replayed["replay/responses"]
        assert (
            replayed["charset/repaired"] == 1
        )  # the gzip-encoded page mislabelled ISO-8859-1, decoded as in the crawl
        assert replayed.get("extract/worker_pages", 0) >= (replayed["replay/read_from_warc"] if workers != "0" else 0)


def test_a_gzip_level_isal_does_not_know_is_said_in_one_line_and_nothing_is_written(tmp_path):
    db_path, warc_dir = tmp_path / "archive.db", tmp_path / "warc"
    result = run_crawl(
        "http://127.0.0.1:9", db_path, "-s", "WARC_GZIP_LEVEL=9", "-s", f"WARC_DIR={warc_dir}", log_level="WARNING"
    )
    said = [line for line in result.log.splitlines() if line.strip()]
    assert result.returncode == 1
    assert said == ["suarapos-crawler: WARC_GZIP_LEVEL is 9: the WARC files are deflated by ISA-L, whose levels "
                    "are 0 to 3; nothing was run (exit 1)"]  # fmt: skip
    assert not db_path.exists() and not warc_dir.exists()


def test_a_warc_folder_that_cannot_be_made_ends_the_run_in_one_line(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    db_path = tmp_path / "archive.db"
    with SampleSiteProcess(articles=60) as site:
        result = run_crawl(
            site.base_url, db_path, "-s", f"WARC_DIR={tmp_path / 'a-file' / 'warc'}", log_level="WARNING"
        )
    assert result.returncode == 1
    errors = [line for line in result.log.splitlines() if "ERROR" in line]
    assert "Traceback" not in result.log and len(errors) == 2, result.log  # the cause, then the run's verdict
    assert "WARC capture stopped" in errors[0] and "Not a directory" in errors[0] and "check WARC_DIR" in errors[0]
    run = next(Database(db_path).query("SELECT * FROM crawl_runs"))
    assert run["status"] == "failed" and "WARC files could not be written" in run["status_reason"]
    assert run["requests"] <= 1 and Database(db_path)["articles"].count == 0


@pytest.fixture
def small_disk(tmp_path):
    """A real file system of 600 KiB (tmpfs): room for the WARC of about sixty articles, not of eighty."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"no tmpfs can be mounted here: {made.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_a_full_warc_disk_ends_the_run_in_one_line_and_leaves_everything_whole(tmp_path, small_disk):
    db_path, warc_dir = tmp_path / "archive.db", small_disk / "warc"
    with SampleSiteProcess(articles=80) as site:
        full = run_crawl(site.base_url, db_path, "-s", f"WARC_DIR={warc_dir}", log_level="WARNING")
        assert full.returncode == 1
        errors = [line for line in full.log.splitlines() if "ERROR" in line]
        assert "Traceback" not in full.log and len(errors) == 2, full.log
        assert "No space left on device" in errors[0] and f"free room in {warc_dir}" in errors[0]
        db = Database(db_path)
        run = next(db.query("SELECT * FROM crawl_runs"))
        assert run["status"] == "failed" and "No space left on device" in run["status_reason"]
        assert not list(warc_dir.glob("*.open"))  # cut back to its whole records and closed
        every_warc_reads_to_its_end(warc_dir)
        stored = db["articles"].count
        assert 0 < stored < 80 and articles_naming_a_missing_capture(db) == []
        for capture in db.query("SELECT * FROM captures"):
            assert (tmp_path / capture["warc_file"]).stat().st_size >= capture["offset"] + capture["length"]
        subprocess.run(["mount", "-o", "remount,size=20m", str(small_disk)], check=True)  # room made
        later = run_crawl(site.base_url, db_path, "-s", f"WARC_DIR={warc_dir}", log_level="WARNING")
    assert later.returncode == 0, later.log
    assert db["articles"].count == 80 and articles_naming_a_missing_capture(db) == []
    every_warc_reads_to_its_end(warc_dir)


def test_reextract_reads_what_it_can_when_a_warc_file_is_missing_or_damaged(tmp_path):
    db_path, warc = tmp_path / "data" / "archive.db", tmp_path / "data" / "warc"
    with SampleSiteProcess(articles=80) as site:
        crawled = run_crawl(site.base_url, db_path, "-s", "WARC_MAX_BYTES=250000", log_level="WARNING")
    assert crawled.returncode == 0, crawled.log
    files = warc_files(warc)
    assert len(files) >= 3
    db = Database(db_path)
    newest = (
        "SELECT url FROM captures c WHERE warc_file = ? AND rowid = (SELECT MAX(rowid) FROM captures WHERE url = c.url)"
    )
    in_file = {
        p.name: {r["url"] for r in db.query(newest, [f"warc/{p.name}"])} for p in files
    }  # what a replay reads there
    rows_in = {p.name: db.execute("SELECT COUNT(*) FROM captures WHERE warc_file = ?", [f"warc/{p.name}"]).fetchone()[0]
               for p in files}  # fmt: skip
    whole = run_health(db_path).stdout
    assert f"WARC: {len(files)} files" in whole and "MISSING" not in whole
    files[1].unlink()  # moved away, say, to free room
    said_by_health = [line for line in run_health(db_path).stdout.splitlines() if line.startswith("WARC:")]
    assert said_by_health[0].endswith(f"; MISSING 1 file ({rows_in[files[1].name]} captures): warc/{files[1].name}")
    hit = next(db.query(newest.replace("SELECT url", "SELECT *") + " AND status = 200 LIMIT 1 OFFSET 3",
                        [f"warc/{files[2].name}"]))  # fmt: skip
    damaged = bytearray(files[2].read_bytes())
    middle = hit["offset"] + hit["length"] // 2
    damaged[middle : middle + 64] = b"\0" * 64  # one response record's bytes overwritten
    files[2].write_bytes(bytes(damaged))
    done = reextract("--db", str(db_path), "--into", str(tmp_path / "new.db"))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr[-3000:]
    said = [line for line in done.stderr.splitlines() if "cannot be read" in line]
    assert len(said) == 2 and files[1].name in said[0] + said[1] and files[2].name in said[0] + said[1]
    new = Database(tmp_path / "new.db")
    unreadable = {r["url"] for r in new.query("SELECT url FROM fetches WHERE outcome = 'capture_unreadable'")}
    assert in_file[files[1].name] <= unreadable and unreadable & in_file[files[2].name] == {hit["url"]}  # one record
    run = next(new.query("SELECT * FROM crawl_runs"))
    assert run["status"] == "failed" and f"{len(unreadable)} capture(s) could not be read again" in run["status_reason"]
    readable = {r["url"]: r["body"] for r in db.query("SELECT url, body FROM articles")}
    stored = {r["url"]: r["body"] for r in new.query("SELECT url, body FROM articles")}
    assert stored and all(readable[url] == body for url, body in stored.items())  # what was read, read as before
    assert set(readable) - set(stored) <= unreadable | {u + "2/" for u in unreadable}
    gone = sorted(in_file[files[1].name])[0]
    out = tmp_path / "page.html"
    shown = subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "captures", gone, "--db", str(db_path), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert shown.returncode == 1 and not out.exists()  # the capture is listed; its page cannot be written
    assert shown.stderr.strip().splitlines() == [
        f"suarapos-crawler: the record in warc/{files[1].name} cannot be read: [Errno 2] No such file or directory: "
        f"'{files[1]}'"
    ]


def test_two_archives_crawled_at_once_in_one_folder_keep_their_own_warc_files(tmp_path):
    """data/suarapos.db and data/demo.db share data/warc: crawled in the same second, each archive's capture rows
    name its own records, each rebuilds whole from them, and another tool's open file in the folder is not touched."""
    folder = tmp_path / "warc"
    folder.mkdir()
    foreign = folder / "other-tool.warc.gz.open"
    foreign.write_bytes(b"x" * 5050)
    with SampleSiteProcess(articles=60) as site:
        dbs = [tmp_path / "suarapos.db", tmp_path / "demo.db"]
        procs = [start_crawl(site.base_url, db) for db in dbs]
        codes = [proc.wait(timeout=600) for proc in procs]
    assert codes == [0, 0], [Path(f"{db}.log").read_text()[-2000:] for db in dbs]
    assert foreign.read_bytes() == b"x" * 5050
    for db in dbs:
        prefix = db.stem + "-"
        rows = list(Database(db).query("SELECT id, warc_file, offset, length, url FROM captures"))
        assert rows and all(Path(r["warc_file"]).name.startswith(prefix) for r in rows)
        for row in rows:  # each row names a record of its own archive: the one it says
            rec_headers, _, _ = read_record(folder / Path(row["warc_file"]).name, row["offset"], row["length"])
            assert (rec_headers.get_header("WARC-Record-ID"), rec_headers.get_header("WARC-Target-URI")) == (
                row["id"],
                row["url"],
            )
        rebuilt = tmp_path / f"{db.stem}-rebuilt.db"
        done = reextract("--db", str(db), "--into", str(rebuilt))
        assert done.returncode == 0, done.stderr[-2000:]
        assert archive_snapshot(rebuilt)["articles"] == archive_snapshot(db)["articles"]
    assert not list(folder.glob("suarapos-*.open")) and not list(folder.glob("demo-*.open"))


def poison(db_path: Path, bodies: dict[str, tuple[str, bytes]]) -> None:
    """Newer captures of some URLs whose bodies the crawl would have refused: (Content-Encoding, body) each."""
    files = WarcFiles(db_path.parent / "warc", max_bytes=10**9, level=2, prefix="poison")
    html = [("Content-Type", "text/html; charset=UTF-8")]
    made = response_records(
        [(url, "200 OK", [*html, ("Content-Encoding", coding)], body) for url, (coding, body) in bodies.items()]
    )
    where = files.write(made)
    files.close()
    db = Database(db_path)
    for record, url, (name, offset, length) in zip(made, bodies, where, strict=True):
        db["captures"].insert(
            {
                "id": record.rec_headers.get_header("WARC-Record-ID"),
                "run_id": 1,
                "url": url,
                "fetched_at": "2999-01-01T00:00:00+07:00",
                "status": 200,
                "kind": "response",
                "warc_file": f"warc/{name}",
                "offset": offset,
                "length": length,
                "payload_digest": record.rec_headers.get_header("WARC-Payload-Digest"),
                "content_type": "text/html; charset=UTF-8",
            }
        )


def test_reextract_records_a_poisoned_capture_and_reads_every_other_one(tmp_path):
    """A gzip bomb, a brotli bomb and a page whose Content-Encoding lies, captured: the crawl refused them and
    recorded them; the re-extraction does the same, and reads everything else."""
    import brotli

    db_path = tmp_path / "suarapos.db"
    with SampleSiteProcess(articles=30) as site:
        assert run_crawl(site.base_url, db_path, log_level="INFO").returncode == 0
    urls = [r["url"] for r in Database(db_path).query("SELECT url FROM articles ORDER BY url LIMIT 3")]
    bomb = b"\0" * (64 << 20)
    poison(
        db_path,
        {
            urls[0]: ("gzip", gzip.compress(bomb, compresslevel=9)),
            urls[1]: ("br", brotli.compress(bomb)),
            urls[2]: ("gzip", b"<html><body><p>not gzip at all</p></body></html>"),
        },
    )
    rebuilt = tmp_path / "rebuilt.db"
    done = reextract("--db", str(db_path), "--into", str(rebuilt))
    assert "Traceback" not in done.stderr
    stored = {r["url"] for r in Database(rebuilt).query("SELECT url FROM articles")}
    everything = {r["url"] for r in Database(db_path).query("SELECT url FROM articles")}
    assert stored == everything - set(urls)
    recorded = {r["url"]: r["reason"] for r in Database(rebuilt).query("SELECT url, reason FROM rejects")}
    assert set(urls) <= set(recorded), recorded
    assert "DOWNLOAD_MAXSIZE" in recorded[urls[0]] and "DOWNLOAD_MAXSIZE" in recorded[urls[1]]
    assert "gzip" in recorded[urls[2]]
    for url, said in [(urls[0], "decodes past 8,388,608 bytes"), (urls[1], "decodes past 8,388,608 bytes")]:
        out = tmp_path / "pages" / "bomb.html"
        shown = subprocess.run(
            [sys.executable, "-m", "scrapy.cmdline", "captures", url, "--db", str(db_path), "--out", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert shown.returncode == 1 and said in shown.stderr and shown.stderr.count("\n") == 1, shown.stderr
        assert not out.exists()
    out = tmp_path / "a" / "missing" / "folder" / "page.html"  # made, as --out of publish is
    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "scrapy.cmdline",
            "captures",
            sorted(everything - set(urls))[0],
            "--db",
            str(db_path),
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.returncode == 0 and out.read_bytes().lower().startswith(b"<!doctype html"), shown.stderr
    assert done.returncode in (0, 1), done.stderr[-2000:]


def test_a_warc_file_cut_short_is_said_by_health_and_healed_by_the_next_fetch_of_its_pages(tmp_path):
    """A refresh of unchanged pages must not write revisits of records a cut file no longer holds (the bodies would
    never be kept again): it captures them in full, and `scrapy health` says what is lost until then."""
    db_path = tmp_path / "suarapos.db"
    with SampleSiteProcess(articles=40) as site:
        assert run_crawl(site.base_url, db_path, log_level="INFO").returncode == 0
        (warc,) = warc_files(tmp_path / "warc")
        with warc.open("r+b") as f:
            f.truncate(warc.stat().st_size // 2)  # a copy cut off, a disk that failed
        said = run_health(db_path)
        assert said.returncode == 1 and "UNHEALTHY: 1 file cut short: the newest page of" in said.stdout, said.stdout
        assert run_crawl(site.base_url, db_path, "-a", "mode=refresh", log_level="INFO").returncode == 0
    db = Database(db_path)
    articles = [r["url"] for r in db.query("SELECT url FROM articles")]
    for url in articles:  # every article's newest capture holds its page, on disk
        newest = next(
            db.query("SELECT * FROM captures WHERE url = ? ORDER BY fetched_at DESC, rowid DESC LIMIT 1", [url])
        )
        holder = (
            next(db.query("SELECT * FROM captures WHERE id = ?", [newest["refers_to"]]))
            if newest["refers_to"]
            else newest
        )
        _, _, body = read_record(tmp_path / holder["warc_file"], holder["offset"], holder["length"])
        assert body
    said = run_health(db_path)
    assert said.returncode == 0 and "cut short" not in said.stdout, said.stdout


def test_an_archive_on_a_disk_already_full_is_said_to_want_room_not_to_be_damaged(tmp_path, small_disk):
    """SQLite cannot even open a sound archive for reading on a full disk (its -shm needs room): the run must say
    the disk is full, not send the operator to restore a backup of a file that is whole."""
    subprocess.run(["mount", "-o", "remount,size=4m", str(small_disk)], check=True)
    db_path = small_disk / "suarapos.db"
    with SampleSiteProcess(articles=40) as site:
        first = run_crawl(site.base_url, db_path, "-s", f"WARC_DIR={tmp_path / 'warc'}", "-s", "SQLITE_MIN_FREE_MB=0")
        assert first.returncode == 0, first.log[-2000:]
        whole = db_path.read_bytes()
        # the disk fills up between two runs (unbuffered: closing the file has nothing left to write; a buffered
        # one raised ENOSPC again at its close, after the loop had stopped on it)
        with (small_disk / "filler").open("wb", buffering=0) as filler:
            try:
                while True:
                    filler.write(b"\0" * 65536)
            except OSError:
                pass
        second = run_crawl(site.base_url, db_path, "-s", f"WARC_DIR={tmp_path / 'warc'}", log_level="INFO")
    assert second.returncode == EXIT_CODES["refused"], second.log[-2000:]
    assert "the disk has 0 MiB free; free some room" in second.log and "restore it from a backup" not in second.log
    assert db_path.read_bytes() == whole
