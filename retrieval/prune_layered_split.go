package retrieval

import (
	"sync"
	"sync/atomic"
)

// walkLayered walks the chunks for the layered search p, from a first
// theta: in one walk, or cut into ranges that pruneWorkers goroutines
// take in turn, each with its own cursors and top k, sharing the k-th
// score (sharedTheta: each worker's k kept chunks are real chunks that
// beat whatever scores below it, wherever it lies). A chunk's score does
// not depend on who scores it and the merge orders ties by chunk as one
// walk does, so the result is the same. A search whose walked layers
// hold fewer than splitMinPostings chunks is walked in one: a second
// worker would cost more than it saves.
func (x *lexicalIndex) walkLayered(p *layered, k int, theta, up float64) (*topK, pruneStats) {
	workers := x.pruneWorkers()
	if workers > 1 && x.workers == 0 {
		p.split(theta, up)
		if p.walkedChunks() < splitMinPostings {
			workers = 1
		}
	}
	top := newTopK(k)
	if workers <= 1 {
		p.walk(0, end, k, top, &theta, nil, up)
		p.stats.theta = theta
		return top, p.stats
	}
	shared := &sharedTheta{}
	shared.raise(theta)
	ranges := int32(workers * rangesPerWorker)
	var next atomic.Int32
	walkRanges := func(p *layered, top *topK) {
		th := shared.load()
		for {
			r := next.Add(1) - 1
			if r >= ranges {
				return
			}
			lo := uint32(int64(x.n) * int64(r) / int64(ranges))
			hi := uint32(int64(x.n) * int64(r+1) / int64(ranges))
			p.walk(lo, hi, k, top, &th, shared, up)
		}
	}
	helpers := make([]*layered, workers-1)
	tops := make([]*topK, workers-1)
	var wg sync.WaitGroup
	for w := range helpers {
		hp := x.layereds.Get().(*layered)
		hp.cloneFrom(p)
		helpers[w], tops[w] = hp, newTopK(k)
		wg.Add(1)
		go func() {
			defer wg.Done()
			walkRanges(hp, tops[w])
		}()
	}
	walkRanges(p, top)
	wg.Wait()
	stats := p.stats
	for w, hp := range helpers {
		stats.candidates += hp.stats.candidates
		stats.scored += hp.stats.scored
		stats.full += hp.stats.full
		stats.lookups += hp.stats.lookups
		stats.blocksSkipped += hp.stats.blocksSkipped
		for _, s := range tops[w].h {
			top.push(s)
		}
		hp.release()
		x.layereds.Put(hp)
	}
	stats.theta = shared.load()
	return top, stats
}

// walkedChunks counts the chunks of the layers walked.
func (p *layered) walkedChunks() int {
	n := 0
	for _, ci := range p.walked {
		c := &p.concepts[ci]
		for j := range c.aside {
			n += c.l.counts[j]
		}
	}
	return n
}

// cloneFrom readies h to walk for the same search as p: the same lists
// and bounds (read only), cursors of its own.
func (h *layered) cloneFrom(p *layered) {
	h.concepts = append(h.concepts[:0], p.concepts...)
	h.n, h.slack, h.stats = p.n, p.slack, pruneStats{}
	h.noBlocks, h.noWalkIndex, h.noRank = p.noBlocks, p.noWalkIndex, p.noRank
}

// release drops what h shares with the search it walked for, before it
// goes back to the pool: the concepts' bounds belong to that search's
// own layered, which reuses them.
func (h *layered) release() {
	for ci := range h.concepts {
		h.concepts[ci].bounds, h.concepts[ci].l = nil, nil
	}
	h.concepts = h.concepts[:0]
}
