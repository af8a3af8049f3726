package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// The verifier's meaning rules also answer a polar question: the
// question's statement ("Shoigu still Russia's defence minister") that
// the best sentence names in full but contradicts ("… Sergei Shoigu,
// ajudan keamanan utama Putin dan mantan menteri pertahanan Rusia": a
// former title) is answered no, and the lead says why in the reader's
// language, naming the word the sentence says instead.
//
// Only the rules that change a meaning the sentence states are used:
// a hedge ("kemungkinan", rule modality) leaves the question open
// rather than answering no, and the question's own roles, figures,
// places and dates are judged by the steps of yesno.go.

// polarRules are the verifier's rules whose contradiction answers no.
var polarRules = map[string]bool{"former": true, "negation": true, "qualifier": true, "quantifier": true, "title": true, "ordinal": true}

// contradictedMeaning returns the lead's note for a polar question whose
// statement the evidence sentence contradicts by one of polarRules, or
// "" when it does not.
func (e *Extractive) contradictedMeaning(lq lexicon.Query, ev Evidence, lang string) string {
	stmt := e.polarStatement(lq)
	if stmt == "" || questionNegates(lq) {
		return "" // "didn't they …?": the steps of yesno.go weigh the question's own negation
	}
	rule, why := e.verifier().Contradiction(stmt, ev.Doc.Text[ev.Span.Start:ev.Span.End], "")
	if !polarRules[rule] {
		return ""
	}
	return polarNote(rule, quotedWord(why), lang)
}

// polarNote says in the reader's language what the sentence says
// instead.
func polarNote(rule, word, lang string) string {
	var note string
	switch {
	case rule == "former" && lang == "id":
		note = "laporan menyebut jabatan itu sudah tidak dipegang lagi"
	case rule == "former":
		note = "the report calls it a former title"
	case rule == "negation" && lang == "id":
		note = "laporan menyebut sebaliknya"
	case rule == "negation":
		note = "the report says the opposite"
	case lang == "id":
		note = "laporan menyebutnya lain"
	default:
		note = "the report says it otherwise"
	}
	if word != "" {
		note += " (“" + word + "”)"
	}
	return note
}

// quotedWord is the text between the first “ and ” of a verifier's
// reason: the passage's own word.
func quotedWord(reason string) string {
	_, rest, ok := strings.Cut(reason, "“")
	if !ok {
		return ""
	}
	w, _, ok := strings.Cut(rest, "”")
	if !ok {
		return ""
	}
	return w
}
