package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// Indonesian "kedua" is "both" before its noun ("kedua negara") and
// "second" after it ("dialog strategis kedua mereka", their second
// strategic dialogue). After a noun phrase's word and before a
// possessive pronoun, a break or the sentence's end it can only be the
// ordinal.

var possessivePronouns = map[string]bool{"mereka": true, "kami": true, "kita": true, "kalian": true, "anda": true, "ini": true, "itu": true, "tersebut": true}

// ordinalAfterPhrase reports an ambiguous Indonesian ordinal at token j
// that closes a noun phrase: after a lower-case word that is neither a
// function word nor a prefixed verb, before a possessive pronoun or
// demonstrative, a break or the end.
func (v *Verifier) ordinalAfterPhrase(toks []lexicon.Token, j int) bool {
	if toks[j].Norm != "kedua" || j == 0 {
		return false
	}
	prev := toks[j-1]
	if prev.Upper || prev.Num || v.lex.IsStop(prev.Norm) || verbPrefixed(prev.Norm) {
		return false
	}
	return j+1 == len(toks) || possessivePronouns[toks[j+1].Norm] || toks[j+1].Start > toks[j].End+1
}

// verbPrefixed reports an Indonesian word with a verb's prefix (meN-,
// di-, ber-, ter-): "menyapa kedua mereka" greets both of them.
func verbPrefixed(w string) bool {
	for _, p := range []string{"me", "di", "ber", "ter"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+3 {
			return true
		}
	}
	return false
}
