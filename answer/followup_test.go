package answer

import (
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

func TestStandaloneFollowUps(t *testing.T) {
	t.Parallel()
	lex, err := lexicon.New()
	if err != nil {
		t.Fatal(err)
	}
	engineers := []Turn{{Question: "How many engineers did North Korea promise?", Answer: "6.000 insinyur [1]."}}
	insinyur := []Turn{{Question: "Berapa insinyur yang dijanjikan Korea Utara?", Answer: "6.000 insinyur [1]."}}
	tests := []struct {
		name     string
		history  []Turn
		question string
		want     string
	}{
		{"no history", nil, "When did that happen?", "When did that happen?"},
		{"the issue's example", []Turn{{Question: "Where did Lavrov meet Kim Jong Un?", Answer: "Wonsan [1][2]."}},
			"When did that happen?", "When did Lavrov meet Kim Jong Un?"},
		{"the issue's example in Indonesian", []Turn{{Question: "Di mana Lavrov bertemu Kim Jong Un?", Answer: "Wonsan [1][2]."}},
			"Kapan itu terjadi?", "Kapan Lavrov bertemu Kim Jong Un?"},
		{"pronoun and vague verb", engineers, "When did that happen?", "When did engineers North Korea promise?"},
		{"pronoun only", engineers, "Where will they work?", "Where will work engineers North Korea promise?"},
		{"short follow-up without names", engineers, "And the soldiers?", "And the soldiers engineers North Korea promise?"},
		{"standalone question with a name", engineers, "Who did Lavrov meet in Malaysia?", "Who did Lavrov meet in Malaysia?"},
		{"standalone question without a name", engineers, "How many soldiers were killed in the war?", "How many soldiers were killed in the war?"},
		{"Indonesian", insinyur, "Kapan itu terjadi?", "Kapan insinyur dijanjikan Korea Utara?"},
		{"Indonesian -nya", insinyur, "Di mana lokasinya?", "Di mana lokasinya insinyur dijanjikan Korea Utara?"},
		{"latest turn with a subject wins", append(append([]Turn{}, engineers...), Turn{Question: "Kapan Lavrov ke Wonsan?"}),
			"Why did it happen?", "Why did Lavrov Wonsan?"},
		{"earlier turns without content are skipped", append(append([]Turn{}, engineers...), Turn{Question: "why?"}),
			"When did that happen?", "When did engineers North Korea promise?"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Standalone(lex, tc.question, tc.history); got != tc.want {
				t.Errorf("Standalone(%q) = %q, want %q", tc.question, got, tc.want)
			}
		})
	}
}
