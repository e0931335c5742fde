"""Datasette plugin of the archive: search that takes what people type, highlighted snippets, links to the
archived article, and CSV that spreadsheets open right and cannot execute.

Article text is scraped: it is always escaped before the snippet markers become
``<mark>`` tags, and no cell is ever rendered as HTML.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sys

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

from suarapos_crawler.browse import person_page
from suarapos_crawler.browse.csv_stream import DEFUSED, defuse
from suarapos_crawler.browse.search import (  # noqa: F401 - the names its tests and the other plugin use
    ADVANCED,
    ARTICLE_TEXT,
    COUNT_FOUND,
    FOUND_CAP,
    NOTHING,
    PHRASE,
    QUOTE_TEXT,
    fts_query,
    search_said,
    search_terms,
)
from suarapos_crawler.enrich.stems import WORD as STEM_WORD
from suarapos_crawler.enrich.stems import stem

# FTS5 snippet() markers chosen by the canned search query (characters no article uses).
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
TOKEN_EDGES = re.compile(r"^(\W*)(.*?\w)(\W*)$", re.S)  # a word's own letters, without the punctuation around it
ARTICLE_COLUMNS = {"article_url"}  # cells of canned queries that name a stored article
csv.field_size_limit(sys.maxsize)  # an article body is longer than Python's 131,072-character default


def stem_snippet(body: str | None, text: str | None, words: int = 24) -> str:
    """A window of ``body`` around its first word that matches a word of the query, as written or by its
    Indonesian stem (FTS5's snippet() sees only the words as written), every such word between the markers."""
    tokens = (body or "").split()
    wanted = {stem(w) for w in STEM_WORD.findall(PHRASE.sub(" ", text or "").replace('"', " ")) if w}
    wanted |= {stem(w) for phrase in PHRASE.findall(text or "") for w in STEM_WORD.findall(phrase)}

    def hit(token: str) -> bool:
        found = STEM_WORD.findall(token)
        return bool(found) and stem(found[0]) in wanted

    first = next((i for i, token in enumerate(tokens) if hit(token)), 0)
    start = max(0, first - words // 3)
    window = [
        TOKEN_EDGES.sub(rf"\1{MARK_OPEN}\2{MARK_CLOSE}\3", t) if hit(t) else t for t in tokens[start : start + words]
    ]
    return ("… " if start else "") + " ".join(window) + (" …" if start + words < len(tokens) else "")


@hookimpl
def prepare_connection(conn):
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    conn.create_function("fts_query_stemmed", 1, lambda text: fts_query(text, stems=True), deterministic=True)
    conn.create_function(
        "fts_query_quotes", 1, lambda text: fts_query(text, stems=True, columns=QUOTE_TEXT), deterministic=True
    )
    conn.create_function("stem_snippet", 2, stem_snippet, deterministic=True)


@hookimpl
def extra_template_vars(template, database, request, datasette):
    """On the canned search's page: what was searched, as a person reads it, and how many articles were found (a
    reader takes 0 results to mean "no coverage": the page says what to try instead)."""
    if not template.startswith("query") or request is None or not request.path.endswith("/search"):
        return {}
    typed = request.args.get("q") or ""
    if not typed.strip():
        return {}

    async def inner():
        params = {"q": typed, **{k: request.args.get(k) or "" for k in ("section", "from_date", "to_date")}}
        # Page 1 of words as people type them: its rows say how many were found (their column matches), and none
        # means none (what people type is never an error). Counted apart (the search's work again) only on a later
        # page, whose rows may have run out, and for an fts: query, which may be written wrong.
        from_rows = (request.args.get("page") or "1").strip() == "1" and not typed.strip().lower().startswith(ADVANCED)
        found = None
        if not from_rows:
            try:
                found = (await datasette.get_database(database).execute(COUNT_FOUND, params)).first()[0]
            except Exception:  # noqa: BLE001 - an advanced (fts:) query written wrong: the page says so itself
                found = None
        alternatives, excluded = search_terms(typed)
        return {"search_said": {"what": search_said(typed), "found": found, "from_rows": from_rows, "cap": FOUND_CAP,
                                "only_excluded": excluded and not alternatives,
                                "filtered": any(params[k] for k in ("section", "from_date", "to_date"))}}  # fmt: skip

    return inner


@hookimpl
def render_cell(value, column, database, datasette, table=None):
    if (column == "person" or (table == "people" and column == "name")) and isinstance(value, str) and value:
        return Markup(f'<a href="{escape(person_page(datasette, database, value))}">{escape(value)}</a>')
    if column == "snippet" and isinstance(value, str):
        return Markup(str(escape(value)).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))
    if column in ARTICLE_COLUMNS and isinstance(value, str) and value.startswith("http"):
        archived = datasette.urls.row(database, "articles", tilde_encode(value))
        return Markup(f'<a href="{escape(archived)}">archived</a> · <a href="{escape(value)}" rel="nofollow">live</a>')
    return None


def defuse_csv(body: bytes, bom: bool = False) -> bytes:
    """The CSV with every formula cell made text; with a byte-order mark, so that a spreadsheet opened by a
    double click reads it as UTF-8 (Excel's default is Windows-1252 otherwise)."""
    defuser = CsvDefuser(bom)
    return defuser.feed(body) + defuser.close()


class CsvDefuser:
    """``defuse_csv`` as the CSV streams by, a chunk at a time: memory is one chunk and one record, however long
    the CSV (a whole-table ``?_stream=on`` of 100,000 articles was held whole, over 1 GiB a reader). A record ends
    at a line break outside quotes: Datasette doubles a quote inside a field, so the quotes before it are even."""

    def __init__(self, bom: bool = False):
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.pending = ""  # text after the last whole record
        self.quotes = 0  # quotes in ``pending``
        self.started = not bom

    def feed(self, chunk: bytes) -> bytes:
        return self._defused(self.decoder.decode(chunk))

    def close(self) -> bytes:
        tail = self._defused(self.decoder.decode(b"", final=True))
        rest, self.pending = self.pending, ""
        return tail + (self._rows(rest) if rest else b"")

    def _defused(self, text: str) -> bytes:
        scan = len(self.pending)
        self.pending += text
        quotes, end = self.quotes, None  # quotes before ``scan``; just after the last line break outside quotes
        while (line_end := self.pending.find("\n", scan)) >= 0:
            quotes += self.pending.count('"', scan, line_end + 1)
            scan = line_end + 1
            if quotes % 2 == 0:
                end = scan
        quotes += self.pending.count('"', scan)
        if end is None:
            self.quotes = quotes
            return b"" if self.started else self._rows("")
        whole, self.pending = self.pending[:end], self.pending[end:]
        self.quotes = self.pending.count('"')
        return self._rows(whole)

    def _rows(self, text: str) -> bytes:
        out = io.StringIO()
        if not self.started:
            out.write("\ufeff")
            self.started = True
        writer = csv.writer(out, lineterminator="\r\n")
        for row in csv.reader(io.StringIO(text, newline="")):
            writer.writerow([defuse(cell) for cell in row])
        return out.getvalue().encode("utf-8")


class MarkedOnly:
    """A CSV defused where it was written: passed on as it comes, a byte-order mark before it if asked."""

    def __init__(self, bom: bool):
        self.started = not bom

    def feed(self, chunk: bytes) -> bytes:
        if self.started:
            return chunk
        self.started = True
        return "\ufeff".encode() + chunk

    def close(self) -> bytes:
        return self.feed(b"") if not self.started else b""


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def guarded(scope, receive, send):
            if scope["type"] != "http" or not scope.get("path", "").endswith(".csv"):
                return await app(scope, receive, send)
            start, chunks = None, []
            # a byte-order mark unless asked not to: a spreadsheet opened by a double click then reads UTF-8
            defuser = CsvDefuser(bom=b"_bom=0" not in scope.get("query_string", b""))

            async def capture(message):
                nonlocal start, defuser
                if message["type"] == "http.response.start":
                    start = message
                    if start["status"] == 200:  # streamed as it comes, defused: no length known before the end
                        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
                        if DEFUSED in headers:  # a whole table's CSV (csv_stream.py): its cells defused as written
                            headers.remove(DEFUSED)
                            defuser = MarkedOnly(bom=not defuser.started)
                        await send({**start, "headers": headers})
                    return
                if message["type"] != "http.response.body":
                    return await send(message)
                more = message.get("more_body", False)
                if start["status"] == 200:
                    body = defuser.feed(message.get("body", b"")) + (b"" if more else defuser.close())
                    return await send({"type": "http.response.body", "body": body, "more_body": more})
                chunks.append(message.get("body", b""))
                if more:
                    return
                # an error page never echoes the data it failed on, and never as HTML
                body = f"error {start['status']}: this CSV could not be made".encode()
                headers = [(k, v) for k, v in start["headers"] if k.lower() not in (b"content-length", b"content-type")]
                headers += [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                ]
                await send({**start, "headers": headers})
                await send({"type": "http.response.body", "body": body})

            await app(scope, receive, capture)

        return guarded

    return wrap


# The column descriptions of a table page fill a screen before the first row: folded away, a click to open.
FOLD_COLUMN_DESCRIPTIONS = """
document.querySelectorAll("dl.column-descriptions").forEach(function (list) {
  var box = document.createElement("details");
  var label = document.createElement("summary");
  label.textContent = "What the columns mean";
  box.className = "column-descriptions-box";
  list.parentNode.insertBefore(box, list);
  box.appendChild(label);
  box.appendChild(list);
});
"""


@hookimpl
def extra_body_script(view_name):
    if view_name == "table":
        return FOLD_COLUMN_DESCRIPTIONS
    return None
