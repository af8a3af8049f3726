package answer

import "github.com/kabar-bot/kabar/lexicon"

// countedConcept returns the index of the thing a how-many or what-share
// question counts, or -1. Indonesian names it first after "berapa" ("berapa
// kapal perang": kapal, whatever the dictionaries say of perang). English
// names it as the analyser's focus, or else as the head of the noun phrase
// after the quantity words, which ends at the verb ("how many ships did
// russia send": ships, which the dictionaries may not list as a noun);
// names and places before it only qualify it ("how many north korean
// soldiers").
func (e *Extractive) countedConcept(lq lexicon.Query) int {
	if lq.Type != lexicon.AnswerNumber && lq.Type != lexicon.AnswerPercent {
		return -1
	}
	focus := -1
	for i, c := range lq.Concepts {
		if c.Focus && c.Salient && !c.Entity && !e.lex.PlaceNamed(c) {
			focus = i
		}
	}
	if lq.Lang == "en" && focus >= 0 {
		return focus
	}
	if phrase, ended := e.countedPhrase(lq); len(phrase) > 0 {
		switch {
		case lq.Lang == "id":
			return phrase[0]
		case ended:
			return phrase[len(phrase)-1]
		default:
			return phrase[0]
		}
	}
	return focus
}

// countedPhrase returns the concepts after a question's quantity words,
// qualifiers left out, up to the verb that ends the phrase or a few words;
// ended reports whether the verb was reached.
func (e *Extractive) countedPhrase(lq lexicon.Query) (phrase []int, ended bool) {
	toks := lexicon.Tokenize(lq.Text)
	from := quantityEnd(toks)
	if from < 0 {
		return nil, false
	}
	spans := make([][2]int, len(lq.Concepts))
	for i, c := range lq.Concepts {
		spans[i] = surfaceSpan(toks, c.Surface)
	}
	for k := from; k < len(toks) && k < from+countedWindow; k++ {
		if phraseEnd(toks[k].Norm) {
			return phrase, true
		}
		for i, c := range lq.Concepts {
			if spans[i][0] == k && e.countable(c, toks[k].Norm) {
				phrase = append(phrase, i)
			}
		}
	}
	return phrase, false
}

// countable reports whether a concept of the counted phrase, starting
// with word w, may be what is counted: not a name or a place qualifying
// it, not a figure ("berapa ribu pekerja"), not a chat particle no
// dictionary lists ("berapa persen sih amunisi"); a thing the analyser
// found ("berapa konsol virtual": konsol) is one.
func (e *Extractive) countable(c lexicon.Concept, w string) bool {
	if c.Entity || c.Number || c.Meta || e.lex.PlaceNamed(c) {
		return false
	}
	if _, ok := lexicon.NumberWord(w); ok || scaleWord(w) {
		return false
	}
	return c.Salient || e.lex.Listed(w) || e.lex.EnglishWord(w) // salient: a loanword the dictionaries lack ("konsol")
}

// scaleWord reports a word of magnitude that a quantity question puts
// before what it counts ("berapa ribu pekerja", "how many thousand
// troops", "berapa banyak").
func scaleWord(w string) bool {
	switch w {
	case "puluh", "ratus", "ribu", "juta", "miliar", "milyar", "banyak", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions":
		return true
	}
	return false
}

// countedWindow is how many words after the quantity words a counted noun
// phrase may take ("how many north korean construction workers").
const countedWindow = 4

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
