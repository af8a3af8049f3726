package answer

import (
	"context"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// A polar question may ask the order of two events: "did Kim see Lavrov
// before Lavrov's talks with Choe?", "apakah X terjadi setelah Y?". A
// sentence stating both does not answer it unless it states their order.
// News states it with a marker on the second event it reports: the
// article is about one event (its title and lead), and a sentence tells
// what happened "earlier" ("sebelumnya", "previously") or "later"
// ("kemudian", "afterwards"). So the order is read from a sentence stating
// the other event with such a marker, in an article whose title and lead
// name everyone of the asked event.

// order is the asked relation of the question's event to the other one.
type order int

const (
	orderNone   order = iota
	orderBefore       // the asked event came first
	orderAfter        // the asked event came second
)

func orderWord(w string) order {
	switch w {
	case "before", "sebelum":
		return orderBefore
	case "after", "setelah", "sesudah", "usai", "seusai", "sehabis":
		return orderAfter
	}
	return orderNone
}

// splitOrder splits a polar question at its order word: the asked event
// (as a question), the other event, and the asked relation.
func splitOrder(text string) (asked, other string, rel order) {
	toks := lexicon.Tokenize(text)
	for i := 2; i+1 < len(toks); i++ {
		rel = orderWord(toks[i].Norm)
		if rel == orderNone {
			continue
		}
		switch toks[i+1].Norm {
		case "itu", "ini", "that", "this", "then", "nya", "all":
			continue // "sebelum itu", "after that", "after all": no second event named
		}
		switch toks[i-1].Norm {
		case "named", "name", "called", "look", "looks", "looked", "looking", "take", "takes", "took", "taken":
			continue // "named after", "looks after": no order
		}
		asked = strings.TrimRight(strings.TrimSpace(text[:toks[i].Start]), ",;") + "?"
		other = strings.TrimRight(strings.TrimSpace(text[toks[i].End:]), "?!. ")
		return asked, other, rel
	}
	return "", "", orderNone
}

// markerOrder reads a sentence's marker of when its event happened
// relative to the event its article reports: earlier (orderBefore) or
// later (orderAfter). The marker opens the sentence or follows its
// subject ("Sebelumnya, Lavrov …", "Lavrov sebelumnya …"); further on it
// orders the sentence's own clauses ("… dialog, setelah itu Choe …").
func markerOrder(toks []lexicon.Token) order {
	for i, t := range toks {
		if i > maxMarkerAt {
			break
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].Norm
		}
		switch t.Norm {
		case "sebelumnya", "earlier", "previously", "beforehand":
			return orderBefore
		case "sebelum", "before":
			if next == "itu" || next == "that" {
				return orderBefore
			}
		case "kemudian", "later", "afterwards", "afterward", "selanjutnya":
			return orderAfter
		case "setelah", "sesudah", "after":
			if next == "itu" || next == "that" {
				return orderAfter
			}
		}
	}
	return orderNone
}

// maxMarkerAt is the last token a marker may be at to order the
// sentence against the article's event.
const maxMarkerAt = 2

// inOrder answers an order question; decided is true for every order
// question (without a stated order it declines), false for any other.
func (e *Extractive) inOrder(ctx context.Context, lq lexicon.Query, k int, hits []retrieval.Hit) ([]Evidence, yesNo, bool, error) {
	askedText, otherText, rel := splitOrder(lq.Text)
	if rel == orderNone {
		return nil, yesNoNone, false, nil
	}
	if hits == nil {
		var err error
		if hits, err = e.search(ctx, lq, k); err != nil {
			return nil, yesNoNone, true, err
		}
	}
	asked, oq := e.readClause(askedText, hits), e.readClause(otherText, hits)
	// A sentence stating both events with an order word between them.
	both := lq
	both.Type = lexicon.AnswerAny
	ev, err := e.evidenceFrom(ctx, both, k, hits)
	if err != nil {
		return nil, yesNoNone, true, err
	}
	mine, theirs := distinctConcepts(asked, oq)
	for _, x := range allNamed(ev) {
		sentence := x.Doc.Text[x.Span.Start:x.Span.End]
		if got := statedOrder(mine, theirs, lexicon.Tokenize(sentence), e.termsOf(sentence, x.Doc.Lang)); got != orderNone {
			if got == rel {
				return []Evidence{x}, yesNoYes, true, nil
			}
			return []Evidence{x}, yesNoNo, true, nil
		}
	}
	// A sentence on the other event marked earlier or later than the
	// article's.
	oq.Type = lexicon.AnswerAny
	if ev, err = e.evidenceFrom(ctx, oq, k, hits); err != nil {
		return nil, yesNoNone, true, err
	}
	for _, x := range ev {
		if !x.AllNamed || !e.reportedBefore(asked, x) || e.namesAll(asked, x) {
			continue // the other event as the sentence of an article on the asked one
		}
		marker := markerOrder(lexicon.Tokenize(x.Doc.Text[x.Span.Start:x.Span.End]))
		if marker == orderNone {
			continue
		}
		// The other event came before the article's (marker before): the
		// asked event came after it.
		if marker == rel {
			return []Evidence{x}, yesNoNo, true, nil
		}
		return []Evidence{x}, yesNoYes, true, nil
	}
	return nil, yesNoNone, true, nil
}

// reportedBefore reports whether the article reports the asked event q
// before the evidence sentence: its title and lead, or one paragraph
// before the sentence's, name everyone q names.
func (e *Extractive) reportedBefore(q lexicon.Query, ev Evidence) bool {
	if namesEveryone(q, e.topicTerms(ev.Doc)) {
		return true
	}
	for n := 0; n < ev.Paragraph; n++ {
		if p, ok := e.corpus.Paragraph(ev.Doc.ID, n); ok && namesEveryone(q, e.termsOf(ev.Doc.Text[p.Span.Start:p.Span.End], ev.Doc.Lang)) {
			return true
		}
	}
	return false
}

// namesEveryone reports whether terms name everyone q names (and q
// names someone).
func namesEveryone(q lexicon.Query, terms [][]string) bool {
	named := false
	for _, c := range q.Concepts {
		if !c.Entity {
			continue
		}
		named = true
		if !namesWhole(c, terms) {
			return false
		}
	}
	return named
}

// namesAll reports whether the evidence sentence itself names everyone q
// names: then it may state the asked event, not only the other one.
func (e *Extractive) namesAll(q lexicon.Query, ev Evidence) bool {
	return namesEveryone(q, e.termsOf(ev.Doc.Text[ev.Span.Start:ev.Span.End], ev.Doc.Lang))
}

// distinctConcepts are the concepts of each event the other does not
// share (a person in both tells neither apart), without words about the
// coverage.
func distinctConcepts(a, b lexicon.Query) (onlyA, onlyB []lexicon.Concept) {
	in := func(c lexicon.Concept, q lexicon.Query) bool {
		for _, x := range q.Concepts {
			if strings.EqualFold(x.Surface, c.Surface) {
				return true
			}
		}
		return false
	}
	for _, c := range a.Concepts {
		if !c.Meta && !lexicon.IsTagWord(foldWord(c.Surface)) && !in(c, b) {
			onlyA = append(onlyA, c)
		}
	}
	for _, c := range b.Concepts {
		if !c.Meta && !lexicon.IsTagWord(foldWord(c.Surface)) && !in(c, a) {
			onlyB = append(onlyB, c)
		}
	}
	return onlyA, onlyB
}

// statedOrder reads the order a sentence states between the asked event
// (concepts mine) and the other (theirs) with an order word between
// them: "A after B", "B, sebelum A". It is the asked event's relation to
// the other, or orderNone when no order word stands between the two.
func statedOrder(mine, theirs []lexicon.Concept, toks []lexicon.Token, termsAt [][]string) order {
	for j, t := range toks {
		w := orderWord(t.Norm)
		if w == orderNone || j+1 < len(toks) && (toks[j+1].Norm == "itu" || toks[j+1].Norm == "that") {
			continue
		}
		before, after := termsAt[:j], termsAt[j+1:]
		mB, mA := matchedIn(mine, before), matchedIn(mine, after)
		tB, tA := matchedIn(theirs, before), matchedIn(theirs, after)
		// Each event mostly on its side: a word of one may recur on
		// the other ("pengiriman … setelah … pengiriman tertentu").
		switch {
		case mB > mA && tA > tB:
			return w // "A after B"
		case tB > tA && mA > mB:
			return opposite(w) // "B after A": A came before
		}
	}
	return orderNone
}

func opposite(o order) order {
	switch o {
	case orderBefore:
		return orderAfter
	case orderAfter:
		return orderBefore
	}
	return orderNone
}

// matchedIn counts the concepts written within termsAt.
func matchedIn(cs []lexicon.Concept, termsAt [][]string) int {
	n := 0
	for _, c := range cs {
		if namesWhole(c, termsAt) {
			n++
		}
	}
	return n
}
