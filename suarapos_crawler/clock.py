"""The one clock: WIB, and ISO 8601 times read and printed. Every layer imports its time from here.

The archive stores every time as an ISO string in WIB (``+07:00``), the zone the site's readers live in,
so that a day in a query is the day a reader of Bangka Belitung means.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

WIB = timezone(timedelta(hours=7), "WIB")

# A date outside these years is a placeholder or garbage (0001-01-01, 9999-12-31), never a publication time.
PLAUSIBLE_YEARS = (1900, 2200)


def date_problem(text: str) -> str:
    """Why ``parse_iso`` gave nothing for a stated date: a year outside the plausible ones (a placeholder such as
    9999-12-31 or 0001-01-01), or a form it cannot read."""
    year = text.strip()[:4]
    if year.isdigit() and not PLAUSIBLE_YEARS[0] <= int(year) <= PLAUSIBLE_YEARS[1]:
        return f"out of range (year {int(year)})"
    return "unreadable"


def to_wib(when: datetime) -> datetime:
    return when.astimezone(WIB)


def now_wib() -> str:
    """Now, as the archive stores a time: ISO 8601 in WIB, to the second."""
    return datetime.now(WIB).isoformat(timespec="seconds")


def parse_iso(text: str | None) -> datetime | None:
    """An ISO 8601 date-time with an offset; one without an offset is read as WIB."""
    if not text:
        return None
    text = text.strip()
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
        when = when if when.tzinfo else when.replace(tzinfo=WIB)
        when.astimezone(WIB)  # the ends of the calendar (year 1 or 9999 with an offset) cannot be moved
    except (ValueError, OverflowError):
        return None
    return when if PLAUSIBLE_YEARS[0] <= when.year <= PLAUSIBLE_YEARS[1] else None


# How far ahead of this run's clock a stored time may be and still be believed (clocks drift by seconds; one
# set a year ahead for a run writes times that would otherwise say "seen since" for a year).
CLOCK_SLACK = timedelta(minutes=10)


def believable(when: datetime | None, now: datetime) -> datetime | None:
    """A time this archive wrote, or a site gave, unless it lies ahead of ``now``: then a clock was wrong (this
    machine's on an earlier run, or the site's), and the time says nothing (``None``)."""
    return None if when is None or when > now + CLOCK_SLACK else when


def timestamp(text: str | None, now: datetime | None = None) -> float:
    """A stored time as seconds since the epoch; 0.0 for none, or (given ``now``) for one no clock could have been
    right to write."""
    when = parse_iso(text)
    if now is not None:
        when = believable(when, now)
    return when.timestamp() if when else 0.0


MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]  # fmt: skip


def wib_date(iso: str | None, precision: str | None = "minute") -> str:
    """``2026-12-02T03:41:00+07:00`` as a reader writes it: ``2 Desember 2026, 03:41 WIB``; at the precision the
    article's page showed it (``articles.published_precision``): ``2 Desember 2026`` for a day, "sekitar 03:00 WIB"
    for an hour counted back ("3 jam yang lalu")."""
    if not iso or len(iso) < 16:
        return iso or ""
    year, month, day = iso[:4], int(iso[5:7]), int(iso[8:10])
    date = f"{day} {MONTHS_ID[month - 1]} {year}"
    if precision == "day":
        return date
    if precision == "hour":
        return f"{date}, sekitar {iso[11:13]}:00 WIB"
    return f"{date}, {iso[11:16]} WIB"
