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
	return appendStemID(nil, word)
}

// appendStemID appends StemID's candidates of word to dst, without the
// slices StemID would allocate: the indexing path stems every word.
func appendStemID(dst []string, word string) []string {
	if len(word) < 5 || !isAlpha(word) || vowelCount(word) <= 2 {
		return append(dst, word)
	}
	w := trimParticle(word)
	if p := trimPossessive(w); len(p) == len(w)-2 {
		// -ku and -mu end many roots ("bertemu": ber+temu, "buku",
		// "tamu") and are rarely news' possessives: the word is stemmed
		// both with and without them.
		start := len(dst)
		dst = appendStemFrom(dst, p)
		for _, c := range appendStemFrom(nil, w) {
			if !containsString(dst[start:], c) {
				dst = append(dst, c)
			}
		}
		return dst
	}
	return appendStemFrom(dst, trimPossessive(w))
}

// appendStemFrom stems a word whose particle and possessive are off.
func appendStemFrom(dst []string, w string) []string {
	if vowelCount(w) <= 2 {
		return append(dst, w)
	}

	c1, c2, n, prefixed := firstOrderPrefix(w)
	start := len(dst)
	for k := 0; k < n; k++ {
		c := c1
		if k == 1 {
			c = c2
		}
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
		if !containsString(dst[start:], c) {
			dst = append(dst, c)
		}
	}
	return dst
}

// trimParticle removes a -lah, -kah, -pun or -tah particle, leaving at
// least four letters.
func trimParticle(w string) string {
	if len(w) >= 7 {
		switch w[len(w)-3:] {
		case "lah", "kah", "pun", "tah":
			return w[:len(w)-3]
		}
	}
	return w
}

// trimPossessive removes a -nya, -ku or -mu possessive, leaving at least
// four letters.
func trimPossessive(w string) string {
	if len(w) >= 7 && w[len(w)-3:] == "nya" {
		return w[:len(w)-3]
	}
	if len(w) >= 6 {
		switch w[len(w)-2:] {
		case "ku", "mu":
			return w[:len(w)-2]
		}
	}
	return w
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

// firstOrderPrefix returns the n (one or two) candidates left after
// removing a meN-, peN-, di-, ter- or ke- prefix, and whether one was
// removed.
func firstOrderPrefix(w string) (c1, c2 string, n int, prefixed bool) {
	switch w[0] { // every prefix below starts with one of these
	case 'm', 'p', 'd', 't', 'k':
	default:
		return w, "", 1, false
	}
	for _, p := range [...]string{"meng", "peng", "meny", "peny", "mem", "pem", "men", "pen"} {
		if !strings.HasPrefix(w, p) {
			continue
		}
		rest := w[len(p):]
		if len(rest) < 4 {
			return w, "", 1, false
		}
		if !isVowel(rest[0]) {
			return rest, "", 1, true
		}
		switch p {
		case "meng", "peng":
			return rest, "k" + rest, 2, true
		case "meny", "peny":
			return "s" + rest, "", 1, true
		case "mem", "pem":
			return "p" + rest, "m" + rest, 2, true
		default: // men, pen
			return "t" + rest, "n" + rest, 2, true
		}
	}
	for _, p := range [...]string{"me", "di", "ter", "ke"} {
		if strings.HasPrefix(w, p) && len(w)-len(p) >= 4 {
			return w[len(p):], "", 1, true
		}
	}
	return w, "", 1, false
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
	if len(w) == 0 || w[0] != 'b' && w[0] != 'p' { // ber-, per-, be-, pe-
		return w
	}
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
