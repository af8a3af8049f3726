package cite

import (
	"strings"
	"testing"
)

// TestEventPlace: the place that contradicts a claim's place is the place
// of the same event, in the clause of the word the claim's verb matched.
func TestEventPlace(t *testing.T) {
	t.Parallel()
	v := newTestVerifier(t)
	for _, tc := range []struct {
		claim, passage string
		rule, inReason string // rule "" : not contradicted
	}{
		// the campaign's place is not the meeting's
		{"Kim met Lavrov in Moscow.", "Kim bertemu dengan Lavrov dan menegaskan dukungan Korea Utara terhadap kampanye militer Rusia di Ukraina.", "", ""},
		// troops deployed to Russia, in a relative clause, are another event
		{"Lavrov met Kim in Moscow.", "Lavrov bertemu Kim dan berterima kasih atas pasukan yang dikerahkan ke Rusia.", "", ""},
		// two places: the meeting's is the one the reason names
		{"Lavrov met Kim in Moscow.", "Setelah tiba di Pyongyang, Lavrov bertemu Kim di Wonsan.", "place-conflict", "Wonsan, not Moscow"},
		{"Lavrov met Kim in Moscow.", "Lavrov bertemu dengan Kim Jong Un di Korea Utara, di mana Pyongjang menyatakan dukungannya terhadap perang Rusia di Ukraina.", "place-conflict", "Korea Utara, not Moscow"},
		{"Lavrov met Kim in Moscow.", "Kim menyapa Lavrov dalam sebuah pertemuan di Wonsan.", "place-conflict", "Wonsan"},
	} {
		ok, rule, reason := judgeOne(v, tc.claim, tc.passage)
		if ok || rule != tc.rule || !strings.Contains(reason, tc.inReason) {
			t.Errorf("%q against %q: supported=%v rule %q reason %q; want rule %q naming %q", tc.claim, tc.passage, ok, rule, reason, tc.rule, tc.inReason)
		}
	}
}
