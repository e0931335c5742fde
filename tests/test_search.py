"""Search in Indonesian: the canned query ``search`` of metadata.yml, run on an archive in memory with the
plugin's SQL functions, finds every form of a word, the form typed first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sqlite_utils import Database

from suarapos_crawler import storage
from suarapos_crawler.browse.plugins.suarapos_safety import prepare_connection
from suarapos_crawler.enrich.stems import stems_of

ROOT = Path(__file__).resolve().parents[1]
SEARCH = yaml.safe_load((ROOT / "metadata.yml").read_text())["databases"]["suarapos"]["queries"]["search"]["sql"]
BASE = "https://www.suarapos.com"
TEXTS = {
    "penangkapan": "Polda Babel memimpin penangkapan dua bandar sabu di Pangkalpinang pada malam hari.",
    "menangkap": "Warga Sungailiat menangkap seekor buaya yang masuk ke kolam milik warga.",
    "ditangkap": "Seorang pelaku pencurian ditangkap polisi saat hendak kabur ke Toboali.",
    "ikan": "Nelayan Belinyu menjual ikan segar langsung di dermaga setiap pagi.",
    "berikan": "Gubernur berikan bantuan beras kepada korban banjir di Koba.",
    "anak": "Anak-anak di Muntok mengikuti lomba mewarnai pada Hari Anak Nasional.",
}


@pytest.fixture
def archive() -> Database:
    db = Database(memory=True)
    storage.upgrade(db)
    for slug, body in TEXTS.items():
        row = {"url": f"{BASE}/{slug}/", "title": f"Berita {slug}", "published_at": "2026-11-29T10:00:00+07:00"}
        storage.save_article(db, {**row, "body": body, "section": "Daerah", "related": []})
    prepare_connection(db.conn)
    return db


def search(db: Database, q: str, **filters) -> list[str]:
    params = {"q": q, "section": "", "from_date": "", "to_date": "", "page": "", **filters}
    return [row[0].rsplit("/", 2)[1] for row in db.execute(SEARCH, params)]


def test_one_form_finds_the_articles_written_in_the_others_the_form_typed_first(archive):
    found = search(archive, "penangkapan")
    assert found[0] == "penangkapan" and set(found) == {"penangkapan", "menangkap", "ditangkap"}
    assert search(archive, "ditangkap")[0] == "ditangkap"


def test_ikan_does_not_find_berikan(archive):
    assert search(archive, "ikan") == ["ikan"]
    assert search(archive, "berikan") == ["berikan"]


def test_a_quoted_phrase_matches_the_phrase_only(archive):
    assert search(archive, '"penangkapan dua bandar"') == ["penangkapan"]
    assert search(archive, '"menangkap dua bandar"') == []


@pytest.mark.parametrize("typed", ["anak-anak", "anak'", '"unbalanced', "Kep. Babel", "Hukum & Kriminal", "-", "*"])
def test_what_people_type_is_never_an_error(archive, typed):
    search(archive, typed)  # raises on an FTS5 syntax error


def test_a_correction_refreshes_the_stems_and_the_index(archive):
    url = f"{BASE}/ikan/"
    row = archive["articles"].get(url)
    storage.save_article(
        archive, {**row, "sections": [], "tags": [], "body": row["body"] + " Mereka membangun dermaga."}
    )
    assert "bangun" in archive["articles"].get(url)["body_stems"]
    assert search(archive, "pembangunan") == ["ikan"]


def test_the_stem_columns_hold_the_stems_of_the_text(archive):
    row = archive["articles"].get(f"{BASE}/anak/")
    assert row["body_stems"] == stems_of(row["body"]) and row["body_stems"].startswith("anak di muntok ikut lomba")


def test_the_snippet_marks_the_forms_found_by_their_stem(archive):
    params = {"q": "penangkapan", "section": "", "from_date": "", "to_date": "", "page": ""}
    snippets = {row[0].rsplit("/", 2)[1]: row[4] for row in archive.execute(SEARCH, params)}
    assert "⟦menangkap⟧" in snippets["menangkap"] and "⟦ditangkap⟧" in snippets["ditangkap"]
    assert "⟦penangkapan⟧" in snippets["penangkapan"]


def test_a_snippet_of_a_long_body_is_a_window_around_the_first_match():
    from suarapos_crawler.browse.plugins.suarapos_safety import stem_snippet

    body = " ".join(f"kata{i}" for i in range(100)) + " Polisi menangkap pelaku. " + "akhir " * 50
    got = stem_snippet(body, "tangkap")
    assert got.startswith("… ") and got.endswith(" …") and "⟦menangkap⟧" in got and len(got.split()) <= 27
    assert stem_snippet("Tanpa kata yang dicari.", "tangkap") == "Tanpa kata yang dicari."
    assert stem_snippet("Di Hotel Cordela, Rabu.", "Cordela") == "Di Hotel ⟦Cordela⟧, Rabu."


def test_a_section_and_days_choose_the_articles_whose_own_section_and_day_they_are(archive):
    dated = {"penangkapan": ("2026-01-31T23:59:00+07:00", "Hukum"), "ditangkap": ("2026-02-01T00:01:00+07:00", "Hukum"),
             "menangkap": ("2026-02-28T23:00:00+07:00", "Daerah")}  # fmt: skip
    for slug, (published_at, section) in dated.items():
        archive.execute(
            "UPDATE articles SET published_at = ?, published_day = substr(?, 1, 10), section = ? WHERE url = ?",
            [published_at, published_at, section, f"{BASE}/{slug}/"],
        )
    assert set(search(archive, "tangkap", from_date="2026-02-01")) == {"ditangkap", "menangkap"}
    assert set(search(archive, "tangkap", to_date="2026-01-31")) == {"penangkapan"}
    assert search(archive, "tangkap", section="Hukum", from_date="2026-02-01", to_date="2026-02-01") == ["ditangkap"]
    assert set(search(archive, "tangkap", section="Hukum")) == {"penangkapan", "ditangkap"}
    assert search(archive, "tangkap", section="Hukum", to_date="2026-01-30") == []


def test_the_page_counts_what_the_query_counts_and_says_more_than_its_cap_past_it(archive):
    from suarapos_crawler.browse.search import COUNT_FOUND, FOUND_CAP

    def blocks(sql: str) -> dict[str, str]:  # each named part of a WITH, its text with spaces evened
        parts = re.split(r"\n\s*(?=\w+ AS (?:MATERIALIZED )?\()", sql.removeprefix("WITH "))
        return {p.split()[0]: " ".join(p.split()).rstrip(",") for p in parts}

    counted, searched = blocks(COUNT_FOUND.rsplit("\n", 1)[0]), blocks(SEARCH.split("\nSELECT a.url")[0])
    assert set(counted) == {"chosen", "dated", "matched", "found"}  # the page's count is the query's own
    assert all(counted[name] == searched[name] for name in counted)
    words = "Kata yang sama di setiap berita ini."
    archive.conn.executemany(
        "INSERT INTO articles (url, title, body, published_at, published_day, section) VALUES (?, ?, ?, ?, ?, ?)",
        [(f"{BASE}/n{i}/", f"Berita {i}", words, "2025-01-01T10:00:00+07:00", "2025-01-01", "Daerah" if i % 2 else "Hukum")
         for i in range(FOUND_CAP + 50)],
    )  # fmt: skip
    params = {"q": "sama", "section": "", "from_date": "", "to_date": "", "page": ""}
    rows = list(archive.query(SEARCH, params))
    assert rows[0]["matches"] == FOUND_CAP + 50  # nothing narrows them: every match, counted by the index
    assert archive.execute(COUNT_FOUND, params).fetchone()[0] == FOUND_CAP + 50
    newest = archive.execute("SELECT MAX(rowid) FROM articles").fetchone()[0]
    ranked = [
        archive.execute("SELECT rowid FROM articles WHERE url = ?", [r["article_url"]]).fetchone()[0] for r in rows
    ]
    assert len(ranked) == 50 and min(ranked) > newest - FOUND_CAP  # the best of the 2,000 stored last
    hukum = {**params, "section": "Hukum"}
    assert list(archive.query(SEARCH, hukum))[0]["matches"] == (FOUND_CAP + 50) // 2  # under the cap: exact
    daerah_early = {**params, "to_date": "2025-01-01"}
    assert list(archive.query(SEARCH, daerah_early))[0]["matches"] == f"more than {FOUND_CAP:,}"
    assert archive.execute(COUNT_FOUND, daerah_early).fetchone()[0] == FOUND_CAP + 1
