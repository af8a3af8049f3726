package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A denial is told either way: "the Kremlin denied it" and "the Kremlin
// did not confirm it", "dibantah oleh Kremlin" and "Kremlin tidak
// membenarkan". The negated-affirmation rule lets a verb of confirming
// that the claim negates meet the passage's verb of denial; the negation
// rule still holds both sides negative.

// affirmRootsID are the roots (lexicon.StemID) of Indonesian verbs of
// confirming, accepting and admitting; affirmPrefixesEN the English
// verbs' stems, matched as prefixes ("confirmed", "acknowledges").
var (
	affirmRootsID    = map[string]bool{"benar": true, "akui": true, "konfirmasi": true, "iya": true, "terima": true}
	affirmPrefixesEN = []string{"confirm", "accept", "acknowledg", "admit", "endors"}
)

// negatorParticles are the negators that negate a verb rather than being
// one: what is left of negators are the verbs of denial ("dibantah",
// "denied", "menepis").
var negatorParticles = map[string]bool{
	"not": true, "no": true, "never": true, "neither": true, "nor": true, "t": true, "cannot": true, "unable": true,
	"failed": true, "fails": true, "fail": true, "without": true, "tidak": true, "tak": true, "bukan": true,
	"belum": true, "tanpa": true, "gagal": true, "enggan": true, "takkan": true, "jangan": true,
}

// affirmVerb reports whether the folded word is a verb of confirming.
func affirmVerb(w string) bool {
	for _, p := range affirmPrefixesEN {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	for _, s := range lexicon.StemID(w) {
		if affirmRootsID[s] && s != w {
			return true
		}
	}
	return false
}

// denialVerb reports whether the folded word is a verb of denial.
func denialVerb(w string) bool { return negators[w] && !negatorParticles[w] }

// negatedAffirmation reports whether claim concept i is a verb of
// confirming under the claim's negator ("tidak membenarkan", "did not
// confirm").
func (c *claim) negatedAffirmation(i int) bool {
	k := c.concepts[i]
	if k.kind != kindContent || strings.Contains(k.Surface, " ") || !affirmVerb(strings.ToLower(k.Surface)) {
		return false
	}
	s, _ := c.claimSpan(i)
	for j := s - 1; j >= 0 && j >= s-3; j-- {
		if c.breaks[j+1] {
			break
		}
		if negatorParticles[c.toks[j].Norm] {
			return true
		}
	}
	return false
}

// denialSpans are the window's verbs of denial.
func denialSpans(toks []token) [][2]int {
	var out [][2]int
	for j, t := range toks {
		if denialVerb(t.Norm) {
			out = append(out, [2]int{j, j + 1})
		}
	}
	return out
}
