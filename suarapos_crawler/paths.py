"""Where the project's own files are: a relative setting (``WATCHLIST_PATH``, ``THEMES_DIR``) is read beside
``scrapy.cfg``, since cron may start a crawl from any folder."""

from __future__ import annotations

from pathlib import Path


def project_root() -> Path:
    """The folder of the nearest ``scrapy.cfg`` (the current folder when there is none)."""
    from scrapy.utils.conf import closest_scrapy_cfg

    cfg = closest_scrapy_cfg()
    return Path(cfg).parent if cfg else Path.cwd()


def project_file(setting: str | None) -> str:
    """A path setting as the project means it: absolute as it is, relative beside ``scrapy.cfg``; empty stays empty."""
    if not setting or Path(setting).is_absolute():
        return setting or ""
    return str(project_root() / setting)
