package cite

import (
	"fmt"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// timeSpan is a stretch of time a text states: "more than a year",
// "kurang dari sebulan", "three weeks".
type timeSpan struct {
	qual int // qualNone, qualMoreThan, qualLessThan, …
	n    int
	unit string // "year", "month", "week", "day"
	text string
}

var spanUnits = map[string]string{
	"year": "year", "years": "year", "tahun": "year", "month": "month", "months": "month", "bulan": "month",
	"week": "week", "weeks": "week", "minggu": "week", "pekan": "week", "day": "day", "days": "day", "hari": "day",
}

// spanCounts are the count words before a unit; "a"/"an" and the
// Indonesian se- prefix (sebulan) are one.
var spanCounts = map[string]int{
	"a": 1, "an": 1, "one": 1, "satu": 1, "two": 2, "dua": 2, "three": 3, "tiga": 3, "four": 4, "empat": 4,
	"five": 5, "lima": 5, "six": 6, "enam": 6, "seven": 7, "tujuh": 7, "eight": 8, "delapan": 8, "nine": 9, "sembilan": 9,
	"ten": 10, "sepuluh": 10,
}

// timeSpans reads the qualified spans of time of tokens. Only spans with
// a qualifier before them count: "a year after" alone is read by the
// time rule.
func timeSpans(toks []lexicon.Token) []timeSpan {
	norms := normsOf(toks)
	var out []timeSpan
	for i, t := range toks {
		n, unit, _ := spanAt(toks, i)
		start := i
		if n == 0 || unit == "" {
			continue
		}
		q, qs := qualifierAt(norms, start)
		if q == qualNone {
			continue
		}
		out = append(out, timeSpan{qual: q, n: n, unit: unit, text: strings.TrimSpace(qs + " " + t.Text)})
	}
	return out
}

// ruleTimeSpan: "more than a year after" is not "kurang dari sebulan
// setelah". A qualified span of time in the claim must be the passage's
// when the passage states one: the same unit and count, and a compatible
// qualifier.
func ruleTimeSpan(v *Verifier, c *claim, w *window) *finding {
	cs := timeSpans(c.toks)
	if len(cs) == 0 {
		return nil
	}
	ptoks := w.lexTokens()
	ps := timeSpans(ptoks)
	if len(ps) == 0 {
		return nil
	}
	for _, a := range cs {
		ok := false
		for _, b := range ps {
			if a.unit == b.unit && a.n == b.n && compatibleQualifier(a.qual, b.qual) {
				ok = true
				break
			}
		}
		if !ok {
			return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %s; the passage says %s", a.text, ps[0].text)}
		}
	}
	return nil
}

// spanAt reads a span of time starting at token i ("sebulan", "setahun",
// "tiga hari", "2 weeks"): its count, its unit, and the token after it;
// a zero count or "" unit when none starts there.
func spanAt(toks []lexicon.Token, i int) (n int, unit string, next int) {
	t := toks[i]
	switch {
	case len(t.Norm) > 4 && strings.HasPrefix(t.Norm, "se") && spanUnits[t.Norm[2:]] != "":
		return 1, spanUnits[t.Norm[2:]], i + 1 // sebulan, setahun
	case i+1 < len(toks) && spanUnits[toks[i+1].Norm] != "":
		if c, ok := spanCounts[t.Norm]; ok {
			n = c
		} else if t.Num {
			if v, err := parseInt(t.Norm); err == nil {
				n = v
			}
		}
		return n, spanUnits[toks[i+1].Norm], i + 2
	}
	return 0, "", i + 1
}
