package lexicon

import "strings"

// StemID returns the candidate stems of an Indonesian word (already folded):
// one stem usually, two when the meN-/peN- prefix hides which consonant the
// root began with ("mengirim" may be meng+irim or meng+kirim). Keeping both
// candidates lets index and query meet without a root dictionary. The
// algorithm follows the Snowball Indonesian stemmer (particles, possessives,
// first-order prefixes, suffixes, second-order prefixes) with minimum-length
// guards so short roots such as "perang" or "berita" stay whole.
func StemID(word string) []string {
	if len(word) < 5 || !isAlpha(word) {
		return []string{word}
	}
	w := word
	w = trimSuffixKeep(w, []string{"lah", "kah", "pun", "tah"}, 4)
	w = trimSuffixKeep(w, []string{"nya", "ku", "mu"}, 4)

	cands := firstOrderPrefix(w)
	out := make([]string, 0, 2)
	for _, c := range cands {
		c = removeSuffix(c)
		c = secondOrderPrefix(c)
		if !containsString(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func firstOrderPrefix(w string) []string {
	for _, p := range []string{"meng", "peng", "meny", "peny", "mem", "pem", "men", "pen"} {
		if !strings.HasPrefix(w, p) {
			continue
		}
		rest := w[len(p):]
		if len(rest) < 4 {
			return []string{w}
		}
		if !isVowel(rest[0]) {
			return []string{rest}
		}
		switch p {
		case "meng", "peng":
			return []string{rest, "k" + rest}
		case "meny", "peny":
			return []string{"s" + rest}
		case "mem", "pem":
			return []string{"p" + rest, "m" + rest}
		default: // men, pen
			return []string{"t" + rest, "n" + rest}
		}
	}
	for _, p := range []string{"me", "di", "ter", "ke"} {
		if strings.HasPrefix(w, p) && len(w)-len(p) >= 4 {
			return []string{w[len(p):]}
		}
	}
	return []string{w}
}

func removeSuffix(w string) string {
	for _, s := range []string{"kan", "an", "i"} {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= 4 && hasVowel(w[:len(w)-len(s)]) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

func secondOrderPrefix(w string) string {
	for _, p := range []string{"ber", "per", "be", "pe"} {
		if strings.HasPrefix(w, p) && len(w)-len(p) >= 4 {
			return w[len(p):]
		}
	}
	return w
}

func trimSuffixKeep(w string, suffixes []string, minRest int) string {
	for _, s := range suffixes {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= minRest {
			return w[:len(w)-len(s)]
		}
	}
	return w
}

func isVowel(b byte) bool { return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' }

func hasVowel(s string) bool {
	for i := 0; i < len(s); i++ {
		if isVowel(s[i]) {
			return true
		}
	}
	return false
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
