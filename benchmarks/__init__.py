"""Benchmarks of suarapos-crawler against the sample site: `python -m benchmarks.run`."""
