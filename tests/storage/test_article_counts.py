"""``article_counts`` stays equal to a count of the articles, whatever happens to them (storage, in-memory archive)."""

from __future__ import annotations

from sqlite_utils import Database

from suarapos_crawler import storage
from suarapos_crawler.storage.schema import MIGRATIONS

from ..test_storage import article

COUNTED = "SELECT published_day, section, region, COUNT(*) FROM articles GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
KEPT = "SELECT day, section, region, articles FROM article_counts ORDER BY 1, 2, 3"


def counts(db: Database) -> list[tuple]:
    return [tuple(r) for r in db.execute(KEPT).fetchall()]


def test_counts_follow_new_articles_corrections_moves_and_demotions(db):
    storage.save_article(db, article(), "t1")
    storage.save_article(
        db, article("https://www.suarapos.com/b/", post_id=13, body="Teks lain di Belitung.", content_hash="h2"), "t1"
    )
    assert counts(db) == [("2023-02-08", "Pemerintahan", "Bangka Belitung (provinsi)", 2)]
    # a correction moves an article to another day and section: one count down, another up
    moved = article(published_at="2023-02-10T09:00:00+07:00", section="Ekonomi", sections=["Ekonomi"])
    assert storage.save_article(db, {**moved, "modified_at": "2023-02-10T10:00+07:00"}, "t2") == "updated"
    # a slug change moves the row to a new URL: counted once, not twice
    storage.save_alias(db, "https://www.suarapos.com/b/", "https://www.suarapos.com/b-2/")
    storage.save_article(
        db, article("https://www.suarapos.com/b-2/", post_id=13, body="Teks lain di Belitung.", content_hash="h2"), "t3"
    )
    assert counts(db) == [tuple(r) for r in db.execute(COUNTED).fetchall()]
    assert sum(r[3] for r in counts(db)) == 2
    # a later copy demoted to a duplicate leaves the articles, and its count goes with it: no row of zero is left
    storage.demote_to_duplicate(db, "https://www.suarapos.com/a/", "https://www.suarapos.com/b-2/", "copy", "t4")
    assert counts(db) == [tuple(r) for r in db.execute(COUNTED).fetchall()]
    assert counts(db) == [("2023-02-08", "Pemerintahan", "Bangka Belitung (provinsi)", 1)]


def test_each_tag_counts_the_articles_that_carry_it_through_retagging_and_demotion(db):
    def tag_counts():
        return {r["name"]: r["articles"] for r in db["tags"].rows}

    storage.save_article(db, article(tags=["Babel", "Timah"]), "t1")
    storage.save_article(db, article("https://www.suarapos.com/b/", post_id=13, content_hash="h2", body="Lain."), "t1")
    assert tag_counts() == {"Babel": 2, "Timah": 1}
    storage.save_article(db, article(tags=["Timah"]), "t2")  # stored again, retagged
    storage.demote_to_duplicate(db, "https://www.suarapos.com/b/", "https://www.suarapos.com/a/", "copy", "t3")
    counted = dict(db.execute("SELECT tag, COUNT(*) FROM article_tags GROUP BY tag").fetchall())
    assert tag_counts() == {"Babel": 0, "Timah": 1} and tag_counts()["Timah"] == counted["Timah"]


def test_an_archive_of_the_release_before_gets_its_counts_from_its_stored_articles(tmp_path):
    db = Database(tmp_path / "old.db")
    with db.atomic():
        MIGRATIONS.ensure_migrations_table(db)
        MIGRATIONS.apply(db, stop_before="0017_article_counts")
    for i, day in enumerate(("2023-02-08", "2023-02-08", "2024-05-01")):
        row = storage.article_row(
            article(
                f"https://www.suarapos.com/{i}/", post_id=i, content_hash=f"h{i}", published_at=f"{day}T08:00+07:00"
            )
        )
        db["articles"].insert({k: v for k, v in row.items() if k in db["articles"].columns_dict})
    db["tags"].insert({"name": "Babel"})
    db["article_tags"].insert({"article_url": "https://www.suarapos.com/0/", "tag": "Babel", "position": 0})
    assert "0017_article_counts" in storage.upgrade(db)
    assert db["tags"].get("Babel")["articles"] == 1
    assert counts(db) == [
        ("2023-02-08", "Pemerintahan", "Bangka Belitung (provinsi)", 2),
        ("2024-05-01", "Pemerintahan", "Bangka Belitung (provinsi)", 1),
    ]
    # and from then on the triggers keep them
    storage.save_article(db, article("https://www.suarapos.com/9/", post_id=9, content_hash="h9"), "t5")
    assert counts(db)[0][3] == 3


LINKED = (
    "SELECT r.target_url, COUNT(DISTINCT r.source_url), a.published_at FROM related_links r "
    "LEFT JOIN articles a ON a.url = r.target_url GROUP BY 1 ORDER BY 1"
)


def link_counts(db: Database) -> list[tuple]:
    return [tuple(r) for r in db.execute("SELECT url, linking_articles, published_at FROM link_counts ORDER BY 1")]


def test_link_counts_follow_links_stored_replaced_repointed_and_demoted(db):
    a, b, c = (f"https://www.suarapos.com/{x}/" for x in "abc")

    def linking(url: str, post_id: int, *targets: str, **fields) -> dict:
        related = [{"position": i, "target_url": t, "anchor_text": t} for i, t in enumerate(targets)]
        return article(url, post_id=post_id, content_hash=f"h{post_id}", body=f"Teks {post_id}.", related=related,
                       **fields)  # fmt: skip

    storage.save_article(db, linking(a, 1, "https://www.suarapos.com/old-c/"), "t1")  # a target not stored yet
    storage.save_article(db, linking(b, 2, "https://www.suarapos.com/old-c/", "https://www.suarapos.com/old-c/"), "t1")
    assert link_counts(db) == [("https://www.suarapos.com/old-c/", 2, None)]  # twice from b: one article
    storage.save_alias(db, "https://www.suarapos.com/old-c/", c)  # the links are repointed to where it moved
    storage.save_article(db, linking(c, 3, a), "t2")  # the target stored: its time is kept beside its count
    assert link_counts(db) == [tuple(r) for r in db.execute(LINKED)]
    assert [(u, n) for u, n, _ in link_counts(db)] == [(a, 1), (c, 2)]
    assert link_counts(db)[1][2] == db["articles"].get(c)["published_at"]
    storage.save_article(db, linking(b, 2, a, published_at="2023-02-11T08:00:00+07:00",
                                     modified_at="2023-02-11T09:00+07:00"), "t3")  # fmt: skip
    storage.save_article(db, {**linking(c, 3, a), "published_at": "2023-03-01T08:00:00+07:00",
                              "modified_at": "2023-03-01T09:00+07:00"}, "t3")  # fmt: skip
    assert link_counts(db) == [tuple(r) for r in db.execute(LINKED)]
    assert [(u, n) for u, n, _ in link_counts(db)] == [(a, 2), (c, 1)]
    storage.demote_to_duplicate(db, b, c, "copy", "t4")  # a copy's links leave with it
    assert link_counts(db) == [tuple(r) for r in db.execute(LINKED)]
    assert [(u, n) for u, n, _ in link_counts(db)] == [(a, 1), (c, 1)]  # a from c alone; c from a


def test_an_archive_of_the_release_before_gets_its_link_counts_from_its_stored_links(tmp_path):
    db = Database(tmp_path / "old.db")
    with db.atomic():
        MIGRATIONS.ensure_migrations_table(db)
        MIGRATIONS.apply(db, stop_before="0018_link_counts")
    targets = ["https://www.suarapos.com/0/", "https://www.suarapos.com/0/", "https://www.suarapos.com/gone/"]
    for i, target in enumerate(targets):
        url = f"https://www.suarapos.com/{i}/"
        db["articles"].insert({k: v for k, v in storage.article_row(article(url, post_id=i, content_hash=f"h{i}")).items()
                               if k in db["articles"].columns_dict})  # fmt: skip
        db["related_links"].insert({"source_url": url, "position": 0, "target_url": target, "anchor_text": ""})
    assert "0018_link_counts" in storage.upgrade(db)
    assert link_counts(db) == [tuple(r) for r in db.execute(LINKED)]
    assert [(u, n) for u, n, _ in link_counts(db)] == [(targets[0], 2), (targets[2], 1)]


def test_a_sections_or_regions_facets_read_the_index_that_finds_its_articles_not_their_rows(db):
    """Datasette's facets of the articles of a section or region (author, kind, and the tags through article_tags)
    read the index alone: reading each of a section's 50,000 rows took a second at a million articles."""
    for column in ("section", "region"):
        shown = f"select * from articles where {column} = :p0"
        facets = [
            f"SELECT author AS value, COUNT(*) AS count FROM ({shown}) WHERE author IS NOT NULL GROUP BY author",
            f"SELECT kind AS value, COUNT(*) AS count FROM ({shown}) WHERE kind IS NOT NULL GROUP BY kind",
            f"SELECT tag, COUNT(*) FROM article_tags WHERE article_url IN (SELECT url FROM ({shown})) GROUP BY tag",
            f"{shown} ORDER BY published_at DESC LIMIT 51",  # and the page's rows, newest first, in its order
        ]
        for sql in facets:
            plan = " / ".join(row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", {"p0": "x"}).fetchall())
            wanted = "USING INDEX" if sql.endswith("51") else "USING COVERING INDEX"
            assert f"{wanted} idx_articles_{column}_published_at ({column}=?)" in plan, (sql, plan)
            assert "TEMP B-TREE FOR ORDER BY" not in plan, (sql, plan)
