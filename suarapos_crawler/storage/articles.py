"""Article writes: an article with its facets, links and aliases, copies and rejects; never a worse copy over a better one.

Writes use plain SQL on the connection, never sqlite-utils' insert helpers: those commit on their
own, and a batch must be one transaction (a kill between an article and its links loses neither).
"""

from __future__ import annotations

import json
from collections import Counter

from sqlite_utils import Database

from ..clock import now_wib
from ..enrich.derived import derive, quotes_for, usable
from ..enrich.quotes import default_gazetteer, find_quotes
from ..items import FALLBACK
from .mentions import save_mentions
from .plan import RETRIED_STAGES
from .quotes import forget_quotes, save_quotes, speakers_of
from .schema import ARTICLE_COLUMNS, ARTICLE_LINKS

# The fields whose change makes a new version of an article.
VERSIONED = ("title", "body", "published_at")
# A re-fetched body shorter than this share of the stored one is a worse copy, not a correction.
SHORTER_BODY_RATIO = 0.5
# A re-fetched body sharing fewer words than this with the stored one, and not modified since, is another text.
SAME_TEXT_OVERLAP = 0.5


def article_row(article: dict) -> dict:
    """An Article item (as a dict) as a row of ``articles``."""
    row = {k: article.get(k) for k in ARTICLE_COLUMNS if k in article}
    row["sections"] = json.dumps(article.get("sections") or [], ensure_ascii=False)
    row["tags"] = json.dumps(article.get("tags") or [], ensure_ascii=False)
    row["published_day"] = (article.get("published_at") or "")[:10] or None  # WIB: the time carries +07:00
    # made from the text as it is stored, so a correction refreshes them (and the index, by its triggers): where the
    # page was read when they were (a worker of ``scrapy reextract``) for this very text, else here
    derived = usable(article) or derive(article, None)
    row["region"], row["kind"], row["kind_evidence"] = derived.region, derived.kind, derived.kind_evidence
    row["title_stems"], row["body_stems"] = derived.title_stems, derived.body_stems
    return row


def get_article(db: Database, url: str) -> dict | None:
    cursor = db.execute("SELECT * FROM articles WHERE url = ?", [url])
    row = cursor.fetchone()
    return dict(zip((d[0] for d in cursor.description), row, strict=True)) if row else None


def _insert(db: Database, table: str, row: dict, conflict: str = "") -> None:
    columns = list(row)
    db.execute(
        f"INSERT {conflict} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        [row[c] for c in columns],
    )


def _update(db: Database, table: str, key: str, row: dict) -> None:
    columns = [c for c in row if c != key]
    db.execute(
        f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE {key} = ?",
        [row[c] for c in columns] + [row[key]],
    )


def save_article(
    db: Database,
    article: dict,
    seen_at: str | None = None,
    terms: list | None = None,
    gazetteer=None,
    people_later: bool = False,
) -> str:
    """Store an article; returns ``new``, ``updated``, ``unchanged`` or ``kept``. ``people_later``: the counts of
    the people it quotes are left to ``refresh_marked_people`` (a batch's end).

    A changed article is updated in place and its previous title, body and dates
    go to ``article_versions``; a copy whose body is far shorter than the stored
    one is refused (``kept``) and recorded in ``rejects``.
    """
    seen_at = seen_at or now_wib()
    row = article_row(article)
    stored = get_article(db, row["url"])
    url, refused = url_to_store(article, stored)
    if refused:
        save_reject(db, url, "canonical", refused, seen_at)
    if url != row["url"]:
        row["url"] = url
        stored = get_article(db, url)
    if stored is None:  # this post under another URL: its slug changed (a post is one row)
        stored = moved_post(db, row)
    kept = why_kept(row, stored)
    if kept:
        save_reject(db, row["url"], "store", kept, seen_at)
        return "kept"
    if stored and stored.get("moved_from"):
        move_article(db, stored["moved_from"], row["url"])
    same_text = stored is not None and (stored["title"], stored["body"]) == (row.get("title"), row.get("body"))
    found = None if same_text else quotes_of(article, row, gazetteer)
    # with the row: one write of it (and of its search entry); the same text's quotes were read already
    row["speakers"] = stored.get("speakers") if same_text else speakers_of(found)
    outcome = write_row(db, row, stored, seen_at)
    if found is not None:  # (before a watched person's mentions, which count their quotes)
        save_quotes(
            db,
            row["url"],
            row.get("title") or "",
            row.get("body") or "",
            found=found,
            people="added" if people_later else "now",
        )
    save_what_goes_with(db, article, row, outcome, seen_at, terms)
    return outcome


def quotes_of(article: dict, row: dict, gazetteer) -> list:
    """The article's quotes: read where its page was read, with this gazetteer, or read now."""
    gazetteer = gazetteer or default_gazetteer()
    found = quotes_for(usable(article), gazetteer)
    return find_quotes(row.get("title"), row.get("body"), gazetteer) if found is None else found


def why_kept(row: dict, stored: dict | None) -> str | None:
    """Why the stored copy is kept and this one refused, if it is: never a worse copy or another page's text over
    a stored article."""
    if stored is None:
        return None
    if another_post(row, stored):
        return f"post {row['post_id']} is not post {stored['post_id']}; kept"
    if len(row.get("body") or "") < SHORTER_BODY_RATIO * len(stored.get("body") or ""):
        # a page cut short, a template change
        return "re-fetched body is far shorter than the stored one; stored copy kept"
    if other_text(row, stored):
        return (
            f"re-fetched copy shares {text_overlap(row.get('body') or '', stored.get('body') or ''):.0%} of its words "
            "with the stored one and is not modified since (a cookie wall, an error page, another page's text); "
            "stored copy kept"
        )
    if worse_reading(row, stored):
        return (
            "read by the fallback (no known theme's markup) while the stored copy was read from its theme's, "
            "and not modified since; stored copy kept"
        )
    return None


def write_row(db: Database, row: dict, stored: dict | None, seen_at: str) -> str:
    """The article's row, inserted or updated (its earlier text to ``article_versions``); the outcome."""
    if stored is None:
        row.update(first_seen_at=seen_at, last_seen_at=seen_at, last_changed_at=seen_at)
        _insert(db, "articles", row)
        return "new"
    if stored.get("moved_from") or came_back(db, row, stored) or any(stored.get(k) != row.get(k) for k in VERSIONED):
        save_version(db, stored, seen_at)  # a move, a return from the dead, a correction: each is a version
        row.update(last_seen_at=seen_at, last_changed_at=seen_at, gone_at=None, gone_status=None)
        _update(db, "articles", "url", row)
        return "updated"
    row["last_seen_at"] = seen_at  # unchanged: metadata such as tags may still be refreshed
    _update(db, "articles", "url", row)
    return "unchanged"


def save_what_goes_with(db: Database, article: dict, row: dict, outcome: str, seen_at: str, terms) -> None:
    """What a stored article brings with it: earlier failures cleared, mentions, facets, links, alias, copies."""
    # Stored now: earlier failures of this page are over (and its retry schedule with them).
    db.execute(
        f"DELETE FROM rejects WHERE url IN (?, ?) AND stage IN ({', '.join('?' * len(RETRIED_STAGES))})",
        [row["url"], article.get("fetched_url") or row["url"], *RETRIED_STAGES],
    )
    if terms and outcome != "unchanged":  # an unchanged text was matched against this list already
        save_mentions(db, row["url"], row.get("title") or "", row.get("body") or "", terms)
    save_facets(db, row["url"], article.get("sections") or [], article.get("tags") or [])
    save_related(db, row["url"], article.get("related") or [])
    if article.get("fetched_url") and article["fetched_url"] != row["url"]:
        save_alias(db, article["fetched_url"], row["url"])
    if article.get("replaces"):
        demote_to_duplicate(db, article["replaces"], row["url"], "same title and body as an earlier article", seen_at)


def url_to_store(article: dict, stored: dict | None) -> tuple[str, str | None]:
    """The one decision of the URL an article is stored under, and why its page's ``rel=canonical`` was not
    followed, if it was not. The page says whether its canonical is believable (``canonical_refused``: another site,
    a page that is not an article); a believable one that names another URL than the page was fetched as is
    followed only where the archive holds this very post (``stored``, the row at that URL): an SEO plugin's copied
    or wrong canonical must not put this text into another post's row."""
    own = article.get("fetched_url") or article["url"]
    if article.get("canonical_refused"):
        return own, believed_not(article["canonical_refused"])
    if own != article["url"] and not confirmed_canonical(article, stored):
        held = f"it holds post {stored['post_id']}" if stored else "no article of this post is stored there"
        return own, f"rel=canonical {article['url']} is not confirmed: {held}; stored under the URL it was fetched as"
    return article["url"], None


def believed_not(why: str) -> str:
    """The reject's reason when a page's own canonical is not believed (the page says why)."""
    return f"{why}; stored under its URL"


def confirmed_canonical(row: dict, stored: dict | None) -> bool:
    """The archive holds this post at the canonical URL the page names: the same WordPress post ID, and mostly the
    same text (a site reinstalled gives its post IDs again, to other articles)."""
    return (
        stored is not None
        and bool(row.get("post_id"))
        and stored.get("post_id") == row["post_id"]
        and text_overlap(row.get("body") or "", stored.get("body") or "") >= SAME_TEXT_OVERLAP
    )


def another_post(row: dict, stored: dict) -> bool:
    """The stored row is another WordPress post (post IDs are printed by WordPress itself, not by SEO plugins); the
    same text under a new post ID is the same article, re-imported into a reinstalled site."""
    return bool(
        row.get("post_id")
        and stored.get("post_id")
        and row["post_id"] != stored["post_id"]
        and text_overlap(row.get("body") or "", stored.get("body") or "") < SAME_TEXT_OVERLAP
    )


def text_overlap(a: str, b: str) -> float:
    """Share of words two texts have in common (F1 over word counts): a correction keeps most of them."""
    words_a, words_b = Counter(a.lower().split()), Counter(b.lower().split())
    common = sum((words_a & words_b).values())
    if not common:
        return 0.0
    return 2 * common / (sum(words_a.values()) + sum(words_b.values()))


def other_text(row: dict, stored: dict) -> bool:
    """A re-fetched copy whose text is mostly not the stored one's, without a newer ``modified`` date: not a
    correction of this article but something else served at its URL."""
    if text_overlap(row.get("body") or "", stored.get("body") or "") >= SAME_TEXT_OVERLAP:
        return False
    newer, older = row.get("modified_at") or "", stored.get("modified_at") or ""
    return not (newer and older and newer > older)


def worse_reading(row: dict, stored: dict) -> bool:
    """A fallback reading of an article stored from its theme's markup, without a newer ``modified`` date: the
    fallback knows less (and a redesign's first day must not degrade what the archive holds). A real correction,
    modified after the stored copy, is taken (its body was checked not to be far shorter already)."""
    if row.get("extracted_by") != FALLBACK or stored.get("extracted_by") in (None, "", FALLBACK):
        return False
    newer, older = row.get("modified_at") or "", stored.get("modified_at") or ""
    return not (newer and older and newer > older)


def save_version(db: Database, stored: dict, replaced_at: str) -> None:
    """The stored article as it was until ``replaced_at``: its text and dates, the URL it had if it moved since
    (``moved_from``), and whether it was gone then."""
    version = db.execute(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM article_versions WHERE url = ?", [stored["url"]]
    ).fetchone()[0]
    _insert(
        db,
        "article_versions",
        {
            "url": stored["url"],
            "version": version,
            "title": stored["title"],
            "body": stored["body"],
            "published_at": stored["published_at"],
            "modified_at": stored["modified_at"],
            "replaced_at": replaced_at,
            "old_url": stored.get("moved_from"),
            "gone_at": stored.get("gone_at"),
            "gone_status": stored.get("gone_status"),
        },
    )


def came_back(db: Database, row: dict, stored: dict) -> bool:
    """A taken-down article read again from a page fetched after it was found gone (not one re-read from a capture
    made before: ``scrapy reextract`` must not bring the dead back)."""
    if not stored.get("gone_at"):
        return False
    fetched = db.execute("SELECT fetched_at FROM captures WHERE id = ?", [row.get("capture_id")]).fetchone()
    return fetched is None or fetched[0] > stored["gone_at"]


def save_gone(db: Database, url: str, status: int, seen_at: str) -> bool:
    """A stored article found taken down: ``gone_at`` the first time, ``gone_status`` what it answers now; asked
    for again later (``last_seen_at``). Its text stays. Whether ``url`` is a stored article."""
    return bool(
        db.execute(
            "UPDATE articles SET gone_at = COALESCE(gone_at, ?), gone_status = ?, last_seen_at = ? WHERE url = ?",
            [seen_at, status, seen_at, url],
        ).rowcount
    )


def save_not_modified(db: Database, url: str, seen_at: str) -> None:
    """A stored article its site says is unchanged (304): seen online now. One that was gone is back as it was
    stored: its time away is a version."""
    stored = get_article(db, url)
    if stored is None:
        return
    if stored.get("gone_at"):
        save_version(db, stored, seen_at)
        db.execute(
            "UPDATE articles SET gone_at = NULL, gone_status = NULL, last_changed_at = ? WHERE url = ?", [seen_at, url]
        )
    db.execute("UPDATE articles SET last_seen_at = ? WHERE url = ?", [seen_at, url])


def moved_post(db: Database, row: dict) -> dict | None:
    """The stored article of this WordPress post under another URL, as it would be at ``row``'s URL (``moved_from``
    says where it is), or None.

    Its post ID makes it the same post. A page that says so is believed where the old URL redirects here or the
    text is mostly the same: a theme or plugin printing a wrong post ID must not move another article's row."""
    if not row.get("post_id"):
        return None
    found = db.execute(
        "SELECT url FROM articles WHERE post_id = ? AND url != ? ORDER BY last_seen_at DESC LIMIT 1",
        [row["post_id"], row["url"]],
    ).fetchone()
    if found is None:
        return None
    stored = get_article(db, found[0])
    redirects_here = db.execute(
        "SELECT 1 FROM url_aliases WHERE alias = ? AND url = ?", [stored["url"], row["url"]]
    ).fetchone()
    if not redirects_here and text_overlap(row.get("body") or "", stored.get("body") or "") < SAME_TEXT_OVERLAP:
        return None
    return {**stored, "url": row["url"], "moved_from": stored["url"]}


def move_article(db: Database, old: str, new: str) -> None:
    """An article's row and every row that names it, from ``old`` to ``new``; ``old`` an alias of ``new``."""
    for table, column in (*ARTICLE_LINKS, ("article_versions", "url")):
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [new, old])
    db.execute("UPDATE articles SET url = ? WHERE url = ?", [new, old])  # same rowid: the search index follows
    db.execute("DELETE FROM url_aliases WHERE alias = ?", [new])  # an article's URL is not an alias (a slug back)
    db.execute("DELETE FROM duplicates WHERE url = ?", [new])  # nor a copy of itself (as an older release said)
    db.execute("UPDATE url_aliases SET url = ? WHERE url = ?", [new, old])
    db.execute("UPDATE duplicates SET duplicate_of = ? WHERE duplicate_of = ?", [new, old])
    save_alias(db, old, new)


def save_facets(db: Database, url: str, sections: list[str], tags: list[str]) -> None:
    for table, link_table, column, names in (
        ("sections", "article_sections", "section", sections),
        ("tags", "article_tags", "tag", tags),
    ):
        db.execute(f"DELETE FROM {link_table} WHERE article_url = ?", [url])
        db.conn.executemany(f"INSERT OR IGNORE INTO {table} (name) VALUES (?)", [(n,) for n in names])
        db.conn.executemany(
            f"INSERT OR IGNORE INTO {link_table} (article_url, {column}, position) VALUES (?, ?, ?)",
            [(url, n, i) for i, n in enumerate(names)],
        )


def save_related(db: Database, url: str, related: list[dict]) -> None:
    db.execute("DELETE FROM related_links WHERE source_url = ?", [url])
    db.conn.executemany(
        "INSERT OR REPLACE INTO related_links (source_url, position, target_url, anchor_text) VALUES (?, ?, ?, ?)",
        [(url, r["position"], canonical_target(db, r["target_url"]), r["anchor_text"]) for r in related],
    )


def canonical_target(db: Database, url: str, max_hops: int = 10) -> str:
    """Where a link really leads: through known aliases (old slugs, shortlinks) and republished copies."""
    for _ in range(max_hops):
        row = db.execute(
            "SELECT url FROM url_aliases WHERE alias = ? UNION ALL SELECT duplicate_of FROM duplicates WHERE url = ? LIMIT 1",
            [url, url],
        ).fetchone()
        if row is None or row[0] == url:
            return url
        url = row[0]
    return url


def repoint_links(db: Database, old: str, new: str) -> None:
    """Links stored before we learnt that ``old`` leads to ``new``."""
    db.execute("UPDATE related_links SET target_url = ? WHERE target_url = ?", [canonical_target(db, new), old])


def save_alias(db: Database, alias: str, url: str) -> None:
    if alias != url:
        db.execute(
            "INSERT INTO url_aliases (alias, url) VALUES (?, ?) ON CONFLICT (alias) DO UPDATE SET url = excluded.url",
            [alias, url],
        )
        repoint_links(db, alias, url)


def save_reject(db: Database, url: str, stage: str, reason: str, seen_at: str | None = None) -> None:
    seen_at = seen_at or now_wib()
    db.execute(
        "INSERT INTO rejects (url, stage, reason, first_seen_at, last_seen_at, times) VALUES (?, ?, ?, ?, ?, 1) "
        "ON CONFLICT (url, stage) DO UPDATE SET reason = excluded.reason, last_seen_at = excluded.last_seen_at, "
        "times = times + 1",
        [url, stage, reason, seen_at, seen_at],
    )


def save_duplicate(db: Database, url: str, duplicate_of: str, reason: str, seen_at: str | None = None) -> None:
    seen_at = seen_at or now_wib()
    db.execute(
        "INSERT INTO duplicates (url, duplicate_of, reason, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (url) DO UPDATE SET duplicate_of = excluded.duplicate_of, reason = excluded.reason, "
        "last_seen_at = excluded.last_seen_at",
        [url, duplicate_of, reason, seen_at, seen_at],
    )
    repoint_links(db, url, duplicate_of)


def stored_by_content_hash(db: Database, content_hash: str) -> dict | None:
    """The stored article with this title-and-body hash: its URL, publication time and post ID.

    Asked for every article a run reads: plain ``execute``, as ``get_article``, since sqlite-utils' ``query`` wraps
    each query in a savepoint of its own (three statements instead of one)."""
    row = db.execute(
        "SELECT url, published_at, post_id FROM articles WHERE content_hash = ? ORDER BY published_at LIMIT 1",
        [content_hash],
    ).fetchone()
    return dict(zip(("url", "published_at", "post_id"), row, strict=True)) if row else None


def demote_to_duplicate(db: Database, url: str, duplicate_of: str, reason: str, seen_at: str | None = None) -> None:
    """A stored article turned out to be a republished copy: move it from ``articles`` to ``duplicates``."""
    forget_quotes(db, url)  # its people count it no more
    for table, column in ARTICLE_LINKS:
        db.execute(f"DELETE FROM {table} WHERE {column} = ?", [url])
    db.execute("DELETE FROM articles WHERE url = ?", [url])
    save_duplicate(db, url, duplicate_of, reason, seen_at)


def resolve_aliases(db: Database) -> int:
    """Point every link whose target is not a stored article at the canonical URL, if one is known.

    Links are resolved as they are stored and when an alias is learnt; this is the sweep that
    catches the rest. It reads only the links to a known alias or copy (where ``canonical_target`` leads elsewhere)
    that is not a stored article, from the index of link targets: every link of a million articles took a second.
    (CROSS JOIN: the known ones first, each looked up in the links' index; SQLite chose to scan the whole index
    and look each link up among the known: 0.12 s at 110,000 articles against 0.01.)"""
    changed = 0
    targets = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT r.target_url FROM (SELECT alias AS url FROM url_aliases UNION SELECT url FROM duplicates) "
            "known CROSS JOIN related_links r ON r.target_url = known.url WHERE known.url NOT IN (SELECT url FROM articles)"
        )
    ]
    for target in targets:
        final = canonical_target(db, target)
        if final != target:
            changed += db.execute(
                "UPDATE related_links SET target_url = ? WHERE target_url = ?", [final, target]
            ).rowcount
    return changed
