package timeline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// Timeline is what the coverage says happened, when, and the figures it
// turns on.
type Timeline struct {
	Groups  []Group  // oldest first
	Anchors []Anchor // one per undated article that could be anchored
	Figures []Figure // most widely reported first
	c       *composer
}

// LinesFor tells a group in English and Indonesian: its own lines when
// the report they were composed from is among its events, else composed
// afresh from the events it has (a group narrowed to a topic or an
// article).
func (tl Timeline) LinesFor(g Group) map[string]Line {
	for _, e := range g.Events {
		if l, ok := g.Lines["en"]; ok && l.Doc == e.Doc {
			return g.Lines
		}
	}
	if tl.c == nil {
		return nil
	}
	return tl.c.compose(g)
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
	ix := newAnchorIndex(dated, w)
	for _, d := range docs {
		if d.own {
			continue
		}
		a, ok := anchorDoc(d, ix, w)
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
	ents := newEntities(docs)
	ents.learnSurfaces(docs, lex)
	gl, _ := lex.(glosser)
	c := composer{ents: ents, lex: lex, gl: gl}
	tl.c = &c
	tl.Groups = mergeRanges(tl.Groups, c)
	for i := range tl.Groups {
		tl.Groups[i].Lines = c.compose(tl.Groups[i])
	}
	tl.Figures = figuresOf(docs, w, ents, lex)
	return tl
}

// maxRangeDays is how far apart, at most, two day-dated reports of one
// event may be to make a range ("12–13 July 2025": a visit, the talks it
// held and the statements reported the next day).
const maxRangeDays = 1

// mergeRanges joins day-dated groups on consecutive days that name at
// least two of the same people (whole names, not places): one event over
// several days, listed once with its range.
func mergeRanges(gs []Group, c composer) []Group {
	var out []Group
	var prevPeople map[string]bool
	for _, g := range gs {
		people := c.people(g)
		if n := len(out); n > 0 && g.Date.Prec == Day {
			o := &out[n-1]
			last := o.Date
			if o.End.Prec == Day {
				last = o.End
			}
			gap := int(g.Date.Time().Sub(last.Time()).Hours() / 24)
			if last.Prec == Day && gap >= 1 && gap <= maxRangeDays && len(sharedKeys(prevPeople, people)) >= 2 {
				o.Events = append(o.Events, g.Events...)
				o.End = g.Date
				o.Docs, o.Names, o.Verbs = nil, nil, nil
				o.finish()
				for k := range people {
					prevPeople[k] = true
				}
				continue
			}
		}
		out = append(out, g)
		prevPeople = people
	}
	return out
}

// people returns the whole names of people (not places) a group's reports give.
func (c composer) people(g Group) map[string]bool {
	out := map[string]bool{}
	for _, e := range g.Events {
		toks := lexicon.Tokenize(e.Text)
		for _, n := range c.ents.sentenceNames(e.Text, toks, c.lex) {
			if !n.place && c.ents.places[strings.Fields(n.key)[0]] == 0 && strings.Contains(n.key, " ") {
				out[n.key] = true
			}
		}
	}
	return out
}
