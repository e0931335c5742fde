"""Datasette plugin: each capture at a permanent address inside the archive, to cite.

``/-/capture/<uuid>`` (the WARC record's ID) shows the page as it was archived, under a banner: when it was
archived (WIB), the original URL, the HTTP status, the payload digest, the WARC file and the record, and a
citation line ready to copy. The page itself (``/-/capture/<uuid>/page``) is served as replay tools serve one:
inside a sandboxed frame, with a policy that lets no script run and nothing be fetched, so the archived page's
scripts, trackers and other pages of the site stay inert. The WARC files are read where the archive keeps them
(``warc/`` beside it; `scrapy publish` links them beside a published copy)."""

from __future__ import annotations

import asyncio
import zlib
from pathlib import Path

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from sqlite_utils import Database

from suarapos_crawler.clock import wib_date
from suarapos_crawler.storage.captures import capture_by_id
from suarapos_crawler.warc.replay import captured_page

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
MAX_PAGE_BYTES = 32 * 2**20  # DOWNLOAD_MAXSIZE's default: what the crawl itself would have read
# No script, no request of any kind (images, styles, frames, forms): the archived page as text and layout only
INERT = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'"


def record_id(uuid: str) -> str:
    return f"<urn:uuid:{uuid}>"


def capture_address(uuid_or_id: str) -> str:
    """The permanent path of a capture (``<urn:uuid:…>`` or the bare UUID)."""
    return "/-/capture/" + uuid_or_id.removeprefix("<urn:uuid:").removesuffix(">")


async def found(datasette, uuid: str) -> tuple[object, dict | None, dict | None]:
    database = datasette.get_database()

    def read(conn):
        db = Database(conn)
        capture = capture_by_id(db, record_id(uuid)) if db["captures"].exists() else None
        article = None
        if capture:
            rows = list(db.query("SELECT url, title, published_at, published_precision FROM articles WHERE url = ? "
                                 "OR capture_id = ? LIMIT 1", [capture["url"], capture["id"]]))  # fmt: skip
            article = rows[0] if rows else None
        return capture, article

    capture, article = await database.execute_fn(read)
    return database, capture, article


async def capture_page(request, datasette):
    uuid = request.url_vars["uuid"]
    database, capture, article = await found(datasette, uuid)
    if capture is None:
        return Response.html(await datasette.render_template("capture.html", {"capture": None}, request=request), 404)
    address = datasette.absolute_url(request, capture_address(uuid))
    archived = wib_date(capture["fetched_at"])
    title = article["title"] if article else capture["url"]
    published = f", {wib_date(article['published_at'], article['published_precision'])}" if article else ""
    citation = (f"“{title}”, suarapos.co.id{published}. {capture['url']}. Archived {archived} by suarapos-crawler "
                f"(WARC record {capture['id']}, {capture['payload_digest']}): {address}")  # fmt: skip
    context = {
        "capture": capture,
        "archived": archived,
        "article": article,
        "article_row": datasette.urls.row(database.name, "articles", tilde_encode(article["url"])) if article else "",
        "address": address,
        "citation": citation,
        "page": capture_address(uuid) + "/page",
    }
    return Response.html(await datasette.render_template("capture.html", context, request=request))


async def captured(request, datasette):
    uuid = request.url_vars["uuid"]
    database, capture, _ = await found(datasette, uuid)
    if capture is None:
        return Response.text("no such capture in this archive", status=404)
    try:  # off the event loop: a record is read and inflated from its WARC file
        page = await asyncio.to_thread(database_page, Path(database.path).parent, capture, database)
    except (OSError, ValueError, EOFError, StopIteration, zlib.error) as exc:
        return Response.text(f"the archived page cannot be read here: {exc}", status=410)
    content_type = (page.headers.get(b"Content-Type") or b"text/html").decode("latin-1")
    return Response(page.body, content_type=content_type,
                    headers={"content-security-policy": INERT, "x-content-type-options": "nosniff"})  # fmt: skip


def database_page(folder: Path, capture: dict, database):
    conn = database.connect()
    try:
        return captured_page(Database(conn), folder, capture, MAX_PAGE_BYTES)
    finally:
        conn.close()


@hookimpl
def register_routes():
    return [(rf"^/-/capture/(?P<uuid>{UUID})$", capture_page), (rf"^/-/capture/(?P<uuid>{UUID})/page$", captured)]
