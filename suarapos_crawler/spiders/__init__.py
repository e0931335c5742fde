"""Where to go next: the spider, the plan of what a run must fetch (plan.py), and where pages are read (readers.py)."""
