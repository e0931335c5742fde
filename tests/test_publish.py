"""`scrapy publish` from an archive this user may read but not write (a read-only folder): measured as an
unprivileged user, it failed with "attempt to write a readonly database" (SQLite could not make the archive's
shared-memory file); now it reads the archive as immutable when no log holds changes, and says so in one line when
one does. (Root writes anywhere, so these tests take the folder's permission from os.access.)"""

from __future__ import annotations

import os

import pytest
from sqlite_utils import Database

from suarapos_crawler import storage
from suarapos_crawler.commands.project import publish
from suarapos_crawler.commands.project.publish import NotPublished, reader_uri, snapshot

from .test_storage import article


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "arch" / "a.db"
    path.parent.mkdir()
    db = Database(path)
    storage.upgrade(db)
    with db.atomic():
        storage.save_article(db, article(), "t1")
    db.close()  # the last connection: the log is checkpointed into the file and removed
    assert not os.path.exists(f"{path}-wal")
    return path


def read_only_folder(monkeypatch, folder):
    real = os.access
    monkeypatch.setattr(publish.os, "access", lambda p, mode: False if str(p) == str(folder) else real(p, mode))


def test_an_archive_in_a_folder_it_may_write_is_opened_read_only(archive):
    assert reader_uri(archive) == f"file:{archive}?mode=ro"


def test_an_archive_in_a_read_only_folder_is_published_from_the_file_as_it_is(archive, tmp_path, monkeypatch):
    read_only_folder(monkeypatch, archive.parent)
    assert reader_uri(archive).endswith("?immutable=1")
    snapshot(archive, tmp_path / "out" / "pub.db")
    assert Database(tmp_path / "out" / "pub.db")["articles"].count == 1


def test_a_read_only_archive_whose_log_holds_changes_is_not_published_half(archive, tmp_path, monkeypatch):
    read_only_folder(monkeypatch, archive.parent)
    (archive.parent / "a.db-wal").write_bytes(b"\0" * 4096)
    with pytest.raises(NotPublished, match="its -wal holds changes not yet in it"):
        snapshot(archive, tmp_path / "out" / "pub.db")
    assert not (tmp_path / "out" / "pub.db").exists()
