"""One record of ours, read quickly, and a captured body decoded as the crawl's downloader decoded it. No I/O.

Light on imports (no Scrapy, no SQLite): the page-reading workers of ``scrapy reextract`` read WARC records with
these, beside the replaying middleware.
"""

from __future__ import annotations

import zlib

import brotli
from isal import isal_zlib


class NotDecoded(ValueError):
    """A captured body that cannot be shown decoded: a coding that lies, one unknown, or one that decodes past the
    largest page the crawl accepts (a compression bomb)."""


def decoded(body: bytes, encoding: str | None, max_size: int) -> bytes:
    """The body as a browser shows it: the content coding the server applied, undone, never past ``max_size`` bytes
    (the crawl's DOWNLOAD_MAXSIZE): a 6 KB capture of a bomb is refused, not decoded into gigabytes."""
    coding = (encoding or "").strip().lower()
    if coding in ("", "identity"):
        return body
    if coding in ("gzip", "x-gzip"):
        return inflated(body, zlib.MAX_WBITS + 16, max_size)
    if coding == "deflate":
        try:
            return inflated(body, zlib.MAX_WBITS, max_size)
        except zlib.error:
            return inflated(body, -zlib.MAX_WBITS, max_size)
    if coding == "br":
        unbrotli = brotli.Decompressor()
        try:
            page = unbrotli.process(body, output_buffer_limit=max_size + 1)
        except brotli.error as exc:
            raise NotDecoded(f"its body is not the br it says it is ({exc})") from exc
        if len(page) > max_size:
            raise NotDecoded(f"its body decodes past {max_size:,} bytes (a compression bomb)")
        if not unbrotli.is_finished():
            raise NotDecoded("its br body stops before its end")
        return page
    raise NotDecoded(f"its Content-Encoding {coding!r} is not one this tool decodes")


def inflated(body: bytes, wbits: int, max_size: int) -> bytes:
    inflate = zlib.decompressobj(wbits)
    page = inflate.decompress(body, max_size + 1)
    if len(page) > max_size:
        raise NotDecoded(f"its body decodes past {max_size:,} bytes (a compression bomb)")
    if not inflate.eof:
        raise zlib.error("incomplete or truncated stream")
    if inflate.unused_data:  # a second member, or bytes after the first: not one stream, not shown in part
        raise NotDecoded("its body holds more than one compressed stream")
    return page


def split_response_record(member: bytes) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """A response or revisit record of ours, quickly: (HTTP status, headers, raw payload).

    Our records are one gzip member each, WARC headers then HTTP headers then the payload (never
    chunked: the capture stores the body as the downloader gave it), so two splits read them; warcio
    parses the same bytes five times slower (measured: 2.6 ms a page against 0.5). ISA-L inflates a member in
    less than half the time zlib takes (0.03 ms a page against 0.07)."""
    data = isal_zlib.decompress(member, isal_zlib.MAX_WBITS + 16)
    warc_end = data.index(b"\r\n\r\n")
    length = 0
    for line in data[:warc_end].split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    block = data[warc_end + 4 : warc_end + 4 + length]
    http_end = block.find(b"\r\n\r\n")
    head, payload = (block[:http_end], block[http_end + 4 :]) if http_end >= 0 else (block, b"")
    status_line, *header_lines = head.split(b"\r\n")
    headers = [tuple(part.strip() for part in line.split(b":", 1)) for line in header_lines if b":" in line]
    return int(status_line.split(b" ", 2)[1]), headers, payload
