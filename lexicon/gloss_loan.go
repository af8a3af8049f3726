package lexicon

import "strings"

// loanEndings are the regular spelling correspondences of Indonesian
// loan words from Latin, Dutch and English, by ending (Sneddon, Indonesian:
// A Comprehensive Grammar, 1.7 on loan words; Pedoman Umum Ejaan Bahasa
// Indonesia, on the spelling of foreign elements): "-itas" for "-ity"
// (integritas), "-asi" for "-ation" or, on a verb, "-ate" (fasilitasi),
// "-ikasi" for "-ify" / "-ication", "-en" for "-ent" (independen), "-ur"
// for "-ure" (prosedur), "-if" for "-ive", "-ik" for "-ic", "-at" for
// "-ate" (privat), "-u" for "-ual" (individu). verb holds the endings an
// affixed verb takes first.
var loanEndings = []struct {
	id         string
	noun, verb []string
}{
	{"isasi", []string{"ization", "isation", "ize", "ise"}, []string{"ize", "ise", "ization"}},
	{"ifikasi", []string{"ification", "ify"}, []string{"ify", "ification"}},
	{"ikasi", []string{"ication"}, nil},
	{"asi", []string{"ation", "ate", "e"}, []string{"ate", "e", "ation"}},
	{"ensi", []string{"ence", "ency"}, nil},
	{"ansi", []string{"ance", "ancy"}, nil},
	{"si", []string{"tion", "sion", "se"}, nil},
	{"itas", []string{"ity"}, nil},
	{"sial", []string{"tial", "sial"}, nil},
	{"ur", []string{"ure"}, nil},
	{"if", []string{"ive"}, nil},
	{"ik", []string{"ic", "ics", "ical"}, nil},
	{"is", []string{"ic", "ical", "ist"}, nil},
	{"en", []string{"ent"}, nil},
	{"at", []string{"ate"}, nil},
	{"u", []string{"ual"}, nil},
	{"", []string{""}, nil},
}

// loanGloss renders a folded Indonesian word the dictionaries lack as the
// English word it was borrowed from ("memverifikasi" → "verify",
// "integritas" → "integrity", "prosesor" → "processor"): the word and its
// stems, spelled back by the regular correspondences above and the
// consonant ones (k for c, ks for x), kept only when the result is an
// ordinary English word of the SCOWL list and shares its first letters
// with the Indonesian (the Cognates test). "" when none is.
func (l *Lexicon) loanGloss(norm string) string {
	if len(norm) < 5 || !isAlpha(norm) {
		return ""
	}
	bases := []string{norm}
	affixed := false
	for _, s := range StemID(norm) {
		if s == norm {
			continue
		}
		affixed = true
		// The stemmer takes a final -i for the locative suffix, which in
		// a loan word is part of the ending ("verifikas(i)").
		bases = append(bases, s+"i", s)
	}
	for _, b := range bases {
		for _, e := range loanEndings {
			if !strings.HasSuffix(b, e.id) {
				continue
			}
			root := strings.TrimSuffix(b, e.id)
			if len(root) < 3 {
				continue
			}
			ends := e.noun
			if affixed && e.verb != nil {
				ends = e.verb
			}
			for _, end := range ends {
				for _, r := range respell(root) {
					if en := r + end; len(en) >= 5 && l.EnglishWord(en) && Cognates(en, b) {
						return en
					}
				}
			}
		}
	}
	return ""
}

// respell lists the English spellings of an Indonesian loan word's root:
// each k as c or k ("konfigur" → "configur"), ks as x ("teks" → "tex"),
// f as ph, up to 16 spellings, the unchanged one first.
func respell(root string) []string {
	out := []string{""}
	for i := 0; i < len(root); i++ {
		var alts []string
		switch {
		case root[i] == 'k' && i+1 < len(root) && root[i+1] == 's':
			alts = []string{"ks", "x", "cs"}
			i++
		case root[i] == 'k':
			alts = []string{"k", "c"}
		case root[i] == 'f':
			alts = []string{"f", "ph"}
		default:
			alts = []string{root[i : i+1]}
		}
		next := make([]string, 0, len(out)*len(alts))
		for _, o := range out {
			for _, a := range alts {
				next = append(next, o+a)
			}
		}
		if len(next) > 16 {
			next = next[:16]
		}
		out = next
	}
	return out
}
