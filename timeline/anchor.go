package timeline

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Anchor is how an undated article's relative dates were resolved: the
// dated report of an event it shares.
type Anchor struct {
	Doc      string   // the undated article
	Date     Date     // the anchoring event's date
	From     string   // the article that dates the event (may be Doc itself)
	Shared   []string // the names both reports give
	Verb     string   // what the event is (meeting, visit, …)
	Evidence Event    // the dated sentence
	Sentence string   // the undated article's sentence reporting the same event
}

// minAnchorWeight is how much rare-name evidence two sentences must share
// to be taken for reports of the same event: at least two names (people,
// places) whose combined weight is that of two words each in under a
// third of the sentences.
const minAnchorWeight = 2 * 1.1

// anchorDoc finds, for an article without a publication date, the dated
// event it reports (stage 4): a sentence of the article that names the
// same people or places as a day-precise event resolved without any
// anchor, shares its kind of event (meeting, visit, signing…), and whose
// day name, when it has one, is that event's weekday. The best match by
// name weight wins; none, and the article keeps only its absolute dates.
func anchorDoc(d *docState, ix *anchorIndex, w nameWeights) (Anchor, bool) {
	var best Anchor
	bestScore := 0.0
	for _, s := range d.sents {
		weekday := -1
		absolute := false
		for _, m := range s.mentions {
			if m.Kind == KindWeekday {
				weekday = m.Weekday
			}
			if m.Absolute() {
				absolute = true
			}
		}
		if absolute {
			continue // the sentence dates itself
		}
		for _, k := range ix.candidates(s.names, w) {
			e := ix.events[k]
			if weekday >= 0 && int(e.Date.Time().Weekday()) != weekday {
				continue
			}
			verbs := sharedSpecific(s.verbs, ix.verbs[k])
			if len(verbs) == 0 {
				continue
			}
			names, score := w.shared(s.names, ix.names[k])
			if len(names) < 2 || score < minAnchorWeight {
				continue
			}
			if weekday >= 0 {
				score += 1 // the day name agrees
			}
			if e.Doc == d.in.Doc.ID {
				score += 0.5 // the article's own dated report of it
			}
			if score > bestScore || score == bestScore && e.Date.Before(best.Date) {
				bestScore = score
				best = Anchor{Doc: d.in.Doc.ID, Date: e.Date, From: e.Doc, Shared: w.strongest(names, 4), Verb: verbs[0], Evidence: e, Sentence: s.text}
			}
		}
	}
	return best, bestScore > 0
}

// anchorIndex finds the day-precise events resolved without an anchor by
// their names: a sentence is compared only with events sharing a name
// rare enough to reach minAnchorWeight with one other (two names of
// weight under half of it cannot), not with every dated event.
type anchorIndex struct {
	events []Event
	names  []map[string]bool
	verbs  []map[string]bool
	byName map[string][]int
}

func newAnchorIndex(dated []Event, w nameWeights) *anchorIndex {
	ix := &anchorIndex{byName: map[string][]int{}}
	for _, e := range dated {
		if e.Date.Prec != Day || !e.fromOwn {
			continue
		}
		k := len(ix.events)
		ix.events = append(ix.events, e)
		ix.names = append(ix.names, setOf(e.Names))
		ix.verbs = append(ix.verbs, setOf(e.Verbs))
		for _, n := range e.Names {
			if w.of(n) >= minAnchorWeight/2 {
				ix.byName[n] = append(ix.byName[n], k)
			}
		}
	}
	return ix
}

// candidates returns, in event order, the events sharing a rare name with names.
func (ix *anchorIndex) candidates(names map[string]bool, w nameWeights) []int {
	seen := map[int]bool{}
	var out []int
	for n := range names {
		for _, k := range ix.byName[n] {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Ints(out)
	return out
}

// describe says how an anchored article's dates were resolved, for the
// JSON "anchor" field.
func (a Anchor) describe() string {
	src := a.From
	if a.From == a.Doc {
		src = "the article itself"
	}
	return fmt.Sprintf("anchored to %s: %s dates the same %s (%s)", a.Date, src, a.Verb, strings.Join(a.Shared, ", "))
}

func setOf(xs []string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// ref makes the anchor a reference date.
func (a Anchor) ref() *Ref {
	return &Ref{Date: time.Date(a.Date.Year, time.Month(a.Date.Month), a.Date.Day, 0, 0, 0, 0, time.UTC)}
}
