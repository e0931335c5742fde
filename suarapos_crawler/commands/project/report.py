"""``scrapy report --week YYYY-Www | --month YYYY-MM``: a period's report to send on, as report.html (charts
inside, prints as it shows), report.xlsx (the same figures, and every article), and report.pdf where Chromium is
installed."""

from __future__ import annotations

import os
import sys
from datetime import date, timedelta
from pathlib import Path

from ...clock import now_wib
from ...report.figures import PeriodError, parse_period, report_figures, week_period
from ...report.page import render_report
from ...report.pdf import PdfError, find_browser, print_to_pdf
from ...report.workbook import write_workbook
from ...run.status import EXIT_CODES
from ..archive_command import ArchiveCommand


class Command(ArchiveCommand):
    def syntax(self) -> str:
        return "[--week YYYY-Www | --month YYYY-MM] [--db FILE] [--out DIR] [--no-pdf]"

    def short_desc(self) -> str:
        return (
            "Write a week's or a month's report (HTML, XLSX, and PDF where Chromium is installed); default: last week"
        )

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--week", default=None, help="an ISO week, e.g. 2026-W49 (Monday to Sunday, WIB)")
        parser.add_argument("--month", default=None, help="a month, e.g. 2026-12")
        parser.add_argument("--out", default=None, help="the folder to write to (default: REPORT_DIR/PERIOD)")
        parser.add_argument("--no-pdf", action="store_true", help="no PDF, even where Chromium is installed")

    def run(self, args: list[str], opts) -> None:
        try:
            if opts.week and opts.month:
                raise PeriodError("give --week or --month, not both")
            self.period = parse_period(opts.week, opts.month) if opts.week or opts.month else last_week()
        except PeriodError as exc:  # one line, as a script's log wants it, and the exit code of a usage error
            print(f"suarapos-crawler: {exc}", file=sys.stderr)
            self.exitcode = 2
            return
        db = self.read_archive(opts)
        if db is None:
            return
        figures = report_figures(db, self.period)
        out = Path(opts.out or Path(self.settings.get("REPORT_DIR")) / self.period.label)
        try:
            out.mkdir(parents=True, exist_ok=True)
            page = out / "report.html"
            write_atomically(page, lambda tmp: tmp.write_text(render_report(figures, self.archive_path(opts)), "utf-8"))
            write_atomically(out / "report.xlsx", lambda tmp: write_workbook(figures, tmp))
        except OSError as exc:
            self.refuse(f"{out}: the report cannot be written ({exc.strerror or exc})")
            return
        print(f"{self.period.label}: {figures['articles']:,} articles ({self.period.first} to {self.period.last}, WIB)")
        print(f"written: {page}, {out / 'report.xlsx'}")
        if not opts.no_pdf:
            self.write_pdf(page, out / "report.pdf")

    def write_pdf(self, page: Path, pdf: Path) -> None:
        browser = find_browser(self.settings.get("REPORT_CHROMIUM"))
        if browser is None:
            print("report.pdf not made: no Chromium found (apt-get install chromium, or set REPORT_CHROMIUM)")
            return
        try:
            write_atomically(pdf, lambda tmp: print_to_pdf(browser, page, tmp))
        except PdfError as exc:
            print(f"suarapos-crawler: report.pdf not made: {exc}", file=sys.stderr)
            self.exitcode = EXIT_CODES["failed"]
            return
        print(f"written: {pdf}")


def last_week():
    """The last whole ISO week, in WIB: the one a Monday morning's report is about."""
    today = date.fromisoformat(now_wib()[:10])
    return week_period(today - timedelta(days=7))


def write_atomically(path: Path, write) -> None:
    """``write(tmp)`` then a rename: a killed report leaves the last whole file, never half of one."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
