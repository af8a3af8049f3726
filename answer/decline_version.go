package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// A figure the question writes right after a name is that name's
// version, not a count: "debian 12 bookworm", "DebConf 20". A sentence
// whose only such figure stands elsewhere ("frozen on June 30, 2012 …
// the 12th DebConf") is about another release; it answers a neighbouring
// question. The figure counts as stated where the sentence writes it
// right after the same name ("Debian 12") or right before one of the
// question's names ("1.1 Buzz released June 1996").

// versionApart returns the surface of a version figure of the question
// that the sentence matches only away from its name, or "".
func (e *Extractive) versionApart(c *candidate, lq lexicon.Query) string {
	for _, v := range versionPairs(lq) {
		num, name := lq.Concepts[v.number], lq.Concepts[v.name]
		matched := false
		for _, m := range c.matched {
			if m.concept == v.number && m.pos >= 0 {
				matched = true
			}
		}
		if !matched {
			continue // the sentence says no figure of it: other rules judge
		}
		besideName := false
		for p := range c.toks {
			if conceptAt(num, c.termsAt[p]) && (p > 0 && conceptAt(name, c.termsAt[p-1]) && joinedTokens(c, p-1, p) ||
				p+1 < len(c.toks) && anyNameAt(lq, c.termsAt[p+1]) && joinedTokens(c, p, p+1)) {
				besideName = true
				break
			}
		}
		if !besideName {
			return num.Surface
		}
	}
	return ""
}

// versionPair is a name concept and the figure written right after it
// in the question.
type versionPair struct{ name, number int }

// versionPairs finds the question's figures written right after one of
// its names, with nothing but a space between ("debian 12").
func versionPairs(lq lexicon.Query) []versionPair {
	toks := lexicon.Tokenize(lq.Text)
	conceptOf := func(i int) int {
		for ci, con := range lq.Concepts {
			for _, w := range strings.Fields(con.Surface) {
				if strings.EqualFold(w, toks[i].Text) {
					return ci
				}
			}
		}
		return -1
	}
	var out []versionPair
	for i := 1; i < len(toks); i++ {
		if !toks[i].Num || strings.TrimSpace(lq.Text[toks[i-1].End:toks[i].Start]) != "" {
			continue
		}
		num, name := conceptOf(i), conceptOf(i-1)
		if num < 0 || name < 0 || num == name || !lq.Concepts[num].Number || !lq.Concepts[name].Entity {
			continue
		}
		out = append(out, versionPair{name: name, number: num})
	}
	return out
}

// joinedTokens reports tokens a and b with only a space between.
func joinedTokens(c *candidate, a, b int) bool {
	return strings.TrimSpace(c.doc.Text[c.toks[a].End:c.toks[b].Start]) == ""
}

// anyNameAt reports whether a token's terms hold one of the question's
// names.
func anyNameAt(lq lexicon.Query, terms []string) bool {
	for _, con := range lq.Concepts {
		if con.Entity && conceptAt(con, terms) {
			return true
		}
	}
	return false
}
