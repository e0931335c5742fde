"""Conventions the code keeps: one home per setting default, settings named after their component, every table described."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from scrapy.settings import default_settings
from sqlite_utils import Database

from suarapos_crawler import settings as project
from suarapos_crawler import storage

PACKAGE = Path(project.__file__).parent
READ = re.compile(r"settings\.get(?:int|float|bool|list|dict)?\(\s*\"([A-Z][A-Z0-9_]+)\"")
SCRAPY_SETTINGS = {name for name in dir(default_settings) if name.isupper()}


def settings_read_by_the_package() -> set[str]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        found |= set(READ.findall(path.read_text(encoding="utf-8")))
    return found


def test_the_package_reads_its_settings():
    assert {"SQLITE_PATH", "SQLITE_BATCH_SIZE", "RUN_MAX_ERRORS"} <= settings_read_by_the_package()


def test_every_custom_setting_has_its_one_default_and_its_documentation_in_the_settings_module():
    for name in settings_read_by_the_package() - SCRAPY_SETTINGS:
        assert hasattr(project, name), f"{name} has no default in settings.py"
        assert f"``{name}``" in project.__doc__, f"{name} is not documented in settings.py's docstring"


def test_typed_getters_carry_no_fallback_of_their_own():
    fallback = re.compile(r"settings\.get(?:int|float|bool)\(\s*\"[A-Z_]+\"\s*,")
    offenders = [
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py") if fallback.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_custom_settings_stay_out_of_scrapys_namespaces():
    scrapy_prefixes = {name.split("_")[0] + "_" for name in SCRAPY_SETTINGS if "_" in name}
    custom = {name for name in dir(project) if name.isupper()} - SCRAPY_SETTINGS
    assert custom, "the project defines its own settings"
    assert sorted(n for n in custom if any(n.startswith(p) for p in scrapy_prefixes)) == []


def test_every_table_and_column_of_the_archive_has_a_datasette_description():
    db = Database(memory=True)
    storage.upgrade(db)
    described = yaml.safe_load((PACKAGE.parent / "metadata.yml").read_text(encoding="utf-8"))["databases"]["suarapos"][
        "tables"
    ]
    for table in db.table_names():
        if table.startswith(("articles_fts", "quotes_fts", "_")):
            continue  # the full-text index's and the migrations' own tables are hidden internals
        assert described.get(table, {}).get("description"), f"table {table} has no description"
        columns = described[table].get("columns", {})
        missing = [c for c in db[table].columns_dict if c not in columns]
        assert missing == [], f"columns of {table} without a description: {missing}"
