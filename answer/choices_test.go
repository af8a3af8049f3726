package answer

import (
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

// TestAlternativeQuestions: a question offering two answers ("in Wonsan
// or Pyongyang?") is answered with the offers the coverage states, each
// with its source, never with "yes".
func TestAlternativeQuestions(t *testing.T) {
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	summit := map[string]string{
		"summit.md": "# Summit\n\nThe two leaders met in Singapore in June, officials said.\n\nHanoi hosted a trade fair the same month.\n",
	}
	seeds, _ := seedService(t)
	for _, tt := range []struct {
		name     string
		files    map[string]string // nil: the bundled articles
		question string
		want     []string // the lead states each; nil: a decline
	}{
		{name: "two reports, one offer each: both, each with its source (seed-blind8 tuning)",
			question: "Was Lavrov's visit in Wonsan or Pyongyang? the reports seem to differ", want: []string{"Wonsan", "Pyongyang", "disagree"}},
		{name: "the offer the coverage states, the other not: that one, a repeated preposition and all",
			question: "did Kim meet Lavrov in Wonsan or in Moscow?", want: []string{"Wonsan"}},
		{name: "the same in Indonesian chat (ato)", question: "lavrov sebenernya ke wonsan ato pyongyang sih?", want: []string{"Wonsan", "Pyongyang", "berbeda"}},
		{name: "one offer stated: that one", files: summit, question: "did the leaders meet in Hanoi or Singapore?", want: []string{"Singapore"}},
		{name: "a place named but not as where they met is no offer stated", files: summit, question: "did the leaders meet in Hanoi or Bangkok?"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := askSeedsOr(t, seeds, lex, tt.files, tt.question)
			lead := outsideQuotes(res.Answer)
			if tt.want == nil {
				if res.Answered {
					t.Fatalf("answered %q, want a decline", res.Answer)
				}
				return
			}
			if strings.HasPrefix(lead, "Yes") || strings.HasPrefix(lead, "Ya") || strings.HasPrefix(lead, "No") {
				t.Errorf("answer %q says yes or no to an alternative question", res.Answer)
			}
			for _, w := range tt.want {
				if !strings.Contains(lead, w) {
					t.Errorf("answer %q, want its lead to state %q", res.Answer, w)
				}
			}
		})
	}
}

func TestWithoutOffer(t *testing.T) {
	for _, tc := range []struct{ question, offer, want string }{
		{"did Kim meet Lavrov in Wonsan or in Moscow?", "Moscow", "did Kim meet Lavrov in Wonsan?"},
		{"did Kim meet Lavrov in Wonsan or in Moscow?", "Wonsan", "did Kim meet Lavrov in Moscow?"},
		{"lavrov ke wonsan ato pyongyang sih?", "pyongyang", "lavrov ke wonsan sih?"},
		{"dibuka juni atau juli?", "juni", "dibuka juli?"},
	} {
		if got := withoutOffer(tc.question, tc.offer); got != tc.want {
			t.Errorf("withoutOffer(%q, %q) = %q, want %q", tc.question, tc.offer, got, tc.want)
		}
	}
}
