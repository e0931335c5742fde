"""Who said what, end to end: quotes read from pages a real crawl fetched, against the sample's truth, on the
forms they were written for and on forms held out; and read again by `scrapy rematch` with a user's gazetteer."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from sqlite_utils import Database

from suarapos_crawler.sample_site.process import SampleSiteProcess
from suarapos_crawler.sample_site.score import score_stored_quotes
from suarapos_crawler.sample_site.speech import seed_article_quotes
from tests.e2e.crawl import ROOT, run_crawl

pytestmark = pytest.mark.e2e


def test_quotes_read_from_crawled_pages_match_the_truth(crawled):
    got = score_stored_quotes(crawled["db"], crawled["truth"]).summary()
    assert got["direct_quotes"] > 300
    assert got["direct_recall"] >= 0.95 and got["direct_precision"] >= 0.95, got
    assert got["speaker_right"] >= 0.9, got
    assert got["indirect_marked_indirect"] == 1.0 and got["office_speakers_kept_as_office"] == 1.0, got


def test_the_crawled_real_article_has_exactly_its_quotes(crawled):
    seed = next(a for a in crawled["truth"]["articles"] if "seed_article" in a["traps"])
    rows = list(crawled["db"].query("SELECT * FROM quotes WHERE article_url = ? ORDER BY position", [seed["url"]]))
    keys = ("quote", "speaker", "role", "organisation", "kind", "cue", "paragraph")
    assert [{k: r[k] for k in keys} for r in rows] == seed_article_quotes()


def test_quotes_of_forms_and_speakers_held_out_read_from_a_crawl(tmp_path):
    """Another seed, and the held-out forms and officials (speech.HELD_OUT_FORMS)."""
    with SampleSiteProcess(articles=120, seed=21, speech="held_out", truth=tmp_path / "truth.json") as site:
        assert run_crawl(site.base_url, tmp_path / "a.db", log_level="INFO").returncode == 0
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    got = score_stored_quotes(Database(tmp_path / "a.db"), truth).summary()
    assert got["direct_recall"] >= 0.95 and got["direct_precision"] >= 0.95, got
    assert got["speaker_right"] >= 0.9, got


def rematch(archive, *extra):
    return subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "rematch", "--db", str(archive), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_rematch_reads_the_quotes_again_with_a_users_gazetteer(crawled, tmp_path):
    archive = tmp_path / "copy.db"
    shutil.copy(crawled["path"], archive)
    gazetteer = tmp_path / "speakers.yml"
    gazetteer.write_text("organisations: [Kecamatan Toboali]\noffices: {Camat: 'Pemerintah Kecamatan {rest}'}\n")
    done = rematch(archive, "--gazetteer", str(gazetteer))
    assert done.returncode == 0, done.stderr
    quotes = Database(archive)["quotes"].count
    assert f"quotes read again: {quotes:,} quotes of" in done.stdout
    organisations = {
        r[0] for r in Database(archive).execute("SELECT organisation FROM quotes WHERE role LIKE 'Camat %'")
    }
    assert organisations == {"Pemerintah Kecamatan Toboali"}


def test_rematch_refuses_a_gazetteer_that_is_not_one_in_one_line(crawled, tmp_path):
    bad = tmp_path / "speakers.yml"
    bad.write_text("cues: ujar\n")
    done = rematch(crawled["path"], "--gazetteer", str(bad))
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "cues must be a list" in done.stderr
