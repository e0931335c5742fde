"""``scrapy notify``: send what is new for the watched terms and people, by e-mail and webhook, once each."""

from __future__ import annotations

import sys
from pathlib import Path

from ... import storage
from ...notify.channels import ChannelError, channels_of
from ...notify.sender import notify
from ...run.status import EXIT_CODES
from ..archive_command import ArchiveCommand


def notify_archive(path: str, settings) -> tuple[int, str, list[str]]:
    """Notify from the archive at ``path`` with the settings' channels: (exit code, what was sent, the failures,
    each one line)."""
    if not Path(path).is_file():
        return EXIT_CODES["refused"], "", [f"suarapos-crawler: no archive at {path}: run `scrapy crawl suarapos` first"]
    try:
        channels = channels_of(settings)
        storage.check_archive_file(path, int(settings.getfloat("SQLITE_MIN_FREE_MB") * 2**20))
    except (ChannelError, storage.ArchiveRefused) as exc:
        return EXIT_CODES["refused"], "", [f"suarapos-crawler: not notified: {exc}"]
    if not channels:
        return (
            EXIT_CODES["ok"],
            "nothing to notify to: set NOTIFY_SMTP_URL and NOTIFY_EMAIL_TO, or NOTIFY_WEBHOOK_URL",
            [],
        )
    db = storage.open_database(path, settings.getfloat("SQLITE_BUSY_TIMEOUT"))
    try:
        storage.upgrade(db)
        sent = notify(db, channels, settings.getfloat("NOTIFY_SINCE_DAYS"))
    finally:
        db.close()
    said = f"notified: {sent.digests} digests of {sent.articles} new articles to {len(channels)} channels"
    failures = [f"suarapos-crawler: {failure}" for failure in sent.failures]
    return (EXIT_CODES["failed"] if failures else EXIT_CODES["ok"]), said, failures


class Command(ArchiveCommand):
    def syntax(self) -> str:
        return "[--db FILE]"

    def short_desc(self) -> str:
        return "Send the new articles of each watched term and person by e-mail and webhook, once each"

    def run(self, args: list[str], opts) -> None:
        code, said, failures = notify_archive(self.archive_path(opts), self.settings)
        if said:
            print(said)
        for failure in failures:
            print(failure, file=sys.stderr)
        self.exitcode = code
