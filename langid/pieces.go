package langid

import "unicode"

// An article is identified as a whole and then paragraph by paragraph
// (retrieval.SetParagraphLanguages), which read the same runes twice.
// Trigram counts add up across pieces of a text cut between two stop
// characters: every trigram that spans such a cut has a space in the
// middle next to another space, and whatlanggo drops those. So the
// paragraphs' counts, kept as Detect makes them, make up most of the
// whole text's, and only what lies between them is counted again.
// TestDetectWholeMatchesDetect holds DetectWhole to Detect.

// Pieces keeps the trigram counts of pieces of one text, in the order of
// the text. The zero value is empty and ready to use.
type Pieces struct {
	pieces []piece
	ids, n []int32 // the pieces' counts, end to end: trigram number, count
}

type piece struct {
	start, end int                 // in the whole text
	script     *unicode.RangeTable // whose index numbers the trigrams
	from, to   int                 // the piece's counts: ids[from:to], n[from:to]
	letters    int
	kana       int
	counted    bool // the trigrams of all of the piece were counted
}

// Reset empties ps, keeping its memory for the next text.
func (ps *Pieces) Reset() {
	ps.pieces, ps.ids, ps.n = ps.pieces[:0], ps.ids[:0], ps.n[:0]
}

// DetectPiece is d.Detect(text[start:end]), keeping the counts in ps for
// DetectWhole(text, ps). Pieces are given in the order of the text: one
// that starts before the end of the last one used is counted again.
func (d *Detector) DetectPiece(text string, start, end int, ps *Pieces) string {
	t := text[start:end]
	s := sample(t)
	c := countPool.Get().(*counts)
	defer countPool.Put(c)
	from := len(ps.ids)
	a := c.analyse(s, ps)
	ps.pieces = append(ps.pieces, piece{
		start: start, end: end, script: a.script, from: from, to: len(ps.ids),
		letters: c.letters, kana: c.kana, counted: a.index != nil && len(s) == len(t),
	})
	return d.decide(a, c.letters, c.kana)
}

// DetectWhole is d.Detect(text), where ps holds pieces of text given to
// DetectPiece: a piece inside Detect's sample of text, of the same script
// and with two ASCII stop characters (or the sample's edge) on either side
// is added up from its kept counts instead of being counted again.
func (d *Detector) DetectWhole(text string, ps *Pieces) string {
	c := countPool.Get().(*counts)
	defer countPool.Put(c)
	a := c.analyseWhole(sample(text), ps) // before c.letters is read
	return d.decide(a, c.letters, c.kana)
}

// analyseWhole is c.analyse(text, nil) for a sampled text, from the
// counts ps keeps of its pieces where they can stand for them.
func (c *counts) analyseWhole(text string, ps *Pieces) analysis {
	script := detectScript(text)
	si := trigramIndex()[script]
	if script == nil || si == nil || len(ps.pieces) == 0 {
		return c.analyse(text, nil)
	}
	c.start(si)
	pos := 0 // text[:pos] is counted
	for _, p := range ps.pieces {
		if !p.counted || p.script != script {
			continue
		}
		l, r, ok := stopBounds(text, p.start, p.end)
		if !ok || l < pos {
			continue // counted with what lies around it
		}
		c.countInto(text[pos:l], si)
		for k := p.from; k < p.to; k++ {
			id := ps.ids[k]
			if c.n[id] == 0 {
				c.seen = append(c.seen, id)
			}
			c.n[id] += ps.n[k]
		}
		c.letters += p.letters
		c.kana += p.kana
		pos = r
	}
	c.countInto(text[pos:], si)
	return c.distances(analysis{script: script, index: si}, nil)
}

// stopBounds widens text[start:end] by one ASCII stop character on each
// side, and reports whether the cuts at l and r then both fall between
// two stop characters or at an edge of text. The piece counts as the
// widened one then: a stop character next to its own edge adds no
// trigram. ASCII, because an ASCII byte reads as itself whatever comes
// before it, even invalid UTF-8.
func stopBounds(text string, start, end int) (l, r int, ok bool) {
	if end > len(text) {
		return 0, 0, false // past the sample
	}
	stop := func(i int) bool { return text[i] < 0x80 && isStopChar(rune(text[i])) }
	switch {
	case start == 0:
		l = 0
	case start == 1 && stop(0):
		l = 0
	case start >= 2 && stop(start-1) && stop(start-2):
		l = start - 1
	default:
		return 0, 0, false
	}
	switch {
	case end == len(text):
		r = end
	case end == len(text)-1 && stop(end):
		r = len(text)
	case end <= len(text)-2 && stop(end) && stop(end+1):
		r = end + 1
	default:
		return 0, 0, false
	}
	return l, r, true
}
