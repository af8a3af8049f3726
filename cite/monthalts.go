package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// monthOnly keeps of a month name's alternatives the ones that name the
// same month: "May" is also the modal the dictionaries translate
// ("mungkin", "kali", "tahu"), which a passage holds whatever month it
// gives ("pada pertemuan bulan Juni … kali"), while the claim's
// capitalised month is the month ("a May meeting").
func monthOnly(k concept) concept {
	m := lexicon.MonthNumber(strings.ToLower(k.Surface))
	if m == 0 {
		return k
	}
	var alts []lexicon.Alt
	var weights []float64
	var langs []string
	for i, a := range k.Alts {
		if !altNamesMonth(a, m) {
			continue
		}
		alts = append(alts, a)
		if i < len(k.AltWeights) {
			weights = append(weights, k.AltWeights[i])
		}
		if i < len(k.AltLangs) {
			langs = append(langs, k.AltLangs[i])
		}
	}
	if len(alts) == 0 {
		return k
	}
	k.Alts, k.AltWeights, k.AltLangs = alts, nil, nil
	if len(weights) == len(alts) {
		k.AltWeights = weights
	}
	if len(langs) == len(alts) {
		k.AltLangs = langs
	}
	return k
}

// altNamesMonth reports whether every word of alternative a is month m
// (in one of its stemmed forms).
func altNamesMonth(a lexicon.Alt, m int) bool {
	if len(a) == 0 {
		return false
	}
	for _, w := range a {
		ok := false
		for _, f := range w {
			ok = ok || lexicon.MonthNumber(f) == m
		}
		if !ok {
			return false
		}
	}
	return true
}
