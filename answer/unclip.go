package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// Chat clips words ("intel" for intelligence, "config" for
// configuration). A clipped word the dictionaries do not translate
// matches nothing in an Indonesian report; read as the word it most
// likely stands for (lexicon.Unclipped), it does. Where the coverage
// uses the clipped word itself ("contrib", Debian's archive area), it is
// a name there and is read as written only.

// withUnclipped returns q where each English word with no translation
// that the coverage does not use, and that clips a longer word, also
// reads as that word.
func withUnclipped(corpus Corpus, lex *lexicon.Lexicon, q lexicon.Query) lexicon.Query {
	if q.Lang != "en" {
		return q
	}
	var out []lexicon.Concept
	for i, c := range q.Concepts {
		if !clippable(corpus, c) {
			continue
		}
		full := lex.Unclipped(strings.ToLower(c.Surface))
		if full == "" {
			continue
		}
		if out == nil {
			out = append([]lexicon.Concept(nil), q.Concepts...)
		}
		out[i] = lex.WithReading(c, full, unclippedWeight)
	}
	if out == nil {
		return q
	}
	q.Concepts = out
	return q
}

// unclippedWeight is the credit of the full word's readings: a guess at
// what the clipped word stands for, as loose as a WordNet synonym's.
const unclippedWeight = 0.8

// clippable reports a one-word concept that is no name or figure, has no
// Indonesian reading, and that the coverage never writes.
func clippable(corpus Corpus, c lexicon.Concept) bool {
	if c.Entity || c.Number || c.Meta || strings.ContainsAny(c.Surface, " -") {
		return false
	}
	for k := range c.Alts {
		if k < len(c.AltLangs) && c.AltLangs[k] == "id" {
			return false
		}
	}
	return !conceptInCorpus(corpus, c)
}
