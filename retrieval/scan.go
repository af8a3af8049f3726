package retrieval

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// The exact vector scan. Rows are scored a block at a time (SIMD on amd64,
// see scan_amd64.s; bit-identical to dot everywhere), and a big matrix is
// shared among GOMAXPROCS participants: the calling goroutine and a pool
// of long-lived scan workers, each taking the next block of rows from an
// atomic counter (so a core busy with other work takes fewer blocks) and
// keeping its own top k. The per-participant top ks are merged at the end
// by the same total order (score, then lower row), so the result is the
// one a single sequential scan gives. A query allocates nothing in the
// scan: its scratch comes from a pool.

// scanBlock is how many rows a participant takes at a time: 256 rows of
// 512 floats are 512 kB, large enough to make the atomic counter free and
// small enough to balance two busy cores.
const scanBlock = 256

// parallelMinRows is the size below which the caller scans alone: handing
// work to another goroutine costs a few microseconds.
const parallelMinRows = 4 * scanBlock

// scoreRowsGo is the portable scorer: dot, row by row.
func scoreRowsGo(q, m, out []float32) {
	dim := len(q)
	for r := range out {
		out[r] = dot(q, m[r*dim:(r+1)*dim:(r+1)*dim])
	}
}

// scanShare is one participant's part of a query.
type scanShare struct {
	top    topK
	scores [scanBlock]float32
}

// scanJob is one query's shared state.
type scanJob struct {
	f      *flatVectors
	q      []float32
	next   atomic.Int64 // next block to take
	blocks int64
	shares []scanShare
	// state[i] is share i's task: gen<<2 | taskQueued, taskRunning or
	// taskDropped. A task still queued when the caller has run out of
	// blocks is dropped rather than waited for: on a busy machine the
	// worker may not be scheduled for milliseconds, and it has nothing
	// left to do. gen tells a stale task (of an earlier query on this
	// pooled job) from the current one.
	state  []atomic.Uint64
	gen    uint64
	merged []scored
	wg     sync.WaitGroup
}

const (
	taskQueued  = 0
	taskRunning = 1
	taskDropped = 2
)

// run scans blocks until none is left, into share s.
func (j *scanJob) run(s *scanShare) {
	n := j.f.rows()
	dim := j.f.dim
	for {
		b := j.next.Add(1) - 1
		if b >= j.blocks {
			return
		}
		lo := int(b) * scanBlock
		hi := min(lo+scanBlock, n)
		out := s.scores[:hi-lo]
		scoreRows(j.q, j.f.data[lo*dim:hi*dim], out)
		t := &s.top
		for r, sc := range out {
			if len(t.h) < t.k {
				t.push(scored{idx: lo + r, score: sc})
			} else if t.k > 0 && sc >= t.h[0].score {
				// Equal scores may still win on the lower row: push decides.
				t.push(scored{idx: lo + r, score: sc})
			}
		}
	}
}

type scanTask struct {
	job   *scanJob
	share int
	gen   uint64
	state *atomic.Uint64 // the job's state[share] when the task was queued
}

var (
	scanWorkersMu sync.Mutex
	scanWorkers   int // long-lived workers started so far
	scanTasks     = make(chan scanTask, 64)
	scanJobs      = sync.Pool{New: func() any { return new(scanJob) }}
)

// ensureScanWorkers starts workers until n are running.
func ensureScanWorkers(n int) {
	scanWorkersMu.Lock()
	defer scanWorkersMu.Unlock()
	for ; scanWorkers < n; scanWorkers++ {
		go func() {
			for t := range scanTasks {
				j := t.job
				if !t.state.CompareAndSwap(t.gen<<2|taskQueued, t.gen<<2|taskRunning) {
					continue // dropped by the caller, or stale
				}
				j.run(&j.shares[t.share])
				j.wg.Done()
			}
		}()
	}
}

// searchInto appends to dst the k rows with the highest dot product with q
// (best first, ties to the lower row), scanning with up to workers
// participants (GOMAXPROCS when workers <= 0).
func (f *flatVectors) searchInto(dst []scored, q []float32, k, workers int) []scored {
	n := f.rows()
	if k <= 0 || n == 0 {
		return dst
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	blocks := (n + scanBlock - 1) / scanBlock
	if n < parallelMinRows {
		workers = 1
	}
	workers = min(workers, blocks)

	j := scanJobs.Get().(*scanJob)
	j.f, j.q, j.blocks = f, q, int64(blocks)
	j.next.Store(0)
	if cap(j.shares) < workers {
		j.shares = make([]scanShare, workers)
	}
	j.shares = j.shares[:workers]
	for i := range j.shares {
		t := &j.shares[i].top
		t.k = k
		if cap(t.h) < k {
			t.h = make([]scored, 0, k)
		}
		t.h = t.h[:0]
	}
	j.gen++
	if len(j.state) < workers {
		// Never resliced otherwise: a stale task holds a pointer to its
		// cell, never reads the slice.
		j.state = make([]atomic.Uint64, workers)
	}
	if workers > 1 {
		ensureScanWorkers(workers - 1)
		j.wg.Add(workers - 1)
		for i := 1; i < workers; i++ {
			j.state[i].Store(j.gen<<2 | taskQueued)
			scanTasks <- scanTask{job: j, share: i, gen: j.gen, state: &j.state[i]}
		}
	}
	j.run(&j.shares[0])
	for i := 1; i < workers; i++ {
		if j.state[i].CompareAndSwap(j.gen<<2|taskQueued, j.gen<<2|taskDropped) {
			j.wg.Done() // never started: its share holds nothing
		}
	}
	j.wg.Wait()

	merged := j.merged[:0]
	for i := range j.shares {
		merged = append(merged, j.shares[i].top.h...)
	}
	slices.SortFunc(merged, compareScored)
	if len(merged) > k {
		merged = merged[:k]
	}
	dst = append(dst, merged...)
	j.merged = merged
	j.f, j.q = nil, nil
	scanJobs.Put(j)
	return dst
}

// compareScored orders best first: higher score, then lower index.
func compareScored(a, b scored) int {
	switch {
	case better(a, b):
		return -1
	case better(b, a):
		return 1
	}
	return 0
}

// ScanWorkers is how many goroutines an exact vector scan of the index
// uses at most: GOMAXPROCS.
func ScanWorkers() int { return runtime.GOMAXPROCS(0) }

// NearestVectors appends to dst the indexes of the k chunks whose vectors
// have the highest dot product with q (cosine similarity for unit vectors),
// best first, by exact scan on up to workers goroutines (GOMAXPROCS when
// workers <= 0). The result does not depend on workers. With room in dst,
// it allocates nothing over an index of one segment.
func (ix *Index) NearestVectors(dst []int, q []float32, k, workers int) []int {
	defer runtime.KeepAlive(ix) // the mapping stays while it is read
	if len(q) != ix.vectors.dim || ix.vectorsReady() != nil {
		return dst
	}
	var buf [64]scored
	var hits []scored
	if k <= len(buf) {
		hits = ix.vectorTop(buf[:0], q, k, workers)
	} else {
		hits = ix.vectorTop(nil, q, k, workers)
	}
	for _, h := range hits {
		dst = append(dst, h.idx)
	}
	return dst
}

// VectorMatrix returns the matrix the exact scan reads: every chunk's
// vector, row-major, row i for chunk i. It is the index's own memory, for
// measuring against (benchmarks); callers must not modify it, nor use it
// once the Index is unreachable (it may be a view of the mapped file). An
// index of several segments scans each segment's matrix; for it this is
// a copy of their rows in chunk order, made on the first call.
func (ix *Index) VectorMatrix() (dim int, data []float32) {
	ix.vectorsReady()
	if ix.set.ch != nil {
		ix.matrixOnce.Do(func() {
			ix.matrix = make([]float32, 0, ix.v.nChunks*ix.vectors.dim)
			for c := range ix.v.nChunks {
				ix.matrix = append(ix.matrix, ix.set.vectorRow(c)...)
			}
		})
		return ix.vectors.dim, ix.matrix
	}
	return ix.vectors.dim, ix.vectors.data
}
