"""What a run needs to fetch, decided from the database alone (no JOBDIR, no side files).

``CrawlPlan`` is loaded once when the spider opens and then answers, without
I/O: is this URL known, is this stored article due again (refresh window,
sitemap ``lastmod``), may this section stop paging here.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property

from sqlite_utils import Database

from .. import storage
from ..clock import CLOCK_SLACK, WIB, believable, parse_iso, timestamp

MODES = ("default", "backfill", "refresh", "replay")


# A sitemap of at least this many lastmods, most of them this recent, or all one, dates its files, not its posts.
LASTMOD_SAMPLE = 20
LASTMOD_JUST_NOW = timedelta(hours=1)
# The rolling re-check: an article is asked for again a seventh of its age after it was last fetched (a week-old one
# daily, a year-old one monthly), never sooner than INCREMENTAL_RECHECK_MIN_HOURS, never later than a month.
RECHECK_AGE_SHARE = 7
RECHECK_MAX_WAIT = timedelta(days=30)
# Baca Juga targets no run could resolve are asked for by every run for this long after their article was last seen.
DANGLING_WINDOW = timedelta(days=30)


class StoredArticles(Mapping):
    """url -> (published, newest of modified and last seen, last seen) of the stored articles, as timestamps, asked of
    the archive as a run needs them: a run of a million-article archive loaded them all (seconds and hundreds of
    megabytes) to ask about a few thousand. It reads a snapshot (``storage.read_snapshot``): the archive as the run
    found it, whatever the run stores meanwhile, as a loaded plan was."""

    def __init__(self, db: Database, now: datetime, own: bool = False):
        self.db, self.now, self.own = db, now, own  # own: a connection of its own, closed with the plan
        self.found: dict[str, tuple[float, float, float, float] | None] = {}
        self.empty = not storage.has_articles(db)
        if self.empty:
            # Nothing to read: the snapshot let go at once. Held, it kept SQLite from ever writing the run's pages
            # back into the file: a first crawl or a rebuild of 10,000 articles left a 700 MB write-ahead log beside
            # a 128 MB archive, every read and write of the run slower for it (a million: tens of gigabytes).
            self.close()

    def times(self, url: str) -> tuple[float, float, float, float] | None:
        """The mapping's tuple, and the modified time the page gave (even one ahead of now)."""
        if url not in self.found:
            row = None if self.empty else storage.article_times(self.db, url)
            self.found[url] = None if row is None else self.reckoned(*row)
        return self.found[url]

    def reckoned(self, published: str | None, modified: str | None, last_seen: str | None) -> tuple:
        # A time ahead of now (a run whose clock was wrong) says nothing: the article is not "seen since" it.
        seen = timestamp(last_seen, self.now)
        return timestamp(published), max(timestamp(modified, self.now), seen), seen, timestamp(modified)

    def __getitem__(self, url: str) -> tuple[float, float, float]:
        found = self.times(url)
        if found is None:
            raise KeyError(url)
        return found[:3]

    def __contains__(self, url: object) -> bool:
        return isinstance(url, str) and self.times(url) is not None

    def __iter__(self) -> Iterator[str]:
        if self.empty:
            return iter(())
        return (row[0] for row in self.db.execute("SELECT url FROM articles"))

    def __len__(self) -> int:
        return 0 if self.empty else self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def __bool__(self) -> bool:
        return not self.empty

    def items(self):  # one pass over the archive, not a query an article (a refresh run asks for every one)
        if self.empty:
            return
        for url, *row in storage.stored_article_times(self.db):
            yield url, self.reckoned(*row)[:3]

    def modified_said(self, url: str) -> float:
        found = self.times(url)
        return found[3] if found else 0.0

    def close(self) -> None:
        self.found.clear()
        if self.own:
            self.db.conn.close()
            self.own = False  # closed once


@dataclass
class CrawlPlan:
    mode: str = "default"
    now: datetime = field(default_factory=lambda: datetime.now(WIB))
    refresh_days: float = 3.0
    known_tolerance: int = 3
    # url -> (published, newest of modified and last seen, last seen) of stored articles, as timestamps: a dict, or
    # (loaded from an archive) StoredArticles, which asks the archive
    stored: Mapping[str, tuple[float, float, float]] = field(default_factory=dict)
    # The modified time each stored article's page gave, even one ahead of now (a post dated ahead)
    modified_said: dict[str, float] = field(default_factory=dict)
    others: set[str] = field(default_factory=set)
    last_ok_run: datetime | None = None
    refresh_before: datetime | None = None
    # A killed or failed last run left pages unread: walk every listing page again (a resume).
    previous_run_completed: bool = False
    # Baca Juga targets stored links point at, that no run has resolved yet.
    dangling_targets: list[str] = field(default_factory=list)
    # Where the site gives sitemap lastmod, an article it says is unchanged needs no refresh-window fetch.
    trust_lastmod: bool = True
    confirmed_unchanged: set[str] = field(default_factory=set)
    # Pages rejected run after run, whose next try is not due yet (storage.rejects_backing_off).
    backing_off: set[str] = field(default_factory=set)
    # Pages an earlier run rejected (storage.rejected_before): failing again, they say nothing of a redesign.
    known_bad: set[str] = field(default_factory=set)
    # The rolling re-check of stored articles past the refresh window (INCREMENTAL_RECHECK_*).
    recheck_per_run: int = 0
    recheck_min_wait: timedelta = timedelta(hours=24)
    # Sitemaps whose URLs were mostly not there when last read: their next reading begins with a smaller batch.
    sitemaps_abandoned: set[str] = field(default_factory=set)

    @classmethod
    def load(
        cls,
        db: Database | None,
        mode: str = "default",
        refresh_days: float = 3.0,
        known_tolerance: int = 3,
        now: datetime | None = None,
        trust_lastmod: bool = True,
        before_run: int | None = None,
        reject_retry_max_hours: float = 168.0,
        recheck_per_run: int = 0,
        recheck_min_hours: float = 24.0,
    ) -> CrawlPlan:
        """The plan from an archive whose schema is up to date (``None``: no archive, fetch everything).
        ``before_run``: the ID of the run being planned, which does not count as an earlier run."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
        plan = cls(
            mode=mode,
            refresh_days=refresh_days,
            known_tolerance=known_tolerance,
            now=now or datetime.now(WIB),
            trust_lastmod=trust_lastmod,
            recheck_per_run=recheck_per_run,
            recheck_min_wait=timedelta(hours=recheck_min_hours),
        )
        if db is None:
            return plan
        now = plan.now
        # A replay asks for every capture, stored or not (``known``): what the run stores cannot change its plan, and
        # a snapshot held for the whole re-reading of an archive would keep SQLite from writing any of it back into
        # the file (its write-ahead log several times the archive's size).
        snapshot = db if mode == "replay" else storage.read_snapshot(db)
        plan.stored = StoredArticles(snapshot, now, own=snapshot is not db)
        plan.others = storage.known_other_urls(db)
        plan.last_ok_run = believable(parse_iso(storage.last_run_started(db)), now)
        plan.previous_run_completed = storage.last_run_completed(db, before_run)
        plan.dangling_targets = storage.dangling_link_targets(db, (now - DANGLING_WINDOW).isoformat())
        plan.sitemaps_abandoned = storage.sitemaps_abandoned(db)
        if mode != "replay":
            plan.backing_off = storage.rejects_backing_off(db, plan.now.isoformat(), reject_retry_max_hours)
            plan.known_bad = storage.rejected_before(db)
        if mode == "refresh":
            plan.refresh_before = parse_iso(storage.unfinished_refresh_started(db, before_run)) or plan.now
        return plan

    @property
    def has_articles(self) -> bool:
        return bool(self.stored)

    def known(self, url: str) -> bool:
        """Stored, or known not to need a fetch. A replay reads every capture again, known or not."""
        if self.mode == "replay":
            return False
        return url in self.stored or url in self.others

    def known_where_listing_is(self, listed: list[str]) -> int:
        """How many stored articles a section's page lists where its list of posts has reached them: after its last
        article not stored. A block of older posts pinned above the list (featured, sticky, "Pilihan") is not
        where the list stands: counted, it stopped the paging on page 1 of every section while 30 new articles
        waited on pages 2 to 4. ``listed`` leaves out what an earlier page of the section listed (such a block
        repeats on every page)."""
        last_new = max((i for i, url in enumerate(listed) if not self.known(url)), default=-1)
        return sum(self.known(url) for url in listed[last_new + 1 :])

    def waiting(self, url: str) -> bool:
        """A page rejected run after run, not to be asked for again yet."""
        return url in self.backing_off

    def due_again(self, url: str) -> bool:
        """A stored article published within the refresh window (corrections come early), unless
        the sitemap, read this run, says it has not changed since it was stored."""
        if url in self.confirmed_unchanged:
            return False
        published = self.stored.get(url, (0.0, 0.0, 0.0))[0]
        if published > (self.now + CLOCK_SLACK).timestamp():  # dated ahead (a post scheduled, published early):
            return False  # always "in the window", it was fetched every run; the rolling re-check looks at it
        return published >= (self.now - timedelta(days=self.refresh_days)).timestamp()

    def should_fetch(self, url: str) -> bool:
        """Fetch what is not stored, and stored articles still in the refresh window."""
        if self.mode == "refresh" and url in self.stored:
            return url in self.refresh_set
        return not self.known(url) or (url in self.stored and self.due_again(url))

    def changed_since_stored(self, url: str, lastmod: str | None) -> bool:
        """A sitemap ``lastmod`` newer than what the stored copy says (its modified time, or when it was fetched).
        One ahead of now is compared with the modified time the page itself gave: a post dated ahead carries the
        same time in both, and was fetched again on every run."""
        when = parse_iso(lastmod)
        if url not in self.stored or when is None:
            return False
        if believable(when, self.now) is None:
            stored = self.stored
            said = stored.modified_said(url) if isinstance(stored, StoredArticles) else self.modified_said.get(url, 0.0)
            return when.timestamp() > said
        return when.timestamp() > self.stored[url][1]

    def lastmods_believable(self, lastmods: list[str | None]) -> bool:
        """Whether a sitemap's lastmods can say what changed. Not when most of a long list claim the last hour, or
        all one time: a plugin printing the time it made the file, which would have every article fetched again
        on every run. A hint to weigh, not an order: the refresh window and the listings still find changes."""
        stated = [when for when in map(parse_iso, lastmods) if when is not None]
        if len(stated) < LASTMOD_SAMPLE:
            return True
        recent = sum(when > self.now - LASTMOD_JUST_NOW for when in stated)
        return recent * 2 <= len(stated) and len(set(stated)) > 1

    def note_lastmod(self, url: str, lastmod: str | None) -> None:
        if self.trust_lastmod and url in self.stored and lastmod and not self.changed_since_stored(url, lastmod):
            self.confirmed_unchanged.add(url)

    def keep_paging(self, known_on_page: int) -> bool:
        """Page on until a page lists ``known_tolerance`` stored articles (a few, for reordering),
        unless the last run did not complete: then every page is read again, to resume it."""
        if self.mode != "default" or not self.previous_run_completed:
            return True
        return known_on_page < self.known_tolerance

    def sitemap_changed(self, lastmod: str | None) -> bool:
        """Whether a post sitemap may list something new since the last successful run."""
        if self.mode in ("backfill", "replay") or self.last_ok_run is None:
            return True
        when = parse_iso(lastmod)
        return when is None or when > self.last_ok_run

    def to_refresh(self) -> list[str]:
        """Refresh mode: stored articles not yet fetched again since the refresh began (resumes a killed one)."""
        if self.mode != "refresh" or self.refresh_before is None:
            return []
        cutoff = self.refresh_before.timestamp()
        return [url for url, (_, _, seen) in self.stored.items() if seen < cutoff]

    def to_recheck(self) -> list[str]:
        """Default runs: the stored articles past the refresh window most overdue for another look (the refresh
        window's are fetched anyway), ``recheck_per_run`` at most: a takedown or a quiet correction is found without
        asking for the whole archive again."""
        if self.mode != "default" or self.recheck_per_run <= 0 or not self.stored:
            return []
        now = self.now.timestamp()
        window = (self.now - timedelta(days=self.refresh_days)).timestamp()
        least, most = self.recheck_min_wait.total_seconds(), RECHECK_MAX_WAIT.total_seconds()
        if isinstance(self.stored, StoredArticles):  # the same reckoning, in the archive: one pass over an index
            wait = (RECHECK_AGE_SHARE, least, most)
            slack = CLOCK_SLACK.total_seconds()
            return [
                url
                for _, url in storage.overdue_articles(self.stored.db, now, window, wait, slack, self.recheck_per_run)
            ]
        due = []
        for url, (published, _, seen) in self.stored.items():
            if published >= window:
                continue
            wait = min(max((now - published) / RECHECK_AGE_SHARE, least), most)
            if seen + wait <= now:
                due.append((seen + wait, url))
        return [url for _, url in heapq.nsmallest(self.recheck_per_run, due)]

    def is_stored(self, url: str) -> bool:
        """A stored article's URL (its alias, a copy or a reject is not)."""
        return url in self.stored

    @cached_property
    def refresh_set(self) -> frozenset[str]:
        return frozenset(self.to_refresh())

    def close(self) -> None:
        """The archive's snapshot let go (the run is over: its writes may be checkpointed into the file)."""
        if isinstance(self.stored, StoredArticles):
            self.stored.close()
