"""Theme profiles: selectors read into the page classes' XPaths, and a theme learned from its own pages (the whole
loop, from a crawl's captures to a re-extraction and a run that is ok again, is tests/e2e/test_unknown_themes.py)."""

from __future__ import annotations

import pytest
import yaml

from suarapos_crawler.pages.article import ArticlePage
from suarapos_crawler.pages.html import FetchedPage
from suarapos_crawler.pages.learn import learn
from suarapos_crawler.pages.themes import ProfileError, ThemeMarkup, load_profiles, read_profile, selector_xpath
from suarapos_crawler.sample_site import Faults, build_site, parse_now, site_truth
from suarapos_crawler.sample_site.server import SampleSite

BASE = "https://www.suarapos.com"


def test_a_selector_is_the_xpath_the_page_classes_run():
    assert selector_xpath("time") == ".//time"
    assert selector_xpath("div.a.b > a") == (
        ".//div[(contains(@class, 'a') and contains(concat(' ', normalize-space(@class), ' '), ' a ')) and "
        "(contains(@class, 'b') and contains(concat(' ', normalize-space(@class), ' '), ' b '))]/a"
    )
    assert selector_xpath("#main h1") == ".//*[@id='main']//h1"
    with pytest.raises(ProfileError, match="not a tag"):
        selector_xpath("div[data-x]")


def test_a_profile_that_cannot_be_read_names_its_file_and_why(tmp_path):
    (tmp_path / "bad.yml").write_text("theme: x\ncontent: div.a\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"bad\.yml: missing field\(s\) title, author, time"):
        load_profiles(tmp_path)
    (tmp_path / "bad.yml").write_text("theme: x\ncontent: div.a\nsidebar: aside\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="unknown field"):
        read_profile(tmp_path / "bad.yml")
    assert load_profiles(tmp_path / "nowhere") == ()


def pages_of(theme: str, count: int):
    site = build_site(articles=60, now=parse_now("2026-11-29T14:00:00+07:00"))
    server = SampleSite(site, BASE, theme=theme)
    articles = [a for a in site.articles if a.page_count == 1 and not a.duplicate_of][:count]
    fetched = [
        (BASE + a.path, server.get(a.path).body.decode(), server.get(a.path).headers.get("Date")) for a in articles
    ]
    truth = {t["url"]: t for t in site_truth(site, BASE, Faults(), server.render)["articles"]}
    return fetched, [truth[url] for url, _, _ in fetched]


def test_a_theme_learned_from_some_pages_reads_the_others_as_the_truth_says(tmp_path):
    fetched, truth = pages_of("jnews", 12)
    learned = learn("jnews", fetched[:8], BASE)
    assert learned.pages == 8
    assert set(learned.agreement.values()) == {1.0}, learned.agreement
    assert learned.profile["content"] == "div.content-inner"
    assert "div.jnews_inline_related_post_wrapper" in learned.profile["exclude"]  # its "Baca Juga" box of posts
    (tmp_path / "jnews.yml").write_text(yaml.safe_dump(learned.profile), encoding="utf-8")
    (markup,) = load_profiles(tmp_path)
    assert isinstance(markup, ThemeMarkup)
    for (url, html, date), want in zip(fetched[8:], truth[8:], strict=True):  # pages it did not learn from
        item = ArticlePage(FetchedPage(url, html, date), BASE, (markup,)).to_item()
        assert item.extracted_by == "jnews"
        assert (item.title, item.author, item.section, item.tags) == (
            want["title"],
            want["author"],
            want["section"],
            want["tags"],
        )
        assert item.body == want["body"] and item.dateline == want["dateline"]


def test_pages_of_a_known_theme_teach_nothing():
    fetched, _ = pages_of("colormag", 4)
    learned = learn("colormag", fetched, BASE)
    assert learned.pages == 0 and learned.agreement == {}
