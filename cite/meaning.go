package cite

import "github.com/kabar-bot/kabar/lexicon"

// Meaning-bearing words: the closed grammatical classes the verifier's
// meaning rules read, in English and Indonesian. They are function words
// and fixed phrases, not vocabulary of any corpus: negators and
// inability (Indonesian "kata ingkar" tidak, tak, bukan, belum, and the
// verbs of refusal and failure), epistemic modals, quantity modifiers
// ("adverbia kuantitas" setidaknya, lebih dari, hingga, sekitar, hampir),
// ordinal numerals (the ke- ordinals), the relative time deictics (tahun
// lalu, bulan ini, minggu depan) and the "former" prefix words (mantan,
// bekas, eks). The Indonesian lists follow Tata Bahasa Baku Bahasa
// Indonesia (Alwi et al., 4th ed.), chapters on adverbs, numerals and
// negation; the English ones the Cambridge Grammar of the English
// Language (Huddleston & Pullum), chapters on negation, modality and
// determinatives.

// negators make what follows them within the same clause negative.
var negators = map[string]bool{
	// English
	"not": true, "no": true, "never": true, "neither": true, "nor": true, "t": true, // "didn't" splits into "didn", "t"
	"cannot": true, "unable": true, "failed": true, "fails": true, "fail": true, "without": true,
	"refused": true, "refuses": true, "refuse": true, "denied": true, "denies": true, "deny": true,
	"rejected": true, "rejects": true, "reject": true, "declined": true, "declines": true, "decline": true,
	"dismissed": true, "dismisses": true, "dismiss": true, "disputed": true,
	"refuted": true, "refutes": true, "refute": true,
	"cancelled": true, "canceled": true, "cancels": true, "cancel": true, "scrapped": true, "abandoned": true,
	// Indonesian
	"tidak": true, "tak": true, "bukan": true, "belum": true, "tanpa": true, "gagal": true, "enggan": true,
	"menolak": true, "ditolak": true, "tolak": true, "membantah": true, "dibantah": true, "bantah": true,
	"takkan": true, "jangan": true, "menyangkal": true, "disangkal": true, "sangkal": true, "menepis": true, "ditepis": true, "tepis": true,
	"membatalkan": true, "dibatalkan": true, "batal": true, "urung": true,
}

// negationScope is how many tokens after a negator it governs.
const negationScope = 4

// hedges state something as possible rather than as fact.
var hedges = map[string]bool{
	"may": true, "might": true, "could": true, "possibly": true, "possible": true, "perhaps": true, "maybe": true,
	"likely": true, "probably": true, "potentially": true, "allegedly": true, "supposedly": true,
	"mungkin": true, "kemungkinan": true, "barangkali": true, "bisa": true, "dapat": true, "diduga": true,
	"berpotensi": true, "boleh": true, "agaknya": true, "tampaknya": true, "sepertinya": true,
}

// certainties state something as certain.
var certainties = map[string]bool{
	"certainly": true, "definitely": true, "surely": true, "undoubtedly": true, "certain": true, "inevitably": true,
	"pasti": true, "dipastikan": true, "tentu": true, "niscaya": true, "terbukti": true, "proven": true, "undeniably": true,
}

// certainAt reports a word of certainty at toks[j]. English "certain"
// states certainty only predicatively ("it is certain", "almost certain",
// "certain to", "certain that"); before a noun it is a determinative
// meaning "particular, some" ("certain shipments" = pengiriman tertentu)
// and says nothing about how sure anyone is (Huddleston & Pullum, ch. 5).
func certainAt(toks []lexicon.Token, j int) bool {
	if toks[j].Norm != "certain" {
		return certainties[toks[j].Norm]
	}
	if j+1 < len(toks) && certainComplements[toks[j+1].Norm] || j+1 == len(toks) {
		return true
	}
	return j > 0 && certainPredicators[toks[j-1].Norm]
}

// certainPredicators before "certain" make it predicative or graded;
// certainComplements after it take its complement.
var (
	certainPredicators = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
		"seems": true, "seemed": true, "appears": true, "appeared": true, "looks": true, "almost": true, "nearly": true,
		"virtually": true, "not": true, "quite": true, "fairly": true, "absolutely": true, "made": true, "make": true, "s": true}
	certainComplements = map[string]bool{"to": true, "that": true, "of": true, "whether": true}
)

// quantity qualifier classes.
const (
	qualNone = iota
	qualAtLeast
	qualMoreThan
	qualUpTo
	qualAbout
	qualNearly
	qualLessThan
	qualExactly
)

var qualNames = [...]string{"", "at least", "more than", "up to", "about", "nearly", "less than", "exactly"}

// qualifierPhrases map the words before a number (in order, lower-case) to
// the class of bound they put on it. Longest phrases are tried first.
var qualifierPhrases = []struct {
	words []string
	class int
}{
	{[]string{"no", "fewer", "than"}, qualAtLeast}, {[]string{"no", "less", "than"}, qualAtLeast},
	{[]string{"not", "fewer", "than"}, qualAtLeast}, {[]string{"not", "less", "than"}, qualAtLeast},
	{[]string{"no", "more", "than"}, qualUpTo}, {[]string{"not", "more", "than"}, qualUpTo},
	{[]string{"tidak", "kurang", "dari"}, qualAtLeast}, {[]string{"tidak", "lebih", "dari"}, qualUpTo},
	{[]string{"paling", "sedikit"}, qualAtLeast}, {[]string{"sekurang", "kurangnya"}, qualAtLeast},
	{[]string{"at", "least"}, qualAtLeast}, {[]string{"setidaknya"}, qualAtLeast}, {[]string{"sedikitnya"}, qualAtLeast},
	{[]string{"minimal"}, qualAtLeast}, {[]string{"minimum"}, qualAtLeast}, {[]string{"setidak", "tidaknya"}, qualAtLeast},
	{[]string{"kurang", "lebih"}, qualAbout},
	{[]string{"more", "than"}, qualMoreThan}, {[]string{"lebih", "dari"}, qualMoreThan}, {[]string{"over"}, qualMoreThan},
	{[]string{"above"}, qualMoreThan}, {[]string{"lebih"}, qualMoreThan}, {[]string{"in", "excess", "of"}, qualMoreThan},
	{[]string{"upwards", "of"}, qualMoreThan}, {[]string{"di", "atas"}, qualMoreThan},
	{[]string{"at", "most"}, qualUpTo}, {[]string{"paling", "banyak"}, qualUpTo}, {[]string{"up", "to"}, qualUpTo}, {[]string{"as", "many", "as"}, qualUpTo}, {[]string{"as", "much", "as"}, qualUpTo},
	{[]string{"hingga"}, qualUpTo}, {[]string{"sampai"}, qualUpTo}, {[]string{"maksimal"}, qualUpTo}, {[]string{"maximum"}, qualUpTo},
	{[]string{"sebanyak", "banyaknya"}, qualUpTo},
	{[]string{"about"}, qualAbout}, {[]string{"around"}, qualAbout}, {[]string{"some"}, qualAbout}, {[]string{"roughly"}, qualAbout},
	{[]string{"approximately"}, qualAbout}, {[]string{"an", "estimated"}, qualAbout}, {[]string{"estimated"}, qualAbout},
	{[]string{"circa"}, qualAbout}, {[]string{"sekitar"}, qualAbout}, {[]string{"kira", "kira"}, qualAbout}, {[]string{"sekira"}, qualAbout},
	{[]string{"kurang", "dari"}, qualLessThan}, {[]string{"less", "than"}, qualLessThan}, {[]string{"fewer", "than"}, qualLessThan},
	{[]string{"not", "even"}, qualLessThan}, {[]string{"not", "quite"}, qualLessThan},
	{[]string{"under"}, qualLessThan}, {[]string{"below"}, qualLessThan}, {[]string{"di", "bawah"}, qualLessThan},
	{[]string{"nearly"}, qualNearly}, {[]string{"almost"}, qualNearly}, {[]string{"close", "to"}, qualNearly},
	{[]string{"hampir"}, qualNearly}, {[]string{"nyaris"}, qualNearly}, {[]string{"mendekati"}, qualNearly},
	{[]string{"exactly"}, qualExactly}, {[]string{"precisely"}, qualExactly}, {[]string{"tepat"}, qualExactly}, {[]string{"persis"}, qualExactly},
}

// vagueMagnitudes are words that give a count only by its order of
// magnitude ("thousands", "ribuan"), as a power of ten.
var vagueMagnitudes = map[string]int{
	"dozens": 1, "tens": 1, "puluhan": 1,
	"hundreds": 2, "hundred": 2, "ratusan": 2, "ratus": 2,
	"thousands": 3, "thousand": 3, "ribuan": 3, "ribu": 3,
	"millions": 6, "million": 6, "jutaan": 6, "juta": 6,
}

// fewWords make a vague magnitude small ("a few hundred", "beberapa ratus").
var fewWords = map[string]bool{"few": true, "several": true, "beberapa": true, "handful": true}

// ordinalWords are ordinal numerals.
var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
	"eleventh": 11, "twelfth": 12,
	"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7, "kedelapan": 8,
	"kesembilan": 9, "kesepuluh": 10, "kesebelas": 11, "keduabelas": 12,
}

// ambiguousOrdinals are ordinals that also mean something else: "kedua
// negara" is "both countries", "first" opens a list. They can support a
// claim's ordinal but never contradict one.
var ambiguousOrdinals = map[string]bool{"kedua": true, "first": true, "pertama": true, "second": true}

// ordinalSuffixes follow a digit in "3rd".
var ordinalSuffixes = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// timeUnits and timeDeictics make relative time phrases: "last year",
// "tahun lalu".
var timeUnits = map[string]string{
	"year": "year", "tahun": "year", "month": "month", "bulan": "month", "week": "week", "pekan": "week", "minggu": "week",
	"weekend": "weekend",
}

// deicticBefore come before the unit in English ("last year"), and
// deicticAfter after it in Indonesian ("tahun lalu").
var deicticBefore = map[string]int{"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1, "coming": 1}

var deicticAfter = map[string]int{"lalu": -1, "kemarin": -1, "sebelumnya": -1, "ini": 0, "depan": 1, "mendatang": 1, "berikutnya": 1}

// dayDeictics are the one-word relative days.
var dayDeictics = map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1, "kemarin": -1, "besok": 1}

// formerWords mark a title someone no longer holds.
var formerWords = map[string]bool{"former": true, "ex": true, "mantan": true, "bekas": true, "eks": true}

// currentWords insist a title is held now.
var currentWords = map[string]bool{"current": true, "sitting": true, "incumbent": true, "serving": true, "kini": true, "saat": false}

// Prepositions that give a name its role in the clause.
var (
	goalPreps   = map[string]bool{"to": true, "into": true, "towards": true, "toward": true, "ke": true, "kepada": true, "menuju": true}
	sourcePreps = map[string]bool{"from": true, "dari": true}
	agentPreps  = map[string]bool{"by": true, "oleh": true}
	placePreps  = map[string]bool{"in": true, "at": true, "di": true, "near": true, "inside": true}
)

// placeFillers may stand between a place preposition and the place's name
// ("di kota pesisir timur Wonsan", "in the city of Wonsan").
var placeFillers = map[string]bool{
	"the": true, "city": true, "town": true, "of": true, "region": true, "province": true, "capital": true, "coastal": true,
	"kota": true, "wilayah": true, "provinsi": true, "ibu": true, "pesisir": true, "timur": true, "barat": true,
	"utara": true, "selatan": true, "east": true, "west": true, "north": true, "south": true, "kawasan": true, "daerah": true,
	"sela": true, "resort": true, "resor": true, "oblast": true,
}

// reportingWords attribute a statement without adding to it ("One report
// says …", "kata Lavrov"): they weigh like words about the coverage.
var reportingWords = map[string]bool{
	"say": true, "says": true, "said": true, "saying": true, "tell": true, "tells": true, "told": true, "state": true,
	"states": true, "stated": true, "report": true, "reports": true, "reported": true, "reportedly": true, "add": true,
	"added": true, "adds": true, "note": true, "noted": true, "notes": true, "according": true, "one": true,
	"claim": true, "claims": true, "claimed": true, "announced": true, "announce": true, "announces": true,
	"mengatakan": true, "menyatakan": true, "kata": true, "ujar": true, "ujarnya": true, "katanya": true, "menurut": true,
	"melaporkan": true, "lapor": true, "dilaporkan": true, "menyebut": true, "mengklaim": true, "mengumumkan": true,
}

// titleHeads are the head nouns of titles and offices, the closed class
// of the news' "jabatan" (who a person is): a title the claim gives a
// name must be the one the passage gives it.
var titleHeads = map[string]bool{
	// English
	"president": true, "minister": true, "secretary": true, "leader": true, "chief": true, "head": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "ambassador": true, "general": true, "envoy": true,
	"aide": true, "king": true, "chairman": true, "governor": true, "commander": true, "director": true, "diplomat": true,
	"premier": true, "chancellor": true, "adviser": true, "advisor": true, "mayor": true, "speaker": true, "marshal": true,
	// Indonesian
	"presiden": true, "menteri": true, "menlu": true, "menhan": true, "sekretaris": true, "pemimpin": true, "kepala": true,
	"jubir": true, "juru": true, "duta": true, "dubes": true, "jenderal": true, "utusan": true, "ajudan": true, "raja": true,
	"ketua": true, "gubernur": true, "komandan": true, "panglima": true, "direktur": true, "kanselir": true, "penasihat": true,
	"wali": true, "marsekal": true, "pimpinan": true,
}

// titleModifiers make a title's head specific ("foreign minister",
// "kepala intelijen militer", "perdana menteri").
var titleModifiers = map[string]bool{
	"prime": true, "foreign": true, "defence": true, "defense": true, "deputy": true, "vice": true, "intelligence": true,
	"military": true, "top": true, "senior": true, "state": true, "interior": true, "finance": true, "supreme": true,
	"perdana": true, "luar": true, "negeri": true, "pertahanan": true, "wakil": true, "intelijen": true, "militer": true,
	"tertinggi": true, "senior_": false, "dalam": true, "keuangan": true, "agung": true, "bicara": true, "besar": true,
}

// sequenceAdverbs place an event before or after another one of the
// same story ("later", "earlier", "sebelumnya") without stating a fact of
// their own: like words about the coverage, they weigh little and need
// no match (the relative time phrases are the time rule's).
var sequenceAdverbs = map[string]bool{
	"later": true, "earlier": true, "again": true, "still": true, "already": true, "previously": true, "subsequently": true,
	"meanwhile": true, "afterwards": true, "sebelumnya": true, "kemudian": true, "selanjutnya": true, "sesudahnya": true,
}

// lightWords carry grammar more than content, so a paraphrase need not
// echo them: English prepositions of position and span that Indonesian
// often leaves to word order or a possessive ("relations between the
// countries" = "hubungan negara-negara itu"), and the participles of the light verbs the lexicon already
// drops in their other forms ("were going according to plan" = "berjalan
// sesuai rencana"). The prepositions of direction and agency (to, from,
// by, against, with, for, alongside) and of time (during, before,
// after) are not among them: the role and time rules read those, and a
// sentence must state them.
var lightWords = map[string]bool{
	"between": true, "among": true, "amongst": true, "amid": true, "amidst": true, "within": true,
	"throughout": true, "upon": true, "via": true,
	"going": true, "gone": true, "coming": true, "getting": true, "taking": true, "becoming": true,
	// "bakal" is colloquial "akan" (will), a stop word a passage's
	// "akan" does not match; like "going" it marks the future.
	"bakal": true,
}
