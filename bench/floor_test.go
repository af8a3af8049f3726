package bench

import (
	"context"
	"testing"

	"github.com/kabar-bot/kabar/retrieval"
)

// scalarScan is a plain exact search written independently of Kabar's:
// every vector in one contiguous row-major []float32, scored with an
// unrolled scalar dot product on one core, the k best picked by insertion
// into a small sorted list. It is the correctness reference for Kabar's
// scan (same rows, same order) and shows what a straightforward Go scan
// costs. It is not the floor: that is bandwidthFloor (floor.go), which
// reads the same bytes as fast as the machine allows.
type scalarScan struct {
	dim  int
	data []float32
}

// newScalarScan copies the index's vectors out of its chromem-go store, so
// it scans exactly the vectors both other searches scan.
func newScalarScan(tb testing.TB, ix *retrieval.Index) *scalarScan {
	tb.Helper()
	ctx := context.Background()
	f := &scalarScan{dim: ix.Embedder().Dim}
	f.data = make([]float32, 0, ix.NumChunks()*f.dim)
	for i := range ix.NumChunks() {
		d, err := ix.Store().GetByID(ctx, ix.Chunk(i).ID)
		if err != nil {
			tb.Fatal(err)
		}
		if len(d.Embedding) != f.dim {
			tb.Fatalf("chunk %s has %d dimensions, want %d", d.ID, len(d.Embedding), f.dim)
		}
		f.data = append(f.data, d.Embedding...)
	}
	return f
}

// search returns the rows of the k highest dot products with q, best
// first (ties to the lower row).
func (f *scalarScan) search(q []float32, k int) []int {
	type hit struct {
		row   int
		score float32
	}
	best := make([]hit, 0, k+1)
	n := len(f.data) / f.dim
	for row := 0; row < n; row++ {
		s := floorDot(q, f.data[row*f.dim:(row+1)*f.dim])
		if len(best) == k && s <= best[k-1].score {
			continue
		}
		i := len(best)
		best = append(best, hit{})
		for i > 0 && best[i-1].score < s {
			best[i] = best[i-1]
			i--
		}
		best[i] = hit{row, s}
		if len(best) > k {
			best = best[:k]
		}
	}
	out := make([]int, len(best))
	for i, h := range best {
		out[i] = h.row
	}
	return out
}

// floorDot is a dot product with four independent accumulators, the usual
// way to keep a scalar loop from waiting on its own additions.
func floorDot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}
