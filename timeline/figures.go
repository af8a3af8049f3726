package timeline

import (
	"sort"
	"strconv"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// Report is one figure as one sentence states it.
type Report struct {
	Doc       string
	Paragraph int
	Sentence  retrieval.Span
	Number    retrieval.Span // bytes of the number (and its % sign)
	Text      string         // the sentence, verbatim
	Value     float64
	Percent   bool
	Qual      string // the qualifier's key ("more than", "at least", …), "" if none
	// Subject is what the figure belongs to when the sentence names it
	// before the number with a rare name ("Slink" in "Debian 2.1 Slink
	// consisted of about 2250 packages"): figures of different subjects
	// count different things and never disagree. "" for the coverage's
	// main story.
	Subject string
	// When is the date a paragraph opens with ("Debian 2.1 Slink (March
	// 9th, 1999): … this release consisted of about 2250 packages"): a
	// figure without a named subject belongs to it. Zero when none.
	When Date
}

// openingBytes is how early in a paragraph a date must stand to head it.
const openingBytes = 48

// subjectKey is what a report's figure belongs to: its named subject,
// else its paragraph's date, else "" (the coverage's main story).
func (r Report) subjectKey() string {
	if r.Subject != "" {
		return r.Subject
	}
	if r.When.Prec != 0 {
		return r.When.String()
	}
	return ""
}

// Variant is one value of a figure with everyone who reports it.
type Variant struct {
	Value   float64
	Percent bool
	Quals   []string // the qualifiers the reports put on it, in report order, without repeats
	Subject string   // what it belongs to (Report.Subject, else the paragraph date's ISO form)
	When    Date     // the paragraph date when that is the subject
	Reports []Report
}

// SubjectIn spells what the variant belongs to in lang ("Rex", "June
// 1996"), "" for the main story.
func (v Variant) SubjectIn(lang string) string {
	if v.When.Prec != 0 && v.Subject == v.When.String() {
		return v.When.Format(lang)
	}
	return v.Subject
}

// Figure is one thing the coverage counts, with every value it gives:
// more than one variant means the reports differ.
type Figure struct {
	Key      string // the class ("troops", "troops_killed", …)
	What     map[string]string
	Variants []Variant // most reported first
	Docs     int       // articles reporting it
}

// figuresOf collects the figures of every article: a number followed,
// within three words, by a word of a figure class ("6.000 insinyur",
// "40% amunisi"), or "N di antaranya" (N of them) after such a figure. A
// death word close after makes it a count of the dead.
func figuresOf(docs []*docState, w nameWeights, ents *entities, lex knownWorder) []Figure {
	byKey := map[string]*Figure{}
	for _, d := range docs {
		// A paragraph that opens with a date ("Debian 2.1 Slink (March 9th,
		// 1999): …") heads a section: its figures, and those of the
		// paragraphs after it until the next such opening, belong to it.
		paraDate := map[int]Date{}
		seenPara := map[int]bool{}
		var section Date
		for _, s := range d.sents {
			if seenPara[s.para] {
				paraDate[s.para] = section
				continue
			}
			seenPara[s.para] = true
			for _, m := range s.mentions {
				if (m.Kind == KindFull || m.Kind == KindYearMonth) && m.Start-s.span.Start <= openingBytes {
					section, _ = Resolve(m, nil, false)
					break
				}
			}
			paraDate[s.para] = section
		}
		for _, s := range d.sents {
			for _, r := range sentenceFigures(d.in.Doc.ID, s, w, ents, lex) {
				if r.Subject == "" {
					r.When = paraDate[s.para]
				}
				f, ok := byKey[r.key]
				if !ok {
					f = &Figure{Key: r.key, What: r.what}
					byKey[r.key] = f
				}
				f.add(r.Report)
			}
		}
	}
	out := make([]Figure, 0, len(byKey))
	for _, f := range byKey {
		docs := map[string]bool{}
		for _, v := range f.Variants {
			for _, r := range v.Reports {
				docs[r.Doc] = true
			}
		}
		f.Docs = len(docs)
		sort.SliceStable(f.Variants, func(i, j int) bool { return len(f.Variants[i].Reports) > len(f.Variants[j].Reports) })
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Docs != out[j].Docs {
			return out[i].Docs > out[j].Docs
		}
		return out[i].Key < out[j].Key
	})
	return out
}

func (f *Figure) add(r Report) {
	for i := range f.Variants {
		v := &f.Variants[i]
		if v.Value == r.Value && v.Percent == r.Percent {
			if v.Subject == "" {
				v.Subject, v.When = r.subjectKey(), r.When // the first report that says what it counts
			}
			for _, r0 := range v.Reports {
				if r0.Doc == r.Doc && r0.Value == r.Value {
					return // one article repeating itself
				}
			}
			v.Reports = append(v.Reports, r)
			if r.Qual != "" && !contains1(v.Quals, r.Qual) {
				v.Quals = append(v.Quals, r.Qual)
			}
			return
		}
	}
	v := Variant{Value: r.Value, Percent: r.Percent, Subject: r.subjectKey(), When: r.When, Reports: []Report{r}}
	if r.Qual != "" {
		v.Quals = []string{r.Qual}
	}
	f.Variants = append(f.Variants, v)
}

func contains1(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

type keyedReport struct {
	Report
	key  string
	what map[string]string
}

// minSubjectWeight is how rare a name before a figure must be to make it
// the figure's subject: in under about one named sentence in eight
// (ln 8 ≈ 2.1). The story's countries and leaders are commoner.
const minSubjectWeight = 2.0

// subjectBefore returns the rarest whole name before token i that is not
// a source ("menurut Pentagon", "according to"), if rare enough.
func subjectBefore(names []name, toks []lexicon.Token, i int, w nameWeights) string {
	best, bestW := "", 0.0
	for _, n := range names {
		if n.last >= i {
			break
		}
		if n.first > 0 && (toks[n.first-1].Norm == "menurut" || toks[n.first-1].Norm == "oleh" || toks[n.first-1].Norm == "by" || toks[n.first-1].Norm == "to" && n.first > 1 && toks[n.first-2].Norm == "according") {
			continue
		}
		wt := 0.0
		for j := n.first; j <= n.last; j++ {
			if x := toks[j].Norm; w.df[x] > 0 {
				if v := w.of(x); v > wt {
					wt = v
				}
			}
		}
		if wt >= minSubjectWeight && wt > bestW {
			best, bestW = n.raw, wt
		}
	}
	return best
}

func sentenceFigures(doc string, s sentence, w nameWeights, ents *entities, lex knownWorder) []keyedReport {
	toks := lexicon.Tokenize(s.text)
	var names []name
	if len(s.runs) > 0 {
		names = ents.sentenceNames(s.text, toks, lex)
	}
	var out []keyedReport
	var last *figureClass
	for i, t := range toks {
		if !t.Num {
			continue
		}
		if _, isYear := yearNumber(t); isYear {
			continue
		}
		v, err := strconv.ParseFloat(t.Norm, 64)
		if err != nil {
			continue
		}
		end := t.End
		percent := strings.HasPrefix(s.text[t.End:], "%")
		if percent {
			end++
		}
		j := i + 1
		if j < len(toks) && (toks[j].Norm == "persen" || toks[j].Norm == "percent") {
			percent, end = true, toks[j].End
			j++
		}
		var cls *figureClass
		nounAt := -1
		for k := j; k < len(toks) && k < j+3; k++ {
			if c := classOf(toks[k].Norm); c != nil {
				cls, nounAt = c, k
				break
			}
		}
		if cls == nil && last != nil && j+1 < len(toks) && (toks[j].Norm == "di" && toks[j+1].Norm == "antaranya" || toks[j].Norm == "of" && (toks[j+1].Norm == "them" || toks[j+1].Norm == "whom")) {
			cls, nounAt = last, j+1
		}
		if cls == nil {
			continue
		}
		last = cls
		key, what := cls.key, map[string]string{"en": cls.en, "id": cls.id}
		// "9,000 new packages" counts what was added, not the total.
		for k := j; k < nounAt; k++ {
			if toks[k].Norm == "new" || toks[k].Norm == "baru" {
				key = cls.key + "_new"
				what = map[string]string{"en": "new " + cls.en, "id": cls.id + " baru"}
			}
		}
		for k := nounAt + 1; k < len(toks) && k <= nounAt+5; k++ {
			if isDeathWord(toks[k].Norm) {
				key = cls.key + "_killed"
				what = map[string]string{"en": cls.en + " killed", "id": cls.id + " tewas"}
				break
			}
		}
		if percent {
			key = cls.key + "_share"
			what = map[string]string{"en": "share of " + cls.en, "id": "porsi " + cls.id}
		}
		out = append(out, keyedReport{key: key, what: what, Report: Report{
			Doc: doc, Paragraph: s.para, Sentence: s.span, Text: s.text, Value: v, Percent: percent,
			Number:  retrieval.Span{Start: s.span.Start + t.Start, End: s.span.Start + end},
			Qual:    qualifierBefore(toks, i),
			Subject: subjectBefore(names, toks, i, w),
		}})
	}
	return out
}

func classOf(w string) *figureClass {
	for i := range figureClasses {
		for _, x := range figureClasses[i].words {
			if x == w {
				return &figureClasses[i]
			}
		}
	}
	return nil
}

// qualifierBefore returns the English key of the qualifier ending just
// before token i.
func qualifierBefore(toks []lexicon.Token, i int) string {
	for _, q := range qualifiers {
		n := len(q.words)
		if i-n < 0 {
			continue
		}
		ok := true
		for k, w := range q.words {
			if toks[i-n+k].Norm != w {
				ok = false
				break
			}
		}
		if ok {
			return q.en
		}
	}
	return ""
}

// Qualifier spells a qualifier key in lang.
func Qualifier(key, lang string) string {
	for _, q := range qualifiers {
		if q.en == key {
			if lang == "id" {
				return q.id
			}
			return q.en
		}
	}
	return key
}

// FormatNumber writes n in lang's number style: "6,000" in English,
// "6.000" in Indonesian; decimals with "." and "," respectively.
func FormatNumber(n float64, lang string) string {
	s := strconv.FormatFloat(n, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	thou, dec := ",", "."
	if lang == "id" {
		thou, dec = ".", ","
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 && r != '-' {
			b.WriteString(thou)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(dec + frac)
	}
	return b.String()
}

// Format writes the variant's value in lang: "more than 6,000", "40%".
func (v Variant) Format(lang string) string {
	s := FormatNumber(v.Value, lang)
	if v.Percent {
		s += "%"
	}
	if len(v.Quals) == 1 {
		s = Qualifier(v.Quals[0], lang) + " " + s
	}
	return s
}
