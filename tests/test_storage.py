"""Storage functions against an in-memory database."""

from __future__ import annotations

import json

from sqlite_utils import Database

from suarapos_crawler import storage


def article(url="https://www.suarapos.com/a/", **overrides) -> dict:
    base = {
        "url": url,
        "post_id": 12,
        "title": "Gubernur Buka Festival",
        "published_at": "2023-02-08T20:15:32+07:00",
        "published_raw": "2023-02-08T13:15:32+00:00",
        "date_source": "json-ld",
        "modified_at": None,
        "author": "Redaksi",
        "section": "Pemerintahan",
        "sections": ["Pemerintahan", "Daerah"],
        "tags": ["Babel"],
        "dateline": "SUARAPOS.COM",
        "body": "Paragraf satu tentang pembangunan.\n\nParagraf dua.",
        "word_count": 6,
        "image_url": None,
        "content_hash": "h1",
        "fetched_url": url,
        "related": [{"target_url": "https://www.suarapos.com/b-lama/", "anchor_text": "B", "position": 0}],
    }
    base.update(overrides)
    return base


def test_schema_is_safe_to_create_twice(db):
    storage.upgrade(db)
    assert {
        "articles",
        "related_links",
        "duplicates",
        "rejects",
        "article_versions",
        "crawl_runs",
        "article_sections",
        "article_tags",
        "url_aliases",
        "articles_fts",
    } <= set(db.table_names())


def test_fts_does_not_stem_like_english(db):
    sql = db["articles_fts"].schema
    assert "porter" not in sql and "unicode61" in sql


def test_new_article_with_facets_and_links(db):
    assert storage.save_article(db, article(), "2026-01-01T00:00:00+07:00") == "new"
    row = db["articles"].get("https://www.suarapos.com/a/")
    assert json.loads(row["sections"]) == ["Pemerintahan", "Daerah"]
    assert row["first_seen_at"] == row["last_changed_at"] == "2026-01-01T00:00:00+07:00"
    assert [r["section"] for r in db["article_sections"].rows_where(order_by="position")] == ["Pemerintahan", "Daerah"]
    assert db["related_links"].count == 1


def test_same_article_twice_is_unchanged_and_stored_once(db):
    storage.save_article(db, article(), "t1")
    assert storage.save_article(db, article(), "t2") == "unchanged"
    assert db["articles"].count == 1 and db["related_links"].count == 1 and db["article_sections"].count == 2
    assert db["articles"].get("https://www.suarapos.com/a/")["last_seen_at"] == "t2"


def test_correction_keeps_the_old_version(db):
    storage.save_article(db, article(), "t1")
    corrected = article(
        title="Gubernur Buka Festival (Ralat)", body="Paragraf satu tentang pembangunan.\n\nParagraf dua diperbaiki."
    )
    assert storage.save_article(db, corrected, "t2") == "updated"
    versions = list(db["article_versions"].rows)
    assert versions[0]["title"] == "Gubernur Buka Festival" and versions[0]["replaced_at"] == "t2"
    row = db["articles"].get("https://www.suarapos.com/a/")
    assert row["title"].endswith("(Ralat)") and row["last_changed_at"] == "t2" and row["first_seen_at"] == "t1"


def test_a_far_shorter_copy_never_overwrites_the_stored_one(db):
    storage.save_article(db, article(body="kata " * 200), "t1")
    assert storage.save_article(db, article(body="kata " * 20), "t2") == "kept"
    assert db["articles"].get("https://www.suarapos.com/a/")["body"].count("kata") == 200
    assert next(db["rejects"].rows)["stage"] == "store"


def test_aliases_resolve_related_targets_through_chains(db):
    storage.save_article(db, article(), "t1")
    storage.save_alias(db, "https://www.suarapos.com/b-lama/", "https://www.suarapos.com/b-tengah/")
    storage.save_alias(db, "https://www.suarapos.com/b-tengah/", "https://www.suarapos.com/b/")
    storage.resolve_aliases(db)
    assert next(db["related_links"].rows)["target_url"] == "https://www.suarapos.com/b/"


def test_demoting_a_copy_moves_it_to_duplicates(db):
    storage.save_article(db, article(url="https://www.suarapos.com/a-2/"), "t1")
    storage.save_article(db, article(replaces="https://www.suarapos.com/a-2/"), "t2")
    assert [r["url"] for r in db["articles"].rows] == ["https://www.suarapos.com/a/"]
    dup = next(db["duplicates"].rows)
    assert dup["url"].endswith("/a-2/") and dup["duplicate_of"] == "https://www.suarapos.com/a/"
    assert db["article_sections"].count == 2  # only the original's


def test_rejects_count_repeats(db):
    storage.save_reject(db, "u", "fetch", "HTTP 404", "t1")
    storage.save_reject(db, "u", "fetch", "HTTP 404", "t2")
    row = next(db["rejects"].rows)
    assert row["times"] == 2 and row["first_seen_at"] == "t1" and row["last_seen_at"] == "t2"


def test_full_text_search_finds_body_words(db):
    storage.save_article(db, article(), "t1")
    hits = list(db.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'pembangunan'"))
    assert len(hits) == 1


def test_wal_mode_on_a_file(tmp_path):
    file_db = Database(tmp_path / "x.db")
    storage.upgrade(file_db)
    assert file_db.journal_mode == "wal"


def test_a_fallback_reading_never_replaces_the_themes_reading_of_the_same_version(db):
    storage.save_article(db, article(extracted_by="newspaper", modified_at="2023-02-08T21:00:00+07:00"))
    worse = article(extracted_by="fallback", modified_at="2023-02-08T21:00:00+07:00", author=None)
    assert storage.save_article(db, worse) == "kept"
    row = db["articles"].get("https://www.suarapos.com/a/")
    assert (row["extracted_by"], row["author"]) == ("newspaper", "Redaksi")
    reasons = [r["reason"] for r in db["rejects"].rows]
    assert any("read by the fallback" in r for r in reasons)


def test_a_fallback_reading_of_a_correction_is_taken(db):
    storage.save_article(db, article(extracted_by="newspaper", modified_at="2023-02-08T21:00:00+07:00"))
    corrected = article(
        extracted_by="fallback", modified_at="2023-02-09T08:00:00+07:00", title="Gubernur Buka Festival (Ralat)"
    )
    assert storage.save_article(db, corrected) == "updated"
    assert db["articles"].get("https://www.suarapos.com/a/")["extracted_by"] == "fallback"


def test_a_themes_reading_replaces_a_fallback_reading(db):
    storage.save_article(db, article(extracted_by="fallback"))
    assert storage.save_article(db, article(extracted_by="colormag")) == "unchanged"
    assert db["articles"].get("https://www.suarapos.com/a/")["extracted_by"] == "colormag"


def test_another_page_claiming_an_articles_url_is_stored_under_its_own(db):
    storage.save_article(db, article(post_id=12))
    intruder = article(post_id=99, title="Lain", body="Teks berita lain.", fetched_url="https://www.suarapos.com/lain/")
    assert storage.save_article(db, intruder) == "new"
    assert db["articles"].get("https://www.suarapos.com/a/")["post_id"] == 12
    assert db["articles"].get("https://www.suarapos.com/lain/")["title"] == "Lain"
    assert [r["stage"] for r in db["rejects"].rows] == ["canonical"]


def test_a_canonical_not_yet_stored_is_not_taken_on_the_pages_word(db):
    """Stored first, a page claiming another URL would hold it when that URL's own post comes."""
    claimer = article(post_id=99, fetched_url="https://www.suarapos.com/lain/")
    storage.save_article(db, claimer)
    assert storage.save_article(db, article(post_id=12)) == "new"  # the URL's own post, fetched at it
    assert {r["url"]: r["post_id"] for r in db["articles"].rows} == {
        "https://www.suarapos.com/a/": 12,
        "https://www.suarapos.com/lain/": 99,
    }


def test_a_canonical_confirmed_by_the_archive_is_followed(db):
    storage.save_article(db, article(post_id=12))
    again = article(post_id=12, fetched_url="https://www.suarapos.com/judul-lama/")  # an old slug still served
    assert storage.save_article(db, again) == "unchanged"
    assert db["articles"].count == 1 and db["url_aliases"].get("https://www.suarapos.com/judul-lama/")


def test_a_copy_with_other_text_of_the_same_length_is_not_stored_over_the_article(db):
    storage.save_article(db, article(modified_at="2023-02-08T21:00:00+07:00"))
    wall = article(modified_at="2023-02-08T21:00:00+07:00", body="Kami memakai kuki untuk situs ini.\\n\\nSetuju.")
    assert storage.save_article(db, wall) == "kept"
    assert db["articles"].get("https://www.suarapos.com/a/")["body"] == article()["body"]
    assert db["article_versions"].count == 0


def test_a_rewritten_article_modified_since_is_a_correction(db):
    storage.save_article(db, article(modified_at="2023-02-08T21:00:00+07:00"))
    rewritten = article(
        modified_at="2023-02-10T08:00:00+07:00", body="Isi berita ditulis ulang seluruhnya oleh redaksi."
    )
    assert storage.save_article(db, rewritten) == "updated"


def test_a_stored_article_found_to_be_a_copy_takes_its_mentions_with_it(db):
    from suarapos_crawler.enrich.watchlist import WatchTerm

    terms = [WatchTerm("pembangunan", "pembangunan")]
    storage.save_article(db, article(url="https://www.suarapos.com/copy/"), terms=terms)
    assert db["article_mentions"].count == 1
    storage.save_article(db, article(replaces="https://www.suarapos.com/copy/"), terms=terms)
    assert [r["article_url"] for r in db["article_mentions"].rows] == ["https://www.suarapos.com/a/"]
