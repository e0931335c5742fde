"""Run the sample site in a child process: for the demo, the tests and the benchmark."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


class SampleSiteProcess:
    """``scrapy sample-site --port 0 ...`` in a subprocess; ``base_url`` once it listens. A context manager."""

    def __init__(
        self,
        *,
        articles: int = 60,
        day: int = 1,
        now: str | None = None,
        faults: str = "",
        truth: str | Path | None = None,
        port: int = 0,
        seed: int = 8,
        gzip: bool = False,
        request_log: str | Path | None = None,
        theme: str = "newspaper",
        redesign_day: int = 1,
        speech: str = "seen",
    ):
        self.args = [
            sys.executable,
            "-m",
            "scrapy.cmdline",
            "sample-site",
            "--port",
            str(port),
            "--articles",
            str(articles),
            "--day",
            str(day),
            "--seed",
            str(seed),
        ]
        if now:
            self.args += ["--now", now]
        if faults:
            self.args += ["--faults", faults]
        if truth:
            self.args += ["--truth", str(truth)]
        if gzip:
            self.args.append("--gzip")
        if request_log:
            self.args += ["--request-log", str(request_log)]
        if speech != "seen":
            self.args += ["--speech", speech]
        if theme != "newspaper":
            self.args += ["--theme", theme, "--redesign-day", str(redesign_day)]
        self.proc: subprocess.Popen | None = None
        self.base_url = ""

    def start(self, timeout: float = 120) -> SampleSiteProcess:
        self.proc = subprocess.Popen(
            self.args,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        line = self.proc.stdout.readline()
        if " at http" not in line:
            self.stop()
            raise RuntimeError(f"sample site did not start: {line!r} {self.proc.stderr.read()[-2000:]}")
        self.base_url = line.rsplit(" at ", 1)[1].strip().rstrip("/")
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __enter__(self) -> SampleSiteProcess:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def crawl_command(base_url: str, db_path: str | Path, *extra: str, log_level: str = "INFO") -> list[str]:
    """The ``scrapy crawl suarapos`` of a copy of the site into an archive, as a child process runs it
    (the demo, the fault matrix, the benchmark and the end-to-end tests all crawl the sample this way)."""
    return [sys.executable, "-m", "scrapy.cmdline", "crawl", "suarapos", "-a", f"base_url={base_url}",
            "-s", f"SQLITE_PATH={db_path}", "-s", f"LOG_LEVEL={log_level}", *extra]  # fmt: skip
