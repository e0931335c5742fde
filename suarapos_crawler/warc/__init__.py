"""The WARC files: every response kept as it came (capture, an extension), and read again (replay, re-extraction)."""
