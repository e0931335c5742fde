"""Words the sample site writes its news with: Bangka Belitung places, offices, people.

Plain data, so the generator stays readable and the text stays plausible.
"""

# (slug, name, parent slug or None, listing layout)
SECTIONS = [
    ("berita", "Berita", None, "td_module_1"),
    ("daerah", "Daerah", None, "td_module_1"),
    ("pangkalpinang", "Pangkalpinang", "daerah", "td_module_2"),
    ("bangka", "Bangka", "daerah", "td_module_1"),
    ("bangka-barat", "Bangka Barat", "daerah", "td_module_10"),
    ("bangka-tengah", "Bangka Tengah", "daerah", "td_module_1"),
    ("bangka-selatan", "Bangka Selatan", "daerah", "td_module_2"),
    ("belitung", "Belitung", "daerah", "td_module_1"),
    ("belitung-timur", "Belitung Timur", "daerah", "td_module_10"),
    ("pemerintahan", "Pemerintahan", None, "td_module_1"),
    ("hukum-kriminal", "Hukum & Kriminal", None, "td_module_10"),
    ("politik", "Politik", None, "td_module_2"),
    ("ekonomi", "Ekonomi", None, "load_more"),
    ("pendidikan", "Pendidikan", None, "td_module_1"),
    ("olahraga", "Olahraga", None, "td_module_2"),
    ("kesehatan", "Kesehatan", None, "td_module_1"),
    ("nasional", "Nasional", None, "td_module_10"),
    ("opini", "Opini", None, "td_module_1"),
]

# Where a section's stories happen: the dateline city for each regional section.
SECTION_CITY = {
    "pangkalpinang": "PANGKALPINANG",
    "bangka": "SUNGAILIAT",
    "bangka-barat": "MUNTOK",
    "bangka-tengah": "KOBA",
    "bangka-selatan": "TOBOALI",
    "belitung": "TANJUNGPANDAN",
    "belitung-timur": "MANGGAR",
}

PLACES = [
    "Pangkalpinang",
    "Sungailiat",
    "Muntok",
    "Koba",
    "Toboali",
    "Tanjungpandan",
    "Manggar",
    "Belinyu",
    "Jebus",
    "Kelapa",
    "Pangkalan Baru",
    "Sungai Selan",
    "Simpang Katis",
    "Payung",
    "Air Gegas",
    "Lepar Pongok",
    "Membalong",
    "Badau",
    "Gantung",
    "Kelapa Kampit",
]

OFFICES = [
    "Pemprov Babel",
    "Pemkot Pangkalpinang",
    "Pemkab Bangka",
    "Pemkab Bangka Barat",
    "Pemkab Bangka Tengah",
    "Pemkab Bangka Selatan",
    "Pemkab Belitung",
    "Pemkab Belitung Timur",
    "Diskominfo Babel",
    "DPRD Babel",
    "DPRD Pangkalpinang",
    "Polda Babel",
    "Polres Bangka",
    "Polresta Pangkalpinang",
    "Kodim 0413 Bangka",
    "BPBD Babel",
    "Dinas Pendidikan Babel",
    "Dinas Kesehatan Pangkalpinang",
    "Bappeda Pangkalpinang",
    "BNNP Babel",
    "Kejati Babel",
    "KPU Babel",
    "Bawaslu Bangka",
    "PT Timah",
    "Universitas Bangka Belitung",
    "Dispora Babel",
    "RSUD Depati Hamzah",
    "Dinas Pariwisata Belitung",
    "Basarnas Bangka Belitung",
]

PEOPLE = [
    ("Eko Kurniawan", "Staf Ahli Gubernur"),
    ("Budi Santoso", "Kepala Dinas"),
    ("Siti Rahmawati", "Sekretaris Daerah"),
    ("Hendra Gunawan", "Kapolres"),
    ("Rina Marlina", "Ketua DPRD"),
    ("Ahmad Fauzi", "Wali Kota"),
    ("Yusuf Hamdani", "Bupati"),
    ("Dewi Anggraini", "Kepala Bidang"),
    ("Rizal Effendi", "Camat"),
    ("Nurhayati", "Lurah"),
    ("Agus Salim", "Dandim"),
    ("Fitri Handayani", "Direktur"),
    ("Irwan Prayitno", "Kajati"),
    ("Sri Wahyuni", "Kepala Sekolah"),
    ("Maulana Akbar", "Ketua KONI"),
    ("Taufik Hidayat", "Rektor"),
    ("Lestari Puspita", "Plt Kepala Dinas"),
    ("Andi Saputra", "Kasat Reskrim"),
]

AUTHORS = [
    ("redaksi", "Redaksi"),
    ("admin", "Admin Suarapos"),
    ("ega", "Ega Pratama"),
    ("rudi", "Rudi Hartono"),
    ("nadia", "Nadia Putri"),
    ("fajar", "Fajar Ramadhan"),
]

EVENTS = [
    "Bimtek Pengelolaan Informasi Publik",
    "Rapat Koordinasi Penanganan Banjir",
    "Festival Serumpun Sebalai",
    "Pelatihan UMKM Digital",
    "Lomba Perahu Naga",
    "Operasi Pasar Murah",
    "Vaksinasi Massal",
    "Sosialisasi Pemilu Damai",
    "Musrenbang Kecamatan",
    "Donor Darah",
    "Pasar Beduk Ramadan",
    "Turnamen Sepak Bola Antar Desa",
    "Penanaman Mangrove",
    "Gerakan Pangan Murah",
    "Seminar Literasi Digital",
    "Pelatihan Jurnalistik",
    "Razia Kendaraan",
    "Bazar Produk Lokal",
    "Pekan Olahraga Pelajar",
    "Pameran Lada Putih",
    "Coffee Morning Bersama Wartawan",
]

TOPICS = [
    "harga lada",
    "tambang timah ilegal",
    "abrasi pantai",
    "stunting",
    "inflasi daerah",
    "infrastruktur jalan",
    "pelayanan publik",
    "pariwisata Belitung",
    "air bersih",
    "kesejahteraan nelayan",
    "penerimaan siswa baru",
    "jaminan kesehatan",
    "sampah plastik",
    "kebakaran lahan",
    "tenaga honorer",
    "harga karet",
    "pemilihan kepala daerah",
    "narkoba",
    "ketahanan pangan",
    "beasiswa mahasiswa",
]

TITLE_PATTERNS = [
    "{office} Gelar {event} di {place}",
    "{office} Gelar {event}",
    "{person} Minta Warga {place} Waspada {topic_cap}",
    "Soal {topic_cap}, {office} Siapkan Langkah Baru",
    "{office} Bahas {topic_cap} Bersama Tokoh Masyarakat",
    "Warga {place} Keluhkan {topic_cap}",
    "{office} Terima Penghargaan {topic_cap}",
    "Tingkatkan {topic_cap}, {office} Teken Kerja Sama",
    "Ratusan Warga Ikuti {event} di {place}",
    "{person}: {topic_cap} Jadi Prioritas Tahun Ini",
    "{office} Tangkap {n} Pelaku Terkait {topic_cap}",
    "DPRD Dorong {office} Tuntaskan {topic_cap}",
    "Anggaran {topic_cap} di {place} Naik {n} Persen",
]

SENTENCES = [
    "{office} menyelenggarakan {event_l} di {place}, {weekday} ({dmy}).",
    "Kegiatan tersebut diikuti oleh {n} peserta dari berbagai instansi di {place}.",
    "Menurut {person_title} {person}, persoalan {topic} harus ditangani secara bersama-sama.",
    "Ia menjelaskan bahwa pemerintah daerah telah menyiapkan anggaran sebesar Rp{n} juta untuk program ini.",
    "Masyarakat {place} berharap kegiatan serupa dapat dilaksanakan secara rutin setiap tahun.",
    "Selain itu, pihaknya juga akan berkoordinasi dengan {office} untuk memastikan program berjalan tepat sasaran.",
    "Data yang dihimpun menunjukkan kenaikan {n} persen dibandingkan tahun sebelumnya.",
    "Kegiatan ini merupakan bagian dari upaya meningkatkan {topic} di Provinsi Kepulauan Bangka Belitung.",
    "Sejumlah warga mengaku senang karena kegiatan ini membantu mereka memahami {topic}.",
    "Pihak kepolisian masih melakukan penyelidikan lebih lanjut terkait kasus {topic} tersebut.",
    "Acara dibuka secara resmi oleh {person_title} {person} dan dihadiri unsur Forkopimda.",
    "Ke depan, {office} menargetkan seluruh desa di {place} terlibat dalam program tersebut.",
    "Hingga berita ini diturunkan, belum ada keterangan resmi dari {office} mengenai hal itu.",
    "Para peserta tampak antusias mengikuti setiap sesi yang disampaikan narasumber.",
    "Dia menambahkan, sinergi antara pemerintah dan masyarakat menjadi kunci keberhasilan penanganan {topic}.",
    "Pada kesempatan yang sama, panitia juga menyerahkan bantuan kepada {n} keluarga kurang mampu.",
    "Kondisi cuaca yang tidak menentu sempat membuat kegiatan tertunda beberapa jam.",
    "Warga diminta segera melapor apabila menemukan hal mencurigakan di lingkungan sekitar.",
]

QUOTES = [
    "Kami berkomitmen untuk terus meningkatkan {topic} demi kesejahteraan masyarakat {place}",
    "Ini adalah langkah awal, ke depan kami akan melibatkan lebih banyak pihak",
    "Kami mengimbau masyarakat agar tidak mudah percaya dengan informasi yang belum jelas sumbernya",
    "Program ini sangat membantu warga, terutama yang tinggal di wilayah pesisir",
    "Dengan kerja sama semua pihak, persoalan {topic} bisa kita selesaikan",
    "Kami akan menindak tegas siapa pun yang terbukti melanggar aturan",
]

SIGNOFFS = ["(***)", "(red)", "(rel/ega)", "(Humas)", "(*)", "(rls)"]

TAG_POOL = [
    "Diskominfo Babel",
    "Pranata Humas",
    "Pangkalpinang",
    "Bangka Belitung",
    "Polda Babel",
    "Timah",
    "Pilkada 2024",
    "UMKM",
    "Pariwisata",
    "Kesehatan",
    "Pendidikan",
    "Banjir",
    "Narkoba",
    "DPRD Babel",
    "Lada Putih",
    "Nelayan",
    "Stunting",
    "Belitung",
    "Press Release",
    "Olahraga",
]

WEEKDAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS_ID = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
MONTHS_ID_SHORT = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]

STATIC_PAGES = [
    ("redaksi", "Redaksi", "Pemimpin Redaksi: Redaksi Suarapos. Alamat redaksi: Jl. Jenderal Sudirman, Pangkalpinang."),
    (
        "pedoman-media-siber",
        "Pedoman Media Siber",
        "Kemerdekaan berpendapat, kemerdekaan berekspresi, dan kemerdekaan pers adalah hak asasi manusia.",
    ),
    ("tentang-kami", "Tentang Kami", "Suarapos.co.id adalah media siber yang berkedudukan di Bangka Belitung."),
]

# Who speaks in the news (speech.py): (name, rank, office as printed, organisation). Ranks are printed between the
# office and the name (Kapolres Bangka AKBP Hendra Gunawan).
OFFICIALS = [
    ("Eko Kurniawan", "", "Staf Ahli Gubernur Kep. Babel Bidang Ekonomi, Keuangan, dan Pembangunan", "Pemprov Babel"),
    ("Hendra Gunawan", "AKBP", "Kapolres Bangka", "Polres Bangka"),
    ("Andi Saputra", "Kompol", "Kasat Reskrim Polresta Pangkalpinang", "Polresta Pangkalpinang"),
    ("Budi Santoso", "", "Kepala Dinas Kesehatan Pangkalpinang", "Dinas Kesehatan Pangkalpinang"),
    ("Siti Rahmawati", "", "Sekda Bangka Tengah", "Pemkab Bangka Tengah"),
    ("Rina Marlina", "", "Kepala BPS Babel", "BPS Babel"),
    ("Ahmad Fauzi", "", "Wali Kota Pangkalpinang", "Pemkot Pangkalpinang"),
    ("Yusuf Hamdani", "", "Bupati Bangka Selatan", "Pemkab Bangka Selatan"),
    ("Dewi Anggraini", "", "Ketua DPRD Babel", "DPRD Babel"),
    ("Rizal Effendi", "", "Anggota DPRD Bangka", "DPRD Bangka"),
    ("Nurhayati", "", "Camat Toboali", "Kecamatan Toboali"),
    ("Samsul Bahri", "", "Kades Air Gegas", "Desa Air Gegas"),
    ("Agus Salim", "Letkol Inf", "Dandim 0413 Bangka", "Kodim 0413 Bangka"),
    ("Irwan Prayitno", "", "Kajati Babel", "Kejati Babel"),
    ("Lestari Puspita", "", "Plt Kepala Dinas Pendidikan Babel", "Dinas Pendidikan Babel"),
    ("Fitri Handayani", "", "Direktur RSUD Depati Hamzah", "RSUD Depati Hamzah"),
    ("Maulana Akbar", "", "Ketua KONI Babel", "KONI Babel"),
    ("Taufik Hidayat", "", "Rektor Universitas Bangka Belitung", "Universitas Bangka Belitung"),
]
# Speakers named by their office alone: the office is the speaker, and no person is guessed.
OFFICES_SPEAKING = [
    ("Kapolres Bangka", "Polres Bangka"),
    ("Kepala BPBD Babel", "BPBD Babel"),
    ("Kadinkes Pangkalpinang", "Dinas Kesehatan Pangkalpinang"),
    ("Humas PT Timah", "PT Timah"),
    ("Kasat Lantas Polres Belitung", "Polres Belitung"),
]
# Residents quoted with age and where they live or work; and residents not named.
RESIDENTS = [
    ("Ani", 35, "warga Sungailiat"),
    ("Rusdi", 52, "nelayan Desa Batu Perahu"),
    ("Yanti", 41, "pedagang Pasar Pagi Pangkalpinang"),
    ("Mulyadi", 60, "petani lada di Simpang Katis"),
]
UNNAMED = ["salah seorang warga", "seorang pedagang", "salah satu nelayan setempat"]
# More that speakers say (the second paragraph of a long quote), what residents overheard, and what is reported.
SPOKEN = [
    "Kami juga meminta dukungan semua pihak agar target tahun ini tercapai",
    "Semua laporan masyarakat akan kami tindak lanjuti secepatnya",
    "Ke depan kami ingin program ini menjangkau desa-desa terpencil",
]
OVERHEARD = ["kami belum terima bantuan", "jalan ini rusak sejak tahun lalu", "harga lada turun terus"]
REPORTED = [
    "pihaknya akan mengevaluasi seluruh program yang belum berjalan optimal",
    "jumlah penduduk miskin di wilayah itu turun dibandingkan tahun sebelumnya",
    "pemerintah daerah akan menambah anggaran untuk perbaikan jalan desa",
    "pelayanan kesehatan di puskesmas akan dibuka hingga malam hari",
]

# Held out: speakers the quote extraction and its gazetteer were not written against (speech="held_out").
OFFICIALS_HELD_OUT = [
    ("Dedi Kurnia", "Iptu", "Kapolsek Koba", "Polsek Koba"),
    ("Hasanuddin", "", "Kepala Kantor Kemenag Belitung", "Kantor Kemenag Belitung"),
    ("Jafar Sidik", "", "Ketua HNSI Bangka Barat", "HNSI Bangka Barat"),
    ("Marwan Syah", "", "Wakil Bupati Belitung Timur", "Pemkab Belitung Timur"),
    ("Suryani Lubis", "", "Kepala Dinas Sosial Bangka", "Dinas Sosial Bangka"),
    ("Bambang Irawan", "AKP", "Kasat Resnarkoba Polres Bangka Barat", "Polres Bangka Barat"),
    ("Novita Sari", "", "Sekretaris Komisi I DPRD Pangkalpinang", "DPRD Pangkalpinang"),
    ("Rudi Tan", "", "Ketua Asosiasi Eksportir Lada Babel", "Asosiasi Eksportir Lada Babel"),
    ("Wahyu Pratama", "", "Direktur Utama PDAM Tirta Pinang", "PDAM Tirta Pinang"),
    ("Imam Santoso", "", "Pj Wali Kota Pangkalpinang", "Pemkot Pangkalpinang"),
]
HELD_OUT_CUES = ("papar", "sebut", "tandas", "lanjut", "sambung", "cetus")
HELD_OUT_SAYS = ("menyebutkan", "menekankan", "memaparkan", "menerangkan", "mengimbau")
HELD_OUT_REPORTS = ("menilai", "berharap", "mengaku", "menyebut")
