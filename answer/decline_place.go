package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A place the question names after a preposition ("go to the Kremlin",
// "meet in Wonsan") is where the event happened, or where to or from.
// A sentence that writes the same name only as an actor ("sebuah
// pernyataan yang dibantah oleh Kremlin", "Pyongyang setuju …") speaks of
// a government, not of the place: it does not put the event there.

// placeAsActor returns a place of the question that the chosen sentence
// writes, but never after a preposition of place, or "".
func (e *Extractive) placeAsActor(c *candidate, lq lexicon.Query) string {
	qtoks := lexicon.Tokenize(lq.Text)
	text := c.text()
	for _, con := range lq.Concepts {
		if !con.Entity || !e.lex.IsSeatOfPower(strings.ToLower(con.Surface)) {
			continue
		}
		rel := placedIn(qtoks, con)
		if rel == placeUnknown || rel == placeTo && thingSentTo(qtoks, con, lq) {
			continue // "senjata ke Moskow": a thing sent to a government, which the sentence may arm ("mempersenjatai Moskwa")
		}
		written, placed := false, false
		for i := range c.toks {
			if !namesWhole(con, c.termsAt[i:min(i+3, len(c.termsAt))]) || !tokenOf(con, c.termsAt[i]) {
				continue
			}
			written = true
			if relationBefore(text, c.toks[i].Start-c.span.Start) != placeUnknown {
				placed = true
				break
			}
		}
		if written && !placed {
			return con.Surface
		}
	}
	return ""
}

// thingSentTo reports a question that sends a thing to the place ("arms
// to Moscow", "senjata ke moskow", "troops to Russia"): a noun right
// before the preposition. The place receives it as a government does.
func thingSentTo(toks []lexicon.Token, con lexicon.Concept, lq lexicon.Query) bool {
	first := strings.ToLower(firstWord(con.Surface))
	for i, t := range toks {
		if t.Norm != first {
			continue
		}
		k := i - 1
		for k >= 0 && toks[k].Norm == "the" {
			k--
		}
		if k < 1 || relationOf(toks[k].Norm) != placeTo {
			continue
		}
		for _, thing := range lq.Concepts {
			if thing.Salient && !thing.Entity && !thing.Number && strings.EqualFold(lastWord(thing.Surface), toks[k-1].Text) {
				return true
			}
		}
	}
	return false
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// placedIn is the relation the question gives a place: the preposition
// before it, past an article ("to the Kremlin").
func placedIn(toks []lexicon.Token, con lexicon.Concept) placeRelation {
	first := strings.ToLower(firstWord(con.Surface))
	for i, t := range toks {
		if t.Norm != first {
			continue
		}
		if i+1 < len(toks) && reportNoun(toks[i+1].Norm) {
			return placeUnknown // "in the London report": the dateline, not the event's place
		}
		for k := i - 1; k >= 0 && k >= i-2; k-- {
			if r := relationOf(toks[k].Norm); r != placeUnknown {
				return r
			}
			if toks[k].Norm != "the" {
				break
			}
		}
	}
	return placeUnknown
}

// reportNoun reports a noun for a news report ("the London report",
// "artikel Seoul").
func reportNoun(w string) bool {
	switch w {
	case "report", "article", "piece", "story", "dispatch", "laporan", "artikel", "berita":
		return true
	}
	return false
}
