package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A question for a claim's source ("according to whom did North Korea
// ship missiles?", "menurut siapa …") is answered by whoever the
// sentence has say it, and news attributes to institutions as often as
// to people: "Departemen Luar Negeri AS mengatakan …", "…, menurut
// Intelijen Korea Selatan". Those names are runs of capitalised words
// that the dictionaries know word by word, which a person's name is not.

// asksSource reports a who-question asking according to whom
// ("according to who", "menurut siapa").
func asksSource(q lexicon.Query) bool {
	toks := lexicon.Tokenize(q.Text)
	for i := 0; i+1 < len(toks); i++ {
		switch {
		case toks[i].Norm == "according" && i+2 < len(toks) && toks[i+1].Norm == "to" && (toks[i+2].Norm == "who" || toks[i+2].Norm == "whom"):
			return true
		case toks[i].Norm == "menurut" && toks[i+1].Norm == "siapa":
			return true
		}
	}
	return false
}

// sourceKeys finds the capitalised run right before a verb of saying
// ("Departemen Luar Negeri AS mengatakan") or right after "menurut" /
// "according to", not a word of the question.
func sourceKeys(c *candidate, mark []bool) []key {
	var keys []key
	run := func(from, to int) {
		if from > to || from < 0 || to >= len(c.toks) {
			return
		}
		for i := from; i <= to; i++ {
			if mark[i] {
				return // the question's own words
			}
		}
		k := key{first: from, last: to, start: c.toks[from].Start, end: c.toks[to].End}
		k.norm = strings.ToLower(c.doc.Text[k.start:k.end])
		keys = append(keys, k)
	}
	joined := func(a, b int) bool {
		return strings.TrimSpace(c.doc.Text[c.toks[a].End:c.toks[b].Start]) == ""
	}
	for i, t := range c.toks {
		switch {
		case lexicon.ReportsSpeech(t.Norm) && t.Norm != "menurut" && t.Norm != "according" && i > 0 && c.toks[i-1].Upper && joined(i-1, i):
			from := i - 1
			for from > 0 && c.toks[from-1].Upper && joined(from-1, from) {
				from--
			}
			run(from, i-1)
		case t.Norm == "menurut" || t.Norm == "according" && i+1 < len(c.toks) && c.toks[i+1].Norm == "to":
			from := i + 1
			if t.Norm == "according" {
				from++
			}
			if from >= len(c.toks) || !c.toks[from].Upper {
				continue
			}
			to := from
			for to+1 < len(c.toks) && c.toks[to+1].Upper && joined(to, to+1) {
				to++
			}
			run(from, to)
		}
	}
	return keys
}
