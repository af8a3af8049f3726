package lexicon

// Anaphor reports whether a folded word of a text in lang refers back to
// something named before it: a personal pronoun or a demonstrative
// ("it", "he", "this"; "ia", "dia", "mereka", "ini", "tersebut"). The
// words are a closed class of each language's grammar.
func (l *Lexicon) Anaphor(norm, lang string) bool {
	switch lang {
	case "id":
		return anaphorsID[norm]
	case "en":
		return anaphorsEN[norm]
	}
	return anaphorsID[norm] || anaphorsEN[norm]
}

var anaphorsEN = map[string]bool{
	"it": true, "its": true, "he": true, "his": true, "him": true, "she": true, "her": true,
	"they": true, "their": true, "them": true, "this": true, "these": true, "that": true, "those": true,
}

var anaphorsID = map[string]bool{
	"ia": true, "dia": true, "beliau": true, "mereka": true, "ini": true, "itu": true, "tersebut": true,
}
