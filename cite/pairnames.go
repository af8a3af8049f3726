package cite

// A sentence that has named two countries calls them "kedua negara" (the
// two countries) after: "hubungan kedua negara" is the claim's "hubungan
// Moskow-Pyongyang", "ties between Russia and North Korea". The pair
// rule credits both of a claim's country names joined by a hyphen, dash,
// "and" or "dan" when the window names one of them and has "kedua
// negara", "the two countries" or "both countries" right after the word
// the claim puts before the pair, or right before the one it puts after.

// pairWords are the phrases for two countries named before.
var pairWords = [][2]string{{"kedua", "negara"}, {"two", "countries"}, {"both", "countries"}}

// pairedCountry reports whether claim name i is one of two countries the
// claim joins that the window calls the two countries, beside the same
// word.
func (v *Verifier) pairedCountry(c *claim, i int, w *window) bool {
	if !v.countryConcept(c.concepts[i]) {
		return false
	}
	s, e := c.claimSpan(i)
	if s < 0 {
		return false
	}
	// The other of the pair: a country name right after i, with a joiner
	// between, or right before it.
	first, last := s, e
	paired := false
	for m, k := range c.concepts {
		if m == i || k.kind != kindEntity || !v.countryConcept(k) {
			continue
		}
		ms, me := c.claimSpan(m)
		// The sentence names the other one itself: its pair is the
		// claim's.
		switch {
		case !w.anyMatch(m):
		case ms == e || ms == e+1 && pairJoiner(c.toks[e].Norm):
			paired, last = true, me
		case me == s || me+1 == s && pairJoiner(c.toks[me].Norm):
			paired, first = true, ms
		}
	}
	if !paired {
		return false
	}
	// The word beside the pair in the claim ("hubungan", "ties"), matched
	// beside "kedua negara" in the window.
	beside := -1
	for m, k := range c.concepts {
		if k.kind != kindContent {
			continue
		}
		if ms, me := c.claimSpan(m); me == first || me+1 == first && c.toks[first-1].Norm == "between" || ms == last {
			beside = m
		}
	}
	if beside < 0 || !w.anyMatch(beside) {
		return false
	}
	for _, sp := range w.spans[beside] {
		for _, at := range []int{sp[1], sp[0] - 2} {
			if at >= 0 && at+1 < len(w.toks) && pairAt(w.toks, at) {
				return true
			}
		}
	}
	return false
}

// pairJoiner joins two names into a pair.
func pairJoiner(norm string) bool { return norm == "and" || norm == "dan" }

// pairAt reports "kedua negara", "two countries" or "both countries" at
// token j.
func pairAt(toks []token, j int) bool {
	for _, p := range pairWords {
		if toks[j].Norm == p[0] && toks[j+1].Norm == p[1] {
			return true
		}
	}
	return false
}
