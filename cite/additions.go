package cite

import "strings"

// Words a claim adds to what its sentence says: a trailing phrase opened
// by a joiner, a title next to a name, the one word a pinned clause may
// name otherwise.

// trailingAddition is the content the claim ends on that the window does
// not hold, after all it does ("… ammunition free of charge", "… and
// promised them medals"): two words or phrases or more, none a name or
// number, opened by a joiner, or "". A single word there, or words that
// go on the last phrase ("high-level talks"), are as often a paraphrase.
func (c *claim) trailingAddition(credits []float64) string {
	matchedAt := -1
	for i, k := range c.concepts {
		if s, _ := c.claimSpan(i); s >= 0 && k.kind != kindMeta && credits[i] > 0 && s > matchedAt {
			matchedAt = s
		}
	}
	if matchedAt < 0 {
		return ""
	}
	var words []string
	first := -1
	for i, k := range c.concepts {
		s, _ := c.claimSpan(i)
		if s <= matchedAt || k.kind == kindMeta {
			continue
		}
		if k.kind != kindContent {
			return "" // a name or number after: not a trailing addition
		}
		if first < 0 || s < first {
			first = s
		}
		words = append(words, k.Surface)
	}
	if first < 1 || !c.openedByJoiner(first) || len(words) < 2 && !circumstantial[c.toks[first-1].Norm] {
		return "" // one word at the end, or words inside the last phrase, are as often a paraphrase
	}
	return strings.Join(words, " ")
}

// relativeAddition is the content of a non-restrictive relative clause
// the claim ends on (", yang akan menerima gaji besar", ", who will be
// given generous salaries") when the window holds less than half of its
// words and two or more of them not at all: a fact about the thing
// before it that the sentence does not state. A loose match of one of
// its words does not make it stated. "" when there is none.
func (c *claim) relativeAddition(credits []float64) string {
	r := -1
	for j := 1; j < len(c.toks); j++ {
		if relativeWords[c.toks[j].Norm] && c.breaks[j] {
			r = j
		}
	}
	if r < 0 {
		return ""
	}
	var missing []string
	got := 0
	for i, k := range c.concepts {
		s, _ := c.claimSpan(i)
		if s <= r || k.kind == kindMeta {
			continue
		}
		if k.kind != kindContent {
			return "" // a name or number in it: the name rules judge it
		}
		if credits[i] > 0 {
			got++
		} else {
			missing = append(missing, k.Surface)
		}
	}
	if len(missing) < 2 || got >= len(missing) {
		return ""
	}
	return strings.Join(missing, " ")
}

// openedByJoiner reports whether the claim's words from token first on
// are opened by a joiner or a relative word, over the words of no
// concept between ("yang akan menerima …", "who will be given …").
func (c *claim) openedByJoiner(first int) bool {
	for j := first - 1; j >= 0; j-- {
		n := c.toks[j].Norm
		if addingJoiners[n] || relativeWords[n] {
			return true
		}
		if c.inConcept(j) || c.breaks[j+1] && j+1 < first {
			return false
		}
	}
	return false
}

// circumstantial joiners open a circumstance of their own ("sambil
// menangis", "despite losses"): after everything the sentence holds, even
// one word they open is added, unlike the one word after "and", which as
// often renames the last thing.
var circumstantial = map[string]bool{"while": true, "despite": true, "although": true, "without": true,
	"sambil": true, "meski": true, "meskipun": true, "walaupun": true, "tanpa": true}

// addingJoiners open a constituent of its own at a claim's end: a
// coordinated predicate ("and promised them medals") or an adjunct
// ("despite heavy losses", "with a military band").
var addingJoiners = map[string]bool{"and": true, "but": true, "while": true, "despite": true, "although": true, "without": true, "with": true, "dengan": true,
	"dan": true, "serta": true, "tetapi": true, "namun": true, "meski": true, "meskipun": true, "walaupun": true, "tanpa": true, "sambil": true}

// unmatchedTitle is the first title the claim puts next to a name
// ("Menteri Pertahanan Korea Utara Choe Son Hui", "Kim, the leader")
// that the window does not hold, with a title's head word in it, or "".
func (c *claim) unmatchedTitle(credits []float64) string {
	for i, k := range c.concepts {
		if k.kind != kindContent || credits[i] > 0 || !titleHeadConcept(k) {
			continue
		}
		s, e := c.claimSpan(i)
		if s < 0 {
			continue
		}
		if e < len(c.toks) && c.inConceptKind(e, kindEntity) || s > 0 && c.inConceptKind(s-1, kindEntity) && !c.breaks[s] {
			return k.Surface
		}
	}
	return ""
}

// titleHeadConcept reports a concept holding a title's head word.
func titleHeadConcept(k concept) bool {
	for _, w := range strings.Fields(strings.ToLower(k.Surface)) {
		if titleHeads[w] {
			return true
		}
	}
	return false
}

// nounConcept reports a one-word English noun that is not also a manner
// adverb (WordNet's noun list; "-ly" words are adverbs).
func (v *Verifier) nounConcept(k concept) bool {
	w := strings.ToLower(k.Surface)
	return !strings.Contains(w, " ") && !strings.HasSuffix(w, "ly") && v.lex.IsNoun(w)
}

// isTitleConcept reports a claim word that is part of a title ("leader",
// "defence"): a title is a fact about its holder, never the one word a
// paraphrase may leave out.
func isTitleConcept(k concept) bool {
	for _, w := range strings.Fields(strings.ToLower(k.Surface)) {
		if titleHeads[w] || titleModifiers[w] {
			return true
		}
	}
	return false
}

// hardAnchors is how many names, numbers and dates a sentence must
// share with a short clause to let one of its words be paraphrased.
const hardAnchors = 3

// addedConjunct is a conjunct the claim adds to a thing the sentence
// states ("sea transport and direct flights" for "transportasi laut"):
// a content word right after "and", "dan" or "serta" that the window
// does not hold, after a word it holds whose match there neither holds
// nor is followed by a conjunction (where "dan X" may be its paraphrase). "" when
// there is none.
func (c *claim) addedConjunct(w *window, credits []float64) string {
	for j := 1; j+1 < len(c.toks); j++ {
		if !conjunctions[c.toks[j].Norm] {
			continue
		}
		before, after := -1, -1
		for i, k := range c.concepts {
			s, e := c.claimSpan(i)
			if s < 0 || k.kind == kindMeta {
				continue
			}
			if e == j {
				before = i
			}
			if s == j+1 {
				after = i
			}
		}
		if before < 0 || after < 0 || c.concepts[after].kind != kindContent || c.concepts[before].kind == kindNumber ||
			credits[before] == 0 || credits[after] > 0 || len(w.spans[before]) == 0 {
			continue
		}
		coordinated := false
		for _, sp := range w.spans[before] {
			for k := sp[0] + 1; k < len(w.toks) && k <= sp[1]+1; k++ {
				coordinated = coordinated || conjunctions[w.toks[k].Norm] || w.toks[k].breakBefore && k == sp[1]
			}
		}
		if !coordinated {
			return c.concepts[after].Surface
		}
	}
	return ""
}

// conjunctions join two things of one kind ("laut dan udara").
var conjunctions = map[string]bool{"and": true, "dan": true, "serta": true, "or": true, "atau": true}
