package lexicon

// NameConcept analyses text as one name, as a capitalised run inside a
// sentence is analysed ("Washington" → washington, amerika serikat, AS),
// whatever its dictionaries say of its words: for a caller that knows
// from elsewhere that a word is a name, such as a sentence's capitalised
// first word acting as its subject. ok is false for text without words.
func (l *Lexicon) NameConcept(text string) (c Concept, ok bool) {
	var run []Token
	for _, t := range Tokenize(text) {
		if !t.Num {
			run = append(run, t)
		}
	}
	if len(run) == 0 {
		return Concept{}, false
	}
	return l.nameConcept(run, false), true
}

// IsSeatOfPower reports a folded name that the metonym table lists as a
// country's capital or seat of power ("moskow", "pyongyang"), not a
// country itself.
func (l *Lexicon) IsSeatOfPower(norm string) bool { return len(l.countriesOf(norm)) > 0 }
