package answer

import (
	"slices"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// placeModifiers returns the concepts that are a place typed in lower case
// qualifying a thing of the question, each with the things it qualifies
// ("the south korean foreign minister", "north korean soldiers", "tentara
// korea selatan"): the analyser links only places written as names to
// what they own, yet a Discord member rarely capitalises, and another
// country's minister or soldiers answer another question. English puts
// the place right before the thing (or before "'s"), Indonesian right
// after it. A place of a coordinated list ("russian and north korean
// foreign ministers") qualifies the list, which the evidence may name as a
// pair ("kedua negara").
func (e *Extractive) placeModifiers(lq lexicon.Query) map[int][]int {
	toks := lexicon.Tokenize(lq.Text)
	spans := make([][2]int, len(lq.Concepts))
	for i, c := range lq.Concepts {
		spans[i] = surfaceSpan(toks, c.Surface)
	}
	out := map[int][]int{}
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
				out[i] = append(out[i], j)
			}
		}
	}
	return out
}

// ownedByAnotherPlace returns a lower-case place of the question whose
// thing the sentence writes as another place's ("Kementerian Luar Negeri
// Rusia" for "ukraine's foreign ministry"), or "": the article's title may
// name the asked place, yet the sentence is about another's ministry. It
// judges the pair as the candidates judge a capitalised owner
// (ownedByAnother), beside the thing only.
func (e *Extractive) ownedByAnotherPlace(c *candidate, lq lexicon.Query, places map[int][]int) string {
	for place := range lq.Concepts {
		things, ok := places[place]
		if !ok || namesWhole(lq.Concepts[place], c.termsAt) {
			continue // the sentence names the asked place too ("perang Rusia di Ukraina" for "the ukraine war")
		}
		for _, thing := range things {
			if lq.Concepts[thing].Owner != 0 {
				continue // the analyser linked it: judged already
			}
			q := lq
			q.Concepts = slices.Clone(lq.Concepts)
			q.Concepts[thing].Owner = place + 1
			q.Concepts[thing].Focus = false // the owner written beside the thing, not the sentence's actor
			if e.ownedByAnother(c, q) {
				return lq.Concepts[place].Surface
			}
		}
	}
	return ""
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
