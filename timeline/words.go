package timeline

// Word lists the timeline reads dates, tense, names and figures with.
// Month and weekday recognition comes from lexicon (MonthNumber,
// IsWeekday); what is here is what lexicon does not have. Sources: the
// Indonesian forms are standard KBBI vocabulary (Kamus Besar Bahasa
// Indonesia, 5th ed.) for calendar and quantity expressions; the English
// ones are ordinary news usage. Every list is general language, none is
// drawn from a particular article.

// monthNames are the output spellings of months, 1-based.
var monthNames = map[string][13]string{
	"en": {"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"id": {"", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
}

// weekdayNumber maps a lower-case day name to its time.Weekday value
// (Sunday = 0); -1 when w is not one. "ahad" is the Arabic-derived
// Indonesian name for Sunday.
func weekdayNumber(w string) int {
	switch w {
	case "minggu", "ahad", "sunday":
		return 0
	case "senin", "monday":
		return 1
	case "selasa", "tuesday":
		return 2
	case "rabu", "wednesday":
		return 3
	case "kamis", "thursday":
		return 4
	case "jumat", "friday":
		return 5
	case "sabtu", "saturday":
		return 6
	}
	return -1
}

// Words that make the neighbouring month or year relative to the
// reference date: "November lalu", "tahun lalu", "last year", "tahun ini".
func isPastWord(w string) bool { return w == "lalu" || w == "kemarin" || w == "last" || w == "past" }

func isThisWord(w string) bool { return w == "ini" || w == "this" }

func isNextWord(w string) bool { return w == "depan" || w == "next" || w == "mendatang" }

func isYearWord(w string) bool { return w == "tahun" || w == "year" }

func isMonthWord(w string) bool { return w == "bulan" || w == "month" }

// futureMarkers put a sentence's year-less dates after the reference date:
// "akan diadakan pada bulan Oktober", "is expected in October".
func isFutureMarker(w string) bool {
	switch w {
	case "akan", "bakal", "diperkirakan", "direncanakan", "berencana", "rencananya", "mendatang", "bersiap",
		"will", "expected", "plans", "planned", "scheduled", "upcoming":
		return true
	}
	return false
}

// nameStop are capitalised words that are not names: sentence-initial
// function words, titles and common nouns capitalised in titles of
// office. A run of capitalised words keeps only its name words.
func isNameStop(w string) bool {
	switch w {
	// Indonesian function words that start sentences.
	case "pada", "dalam", "di", "ke", "dari", "dan", "yang", "itu", "ini", "saat", "sejak", "setelah", "sebelum",
		"sementara", "menurut", "kata", "hal", "ia", "mereka", "kami", "kedua", "sebelumnya", "sekitar", "lebih",
		"beberapa", "laporan", "pembicaraan", "hubungan", "kunjungan", "pemerintah", "otoritas", "pasangan",
		"sekretaris", "dewan", "keamanan", "cerita", "rekaman", "klik", "diterbitkan", "rekomendasi", "media",
		"kantor", "berita", "pusat", "layanan", "pers", "kementerian", "via", "melalui", "intelijen", "angkatan",
		"darat", "rakyat", "departemen", "negara", "korut", "korsel",
		// Titles of office.
		"menteri", "luar", "negeri", "menlu", "presiden", "pemimpin", "kepala", "perdana", "diplomat", "juru", "bicara",
		"wakil", "jenderal", "raja", "ratu", "ketua", "duta", "besar", "mantan", "gubernur", "bupati", "walikota",
		"wali", "direktur", "panglima", "jaksa", "hakim", "kapolri", "kapolda",
		// English.
		"the", "a", "an", "in", "on", "at", "of", "and", "for", "with", "by", "from", "to", "this", "that", "it",
		"he", "she", "they", "we", "its", "his", "her", "after", "before", "since", "when", "while", "as", "during",
		"minister", "foreign", "president", "leader", "prime", "secretary", "chief", "head", "state", "news",
		"agency", "ministry", "department":
		return true
	}
	return false
}

// placePrepositions introduce a place: "di Wonsan", "ke Pyongyang", "in
// Beijing".
func isPlacePreposition(w string) bool {
	switch w {
	case "di", "ke", "in", "at", "to":
		return true
	}
	return false
}

// eventVerb is what an event sentence does, by its lower-case word, with
// the English and Indonesian gloss a composed line uses. Several forms map
// to one gloss (bertemu, menemui, temui, pertemuan → meet).
type eventVerb struct{ en, id string }

// eventVerbs glosses the actions news timelines are made of; Indonesian
// forms with their usual affixes, English in its common inflections.
var eventVerbs = []struct {
	words []string
	verb  eventVerb
}{
	{[]string{"bertemu", "menemui", "temui", "pertemuan", "pertemuannya", "bertemunya", "menyambut", "menerima", "diterima", "menyapa", "berbicara", "pembicaraan", "met", "meet", "meets", "meeting", "talks", "received", "greeted"}, eventVerb{"meeting", "pertemuan"}},
	{[]string{"menandatangani", "ditandatangani", "penandatanganan", "signed", "sign", "signing"}, eventVerb{"signing", "penandatanganan"}},
	{[]string{"kunjungan", "berkunjung", "mengunjungi", "visit", "visited", "visits", "trip"}, eventVerb{"visit", "kunjungan"}},
	{[]string{"mengirim", "mengirimkan", "mengerahkan", "pengiriman", "pengerahan", "dikerahkan", "sent", "send", "deployed", "deployment"}, eventVerb{"deployment", "pengiriman"}},
	{[]string{"melaporkan", "dilaporkan", "lapor", "mengumumkan", "announced", "reported", "reports"}, eventVerb{"report", "laporan"}},
	{[]string{"mengatakan", "menyatakan", "mengklaim", "menegaskan", "menyebut", "said", "says", "stated", "claimed", "pidato", "speech"}, eventVerb{"statement", "pernyataan"}},
	{[]string{"mengakui", "mengonfirmasi", "mengkonfirmasi", "confirmed", "acknowledged"}, eventVerb{"confirmation", "konfirmasi"}},
	{[]string{"membuka", "meresmikan", "dibuka", "opened", "inaugurated"}, eventVerb{"opening", "pembukaan"}},
	{[]string{"dirilis", "merilis", "released", "release"}, eventVerb{"release", "rilis"}},
	{[]string{"dimulai", "memulai", "began", "started", "founded"}, eventVerb{"start", "awal"}},
	{[]string{"konferensi", "parade", "upacara", "conference", "ceremony"}, eventVerb{"event", "acara"}},
	{[]string{"tewas", "terbunuh", "killed", "died"}, eventVerb{"deaths", "korban tewas"}},
	{[]string{"tiba", "mendarat", "kedatangan", "arrived", "arrives", "landed", "arrival"}, eventVerb{"arrival", "kedatangan"}},
	{[]string{"setuju", "berjanji", "menjanjikan", "agreed", "pledged", "promised"}, eventVerb{"pledge", "janji"}},
}

// specific reports an event kind that can identify an event: everything
// is reported and said, so reports and statements never do.
func (v eventVerb) specific() bool { return v.en != "report" && v.en != "statement" }

// isSpecificVerb reports the English gloss of a specific event kind.
func isSpecificVerb(gloss string) bool { return eventVerb{en: gloss}.specific() }

// verbOf returns the gloss of an event word.
func verbOf(w string) (eventVerb, bool) {
	for _, v := range eventVerbs {
		for _, x := range v.words {
			if x == w {
				return v.verb, true
			}
		}
	}
	return eventVerb{}, false
}

// figureClass is a kind of thing a key figure counts.
type figureClass struct {
	key    string
	en, id string // what the figure counts, in each language
	words  []string
}

// figureClasses are the countable things news coverage turns on: people
// under arms, casualties, workers, munitions, money, and the units of
// software projects. A figure counts one of them when the word follows
// the number (skipping at most two words).
var figureClasses = []figureClass{
	{"troops", "troops", "tentara", []string{"tentara", "pasukan", "prajurit", "serdadu", "troops", "soldiers", "personel"}},
	{"workers", "engineers and military workers", "insinyur dan pekerja militer", []string{"insinyur", "pekerja", "pembangun", "buruh", "engineers", "workers", "builders"}},
	{"ammunition", "ammunition", "amunisi", []string{"amunisi", "peluru", "ammunition", "shells"}},
	{"weapons", "weapons", "senjata", []string{"senjata", "rudal", "weapons", "missiles"}},
	{"money", "money", "uang", []string{"dolar", "rupiah", "euro", "rubel", "won", "dollars", "usd"}},
	{"packages", "packages", "paket", []string{"paket", "packages"}},
	{"developers", "developers", "pengembang", []string{"pengembang", "developers", "maintainers"}},
	{"people", "people", "orang", []string{"orang", "warga", "penduduk", "people", "civilians", "residents"}},
	{"area", "square kilometres", "kilometer persegi", []string{"kilometer", "km"}},
}

// deathWords make a count of people a count of the dead.
func isDeathWord(w string) bool {
	switch w {
	case "tewas", "terbunuh", "gugur", "meninggal", "killed", "dead", "died", "deaths":
		return true
	}
	return false
}

// qualifiers hedge a figure; each with its English and Indonesian
// spelling for composed lines. Multi-word ones are matched word by word.
var qualifiers = []struct {
	words  []string
	en, id string
}{
	{[]string{"lebih", "dari"}, "more than", "lebih dari"},
	{[]string{"more", "than"}, "more than", "lebih dari"},
	{[]string{"over"}, "more than", "lebih dari"},
	{[]string{"setidaknya"}, "at least", "setidaknya"},
	{[]string{"sedikitnya"}, "at least", "setidaknya"},
	{[]string{"at", "least"}, "at least", "setidaknya"},
	{[]string{"sekitar"}, "about", "sekitar"},
	{[]string{"kira", "kira"}, "about", "sekitar"},
	{[]string{"about"}, "about", "sekitar"},
	{[]string{"around"}, "about", "sekitar"},
	{[]string{"hingga"}, "up to", "hingga"},
	{[]string{"up", "to"}, "up to", "hingga"},
	{[]string{"hampir"}, "nearly", "hampir"},
	{[]string{"nearly"}, "nearly", "hampir"},
}

// isTitleWord reports a title of office that may head a name with the
// office's field ("Menteri Keuangan Sri Mulyani", "Gubernur Bengkulu …").
func isTitleWord(w string) bool {
	switch w {
	case "menteri", "presiden", "gubernur", "bupati", "walikota", "kepala", "ketua", "direktur", "panglima", "jaksa",
		"minister", "governor", "director", "chief", "secretary":
		return true
	}
	return false
}
