"""``scrapy captures URL``: every capture of a URL, and the page of one of them written to a file, as it was fetched."""

from __future__ import annotations

import sys
import zlib
from pathlib import Path

from scrapy.exceptions import UsageError

from ...storage.captures import captures_of
from ...warc.records import NotDecoded
from ...warc.replay import captured_page, holder_of
from ..archive_command import ArchiveCommand


class Command(ArchiveCommand):
    def syntax(self) -> str:
        return "URL [--db FILE] [--pick N] [--out FILE]"

    def short_desc(self) -> str:
        return "List the WARC captures of a URL; write the page of one of them to a file"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--pick", type=int, default=0, help="which capture to write: 1 the oldest, 0 the newest")
        parser.add_argument(
            "--out", default=None, help="write that capture's page here (decoded, as a browser shows it)"
        )

    def process_options(self, args: list[str], opts) -> None:
        if len(args) != 1:
            raise UsageError("give one URL", print_help=False)
        super().process_options([], opts)

    def run(self, args: list[str], opts) -> None:
        path = Path(self.archive_path(opts))
        db = self.read_archive(opts)
        if db is None:
            return
        found = captures_of(db, args[0])
        if not found:
            print(f"no capture of {args[0]} in {path}")
            self.exitcode = 1
            return
        print(f"{'#':>3}  {'fetched (WIB)':25}  {'status':>6}  {'kind':8}  {'file':45}  {'offset':>10}  digest")
        for i, c in enumerate(found, 1):
            print(
                f"{i:>3}  {c['fetched_at']:25}  {c['status']:>6}  {c['kind']:8}  {c['warc_file']:45}  "
                f"{c['offset']:>10}  {c['payload_digest']}"
            )
        if opts.out:
            chosen = found[opts.pick - 1] if opts.pick else found[-1]
            holder = holder_of(db, chosen) or chosen  # the file a message names
            try:
                page = captured_page(db, path.parent, chosen, self.settings.getint("DOWNLOAD_MAXSIZE")).body
            except NotDecoded as exc:  # what the crawl refused too: a bomb, a coding that lies
                print(f"suarapos-crawler: the page in {holder['warc_file']} is not written: {exc}", file=sys.stderr)
                self.exitcode = 1
                return
            except (OSError, ValueError, StopIteration, zlib.error) as exc:  # moved away, or damaged
                print(f"suarapos-crawler: the record in {holder['warc_file']} cannot be read: {exc}", file=sys.stderr)
                self.exitcode = 1
                return
            out = Path(opts.out)
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(page)
            except OSError as exc:
                print(f"suarapos-crawler: {out} cannot be written: {exc.strerror or exc}", file=sys.stderr)
                self.exitcode = 1
                return
            print(f"capture {found.index(chosen) + 1} ({chosen['fetched_at']}) written to {opts.out}", file=sys.stderr)
