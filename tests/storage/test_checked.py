"""The stamp of the last whole-file check: a run skips reading every page only of an archive exactly as a run that
ended well left it, checked whole recently (storage/checked.py)."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from suarapos_crawler.clock import WIB
from suarapos_crawler.storage.checked import checked_at_if_unchanged, stamp_path, write_stamp

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=WIB)
DAY = timedelta(hours=24)


def archive(tmp_path):
    path = tmp_path / "suarapos.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)
    write_stamp(path, "2026-12-07T03:00:00+07:00")
    return path


def test_an_archive_as_the_last_run_left_it_checked_today_is_not_read_again(tmp_path):
    path = archive(tmp_path)
    assert checked_at_if_unchanged(path, DAY, NOW) == "2026-12-07T03:00:00+07:00"


def test_any_write_since_a_day_old_check_a_log_left_or_no_stamp_means_a_whole_check(tmp_path):
    path = archive(tmp_path)
    assert checked_at_if_unchanged(path, DAY, NOW + DAY) is None  # the check is a day old
    assert checked_at_if_unchanged(path, timedelta(0), NOW) is None  # SQLITE_QUICK_CHECK_HOURS = 0: every run
    log = tmp_path / "suarapos.db-wal"
    log.write_bytes(b"x")  # a run killed before it moved its log into the file
    assert checked_at_if_unchanged(path, DAY, NOW) is None
    log.unlink()
    with path.open("r+b") as f:  # a page overwritten, size unchanged
        f.seek(100)
        f.write(b"\xff" * 8)
    assert checked_at_if_unchanged(path, DAY, NOW) is None
    write_stamp(path, "2026-12-07T03:00:00+07:00")
    os.utime(path, ns=(0, os.stat(path).st_mtime_ns + 1))  # written again, the same bytes: checked again
    assert checked_at_if_unchanged(path, DAY, NOW) is None
    stamp_path(path).write_text("not json")
    assert checked_at_if_unchanged(path, DAY, NOW) is None
    stamp_path(path).unlink()
    assert checked_at_if_unchanged(path, DAY, NOW) is None


def test_a_stamp_dated_ahead_by_a_wrong_clock_says_nothing(tmp_path):
    path = tmp_path / "suarapos.db"
    path.write_bytes(b"x" * 100)
    write_stamp(path, "2027-06-01T00:00:00+07:00")
    assert checked_at_if_unchanged(path, DAY, NOW) is None
