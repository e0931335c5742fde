"""Datasette plugin: the dashboards work on a published copy, where arbitrary SQL is denied.

A published copy (`scrapy browse --immutable`) denies ``execute-sql``: one function call can cost seconds and
gigabytes. The dashboards' charts read through the SQL API, so their page answered 403 there. Their queries
are fixed, declared in ``metadata.yml``: a request whose SQL is exactly one of them (as the dashboard fills in
its filters) is made by an actor of its own, the only one a published copy's ``allow_sql`` lets run SQL
(browse.metadata_for); its parameters are bound by SQLite as any canned query's; any other SQL is denied."""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

from datasette import hookimpl
from datasette_dashboards import replace_opts_in_query

from suarapos_crawler.browse import FIXED_QUERY_ACTOR as FIXED  # the actor of a dashboard or one of its queries


@lru_cache(maxsize=4)
def fixed_queries(datasette) -> frozenset[str]:
    """Every query the dashboards declare, as each filled in for every combination of their filters: made once per
    server (its metadata does not change while it runs), not at every SQL request."""
    found: set[str] = set()
    for dashboard in (datasette.plugin_config("datasette-dashboards") or {}).values():
        filters = dashboard.get("filters") or {}
        queries = [part["query"] for part in [*(dashboard.get("charts") or {}).values(), *filters.values()]
                   if part.get("query")]  # fmt: skip
        for size in range(len(filters) + 1):
            for chosen in combinations(filters, size):
                found |= {replace_opts_in_query(query, dict.fromkeys(chosen, "x")) for query in queries}
    return frozenset(found)


@hookimpl
def actor_from_request(datasette, request):
    if request.path.startswith("/-/dashboards/"):
        return {"id": FIXED, "display": "visitor (read-only)"}
    sql = request.args.get("sql")
    if sql and request.path.count("/") == 1 and sql in fixed_queries(datasette):  # /<database>[.json]?sql=
        return {"id": FIXED, "display": "visitor (read-only)"}
    return None
