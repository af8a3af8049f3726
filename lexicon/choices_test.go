package lexicon

import "testing"

func TestChoices(t *testing.T) {
	l := newLexicon(t)
	for _, tc := range []struct {
		question string
		offers   []string // the offered concepts' surfaces; nil: no alternative question
		typ      AnswerType
	}{
		{"Was Lavrov's visit in Wonsan or Pyongyang?", []string{"Wonsan", "Pyongyang"}, AnswerPlace},
		{"resort itu dibuka Juni atau Juli?", []string{"Juni", "Juli"}, AnswerDate},
		{"did Kim or Putin host the talks?", []string{"Kim", "Putin"}, AnswerPerson},
		{"were 600 or 6000 soldiers killed?", []string{"600", "6000"}, AnswerNumber},
		{"did Kim meet Lavrov in Wonsan or in Moscow?", []string{"Wonsan", "Moscow"}, AnswerPlace},
		// not alternatives: a list in a wh-question, words of two kinds,
		// no "or"
		{"who met Lavrov and Choe?", nil, AnswerPerson},
		{"did Lavrov meet Kim or visit Moscow?", nil, AnswerYesNo},
		{"was the visit in Wonsan?", nil, AnswerYesNo},
	} {
		q := l.Analyze(tc.question)
		var got []string
		for _, i := range q.Choices {
			got = append(got, q.Concepts[i].Surface)
		}
		if len(got) != len(tc.offers) || len(got) == 2 && (got[0] != tc.offers[0] || got[1] != tc.offers[1]) {
			t.Errorf("%q: choices %q, want %q", tc.question, got, tc.offers)
		}
		if q.Type != tc.typ {
			t.Errorf("%q: type %v, want %v", tc.question, q.Type, tc.typ)
		}
	}
}
