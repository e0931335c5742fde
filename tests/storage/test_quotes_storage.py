"""Who said what, stored: quotes and people kept up to date as articles are stored, corrected, copied and moved,
and read from the stored text of an archive made before them (on an in-memory archive)."""

from __future__ import annotations

import json

from sqlite_utils import Database

from suarapos_crawler import storage
from suarapos_crawler.sample_site.content import load_seed_article
from suarapos_crawler.storage.schema import MIGRATIONS

from ..test_storage import article

EKO_URL = "https://www.suarapos.com/bimtek-pranata-humas/"


def seed_article(**overrides) -> dict:
    title, paragraphs, _ = load_seed_article()
    fields = {"url": EKO_URL, "fetched_url": EKO_URL, "post_id": 77, "title": title, "body": "\n\n".join(paragraphs),
              "content_hash": "seed", "related": []}  # fmt: skip
    return article(**{**fields, **overrides})


def other(url: str, body: str, post_id: int, published_at: str = "2023-03-01T09:00:00+07:00") -> dict:
    return article(url=url, fetched_url=url, post_id=post_id, title="Lain", body=body, content_hash=url,
                   published_at=published_at, related=[])  # fmt: skip


def person(db, name: str) -> dict:
    row = next(db.query("SELECT * FROM people WHERE name = ?", [name]))
    return {**row, "names": json.loads(row["names"]), "roles": json.loads(row["roles"])}


def test_the_real_article_stores_its_four_quotes_and_one_person_with_his_names_and_role(db):
    storage.save_article(db, seed_article(), "t1")
    rows = list(db.query("SELECT speaker, kind, cue, paragraph, named_as, person_id FROM quotes ORDER BY position"))
    assert [(r["speaker"], r["kind"], r["cue"], r["paragraph"]) for r in rows] == [
        ("Eko Kurniawan", "direct", "ujar", 2),
        ("Eko Kurniawan", "direct", "ujar", 4),
        ("Eko Kurniawan", "indirect", "mengatakan", 5),
        ("Eko Kurniawan", "direct", "terang", 6),
    ]
    eko = person(db, "Eko Kurniawan")
    assert {r["person_id"] for r in rows} == {eko["id"]}
    assert (eko["quotes"], eko["articles_quoted"], eko["articles_named"]) == (4, 1, 1)
    assert eko["roles"] == [
        {
            "role": "Staf Ahli Gubernur Kep. Babel Bidang Ekonomi, Keuangan, dan Pembangunan",
            "organisation": "Pemprov Babel",
            "first_seen": "2023-02-08T20:15:32+07:00",
            "last_seen": "2023-02-08T20:15:32+07:00",
        }
    ]
    assert eko["first_seen"] == eko["last_seen"] == "2023-02-08T20:15:32+07:00"


def test_a_first_name_is_one_of_the_names_a_person_appears_under(db):
    body = "“Anggaran sudah siap untuk desa,” kata Bupati Bangka Selatan Yusuf Hamdani.\n\n“Kami mulai pekan depan,” ujar Yusuf."
    storage.save_article(db, other("https://www.suarapos.com/x/", body, 5), "t1")
    assert person(db, "Yusuf Hamdani")["names"] == ["Yusuf Hamdani", "Yusuf"]
    assert db["people"].count == 1


def test_articles_that_name_a_person_count_whether_stored_before_or_after_their_first_quote(db):
    named_before = other("https://www.suarapos.com/a1/", "Acara dihadiri Eko Kurniawan dan Forkopimda.", 1)
    storage.save_article(db, named_before, "t1")
    assert db["people"].count == 0  # named, never quoted: no one to count yet
    storage.save_article(db, seed_article(), "t2")
    named_after = other("https://www.suarapos.com/a2/", "Rapat dipimpin Eko Kurniawan di Pangkalpinang.", 2)
    storage.save_article(db, named_after, "t3")
    eko = person(db, "Eko Kurniawan")
    assert (eko["articles_quoted"], eko["articles_named"]) == (1, 3)
    assert eko["first_seen"] == "2023-02-08T20:15:32+07:00" and eko["last_seen"] == "2023-03-01T09:00:00+07:00"


def test_a_correction_replaces_the_quotes_and_a_person_no_article_names_is_gone(db):
    storage.save_article(db, seed_article(), "t1")
    body = seed_article()["body"].replace("Eko Kurniawan", "Budi Santoso")  # the editors got the speaker wrong
    corrected = seed_article(body=body, modified_at="2023-02-09T10:00:00+07:00")
    assert storage.save_article(db, corrected, "t2") == "updated"
    assert [r["name"] for r in db["people"].rows] == ["Budi Santoso"]
    assert {r["speaker"] for r in db["quotes"].rows} == {"Budi Santoso"}
    assert db["article_people"].count == 1


def test_a_copy_demoted_to_a_duplicate_no_longer_counts_for_its_people(db):
    storage.save_article(db, seed_article(), "t1")
    copy = seed_article(url="https://www.suarapos.com/bimtek-2/", fetched_url="https://www.suarapos.com/bimtek-2/",
                        post_id=78)  # fmt: skip
    storage.save_article(db, copy, "t1")
    assert person(db, "Eko Kurniawan")["articles_quoted"] == 2
    storage.demote_to_duplicate(db, "https://www.suarapos.com/bimtek-2/", EKO_URL, "same text", "t2")
    assert person(db, "Eko Kurniawan")["articles_quoted"] == 1
    assert {r["article_url"] for r in db["quotes"].rows} == {EKO_URL}


def test_quotes_follow_an_article_whose_slug_changes(db):
    storage.save_article(db, seed_article(), "t1")
    new = "https://www.suarapos.com/bimtek-pranata-humas-babel/"
    storage.save_alias(db, EKO_URL, new)
    storage.save_article(db, seed_article(url=new, fetched_url=new), "t2")
    assert {r["article_url"] for r in db["quotes"].rows} == {new}
    assert {r["article_url"] for r in db["article_people"].rows} == {new}


def test_an_archive_of_the_release_before_gains_quotes_and_people_from_its_stored_text_and_keeps_its_rows(tmp_path):
    db = Database(tmp_path / "old.db")
    with db.atomic():
        MIGRATIONS.ensure_migrations_table(db)
        MIGRATIONS.apply(db, stop_before="0013_quotes_and_people")
    for row in (seed_article(), other("https://www.suarapos.com/a2/", "Rapat dipimpin Eko Kurniawan di Koba.", 2)):
        stored = db["articles"].columns_dict  # as the release before stored them: its columns only
        db["articles"].insert({k: v for k, v in storage.article_row(row).items() if k in stored})
    before = {t: list(db[t].rows) for t in ("articles", "article_sections", "article_tags", "related_links")}
    assert storage.upgrade(db)[0] == "0013_quotes_and_people"
    added = {"speakers", "kind", "kind_evidence"}  # by this migration and later ones
    after = {t: [{k: v for k, v in r.items() if k not in added} for r in db[t].rows] for t in before}
    assert after == before  # every row as it was, with one column more: the people each article quotes
    assert json.loads(db["articles"].get(EKO_URL)["speakers"]) == ["Eko Kurniawan"]
    assert db["quotes"].count == 4
    eko = person(db, "Eko Kurniawan")
    assert (eko["articles_quoted"], eko["articles_named"]) == (1, 2)
    found = db.execute(
        "SELECT q.speaker FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid WHERE quotes_fts MATCH 'kompetensi'"
    ).fetchall()
    assert found == [("Eko Kurniawan",)]


def test_a_watched_persons_quotes_are_mentions_of_them_where_the_name_is_not_printed(db):
    from suarapos_crawler.enrich.watchlist import WatchTerm

    watched = [WatchTerm("Eko Kurniawan", "Pak Eko", person=True), WatchTerm("Pranata Humas", "Pranata Humas")]
    storage.rematch(db, watched)
    storage.save_article(db, seed_article(), "t1", watched)
    mentions = {r["term"]: (r["label"], r["count"]) for r in db["article_mentions"].rows}
    # named twice in full (the first quote's attribution, "Eko Kurniawan mengatakan"); ujarnya and terangnya are his
    assert mentions["Eko Kurniawan"] == ("Pak Eko", 4)
    assert storage.watched_terms(db) == watched


def test_an_article_lists_the_people_it_quotes_for_a_facet(db):
    storage.save_article(db, seed_article(), "t1")
    body = "“Anggaran sudah siap,” kata Bupati Bangka Selatan Yusuf Hamdani.\n\n“Kami setuju sekali,” ujar Kapolres Bangka."
    storage.save_article(db, other("https://www.suarapos.com/x/", body, 5), "t1")
    assert json.loads(db["articles"].get(EKO_URL)["speakers"]) == ["Eko Kurniawan"]
    assert json.loads(db["articles"].get("https://www.suarapos.com/x/")["speakers"]) == ["Yusuf Hamdani"]  # no office


def test_people_counted_as_a_batch_adds_are_those_a_full_count_gives(db):
    """The writer counts what each article adds to a person, and counts again at the batch's end only the people
    an article took something from (a correction) or made: the same as counting every person from scratch."""
    cols = "id, name, names, roles, organisations, first_seen, last_seen, articles_quoted, articles_named, quotes"
    bodies = [
        "“Anggaran sudah siap untuk desa,” kata Bupati Bangka Selatan Yusuf Hamdani.\n\n“Kami mulai,” ujar Yusuf.",
        "Rapat dipimpin Yusuf Hamdani di Toboali.\n\n“Jalan desa diperbaiki bulan depan,” tegas Camat Toboali, Nurhayati.",
        "“Semua puskesmas buka sampai malam hari,” kata Wakil Bupati Bangka Selatan, Yusuf Hamdani.",
    ]
    with storage.transaction(db):
        storage.save_article(db, seed_article(), "t1", people_later=True)
        for n, body in enumerate(bodies):
            url = f"https://www.suarapos.com/b{n}/"
            storage.save_article(db, other(url, body, 10 + n, f"2023-0{n + 3}-01T09:00:00+07:00"), "t1",
                                 people_later=True)  # fmt: skip
        corrected = other(
            "https://www.suarapos.com/b0/", bodies[0].replace("Yusuf", "Budi"), 10, "2023-03-01T09:00:00+07:00"
        )
        corrected["modified_at"] = "2023-03-02T09:00:00+07:00"
        storage.save_article(db, corrected, "t2", people_later=True)
        storage.refresh_marked_people(db)
    counted = list(db.query(f"SELECT {cols} FROM people ORDER BY id"))
    storage.quotes.refresh_people(db)
    assert counted == list(db.query(f"SELECT {cols} FROM people ORDER BY id"))
    yusuf = person(db, "Yusuf Hamdani")
    assert (yusuf["articles_quoted"], yusuf["articles_named"]) == (1, 2)
    assert [r["role"] for r in yusuf["roles"]] == ["Wakil Bupati Bangka Selatan"]
