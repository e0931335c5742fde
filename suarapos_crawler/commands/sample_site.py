"""``scrapy sample-site``: serve the generated copy of suarapos on 127.0.0.1 until stopped."""

from __future__ import annotations

import sys

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError


class Command(ScrapyCommand):
    requires_project = False
    requires_crawler_process = False  # it runs a server, not a crawl
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "--port PORT [--articles N] [--day D] [--now ISO] [--faults NAME,...] [--truth FILE] [--theme NAME]"

    def short_desc(self) -> str:
        return "Serve the generated sample of suarapos.co.id on 127.0.0.1 (demo, tests, benchmarks)"

    def long_desc(self) -> str:
        from ..sample_site import FAULTS

        faults = "\n".join(f"  {name}: {text}" for name, text in FAULTS.items())
        return (
            "Serve a deterministic copy of suarapos.co.id with every quirk the real site shows (docs/development.md, "
            "'The sample site', lists them), and optionally write its ground truth as JSON.\n\nFaults (--faults a,b):\n"
            + faults
        )

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--port", type=int, default=8765, help="port to listen on (0: any free port)")
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--articles", type=int, default=60, help="articles on day 1 (default 60)")
        parser.add_argument("--day", type=int, default=1, help="day of the site: 2 adds articles and a correction")
        parser.add_argument("--now", default=None, help="the site's 'now' as ISO 8601 (default: this hour, WIB)")
        parser.add_argument("--faults", default="", help="comma-separated faults to inject")
        parser.add_argument("--seed", type=int, default=8, help="random seed (default 8)")
        parser.add_argument(
            "--speech",
            default="seen",
            help="the forms quotes take: seen (default), held_out (for measuring), none (as before quotes had forms)",
        )
        parser.add_argument("--truth", default=None, help="write the ground truth to this JSON file")
        parser.add_argument("--gzip", action="store_true", help="compress pages for clients that accept gzip")
        parser.add_argument("--request-log", default=None, help="append one line per request to this file")
        parser.add_argument(
            "--theme", default="newspaper", help="serve the pages in this theme: newspaper (the site's own) or colormag"
        )
        parser.add_argument(
            "--redesign-day", type=int, default=1, help="the day the site switched to --theme (earlier days: newspaper)"
        )

    def run(self, args: list[str], opts) -> None:
        from twisted.internet import reactor

        from ..sample_site import (
            listen,
            parse_now,
            site_truth,
            write_truth,
        )  # not at start-up: Scrapy imports every command

        try:
            sample, _ = listen(
                port=opts.port,
                host=opts.host,
                articles=opts.articles,
                day=opts.day,
                now=parse_now(opts.now),
                faults=opts.faults,
                seed=opts.seed,
                gzip=opts.gzip,
                request_log=open(opts.request_log, "a", encoding="utf-8") if opts.request_log else None,  # noqa: SIM115
                theme=opts.theme,
                redesign_day=opts.redesign_day,
                speech=opts.speech,
            )
        except ValueError as exc:
            raise UsageError(str(exc), print_help=False) from exc
        if opts.truth:
            write_truth(opts.truth, site_truth(sample.site, sample.base, sample.faults, sample.render))
        print(
            f"Sample site of {len(sample.site.articles)} articles (day {opts.day}, theme {sample.theme}) at {sample.base}/",
            flush=True,
        )
        sys.stdout.flush()
        reactor.run()
