package cite

// The place of the same event: a sentence may name several places ("Kim
// bertemu dengan Lavrov dan menegaskan dukungan … kampanye militer Rusia
// di Ukraina"); the one that contradicts the claim's "met in Moscow" is
// the place of the meeting, said in the clause of the word the claim's
// verb matched, not the place of another clause's event.

// eventAnchors are the window tokens matched by the claim's content word
// nearest before its place i ("met" of "met Kim in Moscow"): where the
// sentence states the event the place belongs to. Nil when that word is
// unmatched or the claim has none.
func (c *claim) eventAnchors(i int, w *window) []int {
	ps, _ := c.claimSpan(i)
	best, bestAt := -1, -1
	for a, k := range c.concepts {
		if k.kind != kindContent || a >= len(w.spans) {
			continue
		}
		if s, e := c.claimSpan(a); s >= 0 && e <= ps && s > bestAt {
			best, bestAt = a, s
		}
	}
	if best < 0 {
		return nil
	}
	var out []int
	for _, sp := range w.spans[best] {
		out = append(out, sp[0])
	}
	return out
}

// eventPlace is the place the window names for the event at anchors: of
// the places named after a place or goal preposition, the nearest to an
// anchor within its clause. With no anchors, the first place named; with
// anchors but no place in their clause, none.
//
// Where the claim tells where something happened (at), a destination the
// sentence names ("tiba ke Pyongyang") is where someone went, not where
// it happened: only places after a place preposition count then.
func eventPlace(w *window, anchors []int, at bool) (int, string, bool) {
	bestJ, bestName, bestDist := -1, "", len(w.toks)+1
	for j := range w.toks {
		name, ok := placeAt(w, j)
		if !ok || at && !placePreps[w.toks[j].Norm] {
			continue
		}
		if len(anchors) == 0 {
			return j, name, true
		}
		for _, a := range anchors {
			if d := absInt(j - a); d < bestDist && sameClause(w.toks, a, j) {
				bestJ, bestName, bestDist = j, name, d
			}
		}
	}
	return bestJ, bestName, bestJ >= 0
}

// sameClause reports whether tokens a and b of a sentence stand in one
// clause: no coordinating or relative word between them ("dan
// menegaskan …", "pasukan yang dikerahkan ke …").
func sameClause(toks []token, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for _, t := range toks[a+1 : b] {
		if clauseJoiners[t.Norm] || relativeWords[t.Norm] {
			return false
		}
	}
	return true
}

// relativeWords open a relative clause, about another event.
var relativeWords = map[string]bool{"yang": true, "who": true, "which": true, "whose": true, "where": true, "mana": true}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
