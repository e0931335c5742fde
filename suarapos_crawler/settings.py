"""Settings of suarapos-crawler: polite defaults for the live site.

Custom settings (each read by its component, with its default):

- ``SQLITE_PATH`` = ``"data/suarapos.db"``: the archive, owned by the ``Archive`` extension (empty: no archive).
- ``SQLITE_BATCH_SIZE`` = ``100``: items written per transaction.
- ``SQLITE_WRITER_THREAD`` = ``False``: batches are written by a thread of their own while the crawl goes on. Off:
  SQLite lets go of the GIL for every statement, and the threads' hand-overs cost more CPU than the overlap
  saves (10,000 articles, three runs each way side by side: 7 % more CPU seconds with it, no shorter).
- ``EXTRACT_PROCESSES`` = ``0``: worker processes that parse and read pages while Scrapy fetches
  (0: read them in the crawling process; the spider sets 1 for a copy served on loopback; ``scrapy reextract``
  sets its ``--workers``, one a core by default, which read the captures straight from their WARC files).
- ``EXTRACTION_THEMES`` = ``["newspaper", "colormag"]``: the WordPress themes whose markup the page classes
  read (``pages/themes.py``); a page in none of them is read by the fallback (``extracted_by`` = ``fallback``).
- ``THEMES_DIR`` = ``"themes"``: the theme profiles an operator learned (``scrapy themes learn``) or wrote, one
  YAML file each (relative: beside ``scrapy.cfg``); read after the shipped ones (``pages/profiles``), whatever
  ``EXTRACTION_THEMES`` says.
- ``REDESIGN_FALLBACK_SHARE`` = ``0.2``: a run whose articles were read by the fallback more than this share
  (of at least ``REDESIGN_MIN_ARTICLES`` = ``5``) is flagged as a likely redesign of the site, as is one where a
  field's coverage fell by more than ``REDESIGN_COVERAGE_DROP`` = ``0.2`` from the last good runs.
- ``WATCHLIST_PATH`` = ``"watchlist.yml"``: the terms readers follow (a YAML list; relative: beside
  ``scrapy.cfg``); each stored article is matched against them into ``article_mentions`` (``watchlist.py``).
- ``QUOTES_GAZETTEER_PATH`` = ``""``: a YAML file of speakers.yml's shape (cue verbs, offices, organisations...)
  whose entries are added to the shipped gazetteer that quotes are read with (``enrich/quotes.py``; relative:
  beside ``scrapy.cfg``); ``scrapy rematch`` reads the stored articles' quotes again after it changes.
- ``NOTIFY_SMTP_URL`` = ``""``: the mail server `scrapy notify` sends through: ``smtp://host:25``,
  ``smtp+starttls://user:password@host:587`` (STARTTLS, then login), ``smtps://user:password@host:465``;
  ``NOTIFY_SMTP_CAFILE`` = ``""`` a CA file for a server with its own certificate; ``NOTIFY_EMAIL_TO`` = ``""``
  (addresses, comma-separated: each gets its digests), ``NOTIFY_EMAIL_FROM`` = ``"suarapos-crawler@localhost"``.
- ``NOTIFY_WEBHOOK_URL`` = ``""``: a JSON POST of each digest (``title``, ``message``, ``term``, ``articles``).
- ``NOTIFY_SINCE_DAYS`` = ``7``: only articles first stored this recently are news (a new watchlist does not mail
  the whole archive); ``NOTIFY_AFTER_CRAWL`` = ``False``: `scrapy crawl` notifies when its run ends.
- ``REPORT_DIR`` = ``"data/reports"``: where `scrapy report` writes a period's report, in a folder named after it
  (``data/reports/2026-W49/``) unless ``--out`` says; ``REPORT_CHROMIUM`` = ``""``: the browser that prints it to
  PDF (empty: Debian's ``chromium``, or another Chromium found on the PATH; none: no PDF, said in one line).
- ``VALIDATE_ENABLED`` = ``True``; ``VALIDATE_MIN_WORDS`` = ``20``: the shortest body stored.
- ``DEDUP_MEMORY`` = ``10000``: content hashes of the current run kept in memory (older ones are found in the archive).
- ``WARC_ENABLED`` = ``True``: every response kept as WARC/1.1 records (WarcCapture extension).
- ``WARC_DIR`` = ``""``: where the WARC files go (empty: ``warc/`` beside the archive).
- ``WARC_MAX_BYTES`` = ``1 GiB``: a WARC file is closed, and the next begun, past this size.
- ``WARC_GZIP_LEVEL`` = ``2``: ISA-L deflate level (0 to 3) of each record's gzip member; measured on the sample's
  pages, 2 takes a quarter of the CPU of zlib's level 3 for as many bytes (docs/performance.md).
- ``PROGRESS_INTERVAL`` = ``30``: seconds between progress lines (pages, articles, rate, what is left; 0: none).
- ``PROGRESS_SUMMARY`` = ``True``: ``scrapy crawl`` ends with a short summary (status and meaning, counts, duration).
- ``REPLAY_FROM`` = ``""``, ``REPLAY_SINCE`` = ``""``, ``REPLAY_URL`` = ``""``: the archive whose captures
  ``scrapy reextract`` replays (WarcReplayMiddleware, which that command adds), from which time, of which URL.
- ``SQLITE_MIN_FREE_MB`` = ``100``: a run does not start on a disk with less room than this.
- ``SQLITE_QUICK_CHECK`` = ``True``: every run first checks every page of the archive (SQLite's ``quick_check``)
  and the full-text index's structure, and refuses a damaged file before writing to it.
- ``SQLITE_QUICK_CHECK_HOURS`` = ``24``: the check is skipped when the archive is exactly as the last run that ended
  well left it (its size and last write, stamped in ``FILE.checked`` beside it) and was checked whole less than
  this long ago: a million articles' pages take most of a scheduled run to read. 0: every run checks it whole.
- ``RUN_MAX_ERRORS`` = ``5``: more errors than this in a run make its status ``failed``.
- ``INCREMENTAL_REFRESH_DAYS`` = ``3``: stored articles published this recently are fetched again.
- ``INCREMENTAL_KNOWN_TOLERANCE`` = ``3``: a section stops paging at a page listing this many stored articles.
- ``INCREMENTAL_TRUST_LASTMOD`` = ``True``: an article of the refresh window that the newest post sitemap
  (read every run) dates no later than the stored copy is not fetched again.
- ``INCREMENTAL_RECHECK_PER_RUN`` = ``20``: stored articles past the refresh window that a default run asks for
  again, conditionally (``If-None-Match``, ``If-Modified-Since``), to find takedowns and quiet corrections: the
  most overdue first. Hourly runs look at 480 articles a day.
- ``INCREMENTAL_RECHECK_MIN_HOURS`` = ``24``: an article is not asked for again sooner than this after it was last
  fetched; an older one waits a seventh of its age, at most 30 days.
- ``INCREMENTAL_RETRY_MAX_HOURS`` = ``168``: a page rejected n runs in a row is asked for again after 2^(n-1)
  hours, a week at most (a 404 or 410 never again).
- ``SECTION_MAX_PAGES`` = ``5000``: pages of one section read in one run, at most.
- ``HEALTH_MAX_AGE_HOURS`` = ``48``: ``scrapy health`` fails when no run succeeded for this long.
- ``RETRYAFTER_BASE_DELAY`` = ``1.0``, ``RETRYAFTER_MAX_DELAY`` = ``60``: seconds before a retry, doubled each
  time, unless ``Retry-After`` says otherwise (RetryAfterMiddleware).
- ``BLOCK_AFTER`` = ``5``, ``BLOCK_PAUSE`` = ``120``, ``BLOCK_MAX_PAUSES`` = ``1``: 403/429 answers in a row
  that pause the crawl, the pause in seconds, and the pauses before the run ends ``blocked``.
- ``SQLITE_BUSY_TIMEOUT`` = ``60``: seconds to wait for a database locked by another reader or writer.
- ``RFC9309_MAX_CRAWL_DELAY`` = ``60``: a robots.txt ``Crawl-delay`` is kept between requests to its host, up to
  this many seconds (Rfc9309RobotsTxtMiddleware, which also reads only a robots.txt's first 500 KiB).

The spider lifts the politeness limits only for a copy served on loopback
(``-a base_url=http://127.0.0.1:PORT``); a ``-s`` on the command line still wins.
"""

BOT_NAME = "suarapos_crawler"
SPIDER_MODULES = ["suarapos_crawler.spiders"]
NEWSPIDER_MODULE = "suarapos_crawler.spiders"
COMMANDS_MODULE = "suarapos_crawler.commands.project"

# Who we are and how to reach us: a small regional host deserves to know.
USER_AGENT = "suarapos-crawler/0.1 (+https://github.com/suarapos-crawler/suarapos-crawler; news archive for research)"
ROBOTSTXT_OBEY = True
# A day's Crawl-delay would stop the archive: past this, the run waits this long each time, and says so in the log.
RFC9309_MAX_CRAWL_DELAY = 60.0

# Politeness for the live site.
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
COOKIES_ENABLED = False
# Pipelines are synchronous: more items in parallel per response would only cost asyncio tasks.
CONCURRENT_ITEMS = 4
# Worker processes that parse and read article pages while Scrapy fetches (0: read them in the
# crawling process). Worth it only when pages arrive faster than one core reads them: a backfill
# without download delay, or the sample site (the spider sets 1 for a site on this machine).
EXTRACT_PROCESSES = 0
EXTRACTION_THEMES = ["newspaper", "colormag"]
THEMES_DIR = "themes"
REDESIGN_FALLBACK_SHARE = 0.2
REDESIGN_MIN_ARTICLES = 5
REDESIGN_COVERAGE_DROP = 0.2
# No console servers: the Telnet console and Scrapy 2.19's RemoteControl (a local HTTP endpoint that runs
# Python code) are ways into an unattended process that nobody here uses.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

DOWNLOADER_MIDDLEWARES = {
    # Scrapy's own are replaced by subclasses that close their gaps (see middlewares.py).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "suarapos_crawler.middlewares.Rfc9309RobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "suarapos_crawler.middlewares.RetryAfterMiddleware": 550,
    "suarapos_crawler.middlewares.BlockDetectorMiddleware": 560,
    "suarapos_crawler.middlewares.TruncatedPageMiddleware": 580,
    # Below HttpCompressionMiddleware (590): responses pass the middlewares from the highest number down, and the
    # charset is judged on the decoded body (at 600 it saw a gzip-encoded one as not UTF-8, and left it alone).
    "suarapos_crawler.middlewares.CharsetRepairMiddleware": 585,
}
SPIDER_MIDDLEWARES = {
    # Each spider middleware handles every request and item the spider yields. These do nothing here: the spider
    # measures URLs against URLLENGTH_LIMIT itself (and records the too long ones), pages a section by its own
    # depth count, and copies no meta.
    "scrapy.spidermiddlewares.urllength.UrlLengthMiddleware": None,
    "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
    "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
}
RETRYAFTER_BASE_DELAY = 1.0
RETRYAFTER_MAX_DELAY = 60.0
BLOCK_AFTER = 5
BLOCK_PAUSE = 120.0
BLOCK_MAX_PAUSES = 1
REDIRECT_MAX_TIMES = 5
# Scrapy's 2,083 (an old browser's limit) drops an article whose non-ASCII slug is 300 characters long (2,700
# percent-encoded); servers take 8 KiB request lines. Longer links are recorded as rejects, never dropped.
URLLENGTH_LIMIT = 8190
SQLITE_BUSY_TIMEOUT = 60

ITEM_PIPELINES = {
    "suarapos_crawler.pipelines.validate.ValidatePipeline": 200,
    "suarapos_crawler.pipelines.dedup.DedupPipeline": 300,
    "suarapos_crawler.pipelines.sqlite.SqlitePipeline": 900,
}

SQLITE_PATH = "data/suarapos.db"
WATCHLIST_PATH = "watchlist.yml"
QUOTES_GAZETTEER_PATH = ""
REPORT_DIR = "data/reports"
REPORT_CHROMIUM = ""
NOTIFY_SMTP_URL = ""
NOTIFY_SMTP_CAFILE = ""
NOTIFY_EMAIL_TO = ""
NOTIFY_EMAIL_FROM = "suarapos-crawler@localhost"
NOTIFY_WEBHOOK_URL = ""
NOTIFY_SINCE_DAYS = 7.0
NOTIFY_AFTER_CRAWL = False
SQLITE_BATCH_SIZE = 100
SQLITE_WRITER_THREAD = False
SQLITE_MIN_FREE_MB = 100
SQLITE_QUICK_CHECK = True
SQLITE_QUICK_CHECK_HOURS = 24.0
VALIDATE_ENABLED = True
VALIDATE_MIN_WORDS = 20
DEDUP_MEMORY = 10_000

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

EXTENSIONS = {
    # The archive's one owner: file checks, schema, connections, writer thread, the writes.
    "suarapos_crawler.archive.Archive": 0,
    # Every response kept as WARC; its rows go to the archive (so it comes after it).
    "suarapos_crawler.warc.capture.WarcCapture": 10,
    # One progress line every PROGRESS_INTERVAL seconds, instead of Scrapy's per-minute LogStats.
    "suarapos_crawler.run.progress.Progress": 20,
    # Where pages are read: in this process, or in EXTRACT_PROCESSES workers beside it.
    "suarapos_crawler.spiders.readers.PageReaders": 30,
    # The run's crawl_runs row and fetch ledger, its status; last, so that it records the run once the others have
    # closed (the WARC capture's last rows stored), then closes the archive.
    "suarapos_crawler.run.record.RunRecord": 50,
    "scrapy.extensions.logstats.LogStats": None,
}
PROGRESS_INTERVAL = 30
PROGRESS_SUMMARY = True
WARC_ENABLED = True
WARC_DIR = ""
WARC_MAX_BYTES = 1024**3
WARC_GZIP_LEVEL = 2
# scrapy reextract: whose captures are replayed, and which (the command sets them and adds the middleware).
REPLAY_FROM = ""
REPLAY_SINCE = ""
REPLAY_URL = ""
# Content codings every WARC reader decodes (Scrapy would also ask for zstd and br, which warcio cannot read).
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "id,en;q=0.8",
    "Accept-Encoding": "gzip, deflate",
}
RUN_MAX_ERRORS = 5
INCREMENTAL_REFRESH_DAYS = 3
INCREMENTAL_KNOWN_TOLERANCE = 3
INCREMENTAL_TRUST_LASTMOD = True
INCREMENTAL_RETRY_MAX_HOURS = 168
INCREMENTAL_RECHECK_PER_RUN = 20
INCREMENTAL_RECHECK_MIN_HOURS = 24
# A page that fails after its retries is a reject, recorded and fetched again later, not a crawler error:
# six always-broken pages must not fail every run (the run's status weighs 5xx answers itself).
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"
SECTION_MAX_PAGES = 5000
HEALTH_MAX_AGE_HOURS = 48
