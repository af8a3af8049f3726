package lexicon

import "testing"

func TestCognates(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"conspir", "konspiras", true},
		{"ukraine", "ukraina", true},
		{"museum", "museum", true},
		{"satellite", "satelit", true},
		{"military", "militer", false}, // the vowels differ inside the prefix
		{"war", "perang", false},
		{"kursk", "kursk", false}, // too short to be sure
	} {
		if got := Cognates(tc.a, tc.b); got != tc.want {
			t.Errorf("Cognates(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
