package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// An open question "what is the default priority of …?" is answered by a
// sentence that says "… default APT priority is 1": the value after the
// copula that follows the asked thing. The lead states it before the
// quote, so the reader gets the value in one word and the passage as
// evidence.

// maxCopulaValue bounds the value after the copula, in tokens: a longer
// tail is a clause to quote, not a value to state.
const maxCopulaValue = 4

// copulaValue returns the short value a sentence gives the question's
// focus after a copula ("priority is 1", "port default adalah 2049"), or
// "" when it gives none.
func (e *Extractive) copulaValue(lq lexicon.Query, ev Evidence) string {
	if lq.Type != lexicon.AnswerAny || lq.AsksWords || lq.AsksReason || lq.Polar {
		return ""
	}
	focus := -1
	for i, c := range lq.Concepts {
		if c.Focus && !c.Entity {
			focus = i
		}
	}
	if focus < 0 {
		return ""
	}
	text := ev.Doc.Text[ev.Span.Start:ev.Span.End]
	toks := lexicon.Tokenize(text)
	for i, t := range toks {
		if !tokenOf(lq.Concepts[focus], e.lex.WordTerms(t, ev.Doc.Lang)) {
			continue
		}
		// The copula right after the thing, or after the rest of
		// its phrase ("default APT priority is").
		for j := i + 1; j <= i+3 && j < len(toks); j++ {
			if !copula(toks[j].Norm) {
				continue
			}
			from, to := j+1, j+1
			for to < len(toks) && to-from < maxCopulaValue && !strings.ContainsAny(text[toks[to-1].End:toks[to].Start], ",;:()") {
				to++
			}
			if from >= len(toks) || to-from > maxCopulaValue || to < len(toks) && !strings.ContainsAny(text[toks[to-1].End:toks[to].Start], ",.;:()") {
				return "" // runs on: a clause, not a value
			}
			return strings.TrimSpace(text[toks[from].Start:toks[to-1].End])
		}
	}
	return ""
}

// copula reports a linking verb in either language.
func copula(w string) bool {
	switch w {
	case "is", "are", "was", "were", "adalah", "ialah", "yaitu", "yakni", "merupakan":
		return true
	}
	return false
}
