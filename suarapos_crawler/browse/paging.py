"""Pages of a canned query that takes ``page``: how many rows a page holds, read from its own SQL, and the
addresses of the pages before and after the one shown (the query page shows them as links under its rows)."""

from __future__ import annotations

import re
import urllib.parse

# How metadata.yml pages a query: LIMIT n OFFSET n * (page - 1), page read as a number (empty or less: 1).
PAGED = re.compile(r"LIMIT (\d+) OFFSET \1 \* \(max\(CAST\(COALESCE\(NULLIF\(:page, ''\), '1'\) AS INTEGER\), 1\)")


def page_size(sql: str) -> int | None:
    """The rows a page of this query holds, or None for a query that is not paged."""
    found = PAGED.search(sql or "")
    return int(found.group(1)) if found else None


def page_number(typed: str | None) -> int:
    """The page asked for, as the SQL reads it: a whole number, 1 for anything else."""
    try:
        return max(int((typed or "").strip() or 1), 1)
    except ValueError:
        return 1


def pager(sql: str, path: str, query_string: str) -> dict | None:
    """For a paged query: its page size, the page shown and the addresses of the previous and next pages (every
    other parameter kept as typed); None for one that is not paged."""
    size = page_size(sql)
    if size is None:
        return None
    args = [(k, v) for k, v in urllib.parse.parse_qsl(query_string, keep_blank_values=True) if k != "page"]
    page = page_number(dict(urllib.parse.parse_qsl(query_string)).get("page"))

    def address(n: int) -> str:
        return path + "?" + urllib.parse.urlencode([*args, ("page", str(n))])

    return {"size": size, "page": page, "previous": address(page - 1) if page > 1 else None, "next": address(page + 1)}
