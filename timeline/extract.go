package timeline

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// Input is one article with its segmentation.
type Input struct {
	Doc        retrieval.Document
	Paragraphs []retrieval.Paragraph
}

// Event is a dated sentence: the date one expression of it resolves to,
// and how.
type Event struct {
	Doc       string
	Paragraph int
	Sentence  retrieval.Span // bytes of the sentence in the document text
	Mention   retrieval.Span // bytes of the date expression
	Date      Date
	How       string   // how the date was resolved
	Names     []string // the name words of the sentence, lower case, sorted
	Places    []string // the names that follow "di", "ke", "in", …
	Verbs     []string // the English glosses of its event words, sorted
	Text      string   // the sentence, verbatim
	Lang      string   // the article's language ("id", "en"), "" when unknown
	// End is the last day of a stretch the expression itself gives
	// ("11–13 Juli 2025", "dari Jumat hingga Minggu"); zero otherwise.
	End Date
	// Until says the date ends what the sentence tells ("akan tinggal
	// hingga Minggu").
	Until     bool
	anchored  bool
	fromOwn   bool // resolved without another article's help
	weekdayOK bool
}

// sentence is what the stages know about one sentence.
type sentence struct {
	para     int
	span     retrieval.Span
	text     string
	runs     [][]string // capitalised name runs, lower case
	names    map[string]bool
	places   map[string]bool
	verbs    map[string]bool
	verbAt   []verbPos // event words in order, for the verbs near a date
	mentions []Mention // offsets in the document text
	future   bool
	days     int // the length of a visit the sentence gives ("kunjungan tiga hari"), 0 if none
}

// knownWorder tells dictionary words from names (lexicon.Lexicon).
type knownWorder interface{ KnownWord(norm string) bool }

// sentencesOf reads every sentence of an article's prose: not its
// boilerplate, nor its code, tables of contents and link lists, which are
// never evidence (a date in an example is no event, a figure in a command
// line no count).
func sentencesOf(in Input, lex knownWorder) []sentence {
	var out []sentence
	for _, p := range in.Paragraphs {
		if p.Boilerplate || p.NotEvidence {
			continue
		}
		for _, sp := range p.Sentences {
			out = append(out, readSentence(in.Doc.Text, p.Index, sp, lex))
		}
	}
	return out
}

func readSentence(text string, para int, sp retrieval.Span, lex knownWorder) sentence {
	s := sentence{para: para, span: sp, text: text[sp.Start:sp.End],
		names: map[string]bool{}, places: map[string]bool{}, verbs: map[string]bool{}}
	for _, m := range FindMentions(s.text) {
		m.Start += sp.Start
		m.End += sp.Start
		s.mentions = append(s.mentions, m)
	}
	toks := lexicon.Tokenize(s.text)
	if len(s.mentions) > 1 {
		s.mentions = dropReportDates(s.mentions, toks, sp.Start)
	}
	inPlace := false
	var run []string
	flush := func() {
		if len(run) > 0 {
			s.runs = append(s.runs, run)
			run = nil
		}
	}
	for i, t := range toks {
		if isFutureMarker(t.Norm) {
			s.future = true
		}
		if v, ok := verbOf(t.Norm); ok {
			s.verbs[v.en] = true
			s.verbAt = append(s.verbAt, verbPos{tok: i, start: sp.Start + t.Start, gloss: v.en})
		}
		if !isName(toks, i, lex) || i > 0 && len(run) > 0 && !tight(s.text, toks[i-1], t) && s.text[toks[i-1].End:t.Start] != "-" {
			flush()
		}
		if !isName(toks, i, lex) {
			inPlace = isPlacePreposition(t.Norm) && !t.Upper
			continue
		}
		run = append(run, t.Norm)
		if inPlace {
			s.places[t.Norm] = true
		}
	}
	flush()
	s.days = visitDays(toks)
	return s
}

// visitDays reads the length of a visit or trip a sentence gives: "kunjungan
// (selama) tiga hari", "a three-day visit", "visit of three days". A
// number of days followed by "lalu", "ago" or "terakhir" is a relative date
// or a period, not a visit's length.
func visitDays(toks []lexicon.Token) int {
	for i := 0; i+1 < len(toks); i++ {
		n, ok := lexicon.NumberWord(toks[i].Norm)
		if !ok && toks[i].Num {
			v, err := strconv.Atoi(toks[i].Norm)
			n, ok = float64(v), err == nil
		}
		if !ok || n < 2 || n > 31 || !isDayWord(toks[i+1].Norm) {
			continue
		}
		if i+2 < len(toks) {
			if w := toks[i+2].Norm; isPastWord(w) || w == "ago" || w == "terakhir" || w == "kemudian" || w == "later" {
				continue
			}
		}
		visit := i+2 < len(toks) && isVisitNoun(toks[i+2].Norm)
		for k := i - 1; k >= 0 && k >= i-3 && !visit; k-- {
			visit = isVisitNoun(toks[k].Norm)
		}
		if visit {
			return int(n)
		}
	}
	return 0
}

func isDayWord(w string) bool { return w == "hari" || w == "day" || w == "days" }

// isVisitNoun names a stay somewhere: a visit, a trip, a tour.
func isVisitNoun(w string) bool {
	switch w {
	case "kunjungan", "kunjungannya", "lawatan", "perjalanan", "visit", "trip", "tour", "stay":
		return true
	}
	return false
}

// dropReportDates removes the date a sentence gives for when something
// was reported ("KCNA melaporkan pada hari Minggu") when it also dates
// the event itself ("Pada hari Sabtu, Kim bertemu …").
func dropReportDates(ms []Mention, toks []lexicon.Token, base int) []Mention {
	var out []Mention
	for _, m := range ms {
		report := false
		k := 0
		for i := len(toks) - 1; i >= 0; i-- {
			if toks[i].End+base > m.Start {
				continue
			}
			if v, ok := verbOf(toks[i].Norm); ok && v.en == "report" {
				report = true
			}
			if k++; k == 3 {
				break
			}
		}
		if !report {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return ms
	}
	return out
}

// keyNames fills the sentence's name words from its runs: every word of
// a name except a leading given name, a run's first word that the
// coverage never uses on its own ("Sergei" of "Sergei Lavrov" and of
// "Sergei Shoigu"), while "Kim" of "Kim Jong Un" stays because articles
// call him "Kim".
func (s *sentence) keyNames(solo map[string]bool) {
	for _, run := range s.runs {
		for i, w := range run {
			if i == 0 && len(run) > 1 && !solo[w] {
				continue
			}
			s.names[w] = true
		}
	}
}

// isName reports a word of a proper name: capitalised, not a calendar
// word, title or function word, and, first in its sentence, not a
// dictionary word.
func isName(toks []lexicon.Token, i int, lex knownWorder) bool {
	t := toks[i]
	if !t.Upper || t.Num || len(t.Norm) < 2 || lexicon.IsCalendarWord(t.Norm) || isNameStop(t.Norm) {
		return false
	}
	if i == 0 && lex != nil && lex.KnownWord(t.Norm) {
		return false
	}
	return true
}

// nameWeights weighs name words by how rare they are among the
// sentences: a country every sentence names says little about which
// event a sentence reports; a person or a town says much.
type nameWeights struct {
	n  int
	df map[string]int
}

func newNameWeights(docs []*docState) nameWeights {
	w := nameWeights{df: map[string]int{}}
	solo := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.sents {
			for _, run := range s.runs {
				if len(run) == 1 {
					solo[run[0]] = true
				}
			}
		}
	}
	for _, d := range docs {
		for i := range d.sents {
			d.sents[i].keyNames(solo)
		}
	}
	for _, d := range docs {
		for _, s := range d.sents {
			if len(s.names) == 0 {
				continue
			}
			w.n++
			for n := range s.names {
				w.df[n]++
			}
		}
	}
	return w
}

func (w nameWeights) of(name string) float64 {
	return math.Log(float64(w.n+1) / (float64(w.df[name]) + 0.5))
}

// shared returns the names two sets share and their total weight.
func (w nameWeights) shared(a, b map[string]bool) ([]string, float64) {
	var out []string
	sum := 0.0
	for n := range a {
		if b[n] {
			out = append(out, n)
			sum += w.of(n)
		}
	}
	sort.Strings(out)
	return out, sum
}

// sharedSpecific returns the specific event kinds two sets share.
func sharedSpecific(a, b map[string]bool) []string {
	var out []string
	for _, k := range sharedKeys(a, b) {
		if isSpecificVerb(k) {
			out = append(out, k)
		}
	}
	return out
}

func sharedKeys(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		if b[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

type verbPos struct {
	tok, start int
	gloss      string
}

// verbWindow is how many words either side of a date expression its
// event words are looked for in: "perjanjian yang ditandatangani tahun
// lalu" dates the signing, not the meeting the sentence opens with.
const verbWindow = 8

// verbsNear returns the event kinds within verbWindow words of m, or the
// sentence's when none is that close.
func (s sentence) verbsNear(m Mention) []string {
	toks := lexicon.Tokenize(s.text)
	at := -1
	for i, t := range toks {
		if s.span.Start+t.Start >= m.Start {
			at = i
			break
		}
	}
	near := map[string]bool{}
	for _, v := range s.verbAt {
		if at >= 0 && v.tok >= at-verbWindow && v.tok <= at+verbWindow {
			near[v.gloss] = true
		}
	}
	if len(near) == 0 {
		return keys(s.verbs)
	}
	return keys(near)
}

// docState is one article through the stages.
type docState struct {
	in    Input
	ref   *Ref
	how   string // how relative dates of this article are resolved
	own   bool   // ref is the article's publication date
	sents []sentence
}

// events resolves every mention of the article it can (stage 3).
func (d *docState) events() []Event {
	var out []Event
	for _, s := range d.sents {
		// A year the sentence states is the year of its year-less dates
		// ("DebConf4 … in Porto Alegre in 2004, on May 26th").
		year := 0
		for _, m := range s.mentions {
			if m.Absolute() {
				year = m.Year
				break
			}
		}
		for _, m := range s.mentions {
			date, ok := Resolve(m, d.ref, s.future)
			how := "stated in the text"
			if year != 0 && (m.Kind == KindDayMonth || m.Kind == KindMonth) && m.Or == 0 {
				local := Mention{Kind: KindYearMonth, Year: year, Month: m.Month}
				if m.Kind == KindDayMonth {
					local = Mention{Kind: KindFull, Year: year, Month: m.Month, Day: m.Day, Span: m.Span}
				}
				if validDay(year, m.Month, max(m.Day, 1)) {
					date, ok = Resolve(local, nil, false)
					how = fmt.Sprintf("the year %d the sentence states", year)
				}
			} else if !m.Absolute() {
				how = d.how
			}
			if !ok {
				continue
			}
			e := Event{
				Doc: d.in.Doc.ID, Paragraph: s.para, Sentence: s.span,
				Mention: retrieval.Span{Start: m.Start, End: m.End}, Date: date, How: how,
				Names: keys(s.names), Places: keys(s.places), Verbs: s.verbsNear(m), Text: s.text,
				Until: m.Until, Lang: d.in.Doc.Lang,
				anchored: !m.Absolute() && !d.own, fromOwn: m.Absolute() || d.own,
			}
			if m.Span > 0 && date.Prec == Day {
				e.End = dayDate(date.Time().AddDate(0, 0, m.Span))
			}
			// A visit's length and one of its ends in one sentence ("tiba
			// pada Jumat untuk kunjungan tiga hari", "a three-day visit that
			// ends on Sunday"): the stretch it covers.
			if s.days > 1 && date.Prec == Day && m.Span == 0 {
				switch {
				case m.Until:
					e.End = date
					e.Date = dayDate(date.Time().AddDate(0, 0, -(s.days - 1)))
					e.How += fmt.Sprintf("; the %d-day visit the sentence gives, ending that day", s.days)
				case contains1(s.verbsNear(m), "arrival") || contains1(s.verbsNear(m), "start"):
					e.End = dayDate(date.Time().AddDate(0, 0, s.days-1))
					e.How += fmt.Sprintf("; the %d-day visit the sentence gives, from that day", s.days)
				}
			}
			out = append(out, e)
		}
	}
	return out
}

// informative counts the names of a set rare enough to tell events apart.
func (w nameWeights) informative(names map[string]bool) int {
	n := 0
	for x := range names {
		if w.of(x) >= minInformative {
			n++
		}
	}
	return n
}

// strongest returns at most k names, rarest first.
func (w nameWeights) strongest(names []string, k int) []string {
	out := append([]string(nil), names...)
	sort.SliceStable(out, func(i, j int) bool { return w.of(out[i]) > w.of(out[j]) })
	if len(out) > k {
		out = out[:k]
	}
	return out
}
