package cite

import (
	"fmt"

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

// agoUnitsIn are the units of the spans back from now that toks state:
// a count, a unit and "ago" or "(yang) lalu" ("two weeks ago",
// "beberapa hari yang lalu"). Without a count, "tahun lalu" is last year,
// which the time rule reads.
func agoUnitsIn(toks []lexicon.Token) []string {
	var out []string
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
		unit, ok := agoUnits[toks[u].Norm]
		if !ok {
			continue
		}
		q := toks[u-1]
		if _, num := lexicon.NumberWord(q.Norm); q.Num || num || vagueCounts[q.Norm] {
			out = append(out, unit)
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
		return nil
	}
	for _, u := range pu {
		if u == cu[0] {
			return nil
		}
	}
	return &finding{contradicts: c.aboutSame(w.credits, -1), reason: fmt.Sprintf("says %ss ago; the passage says %ss ago", cu[0], pu[0])}
}
