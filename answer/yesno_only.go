package answer

import "github.com/kabar-bot/kabar/lexicon"

// A sentence that restricts ("apticron only downloads the updates",
// "hanya batas lunak yang dapat dilewati") says no to the same
// proposition with another predicate or member: the question's word the
// sentence lacks is what "only" leaves out. Without the restriction a
// missing word is a paraphrase as often as another fact, and proves
// nothing.

// onlyWord reports a word that restricts what follows it.
func onlyWord(w string) bool {
	switch w {
	case "only", "solely", "merely", "hanya", "cuma", "semata", "hanyalah":
		return true
	}
	return false
}

// becomingWord reports a verb of becoming after "only": "it has only
// become the default in Jessie" says when (not until then), not that
// something else holds instead.
func becomingWord(w string) bool {
	switch w {
	case "become", "became", "becomes":
		return true
	}
	return false
}

// restrictsOut reports whether the evidence sentence restricts with
// "only" while one of the question's words (no name, figure or word
// about the coverage) is not in it: the sentence states the proposition
// of something else, and so says no.
func (e *Extractive) restrictsOut(lq lexicon.Query, ev Evidence) bool {
	for _, t := range lexicon.Tokenize(lq.Text) {
		if onlyWord(t.Norm) {
			return false // "does it install only security updates?" asks the restriction itself
		}
	}
	sentence := ev.Doc.Text[ev.Span.Start:ev.Span.End]
	restricted := false
	toks := lexicon.Tokenize(sentence)
	for i, t := range toks {
		restricted = restricted || onlyWord(t.Norm) && !(i+1 < len(toks) && becomingWord(toks[i+1].Norm))
	}
	if !restricted {
		return false
	}
	missing, matched := 0, 0
	for _, c := range lq.Concepts {
		if c.Entity || c.Number || c.Meta || lexicon.IsTagWord(foldWord(c.Surface)) {
			continue
		}
		if conceptMatches(c, sentence, e.lex) {
			matched++
		} else {
			missing++
		}
	}
	return missing > 0 && matched > 0
}
