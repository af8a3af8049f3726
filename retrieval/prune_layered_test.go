package retrieval

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/kabar-bot/kabar/bench/synth"
	"github.com/kabar-bot/kabar/lexicon"
)

// TestLayeredMatchesExhaustiveAtScale holds the layered search to
// exhaustive scoring on the bench package's cached 1M-chunk index, when
// there is one: every one of the benchmark's 500 questions, and random
// queries drawn half from the 300 most frequent terms (the longest lists,
// the hardest to prune), at k = 1, 8 and fusionDepth. The same chunks,
// in the same order, with bit-identical scores.
func TestLayeredMatchesExhaustiveAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	articles := benchArticles(t, 1_000_000)
	ix := benchIndex(t, articles)
	defer runtime.KeepAlive(ix)
	x := newLexical(ix.v)
	check := func(q lexicon.Query, k int, what string) {
		t.Helper()
		want, err := x.searchExhaustive(q, k)
		if err != nil {
			t.Fatal(err)
		}
		got, _, err := x.searchLayered(q, k)
		if err != nil {
			t.Fatal(err)
		}
		if !sameScored(got, want) {
			t.Fatalf("%s k=%d: layered %v\nexhaustive %v", what, k, got, want)
		}
	}
	for i, q := range synth.New(1).Questions(500, articles) {
		check(ix.lex.Analyze(q), []int{1, 8, fusionDepth}[i%3], fmt.Sprintf("%q", q))
	}
	terms := vocabulary(ix)
	frequent := slices.Clone(terms)
	slices.SortFunc(frequent, func(a, b string) int { return x.DF(b) - x.DF(a) })
	frequent = frequent[:300]
	r := rand.New(rand.NewPCG(14, 11))
	for i := range 200 {
		pool := terms
		if i%2 == 0 {
			pool = frequent
		}
		q := randomQuery(r, pool)
		check(q, []int{1, 8, fusionDepth}[i%3], fmt.Sprintf("random query %d %v", i, q.Concepts))
	}
}

// TestLayeredConcurrent runs layered searches from several goroutines on
// one index, whose concept lists and term values are built and cached on
// first use, against exhaustive results computed beforehand (run it with
// -race).
func TestLayeredConcurrent(t *testing.T) {
	t.Parallel()
	checkConcurrent(t, 12, func(*lexicalIndex) {}, func(x *lexicalIndex, q lexicon.Query, k int) ([]scored, error) {
		got, _, err := x.searchLayered(q, k)
		return got, err
	})
}

// TestLayeredBlocksLookAtFewerChunks checks, on the bench package's
// cached 1M-chunk index when there is one, that bounding each block of
// 32 chunks by its concepts' best scores there (skipping the block, or a
// concept absent from it counting 0 without a lookup) makes the layered
// search look at fewer chunks, with the same results bit for bit. Each
// row is one of the bench package's generated questions.
func TestLayeredBlocksLookAtFewerChunks(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	ix := benchIndex(t, benchArticles(t, 1_000_000))
	defer runtime.KeepAlive(ix)
	for _, row := range []struct {
		label, question string
	}{
		// A name and a place whose chunks cluster in the articles about
		// them, with question words found nearly everywhere.
		{"a name, a place and 'say'", "What did Yohanes Nyioyan say about pengedar in Paris?"},
		{"an Indonesian question with a name and a place", "Berapa kapal yang dibahas Sergey Bermopar di Kairo?"},
		{"a rare word and a name", "Mengapa bikir dokter yajehem menurut Yuki Yosteek?"},
	} {
		t.Run(row.label, func(t *testing.T) {
			q := ix.lex.Analyze(row.question)
			want, err := ix.lexical.searchExhaustive(q, fusionDepth)
			if err != nil {
				t.Fatal(err)
			}
			stats := map[bool]pruneStats{}
			for _, noBlocks := range []bool{true, false} {
				x := newLexical(ix.v)
				x.noBlocks = noBlocks
				got, st, err := x.searchLayered(q, fusionDepth)
				if err != nil {
					t.Fatal(err)
				}
				if !sameScored(got, want) {
					t.Fatalf("noBlocks %v: layered %v\nexhaustive %v", noBlocks, got, want)
				}
				stats[noBlocks] = st
			}
			if on, off := stats[false], stats[true]; on.candidates >= off.candidates {
				t.Errorf("with block bounds: %d chunks looked at; without: %d", on.candidates, off.candidates)
			}
		})
	}
}
