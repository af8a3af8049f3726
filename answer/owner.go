package answer

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// ownerKeys returns the names the sentence writes as the owner of the
// thing a whose-question asks about: after it in Indonesian ("Intelijen
// Korea Selatan", "perusahaan milik Raphaël Hertzog"), before it in
// English ("South Korean intelligence", "the University of Twente's
// network operations center").
func ownerKeys(c *candidate, q lexicon.Query, lex knownWorder) []key {
	if q.Owned <= 0 || q.Owned > len(q.Concepts) {
		return nil
	}
	// The thing, or another member of its list ("whose disappointment
	// and frustration": "kekecewaan dan frustrasi Presiden Donald Trump").
	owned := q.Concepts[q.Owned-1]
	isThing := func(i int) bool {
		for k, con := range q.Concepts {
			if k == q.Owned-1 || owned.List != 0 && con.List == owned.List {
				if tokenOf(con, c.termsAt[i]) || c.matchedAt(k, i) {
					return true
				}
			}
		}
		return false
	}
	mark := c.questionTokens(q)
	name := func(i int) bool {
		t := c.toks[i]
		acronym := strings.ToUpper(t.Text) == t.Text // "AS" is the United States, not "as"
		return t.Upper && !t.Num && !mark[i] && (acronym || !lex.IsStop(t.Norm)) && !isThing(i)
	}
	var keys []key
	for i := range c.toks {
		if !isThing(i) {
			continue
		}
		// Indonesian: the name after the thing, past "milik"/"dari".
		from := i + 1
		if from < len(c.toks) && (c.toks[from].Norm == "milik" || c.toks[from].Norm == "dari" || c.toks[from].Norm == "of") {
			from++
		}
		if from < len(c.toks) && name(from) && strings.Trim(c.gap(from-1, from), " ”’\"'") == "" {
			to := from
			for to+1 < len(c.toks) && name(to+1) && strings.TrimSpace(c.gap(to, to+1)) == "" {
				to++
			}
			keys = append(keys, ownerKey(c, from, to))
		}
		// English: the name before it, with or without "'s".
		to := i - 1
		if to > 0 && c.toks[to].Norm == "s" && (c.gap(to-1, to) == "'" || c.gap(to-1, to) == "’") {
			to--
		}
		if to >= 0 && name(to) {
			from := to
			for from > 0 && name(from-1) && strings.TrimSpace(c.gap(from-1, from)) == "" {
				from--
			}
			keys = append(keys, ownerKey(c, from, to))
		}
	}
	return keys
}

// matchedAt reports whether the judge found concept k at token i (which
// covers matches tokenOf does not make, such as a shortened word).
func (c *candidate) matchedAt(k, i int) bool {
	for _, m := range c.matched {
		if m.concept == k && m.pos == i && m.credit > 0 {
			return true
		}
	}
	return false
}

func ownerKey(c *candidate, from, to int) key {
	text := c.doc.Text[c.toks[from].Start:c.toks[to].End]
	return key{norm: strings.ToLower(text), first: from, last: to, start: c.toks[from].Start, end: c.toks[to].End}
}
