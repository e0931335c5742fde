"""Datasette plugin: exports a spreadsheet takes whole and right, and feeds named after what they follow.

- Every CSV streams all its rows (``_stream=on``) unless the address says otherwise: an export of the articles
  table has every article, not the first 1,000 (its byte-order mark and formula guard: suarapos_safety.py). A
  table's is read by one query (``/-/csv/<database>/<table>.csv``, browse/csv_stream.py), not a page at a time.
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
from datasette.utils import escape_sqlite, tilde_decode
from datasette.utils.asgi import AsgiStream, Response
from markupsafe import escape
from openpyxl import Workbook

from suarapos_crawler.browse.csv_stream import DEFUSED, stream_query, whole
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
TABLE_CSV = re.compile(r"^/([^/]+)/([^/]+)\.csv$")
WHOLE_CSV = r"^/-/csv/(?P<database>[^/]+)/(?P<table>[^/]+)\.csv$"
PAGE_ONLY = {"_next", "_labels", "_trace"}  # Datasette's own CSV for these (a page, labels, a trace)
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
            whole_table = await whole_table_csv(datasette, path, changed)
            if whole_table:
                scope = {**scope, "path": whole_table, "raw_path": whole_table.encode("latin-1")}
            feed = FEED.match(path)
            if not feed:
                return await app(scope, receive, send)
            followed = dict(parse_qsl(query)).get(FEEDS[feed.group(1)], "")
            await app(scope, receive, titled_feed(send, followed))

        return with_defaults

    return wrap


async def whole_table_csv(datasette, path: str, query: str) -> str | None:
    """The address of a table's whole CSV read by one query, for a request of a table's CSV that streams all its
    rows and asks nothing else of Datasette's own (labels, a trace); None for any other."""
    found = TABLE_CSV.match(path)
    args = dict(parse_qsl(query, keep_blank_values=True))
    if not found or args.get("_stream") != "on" or PAGE_ONLY & set(args):
        return None
    try:
        db = datasette.get_database(route=tilde_decode(found.group(1)))
    except KeyError:
        return None
    if not await db.table_exists(tilde_decode(found.group(2))):
        return None  # a canned query or a view: Datasette's CSV
    return f"/-/csv/{found.group(1)}/{found.group(2)}.csv"


async def whole_csv(datasette, request):
    """A table's CSV, every row: the SQL of its first page as Datasette builds it (filters, search, sort), run
    once without the page's limit (browse/csv_stream.py)."""
    route, table = request.url_vars["database"], request.url_vars["table"]
    kept = [(k, v) for k, v in parse_qsl(request.query_string, keep_blank_values=True) if k not in CSV_ONLY]
    page = await datasette.client.get(  # asked as the reader (their cookies): what they may see, no more
        f"/{route}/{table}.json?" + urlencode([*kept, ("_size", "1"), ("_nocount", "1"), ("_nofacet", "1")]),
        headers={"cookie": request.headers.get("cookie", "")},
    )
    if page.status_code != 200:
        return Response.text(f"error {page.status_code}: this CSV could not be made", status=page.status_code)
    data = page.json()
    db = datasette.get_database(route=tilde_decode(route))

    def connect():
        conn = db.connect()
        datasette._prepare_connection(conn, db.name)  # noqa: SLF001 - the functions plugins give every connection
        return conn

    async def rows(out):
        keys = [escape_sqlite(k) for k in data.get("primary_keys") or []] or ["rowid"]
        await stream_query(connect, whole(data["query"]["sql"], keys), data["query"]["params"], data["columns"],
                           out.write, header=request.args.get("_header") != "off")  # fmt: skip

    download = bool(request.args.get("_dl"))
    headers = {DEFUSED[0].decode(): DEFUSED[1].decode()}  # the formula guard need not read it again
    if download:
        headers["content-disposition"] = f'attachment; filename="{tilde_decode(table)}.csv"'
    return AsgiStream(
        rows,
        headers=headers,
        content_type="text/csv; charset=utf-8" if download else "text/plain; charset=utf-8",
    )


CSV_ONLY = ("_stream", "_dl", "_bom", "_header", "_size")  # what the CSV is asked, not which rows


@hookimpl
def register_routes():
    return [(WHOLE_CSV, whole_csv)]


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
            whole(query["sql"]), query.get("params") or {}, truncate=False,
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
