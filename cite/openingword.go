package cite

// translatedCommonWord reports an Indonesian common word the
// dictionaries translate into another English word ("dinas" → service,
// "badan" → agency): capitalised only because it opens the claim, it is
// an ordinary word ("Dinas intelijen Korsel …"), not a name the passage
// must hold. A name the dictionaries carry over as it is ("putin" →
// putin), a place, a word with no translation, or one whose translation
// is no common English word ("hongaria" → hungary, "belanda" → dutch)
// stays a name.
func (v *Verifier) translatedCommonWord(norm string) bool {
	if !v.lex.KnownWord(norm) || v.lex.IsPlaceName(norm) {
		return false
	}
	g := v.lex.Gloss(norm)
	return g != "" && g != norm && v.lex.EnglishWord(g)
}
