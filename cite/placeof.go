package cite

import (
	"fmt"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// "The North Korean city of Wonsan": the country is the place's, told by
// the apposition a passage writes ("di Wonsan, Korea Utara"), not an
// owner of the word "city" the passage need not write.

// placeOfCountry returns the claim's place concept that country concept
// i locates: "<country> [adjective] city|town|region of <place>", English
// order only; -1 when i is not in that construction.
func (c *claim) placeOfCountry(i int) int {
	_, e := c.claimSpan(i)
	if e < 0 {
		return -1
	}
	for n := e; n < len(c.toks) && n <= e+2; n++ {
		if c.breaks[n] && n > e {
			return -1
		}
		if !lexicon.IsPlaceNoun(c.toks[n].Norm) {
			continue
		}
		if n+2 < len(c.toks) && c.toks[n+1].Norm == "of" {
			if p := conceptStartingAt(c, n+2); p >= 0 && c.concepts[p].kind == kindEntity {
				return p
			}
		}
		return -1
	}
	return -1
}

// placeApposition reads the sentence's apposition after the place that
// claim country i locates: decided when the place is written with a
// country after it ("Wonsan, Korea Utara"), with other the country's
// words when it is not the claim's.
func (v *Verifier) placeApposition(c *claim, w *window, i int) (decided bool, other string) {
	p := c.placeOfCountry(i)
	if p < 0 || p >= len(w.spans) || i >= len(w.spans) {
		return false, ""
	}
	for _, sp := range w.spans[p] {
		j := sp[1]
		if j >= len(w.toks) || !w.toks[j].breakBefore || !w.toks[j].Upper {
			continue
		}
		if w.matchStartsAt(i, j) {
			return true, ""
		}
		end := j + 1
		for end < len(w.toks) && w.toks[end].Upper && !w.toks[end].breakBefore {
			end++
		}
		if name := tokensText(w.toks[j:end]); v.lex.IsPlaceName(strings.ToLower(name)) && !w.matched(j) {
			w.conflictAt = w.toks[j].Start
			return true, name
		}
	}
	return false, ""
}

// ruleCountryOfPlace: "the Russian city of Wonsan" against "di Wonsan,
// Korea Utara" puts the place in another country.
func ruleCountryOfPlace(v *Verifier, c *claim, w *window) *finding {
	for i, k := range c.concepts {
		if k.kind != kindEntity || !v.countryConcept(k) {
			continue
		}
		if decided, other := v.placeApposition(c, w, i); decided && other != "" {
			p := c.placeOfCountry(i)
			_, e := c.claimSpan(i)
			ps, _ := c.claimSpan(p)
			// "city" is the claim's, not a word the passage must write
			placeWords := func(m int) bool {
				ms, me := c.claimSpan(m)
				return m == i || ms >= e && me <= ps && ms >= 0
			}
			return &finding{contradicts: c.aboutSameExcept(w.credits, placeWords), reason: fmt.Sprintf("the passage puts %s in %s, not %s", c.concepts[p].Surface, other, k.Surface)}
		}
	}
	return nil
}
