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
