"""suarapos-crawler: archive suarapos.co.id into a clean SQLite database."""
