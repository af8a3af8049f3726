package cite

import (
	"fmt"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// ruleOwner: whose a thing is, for people. A claim naming a person as
// the owner of a thing ("frustrasi Putin", "Putin's frustration") is
// contradicted by a sentence that gives the same thing to another person
// ("frustrasi Presiden AS Donald Trump") and never names the claim's:
// another owner, not a missing word. (ruleAttribute does this for
// countries, which a sentence may name elsewhere in another role.)
func ruleOwner(v *Verifier, c *claim, w *window) *finding {
	indonesian := v.lex.DetectLang(c.text) == "id"
	for i, k := range c.concepts {
		if k.kind != kindEntity || w.anyMatch(i) || v.countryConcept(k) || c.placeSlot(i) {
			continue
		}
		s, e := c.claimSpan(i)
		if s < 0 {
			continue
		}
		for m, km := range c.concepts {
			ms, me := c.claimSpan(m)
			if km.kind != kindContent || ms < 0 || !w.anyMatch(m) {
				continue
			}
			// Indonesian puts the owner after the thing ("frustrasi
			// Putin"); English before it, with 's ("Putin's frustration").
			owned := indonesian && me == s && !c.breaks[s] ||
				!indonesian && e+1 == ms && e < len(c.toks) && c.toks[e].Norm == "s"
			if !owned {
				continue
			}
			for _, sp := range w.spans[m] {
				j, name := otherOwnerAfter(v, w, sp[1])
				if name == "" {
					continue
				}
				skip := func(x int) bool { return x == i }
				if !c.aboutSameExcept(w.credits, skip) {
					continue
				}
				w.conflictAt = w.toks[j].Start
				return &finding{contradicts: true, reason: fmt.Sprintf("the passage says %s of %s, not of %s", strings.TrimSpace(km.Surface), name, k.Surface)}
			}
		}
	}
	return nil
}

// otherOwnerAfter finds the person a passage gives a thing to, right
// after it at token j: a capitalised name no concept of the claim
// matched, past titles and the country of a title ("Presiden AS Donald
// Trump"); not a place.
func otherOwnerAfter(v *Verifier, w *window, j int) (int, string) {
	for k := j; k < len(w.toks) && k < j+4; k++ {
		t := w.toks[k]
		if k > j && t.breakBefore || t.Num {
			return -1, ""
		}
		low := strings.ToLower(t.Text)
		if titleWords[t.Norm] || titleHeads[t.Norm] {
			continue
		}
		if !t.Upper || w.matched(k) || lexicon.IsCalendarWord(t.Norm) {
			return -1, ""
		}
		if v.lex.IsPlaceName(t.Norm) || v.lex.IsPlaceName(low) || v.lex.IsSeatOfPower(t.Norm) {
			if k > j && (titleWords[w.toks[k-1].Norm] || titleHeads[w.toks[k-1].Norm]) {
				continue // the country of a title: "Presiden AS"
			}
			return -1, ""
		}
		end := k + 1
		for end < len(w.toks) && w.toks[end].Upper && !w.toks[end].breakBefore && !w.matched(end) {
			end++
		}
		return k, tokensText(w.toks[k:end])
	}
	return -1, ""
}
