package answer

import (
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

// TestSourceQuestions: "according to whom" is answered by the sentence's
// source, an institution as often as a person.
func TestSourceQuestions(t *testing.T) {
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := seedService(t)
	for _, tt := range []struct {
		name     string
		files    map[string]string
		question string
		want     string
	}{
		{name: "an institution before the verb of saying (seed-blind6 tuning)",
			question: "according to who did nk ship ballistic missiles and ammo to russia", want: "Departemen Luar Negeri AS"},
		{name: "an institution after menurut",
			files:    map[string]string{"intel.md": "# Pasukan\n\nPyongyang mungkin menyiapkan lebih banyak pasukan untuk dikirim, menurut Badan Intelijen Nasional.\n\nPasukan itu dilatih di Rusia.\n"},
			question: "menurut siapa pyongyang menyiapkan lebih banyak pasukan?", want: "Badan Intelijen Nasional"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := askSeedsOr(t, seeds, lex, tt.files, tt.question)
			if lead := outsideQuotes(res.Answer); !strings.HasPrefix(lead, tt.want) {
				t.Errorf("answer %q, want it to lead with %q", res.Answer, tt.want)
			}
		})
	}
}

func TestAsksSource(t *testing.T) {
	l, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]bool{
		"according to who did nk ship missiles?":   true,
		"according to whom was the claim made?":    true,
		"menurut siapa korut mengirim rudal?":      true,
		"who shipped missiles to russia?":          false,
		"according to the report, who met lavrov?": false,
	} {
		if got := asksSource(l.Analyze(q)); got != want {
			t.Errorf("asksSource(%q) = %v, want %v", q, got, want)
		}
	}
}
