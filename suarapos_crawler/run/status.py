"""What a run amounted to: its status and exit code, the ``crawl_runs`` values, warnings from a comparison with earlier runs.

The one place where a run's status is decided (``decide_status``) and turned into the exit code cron sees
(``EXIT_CODES``). Plain functions; the ``RunRecord`` extension writes what they compute, the ``crawl`` command
exits with it."""

from __future__ import annotations

import json
import statistics
from datetime import datetime

from sqlite_utils import Database

from .redesign import redesign_verdict

EXIT_CODES = {"ok": 0, "failed": 1, "site_changed": 2, "blocked": 3, "unreachable": 4, "locked": 5, "refused": 6}
MEANINGS = {
    "ok": "the archive is up to date with the site",
    "failed": "the run did not do all its work; the next run completes it",
    "site_changed": "the site's markup changed: no article could be read, or it was read only by the fallback",
    "blocked": "the site refused the crawler (403/429); try later, or slower",
    "unreachable": "the site could not be reached (network, DNS, or robots.txt)",
    "locked": "another run was using the archive",
    "refused": "the archive file was refused; nothing was written",
}

# Fields that a healthy crawl fills on nearly every article; all empty at once means the markup changed.
WATCHED_FIELDS = ("author", "section", "published_at", "dateline", "body")


def decide_status(
    stats: dict,
    finish_reason: str,
    max_errors: int = 0,
    lost: list[str] = (),
    unaccounted: int = 0,
    redesign: tuple | None = None,
    refused: Exception | None = None,
    not_recorded: Exception | None = None,
) -> tuple[str, str]:
    """A run's status and why, from everything that can decide it: the archive refused at start, the run's row
    that could not be written, its stats (``run_status``), and the redesign verdict (thresholds and the earlier
    runs' coverage) of a run that is otherwise ok."""
    if refused is not None:
        return "refused", str(refused)
    if not_recorded is not None:
        return "failed", f"the run could not be recorded ({not_recorded})"
    status, why = run_status(stats, finish_reason, max_errors, list(lost), unaccounted)
    if status == "ok" and redesign is not None:
        thresholds, earlier = redesign
        redesigned = redesign_verdict(stats, earlier, thresholds)
        if redesigned:
            return "site_changed", redesigned
    return status, why


def exit_status(stats: dict | None, record) -> str:
    """The status a finished ``scrapy crawl`` exits with: its record's, or, with no archive (``SQLITE_PATH`` empty),
    ``ok`` for a crawl that finished with no error logged."""
    if record is not None and record.status is not None:
        return record.status
    clean = stats and stats.get("finish_reason") == "finished" and not stats.get("log_count/ERROR")
    return "ok" if clean else "failed"


ROBOTS_UNREACHABLE = (
    "the site is unreachable: its robots.txt answered a server error or could not be fetched, so nothing was fetched "
    "(RFC 9309); no ban, try again later"
)


def run_status(
    stats: dict, finish_reason: str, max_errors: int, lost: list[str], unaccounted: int = 0
) -> tuple[str, str]:
    """What a run amounted to: ``ok``, ``site_changed``, ``blocked``, ``unreachable`` or ``failed``, and why."""
    responses = stats.get("response_received_count", 0)
    statuses = {
        int(k.rsplit("/", 1)[1]): v for k, v in stats.items() if k.startswith("downloader/response_status_count/")
    }
    articles = sum(stats.get(f"sqlite/articles_{k}", 0) for k in ("new", "updated", "unchanged", "kept"))
    errors = stats.get("log_count/ERROR", 0)
    if stats.get("sqlite/disk_refused"):
        return "failed", (
            f"the archive's disk refused a write ({stats['sqlite/disk_refused']}): the run stopped, "
            f"{len(lost)} item(s) not stored; free room, then run again"
        )
    if lost:
        return "failed", f"{len(lost)} item(s) lost in a pipeline: {', '.join(lost[:5])}"
    if stats.get("replay/unreadable"):
        return "failed", (
            f"{stats['replay/unreadable']} capture(s) could not be read again, their WARC files missing or damaged "
            f"({stats.get('replay/unreadable_files', '?')}): their pages were not read again; restore the files, then "
            "re-extract again"
        )
    if finish_reason == "warc_failed":
        return "failed", f"the WARC files could not be written ({stats.get('warc/failure', '?')}): the run stopped"
    if finish_reason == "blocked":
        return "blocked", "the site kept answering 403/429, even after a pause"
    if stats.get("robotstxt/disallow_all"):  # the site's fault, not a ban: a robots.txt it could not serve
        return "unreachable", ROBOTS_UNREACHABLE
    if responses == 0:
        return "unreachable", "no response from the site"
    real = responses - stats.get("robotstxt/response_count", 0)
    if real <= 0 and stats.get("robotstxt/disallows_us"):
        return "blocked", (
            f"robots.txt of {stats['robotstxt/disallows_us']} disallows this crawler's User-agent: nothing was fetched"
        )
    if real <= 0:
        return "unreachable", "only robots.txt answered"
    blocked = statuses.get(403, 0) + statuses.get(429, 0)
    if blocked and blocked >= real / 2:
        return "blocked", f"{blocked} of {responses} responses were 403/429"
    # Pages still 5xx (or unreachable) after their retries, but for those that failed so in earlier runs too (six
    # pages that always answer 500 are not the site failing, however few other pages a scheduled run asks for).
    given_up = max(0, stats.get("retry/max_reached", 0) - stats.get("suarapos/known_bad_failures", 0))
    answered = sum(count for status, count in statuses.items() if status < 500)  # every response, retries too
    if given_up and given_up >= answered / 2:
        return "failed", f"{given_up} pages still failed after their retries (5xx or no answer): the site is failing"
    if finish_reason != "finished":
        return "failed", f"the run ended early ({finish_reason})"
    if unaccounted:
        return "failed", f"{unaccounted} URL(s) were scheduled but have no recorded outcome"
    if errors > max_errors:
        return "failed", f"{errors} errors logged (RUN_MAX_ERRORS is {max_errors})"
    # Pages an earlier run rejected already (asked for again on their schedule) are no news of a redesign.
    if articles == 0 and stats.get("suarapos/article_pages", 0) > stats.get("suarapos/known_bad_pages", 0):
        return "site_changed", "article pages were fetched but none could be read"
    if stats.get("suarapos/listing_pages", 0) and not stats.get("suarapos/listed_articles", 0):
        return "site_changed", "listing pages were fetched but list no article"
    # Listings that list only stored articles (an unchanged site, a backfill of a complete archive) are no alarm.
    return "ok", ""


def compare_with_earlier(db: Database, run: dict, started_at: str) -> list[str]:
    """Warnings for a run that looks unlike the last successful runs of the same mode."""
    warnings = []
    earlier = list(
        db.query(
            "SELECT articles_new + articles_updated + articles_unchanged AS parsed FROM crawl_runs "
            "WHERE status = 'ok' AND mode = ? AND started_at < ? AND was_incremental = ? ORDER BY id DESC LIMIT 5",
            [run["mode"], started_at, run["was_incremental"]],
        )
    )
    parsed = run["articles_new"] + run["articles_updated"] + run["articles_unchanged"]
    if len(earlier) >= 2:
        usual = statistics.median(r["parsed"] for r in earlier)
        if usual >= 10 and parsed < usual / 4:
            warnings.append(f"{parsed} articles parsed, far below the usual {usual:g}")
    fresh = list(
        db.query(
            "SELECT " + ", ".join(f"SUM(COALESCE({f}, '') = '') AS {f}" for f in WATCHED_FIELDS) + ", COUNT(*) AS n "
            "FROM articles WHERE last_seen_at >= ?",
            [started_at],
        )
    )[0]
    if fresh["n"] >= 10:
        before = list(
            db.query(
                "SELECT "
                + ", ".join(f"SUM(COALESCE({f}, '') = '') AS {f}" for f in WATCHED_FIELDS)
                + ", COUNT(*) AS n "
                "FROM articles WHERE last_seen_at < ?",
                [started_at],
            )
        )[0]
        for f in WATCHED_FIELDS:
            if fresh[f] == fresh["n"] and before["n"] and (before[f] or 0) < before["n"] / 2:
                warnings.append(f"field {f} is empty on all {fresh['n']} articles of this run")
    return warnings


def to_jsonable(value):
    return value.isoformat() if isinstance(value, datetime) else value


def run_values(
    stats: dict, finish_reason: str, status: str, why: str, lost: list[str], was_incremental: int, finished_at: str
) -> dict:
    """The ``crawl_runs`` columns of a finished run, from its Scrapy stats."""
    return {
        "finished_at": finished_at,
        "finish_reason": finish_reason,
        "status": status,
        "status_reason": why,
        "requests": stats.get("downloader/request_count", 0),
        "responses_by_status": json.dumps(
            {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("downloader/response_status_count/")}
        ),
        "articles_new": stats.get("sqlite/articles_new", 0) - stats.get("sqlite/articles_demoted", 0),
        "articles_updated": stats.get("sqlite/articles_updated", 0),
        "articles_unchanged": stats.get("sqlite/articles_unchanged", 0),
        "rejected": stats.get("sqlite/rejects", 0),
        "duplicates": stats.get("sqlite/duplicates", 0),
        "listing_pages": stats.get("suarapos/listing_pages", 0),
        "pages_per_section": json.dumps(
            {k[len("suarapos/pages/") :]: v for k, v in stats.items() if k.startswith("suarapos/pages/")},
            sort_keys=True,
        ),
        "errors": stats.get("log_count/ERROR", 0),
        "lost_items": json.dumps(lost),
        "was_incremental": was_incremental,
    }


def stats_json(stats: dict) -> str:
    return json.dumps({k: to_jsonable(v) for k, v in stats.items()}, ensure_ascii=False, sort_keys=True)
