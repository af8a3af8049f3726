package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// Verbs of saying are one another's paraphrase when they report what a
// speaker said or left unsaid: "tidak mengungkap isi rencana" (did not
// reveal) is the passage's "berhenti mengatakan apa yang ada dalam
// rencana" (stopped short of saying). They are recognised by root, in any
// affixed form (ungkap: mengungkap, mengungkapkan, diungkapkan), so no
// list of inflected forms is needed.

// sayingRoots are the roots of Indonesian verbs of saying, telling and
// disclosing, as lexicon.StemID gives them ("menyatakan" stems to "sata").
var sayingRoots = map[string]bool{
	"kata": true, "sebut": true, "jelas": true, "ungkap": true, "rinci": true, "nyata": true, "sata": true,
	"papar": true, "umum": true, "ucap": true, "tutur": true, "beritahu": true,
	"bilang": true, // colloquial "say" ("Lavrov bilang …")
}

// sayingStems are the English stems (lexicon.StemEN) of the same verbs.
var sayingStems = map[string]bool{
	"say": true, "said": true, "tell": true, "told": true, "state": true, "reveal": true, "disclos": true,
	"detail": true, "explain": true, "specifi": true, "mention": true, "announc": true, "disclose": true,
}

// sayingVerb reports whether the folded word is a verb of saying, in
// either language.
func sayingVerb(w string) bool {
	if strings.Contains(w, " ") {
		return false
	}
	if sayingStems[lexicon.StemEN(w)] || sayingStems[w] {
		return true
	}
	for _, s := range lexicon.StemID(w) {
		if sayingRoots[s] {
			return true
		}
	}
	return false
}

// sayingSpans are the window's verbs of saying, for a claim's verb of
// saying that matched no word of its own.
func sayingSpans(toks []token) [][2]int {
	var out [][2]int
	for j, t := range toks {
		if !t.Num && !t.Upper && sayingVerb(t.Norm) {
			out = append(out, [2]int{j, j + 1})
		}
	}
	return out
}
