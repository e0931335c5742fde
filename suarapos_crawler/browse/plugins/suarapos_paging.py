"""Datasette plugin: the pages of a canned query that takes ``page`` (search, who said what, a person) linked
under its rows, previous and next, so that nobody has to type a page number (browse/paging.py)."""

from __future__ import annotations

from datasette import hookimpl

from suarapos_crawler.browse.paging import pager


@hookimpl
def extra_template_vars(template, database, request, datasette):
    if not template.startswith("query") or request is None or database is None:
        return {}
    name = request.path.rstrip("/").rsplit("/", 1)[-1]

    async def inner():
        query = await datasette.get_canned_query(database, name, request.actor)
        return {"pager": pager(query["sql"], request.path, request.query_string)} if query else {}

    return inner
