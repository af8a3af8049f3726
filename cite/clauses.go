package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// Clause structure the role rules read: relative clauses, reciprocal
// verbs, days beside their month, Indonesian possessors.

// relativeSubject reports a relative clause right after a name ending at
// token e ("ke Korea Utara, yang telah menyediakan pasukan", "Russia,
// which sent"): the name is that clause's subject, whatever its role in
// the main clause.
func relativeSubject(toks []lexicon.Token, e int) bool {
	return e < len(toks) && (toks[e].Norm == "yang" || toks[e].Norm == "which" || toks[e].Norm == "who")
}

// dayOfMonth reports a numbered day beside its month ("3rd September",
// "September 3rd"): a date, whose "rd" is no ordinal of a count.
func dayOfMonth(toks []lexicon.Token, i int) bool {
	return i+2 < len(toks) && lexicon.IsMonthName(toks[i+2].Norm) || i > 0 && lexicon.IsMonthName(toks[i-1].Norm)
}

// reciprocalVerbs name an act two do together: who is named first does
// not change what is said ("Choe met Lavrov" = "Lavrov met Choe").
var reciprocalVerbs = map[string]bool{"met": true, "meet": true, "meets": true, "meeting": true, "talked": true, "talks": true,
	"embraced": true, "hugged": true, "shook": true, "bertemu": true, "berjumpa": true, "berbicara": true, "berunding": true,
	"berpelukan": true, "berjabat": true, "bertukar": true}

// reciprocal reports a claim whose verb is reciprocal.
func (c *claim) reciprocal() bool {
	for _, t := range c.toks {
		if reciprocalVerbs[t.Norm] {
			return true
		}
	}
	return false
}

// possessorAt reports an Indonesian name standing right after a common
// noun, with nothing between ("serangan balik Ukraina", "pasukan
// Rusia"): Indonesian marks the possessor by juxtaposition, so the name
// owns the noun and is not who acts (Alwi et al., on the noun phrase).
// A word before it that looks like a verb (the prefixes me-, ber-, di-,
// ter-, or a verb of saying: "dibantah Ukraina", "kata Lavrov") or a
// function word makes it no possessor.
func (v *Verifier) possessorAt(toks []lexicon.Token, breaks []bool, at int) bool {
	if at <= 0 || at >= len(toks) || breaks[at] {
		return false
	}
	n := toks[at-1].Norm
	if toks[at-1].Upper || toks[at-1].Num || len(n) < 3 || v.lex.IsStop(n) || speechVerbs[n] || !v.lex.KnownWord(n) || v.lex.EnglishWord(n) {
		return false
	}
	for _, pre := range []string{"me", "ber", "di", "ter", "per"} {
		if strings.HasPrefix(n, pre) {
			return false
		}
	}
	return true
}

// countedWord is the word right after a match of number i in the window
// (past names and a scale word: "6.000 tentara Korut", "6 ribu
// insinyur") when it is a content word no concept of the claim matched,
// or "".
func (v *Verifier) countedWord(w *window, i int) string {
	for _, sp := range w.spans[i] {
		j := sp[1]
		if j < len(w.toks) && scaleOf(w.toks[j].Norm) > 0 {
			j++
		}
		if j >= len(w.toks) || w.toks[j].breakBefore {
			continue
		}
		t := w.toks[j]
		if t.Upper || t.Num || len(t.Norm) < 3 || v.lex.IsStop(t.Norm) || isQualifier(t.Norm) || w.matched(j) || ordinalSuffixes[t.Norm] {
			continue
		}
		return t.Text
	}
	return ""
}
