"""Who said what: quote extraction on the real article, on each form, and on the sample's truth (seen and held out)."""

from __future__ import annotations

import dataclasses

import pytest

from suarapos_crawler.enrich.quotes import Quote, find_quotes, load_gazetteer
from suarapos_crawler.sample_site.content import build_site, load_seed_article
from suarapos_crawler.sample_site.score import QuoteScore
from suarapos_crawler.sample_site.speech import seed_article_quotes

EKO_ROLE = "Staf Ahli Gubernur Kep. Babel Bidang Ekonomi, Keuangan, dan Pembangunan"


def quotes(body: str, title: str = "") -> list[tuple]:
    return [(q.quote, q.speaker, q.role, q.kind, q.cue, q.paragraph) for q in find_quotes(title, body)]


def test_the_real_article_gives_exactly_its_quotes_each_eko_kurniawan_with_his_full_role():
    title, paragraphs, _ = load_seed_article()
    found = [dataclasses.asdict(q) for q in find_quotes(title, "\n\n".join(paragraphs))]
    assert [q.pop("named_as") for q in found] == ["Eko Kurniawan", None, "Eko Kurniawan", None]
    assert found == seed_article_quotes()
    assert {(q["speaker"], q["role"], q["organisation"]) for q in found} == {
        ("Eko Kurniawan", EKO_ROLE, "Pemprov Babel")
    }


def test_a_cue_after_the_quote_names_the_speaker_and_their_office_with_its_organisation():
    found = find_quotes(
        "", "“Kami akan menindak tegas para pelaku,” ujar Kapolres Bangka AKBP Hendra Gunawan saat ditemui."
    )
    assert found == [
        Quote("Kami akan menindak tegas para pelaku", "Hendra Gunawan", "Kapolres Bangka", "Polres Bangka", "direct",
              "ujar", 1, "Hendra Gunawan")
    ]  # fmt: skip


def test_nya_and_a_first_name_are_the_person_named_before():
    body = (
        "“Anggaran sudah kami siapkan untuk tahun ini,” kata Kepala Dinas Kesehatan Pangkalpinang, Budi Santoso.\n\n"
        "“Semua puskesmas buka sampai malam,” tambahnya.\n\n"
        "“Warga tidak perlu khawatir soal biaya,” tegas Budi."
    )
    assert [(q[1], q[2], q[4]) for q in quotes(body)] == [
        ("Budi Santoso", "Kepala Dinas Kesehatan Pangkalpinang", "kata"),
        ("Budi Santoso", "Kepala Dinas Kesehatan Pangkalpinang", "tambah"),
        ("Budi Santoso", "Kepala Dinas Kesehatan Pangkalpinang", "tegas"),
    ]
    assert [q.named_as for q in find_quotes("", body)] == ["Budi Santoso", None, "Budi"]


def test_the_speaker_before_the_quote_mengatakan_and_menurut():
    body = (
        "Wali Kota Pangkalpinang Ahmad Fauzi mengatakan, “Pasar murah digelar setiap pekan.”\n\n"
        "Menurut Camat Toboali, Nurhayati, “Jalan desa diperbaiki bulan depan.”"
    )
    assert [(q[0], q[1], q[2], q[4]) for q in quotes(body)] == [
        ("Pasar murah digelar setiap pekan.", "Ahmad Fauzi", "Wali Kota Pangkalpinang", "mengatakan"),
        ("Jalan desa diperbaiki bulan depan.", "Nurhayati", "Camat Toboali", "menurut"),
    ]


def test_a_quote_over_two_paragraphs_is_one_quote_of_the_first_paragraph():
    body = "Pembukaan acara.\n\n“Kami mulai dari desa pesisir.\n\n“Lalu menyusul desa lain,” ujar Bupati Bangka Selatan Yusuf Hamdani."
    assert quotes(body) == [
        ("Kami mulai dari desa pesisir. Lalu menyusul desa lain", "Yusuf Hamdani", "Bupati Bangka Selatan", "direct",
         "ujar", 2)
    ]  # fmt: skip


def test_a_quote_inside_a_quote_and_straight_quotes():
    body = (
        "“Warga sempat bilang ‘kami belum terima bantuan’, jadi kami turun,” kata Sekda Bangka Tengah Siti Rahmawati.\n\n"
        '"Bantuan tiba pekan depan," ucap Siti.'
    )
    assert [(q[0], q[1]) for q in quotes(body)] == [
        ("Warga sempat bilang ‘kami belum terima bantuan’, jadi kami turun", "Siti Rahmawati"),
        ("Bantuan tiba pekan depan", "Siti Rahmawati"),
    ]


def test_an_office_without_a_name_stays_an_office_and_its_pronoun_too():
    body = "“Kami imbau warga tetap waspada,” kata Kapolres Bangka.\n\n“Patroli kami tambah,” ujarnya."
    assert [(q[1], q[2]) for q in quotes(body)] == [(None, "Kapolres Bangka"), (None, "Kapolres Bangka")]


def test_residents_named_with_age_and_not_named():
    body = (
        "“Harga lada turun terus sejak panen,” ujar Mulyadi (60), petani lada di Simpang Katis.\n\n"
        "“Kami berharap harga naik lagi,” kata salah seorang warga."
    )
    assert [(q[1], q[2]) for q in quotes(body)] == [
        ("Mulyadi", "petani lada di Simpang Katis"),
        (None, "salah seorang warga"),
    ]


def test_indirect_speech_is_marked_indirect():
    body = "Menurut Kepala BPS Babel, Rina Marlina, jumlah penduduk miskin turun tahun ini."
    assert quotes(body) == [
        ("jumlah penduduk miskin turun tahun ini", "Rina Marlina", "Kepala BPS Babel", "indirect", "menurut", 1)
    ]


def test_a_headline_quote_is_paragraph_zero():
    assert quotes("", "Gubernur: “Jangan Ada Lagi Pungli” di Pelabuhan") == [
        ("Jangan Ada Lagi Pungli", None, "Gubernur", "direct", None, 0)
    ]


def test_words_in_quotation_marks_with_no_one_saying_them_are_not_quotes():
    body = "Program “Babel Bangkit Bersama Rakyat” diluncurkan di Pangkalpinang. Menurut data BPS, inflasi naik."
    assert quotes(body) == []


def test_a_pronoun_with_no_one_named_before_is_no_quote():
    assert quotes("Ia menjelaskan bahwa anggaran program ini sudah disiapkan.") == []


def test_a_user_gazetteer_adds_a_cue_verb(tmp_path):
    extra = tmp_path / "speakers.yml"
    extra.write_text("cues: [seloroh]\n", encoding="utf-8")
    body = "“Jangan lupa bawa payung saat hujan.” seloroh Ketua KONI Babel Maulana Akbar."
    assert find_quotes("", body) == []  # a quote closed by a period: only a known cue verb attributes it
    found = find_quotes("", body, load_gazetteer(extra))
    assert [(q.speaker, q.cue) for q in found] == [("Maulana Akbar", "seloroh")]


def score_on(seed: int, speech: str) -> dict:
    site = build_site(300, seed=seed, speech=speech, day=2)
    score = QuoteScore()
    for a in site.articles:
        found = [dataclasses.asdict(q) for q in find_quotes(a.title, "\n\n".join(a.paragraphs))]
        score.add(a.slug, a.quotes, found)
    return score.summary()


@pytest.mark.parametrize("seed", [8, 21])
def test_on_the_sample_truth_of_the_forms_it_was_written_for(seed):
    got = score_on(seed, "seen")
    assert got["direct_quotes"] > 500
    assert got["direct_recall"] >= 0.95 and got["direct_precision"] >= 0.95
    assert got["speaker_right"] >= 0.9
    assert got["indirect_marked_indirect"] == 1.0
    assert got["office_speakers_kept_as_office"] == 1.0


@pytest.mark.parametrize("seed", [8, 21])
def test_on_forms_and_speakers_held_out(seed):
    """Forms and officials written after the extraction: cue verbs and titles it does not list, "kata dia", a quote
    split by its attribution, "Hal senada disampaikan X." (measured 0.56 recall and 0.38 speakers right before the
    rules that read a quote's comma and the last person named; README's figures)."""
    got = score_on(seed, "held_out")
    assert got["direct_recall"] >= 0.95 and got["direct_precision"] >= 0.95
    assert got["speaker_right"] >= 0.9
    assert got["indirect_marked_indirect"] == 1.0


def test_a_watchlist_takes_people_as_well_as_terms(tmp_path):
    from suarapos_crawler.enrich.watchlist import WatchTerm, load_watchlist

    path = tmp_path / "watchlist.yml"
    path.write_text("- Diskominfo Babel\n- person: Eko Kurniawan\n  label: Pak Eko\n", encoding="utf-8")
    assert load_watchlist(path) == [
        WatchTerm("Diskominfo Babel", "Diskominfo Babel"),
        WatchTerm("Eko Kurniawan", "Pak Eko", person=True),
    ]
