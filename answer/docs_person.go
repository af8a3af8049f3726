package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A name written right before a noun the question asks about modifies
// that noun: "the FreeBSD port", "Debian Linux Kernel Handbook", "the
// Trisquel distribution". It says which port or handbook, not who made
// it, so it cannot answer "who did the port?" or "who wrote the
// handbook?". A person who does the asked thing is written as its agent
// ("Hartmut Koptein started the m68k port"), never glued in front of it.

// namesAskedThing reports whether the name key k is followed, with only
// a space between, by a word that one of the question's things (a salient
// noun or a name: "port", "handbook") matches.
func namesAskedThing(c *candidate, k key, q lexicon.Query) bool {
	next := k.last + 1
	if next >= len(c.toks) || strings.TrimSpace(c.doc.Text[c.toks[k.last].End:c.toks[next].Start]) != "" {
		return false
	}
	for _, con := range q.Concepts {
		if !con.Salient && !con.Entity {
			continue // "Hartmut Koptein started …": a verb after the name is the agent's action
		}
		for _, a := range con.Alts {
			for _, w := range a {
				if anyIn(w, c.termsAt[next]) {
					return true
				}
			}
		}
	}
	return false
}

// agentsOnly drops the person keys that name the asked thing itself
// (namesAskedThing).
func agentsOnly(c *candidate, keys []key, q lexicon.Query) []key {
	var out []key
	for _, k := range keys {
		if !namesAskedThing(c, k, q) {
			out = append(out, k)
		}
	}
	return out
}
