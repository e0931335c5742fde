"""``scrapy docs``: the generated parts of ``docs/``, written from their one source, or checked (``--check``).

A generated part sits between ``<!-- NAME -->`` and ``<!-- /NAME -->`` in a page of ``docs/``; nothing between the
markers is written by hand:

- ``exit-codes`` (operations.md): the exit codes and their meanings, from ``run/status.py``;
- ``benchmark`` (performance.md): the latest benchmark's tables, from ``benchmarks/results/results.md`` (written by
  ``python -m benchmarks.run``);
- ``scale`` (performance.md): the pages timed on archives of 100,000 and 1,000,000 articles, from
  ``benchmarks/results/scale.md`` (written by ``python -m benchmarks.scale``);
- ``fault-report`` (reliability.md): the fault matrix's report, written by ``scrapy fault-report --write`` and
  checked by ``tests/e2e/test_reliability.py``, which runs the matrix.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand

from ...paths import project_root


def marker(name: str) -> re.Pattern:
    return re.compile(rf"(<!-- {re.escape(name)} -->\n)(.*?)(<!-- /{re.escape(name)} -->)", re.S)


def block(text: str, name: str) -> str:
    """What a page holds between the markers of ``name``. Raises ``LookupError`` if it has no such markers."""
    found = marker(name).search(text)
    if found is None:
        raise LookupError(f"no <!-- {name} --> block")
    return found.group(2)


def with_block(text: str, name: str, content: str) -> str:
    """The page with ``content`` between the markers of ``name``."""
    block(text, name)  # there must be one
    content = content if content.endswith("\n") or not content else content + "\n"
    return marker(name).sub(lambda m: m.group(1) + content + m.group(3), text, count=1)


def exit_codes_table() -> str:
    from ...run.status import EXIT_CODES, MEANINGS

    rows = [f"| {code} | `{status}` | {MEANINGS[status]} |" for status, code in EXIT_CODES.items()]
    return "\n".join(["| exit | status | meaning |", "|---:|---|---|", *rows]) + "\n"


def benchmark_tables(root: Path) -> str:
    text = (root / "benchmarks" / "results" / "results.md").read_text(encoding="utf-8")
    # the chart's path as seen from docs/
    return text.replace("](benchmarks/results/", "](../benchmarks/results/").rstrip("\n") + "\n"


def scale_tables(root: Path) -> str:
    return (root / "benchmarks" / "results" / "scale.md").read_text(encoding="utf-8").rstrip("\n") + "\n"


def generated(root: Path) -> dict[tuple[str, str], str]:
    """(page, block) -> what it must hold, for every part made from a source in the tree."""
    return {
        ("operations.md", "exit-codes"): exit_codes_table(),
        ("performance.md", "benchmark"): benchmark_tables(root),
        ("performance.md", "scale"): scale_tables(root),
    }


def drifted(root: Path) -> list[str]:
    """The generated parts of docs/ that do not hold what their source says."""
    found = []
    for (page, name), content in generated(root).items():
        text = (root / "docs" / page).read_text(encoding="utf-8")
        if block(text, name) != content:
            found.append(f"docs/{page}: <!-- {name} -->")
    return found


def write(root: Path, page: str, name: str, content: str) -> None:
    path = root / "docs" / page
    path.write_text(with_block(path.read_text(encoding="utf-8"), name, content), encoding="utf-8")


class Command(ScrapyCommand):
    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[--check]"

    def short_desc(self) -> str:
        return "Write the generated parts of docs/ from their sources (--check: say which have drifted)"

    def add_options(self, parser) -> None:
        super().add_options(parser)
        parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a part has drifted")

    def run(self, args: list[str], opts) -> None:
        root = project_root()
        if opts.check:
            found = drifted(root)
            for line in found:
                print(f"suarapos-crawler: drifted from its source: {line}", file=sys.stderr)
            self.exitcode = 1 if found else 0
            return
        for (page, name), content in generated(root).items():
            write(root, page, name, content)
            print(f"docs/{page}: <!-- {name} --> written")
