package answer

import "github.com/kabar-bot/kabar/lexicon"

// countedConcept returns the index of the thing a how-many or what-share
// question counts, or -1: its focus when the analyser found one, else the
// noun phrase right after the quantity words ("how many ships did russia
// send": ships, which the dictionaries may not list as a noun), past the
// names and places that qualify it ("how many north korean soldiers").
// The phrase ends at the verb ("did", "yang"): "how many did they send"
// counts nothing the question names.
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
	from := quantityEnd(toks)
	if from < 0 {
		return -1
	}
	spans := make([][2]int, len(lq.Concepts))
	for i, c := range lq.Concepts {
		spans[i] = surfaceSpan(toks, c.Surface)
	}
	for k := from; k < len(toks) && !phraseEnd(toks[k].Norm); k++ {
		for i, c := range lq.Concepts {
			if spans[i][0] != k {
				continue
			}
			if c.Entity || c.Number || c.Meta || e.lex.PlaceNamed(c) {
				break // a qualifier: the counted noun follows
			}
			return i
		}
	}
	return -1
}

// quantityEnd returns the token after a question's quantity words ("how
// many", "how much", "berapa"), or -1.
func quantityEnd(toks []lexicon.Token) int {
	for i, t := range toks {
		switch {
		case t.Norm == "how" && i+1 < len(toks) && (toks[i+1].Norm == "many" || toks[i+1].Norm == "much"):
			return i + 2
		case t.Norm == "berapa" || t.Norm == "brp":
			return i + 1
		}
	}
	return -1
}

// phraseEnd reports whether a word ends the noun phrase after the
// quantity words: an auxiliary or a relative word.
func phraseEnd(w string) bool {
	switch w {
	case "did", "do", "does", "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could",
		"yang", "yg":
		return true
	}
	return false
}
