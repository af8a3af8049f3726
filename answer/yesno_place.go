package answer

import "github.com/kabar-bot/kabar/lexicon"

// A place a polar question names after a preposition ("signed in
// Moscow", "supplies weapons to Moscow") stands in one relation to the
// event: where it happened, where to, or where from. A sentence giving
// another place says no only when it gives it in the same relation:
// "arming Moscow to back the war in Ukraine" does not say the weapons
// went to Ukraine.

// placeRelation is how a preposition relates a place to an event.
type placeRelation int

const (
	placeUnknown placeRelation = iota
	placeAt                    // in, at, di
	placeTo                    // to, into, ke
	placeFrom                  // from, dari
)

func relationOf(w string) placeRelation {
	switch w {
	case "in", "at", "di", "inside", "within":
		return placeAt
	case "to", "into", "towards", "toward", "ke", "kepada":
		return placeTo
	case "from", "dari":
		return placeFrom
	}
	return placeUnknown
}

// maxPlaceReach is how many words a place may stand after its
// preposition ("di kota pesisir timur Wonsan").
const maxPlaceReach = 4

// relationBefore is the relation of the place starting at byte offset
// start of text: the nearest preposition within reach before it.
func relationBefore(text string, start int) placeRelation {
	toks := lexicon.Tokenize(text)
	at := -1
	for i, t := range toks {
		if t.Start >= start {
			at = i
			break
		}
	}
	for i := at - 1; i >= 0 && i >= at-maxPlaceReach; i-- {
		if r := relationOf(toks[i].Norm); r != placeUnknown {
			return r
		}
	}
	return placeUnknown
}

// samePlaceRelation reports whether the other place of ev stands in the
// relation the question gives the asked place c.
func samePlaceRelation(lq lexicon.Query, c lexicon.Concept, ev Evidence) bool {
	asked := placeUnknown
	toks := lexicon.Tokenize(lq.Text)
	for i, t := range toks {
		if i > 0 && t.Text == firstWord(c.Surface) {
			asked = relationOf(toks[i-1].Norm)
			break
		}
	}
	sentence := ev.Doc.Text[ev.Span.Start:ev.Span.End]
	got := relationBefore(sentence, ev.KeyStart-ev.Span.Start)
	return asked != placeUnknown && asked == got
}
