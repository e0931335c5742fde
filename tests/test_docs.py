"""The docs: a short README, reference in docs/, and every generated part the same as its source."""

from __future__ import annotations

import re

import pytest

from suarapos_crawler.commands.project.docs import block, drifted, exit_codes_table, with_block
from tests.structure import ROOT

README = ROOT / "README.md"
DOCS = ROOT / "docs"


def test_the_readme_is_short_and_its_reference_lives_in_docs():
    assert README.stat().st_size < 15_000
    linked = set(re.findall(r"\]\(docs/([\w.-]+\.md)", README.read_text(encoding="utf-8")))
    assert linked == {p.name for p in DOCS.glob("*.md")}  # every page of docs/ is reachable from the README


def test_every_relative_link_of_the_docs_leads_to_a_file():
    broken = []
    for page in [README, *DOCS.glob("*.md")]:
        for target in re.findall(r"\]\((?!https?:)([^)#]+)", page.read_text(encoding="utf-8")):
            if not (page.parent / target).exists():
                broken.append(f"{page.relative_to(ROOT)} -> {target}")
    assert broken == []


def test_no_generated_part_of_the_docs_has_drifted_from_its_source():
    assert drifted(ROOT) == [], "run: scrapy docs"


def test_the_exit_codes_shown_are_the_ones_the_crawl_exits_with():
    from suarapos_crawler.run.status import EXIT_CODES

    shown = block((DOCS / "operations.md").read_text(encoding="utf-8"), "exit-codes")
    assert re.findall(r"^\| (\d) \| `(\w+)`", shown, re.M) == [(str(c), s) for s, c in EXIT_CODES.items()]


def test_a_block_is_replaced_between_its_markers_and_nowhere_else():
    page = "a\n<!-- x -->\nold\n<!-- /x -->\nb <!-- y -->\n"
    assert with_block(page, "x", "new") == "a\n<!-- x -->\nnew\n<!-- /x -->\nb <!-- y -->\n"
    with pytest.raises(LookupError):
        with_block(page, "y", "new")
    assert exit_codes_table().startswith("| exit | status | meaning |\n")
