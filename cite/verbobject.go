package cite

import (
	"fmt"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// ruleVerbObject: "Choe welcomed Putin" is not "Putin menyambut Choe".
// Where the claim has a name right before its verb and another right
// after it, the passage's sentence with those names the other way round
// around the same verb swaps who does it to whom; a passive claim
// ("Choe disambut Putin") is read the other way round. The passage's
// passives and reciprocal verbs ("met") are not read.
func ruleVerbObject(v *Verifier, c *claim, w *window) *finding {
	if c.reciprocal() {
		return nil
	}
	for a, ka := range c.concepts {
		if ka.kind != kindEntity || !w.anyMatch(a) {
			continue
		}
		verb := c.frameVerb(a)
		if verb < 0 || !w.anyMatch(verb) {
			continue
		}
		vs, ve := c.claimSpan(verb)
		// A passive claim ("Choe disambut Putin", "Choe was welcomed by
		// Putin") names the doer after the verb: the passage's active
		// sentence has it first.
		passive := passiveForm(c.toks[vs].Norm)
		if ve < len(c.toks) && agentPreps[c.toks[ve].Norm] {
			passive, ve = true, ve+1
		}
		b := conceptStartingAt(c, ve)
		if b < 0 || c.concepts[b].kind != kindEntity || !w.anyMatch(b) || sameName(ka, c.concepts[b]) {
			continue
		}
		doer, done := a, b
		if passive {
			doer, done = b, a
		}
		swapped := ""
		for _, sp := range w.spans[verb] {
			if passiveForm(w.toks[sp[0]].Norm) {
				continue
			}
			subj, obj := w.subjectBefore(sp[0]), w.objectAfter(sp[1])
			if subj < 0 || obj < 0 {
				continue
			}
			switch {
			case w.matchedBy(doer, subj) && w.matchedBy(done, obj):
				return nil // the claim's order
			case w.matchedBy(done, subj) && !w.matchedBy(doer, subj) && w.matchedBy(doer, obj) && !w.matchedBy(done, obj):
				swapped = w.toks[subj].Text
				w.conflictAt = w.toks[subj].Start
			}
		}
		if swapped != "" && c.aboutSame(w.credits, -1) {
			return &finding{contradicts: true, reason: fmt.Sprintf("who does it is swapped: in the passage %s does it to %s", swapped, c.concepts[doer].Surface)}
		}
	}
	return nil
}

// objectAfter is the first token of the name right after token at (past
// a title: "menyambut Menteri Luar Negeri Choe"), in the same clause; -1
// when none.
func (w *window) objectAfter(at int) int {
	j := at
	for j < len(w.toks) && titleWord(w.toks[j].Norm) && !w.toks[j].breakBefore {
		j++
	}
	if j >= len(w.toks) || w.toks[j].breakBefore || !w.toks[j].Upper || w.toks[j].Num {
		return -1
	}
	return j
}

// passiveForm reports an Indonesian passive verb, di- before a stem
// ("disambut", "dikirim"): the name after it does it.
func passiveForm(norm string) bool {
	if !strings.HasPrefix(norm, "di") || len(norm) < 5 {
		return false
	}
	for _, s := range lexicon.StemID(norm) {
		if s != norm && !strings.HasPrefix(s, "di") {
			return true
		}
	}
	return false
}
