package synth

// The word lists below are ordinary Indonesian news vocabulary. They give
// the generated text the stop words, affixes, names and places the
// lexicon and the chunker meet in real coverage; a long tail of
// pronounceable invented words (see vocab.go) stands in for the rest of a
// real corpus's vocabulary.

// functionWords are frequent words that carry no topic, most frequent first.
var functionWords = []string{
	"yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam", "itu",
	"ini", "akan", "telah", "sudah", "tidak", "juga", "oleh", "sebagai", "bahwa", "karena",
	"atau", "tersebut", "lebih", "para", "serta", "agar", "saat", "setelah", "masih", "bisa",
	"dapat", "kepada", "hingga", "antara", "namun", "sementara", "menurut", "sejak", "secara", "tetapi",
	"jika", "belum", "sangat", "hanya", "mereka", "kami", "kita", "ia", "adalah", "merupakan",
	"ada", "yaitu", "sekitar", "setiap", "semua", "beberapa", "banyak", "tanpa", "terhadap", "melalui",
}

// contentWords are common news words, roughly most frequent first.
var contentWords = []string{
	"pemerintah", "menteri", "presiden", "wakil", "ketua", "dewan", "rakyat", "daerah", "provinsi", "kabupaten",
	"kota", "desa", "warga", "masyarakat", "penduduk", "petani", "nelayan", "pedagang", "pengusaha", "pekerja",
	"buruh", "guru", "siswa", "mahasiswa", "dokter", "pasien", "rumah", "sakit", "sekolah", "universitas",
	"jalan", "jembatan", "pelabuhan", "bandara", "kereta", "kapal", "pesawat", "listrik", "air", "bersih",
	"harga", "beras", "minyak", "gas", "bahan", "bakar", "pangan", "pasar", "ekonomi", "pertumbuhan",
	"inflasi", "investasi", "ekspor", "impor", "perdagangan", "anggaran", "pajak", "utang", "bank", "kredit",
	"modal", "saham", "rupiah", "dolar", "keuangan", "bantuan", "sosial", "subsidi", "program", "kebijakan",
	"peraturan", "undang", "hukum", "pengadilan", "hakim", "jaksa", "polisi", "tersangka", "korupsi", "kasus",
	"penyidikan", "pemeriksaan", "sidang", "putusan", "vonis", "penjara", "keamanan", "pertahanan", "tentara", "militer",
	"perang", "konflik", "perdamaian", "perundingan", "kerja", "sama", "perjanjian", "kesepakatan", "kunjungan", "pertemuan",
	"delegasi", "duta", "besar", "kedutaan", "luar", "negeri", "diplomat", "hubungan", "bilateral", "internasional",
	"nasional", "global", "regional", "kawasan", "perbatasan", "wilayah", "pulau", "laut", "pantai", "gunung",
	"sungai", "hutan", "banjir", "gempa", "bumi", "tsunami", "longsor", "kebakaran", "kekeringan", "cuaca",
	"hujan", "musim", "iklim", "lingkungan", "sampah", "polusi", "energi", "tambang", "batu", "bara",
	"nikel", "sawit", "karet", "kopi", "teh", "padi", "jagung", "kedelai", "gula", "daging",
	"sapi", "ayam", "ikan", "pupuk", "irigasi", "panen", "produksi", "industri", "pabrik", "teknologi",
	"digital", "internet", "aplikasi", "telekomunikasi", "kesehatan", "vaksin", "penyakit", "virus", "wabah", "obat",
	"gizi", "pendidikan", "kurikulum", "beasiswa", "ujian", "olahraga", "sepak", "bola", "pertandingan", "atlet",
	"juara", "turnamen", "medali", "budaya", "seni", "musik", "film", "festival", "pariwisata", "wisatawan",
	"hotel", "transportasi", "lintas", "kecelakaan", "korban", "luka", "tewas", "meninggal", "selamat", "evakuasi",
	"pengungsi", "bencana", "darurat", "relawan", "partai", "politik", "pemilu", "pemilihan", "kampanye", "calon",
	"suara", "kursi", "koalisi", "oposisi", "parlemen", "kabinet", "gubernur", "bupati", "wali", "camat",
	"kepala", "direktur", "jenderal", "komisaris", "pejabat", "pegawai", "juru", "bicara", "laporan", "survei",
	"data", "angka", "jumlah", "target", "rencana", "proyek", "pembangunan", "infrastruktur", "perumahan", "tanah",
	"lahan", "sengketa", "protes", "demonstrasi", "unjuk", "rasa", "tuntutan", "mengatakan", "menyatakan", "menjelaskan",
	"menambahkan", "menegaskan", "mengungkapkan", "menyebutkan", "meminta", "mendesak", "membahas", "menandatangani", "meresmikan", "mengumumkan",
	"meluncurkan", "menolak", "mendukung", "mengkritik", "membantah", "mengakui", "memperkirakan", "meningkat", "menurun", "naik",
	"turun", "tumbuh", "melonjak", "anjlok", "stabil", "baru", "lama", "kecil", "tinggi", "rendah",
	"penting", "utama", "resmi", "khusus", "umum", "pusat", "setempat", "terbaru", "terakhir", "pertama",
	"kedua", "ketiga", "tahun", "bulan", "pekan", "hari", "pagi", "siang", "sore", "malam",
	"lalu", "depan", "mendatang", "kendaraan", "armada", "pasokan", "distribusi", "gudang", "stok", "cadangan",
}

// saidVerbs attribute a quotation: "…," kata X.
var saidVerbs = []string{"kata", "ujar", "ungkap", "jelas", "tutur", "tegas"}

var places = []string{
	"Jakarta", "Surabaya", "Bandung", "Medan", "Semarang", "Makassar", "Palembang", "Denpasar", "Yogyakarta", "Malang",
	"Padang", "Pekanbaru", "Balikpapan", "Samarinda", "Pontianak", "Banjarmasin", "Manado", "Kupang", "Mataram", "Jayapura",
	"Ambon", "Ternate", "Kendari", "Palu", "Jambi", "Bengkulu", "Bogor", "Bekasi", "Depok", "Tangerang",
	"Cirebon", "Solo", "Batam", "Sorong", "Merauke", "Moskow", "Pyongyang", "Wonsan", "Seoul", "Tokyo",
	"Beijing", "Washington", "London", "Paris", "Berlin", "Kyiv", "Canberra", "Singapura", "Bangkok", "Manila",
	"Hanoi", "Riyadh", "Kairo", "Jenewa", "Brussel", "Ankara", "Teheran", "Dili", "Darwin", "Penang",
}

var givenNames = []string{
	"Budi", "Siti", "Agus", "Dewi", "Joko", "Sri", "Bambang", "Rina", "Andi", "Putri",
	"Hendra", "Wahyu", "Yusuf", "Ahmad", "Muhammad", "Nur", "Fitri", "Ratna", "Dian", "Eko",
	"Hadi", "Indra", "Rudi", "Yanti", "Lestari", "Sari", "Taufik", "Rizky", "Fajar", "Bayu",
	"Dimas", "Arif", "Irfan", "Hasan", "Lukman", "Ridwan", "Syahrul", "Retno", "Wulan", "Ayu",
	"Nanda", "Galih", "Teguh", "Slamet", "Sutrisno", "Gunawan", "Kartika", "Melati", "Intan", "Anisa",
	"Aisyah", "Zainal", "Made", "Ketut", "Nyoman", "Wayan", "Komang", "Yohanes", "Maria", "Paulus",
	"Stefanus", "Agustinus", "Sergey", "Choe", "Vladimir", "Natalia", "Hyun", "Yuki", "Kevin", "Linda",
}

var familyNames = []string{
	"Santoso", "Wijaya", "Saputra", "Hidayat", "Nugroho", "Siregar", "Nasution", "Harahap", "Lubis", "Simanjuntak",
	"Pardede", "Sitompul", "Tanjung", "Rahman", "Hakim", "Kurniawan", "Setiawan", "Susanto", "Prasetyo", "Purnomo",
	"Wibowo", "Utomo", "Hartono", "Sugiarto", "Halim", "Gunadi", "Pangaribuan", "Manurung", "Situmorang", "Rumbiak",
	"Wenda", "Latuconsina", "Mandagi", "Lumenta", "Sembiring", "Ginting", "Tarigan", "Daulay", "Batubara", "Syahputra",
	"Firmansyah", "Ramadhan", "Permana", "Maulana", "Pratama", "Anggraini", "Kusuma", "Rahayu", "Sulistyo", "Darmawan",
	"Iskandar", "Tambunan", "Hutapea", "Sinaga", "Marpaung", "Lavrov", "Petrova", "Tanaka", "Park", "Nguyen",
}

var outlets = []string{
	"ANTARA", "Kompas", "Tempo", "Detik", "Republika", "Liputan6", "Tribun", "Kontan", "Suara", "Okezone",
	"Sindonews", "Jawapos", "Bisnis", "Katadata", "Kumparan",
}

var organisations = []string{
	"Kementerian Keuangan", "Kementerian Luar Negeri", "Bank Indonesia", "Badan Pusat Statistik",
	"Komisi Pemberantasan Korupsi", "Dewan Perwakilan Rakyat", "Badan Nasional Penanggulangan Bencana",
	"Pertamina", "PLN", "Mahkamah Konstitusi", "Kepolisian Daerah", "Tentara Nasional Indonesia",
	"Otoritas Jasa Keuangan", "Badan Meteorologi", "Perserikatan Bangsa-Bangsa", "ASEAN",
	"Kementerian Pertanian", "Kementerian Kesehatan", "Kementerian Perhubungan", "Badan Pangan Nasional",
}

var months = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}

var weekdays = []string{"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"}

// units follow numbers: "1.250 orang", "12 persen".
var units = []string{"orang", "persen", "unit", "ton", "kilometer", "hektare", "keluarga", "rumah", "sekolah", "kapal"}
