"""Facets that read what the archive keeps counted: a million articles' facets in milliseconds, not seconds.

Datasette counts a facet by grouping every row the table page shows: a few milliseconds at the demo's size, but the
tags facet (Datasette's array facet deduplicates whole rows, bodies included) took over a second at 100,000
articles and timed out. A facet of type ``counted`` (``metadata.yml``: ``- counted: section``) reads instead:

- on the whole table, or a table filtered by section, region or day alone: ``article_counts`` and ``tags.articles``
  (migration 0017, kept by triggers as articles are stored);
- filtered otherwise (a search, an author, a date range): Datasette's own grouping for a column, and for the tags
  ``article_tags`` of the articles shown, not their JSON arrays.

The links it gives are Datasette's for a column (``section=...``), and ``_tag=...`` for a tag: the articles that
carry it, found through ``article_tags`` (``tag_filter``). Datasette's own ``tags__arraycontains`` reads every
article's JSON array (2.2 s at 100,000 articles); the articles table's addresses with it are read as ``_tag``.
"""

from __future__ import annotations

import re
import urllib.parse

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.filters import FilterArguments
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

# Each counted facet: whether it is an array (tags), and its counts over the whole table, with a placeholder for
# the filters that article_counts can answer ({where}: "AND section = :p0 ...").
COUNTED_COLUMNS = {"section": "section", "region": "region", "published_day": "day"}  # articles -> article_counts
WHOLE = {
    **{
        column: f"SELECT {kept} AS value, SUM(articles) AS count FROM article_counts WHERE {kept} != '' {{where}} "
        f"GROUP BY {kept}"
        for column, kept in COUNTED_COLUMNS.items()
    },
    "tags": "SELECT name AS value, articles AS count FROM tags WHERE articles > 0",
}
ARRAYS = {
    "tags": "SELECT tag AS value, COUNT(*) AS count FROM article_tags WHERE article_url IN (SELECT url FROM ({sql})) GROUP BY tag"
}
TAG_ARG = "_tag"  # the articles that carry a tag; repeated: that carry each
# Query-string arguments that do not filter the rows.
NOT_FILTERS = re.compile(r"^_(facet.*|sort.*|size|col|nocol|next|labels|nofacet|nosuggest|stream|bom|dl|json.*|trace)$")


class CountedFacet(Facet):
    type = "counted"

    def counted_filters(self) -> dict[str, str] | None:
        """The request's filters when article_counts can answer them (equality on section, region, day), else None."""
        filters = {}
        for key, value in urllib.parse.parse_qsl(self.request.query_string, keep_blank_values=True):
            if NOT_FILTERS.match(key):
                continue
            column = key.removesuffix("__exact")
            if column not in COUNTED_COLUMNS or column in filters:
                return None
            filters[column] = value
        return filters

    def counts_sql(self, column: str) -> tuple[str, dict]:
        """The facet's SQL and its parameters: from the counts where they answer, else from the rows shown."""
        filters = self.counted_filters()
        if filters is not None and column in WHOLE and (column != "tags" or not filters):
            where = " ".join(f"AND {COUNTED_COLUMNS[c]} = :counted_{c}" for c in filters)
            return WHOLE[column].format(where=where), {f"counted_{c}": v for c, v in filters.items()}
        if column in ARRAYS:
            return ARRAYS[column].format(sql=self.sql), self.params
        col = escape_sqlite(column)
        return f"SELECT {col} AS value, COUNT(*) AS count FROM ({self.sql}) WHERE {col} IS NOT NULL GROUP BY {col}", (
            self.params
        )

    async def facet_results(self):
        results, timed_out = [], []
        size = self.get_facet_size()
        for config in self.get_configs():
            column = config["config"].get("column") or config["config"]["simple"]
            sql, params = self.counts_sql(column)
            try:
                rows = await self.ds.execute(
                    self.database,
                    f"SELECT value, count FROM ({sql}) ORDER BY count DESC, value LIMIT {size + 1}",
                    params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            results.append(self.result(column, config["source"], list(rows), size))
        return results, timed_out

    def result(self, column: str, source: str, rows: list, size: int) -> dict:
        """One facet as Datasette's template shows it: each value with its count and the link that filters by it."""
        arg = TAG_ARG if column == "tags" else column
        pairs = self.get_querystring_pairs()
        values = []
        for row in rows[:size]:
            value = str(row["value"])
            selected = (arg, value) in pairs
            change = path_with_removed_args if selected else path_with_added_args
            values.append({
                "value": row["value"],
                "label": row["value"],
                "count": row["count"],
                "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(change(self.request, {arg: value}))),
                "selected": selected,
            })  # fmt: skip
        return {
            "name": column,
            "type": "array" if column in ARRAYS else "column",
            "hideable": source != "metadata",
            "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_counted": column})),
            "results": values,
            "truncated": len(rows) > size,
        }


def tag_filter(request, table: str) -> FilterArguments | None:
    """``_tag=Timah``: the articles that carry the tag, through the index of ``article_tags``."""
    tags = request.args.getlist(TAG_ARG) if table == "articles" else []
    if not tags:
        return None
    return FilterArguments(
        [f"url IN (SELECT article_url FROM article_tags WHERE tag = :tag_{i})" for i in range(len(tags))],
        {f"tag_{i}": tag for i, tag in enumerate(tags)},
        [f'tags contains "{tag}"' for tag in tags],
    )
