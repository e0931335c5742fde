"""The fault matrix: every fault of the sample site, crawled for real, and whether anything was lost.

For each fault: a fresh crawl of a site with the fault (the ledger must account
for every URL, every reachable article must be stored, every other one recorded
with a reason, and the exit code must not be 0 if data was lost), then a
refresh of a clean archive of the same site with the fault (no stored article
may get worse).  ``scrapy fault-report`` prints the table; the tests assert it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from ..clock import parse_iso
from . import FAULTS
from .process import SampleSiteProcess, crawl_command
from .score import UNREACHABLE_FAULTS, score_database, token_f1
from .server import HOSTILE_MENU

# Faults after which the run as a whole cannot succeed, and must say so.
RUN_FAILS = {"forbidden": "blocked", "robots_5xx": "unreachable", "robots_disallows_us": "blocked"}
TRIED = {
    "retry_503": "503 with Retry-After once, then 200",
    "slow": "the answer takes 3 s",
    "drop": "connection cut mid-body once",
    "truncated": "HTML cut mid-body, every time",
    "oversized": "a 12 MiB page",
    "redirect_loop": "A -> A/amp/ -> A",
    "charset": "UTF-8 sent as ISO-8859-1",
    "forbidden": "every page 403",
    "malformed": "closing </p> and </div> removed",
    "deep_nesting": "text inside 5,000 nested <div>s",
    "soft_404": "404 page with status 200",
    "no_date": "no date anywhere",
    "no_title": "no title anywhere",
    "hostile": "<script> and SQL in title and text",
    "odd_urls": "links with ../ and a 3,000-char path",
    "robots_5xx": "robots.txt answers 503",
    "canonical_home": "every canonical is the home page",
    "canonical_other": "canonical names another article",
    "garbage_copy": "a cookie wall as long as the text",
    "long_slug": "a 300-character non-ASCII slug",
    "deep_jsonld": "JSON-LD nested 100,000 deep",
    "year_9999": "JSON-LD dates 9999 and 0001",
    "poison_500": "six articles always 500",
    "offsite_redirect": "a menu item redirects off the site",
    "query_pagination": "?hal=N pagination without end",
    "huge_listing": "12,000 unclosed listing blocks",
    "image_page": "a JPEG at an article's URL",
    "control_chars": "\\x08, \\x1b, \\x01 in title and author",
    "cp1252": "windows-1252 quotes in a UTF-8 page",
    "utf16": "a page in UTF-16",
    "menu_bounce": "a menu section redirects to itself by another spelling",
    "lastmod_now": "every lastmod is the time of the request",
    "sitemap_flood": "2,000 more post sitemaps, dated now",
    "robots_crawl_delay": "robots.txt: Crawl-delay 0.25",
    "robots_huge": "a 9 MB robots.txt",
    "robots_disallows_us": "robots.txt disallows our User-agent",
    "slug_change": "an old slug answers 301 to a new one",
    "slug_retitled": "title corrected, slug made from it",
    "takedown": "three posts deleted: 410, 404, soft 404",
    "sitemap_spam": "20,000 dead URLs in each post sitemap",
    "invisible_chars": "a soft hyphen, word joiner or direction mark inside words",
    "featured_block": "5 older posts pinned above every section's list",
    "no_sitemap": "the sitemaps answer 404",
    "section_burst": "30 new articles in one section in half an hour",
    "post_id_reuse": "a reinstall gives stored posts' IDs to new ones",
    "view_counter": "a view counter inside the content, +1 every request",
    "comments_in_content": "comments printed inside the content",
    "table_in_body": "a data table in the text",
}
# Faults of what happens to stored articles later: what the refresh of the clean archive did is what is said.
LATER = ("slug_change", "slug_retitled", "takedown", "sitemap_spam", "post_id_reuse", "view_counter")

# What a menu fault's ledger entries mean, said beside them.
MEANING = {
    "offsite_redirect": "its target: offsite",
    "query_pagination": "the second repeats the first: paging stops",
    "menu_bounce": "the redirect back to it is not asked for twice",
}


@dataclass
class FaultResult:
    fault: str
    tried: str
    exit_code: int = -1
    status: str = ""
    outcome: str = ""
    unaccounted: int = 0
    missing_reachable: list[str] = field(default_factory=list)
    unrecorded_unreachable: list[str] = field(default_factory=list)
    degraded: list[str] = field(default_factory=list)
    misread: list[str] = field(default_factory=list)  # the fault's own articles, stored with another title or text
    unfollowed: list[str] = field(default_factory=list)  # moved posts not one row under their new URL, takedowns unsaid
    refresh_exit_code: int = -1

    @property
    def lost(self) -> bool:
        return bool(
            self.unaccounted
            or self.missing_reachable
            or self.unrecorded_unreachable
            or self.degraded
            or self.misread
            or self.unfollowed
        )

    @property
    def survived(self) -> bool:
        expected_status = RUN_FAILS.get(self.fault, "ok")
        exit_ok = (self.exit_code == 0) == (expected_status == "ok")
        return not self.lost and exit_ok and self.status == expected_status and "NOT KEPT" not in self.outcome

    def row(self) -> str:
        verdict = "survived" if self.survived else "FAILED"
        lost = (
            "nothing"
            if not self.lost
            else "; ".join(
                filter(
                    None,
                    [
                        f"{self.unaccounted} URLs without outcome" if self.unaccounted else "",
                        f"{len(self.missing_reachable)} reachable articles missing" if self.missing_reachable else "",
                        f"{len(self.unrecorded_unreachable)} unreachable articles unrecorded"
                        if self.unrecorded_unreachable
                        else "",
                        f"{len(self.degraded)} stored articles degraded" if self.degraded else "",
                        f"{len(self.misread)} articles stored with another title, author or text"
                        if self.misread
                        else "",
                        f"{len(self.unfollowed)} moved or deleted articles not followed" if self.unfollowed else "",
                    ],
                )
            )
        )
        return f"| {self.fault} | {self.tried} | {self.outcome} | {self.status} (exit {self.exit_code}) | {lost} | {verdict} |"


def crawl(base_url: str, db: Path, *extra: str, cwd: Path | None = None) -> int:
    quick = ("-s", "DOWNLOAD_TIMEOUT=10", "-s", "RETRYAFTER_MAX_DELAY=2", "-s", "BLOCK_PAUSE=1")
    args = crawl_command(base_url, db, *quick, *extra, log_level="ERROR")
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    ).returncode


def snapshot_bodies(db_path: Path) -> dict[str, tuple[str, str, str]]:
    db = Database(db_path)
    return {
        r["url"]: (r["title"], r["published_at"], r["body"])
        for r in db.query("SELECT url, title, published_at, body FROM articles")
    }


def what_happened(db: Database, truth: dict, fault: str) -> str:
    if fault in HOSTILE_MENU:  # a menu item: what became of its URL and of what it led to
        path = HOSTILE_MENU[fault][0]
        rows = list(
            db.query(
                "SELECT outcome, COUNT(*) AS n FROM fetches WHERE url LIKE ? GROUP BY outcome ORDER BY outcome DESC",
                [f"%{path}%"],
            )
        )
        said = ", ".join(f"{r['outcome']} ×{r['n']}" for r in rows) or "no ledger entry"
        return said + (f" ({MEANING[fault]})" if fault in MEANING else "")
    if fault == "canonical_home":
        refused = db.execute("SELECT COUNT(*) FROM rejects WHERE stage = 'canonical'").fetchone()[0]
        return f"{refused} canonicals refused, each article stored under its own URL"
    if fault == "robots_crawl_delay":
        run = next(db.query("SELECT requests, stats, started_at, finished_at FROM crawl_runs ORDER BY id DESC LIMIT 1"))
        kept = json.loads(run["stats"] or "{}").get("robotstxt/crawl_delay")
        took = (parse_iso(run["finished_at"]) - parse_iso(run["started_at"])).total_seconds()
        spaced = took >= (run["requests"] - 1) * (kept or 0) - 1  # times to the second
        return f"Crawl-delay {kept} s {'kept between requests' if spaced else 'NOT KEPT'}"
    targets = [a["url"] for a in truth["articles"] if fault in a["faults"]]
    if not targets or fault in RUN_FAILS:
        run = next(db.query("SELECT status_reason FROM crawl_runs ORDER BY id DESC LIMIT 1"))
        return re.sub(
            r"127\.0\.0\.1:\d+", "the sample site", run["status_reason"] or "crawled"
        )  # no port: the table is checked
    url = targets[0]
    ledger = next(
        db.query("SELECT outcome, detail FROM fetches WHERE url = ? ORDER BY run_id DESC LIMIT 1", [url]), None
    )
    if ledger is None:
        return "no ledger entry"
    detail = re.sub(r"https?://127\.0\.0\.1:\d+", "", ledger["detail"] or "")
    return ledger["outcome"] + (f": {detail[:70]}" if detail and not detail.startswith("/") else "")


def unfollowed(db: Database, truth: dict) -> list[str]:
    """After a refresh: the moved posts that are not one row under their new URL (the old one an alias), and the
    deleted ones not marked gone with what their URL answers."""
    out = []
    for a in truth["articles"]:
        if a["old_urls"] and set(a["faults"]) & {"slug_change", "slug_retitled"}:
            rows = [r[0] for r in db.execute("SELECT url FROM articles WHERE post_id = ?", [a["post_id"]])]
            aliased = {r[0] for r in db.execute("SELECT alias FROM url_aliases WHERE url = ?", [a["url"]])}
            if rows != [a["url"]] or not set(a["old_urls"]) <= aliased:
                out.append(a["url"])
    for gone in truth.get("taken_down", []):
        row = db.execute("SELECT gone_at, gone_status FROM articles WHERE url = ?", [gone["url"]]).fetchone()
        if row is None or row[0] is None or row[1] != gone["status"]:
            out.append(gone["url"])
    return out


def what_the_refresh_did(db: Database, truth: dict, fault: str) -> str:
    """What a refresh of the archive made of articles that moved or went since it stored them."""
    if fault == "sitemap_spam":  # a fresh crawl reads no sitemap; a run on an archive does
        said = [r[0] for r in db.execute("SELECT detail FROM fetches WHERE outcome = 'sitemap_abandoned'")]
        return "sitemap read no further: " + ("; ".join(said) or "NOT ABANDONED")  # counts of URLs: no timing in them
    if fault == "takedown":
        said = [r[0] for r in db.execute("SELECT gone_status FROM articles WHERE gone_at IS NOT NULL ORDER BY 1 DESC")]
        return f"{len(said)} kept, marked gone ({', '.join(map(str, said))})"
    if fault == "view_counter":
        return f"{db['article_versions'].count} versions after every article was fetched again"
    if fault == "post_id_reuse":
        given = [a for a in truth["articles"] if fault in a["faults"]]
        kept = [r[0] for r in db.execute("SELECT url FROM articles WHERE post_id >= 90001")]
        changed = db.execute("SELECT COUNT(*) FROM article_versions WHERE url IN (SELECT url FROM articles WHERE "
                             "post_id >= 90001)").fetchone()[0]  # fmt: skip
        stored = sum(bool(db["articles"].count_where("url = ?", [a["url"]])) for a in given)
        return f"{stored} of {len(given)} new stored; {len(kept)} old kept, {changed} overwritten"
    moved = next(a for a in truth["articles"] if fault in a["faults"])
    rows = db.execute("SELECT COUNT(*) FROM articles WHERE post_id = ?", [moved["post_id"]]).fetchone()[0]
    versions = db.execute("SELECT COUNT(*) FROM article_versions WHERE url = ?", [moved["url"]]).fetchone()[0]
    under = "its new URL" if db["articles"].count_where("url = ?", [moved["url"]]) else "its OLD URL"
    return f"{rows} row under {under}, the old an alias; {versions} version"


def misread(db: Database, truth: dict, fault: str) -> list[str]:
    """The articles that carry the fault, stored, whose title, author or text is not the true one to the character
    (a U+FFFD for a quote, a control character kept, a dash lost: a word score would not see them)."""
    rows = {r["url"]: r for r in db.query("SELECT url, title, author, body FROM articles")}
    return [
        a["url"]
        for a in truth["articles"]
        if fault in a["faults"]
        and a["url"] in rows
        and (rows[a["url"]]["title"], rows[a["url"]]["author"], rows[a["url"]]["body"])
        != (a["title"], a["author"], a["body"])
    ]


def run_fault(
    fault: str, workdir: Path, port: int, clean_db: Path, articles: int, now: str, cwd: Path | None = None
) -> FaultResult:
    result = FaultResult(fault, TRIED.get(fault, FAULTS[fault]))
    fresh_db, refresh_db = workdir / f"{fault}-fresh.db", workdir / f"{fault}-refresh.db"
    truth_path = workdir / f"{fault}-truth.json"
    with SampleSiteProcess(articles=articles, now=now, faults=fault, truth=truth_path, port=port) as site:
        result.exit_code = crawl(site.base_url, fresh_db, cwd=cwd)
        shutil.copy(clean_db, refresh_db)
        result.refresh_exit_code = crawl(site.base_url, refresh_db, "-a", "mode=refresh", cwd=cwd)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    db = Database(fresh_db)
    run = next(db.query("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1"))
    result.status = run["status"]
    result.unaccounted = db.execute("SELECT COUNT(*) FROM fetches WHERE outcome IN ('lost', 'not_fetched')").fetchone()[
        0
    ]
    result.outcome = what_happened(db, truth, fault)
    if fault not in RUN_FAILS:
        score = score_database(db, truth)
        result.missing_reachable = score.misses.get("missing", [])
        recorded = {r[0] for r in db.execute("SELECT url FROM rejects")}
        result.misread = misread(db, truth, fault)
        result.unrecorded_unreachable = [
            a["url"] for a in truth["articles"] if set(a["faults"]) & UNREACHABLE_FAULTS and a["url"] not in recorded
        ]
    if fault in LATER:
        refreshed = Database(refresh_db)
        result.unfollowed = unfollowed(refreshed, truth)
        result.outcome = what_the_refresh_did(refreshed, truth, fault)
    # A refresh under the fault must leave every stored article as good as it was (where it moved, at its new URL).
    before, after = snapshot_bodies(clean_db), snapshot_bodies(refresh_db)
    moved_to = {r[0]: r[1] for r in Database(refresh_db).execute("SELECT alias, url FROM url_aliases")}
    # (A title and a date still, its text not shorter, nor another text: a cookie wall, another post's, the
    # page's comments and footer taken into it. A changed title may be the site's own correction.)
    for url, (_title, _published, body) in before.items():
        now_title, now_published, now_body = after.get(url) or after.get(moved_to.get(url, ""), ("", "", ""))
        if not now_title or not now_published or len(now_body) < len(body) * 0.9 or token_f1(now_body, body) < 0.9:
            result.degraded.append(url)
    return result


def run_matrix(
    faults: list[str] | None = None,
    articles: int = 60,
    now: str = "2026-11-29T14:00:00+07:00",
    cwd: Path | None = None,
    workers: int | None = None,
) -> list[FaultResult]:
    """Every fault (or those named), ``workers`` at a time (default: as many as the cores, at most 2; each a crawl
    and a sample site of its own), in the order named."""
    return in_shares(faults or list(FAULTS), lambda share: run_share(share, articles, now, cwd), workers)


def in_shares(names: list[str], run, workers: int | None = None) -> list:
    """``run(share)`` for ``names`` dealt into ``workers`` shares run side by side (default: as many as the cores, at
    most 2: each share a crawl and a sample site of its own at a time), its results one a name, in the order of
    ``names``."""
    workers = max(1, min(workers or min(os.cpu_count() or 1, 2), len(names)))
    with ThreadPoolExecutor(workers) as pool:
        done = list(pool.map(run, [names[i::workers] for i in range(workers)]))
    return [done[i % workers][i // workers] for i in range(len(names))]


def run_share(faults: list[str], articles: int, now: str, cwd: Path | None) -> list[FaultResult]:
    """Faults one after the other, each refresh starting from one clean archive of their own site's port."""
    workdir = Path(tempfile.mkdtemp(prefix="faults-"))
    try:
        clean_db = workdir / "clean.db"
        with SampleSiteProcess(articles=articles, now=now) as clean:  # the archive each refresh starts from
            port = int(clean.base_url.rsplit(":", 1)[1])
            crawl(clean.base_url, clean_db, cwd=cwd)
        return [run_fault(f, workdir, port, clean_db, articles, now, cwd=cwd) for f in faults]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def report(results: list[FaultResult]) -> str:
    lines = [
        "| fault | what was tried | what the crawler did | run status | lost | verdict |",
        "|---|---|---|---|---|---|",
        *(r.row() for r in results),
    ]
    survived = sum(r.survived for r in results)
    lines.append("")
    lines.append(f"{survived} of {len(results)} faults survived with nothing lost")
    return "\n".join(lines)
