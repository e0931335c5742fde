"""The figures of a report, read from the archive for one period (an ISO week or a month, WIB days): plain
functions that take a ``Database`` and return data, so the HTML, the workbook and the tests read the same."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
TOP = 5  # articles shown per watched term
PEOPLE = 10


class PeriodError(ValueError):
    """A period that is not ``YYYY-Www`` or ``YYYY-MM``, or no such week or month."""


@dataclass(frozen=True)
class Period:
    label: str  # 2026-W49, 2026-12
    first: date
    last: date

    @property
    def days(self) -> list[str]:
        return [(self.first + timedelta(days=n)).isoformat() for n in range((self.last - self.first).days + 1)]

    def before(self) -> Period:
        """The period of the same kind just before this one."""
        if "W" in self.label:
            return week_period(self.first - timedelta(days=7))
        previous = self.first - timedelta(days=1)
        return month_period(previous.year, previous.month)


def week_period(day: date) -> Period:
    year, week, weekday = day.isocalendar()
    first = day - timedelta(days=weekday - 1)
    return Period(f"{year}-W{week:02d}", first, first + timedelta(days=6))


def month_period(year: int, month: int) -> Period:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return Period(f"{year}-{month:02d}", first, following - timedelta(days=1))


def parse_period(week: str | None = None, month: str | None = None) -> Period:
    """The period a user asked for: ``--week 2026-W49`` or ``--month 2026-12``."""
    try:
        if week and WEEK.match(week):
            year, number = map(int, WEEK.match(week).groups())
            return week_period(date.fromisocalendar(year, number, 1))
        if month and MONTH.match(month):
            return month_period(*map(int, MONTH.match(month).groups()))
    except ValueError as exc:
        raise PeriodError(f"{week or month}: no such {'week' if week else 'month'} ({exc})") from exc
    if week:
        raise PeriodError(f"{week}: a week is written YYYY-Www, e.g. 2026-W49 (ISO weeks, Monday to Sunday)")
    raise PeriodError(f"{month}: a month is written YYYY-MM, e.g. 2026-12")


def in_period(db: Database, sql: str, period: Period, params: list | None = None) -> list[dict]:
    """Rows of ``sql``, whose ``:first`` and ``:last`` are the period's WIB days."""
    return list(db.query(sql, {"first": period.first.isoformat(), "last": period.last.isoformat(), **(params or {})}))


ARTICLES = "FROM articles WHERE published_day BETWEEN :first AND :last"


def count_by(db: Database, column: str, period: Period) -> list[tuple[str, int]]:
    rows = in_period(db, f"SELECT {column} AS k, COUNT(*) AS n {ARTICLES} GROUP BY k ORDER BY n DESC, k", period)
    return [(r["k"] or "(none)", r["n"]) for r in rows]


def per_day(db: Database, period: Period) -> list[tuple[str, int]]:
    counted = dict(count_by(db, "published_day", period))
    return [(day, counted.get(day, 0)) for day in period.days]


def term_figures(db: Database, period: Period) -> list[dict]:
    """Each watched term: the articles of the period that mention it, its mentions, and its top articles."""
    if not db["watch_terms"].exists():
        return []
    terms = []
    for term in db.query("SELECT term, label FROM watch_terms ORDER BY label COLLATE NOCASE"):
        joined = (
            "FROM article_mentions m JOIN articles a ON a.url = m.article_url "
            "WHERE m.term = :term AND a.published_day BETWEEN :first AND :last"
        )
        total = in_period(db, f"SELECT COUNT(*) AS articles, COALESCE(SUM(m.count), 0) AS mentions {joined}", period,
                          {"term": term["term"]})[0]  # fmt: skip
        top = in_period(
            db,
            f"SELECT a.title, a.url, a.published_at, m.count {joined} ORDER BY m.count DESC, a.published_at DESC LIMIT {TOP}",
            period,
            {"term": term["term"]},
        )
        terms.append({**term, **total, "top": top})
    return terms


def people_figures(db: Database, period: Period) -> list[dict]:
    if not db["quotes"].exists():
        return []
    return in_period(
        db,
        "SELECT p.name AS person, COUNT(DISTINCT q.article_url) AS articles, COUNT(*) AS quotes "
        "FROM quotes q JOIN people p ON p.id = q.person_id JOIN articles a ON a.url = q.article_url "
        f"WHERE a.published_day BETWEEN :first AND :last GROUP BY p.id ORDER BY articles DESC, quotes DESC, person "
        f"LIMIT {PEOPLE}",
        period,
    )


def corrections(db: Database, period: Period) -> list[dict]:
    """The articles corrected in the period (a version replaced on one of its WIB days), newest first."""
    return in_period(
        db,
        "SELECT a.title, a.url, a.published_at, MAX(v.replaced_at) AS corrected_at, COUNT(*) AS versions "
        "FROM article_versions v JOIN articles a ON a.url = v.url "
        "WHERE substr(v.replaced_at, 1, 10) BETWEEN :first AND :last GROUP BY a.url ORDER BY corrected_at DESC",
        period,
    )


def of_kind(db: Database, kind: str, period: Period) -> list[dict]:
    if "kind" not in db["articles"].columns_dict:
        return []
    return in_period(
        db,
        f"SELECT title, url, published_at, section, kind_evidence {ARTICLES} AND kind = :kind ORDER BY published_at DESC",
        period,
        {"kind": kind},
    )


def article_list(db: Database, period: Period) -> list[dict]:
    kind = "kind" if "kind" in db["articles"].columns_dict else "NULL AS kind"
    return in_period(
        db, f"SELECT published_at, title, section, region, {kind}, author, url {ARTICLES} ORDER BY published_at", period
    )


def report_figures(db: Database, period: Period) -> dict:
    """Every figure of the report of ``period``."""
    previous = period.before()
    return {
        "period": period,
        "articles": sum(n for _, n in per_day(db, period)),
        "articles_before": sum(n for _, n in per_day(db, previous)),
        "previous": previous,
        "per_day": per_day(db, period),
        "sections": count_by(db, "section", period),
        "regions": count_by(db, "region", period),
        "kinds": count_by(db, "kind", period) if "kind" in db["articles"].columns_dict else [],
        "terms": term_figures(db, period),
        "people": people_figures(db, period),
        "corrections": corrections(db, period),
        "press_releases": of_kind(db, "press_release", period),
        "advertorials": of_kind(db, "advertorial", period),
        "list": article_list(db, period),
    }
