"""How each kind of item a crawl yields is stored: its rows, its count, and its outcome in the run's fetch ledger.

One function per item class, chosen by ``functools.singledispatch`` (a new kind of item registers its own); each
runs inside the batch's transaction that ``Archive.write`` opens.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import singledispatch

from sqlite_utils import Database

from ..enrich.quotes import Gazetteer
from ..items import Article, Capture, Duplicate, FetchOutcome, Gone, NotModified, Reject, UrlAlias
from .articles import (
    believed_not,
    save_alias,
    save_article,
    save_duplicate,
    save_gone,
    save_not_modified,
    save_reject,
)
from .captures import save_capture
from .runs import save_fetch


@dataclass
class Batch:
    """What every item of one batch is stored with: the time, the run it belongs to, the watched terms it is matched
    against, and the stats it adds up to."""

    seen_at: str
    run_id: int | None = None
    terms: list = field(default_factory=list)
    gazetteer: Gazetteer | None = None  # who speaks: the shipped gazetteer with the user's file added
    counts: Counter = field(default_factory=Counter)


@singledispatch
def store_item(item, db: Database, batch: Batch) -> None:
    raise TypeError(f"the archive does not store {type(item).__name__} items")


@store_item.register
def _(item: Article, db: Database, batch: Batch) -> None:
    outcome = save_article(db, item.as_dict(), batch.seen_at, batch.terms, batch.gazetteer, people_later=True)
    batch.counts[f"sqlite/articles_{outcome}"] += 1
    batch.counts["sqlite/rejects"] += bool(item.canonical_refused)  # its refusal is a reject of the page
    if item.replaces:  # a stored later copy was moved to duplicates
        batch.counts["sqlite/articles_demoted"] += 1
        batch.counts["sqlite/duplicates"] += 1
    save_fetch(db, batch.run_id, item.fetched_url or item.url, f"article_{outcome}", item.url)


@store_item.register
def _(item: UrlAlias, db: Database, batch: Batch) -> None:
    save_alias(db, item.alias, item.url)
    save_fetch(db, batch.run_id, item.alias, "redirected", item.url)


@store_item.register
def _(item: Reject, db: Database, batch: Batch) -> None:
    save_reject(db, item.url, item.stage, item.reason, batch.seen_at)
    batch.counts["sqlite/rejects"] += 1
    save_fetch(db, batch.run_id, item.url, f"rejected_{item.stage}", item.reason)


@store_item.register
def _(item: Gone, db: Database, batch: Batch) -> None:
    if save_gone(db, item.url, item.status, batch.seen_at):
        batch.counts["sqlite/articles_gone"] += 1
        save_fetch(
            db, batch.run_id, item.url, "gone", f"HTTP {item.status}" + (" (a not-found page)" * (item.status == 200))
        )
    else:  # not a stored article (the spider asks only of those): a page that is not there, as any other
        store_item(Reject(item.url, "fetch", f"HTTP {item.status}"), db, batch)


@store_item.register
def _(item: NotModified, db: Database, batch: Batch) -> None:
    save_not_modified(db, item.url, batch.seen_at)
    batch.counts["sqlite/articles_not_modified"] += 1
    save_fetch(db, batch.run_id, item.url, "not_modified", "HTTP 304")


@store_item.register
def _(item: Duplicate, db: Database, batch: Batch) -> None:
    if item.canonical_refused:  # the copy is kept under the URL it was fetched as, as an article would be
        save_reject(db, item.url, "canonical", believed_not(item.canonical_refused), batch.seen_at)
        batch.counts["sqlite/rejects"] += 1
    save_duplicate(db, item.url, item.duplicate_of, item.reason, batch.seen_at)
    batch.counts["sqlite/duplicates"] += 1
    save_fetch(db, batch.run_id, item.url, "duplicate", item.duplicate_of)


@store_item.register
def _(item: FetchOutcome, db: Database, batch: Batch) -> None:
    save_fetch(db, batch.run_id, item.url, item.outcome, item.detail)


@store_item.register
def _(item: Capture, db: Database, batch: Batch) -> None:
    save_capture(db, {**asdict(item), "run_id": batch.run_id})  # counted when captured (warc/*_records)
