"""Sending what is new: queue each channel's new notices, send them a digest a term, record each digest sent."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from .. import storage
from ..clock import now_wib, parse_iso
from ..storage.notifications import mark_sent, pending, queue_new
from .channels import ChannelError
from .digests import digests_of


@dataclass
class Sent:
    digests: int = 0
    articles: int = 0
    failures: list[str] = field(default_factory=list)


def notify(db, channels: list, since_days: float, now: str | None = None) -> Sent:
    """Every channel's new notices sent, a digest a watched term or person. A digest is recorded once it is
    sent; a channel that fails keeps the rest of its notices for the next time (its failure in ``failures``)."""
    now = now or now_wib()
    since = (parse_iso(now) - timedelta(days=since_days)).isoformat()
    sent = Sent()
    for channel in channels:
        with storage.transaction(db):
            queue_new(db, channel.kind, channel.name, since, now)
        for digest in digests_of(pending(db, channel.kind, channel.name)):
            try:
                channel.send(digest)
            except ChannelError as exc:
                sent.failures.append(f"{exc}; its notices wait for the next time")
                break
            with storage.transaction(db):
                mark_sent(db, channel.kind, channel.name, digest.term, [a["url"] for a in digest.articles], now)
            sent.digests += 1
            sent.articles += len(digest.articles)
    return sent
