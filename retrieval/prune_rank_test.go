package retrieval

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRankIndex checks rankIndex.at against the list's own positions:
// every chunk of the list is found at its place, every other chunk is
// not, on lists of chunks at word edges, dense, sparse and empty.
func TestRankIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 21))
	for _, tc := range []struct {
		name   string
		n      int
		chunks []uint32
	}{
		{"word edges", 256, []uint32{0, 63, 64, 127, 128, 191, 192, 255}},
		{"every chunk", 130, seq(130, 1)},
		{"every third", 1000, seq(334, 3)},
		{"random", 5000, randomChunks(r, 5000, 600)},
		{"a short list", 1 << 16, []uint32{7, 900}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list := make([]posting, len(tc.chunks))
			for i, c := range tc.chunks {
				list[i] = posting{chunk: c, tf: 1}
			}
			ri := rankOf(list, tc.n)
			if len(list)*rankMinShare < tc.n {
				if ri != nil {
					t.Fatalf("a rank index for %d chunks of %d", len(list), tc.n)
				}
				return
			}
			at := map[uint32]int{}
			for i, c := range tc.chunks {
				at[c] = i
			}
			for d := range uint32(tc.n + 70) {
				want, ok := at[d]
				if !ok {
					want = -1
				}
				if got := ri.at(d); got != want {
					t.Fatalf("chunk %d: at %d, want %d", d, got, want)
				}
			}
		})
	}
}

func seq(n, step int) []uint32 {
	s := make([]uint32, n)
	for i := range s {
		s[i] = uint32(i * step)
	}
	return s
}

func randomChunks(r *rand.Rand, n, k int) []uint32 {
	set := map[uint32]bool{}
	for len(set) < k {
		set[uint32(r.IntN(n))] = true
	}
	var s []uint32
	for c := range set {
		s = append(s, c)
	}
	slices.Sort(s)
	return s
}

// TestBestSeeds checks that bestSeeds chooses, in chunk order, the
// layeredSeeds pairs of highest partial score, the ties at the last
// place taken in chunk order: the chunks a stable sort by score would
// put first.
func TestBestSeeds(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 22))
	for _, tc := range []struct {
		name   string
		pairs  int
		values int // distinct partial scores: few make ties
	}{
		{"distinct", 3000, 1 << 30},
		{"ties", 2000, 7},
		{"all equal", 1500, 1},
		{"one more than the seeds", layeredSeeds + 1, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &layered{}
			for i := range tc.pairs {
				p.pairs = append(p.pairs, seed{chunk: uint32(3 * i), partial: float64(r.IntN(tc.values))})
			}
			byScore := slices.Clone(p.pairs)
			slices.SortStableFunc(byScore, func(a, b seed) int { return cmp.Compare(b.partial, a.partial) })
			var want []uint32
			for _, s := range byScore[:layeredSeeds] {
				want = append(want, s.chunk)
			}
			slices.Sort(want)
			if got := p.bestSeeds(nil); !slices.Equal(got, want) {
				t.Fatalf("got %d seeds %v\nwant %d %v", len(got), got, len(want), want)
			}
		})
	}
}

// TestBlockBests checks blockBestsOf, its galloping of and its dense
// form against a plain count per block, on lists empty, of one chunk, of
// one block, across blocks and random.
func TestBlockBests(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 23))
	const n = 4096
	for _, tc := range []struct {
		name   string
		chunks []uint32
	}{
		{"empty", nil},
		{"one chunk", []uint32{77}},
		{"one block", []uint32{32, 33, 40, 63}},
		{"block edges", []uint32{0, 31, 32, 63, 64, 4095}},
		{"random", randomChunks(r, n, 900)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list := make([]posting, len(tc.chunks))
			vals := make([]float32, len(tc.chunks))
			want := map[uint32]float32{}
			first := map[uint32]int{}
			for i, c := range tc.chunks {
				list[i] = posting{chunk: c, tf: 1}
				vals[i] = float32(1 + r.IntN(50))
				id := c >> blockShift
				if _, ok := first[id]; !ok {
					first[id] = i
				}
				want[id] = max(want[id], vals[i])
			}
			b := blockBestsOf(list, vals)
			if len(b.ids) != len(want) {
				t.Fatalf("%d blocks, want %d", len(b.ids), len(want))
			}
			for k, id := range b.ids {
				if b.best[k] != want[id] || int(b.start[k]) != first[id] {
					t.Fatalf("block %d: best %v start %d, want %v %d", id, b.best[k], b.start[k], want[id], first[id])
				}
			}
			dense := b.dense(rankIndex{}, n)
			for _, linear := range []bool{false, true} {
				i := 0
				for id := range uint32(n>>blockShift + 2) {
					if got := b.of(id, &i, linear); got != want[id] {
						t.Fatalf("of(%d, linear %v) = %v, want %v", id, linear, got, want[id])
					}
					if int(id) < len(dense) && dense[id] != want[id] {
						t.Fatalf("dense[%d] = %v, want %v", id, dense[id], want[id])
					}
				}
			}
		})
	}
}
