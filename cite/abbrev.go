package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// withAbbreviations adds to a name of a claim the short and long forms the
// abbreviation table gives for it or for any of its written forms, so a
// claim's "Amerika Serikat" finds the passage's "AS" and "Korut" finds
// "Korea Utara" — the table applied both ways, as it is to questions.
func (v *Verifier) withAbbreviations(k concept) concept {
	forms := []string{k.Surface}
	for _, a := range k.Alts {
		var ws []string
		for _, w := range a {
			if len(w) > 0 {
				ws = append(ws, w[0])
			}
		}
		forms = append(forms, strings.Join(ws, " "))
	}
	seen := map[string]bool{}
	for _, a := range k.Alts {
		seen[altKey(a)] = true
	}
	add := func(alt lexicon.Alt) {
		if len(alt) == 0 || seen[altKey(alt)] {
			return
		}
		seen[altKey(alt)] = true
		k.Alts = append(k.Alts, alt)
		if k.AltLangs != nil {
			k.AltLangs = append(k.AltLangs, "id")
		}
		if k.AltWeights != nil {
			k.AltWeights = append(k.AltWeights, 1)
		}
		if k.words != nil {
			for _, w := range alt {
				k.words[w[0]] = true
			}
		}
	}
	for _, f := range forms {
		for _, other := range v.lex.Abbreviations(f) {
			var alt lexicon.Alt
			for _, t := range lexicon.Tokenize(other) {
				alt = append(alt, lexicon.Word{t.Norm})
			}
			add(alt)
			// The long form of a country's short form ("Korut": Korea
			// Utara) brings the country's seats of power the lexicon
			// gives the long form ("Pyongjang"), as the long form
			// written in the claim would.
			if !v.lex.IsPlaceName(strings.ToLower(other)) {
				continue
			}
			if nc, ok := v.lex.NameConcept(other); ok {
				for _, a := range nc.Alts {
					if len(a) == 1 && len(a[0]) > 0 && v.lex.IsSeatOfPower(a[0][0]) {
						add(a)
					}
				}
			}
		}
	}
	return k
}

func altKey(a lexicon.Alt) string {
	var ws []string
	for _, w := range a {
		ws = append(ws, strings.Join(w, "/"))
	}
	return strings.Join(ws, " ")
}
