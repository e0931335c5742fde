"""Commands that need the project's settings: ``crawl`` (with a lock and an honest exit code), ``health``,
``browse``, ``publish``, ``reextract``, ``captures``."""

from ...run.progress import quiet_banner

quiet_banner()  # before Scrapy logs its start-up banner: those lines are for LOG_LEVEL=DEBUG
