"""Reading a response, no I/O: page classes for articles, listings and sitemaps, dates, themes as data, the generic
reader (the fallback), and what a reading gives as plain data (reading.py)."""
