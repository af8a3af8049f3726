package cite

// A sentence often names a group only by a plural pronoun, the group
// named in the sentence before ("… pasukan Korea Utara yang tewas. Ia
// mengatakan penempatan mereka …"). The group-pronoun rule credits the
// name the claim puts on a noun ("North Korean troops") when the sentence
// has such a pronoun and the sentence before names that very group: the
// name beside the noun.

// groupPronouns stand for a group named before.
var groupPronouns = map[string]bool{"mereka": true, "they": true, "their": true, "them": true}

// groupNamedBefore reports whether claim name i, with the noun beside it
// in the claim, is the group a plural pronoun of the window stands for.
func (v *Verifier) groupNamedBefore(c *claim, i int, w *window) bool {
	if len(w.before) == 0 {
		return false
	}
	pronoun := false
	for _, t := range w.toks {
		pronoun = pronoun || groupPronouns[t.Norm]
	}
	if !pronoun {
		return false
	}
	s, e := c.claimSpan(i)
	if s < 0 {
		return false
	}
	names := nameSpans(c.concepts[i], w.before)
	if len(names) == 0 {
		return false
	}
	for m, k := range c.concepts {
		if k.kind != kindContent {
			continue
		}
		ms, me := c.claimSpan(m)
		if ms != e && me != s {
			continue // not the noun beside the name
		}
		for _, n := range altSpans(k.Alts, w.before) {
			for _, sp := range names {
				if abs(n[0]-sp[1]) <= 1 || abs(sp[0]-n[1]) <= 1 {
					return true
				}
			}
		}
	}
	return false
}
