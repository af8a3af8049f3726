package lexicon

// appendWordTerms appends the index terms of one token (WordTerms) to dst,
// so Terms builds a text's terms in one slice instead of one per word.
func (l *Lexicon) appendWordTerms(dst []string, t Token, lang string) []string {
	if t.Num {
		return append(dst, t.Norm)
	}
	// Acronyms survive stop-word removal: "AS" (Amerika Serikat) is not
	// the English "as".
	if len(t.Norm) < 2 || l.IsStop(t.Norm) && !IsAcronym(t.Text) {
		return dst
	}
	if lang == "en" {
		return append(dst, StemEN(t.Norm))
	}
	return appendStemID(dst, t.Norm)
}

// AppendWordTerms appends the index terms of one token (WordTerms) to dst.
// It is for an indexer that reads each token of a text once for several
// purposes (its terms and its embedding), where Terms would tokenise the
// text again.
func (l *Lexicon) AppendWordTerms(dst []string, t Token, lang string) []string {
	return l.appendWordTerms(dst, t, lang)
}
