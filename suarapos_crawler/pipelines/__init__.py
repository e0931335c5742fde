"""Item pipelines, one job each, in this order: validate, dedup, sqlite (the page classes clean what they make)."""
