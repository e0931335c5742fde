"""Press releases end to end: `scrapy pickup` finds the edited copies of each release the sample ran, with the
share each reused, and every article's kind is read from its page; on the sample the rules were written against
(seed 8) and on one they were not (seed 33, with the marks held out)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlite_utils import Database

from suarapos_crawler.commands.project.pickup import as_json
from suarapos_crawler.enrich.pickup import Release
from suarapos_crawler.sample_site.process import SampleSiteProcess
from suarapos_crawler.sample_site.score import score_pickups, score_stored_kinds
from suarapos_crawler.storage.pickup import find_pickups
from tests.e2e.conftest import browsing
from tests.e2e.crawl import ROOT, run_crawl

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def held_out(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("held-out-releases")
    with SampleSiteProcess(articles=600, seed=33, speech="held_out", truth=tmp / "truth.json") as site:
        assert run_crawl(site.base_url, tmp / "a.db", log_level="INFO").returncode == 0
    return {"path": tmp / "a.db", "db": Database(tmp / "a.db"), "truth": json.loads((tmp / "truth.json").read_text())}


def pickup(archive, release_file, *extra):
    return subprocess.run(
        [sys.executable, "-m", "scrapy.cmdline", "pickup", str(release_file), "--db", str(archive), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def pickups_of(archive, truth, tmp_path) -> dict[str, list[dict]]:
    """What pickup lists for each release of the sample: the first by the command as a script runs it (its JSON),
    the others by the function it calls (a Scrapy command's start costs 1.5 s), compared once with the command's."""
    found = {}
    db = Database(archive)
    for n, release in enumerate(truth["releases"]):
        text = release["title"] + "\n\n" + "\n\n".join(release["paragraphs"]) + "\n"
        listed = [as_json(row, reuse) for row, reuse in find_pickups(db, Release.from_text(text))]
        if n == 0:
            (tmp_path / "release.txt").write_text(text, encoding="utf-8")
            done = pickup(archive, tmp_path / "release.txt", "--json")
            assert done.returncode == 0, done.stderr
            assert json.loads(done.stdout) == listed
        found[release["id"]] = listed
    return found


@pytest.mark.parametrize("sample", ["crawled", "held_out"])
def test_pickup_finds_the_edited_copies_of_each_release_and_how_much_each_reused(sample, request, tmp_path):
    archive = request.getfixturevalue(sample)
    got = score_pickups(pickups_of(archive["path"], archive["truth"], tmp_path), archive["truth"])
    assert got["copies"] >= 12, got
    assert got["found"] >= 0.95, got
    assert got["false_matches"] == [], got
    assert got["worst_share_error"] <= 0.05, got


@pytest.mark.parametrize("sample", ["crawled", "held_out"])
def test_every_article_has_the_kind_its_page_declares(sample, request):
    archive = request.getfixturevalue(sample)
    got = score_stored_kinds(archive["db"], archive["truth"])
    assert got["kinds"].get("press_release", 0) >= 20 and got["kinds"].get("advertorial", 0) >= 3, got["kinds"]
    assert got["right"] >= 0.95, got["wrong"][:10]


def test_pickup_shows_the_paragraphs_reused_and_the_words_changed(crawled, tmp_path):
    truth = crawled["truth"]
    edited = next(a for a in truth["articles"] if a["release"] and "word changed" in a["release"]["edits"])
    release = next(r for r in truth["releases"] if r["id"] == edited["release"]["id"])
    text = tmp_path / "release.txt"
    text.write_text(release["title"] + "\n\n" + "\n\n".join(release["paragraphs"]), encoding="utf-8")
    done = pickup(crawled["path"], text)
    assert done.returncode == 0, done.stderr
    block = done.stdout.split(edited["url"])[1].split("\n\n")[0]
    assert "edited: " in block and "[-" in block and "{+" in block, block
    cut = [n for n in range(1, len(release["paragraphs"]) + 1) if n not in edited["release"]["paragraphs"]]
    assert ("cut: " + ", ".join(f"¶{n}" for n in cut)) in block if cut else "cut:" not in block


def test_pickup_refuses_in_one_line_what_it_cannot_read(crawled, tmp_path):
    (tmp_path / "empty.txt").write_text("\n\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an archive", encoding="utf-8")
    for release, archive in ((tmp_path / "missing.txt", crawled["path"]), (tmp_path / "empty.txt", crawled["path"]),
                             (tmp_path / "notes.txt", tmp_path / "notes.txt")):  # fmt: skip
        done = pickup(archive, release if archive != release else tmp_path / "notes.txt")
        assert done.returncode == 6 and done.stdout == "" and len(done.stderr.strip().splitlines()) == 1, done


def test_a_pr_officer_pastes_a_release_in_the_browser_and_sees_its_copies(browser, crawled, tmp_path):
    truth = crawled["truth"]
    release = truth["releases"][0]
    text = release["title"] + "\n\n" + "\n\n".join(release["paragraphs"])
    (tmp_path / "release.txt").write_text(text, encoding="utf-8")
    listed = json.loads(pickup(crawled["path"], tmp_path / "release.txt", "--json").stdout)
    copies = {a["url"] for a in truth["articles"] if a["release"] and a["release"]["id"] == release["id"]}
    with browsing(crawled["path"]) as url:
        page = browser.new_page()
        page.goto(url + "/")
        page.click("text=Did our press release run?")
        page.fill("textarea[name=release]", text + "\n\n<script>document.title = 'ran'</script>")
        page.click("input[type=submit]")
        page.wait_for_selector("#result")
        shown = page.eval_on_selector_all(".found", "els => els.map(e => [e.dataset.url, +e.dataset.share])")
        assert [u for u, _ in shown] == [row["url"] for row in listed] and {u for u, _ in shown} <= copies
        assert [s for _, s in shown] == sorted((s for _, s in shown), reverse=True) and shown[0][1] >= 0.5
        assert page.title() == "Did our press release run?"  # the pasted script is text
        first = page.locator(".found a").first
        first.click()
        assert page.locator("article.reading h1").inner_text() == next(
            a["title"] for a in truth["articles"] if a["url"] == shown[0][0]
        )
        page.close()
