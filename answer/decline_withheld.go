package answer

import "github.com/kabar-bot/kabar/lexicon"

// withheld reports whether the sentence says that what an open question
// asks was not told: a negated or stopped verb of telling followed by the
// question's own thing ("… menandatangani rencana pertukaran, meskipun
// media negara berhenti mengatakan apa yang ada dalam rencana itu" for
// "what's in the exchange plan?"; "officials did not say how many tanks").
// The sentence is about the asked thing, yet it answers that the coverage
// does not say.
func withheld(c *candidate, lq lexicon.Query) bool {
	if lq.Type != lexicon.AnswerAny || lq.Polar {
		return false
	}
	for i, t := range c.toks {
		if !lexicon.IsNegator(t.Norm) && !(t.Norm == "t" && i > 0 && c.toks[i-1].End+1 >= t.Start) {
			continue
		}
		for k := i + 1; k < len(c.toks) && k <= i+3; k++ {
			if tellingVerb(c.toks[k].Norm) && asksAfter(c, lq, k) {
				return true
			}
		}
	}
	return false
}

// asksAfter reports whether a word of the question other than a name or
// a figure is in the sentence after token k: the untold clause is about
// what the question asks. A question with a focus asks about it: "the
// exchange plan is for which years" is not asked by "did not say what is
// in the plan", which the years before it answer.
func asksAfter(c *candidate, lq lexicon.Query, k int) bool {
	focused := false
	for _, con := range lq.Concepts {
		focused = focused || con.Focus
	}
	for _, con := range lq.Concepts {
		if con.Entity || con.Number || con.Meta || focused && !con.Focus {
			continue
		}
		for j := k + 1; j < len(c.termsAt); j++ {
			if tokenOf(con, c.termsAt[j]) {
				return true
			}
		}
	}
	return false
}

// tellingVerb reports a verb of telling or disclosing, the closed class a
// report uses to say what it was not told.
func tellingVerb(w string) bool {
	switch w {
	case "say", "said", "saying", "says", "tell", "told", "disclose", "disclosed", "disclosing", "reveal", "revealed", "revealing",
		"specify", "specified", "detail", "detailed", "elaborate", "elaborated", "mention", "mentioned", "confirm", "confirmed",
		"mengatakan", "menyebutkan", "menyebut", "mengungkapkan", "mengungkap", "merinci", "menjelaskan", "memerinci",
		"mengonfirmasi", "membeberkan", "diungkapkan", "disebutkan", "dijelaskan", "dirinci":
		return true
	}
	return false
}
