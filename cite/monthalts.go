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
	kept := k.KeepAlts(func(_ int, a lexicon.Alt) bool { return altNamesMonth(a, m) })
	if len(kept.Alts) == 0 {
		return k
	}
	k.Concept = kept
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
