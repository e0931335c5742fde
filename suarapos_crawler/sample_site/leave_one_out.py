"""Leave one out: each theme of the zoo met by a crawler that knows only the site's own (tagDiv Newspaper).

For every theme: day 1 of the sample in Newspaper is crawled once; then, on a copy of that archive, the redesign day
in the theme (is every new article stored, is the run flagged, is any day-1 article changed); then a first crawl of
the redesigned site into an empty archive, which finds its articles through the listings alone (a first run reads
no sitemap), to score every article's reading against the truth. Real crawls of a real server, as the fault matrix
runs them; ``tests/e2e/test_unknown_themes.py`` asserts the figures, docs/operations.md shows the table.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from .faultmatrix import crawl, in_shares
from .process import SampleSiteProcess
from .score import score_database, token_f1
from .server import THEMES

# The crawler of the release before any theme of the zoo was known: it knows tagDiv Newspaper alone.
KNOWS_ONLY_NEWSPAPER = ("-s", "EXTRACTION_THEMES=newspaper")
# Themes added after the generic reading was written, and measured as they came: never tuned to. Once a change to
# the reading is made for one of them, it joins the zoo, and a theme no one has looked at yet takes its place.
HELD_OUT: tuple[str, ...] = ()
ZOO = tuple(theme for theme in THEMES if theme != "newspaper" and theme not in HELD_OUT)
NOW = "2026-11-29T14:00:00+07:00"
BODY_F1 = 0.9
# The fields a learned profile must read as the truth says.
CHECKED = ("missing", "title", "published_at", "author", "section", "dateline", "body")


@dataclass
class ThemeResult:
    theme: str
    new: int = 0
    new_stored: int = 0
    flagged: bool = False
    flag_reason: str = ""
    day1_changed: list[str] = field(default_factory=list)
    expected: int = 0
    found_by_listings: int = 0
    rates: dict[str, float] = field(default_factory=dict)
    bodies_ok: float = 0.0
    furniture_hits: list = field(default_factory=list)
    learned: bool = False
    learned_right: int = 0  # of the redesign day's new articles, read right (every field) with the learned profile
    fallback_after: int = -1  # articles still read by the fallback after the re-extraction with it
    next_status: str = ""

    def row(self) -> str:
        r = self.rates
        return (
            f"| {self.theme} | {self.new_stored} of {self.new} | {self.found_by_listings} of {self.expected} | "
            f"{r['title']:.0%} | {r['published_at']:.0%} | {r['section']:.0%} | {r['author']:.0%} | "
            f"{self.bodies_ok:.0%} | {len(self.furniture_hits)} | {'yes' if self.flagged else 'NO'} | "
            f"{len(self.day1_changed)} | {self.learned_right} of {self.new} | {self.fallback_after} | "
            f"{self.next_status or '-'} |"
        )


def rows(db_path: Path) -> dict[str, tuple]:
    return {
        r["url"]: tuple(r.values())
        for r in Database(db_path).query("SELECT url, title, published_at, author, section, tags, body FROM articles")
    }


def redesign_day(result: ThemeResult, workdir: Path, day1_db: Path, port: int, articles: int) -> None:
    """Day 2 in the theme, crawled incrementally into a copy of the day-1 archive; then the theme learned from
    that day's captures, the captures read again with it, and the next run."""
    db = workdir / f"{result.theme}-redesign.db"
    shutil.copy(day1_db, db)
    before = rows(db)
    truth_path = workdir / f"{result.theme}-day2.json"
    with SampleSiteProcess(
        articles=articles, day=2, now=NOW, port=port, theme=result.theme, redesign_day=2, truth=truth_path
    ) as site:
        crawl(site.base_url, db, *KNOWS_ONLY_NEWSPAPER)
        run = next(Database(db).query("SELECT status, status_reason FROM crawl_runs ORDER BY id DESC LIMIT 1"))
        after = rows(db)
        learn_and_read_again(result, workdir, db)
        crawl(site.base_url, db, *KNOWS_ONLY_NEWSPAPER, "-s", f"THEMES_DIR={workdir / result.theme}")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    new = {a["url"] for a in truth["articles"] if a["day"] == 2 and not a["duplicate_of"]}
    corrected = {a["url"] for a in truth["articles"] if "corrected_on_day_2" in a["traps"]}
    result.new, result.new_stored = len(new), len(new & set(after))
    result.flagged = run["status"] == "site_changed"
    result.flag_reason = run["status_reason"] or ""
    result.day1_changed = sorted(url for url, row in before.items() if url not in corrected and after.get(url) != row)
    archive = Database(db)
    result.next_status = next(archive.query("SELECT status FROM crawl_runs ORDER BY id DESC LIMIT 1"))["status"]
    result.fallback_after = archive.execute("SELECT COUNT(*) FROM articles WHERE extracted_by = 'fallback'").fetchone()[
        0
    ]
    result.learned_right = read_right(archive, [a for a in truth["articles"] if a["url"] in new], truth, result.theme)


def learn_and_read_again(result: ThemeResult, workdir: Path, db: Path) -> None:
    """``scrapy themes learn`` on the archive's fallback articles, then ``scrapy reextract`` with the profile."""
    themes_dir = workdir / result.theme
    scrapy = [sys.executable, "-m", "scrapy.cmdline"]
    learned = subprocess.run(
        [*scrapy, "themes", "learn", result.theme, "--db", str(db), "--out", str(themes_dir)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # a shipped theme (ColorMag) is known already: there is nothing to learn, and the command says so
    result.learned = learned.returncode == 0 and (
        (themes_dir / f"{result.theme}.yml").exists() or "nothing to learn" in learned.stdout
    )
    subprocess.run(
        [*scrapy, "reextract", "--db", str(db), "-s", f"THEMES_DIR={themes_dir}", "-s", "LOG_LEVEL=ERROR"],
        capture_output=True,
        text=True,
        timeout=600,
    )


def read_right(archive: Database, articles: list[dict], truth: dict, theme: str) -> int:
    """How many of ``articles`` are stored read by ``theme``'s profile with every field the page shows as the truth
    says (the tags aside: a theme may print none)."""
    score = score_database(archive, {**truth, "articles": articles})
    wrong = {url for name in CHECKED for url in score.misses.get(name, [])}
    read_by = {r["url"] for r in archive.query("SELECT url FROM articles WHERE extracted_by = ?", [theme])}
    return sum(a["url"] in read_by and a["url"] not in wrong for a in articles)


def first_crawl(result: ThemeResult, workdir: Path, port: int, articles: int) -> None:
    """The redesigned site crawled into an empty archive (listings only), every article scored."""
    db = workdir / f"{result.theme}-fresh.db"
    truth_path = workdir / f"{result.theme}-fresh.json"
    with SampleSiteProcess(
        articles=articles, day=2, now=NOW, port=port, theme=result.theme, redesign_day=1, truth=truth_path
    ) as site:
        crawl(site.base_url, db, *KNOWS_ONLY_NEWSPAPER)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    archive = Database(db)
    score = score_database(archive, truth)
    result.expected, result.found_by_listings = score.expected, score.found
    result.rates = {f: score.field_rate(f) for f in ("title", "published_at", "section", "author")}
    bodies = {r["url"]: r["body"] or "" for r in archive.query("SELECT url, body FROM articles")}
    expected = [a for a in truth["articles"] if not a["duplicate_of"] and not a["faults"]]
    result.bodies_ok = sum(token_f1(bodies.get(a["url"], ""), a["body"]) >= BODY_F1 for a in expected) / len(expected)
    result.furniture_hits = score.boilerplate_hits


def run_zoo(
    themes: list[str] | None = None, articles: int = 480, cwd: Path | None = None, workers: int | None = None
) -> list[ThemeResult]:
    """Every theme of the zoo (or those named), ``workers`` at a time (default: as many as the cores, at most 2; each
    a day-1 archive and a sample site of its own), in the order named."""
    return in_shares(themes or list(ZOO), lambda share: run_share(share, articles, cwd), workers)


def run_share(themes: list[str], articles: int, cwd: Path | None) -> list[ThemeResult]:
    workdir = Path(tempfile.mkdtemp(prefix="zoo-"))
    try:
        day1_db = workdir / "day1.db"
        with SampleSiteProcess(articles=articles, now=NOW) as day1:
            port = int(day1.base_url.rsplit(":", 1)[1])
            crawl(day1.base_url, day1_db, *KNOWS_ONLY_NEWSPAPER, cwd=cwd)
        results = []
        for theme in themes:
            result = ThemeResult(theme)
            redesign_day(result, workdir, day1_db, port, articles)
            first_crawl(result, workdir, port, articles)
            results.append(result)
        return results
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def report(results: list[ThemeResult]) -> str:
    lines = [
        "| theme | new articles stored (redesign day) | articles found by the listings (first crawl) | title | "
        "date | section | author | body F1 ≥ 0.9 | furniture in bodies | run flagged | day-1 articles changed | "
        "new articles read right by the learned profile | fallback after reextract | next run |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|",
        *(r.row() for r in results),
    ]
    return "\n".join(lines)
