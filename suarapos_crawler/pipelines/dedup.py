"""One row per article: republished copies (same title and body, another URL) become ``Duplicate``s.

Never merges on the title alone: distinct articles share titles.  The key is a
hash of title and body; copies are found among this run's articles and, through
an index, among those stored by earlier runs.
"""

from __future__ import annotations

import hashlib

from ..archive import Archive
from ..clock import parse_iso
from ..items import Article, Duplicate
from ..storage import stored_by_content_hash


def content_hash(title: str, body: str) -> str:
    text = " ".join(title.lower().split()) + "\n" + " ".join(body.lower().split())
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def publication_key(published_at: str, post_id: int | None) -> tuple:
    """Which of two copies came first: the earlier publication, then the lower post ID."""
    when = parse_iso(published_at)
    return (when.timestamp() if when else float("inf"), post_id if post_id is not None else 1 << 62)


class DedupPipeline:
    """Settings: ``DEDUP_MEMORY``: hashes of this run kept in memory, oldest forgotten first.

    The first publication is the article; later copies are duplicates, whichever is crawled first.
    Copies are looked up in memory, then in the archive (by index): memory only has to cover the
    articles not yet committed (a batch or two), so it stays small however long the run.
    """

    def __init__(self, archive: Archive | None, memory: int, stats):
        self.archive = archive  # its read connection finds copies stored by earlier runs and batches of this one
        self.memory = memory
        self.stats = stats
        self.seen: dict[str, tuple[str, tuple]] = {}  # content hash -> (URL, publication key), oldest first

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.get_extension(Archive), crawler.settings.getint("DEDUP_MEMORY"), crawler.stats)

    def known_copy(self, key: str) -> tuple[str, tuple] | None:
        if key in self.seen:
            return self.seen[key]
        if self.archive is not None and self.archive.db is not None:
            row = stored_by_content_hash(self.archive.db, key)
            if row:
                return row["url"], publication_key(row["published_at"], row["post_id"])
        return None

    def remember(self, key: str, url: str, order: tuple) -> None:
        self.seen.pop(key, None)  # to the end: the newest
        self.seen[key] = (url, order)
        if len(self.seen) > self.memory:
            del self.seen[next(iter(self.seen))]

    def process_item(self, item):
        if not isinstance(item, Article):
            return item
        item.content_hash = content_hash(item.title, item.body)
        order = publication_key(item.published_at, item.post_id)
        known = self.known_copy(item.content_hash)
        # The same post under another URL is not a copy: its slug changed, and storage moves it (one row a post).
        same_post = known is not None and item.post_id is not None and known[1][1] == item.post_id
        if known and known[0] != item.url and not same_post:
            other_url, other_order = known
            if order >= other_order:
                self.stats.inc_value("dedup/duplicates")
                return Duplicate(
                    url=item.url,
                    duplicate_of=other_url,
                    reason="same title and body as an earlier article",
                    canonical_refused=item.canonical_refused,
                )
            item.replaces = other_url  # this is the original; the stored one was the republished copy
            self.stats.inc_value("dedup/originals_replacing_copies")
        self.remember(item.content_hash, item.url, order)
        return item
