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
	// ascii is at for the trigrams of spaces and ASCII letters, most of
	// a Latin text's, by asciiSlot: an array read without hashing, in 79
	// KB where Latin's at takes 256 KB. -1: no profile ranks it.
	ascii []int32
}

// maxScriptLangs bounds how many languages share a script (whatlanggo's
// Latin has 48), so that per-language tallies are arrays indexed without
// bounds checks.
const maxScriptLangs = 64

// asciiCode numbers the runes of ascii's trigrams, space 0 and 'a' to
// 'z' 1 to 26, as count normalises them; -1 for any other rune.
func asciiCode(r rune) int32 {
	switch {
	case r == ' ':
		return 0
	case r >= 'a' && r <= 'z':
		return r - 'a' + 1
	}
	return -1
}

// asciiSlot is the place in scriptIndex.ascii of the trigram of three
// asciiCode numbers.
func asciiSlot(a, b, c int32) int32 { return (a*27+b)*27 + c }

// trigramIndex builds the profiles' index once, on first use.
var trigramIndex = sync.OnceValue(func() map[*unicode.RangeTable]*scriptIndex {
	out := map[*unicode.RangeTable]*scriptIndex{}
	for script, profiles := range profileTable() {
		si := &scriptIndex{}
		for lang := range profiles {
			si.langs = append(si.langs, lang)
		}
		slices.Sort(si.langs) // a fixed order: ties go to the lower Lang
		if len(si.langs) > maxScriptLangs {
			panic("langid: more languages in one script than maxScriptLangs")
		}
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
		si.ascii = make([]int32, 27*27*27)
		for i := range si.ascii {
			si.ascii[i] = -1
		}
		for i, key := range order {
			si.at.put(key, int32(i))
			a, b, c := asciiCode(rune(key>>42)), asciiCode(rune(key>>21&(1<<21-1))), asciiCode(rune(key&(1<<21-1)))
			if a >= 0 && b >= 0 && c >= 0 {
				si.ascii[asciiSlot(a, b, c)] = int32(i)
			}
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

// countPool holds the per-call tables between calls, so that identifying
// thousands of paragraphs allocates nothing per paragraph.
var countPool = sync.Pool{New: func() any { return &counts{} }}

// counts is a text's occurrences of its script's profile trigrams, by
// trigram number in the script's index, and the distances read from them.
// A trigram no profile ranks adds nothing to any distance, so it is not
// counted at all: one lookup per trigram in the index replaces a count
// table of the text's own and a lookup per distinct trigram.
type counts struct {
	n          []int32             // by trigram number; zero except at seen
	seen       []int32             // the trigram numbers with n > 0
	dist, hits [maxScriptLangs]int // per language; analysis's, until the next use
	letters    int                 // the text's letters (letterTally)
	kana       int                 // of which kana
}

// slots is an open-addressing table from trigram keys to small integers.
// A key and its value share a slot, so that a lookup that finds its key
// reads one cache line, not two: counting looks up every non-ASCII
// trigram of a text here.
type slots struct {
	slots []slot
	used  int
}

type slot struct {
	key uint64 // key + 1; 0 is an empty slot
	val int32
}

// find returns the slot of key: where it is, or the empty slot where it
// would go.
func (t *slots) find(key uint64) int {
	mask := len(t.slots) - 1
	i := int((key * 0x9E3779B97F4A7C15) >> 40 & uint64(mask))
	for t.slots[i].key != 0 && t.slots[i].key != key+1 {
		i = (i + 1) & mask
	}
	return i
}

// get returns key's value, or -1.
func (t *slots) get(key uint64) int32 {
	if s := t.slots[t.find(key)]; s.key != 0 {
		return s.val
	}
	return -1
}

// put sets key's value.
func (t *slots) put(key uint64, v int32) {
	if 2*(t.used+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]slot, max(1024, 2*len(old)))
		for _, s := range old {
			if s.key != 0 {
				t.slots[t.find(s.key-1)] = s
			}
		}
	}
	i := t.find(key)
	if t.slots[i].key == 0 {
		t.slots[i].key = key + 1
		t.used++
	}
	t.slots[i].val = v
}

// analyse identifies text as whatlanggo does before it applies a
// whitelist. The analysis owns its slices.
func analyse(text string) analysis {
	c := countPool.Get().(*counts)
	defer countPool.Put(c)
	a := c.analyse(text, nil)
	a.dist, a.hits = slices.Clone(a.dist), slices.Clone(a.hits)
	return a
}

// analyse is the package analyse reading and writing c's tables: the
// analysis's slices are c's, valid until c is used again. When keep is
// not nil, the trigram counts are appended to it (see Pieces).
func (c *counts) analyse(text string, keep *Pieces) analysis {
	script := detectScript(text)
	a := analysis{script: script}
	si := trigramIndex()[script]
	if script == nil || si == nil {
		c.letters, c.kana = letterTally(text)
		return a
	}
	a.index = si
	c.start(si)
	c.countInto(text, si) // and the letters
	return c.distances(a, keep)
}

// distances completes a, whose index c has counted trigrams for, and
// clears the counts for the next text; keep is as for analyse.
func (c *counts) distances(a analysis, keep *Pieces) analysis {
	si := a.index
	c.dist, c.hits = [maxScriptLangs]int{}, [maxScriptLangs]int{}
	for _, id := range c.seen {
		n := int(c.n[id])
		c.n[id] = 0 // ready for the next text
		if keep != nil {
			keep.ids, keep.n = append(keep.ids, id), append(keep.n, int32(n))
		}
		for _, r := range si.ranksAt(id) {
			l := r.lang & (maxScriptLangs - 1) // < len(si.langs): a mask the compiler sees
			c.dist[l] += int(r.weight) * n
			c.hits[l]++
		}
	}
	c.seen = c.seen[:0]
	a.dist, a.hits = c.dist[:len(si.langs)], c.hits[:len(si.langs)]
	return a
}

// ranksAt returns the profiles' ranks of trigram number i.
func (si *scriptIndex) ranksAt(i int32) []rank {
	start := int32(0)
	if i > 0 {
		start = si.ends[i-1]
	}
	return si.ranks[start:si.ends[i]]
}

// asciiNorm is count's normalisation of each ASCII byte: isStopChar's
// bytes made a space, capitals lower-cased, the rest (letters, control
// characters) as they are. A constant: TestASCIINorm holds it to
// isStopChar and unicode.ToLower.
const asciiNorm = "\x00\x01\x02\x03\x04\x05\x06\x07\x08     \x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f" +
	"                                 " + // ' ' to '@'
	"abcdefghijklmnopqrstuvwxyz" + //      'A' to 'Z'
	"      " + //                          '[' to '`'
	"abcdefghijklmnopqrstuvwxyz" +
	"    \x7f" //                          '{' to '~', DEL

// norm is count's normalisation of a rune: whatlanggo lower-cases it and
// makes punctuation, symbols, digits and spaces a space.
func norm(r rune) rune {
	if r < utf8.RuneSelf {
		return rune(asciiNorm[r])
	}
	if isStopChar(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

// start readies c to count trigrams of si's script.
func (c *counts) start(si *scriptIndex) {
	if len(c.n) < len(si.ends) {
		c.n = make([]int32, len(si.ends))
	}
	c.seen = c.seen[:0]
	c.letters, c.kana = 0, 0
}

// countInto adds to c text's trigrams that si's profiles rank, as
// whatlanggo's count collects them: each rune normalised (norm), a space
// before the first rune and after the last, and no trigram whose middle
// is a space next to another space. It counts the letters too
// (letterTally), to read the text once.
func (c *counts) countInto(text string, si *scriptIndex) {
	letters, kana := 0, 0
	// whatlanggo starts from (' ', first rune); an empty text has no
	// trigram. a1 and a2 are r1's and r2's asciiCode.
	r1, r2 := rune(' '), rune(-1)
	a1, a2 := int32(0), int32(-1)
	for _, r := range text {
		if r < utf8.RuneSelf {
			r = rune(asciiNorm[r])
			if r >= 'a' && r <= 'z' { // an ASCII letter, lower-cased
				letters++
			}
		} else {
			letters, kana = tallyLetter(r, letters, kana)
			r = norm(r)
		}
		a := asciiCode(r)
		if r2 >= 0 {
			c.add(si, r1, r2, r, a1, a2, a)
			r1, a1 = r2, a2
		}
		r2, a2 = r, a
	}
	if r2 >= 0 {
		c.add(si, r1, r2, ' ', a1, a2, 0)
	}
	c.letters += letters
	c.kana += kana
}

// add counts one trigram, given with its runes' asciiCode.
func (c *counts) add(si *scriptIndex, r1, r2, r3 rune, a1, a2, a3 int32) {
	if r2 == ' ' && (r1 == ' ' || r3 == ' ') {
		return
	}
	var id int32
	if a1|a2|a3 >= 0 {
		id = si.ascii[asciiSlot(a1, a2, a3)]
	} else {
		id = si.at.get(pack(r1, r2, r3))
	}
	if id < 0 {
		return
	}
	if c.n[id] == 0 {
		c.seen = append(c.seen, id)
	}
	c.n[id]++
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
