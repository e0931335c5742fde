"""``scrapy demo``: serve the sample site, crawl it into ``data/demo.db``, say how to browse it."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from scrapy.commands import ScrapyCommand

# The sample site and sqlite-utils are imported when the command runs: Scrapy imports every
# command's module at start-up, and a crawl should not carry them.


class Command(ScrapyCommand):
    requires_project = False
    requires_crawler_process = False  # the crawl runs as a real `scrapy crawl` in a child process
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[--articles N] [--db PATH]"

    def short_desc(self) -> str:
        return "Serve the sample site, crawl it into SQLite, and print the Datasette command"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--articles", type=int, default=300, help="articles in the sample site (default 300)")
        parser.add_argument("--db", default="data/demo.db", help="database to write (default data/demo.db)")

    def run(self, args: list[str], opts) -> None:
        from sqlite_utils import Database

        from ..sample_site.process import SampleSiteProcess, crawl_command
        from ..sample_site.score import score_database, score_stored_quotes

        db_path = Path(opts.db)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        truth_path = Path(tempfile.mkdtemp()) / "truth.json"
        with SampleSiteProcess(articles=opts.articles, truth=truth_path) as site:
            print(f"Sample site of {opts.articles} articles at {site.base_url}/")
            crawl = crawl_command(site.base_url, db_path, log_level="WARNING")
            print("Crawling: scrapy", " ".join(crawl[3:]))
            done = subprocess.run(crawl)
        if done.returncode != 0:
            self.exitcode = done.returncode
            print(f"The crawl failed (exit code {done.returncode}).", file=sys.stderr)
            return
        db = Database(db_path)
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        score = score_database(db, truth)
        run = next(db.query("SELECT status, requests FROM crawl_runs ORDER BY id DESC LIMIT 1"))
        print(
            f"\nStored {score.stored} articles in {db_path} with {run['requests']} requests (run status: {run['status']})."
        )
        print("Against the sample's ground truth:", json.dumps(score.summary(), indent=1))
        print("Who said what, against the same truth:", json.dumps(score_stored_quotes(db, truth).summary(), indent=1))
        print(
            f"\nBrowse it with Datasette (search, facets, canned queries, the dashboard at /-/dashboards/archive):\n"
            f"    .venv/bin/scrapy browse --db {db_path}\n"
            f"then open http://127.0.0.1:8001/ (who said what: http://127.0.0.1:8001/{db_path.stem}/who_said_what?q=)"
        )
