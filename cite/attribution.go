package cite

import (
	"fmt"
	"strings"
)

// sourceReach is how far after "according to" / "menurut" the source's
// name may start ("menurut perkiraan dari Seoul dan Kyiv").
const sourceReach = 4

// ruleAttribution: "according to Moscow" is not "menurut perkiraan dari
// Seoul dan Kyiv". The claim's named source must be among the names of
// the sentence's own attribution, where it has one; a sentence that
// attributes the claim to other names only contradicts it. The source is
// the first capitalised name or word after "according to" ("the State
// Department": "Department").
func ruleAttribution(v *Verifier, c *claim, w *window) *finding {
	src := -1
	for i := 0; i+1 < len(c.toks); i++ {
		if !attributionAt(c.toks[i].Norm, c.toks[i+1].Norm) {
			continue
		}
		for j := i + 1; j < len(c.toks) && j <= i+1+sourceReach; j++ {
			if m := conceptStartingAt(c, j); m >= 0 && c.toks[j].Upper && (c.concepts[m].kind == kindEntity || c.concepts[m].kind == kindContent) {
				src = m
				break
			}
		}
		break
	}
	if src < 0 || src >= len(w.spans) {
		return nil
	}
	// The source named by the passage's outlet ("According to Reuters"
	// over a Reuters passage) is the outlet's own attribution: full
	// credit without a match in the sentence (the rest of the passage
	// gives only partial credit).
	if src < len(w.credits) && w.credits[src] >= 1 && !w.anyMatch(src) {
		return nil
	}
	// A person the sentence names elsewhere may be its speaker, whose
	// words the attribution relays ("kata … Maria Zakharova, menurut
	// Tass"); a country is named in many roles, so only the attribution
	// counts for it.
	if k := c.concepts[src]; w.anyMatch(src) && !v.countryConcept(k) && !v.lex.IsSeatOfPower(strings.ToLower(k.Surface)) {
		return nil
	}
	for j := 0; j+1 < len(w.toks); j++ {
		if !attributionAt(w.toks[j].Norm, w.toks[j+1].Norm) {
			continue
		}
		other := ""
		for x := j + 1; x < len(w.toks) && x <= j+1+sourceReach+2; x++ {
			if x > j+1 && w.toks[x].breakBefore {
				break
			}
			if w.matchedBy(src, x) {
				return nil // the claim's source is the sentence's
			}
			if other == "" && nameToken(v, w.toks, x) && !w.matched(x) {
				other = w.toks[x].Text
				w.conflictAt = w.toks[x].Start
			}
		}
		if other != "" && c.aboutSame(w.credits, src) {
			return &finding{contradicts: true, reason: fmt.Sprintf("the passage gives it as %s's, not %s's", other, c.concepts[src].Surface)}
		}
	}
	return nil
}

// attributionAt reports an attribution opening at a word and the next:
// "according to", "menurut".
func attributionAt(w, next string) bool {
	return w == "menurut" || w == "according" && next == "to"
}
