"""``scrapy fault-report``: run the whole fault matrix against the sample site and print what happened."""

from __future__ import annotations

from pathlib import Path

from scrapy.commands import ScrapyCommand


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[--faults a,b] [--articles N] [--write docs/reliability.md]"

    def short_desc(self) -> str:
        return "Crawl the sample site under every fault and report, for each, whether anything was lost"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        from ..sample_site import FAULTS

        parser.add_argument("--faults", default="", help=f"faults to run (default all: {','.join(FAULTS)})")
        parser.add_argument("--articles", type=int, default=60)
        parser.add_argument(
            "--write", default="", help="also put the report in this page's <!-- fault-report --> block"
        )

    def run(self, args: list[str], opts) -> None:
        from ..sample_site.faultmatrix import report, run_matrix  # here, not at start-up: Scrapy imports every command

        faults = [f for f in opts.faults.split(",") if f] or None
        results = run_matrix(faults, opts.articles)
        print(report(results))
        if opts.write:
            from .project.docs import with_block

            page = Path(opts.write)
            page.write_text(with_block(page.read_text(encoding="utf-8"), "fault-report", report(results)), "utf-8")
        self.exitcode = 0 if all(r.survived for r in results) else 1
