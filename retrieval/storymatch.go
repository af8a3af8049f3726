package retrieval

import (
	"math"
	"slices"
)

// How two paragraphs, or a paragraph and two, correspond: the same
// text, a translation (the same anchors, a length a translation can have,
// two languages), or nothing.

// joined is the sorted anchors of paragraphs [x, x+n) of d, in buf when
// there are two.
func (p *storyPair) joined(d *storyDoc, x, n int, buf *[]uint64) []uint64 {
	if n == 1 {
		return d.paras[x].anchors
	}
	*buf = append((*buf)[:0], d.paras[x].anchors...)
	*buf = append(*buf, d.paras[x+1].anchors...)
	slices.Sort(*buf)
	return *buf
}

// steadyRatio reports whether the translated paragraphs among cells
// (not those copied verbatim) keep about one length ratio.
func steadyRatio(a, b *storyDoc, cells []alignCell) bool {
	type r struct {
		log float64
		w   int
	}
	var rs []r
	total := 0
	for _, c := range cells {
		if c.k == verbatimMatch {
			continue
		}
		p, q := lettersOf(a.paras[c.x:c.x+c.nx]), lettersOf(b.paras[c.y:c.y+c.ny])
		if p == 0 || q == 0 {
			continue
		}
		w := p + q
		rs = append(rs, r{math.Log(float64(q) / float64(p)), w})
		total += w
	}
	if len(rs) < 2 {
		return true
	}
	slices.SortFunc(rs, func(x, y r) int { return cmpFloat(x.log, y.log) })
	// The weighted median.
	med, acc := rs[0].log, 0
	for _, x := range rs {
		if acc += x.w; 2*acc >= total {
			med = x.log
			break
		}
	}
	steady := 0
	for _, x := range rs {
		if math.Abs(x.log-med) <= maxRatioSpread {
			steady += x.w
		}
	}
	return float64(steady) >= minSteadyShare*float64(total)
}

// match says how paragraphs [x, x+nx) of the first document and
// [y, y+ny) of the second correspond, if they do: one paragraph with
// another, verbatim or translated, or one with two, translated.
func (p *storyPair) match(x, y, nx, ny int) matchKind {
	da, db := &p.f.sds[p.i], &p.f.sds[p.j]
	pa, pb := da.paras[x:x+nx], db.paras[y:y+ny]
	// A title aligns with the other's title only.
	if (x == 0 && da.titled || y == 0 && db.titled) && (x != 0 || y != 0 || !da.titled || !db.titled || nx != 1 || ny != 1) {
		return noMatch
	}
	for _, q := range pa[1:] {
		if q.notEvidence != pa[0].notEvidence {
			return noMatch
		}
	}
	for _, q := range pb {
		if q.notEvidence != pa[0].notEvidence {
			return noMatch
		}
	}
	if nx == 1 && ny == 1 {
		a, b := &pa[0], &pb[0]
		if c := sharedSorted(a.shingles, b.shingles); float64(2*c) >= minVerbatimDice*float64(len(a.shingles)+len(b.shingles)) {
			return verbatimMatch
		}
	}
	if !lengthsAgree(lettersOf(pa), lettersOf(pb)) {
		return noMatch
	}
	aa, ab := p.joined(da, x, nx, &p.bufA), p.joined(db, y, ny, &p.bufB)
	if len(aa) == 0 || len(ab) == 0 {
		return noMatch
	}
	if c := sharedSorted(aa, ab); c == 0 || float64(2*c) < minAnchorDice*float64(len(aa)+len(ab)) {
		return noMatch
	}
	// Each of two joined paragraphs must bring anchors of its own: a
	// paragraph without any would be glued on for its length alone.
	for _, q := range pa {
		if nx == 2 && sharedSorted(q.anchors, ab) == 0 {
			return noMatch
		}
	}
	for _, q := range pb {
		if ny == 2 && sharedSorted(q.anchors, aa) == 0 {
			return noMatch
		}
	}
	for _, xa := range []int{x, x + nx - 1} {
		for _, yb := range []int{y, y + ny - 1} {
			if !p.languagesDiffer(xa, yb) {
				return noMatch
			}
		}
	}
	return translationMatch
}

// positional reports whether paragraphs x and y, at the same place
// between aligned paragraphs, can be a translation of each other: their
// lengths agree, and one of them has too few anchors for their absence
// from the other to say otherwise (a term like "Open Source" is
// translated).
func (p *storyPair) positional(x, y int) bool {
	a, b := &p.f.sds[p.i].paras[x], &p.f.sds[p.j].paras[y]
	return a.notEvidence == b.notEvidence && lengthsAgree(a.letters, b.letters) &&
		max(a.distinct, b.distinct) < minStrongAnchors && p.languagesDiffer(x, y)
}

func lengthsAgree(a, b int) bool {
	return float64(a) <= maxLengthRatio*float64(b) && float64(b) <= maxLengthRatio*float64(a)
}

// languagesDiffer reports whether paragraph x of the first document and
// y of the second are in different languages: the documents' when they
// are tagged with two, else the paragraphs' own when both can be told
// (and the documents share text).
func (p *storyPair) languagesDiffer(x, y int) bool {
	if p.tagsDiffer {
		return true
	}
	if !p.identify {
		return false
	}
	pa, pb := p.f.paraLang(p.i, x), p.f.paraLang(p.j, y)
	return pa != "" && pb != "" && pa != pb
}

// paraLang is the language of paragraph k of document i, identified on
// first need: the document's own for a paragraph too short to tell.
func (f *storyFolder) paraLang(i, k int) string {
	sd := &f.sds[i]
	if sd.langs[k] == "?" {
		p := sd.paras[k]
		sd.langs[k] = f.docs[i].Lang
		if p.letters >= minParagraphLetters && !p.notEvidence {
			if l := documentLanguage.Detect(p.text); l != "" {
				sd.langs[k] = l
			}
		}
	}
	return sd.langs[k]
}
