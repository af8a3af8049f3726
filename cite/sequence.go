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
// "X, setelah itu Y" is "Y setelah X", so the word's order turns.
var anaphoricObjects = map[string]bool{"itu": true, "ini": true, "that": true, "this": true, "then": true}

// ruleSequence: "A before B" is not "A after B". The claim's order word
// splits its concepts into those it names first and those after; an
// order word of the passage's sentence with the same concepts on the
// same sides must say the same order, or with the sides swapped the
// other one. An order word opening a sentence ("After the talks, …")
// has no first side and is not read.
func ruleSequence(v *Verifier, c *claim, w *window) *finding {
	ci, cdir := orderWordAt(c.toks)
	if ci <= 0 {
		return nil
	}
	ptoks := w.lexTokens()
	contradicted := ""
	for j, t := range ptoks {
		pdir := orderWords[t.Norm]
		if pdir == 0 || j == 0 {
			continue
		}
		if j+1 < len(ptoks) && anaphoricObjects[ptoks[j+1].Norm] {
			pdir = -pdir
		}
		swapped, ok := sidesAt(c, w, ci, j)
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

// sidesAt compares where the claim's concepts fall around its order word
// ci with where their matches fall around the passage's order word j:
// swapped when those the claim names first all match after j and those
// it names after all match before j. ok is false unless each side has a
// concept matched wholly on one side of j, and the sides agree.
func sidesAt(c *claim, w *window, ci, j int) (swapped, ok bool) {
	var firstLeft, firstRight, afterLeft, afterRight int
	for k, kc := range c.concepts {
		if kc.kind == kindMeta || k >= len(w.spans) || len(w.spans[k]) == 0 {
			continue
		}
		s, e := c.claimSpan(k)
		if s < 0 || s <= ci && ci < e {
			continue
		}
		left, right := true, true
		for _, sp := range w.spans[k] {
			left = left && sp[1] <= j
			right = right && sp[0] > j
		}
		switch {
		case e <= ci && left:
			firstLeft++
		case e <= ci && right:
			firstRight++
		case s > ci && left:
			afterLeft++
		case s > ci && right:
			afterRight++
		}
	}
	switch {
	case firstLeft > 0 && afterRight > 0 && firstRight == 0 && afterLeft == 0:
		return false, true
	case firstRight > 0 && afterLeft > 0 && firstLeft == 0 && afterRight == 0:
		return true, true
	}
	return false, false
}
