package answer

import (
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

// TestUnclippedReading: a clipped word the coverage does not use reads as
// its full form; one the coverage writes is read as written.
func TestUnclippedReading(t *testing.T) {
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := seedService(t)
	for _, tt := range []struct {
		name     string
		files    map[string]string // nil: the bundled articles
		question string
		want     string // the answer states this
	}{
		{
			name:     "intel for intelligence: the Ukrainian intelligence chief (seed-blind9 tuning)",
			question: "who's the ukrainian intel chief that made the ammo claim?",
			want:     "Budanov",
		},
		{
			name: "a word the pages write is their name, not a clipping",
			files: map[string]string{
				"areas.md":  "# Archive areas\n\nThe contrib area holds free packages that depend on non-free ones.\n\nPackages move between releases.\n",
				"thanks.md": "# Thanks\n\nEvery contribution to the project is welcome, from code to translations.\n\nThe project thanks its donors.\n",
			},
			question: "what does contrib hold?",
			want:     "contrib area",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := askSeedsOr(t, seeds, lex, tt.files, tt.question)
			if !res.Answered || !strings.Contains(res.Answer+quotesOf(res), tt.want) {
				t.Errorf("answer %q, want it to state %q", res.Answer, tt.want)
			}
		})
	}
}

func quotesOf(res Result) string {
	var b strings.Builder
	for _, c := range res.Citations {
		b.WriteString(c.Quote)
	}
	return b.String()
}
