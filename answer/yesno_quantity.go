package answer

import (
	"math"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A polar question may ask about a quantity with a comparison ("more
// than half of the ammunition", "lebih dari setengah amunisi", "at least
// 5,000 troops"): the sentence that counts the same thing states its own
// figure, often hedged ("hingga 40%", "up to 40%"). Both read as ranges
// of the quantity; the answer is yes when the stated range lies inside
// the asked one, no when the two do not meet, and unknown otherwise
// ("more than a third?" against "up to 40%" cannot be told).

// span is a range of a quantity: lo..hi, each end open or closed.
type span struct {
	lo, hi         float64
	loOpen, hiOpen bool
	percent        bool // a share in percent (a fraction word is one too)
}

// quantity is a figure read in a text with the range its qualifier gives.
type quantity struct {
	span
	start, end int  // token range of the qualifier and figure (and a percent word)
	noun       int  // token index of the counted thing
	fraction   bool // written as a word ("half", "setengah"): a comparison too
	// approximate: hedged ("about", "sekitar"), not compared: a range
	// only to tell a figure far off.
	approximate bool
}

// verdict of a comparison of the asked range with the stated one.
type verdict int

const (
	verdictUnknown verdict = iota
	verdictInside          // the stated range lies in the asked one: yes
	verdictApart           // the two ranges do not meet: no
)

func compareSpans(asked, stated span) verdict {
	if asked.percent != stated.percent {
		return verdictUnknown
	}
	if below(stated.hi, stated.hiOpen, asked.lo, asked.loOpen) || below(asked.hi, asked.hiOpen, stated.lo, stated.loOpen) {
		return verdictApart
	}
	loIn := stated.lo > asked.lo || stated.lo == asked.lo && (!asked.loOpen || stated.loOpen)
	hiIn := stated.hi < asked.hi || stated.hi == asked.hi && (!asked.hiOpen || stated.hiOpen)
	if loIn && hiIn {
		return verdictInside
	}
	return verdictUnknown
}

// below reports whether a range ending at hi lies wholly below one
// starting at lo.
func below(hi float64, hiOpen bool, lo float64, loOpen bool) bool {
	return hi < lo || hi == lo && (hiOpen || loOpen)
}

// fractionWord reads a fraction written as a word as a share in percent.
func fractionWord(w string) (float64, bool) {
	switch w {
	case "half", "setengah", "separuh", "separo":
		return 50, true
	case "third", "sepertiga":
		return 100.0 / 3, true
	case "quarter", "seperempat":
		return 25, true
	}
	return 0, false
}

// quantities reads the figures of a text with their qualifiers and the
// thing each counts (the next word that is no percent sign, "of", "dari"
// or article).
func quantities(text string, toks []lexicon.Token) []quantity {
	var out []quantity
	for i := 0; i < len(toks); i++ {
		v, pct, ok := figureAt(toks[i])
		if !ok {
			continue
		}
		q := quantity{start: i, end: i + 1, fraction: pct}
		if strings.HasPrefix(text[toks[i].End:], "%") {
			pct = true
		} else if i+1 < len(toks) && isPercentWord(toks[i+1].Norm) {
			pct = true
			q.end = i + 2
		}
		q.noun = q.end
		for q.noun < len(toks) && skippedBeforeNoun(toks[q.noun].Norm) {
			q.noun++
		}
		if q.noun+2 < len(toks) && toks[q.noun+1].Norm == "s" && strings.ContainsAny(text[toks[q.noun].End:toks[q.noun+1].Start], "'’") {
			q.noun += 2 // "half of Russia's ammunition" counts the ammunition
		}
		if q.noun >= len(toks) {
			continue
		}
		q.span = exactly(v, pct)
		if n, s, ok := qualifierBefore(toks, i, v, pct); ok {
			q.start, q.span = i-n, s
			q.approximate = s.lo > math.Inf(-1) && s.hi < math.Inf(1) && s.lo < s.hi
		}
		out = append(out, q)
	}
	return out
}

func figureAt(t lexicon.Token) (v float64, percent, ok bool) {
	if f, ok := fractionWord(t.Norm); ok {
		return f, true, true
	}
	if f, ok := figureOf(t); ok {
		return f, false, true
	}
	return 0, false, false
}

func isPercentWord(w string) bool {
	return w == "persen" || w == "percent"
}

func skippedBeforeNoun(w string) bool {
	switch w {
	case "persen", "percent", "of", "dari", "the", "a", "an":
		return true
	}
	return false
}

func exactly(v float64, pct bool) span { return span{lo: v, hi: v, percent: pct} }

// qualifierBefore reads the hedge or comparison before the figure at i:
// how many tokens it takes and the range it gives the figure v.
func qualifierBefore(toks []lexicon.Token, i int, v float64, pct bool) (int, span, bool) {
	word := func(back int) string {
		if i-back < 0 {
			return ""
		}
		return toks[i-back].Norm
	}
	inf := math.Inf(1)
	two := word(2) + " " + word(1)
	three := word(3) + " " + two
	switch {
	case three == "no more than" || three == "tidak lebih dari":
		return 3, span{lo: math.Inf(-1), hi: v, percent: pct}, true
	case three == "paling tidak" || two == "at least" || two == "paling sedikit" || two == "sekurang kurangnya":
		n := 2
		if three == "paling tidak" {
			n = 3
		}
		return n, span{lo: v, hi: inf, percent: pct}, true
	case two == "more than" || two == "lebih dari" || two == "di atas" || two == "greater than":
		return 2, span{lo: v, hi: inf, loOpen: true, percent: pct}, true
	case two == "less than" || two == "fewer than" || two == "kurang dari" || two == "di bawah":
		return 2, span{lo: math.Inf(-1), hi: v, hiOpen: true, percent: pct}, true
	case two == "up to" || two == "at most" || two == "paling banyak":
		return 2, span{lo: math.Inf(-1), hi: v, percent: pct}, true
	}
	switch word(1) {
	case "over", "above", "exceeding", "melebihi":
		return 1, span{lo: v, hi: inf, loOpen: true, percent: pct}, true
	case "under", "below":
		return 1, span{lo: math.Inf(-1), hi: v, hiOpen: true, percent: pct}, true
	case "setidaknya", "sedikitnya", "minimal", "minimum":
		return 1, span{lo: v, hi: inf, percent: pct}, true
	case "hingga", "sampai", "maksimal", "maximum":
		return 1, span{lo: math.Inf(-1), hi: v, percent: pct}, true
	case "about", "around", "roughly", "approximately", "nearly", "almost", "sekitar", "hampir", "kira", "kurang":
		// "kira-kira", "kurang lebih": about the figure, a tenth either way.
		return 1, span{lo: v * 0.9, hi: v * 1.1, percent: pct}, true
	}
	return 0, span{}, false
}

// comparedQuantity checks a quantity the question asks with a comparison
// or a fraction against the figure the sentence states for the same
// thing. ok is false when the question asks none or the sentence counts
// nothing it asks; the evidence returned for a no carries the stated
// figure as its value.
func (e *Extractive) comparedQuantity(lq lexicon.Query, ev Evidence) (Evidence, verdict, bool) {
	qt := lexicon.Tokenize(lq.Text)
	text := ev.Doc.Text[ev.Span.Start:ev.Span.End]
	st := lexicon.Tokenize(text)
	stated := quantities(text, st)
	for _, asked := range quantities(lq.Text, qt) {
		if asked.lo == asked.hi && !asked.fraction {
			continue // a bare count: otherCount checks it as written
		}
		for _, s := range stated {
			if !e.sameThing(lq, qt[asked.noun], st[s.noun]) {
				continue
			}
			v := compareSpans(asked.span, s.span)
			if v != verdictApart && asked.approximate {
				return ev, verdictUnknown, false // "about 10,000?": only a figure far off says no
			}
			if v != verdictApart {
				return ev, v, true
			}
			other := ev
			end := st[s.end-1].End
			if strings.HasPrefix(text[end:], "%") {
				end++
			}
			other.Key = text[st[s.start].Start:end]
			other.KeyStart, other.KeyEnd = ev.Span.Start+st[s.start].Start, ev.Span.Start+end
			other.KeyNorm = other.Key
			other.KeyType = lexicon.AnswerNumber
			if s.percent {
				other.KeyType = lexicon.AnswerPercent
			}
			return other, v, true
		}
	}
	return ev, verdictUnknown, false
}

// sameThing reports whether a word of the sentence names the thing a
// word of the question counts: the same index term, or a translation of
// the question's concept holding the word ("troops" — "pasukan").
func (e *Extractive) sameThing(lq lexicon.Query, asked, stated lexicon.Token) bool {
	if sharesTerm(e.termsOfToken(asked), e.termsOfToken(stated)) {
		return true
	}
	for _, c := range lq.Concepts {
		if c.Entity || c.Number {
			continue
		}
		for _, t := range lexicon.Tokenize(c.Surface) {
			if t.Norm == asked.Norm && conceptMatches(c, stated.Text, e.lex) {
				return true
			}
		}
	}
	return false
}
