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
}

// Variant is one value of a figure with everyone who reports it.
type Variant struct {
	Value   float64
	Percent bool
	Quals   []string // the qualifiers the reports put on it, in report order, without repeats
	Reports []Report
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
func figuresOf(docs []*docState) []Figure {
	byKey := map[string]*Figure{}
	for _, d := range docs {
		for _, s := range d.sents {
			for _, r := range sentenceFigures(d.in.Doc.ID, s) {
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
	v := Variant{Value: r.Value, Percent: r.Percent, Reports: []Report{r}}
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

func sentenceFigures(doc string, s sentence) []keyedReport {
	toks := lexicon.Tokenize(s.text)
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
			Number: retrieval.Span{Start: s.span.Start + t.Start, End: s.span.Start + end},
			Qual:   qualifierBefore(toks, i),
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
