package cite

import "github.com/kabar-bot/kabar/lexicon"

// monthDated reports whether the passage's tokens date something by a
// month and a deictic, "November lalu", "last November", "Juli ini", in a
// way that states the relative year cr names: "November lalu" is
// "November tahun lalu", "last year". It only supports: the most recent
// November may also have been last month, so a month phrase never
// contradicts a claim's time phrase.
func monthDated(cr timeRef, ptoks []lexicon.Token) bool {
	if cr.unit != "year" {
		return false
	}
	for i, t := range ptoks {
		if !t.Upper || !lexicon.IsMonthName(t.Norm) {
			continue
		}
		if i > 0 {
			if off, ok := deicticBefore[ptoks[i-1].Norm]; ok && off == cr.offset {
				return true
			}
		}
		if i+1 < len(ptoks) {
			if off, ok := deicticAfter[ptoks[i+1].Norm]; ok && off == cr.offset {
				return true
			}
		}
	}
	return false
}
