package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// Who reports a deed is not who did it. "Lavrov juga mengatakan Belarus,
// dengan dukungan Rusia, telah mengundang Korea Utara …" names Lavrov as
// the speaker and Belarus as the one who invited: asked "who invited
// North Korea?", Lavrov is no answer, and neither is he for "who will
// lead the delegation?". A person is only the source when a verb of
// reporting follows the name and its complement opens with a subject of
// its own (a capitalised word that is not the person); a question about
// what was said, or according to whom, asks for that person and keeps
// them.

// notSpeakers replaces the person keys that only report what the
// question asks about with the subject of the reported clause, when that
// is a name the question does not ask by ("Belarus": a country does
// what a who-question asks as often as a person).
func notSpeakers(c *candidate, keys []key, q lexicon.Query, lex knownWorder) []key {
	if len(keys) == 0 || asksSource(q) || asksSpeech(q) {
		return keys
	}
	var out []key
	var subjects []int
	for _, k := range keys {
		if s := reportsOthersDeed(c, k, q); s >= 0 {
			subjects = append(subjects, s)
			continue
		}
		out = append(out, k)
	}
	mark := c.questionTokens(q)
	for _, s := range subjects {
		if s < len(c.toks) && !mark[s] && !lex.IsStop(c.toks[s].Norm) && !hasKeyAt(out, s) {
			out = append(out, subjectKey(c, s))
		}
	}
	return out
}

// subjectKey is the name that starts at token s: it and the capitalised
// words written right after it ("Belarus", "Departemen Luar Negeri AS").
func subjectKey(c *candidate, s int) key {
	e := s
	for e+1 < len(c.toks) && c.toks[e+1].Upper && !c.toks[e+1].Num && strings.TrimSpace(c.doc.Text[c.toks[e].End:c.toks[e+1].Start]) == "" {
		e++
	}
	return key{norm: c.toks[e].Norm, first: s, last: e, start: c.toks[s].Start, end: c.toks[e].End}
}

func hasKeyAt(keys []key, first int) bool {
	for _, k := range keys {
		if k.first == first {
			return true
		}
	}
	return false
}

// asksSpeech reports a question about words or their source ("who said
// …", "siapa yang bilang …", "who announced …").
func asksSpeech(q lexicon.Query) bool {
	for _, t := range lexicon.Tokenize(q.Text) {
		if lexicon.ReportsSpeech(t.Norm) || introducesReport(t.Norm) {
			return true
		}
	}
	return false
}

// reportsOthersDeed returns the first token of the reported clause's
// subject when the sentence shows the person of key k reporting a clause
// with another subject, and the question's words stand in that clause;
// -1 when it does not. (A closing attribution, "…, ujar Kyrylo Budanov,
// kepala intelijen militer Ukraina", is left alone: the person there is
// often asked by the title written after the name.)
func reportsOthersDeed(c *candidate, k key, q lexicon.Query) int {
	// "Lavrov [juga] mengatakan [bahwa] Belarus …"
	for v := k.last + 1; v < len(c.toks) && v <= k.last+2; v++ {
		if punctuatedBefore(c, v) {
			break
		}
		if !introducesReport(c.toks[v].Norm) {
			continue
		}
		s := v + 1
		if s < len(c.toks) && (c.toks[s].Norm == "bahwa" || c.toks[s].Norm == "that") {
			s++
		}
		if s >= len(c.toks) || !c.toks[s].Upper || c.toks[s].Num || s >= k.first && s <= k.last || !askedAfter(c, q, s) {
			return -1
		}
		return s
	}
	return -1
}

// punctuatedBefore reports punctuation between token i-1 and token i.
func punctuatedBefore(c *candidate, i int) bool {
	return i > 0 && strings.ContainsAny(c.doc.Text[c.toks[i-1].End:c.toks[i].Start], ",.;:()\"“”—–")
}

// askedAfter reports a word of the question, other than a name, matched
// at or after token from.
func askedAfter(c *candidate, q lexicon.Query, from int) bool {
	for _, m := range c.matched {
		if m.pos >= from && !q.Concepts[m.concept].Entity && !q.Concepts[m.concept].Meta {
			return true
		}
	}
	return false
}

// introducesReport reports a verb that opens reported speech with a
// clause of its own ("said [that] …", "mengatakan [bahwa] …"). Verbs
// that name a deed of their own ("praised", "memuji", "thanked") are
// not in it: their object is not another's act.
func introducesReport(w string) bool {
	switch w {
	case "say", "said", "says", "told", "stated", "states", "added", "noted", "announced", "claimed", "claims", "reported", "reports",
		"mengatakan", "menyatakan", "berkata", "mengungkapkan", "menegaskan", "menambahkan", "mengumumkan", "mengklaim", "melaporkan",
		"bilang", "menyebutkan":
		return true
	}
	return false
}
