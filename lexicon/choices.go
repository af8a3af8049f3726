package lexicon

import "strings"

// An alternative question offers its answers: "was Lavrov's visit in
// Wonsan or Pyongyang?", "resort itu dibuka juni atau juli?". It is no
// yes/no question — "yes" answers nothing — but an open one whose answer
// is one of the two, or both when the sources differ.

// setChoices marks two concepts of one kind (two places, two names, two
// months, two figures) joined by "or" ("atau", chat's "ato") in a
// question no question word types otherwise, and types the question by
// them.
func (l *Lexicon) setChoices(q *Query, toks []Token) {
	at := map[int]int{} // first token → concept
	for i, c := range q.Concepts {
		at[c.first] = i
	}
	for i, c := range q.Concepts {
		next := c.last + 1
		if next >= len(toks) || !orWord(toks[next].Norm) {
			continue
		}
		after := next + 1
		if after < len(toks) && repeatedPreposition(toks[after].Norm) {
			after++ // "in Wonsan or in Moscow"
		}
		j, ok := at[after]
		if !ok {
			continue
		}
		if typ, ok := l.choiceType(c, q.Concepts[j]); ok && (q.Type == AnswerAny || q.Type == AnswerYesNo || q.Type == typ) {
			q.Choices = []int{i, j}
			q.Type = typ
			q.Polar = false
			return
		}
	}
}

// choiceType is the answer type two offered concepts share.
func (l *Lexicon) choiceType(a, b Concept) (AnswerType, bool) {
	switch {
	case a.Number && b.Number:
		return AnswerNumber, true
	case IsMonthName(strings.ToLower(a.Surface)) && IsMonthName(strings.ToLower(b.Surface)):
		return AnswerDate, true
	case a.Entity && b.Entity && (l.PlaceNamed(a) || l.PlaceNamed(b)):
		return AnswerPlace, true // "Wonsan or Pyongyang": the gazetteer need know only one
	case a.Entity && b.Entity:
		return AnswerPerson, true
	}
	return AnswerAny, false
}

func orWord(w string) bool {
	switch w {
	case "or", "atau", "ato":
		return true
	}
	return false
}

// repeatedPreposition reports a preposition an offer may repeat after
// "or" ("in Wonsan or in Moscow", "di Wonsan atau di Moskow").
func repeatedPreposition(w string) bool {
	switch w {
	case "in", "at", "to", "from", "on", "di", "ke", "dari", "pada":
		return true
	}
	return false
}
