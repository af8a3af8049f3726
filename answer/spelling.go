package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// Names cross languages in several spellings: Zelensky and Zelenskyy,
// Sergei and Sergey, Yuri and Yury. A name word the coverage never uses
// is looked up in the spellings one letter away — a letter doubled or
// dropped, i, y and j exchanged, or two neighbouring letters swapped as
// a hurried typist does ("lavorv") — and takes the one the coverage
// writes. Only names (and words no dictionary knows, which chat types in
// lower case: "zelensky"), and only words of six letters or more, where
// one letter rarely makes another name.

// minVariantLen is the shortest name word whose spelling variants are
// tried.
const minVariantLen = 6

// withCorpusSpellings returns q where each word of a name that the
// corpus lacks also has the variant spelling the corpus uses, if one is
// one letter away. known reports the dictionaries' words.
func withCorpusSpellings(corpus Corpus, q lexicon.Query, known func(string) bool) lexicon.Query {
	out := q
	out.Concepts = append([]lexicon.Concept(nil), q.Concepts...)
	for i := range out.Concepts {
		c := &out.Concepts[i]
		if c.Number || !c.Entity && known(strings.ToLower(c.Surface)) {
			continue
		}
		alts := make([]lexicon.Alt, len(c.Alts))
		changed := false
		for ai, a := range c.Alts {
			alts[ai] = a
			for wi, w := range a {
				if len(w) == 0 || len([]rune(w[0])) < minVariantLen || inCorpus(corpus, w) {
					continue
				}
				if v := corpusVariant(corpus, w[0]); v != "" {
					changed = true
					na := append(lexicon.Alt(nil), alts[ai]...)
					na[wi] = append(append(lexicon.Word(nil), w...), v)
					alts[ai] = na
				}
			}
		}
		if changed {
			c.Alts = alts
		}
	}
	return out
}

func inCorpus(corpus Corpus, w lexicon.Word) bool {
	for _, t := range w {
		if corpus.DF(t) > 0 {
			return true
		}
	}
	return false
}

// corpusVariant returns the first spelling of w one letter away that the
// corpus uses, or "".
func corpusVariant(corpus Corpus, w string) string {
	for _, v := range spellingsNear(w) {
		if corpus.DF(v) > 0 {
			return v
		}
	}
	return ""
}

// spellingsNear lists the spellings of a lower-case word one letter
// away: each letter doubled, each doubled letter single, i, y, j
// exchanged, and each pair of neighbouring letters swapped.
func spellingsNear(w string) []string {
	var out []string
	r := []rune(w)
	for i := range r {
		out = append(out, string(r[:i+1])+string(r[i:])) // doubled
		if i > 0 && r[i] == r[i-1] {
			out = append(out, string(r[:i])+string(r[i+1:])) // undoubled
		}
		for _, sub := range interchangeable(r[i]) {
			out = append(out, string(r[:i])+string(sub)+string(r[i+1:]))
		}
		if i > 0 && r[i] != r[i-1] {
			swapped := append([]rune(nil), r...)
			swapped[i-1], swapped[i] = swapped[i], swapped[i-1]
			out = append(out, string(swapped)) // "lavorv": lavrov
		}
	}
	return out
}

// interchangeable gives the letters transliterations write for the same
// sound as r.
func interchangeable(r rune) []rune {
	const group = "iyj"
	if !strings.ContainsRune(group, r) {
		return nil
	}
	var out []rune
	for _, x := range group {
		if x != r {
			out = append(out, x)
		}
	}
	return out
}
