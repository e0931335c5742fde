"""The notification ledger: which article was notified to whom, for which watched term or person.

A notice is queued (``pending``) before it is sent and marked ``sent`` after: a run killed between the two sends
it again next time (never lost, at worst twice), and a channel that fails keeps its notices pending for the next.
Plain functions over the archive's ``notifications`` table.
"""

from __future__ import annotations

from sqlite_utils import Database


def queue_new(db: Database, channel: str, recipient: str, since: str, at: str) -> int:
    """Queue the mentions of articles first stored since ``since`` that this recipient was not sent yet (older
    articles are not news: a watchlist's first run does not mail the whole archive); how many were queued."""
    return db.execute(
        """INSERT OR IGNORE INTO notifications (channel, recipient, term, article_url, status, queued_at)
        SELECT ?, ?, m.term, m.article_url, 'pending', ?
        FROM article_mentions m JOIN articles a ON a.url = m.article_url
        WHERE a.first_seen_at >= ?""",
        [channel, recipient, at, since],
    ).rowcount


def pending(db: Database, channel: str, recipient: str) -> list[dict]:
    """The notices waiting for this recipient, with what a digest shows of each article, by term then newest."""
    return list(
        db.query(
            """SELECT n.term, COALESCE(w.label, n.term) AS label, a.url, a.title, a.published_at, a.section,
                   COALESCE(m.count, 0) AS count
            FROM notifications n JOIN articles a ON a.url = n.article_url
            LEFT JOIN watch_terms w ON w.term = n.term
            LEFT JOIN article_mentions m ON m.article_url = n.article_url AND m.term = n.term
            WHERE n.channel = ? AND n.recipient = ? AND n.status = 'pending'
            ORDER BY n.term, a.published_at DESC""",
            [channel, recipient],
        )
    )


def mark_sent(db: Database, channel: str, recipient: str, term: str, urls: list[str], at: str) -> None:
    db.conn.executemany(
        "UPDATE notifications SET status = 'sent', sent_at = ? WHERE channel = ? AND recipient = ? AND term = ? "
        "AND article_url = ?",
        [(at, channel, recipient, term, url) for url in urls],
    )
