"""Datasette, really started, on the database of a real crawl of the sample site."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def datasette(crawled):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(crawled["path"]), "-m", str(ROOT / "metadata.yml"),
         "--port", str(port), "--host", "127.0.0.1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError(proc.stdout.read().decode())
    yield url + "/" + crawled["path"].stem
    proc.terminate()
    proc.wait(timeout=10)


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read())


def get_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as resp:
        return resp.read().decode()


def test_search_finds_an_article_by_a_word_of_its_body(datasette, crawled):
    seed = next(a for a in crawled["truth"]["articles"] if "seed_article" in a["traps"])
    rows = get_json(f"{datasette}/articles.json?_search=Cordela&_shape=array&_col=title")
    assert [r["url"] for r in rows] == [seed["url"]]


def test_tables_have_titles_and_descriptions(datasette):
    assert "One row per article" in get_text(f"{datasette}/articles")
    assert "Suarapos archive" in get_text(datasette.rsplit("/", 1)[0] + "/")


def test_facets_respond(datasette):
    data = get_json(f"{datasette}/articles.json?_facet=section&_facet=author")
    sections = {f["value"] for f in data["facet_results"]["section"]["results"]}
    assert "Pemerintahan" in sections


def test_markup_in_a_title_is_shown_as_text(datasette, crawled):
    bad = next(a for a in crawled["truth"]["articles"] if "markup_in_title" in a["traps"])
    page = get_text(f"{datasette}/articles?_search={urllib.parse.quote('Palsu WhatsApp')}")
    assert "&lt;script&gt;" in page and "Tautan <script>" not in page
    assert bad["title"].startswith("Waspada")
