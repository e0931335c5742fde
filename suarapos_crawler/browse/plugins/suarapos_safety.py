"""Datasette plugin of the archive: highlighted search snippets, and CSV that spreadsheets cannot execute.

Article text is scraped: it is always escaped before the snippet markers become
``<mark>`` tags, and no cell is ever rendered as HTML.
"""

from __future__ import annotations

import csv
import io
import re

from datasette import hookimpl
from markupsafe import Markup, escape

# FTS5 snippet() markers chosen by the canned search query (characters no article uses).
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@hookimpl
def render_cell(value, column):
    if column == "snippet" and isinstance(value, str):
        return Markup(str(escape(value)).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))
    return None


def defuse(cell: str) -> str:
    """A cell a spreadsheet would run as a formula, made text (OWASP's CSV injection advice)."""
    if cell.startswith(FORMULA_START) and not NUMBER.match(cell):
        return "'" + cell
    return cell


def defuse_csv(body: bytes) -> bytes:
    text = body.decode("utf-8", errors="replace")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in csv.reader(io.StringIO(text, newline="")):
        writer.writerow([defuse(cell) for cell in row])
    return out.getvalue().encode("utf-8")


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def guarded(scope, receive, send):
            if scope["type"] != "http" or not scope.get("path", "").endswith(".csv"):
                return await app(scope, receive, send)
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
                if start["status"] == 200:
                    body = defuse_csv(body)
                headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
                headers.append((b"content-length", str(len(body)).encode()))
                await send({**start, "headers": headers})
                await send({"type": "http.response.body", "body": body})

            await app(scope, receive, capture)

        return guarded

    return wrap
