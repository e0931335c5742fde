"""Migrations: a fresh archive, an archive of release 0.1.0 cut after any statement of its schema, a newer archive."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from suarapos_crawler import storage
from suarapos_crawler.storage.schema import APPLICATION_ID, MIGRATIONS, known_migrations

RELEASE_0_1 = Path(__file__).parents[1] / "fixtures" / "archives" / "release-0.1.0.db"


def schema_of(db: Database) -> set[tuple[str, str, str]]:
    return {
        (r[0], r[1], " ".join((r[2] or "").split()))
        for r in db.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
    }


def legacy_statements() -> list[str]:
    """The schema of a complete archive of release 0.1.0, statement by statement, in the order it made them
    (the full-text index's own tables come with its CREATE VIRTUAL TABLE)."""
    conn = sqlite3.connect(f"file:{RELEASE_0_1}?mode=ro", uri=True)
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    conn.close()
    return [sql for name, sql in rows if not name.startswith("articles_fts_")]


def fts_ok(db: Database) -> None:
    db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def test_a_fresh_archive_gets_every_migration_once(db):
    assert [m.name for m in MIGRATIONS.applied(db)] == known_migrations()
    assert storage.upgrade(db) == []  # safe to run twice
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert {"_sqlite_migrations", "articles", "articles_fts", "fetches"} <= set(db.table_names())
    assert {t.name for t in db["articles"].triggers} == {
        *("articles_ai", "articles_ad", "articles_au"),  # the search index's
        *("article_counts_ai", "article_counts_ad", "article_counts_au"),  # the per-day counts'
        *("link_counts_article_ai", "link_counts_article_ad", "link_counts_article_au"),  # the link counts' dates
    }


def test_release_0_1_schema_has_the_statements_the_replay_cuts():
    statements = legacy_statements()
    assert len(statements) >= 28
    assert sum(s.startswith("CREATE TRIGGER") for s in statements) == 3
    assert any(s.startswith("CREATE VIRTUAL TABLE") for s in statements)


@pytest.fixture(scope="module")
def complete_schema():
    """The schema of an archive this release makes, made once for the cuts below."""
    complete = Database(memory=True)
    storage.upgrade(complete)
    return schema_of(complete)


@pytest.mark.parametrize("cut", range(len(legacy_statements()) + 1))
def test_an_archive_cut_after_any_statement_of_its_creation_is_completed(tmp_path, cut, complete_schema):
    path = tmp_path / "cut.db"
    conn = sqlite3.connect(path, isolation_level=None)  # each statement on its own, as release 0.1.0 made them
    for statement in legacy_statements()[:cut]:
        conn.execute(statement)
    conn.close()
    db = Database(path)
    storage.upgrade(db)
    assert schema_of(db) == complete_schema
    fts_ok(db)
    # the triggers work: a stored article is found by its words, a corrected one by its new words only
    with storage.transaction(db):
        storage.save_article(
            db,
            {
                "url": "u",
                "title": "Jembatan",
                "published_at": "2026-11-29T08:00:00+07:00",
                "body": "pembangunan jembatan",
                "sections": [],
                "tags": [],
                "related": [],
            },
        )
    with storage.transaction(db):
        storage.save_article(
            db,
            {
                "url": "u",
                "title": "Jembatan",
                "published_at": "2026-11-29T08:00:00+07:00",
                "body": "peresmian jembatan",
                "sections": [],
                "tags": [],
                "related": [],
            },
        )

    def found(word: str) -> list[str]:
        sql = "SELECT url FROM articles WHERE rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
        return [r[0] for r in db.execute(sql, [word])]

    assert found("peresmian") == ["u"] and found("pembangunan") == []
    fts_ok(db)


def test_release_0_1_archive_is_upgraded_in_place_with_every_row(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(RELEASE_0_1, path)
    # every table but the full-text index's internals (its rebuild packs them anew)
    before = {t: Database(path)[t].count for t in Database(path).table_names() if not t.startswith("articles_fts")}
    db = Database(path)
    assert storage.upgrade(db) == known_migrations()
    assert {t: db[t].count for t in before} == before
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    fts_ok(db)


def test_an_archive_upgraded_by_a_newer_release_is_refused(db):
    db["_sqlite_migrations"].insert({"migration_set": "suarapos", "name": "9999_from_the_future", "applied_at": "x"})
    with pytest.raises(storage.SchemaTooNew, match="9999_from_the_future"):
        storage.upgrade(db)


def test_a_failing_migration_leaves_the_archive_at_the_version_before(tmp_path, monkeypatch):
    path = tmp_path / "f.db"
    db = Database(path)

    def broken(db):
        db["articles"].add_column("half_done", str)
        raise sqlite3.OperationalError("disk I/O error")

    with db.atomic():  # an archive one version behind
        MIGRATIONS.ensure_migrations_table(db)
        MIGRATIONS.apply(db, stop_before=known_migrations()[-1])
    migration = MIGRATIONS._migrations[-1]  # noqa: SLF001 - the set keeps its list private
    monkeypatch.setattr(migration, "fn", broken)
    with pytest.raises(sqlite3.OperationalError):
        storage.upgrade(db)
    assert [m.name for m in MIGRATIONS.applied(db)] == known_migrations()[:-1]
    assert "half_done" not in db["articles"].columns_dict


def test_a_failing_first_upgrade_leaves_a_new_file_empty(tmp_path, monkeypatch):
    db = Database(tmp_path / "new.db")

    def broken(db):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(MIGRATIONS._migrations[-1], "fn", broken)  # noqa: SLF001
    with pytest.raises(sqlite3.OperationalError):
        storage.upgrade(db)
    assert db.table_names() == []  # not the bookkeeping table alone: another run would take it for a stranger's


def test_an_archive_with_control_characters_in_its_text_loses_them_on_upgrade_and_its_search_follows(tmp_path):
    """Stored by a release that kept them, \\x08 and \\x1b in a title made the Atom feed of any term whose 50 newest
    entries held that article answer 500; the upgrade drops them, keeps tab and line breaks, and re-indexes."""
    db = Database(tmp_path / "old.db")
    with db.atomic():  # an archive of the release before
        MIGRATIONS.ensure_migrations_table(db)
        MIGRATIONS.apply(db, stop_before="0010_no_control_characters")
    db["articles"].insert(
        {
            "url": "https://www.suarapos.com/a/",
            "title": "\x08Timah\x1b Babel",
            "author": "Re\x01daksi",
            "body": "Paragraf satu.\n\nParagraf\tdua\x7f.",
            "dateline": "PANGKALPINANG\x0c",
            "published_at": "2026-12-01T08:00:00+07:00",
        }
    )
    db["articles"].insert(
        {
            "url": "https://www.suarapos.com/b/",
            "title": "Bersih",
            "body": "Teks.",
            "published_at": "2026-12-01T09:00:00+07:00",
        }
    )
    assert storage.upgrade(db)[0] == "0010_no_control_characters"
    row = db["articles"].get("https://www.suarapos.com/a/")
    assert (row["title"], row["author"], row["body"], row["dateline"]) == (
        "Timah Babel",
        "Redaksi",
        "Paragraf satu.\n\nParagraf\tdua.",
        "PANGKALPINANG",
    )
    assert db["articles"].get("https://www.suarapos.com/b/")["title"] == "Bersih"
    hits = db.execute(
        "SELECT a.url, f.title FROM articles a JOIN articles_fts f ON f.rowid = a.rowid WHERE articles_fts MATCH 'Timah'"
    ).fetchall()
    assert hits == [("https://www.suarapos.com/a/", "Timah Babel")]  # the index holds the text as it is now
    fts_ok(db)


def test_stored_text_with_invisible_characters_loses_them_on_upgrade_and_is_found_by_the_plain_word(tmp_path):
    db = Database(tmp_path / "old.db")
    with db.atomic():  # an archive of the release before
        MIGRATIONS.ensure_migrations_table(db)
        MIGRATIONS.apply(db, stop_before="0014_no_format_characters")
    from suarapos_crawler.enrich.stems import stems_of

    for url, title, body in (
        ("https://www.suarapos.com/a/", "Harga Ti\u00admah Naik", "Kata war\u2060ga, harga ti\u00admah naik lagi."),
        ("https://www.suarapos.com/b/", "Bersih", "Teks tanpa apa-apa."),
    ):
        db["articles"].insert(
            {
                "url": url,
                "title": title,
                "body": body,
                "published_at": "2026-12-01T08:00:00+07:00",
                "title_stems": stems_of(title),
                "body_stems": stems_of(body),
            }  # fmt: skip
        )
    assert storage.upgrade(db)[0] == "0014_no_format_characters"
    row = db["articles"].get("https://www.suarapos.com/a/")
    assert (row["title"], row["body"]) == ("Harga Timah Naik", "Kata warga, harga timah naik lagi.")
    assert row["body_stems"] == stems_of("Kata warga, harga timah naik lagi.")
    hits = db.execute(
        "SELECT a.url FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH 'timah'"
    ).fetchall()
    assert hits == [("https://www.suarapos.com/a/",)]
    assert db["articles"].get("https://www.suarapos.com/b/")["title"] == "Bersih"


def index_pages(db: Database, table: str) -> list:
    return db.execute(f"SELECT id, block FROM {table}_fts_data ORDER BY id").fetchall()


def test_the_search_indexes_follow_a_change_of_their_text_and_are_not_rewritten_for_anything_else(db):
    """A run that marks an article seen, or gives it its speakers, left its index alone only since 0022: the text
    was taken out of the index and tokenized in again on every update of its row."""
    article = {"url": "https://www.suarapos.com/a/", "title": "Timah Bangka", "published_at": "2026-11-29T09:00:00+07:00",
               "body": "Kolong bekas tambang dipulihkan.", "related": [], "sections": [], "tags": []}  # fmt: skip
    storage.save_article(db, article, "2026-11-29T10:00:00+07:00")
    storage.save_quotes(db, article["url"], "", '"Kami pulihkan kolong," kata Eko Kurniawan.')
    pages, quote_pages = index_pages(db, "articles"), index_pages(db, "quotes")
    storage.save_article(db, article, "2026-11-30T10:00:00+07:00")  # unchanged: seen again
    db.execute("UPDATE articles SET speakers = '[]', title = title")  # a column written with the same text
    db.execute("UPDATE quotes SET speaker = 'Eko', quote = quote")
    assert index_pages(db, "articles") == pages and index_pages(db, "quotes") == quote_pages
    db.execute("UPDATE quotes SET quote = 'Kami tanami bakau'")
    quoted = db.execute("SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH 'bakau NOT pulihkan'").fetchone()[0]
    storage.save_article(db, {**article, "body": "Kolong bekas tambang ditanami bakau."}, "2026-12-01T10:00:00+07:00")
    found = db.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'bakau'").fetchone()[0]
    gone = db.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'dipulihkan'").fetchone()[0]
    assert (found, gone, quoted) == (1, 0, 1)
    fts_ok(db)
    db.execute("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)")


def test_an_archive_made_before_0022_gets_the_search_triggers_that_follow_the_text(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(RELEASE_0_1, path)
    db = Database(path)
    storage.upgrade(db)
    triggers = {r[0]: r[1] for r in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    assert "AFTER UPDATE OF" in triggers["articles_au"] and "AFTER UPDATE OF" in triggers["quotes_au"]
    fts_ok(db)
