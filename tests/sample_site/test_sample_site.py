"""The sample site itself: every quirk of SITE.md is served, the truth agrees with the HTML, it is deterministic."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections import Counter

import pytest

from suarapos_crawler.sample_site import Faults, SampleSite, build_site, parse_now, site_truth
from suarapos_crawler.sample_site.content import BACA_JUGA_SHAPES
from suarapos_crawler.sample_site.process import SampleSiteProcess
from suarapos_crawler.sample_site.render import texturize

NOW = parse_now("2026-11-29T14:00:00+07:00")
BASE = "http://127.0.0.1:9"


@pytest.fixture(scope="module")
def site():
    return build_site(articles=200, now=NOW)


@pytest.fixture(scope="module")
def server(site):
    return SampleSite(site, BASE)


@pytest.fixture(scope="module")
def truth(site):
    return site_truth(site, BASE, Faults())


def test_every_trap_is_planted(truth):
    traps = Counter(t for a in truth["articles"] for t in a["traps"])
    for trap in [
        "seed_article",
        "early_morning_utc_previous_day",
        "long_title_crumb_cut",
        "quotes_and_ampersand_in_title",
        "markup_in_title",
        "press_release_original",
        "press_release_republished",
        "date_only_in_visible_text",
        "only_theme_datetime_plus0000",
        "yoast_comma_section_string_count",
        "jumat_apostrophe_in_body",
        "embed_instagram",
        "embed_youtube",
        "embed_tweet",
        "comments_replytocom",
        "old_slug_redirect",
        "baca_juga_to_deleted_article",
    ]:
        assert traps[trap] >= 1, trap
    assert traps["shared_title"] == 2


def test_every_shape_is_present(truth):
    arts = truth["articles"]
    assert {"classic", "tdb"} == {a["template"] for a in arts}
    assert {"yoast", "yoast_old", "yoast_local", "og", "none"} == {a["meta"] for a in arts}
    assert {"gutenberg", "classic_span", "br"} == {a["body_shape"] for a in arts}
    assert set(BACA_JUGA_SHAPES) | {"br_line"} <= {s for a in arts for s in a["baca_juga_shapes"]}


def test_seed_article_is_the_real_one(server, truth):
    seed = next(a for a in truth["articles"] if "seed_article" in a["traps"])
    assert seed["url"].endswith("/tingkatkan-kompetensi-pranata-humas-diskominfo-babel-gelar-bimtek/")
    assert seed["published_at"] == "2023-02-08T20:15:32+07:00"
    html = server.get("/tingkatkan-kompetensi-pranata-humas-diskominfo-babel-gelar-bimtek/").body.decode()
    assert html.count("<!-- INLINE RELATED POSTS") == 3 and "LEAVE A REPLY" in html and "BERBAGI" in html
    assert "Kodim 0413 Bangka Gelar Coffee Morning Bersama Wartawan" in html


def test_truth_agrees_with_the_html(server, truth):
    for a in truth["articles"]:
        html = "".join(server.get(url[len(BASE) :]).body.decode() for url in a["page_urls"])  # a split post's pages
        assert f">{texturize(a['title'])}</h1>" in html
        assert f"postid-{a['post_id']}" in html
        first_words = " ".join(a["body_paragraphs"][-1].split()[:4])
        assert texturize(first_words) in html or first_words in re.sub("<[^>]+>", "", html)
        if a["meta"] in ("yoast", "yoast_old", "og"):
            assert 'article:published_time" content="' in html


def test_theme_date_trap_and_true_utc_side_by_side(server, truth):
    a = next(a for a in truth["articles"] if "early_morning_utc_previous_day" in a["traps"])
    html = server.get(a["url"][len(BASE) :]).body.decode()
    wall = a["published_at"][:19]
    assert f'datetime="{wall}+00:00"' in html  # the theme's wall clock labelled UTC
    assert '"datePublished": "' in html and f'"datePublished": "{wall}+00:00"' not in html


def test_urls_behave_like_wordpress(server, site, truth):
    a = next(x for x in truth["articles"] if x["old_urls"])
    assert server.get(a["old_urls"][0][len(BASE) :]).headers["Location"] == a["url"]
    assert server.get(f"/?p={a['post_id']}").headers["Location"] == a["url"]
    assert server.get(a["url"][len(BASE) :].rstrip("/")).status == 301
    assert server.get(a["url"][len(BASE) :] + "?replytocom=5").status == 200
    assert server.get("/berita-ini-sudah-dihapus-redaksi/").status == 404
    assert server.get("/category/daerah/page/1/").status == 301
    last = truth["listing_pages"]["daerah"]
    assert server.get(f"/category/daerah/page/{last}/").status == 200
    assert server.get(f"/category/daerah/page/{last + 1}/").status == 404


def test_non_article_pages(server):
    assert b"page-template-default page" in server.get("/redaksi/").body
    assert server.get("/tag/bangka-belitung/").status == 200
    assert server.get("/author/redaksi/").status == 200
    assert server.get("/?s=babel").status == 200
    assert server.get("/feed/").headers["Content-Type"].startswith("application/rss+xml")
    archive = server.get("/2024/05/").body.decode()
    assert "/2024/04/" in archive  # the calendar trap: each month links the one before


def test_robots_and_sitemaps(server, site):
    robots = server.get("/robots.txt").body.decode()
    assert robots.count("User-agent: *") == 2 and "Disallow: /wp-admin/" in robots and "Sitemap:" in robots
    index = server.get("/sitemap_index.xml").body.decode()
    assert "post-sitemap.xml" in index
    first = server.get("/post-sitemap.xml").body.decode()
    assert first.index(f"<loc>{BASE}/</loc>") < first.index("<lastmod>")  # home first, no lastmod
    assert server.get("/sitemap.xml").status == 301


def test_load_more_section_prints_no_page_nav_but_serves_pages(server, site):
    html = server.get("/category/ekonomi/").body.decode()
    assert "page-nav" not in html and "Muat lebih" in html
    assert site.section_pages("ekonomi") >= 2 and server.get("/category/ekonomi/page/2/").status == 200


def test_same_seed_and_now_serve_the_same_bytes():
    one = SampleSite(build_site(articles=80, now=NOW), BASE)
    two = SampleSite(build_site(articles=80, now=NOW), BASE)
    for path in ["/", "/category/daerah/", "/post-sitemap.xml"] + [a.path for a in one.site.articles]:
        assert one.get(path).body == two.get(path).body, path


def test_day_two_adds_new_articles_and_one_correction():
    day1 = site_truth(build_site(articles=200, now=NOW), BASE, Faults())
    day2 = site_truth(build_site(articles=200, day=2, now=NOW), BASE, Faults())
    before = {a["url"]: a for a in day1["articles"]}
    after = {a["url"]: a for a in day2["articles"]}
    new = set(after) - set(before)
    assert new and set(before) <= set(after)
    assert all(after[u]["published_at"] > day1["now"] for u in new)
    changed = [u for u in before if before[u] != after[u]]
    assert len(changed) == 1
    fixed = after[changed[0]]
    assert "corrected_on_day_2" in fixed["traps"] and fixed["modified_at"] > before[changed[0]]["modified_at"]
    assert fixed["title"] != before[changed[0]]["title"]


def test_faults_on_request(site):
    faults = Faults.parse("retry_503,redirect_loop,charset,truncated,oversized,slow,drop", site)
    server = SampleSite(site, BASE, faults)
    by_id = site.by_id
    path = lambda name: by_id[faults.targets[name]].path  # noqa: E731
    assert server.get(path("retry_503")).status == 503 and server.get(path("retry_503")).status == 200
    loop = server.get(path("redirect_loop"))
    assert loop.status == 302 and server.get(loop.headers["Location"][len(BASE) :]).headers["Location"].endswith(
        path("redirect_loop")
    )
    assert "ISO-8859-1" in server.get(path("charset")).headers["Content-Type"]
    assert b"</html>" not in server.get(path("truncated")).body
    assert len(server.get(path("oversized")).body) > 12 * 1024 * 1024
    assert server.get(path("slow")).delay > 0 and server.get(path("drop")).drop
    with pytest.raises(ValueError):
        Faults.parse("nonsense", site)
    truth = site_truth(site, BASE, faults)
    assert sum(bool(a["faults"]) for a in truth["articles"]) == 7


def test_a_real_server_on_loopback(tmp_path):
    with SampleSiteProcess(articles=40, truth=tmp_path / "t.json", now="2026-11-29T14:00:00+07:00") as sample:
        assert sample.base_url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(sample.base_url + "/") as resp:
            assert resp.status == 200 and b"td_data_time" in resp.read()
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(sample.base_url + "/tidak-ada/")
        assert missing.value.code == 404
        truth = json.loads((tmp_path / "t.json").read_text())
        assert truth["base_url"] == sample.base_url and len(truth["articles"]) == 41
