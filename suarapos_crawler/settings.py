BOT_NAME = "suarapos_crawler"
SPIDER_MODULES = ["suarapos_crawler.spiders"]
