"""Runs and the fetch ledger: one ``crawl_runs`` row per run, one outcome per URL and run in ``fetches``."""

from __future__ import annotations

from sqlite_utils import Database

from ..clock import now_wib
from .connection import transaction


def start_run(db: Database, spider: str, base_url: str, mode: str, started_at: str | None = None) -> int:
    """Open a ``crawl_runs`` row for a run that is starting; returns its ID."""
    with transaction(db):
        cursor = db["crawl_runs"].insert(
            {
                "started_at": started_at or now_wib(),
                "spider": spider,
                "base_url": base_url,
                "mode": mode,
                "status": "running",
            }
        )
    return cursor.last_pk


def finish_run(db: Database, run_id: int, values: dict) -> None:
    with transaction(db):
        db["crawl_runs"].update(run_id, values)


def close_stale_runs(db: Database, reason: str = "interrupted: the process was killed before it could finish") -> int:
    """Runs still marked running when a new run holds the lock were killed: say so."""
    with transaction(db):
        return db.execute(
            "UPDATE crawl_runs SET status = 'failed', status_reason = ? WHERE status = 'running'", [reason]
        ).rowcount


def save_fetch(db: Database, run_id: int | None, url: str, outcome: str, detail: str = "") -> None:
    """The ledger: one outcome per URL and run (a later outcome of the same URL replaces an earlier one)."""
    db.execute(
        "INSERT INTO fetches (run_id, url, outcome, detail) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (run_id, url) DO UPDATE SET outcome = excluded.outcome, detail = excluded.detail",
        [run_id, url, outcome, detail[:500]],
    )


def fetched_urls(db: Database, run_id: int) -> set[str]:
    return {r[0] for r in db.execute("SELECT url FROM fetches WHERE run_id = ?", [run_id])}
