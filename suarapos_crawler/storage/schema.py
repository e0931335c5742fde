"""The archive's schema: its shape as data, and the migrations that build it and bring older archives up to date.

Each migration is applied with the record of it having been applied (sqlite-utils 4's ``Migrations``),
and all that a run applies is one transaction, so a kill at any instant leaves the archive at the
version before or the version after, never between. The first migration also completes an archive that release 0.1.0 began and
was killed while creating (that release made each table in a transaction of its own).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

# ``PRAGMA application_id``: marks a SQLite file as an archive of ours ("SPOS").
APPLICATION_ID = int.from_bytes(b"SPOS", "big")

# The tables as release 0.1.0 made them (the first migration's shape; later migrations change it).
TABLES: dict[str, dict] = {
    "articles": {
        "columns": {
            "url": str,
            "post_id": int,
            "title": str,
            "published_at": str,
            "published_raw": str,
            "date_source": str,
            "modified_at": str,
            "author": str,
            "section": str,
            "sections": str,
            "tags": str,
            "dateline": str,
            "body": str,
            "word_count": int,
            "image_url": str,
            "content_hash": str,
            "first_seen_at": str,
            "last_seen_at": str,
            "last_changed_at": str,
        },
        "pk": "url",
        "not_null": {"title", "published_at", "body"},
        "indexes": [["published_at"], ["section"], ["author"], ["content_hash"], ["post_id"]],
    },
    "sections": {"columns": {"name": str}, "pk": "name"},
    "tags": {"columns": {"name": str}, "pk": "name"},
    "article_sections": {
        "columns": {"article_url": str, "section": str, "position": int},
        "pk": ("article_url", "section"),
        "foreign_keys": [("article_url", "articles", "url"), ("section", "sections", "name")],
        "indexes": [["section"]],
    },
    "article_tags": {
        "columns": {"article_url": str, "tag": str, "position": int},
        "pk": ("article_url", "tag"),
        "foreign_keys": [("article_url", "articles", "url"), ("tag", "tags", "name")],
        "indexes": [["tag"]],
    },
    "related_links": {
        "columns": {"source_url": str, "position": int, "target_url": str, "anchor_text": str},
        "pk": ("source_url", "position"),
        "foreign_keys": [("source_url", "articles", "url")],
        "indexes": [["target_url"]],
    },
    "url_aliases": {"columns": {"alias": str, "url": str}, "pk": "alias", "indexes": [["url"]]},
    "duplicates": {
        "columns": {"url": str, "duplicate_of": str, "reason": str, "first_seen_at": str, "last_seen_at": str},
        "pk": "url",
    },
    "rejects": {
        "columns": {"url": str, "stage": str, "reason": str, "first_seen_at": str, "last_seen_at": str, "times": int},
        "pk": ("url", "stage"),
    },
    "crawl_runs": {
        "columns": {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "spider": str,
            "base_url": str,
            "mode": str,
            "finish_reason": str,
            "status": str,
            "status_reason": str,
            "requests": int,
            "responses_by_status": str,
            "articles_new": int,
            "articles_updated": int,
            "articles_unchanged": int,
            "rejected": int,
            "duplicates": int,
            "listing_pages": int,
            "errors": int,
            "lost_items": str,
            "pages_per_section": str,
            "warnings": str,
            "was_incremental": int,
            "stats": str,
        },
        "pk": "id",
        "indexes": [["started_at"]],
    },
    "fetches": {
        "columns": {"run_id": int, "url": str, "outcome": str, "detail": str},
        "pk": ("run_id", "url"),
        "indexes": [["outcome"]],
    },
    "article_versions": {
        "columns": {
            "url": str,
            "version": int,
            "title": str,
            "body": str,
            "published_at": str,
            "modified_at": str,
            "replaced_at": str,
        },
        "pk": ("url", "version"),
        "indexes": [["replaced_at"]],
    },
}
CAPTURES = {
    "columns": {
        "id": str,
        "run_id": int,
        "url": str,
        "fetched_at": str,
        "status": int,
        "kind": str,
        "warc_file": str,
        "offset": int,
        "length": int,
        "payload_digest": str,
        "refers_to": str,
        "content_type": str,
    },
    "pk": "id",
    "indexes": [["url"], ["fetched_at"]],
}
# The columns of ``articles`` now: release 0.1.0's and those later migrations added.
ARTICLE_COLUMNS = [
    *TABLES["articles"]["columns"],
    "capture_id",
    "published_day",
    "extracted_by",
    "title_stems",
    "body_stems",
    "region",
    "published_precision",
    "gone_at",
    "gone_status",
    "speakers",
    "kind",
    "kind_evidence",
]
# The tables that name an article by its URL, and the column that does: what follows an article that moves, and
# what a demoted copy loses. (``article_versions`` is not among them: a demoted copy's history stays.)
ARTICLE_LINKS = (
    ("article_sections", "article_url"),
    ("article_tags", "article_url"),
    ("related_links", "source_url"),
    ("article_mentions", "article_url"),
    ("quotes", "article_url"),
    ("article_people", "article_url"),
    ("notifications", "article_url"),
)
# unicode61 folds case and diacritics and knows no language: right for Indonesian (porter is English).
TOKENIZE = "unicode61 remove_diacritics 2"
# The full-text index as release 0.1.0 made it (the first migration's shape)...
FTS = {"articles": {"columns": ["title", "body"], "tokenize": TOKENIZE}}
# ...and since 0006: the words and their Indonesian stems, side by side (stems.py); a match on the words
# themselves weighs ten times a match on a stem only, so the form searched for ranks first.
FTS_COLUMNS = ["title", "body", "title_stems", "body_stems"]
FTS_RANK = "bm25(10.0, 10.0, 1.0, 1.0)"
FTS_TRIGGER_SUFFIXES = ("_ai", "_ad", "_au")
QUOTES_RANK = "bm25(10.0, 1.0)"  # in quotes too, the words searched for rank above their other forms

MIGRATIONS = Migrations("suarapos")


class SchemaTooNew(Exception):
    """The archive was upgraded by a newer release of suarapos-crawler than this one."""

    def __init__(self, unknown: list[str]):
        super().__init__(f"its schema is newer than this release knows (migrations {', '.join(unknown)})")
        self.unknown = unknown


@MIGRATIONS(name="0001_tables")
def create_tables(db: Database) -> None:
    """The tables, indexes and full-text index of release 0.1.0, made where missing."""
    existing = set(db.table_names())
    for name, spec in TABLES.items():
        if name not in existing:
            db[name].create(
                spec["columns"], pk=spec["pk"], not_null=spec.get("not_null"), foreign_keys=spec.get("foreign_keys")
            )
        else:  # an archive of a release before 0.1.0 may lack later columns
            have = set(db[name].columns_dict)
            for column, kind in spec["columns"].items():
                if column not in have:
                    db[name].add_column(column, kind)
        for columns in spec.get("indexes", []):
            db[name].create_index(columns, if_not_exists=True)
    for table, spec in FTS.items():
        ensure_fts(db, table, spec["columns"], spec["tokenize"])


@MIGRATIONS(name="0002_application_id")
def mark_as_archive(db: Database) -> None:
    """The file says what it is: tools (and this release) tell an archive from another SQLite file."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


@MIGRATIONS(name="0003_captures")
def add_captures(db: Database) -> None:
    """Every fetched response kept as WARC: where its record is, and which capture each article was read from."""
    db["captures"].create(CAPTURES["columns"], pk=CAPTURES["pk"])
    for columns in CAPTURES["indexes"]:
        db["captures"].create_index(columns)
    db["articles"].add_column("capture_id", str)


@MIGRATIONS(name="0004_published_day")
def add_published_day(db: Database) -> None:
    """The publication day in WIB, for facets and filters: SQLite's date() would turn the +07:00 time into a UTC
    day, and put every article published between 00:00 and 06:59 WIB on the day before."""
    db["articles"].add_column("published_day", str)
    db.execute("UPDATE articles SET published_day = substr(published_at, 1, 10)")
    db["articles"].create_index(["published_day"])


@MIGRATIONS(name="0005_extracted_by")
def add_extracted_by(db: Database) -> None:
    """How each article was read: the theme's markup, or the fallback a redesign falls back to. Every article
    stored before this release was read from tagDiv Newspaper's markup (it stored no other)."""
    db["articles"].add_column("extracted_by", str)
    db.execute("UPDATE articles SET extracted_by = 'newspaper'")
    db["articles"].create_index(["extracted_by"])


@MIGRATIONS(name="0006_stems")
def add_stems(db: Database) -> None:
    """Search in Indonesian: each article's title and body also as stems (membangun, dibangun, pembangunan:
    bangun), indexed with the words; the index is rebuilt with the four columns and its ranking weights."""
    from ..enrich.stems import stems_of

    db["articles"].add_column("title_stems", str)
    db["articles"].add_column("body_stems", str)
    rows = db.execute("SELECT rowid, title, body FROM articles").fetchall()
    db.conn.executemany(
        "UPDATE articles SET title_stems = ?, body_stems = ? WHERE rowid = ?",
        [(stems_of(title), stems_of(body), rowid) for rowid, title, body in rows],
    )
    for suffix in FTS_TRIGGER_SUFFIXES:
        db.execute(f"DROP TRIGGER IF EXISTS [articles{suffix}]")
    db.execute("DROP TABLE IF EXISTS [articles_fts]")
    db["articles"].enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=TOKENIZE)
    db.execute(f"INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', '{FTS_RANK}')")


MENTIONS = {
    "article_mentions": {
        "columns": {"article_url": str, "term": str, "label": str, "count": int, "first_position": int},
        "pk": ("article_url", "term"),
        "indexes": [["term"]],
    },
    "watch_terms": {"columns": {"term": str, "label": str, "added_at": str}, "pk": "term"},
}


@MIGRATIONS(name="0007_mentions")
def add_mentions(db: Database) -> None:
    """The terms a reader follows (WATCHLIST_PATH) and where each article mentions them."""
    for name, spec in MENTIONS.items():
        db[name].create(spec["columns"], pk=spec["pk"])
        for columns in spec.get("indexes", []):
            db[name].create_index(columns)


@MIGRATIONS(name="0008_region")
def add_region(db: Database) -> None:
    """Each article's regency or city of Bangka Belitung, from its dateline and sections (regions.py)."""
    import json

    from ..enrich.regions import region_of

    db["articles"].add_column("region", str)
    rows = db.execute("SELECT rowid, dateline, sections FROM articles").fetchall()
    db.conn.executemany(
        "UPDATE articles SET region = ? WHERE rowid = ?",
        [(region_of(dateline, json.loads(sections or "[]")), rowid) for rowid, dateline, sections in rows],
    )
    db["articles"].create_index(["region"])


@MIGRATIONS(name="0009_published_precision")
def add_published_precision(db: Database) -> None:
    """What each article's page told of its publication time: ``minute``, ``hour`` (a relative date), or ``day``
    (a page that shows the date alone, read by the generic reading). Every article stored before this release was
    read from a machine date or a date with its time: ``minute``."""
    db["articles"].add_column("published_precision", str)
    db.execute("UPDATE articles SET published_precision = 'minute'")


@MIGRATIONS(name="0010_no_control_characters")
def drop_control_characters(db: Database) -> None:
    """Titles, names and text stored before this release lose the control characters a page carried (a paste from a
    word processor: \\x08, \\x1b): no reader sees them, and the Atom feed's XML cannot hold them (a feed with one of
    them among its entries answered 500). Tab, line feed and carriage return are text. The list is this step's own:
    the normaliser may change, an applied migration may not."""
    controls = dict.fromkeys([n for n in range(32) if n not in (9, 10, 13)] + [127])
    db.conn.create_function("without_controls", 1, lambda text: text and text.translate(controls), deterministic=True)
    for column in ("title", "author", "body", "dateline", "section"):
        db.execute(
            f"UPDATE articles SET [{column}] = without_controls([{column}]) WHERE [{column}] != without_controls([{column}])"
        )


@MIGRATIONS(name="0011_published_at_order")
def order_ties_by_url(db: Database) -> None:
    """Articles in the order Datasette pages them: newest first, and, among articles of the same minute, by URL.
    Datasette 0.65 orders its first page by ``published_at`` alone and the next ones by ``published_at, url``:
    with SQLite free to order ties its own way on the first page, a "stream all rows" of 100,000 articles gave
    10 twice and missed one. The index SQLite reads them by now orders ties by URL."""
    db.execute("DROP INDEX IF EXISTS idx_articles_published_at")
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_published_at_url ON articles (published_at DESC, url)")


@MIGRATIONS(name="0012_moves_and_takedowns")
def add_moves_and_takedowns(db: Database) -> None:
    """An article the publisher deletes is kept, and says so: ``gone_at`` (when a request first found it gone) and
    ``gone_status`` (410, 404, or 200 for the theme's 404 page). A version says what changed with it: the URL the
    article had then (``old_url``, where a slug change moved it since) and whether it was gone then (it came back).
    Nothing stored says which articles are gone: they are found by later requests."""
    db["articles"].add_column("gone_at", str)
    db["articles"].add_column("gone_status", int)
    db["articles"].create_index(["gone_at"])
    for column, kind in (("old_url", str), ("gone_at", str), ("gone_status", int)):
        db["article_versions"].add_column(column, kind)


QUOTES = {
    "quotes": {
        "columns": {
            "article_url": str,
            "position": int,
            "quote": str,
            "quote_stems": str,
            "speaker": str,
            "role": str,
            "organisation": str,
            "kind": str,
            "cue": str,
            "paragraph": int,
            "named_as": str,
            "person_id": int,
        },
        "pk": ("article_url", "position"),
        "foreign_keys": [("article_url", "articles", "url"), ("person_id", "people", "id")],
        "indexes": [["person_id"], ["speaker"], ["kind"]],
    },
    "people": {
        "columns": {
            "id": int,
            "name": str,
            "name_key": str,
            "names": str,
            "roles": str,
            "organisations": str,
            "first_seen": str,
            "last_seen": str,
            "articles_quoted": int,
            "articles_named": int,
            "quotes": int,
        },
        "pk": "id",
        "indexes": [["articles_quoted"]],
    },
    "article_people": {
        "columns": {"article_url": str, "person_id": int, "quotes": int},
        "pk": ("article_url", "person_id"),
        "foreign_keys": [("article_url", "articles", "url"), ("person_id", "people", "id")],
        "indexes": [["person_id"]],
    },
}


@MIGRATIONS(name="0013_quotes_and_people")
def add_quotes_and_people(db: Database) -> None:
    """Who said what: each article's quotes with their speakers, the people quoted or named, and the articles that
    name each (quotes.py reads them). An archive of an earlier release has them read from its stored text, with no
    request."""
    from .quotes import refresh_people, save_quotes

    for name in ("people", "quotes", "article_people"):
        spec = QUOTES[name]
        db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"))
        for columns in spec.get("indexes", []):
            db[name].create_index(columns)
    db.execute("CREATE UNIQUE INDEX idx_people_name_key_unique ON people (name_key)")
    db["articles"].add_column("speakers", str)  # the people it quotes, a JSON list: a facet of the articles table
    db["quotes"].enable_fts(["quote", "quote_stems"], create_triggers=True, tokenize=TOKENIZE)
    db.execute(f"INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('rank', '{QUOTES_RANK}')")
    db["watch_terms"].add_column("kind", str)  # a term, or a person (their quotes mention them too)
    db.execute("UPDATE watch_terms SET kind = 'term'")
    for url, title, body in db.execute("SELECT url, title, body FROM articles").fetchall():
        save_quotes(db, url, title, body, people="later")
    refresh_people(db)


@MIGRATIONS(name="0014_no_format_characters")
def drop_format_characters(db: Database) -> None:
    """Text stored before this release loses the invisible format characters a page carried (a soft hyphen, a word
    joiner, a direction mark inside a word): each split its word for the search index, so ``ti\u00admah`` was not
    found as ``timah``. The articles changed get their stems, search entries and quotes again. The list is this
    step's own (Unicode's Cf as this Python knows it), as an applied migration may not change."""
    import re
    import unicodedata

    from ..enrich.stems import stems_of
    from .quotes import refresh_people, save_quotes

    invisible = dict.fromkeys(c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf")
    found = re.compile("[" + "".join(map(chr, invisible)) + "]").search
    db.conn.create_function("has_invisible", 1, lambda text: bool(text and found(text)), deterministic=True)
    db.conn.create_function("visible", 1, lambda text: text and text.translate(invisible), deterministic=True)
    rows = db.execute(
        "SELECT rowid, url FROM articles WHERE has_invisible(title) OR has_invisible(body) OR has_invisible(author)"
    ).fetchall()
    for rowid, url in rows:
        db.execute(
            "UPDATE articles SET title = visible(title), body = visible(body), author = visible(author), "
            "dateline = visible(dateline) WHERE rowid = ?",
            [rowid],
        )
        title, body = db.execute("SELECT title, body FROM articles WHERE rowid = ?", [rowid]).fetchone()
        db.execute(
            "UPDATE articles SET title_stems = ?, body_stems = ? WHERE rowid = ?",
            [stems_of(title), stems_of(body), rowid],
        )
        save_quotes(db, url, title, body, people="later")
    if rows:
        refresh_people(db)


NOTIFICATIONS = {
    "columns": {
        "channel": str,
        "recipient": str,
        "term": str,
        "article_url": str,
        "status": str,
        "queued_at": str,
        "sent_at": str,
    },
    "pk": ("channel", "recipient", "term", "article_url"),
}


@MIGRATIONS(name="0015_notifications")
def add_notifications(db: Database) -> None:
    """The ledger of `scrapy notify`: each article notified at most once per recipient and watched term."""
    db["notifications"].create(NOTIFICATIONS["columns"], pk=NOTIFICATIONS["pk"])
    db["notifications"].create_index(["channel", "recipient", "status"])


@MIGRATIONS(name="0016_kind")
def add_kind(db: Database) -> None:
    """Each article's kind of copy (news, press_release, advertorial) and the mark its page declares it with
    (kinds.py), read from the stored title, text, tags and sections, with no request."""
    import json

    from ..enrich.kinds import kind_of

    db["articles"].add_column("kind", str)
    db["articles"].add_column("kind_evidence", str)
    rows = db.execute("SELECT rowid, title, body, tags, sections FROM articles").fetchall()
    db.conn.executemany(
        "UPDATE articles SET kind = ?, kind_evidence = ? WHERE rowid = ?",
        [
            (*kind_of(title, body, json.loads(tags or "[]"), json.loads(sections or "[]")), rowid)
            for rowid, title, body, tags, sections in rows
        ],
    )
    db["articles"].create_index(["kind"])


# Articles per WIB day, primary section and region, kept by triggers as articles are stored, moved or deleted: what
# the dashboards' charts and the table's unfiltered facets count, a few rows a day instead of every article.
COUNT_KEY = ("day", "section", "region")
COUNTED = {"day": "published_day", "section": "section", "region": "region"}  # the articles column of each key part


def count_triggers() -> dict[str, str]:
    """The three triggers that keep ``article_counts`` equal to a GROUP BY of ``articles`` (NULL counted as '': a
    key part with NULL would never meet its row again in an upsert)."""

    def key(row: str) -> str:
        return ", ".join(f"IFNULL({row}.{COUNTED[k]}, '')" for k in COUNT_KEY)

    def matches(row: str) -> str:
        return " AND ".join(f"{k} = IFNULL({row}.{COUNTED[k]}, '')" for k in COUNT_KEY)

    add = (
        f"INSERT INTO article_counts ({', '.join(COUNT_KEY)}, articles) VALUES ({key('new')}, 1) "
        f"ON CONFLICT ({', '.join(COUNT_KEY)}) DO UPDATE SET articles = articles + 1;"
    )
    remove = (
        f"UPDATE article_counts SET articles = articles - 1 WHERE {matches('old')}; "
        f"DELETE FROM article_counts WHERE articles <= 0 AND {matches('old')};"
    )
    changed = " OR ".join(f"old.{c} IS NOT new.{c}" for c in COUNTED.values())
    return {
        "article_counts_ai": f"AFTER INSERT ON articles BEGIN {add} END",
        "article_counts_ad": f"AFTER DELETE ON articles BEGIN {remove} END",
        "article_counts_au": (
            f"AFTER UPDATE OF {', '.join(COUNTED.values())} ON articles WHEN {changed} BEGIN {remove} {add} END"
        ),
    }


@MIGRATIONS(name="0017_article_counts")
def add_article_counts(db: Database) -> None:
    """Articles per WIB day, section and region (``article_counts``), and each tag's articles (``tags.articles``),
    kept up to date by triggers: a chart of ten years or a facet of a million articles sums a few thousand rows
    instead of counting every article. Filled from the stored articles, with no request."""
    db.execute(
        "CREATE TABLE article_counts (day TEXT NOT NULL, section TEXT NOT NULL, region TEXT NOT NULL, "
        "articles INTEGER NOT NULL, PRIMARY KEY (day, section, region))"
    )
    db.execute("CREATE INDEX idx_article_counts_section ON article_counts (section, day)")
    db.execute(
        f"INSERT INTO article_counts ({', '.join(COUNT_KEY)}, articles) SELECT "
        f"{', '.join(f'IFNULL({COUNTED[k]}, {chr(39) * 2})' for k in COUNT_KEY)}, COUNT(*) FROM articles "
        "GROUP BY 1, 2, 3"
    )
    for name, body in count_triggers().items():
        db.execute(f"CREATE TRIGGER {name} {body}")
    # A section's, region's, kind's or author's articles newest first, as the table shows them and the search chooses
    # them, read in order from the index (a section of 100,000 articles was sorted at every page)
    for column in ("section", "region", "kind", "author"):
        db.execute(f"DROP INDEX IF EXISTS idx_articles_{column}")
        db.execute(f"CREATE INDEX idx_articles_{column}_published_at ON articles ({column}, published_at DESC)")
    # The rolling re-check's one pass (storage.plan.overdue_articles), over this index and not the articles' rows
    db.execute("CREATE INDEX idx_articles_recheck ON articles (last_seen_at, published_at, url)")
    # and each tag's articles, for the tags facet: a million articles' JSON arrays took seconds to read
    db["tags"].add_column("articles", int, not_null_default=0)
    db.execute("UPDATE tags SET articles = (SELECT COUNT(*) FROM article_tags t WHERE t.tag = tags.name)")
    db.execute("CREATE INDEX idx_tags_articles ON tags (articles)")
    db.execute(
        "CREATE TRIGGER tag_counts_ai AFTER INSERT ON article_tags BEGIN "
        "UPDATE tags SET articles = articles + 1 WHERE name = new.tag; END"
    )
    db.execute(
        "CREATE TRIGGER tag_counts_ad AFTER DELETE ON article_tags BEGIN "
        "UPDATE tags SET articles = articles - 1 WHERE name = old.tag; END"
    )
    db.execute(
        "CREATE TRIGGER tag_counts_au AFTER UPDATE OF tag ON article_tags WHEN old.tag IS NOT new.tag BEGIN "
        "UPDATE tags SET articles = articles - 1 WHERE name = old.tag; "
        "UPDATE tags SET articles = articles + 1 WHERE name = new.tag; END"
    )


# Each article's count of the stored articles whose Baca Juga links lead to it, with its publication time beside it
# (kept by triggers): the most-linked read in order from one index, where counting a million articles' links
# timed out. A target is counted again whole at each change (its links, from their index): exact whatever
# order links are replaced in, where adding and taking one would drift.
LINK_COUNT = "(SELECT COUNT(DISTINCT source_url) FROM related_links WHERE target_url = {row}.target_url)"


def link_count_triggers() -> dict[str, str]:
    """The triggers that keep ``link_counts`` equal to a count of ``related_links`` by target, and its
    ``published_at`` to the target article's (NULL while the target is not stored)."""
    add = (
        "INSERT INTO link_counts (url, linking_articles, published_at) VALUES (new.target_url, "
        f"{LINK_COUNT.format(row='new')}, (SELECT published_at FROM articles WHERE url = new.target_url)) "
        "ON CONFLICT (url) DO UPDATE SET linking_articles = excluded.linking_articles;"
    )
    remove = (
        f"UPDATE link_counts SET linking_articles = {LINK_COUNT.format(row='old')} WHERE url = old.target_url; "
        "DELETE FROM link_counts WHERE url = old.target_url AND linking_articles = 0;"
    )
    dated = "UPDATE link_counts SET published_at = new.published_at WHERE url = new.url;"
    return {
        "link_counts_ai": f"AFTER INSERT ON related_links BEGIN {add} END",
        "link_counts_ad": f"AFTER DELETE ON related_links BEGIN {remove} END",
        "link_counts_au": f"AFTER UPDATE OF target_url ON related_links BEGIN {remove} {add} END",
        "link_counts_article_ai": f"AFTER INSERT ON articles BEGIN {dated} END",
        "link_counts_article_ad": "AFTER DELETE ON articles BEGIN "
        "UPDATE link_counts SET published_at = NULL WHERE url = old.url; END",
        "link_counts_article_au": "AFTER UPDATE OF url, published_at ON articles BEGIN "
        f"UPDATE link_counts SET published_at = NULL WHERE url = old.url AND old.url != new.url; {dated} END",
    }


@MIGRATIONS(name="0018_link_counts")
def add_link_counts(db: Database) -> None:
    """How many stored articles link to each article (``link_counts``), kept by triggers, with an index in the order
    the most-linked query reads: filled from the stored links, with no request."""
    db.execute("CREATE TABLE link_counts (url TEXT PRIMARY KEY, linking_articles INTEGER NOT NULL, published_at TEXT)")
    db.execute(
        "INSERT INTO link_counts (url, linking_articles, published_at) "
        "SELECT r.target_url, COUNT(DISTINCT r.source_url), a.published_at "
        "FROM related_links r LEFT JOIN articles a ON a.url = r.target_url GROUP BY r.target_url"
    )
    db.execute("CREATE INDEX idx_link_counts_ranked ON link_counts (linking_articles DESC, published_at DESC)")
    for name, body in link_count_triggers().items():
        db.execute(f"CREATE TRIGGER {name} {body}")


@MIGRATIONS(name="0019_recheck_young")
def add_recheck_young(db: Database) -> None:
    """The rolling re-check's younger articles read from an index of their own in publication order, with when
    each was last seen (``storage.plan.overdue_articles``): read from ``idx_articles_recheck``, ordered by when
    they were last seen, they cost a pass over every article (0.2-0.6 s at a million, every run)."""
    db.execute("CREATE INDEX idx_articles_recheck_young ON articles (published_at, last_seen_at, url)")


@MIGRATIONS(name="0020_facets_covered")
def cover_section_and_region_facets(db: Database) -> None:
    """A section's or a region's articles with their author, kind and URL in the index that finds them: the table's
    author, kind and tags facets of a section read the index alone (they read each of its 50,000 articles' rows at
    a million articles: a second in all)."""
    for column in ("section", "region"):
        db.execute(f"DROP INDEX IF EXISTS idx_articles_{column}_published_at")
        db.execute(
            f"CREATE INDEX idx_articles_{column}_published_at ON articles ({column}, published_at DESC, author, kind, url)"
        )


@MIGRATIONS(name="0021_mention_labels")
def add_mention_labels_index(db: Database) -> None:
    """Each watched term's mentions by its label, for the dashboard's count of the articles that mention each: the
    index counts them (a million articles' 1.25 million mentions were read and sorted: over a second)."""
    db.execute("CREATE INDEX idx_article_mentions_label ON article_mentions (label)")


QUOTES_FTS_COLUMNS = ["quote", "quote_stems"]


def fts_update_trigger(table: str, columns: list[str]) -> str:
    """The trigger that keeps a full-text index up to date when a row's indexed text changes, and only then.
    sqlite-utils' own fires on every update: a run that only marks an article seen (``last_seen_at``), or gives it
    its speakers, took its title, body and stems out of the index and tokenized them in again."""
    changed = " OR ".join(f'old."{c}" IS NOT new."{c}"' for c in columns)
    listed = ", ".join(f'"{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    return (
        f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {listed} ON "{table}" WHEN {changed} BEGIN\n'
        f'  INSERT INTO "{table}_fts" ("{table}_fts", rowid, {listed}) VALUES(\'delete\', old.rowid, {old});\n'
        f'  INSERT INTO "{table}_fts" (rowid, {listed}) VALUES (new.rowid, {new});\n'
        "END"
    )


@MIGRATIONS(name="0022_fts_follows_text_only")
def reindex_changed_text_only(db: Database) -> None:
    """The search indexes follow an update of the indexed text only (``fts_update_trigger``). Nothing to fill: the
    indexes hold the same text either way."""
    for table, columns in (("articles", FTS_COLUMNS), ("quotes", QUOTES_FTS_COLUMNS)):
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(fts_update_trigger(table, columns))


def ensure_fts(db: Database, table: str, columns: list[str], tokenize: str) -> None:
    """A full-text index with its three triggers, filled from the table.

    Release 0.1.0 created the index, filled it and added each trigger in separate transactions: an
    archive killed in between has an index that misses rows and no trigger to keep it up to date.
    So the index is rebuilt from the table here, in this migration's transaction, whatever is found."""
    triggers = {t.name for t in db[table].triggers}
    complete = db[f"{table}_fts"].exists() and all(table + s in triggers for s in FTS_TRIGGER_SUFFIXES)
    if db[f"{table}_fts"].exists() and not complete:
        for suffix in FTS_TRIGGER_SUFFIXES:
            db.execute(f"DROP TRIGGER IF EXISTS [{table}{suffix}]")
        db.execute(f"DROP TABLE [{table}_fts]")
    if not complete:
        db[table].enable_fts(columns, create_triggers=True, tokenize=tokenize)
    else:
        db.execute(f"INSERT INTO [{table}_fts] ([{table}_fts]) VALUES ('rebuild')")


def known_migrations() -> list[str]:
    return [m.name for m in MIGRATIONS._migrations]  # noqa: SLF001 - sqlite-utils keeps the list private


def unknown_migrations(db: Database) -> list[str]:
    """Migrations the archive had applied that this release does not know: a newer release made it."""
    known = set(known_migrations())
    return [m.name for m in MIGRATIONS.applied(db) if m.name not in known]


def pending_migrations(db: Database) -> list[str]:
    return [m.name for m in MIGRATIONS.pending(db)]


def upgrade(db: Database) -> list[str]:
    """Bring the archive to this release's schema; returns the migrations applied (none when up to date).

    Raises ``SchemaTooNew`` for an archive a newer release has upgraded: this one would misread it."""
    if db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
        db.enable_wal()  # outside any transaction, as SQLite requires; readers never block the crawl
    unknown = unknown_migrations(db)
    if unknown:
        raise SchemaTooNew(unknown)
    pending = pending_migrations(db)
    if pending:
        # One transaction for the bookkeeping table and every pending step (each its own savepoint inside):
        # a file killed half-way through its first upgrade must not hold the bookkeeping table alone.
        with db.atomic():
            MIGRATIONS.ensure_migrations_table(db)
            MIGRATIONS.apply(db)
    return pending
