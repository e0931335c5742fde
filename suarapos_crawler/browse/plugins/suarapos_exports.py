"""Datasette plugin: exports a spreadsheet takes whole and right, and feeds named after what they follow.

- Every CSV streams all its rows (``_stream=on``) unless the address says otherwise: an export of the articles
  table has every article, not the first 1,000 (its byte-order mark and formula guard: suarapos_safety.py).
- ``.xlsx`` beside ``.csv`` and ``.json``: the whole table or query as a workbook (every row, not the page's; its
  cells guarded as the CSV's are).
- The articles table's page shows nine readable columns (``READABLE_COLUMNS``), the rest a click away; it is
  exported without its stem columns (what the search reads, no one's reading); an address that names columns
  (``_col``, ``_nocol``) has those.
- The articles table's search box takes what people type, as the canned search does: the page goes to that search
  (which says what it found), and its JSON, CSV and XLSX read the words by the same rules.
- An Atom feed of a watched term or a person is titled with its term or name (datasette-atom titles every feed
  of a canned query alike).
"""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import escape
from openpyxl import Workbook

from suarapos_crawler.browse.search import fts_query
from suarapos_crawler.report.workbook import sheet_row

STEM_COLUMNS = ("title_stems", "body_stems")
# The articles table's page shows its URL and these, of its 31 columns (3,568 px wide with them all); "all columns" on
# the page, or any _col or _nocol in the address, shows the rest (but the stems).
READABLE_COLUMNS = ("title", "published_at", "section", "region", "author", "kind", "tags", "speakers")
ARTICLES_PAGE = re.compile(r"^/[^/]+/articles$")
ARTICLES_TABLE = re.compile(r"^/[^/]+/articles(\.csv|\.xlsx)?$")
ARTICLES_DATA = re.compile(r"^/[^/]+/articles\.(json|csv|xlsx)$")
FEEDS = {"mentions": "term", "person_feed": "name"}  # canned query of a feed: the parameter it follows
FEED = re.compile(r"^/[^/]+/(mentions|person_feed)\.atom$")
LIMIT = re.compile(r"\s+limit\s+\d+(\s+offset\s+\d+)?\s*$", re.IGNORECASE)
EXPORT_TIME_LIMIT_MS = 120_000  # a whole table takes longer than a page (sql_time_limit_ms)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def search_redirect(path: str, query: str) -> str | None:
    """The articles table's search box, typed into: the canned search's address, which reads what people type
    (``a OR b``, ``-word``, every form of a word) and says what it found; None for any other request."""
    found = re.match(r"^/([^/]+)/articles$", path)
    args = dict(parse_qsl(query, keep_blank_values=True))
    if not found or not args.get("_search") or args.get("_searchmode") == "raw":
        return None
    section = args.get("section") or args.get("section__exact") or ""
    return f"/{found.group(1)}/search?" + urlencode(
        {"q": args["_search"], "section": section, "from_date": "", "to_date": "", "page": ""}
    )


def export_defaults(path: str, query: str) -> str:
    """The query string of a request with what the page or export gets unless it says otherwise."""
    args = parse_qsl(query, keep_blank_values=True)
    named = {name for name, _ in args}
    if path.endswith(".csv"):
        args += [("_stream", "on")] if not named & {"_stream", "_next"} else []
    if ARTICLES_PAGE.match(path) and not named & {"_col", "_nocol"}:
        args += [("_col", column) for column in READABLE_COLUMNS]
    elif ARTICLES_TABLE.match(path) and not named & {"_col", "_nocol"}:
        args += [("_nocol", column) for column in STEM_COLUMNS]
    if ARTICLES_TABLE.match(path) or ARTICLES_DATA.match(path):  # a tag's articles through its index (facets.py)
        args = [("_tag" if k == "tags__arraycontains" else k, v) for k, v in args]
    if ARTICLES_DATA.match(path) and "_search" in named and "_searchmode" not in named:  # a search as people type
        args = [(k, fts_query(v, stems=True) if k == "_search" else v) for k, v in args] + [("_searchmode", "raw")]
    return urlencode(args)


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def with_defaults(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            path = scope.get("path", "")
            query = scope.get("query_string", b"").decode("latin-1")
            search = search_redirect(path, query)
            if search:
                return await Response.redirect(datasette.urls.path(search)).asgi_send(send)
            changed = export_defaults(path, query)
            if changed != query:
                scope = {**scope, "query_string": changed.encode("latin-1")}
            feed = FEED.match(path)
            if not feed:
                return await app(scope, receive, send)
            followed = dict(parse_qsl(query)).get(FEEDS[feed.group(1)], "")
            await app(scope, receive, titled_feed(send, followed))

        return with_defaults

    return wrap


def titled_feed(send, followed: str):
    """``send``, with the feed's first title (the canned query's) followed by the term or name it follows."""
    start, chunks = None, []

    async def capture(message):
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            return
        if message["type"] != "http.response.body":
            return await send(message)
        chunks.append(message.get("body", b""))
        if message.get("more_body"):
            return
        body = b"".join(chunks)
        if start["status"] == 200 and followed:
            text = body.decode("utf-8")
            body = text.replace("</title>", f": {escape(followed)}</title>", 1).encode("utf-8")
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    return capture


async def render_xlsx(datasette, database, table, query_name, data, columns, rows):
    """The whole table or query as a workbook: the page's SQL again, without its page's limit."""
    query = data.get("query") or {}
    if query.get("sql"):
        result = await datasette.get_database(database).execute(
            LIMIT.sub("", query["sql"]), query.get("params") or {}, truncate=False,
            custom_time_limit=EXPORT_TIME_LIMIT_MS,
        )  # fmt: skip
        columns, rows = result.columns, result.rows
    book = Workbook(write_only=True)
    sheet = book.create_sheet((table or query_name or database)[:31])
    sheet.append(sheet_row(sheet, columns))
    for row in rows:
        sheet.append(sheet_row(sheet, list(row)))
    out = io.BytesIO()
    book.save(out)
    name = re.sub(r"[^\w.-]+", "-", table or query_name or database)
    return Response(
        out.getvalue(), content_type=XLSX, headers={"content-disposition": f'attachment; filename="{name}.xlsx"'}
    )


@hookimpl
def register_output_renderer():
    return {"extension": "xlsx", "render": render_xlsx}
