"""The bare Scrapy ceiling: fetch exactly the given URLs, parse nothing, store nothing.

Run outside the project (Scrapy's defaults), with the crawl's concurrency:
    scrapy runspider benchmarks/bare_spider.py -a urls=URLS.txt -s CONCURRENT_REQUESTS=16 ...
"""

from __future__ import annotations

import scrapy


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: str = "", **kwargs):
        super().__init__(**kwargs)
        self.urls_file = urls

    async def start(self):
        with open(self.urls_file, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield scrapy.Request(line.strip(), callback=self.parse, errback=self.failed, dont_filter=True)

    def parse(self, response):
        return None

    def failed(self, failure):
        return None
