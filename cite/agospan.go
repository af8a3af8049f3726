package cite

import (
	"fmt"
	"strconv"

	"github.com/kabar-bot/kabar/lexicon"
)

// agoUnits are the units a span back from now counts in ("a few days
// ago", "beberapa hari yang lalu").
var agoUnits = map[string]string{
	"day": "day", "days": "day", "hari": "day",
	"week": "week", "weeks": "week", "minggu": "week", "pekan": "week",
	"month": "month", "months": "month", "bulan": "month",
	"year": "year", "years": "year", "tahun": "year",
}

// vagueCounts count a span loosely ("a few days ago", "beberapa hari").
var vagueCounts = map[string]bool{"a": true, "an": true, "few": true, "several": true, "some": true, "many": true, "beberapa": true, "sejumlah": true}

// agoSpan is a span back from now a text states: its unit and the token
// that counts it ("two weeks ago", "beberapa hari yang lalu").
type agoSpan struct {
	unit  string
	count lexicon.Token
}

// agoSpans reads the spans back from now of toks: a count, a unit and
// "ago" or "(yang) lalu". Without a count, "tahun lalu" is last year,
// which the time rule reads.
func agoSpans(toks []lexicon.Token) []agoSpan {
	var out []agoSpan
	for i, t := range toks {
		if t.Norm != "ago" && t.Norm != "lalu" {
			continue
		}
		u := i - 1
		if u > 0 && toks[u].Norm == "yang" && t.Norm == "lalu" {
			u--
		}
		if u < 1 {
			continue
		}
		if unit, ok := agoUnits[toks[u].Norm]; ok {
			out = append(out, agoSpan{unit: unit, count: toks[u-1]})
		}
	}
	return out
}

// countsLoosely reports a token counting a span: a figure, a number word
// or a loose count ("a few", "beberapa").
func countsLoosely(t lexicon.Token) bool {
	_, num := lexicon.NumberWord(t.Norm)
	return t.Num || num || vagueCounts[t.Norm]
}

// agoUnitsIn are the units of the spans back from now whose count is a
// figure or a loose one ("a few").
func agoUnitsIn(toks []lexicon.Token) []string {
	var out []string
	for _, s := range agoSpans(toks) {
		if countsLoosely(s.count) {
			out = append(out, s.unit)
		}
	}
	return out
}

// ruleAgoSpan: "a few weeks ago" is not "beberapa hari yang lalu".
func ruleAgoSpan(v *Verifier, c *claim, w *window) *finding {
	cu := agoUnitsIn(c.toks)
	if len(cu) == 0 {
		return nil
	}
	pu := agoUnitsIn(w.lexTokens())
	if len(pu) == 0 {
		// "two years ago" where the passage says "tahun lalu", last year
		if n, unit := agoCount(c.toks); n >= 2 {
			if last := lastUnit(w.lexTokens(), unit); last != "" {
				return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %g %ss ago; the passage says %s", n, unit, last)}
			}
		}
		return nil
	}
	for _, u := range pu {
		if u == cu[0] {
			return nil
		}
	}
	return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %ss ago; the passage says %ss ago", cu[0], pu[0])}
}

// agoCount reads the first span back from now with a definite count
// ("two years ago", "3 hari yang lalu"): the count and its unit; 0 when
// there is none.
func agoCount(toks []lexicon.Token) (float64, string) {
	for _, s := range agoSpans(toks) {
		if n, num := lexicon.NumberWord(s.count.Norm); num {
			return n, s.unit
		}
		if n, err := strconv.ParseFloat(s.count.Norm, 64); err == nil && s.count.Num {
			return n, s.unit
		}
	}
	return 0, ""
}

// lastUnit returns the words of a passage's "last <unit>" ("tahun lalu",
// "last year"): one unit back, with no count before it; "" when absent.
func lastUnit(toks []lexicon.Token, unit string) string {
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		switch {
		case agoUnits[a.Norm] == unit && b.Norm == "lalu":
			if i > 0 && countsLoosely(toks[i-1]) {
				continue // "dua tahun lalu": a span, not last year
			}
			return a.Text + " " + b.Text
		case a.Norm == "last" && agoUnits[b.Norm] == unit:
			return a.Text + " " + b.Text
		}
	}
	return ""
}
