"""``scrapy pickup FILE``: the archived articles that ran a press release, how much of it each reused, which
paragraphs, and what the newsroom changed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from scrapy.exceptions import UsageError

from ...enrich.pickup import Release, Reuse
from ...storage.pickup import MIN_SHARE, find_pickups
from ..archive_command import ArchiveCommand


class Command(ArchiveCommand):
    def syntax(self) -> str:
        return "FILE [--db FILE] [--json] [--min-share SHARE]"

    def short_desc(self) -> str:
        return "Find the archived articles that ran a press release (FILE: its text, - for standard input)"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--json", action="store_true", help="print a JSON list, best first")
        parser.add_argument(
            "--min-share",
            type=float,
            default=MIN_SHARE,
            help="the least share of the release an article must reuse to be listed (default %(default)s)",
        )

    def process_options(self, args: list[str], opts) -> None:
        if len(args) != 1:
            raise UsageError("give the release's text file (or - to read it from standard input)", print_help=False)
        super().process_options([], opts)

    def run(self, args: list[str], opts) -> None:
        try:
            text = sys.stdin.read() if args[0] == "-" else Path(args[0]).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self.refuse(f"{args[0]}: cannot be read as text ({getattr(exc, 'strerror', None) or exc})")
            return
        release = Release.from_text(text)
        if not release.paragraphs:
            self.refuse(f"{args[0]}: holds no text")
            return
        db = self.read_archive(opts)
        if db is None:
            return
        found = find_pickups(db, release, opts.min_share)
        if opts.json:
            print(json.dumps([as_json(row, reuse) for row, reuse in found], ensure_ascii=False, indent=1))
        else:
            print_pickups(release, found)


def as_json(row: dict, reuse: Reuse) -> dict:
    return {
        **row,
        "share": reuse.share,
        "title_kept": reuse.title_kept,
        "paragraphs": [
            {"paragraph": p.number, "share": p.share, "found_in": p.found_in, "diff": diff_text(p.changes)}
            for p in reuse.paragraphs
        ],
    }


def diff_text(changes: list[tuple[str, str]]) -> str:
    """A word diff as text: ``[-removed-]`` and ``{+added+}`` (git's --word-diff=plain)."""
    marks = {"same": "{}", "del": "[-{}-]", "ins": "{{+{}+}}"}
    return " ".join(marks[kind].format(words) for kind, words in changes)


def print_pickups(release: Release, found: list) -> None:
    named = f"“{release.title}”" if release.title else "the release"
    print(f"{named}: {len(release.paragraphs)} paragraphs, {release.words} words")
    if not found:
        print("No archived article reused it (at least a fifth of its words, in runs of five or more).")
        return
    print(f"{len(found)} archived articles reused it, best first:\n")
    for row, reuse in found:
        print(f"{reuse.share:>4.0%}  {(row['published_at'] or '')[:16].replace('T', ' ')} WIB  {row['title']}")
        print(f"      {row['url']}")
        print(f"      kind: {row['kind'] or 'news'}; title {'kept' if reuse.title_kept else 'new'}")
        kept = ", ".join(
            f"¶{p.number}"
            + (f"→¶{p.found_in}" if p.found_in != p.number else "")
            + (f" {p.share:.0%}" if p.share < 1 else "")
            for p in reuse.paragraphs
            if p.share > 0
        )
        cut = [f"¶{p.number}" for p in reuse.paragraphs if p.share == 0]
        print(f"      reused: {kept}" + (f"; cut: {', '.join(cut)}" if cut else ""))
        for p in reuse.paragraphs:
            if 0 < p.share < 1:
                print(f"      ¶{p.number} edited: {diff_text(p.changes)}")
        print()
