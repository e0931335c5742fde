"""The archive's SQLite storage: plain functions that take a sqlite-utils ``Database``. No Scrapy here.

- ``schema``: the shape as data and the migrations that build or upgrade it (``upgrade``);
- ``files``: whether a file may be opened as an archive at all (``check_archive_file``);
- ``articles``: article writes (facets, links, aliases, copies, rejects, versions);
- ``runs``: ``crawl_runs`` and the fetch ledger;
- ``mentions``: the watched terms and the articles that mention them;
- ``plan``: the questions an incremental run asks;
- ``connection``: opening, transactions, the time of writing.

The Scrapy component that owns the archive during a crawl is ``suarapos_crawler.archive.Archive``.
"""

from .articles import (
    SHORTER_BODY_RATIO,
    VERSIONED,
    article_row,
    canonical_target,
    demote_to_duplicate,
    get_article,
    repoint_links,
    resolve_aliases,
    save_alias,
    save_article,
    save_duplicate,
    save_facets,
    save_reject,
    save_related,
    save_version,
    stored_by_content_hash,
)
from .connection import open_database, transaction
from .files import ArchiveFile, ArchiveRefused, check_archive_file, check_archive_to_read
from .mentions import rematch, save_mentions, watched_terms
from .plan import (
    article_times,
    dangling_link_targets,
    has_articles,
    known_other_urls,
    last_run_completed,
    last_run_started,
    overdue_articles,
    read_snapshot,
    rejected_before,
    rejects_backing_off,
    sitemaps_abandoned,
    stored_article_times,
    unfinished_refresh_started,
)
from .quotes import refresh_marked_people, reread_quotes, save_quotes
from .runs import close_stale_runs, fetched_urls, finish_run, save_fetch, start_run
from .schema import APPLICATION_ID, FTS, TABLES, SchemaTooNew, upgrade

__all__ = [
    "APPLICATION_ID",
    "FTS",
    "SHORTER_BODY_RATIO",
    "TABLES",
    "VERSIONED",
    "ArchiveFile",
    "ArchiveRefused",
    "SchemaTooNew",
    "article_row",
    "canonical_target",
    "check_archive_file",
    "check_archive_to_read",
    "close_stale_runs",
    "dangling_link_targets",
    "demote_to_duplicate",
    "fetched_urls",
    "finish_run",
    "get_article",
    "known_other_urls",
    "rejected_before",
    "rejects_backing_off",
    "sitemaps_abandoned",
    "rematch",
    "refresh_marked_people",
    "reread_quotes",
    "save_quotes",
    "save_mentions",
    "watched_terms",
    "last_run_completed",
    "last_run_started",
    "open_database",
    "repoint_links",
    "resolve_aliases",
    "save_alias",
    "save_article",
    "save_duplicate",
    "save_facets",
    "save_fetch",
    "save_reject",
    "save_related",
    "save_version",
    "start_run",
    "stored_article_times",
    "article_times",
    "has_articles",
    "overdue_articles",
    "read_snapshot",
    "stored_by_content_hash",
    "transaction",
    "unfinished_refresh_started",
    "upgrade",
]
