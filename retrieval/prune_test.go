package retrieval

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

// tieWords is the tiny vocabulary of the adversarial corpus: few words in
// short chunks of equal length, so many chunks score exactly alike and the
// pruning's ties must fall as the exhaustive path's do.
var tieWords = []string{"zorbax", "quiltren", "mavlok", "pendrix", "sulvane", "tokrim", "varnesh", "wuldor", "yxmet", "brelvon"}

// adversarialCorpus writes docs articles of chunks made of tieWords: some
// all one word repeated (high term frequency), many identical, some long.
func adversarialCorpus(t testing.TB, r *rand.Rand, docs int) string {
	t.Helper()
	dir := t.TempDir()
	for d := range docs {
		var b strings.Builder
		fmt.Fprintf(&b, "Title %d\n\n", d)
		for range 1 + r.IntN(6) {
			n := []int{3, 3, 3, 5, 12, 40}[r.IntN(6)]
			for i := range n {
				w := tieWords[r.IntN(len(tieWords))]
				switch r.IntN(4) {
				case 0:
					w = tieWords[d%3] // the same few words everywhere
				case 1:
					w = tieWords[r.IntN(2)]
				}
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(w)
			}
			b.WriteString(".\n\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%03d.txt", d)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// randomQuery builds a query straight from terms (the index's own, plus
// one absent): concepts of one or more alternatives, phrases of several
// words, words with several candidate terms, repeated terms, Meta
// concepts, and alternative weights that are equal, fractional, zero,
// negative or NaN.
func randomQuery(r *rand.Rand, terms []string) lexicon.Query {
	pick := func() string {
		if r.IntN(12) == 0 {
			return "absentterm"
		}
		return terms[r.IntN(len(terms))]
	}
	var q lexicon.Query
	for range 1 + r.IntN(7) {
		c := lexicon.Concept{Meta: r.IntN(5) == 0}
		nAlts := 1 + r.IntN(3)
		if r.IntN(3) == 0 {
			nAlts = 1 + r.IntN(8)
		}
		for range nAlts {
			var a lexicon.Alt
			for range []int{1, 1, 1, 2, 3}[r.IntN(5)] {
				var w lexicon.Word
				for range []int{1, 1, 2, 3}[r.IntN(4)] {
					w = append(w, pick())
				}
				a = append(a, w)
			}
			c.Alts = append(c.Alts, a)
		}
		if r.IntN(2) == 0 {
			for range c.Alts {
				c.AltWeights = append(c.AltWeights, []float64{1, 1, 0.5, 0.7, 0.25, 0, -1, math.NaN(), 1e-30, 3}[r.IntN(10)])
			}
		}
		q.Concepts = append(q.Concepts, c)
	}
	return q
}

// vocabulary lists the index's terms.
func vocabulary(ix *Index) []string {
	terms := make([]string, ix.v.nVocab)
	for id := range terms {
		terms[id] = ix.v.term(uint32(id))
	}
	return terms
}

// samePruned fails t when the pruned search (with one worker or several)
// differs from the exhaustive one (fast path and general path) in any
// chunk, order or score bit.
func samePruned(t testing.TB, ix *Index, general *lexicalIndex, q lexicon.Query, k int, what string) {
	t.Helper()
	want, err := ix.lexical.searchExhaustive(q, k)
	if err != nil {
		t.Fatal(err)
	}
	x := ix.lexical
	x.alwaysPrune = true
	defer func() { x.workers, x.legacyWalk, x.noResplit = 0, false, false }()
	for _, v := range []struct {
		workers    int
		legacyWalk bool
		noResplit  bool
	}{{1, false, false}, {2, false, false}, {3, false, false}, {1, true, false}, {1, false, true}, {2, false, true}} {
		x.workers, x.legacyWalk, x.noResplit = v.workers, v.legacyWalk, v.noResplit
		got, err := x.searchPruned(q, k)
		if err != nil {
			t.Fatal(err)
		}
		if !sameScored(got, want) {
			t.Fatalf("%s k=%d: pruned (%+v) %v\nexhaustive %v", what, k, v, got, want)
		}
	}
	for _, v := range []struct {
		workers                       int
		noBlocks, noWalkIndex, noRank bool
	}{{1, false, false, false}, {2, false, false, false}, {3, false, false, false}, {1, true, false, false}, {1, false, true, false}, {2, true, true, false}, {1, false, false, true}, {2, true, false, true}} {
		x.workers, x.noBlocks, x.noWalkIndex, x.noRank = v.workers, v.noBlocks, v.noWalkIndex, v.noRank
		got, _, err := x.searchLayered(q, k)
		x.noBlocks, x.noWalkIndex, x.noRank = false, false, false
		if err != nil || !sameScored(got, want) {
			t.Fatalf("%s k=%d: layered (%+v) %v (%v)\nexhaustive %v", what, k, v, got, err, want)
		}
	}
	if g, err := general.searchExhaustive(q, k); err != nil || !sameScored(want, g) {
		t.Fatalf("%s k=%d: exhaustive %v\ngeneral path %v (%v)", what, k, want, g, err)
	}
}

// generalPath is an exhaustive search of ix that scores every concept the
// general way.
func generalPath(ix *Index) *lexicalIndex {
	g := newLexical(ix.v)
	g.noFastPath = true
	return g
}

func sameScored(a, b []scored) bool {
	return slices.EqualFunc(a, b, func(x, y scored) bool {
		return x.idx == y.idx && math.Float32bits(x.score) == math.Float32bits(y.score)
	})
}

// TestPrunedMatchesExhaustive holds the pruned BM25 search to exhaustive
// scoring: the same chunks in the same order with bit-identical scores, on
// the seed articles (analysed questions and random queries over their
// vocabulary) and on a corpus built for ties.
func TestPrunedMatchesExhaustive(t *testing.T) {
	t.Parallel()
	lex := testLexicon(t)
	r := rand.New(rand.NewPCG(14, 1))
	seeds, _ := seedCorpus(t)
	for _, tc := range []struct {
		name   string
		corpus string
	}{
		{"seeds", seeds},
		{"ties", adversarialCorpus(t, r, 150)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix, _ := mustBuild(t, buildOpts(t, tc.corpus, t.TempDir(), NewLocalEmbedder(), lex))
			terms := vocabulary(ix)
			general := generalPath(ix)
			ks := []int{1, 2, 3, 8, fusionDepth, 1000}
			for _, qs := range chunkQuestions(ix, 80) {
				for _, k := range ks {
					samePruned(t, ix, general, ix.lex.Analyze(qs), k, fmt.Sprintf("%q", qs))
				}
			}
			for i := range 600 {
				q := randomQuery(r, terms)
				samePruned(t, ix, general, q, ks[i%len(ks)], fmt.Sprintf("random query %d %v", i, q.Concepts))
			}
		})
	}
}

// TestPrunedMatchesExhaustiveAtScale does the same on the bench package's
// cached 10k-chunk index, when there is one: long postings lists, so
// blocks are skipped and many concepts only confirm.
func TestPrunedMatchesExhaustiveAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	t.Parallel()
	ix := benchIndex(t, 774)
	r := rand.New(rand.NewPCG(14, 2))
	terms := vocabulary(ix)
	general := generalPath(ix)
	// Frequent terms make the hardest queries: draw from them often.
	frequent := slices.Clone(terms)
	slices.SortFunc(frequent, func(a, b string) int { return ix.lexical.DF(b) - ix.lexical.DF(a) })
	frequent = frequent[:min(len(frequent), 300)]
	for _, qs := range chunkQuestions(ix, 300) {
		for _, k := range []int{1, 8, fusionDepth} {
			samePruned(t, ix, general, ix.lex.Analyze(qs), k, fmt.Sprintf("%q", qs))
		}
	}
	for i := range 300 {
		pool := terms
		if i%2 == 0 {
			pool = frequent
		}
		samePruned(t, ix, general, randomQuery(r, pool), []int{1, 8, fusionDepth}[i%3], fmt.Sprintf("random query %d", i))
	}
}

// FuzzPrunedMatchesExhaustive decodes queries over the tie corpus from
// the fuzzer's bytes and checks the pruned search against exhaustive
// scoring.
func FuzzPrunedMatchesExhaustive(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3}, uint8(8))
	f.Add([]byte{9, 9, 9, 0x80, 1, 0x41, 2, 3, 0xc0, 4}, uint8(1))
	f.Add([]byte{0xff, 0x10, 0x20, 0x31, 0x42, 0x53, 0x64, 0x75}, uint8(50))
	ix, _, err := Build(context.Background(), buildOpts(f, adversarialCorpus(f, rand.New(rand.NewPCG(14, 3)), 60), f.TempDir(), NewLocalEmbedder(), testLexicon(f)))
	if err != nil {
		f.Fatal(err)
	}
	terms := append(vocabulary(ix), "absentterm")
	general := generalPath(ix)
	f.Fuzz(func(t *testing.T, data []byte, k uint8) {
		samePruned(t, ix, general, decodeQuery(data, terms), int(k), fmt.Sprintf("%x", data))
	})
}

// decodeQuery reads a query from bytes: each byte is a term (its low six
// bits) and, in its top two bits, whether it starts a new word, a new
// alternative or a new concept; a concept's alternatives take weights
// from a fixed list by their position.
func decodeQuery(data []byte, terms []string) lexicon.Query {
	weights := []float64{1, 0.5, 0, 1, -2, 0.3, 1e-30, math.NaN()}
	var q lexicon.Query
	for i, b := range data {
		term := terms[int(b&0x3f)%len(terms)]
		split := b >> 6
		if i == 0 || split == 3 {
			q.Concepts = append(q.Concepts, lexicon.Concept{Meta: b&1 == 1})
			split = 2
		}
		c := &q.Concepts[len(q.Concepts)-1]
		if split == 2 {
			c.Alts = append(c.Alts, nil)
			c.AltWeights = append(c.AltWeights, weights[(i+int(b))%len(weights)])
			split = 1
		}
		a := &c.Alts[len(c.Alts)-1]
		if split == 1 {
			*a = append(*a, nil)
		}
		(*a)[len(*a)-1] = append((*a)[len(*a)-1], term)
	}
	return q
}

// TestPrunedConcurrent runs pruned searches from several goroutines on one
// index, whose term bounds are computed on first use, against exhaustive
// results computed beforehand (run it with -race).
func TestPrunedConcurrent(t *testing.T) {
	t.Parallel()
	checkConcurrent(t, 5, func(x *lexicalIndex) { x.alwaysPrune = true }, func(x *lexicalIndex, q lexicon.Query, k int) ([]scored, error) {
		return x.searchPruned(q, k)
	})
}

// checkConcurrent runs search from four goroutines on one index of the
// seed articles (set up first by prepare) over 40 random queries, seeded
// by seed, against exhaustive results computed beforehand: the caches a
// search fills on first use must be safe to share (run it with -race).
func checkConcurrent(t *testing.T, seed uint64, prepare func(*lexicalIndex), search func(*lexicalIndex, lexicon.Query, int) ([]scored, error)) {
	t.Helper()
	corpus, _ := seedCorpus(t)
	ix, _ := mustBuild(t, buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t)))
	prepare(ix.lexical)
	r := rand.New(rand.NewPCG(14, seed))
	terms := vocabulary(ix)
	qs := make([]lexicon.Query, 40)
	want := make([][]scored, len(qs))
	for i := range qs {
		qs[i] = randomQuery(r, terms)
		w, err := ix.lexical.searchExhaustive(qs[i], 8)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = w
	}
	errs := make(chan string, 4)
	for g := range 4 {
		go func() {
			for j := range qs {
				i := (j + g*7) % len(qs)
				got, err := search(ix.lexical, qs[i], 8)
				if err != nil || !sameScored(got, want[i]) {
					errs <- fmt.Sprintf("query %d: %v %v, want %v", i, got, err, want[i])
					return
				}
			}
			errs <- ""
		}()
	}
	for range 4 {
		if e := <-errs; e != "" {
			t.Fatal(e)
		}
	}
}
