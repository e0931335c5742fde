"""``scrapy themes``: the themes the page classes know, and a new one learned from the archive's own captures.

    scrapy themes list [--db FILE]            the profiles (shipped and THEMES_DIR's); with --db, what read the articles
    scrapy themes learn NAME [--db FILE]      a profile of the theme the fallback articles are printed in, from their
                                              captures (no request), with how well it agrees; written to THEMES_DIR

After a redesign the new theme's articles are read by the generic reading (``extracted_by`` = ``fallback``). ``learn``
reads their captures, derives where the theme prints each part (``pages/learn.py``) and writes it as a YAML profile
an operator reviews; ``scrapy reextract`` then reads those captures again with it, and the next run is ``ok``.
"""

from __future__ import annotations

import sqlite3
import sys
import zlib
from pathlib import Path

import yaml
from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from sqlite_utils import Database

from ...paths import project_file
from ...run.status import EXIT_CODES

FALLBACK_ARTICLES = (
    "SELECT a.url, c.* FROM articles a JOIN captures c ON c.id = a.capture_id WHERE a.extracted_by = 'fallback' "
    "ORDER BY a.last_seen_at DESC LIMIT ?"
)


def read_archive(path: Path) -> Database:
    if not path.is_file():
        raise UsageError(f"no archive at {path}", print_help=False)
    return Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "list [--db FILE] | learn NAME [--db FILE] [--pages N] [--out DIR]"

    def short_desc(self) -> str:
        return "List the themes the page classes know; learn a new one from the archive's captures"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--db", default=None, help="the archive (default: SQLITE_PATH)")
        parser.add_argument("--pages", type=int, default=60, help="fallback articles to learn from (the newest)")
        parser.add_argument("--out", default=None, help="where to write the profile (default: THEMES_DIR)")

    def run(self, args: list[str], opts) -> None:
        if not args or args[0] not in ("list", "learn") or (args[0] == "learn") != (len(args) == 2):
            raise UsageError("give: list, or learn NAME")
        try:
            if args[0] == "list":
                self.list(opts)
            else:
                self.learn(args[1], opts)
        except (sqlite3.Error, OSError) as exc:
            print(f"suarapos-crawler: {exc}", file=sys.stderr)
            self.exitcode = EXIT_CODES["failed"]

    def themes_dir(self, opts) -> Path:
        return Path(opts.out or project_file(self.settings.get("THEMES_DIR")))

    def list(self, opts) -> None:
        from ...pages.themes import TEMPLATES, ProfileError, load_profiles

        try:
            learned = load_profiles(self.themes_dir(opts))
        except ProfileError as exc:
            raise UsageError(str(exc), print_help=False) from exc
        for markup in TEMPLATES:
            print(f"{markup.theme:20} shipped   content {markup.content}")
        for markup in learned:
            print(f"{markup.theme:20} learned   content {markup.content}   ({self.themes_dir(opts)})")
        if opts.db or self.settings.get("SQLITE_PATH"):
            path = Path(opts.db or self.settings.get("SQLITE_PATH"))
            if path.is_file():
                db = read_archive(path)
                counts = db.execute("SELECT extracted_by, COUNT(*) FROM articles GROUP BY 1 ORDER BY 2 DESC").fetchall()
                print("articles read by: " + ", ".join(f"{name} {n:,}" for name, n in counts))

    def learn(self, name: str, opts) -> None:
        from ...pages.learn import learn
        from ...warc.replay import captured_page
        from .reextract import crawled_base_url

        path = Path(opts.db or self.settings.get("SQLITE_PATH"))
        db = read_archive(path)
        pages = []
        for row in db.query(FALLBACK_ARTICLES, [opts.pages]):
            try:
                response = captured_page(db, path.parent, row, self.settings.getint("DOWNLOAD_MAXSIZE"))
            except (OSError, ValueError, StopIteration, zlib.error) as exc:
                print(
                    f"suarapos-crawler: the capture of {row['url']} cannot be read ({exc}): left out", file=sys.stderr
                )
                continue
            date = (response.headers.get(b"Date") or b"").decode("latin-1") or None
            pages.append((row["url"], response.text, date))
        if len(pages) < 3:
            print(
                f"suarapos-crawler: {len(pages)} captured article(s) read by the fallback: too few to learn a theme from (3 at least)",
                file=sys.stderr,
            )
            self.exitcode = EXIT_CODES["failed"]
            return
        learned = learn(name, pages, crawled_base_url(path) or "")
        if learned.known and not learned.pages:
            known = ", ".join(f"{theme} ({n} pages)" for theme, n in learned.known.most_common())
            print(
                f"nothing to learn: these pages are printed in a theme the page classes know ({known}); "
                f"scrapy reextract --db {path} reads them with it"
            )
            return
        self.report(learned)
        if not learned.agreement:
            print(
                f"suarapos-crawler: no profile written: the pages did not show {name}'s content, headline, date and author in one way",
                file=sys.stderr,
            )
            self.exitcode = EXIT_CODES["failed"]
            return
        self.write(name, learned, opts)

    def report(self, learned) -> None:
        print(f"learned from {learned.pages} pages read by the fallback; the profile's reading agrees with theirs on:")
        for field, share in learned.agreement.items():
            print(f"  {field:14} {share:6.0%}")

    def write(self, name: str, learned, opts) -> None:
        folder = self.themes_dir(opts)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{name}.yml"
        agreed = ", ".join(f"{field} {share:.0%}" for field, share in learned.agreement.items())
        header = (
            f"# The theme {name}, learned by `scrapy themes learn` from {learned.pages} pages of the archive that the\n"
            f"# generic reading read. Its reading agreed with theirs on: {agreed}.\n"
            "# Review it (CSS selectors: tags, .classes, #ids, descendant and > child combinators), then run\n"
            "# `scrapy reextract` to read those articles again with it. Delete the file to forget the theme.\n"
        )
        target.write_text(
            header + yaml.safe_dump({**learned.profile, "order": 50}, sort_keys=False, allow_unicode=True),
            encoding="utf-8",
        )
        print(
            f"profile written to {target}; next: review it, then scrapy reextract --db {opts.db or self.settings.get('SQLITE_PATH')}"
        )
