package cite

import "fmt"

// frameReach is how far past its verb a sentence's destination may
// stand ("mengerahkan lebih dari 10.000 tentara dan senjata ke Rusia").
const frameReach = 9

// auxiliaries stand between a subject and its verb ("Pyongyang telah
// mengirim", "Russia has sent").
var auxiliaries = map[string]bool{
	"telah": true, "sudah": true, "akan": true, "sedang": true, "pernah": true, "juga": true, "masih": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "also": true, "is": true, "was": true,
}

// ruleVerbFrame: who sends what to whom, read at the claim's verb. The
// claim's subject and destination ("Russia deployed troops to North
// Korea") against the names the passage puts right before that verb and
// after its "ke" ("Pyongyang mengerahkan … tentara … ke Rusia"): the two
// names traded is the direction reversed. Other mentions of the names in
// the sentence ("hubungan antara Rusia dan Korea Utara") do not count,
// only the verb's own frame.
func ruleVerbFrame(v *Verifier, c *claim, w *window) *finding {
	for i, k := range c.concepts {
		if k.kind != kindEntity || i >= len(c.roles) || c.roles[i] != roleSubject || !w.anyMatch(i) {
			continue
		}
		verb := c.frameVerb(i)
		if verb < 0 || !w.anyMatch(verb) {
			continue
		}
		for g, kg := range c.concepts {
			if g == i || kg.kind != kindEntity || g >= len(c.roles) || c.roles[g] != roleGoal || !w.anyMatch(g) || sameName(k, kg) {
				continue
			}
			reversed := ""
			for _, vs := range w.spans[verb] {
				subj := w.subjectBefore(vs[0])
				goal := w.goalAfter(vs[1])
				if subj < 0 || goal < 0 {
					continue
				}
				switch {
				case w.matchedBy(i, subj) && w.matchedBy(g, goal):
					return nil // the claim's frame
				case w.matchedBy(g, subj) && !w.matchedBy(i, subj) && w.matchedBy(i, goal) && !w.matchedBy(g, goal):
					end := goal + 1
					for end < len(w.toks) && w.toks[end].Upper && !w.toks[end].breakBefore {
						end++
					}
					reversed = fmt.Sprintf("%s does it, to %s", w.toks[subj].Text, tokensText(w.toks[goal:end]))
					w.conflictAt = w.toks[subj].Start
				}
			}
			if reversed != "" && c.aboutSame(w.credits, -1) {
				return &finding{contradicts: true, reason: fmt.Sprintf("the direction is reversed: in the passage %s", reversed)}
			}
		}
	}
	return nil
}

// frameVerb is the content concept right after claim name i, past
// auxiliaries ("Hongaria telah mengirim"); -1 when there is none.
func (c *claim) frameVerb(i int) int {
	_, e := c.claimSpan(i)
	if e < 0 {
		return -1
	}
	for e < len(c.toks) && auxiliaries[c.toks[e].Norm] {
		e++
	}
	for m, k := range c.concepts {
		if s, _ := c.claimSpan(m); s == e && k.kind == kindContent {
			return m
		}
	}
	return -1
}

// subjectBefore is the last token of the name right before token at,
// past auxiliaries, in the same clause; -1 when none.
func (w *window) subjectBefore(at int) int {
	j := at - 1
	for j >= 0 && auxiliaries[w.toks[j].Norm] && !w.toks[j+1].breakBefore {
		j--
	}
	if j < 0 || w.toks[j+1].breakBefore && j+1 < at || !w.toks[j].Upper || w.toks[j].Num {
		return -1
	}
	if j+1 == at && w.toks[at].breakBefore {
		return -1
	}
	return j
}

// goalAfter is the first token of the name after the first goal
// preposition ("ke", "to") within frameReach tokens after token from,
// in the same clause; -1 when none.
func (w *window) goalAfter(from int) int {
	for j := from; j < len(w.toks) && j < from+frameReach; j++ {
		if j > from && w.toks[j].breakBefore {
			return -1
		}
		if goalPreps[w.toks[j].Norm] {
			if j+1 < len(w.toks) && w.toks[j+1].Upper && !w.toks[j+1].breakBefore {
				return j + 1
			}
			return -1
		}
	}
	return -1
}
