"""Notices: the ledger (an in-memory archive), the digests, and the channels' settings; the channels themselves
are tested against real servers in tests/e2e/test_notify.py."""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from suarapos_crawler import storage
from suarapos_crawler.enrich.watchlist import WatchTerm
from suarapos_crawler.notify.channels import ChannelError, EmailChannel, channels_of, redact
from suarapos_crawler.notify.digests import digests_of
from suarapos_crawler.storage.notifications import mark_sent, pending, queue_new

from .test_storage import article

WATCHED = [WatchTerm("pembangunan", "Pembangunan"), WatchTerm("Festival", "Festival")]


def stored(db, url: str, seen_at: str, post_id: int) -> None:
    new = article(url=url, fetched_url=url, post_id=post_id, content_hash=url, related=[])
    storage.save_article(db, new, seen_at, WATCHED)


@pytest.fixture
def archive(db):
    storage.rematch(db, WATCHED)
    stored(db, "https://www.suarapos.com/lama/", "2026-11-01T08:00:00+07:00", 1)
    stored(db, "https://www.suarapos.com/baru/", "2026-12-06T08:00:00+07:00", 2)
    return db


def test_only_articles_stored_since_are_news_and_each_is_queued_once(archive):
    assert queue_new(archive, "email", "humas@babel.go.id", "2026-11-30T00:00:00+07:00", "t1") == 2  # 2 terms
    assert queue_new(archive, "email", "humas@babel.go.id", "2026-11-30T00:00:00+07:00", "t2") == 0
    rows = pending(archive, "email", "humas@babel.go.id")
    assert [(r["term"], r["url"]) for r in rows] == [
        ("Festival", "https://www.suarapos.com/baru/"),
        ("pembangunan", "https://www.suarapos.com/baru/"),
    ]
    assert [d.label for d in digests_of(rows)] == ["Festival", "Pembangunan"]


def test_a_digest_sent_is_not_pending_any_more_for_that_recipient_only(archive):
    for who in ("a@babel.go.id", "b@babel.go.id"):
        queue_new(archive, "email", who, "2026-11-30T00:00:00+07:00", "t1")
    mark_sent(archive, "email", "a@babel.go.id", "Festival", ["https://www.suarapos.com/baru/"], "t2")
    assert [r["term"] for r in pending(archive, "email", "a@babel.go.id")] == ["pembangunan"]
    assert len(pending(archive, "email", "b@babel.go.id")) == 2


def test_a_digest_is_titled_with_its_term_and_lists_each_article_with_its_day():
    digest = digests_of(
        [
            {
                "term": "Diskominfo Babel",
                "label": "Diskominfo",
                "url": "https://www.suarapos.com/a/",
                "title": "Bimtek",
                "published_at": "2026-12-06T20:15:00+07:00",
                "section": "Pemerintahan",
                "count": 2,
            }
        ]  # fmt: skip
    )[0]
    assert digest.title == "Diskominfo: 1 new article (suarapos)"
    assert "Bimtek\n  06/12/2026 20:15 WIB · Pemerintahan\n  https://www.suarapos.com/a/" in digest.text()
    assert digest.payload()["articles"][0]["url"] == "https://www.suarapos.com/a/"


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"NOTIFY_SMTP_URL": "smtp://mail.babel.go.id"}, "NOTIFY_EMAIL_TO names no one"),
        ({"NOTIFY_EMAIL_TO": "humas@babel.go.id"}, "NOTIFY_SMTP_URL says no server"),
        ({"NOTIFY_SMTP_URL": "imap://u:rahasia@mail", "NOTIFY_EMAIL_TO": "x@y"}, "not imap://u:***@mail"),
        ({"NOTIFY_WEBHOOK_URL": "ftp://hooks"}, "http:// or https://"),
    ],
)
def test_a_setting_that_cannot_be_used_is_said_in_one_line_without_its_password(settings, says):
    with pytest.raises(ChannelError, match=says.replace("*", r"\*").replace(".", r"\.").replace("/", "/")) as err:
        channels_of(Settings(settings))
    assert "rahasia" not in str(err.value) and "\n" not in str(err.value)


def test_each_address_is_a_channel_of_its_own_and_a_password_is_read_from_the_url():
    channels = channels_of(
        Settings({"NOTIFY_SMTP_URL": "smtp+starttls://humas%40babel:p%40ss@127.0.0.1:2525",
                  "NOTIFY_EMAIL_TO": "a@babel.go.id, b@babel.go.id", "NOTIFY_EMAIL_FROM": "crawler@babel.go.id"})
    )  # fmt: skip
    assert [c.name for c in channels] == ["a@babel.go.id", "b@babel.go.id"]
    assert isinstance(channels[0], EmailChannel)
    assert (channels[0].user, channels[0].password, channels[0].port) == ("humas@babel", "p@ss", 2525)
    assert redact("smtps://u:secret@h:465") == "smtps://u:***@h:465"
