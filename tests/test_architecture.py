"""The house rules of the layout (docs/development.md): which folder may import which, small functions, one clock,
and every field of an article accounted for in the archive."""

from __future__ import annotations

import ast
from dataclasses import fields

import pytest

from suarapos_crawler.items import Article
from suarapos_crawler.storage.schema import ARTICLE_COLUMNS
from tests.structure import PACKAGE, ROOT, imports_between_rooms

MAX_FUNCTION_LINES = 60
MAX_ROOT_MODULES = 10

# What each room may import of ours (besides itself): the arrows the layout allows.
ALLOWED = {
    "pages": {"items", "urls", "clock"},
    "storage": {"items", "urls", "clock", "enrich"},
    "enrich": {"clock", "paths"},
    "clock": set(),
    "items": set(),
    "urls": set(),
    "paths": set(),
}

# Fields of an Article that have no column of their own in ``articles``, and where they go instead.
NOT_A_COLUMN = {
    "sections": "the article_sections table (and a JSON column of the same name)",
    "tags": "the article_tags table (and a JSON column of the same name)",
    "related": "the related_links table",
    "fetched_url": "url_aliases, when it differs from url",
    "canonical_refused": "rejects (stage canonical), when the page's canonical is not believed",
    "replaces": "duplicates: the stored later copy it names is moved there",
    "derived": "nothing: region, kind, stems and quotes made beside the page, which storage uses for its columns",
}


def test_the_package_root_holds_few_modules():
    root = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(root) <= MAX_ROOT_MODULES, root


@pytest.mark.parametrize("room", sorted(ALLOWED))
def test_each_room_imports_only_what_the_layout_allows(room):
    found = imports_between_rooms()
    assert found.get(room, set()) <= ALLOWED[room], f"{room} imports {sorted(found.get(room, set()) - ALLOWED[room])}"


def test_storage_never_imports_the_page_classes():
    assert "pages" not in imports_between_rooms().get("storage", set())


def python_files():
    for folder in ("suarapos_crawler", "benchmarks", "tests"):
        yield from (ROOT / folder).rglob("*.py")


def test_no_function_is_over_sixty_lines():
    long = []
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines} lines)")
    assert long == []


def test_wib_is_defined_once_in_the_clock():
    defined = [
        str(path.relative_to(ROOT))
        for path in python_files()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "WIB" for t in node.targets)
    ]
    assert defined == ["suarapos_crawler/clock.py"]


def test_every_article_field_reaches_a_column_or_says_where_it_goes():
    columns = set(ARTICLE_COLUMNS)
    unaccounted = [f.name for f in fields(Article) if f.name not in columns and f.name not in NOT_A_COLUMN]
    assert unaccounted == []
    stale = [name for name in NOT_A_COLUMN if name not in {f.name for f in fields(Article)}]
    assert stale == []


def test_the_structure_drawing_is_the_package_as_it_is():
    """docs/structure.md is made by ``python -m tests.structure``: run it after moving a module."""
    from tests.structure import drawing

    assert (ROOT / "docs" / "structure.md").read_text(encoding="utf-8") == drawing()
