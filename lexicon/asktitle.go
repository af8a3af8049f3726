package lexicon

// titleAsked returns 1 + the index of the person whose job, title or role
// a question asks, or 0. Two shapes ask it: a word for a job with a name
// to own it ("what's Maria Zakharova's job?", "budanov itu jabatannya
// apa?", "what role does Zakharova have?"), and a who-question that is
// only a name ("who is Kyrylo Budanov?", "siapa itu Budanov?", "Budanov itu
// siapa sih?"), which a news reader answers with the title. A place
// ("who is Pyongyang's …") is no person.
func (l *Lexicon) titleAsked(q Query, toks []Token) int {
	person := 0
	for k, c := range q.Concepts {
		if !c.Entity || l.PlaceNamed(c) {
			continue
		}
		if person != 0 {
			return 0 // two people: the question is about them, not a title
		}
		person = k + 1
	}
	if person == 0 {
		return 0
	}
	jobWord, whoWord, other := false, false, false
	name := q.Concepts[person-1]
	for i, t := range toks {
		switch {
		case i >= name.first && i <= name.last:
		case jobNoun(t.Norm):
			jobWord = true
		case t.Norm == "who" || t.Norm == "siapa" || t.Norm == "whos":
			whoWord = true
		case l.IsStop(t.Norm) || t.Norm == "s" || chatParticle(t.Norm):
		default:
			other = true
		}
	}
	switch {
	case jobWord && (q.Type == AnswerAny || q.Type == AnswerPerson):
		return person
	case whoWord && !other:
		return person
	}
	return 0
}

// jobNoun reports a word that names what someone does or is, in either
// language, with Indonesian's possessive -nya ("jabatannya").
func jobNoun(w string) bool {
	switch w {
	case "job", "role", "title", "position", "post", "occupation", "profession", "office", "rank",
		"jabatan", "pekerjaan", "posisi", "peran", "profesi", "kedudukan", "pangkat", "jabatannya",
		"pekerjaannya", "posisinya", "perannya", "profesinya", "kedudukannya", "pangkatnya":
		return true
	}
	return false
}
