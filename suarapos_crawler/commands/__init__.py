"""The project's Scrapy commands: ``sample-site``, ``demo``."""
