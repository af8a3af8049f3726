package cite

import "testing"

func TestRolesSwapped(t *testing.T) {
	v := newTestVerifier(t)
	const sends = "Korea Utara juga setuju mengirim 6.000 insinyur ke Rusia."
	for _, tc := range []struct {
		statement, passage string
		swapped            bool
	}{
		{"Rusia mengirim insinyur ke Korea Utara", sends, true},
		{"Russia sent engineers to North Korea", sends, true},
		{"North Korea sent engineers to Russia", sends, false},
		{"Korea Utara mengirim insinyur ke Rusia", sends, false},
	} {
		if got := v.RolesSwapped(tc.statement, tc.passage, ""); (got != "") != tc.swapped {
			t.Errorf("RolesSwapped(%q) = %q, want swapped %v", tc.statement, got, tc.swapped)
		}
	}
}

func TestDirectionReversed(t *testing.T) {
	v := newTestVerifier(t)
	const sends = "Korut juga setuju mengirim 6.000 insinyur untuk membantu rekonstruksi di sana."
	for _, tc := range []struct {
		statement, passage string
		reversed           bool
	}{
		{"mengirim insinyur ke Korut", sends, true}, // "Rusia …" left out: Korut receives in the statement, sends in the passage
		{"Korut mengirim insinyur", sends, false},
		{"sent engineers to North Korea", "North Korea sent 6,000 engineers.", true},
		{"North Korea sent engineers", "North Korea sent 6,000 engineers.", false},
		// only the direction: a statement's first name is not taken for an actor another replaces
		{"quote saying about the Ukraine crisis", "Korea Utara mengatakan akan mendukung langkah yang diambil oleh Rusia untuk mengatasi krisis Ukraina.", false},
	} {
		if got := v.DirectionReversed(tc.statement, tc.passage, ""); (got != "") != tc.reversed {
			t.Errorf("DirectionReversed(%q) = %q, want reversed %v", tc.statement, got, tc.reversed)
		}
	}
}
