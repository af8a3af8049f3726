package cite

import "strings"

// One word of the passage states one word of the claim. A loose
// translation can let a second claim word ride on a passage word that
// already states another ("awarded" on the "kasih" of "berterima kasih",
// which states "thanked"; "new" on the "modern" that states "modern"):
// the claim then adds that word unseen. sharedMatches takes the credit
// from a content word whose every match lies inside the match of another
// content word that states it at least as well: an exact spelling beats
// a translation, a longer match beats one inside it.

// sharedMatches withdraws, in place, the credit of content concepts whose
// matches are all inside another content concept's, when that concept
// has no match elsewhere to leave them to it.
func sharedMatches(c *claim, w *window, credits []float64) {
	for a, ka := range c.concepts {
		if ka.kind != kindContent || credits[a] == 0 || len(w.spans[a]) == 0 {
			continue
		}
		for b, kb := range c.concepts {
			if a == b || kb.kind != kindContent || credits[b] == 0 || len(w.spans[b]) == 0 {
				continue
			}
			if spansInside(w.spans[a], w.spans[b]) && !spanOutside(w.spans[b], w.spans[a]) && betterMatch(w, b, kb, a, ka) {
				credits[a], w.spans[a] = 0, nil
				break
			}
		}
	}
}

// spanOutside reports whether some span of bs overlaps no span of as:
// b is stated there too and leaves a's words to a.
func spanOutside(bs, as [][2]int) bool {
	for _, y := range bs {
		overlaps := false
		for _, x := range as {
			overlaps = overlaps || x[0] < y[1] && y[0] < x[1]
		}
		if !overlaps {
			return true
		}
	}
	return false
}

// spansInside reports whether every span of as lies inside a span of bs.
func spansInside(as, bs [][2]int) bool {
	for _, x := range as {
		in := false
		for _, y := range bs {
			in = in || y[0] <= x[0] && x[1] <= y[1]
		}
		if !in {
			return false
		}
	}
	return true
}

// betterMatch reports whether concept b, whose spans hold a's, states
// them better than a does: with a longer span, or the same span spelled
// as b is (not as a is).
func betterMatch(w *window, b int, kb concept, a int, ka concept) bool {
	if spansInside(w.spans[b], w.spans[a]) { // the same spans
		return spelledAt(w, w.spans[b], kb.Surface) && !spelledAt(w, w.spans[a], ka.Surface)
	}
	return true
}

// spelledAt reports whether some span's text is the surface itself.
func spelledAt(w *window, spans [][2]int, surface string) bool {
	for _, sp := range spans {
		if strings.EqualFold(tokensText(w.toks[sp[0]:sp[1]]), surface) {
			return true
		}
	}
	return false
}
