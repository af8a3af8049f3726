package retrieval

import (
	"math"
	"slices"
)

// Two documents are one story, told in one language or two, when their
// paragraphs align in order: each aligned pair either shares most of its
// word 5-grams (the same text) or, in two languages, most of its anchors
// with a length a translation can have. A page half translated aligns
// both ways at once.

const (
	// minVerbatimDice is the share of word 5-grams two copies of one
	// paragraph have in common, at least.
	minVerbatimDice = 0.5
	// minAnchorDice is the share of anchors a paragraph and its
	// translation have in common, at least (months and weekdays are
	// translated, a name may be spelled out once and abbreviated later).
	minAnchorDice = 0.5
	// maxLengthRatio bounds how much longer a translated paragraph is
	// than its original, in letters.
	maxLengthRatio = 1.8
	// maxGap is the longest run of paragraphs without anchors that
	// alignment pairs up by position alone, between aligned ones.
	maxGap = 3
	// minAlignedCoverage is the share of each document's letters, and
	// minProseCoverage of its prose's, that aligned paragraphs hold.
	minAlignedCoverage = 0.6
	minProseCoverage   = 0.5
	// minAlignedEvidence is how much evidence the alignment needs beyond
	// coverage: the anchors translated paragraphs share, and
	// verbatimEvidence for each paragraph copied verbatim.
	minAlignedEvidence = 6
	verbatimEvidence   = 3
	// maxRatioSpread: a translation makes every paragraph longer or
	// shorter by about the same factor. Of the letters of translated
	// paragraphs, minSteadyShare must be within a factor of
	// exp(maxRatioSpread) of the median ratio.
	maxRatioSpread = 0.35
	minSteadyShare = 0.75
	// maxAlignCells bounds the alignment table; longer documents are
	// judged by their shingles, figures and listings only.
	maxAlignCells = 4 << 20
)

type matchKind uint8

const (
	noMatch matchKind = iota
	verbatimMatch
	translationMatch
	positionMatch // a paragraph without anchors, between aligned ones
)

// alignCell is one aligned pair of paragraphs, x of the first document and y
// of the second.
type alignCell struct {
	x, y int
	k    matchKind
}

// storyPair is one candidate pair being judged.
type storyPair struct {
	f    *storyFolder
	i, j int
}

// aligned reports whether documents i and j of f are one story by
// paragraph alignment.
func (f *storyFolder) aligned(i, j int) bool {
	a, b := &f.sds[i], &f.sds[j]
	n, m := len(a.paras), len(b.paras)
	if n == 0 || m == 0 || n*m > maxAlignCells {
		return false
	}
	pair := storyPair{f: f, i: i, j: j}
	// score[x][y] is the best alignment weight of a.paras[:x] with
	// b.paras[:y]; kind remembers how cell (x, y) matched.
	score := make([]int32, (n+1)*(m+1))
	kind := make([]matchKind, n*m)
	at := func(x, y int) int { return x*(m+1) + y }
	for x := 1; x <= n; x++ {
		for y := 1; y <= m; y++ {
			best := max(score[at(x-1, y)], score[at(x, y-1)])
			if k := pair.match(x-1, y-1); k != noMatch {
				kind[(x-1)*m+y-1] = k
				best = max(best, score[at(x-1, y-1)]+int32(a.paras[x-1].letters+b.paras[y-1].letters))
			}
			score[at(x, y)] = best
		}
	}
	// Walk back the alignment.
	var path []alignCell
	for x, y := n, m; x > 0 && y > 0; {
		k := kind[(x-1)*m+y-1]
		switch {
		case k != noMatch && score[at(x, y)] == score[at(x-1, y-1)]+int32(a.paras[x-1].letters+b.paras[y-1].letters):
			path = append(path, alignCell{x - 1, y - 1, k})
			x, y = x-1, y-1
		case score[at(x, y)] == score[at(x-1, y)]:
			x--
		default:
			y--
		}
	}
	slices.Reverse(path)
	evidence := 0
	for _, c := range path {
		switch c.k {
		case verbatimMatch:
			evidence += verbatimEvidence
		case translationMatch:
			evidence += sharedSorted(a.paras[c.x].anchors, b.paras[c.y].anchors)
		}
	}
	if len(path) < 2 || evidence < minAlignedEvidence {
		return false
	}
	// Paragraphs without anchors between aligned ones, as many on each
	// side, pair up by position when their lengths agree.
	var filled []alignCell
	prev := alignCell{-1, -1, noMatch}
	for k := 0; k <= len(path); k++ {
		next := alignCell{n, m, noMatch}
		if k < len(path) {
			next = path[k]
		}
		if gx, gy := next.x-prev.x-1, next.y-prev.y-1; gx == gy && gx >= 1 && gx <= maxGap {
			for t := 1; t <= gx; t++ {
				x, y := prev.x+t, prev.y+t
				if pair.positional(x, y) {
					filled = append(filled, alignCell{x, y, positionMatch})
				}
			}
		}
		if k < len(path) {
			filled = append(filled, path[k])
			prev = path[k]
		}
	}
	if !steadyRatio(a, b, filled) {
		return false
	}
	covered := func(d *storyDoc, side func(alignCell) int, prose bool) float64 {
		total, got := 0, 0
		for _, p := range d.paras {
			if !prose || !p.notEvidence {
				total += p.letters
			}
		}
		for _, c := range filled {
			if p := d.paras[side(c)]; !prose || !p.notEvidence {
				got += p.letters
			}
		}
		if total == 0 {
			return 0
		}
		return float64(got) / float64(total)
	}
	left, right := func(c alignCell) int { return c.x }, func(c alignCell) int { return c.y }
	return min(covered(a, left, false), covered(b, right, false)) >= minAlignedCoverage &&
		min(covered(a, left, true), covered(b, right, true)) >= minProseCoverage
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
		p, q := a.paras[c.x], b.paras[c.y]
		if p.letters == 0 || q.letters == 0 {
			continue
		}
		w := p.letters + q.letters
		rs = append(rs, r{math.Log(float64(q.letters) / float64(p.letters)), w})
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

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// match says how paragraph x of the first document and y of the second
// correspond, if they do.
func (p storyPair) match(x, y int) matchKind {
	a, b := &p.f.sds[p.i].paras[x], &p.f.sds[p.j].paras[y]
	if a.notEvidence != b.notEvidence {
		return noMatch
	}
	if c := sharedSorted(a.shingles, b.shingles); float64(2*c) >= minVerbatimDice*float64(len(a.shingles)+len(b.shingles)) {
		return verbatimMatch
	}
	if len(a.anchors) == 0 || len(b.anchors) == 0 || !lengthsAgree(a.letters, b.letters) {
		return noMatch
	}
	if c := sharedSorted(a.anchors, b.anchors); c == 0 || float64(2*c) < minAnchorDice*float64(len(a.anchors)+len(b.anchors)) {
		return noMatch
	}
	if !p.languagesDiffer(x, y) {
		return noMatch
	}
	return translationMatch
}

// positional reports whether paragraphs x and y, at the same place
// between aligned paragraphs, can be a translation of each other.
func (p storyPair) positional(x, y int) bool {
	a, b := &p.f.sds[p.i].paras[x], &p.f.sds[p.j].paras[y]
	return a.notEvidence == b.notEvidence && lengthsAgree(a.letters, b.letters) && p.languagesDiffer(x, y)
}

func lengthsAgree(a, b int) bool {
	return float64(a) <= maxLengthRatio*float64(b) && float64(b) <= maxLengthRatio*float64(a)
}

// languagesDiffer reports whether paragraph x of the first document and
// y of the second are in different languages: the documents' when they
// are tagged with two, else the paragraphs' own when both can be told.
func (p storyPair) languagesDiffer(x, y int) bool {
	la, lb := p.f.docs[p.i].Lang, p.f.docs[p.j].Lang
	if la != "" && lb != "" && la != lb {
		return true
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
