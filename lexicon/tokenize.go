// Package lexicon is Kabar's offline language layer for Indonesian and
// English news: tokenising with byte offsets, number and case normalisation,
// stemming (a Snowball-style Indonesian stemmer and Snowball's English one),
// stop words, and query analysis that translates English questions into the
// corpus's Indonesian through the vendored FreeDict dictionary and a curated
// news supplement, keeping multi-word names whole.
package lexicon

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word or number of a text with its byte offsets.
type Token struct {
	Text  string // verbatim
	Norm  string // lower-cased; numbers canonical ("10.000" and "10,000" → "10000")
	Start int
	End   int
	Upper bool // starts with an upper-case letter
	Num   bool // a number
}

// Tokenize splits text into words and numbers. Hyphens and apostrophes split
// words ("Rusia-Ukraina" → Rusia, Ukraina); digit groups joined by thousands
// separators stay one number.
func Tokenize(text string) []Token {
	var toks []Token
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r < utf8.RuneSelf && isASCIIDigit(byte(r)):
			end := scanNumber(text, i)
			norm := canonicalNumber(text[i:end])
			// "10 ribu" and "6 thousand" are one figure: 10000, 6000.
			if scale, wEnd := scaleWordAfter(text, end); scale > 0 {
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
			toks = append(toks, Token{Text: raw, Norm: fold(raw), Start: i, End: end, Upper: unicode.IsUpper(r)})
			i = end
		default:
			i += size
		}
	}
	return toks
}

// scanNumber returns the end of the number starting at i. Groups of exactly
// three digits after '.' or ',' continue the number (thousands or decimals).
func scanNumber(text string, i int) int {
	end := i
	for end < len(text) && isASCIIDigit(text[end]) {
		end++
	}
	for end+1 < len(text) && (text[end] == '.' || text[end] == ',') && isASCIIDigit(text[end+1]) {
		j := end + 1
		for j < len(text) && isASCIIDigit(text[j]) {
			j++
		}
		end = j
	}
	return end
}

// scaleWordAfter reads a scale word ("ribu", "juta", "thousand",
// "million") separated from a number ending at i by one space; it returns
// its multiplier and end, or 0.
func scaleWordAfter(text string, i int) (float64, int) {
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

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// canonicalNumber removes thousands separators: a separator followed by
// exactly three digits is a thousands separator in both Indonesian (10.000)
// and English (10,000); anything else is a decimal mark, written '.'.
func canonicalNumber(raw string) string {
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
func fold(s string) string {
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

var diacritics = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n', 'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ù': 'u',
	'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y', 'š': 's', 'ž': 'z', 'č': 'c', 'ć': 'c', 'ł': 'l', 'ø': 'o',
}
