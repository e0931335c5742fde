"""The bare Scrapy ceiling: fetch exactly the given URLs, parse nothing, store nothing.

Run outside the project (Scrapy's defaults), with the crawl's concurrency:
    scrapy runspider benchmarks/bare_spider.py -a urls=URLS.txt -s CONCURRENT_REQUESTS=16 ...
"""

from __future__ import annotations

import json

import scrapy


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, urls: str = "", usage: str = "", **kwargs):
        super().__init__(**kwargs)
        self.urls_file = urls
        self.usage_file = usage

    async def start(self):
        with open(self.urls_file, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield scrapy.Request(line.strip(), callback=self.parse, errback=self.failed, dont_filter=True)

    def parse(self, response):
        return None

    def failed(self, failure):
        return None

    def closed(self, reason):
        if self.usage_file:  # its own peak memory (wait4's would include the benchmark's, from the fork)
            from suarapos_crawler.run.resources import peak_rss_mib

            with open(self.usage_file, "w", encoding="utf-8") as out:
                json.dump({"peak_rss_mib": round(peak_rss_mib(), 1)}, out)
