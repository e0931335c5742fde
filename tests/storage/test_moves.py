"""A post is one row: an article whose slug changes moves to its new URL (storage, on an in-memory archive)."""

from __future__ import annotations

from suarapos_crawler import storage
from suarapos_crawler.items import Article, Duplicate
from suarapos_crawler.pipelines.dedup import DedupPipeline, content_hash

from ..test_storage import article

OLD, NEW = "https://www.suarapos.com/gubernur-buka-festival/", "https://www.suarapos.com/gubernur-buka-festival-2/"


def stored_with_links(db):
    storage.save_article(db, article(url=OLD, fetched_url=OLD), "t1")
    # another article links to it by its old URL
    storage.save_article(
        db,
        article(
            url="https://www.suarapos.com/lain/",
            post_id=40,
            title="Lain",
            body="Teks lain sama sekali.",
            related=[{"target_url": OLD, "anchor_text": "Festival", "position": 0}],
        ),
        "t1",
    )


def test_a_slug_change_with_the_same_text_moves_the_row_and_keeps_the_old_url_as_an_alias(db):
    stored_with_links(db)
    storage.save_alias(db, OLD, NEW)  # the old URL answered 301 to the new one
    assert storage.save_article(db, article(url=NEW, fetched_url=NEW), "t2") == "updated"
    assert [r["url"] for r in db.query("SELECT url FROM articles WHERE post_id = 12")] == [NEW]
    row = db["articles"].get(NEW)
    assert row["first_seen_at"] == "t1" and row["last_seen_at"] == "t2"
    assert db["url_aliases"].get(OLD)["url"] == NEW
    assert [(v["url"], v["old_url"], v["replaced_at"]) for v in db["article_versions"].rows] == [(NEW, OLD, "t2")]
    assert {r["article_url"] for r in db["article_sections"].rows} == {NEW, "https://www.suarapos.com/lain/"}
    assert db.execute("SELECT target_url FROM related_links WHERE source_url LIKE '%/lain/'").fetchone()[0] == NEW
    assert db.execute("SELECT COUNT(*) FROM duplicates").fetchone()[0] == 0
    # the search index follows the row: one match, at the new URL
    hits = db.execute(
        "SELECT a.url FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH 'festival'"
    ).fetchall()
    assert hits == [(NEW,)]


def test_a_corrected_title_with_a_new_slug_is_one_row_and_one_version(db):
    stored_with_links(db)
    storage.save_alias(db, OLD, NEW)
    retitled = article(
        url=NEW, fetched_url=NEW, title="Ralat: Gubernur Buka Festival", modified_at="2023-02-09T08:00+07:00"
    )
    assert storage.save_article(db, retitled, "t2") == "updated"
    assert db.execute("SELECT COUNT(*) FROM articles WHERE post_id = 12").fetchone()[0] == 1
    assert db["articles"].get(NEW)["title"] == "Ralat: Gubernur Buka Festival"
    (version,) = db["article_versions"].rows
    assert (version["title"], version["old_url"]) == ("Gubernur Buka Festival", OLD)


def test_a_slug_found_in_a_listing_before_its_redirect_moves_the_row_on_the_same_text(db):
    """Day 2 reads the new URL from a listing: nothing has told the archive the old URL redirects yet."""
    stored_with_links(db)
    assert storage.save_article(db, article(url=NEW, fetched_url=NEW), "t2") == "updated"
    assert db.execute("SELECT url FROM articles WHERE post_id = 12").fetchall() == [(NEW,)]
    assert db["url_aliases"].get(OLD)["url"] == NEW


def test_another_text_printing_the_same_post_id_does_not_take_the_row(db):
    stored_with_links(db)
    impostor = article(url=NEW, fetched_url=NEW, title="Berita Lain", body="Sama sekali berbeda isinya kali ini.")
    assert storage.save_article(db, impostor, "t2") == "new"
    assert db["articles"].get(OLD)["title"] == "Gubernur Buka Festival"
    assert db["article_versions"].count == 0 and db["url_aliases"].count == 0


def test_a_slug_changed_back_leaves_no_alias_on_the_articles_url(db):
    stored_with_links(db)
    storage.save_article(db, article(url=NEW, fetched_url=NEW), "t2")
    storage.save_alias(db, NEW, OLD)
    assert storage.save_article(db, article(url=OLD, fetched_url=OLD), "t3") == "updated"
    assert db.execute("SELECT url FROM articles WHERE post_id = 12").fetchall() == [(OLD,)]
    assert {r["alias"]: r["url"] for r in db["url_aliases"].rows} == {NEW: OLD}
    assert [v["old_url"] for v in db["article_versions"].rows_where(order_by="version")] == [OLD, NEW]
    assert storage.plan.known_other_urls(db) == {NEW}  # the article's own URL is fetched, the alias is not


def test_the_same_post_under_a_new_url_is_not_a_republished_copy(db):
    class Stats:
        def inc_value(self, *_):
            pass

    class Archive:
        pass

    archive = Archive()
    archive.db = db
    stored = article(url=OLD, fetched_url=OLD)
    storage.save_article(db, {**stored, "content_hash": content_hash(stored["title"], stored["body"])}, "t1")
    dedup = DedupPipeline(archive, 100, Stats())
    fields = {k: v for k, v in article(url=NEW, fetched_url=NEW).items() if k not in ("related", "content_hash")}
    same_post = dedup.process_item(Article(**fields))
    other_post = dedup.process_item(Article(**{**fields, "url": NEW + "x/", "fetched_url": NEW + "x/", "post_id": 13}))
    assert isinstance(same_post, Article)
    assert isinstance(other_post, Duplicate)


# ---- a site reinstalled: post IDs given again --------------------------------------------------------------------

REUSED = "https://www.suarapos.com/berita-baru-setelah-pindah-server/"


def test_a_new_article_given_a_stored_articles_post_id_and_canonical_is_its_own_row(db):
    storage.save_article(db, article(url=OLD, fetched_url=OLD), "t1")
    newcomer = article(
        url=OLD,  # its rel=canonical names the stored article (an SEO plugin's copy of the old settings)
        fetched_url=REUSED,
        title="Berita Baru Setelah Pindah Server",
        body="Teks yang sama sekali lain tentang pelabuhan dan kapal nelayan di pesisir.",
        modified_at="2026-12-07T10:00:00+07:00",
        content_hash="h2",
    )
    assert storage.save_article(db, newcomer, "t2") == "new"
    assert db["articles"].get(OLD)["title"] == "Gubernur Buka Festival"
    assert db["articles"].get(REUSED)["title"] == "Berita Baru Setelah Pindah Server"
    assert db["article_versions"].count == 0


def test_the_same_text_under_a_new_post_id_is_the_same_article_re_imported(db):
    storage.save_article(db, article(url=OLD, fetched_url=OLD), "t1")
    reimported = article(url=OLD, fetched_url=OLD, post_id=90012, title="Gubernur Buka Festival (Ralat)",
                         modified_at="2026-12-07T10:00:00+07:00")  # fmt: skip
    assert storage.save_article(db, reimported, "t2") == "updated"
    row = db["articles"].get(OLD)
    assert (row["post_id"], row["title"]) == (90012, "Gubernur Buka Festival (Ralat)")
