package cite

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A quantity qualifier qualifies a number: "over 6,000", "about 90".
// Away from a number the same word is a preposition ("halted shipments
// over fears", "talks about the war"), grammar a paraphrase renders
// otherwise ("karena kekhawatiran"), not a word the passage must hold.

// prepositionalQualifier reports a one-word quantity qualifier that
// stands before no number in the claim's tokens.
func prepositionalQualifier(toks []lexicon.Token, low string) bool {
	if strings.Contains(low, " ") || !lexicon.IsQuantityQualifier(low) {
		return false
	}
	seen := false
	for j, t := range toks {
		if t.Norm != low {
			continue
		}
		seen = true
		for k := j + 1; k < len(toks) && k <= j+3; k++ {
			if toks[k].Num || isNumberWord(toks[k].Norm) {
				return false
			}
		}
	}
	return seen
}
