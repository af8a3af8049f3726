package langid

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// hiraganaKatakana is whatlanggo's own table for Japanese kana, which it
// does not export; its script detection returns it for kana.
var hiraganaKatakana = sync.OnceValue(func() *unicode.RangeTable { return whatlanggo.DetectScript("ひらがな") })

// scriptCount is one script's tally in detectScript.
type scriptCount struct {
	table *unicode.RangeTable
	count int
}

// detectScript is whatlanggo.DetectScript with a fast path for ASCII,
// which is Latin when a letter and no script otherwise: the same tally in
// the same order (a script found moves one place forward, which decides
// ties), the same early answer once one script has more runes than half
// the text's bytes, and the same preference for kana over Han.
func detectScript(text string) *unicode.RangeTable {
	half := len(text) / 2
	tally := [...]scriptCount{
		{unicode.Latin, 0}, {unicode.Cyrillic, 0}, {unicode.Arabic, 0}, {unicode.Devanagari, 0},
		{hiraganaKatakana(), 0}, {unicode.Ethiopic, 0}, {unicode.Hebrew, 0}, {unicode.Bengali, 0},
		{unicode.Georgian, 0}, {unicode.Han, 0}, {unicode.Hangul, 0}, {unicode.Greek, 0},
		{unicode.Kannada, 0}, {unicode.Tamil, 0}, {unicode.Thai, 0}, {unicode.Gujarati, 0},
		{unicode.Gurmukhi, 0}, {unicode.Telugu, 0}, {unicode.Malayalam, 0}, {unicode.Oriya, 0},
		{unicode.Myanmar, 0}, {unicode.Sinhala, 0}, {unicode.Khmer, 0},
	}
	latin := 0 // where Latin is in tally
	found := func(i int) bool {
		tally[i].count++
		if tally[i].count > half {
			return true
		}
		if i > 0 {
			tally[i], tally[i-1] = tally[i-1], tally[i]
			switch latin {
			case i:
				latin = i - 1
			case i - 1:
				latin = i
			}
		}
		return false
	}
	for _, r := range text {
		if r < utf8.RuneSelf {
			// An ASCII letter is Latin; any other ASCII rune, a stop
			// character or not, belongs to no script.
			if (r|0x20) >= 'a' && (r|0x20) <= 'z' {
				if i := latin; found(i) {
					return tally[i].table
				}
			}
			continue
		}
		if isStopChar(r) {
			continue
		}
		for i := range tally {
			if unicode.Is(tally[i].table, r) {
				if found(i) {
					return tally[i].table
				}
				break // the scripts do not overlap
			}
		}
	}
	jp, most := 0, 0
	var best *unicode.RangeTable
	for _, s := range tally {
		if s.count > most {
			most, best = s.count, s.table
			if s.table == hiraganaKatakana() {
				jp = most
			}
		}
	}
	switch {
	case most == 0:
		return nil
	case best == unicode.Han && jp > 0:
		return hiraganaKatakana()
	}
	return best
}
