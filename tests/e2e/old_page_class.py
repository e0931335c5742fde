"""`scrapy` as an older release would run it: a page class that does not read ``image_url`` yet.

For the re-extraction test: crawl with this (pages read in this process: ``EXTRACT_PROCESSES=0``), then
``scrapy reextract`` with today's page class, and every stored article gains the field without a request."""

from __future__ import annotations

import sys

from scrapy.cmdline import execute

from suarapos_crawler.pages.article import ArticlePage

ArticlePage.image_url = lambda self: None

if __name__ == "__main__":
    execute(["scrapy", *sys.argv[1:]])
