package lexicon

import "strings"

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
func StemID(word string) []string {
	if len(word) < 5 || !isAlpha(word) || vowelCount(word) <= 2 {
		return []string{word}
	}
	w := word
	w = trimSuffixKeep(w, []string{"lah", "kah", "pun", "tah"}, 4)
	w = trimSuffixKeep(w, []string{"nya", "ku", "mu"}, 4)
	if vowelCount(w) <= 2 {
		return []string{w}
	}

	cands, prefixed := firstOrderPrefix(w)
	out := make([]string, 0, 2)
	for _, c := range cands {
		// Snowball's order: after a first-order prefix, suffix then
		// second-order prefix; otherwise second-order prefix then suffix.
		if prefixed {
			if vowelCount(c) > 2 {
				c = removeSuffix(c)
			}
			if vowelCount(c) > 2 {
				c = secondOrderPrefix(c)
			}
		} else {
			c = secondOrderPrefix(c)
			if vowelCount(c) > 2 {
				c = removeSuffix(c)
			}
		}
		if !containsString(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// vowelCount is Snowball's measure: the number of vowels, which for
// Indonesian is about the number of syllables.
func vowelCount(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		if isVowel(w[i]) {
			n++
		}
	}
	return n
}

// firstOrderPrefix returns the candidates left after removing a meN-,
// peN-, di-, ter- or ke- prefix, and whether one was removed.
func firstOrderPrefix(w string) ([]string, bool) {
	for _, p := range []string{"meng", "peng", "meny", "peny", "mem", "pem", "men", "pen"} {
		if !strings.HasPrefix(w, p) {
			continue
		}
		rest := w[len(p):]
		if len(rest) < 4 {
			return []string{w}, false
		}
		if !isVowel(rest[0]) {
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
		if !strings.HasPrefix(w, p) || len(w)-len(p) < 4 {
			continue
		}
		// Snowball strips a bare be- only before consonant+"er"
		// ("bekerja" → kerja), so "berita" stays whole.
		if p == "be" && (isVowel(w[2]) || w[3:5] != "er") {
			continue
		}
		return w[len(p):]
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
