package lexicon

import "strings"

// Cognates reports whether two folded words (or stems) are the same loan
// word in English and Indonesian spelling ("conspir" / "konspiras",
// "ukraine" / "ukraina", "museum"): after folding the spellings that
// differ regularly (c, q → k; ph → f; y → i; doubled letters), they share
// a prefix of at least six letters covering most of the shorter word.
func Cognates(a, b string) bool {
	fa, fb := foldCognate(a), foldCognate(b)
	if len(fa) < 6 || len(fb) < 6 {
		return false
	}
	n := 0
	for n < len(fa) && n < len(fb) && fa[n] == fb[n] {
		n++
	}
	return n >= 6 && float64(n) >= 0.7*float64(min(len(fa), len(fb)))
}

func foldCognate(s string) string {
	s = strings.ReplaceAll(s, "ph", "f")
	s = strings.ReplaceAll(s, "c", "k")
	s = strings.ReplaceAll(s, "q", "k")
	s = strings.ReplaceAll(s, "y", "i")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
