package lexicon

import (
	"strings"
	"sync"
	"unicode"
)

// The tables derived from the dictionaries are built on first use, not in
// New: a one-shot `kabar ask` whose question never glosses a word or
// asks whether one is a name does not pay for them. Copies of a Lexicon
// (ForClaims) share them through the pointer; they are built from the
// English → Indonesian dictionaries, which the copies share unchanged.

// wordTables are the words the dictionaries know and list.
type wordTables struct {
	once   sync.Once
	known  map[string]bool // every single word the dictionaries use, either language
	listed map[string]bool // headwords translated only by themselves: transliterated names
}

// reversedGlosses are the dictionaries reversed (gloss.go).
type reversedGlosses struct {
	once    sync.Once
	words   map[string]gloss // Indonesian word → best English headword
	phrases map[string]gloss // Indonesian phrase → best English headword
	counts  map[string]wordCount
}

func (l *Lexicon) wordSets() *wordTables {
	w := l.words
	w.once.Do(func() {
		w.known = make(map[string]bool, 2*(len(l.news)+len(l.freedict)))
		w.listed = map[string]bool{}
		for _, d := range []map[string][]string{l.news, l.freedict} {
			for h, vals := range d {
				// An entry translated only by itself ("putin": putin,
				// "beijing": beijing) is a name the dictionary
				// transliterates, not an ordinary word.
				if len(vals) == 1 && vals[0] == h {
					w.listed[h] = true
					continue
				}
				if !strings.Contains(h, " ") {
					w.known[h] = true
				}
				for _, v := range vals {
					eachField(v, func(f string) { w.known[f] = true })
				}
			}
		}
	})
	return w
}

// glosses returns the single-word glosses.
func (l *Lexicon) glosses() map[string]gloss { return l.reversed().words }

// phraseGlosses returns the phrase glosses.
func (l *Lexicon) phraseGlosses() map[string]gloss { return l.reversed().phrases }

func (l *Lexicon) reversed() *reversedGlosses {
	g := l.glossTab
	g.once.Do(func() {
		counts := readCounts()
		g.counts = counts
		g.words = buildGlosses(counts, l.news, l.freedict)
		g.phrases = buildPhraseGlosses(counts, l.news, l.freedict)
	})
	return g
}

// eachField calls fn with each of strings.Fields(s), without the slice.
func eachField(s string, fn func(string)) {
	if strings.IndexFunc(s, unicode.IsSpace) < 0 {
		if s != "" {
			fn(s)
		}
		return
	}
	for _, f := range strings.Fields(s) {
		fn(f)
	}
}
