"""What Datasette needs beyond ``metadata.yml``: the project's plugin and templates, the archive's name.

Datasette 0.65 keys a database's metadata (descriptions, facets, canned queries) by the database's
name, which is its file name: ``metadata.yml`` describes the archive once, under ``suarapos``, and
``scrapy browse`` serves that description under the name of whatever file it opens.
"""

from __future__ import annotations

import json
import tempfile
import urllib.parse
from pathlib import Path

import yaml

HERE = Path(__file__).parent
PLUGINS_DIR = HERE / "plugins"
TEMPLATES_DIR = HERE / "templates"
ARCHIVE_KEY = "suarapos"  # the database block of metadata.yml that describes an archive


def person_page(datasette, database: str, name: str) -> str:
    """The address of a person's page (the canned query ``person``), where every name of a person links."""
    return datasette.urls.database(database) + "/person?" + urllib.parse.urlencode({"name": name})


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file: its name without the extension."""
    return Path(db_path).stem


FIXED_QUERY_ACTOR = "suarapos-fixed-query"  # plugins/suarapos_published.py: the dashboards' declared queries


def metadata_for(db_path: str | Path, metadata: str | Path, published: bool = False) -> dict:
    """``metadata.yml`` with the archive's block under the name this file will be served as; ``published``: SQL
    allowed to the dashboards' declared queries alone (suarapos_published.py), denied to anything else."""
    loaded = yaml.safe_load(Path(metadata).read_text(encoding="utf-8"))
    archive = loaded.get("databases", {}).get(ARCHIVE_KEY, {})
    name = database_name(db_path)
    served = {**loaded, "databases": {name: archive}, "plugins": served_plugins(loaded.get("plugins") or {}, name)}
    return {**served, "allow_sql": {"id": FIXED_QUERY_ACTOR}} if published else served


def served_plugins(plugins: dict, name: str) -> dict:
    """The plugins' settings with the archive's database (``db: suarapos``) named as it is served."""

    def rename(value):
        if isinstance(value, dict):
            return {k: (name if k == "db" and v == ARCHIVE_KEY else rename(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [rename(v) for v in value]
        return value

    return rename(plugins)


def datasette_args(
    db_path: str, metadata: str | Path, port: int = 8001, host: str = "127.0.0.1", immutable: bool = False
) -> list[str]:
    """Arguments of ``datasette serve`` for the archive, with the plugin, the templates and safe settings."""
    served = Path(tempfile.mkdtemp(prefix="suarapos-browse-")) / "metadata.json"
    served.write_text(json.dumps(metadata_for(db_path, metadata, immutable), ensure_ascii=False), encoding="utf-8")
    # Published (immutable, for anyone): no arbitrary SQL, whose single function call can take seconds and
    # gigabytes (zeroblob(100000000)); the canned queries, tables, facets and search still work.
    published = ["--setting", "default_allow_sql", "off"] if immutable else []
    return [
        *(["-i"] if immutable else []),  # -i takes the file as its value: the path comes right after
        str(db_path),
        *published,
        "-m",
        str(served),
        "--plugins-dir",
        str(PLUGINS_DIR),
        "--template-dir",
        str(TEMPLATES_DIR),
        "--setting",
        "allow_csv_stream",
        "on",  # "stream all rows": a CSV export is whole (the formula guard defuses it as it streams)
        "--setting",
        "max_csv_mb",
        "0",  # no cut at 100 MB: all columns of 100,000 articles stopped at 35,623 rows (streamed, it costs no memory)
        "--setting",
        "default_page_size",
        "50",
        # The first article on the first screen: short facet lists (each says how to see more), no suggestions.
        "--setting",
        "default_facet_size",
        "6",
        "--setting",
        "suggest_facets",
        "off",
        "--setting",
        "facet_time_limit_ms",
        "1000",  # the tags facet reads a JSON array per article
        "--setting",
        "truncate_cells_html",
        "300",  # bodies are long: the row page shows them whole
        "--port",
        str(port),
        "--host",
        host,
    ]
