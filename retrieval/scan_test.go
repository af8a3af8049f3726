package retrieval

import (
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
)

// adversarial returns n floats of the given kind: values whose products
// and sums round differently depending on the order of operations.
func adversarial(r *rand.Rand, n int, kind int) []float32 {
	v := make([]float32, n)
	for i := range v {
		switch kind {
		case 0: // unit-range
			v[i] = float32(r.NormFloat64())
		case 1: // denormal products and denormal inputs
			v[i] = math.Float32frombits(uint32(r.IntN(1 << 23))) // subnormal
			if r.IntN(2) == 0 {
				v[i] = -v[i]
			}
			if r.IntN(4) == 0 {
				v[i] = float32(r.NormFloat64()) * 1e-20
			}
		case 2: // magnitudes from 1e-30 to 1e30: catastrophic cancellation
			v[i] = float32(r.NormFloat64() * math.Pow(10, float64(r.IntN(61)-30)))
		case 3: // signed zeros and exact cancellations
			switch r.IntN(4) {
			case 0:
				v[i] = float32(math.Copysign(0, -1))
			case 1:
				v[i] = 0
			default:
				v[i] = float32(r.IntN(7) - 3)
			}
		case 4: // near overflow: products may become ±Inf (never NaN from 0*Inf)
			v[i] = float32(r.NormFloat64() * 1e19)
		}
	}
	return v
}

func sameFloat(a, b float32) bool {
	return math.Float32bits(a) == math.Float32bits(b) || (a != a && b != b)
}

// TestScoreRowsMatchesDot holds the SIMD scorer to the pure-Go dot bit for
// bit, on lengths that are and are not multiples of 8 and 64 (every path
// through the kernel: groups of 64, groups of 8, single elements), and data chosen to expose any change in the
// order of operations.
func TestScoreRowsMatchesDot(t *testing.T) {
	if !simdAvailable() {
		t.Log("no SIMD scorer on this platform: checking the portable one")
	}
	r := rand.New(rand.NewPCG(1, 2))
	dims := []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 24, 31, 33, 40, 63, 64, 65, 71, 72, 127, 128, 129, 136, 384, 511, 512, 513, 520, 1536}
	for kind := range 5 {
		for _, dim := range dims {
			for _, rows := range []int{0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23} {
				q := adversarial(r, dim, kind)
				m := adversarial(r, dim*rows, kind)
				got := make([]float32, rows+1)
				got[rows] = 42 // must not be written
				scoreRows(q, m, got[:rows])
				for row := range rows {
					want := dot(q, m[row*dim:(row+1)*dim])
					if !sameFloat(got[row], want) {
						t.Fatalf("kind %d dim %d rows %d row %d: scoreRows %g (%08x), dot %g (%08x)",
							kind, dim, rows, row, got[row], math.Float32bits(got[row]), want, math.Float32bits(want))
					}
				}
				if got[rows] != 42 {
					t.Fatalf("kind %d dim %d rows %d: wrote past the end", kind, dim, rows)
				}
			}
		}
	}
}

// referenceSearch is the sequential scan the parallel one must equal.
func referenceSearch(f *flatVectors, q []float32, k int) []scored {
	top := newTopK(k)
	for i := range f.rows() {
		top.push(scored{idx: i, score: dot(q, f.row(i))})
	}
	return top.sorted()
}

// TestParallelSearchMatchesSequential checks that splitting the matrix
// among workers and merging their top ks changes nothing, ties included.
func TestParallelSearchMatchesSequential(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct{ rows, dim int }{{0, 8}, {1, 8}, {5, 3}, {parallelMinRows - 1, 9}, {parallelMinRows*2 + 37, 16}, {3000, 33}} {
		f := &flatVectors{dim: tc.dim, data: adversarial(r, tc.rows*tc.dim, 0)}
		// Duplicate rows make exact ties that must go to the lower row.
		for i := 10; i+1 < tc.rows; i += 97 {
			copy(f.row(i+1), f.row(i))
		}
		for _, k := range []int{0, 1, 10, 50, tc.rows + 5} {
			q := adversarial(r, tc.dim, 0)
			want := referenceSearch(f, q, k)
			for _, workers := range []int{1, 2, 3, 8} {
				got := f.searchInto(nil, q, k, workers)
				if len(want) == 0 && len(got) == 0 {
					continue
				}
				if !slices.Equal(got, want) {
					t.Fatalf("rows %d dim %d k %d workers %d: got %v, want %v", tc.rows, tc.dim, k, workers, head(got), head(want))
				}
			}
		}
	}
}

// TestConcurrentSearchesWithDroppedTasks runs many scans at once with
// varying worker counts, so that tasks are often still queued when their
// caller has finished (and dropped) them, and pooled jobs are reused while
// stale tasks wait: every result must still be the sequential one (and,
// under -race, no share may be touched by two goroutines).
func TestConcurrentSearchesWithDroppedTasks(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	f := &flatVectors{dim: 16, data: adversarial(r, 16*(parallelMinRows*3+11), 0)}
	qs := make([][]float32, 16)
	want := make([][]scored, len(qs))
	for i := range qs {
		qs[i] = adversarial(r, 16, 0)
		want[i] = referenceSearch(f, qs[i], 20)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for n := range 40 {
				i := (g*7 + n) % len(qs)
				if got := f.searchInto(nil, qs[i], 20, 1+(g+n)%4); !slices.Equal(got, want[i]) {
					t.Errorf("query %d with %d workers: got %v, want %v", i, 1+(g+n)%4, head(got), head(want[i]))
					return
				}
			}
		})
	}
	wg.Wait()
}

func head(s []scored) []scored { return s[:min(len(s), 5)] }

// TestSearchAllocatesNothing: the scan's scratch is pooled.
func TestSearchAllocatesNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items: allocation counts are meaningless")
	}
	r := rand.New(rand.NewPCG(5, 6))
	f := &flatVectors{dim: 64, data: adversarial(r, 64*5000, 0)}
	q := adversarial(r, 64, 0)
	dst := make([]scored, 0, 50)
	f.searchInto(dst, q, 50, 2) // warm the pools and start the workers
	if n := testing.AllocsPerRun(20, func() { f.searchInto(dst[:0], q, 50, 2) }); n != 0 {
		t.Errorf("a scan allocates %v times", n)
	}
}
