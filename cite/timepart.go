package cite

import (
	"fmt"

	"github.com/kabar-bot/kabar/lexicon"
)

// Parts of a period: "early this month" is not "late this month", "awal
// bulan ini" not "akhir bulan ini". -1 the start, 0 the middle, 1 the end.
var periodParts = map[string]int{
	"early": -1, "beginning": -1, "start": -1, "awal": -1, "permulaan": -1,
	"mid": 0, "middle": 0, "pertengahan": 0, "tengah": 0,
	"late": 1, "end": 1, "akhir": 1, "penghujung": 1,
}

// periodPartAt reads the part of a period told at token i: a part word
// with a time unit or month within two tokens after it ("early this
// month", "the end of last year", "awal bulan ini", "akhir Juni"). ok is
// false when the word does not part a period.
func periodPartAt(toks []lexicon.Token, i int) (part int, ok bool) {
	part, ok = periodParts[toks[i].Norm]
	if !ok {
		return 0, false
	}
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		n := toks[j].Norm
		if n == "pekan" && toks[i].Norm == "akhir" && j == i+1 {
			return 0, false // "akhir pekan" is the weekend
		}
		if _, unit := timeUnits[n]; unit || lexicon.IsMonthName(n) && toks[j].Upper {
			return part, true
		}
	}
	return 0, false
}

// ruleTimePart: the claim's part of a period ("late this month") against
// the sentence's part of one ("awal bulan ini"): another part is another
// time.
func ruleTimePart(v *Verifier, c *claim, w *window) *finding {
	ptoks := w.lexTokens()
	for i := range c.toks {
		cp, ok := periodPartAt(c.toks, i)
		if !ok {
			continue
		}
		other := ""
		for j := range ptoks {
			pp, ok := periodPartAt(ptoks, j)
			if !ok {
				continue
			}
			if pp == cp {
				return nil
			}
			other = ptoks[j].Text
		}
		if other != "" {
			inPart := func(k int) bool {
				s, _ := c.claimSpan(k)
				return s == i
			}
			return &finding{contradicts: c.aboutSameExcept(w.credits, inPart), reason: fmt.Sprintf("says %s; the passage says %s", c.toks[i].Text, other)}
		}
	}
	return nil
}
