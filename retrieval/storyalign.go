package retrieval

import (
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
	// maxGap is the longest run of paragraphs with few anchors that
	// alignment pairs up by position alone, between aligned ones.
	maxGap = 3
	// minAlignedCoverage is the share of each document's letters, and
	// minProseCoverage of its prose's, that aligned paragraphs hold.
	minAlignedCoverage = 0.6
	minProseCoverage   = 0.5
	// minAnchoredShare is the share of each document's letters in
	// paragraphs with anchors that must align (by text, by anchors, or by
	// position when one side has too few anchors to tell): a translation
	// keeps every paragraph's names and figures, another report of the
	// same event only some.
	minAnchoredShare = 0.7
	// minSharedVerbatim is the share of the smaller document's word
	// 5-grams two documents tagged with one language must share for their
	// paragraphs' languages to be identified: a page half translated.
	minSharedVerbatim = 0.1
	// minStrongAnchors is how many distinct anchors a paragraph needs for
	// a translation that keeps none of them to be no translation.
	minStrongAnchors = 3
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
	positionMatch // paragraphs without anchors in common, between aligned ones
)

// alignCell is one aligned unit: paragraphs [x, x+nx) of the first
// document with [y, y+ny) of the second. A translator may split a
// paragraph in two or join two, so a unit is one paragraph with one or
// two.
type alignCell struct {
	x, y, nx, ny int
	k            matchKind
}

// storyPair is one candidate pair being judged.
type storyPair struct {
	f    *storyFolder
	i, j int
	// tagsDiffer: the documents are tagged with two languages; identify:
	// they are not, but paragraphs' languages may tell.
	tagsDiffer, identify bool
	// scratch for joined paragraphs' anchors
	bufA, bufB []uint64
}

// alignment is how two documents' paragraphs align.
type alignment struct {
	pairs    int     // units aligned by text or anchors
	evidence int     // distinct anchors translated paragraphs share, and verbatimEvidence a copied paragraph
	steady   bool    // translated paragraphs keep one length ratio
	anchored float64 // the least share of either document's letters in paragraphs with anchors that aligned
	coverage float64 // the least share of either document's letters aligned
	prose    float64 // the same, of prose only
}

// oneStory reports whether the alignment makes one story of two documents.
func (al alignment) oneStory() bool {
	return al.pairs >= 2 && al.evidence >= minAlignedEvidence && al.steady &&
		al.anchored >= minAnchoredShare && al.coverage >= minAlignedCoverage && al.prose >= minProseCoverage
}

// aligned reports whether documents i and j of f are one story by
// paragraph alignment.
func (f *storyFolder) aligned(i, j int) bool {
	return f.align(i, j).oneStory()
}

// align aligns the paragraphs of documents i and j in order.
func (f *storyFolder) align(i, j int) alignment {
	a, b := &f.sds[i], &f.sds[j]
	n, m := len(a.paras), len(b.paras)
	if n == 0 || m == 0 || (n+1)*(m+1) > maxAlignCells {
		return alignment{}
	}
	// The moves that align: nx paragraphs of the first document with ny
	// of the second (skipping one of either is the other move).
	alignMoves := [...][2]int{{1, 1}, {1, 2}, {2, 1}}
	pair := &storyPair{f: f, i: i, j: j}
	la, lb := f.docs[i].Lang, f.docs[j].Lang
	pair.tagsDiffer = la != "" && lb != "" && la != lb
	if !pair.tagsDiffer {
		// Two documents tagged with one language are a translation of
		// each other only in part, the rest kept verbatim: only then are
		// their paragraphs' languages worth identifying.
		c := sharedSorted(a.shingles, b.shingles)
		pair.identify = c > 0 && float64(c) >= minSharedVerbatim*float64(min(len(a.shingles), len(b.shingles)))
	}
	// score[x][y] is the best alignment weight (aligned letters) of
	// a.paras[:x] with b.paras[:y]; move and kind say how it was reached:
	// 0 and 1 skip a paragraph of a or b, 2+k is alignMoves[k].
	cells := (n + 1) * (m + 1)
	score := make([]int32, cells)
	move := make([]uint8, cells)
	kind := make([]matchKind, cells)
	at := func(x, y int) int { return x*(m+1) + y }
	for x := 0; x <= n; x++ {
		for y := 0; y <= m; y++ {
			if x == 0 && y == 0 {
				continue
			}
			best, bestMove, bestKind := int32(-1), uint8(0), noMatch
			if x > 0 {
				best, bestMove = score[at(x-1, y)], 0
			}
			if y > 0 && score[at(x, y-1)] > best {
				best, bestMove = score[at(x, y-1)], 1
			}
			for mv, d := range alignMoves {
				x0, y0 := x-d[0], y-d[1]
				if x0 < 0 || y0 < 0 {
					continue
				}
				w := score[at(x0, y0)] + int32(lettersOf(a.paras[x0:x])+lettersOf(b.paras[y0:y]))
				if w <= best {
					continue
				}
				if k := pair.match(x0, y0, d[0], d[1]); k != noMatch {
					best, bestMove, bestKind = w, uint8(2+mv), k
				}
			}
			score[at(x, y)], move[at(x, y)], kind[at(x, y)] = best, bestMove, bestKind
		}
	}
	// Walk back the alignment.
	var path []alignCell
	for x, y := n, m; x > 0 || y > 0; {
		switch mv := move[at(x, y)]; mv {
		case 0:
			x--
		case 1:
			y--
		default:
			d := alignMoves[mv-2]
			path = append(path, alignCell{x - d[0], y - d[1], d[0], d[1], kind[at(x, y)]})
			x, y = x-d[0], y-d[1]
		}
	}
	slices.Reverse(path)
	// A name every paragraph repeats is one piece of evidence, not one
	// per paragraph.
	evidence := 0
	anchors := map[uint64]bool{}
	for _, c := range path {
		switch c.k {
		case verbatimMatch:
			evidence += verbatimEvidence
		case translationMatch:
			pa, pb := pair.joined(a, c.x, c.nx, &pair.bufA), pair.joined(b, c.y, c.ny, &pair.bufB)
			eachShared(pa, pb, func(h uint64) { anchors[h] = true })
		}
	}
	evidence += len(anchors)
	al := alignment{pairs: len(path), evidence: evidence}
	if len(path) == 0 {
		return al
	}
	// Paragraphs between aligned ones, as many on each side, pair up by
	// position when they share no anchors because they have few.
	var filled []alignCell
	prev := alignCell{x: -1, y: -1, nx: 1, ny: 1}
	for k := 0; k <= len(path); k++ {
		next := alignCell{x: n, y: m}
		if k < len(path) {
			next = path[k]
		}
		gx, gy := next.x-(prev.x+prev.nx), next.y-(prev.y+prev.ny)
		if gx == gy && gx >= 1 && gx <= maxGap {
			for t := 0; t < gx; t++ {
				x, y := prev.x+prev.nx+t, prev.y+prev.ny+t
				if pair.positional(x, y) {
					filled = append(filled, alignCell{x, y, 1, 1, positionMatch})
				}
			}
		}
		if k < len(path) {
			filled = append(filled, path[k])
			prev = path[k]
		}
	}
	al.steady = steadyRatio(a, b, filled)
	type side struct {
		d     *storyDoc
		start func(alignCell) (int, int)
	}
	share := func(s side, count func(p storyPara) bool) float64 {
		total, got := 0, 0
		for _, p := range s.d.paras {
			if count(p) {
				total += p.letters
			}
		}
		for _, c := range filled {
			x, nx := s.start(c)
			for _, p := range s.d.paras[x : x+nx] {
				if count(p) {
					got += p.letters
				}
			}
		}
		if total == 0 {
			return 0
		}
		return float64(got) / float64(total)
	}
	left := side{a, func(c alignCell) (int, int) { return c.x, c.nx }}
	right := side{b, func(c alignCell) (int, int) { return c.y, c.ny }}
	all := func(storyPara) bool { return true }
	prose := func(p storyPara) bool { return !p.notEvidence }
	withAnchors := func(p storyPara) bool { return len(p.anchors) > 0 }
	// Paragraphs with anchors aligned with one without (a translator
	// dropped or added a name) do not count against the alignment; with
	// anchors on both sides and none shared, they do.
	al.anchored = min(share(left, withAnchors), share(right, withAnchors))
	al.coverage = min(share(left, all), share(right, all))
	al.prose = min(share(left, prose), share(right, prose))
	return al
}

func lettersOf(ps []storyPara) int {
	n := 0
	for _, p := range ps {
		n += p.letters
	}
	return n
}
