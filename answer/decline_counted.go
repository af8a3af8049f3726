package answer

import "github.com/kabar-bot/kabar/lexicon"

// countedConcept returns the index of the thing a how-many or what-share
// question counts, or -1: its focus when the analyser found one, else the
// first concept after the quantity words ("how many ships did russia
// send": ships, which the dictionaries may not list as a noun), past the
// names and places that qualify it ("how many north korean soldiers").
func (e *Extractive) countedConcept(lq lexicon.Query) int {
	if lq.Type != lexicon.AnswerNumber && lq.Type != lexicon.AnswerPercent {
		return -1
	}
	for i, c := range lq.Concepts {
		if c.Focus && c.Salient && !c.Entity && !e.lex.PlaceNamed(c) {
			return i
		}
	}
	toks := lexicon.Tokenize(lq.Text)
	from := -1
	for i := 0; i+1 < len(toks) && from < 0; i++ {
		switch {
		case toks[i].Norm == "how" && (toks[i+1].Norm == "many" || toks[i+1].Norm == "much"):
			from = i + 2
		case toks[i].Norm == "berapa" || toks[i].Norm == "brp":
			from = i + 1
		}
	}
	if from < 0 {
		return -1
	}
	best, at := -1, len(toks)
	for i, c := range lq.Concepts {
		if c.Entity || c.Number || c.Meta || e.lex.PlaceNamed(c) {
			continue
		}
		if s := surfaceSpan(toks[from:], c.Surface); s[0] >= 0 && s[0] < at {
			best, at = i, s[0]
		}
	}
	return best
}
