package cite

import (
	"fmt"
	"strings"
)

// rulePassiveAgent: the passage's passive names another of the claim's
// names as the one doing what the claim's subject does. "Trump denied a
// Kremlin claim" against "Trump mengklaim … – sebuah pernyataan yang
// dibantah oleh Kremlin": the verb right after the claim's subject
// ("denied") is, in the passage, the passive right before "oleh Kremlin",
// so the Kremlin denied it, not Trump. Only the verb that follows the
// subject in the claim counts, so "Trump claimed …, which the Kremlin
// denied" is the passage's own order.
func rulePassiveAgent(v *Verifier, c *claim, w *window) *finding {
	for i, k := range c.concepts {
		if k.kind != kindEntity || i >= len(c.roles) || c.roles[i] != roleSubject || !w.anyMatch(i) {
			continue
		}
		verb := c.verbAfter(i)
		if verb < 0 || !w.anyMatch(verb) {
			continue
		}
		for j := 1; j+1 < len(w.toks); j++ {
			if !agentPreps[w.toks[j].Norm] || !w.matchEndsNear(verb, j) {
				continue
			}
			for m, k2 := range c.concepts {
				if m == i || k2.kind != kindEntity || m >= len(c.roles) || c.roles[m] == roleSubject || sameName(k, k2) || !w.matchStartsAt(m, j+1) || w.matchStartsAt(i, j+1) || c.agentOf(verb, m) {
					continue
				}
				if !c.aboutSame(w.credits, -1) {
					return nil
				}
				w.conflictAt = w.toks[j+1].Start
				return &finding{contradicts: true, reason: fmt.Sprintf("the passage says %s did it, not %s", tokensText(w.toks[j+1:j+2]), k.Surface)}
			}
		}
	}
	return nil
}

// verbAfter is the word concept right after claim name i (within two
// tokens), the verb it does in the claim — a content word, or a verb a
// meaning rule reads ("denied") —; -1 when there is none.
func (c *claim) verbAfter(i int) int {
	_, e := c.claimSpan(i)
	if e < 0 {
		return -1
	}
	for m, k := range c.concepts {
		if k.kind != kindContent && (k.kind != kindMeta || reportingWords[strings.ToLower(k.Surface)]) {
			continue
		}
		if s, _ := c.claimSpan(m); s >= e && s <= e+1 {
			return m
		}
	}
	return -1
}

// matchEndsNear reports a match of concept m ending right before token j
// (at most one token between: "dibantah oleh", "denied, by").
func (w *window) matchEndsNear(m, j int) bool {
	for _, sp := range w.spans[m] {
		if sp[1] == j || sp[1] == j-1 {
			return true
		}
	}
	return false
}

// matchStartsAt reports a match of concept m starting at token j.
func (w *window) matchStartsAt(m, j int) bool {
	for _, sp := range w.spans[m] {
		if sp[0] == j {
			return true
		}
	}
	return false
}

// agentOf reports whether claim name m is, in the claim too, the agent
// of the passive verb concept verb: right after it, or after its "by"
// ("Lavrov diterima Kim", "was received by Kim").
func (c *claim) agentOf(verb, m int) bool {
	_, ve := c.claimSpan(verb)
	ms, _ := c.claimSpan(m)
	if ve < 0 || ms < 0 {
		return false
	}
	return ms == ve || ms == ve+1 && agentPreps[c.toks[ve].Norm]
}

// subjectVerbNegated reports whether the window holds the claim's
// subject and, under a negator of its own, the verb right after the
// subject in the claim.
func (c *claim) subjectVerbNegated(w *window) bool {
	lt := w.lexTokens()
	for i, k := range c.concepts {
		if k.kind != kindEntity || i >= len(c.roles) || c.roles[i] != roleSubject || !w.anyMatch(i) {
			continue
		}
		verb := c.verbAfter(i)
		if verb < 0 {
			continue
		}
		for _, sp := range w.spans[verb] {
			for j := sp[0] - 1; j >= 0 && j >= sp[0]-negationScope; j-- {
				if w.toks[j+1].breakBefore {
					break
				}
				if negatorAt(lt, j) && !w.matchedByContent(c, j) {
					return true
				}
			}
		}
	}
	return false
}
