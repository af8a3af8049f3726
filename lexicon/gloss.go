package lexicon

import "strings"

// gloss is one English headword that translates an Indonesian word, with
// how good a rendering it is: curated entries before FreeDict, a word
// listed first before one listed later, a short headword before a long one.
type gloss struct {
	en           string
	source, rank int
}

func (g gloss) better(o gloss) bool {
	if g.source != o.source {
		return g.source < o.source
	}
	if g.rank != o.rank {
		return g.rank < o.rank
	}
	// A singular headword before a plural one ("soldier" before
	// "armies"): the caller inflects.
	if gp, op := strings.HasSuffix(g.en, "s"), strings.HasSuffix(o.en, "s"); gp != op {
		return op
	}
	if len(g.en) != len(o.en) {
		return len(g.en) < len(o.en)
	}
	return g.en < o.en
}

// buildGlosses reverses the English → Indonesian dictionaries: for each
// single Indonesian word, the English headword that renders it best.
func buildGlosses(dicts ...map[string][]string) map[string]gloss {
	out := map[string]gloss{}
	for src, d := range dicts {
		for en, ids := range d {
			if strings.Contains(en, " ") {
				continue
			}
			for rank, id := range ids {
				if strings.Contains(id, " ") {
					continue
				}
				g := gloss{en: en, source: src, rank: rank}
				if cur, ok := out[id]; !ok || g.better(cur) {
					out[id] = g
				}
			}
		}
	}
	return out
}

// Gloss returns an English word for a folded Indonesian word ("insinyur"
// → "engineer"), through the dictionaries read backwards, trying the
// word's stems when the inflected form is not listed; "" when none knows it.
func (l *Lexicon) Gloss(id string) string {
	if g, ok := l.glosses[id]; ok {
		return g.en
	}
	for _, s := range StemID(id) {
		if g, ok := l.glosses[s]; ok {
			return g.en
		}
	}
	return ""
}
