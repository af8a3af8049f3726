package cite

import (
	"fmt"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// spanDays is how many days each unit of a span of time is, to compare
// spans told in different units ("two weeks after" is "kurang dari
// sebulan setelah").
var spanDays = map[string]float64{"day": 1, "week": 7, "month": 30, "year": 365}

// orderedSpan is a span of time before an order word: "a year after",
// "kurang dari sebulan setelah".
type orderedSpan struct {
	days float64
	qual int
	text string
}

// orderedSpans reads the spans of time right before an order word, with
// their qualifier when they have one.
func orderedSpans(toks []lexicon.Token) []orderedSpan {
	norms := normsOf(toks)
	var out []orderedSpan
	for i := range toks {
		n, unit, end := spanAt(toks, i)
		if n == 0 || unit == "" || end >= len(toks) || orderWords[toks[end].Norm] == 0 {
			continue
		}
		q, qs := qualifierAt(norms, i)
		text := strings.TrimSpace(qs + " " + tokensTextLex(toks[i:end+1]))
		out = append(out, orderedSpan{days: float64(n) * spanDays[unit], qual: q, text: text})
	}
	return out
}

// fitsSpan reports whether an exact span of days is one the passage's
// (qualified) span allows.
func fitsSpan(days float64, b orderedSpan) bool {
	switch b.qual {
	case qualLessThan:
		return days < b.days
	case qualUpTo:
		return days <= b.days
	case qualMoreThan:
		return days > b.days
	case qualAtLeast:
		return days >= b.days
	case qualAbout, qualNearly:
		return days >= b.days/2 && days <= b.days*1.5
	}
	return days == b.days
}

// ruleSpanValue: "a year after" is not "kurang dari sebulan setelah". A
// plain span before the claim's order word must be one the passage's
// span before its order word allows, in any unit; qualified spans are
// the time-span rule's.
func ruleSpanValue(v *Verifier, c *claim, w *window) *finding {
	ps := orderedSpans(w.lexTokens())
	if len(ps) == 0 {
		return nil
	}
	for _, a := range orderedSpans(c.toks) {
		if a.qual != qualNone {
			continue
		}
		ok := false
		for _, b := range ps {
			ok = ok || fitsSpan(a.days, b)
		}
		if !ok {
			return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %s; the passage says %s", a.text, ps[0].text)}
		}
	}
	return nil
}

// tokensTextLex joins tokens' texts with spaces.
func tokensTextLex(ts []lexicon.Token) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.Text
	}
	return strings.Join(parts, " ")
}
