package answer

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/kabar-bot/kabar/langid"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/timeline"
)

// The last stage of the extractive answerer: the lead, written in the
// asker's language from the chosen evidence. The lead states the answer in
// Kabar's own words (the figure, the date, the name, yes or no) with [n]
// markers; the verbatim quotes travel in the citations. Open questions,
// which have no value to state, get a short frame around the best quote.

// phrases are the fixed words of a lead, per language. Attributions carry
// no counts ("the reports", not "two reports"): a number in the lead is a
// claim the verifier checks against the passages.
type phrases struct {
	accordingTo, theReport, theReports, aReport, another, otherReports, disagree, yes, no, and string
}

func phrasesFor(lang string) phrases {
	if lang == "id" {
		return phrases{accordingTo: "menurut", theReport: "laporan", theReports: "laporan-laporan", aReport: "satu laporan",
			another: "laporan lain", otherReports: "laporan lain", disagree: "Laporan berbeda:", yes: "Ya", no: "Tidak", and: "dan"}
	}
	return phrases{accordingTo: "according to", theReport: "the report", theReports: "the reports", aReport: "a report",
		another: "another report", otherReports: "other reports", disagree: "The reports disagree:", yes: "Yes", no: "No", and: "and"}
}

// compose writes the answer from the judged evidence.
func (e *Extractive) compose(res Result, lq lexicon.Query, ev []Evidence, polarity yesNo) Result {
	lang := answerLang(lq)
	res.Lang = lang
	if len(ev) == 0 {
		res.Answered = false
		res.Answer = declineText(lang != "id")
		return res
	}
	res.Answered = true
	p := phrasesFor(lang)
	groups := groupEvidence(lq, ev)
	n := 0
	cite := func(ev Evidence) int {
		for _, c := range res.Citations {
			if c.Doc == ev.Doc.ID && c.ByteStart == ev.Span.Start {
				return c.N
			}
		}
		n++
		res.Citations = append(res.Citations, citationFor(n, ev))
		return n
	}
	var lead strings.Builder
	switch {
	case polarity == yesNoDisputed:
		// One report says yes, another no: both, each with its source,
		// then what each says.
		fmt.Fprintf(&lead, "%s %s, %s %s %s; %s, %s %s %s%s.", p.disagree,
			strings.ToLower(p.yes), p.accordingTo, attribution(ev[:1], p, false), markers([]int{cite(ev[0])}),
			strings.ToLower(p.no), p.accordingTo, attribution(ev[1:2], p, true), markers([]int{cite(ev[1])}), e.denialNote(ev[1], lang))
		for i, x := range ev[:2] {
			e.frameQuote(&lead, x, i+1, lang)
		}
	case len(groups) == 2 && lq.Type == lexicon.AnswerDate && undatedAgainstMonth(groups[0][0], groups[1][0]):
		// One report names the month, another a month relative to its
		// own undated publication ("earlier this month"): both, each with
		// its source, neither called wrong.
		first, second := groups[0], groups[1]
		fmt.Fprintf(&lead, "%s, %s %s %s%s; %s %s %s, %s.", upperFirst(e.value(first[0], lq, lang)), p.accordingTo, attribution(first, p, false),
			markers(citeAll(first, cite)), sourceLanguageNote(first, lang),
			attribution(second, p, true), markers(citeAll(second, cite)), e.undatedSays(second[0], lq, lang), undatedNote(lang))
	case len(groups) > 1:
		// Outlets disagree: each version with its source.
		lead.WriteString(p.disagree)
		for gi, g := range groups {
			marks := citeAll(g, cite)
			if gi > 0 {
				lead.WriteString(";")
			}
			fmt.Fprintf(&lead, " %s, %s %s %s%s", e.value(g[0], lq, lang), p.accordingTo, attribution(g, p, gi > 0), markers(marks), sourceLanguageNote(g, lang))
		}
		lead.WriteString(".")
	case groups[0][0].Key != "":
		g := groups[0]
		marks := citeAll(g, cite)
		if polarity != yesNoNone {
			lead.WriteString(polarityWord(polarity, p) + ": ")
		}
		fmt.Fprintf(&lead, "%s, %s %s %s%s.", upperFirst(e.value(g[0], lq, lang)), p.accordingTo, attribution(g, p, false), markers(marks), sourceLanguageNote(g, lang))
	default:
		// No value to state: frame the best sentences.
		g := groups[0]
		if polarity != yesNoNone && g[0].Why != "" {
			lead.WriteString(polarityWord(polarity, p) + ": " + g[0].Why + ". ")
		} else if polarity != yesNoNone {
			if st := e.restatedYes(lq, polarity); st != "" {
				lead.WriteString(polarityWord(polarity, p) + ", " + st + ". ") // yesno_restate.go
			} else {
				lead.WriteString(polarityWord(polarity, p) + ". ")
			}
		} else if v := e.expansionValue(lq, g[0].Doc.Text[g[0].Span.Start:g[0].Span.End], g[0].Doc.Lang); v != "" {
			lead.WriteString(upperFirst(asQuoted(v)) + ". ")
		} else if v := e.copulaValue(lq, g[0]); v != "" {
			if strings.IndexFunc(v, unicode.IsDigit) >= 0 {
				v = renderValue(v, lexicon.AnswerNumber, lang, e.lex) // "6.000" → 6,000 for an English reader
			}
			lead.WriteString(upperFirst(asQuoted(v)) + ". ")
		}
		for i, ev := range g {
			m := cite(ev)
			if i > 0 {
				lead.WriteString(" ")
			}
			who := attribution([]Evidence{ev}, p, i > 0)
			fmt.Fprintf(&lead, "%s %s %s: ", upperFirst(p.accordingTo), who, markers([]int{m}))
			e.quoteWithGloss(&lead, ev, lang)
		}
	}
	res.Answer = lead.String()
	return res
}

// frameQuote writes " [n]: “quote”" (with its reading aids) after a lead.
func (e *Extractive) frameQuote(lead *strings.Builder, ev Evidence, n int, lang string) {
	fmt.Fprintf(lead, " [%d]: ", n)
	e.quoteWithGloss(lead, ev, lang)
}

// quoteWithGloss writes the verbatim quote of ev, labelled when Kabar
// cannot gloss its language, and word by word for a reader of English
// when it is Indonesian: a reading aid, not a translation.
func (e *Extractive) quoteWithGloss(lead *strings.Builder, ev Evidence, lang string) {
	quote := ev.Doc.Text[ev.Span.Start:ev.Span.End]
	fmt.Fprintf(lead, "“%s”", asQuoted(quote))
	quoteLang := quoteLanguage(quote, ev.Doc.Lang)
	if name := untranslatedLanguage(quoteLang, lang); name != "" {
		fmt.Fprintf(lead, " (%s)", name)
	}
	if lang == "en" && quoteLang == "id" {
		fmt.Fprintf(lead, " (word by word: %s)", asQuoted(e.lex.GlossText(quote)))
	}
}

// value renders an evidence's key in the answer's language.
func (e *Extractive) value(ev Evidence, lq lexicon.Query, lang string) string {
	if lq.DateUnit == "weekday" || lq.DateUnit == "day" {
		if day := weekdayIn(ev.Key, lang); day != "" {
			if ev.KeyDate != nil && ev.KeyDate.Prec == timeline.Day {
				return fmt.Sprintf("%s (%s)", day, ev.KeyDate.Format(lang)) // "hari apa": the day, then its date
			}
			return day
		}
	}
	if ev.KeyDate != nil {
		return ev.KeyDate.Format(lang)
	}
	typ := lq.Type
	if typ == lexicon.AnswerYesNo || ev.KeyType == lexicon.AnswerOrdinal {
		typ = ev.KeyType // a no's other value: the title, figure or place the sentence states
	}
	if typ == lexicon.AnswerTitle && lang == "en" && quoteLanguage(ev.Key, ev.Doc.Lang) == "id" {
		// An Indonesian title, word by word for an English reader, then
		// as the article writes it.
		return fmt.Sprintf("%s (“%s”)", asQuoted(e.lex.GlossText(ev.Key)), asQuoted(ev.Key))
	}
	return asQuoted(renderValue(ev.Key, typ, lang, e.lex))
}

func citeAll(g []Evidence, cite func(Evidence) int) []int {
	var marks []int
	for _, ev := range g {
		m := cite(ev)
		dup := false
		for _, x := range marks {
			dup = dup || x == m
		}
		if !dup {
			marks = append(marks, m)
		}
	}
	return marks
}

// attribution names the sources of a group: their outlets where the
// articles state them, else how many reports say it. Kabar never invents
// an outlet.
func attribution(g []Evidence, p phrases, other bool) string {
	var outlets []string
	docs := map[string]bool{}
	unnamed := 0
	for _, ev := range g {
		story := ev.Story
		if story == "" {
			story = ev.Doc.ID
		}
		if docs[story] {
			continue // a copy or translation of a report already named
		}
		docs[story] = true
		if o := strings.TrimSpace(ev.Doc.Outlet); o != "" {
			outlets = appendNew(outlets, o)
		} else {
			unnamed++
		}
	}
	switch {
	case len(outlets) == 0 && other:
		return p.another
	case len(outlets) == 0 && unnamed == 1:
		return p.theReport
	case len(outlets) == 0:
		return p.theReports
	}
	names := strings.Join(outlets, ", ")
	switch unnamed {
	case 0:
		return names
	case 1:
		return names + " " + p.and + " " + p.another
	}
	return names + " " + p.and + " " + p.otherReports
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// undatedSays is "says “earlier this month”" for an undated report's
// relative date, in the reader's language.
func (e *Extractive) undatedSays(ev Evidence, lq lexicon.Query, lang string) string {
	if lang == "id" {
		return "menyebut “" + e.value(ev, lq, lang) + "”"
	}
	return "says “" + e.value(ev, lq, lang) + "”"
}

// undatedNote says why an undated report's relative date is left as it
// is written.
func undatedNote(lang string) string {
	if lang == "id" {
		return "dan tanggal terbit laporan itu tidak diketahui"
	}
	return "and that report's publication date is not known"
}

func polarityWord(y yesNo, p phrases) string {
	if y == yesNoNo {
		return p.no
	}
	return p.yes
}

// answerLang is the language to answer in: the question's.
func answerLang(lq lexicon.Query) string {
	if lq.Lang == "id" {
		return "id"
	}
	return "en"
}

func upperFirst(s string) string {
	for i, r := range s {
		if r >= 'a' && r <= 'z' {
			return s[:i] + strings.ToUpper(string(r)) + s[i+1:]
		}
		return s
	}
	return s
}

// quoteLanguage is the language of a quoted sentence: its document's,
// except that a sentence of an Indonesian or English document that is
// plainly in the other of the two is in that one (translations leave
// paragraphs in the original's language, and an English sentence glossed
// word by word as Indonesian helps no one). Sentences too short to tell
// keep their document's language.
func quoteLanguage(quote, docLang string) string {
	if docLang != "id" && docLang != "en" {
		return docLang
	}
	letters := 0
	for _, r := range quote {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < minQuoteLetters {
		return docLang
	}
	if l := idOrEnglish.Detect(quote); l != "" {
		return l
	}
	return docLang
}

// minQuoteLetters is how many letters a sentence needs for its own
// language to be told.
const minQuoteLetters = 40

// idOrEnglish tells Indonesian from English.
var idOrEnglish = langid.New("id", "en")

// sourceLanguageNote is " (the source is in German)" when the value a
// group states is read from a source in a language Kabar cannot
// translate (its first evidence's), else "".
func sourceLanguageNote(g []Evidence, answerLang string) string {
	if len(g) == 0 {
		return ""
	}
	if name := untranslatedLanguage(g[0].Doc.Lang, answerLang); name != "" {
		return " (" + name + ")"
	}
	return ""
}

// untranslatedLanguage names the language of a quote Kabar cannot gloss
// (neither Indonesian nor English), in the answer's language; "" when the
// quote is in one of those.
func untranslatedLanguage(docLang, answerLang string) string {
	if docLang == "" || docLang == "en" || docLang == "id" {
		return ""
	}
	en := map[string]string{"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch", "pt": "Portuguese",
		"ru": "Russian", "ja": "Japanese", "zh": "Chinese", "ko": "Korean", "ms": "Malay", "ar": "Arabic", "tl": "Tagalog"}
	id := map[string]string{"de": "Jerman", "fr": "Prancis", "es": "Spanyol", "it": "Italia", "nl": "Belanda", "pt": "Portugis",
		"ru": "Rusia", "ja": "Jepang", "zh": "Tionghoa", "ko": "Korea", "ms": "Melayu", "ar": "Arab", "tl": "Tagalog"}
	if answerLang == "id" {
		name := id[docLang]
		if name == "" {
			name = docLang
		}
		return "sumbernya berbahasa " + name
	}
	name := en[docLang]
	if name == "" {
		name = docLang
	}
	return "the source is in " + name
}

// weekdayIn names the weekday a key writes ("pada hari Minggu") in lang,
// or "".
func weekdayIn(key, lang string) string {
	for _, t := range lexicon.Tokenize(key) {
		en := lexicon.WeekdayEN(t.Norm)
		if en == "" {
			continue
		}
		if lang == "id" {
			return indonesianWeekdays[en]
		}
		return en
	}
	return ""
}

var indonesianWeekdays = map[string]string{"Monday": "Senin", "Tuesday": "Selasa", "Wednesday": "Rabu", "Thursday": "Kamis",
	"Friday": "Jumat", "Saturday": "Sabtu", "Sunday": "Minggu"}
