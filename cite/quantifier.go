package cite

import (
	"fmt"

	"github.com/kabar-bot/kabar/lexicon"
)

// ruleQuantifier: "all" and "some" of the same thing are opposite
// claims. A claim that North Korea backs "sebagian langkah" (some of the
// steps) Russia takes is contradicted by a passage where it backs
// "semua langkah" (all of them), and the other way round. Only a
// quantifier the passage states is weighed: a passage that says neither
// leaves the claim to the other rules.
func ruleQuantifier(v *Verifier, c *claim, w *window) *finding {
	ptoks := w.lexTokens()
	for m := range c.concepts {
		if m >= len(w.spans) || len(w.spans[m]) == 0 {
			continue
		}
		s, _ := c.claimSpan(m)
		cq, cword := quantifierBefore(c.toks, s)
		if cq == quantNone {
			continue
		}
		for _, sp := range w.spans[m] {
			pq, pword := quantifierBefore(ptoks, sp[0])
			if pq != quantNone && pq != cq {
				return &finding{contradicts: true, reason: fmt.Sprintf("says %s %s; the passage says %s", cword, c.concepts[m].Surface, pword)}
			}
		}
	}
	return nil
}

type quantity int

const (
	quantNone quantity = iota
	quantAll
	quantSome
)

// quantifierReach is how many words before a noun its quantifier may
// stand ("semua langkah", "all of the steps", "sebagian kecil wilayah").
const quantifierReach = 3

// quantifierBefore returns the quantifier within reach before token i,
// and its word.
func quantifierBefore(toks []lexicon.Token, i int) (quantity, string) {
	for k := i - 1; k >= 0 && k >= i-quantifierReach; k-- {
		switch toks[k].Norm {
		case "semua", "seluruh", "segala", "setiap", "all", "every", "entire", "whole":
			return quantAll, toks[k].Text
		case "sebagian", "beberapa", "some", "part", "partial", "partly", "several":
			return quantSome, toks[k].Text
		}
	}
	return quantNone, ""
}
