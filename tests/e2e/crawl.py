"""Helpers of the end-to-end tests: a real `scrapy crawl` in a subprocess, against a real sample site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CRAWLED = re.compile(r"Crawled \((\d+)\) <GET ([^>]+)>")


@dataclass
class CrawlResult:
    returncode: int
    log: str

    def fetched(self) -> list[tuple[int, str]]:
        return [(int(code), url) for code, url in CRAWLED.findall(self.log)]


def run_crawl(base_url: str, db_path: Path, *extra: str, timeout: float = 600) -> CrawlResult:
    args = [sys.executable, "-m", "scrapy.cmdline", "crawl", "suarapos", "-a", f"base_url={base_url}",
            "-s", f"SQLITE_PATH={db_path}", "-s", "LOG_LEVEL=DEBUG", *extra]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})
    return CrawlResult(done.returncode, done.stdout + done.stderr)
