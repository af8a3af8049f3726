package answer

import (
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

func TestPlaceEN(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ id, want string }{
		{"Korut", "North Korea"}, // a short form is written out, not "Nk"
		{"Korea Utara", "North Korea"},
		{"Moskow", "Moscow"},
		{"Wonsan", "Wonsan"}, // a name the dictionaries do not know stays as written
	} {
		if got := placeEN(tc.id, lex); got != tc.want {
			t.Errorf("placeEN(%q) = %q, want %q", tc.id, got, tc.want)
		}
	}
}
