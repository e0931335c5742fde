"""The kind of copy an article is, from the marks its page declares (enrich/kinds.py)."""

from __future__ import annotations

import json

import pytest
from sqlite_utils import Database

from suarapos_crawler import storage
from suarapos_crawler.enrich.kinds import kind_of
from suarapos_crawler.sample_site.content import build_site
from suarapos_crawler.sample_site.truth import visible
from suarapos_crawler.storage.schema import MIGRATIONS
from tests.test_storage import article

NEWS_TEXT = "Rapat koordinasi digelar di Pangkalpinang, Senin (5/6/2026).\n\nPeserta berasal dari 12 desa."


@pytest.mark.parametrize(
    ("title", "body", "tags", "sections", "want"),
    [
        ("Rapat Digelar", NEWS_TEXT + " (rls)", [], [], ("press_release", "sign-off: (rls)")),
        ("Rapat Digelar", NEWS_TEXT + " (*/Rls/Humas).", [], [], ("press_release", "sign-off: (*/Rls/Humas).")),
        ("Rapat Digelar", NEWS_TEXT + " (rel/ega)", [], [], ("press_release", "sign-off: (rel/ega)")),
        (
            "Rapat Digelar",
            NEWS_TEXT + "\n\nSumber: Humas Pemprov Babel",
            [],
            [],
            ("press_release", "credit: Sumber: Humas Pemprov Babel"),
        ),
        (
            "Rapat Digelar",
            NEWS_TEXT + "\n\n(Kerjasama Publikasi Pemkab Bangka)",
            [],
            [],
            ("press_release", "note: Kerjasama Publikasi"),
        ),
        ("Rapat Digelar", NEWS_TEXT, ["Babel", "Press Release"], [], ("press_release", "label: Press Release")),
        ("ADV - Promo Akhir Tahun", NEWS_TEXT + " (rls)", [], [], ("advertorial", "title: ADV - Promo Akhir Tahun")),
        (
            "Promo Akhir Tahun | Advertorial",
            NEWS_TEXT,
            [],
            [],
            ("advertorial", "title: Promo Akhir Tahun | Advertorial"),
        ),
        ("Promo Akhir Tahun", NEWS_TEXT + " (ADV)", [], [], ("advertorial", "sign-off: (ADV)")),
        ("Promo Akhir Tahun", NEWS_TEXT, [], ["Advertorial"], ("advertorial", "label: Advertorial")),
    ],
)
def test_a_mark_of_the_desk_tells_the_kind_and_is_kept_as_evidence(title, body, tags, sections, want):
    assert kind_of(title, body, tags, sections) == want


@pytest.mark.parametrize(
    "body",
    [
        NEWS_TEXT + "\n\nKasubbag Humas Polres Bangka membenarkan kejadian tersebut.",
        NEWS_TEXT + " Polisi telah merilis identitas kedua pelaku.",
        NEWS_TEXT + " Data itu dirilis BPS (Badan Pusat Statistik).",
        "“Kami siap,” kata Kabag Humas Setda Bangka (Humas Setda) Budi.\n\n" + NEWS_TEXT,
        NEWS_TEXT + "\n\nProgram ini kerja sama dengan desa.",
    ],
)
def test_news_that_names_a_humas_office_or_a_release_is_news(body):
    assert kind_of("Adventure Camp di Belitung", body, ["Pranata Humas", "Advent"], ["Pemerintahan"]) == ("news", "")


@pytest.mark.parametrize(("speech", "seed"), [("seen", 8), ("held_out", 33)])
def test_the_kinds_of_a_whole_sample_on_marks_seen_and_held_out(speech, seed):
    site = build_site(articles=800, seed=seed, speech=speech)
    names = {slug: s.name for slug, s in site.sections.items()}
    right = sum(
        kind_of(visible(a.title), "\n\n".join(map(visible, a.paragraphs)), a.tags, [names[s] for s in a.sections])[0]
        == a.kind
        for a in site.articles
    )
    assert sum(a.kind != "news" for a in site.articles) > 80
    assert right / len(site.articles) >= 0.95


def test_an_archive_of_the_release_before_gets_kinds_from_its_stored_text(tmp_path):
    db = Database(tmp_path / "old.db")
    with db.atomic():
        MIGRATIONS.ensure_migrations_table(db)
        MIGRATIONS.apply(db, stop_before="0016_kind")
    stored = db["articles"].columns_dict
    for row in (article(), article("https://www.suarapos.com/r/", body=NEWS_TEXT + " (rls)", content_hash="h2")):
        db["articles"].insert({k: v for k, v in storage.article_row(row).items() if k in stored})
    assert "0016_kind" in storage.upgrade(db)
    kinds = {r["url"][-3:]: (r["kind"], r["kind_evidence"]) for r in db["articles"].rows}
    assert kinds == {"/a/": ("news", ""), "/r/": ("press_release", "sign-off: (rls)")}
    assert json.loads(db["articles"].get("https://www.suarapos.com/r/")["tags"]) == ["Babel"]
