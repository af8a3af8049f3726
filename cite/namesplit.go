package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// splitOpeningWord takes a derived common word that opens the claim off
// the name it is glued to: capitalised only because it starts the
// sentence, "Laporan KCNA itu …" reads as one name "Laporan KCNA" that no
// passage writes ("Laporan itu …, menurut KCNA"). The word ("laporan",
// from "lapor") becomes an ordinary word and the rest stays the name.
func (v *Verifier) splitOpeningWord(cs []lexicon.Concept, toks []lexicon.Token) []lexicon.Concept {
	if len(toks) == 0 {
		return cs
	}
	first := toks[0]
	for i, con := range cs {
		words := strings.Fields(con.Surface)
		if !con.Entity || len(words) < 2 || words[0] != first.Text || !v.affixedWord(first.Norm) && !v.englishOpening(first) {
			continue
		}
		rest := v.lex.Analyze(strings.Join(words[1:], " ")).Concepts
		if len(rest) == 0 || !rest[0].Entity {
			return cs
		}
		out := append([]lexicon.Concept(nil), cs[:i]...)
		out = append(out, v.lex.Analyze(strings.ToLower(first.Text)).Concepts...)
		out = append(out, rest...)
		return append(out, cs[i+1:]...)
	}
	return cs
}

// englishOpening reports an English common word opening the claim
// ("Sending North Korean troops …"): in the English word list, neither a
// place nor a title, and read as no name on its own.
func (v *Verifier) englishOpening(t lexicon.Token) bool {
	if !v.lex.EnglishWord(t.Norm) || v.lex.IsPlaceName(t.Norm) || titleLexeme(t.Norm) {
		return false
	}
	cs := v.lex.Analyze(t.Norm).Concepts
	return len(cs) == 1 && !cs[0].Entity
}

// asNames marks as names the concepts a name's remainder analyses to when
// they are capitalised words no dictionary knows as ordinary words, or
// short forms the abbreviation table expands:
// "Korut" after the title in "Menlu Korut", analysed alone, reads as an
// ordinary word, though it is the country (and as a name it gets its long
// form, "Korea Utara"). A dictionary word ("Rusia") keeps the reading the
// lexicon gives it.
func (v *Verifier) asNames(cs []lexicon.Concept) []lexicon.Concept {
	for i := range cs {
		low := strings.ToLower(cs[i].Surface)
		if !cs[i].Entity && !cs[i].Number && !cs[i].Meta && startsUpper(cs[i].Surface) && !lexicon.IsCalendarWord(low) && (!v.lex.KnownWord(low) || len(v.lex.Abbreviations(low)) > 0) {
			cs[i].Entity = true
		}
	}
	return cs
}

// affixedWord reports a dictionary word built on a dictionary stem by
// Indonesian affixes ("laporan" on "lapor", "pernyataan" on "nyata"):
// a common word, never the first word of a name.
func (v *Verifier) affixedWord(norm string) bool {
	if !v.lex.KnownWord(norm) || v.lex.IsPlaceName(norm) {
		return false
	}
	for _, s := range lexicon.StemID(norm) {
		if s != norm && len(s) >= 3 && v.lex.KnownWord(s) {
			return true
		}
	}
	return false
}
