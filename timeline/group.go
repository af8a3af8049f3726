package timeline

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// Group is one event on the timeline: reports of the same thing on the
// same date, from one or more articles, oldest first.
type Group struct {
	Date   Date
	Events []Event // every report, by article then position
	Docs   []string
	Names  []string // names most reports give, most frequent first
	Verbs  []string
	Who    []string // the rare names as the text spells them, most reported first
	Kind   string   // the English gloss of its most reported specific event kind ("meeting"), or ""
	End    Date     // the last day of an event reported over consecutive days; zero otherwise
	// Stretched says how the days were found when the event's span comes
	// from the length of a visit ("a 3-day visit ending 2025-07-13, the
	// day …"); "" otherwise.
	Stretched string
	Visit     Visit           // the visit that stretched it; zero otherwise
	Lines     map[string]Line // the event told in "en" and "id"; nil when no report could be told
}

// Visit is a stay of several days an event is part of.
type Visit struct {
	Who  string // the visitor, as the coverage spells the whole name
	Days int
}

// Tell introduces a line with the visit in lang: "Sergei Lavrov’s
// 3-day visit: ", "Kunjungan 3 hari Sergei Lavrov: "; "" for none.
func (v Visit) Tell(lang string) string {
	if v.Days == 0 || v.Who == "" {
		return ""
	}
	if lang == "id" {
		return fmt.Sprintf("Kunjungan %d hari %s: ", v.Days, v.Who)
	}
	return fmt.Sprintf("%s’s %d-day visit: ", v.Who, v.Days)
}

// Span writes the group's date for people in lang: "12 July 2025", or a
// range of days, "12–13 July 2025", "30 June – 2 July 2025".
func (g Group) Span(lang string) string {
	if g.End.Prec != Day || g.End == g.Date {
		return g.Date.Format(lang)
	}
	a, b := g.Date, g.End
	names, ok := monthNames[lang]
	if !ok {
		names = monthNames["en"]
	}
	switch {
	case a.Year == b.Year && a.Month == b.Month:
		return fmt.Sprintf("%d–%d %s %d", a.Day, b.Day, names[a.Month], a.Year)
	case a.Year == b.Year:
		return fmt.Sprintf("%d %s – %d %s %d", a.Day, names[a.Month], b.Day, names[b.Month], a.Year)
	}
	return a.Format(lang) + " – " + b.Format(lang)
}

// KindIn spells the group's event kind in lang ("meeting", "pertemuan").
func (g Group) KindIn(lang string) string {
	for _, v := range eventVerbs {
		if v.verb.en == g.Kind {
			if lang == "id" {
				return v.verb.id
			}
			return v.verb.en
		}
	}
	return ""
}

// minInformative is the weight of a name rare enough to tell events
// apart: one in fewer than about two sentences in five that name anyone
// (ln(1/0.4) ≈ 0.9). Country names of a story's countries fall below it.
const minInformative = 0.9

// minGroupWeight is the rare-name evidence that alone makes two same-date
// reports one event (three informative names' worth).
const minGroupWeight = 3.3

// groupEvents merges reports of the same event (stage 5): same date at the
// same precision, and sharing a rare name or an event kind and a name.
// A report one step coarser ("tahun lalu" → 2024) joins a finer one it contains
// ("November lalu" → 2024-11) on the same evidence, so an event is listed
// once at the most precise date any report supports.
func groupEvents(events []Event, w nameWeights) []Group {
	parent := make([]int, len(events))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	names := make([]map[string]bool, len(events))
	verbs := make([]map[string]bool, len(events))
	inform := make([]int, len(events))
	for i, e := range events {
		names[i], verbs[i] = setOf(e.Names), setOf(e.Verbs)
		inform[i] = w.informative(names[i])
	}
	same := func(i, j int) bool {
		shared, score := w.shared(names[i], names[j])
		if score >= minGroupWeight {
			return true
		}
		if !hasSpecificShared(verbs[i], verbs[j]) {
			return false
		}
		return inform[i] == 0 || inform[j] == 0 || w.informative(setOf(shared)) >= 2
	}
	// Reports are compared only with reports of the same date (and, for
	// a coarse one, of the finer dates it contains): the work grows with
	// the reports per date, not with the square of the coverage.
	byDate := map[Date][]int{}
	for i, e := range events {
		byDate[e.Date] = append(byDate[e.Date], i)
	}
	for _, idx := range byDate {
		for x := 0; x < len(idx); x++ {
			for y := x + 1; y < len(idx); y++ {
				if same(idx[x], idx[y]) {
					parent[find(idx[y])] = find(idx[x])
				}
			}
		}
	}
	// Coarse into fine: attach each coarse report to the finest group
	// containing its date that it matches.
	byCoarse := map[Date][]int{} // finer reports under the date one step coarser
	for i, e := range events {
		switch e.Date.Prec {
		case Month:
			byCoarse[Date{Year: e.Date.Year, Prec: Year}] = append(byCoarse[Date{Year: e.Date.Year, Prec: Year}], i)
		case Day:
			k := Date{Year: e.Date.Year, Month: e.Date.Month, Prec: Month}
			byCoarse[k] = append(byCoarse[k], i)
		}
	}
	// One article naming the same kind of event with the same people
	// twice ("bertemu … pada 3 September", "pertemuan Putin dan Kim pada
	// bulan September") tells one event.
	sameArticle := func(i, j int) bool {
		if events[i].Doc != events[j].Doc || !hasSpecificShared(verbs[i], verbs[j]) {
			return false
		}
		// Names as the other sentence writes them: a sentence's first word
		// ("Putin terakhir kali bertemu …") is not among its name words.
		n := 0
		for x := range names[i] {
			if surface(events[j].Text, x) != "" {
				n++
			}
		}
		return n >= 2
	}
	for i, a := range events {
		for _, j := range byCoarse[a.Date] {
			if same(i, j) || sameArticle(i, j) {
				parent[find(i)] = find(j)
				break
			}
		}
	}
	byRoot := map[int]*Group{}
	var order []int
	for i, e := range events {
		r := find(i)
		g, ok := byRoot[r]
		if !ok {
			g = &Group{}
			byRoot[r] = g
			order = append(order, r)
		}
		g.Events = append(g.Events, e)
	}
	out := make([]Group, 0, len(order))
	for _, r := range order {
		g := byRoot[r]
		g.Date = g.Events[0].Date
		for _, e := range g.Events {
			if e.Date.Prec > g.Date.Prec {
				g.Date = e.Date
			}
		}
		for _, e := range g.Events {
			if e.Date == g.Date && e.End.Prec == Day && (g.End.Prec != Day || g.End.Before(e.End)) {
				g.End = e.End
			}
		}
		g.finish()
		out = append(out, *g)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	out = mergeSameDay(out, w)
	for i := range out {
		out[i].label(w)
	}
	return out
}

// label fills Who and Kind from the reports.
func (g *Group) label(w nameWeights) {
	g.Who, g.Kind = nil, ""
	for _, n := range g.Names {
		if w.of(n) < minInformative || len(g.Who) == 4 {
			continue
		}
		for _, e := range g.Events {
			if sf := surface(e.Text, n); sf != "" && !continues(e.Text, g.Who, sf) {
				g.Who = append(g.Who, sf)
				break
			}
		}
	}
	for _, v := range g.Verbs {
		if isSpecificVerb(v) {
			g.Kind = v
			break
		}
	}
	if g.Kind == "" && len(g.Verbs) > 0 {
		g.Kind = g.Verbs[0]
	}
}

// continues reports that sf only continues a name already chosen ("Jong"
// of "Kim Jong Un").
func continues(text string, chosen []string, sf string) bool {
	for _, c := range chosen {
		if strings.Contains(text, c+" "+sf) {
			return true
		}
	}
	return false
}

// surface finds how text spells the lower-case name word n.
func surface(text, n string) string {
	for _, t := range lexicon.Tokenize(text) {
		if t.Norm == n && t.Upper {
			return t.Text
		}
	}
	return ""
}

// mergeSameDay joins reports of one day that name a rare person or place
// in common: on a single day, a statement and a meeting with the same
// minister are one story.
func mergeSameDay(gs []Group, w nameWeights) []Group {
	var out []Group
	byDay := map[Date][]int{}
	for _, g := range gs {
		merged := false
		if g.Date.Prec == Day {
			for _, i := range byDay[g.Date] {
				o := &out[i]
				if names, _ := w.shared(setOf(o.Names), setOf(g.Names)); w.informative(setOf(names)) > 0 {
					o.Events = append(o.Events, g.Events...)
					o.Docs, o.Names, o.Verbs = nil, nil, nil
					o.finish()
					merged = true
					break
				}
			}
		}
		if !merged {
			out = append(out, g)
			if g.Date.Prec == Day {
				byDay[g.Date] = append(byDay[g.Date], len(out)-1)
			}
		}
	}
	return out
}

func hasSpecificShared(a, b map[string]bool) bool {
	for k := range a {
		if b[k] && isSpecificVerb(k) {
			return true
		}
	}
	return false
}

// contains reports that coarse covers fine.
func contains(coarse, fine Date) bool {
	if coarse.Year != fine.Year {
		return false
	}
	return coarse.Prec == Year || coarse.Prec == Month && coarse.Month == fine.Month
}

func (g *Group) finish() {
	docs := map[string]bool{}
	nameCount := map[string]int{}
	verbCount := map[string]int{}
	for _, e := range g.Events {
		if !docs[e.Doc] {
			docs[e.Doc] = true
			g.Docs = append(g.Docs, e.Doc)
		}
		for _, n := range e.Names {
			nameCount[n]++
		}
		for _, v := range e.Verbs {
			verbCount[v]++
		}
	}
	sort.Strings(g.Docs)
	g.Names = byCount(nameCount)
	g.Verbs = byCount(verbCount)
}

func byCount(m map[string]int) []string {
	out := keys(boolSet(m))
	sort.SliceStable(out, func(i, j int) bool { return m[out[i]] > m[out[j]] })
	return out
}

func boolSet(m map[string]int) map[string]bool {
	s := make(map[string]bool, len(m))
	for k := range m {
		s[k] = true
	}
	return s
}
