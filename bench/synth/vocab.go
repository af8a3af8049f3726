package synth

import "math/rand/v2"

// Syllable parts of invented words: Indonesian phonotactics, roughly.
var (
	onsets   = []string{"b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "ng", "ny", ""}
	vowels   = []string{"a", "a", "i", "u", "e", "o"}
	codas    = []string{"", "", "", "n", "ng", "r", "s", "k", "t", "h", "l", "m"}
	prefixes = []string{"me", "mem", "men", "ber", "di", "ter", "pe", "pen", "ke"}
	suffixes = []string{"an", "kan", "i", "nya"}
)

// inventWords returns n distinct pronounceable words, some with the
// prefixes and suffixes of Indonesian morphology, none of them in avoid.
func inventWords(r *rand.Rand, n int, avoid []string) []string {
	seen := make(map[string]bool, n+len(avoid))
	for _, w := range avoid {
		seen[w] = true
	}
	out := make([]string, 0, n)
	for len(out) < n {
		var w []byte
		syl := 2 + r.IntN(2)
		for s := 0; s < syl; s++ {
			w = append(w, onsets[r.IntN(len(onsets))]...)
			w = append(w, vowels[r.IntN(len(vowels))]...)
			if s == syl-1 || r.IntN(3) == 0 {
				w = append(w, codas[r.IntN(len(codas))]...)
			}
		}
		if r.IntN(3) == 0 {
			w = append([]byte(prefixes[r.IntN(len(prefixes))]), w...)
		}
		if r.IntN(4) == 0 {
			w = append(w, suffixes[r.IntN(len(suffixes))]...)
		}
		if len(w) < 3 || seen[string(w)] {
			continue
		}
		seen[string(w)] = true
		out = append(out, string(w))
	}
	return out
}
