package cite

import "fmt"

// agentReach is how many tokens an agent phrase ("oleh X", "by X") may
// stand from the word it attaches to ("parade militer yang dihost oleh"),
// and how far after the preposition its name may start (past a title:
// "oleh Presiden China Xi Jinping").
const agentReach = 4

// ruleByAgent: "the parade hosted by Kim" is not "the parade hosted by
// Xi". The claim's agent phrase, "by" or "oleh" before one of its names,
// attaches to the words just before it; where the passage's sentence has
// an agent phrase after those same words, it must name the claim's
// agent, or it names another one.
func ruleByAgent(v *Verifier, c *claim, w *window) *finding {
	for a := 1; a+1 < len(c.toks); a++ {
		if !agentPreps[c.toks[a].Norm] {
			continue
		}
		m := conceptStartingAt(c, a+1)
		if m < 0 || c.concepts[m].kind != kindEntity || m >= len(w.spans) {
			continue
		}
		heads := c.headsBefore(a)
		for j := 1; j+1 < len(w.toks); j++ {
			if !agentPreps[w.toks[j].Norm] || !w.anyMatchEndsIn(heads, j-agentReach, j) {
				continue
			}
			end := min(j+1+agentReach, len(w.toks))
			named := false
			for x := j + 1; x < end && (x == j+1 || !w.toks[x].breakBefore); x++ {
				named = named || w.matchedBy(m, x)
			}
			// The agent is a name, after any title ("Presiden China"):
			// not a noun ("oleh angkatan bersenjata Anda"), a pronoun or
			// a name of the claim.
			other := j + 1
			for other < end && (titleWord(w.toks[other].Norm) || w.toks[other].Upper && v.lex.IsPlaceName(w.toks[other].Norm)) {
				other++
			}
			if named || other >= end || !nameToken(v, w.toks, other) || pronounAt(v, w.toks[other].Norm) || w.matched(other) || !c.aboutSame(w.credits, m) {
				continue
			}
			last := other + 1
			for last < len(w.toks) && w.toks[last].Upper && !w.toks[last].breakBefore {
				last++
			}
			w.conflictAt = w.toks[other].Start
			return &finding{contradicts: true, reason: fmt.Sprintf("the passage says it was by %s, not %s", tokensText(w.toks[other:last]), c.concepts[m].Surface)}
		}
	}
	return nil
}

// conceptStartingAt is the claim's concept whose span starts at token
// t, or -1.
func conceptStartingAt(c *claim, t int) int {
	for m := range c.concepts {
		if s, _ := c.claimSpan(m); s == t {
			return m
		}
	}
	return -1
}

// headsBefore are the claim's content concepts ending within agentReach
// tokens before token a: the words an agent phrase at a attaches to.
func (c *claim) headsBefore(a int) []int {
	var out []int
	for m, k := range c.concepts {
		if k.kind != kindContent {
			continue
		}
		if _, e := c.claimSpan(m); e > 0 && e <= a && e >= a-agentReach {
			out = append(out, m)
		}
	}
	return out
}

// anyMatchEndsIn reports a match of one of concepts ms ending in the
// window's tokens (from, to].
func (w *window) anyMatchEndsIn(ms []int, from, to int) bool {
	for _, m := range ms {
		if m >= len(w.spans) {
			continue
		}
		for _, sp := range w.spans[m] {
			if sp[1] > from && sp[1] <= to {
				return true
			}
		}
	}
	return false
}

// matchedBy reports whether token x of the window is inside a match of
// concept m.
func (w *window) matchedBy(m, x int) bool {
	for _, sp := range w.spans[m] {
		if sp[0] <= x && x < sp[1] {
			return true
		}
	}
	return false
}

// pronounAt reports a pronoun, which an agent phrase may name in place
// of the claim's agent ("dialami oleh angkatan bersenjata Anda"): the
// lexicon's personal pronouns, the subject pronouns, and "Anda", "you".
func pronounAt(v *Verifier, norm string) bool {
	return v.lex.PersonalPronoun(norm, "") || subjectPronouns[norm] || norm == "anda" || norm == "kamu" || norm == "you"
}
