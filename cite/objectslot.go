package cite

import (
	"fmt"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// ruleObjectConflict: the claim's verb takes one country or government
// ("accuse Pyongyang of …") and the sentence's same verb takes another
// ("menuduh Kremlin menukar …"): the passage says it of someone else, a
// contradiction rather than a miss. Only a name of the same kind (a place
// or seat of power for a place) right after the verb counts.
func ruleObjectConflict(v *Verifier, c *claim, w *window) *finding {
	for i, k := range c.concepts {
		if k.kind != kindEntity || w.anyMatch(i) || !v.countryConcept(k) {
			continue
		}
		s, _ := c.claimSpan(i)
		verb := c.conceptEndingAt(s)
		if verb < 0 || !w.anyMatch(verb) || !c.aboutSame(w.credits, i) {
			continue
		}
		for _, sp := range w.spans[verb] {
			j := sp[1]
			if j >= len(w.toks) || !w.toks[j].Upper || w.toks[j].Num || w.toks[j].breakBefore || lexicon.IsCalendarWord(w.toks[j].Norm) {
				continue
			}
			if n := w.toks[j].Norm; !v.lex.IsPlaceName(n) && !v.lex.IsSeatOfPower(n) || v.sameCountry(k.Surface, w.toks[j].Text) {
				continue // "Kremlin" for "Moscow" is the same government
			}
			w.conflictAt = w.toks[j].Start
			return &finding{contradicts: true, reason: fmt.Sprintf("the passage says it of %s, not %s", w.toks[j].Text, k.Surface)}
		}
	}
	return nil
}

// conceptEndingAt is the word concept of the claim whose span ends at
// token s (the verb right before a name), or -1.
func (c *claim) conceptEndingAt(s int) int {
	if s <= 0 {
		return -1
	}
	for m, k := range c.concepts {
		if k.kind != kindContent && (k.kind != kindMeta || reportingWords[strings.ToLower(k.Surface)]) {
			continue
		}
		if _, e := c.claimSpan(m); e == s {
			return m
		}
	}
	return -1
}

// sameCountry reports whether two place names share a written form in
// the lexicon: a country and its capital or seat of power.
func (v *Verifier) sameCountry(a, b string) bool {
	ca, okA := v.lex.NameConcept(a)
	cb, okB := v.lex.NameConcept(b)
	if !okA || !okB {
		return false
	}
	forms := map[string]bool{}
	for _, x := range ca.Alts {
		forms[altKey(x)] = true
	}
	for _, x := range cb.Alts {
		if forms[altKey(x)] {
			return true
		}
	}
	return false
}
