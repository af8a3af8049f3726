package retrieval

import (
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/kabar-bot/kabar/lexicon"
)

// maxPruneWorkers caps the goroutines one pruned search walks with.
const maxPruneWorkers = 4

// rangesPerWorker is how many chunk ranges each worker's share is cut
// into: the workers take the next range as they finish one, so one held
// up (by another process on its core) leaves more to the others.
const rangesPerWorker = 4

// splitMinPostings is how many postings the terms walked must hold for a
// search to be split between workers.
const splitMinPostings = 1 << 15

// sharedTheta is the highest k-th score any worker of one search has
// kept, as float64 bits: each worker's k kept chunks are real chunks that
// beat whatever scores below it, wherever it lies.
type sharedTheta struct{ bits atomic.Uint64 }

func (s *sharedTheta) load() float64 { return math.Float64frombits(s.bits.Load()) }

func (s *sharedTheta) raise(v float64) {
	for {
		old := s.bits.Load()
		if math.Float64frombits(old) >= v || s.bits.CompareAndSwap(old, math.Float64bits(v)) {
			return
		}
	}
}

// pruneWorkers is how many goroutines a pruned search walks with.
func (x *lexicalIndex) pruneWorkers() int {
	if x.workers > 0 {
		return x.workers
	}
	return min(runtime.GOMAXPROCS(0), maxPruneWorkers)
}

// searchPrunedStats is searchPruned, also counting its work. With more
// than one worker the chunks are cut into ranges that the workers walk,
// each with its own plan and top k, sharing the k-th score; their top ks
// are merged at the end. A chunk's score does not depend on who scores
// it, and the merge orders ties by chunk as one walk does, so the result
// is the same.
func (x *lexicalIndex) searchPrunedStats(q lexicon.Query, k int) ([]scored, pruneStats, error) {
	if x.n == 0 || k <= 0 {
		return nil, pruneStats{}, nil
	}
	p := x.plans.Get().(*plan)
	defer x.plans.Put(p)
	if err := p.build(x, q); err != nil {
		return nil, pruneStats{}, err
	}
	if len(p.concepts) == 0 {
		return nil, pruneStats{}, nil
	}
	p.shared, p.legacy = nil, x.legacyWalk
	p.noResplit = x.noResplit || x.legacyWalk
	p.begin()
	up := 1 + p.slack
	theta := p.warmStart(k, up)
	top := newTopK(k)
	workers := x.pruneWorkers()
	if workers > 1 && x.workers == 0 {
		// A search that looks at few chunks is not worth a second plan
		// and goroutine: the postings of the terms the warm start leaves
		// walking bound the chunks it looks at.
		if theta > p.retry {
			p.retry = p.growSetAside(theta, up)
		}
		walked := 0
		for _, c := range p.active {
			walked += len(p.cursors[c].p)
		}
		if walked < splitMinPostings {
			workers = 1
		}
	}
	if workers <= 1 {
		p.walk(top, &theta)
		p.stats.theta = theta
		return top.sorted(), p.stats, nil
	}
	shared := &sharedTheta{}
	shared.raise(theta)
	p.shared = shared
	defer func() { p.shared = nil }()
	ranges := int32(workers * rangesPerWorker)
	var next atomic.Int32
	walkRanges := func(p *plan, top *topK, theta float64) {
		for {
			r := next.Add(1) - 1
			if r >= ranges {
				return
			}
			lo := uint32(int64(x.n) * int64(r) / int64(ranges))
			hi := uint32(int64(x.n) * int64(r+1) / int64(ranges))
			p.window(lo, hi)
			p.walk(top, &theta)
		}
	}
	type result struct {
		top   *topK
		stats pruneStats
		err   error
	}
	results := make([]result, workers-1)
	var wg sync.WaitGroup
	for w := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wp := x.plans.Get().(*plan)
			defer x.plans.Put(wp)
			res := &results[w]
			if res.err = wp.build(x, q); res.err != nil {
				return
			}
			wp.shared, wp.legacy = shared, x.legacyWalk
			wp.noResplit = p.noResplit
			defer func() { wp.shared = nil }()
			wp.begin()
			res.top = newTopK(k)
			walkRanges(wp, res.top, shared.load())
			res.stats = wp.stats
		}()
	}
	walkRanges(p, top, shared.load())
	wg.Wait()
	stats := p.stats
	for _, r := range results {
		if r.err != nil {
			return nil, stats, r.err
		}
		stats.candidates += r.stats.candidates
		stats.scored += r.stats.scored
		stats.full += r.stats.full
		for _, s := range r.top.h {
			top.push(s)
		}
	}
	stats.theta = shared.load()
	return top.sorted(), stats, nil
}

// window narrows every cursor to the postings of chunks lo to hi-1.
func (p *plan) window(lo, hi uint32) {
	for c := range p.cursors {
		cur := &p.cursors[c]
		a := sort.Search(len(cur.all), func(i int) bool { return cur.all[i].chunk >= lo })
		b := a + sort.Search(len(cur.all)-a, func(i int) bool { return cur.all[a+i].chunk >= hi })
		cur.p, cur.i = cur.all[a:b], 0
		p.next = 0 // any chunk before lo: the window starts there
		if cur.allImp != nil {
			cur.imp = cur.allImp[a:b]
		}
	}
}
