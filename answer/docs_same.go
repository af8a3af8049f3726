package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A polar question that asks about a change ("does the file get
// bigger?", "apakah ukurannya bertambah?") is answered no by a sentence
// saying the thing stays the same ("it has exactly the same content and
// size", "ukurannya tetap sama"): sameness excludes the change, although
// no negation is written.

// changeWord reports a word that asks whether something changes: a
// comparative of size, amount, speed or time, or a verb of change.
func changeWord(w string) bool {
	switch w {
	case "bigger", "larger", "smaller", "longer", "shorter", "faster", "slower", "heavier", "lighter",
		"higher", "lower", "grow", "grows", "increase", "increases", "decrease", "decreases", "shrink", "shrinks",
		"change", "changes", "differ", "differs", "different",
		"bertambah", "berkurang", "membesar", "mengecil", "berubah", "berbeda", "beda":
		return true
	}
	return false
}

// statesSameness reports whether the text says something stays as it
// was: "the same" (or "yang sama", "tetap sama"), "identical",
// "unchanged", "tidak berubah".
func statesSameness(toks []lexicon.Token) bool {
	for i, t := range toks {
		switch t.Norm {
		case "identical", "unchanged", "identik":
			return true
		case "same":
			if i > 0 && toks[i-1].Norm == "the" && (i < 2 || !lexicon.HasNegation(toks[i-2:i-1])) {
				return true // "not the same" says the opposite
			}
		case "sama":
			if i > 0 && (toks[i-1].Norm == "yang" || toks[i-1].Norm == "tetap" || toks[i-1].Norm == "persis") {
				return true
			}
		case "berubah":
			if i > 0 && (toks[i-1].Norm == "tidak" || toks[i-1].Norm == "tak") {
				return true
			}
		}
	}
	return false
}

// sameWhereChangeAsked reports whether the question asks about a change
// and the evidence sentence states sameness instead: the answer is no.
// A question that itself asks about sameness ("is it the same size?")
// is left to the other rules.
func sameWhereChangeAsked(lq lexicon.Query, ev Evidence) bool {
	qt := lexicon.Tokenize(lq.Text)
	if statesSameness(qt) {
		return false
	}
	asksChange := false
	for _, t := range qt {
		asksChange = asksChange || changeWord(t.Norm)
	}
	if !asksChange {
		return false
	}
	return statesSameness(lexicon.Tokenize(strings.ToLower(ev.Doc.Text[ev.Span.Start:ev.Span.End])))
}
