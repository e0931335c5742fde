"""Captured pages read in the page-reading workers, straight from their WARC files: no engine, no request.

``scrapy reextract`` cuts the replay's plain article captures (in its order) into runs of consecutive captures
of one WARC file (``CaptureTask`` lists, ``runs_of_one_file``) and hands each run to a worker
(``spiders/readers.py``), which opens the file, reads each record where the archive says it is, decodes the body
as the crawl's downloader middlewares decoded it (``plain_response``), and reads it with the page classes. The
worker answers with what each capture gave (``CaptureResult``); the crawling process stores the readings, in
order, from its one writer.

A page this path cannot vouch for reading as the crawl did (another status or content coding, a coding that does
not decode whole, a page cut short, not HTML) is answered ``engine``: the spider asks for it through Scrapy's
engine, whose middlewares say what becomes of it, as in the crawl. A record that cannot be read is answered
``unreadable`` with the reason.
"""

from __future__ import annotations

import contextlib
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from isal import isal_zlib

from ..enrich.derived import derive
from ..enrich.quotes import Gazetteer, GazetteerError, load_gazetteer
from ..pages.reading import PageReading, read_page
from .records import NotDecoded, decoded, split_response_record

# Captures in one worker's task at most: enough that a task's pickles and file opening cost little a page, few
# enough that the workers share a file's captures and the writer does not wait long for the first.
RUN_LENGTH = 16
# The content codings this path decodes (one of them, alone); any other goes through the engine.
DECODED_HERE = frozenset((b"gzip", b"x-gzip", b"deflate", b"br"))


@dataclass(frozen=True)
class CaptureTask:
    """One capture to read: its URL, where its record is, and, for a revisit, where the record holding its body is."""

    url: str
    path: str
    offset: int
    length: int
    body_from: tuple[str, int, int] | None = None
    body_missing: bool = False
    """A revisit whose body the archive does not hold (the capture it refers to is not in it)."""


@dataclass
class CaptureResult:
    """What one capture gave: ``read`` (its ``reading``), ``engine`` (only the engine can say) or ``unreadable``
    (``detail``: why). ``counts``: the stats the crawl's middlewares count for such a page (a charset repaired)."""

    url: str
    outcome: str
    reading: PageReading | None = None
    detail: str = ""
    counts: dict = field(default_factory=dict)


@dataclass
class CapturesReading:
    """A worker's answer for one run of captures, in the run's order."""

    results: list[CaptureResult]
    worker: tuple[int, float | None, float | None] | None = None


def runs_of_one_file(tasks: Iterable[CaptureTask], length: int = RUN_LENGTH) -> Iterator[list[CaptureTask]]:
    """The tasks, in their order, cut into runs of consecutive tasks of one WARC file, ``length`` at most."""
    run: list[CaptureTask] = []
    for task in tasks:
        if run and (run[-1].path != task.path or len(run) >= length):
            yield run
            run = []
        run.append(task)
    if run:
        yield run


class Tally(Counter):
    """Stats counted where no crawler is (a worker): what the crawl's ``stats.inc_value`` would have counted."""

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self[key] += count


def read_captures(
    tasks: list[CaptureTask], base_url: str, themes: tuple | None, max_size: int, gazetteer_path: str | None = None
) -> CapturesReading:
    """Read a run of captures, each as the crawl read its page (``max_size``: DOWNLOAD_MAXSIZE), and what storage
    derives from each article beside it (its quotes with the shipped gazetteer and ``gazetteer_path``'s). No writes."""
    gazetteer = gazetteer_at(gazetteer_path or "")
    with contextlib.ExitStack() as stack:
        files = OpenFiles(stack)
        results = [read_capture(task, files, base_url, themes, max_size) for task in tasks]
    for result in results:
        if result.reading is not None and result.reading.article is not None:
            result.reading.article.derived = derive(result.reading.article.as_dict(), gazetteer)
    return CapturesReading(results)


@lru_cache(maxsize=4)
def gazetteer_at(path: str) -> Gazetteer | None:
    """The gazetteer storage reads quotes with (the shipped one, and the user's file); None if it cannot be read
    here (storage then reads the quotes with its own)."""
    try:
        return load_gazetteer(path or None)
    except GazetteerError:
        return None


class OpenFiles(dict):
    """The WARC files a run of captures reads, each opened once and closed with the run."""

    def __init__(self, stack: contextlib.ExitStack):
        super().__init__()
        self.stack = stack

    def member(self, path: str, offset: int, length: int) -> bytes:
        f = self.get(path)
        if f is None:
            f = self[path] = self.stack.enter_context(Path(path).open("rb"))  # noqa: SIM115 - closed by the stack
        f.seek(offset)
        return f.read(length)


def read_capture(
    task: CaptureTask, files: OpenFiles, base_url: str, themes: tuple | None, max_size: int
) -> CaptureResult:
    if task.body_missing:
        return CaptureResult(task.url, "engine")  # as the crawl would: an empty page, which is no whole page
    try:
        status, header_lines, body = split_response_record(files.member(task.path, task.offset, task.length))
        if task.body_from is not None:  # a revisit: unchanged, its body in the record it refers to
            body = split_response_record(files.member(*task.body_from))[2]
    except (OSError, ValueError, IndexError, isal_zlib.error) as exc:
        return CaptureResult(task.url, "unreadable", detail=str(exc))
    counts = Tally()
    try:
        response = plain_response(task.url, status, header_lines, body, max_size, counts)
        if response is None:
            return CaptureResult(task.url, "engine")
        date = (response.headers.get(b"Date") or b"").decode("latin-1") or None
        text = response.text
    except Exception:  # noqa: BLE001 - a page this path cannot make: the engine's path says what becomes of it
        return CaptureResult(task.url, "engine")
    reading = read_page(task.url, text, base_url, date, themes)  # records its own exception, as in a crawl
    return CaptureResult(task.url, "read", reading, counts=dict(counts))


def plain_response(url: str, status: int, header_lines: list, body: bytes, max_size: int, counts: Tally):
    """The page as the crawl's downloader middlewares handed it to the spider: decoded (HttpCompressionMiddleware,
    one coding, decoded whole), its charset repaired (``CharsetRepairMiddleware`` itself, counting in ``counts``),
    and whole (``looks_complete``); None for any page where only the engine's chain can say what it becomes."""
    from scrapy.http import Headers, TextResponse  # here: a worker imports Scrapy only to re-read captures
    from scrapy.responsetypes import responsetypes

    from ..middlewares import CharsetRepairMiddleware, looks_complete

    if status != 200:
        return None
    headers = Headers()
    for name, value in header_lines:
        headers.appendlist(name, value)
    codings = [c.strip().lower() for value in headers.getlist("Content-Encoding") for c in value.split(b",")]
    if codings:
        if len(codings) != 1 or codings[0] not in DECODED_HERE:
            return None
        try:
            body = decoded(body, codings[0].decode("latin-1"), max_size)
        except (NotDecoded, zlib.error):
            return None  # the engine's middleware refuses it, and the spider records why, as in the crawl
        del headers["Content-Encoding"]
    cls = responsetypes.from_args(headers=headers, url=url, body=body)
    response = cls(url=url, status=status, headers=headers, body=body, protocol="HTTP/1.1")
    if not isinstance(response, TextResponse):
        return None
    response = CharsetRepairMiddleware(counts).process_response(None, response)
    if not looks_complete(response):
        return None
    return response
