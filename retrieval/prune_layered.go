package retrieval

import (
	"math"
	"slices"
	"sort"

	"github.com/kabar-bot/kabar/lexicon"
)

// lcursor walks one chunk-ordered list of (chunk, score).
type lcursor struct {
	chunks []posting // only their chunks are read
	vals   []float32
	i      int
}

func (c *lcursor) doc() uint32 {
	if c.i < len(c.chunks) {
		return c.chunks[c.i].chunk
	}
	return end
}

// seek moves to the first entry at or after chunk d, galloping.
func (c *lcursor) seek(d uint32) {
	p, i := c.chunks, c.i
	if i >= len(p) || p[i].chunk >= d {
		return
	}
	lo, step := i, 1 // p[lo] < d
	for lo+step < len(p) && p[lo+step].chunk < d {
		lo += step
		step *= 2
	}
	hi := min(lo+step, len(p))
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if p[mid].chunk < d {
			lo = mid
		} else {
			hi = mid
		}
	}
	c.i = hi
}

// lconcept is one concept of a layered search: its list, walked (the
// chunks of the layers not set aside) and looked up (any chunk).
type lconcept struct {
	w32    float32 // its weight (Meta: 0.3)
	w      float64 // the same
	l      *conceptList
	walk   int       // the next chunk of a walked layer (l.layer < aside), or len(l.chunks)
	cur    uint32    // its chunk, or end (also for a concept not walked)
	wpos   []uint32  // the list's walk index of the layers walked (conceptList.walks), or nil
	wk     int       // the walk's place in wpos
	full   lcursor   // lookups
	bounds []float64 // its layers' bounds, weighed
	aside  int       // layers aside and after are set aside; len(bounds): none
	// miss is what looking the concept up is expected to take off a
	// chunk's bound: its set-aside bound times the share of chunks
	// without it. Lookups go by it, so a concept most chunks have (the
	// translations of "say") is looked up after a rarer one.
	miss float64
	// ub bounds its score at a chunk of the block looked at where its
	// walk does not stand: the lower of its set-aside bound and its best
	// in the block (0: not there).
	ub float64
	bi int     // its place in l.blocks (blocks are bounded in increasing order)
	v  float32 // its score at the chunk looked at, or -1: not known
}

// asideBound is the most the concept's set-aside layers give a chunk.
func (c *lconcept) asideBound() float64 {
	if c.aside < len(c.bounds) {
		return c.bounds[c.aside]
	}
	return 0
}

// doc is the chunk the concept's walk stands at.
func (c *lconcept) doc() uint32 { return c.cur }

// stand sets the walk at position i of the list (len: past its end).
func (c *lconcept) stand(i int) {
	c.walk, c.cur = i, end
	if i < len(c.l.chunks) {
		c.cur = c.l.chunks[i].chunk
	}
}

// skip moves the walk to the next chunk of a walked layer at or after
// position i, through the whole list (no walk index for the layers).
func (c *lconcept) skip(i int) {
	lay, aside := c.l.layer, uint8(c.aside)
	for i < len(lay) && lay[i] >= aside {
		i++
	}
	c.stand(i)
}

// start readies the walk for the layers walked, at the first of their
// chunks at or after chunk d: through the list's walk index of those
// layers when it has one, else through the whole list.
func (c *lconcept) start(d uint32, noIndex bool) {
	c.wpos = nil
	if j := c.aside - 1; j >= 0 && j < len(c.l.walks) && !noIndex {
		c.wpos = c.l.walks[j]
	}
	chunks := c.l.chunks
	if c.wpos == nil {
		c.skip(sort.Search(len(chunks), func(i int) bool { return chunks[i].chunk >= d }))
		return
	}
	c.wk = sort.Search(len(c.wpos), func(k int) bool { return chunks[c.wpos[k]].chunk >= d })
	c.at()
}

// at sets the walk's position from the walk index's.
func (c *lconcept) at() {
	if c.wk < len(c.wpos) {
		c.stand(int(c.wpos[c.wk]))
	} else {
		c.stand(len(c.l.chunks))
	}
}

// advance moves the walk past the chunk it stands at.
func (c *lconcept) advance() {
	if c.wpos == nil {
		c.skip(c.walk + 1)
		return
	}
	c.wk++
	c.at()
}

// walkTo moves the walk to the first chunk of a walked layer at or after
// chunk d, galloping.
func (c *lconcept) walkTo(d uint32) {
	chunks := c.l.chunks
	if c.wpos == nil {
		cur := lcursor{chunks: chunks, i: c.walk}
		cur.seek(d)
		c.skip(cur.i)
		return
	}
	w, k := c.wpos, c.wk
	if k >= len(w) || chunks[w[k]].chunk >= d {
		return
	}
	lo, step := k, 1 // chunks[w[lo]] < d
	for lo+step < len(w) && chunks[w[lo+step]].chunk < d {
		lo += step
		step *= 2
	}
	hi := min(lo+step, len(w))
	for hi-lo > 1 {
		mid := int(uint(lo+hi) >> 1)
		if chunks[w[mid]].chunk < d {
			lo = mid
		} else {
			hi = mid
		}
	}
	c.wk = hi
	c.at()
}

// blockBound is the most the concepts' best scores in block b sum to.
// It sets each concept's bound at a chunk of the block where its walk
// does not stand (lconcept.ub).
func (p *layered) blockBound(b int) float64 {
	bound := 0.0
	for ci := range p.concepts {
		c := &p.concepts[ci]
		var best float32
		if bb := c.l.byBlock; bb != nil && !p.noRank {
			best = bb[b]
		} else {
			best = c.l.blocks.of(uint32(b), &c.bi, p.noRank)
		}
		m := c.w * float64(best)
		bound += m
		c.ub = min(m, c.asideBound())
	}
	return bound
}

// layered is one layered search's working memory.
type layered struct {
	concepts []lconcept
	walked   []int // concepts with a layer walked
	byMiss   []int // concepts by lconcept.miss, highest first

	noBlocks, noWalkIndex bool // lexicalIndex's knobs of the same names
	noRank                bool
	slack                 float64
	stats                 pruneStats
	seeds                 []uint32
	pairs                 []seed
	seedHeap              []float64 // bestSeeds'
	m                     *merger
	bufs                  []*conceptList // lists merged for this search, one per concept
	n                     int            // chunks in the index
	cost                  []int          // split's table
	choice                []uint8        // split's choices
}

// searchLayered returns the same k best chunks, with the same scores, as
// searchExhaustive: MaxScore (Turtle and Flood 1995) over the query's
// concepts, each read from its concept list (conceptListOf: its exact
// score per chunk, cut into layers by score). A concept counts once, by
// its best alternative, so the fifty translations of "say" are one list
// and one lookup, not fifty. Once theta, the k-th score, is known, the
// low layers of the concepts are set aside for as long as the set-aside
// layers together (each concept by its best set-aside layer: a chunk is
// in one layer of a concept) stay below theta; only chunks of the layers
// left are looked at (the set chosen afresh as theta grows, split). The
// chunks are cut into blocks of 1<<blockShift: a block whose concepts'
// best scores there sum below theta is skipped, and in the others a
// concept bounds a chunk by the lower of its set-aside bound and its best
// in the block, 0 when it has no chunk there. A chunk looked at is
// bounded by the scores of the concepts found there and those bounds of
// the others; while that reaches theta, the others are looked up, the
// likeliest to be missing first (lconcept.miss), in their full lists.
// Scores are the exhaustive path's: each concept's from its list, the
// concepts' weighed scores added in query order; the comparisons allow
// the rounding of the float32 sums (slack), so no chunk the exhaustive
// path keeps is dropped (samePruned, TestLayeredMatchesExhaustiveAtScale).
// A first theta comes from warmStart; long walks are split between
// workers (walkLayered).
func (x *lexicalIndex) searchLayered(q lexicon.Query, k int) ([]scored, pruneStats, error) {
	if x.n == 0 || k <= 0 {
		return nil, pruneStats{}, nil
	}
	p := x.layereds.Get().(*layered)
	defer x.layereds.Put(p)
	p.concepts, p.stats, p.n = p.concepts[:0], pruneStats{}, x.n
	p.noBlocks, p.noWalkIndex, p.noRank = x.noBlocks, x.noWalkIndex, x.noRank || x.layeredBase
	for _, c := range q.Concepts {
		if len(p.bufs) == len(p.concepts) {
			p.bufs = append(p.bufs, &conceptList{})
		}
		l, err := x.conceptListOf(c, p.m, p.bufs[len(p.concepts)])
		if err != nil {
			return nil, pruneStats{}, err
		}
		if len(l.chunks) == 0 {
			continue
		}
		w32 := float32(1)
		if c.Meta {
			w32 = 0.3
		}
		var bounds []float64
		if len(p.concepts) < cap(p.concepts) {
			bounds = p.concepts[:len(p.concepts)+1][len(p.concepts)].bounds[:0]
		}
		lc := lconcept{w32: w32, w: float64(w32), l: l, full: lcursor{chunks: l.chunks, vals: l.vals}, bounds: bounds}
		for _, b := range l.bounds {
			lc.bounds = append(lc.bounds, float64(w32)*float64(b))
		}
		lc.aside = len(lc.bounds)
		p.concepts = append(p.concepts, lc)
	}
	if len(p.concepts) == 0 {
		return nil, pruneStats{}, nil
	}
	// Each float32 operation of a total rounds by at most 2^-24 of its
	// result (a product and a sum per concept, all positive); twice that
	// and some is allowed.
	p.slack = float64(len(p.concepts)+4) * 0x1p-22
	up := 1 + p.slack
	theta := p.warmStart(k)
	top, stats := x.walkLayered(p, k, theta, up)
	for ci := range p.concepts {
		p.concepts[ci].l = nil // a cached list may be dropped from the cache
	}
	return top.sorted(), stats, nil
}

// walk walks chunks lo to hi-1, keeping the k best in top and raising
// *theta, shared with the other workers of the search through shared
// when that is not nil.
func (p *layered) walk(lo, hi uint32, k int, top *topK, theta *float64, shared *sharedTheta, up float64) {
	if shared != nil {
		*theta = max(*theta, shared.load())
	}
	p.split(*theta, up)
	p.place(lo)
	splitAt, splitAfter := *theta*layerResplitGrowth, p.stats.candidates+layerResplitEvery
	next := lo
	block, blockOK := -1, true // the block of the chunk looked at, and whether it may reach theta
	for {
		if shared != nil {
			*theta = max(*theta, shared.load())
		}
		th := *theta
		if th > splitAt && p.stats.candidates >= splitAfter {
			p.split(th, up)
			for _, ci := range p.walked {
				p.concepts[ci].start(next, p.noWalkIndex)
			}
			splitAt, splitAfter = th*layerResplitGrowth, p.stats.candidates+layerResplitEvery
			block = -1 // the concepts' bounds in the block changed
		}
		d := uint32(end)
		for _, ci := range p.walked {
			d = min(d, p.concepts[ci].doc())
		}
		if d >= hi {
			return
		}
		if b := int(d >> blockShift); b != block {
			block, blockOK = b, p.blockBound(b)*up >= th || p.noBlocks
		}
		if !blockOK {
			// No chunk of the block can reach theta: on to the next.
			next = uint32(block+1) << blockShift
			for _, ci := range p.walked {
				p.concepts[ci].walkTo(next)
			}
			p.stats.blocksSkipped++
			continue
		}
		p.stats.candidates++
		if p.look(d, th, up) {
			p.stats.full++
			if total := p.total(); total > 0 {
				top.push(scored{idx: int(d), score: total})
				if len(top.h) == k && float64(top.h[0].score) > th {
					*theta = float64(top.h[0].score)
					if shared != nil {
						shared.raise(*theta)
					}
				}
			}
		}
		for _, ci := range p.walked {
			if c := &p.concepts[ci]; c.doc() == d {
				c.advance()
			}
		}
		next = d + 1
	}
}

// place moves every concept's lookups and block bests to chunk lo, and
// the walks of those walked.
func (p *layered) place(lo uint32) {
	for ci := range p.concepts {
		c := &p.concepts[ci]
		ch, ids := c.l.chunks, c.l.blocks.ids
		c.full.i = sort.Search(len(ch), func(i int) bool { return ch[i].chunk >= lo })
		c.bi = sort.Search(len(ids), func(i int) bool { return ids[i] >= lo>>blockShift })
	}
	for _, ci := range p.walked {
		p.concepts[ci].start(lo, p.noWalkIndex)
	}
}

// The set-aside layers are chosen afresh once theta has grown by
// layerResplitGrowth and the walk has looked at layerResplitEvery chunks
// since they last were (a choice costs a few µs).
const (
	layerResplitGrowth = 1.02
	layerResplitEvery  = 256
)

// look fills each concept's score at chunk d (lconcept.v) while d can
// still reach theta; it reports whether it filled all.
func (p *layered) look(d uint32, theta, up float64) bool {
	bound := 0.0
	unknown := 0
	for ci := range p.concepts {
		c := &p.concepts[ci] // a concept not walked stands at end
		switch {
		case c.cur == d:
			c.v = c.l.vals[c.walk]
			bound += c.w * float64(c.v)
		case c.ub > 0:
			c.v = -1
			bound += c.ub
			unknown++
		default:
			c.v = 0 // not in the block, or every layer walked and none here
		}
	}
	if bound*up < theta {
		return false
	}
	p.stats.scored++
	for _, ci := range p.byMiss {
		if unknown == 0 {
			break
		}
		c := &p.concepts[ci]
		if c.v >= 0 {
			continue
		}
		unknown--
		p.stats.lookups++
		c.v = p.lookup(c, d)
		bound += c.w*float64(c.v) - c.ub
		if bound*up < theta {
			return false
		}
	}
	return true
}

// lookup returns concept c's score at chunk d, 0 when it has none: in
// constant time through its list's rank index when it has one, else
// galloping from where its lookups stand.
func (p *layered) lookup(c *lconcept, d uint32) float32 {
	if r := c.l.rank; r != nil && !p.noRank {
		if i := r.at(d); i >= 0 {
			return c.l.vals[i]
		}
		return 0
	}
	// When the concept has chunks in d's block (c.bi's, as blockBound
	// left it), the lookup starts at the first of them.
	if bl := &c.l.blocks; c.bi < len(bl.ids) && bl.ids[c.bi] == d>>blockShift {
		c.full.i = max(c.full.i, int(bl.start[c.bi]))
	}
	c.full.seek(d)
	if c.full.doc() == d {
		return c.full.vals[c.full.i]
	}
	return 0
}

// total is the chunk's score from its concepts' (lconcept.v): their
// weighed scores summed in query order, as the exhaustive path sums them.
func (p *layered) total() float32 {
	total := float32(0)
	for ci := range p.concepts {
		if s := p.concepts[ci].v; s > 0 {
			total += p.concepts[ci].w32 * s
		}
	}
	return total
}

// splitUnits is how finely split divides theta among the concepts.
const splitUnits = 256

// split chooses the set-aside layers for theta: per concept how many of
// its best layers stay walked, so that the fewest chunks are walked while
// the concepts' set-aside bounds (each rounded up to a 1/splitUnits share
// of theta) sum below theta. It is a knapsack over a handful of concepts
// of a dozen choices each, solved exactly over the rounded shares. It
// lists the concepts with a layer walked in p.walked.
func (p *layered) split(theta, up float64) {
	for ci := range p.concepts {
		p.concepts[ci].aside = len(p.concepts[ci].bounds)
	}
	if theta > 0 {
		p.knapsack(theta / up)
	}
	p.walked, p.byMiss = p.walked[:0], p.byMiss[:0]
	for ci := range p.concepts {
		c := &p.concepts[ci]
		p.byMiss = append(p.byMiss, ci)
		if c.aside == 0 {
			c.cur = end // not walked
		}
		c.miss = c.asideBound() * (1 - float64(len(c.l.chunks))/float64(p.n))
		if c.aside > 0 {
			p.walked = append(p.walked, ci)
		}
	}
	slices.SortStableFunc(p.byMiss, func(a, b int) int { return cmpFloat(p.concepts[b].miss, p.concepts[a].miss) })
}

// knapsack sets each concept's aside for a budget of limit (split).
func (p *layered) knapsack(limit float64) {
	const inf = math.MaxInt
	unit := limit / splitUnits
	nc := len(p.concepts)
	p.cost = append(p.cost[:0], make([]int, (nc+1)*splitUnits)...)
	p.choice = append(p.choice[:0], make([]uint8, nc*splitUnits)...)
	cost := p.cost
	// cost[ci*splitUnits+u]: the fewest chunks the first ci concepts walk
	// with shares summing to u units; the shares sum to at most
	// splitUnits-1, so their bounds to less than limit.
	for u := 1; u < splitUnits; u++ {
		cost[u] = inf
	}
	for ci := range p.concepts {
		c := &p.concepts[ci]
		prev, cur := cost[ci*splitUnits:(ci+1)*splitUnits], cost[(ci+1)*splitUnits:(ci+2)*splitUnits]
		for u := range cur {
			cur[u] = inf
		}
		walked := 0
		for j := 0; j <= len(c.bounds); j++ { // aside = j
			share := 0.0
			if j < len(c.bounds) {
				share = math.Ceil(c.bounds[j] / unit)
			}
			if j > 0 {
				walked += c.l.counts[j-1]
			}
			if !(share < splitUnits) { // also a bound past what a tiny theta's units can count
				continue
			}
			sh := int(share)
			for u := sh; u < splitUnits; u++ {
				if prev[u-sh] == inf {
					continue
				}
				if v := prev[u-sh] + walked; v < cur[u] {
					cur[u] = v
					p.choice[ci*splitUnits+u] = uint8(j)
				}
			}
		}
	}
	last := cost[nc*splitUnits : (nc+1)*splitUnits]
	best := -1
	for u, v := range last {
		if v != inf && (best < 0 || v < last[best]) {
			best = u
		}
	}
	if best < 0 {
		return // none fits: every layer walked
	}
	u := best
	for ci := nc - 1; ci >= 0; ci-- {
		c := &p.concepts[ci]
		j := int(p.choice[ci*splitUnits+u])
		c.aside = j
		if j < len(c.bounds) {
			u -= int(math.Ceil(c.bounds[j] / unit))
		}
	}
	// The rounding up keeps the sum below limit; checked all the same.
	sum := 0.0
	for ci := range p.concepts {
		sum += p.concepts[ci].asideBound()
	}
	if sum >= limit {
		for ci := range p.concepts {
			p.concepts[ci].aside = len(p.concepts[ci].bounds)
		}
	}
}

// seed is a chunk warmStart may score, with what the two concepts it
// intersects give it.
type seed struct {
	chunk   uint32
	partial float64
}

// layeredSeeds caps the chunks warmStart scores.
const layeredSeeds = 512

// warmStart returns a first theta to prune by: the k-th best score among
// the chunks the two shortest concept lists share (the likeliest to rank
// high), at most layeredSeeds of them, those the two concepts give most;
// or -1 when they share fewer than k. These are real chunks, met again by
// the walk, so it only prunes chunks that k others beat. It leaves every
// lookup cursor at its start.
func (p *layered) warmStart(k int) float64 {
	a, b := -1, -1
	for ci := range p.concepts {
		n := len(p.concepts[ci].full.chunks)
		switch {
		case a < 0 || n < len(p.concepts[a].full.chunks):
			a, b = ci, a
		case b < 0 || n < len(p.concepts[b].full.chunks):
			b = ci
		}
	}
	if a < 0 || b < 0 {
		return -1
	}
	ca, cb := &p.concepts[a], &p.concepts[b]
	x, y := ca.full.chunks, cb.full.chunks
	p.pairs = p.pairs[:0]
	if r := cb.l.rank; r != nil && !p.noRank {
		// The longer list has a rank index: each of the shorter one's
		// chunks is looked up in it, not merged with its every chunk.
		for i, pt := range x {
			if j := r.at(pt.chunk); j >= 0 {
				partial := ca.w*float64(ca.full.vals[i]) + cb.w*float64(cb.full.vals[j])
				p.pairs = append(p.pairs, seed{pt.chunk, partial})
			}
		}
		x = nil // merged already
	}
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i].chunk < y[j].chunk:
			i++
		case x[i].chunk > y[j].chunk:
			j++
		default:
			partial := ca.w*float64(ca.full.vals[i]) + cb.w*float64(cb.full.vals[j])
			p.pairs = append(p.pairs, seed{x[i].chunk, partial})
			i++
			j++
		}
	}
	p.seeds = p.seeds[:0]
	if len(p.pairs) > layeredSeeds && !p.noRank {
		p.seeds = p.bestSeeds(p.seeds)
	} else {
		if len(p.pairs) > layeredSeeds {
			slices.SortFunc(p.pairs, func(s, t seed) int { return cmpFloat(t.partial, s.partial) })
			p.pairs = p.pairs[:layeredSeeds]
			slices.SortFunc(p.pairs, func(s, t seed) int { return int(s.chunk) - int(t.chunk) })
		}
		for _, sd := range p.pairs {
			p.seeds = append(p.seeds, sd.chunk)
		}
	}
	theta := -1.0
	if len(p.seeds) >= k {
		best := newTopK(k)
		for _, d := range p.seeds {
			for ci := range p.concepts {
				c := &p.concepts[ci]
				c.v = p.lookup(c, d)
			}
			best.push(scored{idx: int(d), score: p.total()})
		}
		theta = float64(best.h[0].score)
	}
	for ci := range p.concepts {
		p.concepts[ci].full.i = 0
	}
	return theta
}

// bestSeeds appends to dst, in chunk order, the chunks of the
// layeredSeeds pairs with the highest partial scores (ties at the last
// place taken in chunk order): the layeredSeeds-th highest is found
// through a heap of that many, then the pairs, already in chunk order,
// are filtered by it, instead of sorting them all by score and the
// chosen back by chunk.
func (p *layered) bestSeeds(dst []uint32) []uint32 {
	h := p.seedHeap[:0]
	for _, sd := range p.pairs {
		switch {
		case len(h) < layeredSeeds:
			h = append(h, sd.partial)
			if len(h) == layeredSeeds {
				heapifyMin(h)
			}
		case sd.partial > h[0]:
			h[0] = sd.partial
			siftDownMin(h, 0)
		}
	}
	p.seedHeap = h
	cut := h[0] // the layeredSeeds-th highest partial
	above := 0
	for _, v := range h {
		if v > cut {
			above++
		}
	}
	ties := layeredSeeds - above // pairs at cut to take
	for _, sd := range p.pairs {
		switch {
		case sd.partial > cut:
			dst = append(dst, sd.chunk)
		case sd.partial == cut && ties > 0:
			dst = append(dst, sd.chunk)
			ties--
		}
	}
	return dst
}

// heapifyMin orders h as a binary min-heap.
func heapifyMin(h []float64) {
	for i := len(h)/2 - 1; i >= 0; i-- {
		siftDownMin(h, i)
	}
}

// siftDownMin moves h[i] down to its place in the min-heap h.
func siftDownMin(h []float64, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		if r := l + 1; r < len(h) && h[r] < h[l] {
			l = r
		}
		if !(h[l] < h[i]) {
			return
		}
		h[i], h[l] = h[l], h[i]
		i = l
	}
}
