"""The sample site runs press releases and advertorials: edited copies of releases, with the truth of them.

A pass over the generated articles after the speech pass (its own RNG, so the site's other draws, pages and
faults stay as they were). A few institutions send out press releases (``RELEASES``); the newsroom runs each of
them in several articles, edited as newsrooms edit (paragraphs cut, two swapped, the lead rewritten, a word
changed, a paragraph of its own added, a new title). Each copy records which release it reuses and how much of
it (``SampleArticle.release``: the share of the release's body words that survive, and which paragraphs).

Every article also gets the kind its page declares (``SampleArticle.kind``): ``press_release`` when it carries a
release's mark (a sign-off such as ``(rls)``, a Humas credit, a "kerja sama publikasi" line, the tag Press
Release), ``advertorial`` when it carries an advertisement's (ADV in the title or sign-off, the tag Advertorial),
else ``news``. Some copies of releases carry no mark: their kind is news, as a reader of the page would say.
``HELD_OUT_MARKS`` are marks the classifier was not written against (a build with ``speech="held_out"``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from . import vocab

# (institution, its short name, a programme it launches, whom it serves, a partner)
SENDERS = [
    ("Dinas Komunikasi dan Informatika Provinsi Kepulauan Bangka Belitung", "Diskominfo Babel",
     "Babel Satu Data", "perangkat daerah", "Badan Pusat Statistik"),
    ("Dinas Kesehatan Kota Pangkalpinang", "Dinkes Pangkalpinang",
     "Posyandu Prima Serumpun", "ibu hamil dan balita", "Tim Penggerak PKK"),
    ("Badan Penanggulangan Bencana Daerah Kabupaten Bangka", "BPBD Bangka",
     "Desa Tangguh Bencana Pesisir", "keluarga nelayan", "Palang Merah Indonesia"),
    ("Dinas Pendidikan Provinsi Kepulauan Bangka Belitung", "Disdik Babel",
     "Beasiswa Serumpun Sebalai", "siswa SMA dan SMK", "Universitas Bangka Belitung"),
    ("Dinas Koperasi dan UKM Kabupaten Belitung", "Diskop UKM Belitung",
     "Klinik Ekspor Lada Putih", "pelaku usaha mikro", "Bank Sumsel Babel"),
    ("Dinas Lingkungan Hidup Kabupaten Bangka Tengah", "DLH Bangka Tengah",
     "Bank Sampah Sekolah", "sekolah dasar", "PT Timah"),
]  # fmt: skip
# Each paragraph position of a release has one wording per sender (a Latin square: no two releases share a
# sentence, as no two real releases do). Slots: {org} {short} {prog} {who} {partner} {place} {day} {n} {m} {rp} {year}
RELEASE_PARAGRAPHS = [
    [
        "{org} resmi meluncurkan program {prog} di {place}, {day}. Program ini menyasar {n} {who} pada tahap awal.",
        "Sebanyak {n} {who} mulai menerima manfaat program {prog} yang diluncurkan {org} di {place}, {day}.",
        "Program {prog} yang digagas {org} dimulai {day} di {place} dengan melibatkan {n} {who} sebagai peserta.",
        "{org} bersama {partner} menggelar peluncuran {prog} di {place}, {day}, yang ditujukan bagi {n} {who}.",
        "Peluncuran {prog} oleh {org} berlangsung {day} di {place} dan langsung diikuti {n} {who} dari berbagai desa.",
        "{day}, {org} memulai {prog} di {place}, sebuah program untuk {n} {who} yang disiapkan sejak awal tahun.",
    ],
    [
        "Penandatanganan nota kesepahaman dengan {partner} menandai dimulainya kerja sama jangka panjang kedua pihak.",
        "Kerja sama dengan {partner} dituangkan dalam perjanjian yang berlaku selama tiga tahun ke depan.",
        "{partner} dilibatkan sejak perencanaan untuk memastikan data penerima tepat sasaran dan mutakhir.",
        "Dalam pelaksanaannya, {short} menggandeng {partner} yang akan menyediakan tenaga pendamping di lapangan.",
        "Nota kesepahaman yang diteken bersama {partner} mengatur pembagian peran, pendanaan, dan pelaporan berkala.",
        "Pihak {partner} menyatakan siap mendukung penuh, termasuk menyediakan fasilitas pelatihan bagi peserta.",
    ],
    [
        "Anggaran program sebesar Rp{rp} miliar bersumber dari APBD tahun {year} dan dana hibah pemerintah pusat.",
        "Untuk tahun {year}, pemerintah daerah mengalokasikan dana Rp{rp} miliar yang dicairkan dalam dua termin.",
        "Pembiayaan {prog} tahun {year} mencapai Rp{rp} miliar, sebagian besar untuk pelatihan dan peralatan.",
        "Total dana Rp{rp} miliar disiapkan pada tahun anggaran {year}, naik dibandingkan rencana semula.",
        "Program ini didukung anggaran Rp{rp} miliar dari APBD perubahan {year} yang telah disetujui dewan.",
        "Dana yang disiapkan untuk tahap pertama sebesar Rp{rp} miliar, dianggarkan melalui APBD murni {year}.",
    ],
    [
        "Tahap pertama menjangkau {m} desa, sebelum diperluas ke seluruh kecamatan pada semester berikutnya.",
        "Pada tiga bulan pertama, petugas akan mendatangi {m} desa untuk pendataan dan sosialisasi langsung.",
        "Sebanyak {m} desa dipilih sebagai percontohan berdasarkan hasil pemetaan kebutuhan tahun lalu.",
        "Pelaksanaan dibagi dalam empat gelombang, dimulai dari {m} desa yang dinilai paling membutuhkan.",
        "Desa percontohan berjumlah {m}, masing-masing didampingi dua fasilitator yang telah dilatih khusus.",
        "Kegiatan lapangan berlangsung di {m} desa secara bergiliran hingga akhir bulan depan.",
    ],
    [
        "Warga yang ingin mendaftar cukup membawa KTP dan kartu keluarga ke kantor desa atau kelurahan setempat.",
        "Pendaftaran dibuka secara daring melalui laman resmi {short} dan luring di kantor kecamatan.",
        "Informasi lengkap dapat diperoleh melalui layanan pesan singkat dan media sosial resmi {short}.",
        "Calon peserta diminta melengkapi formulir yang tersedia di puskesmas dan balai desa terdekat.",
        "Layanan pengaduan dibuka setiap hari kerja melalui nomor telepon yang tercantum di laman {short}.",
        "Persyaratan dan jadwal pendaftaran diumumkan melalui papan informasi di setiap kantor desa.",
    ],
    [
        "Evaluasi dilakukan setiap triwulan bersama Inspektorat agar pelaksanaan program transparan dan akuntabel.",
        "Hasil pemantauan akan dipublikasikan secara terbuka sehingga masyarakat dapat ikut mengawasi.",
        "Setiap desa wajib menyampaikan laporan bulanan yang kemudian diverifikasi oleh tim teknis provinsi.",
        "Capaian program diukur dengan indikator yang disepakati bersama lembaga pendamping dan akademisi.",
        "Tim monitoring gabungan akan turun ke lapangan untuk memastikan tidak ada penyimpangan anggaran.",
        "Seluruh data penerima disimpan dalam sistem informasi terpadu yang dapat diakses perangkat daerah.",
    ],
    [
        "{short} berharap program ini menjadi contoh bagi daerah lain di Sumatera bagian selatan.",
        "Ke depan, {short} menargetkan jumlah penerima manfaat meningkat dua kali lipat pada tahun {year}.",
        "Dengan program ini, {short} optimistis pelayanan publik di daerah semakin merata dan berkualitas.",
        "Program serupa direncanakan berlanjut setiap tahun dengan cakupan wilayah yang lebih luas.",
        "{short} mengajak seluruh elemen masyarakat mendukung keberhasilan program demi kemajuan daerah.",
        "Keberhasilan tahap awal akan menjadi dasar pengusulan tambahan anggaran kepada pemerintah pusat.",
    ],
]
RELEASE_TITLES = [
    "{short} Luncurkan Program {prog}",
    "{prog} Resmi Dimulai, {short} Sasar {n} {who_cap}",
    "{short} dan {partner} Teken Kerja Sama {prog}",
]
# What a newsroom writes around a release: a lead of its own, a paragraph of its own
NEWSROOM_LEADS = [
    "Pemerintah daerah kembali menghadirkan program baru bagi {who} di {place}.",
    "Program {prog} akhirnya terealisasi setelah sempat tertunda beberapa bulan.",
    "Kabar gembira datang bagi {who} di wilayah {place} dan sekitarnya.",
]
NEWSROOM_ASIDES = [
    "Pantauan di lokasi, suasana peluncuran berlangsung meriah dan dihadiri tokoh masyarakat setempat.",
    "Sejumlah warga yang hadir menyambut baik program tersebut dan berharap segera merasakan manfaatnya.",
    "Program ini menjadi salah satu janji kerja kepala daerah yang dipantau langsung oleh DPRD.",
]
WORD_EDITS = {"sebesar": "senilai", "Warga": "Masyarakat", "setiap": "tiap", "seluruh": "semua", "dana": "anggaran"}

# Marks a page declares its kind with: (where, text). ``sign``: the last paragraph's closing words; ``line``:
# a paragraph of its own at the end; ``tag``: a tag; ``title_prefix`` / ``title_suffix``: the title.
PRESS_MARKS = {
    "seen": [("sign", "(rls)"), ("sign", "(*/rls)"), ("sign", "(rilis)"), ("line", "Sumber: Humas {short}"),
             ("line", "Artikel ini merupakan kerja sama publikasi antara Suarapos.com dan {short}."),
             ("tag", "Press Release")],
    "held_out": [("sign", "(rel)"), ("sign", "(Rls/Humas)"), ("line", "Siaran pers {short}"),
                 ("line", "(Kerja sama publikasi {short})"), ("tag", "Rilis")],
}  # fmt: skip
AD_MARKS = {
    "seen": [("title_prefix", "ADV - "), ("title_prefix", "[ADV] "), ("sign", "(ADV)"), ("tag", "Advertorial")],
    "held_out": [("title_suffix", " | Advertorial"), ("sign", "(adv)"), ("line", "ADVERTORIAL"), ("tag", "ADV")],
}
AD_TITLES = [
    "Promo Akhir Tahun {place}: Diskon Hingga {n} Persen di Dealer Resmi",
    "Rayakan Libur Sekolah di Pantai Tanjung Pesona, Paket Keluarga Mulai Rp{rp}00 Ribu",
    "Bank Sumsel Babel Hadirkan Tabungan Emas untuk Pelaku UMKM {place}",
]
AD_PARAGRAPHS = [
    "Nikmati penawaran istimewa yang hanya berlaku hingga akhir bulan ini untuk warga {place} dan sekitarnya.",
    "Pengunjung yang datang bersama keluarga berkesempatan mendapatkan hadiah langsung dan voucer belanja.",
    "Tunjukkan kode promo {code} kepada petugas untuk mendapatkan potongan tambahan.",
    "Informasi lebih lanjut dapat diperoleh di kantor cabang terdekat atau melalui layanan pelanggan.",
]
# News that names a Humas office or a release, and is no release: what a classifier must not take for one.
NEWS_DECOYS = [
    "Kasubbag Humas Polres Bangka membenarkan kejadian tersebut saat dikonfirmasi wartawan.",
    "Polisi telah merilis identitas kedua pelaku kepada media pada sore harinya.",
    "Data tersebut dirilis Badan Pusat Statistik dalam berita resmi statistik bulan ini.",
]


@dataclass
class Release:
    """A press release as its sender sent it."""

    id: str
    title: str
    paragraphs: list[str]

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def truth(self) -> dict:
        return {"id": self.id, "title": self.title, "paragraphs": list(self.paragraphs)}


def _slots(rng: random.Random, sender: tuple, when) -> dict:
    org, short, prog, who, partner = sender
    return {
        "org": org, "short": short, "prog": prog, "who": who, "who_cap": who.title(), "partner": partner,
        "place": rng.choice(vocab.PLACES), "n": str(rng.choice([120, 250, 400, 1500, 3200])),
        "m": str(rng.choice([12, 18, 24, 35])), "rp": f"{rng.randint(2, 19)},{rng.randint(1, 9)}",
        "year": str(when.year), "day": f"{vocab.WEEKDAYS_ID[when.weekday()]} ({when.day}/{when.month}/{when.year})",
    }  # fmt: skip


def write_release(rng: random.Random, number: int, values: dict) -> Release:
    """Sender ``number``'s release: every position of ``RELEASE_PARAGRAPHS`` in the sender's own wording."""
    paragraphs = [
        wordings[(number + pos) % len(SENDERS)].format(**values) for pos, wordings in enumerate(RELEASE_PARAGRAPHS)
    ]
    return Release(f"release-{number + 1}", rng.choice(RELEASE_TITLES).format(**values), paragraphs)


def edited_copy(rng: random.Random, release: Release, values: dict) -> tuple[str, list[str], dict]:
    """A newsroom's copy of ``release``: its title, paragraphs, and the truth of what it kept."""
    kept = list(range(len(release.paragraphs)))
    edits = []
    cut = rng.choice([0, 0, 1, 2, 3, 5])
    if cut:
        for index in sorted(rng.sample(kept[1:], cut), reverse=True):
            kept.remove(index)
        edits.append(f"cut {cut}")
    texts = {i: release.paragraphs[i] for i in kept}
    lost = 0
    if rng.random() < 0.3:
        texts.pop(kept[0])
        kept = kept[1:]
        edits.append("lead rewritten")
        lead = rng.choice(NEWSROOM_LEADS).format(**values)
    else:
        lead = None
    if len(kept) > 3 and rng.random() < 0.4:
        a = rng.randrange(1, len(kept) - 1)
        kept[a], kept[a + 1] = kept[a + 1], kept[a]
        edits.append("reordered")
    if rng.random() < 0.3:
        for i in kept:
            word = next((w for w in texts[i].split() if w in WORD_EDITS), None)
            if word:
                texts[i] = texts[i].replace(word, WORD_EDITS[word], 1)
                lost += 1
                edits.append("word changed")
                break
    paragraphs = ([lead] if lead else []) + [texts[i] for i in kept]
    if rng.random() < 0.5:
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(NEWSROOM_ASIDES))
        edits.append("paragraph added")
    title = release.title if rng.random() < 0.3 else rng.choice(RELEASE_TITLES).format(**values)
    if title != release.title:
        edits.append("new title")
    reused = sum(len(release.paragraphs[i].split()) for i in kept) - lost
    truth = {
        "id": release.id,
        "share": round(reused / release.words, 4),
        "paragraphs": sorted(i + 1 for i in kept),
        "edits": edits,
    }
    return title, paragraphs, truth


def _mark(rng: random.Random, a, marks: list[tuple[str, str]], short: str) -> str:
    """Give ``a`` one of ``marks`` (a sign-off only where the last paragraph holds no quote, which it would
    change); returns the mark as printed."""
    where, text = rng.choice(marks)
    if where == "sign" and any(q in a.paragraphs[-1] for q in '“"'):
        where, text = next(m for m in marks if m[0] != "sign")
    text = text.format(short=short)
    if where == "sign":
        a.paragraphs[-1] = f"{a.paragraphs[-1]} {text}"
    elif where == "line":
        a.paragraphs.append(text)
    elif where == "tag":
        a.tags = [*a.tags, text] if text not in a.tags else a.tags
    elif where == "title_prefix":
        a.title = text + a.title
    else:
        a.title = a.title + text
    return text.strip()


def _eligible(a) -> bool:
    """An article whose text a release or an advertisement may replace without moving a quirk the sample shows
    (its Baca Juga boxes stay where the new text has room for them)."""
    return not (
        a.traps or a.duplicate_of or a.split_at or a.embeds or a.table or a.subheadings
        or a.quote_paragraph is not None or a.body_shape == "br" or a.old_slugs
    )  # fmt: skip


def run_releases(made: list, seed: int, forms: str = "seen") -> list[Release]:
    """Releases run in edited copies, advertorials, marks and decoys, over ``made`` (newest first); each article
    gets its ``kind`` and the marks that tell it. Returns the releases, as their senders sent them."""
    rng = random.Random(f"releases-{seed}-{forms}")
    eligible = [a for a in made if _eligible(a)]
    copies_each = max(3, min(6, len(made) // 150))
    spacing = max(copies_each + 1, len(eligible) // (len(SENDERS) + 1))
    releases, taken, printed = [], set(), set()
    for i, sender in enumerate(SENDERS):
        group = eligible[(i + 1) * spacing - copies_each : (i + 1) * spacing]  # a day or two of news
        if len(group) < copies_each:  # a small sample runs fewer releases
            break
        values = _slots(rng, sender, min(a.published for a in group))
        release = write_release(rng, i, values)
        releases.append(release)
        for a in group:
            a.title, a.paragraphs, a.release = edited_copy(rng, release, values)
            while (a.title, *a.paragraphs) in printed:  # two copies alike would be one article republished
                a.paragraphs.append(f"Kegiatan tersebut dihadiri sekitar {a.post_id % 500 + 50} undangan.")
            printed.add((a.title, *a.paragraphs))
            a.quotes = []
            if rng.random() < 0.8:
                a.kind_marks.append(_mark(rng, a, PRESS_MARKS[forms], values["short"]))
                a.kind = "press_release"
            taken.add(a.post_id)
    others = [a for a in eligible if a.post_id not in taken]
    for a in others[1::25]:  # advertorials
        values = {"place": rng.choice(vocab.PLACES), "n": str(rng.choice([10, 20, 30])), "rp": str(rng.randint(1, 9)),
                  "code": f"SP{a.post_id}"}  # fmt: skip
        a.title = rng.choice(AD_TITLES).format(**values)
        a.paragraphs = [p.format(**values) for p in AD_PARAGRAPHS]
        a.quotes = []
        a.kind_marks.append(_mark(rng, a, AD_MARKS[forms], ""))
        a.kind = "advertorial"
        taken.add(a.post_id)
    for a in others[7::31]:  # releases run as they came, from a sender the sample has no file of
        if a.post_id not in taken:
            a.kind_marks.append(_mark(rng, a, PRESS_MARKS[forms], rng.choice(vocab.OFFICES)))
            a.kind = "press_release"
            taken.add(a.post_id)
    for a in others[4::17]:  # news that names a Humas office or a release
        if a.post_id not in taken:
            a.paragraphs[-1] = f"{a.paragraphs[-1]} {rng.choice(NEWS_DECOYS)}"
    for a in made:
        if a.post_id in taken:
            _fit_boxes(a)
        a.kind = kind_of_marks(a)
    return releases


def _fit_boxes(a) -> None:
    """Baca Juga boxes after a paragraph the new text still has (and before its last), the others gone."""
    a.baca_juga = [box for box in a.baca_juga if box.after_paragraph < len(a.paragraphs) - 1]


def kind_of_marks(a) -> str:
    """The kind a page declares: the marks this pass gave it, or a tag the writer drew (Press Release)."""
    if a.kind != "news":
        return a.kind
    if any(t in AD_TAGS for t in a.tags):
        return "advertorial"
    if any(t in PRESS_TAGS for t in a.tags):
        return "press_release"
    return "news"


AD_TAGS = {text for where, text in AD_MARKS["seen"] + AD_MARKS["held_out"] if where == "tag"}
PRESS_TAGS = {text for where, text in PRESS_MARKS["seen"] + PRESS_MARKS["held_out"] if where == "tag"}
