package answer

import (
	"regexp"
	"strings"
)

// metaField is what a question asks about an article itself rather than
// the events it reports.
type metaField int

const (
	metaNone      metaField = iota
	metaAuthor              // who wrote it: the byline
	metaDateline            // where it was filed from: the dateline
	metaPublished           // when it went up: the date line
	metaOutlet              // which outlet ran it
	metaPhoto               // who took, released or provided a photo in it
)

// metaAsk is a question about an article itself: the field asked and the
// rest of the question, which describes the article (or the photo).
type metaAsk struct {
	field     metaField
	rest      string
	wantsTime bool // asks the time of day ("what time", "jam berapa"), not only the date
}

// The cues are phrases, in English and Indonesian (formal and chat), that
// ask about an article's byline, dateline, publication, outlet or a
// photo's credit. They are about how news is published, not about any
// story, so they hold for any coverage.
var (
	// articleWordRE names the article itself: without it, "who wrote"
	// asks about a letter, a law or a program the article reports on.
	articleWordRE = regexp.MustCompile(`\b(articles?|story|stories|piece|report|reports|post|news item|artikel(nya)?|berita(nya)?|tulisan(nya)?|liputan(nya)?|laporan(nya)?)\b`)
	// authorRE asks who wrote something; "byline" alone asks it of an article.
	authorRE = regexp.MustCompile(`\b(who (wrote|authored|penned)|who is the author|who's the author|whos the author|author of|authors? (is|was|were)|written by whom|whose byline|which (reporter|journalist|writer|correspondent)|siapa (yang |yg )?(menulis|nulis|penulis(nya)?|pewarta(nya)?|reporter(nya)?|wartawan(nya)?)|penulis(nya)? (siapa|sapa)|ditulis (oleh )?(siapa|sapa)|(yang|yg) (nulis|menulis) siapa|penulis artikel|nama penulis)\b`)
	bylineRE = regexp.MustCompile(`\bbylines?\b`)
	// datelineRE asks for the dateline; the word itself is unambiguous.
	datelineRE = regexp.MustCompile(`\b(datelined?|datelines|berdateline)\b`)
	// placeAskRE asks for a place: with it, "dateline" is what is asked;
	// without, as in "when did the war start, per the Seoul-datelined
	// report?", it only says which article.
	placeAskRE     = regexp.MustCompile(`\b(where|which (city|place|town|country)|what (city|place|town|country|dateline|is the dateline)|what's the dateline|whats the dateline|(kota|tempat|negara) (mana|apa)|dari mana|mana|apa)\b`)
	filedFromRE    = regexp.MustCompile(`\b(filed from (what|which|where)|(what|which) (city|place) (was |is )?(it |the \w+ )?(filed|written|reported) from|where (was|is) (it|the \w+) (filed|written|reported) from|dari kota (mana|apa)|ditulis dari (mana|kota mana))\b`)
	publishedRE    = regexp.MustCompile(`\b(published|posted|put online|go(es)? (up|online|live)|went (up|online|live)|come out|came out|naik|terbit|diterbitkan|dimuat|tayang|diunggah|dipublikasikan|dipublish|diposting|rilis)\b`)
	whenRE         = regexp.MustCompile(`\b(when|what time|which time|what date|which date|what day|which day|kapan|jam (berapa|brp|brapa)|pukul (berapa|brp)|tanggal (berapa|brp)|tgl (berapa|brp)|hari apa)\b`)
	timeOfDayAskRE = regexp.MustCompile(`\b(what time|which time|at what time|jam (berapa|brp|brapa)|pukul (berapa|brp)|jam)\b`)
	outletRE       = regexp.MustCompile(`\b((which|what) (outlet|news ?site|site|website|newspaper|paper|publication|media|news outlet|portal)|media (apa|mana)|outlet (apa|mana)|situs (apa|mana)|portal (apa|mana)|koran (apa|mana))\b`)
	photoWordRE    = regexp.MustCompile(`\b(photos?|photographs?|pics?|pictures?|images?|snaps?|foto(nya)?|gambar(nya)?)\b`)
	photoCreditRE  = regexp.MustCompile(`\b(who (took|shot|snapped|released|provided|supplied|put out|handed out|distributed|issued|published|shared|credited)|whose [\w']+( [\w']+)? (took|shot|released|provided|supplied|put out|handed out|distributed|issued|published|shared)|(which|what) [\w']+( [\w']+)? (took|shot|released|provided|supplied|put out|handed out|distributed|issued|shared)|(taken|shot|released|provided|supplied|distributed|issued|credited) by (whom|who)|photo ?credits?|credited to|where did the (photo|picture|image|pic)s? come from|siapa (yang |yg )?(merilis|ngerilis|rilis|mengambil|ngambil|memotret|motret|menyediakan|nyediain|memberikan|ngasih|mengeluarkan|ngeluarin|membagikan|bagiin|menyebarkan)|(dirilis|disediakan|diambil|dipotret|dibagikan|dikeluarkan|diberikan|disebarkan) (oleh )?(siapa|sapa)|(foto|gambar)(nya)? (dari|punya|milik) (siapa|sapa)|kredit foto|sumber foto)\b`)
)

// askedMeta recognises a question about an article itself. It returns
// field metaNone for every other question.
func askedMeta(question string) metaAsk {
	q := strings.ToLower(question)
	q = strings.NewReplacer("’", "'", "‘", "'", "-", " ").Replace(q)
	article := articleAsked(q) >= 0
	var ask metaAsk
	switch {
	case photoWordRE.MatchString(q) && photoCreditRE.MatchString(q):
		ask.field = metaPhoto
		q = photoCreditRE.ReplaceAllString(q, " ")
	case bylineRE.MatchString(q) || article && authorRE.MatchString(q):
		ask.field = metaAuthor
		q = bylineRE.ReplaceAllString(authorRE.ReplaceAllString(q, " "), " ")
	case datelineRE.MatchString(q) && placeAskRE.MatchString(q) || article && filedFromRE.MatchString(q):
		ask.field = metaDateline
		q = datelineRE.ReplaceAllString(filedFromRE.ReplaceAllString(q, " "), " ")
	case article && outletRE.MatchString(q):
		ask.field = metaOutlet
		q = outletRE.ReplaceAllString(q, " ")
	case article && whenRE.MatchString(q) && articleBeforeVerb(q):
		ask.field = metaPublished
		ask.wantsTime = timeOfDayAskRE.MatchString(q)
		q = publishedRE.ReplaceAllString(whenRE.ReplaceAllString(q, " "), " ")
	default:
		return metaAsk{}
	}
	if ask.field != metaPhoto {
		q = articleWordRE.ReplaceAllString(q, " ")
	}
	ask.rest = strings.Join(strings.Fields(q), " ")
	return ask
}

// articleBeforeVerb reports whether the article is what was published:
// its word comes before the verb ("when was the article published",
// "artikel itu naik jam berapa"). After it, the article is a source
// ("kapan harga naik menurut artikel itu?": when prices rose).
func articleBeforeVerb(q string) bool {
	a := articleAsked(q)
	v := publishedRE.FindStringIndex(q)
	return a >= 0 && v != nil && a < v[0]
}

// articleAsked returns where the question names the article it asks
// about, or -1. An article word after a preposition names a source ("who
// wrote the letter quoted in the article?", "siapa yang menulis surat
// dalam berita itu?"): the question is about what the article reports.
func articleAsked(q string) int {
	for _, m := range articleWordRE.FindAllStringIndex(q, -1) {
		if !afterPreposition(q[:m[0]]) {
			return m[0]
		}
	}
	return -1
}

// afterPreposition reports whether before ends with a preposition of
// source, allowing determiners in between ("in the", "menurut berita").
func afterPreposition(before string) bool {
	words := strings.Fields(before)
	for i := len(words) - 1; i >= 0 && i >= len(words)-3; i-- {
		switch words[i] {
		case "the", "this", "that", "a", "an", "its", "their", "itu", "ini", "sebuah":
			continue
		case "in", "inside", "within", "per", "to", "from", "dalam", "di", "menurut", "pada":
			return true
		}
		return false
	}
	return false
}
