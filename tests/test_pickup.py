"""Press-release pickup, word by word (enrich/pickup.py), and over an archive's index (storage/pickup.py)."""

from __future__ import annotations

from suarapos_crawler import storage
from suarapos_crawler.enrich.pickup import ParagraphReuse, Release, compare
from suarapos_crawler.storage.pickup import find_pickups
from tests.test_storage import article

RELEASE = """Diskominfo Babel Luncurkan Babel Satu Data

Dinas Komunikasi dan Informatika Provinsi Kepulauan Bangka Belitung resmi meluncurkan program Babel Satu Data di Pangkalpinang, Senin (5/6/2026).

Kerja sama dengan Badan Pusat Statistik dituangkan dalam perjanjian yang berlaku selama tiga tahun ke depan.

Anggaran program sebesar Rp12,5 miliar bersumber dari APBD tahun 2026 dan dana hibah pemerintah pusat.

Warga yang ingin mendaftar cukup membawa KTP dan kartu keluarga ke kantor desa atau kelurahan setempat.
"""
P = Release.from_text(RELEASE).paragraphs


def test_a_release_file_gives_its_title_and_paragraphs():
    release = Release.from_text(RELEASE)
    assert release.title == "Diskominfo Babel Luncurkan Babel Satu Data"
    assert len(release.paragraphs) == 4 and release.paragraphs[2].startswith("Anggaran program sebesar")
    assert release.words == 18 + 16 + 15 + 16  # Rp12,5 is one word, (5/6/2026). one
    one_a_line = Release.from_text("\n".join(P))  # pasted without blank lines: one paragraph a line
    assert (one_a_line.title, one_a_line.paragraphs) == ("", P)


def test_a_copy_with_a_paragraph_cut_two_swapped_a_word_changed_and_one_added():
    body = "\n\n".join([P[0], "Peluncuran berlangsung meriah.", P[3], P[2].replace("sebesar", "senilai")])
    got = compare(Release.from_text(RELEASE), "Babel Satu Data Dimulai", body)
    assert got.share == round((18 + 16 + 14) / 65, 3) and not got.title_kept
    assert [(p.number, p.share, p.found_in) for p in got.paragraphs] == [
        (1, 1.0, 1),
        (2, 0.0, None),
        (3, round(14 / 15, 3), 4),
        (4, 1.0, 3),
    ]
    assert got.paragraphs[2].changes[:3] == [("same", "Anggaran program"), ("del", "sebesar"), ("ins", "senilai")]


def test_words_every_text_of_the_region_shares_are_no_reuse():
    # four words in a row in common, not five
    body = "Rapat digelar di Provinsi Kepulauan Bangka Belitung, Senin.\n\nWarga yang ingin mendaftar diminta datang."
    got = compare(Release.from_text(RELEASE), "Rapat", body)
    assert got.share == 0.0 and all(p == ParagraphReuse(p.number, 0.0, None) for p in got.paragraphs)


def test_the_archive_lists_the_articles_that_reused_the_release_best_first(db):
    copies = {
        "https://www.suarapos.com/full/": "\n\n".join(P) + " (rls)",
        "https://www.suarapos.com/half/": "\n\n".join([P[0], P[3]]),
        "https://www.suarapos.com/other/": "Banjir melanda Koba.\n\nWarga mengungsi ke balai desa.",
        "https://www.suarapos.com/lead/": P[0] + "\n\nSelebihnya berita lain yang panjang sekali isinya.",
    }
    for i, (url, body) in enumerate(copies.items()):
        storage.save_article(db, article(url, body=body, post_id=i, content_hash=url), "t1")
    found = find_pickups(db, Release.from_text(RELEASE))
    assert [(row["url"].split("/")[-2], row["kind"], reuse.share) for row, reuse in found] == [
        ("full", "press_release", 1.0),
        ("half", "news", round((18 + 16) / 65, 3)),
        ("lead", "news", round(18 / 65, 3)),
    ]
    assert find_pickups(db, Release.from_text(RELEASE), min_share=0.5)[-1][0]["url"].endswith("/half/")
    assert find_pickups(db, Release("", ["Kata kata yang tidak ada di arsip sama sekali."])) == []
