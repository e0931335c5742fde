"""Is the site redesigned? A run's readings compared with the last good runs', at close.

The spider counts, for every article page it reads, how it was read (``extracted_by``: a known
theme's markup or the fallback) and which fields came out filled (``count_reading``). At the end
of the run the share read by the fallback, and each field's coverage against that of the last
good runs (their stats are kept in ``crawl_runs.stats``), tell a redesign on its first day: the
articles are still stored (the fallback reads any theme), and the run says, in its status, what
changed and what to do.

spidermon's field-coverage monitor counts the same kind of thing, but judges one run against fixed
thresholds and needs its own suite to report; here the baseline is the archive's own history.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from ..items import FALLBACK

READ = "suarapos/read/"  # + extracted_by: articles read that way this run
FILLED = "suarapos/read_fields/"  # + field: articles read with that field filled
FIELDS = ("title", "published_at", "author", "section", "tags", "dateline", "body", "related")
GOOD_RUNS = 5
# Only fields a healthy crawl fills on nearly every article are watched for a drop: tags or Baca Juga links vary
# from day to day, and a small scheduled run would raise false alarms on them.
STEADY = 0.9


def count_reading(stats, article) -> None:
    """Count one article read: how, and which fields it has."""
    stats.inc_value(READ + (article.extracted_by or FALLBACK))
    for name in FIELDS:
        if getattr(article, name):
            stats.inc_value(FILLED + name)


@dataclass(frozen=True)
class RedesignThresholds:
    """``REDESIGN_FALLBACK_SHARE``, ``REDESIGN_MIN_ARTICLES``, ``REDESIGN_COVERAGE_DROP`` (defaults in ``settings.py``)."""

    fallback_share: float
    min_articles: int
    coverage_drop: float

    @classmethod
    def from_settings(cls, settings) -> RedesignThresholds:
        return cls(
            settings.getfloat("REDESIGN_FALLBACK_SHARE"),
            settings.getint("REDESIGN_MIN_ARTICLES"),
            settings.getfloat("REDESIGN_COVERAGE_DROP"),
        )


def readings(stats: dict) -> tuple[int, dict[str, int], dict[str, int]]:
    """Articles read, how many each way, and how many with each field filled."""
    ways = {k[len(READ) :]: v for k, v in stats.items() if k.startswith(READ)}
    filled = {k[len(FILLED) :]: v for k, v in stats.items() if k.startswith(FILLED)}
    return sum(ways.values()), ways, filled


def earlier_coverage(db: Database, before_run: int) -> dict[str, float]:
    """Each field's coverage over the articles read by the last good runs (those that counted readings)."""
    total, filled = 0, dict.fromkeys(FIELDS, 0)
    rows = db.execute(
        "SELECT stats FROM crawl_runs WHERE status = 'ok' AND id < ? AND stats LIKE ? ORDER BY id DESC LIMIT ?",
        [before_run, f"%{READ}%", GOOD_RUNS],
    ).fetchall()
    for (text,) in rows:
        try:
            n, _, fields = readings(json.loads(text))
        except (TypeError, ValueError):
            continue
        total += n
        for name in FIELDS:
            filled[name] += fields.get(name, 0)
    return {name: filled[name] / total for name in FIELDS} if total else {}


def redesign_verdict(stats: dict, baseline: dict[str, float], limits: RedesignThresholds) -> str | None:
    """Why this run's readings look like a redesign of the site, or None."""
    read, ways, filled = readings(stats)
    if read < limits.min_articles:
        return None
    by_fallback = ways.get(FALLBACK, 0)
    dropped = [
        f"{name} {baseline[name]:.0%} → {filled.get(name, 0) / read:.0%}"
        for name in FIELDS
        if baseline.get(name, 0) >= STEADY and baseline[name] - filled.get(name, 0) / read > limits.coverage_drop
    ]
    if by_fallback / read <= limits.fallback_share and not dropped:
        return None
    parts = []
    if by_fallback / read > limits.fallback_share:
        parts.append(
            f"{by_fallback} of {read} articles ({by_fallback / read:.0%}) no longer carry the markup of a known theme; "
            "their title, author, date, sections, tags and body were read by the fallback, from the page's metadata "
            "and the generic content finder (extracted_by = fallback)"
        )
    if dropped:
        parts.append("fields read less often than in the last good runs: " + ", ".join(dropped))
    return (
        "the site looks redesigned: "
        + "; ".join(parts)
        + ". The articles are stored; teach the page classes the new theme (scrapy themes learn NAME writes its "
        "profile from their captures), then run scrapy reextract to read them again with it"
    )
