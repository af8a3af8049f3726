package lexicon

// ownedAsked returns 1 + the index of the thing whose owner a question
// asks: the concept right after "whose" ("whose press service"), or right
// before Indonesian "milik siapa" / "punya siapa" ("perusahaan milik
// siapa"); 0 when it asks no owner.
func ownedAsked(q Query, toks []Token) int {
	at := func(tok int) int {
		for k, c := range q.Concepts {
			if !c.Entity && !c.Number && c.first <= tok && tok <= c.last {
				return k + 1
			}
		}
		return 0
	}
	for i, t := range toks {
		switch {
		case t.Norm == "whose" && i+1 < len(toks):
			return at(i + 1)
		case (t.Norm == "milik" || t.Norm == "punya" || t.Norm == "kepunyaan") && i+1 < len(toks) && toks[i+1].Norm == "siapa" && i > 0:
			return at(i - 1)
		}
	}
	return 0
}
