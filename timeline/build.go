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
	ents := newEntities(docs)
	ents.learnSurfaces(docs, lex)
	ix := newAnchorIndex(dated, w)
	for _, d := range docs {
		if d.own || d.manyYears() {
			continue
		}
		a, ok := anchorDoc(d, ix, w)
		if !ok {
			continue
		}
		a.Shared = ents.wholeNames(a.Shared)
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
	gl, _ := lex.(glosser)
	c := composer{ents: ents, lex: lex, gl: gl}
	tl.c = &c
	tl.Groups = mergeRanges(tl.Groups, c)
	stretchVisits(tl.Groups, docs, c)
	sort.SliceStable(tl.Groups, func(i, j int) bool { return tl.Groups[i].Date.Before(tl.Groups[j].Date) })
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
			// The next day, or a day within a stretch the text gives.
			// Not a stretch the text states on its own ("from 24 to 30 July
			// 2011, with DebCamp preceding it from 17 to 23 July": two).
			// Within a stretch, the visitor alone ties a day to it.
			need := 2
			if gap <= 0 && o.End.Prec == Day {
				need = 1
			}
			if last.Prec == Day && g.End.Prec != Day && gap <= maxRangeDays && (gap >= 1 || o.End.Prec == Day) && len(sharedKeys(prevPeople, people)) >= need {
				o.Events = append(o.Events, g.Events...)
				end := g.Date
				if g.End.Prec == Day {
					end = g.End
				}
				if last.Before(end) {
					o.End = end
				}
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

// stretchVisits gives an event the days of the visit it is part of: when
// an article reporting it says the visit lasted N days ("kunjungan tiga
// hari", naming one of the event's people) and the reported days are
// fewer, the visit's known end ("akan tinggal hingga Minggu", a report
// of the event dated "until" its last day) fixes its first day N-1 days
// before; a report that it began on the first day ("memulai") fixes its
// last. Without either end the days stay as reported: a 3-day visit seen
// on 12–13 July could be 11–13 or 12–14.
func stretchVisits(gs []Group, docs []*docState, c composer) {
	// Only articles that give a visit's length are read again.
	byID := map[string]*docState{}
	for _, d := range docs {
		for _, s := range d.sents {
			if s.days > 0 {
				byID[d.in.Doc.ID] = d
				break
			}
		}
	}
	if len(byID) == 0 {
		return
	}
	for i := range gs {
		g := &gs[i]
		if g.Date.Prec != Day {
			continue
		}
		var withDays []*docState
		for _, id := range g.Docs {
			if d := byID[id]; d != nil {
				withDays = append(withDays, d)
			}
		}
		if len(withDays) == 0 {
			continue
		}
		people := c.people(*g)
		days, said := 0, map[string]bool{}
		visitor := ""
		for _, d := range withDays {
			for _, s := range d.sents {
				shared := sharedKeys(people, c.peopleOf(s.text))
				if s.days == 0 || len(shared) == 0 {
					continue
				}
				if visitor == "" {
					visitor = c.ents.showOf(shared[0], shared[0])
				}
				if days != 0 && days != s.days {
					days = -1 // the articles disagree on the length: keep the reported days
				}
				if days >= 0 {
					days = s.days
				}
				said[d.in.Doc.ID] = true
			}
		}
		first, last := g.Date, g.Date
		if g.End.Prec == Day {
			last = g.End
		}
		reported := int(last.Time().Sub(first.Time()).Hours()/24) + 1
		if days <= reported {
			continue
		}
		for _, e := range g.Events {
			switch {
			case e.Until && e.Date == last:
				g.Date = dayDate(last.Time().AddDate(0, 0, -(days - 1)))
				g.End = last
				g.Stretched = fmt.Sprintf("a %d-day visit (%s) ending %s, the day %s says it lasts until", days, strings.Join(keys(said), ", "), last, e.Doc)
				g.Visit = Visit{Who: visitor, Days: days}
			case e.Date == first && contains1(e.Verbs, "start"):
				g.End = dayDate(first.Time().AddDate(0, 0, days-1))
				g.Stretched = fmt.Sprintf("a %d-day visit (%s) beginning %s, the day %s says it began", days, strings.Join(keys(said), ", "), first, e.Doc)
				g.Visit = Visit{Who: visitor, Days: days}
			default:
				continue
			}
			break
		}
	}
}

// peopleOf returns the whole names of people a sentence gives.
func (c composer) peopleOf(text string) map[string]bool {
	return c.people(Group{Events: []Event{{Text: text}}})
}

// maxAnchorYears is how many different years, at most, an article may
// state for it to be anchored: a news report of one event mentions a few
// earlier ones, but an article telling many years (a history) is not
// about the day of any one of them, and its year-less dates stay
// unresolved unless a sentence states their year.
const maxAnchorYears = 4

func (d *docState) manyYears() bool {
	years := map[int]bool{}
	for _, s := range d.sents {
		for _, m := range s.mentions {
			if m.Absolute() {
				years[m.Year] = true
			}
		}
	}
	return len(years) > maxAnchorYears
}
