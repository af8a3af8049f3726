package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// Quantity bounds written after the number ("600 or more") and
// comparatives that bound rather than negate ("no fewer than").

// postQualifierAt reads a quantity qualifier after the number at token i
// (past its scale word): English "600 or more", "600 or so", Indonesian
// "600 lebih", "6 ribu lebih", "600 atau lebih" — the same bounds put after
// the numeral.
func postQualifierAt(norms []string, i int) (int, string) {
	j := i + 1
	if j < len(norms) && scaleOf(norms[j]) > 0 {
		j++
	}
	for _, q := range postQualifierPhrases {
		if j+len(q.words) > len(norms) {
			continue
		}
		ok := true
		for k, w := range q.words {
			ok = ok && norms[j+k] == w
		}
		if ok {
			return q.class, strings.Join(q.words, " ")
		}
	}
	return qualNone, ""
}

// postQualifierPhrases follow a number and bound it.
var postQualifierPhrases = []struct {
	words []string
	class int
}{
	{[]string{"or", "more"}, qualAtLeast}, {[]string{"atau", "lebih"}, qualAtLeast},
	{[]string{"or", "so"}, qualAbout}, {[]string{"or", "fewer"}, qualUpTo}, {[]string{"or", "less"}, qualUpTo},
	{[]string{"atau", "kurang"}, qualUpTo}, {[]string{"lebih"}, qualMoreThan}, {[]string{"plus"}, qualMoreThan},
}

// comparativeNo reports "no" or "not" opening a comparative bound ("no
// fewer than 10,000", "not more than", "no later than", "tidak kurang
// dari", "tidak lebih dari"): a quantity's qualifier, not a negation of
// the clause.
func comparativeNo(toks []lexicon.Token, j int) bool {
	if j+1 >= len(toks) {
		return false
	}
	switch toks[j].Norm {
	case "no", "not", "tidak", "tak":
	default:
		return false
	}
	switch toks[j+1].Norm {
	case "fewer", "less", "more", "later", "earlier", "longer", "sooner", "kurang", "lebih":
		return true
	case "even", "quite":
		// "not even a month after", "not quite 600": an amount said to
		// fall short of a figure, a bound like "less than", not a denial.
		if j+2 < len(toks) {
			n := toks[j+2]
			return n.Num || n.Norm == "a" || n.Norm == "an" || isNumberWord(n.Norm)
		}
	}
	return false
}

// negatorAt reports a negator at toks[j]: a word of negators, or "dispute"
// used as a verb of denial, with what is denied after it ("disputes the
// claim", "disputed that"), not the noun ("border disputes").
func negatorAt(toks []lexicon.Token, j int) bool {
	if negators[toks[j].Norm] {
		return true
	}
	if !disputeVerbs[toks[j].Norm] || j+1 >= len(toks) {
		return false
	}
	return disputedObjects[toks[j+1].Norm]
}

// cancelledNegation reports whether the negator at j is one of two that
// cancel ("tidak membantah", did not deny; "never failed"): a negator
// within two words of another, before or after it, affirms.
func cancelledNegation(toks []lexicon.Token, j int) bool {
	for k := j - 2; k <= j+2; k++ {
		if k == j || k < 0 || k >= len(toks) {
			continue
		}
		if toks[k].Norm != toks[j].Norm && negatorAt(toks, k) && (toks[k].Norm != "t" && toks[j].Norm != "t") {
			return true
		}
	}
	return false
}

var (
	disputeVerbs    = map[string]bool{"dispute": true, "disputes": true, "contest": true, "contests": true, "contested": true}
	disputedObjects = map[string]bool{"the": true, "that": true, "this": true, "claim": true, "claims": true, "reports": true, "allegations": true, "moscow": true, "kyiv": true}
)
