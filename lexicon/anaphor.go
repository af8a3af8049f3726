package lexicon

// Anaphor reports whether a folded word of a text in lang refers back to
// something named before it: a personal pronoun or a demonstrative
// ("it", "he", "this"; "ia", "dia", "mereka", "ini", "tersebut"). The
// words are a closed class of each language's grammar.
func (l *Lexicon) Anaphor(norm, lang string) bool {
	return l.PersonalPronoun(norm, lang) || l.Demonstrative(norm, lang)
}

// PersonalPronoun reports a pronoun that stands for a person or thing
// ("he", "it", "ia", "mereka").
func (l *Lexicon) PersonalPronoun(norm, lang string) bool {
	return inLang(lang, pronounsEN, pronounsID, norm)
}

// Demonstrative reports a word that points back to a thing or event
// just named ("this", "that", "ini", "tersebut": "pertemuan tersebut",
// the meeting just described).
func (l *Lexicon) Demonstrative(norm, lang string) bool {
	return inLang(lang, demonstrativesEN, demonstrativesID, norm)
}

func inLang(lang string, en, id map[string]bool, w string) bool {
	switch lang {
	case "id":
		return id[w]
	case "en":
		return en[w]
	}
	return en[w] || id[w]
}

var pronounsEN = map[string]bool{
	"it": true, "its": true, "he": true, "his": true, "him": true, "she": true, "her": true,
	"they": true, "their": true, "them": true,
}

var demonstrativesEN = map[string]bool{"this": true, "these": true, "that": true, "those": true}

var pronounsID = map[string]bool{"ia": true, "dia": true, "beliau": true, "mereka": true}

var demonstrativesID = map[string]bool{"ini": true, "itu": true, "tersebut": true}
