"""Dates as suarapos prints them, turned into WIB times with their provenance.

Machine dates (ISO 8601) take the exact, cheap path; dateparser is kept for the
Indonesian text a person reads, with a fixed language and day-first order.
The tagDiv theme labels the WIB wall-clock time ``+00:00`` ("the trap"): a
theme date with that offset is read as WIB, while Yoast's ``+00:00`` is true UTC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from ..clock import WIB, to_wib

ZERO = timedelta(0)

# What dateparser 1.x cannot read, rewritten to what it can (see the site dossier, section 7).
_TEXT_FIXES = [
    (re.compile(r"\bJum'?’?at\b", re.I), "Jumat"),
    (re.compile(r"\bAgs\b", re.I), "Agu"),
    (re.compile(r"\b(Diperbarui|Dipublikasikan|Diterbitkan|Terbit)\b:?", re.I), ""),
    (re.compile(r"\bsejam\b", re.I), "1 jam"),
    (re.compile(r"\s+[-|–]\s+"), " "),
]


@dataclass(frozen=True)
class FoundDate:
    """A date read from a page: the WIB time, the text it came from, and where that text was."""

    value: datetime
    raw: str
    source: str
    precision: str = "minute"
    """What the source tells of the time: ``minute`` (or finer), ``hour`` (a relative date in hours), ``day``."""

    @property
    def iso(self) -> str:
        return self.value.isoformat()


def undo_wall_clock_trap(when: datetime) -> datetime:
    """The theme's ``+00:00`` is the WIB wall clock mislabelled: keep the clock, fix the zone."""
    if when.utcoffset() == ZERO:
        return when.replace(tzinfo=WIB)
    return when


@lru_cache(maxsize=1)
def _date_parser():
    # Built once: dateparser's language detection and setup dominate its cost.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["id", "en"],
        settings={
            "DATE_ORDER": "DMY",
            "TIMEZONE": "Asia/Jakarta",
            "TO_TIMEZONE": "Asia/Jakarta",
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


# "2 jam yang lalu", "kemarin", "hari ini": a time relative to when the page was fetched.
RELATIVE = re.compile(r"\b(lalu|kemarin|hari ini|barusan|baru saja|ago|yesterday|today)\b", re.I)


def parse_indonesian(text: str | None, base: datetime | None = None) -> datetime | None:
    """Visible Indonesian dates ("Rabu, 8 Februari 2023", "8 Feb 2023 - 14:05 WIB") as WIB times.

    A relative date ("2 jam yang lalu") is counted back from ``base``, the time the page was fetched
    (its HTTP ``Date``; now when it is not known), and is never cached: the same words mean another
    time on another day, and a page re-read from its WARC capture means what it meant then."""
    if not text or not text.strip():
        return None
    cleaned = text.strip()
    for pattern, replacement in _TEXT_FIXES:
        cleaned = pattern.sub(replacement, cleaned)
    cleaned = " ".join(cleaned.split())
    if RELATIVE.search(cleaned):
        return _parse_relative(cleaned, (base or datetime.now(WIB)).astimezone(WIB))
    return _parse_absolute(cleaned)


@lru_cache(maxsize=4096)
def _parse_absolute(cleaned: str) -> datetime | None:
    data = _date_parser().get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return None
    return to_wib(data.date_obj)


def _parse_relative(cleaned: str, base: datetime) -> datetime | None:
    import dateparser

    when = dateparser.parse(
        cleaned,
        languages=["id", "en"],
        settings={
            "RELATIVE_BASE": base.replace(tzinfo=None),  # dateparser wants the base as a WIB wall clock
            "TIMEZONE": "Asia/Jakarta",
            "TO_TIMEZONE": "Asia/Jakarta",
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "past",
        },
    )
    return to_wib(when) if when else None
