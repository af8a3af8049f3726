package cite

// otherPersonAt reports whether the words at token j of the window match
// only names of the claim other than its speaker, concept i, and no
// country: "Lavrov met Rubio …, after which Rubio said" gives the words
// to Rubio, whom the claim names too but not as the one who spoke.
func otherPersonAt(v *Verifier, c *claim, w *window, j, i int) bool {
	any := false
	for m, sps := range w.spans {
		for _, sp := range sps {
			if sp[0] > j || j >= sp[1] {
				continue
			}
			k := c.concepts[m]
			if m == i || k.kind != kindEntity || v.countryConcept(k) || sameName(k, c.concepts[i]) {
				return false
			}
			any = true
		}
	}
	return any
}
