package langid

import (
	"math"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// This file is whatlanggo's identification (DetectWithOptions) done with
// less work and the same answers: a text's trigrams are counted once, as
// integers in a reused table rather than as strings in a map, and every
// language's distance comes from one pass over the text's distinct
// trigrams through an index from trigram to the profiles ranking it,
// instead of one map lookup per profile trigram per language per call.
// One count then serves any number of whitelists (Detector.Detect asks
// for up to three). TestMatchesWhatlanggo holds it to whatlanggo.

// maxTrigramDistance is whatlanggo's: a profile's i-th trigram weighs
// maxTrigramDistance - i.
const maxTrigramDistance = 300

// rank is one profile's ranking of a trigram.
type rank struct {
	lang   int32 // index into scriptIndex.langs
	weight int32
}

// scriptIndex is the profiles of one script's languages, by trigram.
type scriptIndex struct {
	langs []whatlanggo.Lang
	at    slots   // trigram -> index into ends
	ends  []int32 // ranks[ends[i-1]:ends[i]] rank trigram i
	ranks []rank
}

// ranksOf returns the profiles' ranks of a trigram.
func (si *scriptIndex) ranksOf(key uint64) []rank {
	i := si.at.get(key)
	if i < 0 {
		return nil
	}
	start := int32(0)
	if i > 0 {
		start = si.ends[i-1]
	}
	return si.ranks[start:si.ends[i]]
}

// trigramIndex builds the profiles' index once, on first use.
var trigramIndex = sync.OnceValue(func() map[*unicode.RangeTable]*scriptIndex {
	out := map[*unicode.RangeTable]*scriptIndex{}
	for script, profiles := range profileTable() {
		si := &scriptIndex{}
		for lang := range profiles {
			si.langs = append(si.langs, lang)
		}
		slices.Sort(si.langs) // a fixed order: ties go to the lower Lang
		byKey := map[uint64][]rank{}
		var order []uint64
		for li, lang := range si.langs {
			for i, t := range profiles[lang] {
				key, ok := trigramKey(t)
				if !ok {
					continue // not three runes: no text trigram equals it
				}
				if byKey[key] == nil {
					order = append(order, key)
				}
				byKey[key] = append(byKey[key], rank{lang: int32(li), weight: int32(maxTrigramDistance - i)})
			}
		}
		si.at.reset()
		for i, key := range order {
			si.at.put(key, int32(i))
			si.ranks = append(si.ranks, byKey[key]...)
			si.ends = append(si.ends, int32(len(si.ranks)))
		}
		out[script] = si
	}
	return out
})

// trigramKey packs a three-rune string into an integer.
func trigramKey(t string) (uint64, bool) {
	var rs [3]rune
	n := 0
	for _, r := range t {
		if n == 3 {
			return 0, false
		}
		rs[n] = r
		n++
	}
	if n != 3 {
		return 0, false
	}
	return pack(rs[0], rs[1], rs[2]), true
}

func pack(a, b, c rune) uint64 { return uint64(a)<<42 | uint64(b)<<21 | uint64(c) }

// analysis is one text's identification by every language of its script;
// any whitelist's answer is read from it.
type analysis struct {
	script *unicode.RangeTable
	index  *scriptIndex // nil: the script names its language outright
	dist   []int        // per language of index
	hits   []int        // per language, how many profile trigrams occur
}

// countPool holds trigram tables between calls.
var countPool = sync.Pool{New: func() any { return &counts{} }}

// counts is a text's trigrams with their counts, in order of first
// occurrence.
type counts struct {
	keys []uint64
	n    []int
	at   slots // key -> index into keys
}

// slots is an open-addressing table from trigram keys to small integers,
// cleared in time proportional to what it holds.
type slots struct {
	keys []uint64 // key + 1; 0 is an empty slot
	vals []int32
	used []int32
}

func (t *slots) reset() {
	for _, i := range t.used {
		t.keys[i] = 0
	}
	t.used = t.used[:0]
	if t.keys == nil {
		t.keys, t.vals = make([]uint64, 1024), make([]int32, 1024)
	}
}

// find returns the slot of key: where it is, or the empty slot where it
// would go.
func (t *slots) find(key uint64) int {
	mask := len(t.keys) - 1
	i := int((key * 0x9E3779B97F4A7C15) >> 40 & uint64(mask))
	for t.keys[i] != 0 && t.keys[i] != key+1 {
		i = (i + 1) & mask
	}
	return i
}

// get returns key's value, or -1.
func (t *slots) get(key uint64) int32 {
	if i := t.find(key); t.keys[i] != 0 {
		return t.vals[i]
	}
	return -1
}

// put sets key's value.
func (t *slots) put(key uint64, v int32) {
	if 2*(len(t.used)+1) > len(t.keys) {
		old, oldVals, used := t.keys, t.vals, t.used
		t.keys, t.vals, t.used = make([]uint64, 2*len(old)), make([]int32, 2*len(old)), make([]int32, 0, 2*len(used))
		for _, j := range used {
			k := t.find(old[j] - 1)
			t.keys[k], t.vals[k] = old[j], oldVals[j]
			t.used = append(t.used, int32(k))
		}
	}
	i := t.find(key)
	if t.keys[i] == 0 {
		t.keys[i] = key + 1
		t.used = append(t.used, int32(i))
	}
	t.vals[i] = v
}

// analyse identifies text as whatlanggo does before it applies a
// whitelist.
func analyse(text string) analysis {
	script := detectScript(text)
	a := analysis{script: script}
	si := trigramIndex()[script]
	if script == nil || si == nil {
		return a
	}
	a.index = si
	c := countPool.Get().(*counts)
	defer countPool.Put(c)
	c.count(text)
	a.dist = make([]int, len(si.langs))
	a.hits = make([]int, len(si.langs))
	for i, key := range c.keys {
		for _, r := range si.ranksOf(key) {
			a.dist[r.lang] += int(r.weight) * c.n[i]
			a.hits[r.lang]++
		}
	}
	return a
}

// count collects text's trigrams as whatlanggo's count does: each rune
// lower-cased, punctuation, symbols, digits and spaces made a space, a
// space before the first rune and after the last, and no trigram whose
// middle is a space next to another space.
func (c *counts) count(text string) {
	c.keys, c.n = c.keys[:0], c.n[:0]
	c.at.reset()
	norm := func(r rune) rune {
		if isStopChar(r) {
			return ' '
		}
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				return r + ('a' - 'A')
			}
			return r
		}
		return unicode.ToLower(r)
	}
	r1, r2 := rune(' '), rune(' ')
	first := true
	add := func(r3 rune) {
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			key := pack(r1, r2, r3)
			if i := c.at.get(key); i >= 0 {
				c.n[i]++
			} else {
				c.at.put(key, int32(len(c.keys)))
				c.keys = append(c.keys, key)
				c.n = append(c.n, 1)
			}
		}
		r1, r2 = r2, r3
	}
	for _, r := range text {
		if first {
			r2 = norm(r) // whatlanggo starts from (' ', first rune)
			first = false
			continue
		}
		add(norm(r))
	}
	if first {
		r2 = ' ' // an empty text: whatlanggo's one rune is the final space
		return
	}
	add(' ')
}

// isStopChar is whatlanggo's: spaces, punctuation, symbols and digits.
func isStopChar(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r >= '\t' && r <= '\r' || r >= '!' && r <= '@' || r >= '[' && r <= '`' || r >= '{' && r <= '~'
	}
	return unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsDigit(r)
}

// info is whatlanggo's answer for the languages allowed (every language
// when allowed is nil).
func (a analysis) info(allowed map[whatlanggo.Lang]bool) whatlanggo.Info {
	if a.script == nil {
		return whatlanggo.Info{Lang: -1}
	}
	if a.index == nil {
		return whatlanggo.Info{Lang: scriptLang(a.script), Script: a.script, Confidence: 1}
	}
	first, second := -1, -1
	n := 0
	for li, lang := range a.index.langs {
		if len(allowed) != 0 && !allowed[lang] {
			continue
		}
		n++
		switch {
		case first < 0 || a.dist[li] > a.dist[first]:
			first, second = li, first
		case second < 0 || a.dist[li] > a.dist[second]:
			second = li
		}
	}
	switch n {
	case 0:
		return whatlanggo.Info{Lang: -1, Script: a.script}
	case 1:
		return whatlanggo.Info{Lang: a.index.langs[first], Script: a.script, Confidence: 1}
	}
	lang, conf := confidence(a.index.langs[first], a.dist[first], a.dist[second], a.hits[first])
	return whatlanggo.Info{Lang: lang, Script: a.script, Confidence: conf}
}

// tied reports whether the best two allowed languages have the same
// distance, when whatlanggo's answer depends on its map order.
func (a analysis) tied(allowed map[whatlanggo.Lang]bool) bool {
	if a.index == nil {
		return false
	}
	var ds []int
	for li, lang := range a.index.langs {
		if len(allowed) == 0 || allowed[lang] {
			ds = append(ds, a.dist[li])
		}
	}
	slices.Sort(ds)
	return len(ds) >= 2 && ds[len(ds)-1] == ds[len(ds)-2]
}

// confidence is whatlanggo's calculateConfidence for the best two
// distances.
func confidence(lang whatlanggo.Lang, score1, score2, hits1 int) (whatlanggo.Lang, float64) {
	if score1 == 0 {
		return -1, 0
	}
	if score2 == 0 {
		return lang, min(float64(score1/500.0), 1)
	}
	rate := float64(score1-score2) / float64(score2)
	confidentRate := float64(12.0/float64(hits1)) + 0.05
	c := 1.0
	if rate <= confidentRate {
		c = rate / confidentRate
	}
	return lang, math.Round(c*100) / 100
}

// scriptLang is the language whatlanggo names for a script it has no
// profiles for.
func scriptLang(s *unicode.RangeTable) whatlanggo.Lang {
	switch s {
	case unicode.Han:
		return whatlanggo.Cmn
	case unicode.Bengali:
		return whatlanggo.Ben
	case unicode.Hangul:
		return whatlanggo.Kor
	case unicode.Georgian:
		return whatlanggo.Kat
	case unicode.Greek:
		return whatlanggo.Ell
	case unicode.Kannada:
		return whatlanggo.Kan
	case unicode.Tamil:
		return whatlanggo.Tam
	case unicode.Thai:
		return whatlanggo.Tha
	case unicode.Gujarati:
		return whatlanggo.Guj
	case unicode.Gurmukhi:
		return whatlanggo.Pan
	case unicode.Telugu:
		return whatlanggo.Tel
	case unicode.Malayalam:
		return whatlanggo.Mal
	case unicode.Oriya:
		return whatlanggo.Ori
	case unicode.Myanmar:
		return whatlanggo.Mya
	case unicode.Sinhala:
		return whatlanggo.Sin
	case unicode.Khmer:
		return whatlanggo.Khm
	}
	return whatlanggo.Jpn // the Hiragana and Katakana table
}
