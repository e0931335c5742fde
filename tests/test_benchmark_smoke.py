"""The benchmark, small (1,000 articles): it runs end to end and writes its report (its timings are not judged here)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# The benchmark's own libraries install with a command of their own (docs/performance.md).
for module in ("trafilatura", "newspaper", "matplotlib"):
    pytest.importorskip(module, reason="the bench extras are not installed: pip install -e '.[bench]'")

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_produces_its_report(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--sizes", "1000", "--smoke", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads((tmp_path / "results.json").read_text())
    size = results["sizes"][0]
    assert size["articles"] == 1000 and size["full"]["exit_code"] == 0 and size["bare"]["exit_code"] == 0
    assert (
        size["full"]["requests"] > 1000 and size["bare"]["requests"] >= size["full"]["requests"] - 2
    )  # all but robots.txt
    assert size["ratio_full_over_bare"] > 0 and size["cpu_ratio_full_over_bare"] > 0
    full = size["full"]
    assert full["worker_cpu_s"] > 0 and full["peak_rss_mib"] == round(
        full["crawl_peak_rss_mib"] + full["worker_peak_rss_mib"], 1
    )
    assert full["worker_peak_rss_mib"] < full["crawl_peak_rss_mib"]  # the worker has lxml and the page classes only
    assert size["full_cold_site"]["requests"] == full["requests"]  # the URLs the bare fetch was given
    assert size["scheduled_unchanged"]["requests"] < size["full"]["requests"]
    assert size["scheduled_next_day"]["new"] > 0
    assert results["extraction"]["tools"]["suarapos_crawler"]["title"] == 1.0
    assert results["storage"]["rows_per_s"] > 0
    assert size["warc"]["bytes_per_article"] > 1000 and size["warc"]["files"] >= 1
    assert size["reextract"]["exit_code"] == 0 and size["reextract"]["stored"] == full["stored"]
    assert size["reextract"]["captures"] >= full["requests"] - 5 and size["reextract_speed_over_crawl"] > 0
    one = size["reextract_one_worker"]
    assert one["exit_code"] == 0 and one["stored"] == full["stored"] and one["workers"] == "1"
    # most captures read straight from their WARC files, the CPU of both sides counted
    assert size["reextract"]["read_from_warc"] > size["reextract"]["captures"] / 2
    assert size["reextract"]["readers_cpu_ms_per_capture"] > 0 and size["reextract"]["writer_cpu_ms_per_capture"] > 0
    assert 0 < size["reextract_ceiling"]["2_cores"] <= size["reextract_ceiling"]["16_cores"]
    assert set(results["warc_levels"]["levels"]) == {
        "zlib 1",
        "zlib 3",
        "zlib 6",
        "zlib 9",
        *(f"isal {n}" for n in range(4)),
    }
    assert (tmp_path / "results.png").stat().st_size > 10_000
    assert "full / bare" in (tmp_path / "results.md").read_text()
