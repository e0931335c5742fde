"""What Datasette needs beyond ``metadata.yml``: the project's plugins and its charts page."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
PLUGINS_DIR = HERE / "plugins"
TEMPLATES_DIR = HERE / "templates"


def datasette_args(
    db_path: str, metadata: str | Path, port: int = 8001, host: str = "127.0.0.1", immutable: bool = False
) -> list[str]:
    """Arguments of ``datasette serve`` for the archive, with the plugins, the charts page and safe settings."""
    return [
        *(["-i"] if immutable else []),
        str(db_path),
        "-m",
        str(metadata),
        "--plugins-dir",
        str(PLUGINS_DIR),
        "--template-dir",
        str(TEMPLATES_DIR),
        "--setting",
        "allow_csv_stream",
        "off",  # CSV goes through the formula guard, which buffers it
        "--setting",
        "default_page_size",
        "50",
        "--setting",
        "truncate_cells_html",
        "300",  # bodies are long: the row page shows them whole
        "--port",
        str(port),
        "--host",
        host,
    ]
