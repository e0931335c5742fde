"""An archive of N articles, built quickly through the project's own storage code, and the pages people open, timed.

    python -m benchmarks.scale --articles 100000 --db /tmp/scale-100k.db          # build (if absent), then time
    python -m benchmarks.scale --articles 1000000 --db /tmp/scale-1m.db --out benchmarks/results
    python -m benchmarks.scale --db /tmp/scale-1m.db --base /tmp/scale-100k.db --portals 10   # ten portals' copies

The articles are the sample site's (its quotes, sections, tags, datelines, press releases), each one made new: its
speakers renamed from a population of thousands, a new title, and two to five paragraphs of text drawn from a
vocabulary with news' word frequencies (Zipf's law over the sample's own words and some hundred thousand rarer
ones), so the full-text index has the long tail of real news and not the sample's small vocabulary repeated. They
are spread over ten years, a few thousand a day, and stored with ``storage.save_article`` as a crawl stores them:
stems, search index, regions, kinds, watched terms' mentions, quotes and people, Baca Juga links, one capture each.

Then ``scrapy browse`` serves it, and each page listed in ``PAGES`` is asked for once to warm up and 20 times
timed: median and 95th percentile, and whether a facet or a query timed out or a result was cut.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime.fromisoformat("2026-11-29T14:00:00+07:00")
YEARS = 10
BASES = 3000  # sample articles each synthetic one is made from
BATCH = 1000
ROUNDS = 5  # scheduled runs of each archive, in turn
TERMS = ("Diskominfo Babel", "Pranata Humas", "Pangkalpinang", "PT Timah", "Polda Babel")
SYLLABLES = [c + v for c in ("", "b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y",
             "ng", "ny") for v in "aaiiuueo"]  # fmt: skip
PREFIXES = ("", "", "", "me", "mem", "men", "meng", "di", "ber", "ter", "pe", "pen", "per", "ke", "se")
SUFFIXES = ("", "", "", "", "kan", "an", "nya", "i", "lah")
FIRST_NAMES = (
    "Ahmad Budi Citra Dedi Eko Fitri Gita Hendra Indra Joko Kiki Lina Made Nanda Oki Putri Rudi Sari "
    "Teguh Udin Vina Wawan Yanti Zulkifli Agus Bambang Dewi Erwin Fajar Hasan Irwan Komang Lestari Mira "
    "Nurul Rahmat Siti Taufik Wahyu Yusuf Rika Ferry Rosdiana Syahrial Adi Novi Ridwan Haris Mulyadi "
)
LAST_NAMES = (
    "Saputra Pratama Santoso Wijaya Hidayat Kurniawan Setiawan Gunawan Hartono Susanto Nugroho Rahman "
    "Siregar Nasution Lubis Harahap Simanjuntak Wibowo Purnomo Suryadi Halim Sembiring Tanjung Situmorang "
    "Effendi Firmansyah Ramadhan Maulana Syahputra Anwar Yusuf Hakim Iskandar Sulaiman Hamid Zainal "
)


class Zipf:
    """Words drawn with rank-frequency 1/rank^s: a few very common, a long tail seen once or twice in a million."""

    def __init__(self, words: list[str], s: float = 1.07):
        self.words = words
        self.cum = list(itertools.accumulate(1.0 / (rank**s) for rank in range(1, len(words) + 1)))

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=k)


def vocabulary(bases: list[dict], rng: random.Random, tail: int = 150_000) -> Zipf:
    """The sample's own words, most frequent first, then ``tail`` made-up Indonesian-shaped words."""
    counts: dict[str, int] = {}
    for article in bases:
        for word in re.findall(r"[a-z]+", article["body"].lower()):
            counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: -counts[w])
    seen = set(words)
    while len(words) < len(counts) + tail:
        stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))
        word = rng.choice(PREFIXES) + stem + rng.choice(SUFFIXES)
        if word not in seen and len(word) > 2:
            seen.add(word)
            words.append(word)
    return Zipf(words)


def people(rng: random.Random, n: int = 8000) -> Zipf:
    """Speakers: ``n`` names, a few quoted often (a governor, a police chief), most once in a while."""
    first, last = FIRST_NAMES.split(), LAST_NAMES.split()
    names = sorted({f"{rng.choice(first)} {rng.choice(last)}" for _ in range(n * 2)})
    rng.shuffle(names)
    return Zipf(names[:n], s=0.9)


def paragraph(words: Zipf, rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 4)):
        drawn = words.draw(rng, rng.randint(8, 22))
        sentences.append(drawn[0].capitalize() + " " + " ".join(drawn[1:]) + ".")
    return " ".join(sentences)


def synthetic(i: int, n: int, base: dict, words: Zipf, speakers: Zipf, base_url: str) -> dict:
    """The i-th of n articles: ``base``'s paragraphs with its speakers renamed, more paragraphs, a new title."""
    rng = random.Random(i)
    span = timedelta(days=365 * YEARS)
    published = NOW - span + span * (i / n) + timedelta(minutes=rng.randint(-40, 40))
    body = base["body"]
    for quote in base.get("quotes") or []:
        if quote.get("speaker") and quote["speaker"] in body:
            body = body.replace(quote["speaker"], speakers.draw(rng, 1)[0])
    paragraphs = body.split("\n\n")
    for _ in range(rng.randint(2, 5)):
        paragraphs.insert(rng.randint(1, len(paragraphs)), paragraph(words, rng))
    title = " ".join([*base["title"].split()[: rng.randint(3, 7)], *words.draw(rng, 3)]).title()
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:70]
    body = "\n\n".join(paragraphs)
    return {
        **{k: base[k] for k in ("author", "section", "sections", "tags", "dateline", "date_source")},
        "url": f"{base_url}{published:%Y/%m}/{slug}-{i}/",
        "post_id": 1_000_000 + i,
        "title": title,
        "published_at": published.isoformat(timespec="seconds"),
        "published_raw": published.isoformat(timespec="seconds"),
        "modified_at": published.isoformat(timespec="seconds"),
        "body": body,
        "word_count": len(body.split()),
        "content_hash": f"scale-{i}",
        "extracted_by": "newspaper",
        "published_precision": "minute",
        "capture_id": f"<urn:uuid:scale-{i}>",
        "related": [],
    }


def with_links(article: dict, earlier: list[str], rng: random.Random) -> dict:
    """One to three Baca Juga links to recent articles, a few of them to much-linked ones (as real news does)."""
    targets = [earlier[-rng.randint(1, min(len(earlier), 200))] for _ in range(rng.randint(1, 3))] if earlier else []
    article["related"] = [{"target_url": t, "anchor_text": "Baca Juga", "position": p} for p, t in enumerate(targets)]
    return article


def build(path: Path, n: int, base_url: str = "https://www.suarapos.com/") -> dict:
    """The archive of ``n`` articles at ``path``, stored as a crawl stores them; rows per second and bytes."""
    from benchmarks.run import sample_articles
    from suarapos_crawler import storage
    from suarapos_crawler.enrich.watchlist import WatchTerm
    from suarapos_crawler.storage.captures import save_capture

    rng = random.Random(29)
    bases = sample_articles(BASES)
    words, speakers = vocabulary(bases, rng), people(rng)
    db = storage.open_database(str(path), busy_timeout=60)
    storage.upgrade(db)
    terms = [WatchTerm(t, t) for t in TERMS]
    with storage.transaction(db):
        storage.rematch(db, terms)
    started, recent = time.perf_counter(), []
    for start in range(0, n, BATCH):
        day = None
        with storage.transaction(db):
            for i in range(start, min(start + BATCH, n)):
                article = with_links(synthetic(i, n, bases[i % BASES], words, speakers, base_url), recent, rng)
                seen = (datetime.fromisoformat(article["published_at"]) + timedelta(minutes=30)).isoformat()
                if article["published_at"][:10] != day:  # a run a day, as cron makes them
                    day = article["published_at"][:10]
                    run_id = db.execute(
                        "INSERT INTO crawl_runs (started_at, finished_at, spider, base_url, mode, status, "
                        "finish_reason) VALUES (?, ?, 'suarapos', ?, 'default', 'ok', 'finished')",
                        [seen, seen, base_url],
                    ).lastrowid
                storage.save_article(db, article, seen, terms, people_later=True)
                save_capture(db, {"id": article["capture_id"], "run_id": run_id, "url": article["url"],
                                  "fetched_at": seen, "status": 200, "kind": "response", "warc_file": "warc/x.warc.gz",
                                  "offset": 0, "length": 0, "content_type": "text/html"})  # fmt: skip
                storage.save_fetch(db, run_id, article["url"], "article_new", article["url"])
                recent = (recent + [article["url"]])[-200:]
            storage.refresh_marked_people(db)
        if start % (BATCH * 50) == 0:
            print(f"  {start + BATCH:,} of {n:,} stored", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - started
    db.close()
    return {"articles": n, "build_s": round(elapsed, 1), "articles_per_s": round(n / elapsed, 1)}


# What each copy of a portal renames: the tables that name an article by its URL, and the columns that do.
PORTAL_TABLES = {
    "articles": ("url",), "article_sections": ("article_url",), "article_tags": ("article_url",),
    "related_links": ("source_url", "target_url"), "quotes": ("article_url",), "article_people": ("article_url",),
    "article_mentions": ("article_url",), "article_versions": ("url",),
}  # fmt: skip


def replicate(base: Path, path: Path, portals: int, base_url: str = "https://www.suarapos.com/") -> dict:
    """An archive of ``portals`` portals at ``path``: the archive ``base`` (built by ``build``) and ``portals`` - 1
    copies of its articles under other hosts, with their sections, tags, links, quotes, people and mentions, copied
    by SQL (the archive's own triggers fill the search indexes and the kept counts); the people, shared by the
    portals, count every copy. Ten portals of a region in one file, as researchers keep them, ten times faster to
    make than a million articles stored one by one."""
    import shutil
    import sqlite3

    started = time.perf_counter()
    shutil.copyfile(base, path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("ATTACH DATABASE ? AS base", [f"{base}"])
    for k in range(1, portals):
        host = f"https://portal{k}.example/"
        conn.execute("BEGIN")
        for table, renamed in PORTAL_TABLES.items():
            columns = [row[1] for row in conn.execute(f"PRAGMA base.table_info({table})")]
            chosen = ", ".join(f"replace({c}, ?, ?)" if c in renamed else c for c in columns)
            conn.execute(
                f"INSERT INTO main.{table} ({', '.join(columns)}) SELECT {chosen} FROM base.{table}",
                [part for _ in renamed for part in (base_url, host)],
            )
        conn.execute("COMMIT")
        print(f"  portal {k + 1} of {portals} copied", file=sys.stderr, flush=True)
    conn.execute(
        "UPDATE people SET quotes = quotes * ?, articles_quoted = articles_quoted * ?, articles_named = articles_named * ?",
        [portals] * 3,
    )
    conn.close()
    elapsed = time.perf_counter() - started
    return {"portals": portals, "copy_s": round(elapsed, 1)}


# ---- the pages people open, timed -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db: Path, port: int) -> subprocess.Popen:
    """``scrapy browse`` on the archive, as a user starts it; returns once it answers."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrapy.cmdline", "browse", "--db", str(db), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=5).read()
            return proc
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None:
                raise RuntimeError("scrapy browse stopped") from None
            time.sleep(0.1)  # polling a server's start (a benchmark, not a test)
    raise RuntimeError("scrapy browse did not answer")


def fetch(url: str) -> tuple[float, bytes]:
    """Seconds to the whole answer, and the answer (an error's too: a query past Datasette's time limit is a 400)."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        body = f"HTTP {error.code} ".encode() + error.read()
    return time.perf_counter() - started, body


def pages(base: str, db: str, sample: dict) -> dict[str, str]:
    """Every page and query the issue lists, by name: the addresses a reader's browser asks for."""
    q = urllib.parse.quote_plus
    search = f"{base}/{db}/search?section=&from_date=&to_date=&page=1&q="
    ranged = f"{base}/{db}/search?section={q(sample['section'])}&from_date=2020-01-01&to_date=2023-12-31&page=1&q="
    found = {
        "articles table, facets": f"{base}/{db}/articles",
        "articles table, JSON": f"{base}/{db}/articles.json",
        "articles, one section": f"{base}/{db}/articles?section={q(sample['section'])}",
        "articles, one day": f"{base}/{db}/articles?published_day={sample['day']}",
        "articles, oldest first": f"{base}/{db}/articles?_sort=published_at",
        "search, common word": search + q(sample["common"]),
        "search, rare word": search + q(sample["rare"]),
        "search, phrase": search + q(f'"{sample["phrase"]}"'),
        "search, OR": search + q(f"{sample['rare']} OR {sample['common']}"),
        "search, section and dates": ranged + q(sample["common"]),
        "search, page 20": search.replace("page=1", "page=20") + q(sample["common"]),
        "reading view": f"{base}/{db}/articles/{sample['pk']}",
        "mentions of a term": f"{base}/{db}/mentions?term=Pangkalpinang",
        "mentions, feed": f"{base}/{db}/mentions.atom?term=PT+Timah",
        "who said what": f"{base}/{db}/who_said_what?q=&speaker=&section=&from_date=&to_date=&page=1",
        "who said what, a word": f"{base}/{db}/who_said_what?speaker=&section=&from_date=&to_date=&page=1&q="
        + q(sample["common"]),
        "most quoted": f"{base}/{db}/most_quoted?section=&from_date=&to_date=",
        "a person": f"{base}/{db}/person?name={q(sample['person'])}",
        "dashboard, archive": f"{base}/-/dashboards/archive",
        "dashboard, research": f"{base}/-/dashboards/research",
    }
    for name in ("voices_per_week", "mentions_per_week", "coverage_by_region", "articles_per_day",
                 "articles_per_week", "most_linked", "taken_down", "changed_after_publication", "crawl_health"):  # fmt: skip
        found[f"query {name}"] = f"{base}/{db}/{name}?section=&since=&term=&from_date=&to_date="
    return found


def chart_queries(base: str, db: str) -> dict[str, str]:
    """Each dashboard chart's query as the dashboard's page asks for it (no filter set)."""
    import yaml

    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    found = {}
    for board, spec in metadata["plugins"]["datasette-dashboards"].items():
        for chart, chart_spec in spec["charts"].items():
            sql = re.sub(r"\[\[.*?\]\]", "", chart_spec["query"])
            found[f"chart {board}/{chart}"] = f"{base}/{db}.json?_shape=objects&sql=" + urllib.parse.quote(sql)
    return found


def sample_values(path: Path) -> dict:
    """What the pages ask for: a common and a rare word of this archive, a phrase, a section, a day, a person."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    url, body, section, day = conn.execute(
        "SELECT url, body, section, published_day FROM articles ORDER BY published_at DESC LIMIT 1"
    ).fetchone()
    person = conn.execute("SELECT name FROM people ORDER BY articles_quoted DESC LIMIT 1").fetchone()[0]
    conn.close()
    words = re.findall(r"[a-z]{4,}", body.lower())
    from datasette.utils import tilde_encode

    return {"common": "pemerintah", "rare": words[-3], "phrase": " ".join(body.split()[4:7]).strip(".,"),
            "section": section, "day": day, "person": person, "pk": tilde_encode(url)}  # fmt: skip


def cut(text: str) -> bool:
    """Whether an answer says it holds fewer rows than its query gave (Datasette's 1,000-row limit)."""
    try:
        answer = json.loads(text)
    except ValueError:
        return "results were truncated" in text
    return isinstance(answer, dict) and answer.get("truncated") is True


def time_pages(path: Path, runs: int = 20, only: list[str] | None = None) -> dict:
    """Each page: one warm-up, then ``runs`` timed requests; median, 95th percentile, and any sign of a cut."""
    from suarapos_crawler import storage

    db = storage.open_database(str(path), busy_timeout=60)
    started = time.perf_counter()
    applied = storage.upgrade(db)  # as the next crawl would: an archive built by an older release catches up
    if applied:
        print(f"  upgraded ({', '.join(applied)}) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    db.close()
    port = free_port()
    proc = serve(path, port)
    base, db = f"http://127.0.0.1:{port}", path.stem
    results = {}
    try:
        for name, url in {**pages(base, db, sample_values(path)), **chart_queries(base, db)}.items():
            if only and name not in only:
                continue
            fetch(url)
            times, body = [], b""
            for _ in range(runs):
                elapsed, body = fetch(url)
                times.append(elapsed)
            times.sort()
            text = body.decode("utf-8", "replace")
            results[name] = {
                "p50_s": round(statistics.median(times), 3),
                "p95_s": round(times[max(0, int(len(times) * 0.95 + 0.5) - 1)], 3),
                "failed": text[:9] if text.startswith("HTTP ") else "",
                "timed_out": "timed out" in text.lower() or "took too long" in text,
                "cut": cut(text),
            }
            print(f"  {name}: {results[name]}", file=sys.stderr, flush=True)
        if only:
            return results
        results["full CSV export"] = full_csv(f"{base}/{db}/articles.csv", path)
        print(f"  full CSV export: {results['full CSV export']}", file=sys.stderr, flush=True)
    finally:
        proc.terminate()
        proc.wait()
    return results


def full_csv(url: str, path: Path) -> dict:
    """The articles table's CSV link as a reader clicks it, read to the end once: seconds, bytes, and whether it
    holds every article."""
    import csv
    import io
    import sqlite3

    class Counted(io.RawIOBase):
        def __init__(self, response):
            self.response, self.bytes = response, 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            chunk = self.response.read(len(buffer))
            buffer[: len(chunk)] = chunk
            self.bytes += len(chunk)
            return len(chunk)

    started, rows, first = time.perf_counter(), 0, None
    with urllib.request.urlopen(url, timeout=3600) as response:
        counted = Counted(response)
        for _ in csv.reader(io.TextIOWrapper(io.BufferedReader(counted), encoding="utf-8-sig", newline="")):
            rows += 1
            if rows == 2:
                first = time.perf_counter() - started
    elapsed = time.perf_counter() - started
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    conn.close()
    return {"first_row_s": round(first or elapsed, 3), "s": round(elapsed, 1), "rows": rows - 1, "articles": stored, "whole": rows - 1 == stored,
            "rows_per_s": round((rows - 1) / elapsed), "mib": round(counted.bytes / 2**20, 1)}  # fmt: skip


# ---- a scheduled run on a big archive ------------------------------------------------------------------------------


def scheduled(big: Path, work: Path, articles: int = 10_000) -> dict:
    """A scheduled run on the unchanged sample site, into an archive of its ``articles`` alone and into a copy of
    ``big`` that holds them too: requests, wall and CPU seconds (the median of ``ROUNDS`` runs each, in turn), peak
    RSS, side by side. (The rolling re-check is off
    in both: in the big archive its most overdue articles are the synthetic ones, of another host, which a run
    on the sample site does not fetch; ``recheck_s`` is what choosing them costs in each.)"""
    import shutil

    from benchmarks.run import crawl_args, last_run, run_measured
    from suarapos_crawler.sample_site.process import SampleSiteProcess

    small, copied = work / "scheduled-small.db", work / "scheduled-big.db"
    for path in (small, copied):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(big, copied)
    results, runs = {}, {"small": [], "big": []}
    archives = (("small", small), ("big", copied))
    with SampleSiteProcess(articles=articles, now=NOW.isoformat()) as site:
        for _, db in archives:
            first = run_measured(crawl_args(site.base_url, db, "-s", f"WARC_DIR={work / 'warc'}"), ROOT)
            assert first["exit_code"] == 0, first["stderr_tail"]
        for _ in range(ROUNDS):  # in turn, so that the machine's moods fall on both alike
            for name, db in archives:
                run = run_measured(crawl_args(site.base_url, db, "-s", "INCREMENTAL_RECHECK_PER_RUN=0",
                                              "-s", f"WARC_DIR={work / 'warc'}"), ROOT)  # fmt: skip
                stats = json.loads(last_run(db)["stats"] or "{}")
                runs[name].append({**run, "peak_rss_mib": stats.get("run/peak_rss_mib", run["peak_rss_mib"])})
    for name, db in archives:
        measured = runs[name]
        results[name] = {
            "articles": article_count(db),
            "requests": last_run(db)["requests"],
            "runs": len(measured),
            **{key: round(statistics.median(r[key] for r in measured), 3) for key in ("wall_s", "cpu_s")},
            "peak_rss_mib": round(max(r["peak_rss_mib"] for r in measured), 1),
            "recheck_s": recheck_seconds(db),
        }
        print(f"  scheduled run, {name}: {results[name]}", file=sys.stderr, flush=True)
    small_run, big_run = results["small"], results["big"]
    results["ratios"] = {
        key: round(big_run[key] / max(small_run[key], 1e-9), 3)
        for key in ("requests", "wall_s", "cpu_s", "peak_rss_mib")
    }
    copied.unlink()
    return results


def article_count(db: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def recheck_seconds(db: Path) -> float:
    """Seconds the plan of a default run takes to choose its 20 articles to look at again."""
    from suarapos_crawler import storage
    from suarapos_crawler.spiders.plan import CrawlPlan

    archive = storage.open_database(str(db), busy_timeout=60)
    plan = CrawlPlan.load(archive, now=NOW, recheck_per_run=20)
    started = time.perf_counter()
    plan.to_recheck()
    elapsed = time.perf_counter() - started
    plan.close()
    archive.close()
    return round(elapsed, 3)


# ---- the report ----------------------------------------------------------------------------------------------------


def archive_facts(path: Path) -> dict:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    counts = {t: conn.execute(f"SELECT COUNT(*) FROM [{t}]").fetchone()[0] for t in ("articles", "quotes", "people")}
    hosts = "SELECT COUNT(DISTINCT substr(url, 1, instr(substr(url, 9), '/') + 8)) FROM articles"  # https://host/
    counts["portals"] = conn.execute(hosts).fetchone()[0]
    conn.close()
    size = path.stat().st_size
    return {**counts, "mib": round(size / 2**20), "bytes_per_article": round(size / max(counts["articles"], 1))}


def markdown(runs: list[dict]) -> str:
    """The README's table: each page's median and 95th percentile at each size, then the rest."""
    sizes = [f"{r['facts']['articles']:,}" for r in runs]
    head = "| page or query | " + " | ".join(f"{s}: p50 / p95 s" for s in sizes) + " |"
    lines = [head, "|---|" + "---:|" * len(runs)]
    for name in runs[0]["pages"]:
        cells = []
        for r in runs:
            page = r["pages"].get(name, {})
            mark = " ⚠" if page.get("failed") or page.get("timed_out") or page.get("cut") else ""
            cells.append(f"{page.get('p50_s', '-')} / {page.get('p95_s', '-')}{mark}" if page else "-")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append("")
    for r in runs:
        f, csv_export = r["facts"], r.get("csv") or {}
        exported = (
            f"the full CSV export: {csv_export['note']}"
            if csv_export.get("note")
            else f"the full CSV export: first row in {csv_export.get('first_row_s', '-')} s, "
            f"{csv_export.get('rows', 0):,} rows ({'every article' if csv_export.get('whole') else 'NOT every article'})"
            f" in {csv_export.get('s', '-')} s"
        )
        portals = f" of {f.get('portals', 1)} portals (one archive built article by article, copied under other hosts)"
        lines.append(
            f"- {f['articles']:,} articles{portals if f.get('portals', 1) > 1 else ''} ({f['quotes']:,} quotes, "
            f"{f['people']:,} people): {f['mib']:,} MiB, "
            f"{f['bytes_per_article']:,} bytes an article; {exported}."
        )
        if r.get("scheduled"):
            small, big, ratio = r["scheduled"]["small"], r["scheduled"]["big"], r["scheduled"]["ratios"]
            lines.append(
                f"- A scheduled run on the unchanged site: {small['requests']} requests, {small['cpu_s']} CPU s, "
                f"{small['peak_rss_mib']} MiB at {small['articles']:,} articles; {big['requests']} requests, "
                f"{big['cpu_s']} CPU s, {big['peak_rss_mib']} MiB at {big['articles']:,} (× {ratio['cpu_s']} CPU, "
                f"× {ratio['peak_rss_mib']} memory); choosing the 20 articles to look at again: {big['recheck_s']} s."
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="the archive: built if absent, timed as it is")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--portals", type=int, default=1, help="the archive --base copied under this many hosts")
    parser.add_argument("--base", type=Path, help="with --portals: an archive this benchmark built")
    parser.add_argument("--scheduled", action="store_true", help="also a scheduled run on it, against one of 10,000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/suarapos-scale"), help="for the scheduled runs' files")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results", help="scale-N.json goes here")
    parser.add_argument("--report", action="store_true", help="print the Markdown of every scale-N.json in --out")
    parser.add_argument(
        "--again", default="", help="pages to time again (names, separated by semicolons), kept in its JSON"
    )
    args = parser.parse_args(argv)
    if args.again:
        kept = args.out / f"scale-{archive_facts(args.db)['articles']}.json"
        result = json.loads(kept.read_text())
        result["pages"].update(time_pages(args.db, only=[name.strip() for name in args.again.split(";")]))
        kept.write_text(json.dumps(result, indent=1))
        print(report(args.out))
        return 0
    if args.report:
        print(report(args.out))
        return 0
    if args.db is None:
        parser.error("--db is needed to build or time an archive")
    result: dict = {"measured_at": datetime.now().astimezone().isoformat(timespec="seconds")}
    if not args.db.exists() and args.portals > 1:
        if args.base is None or not args.base.is_file():
            parser.error("--portals copies an archive this benchmark built: give it as --base")
        result["build"] = replicate(args.base, args.db, args.portals)
    elif not args.db.exists():
        result["build"] = build(args.db, args.articles)
    if args.build_only:
        return 0
    result["pages"] = time_pages(args.db)
    result["csv"] = result["pages"].pop("full CSV export")
    result["facts"] = archive_facts(args.db)
    if args.scheduled:
        args.work.mkdir(parents=True, exist_ok=True)
        result["scheduled"] = scheduled(args.db, args.work)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"scale-{result['facts']['articles']}.json").write_text(json.dumps(result, indent=1))
    print(report(args.out))
    return 0


def report(out: Path) -> str:
    """The Markdown of every scale-N.json in ``out``, smallest first, also written to scale.md (docs/performance.md
    holds it: ``scrapy docs``)."""
    runs = sorted((json.loads(p.read_text()) for p in out.glob("scale-*.json")), key=lambda r: r["facts"]["articles"])
    text = markdown(runs) + "\n"
    (out / "scale.md").write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    sys.exit(main())
