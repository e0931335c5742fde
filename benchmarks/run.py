"""Benchmark suarapos-crawler against the sample site, side by side in one run.

    python -m benchmarks.run                       # 1,000 / 10,000 / 50,000 articles
    python -m benchmarks.run --sizes 1000 --smoke  # the small version run in CI

For each size: a first crawl that finds the URLs and warms the sample site (it renders
a page the first time it is asked); then, against the same warm site, the bare Scrapy
ceiling fetching exactly those URLs and the full `scrapy crawl suarapos` into a fresh
database (wall and CPU seconds, the page-reading worker's included, pages per second,
peak RSS of the crawl and its worker), their ratios, a scheduled run on the unchanged
site and on the site a day later. Once: extraction alone over saved pages (our page classes,
trafilatura with metadata, newspaper4k: ms per page and field accuracy against the
truth) and storage alone (rows per second into SQLite with FTS). Writes
`results.json` and `results.png` into --out, and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

ROOT = Path(__file__).resolve().parents[1]
NOW = "2026-11-29T14:00:00+07:00"
CONCURRENCY = "16"


def run_measured(args: list[str], cwd: Path) -> dict:
    """Run a command; its wall and CPU seconds and peak RSS (its own, from wait4)."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr_chunks = []
    # drain stderr in the background so a chatty child cannot stall on a full pipe
    import threading

    reader = threading.Thread(target=lambda: stderr_chunks.append(proc.stderr.read()), daemon=True)
    reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    reader.join(timeout=5)
    return {
        "exit_code": proc.returncode,
        "wall_s": round(wall, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "stderr_tail": "".join(stderr_chunks)[-1500:],
    }


def crawl_args(base_url: str, db: Path, *extra: str) -> list[str]:
    from suarapos_crawler.sample_site.process import crawl_command

    return crawl_command(base_url, db, *extra, log_level="ERROR")


def last_run(db: Path) -> dict:
    return next(Database(db).query("SELECT * FROM crawl_runs ORDER BY id DESC LIMIT 1"))


def bench_size(articles: int, work: Path) -> dict:
    from suarapos_crawler.sample_site.process import SampleSiteProcess

    db = work / f"crawl-{articles}.db"
    out: dict = {"articles": articles}
    t0 = time.perf_counter()
    with SampleSiteProcess(articles=articles, now=NOW, truth=work / f"truth-{articles}.json") as site:
        out["sample_start_s"] = round(time.perf_counter() - t0, 2)
        port = int(site.base_url.rsplit(":", 1)[1])
        # The sample site renders a page the first time it is asked for it. A first crawl, into a
        # database of its own, finds the URLs and leaves the site warm; then the bare fetch and the
        # measured crawl run in turn against the same warm site, so that neither pays for rendering.
        cold_db = work / f"crawl-{articles}-cold.db"
        cold = run_measured(crawl_args(site.base_url, cold_db, "-s", f"WARC_DIR={work / 'warc-cold'}"), ROOT)
        cold_run = last_run(cold_db)
        cold.update(requests=cold_run["requests"], status=cold_run["status"])
        out["full_cold_site"] = cold
        out["bare"] = bench_bare(cold_db, cold_run["id"], articles, work)
        out.update(bench_full(site.base_url, db, work / f"warc-{articles}", out["bare"]))
        out.update(bench_reextract(db, work / f"reextract-{articles}.db", out["full"]))
        unchanged = run_measured(crawl_args(site.base_url, db), ROOT)
        unchanged["requests"] = last_run(db)["requests"]
        out["scheduled_unchanged"] = unchanged
    with SampleSiteProcess(articles=articles, now=NOW, day=2, port=port):
        next_day = run_measured(crawl_args(f"http://127.0.0.1:{port}", db), ROOT)
        run = last_run(db)
        next_day.update(requests=run["requests"], new=run["articles_new"], updated=run["articles_updated"])
        out["scheduled_next_day"] = next_day
    return out


def bench_bare(cold_db: Path, run_id: int, articles: int, work: Path) -> dict:
    """The bare ceiling: the same URLs, Scrapy's defaults, the same concurrency, nothing parsed or stored."""
    urls = [r[0] for r in Database(cold_db).execute("SELECT url FROM fetches WHERE run_id = ?", [run_id])]
    urls_file = work / f"urls-{articles}.txt"
    urls_file.write_text("\n".join(urls), encoding="utf-8")
    bare_dir = Path(tempfile.mkdtemp(prefix="bare-"))  # no scrapy.cfg here: Scrapy's own defaults
    settings = {
        "CONCURRENT_REQUESTS": CONCURRENCY,
        "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY,
        "LOG_LEVEL": "ERROR",
        "REDIRECT_ENABLED": False,
        "DOWNLOAD_MAXSIZE": 8388608,
        "TELNETCONSOLE_ENABLED": False,
    }
    command = [sys.executable, "-m", "scrapy.cmdline", "runspider", str(ROOT / "benchmarks" / "bare_spider.py")]
    command += ["-a", f"urls={urls_file}"]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    command += ["-a", f"usage={work / 'bare-usage.json'}"]
    bare = run_measured(command, bare_dir)
    bare["peak_rss_mib"] = json.loads((work / "bare-usage.json").read_text())["peak_rss_mib"]
    bare["requests"] = len(urls)
    bare["pages_per_s"] = round(len(urls) / bare["wall_s"], 1)
    return bare


def bench_full(base_url: str, db: Path, warc_dir: Path, bare: dict) -> dict:
    """The full crawl against the warm site, its ratios to the bare fetch, and the WARC it wrote."""
    full = run_measured(crawl_args(base_url, db, "-s", f"WARC_DIR={warc_dir}"), ROOT)
    run = last_run(db)
    full.update(requests=run["requests"], status=run["status"], stored=run["articles_new"])
    # The page-reading worker (EXTRACT_PROCESSES) is a child the crawl waits for: wait4 counts its
    # CPU seconds already. Memory is each process's own peak (VmHWM; wait4's maximum would include
    # this process's size, inherited at the fork), the crawl's and the worker's added up.
    stats = json.loads(run["stats"] or "{}")
    full["worker_cpu_s"] = stats.get("extract/worker_cpu_s", 0.0)
    full["worker_peak_rss_mib"] = stats.get("extract/worker_peak_rss_mib", 0.0)
    full["crawl_peak_rss_mib"] = stats.get("run/peak_rss_mib", full["peak_rss_mib"])
    full["peak_rss_mib"] = round(full["crawl_peak_rss_mib"] + full["worker_peak_rss_mib"], 1)
    full["pages_per_s"] = round(run["requests"] / full["wall_s"], 1)
    warc_bytes = sum(p.stat().st_size for p in warc_dir.glob("*.warc.gz"))
    return {
        "full": full,
        "ratio_full_over_bare": round(full["wall_s"] / bare["wall_s"], 3),
        "cpu_ratio_full_over_bare": round(full["cpu_s"] / max(bare["cpu_s"], 1e-6), 3),
        "warc": {
            "bytes": warc_bytes,
            "bytes_per_article": round(warc_bytes / max(run["articles_new"], 1)),
            "files": len(list(warc_dir.glob("*.warc.gz"))),
        },
    }


def bench_reextract(db: Path, rebuilt: Path, full: dict) -> dict:
    """Re-extraction of what the crawl captured, into a new archive: no request, the same pages read. With one
    worker and with the default (one a core), side by side; each run's CPU split between the reading workers and
    the writing process, per capture, and what those costs allow on more cores (``reextract_ceiling``)."""
    runs = {workers: reextract_once(db, rebuilt, workers) for workers in ("1", "default")}
    replay = runs["default"]
    return {
        "reextract": replay,
        "reextract_one_worker": runs["1"],
        "reextract_speed_over_crawl": round(replay["pages_per_s"] / max(full["pages_per_s"], 1e-6), 2),
        "reextract_ceiling": reextract_ceiling(replay),
    }


def reextract_once(db: Path, rebuilt: Path, workers: str) -> dict:
    rebuilt.unlink(missing_ok=True)
    command = [sys.executable, "-m", "scrapy.cmdline", "reextract", "--db", str(db), "--into", str(rebuilt)]
    if workers != "default":
        command += ["--workers", workers]
    replay = run_measured([*command, "-s", "LOG_LEVEL=ERROR"], ROOT)
    run = last_run(rebuilt)
    stats = json.loads(run["stats"] or "{}")
    captures = stats.get("replay/captures", 0)
    readers_cpu = stats.get("extract/worker_cpu_s", 0.0)
    replay.update(
        workers=workers,
        captures=captures,
        read_from_warc=stats.get("replay/read_from_warc", 0),
        stored=run["articles_new"],
        pages_per_s=round(captures / replay["wall_s"], 1),
        readers_cpu_ms_per_capture=round(1000 * readers_cpu / max(captures, 1), 3),
        writer_cpu_ms_per_capture=round(1000 * (replay["cpu_s"] - readers_cpu) / max(captures, 1), 3),
    )
    return replay


def reextract_ceiling(replay: dict) -> dict:
    """Captures a second the measured costs allow: on 2 cores, every core's CPU spent (readers and writer alike);
    on 16, fifteen readers or the one writing process, whichever is slower (a process is held near one core by
    Python's lock: its SQLite work runs beside it in a thread, its Python does not)."""
    reader, writer = replay["readers_cpu_ms_per_capture"], replay["writer_cpu_ms_per_capture"]
    both = reader + writer
    return {
        "2_cores": round(2000 / max(both, 1e-6)),
        "16_cores": round(min(15000 / max(reader, 1e-6), 1000 / max(writer, 1e-6))),
        "writer_alone": round(1000 / max(writer, 1e-6)),
    }


# ---- extraction alone -------------------------------------------------------------------------


def token_f1(a: str, b: str) -> float:
    from suarapos_crawler.sample_site.score import token_f1 as f1

    return f1(a, b)


def bench_extraction(pages: int) -> dict:
    """ms per page and field accuracy of our page classes, trafilatura and newspaper4k on the same pages."""
    from suarapos_crawler.sample_site import Faults, SampleSite, build_site, parse_now, site_truth

    site = build_site(articles=max(pages, 60), now=parse_now(NOW))
    server = SampleSite(site, SITE)
    truth = site_truth(site, SITE, Faults())["articles"][:pages]
    docs = [(t, server.get(t["url"][len(SITE) :]).body) for t in truth]
    tools = {"suarapos_crawler": read_ours, "trafilatura": read_trafilatura, "newspaper4k": read_newspaper}
    results = {name: score_extractor(extract, docs) for name, extract in tools.items()}
    ours_ms = results["suarapos_crawler"]["ms_per_page"]
    for name, r in results.items():
        if "ms_per_page" in r and name != "suarapos_crawler":
            r["times_slower_than_ours"] = round(r["ms_per_page"] / ours_ms, 2)
    return {"pages": len(docs), "tools": results}


SITE = "https://www.suarapos.com"  # the host the extraction benchmark's pages are rendered for


def read_ours(url: str, body: bytes) -> dict:
    from scrapy.http import HtmlResponse

    from suarapos_crawler.pages.article import ArticlePage

    item = ArticlePage(HtmlResponse(url, body=body, encoding="utf-8"), SITE).to_item()
    return {"title": item.title, "author": item.author, "date": item.published_at, "body": item.body}


def read_trafilatura(url: str, body: bytes) -> dict:
    import trafilatura

    doc = trafilatura.bare_extraction(body.decode("utf-8"), url=url, with_metadata=True, include_comments=False)
    doc = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    return {
        "title": doc.get("title"),
        "author": doc.get("author"),
        "date": doc.get("date"),
        "body": doc.get("text") or "",
    }


def read_newspaper(url: str, body: bytes) -> dict:
    import newspaper

    article = newspaper.Article(url, language="id", fetch_images=False)
    article.download(input_html=body.decode("utf-8"))
    article.parse()
    date = article.publish_date.isoformat() if article.publish_date else None
    return {"title": article.title, "author": ", ".join(article.authors) or None, "date": date, "body": article.text}


def score_extractor(extract, docs: list[tuple[dict, bytes]]) -> dict:
    """One extractor on every page: ms a page (after an untimed warm-up pass) and the share of each field right."""
    try:
        for t, body in docs:  # a full warm-up pass (imports, caches, date parser set-up), untimed
            extract(t["url"], body)
    except Exception as exc:  # noqa: BLE001 - a tool that cannot run is reported, not fatal
        return {"error": f"{type(exc).__name__}: {exc}"}
    right = {"title": 0, "author": 0, "date": 0, "body_f1_0.97": 0}
    started = time.perf_counter()
    got = [extract(t["url"], body) for t, body in docs]
    elapsed = time.perf_counter() - started
    for t, g in zip((t for t, _ in docs), got, strict=True):
        right["title"] += (g["title"] or "").strip() == t["title"]
        right["author"] += (g["author"] or "").strip() == t["author"]
        # a date is right when it gives the WIB day (and, when it has one, the WIB minute)
        date = str(g["date"] or "")
        right["date"] += date[:10] == t["published_at"][:10] and (
            len(date) <= 10 or date[:16] == t["published_at"][:16]
        )
        right["body_f1_0.97"] += token_f1(g["body"] or "", t["body"]) >= 0.97
    return {
        "ms_per_page": round(1000 * elapsed / len(docs), 3),
        **{k: round(v / len(docs), 4) for k, v in right.items()},
    }


def bench_generic(pages: int) -> dict:
    """The generic reading (a crawler that knows only Newspaper) on every other theme of the sample: ms a page (the
    whole reading, trafilatura's agreement included) and the share of each field right, the date at the precision
    the page shows it."""
    from suarapos_crawler.sample_site import Faults, SampleSite, build_site, parse_now, site_truth
    from suarapos_crawler.sample_site.server import THEMES

    site = build_site(articles=max(pages, 60), now=parse_now(NOW))
    results = {}
    for theme in (t for t in THEMES if t != "newspaper"):
        server = SampleSite(site, SITE, theme=theme)
        truth = [t for t in site_truth(site, SITE, Faults(), server.render)["articles"] if len(t["page_urls"]) == 1]
        docs = [(t, server.get(t["url"][len(SITE) :])) for t in truth[:pages]]
        read_generic(docs)  # warm-up: imports, caches, trafilatura's set-up
        started = time.perf_counter()
        items = read_generic(docs)
        elapsed = time.perf_counter() - started
        results[theme] = {"ms_per_page": round(1000 * elapsed / len(docs), 3), **score_generic(docs, items)}
    return {"pages": pages, "themes": results}


def read_generic(docs: list) -> list:
    from suarapos_crawler.pages.reading import read_page

    return [
        read_page(t["url"], reply.body.decode(), SITE, reply.headers.get("Date"), ("newspaper",)).article
        for t, reply in docs
    ]


def score_generic(docs: list, items: list) -> dict:
    from suarapos_crawler.sample_site.score import same_time

    right = {"title": 0, "date": 0, "section": 0, "author": 0, "body_f1_0.9": 0}
    for (t, _), item in zip(docs, items, strict=True):
        right["title"] += item.title == t["title"]
        right["date"] += same_time(item.published_at, t["published_at"], t["date_precision"])
        right["section"] += item.section == t["section"]
        right["author"] += item.author == t["author"]
        right["body_f1_0.9"] += token_f1(item.body, t["body"]) >= 0.9
    return {k: round(v / len(docs), 4) for k, v in right.items()}


# ---- storage alone ------------------------------------------------------------------------------


def sample_articles(rows: int) -> list[dict]:
    """The sample's articles as the pipelines hand them to storage (from its truth: no page parsed)."""
    from suarapos_crawler.sample_site import Faults, build_site, parse_now, site_truth

    truth = site_truth(build_site(articles=rows, now=parse_now(NOW)), "https://www.suarapos.com", Faults())["articles"]
    return [
        {
            **t,
            "published_raw": t["published_at"],
            "date_source": "json-ld",
            "word_count": len(t["body"].split()),
            "related": [{"target_url": u, "anchor_text": "x", "position": i} for i, u in enumerate(t["baca_juga"])],
        }
        for t in truth
    ]


def bench_storage(rows: int, work: Path) -> dict:
    from suarapos_crawler import storage

    articles = sample_articles(rows)
    db = storage.open_database(str(work / "storage.db"), busy_timeout=60)
    storage.upgrade(db)
    started = time.perf_counter()
    for i in range(0, len(articles), 100):
        with storage.transaction(db):
            for article in articles[i : i + 100]:
                storage.save_article(db, article, "2026-11-29T14:00:00+07:00", people_later=True)
            storage.refresh_marked_people(db)  # as the archive's writer does, once a batch
    elapsed = time.perf_counter() - started
    return {"rows": len(articles), "rows_per_s": round(len(articles) / elapsed, 1), "with_fts": True}


# ---- the weekly report ---------------------------------------------------------------------------------


def bench_report(rows: int, work: Path) -> dict:
    """`scrapy report` of the newest week of an archive of ``rows`` articles with three watched terms: the
    command as a user runs it (a new process: imports, figures, page, workbook), without and with the PDF."""
    from suarapos_crawler import storage
    from suarapos_crawler.enrich.watchlist import WatchTerm

    path = work / "report.db"
    db = storage.open_database(str(path), busy_timeout=60)
    storage.upgrade(db)
    terms = [WatchTerm(t, t) for t in ("Diskominfo Babel", "Pranata Humas", "Pangkalpinang")]
    with storage.transaction(db):
        storage.rematch(db, terms)
    articles = sample_articles(rows)
    for i in range(0, len(articles), 500):
        with storage.transaction(db):
            for article in articles[i : i + 500]:
                storage.save_article(db, article, "2026-11-29T14:00:00+07:00", terms, people_later=True)
            storage.refresh_marked_people(db)
    day = db.execute("SELECT MAX(published_day) FROM articles").fetchone()[0]
    db.close()
    label = "{}-W{:02d}".format(*datetime.fromisoformat(day).isocalendar()[:2])
    result = {"articles": rows, "week": label, "week_articles": 0}
    for name, extra in (("no_pdf", ["--no-pdf"]), ("with_pdf", [])):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "scrapy.cmdline", "report", "--db", str(path), "--week", label,
             "--out", str(work / f"report-{name}"), *extra],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        result[f"{name}_s"] = round(time.perf_counter() - started, 2)
        assert done.returncode == 0, done.stderr
        result["week_articles"] = int(done.stdout.split(":")[1].split()[0].replace(",", ""))
    return result


# ---- who said what -------------------------------------------------------------------------------


def bench_quotes(articles: int) -> dict:
    """Quote extraction on the sample's truth: the forms it was written for and the forms and speakers held out,
    each on two seeds; its cost per article (the articles' text as stored, no page parsing)."""
    import dataclasses

    from suarapos_crawler.enrich.quotes import find_quotes
    from suarapos_crawler.sample_site import build_site, parse_now
    from suarapos_crawler.sample_site.score import QuoteScore

    out = {}
    for speech in ("seen", "held_out"):
        for seed in (8, 21):
            site = build_site(articles=articles, now=parse_now(NOW), seed=seed, speech=speech, day=2)
            texts = [(a, a.title, "\n\n".join(a.paragraphs)) for a in site.articles]
            find_quotes(*texts[0][1:])  # the gazetteer and the stemmer's dictionary load once, not timed
            started = time.perf_counter()
            found = [find_quotes(title, body) for _, title, body in texts]
            elapsed = time.perf_counter() - started
            score = QuoteScore()
            for (a, _, _), quotes in zip(texts, found, strict=True):
                score.add(a.slug, a.quotes, [dataclasses.asdict(q) for q in quotes])
            out[f"{speech}, seed {seed}"] = {**score.summary(), "ms_per_article": round(1000 * elapsed / len(texts), 3)}
    return out


# ---- WARC compression levels --------------------------------------------------------------------


def bench_warc_levels(pages: int) -> dict:
    """ms per page and bytes kept at each deflate level, zlib's and ISA-L's, as gzip members of the sample's article
    pages: WARC_GZIP_LEVEL's reason (the WARC files are deflated by ISA-L)."""
    import zlib

    from isal import isal_zlib

    from suarapos_crawler.sample_site import Faults, SampleSite, build_site, parse_now, site_truth

    base = "https://www.suarapos.com"
    site = build_site(articles=max(pages, 60), now=parse_now(NOW))
    server = SampleSite(site, base)
    bodies = [server.get(t["url"][len(base) :]).body for t in site_truth(site, base, Faults())["articles"][:pages]]
    raw = sum(map(len, bodies))

    def gzip_member(deflate, level: int, body: bytes) -> bytes:
        compressor = deflate.compressobj(level, deflate.DEFLATED, deflate.MAX_WBITS + 16)
        return compressor.compress(body) + compressor.flush()

    levels = {}
    for name, deflate, known in (("zlib", zlib, (1, 3, 6, 9)), ("isal", isal_zlib, (0, 1, 2, 3))):
        for level in known:
            started = time.process_time()
            kept = sum(len(gzip_member(deflate, level, body)) for body in bodies)
            levels[f"{name} {level}"] = {
                "ms_per_page": round((time.process_time() - started) / len(bodies) * 1000, 3),
                "share_of_raw": round(kept / raw, 3),
            }
    return {"pages": len(bodies), "raw_bytes_per_page": raw // len(bodies), "levels": levels}


# ---- report ---------------------------------------------------------------------------------------


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def reextract_lines(results: dict) -> list[str]:
    """The re-extraction's own table: captures a second with one worker and with one a core, and its CPU a capture
    in the readers and in the writing process."""
    rows = [r for r in results["sizes"] if "reextract_one_worker" in r]
    if not rows:
        return []
    lines = [
        "",
        "| articles | captures | reextract, 1 worker: captures/s | one a core: captures/s | CPU ms a capture: readers "
        "+ writer | allowed by those costs: 2 cores, 16 cores (the writer alone) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        one, every, ceiling = r["reextract_one_worker"], r["reextract"], r["reextract_ceiling"]
        lines.append(
            f"| {r['articles']:,} | {every['captures']:,} | {one['pages_per_s']} | {every['pages_per_s']} | "
            f"{every['readers_cpu_ms_per_capture']} + {every['writer_cpu_ms_per_capture']} | "
            f"{ceiling['2_cores']}, {ceiling['16_cores']} ({ceiling['writer_alone']}) |"
        )
    return lines


def markdown(results: dict) -> str:
    lines = [
        "| articles | requests | full crawl s (CPU s) | pages/s | bare Scrapy s (CPU s) | full / bare, wall | full / bare, CPU "
        "| peak RSS MiB, crawl + worker | unchanged run: requests, s | next day: requests, s "
        "| WARC bytes/article | reextract pages/s (× crawl) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results["sizes"]:
        f, b, u, n = r["full"], r["bare"], r["scheduled_unchanged"], r["scheduled_next_day"]
        rss = f"{f['peak_rss_mib']} ({f.get('crawl_peak_rss_mib', f['peak_rss_mib'])} + {f.get('worker_peak_rss_mib', 0)})"
        lines.append(
            f"| {r['articles']:,} | {f['requests']:,} | {f['wall_s']} ({f['cpu_s']}) | {f['pages_per_s']} | {b['wall_s']} ({b['cpu_s']}) | "
            f"{r['ratio_full_over_bare']} | {r.get('cpu_ratio_full_over_bare', '')} | {rss} | "
            f"{u['requests']}, {u['wall_s']} | {n['requests']}, {n['wall_s']} | "
            f"{r.get('warc', {}).get('bytes_per_article', '')} | "
            f"{r.get('reextract', {}).get('pages_per_s', '')} ({r.get('reextract_speed_over_crawl', '')} ×) |"
        )
    lines += reextract_lines(results)
    lines += extraction_tables(results)
    st = results.get("storage")
    if st:
        lines += [
            "",
            f"Storage alone: {st['rows_per_s']:,} articles/s into SQLite with FTS, quotes and people "
            f"({st['rows']:,} rows, batches of 100).",
        ]
    rp = results.get("report")
    if rp:
        lines += [
            "",
            f"`scrapy report --week {rp['week']}` of an archive of {rp['articles']:,} articles ({rp['week_articles']:,} "
            f"that week, three watched terms), the command as run: {rp['no_pdf_s']} s for the HTML page and the XLSX "
            f"workbook, {rp['with_pdf_s']} s with the PDF printed by Chromium.",
        ]
    wl = results.get("warc_levels")
    if wl:
        lines += [
            "",
            f"WARC gzip members, {wl['pages']} sample pages of {wl['raw_bytes_per_page']:,} bytes (CPU ms):",
            "",
            "| deflate, level | ms/page | bytes kept |",
            "|---:|---:|---:|",
        ]
        lines += [f"| {k} | {v['ms_per_page']} | {v['share_of_raw']:.1%} |" for k, v in wl["levels"].items()]
    lines += quote_table(results.get("quotes"))
    m = results["machine"]
    lines += ["", f"Machine: {m['cpus']} CPUs, {m['memory_gib']} GiB, Python {m['python']}, {m['date']}."]
    return "\n".join(lines)


def quote_table(quotes: dict | None) -> list[str]:
    if not quotes:
        return []
    lines = [
        "",
        "Who said what: quotes read from the sample's articles against its truth (forms held out: written after the "
        "extraction, with officials its gazetteer does not list):",
        "",
        "| forms, seed | direct quotes | recall | precision | speaker right | indirect found | office kept | ms/article |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in quotes.items():
        lines.append(
            f"| {name} | {r['direct_quotes']:,} | {r['direct_recall']:.1%} | {r['direct_precision']:.1%} | "
            f"{r['speaker_right']:.1%} | {r['indirect_found']:.1%} | {r['office_speakers_kept_as_office']:.1%} | "
            f"{r['ms_per_article']} |"
        )
    return lines


def extraction_tables(results: dict) -> list[str]:
    """The tables of the extraction alone: the three extractors, and the generic reading on every theme."""
    lines: list[str] = []
    ex = results.get("extraction", {})
    if ex:
        lines += [
            "",
            f"Extraction alone, {ex['pages']} saved sample pages:",
            "",
            "| extractor | ms/page | title | author | date | body F1 ≥ 0.97 |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for name, r in ex["tools"].items():
            if "error" in r:
                lines.append(f"| {name} | {r['error']} | | | | |")
            else:
                lines.append(
                    f"| {name} | {r['ms_per_page']} | {r['title']:.0%} | {r['author']:.0%} | {r['date']:.0%} | {r['body_f1_0.97']:.0%} |"
                )
    gen = results.get("generic")
    if gen:
        lines += [
            "",
            f"The generic reading (a crawler that knows only Newspaper), {gen['pages']} article pages of each theme, the "
            "date at the precision the page shows:",
            "",
            "| theme | ms/page | title | date | section | author | body F1 ≥ 0.9 |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for theme, r in gen["themes"].items():
            lines.append(
                f"| {theme} | {r['ms_per_page']} | {r['title']:.0%} | {r['date']:.0%} | {r['section']:.0%} | "
                f"{r['author']:.0%} | {r['body_f1_0.9']:.0%} |"
            )
    return lines


def chart(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["articles"] for r in results["sizes"]]
    fig, axes = plt.subplots(1, 3, figsize=(14, 4))
    axes[0].plot(sizes, [r["full"]["wall_s"] for r in results["sizes"]], "o-", label="full crawl")
    axes[0].plot(sizes, [r["bare"]["wall_s"] for r in results["sizes"]], "s--", label="bare Scrapy, same URLs")
    axes[0].set(title="Seconds to crawl", xlabel="articles", ylabel="s")
    axes[0].legend()
    axes[1].plot(sizes, [r["ratio_full_over_bare"] for r in results["sizes"]], "o-", label="wall")
    axes[1].plot(
        sizes, [r.get("cpu_ratio_full_over_bare", 0) for r in results["sizes"]], "s--", label="CPU (crawl + worker)"
    )
    axes[1].axhline(1.5, color="red", linestyle=":", label="target 1.5 (wall)")
    axes[1].set(title="Full / bare", xlabel="articles")
    axes[1].legend()
    axes[2].plot(sizes, [r["full"]["peak_rss_mib"] for r in results["sizes"]], "o-", label="full crawl + worker")
    axes[2].plot(sizes, [r["bare"]["peak_rss_mib"] for r in results["sizes"]], "s--", label="bare Scrapy")
    axes[2].axhline(250, color="red", linestyle=":", label="target 250 MiB")
    axes[2].set(title="Peak RSS", xlabel="articles", ylabel="MiB")
    axes[2].legend()
    for ax in axes:
        ax.set_xscale("log")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="articles in the sample site, comma-separated")
    parser.add_argument(
        "--out", default=str(ROOT / "benchmarks" / "results"), help="folder for results.json and results.png"
    )
    parser.add_argument("--extraction-pages", type=int, default=300)
    parser.add_argument("--smoke", action="store_true", help="small and quick: checks the report is produced")
    parser.add_argument(
        "--only",
        choices=["quotes", "storage", "report"],
        default=None,
        help="measure this part alone, keeping the other results as they are",
    )
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.only:
        results = json.loads((out / "results.json").read_text(encoding="utf-8"))
        if args.only == "quotes":
            results["quotes"] = bench_quotes(60 if args.smoke else 600)
        elif args.only == "report":
            results["report"] = bench_report(300 if args.smoke else 10_000, work)
        else:
            results["storage"] = bench_storage(500 if args.smoke else 5000, work)
        return report(results, out)
    results = {"machine": machine(), "sizes": []}
    for size in sizes:
        print(f"crawling a sample of {size:,} articles...", file=sys.stderr, flush=True)
        results["sizes"].append(bench_size(size, work))
    print("extraction alone...", file=sys.stderr, flush=True)
    results["extraction"] = bench_extraction(60 if args.smoke else args.extraction_pages)
    print("the generic reading on every theme...", file=sys.stderr, flush=True)
    results["generic"] = bench_generic(20 if args.smoke else 100)
    print("storage alone...", file=sys.stderr, flush=True)
    results["storage"] = bench_storage(500 if args.smoke else 5000, work)
    print("WARC compression levels...", file=sys.stderr, flush=True)
    results["warc_levels"] = bench_warc_levels(60 if args.smoke else args.extraction_pages)
    print("who said what...", file=sys.stderr, flush=True)
    results["quotes"] = bench_quotes(60 if args.smoke else 600)
    print("the weekly report...", file=sys.stderr, flush=True)
    results["report"] = bench_report(300 if args.smoke else 10_000, work)
    return report(results, out)


def report(results: dict, out: Path) -> int:
    """results.json, the chart, results.md and docs/performance.md's tables, from the results."""
    (out / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    chart(results, out / "results.png")
    (out / "results.md").write_text(markdown(results) + "\n", encoding="utf-8")
    if out == ROOT / "benchmarks" / "results":  # the results the docs show: docs/performance.md follows them
        from suarapos_crawler.commands.project.docs import benchmark_tables, write

        write(ROOT, "performance.md", "benchmark", benchmark_tables(ROOT))
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
