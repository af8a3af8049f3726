package answer

import (
	"slices"
	"testing"
)

func TestSpellingsNear(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		word string
		near []string // must be among the variants
		far  []string // must not
	}{
		{"zelensky", []string{"zelenskyy", "zelenski", "zelenskj"}, []string{"zelensk", "selensky"}},
		{"sergei", []string{"sergey", "sergej", "serggei"}, []string{"serge", "sergio"}},
		{"zelenskyy", []string{"zelensky"}, nil},
		{"lavorv", []string{"lavrov"}, []string{"lavorov"}}, // two neighbouring letters swapped
	} {
		got := spellingsNear(tt.word)
		for _, w := range tt.near {
			if !slices.Contains(got, w) {
				t.Errorf("spellingsNear(%q) lacks %q", tt.word, w)
			}
		}
		for _, w := range tt.far {
			if slices.Contains(got, w) {
				t.Errorf("spellingsNear(%q) has %q, more than one letter away", tt.word, w)
			}
		}
	}
}
