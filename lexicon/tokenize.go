// Package lexicon is Kabar's offline language layer for Indonesian and
// English news: tokenising with byte offsets, number and case normalisation,
// stemming (a Snowball-style Indonesian stemmer and Snowball's English one),
// stop words, and query analysis that translates English questions into the
// corpus's Indonesian through the vendored FreeDict dictionary and a curated
// news supplement, keeping multi-word names whole.
package lexicon

import (
	"iter"
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
	toks := make([]Token, 0, maxTokens(text))
	eachToken(text, func(t Token) bool {
		toks = append(toks, t)
		return true
	})
	if len(toks) == 0 {
		return nil // as before: callers may test for nil
	}
	return toks
}

// Tokens yields the tokens Tokenize returns, in order, without building
// the slice: for a caller that reads each token once (the embedder).
func Tokens(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) { eachToken(text, yield) }
}

// eachToken calls yield with each token of text until it returns false.
func eachToken(text string, yield func(Token) bool) {
	i := 0
	for i < len(text) {
		c := text[i]
		var tok Token
		switch {
		case isASCIIDigit(c):
			tok, i = numberToken(text, i)
		case isASCIILetter(c):
			end := wordEnd(text, i+1)
			raw := text[i:end]
			tok = Token{Text: raw, Norm: fold(raw), Start: i, End: end, Upper: 'A' <= c && c <= 'Z'}
			i = end
		case c < utf8.RuneSelf:
			i++
			continue
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			// Other scripts' digits ("٣", "３") are kept as words:
			// scanNumber and canonicalNumber handle ASCII digits only.
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				i += size
				continue
			}
			end := wordEnd(text, i+size)
			raw := text[i:end]
			tok = Token{Text: raw, Norm: fold(raw), Start: i, End: end, Upper: unicode.IsUpper(r)}
			i = end
		}
		if !yield(tok) {
			return
		}
	}
}

// numberToken reads the number starting at an ASCII digit at i and returns
// it with its end.
func numberToken(text string, i int) (Token, int) {
	end := scanNumber(text, i)
	norm := canonicalNumber(text[i:end])
	// "10 ribu" and "6 thousand" are one figure: 10000, 6000.
	if scale, wEnd := scaleWordAfter(text, end); scale > 0 {
		if v, err := strconv.ParseFloat(norm, 64); err == nil {
			norm, end = strconv.FormatFloat(v*scale, 'f', -1, 64), wEnd
		}
	}
	return Token{Text: text[i:end], Norm: norm, Start: i, End: end, Num: true}, end
}

// wordEnd returns the end of the word whose remaining runes start at i:
// letters, digits and combining marks.
func wordEnd(text string, i int) int {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if !isASCIILetter(c) && !isASCIIDigit(c) {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			return i
		}
		i += size
	}
	return i
}

// maxTokens bounds the number of tokens Tokenize finds in text, so its
// slice is allocated once: a token starts at a non-ASCII rune, or at an
// ASCII letter or digit whose byte before is of another class (letter,
// digit, other): "10km" is two tokens, as is "10 ribu5".
func maxTokens(text string) int {
	n, prev := 0, byte(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		var class byte // 0 other, 1 letter, 2 digit
		switch {
		case c >= 0xC0:
			n++
		case isASCIILetter(c):
			class = 1
		case isASCIIDigit(c):
			class = 2
		}
		if class != 0 && class != prev {
			n++
		}
		prev = class
	}
	return n
}

func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

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
// "zelenskyy" and "Zelénskyy" meet. A word already folded (lower-case
// ASCII, most of a text) is returned as it is, without a copy.
func fold(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return foldRunes(s)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return s
	}
	var buf [64]byte
	b := buf[:0]
	if len(s) > len(buf) {
		b = make([]byte, 0, len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

// foldRunes is fold for text with non-ASCII runes.
func foldRunes(s string) string {
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
