package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// An Indonesian claim rewords an Indonesian passage with words the
// thesaurus does not list as synonyms ("turis" for "wisatawan", "pihak
// berwenang" for "otoritas"), while the bilingual dictionaries translate
// both to one English word. The pivot rule gives an unmatched content
// word of an Indonesian claim the Indonesian words its English gloss
// translates back to — for a two-word phrase the dictionaries gloss as one
// English word ("pihak berwenang": authorities), each word of the phrase
// gets them. Only things are pivoted — the gloss must be an English noun
// ("give" glosses "memberi" and translates back to "kasih", which would
// meet "terima kasih") — and never a title, which the title rule reads.
// Names, numbers and the words the meaning rules read are not touched.

// withPivot adds the pivot alternatives to the claim's content words.
func (v *Verifier) withPivot(c *claim) {
	if v.lex.DetectLang(c.text) != "id" {
		return
	}
	for i := range c.concepts {
		k := &c.concepts[i]
		if k.kind != kindContent || strings.Contains(k.Surface, " ") || titleWord(strings.ToLower(k.Surface)) {
			continue
		}
		// A phrase of this word and the next content word glossed as one
		// English word is translated as one.
		if i+1 < len(c.concepts) && c.concepts[i+1].kind == kindContent && c.adjacent(i, i+1) && !titleWord(strings.ToLower(c.concepts[i+1].Surface)) {
			if g := v.lex.GlossText(k.Surface + " " + c.concepts[i+1].Surface); v.pivotGloss(g) {
				alts := v.backTranslations(g)
				v.addAlts(k, alts)
				v.addAlts(&c.concepts[i+1], alts)
				continue
			}
		}
		if g := v.lex.GlossText(k.Surface); v.pivotGloss(g) {
			v.addAlts(k, v.backTranslations(g))
		}
	}
}

// pivotGloss reports whether an English gloss may carry a pivot: one word,
// a noun.
func (v *Verifier) pivotGloss(g string) bool {
	return g != "" && !strings.Contains(g, " ") && v.lex.IsNoun(g)
}

// adjacent reports whether claim concepts i and j are next to each other.
func (c *claim) adjacent(i, j int) bool {
	_, e := c.claimSpan(i)
	s, _ := c.claimSpan(j)
	return e >= 0 && e == s
}

// backTranslations are the Indonesian words an English word translates
// to, single words only.
func (v *Verifier) backTranslations(en string) []lexicon.Alt {
	an := v.lex.Analyze(en)
	if len(an.Concepts) != 1 || an.Concepts[0].Entity {
		return nil
	}
	var out []lexicon.Alt
	for _, a := range an.Concepts[0].Alts {
		if len(a) == 1 {
			out = append(out, a)
		}
	}
	return out
}

// addAlts appends alternatives a concept does not have yet.
func (v *Verifier) addAlts(k *concept, alts []lexicon.Alt) {
	seen := map[string]bool{}
	for _, a := range k.Alts {
		seen[altKey(a)] = true
	}
	for _, a := range alts {
		if seen[altKey(a)] {
			continue
		}
		seen[altKey(a)] = true
		k.Alts = append(k.Alts, a)
		if k.AltWeights != nil {
			k.AltWeights = append(k.AltWeights, 1)
		}
		if k.AltLangs != nil {
			k.AltLangs = append(k.AltLangs, "id")
		}
	}
}
