"""``WarcCapture``: every response the crawler receives, kept as WARC/1.1 (ISO 28500) records with warcio.

Each response (articles, listings, sitemaps, robots.txt, redirects and error pages) is written as
it arrived from the server, before any middleware decodes it, as a ``response`` record with the
``request`` record that asked for it, each its own gzip member. A page whose body is the same as at
its last capture is written as a ``revisit`` record (headers only, same payload digest). The
``captures`` table of the archive says where each record is; a row is written only once its record
is on disk, so it never points at a record a kill cut short.

Files are named ``<archive>-<UTC time>-<sequence>.warc.gz`` (``suarapos-`` for data/suarapos.db, ``demo-`` for
data/demo.db: archives that share a folder never share a file), carry the suffix ``.open`` while they are
written (their writer holding a lock on them), are rotated by size, and are never written again once closed. A
file that a killed run of the same archive left open is cut back to its last whole record and closed when the
next run starts; no other file is touched.

A disk that refuses a record (full, a file size limit, a folder that cannot be made) ends capture and
the run, in one line: the file keeps its whole records, no row or article names a record that is
not there, and the run is ``failed`` (``warc_failed``) so that the next one goes on.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import errno
import fcntl
import hashlib
import logging
import os
import re
import sys
import uuid
import zlib
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from isal import isal_zlib
from scrapy import signals
from scrapy.exceptions import NotConfigured
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .. import __version__
from ..archive import Archive, BatchNotStored
from ..clock import now_wib
from ..items import Article, Capture
from ..storage.captures import last_full_capture

logger = logging.getLogger(__name__)

OPEN_SUFFIX = ".open"
# What a disk says when it has no room left for a record (for this process: a file size limit, a quota).
FULL_DISK = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
# Hop-by-hop framing the downloader has already undone: the stored body is not chunked.
UNDONE_BY_THE_DOWNLOADER = {b"transfer-encoding"}


# ISA-L's deflate levels (python-isal): any gzip reader (warcio, zlib, pywb) reads what it writes.
GZIP_LEVELS = range(isal_zlib.ISAL_BEST_SPEED, isal_zlib.ISAL_BEST_COMPRESSION + 1)


class GzipMember:
    """One gzip member per record, deflated by ISA-L at a level of our choosing: on the sample's pages its level 2
    takes a quarter of the CPU of zlib's level 3 for as many bytes (warcio's own zlib level, 9, is its slowest)."""

    def __init__(self, out, level: int):
        self.out = out
        self.compressor = isal_zlib.compressobj(level, isal_zlib.DEFLATED, isal_zlib.MAX_WBITS + 16)

    def write(self, data: bytes) -> None:
        self.out.write(self.compressor.compress(data))

    def flush(self) -> None:
        self.out.write(self.compressor.flush())


class RecordWriter(WARCWriter):
    def __init__(self, out, level: int):
        super().__init__(out, gzip=False, warc_version="1.1")
        self.level = level

    def write_record(self, record, params=None) -> None:
        self._write_warc_record(GzipMember(self.out, self.level), record)


def warc_path(folder: Path, name: str) -> Path:
    """Where a WARC file the captures table names is: closed, or still ``.open`` (a running crawl writes it, or a
    killed one left it). The closed name when neither exists."""
    path = folder / name
    if not path.exists() and (folder / f"{name}{OPEN_SUFFIX}").exists():
        return folder / f"{name}{OPEN_SUFFIX}"
    return path


def complete_length(path: Path, chunk_size: int = 1 << 20) -> int:
    """Bytes of the file up to the end of its last whole gzip member (a record): what a kill left intact.
    Read a chunk at a time (a file may be 1 GiB); what the members hold is not kept."""
    good = position = 0  # the end of the last whole member; where the data being fed starts
    member = zlib.decompressobj(zlib.MAX_WBITS + 16)
    with path.open("rb") as f:
        while chunk := f.read(chunk_size):
            data = chunk
            while data:
                try:
                    member.decompress(data)
                except zlib.error:
                    return good
                if not member.eof:
                    position += len(data)
                    break
                used = len(data) - len(member.unused_data)
                position += used
                good = position
                data = member.unused_data
                member = zlib.decompressobj(zlib.MAX_WBITS + 16)
    return good


def being_written(path: Path) -> bool:
    """Whether a live process holds the lock a writer keeps on its open WARC file."""
    try:
        with path.open("rb") as f:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False


def archive_prefix(sqlite_path: str | None) -> str:
    """The name a WARC file of this archive starts with: the archive file's own (``demo`` for data/demo.db), so that
    archives sharing a folder (data/suarapos.db, data/demo.db) never share or close each other's files."""
    stem = Path(sqlite_path).stem if sqlite_path else ""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.") or "suarapos"


class WarcNotWritten(Exception):
    """A WARC file could not take its records (a full disk, a file size limit, a failing device). The file was cut
    back to its last whole record: every record it holds is complete."""

    def __init__(self, name: str, error: OSError):
        super().__init__(f"{name}: {error.strerror or error}")
        self.name = name
        self.error = error


class WarcFiles:
    """The WARC files of one folder: one written at a time, rotated past ``max_bytes``.

    A capture's records are built in memory and written with one call to the raw file (no buffer of Python's
    holds a part of one), so a write the disk refuses is cut back to where the last whole record ends."""

    def __init__(self, folder: Path, max_bytes: int, level: int, prefix: str = "suarapos"):
        self.folder = folder
        self.max_bytes = max_bytes
        self.level = level
        self.prefix = prefix
        self.sequence = 0
        self.stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        self.name = ""  # of the file being written, without OPEN_SUFFIX
        self.file = None
        self.built = BytesIO()  # the records of one write, before they go to the file
        self.writer = RecordWriter(self.built, level)
        self.end = 0  # bytes of the open file: whole records only
        self.synced = 0  # of those, the bytes fsynced

    def close_left_open(self) -> list[str]:
        """Files a killed run of this archive left ``.open``: cut back to their last whole record, then closed
        (renamed). Only this archive's (its prefix), and only those no live process writes (each writer holds a
        lock on its open file): another archive's files in a shared folder, or another tool's, are never touched."""
        closed = []
        for path in sorted(self.folder.glob(f"{self.prefix}-*.warc.gz{OPEN_SUFFIX}")):
            if being_written(path):
                continue
            good = complete_length(path)
            if good < path.stat().st_size:
                logger.warning(
                    "WARC %s: a torn record of %d bytes at its end, cut off", path.name, path.stat().st_size - good
                )
                with path.open("r+b") as f:
                    f.truncate(good)
            path.rename(path.with_name(path.name[: -len(OPEN_SUFFIX)]))
            closed.append(path.name[: -len(OPEN_SUFFIX)])
        return closed

    def _open_next(self) -> None:
        self.sequence += 1
        self.name = f"{self.prefix}-{self.stamp}-{self.sequence:05d}.warc.gz"
        self.file = (self.folder / (self.name + OPEN_SUFFIX)).open("xb", buffering=0)
        fcntl.flock(self.file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # released when the file is closed
        self.end = self.synced = 0
        info = {
            "software": f"suarapos-crawler/{__version__} (warcio)",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iso.org/standard/68004.html",
            "robots": "obey",
            "python": sys.version.split()[0],
        }
        self.write([self.writer.create_warcinfo_record(self.name, info)])

    def write(self, records: list) -> list[tuple[str, int, int]]:
        """Write records one after the other: (file, offset, length) of each. Raises ``WarcNotWritten``, the file
        holding none of them."""
        if self.file is None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._open_next()
            except OSError as exc:
                raise WarcNotWritten(self.name or str(self.folder), exc) from exc
        where = []
        for record in records:
            offset = self.built.tell()
            self.writer.write_record(record)
            where.append((self.name, self.end + offset, self.built.tell() - offset))
        data = self.built.getbuffer()
        try:
            written = 0
            while written < len(data):
                written += self.file.write(data[written:])
        except OSError as exc:
            self._cut_back(self.end)
            raise WarcNotWritten(self.name, exc) from exc
        finally:
            del data
            self.built.seek(0)
            self.built.truncate()
        self.end += written
        if self.end >= self.max_bytes:
            self.close()
        return where

    def _cut_back(self, size: int) -> None:
        """The open file back to ``size`` bytes, its whole records (if even that fails, the next run cuts it)."""
        with contextlib.suppress(OSError):
            os.ftruncate(self.file.fileno(), size)
            self.file.seek(size)
            self.end = min(self.end, size)

    def sync(self) -> None:
        """What was written is on disk: rows may now point at it. Raises ``WarcNotWritten`` when the disk refuses
        what it took since the last sync (the file is cut back to that sync: those records may not be there)."""
        if self.file is not None:
            try:
                os.fsync(self.file.fileno())
            except OSError as exc:
                self._cut_back(self.synced)
                raise WarcNotWritten(self.name, exc) from exc
            self.synced = self.end

    def close(self) -> None:
        if self.file is None:
            return
        try:
            self.sync()
        finally:
            self.file.close()
            self.file = None
        try:
            (self.folder / (self.name + OPEN_SUFFIX)).rename(self.folder / self.name)
        except OSError as exc:  # left .open: the next run closes it
            raise WarcNotWritten(self.name, exc) from exc


def http_headers(headers, skip=frozenset()) -> list[tuple[str, str]]:
    return [
        (k.decode("latin-1"), v.decode("latin-1"))
        for k, values in headers.items()
        if k.lower() not in skip
        for v in values
    ]


def response_headers(response) -> StatusAndHeaders:
    from http.client import responses

    reason = responses.get(response.status, "")
    headers = http_headers(response.headers, UNDONE_BY_THE_DOWNLOADER)
    if not any(k.lower() == "content-length" for k, _ in headers) or response.headers.get(b"Transfer-Encoding"):
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        headers.append(("Content-Length", str(len(response.body))))
    return StatusAndHeaders(f"{response.status} {reason}".strip(), headers, protocol=response.protocol or "HTTP/1.1")


def request_headers(request) -> StatusAndHeaders:
    parts = urlsplit(request.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = [("Host", parts.netloc), *http_headers(request.headers)]
    return StatusAndHeaders(f"{request.method} {target} HTTP/1.1", headers, is_http_request=True)


def gzip_level(settings) -> int:
    """``WARC_GZIP_LEVEL``, checked: ISA-L knows levels 0 to 3 (a zlib level such as 6 is an error, said in one line)."""
    try:
        level = settings.getint("WARC_GZIP_LEVEL")
    except ValueError:
        raise ValueError(f"WARC_GZIP_LEVEL is {settings.get('WARC_GZIP_LEVEL')!r}, not a whole number") from None
    if level not in GZIP_LEVELS:
        raise ValueError(
            f"WARC_GZIP_LEVEL is {level}: the WARC files are deflated by ISA-L, whose levels are "
            f"{GZIP_LEVELS.start} to {GZIP_LEVELS.stop - 1}"
        )
    return level


class WarcCapture:
    """Settings (defaults in ``settings.py``): ``WARC_ENABLED``, ``WARC_DIR`` (empty: ``warc/`` beside the archive),
    ``WARC_MAX_BYTES``, ``WARC_GZIP_LEVEL``. Captures rows are written by the ``Archive``.

    Records are built, compressed and written in the crawling thread, as each response arrives: a thread of
    their own cost more CPU in hand-overs of the GIL than the overlap saved (10,000 articles, three runs each way
    side by side: 15 to 20 % more CPU seconds with it, and no shorter)."""

    def __init__(self, crawler, folder: Path, max_bytes: int, level: int, batch_size: int, prefix: str = "suarapos"):
        self.crawler = crawler
        self.archive: Archive | None = None  # found when the spider opens (extensions cannot look each other up sooner)
        self.folder = folder
        self.files = WarcFiles(folder, max_bytes, level, prefix)
        self.batch_size = batch_size
        self.queued = 0  # records written since the last sync (every batch_size records, and before each batch)
        self.written: list[Capture] = []  # rows of records written, not yet handed to the archive
        self.this_run: dict[str, tuple[str, str, str]] = {}  # url -> (record id, WARC date, digest) of this run
        self.earlier_captures = False  # whether earlier runs left captures to revisit (a first run asks nothing)
        self.relative_names: dict[str, str] = {}  # WARC file -> its name in the captures table
        self.earlier_sizes: dict[str, int] = {}  # WARC file of an earlier run -> its size (-1: missing)
        self.failure: WarcNotWritten | None = None  # why capture stopped in this run (a disk refused a record)
        self.dropped: set[str] = set()  # records a failed sync cut off: no stored article may name them

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("WARC_ENABLED"):
            raise NotConfigured("WARC_ENABLED is off")
        folder = settings.get("WARC_DIR")
        if not folder:
            if not settings.get("SQLITE_PATH"):
                raise NotConfigured("WARC_DIR is empty and there is no archive to keep the files beside")
            folder = str(Path(settings.get("SQLITE_PATH")).parent / "warc")
        capture = cls(
            crawler,
            Path(folder),
            settings.getint("WARC_MAX_BYTES"),
            gzip_level(settings),
            settings.getint("SQLITE_BATCH_SIZE"),
            archive_prefix(settings.get("SQLITE_PATH")),
        )
        crawler.signals.connect(capture.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(capture.response_downloaded, signal=signals.response_downloaded)
        return capture

    def spider_opened(self, spider) -> None:
        self.archive = self.crawler.get_extension(Archive)
        # Closed when the spider closes, before the run record (an extension after this one) records the run: the
        # last rows go in first.
        self.crawler.signals.connect(self.close, signal=signals.spider_closed)
        if self.archive is not None:
            if self.archive.refused is not None:
                return
            self.archive.joining.append(self.join_batch)  # the one route of the rows to the archive
            self.earlier_captures = self.archive.db.execute("SELECT 1 FROM captures LIMIT 1").fetchone() is not None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name in self.files.close_left_open():
                logger.info("WARC %s, left open by a killed run, closed", name)
        except OSError as exc:
            self.stop(WarcNotWritten(str(self.folder), exc))

    def relative_name(self, name: str) -> str:
        """A file as the captures table names it: relative to the archive's folder (worked out once a file)."""
        if name not in self.relative_names:
            self.relative_names[name] = self._relative_name(name)
        return self.relative_names[name]

    def _relative_name(self, name: str) -> str:
        path = self.folder / name
        if self.archive is not None:
            try:
                return os.path.relpath(path, Path(self.archive.path).parent)
            except ValueError:  # another drive
                return str(path)
        return str(path)

    def response_downloaded(self, response, request, spider) -> None:
        if self.archive is not None and self.archive.db is None:
            return  # the archive was refused or is closed: nothing to record the capture in
        if self.failure is not None:
            self.crawler.stats.inc_value("warc/not_captured")  # a response in flight when capture stopped
            return
        url = request.url
        payload_digest = "sha1:" + base64.b32encode(hashlib.sha1(response.body).digest()).decode("ascii")
        earlier = self.last_capture(url)
        refers_to = earlier if earlier and earlier[2] == payload_digest else None
        record_id = f"<urn:uuid:{uuid.uuid4()}>"
        warc_date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        try:
            self._write(request, response, record_id, warc_date, payload_digest, refers_to)
        except WarcNotWritten as exc:
            self.crawler.stats.inc_value("warc/not_captured")
            self.stop(exc)
            return
        if refers_to is None:
            self.this_run[url] = (record_id, warc_date, payload_digest)
        request.meta["capture_id"] = record_id  # only once its record is written
        self.crawler.stats.inc_value(f"warc/{'revisit' if refers_to else 'response'}_records")
        self.queued += 1
        if self.queued >= self.batch_size:
            self.sync()

    def _write(self, request, response, record_id: str, warc_date: str, payload_digest: str, refers_to) -> None:
        """The records of one response (a revisit of ``refers_to``, when given), and the row that says where they
        are."""
        url, headers = request.url, response_headers(response)
        writer = self.files.writer
        own = {"WARC-Record-ID": record_id, "WARC-Date": warc_date}
        if refers_to:
            record = writer.create_revisit_record(
                url, payload_digest, url, refers_to[1], http_headers=headers, warc_headers_dict=own
            )
            record.rec_headers.add_header("WARC-Refers-To", refers_to[0])
        else:
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(response.body),
                length=len(response.body),
                http_headers=headers,
                warc_headers_dict={**own, "WARC-Payload-Digest": payload_digest},
            )
        asked = writer.create_warc_record(
            url, "request", http_headers=request_headers(request), warc_headers_dict={"WARC-Date": warc_date}
        )
        asked.rec_headers.add_header("WARC-Concurrent-To", record_id)
        (name, offset, length), _request = self.files.write([record, asked])
        self.written.append(
            Capture(
                id=record_id,
                url=url,
                fetched_at=now_wib(),
                status=response.status,
                kind="revisit" if refers_to else "response",
                warc_file=self.relative_name(name),
                offset=offset,
                length=length,
                payload_digest=payload_digest,
                refers_to=refers_to[0] if refers_to else None,
                content_type=headers.get_header("Content-Type"),
            )
        )

    def last_capture(self, url: str) -> tuple[str, str, str] | None:
        """(record id, WARC date, payload digest) of the newest capture of ``url`` that holds its body."""
        if url in self.this_run:
            return self.this_run[url]
        if not self.earlier_captures or self.archive is None or self.archive.db is None:
            return None
        found = last_full_capture(self.archive.db, url)
        if not found or not self.record_on_disk(found):
            return None  # its body is kept in full again: a revisit of a lost record would lose it for good
        return found["id"], warc_date_of(found), found["payload_digest"]

    def record_on_disk(self, capture: dict) -> bool:
        """Whether the file a capture names is there and reaches the end of its record (a file cut short, or moved
        away, holds no body a revisit could refer to). Each file's size is looked up once a run."""
        name = capture["warc_file"]
        if name not in self.earlier_sizes:
            path = warc_path(Path(self.archive.path).parent, name)  # names are relative to the archive
            self.earlier_sizes[name] = path.stat().st_size if path.exists() else -1
        whole = self.earlier_sizes[name] >= capture["offset"] + capture["length"]
        if not whole:
            self.crawler.stats.inc_value("warc/lost_records_captured_again")
        return whole

    def sync(self) -> None:
        """The records written so far, on disk (before their rows may be stored)."""
        self.queued = 0
        try:
            self.files.sync()
        except WarcNotWritten as exc:
            self.stop(exc)
        if self.archive is None:  # no archive to keep the rows in: the files alone are the record
            self.written = []

    def join_batch(self, batch: list) -> None:
        """Before the archive stores a batch: the rows of the records written so far go first, in its transaction
        (an article never names a capture the archive does not hold, whenever a kill comes), once their records are
        on disk (a row never points at a record a kill could cut); and an article read from a record that a failed
        sync cut off names none."""
        self.sync()
        batch[:0], self.written = self.written, []
        if self.dropped:
            for item in batch:
                if isinstance(item, Article) and item.capture_id in self.dropped:
                    item.capture_id = None

    def stop(self, exc: WarcNotWritten, end_crawl: bool = True) -> None:
        """A WARC file refused a record (a full disk, a file size limit, a folder that cannot be made): capture ends,
        and the crawl with it: what it fetched from now on could never be read again. Said in one line; the file
        keeps its whole records (closed, or left ``.open`` for the next run to close), and the rows of records it
        may have lost are dropped."""
        if self.failure is not None:
            return
        self.failure = exc
        self.crawler.stats.set_value("warc/failure", str(exc))
        remedy = f"free room in {self.folder}" if exc.error.errno in FULL_DISK else f"check WARC_DIR ({self.folder})"
        logger.error(
            "WARC capture stopped: %s; the run ends here (%s, then run again: the next run goes on)", exc, remedy
        )
        with contextlib.suppress(WarcNotWritten):
            self.files.close()
        failed = self.relative_name(exc.name) if exc.name.endswith(".warc.gz") else None
        lost = {
            row.id for row in self.written if row.warc_file == failed and row.offset + row.length > self.files.synced
        }
        self.dropped |= lost
        self.written = [row for row in self.written if row.id not in lost]
        if end_crawl:  # not awaited: closing waits for the downloads in flight
            asyncio.ensure_future(self.crawler.engine.close_spider_async(reason="warc_failed"))

    def close(self, *args, **kwargs) -> None:
        """The files closed, and the last rows stored (the run is recorded after this)."""
        try:
            self.files.close()
        except WarcNotWritten as exc:
            self.stop(exc, end_crawl=False)  # the crawl is ending already
        if self.archive is None or self.archive.write_db is None or not self.written:
            return
        try:
            self.archive.flush()
        except BatchNotStored as exc:
            self.archive.batch_lost(exc)


def warc_date_of(capture: dict) -> str:
    """The WARC-Date (UTC) of a stored capture, from its WIB time."""
    from ..clock import parse_iso

    when = parse_iso(capture["fetched_at"])
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if when else capture["fetched_at"]
