package timeline

import (
	"strings"

	"github.com/kabar-bot/kabar/lexicon"
)

// entities knows the coverage's names as whole units. A capitalised run
// often joins a title's country to a person ("Rusia Sergei Lavrov",
// "Korea Utara Kim Jong Un"); a run splits where both sides are names the
// coverage also uses on their own, and a surname alone ("Lavrov") stands
// for the fullest form the coverage gives it ("Sergei Lavrov").
type entities struct {
	runs    map[string]int    // complete runs, lower case, by how often they occur
	solo    map[string]bool   // words that occur as a run of their own
	places  map[string]int    // words that follow a place preposition
	full    map[string]string // a one-word name → its fullest key
	surface map[string]string // key → how the text first spells it
}

func newEntities(docs []*docState) *entities {
	e := &entities{runs: map[string]int{}, solo: map[string]bool{}, places: map[string]int{}, full: map[string]string{}, surface: map[string]string{}}
	for _, d := range docs {
		for _, s := range d.sents {
			for _, r := range s.runs {
				e.runs[strings.Join(r, " ")]++
				if len(r) == 1 {
					e.solo[r[0]] = true
				}
			}
			for p := range s.places {
				e.places[p]++
			}
		}
	}
	// The fullest form of a one-word name: the most frequent segment of two
	// or more words that starts or ends with it (people only; a place keeps
	// its own name, "Wonsan" is not "Wonsan Kalma").
	count := map[string]int{}
	for _, d := range docs {
		for _, s := range d.sents {
			for _, r := range s.runs {
				for _, seg := range e.split(r) {
					if len(seg) > 1 {
						count[strings.Join(seg, " ")]++
					}
				}
			}
		}
	}
	for k, n := range count {
		ws := strings.Fields(k)
		for _, w := range []string{ws[0], ws[len(ws)-1]} {
			if e.places[w] > 0 {
				continue
			}
			cur, ok := e.full[w]
			if !ok || n > count[cur] || n == count[cur] && (len(k) > len(cur) || len(k) == len(cur) && k < cur) {
				e.full[w] = k
			}
		}
	}
	return e
}

// attested reports a run the coverage uses as a name of its own: a
// complete run somewhere, or ending in a word that stands alone (a
// surname).
func (e *entities) attested(ws []string) bool {
	return e.runs[strings.Join(ws, " ")] > 0 && (len(ws) > 1 || e.solo[ws[0]]) || e.solo[ws[len(ws)-1]] && len(ws) > 1
}

// split cuts a run into names: at the first point where the left part is
// a complete run of its own elsewhere and the right part is attested.
func (e *entities) split(run []string) [][]string {
	for k := 1; k < len(run); k++ {
		left, right := run[:k], run[k:]
		if e.runs[strings.Join(left, " ")] > 0 && e.attested(right) && e.runs[strings.Join(run, " ")] <= e.runs[strings.Join(left, " ")]+e.runs[strings.Join(right, " ")] {
			return append([][]string{left}, e.split(right)...)
		}
	}
	return [][]string{run}
}

// name is one whole name of a sentence: its tokens and how to show it.
type name struct {
	first, last int    // token indices, inclusive
	key         string // lower case, whole ("sergei lavrov")
	show        string // as the coverage spells it whole
	raw         string // as this sentence spells it
	place       bool   // introduced by a place preposition in this sentence
	run         int    // which capitalised run it came from
}

// listed reports whether a dictionary lists the word, also as a name it
// only transliterates ("Bengkulu"), when the lexicon can tell.
func listed(lex knownWorder, norm string) bool {
	if l, ok := lex.(interface{ Listed(string) bool }); ok {
		return l.Listed(norm)
	}
	return lex.KnownWord(norm)
}

// sentenceNames finds the whole names of a sentence's tokens.
func (e *entities) sentenceNames(text string, toks []lexicon.Token, lex knownWorder) []name {
	var out []name
	runs := 0
	placer, _ := lex.(interface{ IsPlaceName(string) bool })
	flushRun := func(from, to int) {
		if from < 0 {
			return
		}
		// "Menteri Keuangan Sri Mulyani": the office's field is not part
		// of the person's name (a place is: "Presiden Ukraina …" keeps
		// Ukraina as a name of its own).
		if from > 0 && to-from >= 2 && isTitleWord(toks[from-1].Norm) && lex != nil && listed(lex, toks[from].Norm) &&
			(placer == nil || !placer.IsPlaceName(toks[from].Norm)) {
			from++
		}
		runs++
		ws := make([]string, 0, to-from+1)
		for i := from; i <= to; i++ {
			ws = append(ws, toks[i].Norm)
		}
		at := from
		for _, seg := range e.split(ws) {
			n := name{first: at, last: at + len(seg) - 1, key: strings.Join(seg, " "), run: runs}
			n.show = text[toks[n.first].Start:toks[n.last].End]
			n.raw = n.show
			if n.first > 0 && isPlacePreposition(toks[n.first-1].Norm) && !toks[n.first-1].Upper {
				n.place = true
			}
			if len(seg) == 1 && !n.place {
				if full, ok := e.full[seg[0]]; ok {
					n.key = full
					n.show = e.showOf(full, n.show)
				}
			}
			out = append(out, n)
			at += len(seg)
		}
	}
	start := -1
	for i := range toks {
		// A sentence's first word is a name when the coverage uses it as one
		// ("Putin terakhir kali bertemu …"), dictionary word or not.
		// So is a first word that a name word follows closely ("Korea Utara
		// mengirim …").
		first := i == 0 && toks[0].Upper && !toks[0].Num && !isNameStop(toks[0].Norm) && !lexicon.IsCalendarWord(toks[0].Norm)
		in := isName(toks, i, lex) || first && (e.solo[toks[0].Norm] || len(toks) > 1 && isName(toks, 1, lex) && tight(text, toks[0], toks[1]))
		if in && start >= 0 && !(tight(text, toks[i-1], toks[i]) || text[toks[i-1].End:toks[i].Start] == "-") {
			flushRun(start, i-1)
			start = -1
		}
		if !in {
			flushRun(start, i-1)
			start = -1
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flushRun(start, len(toks)-1)
	return out
}

// showOf spells a whole name as the coverage does; fallback when the
// spelling was never recorded.
func (e *entities) showOf(key, fallback string) string {
	if s, ok := e.surface[key]; ok {
		return s
	}
	return fallback
}

// learnSurfaces records how the text spells each whole name.
func (e *entities) learnSurfaces(docs []*docState, lex knownWorder) {
	for _, d := range docs {
		for _, s := range d.sents {
			if len(s.runs) == 0 {
				continue
			}
			toks := lexicon.Tokenize(s.text)
			for _, n := range e.sentenceNames(s.text, toks, lex) {
				if n.last > n.first {
					if _, ok := e.surface[n.key]; !ok {
						e.surface[n.key] = s.text[toks[n.first].Start:toks[n.last].End]
					}
				}
			}
		}
	}
}

// wholeNames spells name words as the whole names the coverage gives
// them ("son", "hui" → "Choe Son Hui"), each once, in order; a name
// within another chosen one is left out.
func (e *entities) wholeNames(words []string) []string {
	var shows []string
	for _, w := range words {
		key := w
		if full, ok := e.full[w]; ok {
			key = full
		}
		shows = appendNew(shows, e.showOf(key, capitalise(w)))
	}
	var out []string
	for i, s := range shows {
		within := false
		for j, o := range shows {
			if i != j && len(o) > len(s) && strings.Contains(" "+o+" ", " "+s+" ") {
				within = true
			}
		}
		if !within {
			out = append(out, s)
		}
	}
	return out
}
