package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// placeModifiers marks the concepts that are a place qualifying a thing
// of the question, typed in lower case ("the south korean foreign
// minister", "north korean soldiers", "tentara korea selatan"): the
// analyser links only places written as names to what they own, yet a
// Discord member rarely capitalises, and another country's minister or
// soldiers answer another question. English puts the place right before
// the thing (or before "'s"), Indonesian right after it. A place of a
// coordinated list ("russian and north korean foreign ministers") qualifies
// the list, which the evidence may name as a pair ("kedua negara").
func (e *Extractive) placeModifiers(lq lexicon.Query) map[int]bool {
	toks := lexicon.Tokenize(lq.Text)
	spans := make([][2]int, len(lq.Concepts))
	for i, c := range lq.Concepts {
		spans[i] = surfaceSpan(toks, c.Surface)
	}
	out := map[int]bool{}
	for i, c := range lq.Concepts {
		if c.Entity || c.Number || c.List != 0 || spans[i][0] < 0 || !e.lex.PlaceNamed(c) {
			continue
		}
		for j, t := range lq.Concepts {
			if j == i || !t.Salient || t.Entity || spans[j][0] < 0 || e.lex.PlaceNamed(t) {
				continue
			}
			end := spans[i][1]
			before := end+1 == spans[j][0] || end+2 == spans[j][0] && toks[end+1].Norm == "s"
			after := spans[j][1]+1 == spans[i][0]
			if lq.Lang == "en" && before || lq.Lang == "id" && after {
				out[i] = true
			}
		}
	}
	return out
}

// surfaceSpan returns the first and last token of the first place where
// the question's tokens spell surface, or {-1, -1}.
func surfaceSpan(toks []lexicon.Token, surface string) [2]int {
	want := lexicon.Tokenize(surface)
	if len(want) == 0 {
		return [2]int{-1, -1}
	}
	for i := 0; i+len(want) <= len(toks); i++ {
		ok := true
		for k, w := range want {
			ok = ok && strings.EqualFold(toks[i+k].Norm, w.Norm)
		}
		if ok {
			return [2]int{i, i + len(want) - 1}
		}
	}
	return [2]int{-1, -1}
}
