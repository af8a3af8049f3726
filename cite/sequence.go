package cite

import (
	"fmt"

	"github.com/kabar-bot/kabar/lexicon"
)

// orderWords put one event before or after another: +1 for "after" (the
// event named first came later), -1 for "before".
var orderWords = map[string]int{
	"after": 1, "setelah": 1, "sesudah": 1, "seusai": 1, "usai": 1,
	"before": -1, "sebelum": -1,
}

// anaphoricObjects after an order word stand for what came before it:
// "X, setelah itu Y" is "Y setelah X" ("X, after which Y" too), so the
// word's order turns.
var anaphoricObjects = map[string]bool{"itu": true, "ini": true, "that": true, "this": true, "then": true, "which": true}

// ruleSequence: "A before B" is not "A after B". The claim's order word
// splits its concepts into the main event's side and the other event's
// ("A before B"; "Before B, A"); an order word of the passage's sentence
// with the same concepts on the same sides must say the same order, or
// with the sides swapped the other one.
func ruleSequence(v *Verifier, c *claim, w *window) *finding {
	ci, cdir := orderWordAt(c.toks)
	if ci < 0 {
		return nil
	}
	if ci+1 < len(c.toks) && anaphoricObjects[c.toks[ci+1].Norm] {
		cdir = -cdir
	}
	csides, ok := orderSides(ci, len(c.toks), func(i int) bool { return c.breaks[i] })
	if !ok {
		return nil
	}
	ptoks := w.lexTokens()
	contradicted := ""
	for j, t := range ptoks {
		pdir := orderWords[t.Norm]
		if pdir == 0 {
			continue
		}
		if j+1 < len(ptoks) && anaphoricObjects[ptoks[j+1].Norm] {
			pdir = -pdir
		}
		psides, ok := orderSides(j, len(ptoks), func(i int) bool { return w.toks[i].breakBefore })
		if !ok {
			continue
		}
		swapped, ok := sidesAt(c, w, csides, psides)
		if !ok {
			continue
		}
		if (pdir == cdir) != swapped {
			return nil // the passage states the claim's order here
		}
		contradicted = t.Text
	}
	if contradicted == "" {
		return nil
	}
	// The order word itself is what differs: the rest tells whether the
	// sentence is about the same events.
	atOrder := func(k int) bool {
		s, e := c.claimSpan(k)
		return s >= 0 && s <= ci && ci < e
	}
	return &finding{contradicts: c.aboutSameExcept(w.credits, atOrder), reason: fmt.Sprintf("says %s; the passage puts it the other way round (%s)", c.toks[ci].Text, contradicted)}
}

// orderWordAt is the claim's one order word and its direction; -1 when
// it has none or more than one.
func orderWordAt(toks []lexicon.Token) (int, int) {
	at, dir := -1, 0
	for i, t := range toks {
		if d := orderWords[t.Norm]; d != 0 {
			if at >= 0 {
				return -1, 0
			}
			at, dir = i, d
		}
	}
	return at, dir
}

// orderSides tells, for an order word at token o of n, which side of it
// token i is on: 0 the main event's, 1 the event it is ordered against,
// -1 neither. "A before B" has A before the word and B after it; an
// order word opening the sentence has its event up to the first comma,
// the main event after it ("Before B, A"). ok is false when an opening
// order word has no comma to end its phrase.
func orderSides(o, n int, breakAt func(i int) bool) (func(i int) int, bool) {
	if o > 0 {
		return func(i int) int {
			switch {
			case i < o:
				return 0
			case i > o:
				return 1
			}
			return -1
		}, true
	}
	b := -1
	for i := 2; i < n; i++ {
		if breakAt(i) {
			b = i
			break
		}
	}
	if b < 0 {
		return nil, false
	}
	return func(i int) int {
		switch {
		case i >= b:
			return 0
		case i > o:
			return 1
		}
		return -1
	}, true
}

// sidesAt compares the sides of the claim's concepts with the sides of
// their matches in the window: swapped when every concept matched wholly
// on one side is on the other side there, not swapped when every one is
// on its own side. ok is false unless both of the claim's sides have such
// a concept and they agree.
func sidesAt(c *claim, w *window, cside, pside func(i int) int) (swapped, ok bool) {
	var same, other [2]int
	for k, kc := range c.concepts {
		if kc.kind == kindMeta || k >= len(w.spans) || len(w.spans[k]) == 0 {
			continue
		}
		s, e := c.claimSpan(k)
		if s < 0 {
			continue
		}
		cs := cside(s)
		if cs < 0 || cside(e-1) != cs {
			continue
		}
		ps := -2
		for _, sp := range w.spans[k] {
			a := pside(sp[0])
			if a < 0 || pside(sp[1]-1) != a || ps != -2 && ps != a {
				ps = -1
				break
			}
			ps = a
		}
		switch {
		case ps < 0:
		case ps == cs:
			same[cs]++
		default:
			other[cs]++
		}
	}
	switch {
	case same[0] > 0 && same[1] > 0 && other[0] == 0 && other[1] == 0:
		return false, true
	case other[0] > 0 && other[1] > 0 && same[0] == 0 && same[1] == 0:
		return true, true
	}
	return false, false
}
