package answer

import "github.com/kabar-bot/kabar/lexicon"

// A negator negates its own clause: "Zelenskyy said US weapons deliveries
// had resumed, after the Pentagon halted some shipments" states the
// resumption; "… then Choe and Lavrov signed the plan, though state
// media stopped short of saying what was in it" states the signing. A
// sentence joined by conjunctions (setelah, karena, meskipun, after,
// because, although …) is cut into clauses there, and the clause that
// holds most of the question's names, then most of its other words,
// carries the proposition: its negation is the sentence's. When two
// clauses hold as many, the whole sentence counts, as before.

// clauseWord reports a conjunction that opens a clause of its own.
func clauseWord(w string) bool {
	switch w {
	case "setelah", "sesudah", "sebelum", "karena", "sebab", "meskipun", "walaupun", "walau", "kendati", "namun",
		"tetapi", "tapi", "padahal", "sehingga", "agar", "supaya",
		"after", "before", "because", "although", "though", "but", "whereas", "unless":
		return true
	}
	return false
}

// negatesProposition reports whether the sentence negates the clause
// holding the question's proposition.
func (e *Extractive) negatesProposition(lq lexicon.Query, text, lang string) bool {
	toks := lexicon.Tokenize(text)
	terms := e.termsOf(text, lang)
	if privativeOfAsked(lq, toks, terms) {
		return true // "mendukung tanpa syarat" for "does the support come with conditions?"
	}
	if !lexicon.HasNegation(toks) {
		return false
	}
	toks = withoutAskedNegators(lq, toks, terms)
	if !lexicon.HasNegation(toks) {
		return false
	}
	var cuts []int
	for i := 1; i < len(toks); i++ {
		if clauseWord(toks[i].Norm) && !(i+1 < len(toks) && (toks[i+1].Norm == "itu" || toks[i+1].Norm == "that")) {
			cuts = append(cuts, i)
		}
	}
	if len(cuts) == 0 {
		return true
	}
	bounds := append(append([]int{0}, cuts...), len(toks))
	best, bestN, tie := -1, -1, false
	for k := 0; k+1 < len(bounds); k++ {
		n := e.conceptsWithin(lq, terms[bounds[k]:bounds[k+1]])
		switch {
		case n > bestN:
			best, bestN, tie = k, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie || bestN <= 0 {
		return true
	}
	return lexicon.HasNegation(toks[bounds[best]:bounds[best+1]])
}

// privativeOfAsked reports a privative in the sentence ("tanpa",
// "without") before a thing the question asks about, when the question
// itself has none: "tanpa syarat" denies the conditions a question asks
// after, and leaves the support it qualifies standing ("did Kim pledge
// support?" is still yes).
func privativeOfAsked(lq lexicon.Query, toks []lexicon.Token, terms [][]string) bool {
	for _, t := range lexicon.Tokenize(lq.Text) {
		if privative(t.Norm) {
			return false // the question says "without" too: the rest of the judgement weighs it
		}
	}
	for i, t := range toks {
		if !privative(t.Norm) {
			continue
		}
		if i+1 >= len(terms) {
			continue
		}
		for _, c := range lq.Concepts {
			if c.Salient && !c.Entity && !c.Meta && !c.Number && !privativeAlt(c) && conceptAt(c, terms[i+1]) {
				return true
			}
		}
	}
	return false
}

func privative(w string) bool { return w == "tanpa" || w == "without" }

// privativeAlt reports a concept that translates with a privative
// ("unconditional": tanpa syarat): the question states the privation.
func privativeAlt(c lexicon.Concept) bool {
	for _, a := range c.Alts {
		if len(a) > 0 && len(a[0]) > 0 && privative(a[0][0]) {
			return true
		}
	}
	return false
}

// withoutAskedNegators blanks the negating words of a sentence that
// write a word of the question: "did the Pentagon pause shipments?" asks
// about the halting that "Pentagon sempat menghentikan pengiriman"
// states, so there it is the predicate, not a negation of it. (The same
// word on both sides agreed before; a synonym did not.) The tokens keep
// their places, so the clauses are cut as before.
func withoutAskedNegators(lq lexicon.Query, toks []lexicon.Token, terms [][]string) []lexicon.Token {
	out := append([]lexicon.Token(nil), toks...)
	for i, t := range toks {
		if !lexicon.IsNegator(t.Norm) || i >= len(terms) {
			continue
		}
		for _, c := range lq.Concepts {
			if !c.Entity && !c.Meta && conceptAt(c, terms[i]) {
				out[i].Norm = ""
				break
			}
		}
	}
	return out
}

// conceptsWithin scores the question's concepts written within termsAt:
// a name outweighs any number of other words (words about the coverage,
// figures and tag words aside).
func (e *Extractive) conceptsWithin(lq lexicon.Query, termsAt [][]string) int {
	n := 0
	for _, c := range lq.Concepts {
		if c.Meta || c.Number || lexicon.IsTagWord(foldWord(c.Surface)) {
			continue
		}
		for _, terms := range termsAt {
			if conceptAt(c, terms) {
				if c.Entity {
					n += nameOutweighs
				} else {
					n++
				}
				break
			}
		}
	}
	return n
}

// nameOutweighs is a name's score in a clause: more than all the other
// words a question has.
const nameOutweighs = 100

// conceptAt reports whether a token's terms hold a word of one of the
// concept's ways of being written.
func conceptAt(c lexicon.Concept, terms []string) bool {
	for _, a := range c.Alts {
		for _, w := range a {
			if anyIn(w, terms) {
				return true
			}
		}
	}
	return false
}
