"""Commands that need the project's settings: ``crawl`` (with a lock and an honest exit code), ``health``."""
