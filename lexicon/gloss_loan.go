package lexicon

import "strings"

// loanEndings are the regular spelling correspondences of Indonesian
// loan words from Latin, Dutch and English, by ending (Sneddon, Indonesian:
// A Comprehensive Grammar, 1.7 on loan words; Pedoman Umum Ejaan Bahasa
// Indonesia, on the spelling of foreign elements): "-itas" for "-ity"
// (integritas), "-asi" for "-ation" or, on a verb, "-ate" (fasilitasi),
// "-ikasi" for "-ify" / "-ication", "-en" for "-ent" (independen), "-ur"
// for "-ure" (prosedur), "-if" for "-ive", "-ik" for "-ic", "-at" for
// "-ate" (privat), "-u" for "-ual" (individu), and no letter for a silent
// final "-e" after l (konsol, modul, profil). verb holds the endings an
// affixed verb takes first.
var loanEndings = []struct {
	id         string
	noun, verb []string
	pos        byte // the part of speech the English ending makes: n, v, a; 0 unknown
}{
	{"isasi", []string{"ization", "isation", "ize", "ise"}, []string{"ize", "ise", "ization"}, 'n'},
	{"ifikasi", []string{"ification", "ify"}, []string{"ify", "ification"}, 'n'},
	{"ikasi", []string{"ication"}, nil, 'n'},
	{"asi", []string{"ation", "ate", "e"}, []string{"ate", "e", "ation"}, 'n'},
	{"ensi", []string{"ence", "ency"}, nil, 'n'},
	{"ansi", []string{"ance", "ancy"}, nil, 'n'},
	{"si", []string{"tion", "sion", "se"}, []string{"te", "se", "tion", "sion"}, 'n'},
	{"itas", []string{"ity"}, nil, 'n'},
	{"sial", []string{"tial", "sial"}, nil, 'a'},
	{"ur", []string{"ure"}, nil, 'n'},
	{"if", []string{"ive"}, nil, 'a'},
	{"ik", []string{"ic", "ics", "ical"}, nil, 'a'},
	{"is", []string{"ic", "ical", "ist"}, nil, 'a'},
	{"en", []string{"ent"}, nil, 'a'},
	{"at", []string{"ate"}, nil, 'a'},
	{"u", []string{"ual"}, nil, 'n'},
	{"l", []string{"l", "le"}, nil, 0}, // a silent final e is not written after l: konsol (console), modul, profil
	{"", []string{""}, nil, 0},
}

// loanGloss renders a folded Indonesian word the dictionaries lack as the
// English word it was borrowed from ("memverifikasi" → "verify",
// "integritas" → "integrity", "prosesor" → "processor"): the word and its
// stems, spelled back by the regular correspondences above and the
// consonant ones (k for c, ks for x), kept only when the result is an
// ordinary English word of the SCOWL list, with the part of speech its
// ending makes. "" when none is.
func (l *Lexicon) loanGloss(norm string) (string, byte) {
	if len(norm) < 5 || !isAlpha(norm) {
		return "", 0
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
			// A root of three letters only before a long ending
			// ("ver-ifikasi"); "uns-ur" is no loan word.
			if len(root) < 3 || len(root) < 4 && len(e.id) < 3 {
				continue
			}
			ends, pos := e.noun, e.pos
			if affixed && e.verb != nil {
				ends = e.verb
			}
			for _, end := range ends {
				for _, r := range respell(root) {
					if en := r + end; len(en) >= 5 && l.EnglishWord(en) {
						if affixed && e.verb != nil && !strings.HasSuffix(end, "tion") {
							pos = 'v'
						}
						if pos == 0 && l.IsNoun(en) {
							pos = 'n'
						}
						return en, pos
					}
				}
			}
		}
	}
	return "", 0
}

// respell lists the English spellings of an Indonesian loan word's root:
// each k as c or k ("konfigur" → "configur"), ks as x ("teks" → "tex"),
// f as ph, s before i or e as c, up to 16 spellings, the unchanged one
// first.
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
		case root[i] == 's' && i+1 < len(root) && (root[i+1] == 'i' || root[i+1] == 'e'):
			alts = []string{"s", "c"} // a soft c ("fasilitas": facilit-, "spesifik": specific)
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
