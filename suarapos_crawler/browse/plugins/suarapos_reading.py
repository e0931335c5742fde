"""Datasette plugin: an article's row page as a page people read (the ``row.html`` template shows it).

For a row of ``articles`` it gathers, with the row: the body as paragraphs, the Baca Juga links and
whether each target is archived, the articles that link to it, its earlier versions with what
changed (word by word), its captures and the watched terms it mentions. Every text is passed to the
template as text: Jinja escapes it; nothing scraped is ever marked safe.
"""

from __future__ import annotations

import asyncio
import json

from datasette import hookimpl
from datasette.utils import tilde_decode, tilde_encode

from suarapos_crawler.browse import person_page
from suarapos_crawler.browse.plugins.suarapos_captures import capture_address
from suarapos_crawler.clock import wib_date
from suarapos_crawler.enrich.diff import word_diff


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """An article's publication time in the table as precisely as its page gave it: a day alone, without the
    00:00 it is stored at."""
    if table == "articles" and column == "published_at" and isinstance(value, str):
        precision = dict(row).get("published_precision") if row is not None else None
        if precision == "day":
            return value[:10]
        if precision == "hour":
            return f"{value[:10]} sekitar {value[11:13]}:00"
    return None


def changes_of(texts: list[dict]) -> list[dict]:
    return [
        {
            "replaced_at": older["replaced_at"],
            "title": word_diff(older["title"] or "", newer["title"] or ""),
            "body": word_diff(older["body"] or "", newer["body"] or ""),
        }
        for older, newer in zip(texts, texts[1:], strict=False)
    ]


def who(quote: dict) -> str:
    """How the reading view names a quote's speaker: the person and their role, or the office alone."""
    return ", ".join(part for part in (quote.get("speaker"), quote.get("role")) if part) or "?"


def marked(paragraphs: list[str], quotes: list[dict]) -> list[list[tuple[str, dict | None]]]:
    """Each paragraph as pieces of text, a quote's words paired with the quote (the template marks them and names
    the speaker; it escapes every piece). A quote is looked for in its own paragraph; one over two paragraphs, or
    not found as printed, is left unmarked (the list of quotes below the text still gives it)."""
    pieces: list[list[tuple[str, dict | None]]] = [[(p, None)] for p in paragraphs]
    for q in quotes:
        number = (q.get("paragraph") or 0) - 1
        if not 0 <= number < len(pieces) or not q.get("quote"):
            continue
        line = pieces[number]
        for i, (text, owner) in enumerate(line):
            at = text.find(q["quote"]) if owner is None else -1
            if at >= 0:
                end = at + len(q["quote"])
                line[i : i + 1] = [p for p in ((text[:at], None), (text[at:end], q), (text[end:], None)) if p[0]]
                break
    return pieces


async def quotes_of(datasette, database: str, url: str) -> list[dict]:
    """The article's quotes, each with who said it and the page of that person."""
    db = datasette.get_database(database)
    if not await db.table_exists("quotes"):
        return []
    found = [dict(r) for r in (await db.execute("SELECT * FROM quotes WHERE article_url = ? ORDER BY position", [url]))]
    for q in found:
        q["who"] = who(q)
        if q.get("speaker"):
            q["page"] = person_page(datasette, database, q["speaker"])
    return found


async def reading(datasette, database: str, url: str) -> dict | None:
    db = datasette.get_database(database)

    async def rows(sql: str, params: list) -> list[dict]:
        return [dict(r) for r in (await db.execute(sql, params)).rows]

    found = await rows("SELECT * FROM articles WHERE url = ?", [url])
    if not found:
        return None
    article = found[0]
    links = await rows(
        "SELECT r.target_url, r.anchor_text, t.title AS archived_title FROM related_links r "
        "LEFT JOIN articles t ON t.url = r.target_url WHERE r.source_url = ? ORDER BY r.position",
        [url],
    )
    linked_from = await rows(
        "SELECT DISTINCT s.url, s.title, s.published_at FROM related_links r JOIN articles s ON s.url = r.source_url "
        "WHERE r.target_url = ? ORDER BY s.published_at DESC",
        [url],
    )
    versions = await rows("SELECT * FROM article_versions WHERE url = ? ORDER BY version", [url])
    # Off the event loop: every other reader's page is served meanwhile.
    changes = await asyncio.get_running_loop().run_in_executor(None, changes_of, [*versions, article])
    # Its URL's captures, with any query string: a range of the index on url (LIKE could not use it, and read a
    # million captures for every article's page)
    stem = url.split("?")[0]
    captures = await rows(
        "SELECT id, fetched_at, status, kind, warc_file, payload_digest FROM captures WHERE url >= ? AND url < ? "
        "ORDER BY fetched_at DESC LIMIT 20",
        [stem, stem[:-1] + chr(ord(stem[-1]) + 1)],
    ) if stem and await db.table_exists("captures") else []  # fmt: skip
    mentions = (
        await rows("SELECT label, count FROM article_mentions WHERE article_url = ? ORDER BY count DESC", [url])
        if await db.table_exists("article_mentions")
        else []
    )
    quotes = await quotes_of(datasette, database, url)
    paragraphs = [p for p in (article.get("body") or "").split("\n\n") if p.strip()]
    return {
        "article": article,
        "quotes": quotes,
        "marked": marked(paragraphs, quotes),
        "published": wib_date(article.get("published_at"), article.get("published_precision")),
        "modified": wib_date(article.get("modified_at")),
        "tags": json.loads(article.get("tags") or "[]"),
        "paragraphs": paragraphs,
        "links": [
            {**link, "archived": datasette.urls.row(database, "articles", tilde_encode(link["target_url"]))}
            for link in links
        ],
        "linked_from": [
            {**other, "archived": datasette.urls.row(database, "articles", tilde_encode(other["url"]))}
            for other in linked_from
        ],
        "changes": changes,
        "captures": [
            {**c, "address": capture_address(c["id"]), "archived": wib_date(c["fetched_at"])} for c in captures
        ],
        "mentions": mentions,
    }


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "row" or table != "articles" or request is None:
        return {}

    async def inner():
        pks = request.url_vars.get("pks", "")
        return {"reading": await reading(datasette, database, tilde_decode(pks))}

    return inner
