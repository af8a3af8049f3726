package cite

import (
	"fmt"
	"strings"
)

// ruleAidRecipient: who the help goes to. The claim's aid noun goes to
// one name ("technological support for Russia's programmes") and the
// passage's to another of the claim's names ("dukungan teknologi untuk
// Korea Utara"): the direction is reversed.
func ruleAidRecipient(v *Verifier, c *claim, w *window) *finding {
	for m, k := range c.concepts {
		if k.kind != kindContent || !aidNouns[strings.ToLower(k.Surface)] || !w.anyMatch(m) {
			continue
		}
		x := c.recipientAfter(m)
		if x < 0 {
			continue
		}
		for _, sp := range w.spans[m] {
			j := recipientTokenAfter(w.toks, sp[1])
			if j < 0 || w.anyMatchAt(x, j) {
				continue
			}
			for y, ky := range c.concepts {
				if y == x || ky.kind != kindEntity || sameName(ky, c.concepts[x]) || !w.anyMatchAt(y, j) {
					continue
				}
				if !c.aboutSame(w.credits, -1) {
					return nil
				}
				w.conflictAt = w.toks[j].Start
				return &finding{contradicts: true, reason: fmt.Sprintf("the direction is reversed: in the passage the %s goes to %s, not %s", k.Surface, tokensText(nameRun(w.toks, j)), c.concepts[x].Surface)}
			}
		}
	}
	return nil
}

// recipientPreps introduce who aid goes to.
var recipientPreps = map[string]bool{"for": true, "to": true, "untuk": true, "kepada": true, "bagi": true, "terhadap": true}

// recipientAfter is the claim name the aid noun m goes to ("support for
// Russia's …", one describing word allowed before the preposition), or -1.
func (c *claim) recipientAfter(m int) int {
	_, e := c.claimSpan(m)
	if e < 0 {
		return -1
	}
	for p := e; p < len(c.toks) && p <= e+1; p++ {
		if !recipientPreps[c.toks[p].Norm] {
			continue
		}
		for x, k := range c.concepts {
			if s, _ := c.claimSpan(x); k.kind == kindEntity && s == p+1 {
				return x
			}
		}
	}
	return -1
}

// recipientTokenAfter is the token of the name after an aid noun ending
// at token e and its preposition (one describing word allowed between:
// "dukungan teknologi untuk Korea Utara"), or -1.
func recipientTokenAfter(toks []token, e int) int {
	for p := e; p < len(toks) && p <= e+1; p++ {
		if recipientPreps[toks[p].Norm] && p+1 < len(toks) && toks[p+1].Upper {
			return p + 1
		}
	}
	return -1
}
