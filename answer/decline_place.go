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
		if placedIn(qtoks, con) == placeUnknown {
			continue
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
