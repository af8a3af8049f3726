package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

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

// askedRelation is the relation the question gives the place concept c.
func askedRelation(lq lexicon.Query, c lexicon.Concept) placeRelation {
	toks := lexicon.Tokenize(lq.Text)
	for i, t := range toks {
		if i > 0 && t.Text == firstWord(c.Surface) {
			return relationOf(toks[i-1].Norm)
		}
	}
	return placeUnknown
}

// referredPlace reports whether the sentence refers to a place it has
// named by a place noun, in relation rel: "Presiden Ukraina … pengiriman
// senjata ke negaranya" (to his country), "the country", "negara itu".
func referredPlace(toks []lexicon.Token, rel placeRelation) bool {
	if rel == placeUnknown {
		return false
	}
	for i := 1; i < len(toks); i++ {
		if relationOf(toks[i-1].Norm) != rel && !(i > 1 && relationOf(toks[i-2].Norm) == rel && possessiveOrArticle(toks[i-1].Norm)) {
			continue
		}
		w := toks[i].Norm
		switch {
		case strings.HasSuffix(w, "nya") && lexicon.IsPlaceNoun(strings.TrimSuffix(w, "nya")):
			return true // "negaranya"
		case lexicon.IsPlaceNoun(w) && i+1 < len(toks) && demonstrative(toks[i+1].Norm):
			return true // "negara itu", "negara tersebut"
		case lexicon.IsPlaceNoun(w) && possessiveOrArticle(toks[i-1].Norm):
			return true // "to his country", "to the country"
		}
	}
	return false
}

func possessiveOrArticle(w string) bool {
	switch w {
	case "his", "her", "its", "their", "the", "that", "this":
		return true
	}
	return false
}

func demonstrative(w string) bool {
	return w == "itu" || w == "tersebut" || w == "ini"
}

// samePlaceRelation reports whether the other place of ev stands in the
// relation the question gives the asked place c.
func samePlaceRelation(lq lexicon.Query, c lexicon.Concept, ev Evidence) bool {
	asked := askedRelation(lq, c)
	sentence := ev.Doc.Text[ev.Span.Start:ev.Span.End]
	got := relationBefore(sentence, ev.KeyStart-ev.Span.Start)
	return asked != placeUnknown && asked == got
}
