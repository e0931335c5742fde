"""The report's page printed to PDF by a headless Chromium, where one is installed (Debian's ``chromium``)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# A browser that reaches for no network (the machine's may be closed) and keeps no profile of the user's
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-pdf-header-footer"]  # fmt: skip


class PdfError(Exception):
    pass


def find_browser(configured: str = "") -> str | None:
    if configured:
        return shutil.which(configured) or (configured if Path(configured).is_file() else None)
    return next((found for found in map(shutil.which, BROWSERS) if found), None)


def print_to_pdf(browser: str, page: Path, pdf: Path, timeout: float = 60) -> None:
    with tempfile.TemporaryDirectory(prefix="suarapos-report-") as profile:
        try:
            done = subprocess.run(
                [browser, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.resolve().as_uri()],
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfError(f"{browser} did not print the page ({exc})") from exc
    if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        raise PdfError(f"{browser} did not print the page (exit {done.returncode}: {done.stderr.strip()[-200:]})")
