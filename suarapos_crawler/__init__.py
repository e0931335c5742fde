"""suarapos-crawler: archive suarapos.co.id into a clean SQLite database."""

__version__ = "0.2.0"
