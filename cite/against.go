package cite

import (
	"fmt"

	"github.com/kabar-bot/kabar/lexicon"
)

// againstWords set one side against another ("Russia's war against
// Ukraine", "perang Rusia melawan Ukraina").
var againstWords = map[string]bool{"against": true, "versus": true, "melawan": true, "terhadap": true, "vs": true}

// againstReach is how far before "against" its first side may stand
// ("Russia's war against": two tokens).
const againstReach = 3

// ruleAgainst: "Ukraine's war against Russia" is not "perang Rusia
// melawan Ukraina". The names either side of the claim's "against"
// must not stand the other way round around the sentence's.
func ruleAgainst(v *Verifier, c *claim, w *window) *finding {
	for i, t := range c.toks {
		if !againstWords[t.Norm] {
			continue
		}
		a := lastNameBefore(c, i, againstReach)
		b := conceptStartingAt(c, i+1)
		if a < 0 || b < 0 || c.concepts[a].kind != kindEntity || c.concepts[b].kind != kindEntity || sameName(c.concepts[a], c.concepts[b]) {
			continue
		}
		ptoks := w.lexTokens()
		swapped := ""
		for j, pt := range ptoks {
			if !againstWords[pt.Norm] || j+1 >= len(ptoks) {
				continue
			}
			before, after := -1, j+1
			for x := j - 1; x >= 0 && x >= j-againstReach; x-- {
				if w.toks[x+1].breakBefore {
					break
				}
				if upperName(ptoks[x]) {
					before = x
					break
				}
			}
			if before < 0 {
				continue
			}
			switch {
			case w.matchedBy(a, before) && w.matchedBy(b, after):
				return nil
			case w.matchedBy(b, before) && !w.matchedBy(a, before) && w.matchedBy(a, after) && !w.matchedBy(b, after):
				swapped = ptoks[before].Text + " " + pt.Text + " " + ptoks[after].Text
				w.conflictAt = ptoks[before].Start
			}
		}
		if swapped != "" && c.aboutSame(w.credits, -1) {
			return &finding{contradicts: true, reason: fmt.Sprintf("the sides are swapped: the passage says %s", swapped)}
		}
	}
	return nil
}

// lastNameBefore is the claim's name ending nearest before token i,
// within reach tokens ("Ukraine's war against"); -1 when none.
func lastNameBefore(c *claim, i, reach int) int {
	best, bestEnd := -1, -1
	for m, k := range c.concepts {
		if k.kind != kindEntity {
			continue
		}
		if _, e := c.claimSpan(m); e <= i && e >= i-reach && e > bestEnd {
			best, bestEnd = m, e
		}
	}
	return best
}

// upperName reports a capitalised word that is no number.
func upperName(t lexicon.Token) bool { return t.Upper && !t.Num }
