"""Item pipelines, one job each, in this order: clean, validate, dedup, sqlite."""
