package timeline

import (
	"fmt"
	"sort"
)

// Timeline is what the coverage says happened, when, and the figures it
// turns on.
type Timeline struct {
	Groups  []Group  // oldest first
	Anchors []Anchor // one per undated article that could be anchored
	Figures []Figure // most widely reported first
}

// Build runs every stage over the articles. lex tells dictionary words
// from names (a *lexicon.Lexicon); nil treats every capitalised word as a
// possible name.
func Build(inputs []Input, lex knownWorder) Timeline {
	docs := make([]*docState, 0, len(inputs))
	for _, in := range inputs {
		d := &docState{in: in, sents: sentencesOf(in, lex)}
		if t, ok := ParsePublished(in.Doc.Published); ok {
			d.ref = &Ref{Date: t, Published: true}
			d.own = true
			d.how = fmt.Sprintf("relative to the article's publication date %s", in.Doc.Published)
		}
		docs = append(docs, d)
	}
	w := newNameWeights(docs)
	// Dates each article supports on its own: absolute ones everywhere,
	// relative ones where the article is dated.
	var dated []Event
	for _, d := range docs {
		dated = append(dated, d.events()...)
	}
	var tl Timeline
	for _, d := range docs {
		if d.own {
			continue
		}
		a, ok := anchorDoc(d, dated, w)
		if !ok {
			continue
		}
		d.ref = a.ref()
		d.how = a.describe()
		tl.Anchors = append(tl.Anchors, a)
	}
	var all []Event
	for _, d := range docs {
		all = append(all, d.events()...)
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Doc != all[j].Doc {
			return all[i].Doc < all[j].Doc
		}
		return all[i].Mention.Start < all[j].Mention.Start
	})
	tl.Groups = groupEvents(all, w)
	tl.Figures = figuresOf(docs)
	return tl
}
