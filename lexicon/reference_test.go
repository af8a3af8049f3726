package lexicon

// This file keeps the tokeniser and Indonesian stemmer as they were before
// the allocation work on the indexing path (issue 14), verbatim but for the
// ref prefix, so equivalence tests and benchmarks can hold the fast versions
// to byte-identical output.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits text into words and numbers. Hyphens and apostrophes split
// words ("Rusia-Ukraina" → Rusia, Ukraina); digit groups joined by thousands
// separators stay one number.
func refTokenize(text string) []Token {
	var toks []Token
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r < utf8.RuneSelf && refIsASCIIDigit(byte(r)):
			end := refScanNumber(text, i)
			norm := refCanonicalNumber(text[i:end])
			// "10 ribu" and "6 thousand" are one figure: 10000, 6000.
			if scale, wEnd := refScaleWordAfter(text, end); scale > 0 {
				if v, err := strconv.ParseFloat(norm, 64); err == nil {
					norm, end = strconv.FormatFloat(v*scale, 'f', -1, 64), wEnd
				}
			}
			toks = append(toks, Token{Text: text[i:end], Norm: norm, Start: i, End: end, Num: true})
			i = end
		// Other scripts' digits ("٣", "３") are kept as words: scanNumber
		// and canonicalNumber handle ASCII digits only.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			end := i
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && !unicode.Is(unicode.Mn, r2) {
					break
				}
				end += s2
			}
			raw := text[i:end]
			toks = append(toks, Token{Text: raw, Norm: refFold(raw), Start: i, End: end, Upper: unicode.IsUpper(r)})
			i = end
		default:
			i += size
		}
	}
	return toks
}

// scanNumber returns the end of the number starting at i. Groups of exactly
// three digits after '.' or ',' continue the number (thousands or decimals).
func refScanNumber(text string, i int) int {
	end := i
	for end < len(text) && refIsASCIIDigit(text[end]) {
		end++
	}
	for end+1 < len(text) && (text[end] == '.' || text[end] == ',') && refIsASCIIDigit(text[end+1]) {
		j := end + 1
		for j < len(text) && refIsASCIIDigit(text[j]) {
			j++
		}
		end = j
	}
	return end
}

// scaleWordAfter reads a scale word ("ribu", "juta", "thousand",
// "million") separated from a number ending at i by one space; it returns
// its multiplier and end, or 0.
func refScaleWordAfter(text string, i int) (float64, int) {
	if i >= len(text) || text[i] != ' ' {
		return 0, i
	}
	j := i + 1
	for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z') {
		j++
	}
	switch strings.ToLower(text[i+1 : j]) {
	case "ribu", "thousand":
		return 1e3, j
	case "juta", "million":
		return 1e6, j
	case "miliar", "milyar", "billion":
		return 1e9, j
	case "triliun", "trillion":
		return 1e12, j
	}
	return 0, i
}

func refIsASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// canonicalNumber removes thousands separators: a separator followed by
// exactly three digits is a thousands separator in both Indonesian (10.000)
// and English (10,000); anything else is a decimal mark, written '.'.
func refCanonicalNumber(raw string) string {
	parts := strings.FieldsFunc(raw, func(r rune) bool { return r == '.' || r == ',' })
	if len(parts) == 1 {
		return raw
	}
	var b strings.Builder
	b.WriteString(parts[0])
	for k, p := range parts[1:] {
		if len(p) == 3 {
			b.WriteString(p)
			continue
		}
		if k == len(parts)-2 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

// fold lower-cases and strips common Latin diacritics so "Zelenskyy",
// "zelenskyy" and "Zelénskyy" meet.
func refFold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if r < utf8.RuneSelf {
			b.WriteRune(r)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if a, ok := diacritics[r]; ok {
			b.WriteRune(a)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// StemID returns the candidate stems of an Indonesian word (already folded):
// one stem usually, two when the meN-/peN- prefix hides which consonant the
// root began with ("mengirim" may be meng+irim or meng+kirim). Keeping both
// candidates lets index and query meet without a root dictionary. The
// algorithm follows the Snowball Indonesian stemmer (particles, possessives,
// first-order prefixes, suffixes, second-order prefixes), including its
// measure guard: a word of two syllables or fewer is a root and stays whole
// ("perang", "janji"), and affixes come off only while more than two
// syllables remain. A bare be- comes off only before consonant+"er", so
// "berita" stays whole too.
func refStemID(word string) []string {
	if len(word) < 5 || !refIsAlpha(word) || refVowelCount(word) <= 2 {
		return []string{word}
	}
	w := refTrimSuffixKeep(word, []string{"lah", "kah", "pun", "tah"}, 4)
	p := refTrimSuffixKeep(w, []string{"nya", "ku", "mu"}, 4)
	out := refStemFrom(p)
	if len(p) == len(w)-2 {
		// -ku, -mu: the word is stemmed with them too ("bertemu").
		for _, c := range refStemFrom(w) {
			if !refContainsString(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// refStemFrom stems a word whose particle and possessive are off.
func refStemFrom(w string) []string {
	if refVowelCount(w) <= 2 {
		return []string{w}
	}

	cands, prefixed := refFirstOrderPrefix(w)
	out := make([]string, 0, 2)
	for _, c := range cands {
		// Snowball's order: after a first-order prefix, suffix then
		// second-order prefix; otherwise second-order prefix then suffix.
		if prefixed {
			if refVowelCount(c) > 2 {
				c = refRemoveSuffix(c)
			}
			if refVowelCount(c) > 2 {
				c = refSecondOrderPrefix(c)
			}
		} else {
			c = refSecondOrderPrefix(c)
			if refVowelCount(c) > 2 {
				c = refRemoveSuffix(c)
			}
		}
		if !refContainsString(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// vowelCount is Snowball's measure: the number of vowels, which for
// Indonesian is about the number of syllables.
func refVowelCount(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		if refIsVowel(w[i]) {
			n++
		}
	}
	return n
}

// firstOrderPrefix returns the candidates left after removing a meN-,
// peN-, di-, ter- or ke- prefix, and whether one was removed.
func refFirstOrderPrefix(w string) ([]string, bool) {
	for _, p := range []string{"meng", "peng", "meny", "peny", "mem", "pem", "men", "pen"} {
		if !strings.HasPrefix(w, p) {
			continue
		}
		rest := w[len(p):]
		if len(rest) < 4 {
			return []string{w}, false
		}
		if !refIsVowel(rest[0]) {
			return []string{rest}, true
		}
		switch p {
		case "meng", "peng":
			return []string{rest, "k" + rest}, true
		case "meny", "peny":
			return []string{"s" + rest}, true
		case "mem", "pem":
			return []string{"p" + rest, "m" + rest}, true
		default: // men, pen
			return []string{"t" + rest, "n" + rest}, true
		}
	}
	for _, p := range []string{"me", "di", "ter", "ke"} {
		if strings.HasPrefix(w, p) && len(w)-len(p) >= 4 {
			return []string{w[len(p):]}, true
		}
	}
	return []string{w}, false
}

func refRemoveSuffix(w string) string {
	for _, s := range []string{"kan", "an", "i"} {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= 4 && refHasVowel(w[:len(w)-len(s)]) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

func refSecondOrderPrefix(w string) string {
	for _, p := range []string{"ber", "per", "be", "pe"} {
		if !strings.HasPrefix(w, p) || len(w)-len(p) < 4 {
			continue
		}
		// Snowball strips a bare be- only before consonant+"er"
		// ("bekerja" → kerja), so "berita" stays whole.
		if p == "be" && (refIsVowel(w[2]) || w[3:5] != "er") {
			continue
		}
		return w[len(p):]
	}
	return w
}

func refTrimSuffixKeep(w string, suffixes []string, minRest int) string {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= minRest {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

func refIsVowel(b byte) bool { return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' }

func refHasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		if refIsVowel(s[i]) {
			return true
		}
	}
	return false
}

func refIsAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func refContainsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// refWordTerms is Lexicon.WordTerms as it was, over the reference stemmer.
func refWordTerms(l *Lexicon, t Token, lang string) []string {
	if t.Num {
		return []string{t.Norm}
	}
	if len(t.Norm) < 2 || l.IsStop(t.Norm) && !IsAcronym(t.Text) {
		return nil
	}
	if lang == "en" {
		return []string{StemEN(t.Norm)}
	}
	return refStemID(t.Norm)
}

// refTerms is Lexicon.Terms as it was.
func refTerms(l *Lexicon, text, lang string) []string {
	toks := refTokenize(text)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, refWordTerms(l, t, lang)...)
	}
	return out
}
