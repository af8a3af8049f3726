package retrieval

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
)

// prunedLex is a lexical index over ix's view that always prunes, with
// blocks of size postings (0: the default) and bounds of its own.
func prunedLex(ix *Index, size int) *lexicalIndex {
	x := newLexical(ix.v)
	x.alwaysPrune, x.blockSize = true, size
	return x
}

// spikeCorpus writes docs articles whose chunks are mostly alike (the
// same few words, the same length), with, now and then, a short chunk of
// one word repeated many times (a single posting far above every other in
// its block), long chunks holding every word once, and runs of chunks
// without the common words, so that block bounds vary from block to
// block and windows are skipped.
func spikeCorpus(t testing.TB, r *rand.Rand, docs int) string {
	t.Helper()
	dir := t.TempDir()
	for d := range docs {
		var b strings.Builder
		fmt.Fprintf(&b, "Title %d\n\n", d)
		for range 2 + r.IntN(5) {
			var words []string
			switch x := r.IntN(40); {
			case x == 0: // one word, very often: a spike
				w := tieWords[r.IntN(len(tieWords))]
				for range 20 + r.IntN(30) {
					words = append(words, w)
				}
			case x == 1: // every word once, in a long chunk
				for range 4 {
					words = append(words, tieWords...)
				}
			case x < 8 && d%5 == 0: // runs without the common words
				words = []string{tieWords[7+r.IntN(3)], tieWords[7+r.IntN(3)], tieWords[7+r.IntN(3)]}
			default:
				words = []string{tieWords[r.IntN(3)], tieWords[r.IntN(5)], tieWords[r.IntN(len(tieWords))]}
			}
			b.WriteString(strings.Join(words, " "))
			b.WriteString(".\n\n")
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("s%03d.txt", d)), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// prunedStats runs x's pruned search as searchPruned does and returns its
// work counts.
func prunedStats(t testing.TB, x *lexicalIndex, q lexicon.Query, k int) pruneStats {
	t.Helper()
	p := newPlan()
	if err := p.build(x, q); err != nil {
		t.Fatal(err)
	}
	if len(p.concepts) == 0 {
		return pruneStats{}
	}
	p.run(x.lengthNorms(), newTopK(k), !x.noBlocks)
	return p.stats
}

// TestBlockBoundsMatchExhaustive holds the pruned search with block
// bounds of several sizes (1 posting, a few, the default) to exhaustive
// scoring on the tie corpus and on one with spikes, and checks that
// windows were skipped whole, so the block bounds were put to work.
func TestBlockBoundsMatchExhaustive(t *testing.T) {
	t.Parallel()
	lex := testLexicon(t)
	r := rand.New(rand.NewPCG(14, 7))
	for _, tc := range []struct {
		name   string
		corpus string
	}{
		{"ties", adversarialCorpus(t, r, 150)},
		{"spikes", spikeCorpus(t, r, 300)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ix, _ := mustBuild(t, buildOpts(t, tc.corpus, t.TempDir(), NewLocalEmbedder(), lex))
			terms := vocabulary(ix)
			general := generalPath(ix)
			for _, size := range []int{1, 2, 5, 0} {
				x := prunedLex(ix, size)
				skipped := 0
				for i := range 400 {
					q := randomQuery(r, terms)
					k := []int{1, 2, 3, 8, fusionDepth}[i%5]
					samePrunedLex(t, x, general, q, k, fmt.Sprintf("block size %d, random query %d %v", size, i, q.Concepts))
					skipped += prunedStats(t, x, q, k).skipped
				}
				if size > 0 && size < 5 && skipped == 0 {
					t.Errorf("block size %d: no window was skipped", size)
				}
			}
		})
	}
}

// TestTermBlockBounds checks each term's block bounds against its
// postings: a block's bound is the best value of its postings, its last
// chunk its last posting's, and the term's bound the best block's.
func TestTermBlockBounds(t *testing.T) {
	t.Parallel()
	ix, _ := mustBuild(t, buildOpts(t, spikeCorpus(t, rand.New(rand.NewPCG(14, 8)), 120), t.TempDir(), NewLocalEmbedder(), testLexicon(t)))
	for _, size := range []int{1, 3, 0} {
		x := prunedLex(ix, size)
		want := size
		if want == 0 {
			want = blockSize
		}
		norms := x.lengthNorms()
		for id := range uint32(ix.v.nVocab) {
			plist, err := x.v.termPostings(id)
			if err != nil {
				t.Fatal(err)
			}
			if len(plist) == 0 {
				continue
			}
			idf := float32(x.IDF(x.v.term(id)))
			for pass := range 2 { // computed, then remembered
				m, blocks := x.termBoundsOf(id, plist, idf)
				if len(blocks) != (len(plist)+want-1)/want {
					t.Fatalf("size %d term %d pass %d: %d blocks for %d postings", size, id, pass, len(blocks), len(plist))
				}
				best := float32(0)
				for bi, b := range blocks {
					part := plist[bi*want : min((bi+1)*want, len(plist))]
					bm := float32(0)
					for _, p := range part {
						tf := float32(p.tf)
						bm = max(bm, idf*tf*(bm25K1+1)/(tf+norms[p.chunk]))
					}
					if b.max != bm || b.last != part[len(part)-1].chunk {
						t.Fatalf("size %d term %d block %d: %+v, want max %v last %d", size, id, bi, b, bm, part[len(part)-1].chunk)
					}
					best = max(best, bm)
				}
				if m != best {
					t.Fatalf("size %d term %d: bound %v, best block %v", size, id, m, best)
				}
			}
		}
	}
}

// TestPrunedSegmented holds the pruned search, with and without small
// blocks, to exhaustive scoring on an index made of a base and delta
// segments, whose postings are merged per term.
func TestPrunedSegmented(t *testing.T) {
	t.Parallel()
	dir, g := segmentCorpus(t, 120)
	lex := testLexicon(t)
	opts := buildOpts(t, dir, t.TempDir(), NewLocalEmbedder(), lex)
	opts.MergeAt = 1e9 // always write a delta
	mustBuild(t, opts)
	r := rand.New(rand.NewPCG(14, 9))
	sawChain := false
	for round, step := range segmentSteps(120) {
		step.change(t, dir, g, round+1)
		ix, _ := mustBuild(t, opts)
		sawChain = sawChain || ix.set.ch != nil
		terms := vocabulary(ix)
		general := generalPath(ix)
		for _, size := range []int{2, 0} {
			x := prunedLex(ix, size)
			for i := range 60 {
				q := randomQuery(r, terms)
				samePrunedLex(t, x, general, q, []int{1, 8, fusionDepth}[i%3], fmt.Sprintf("%s, block size %d, random query %d", step.name, size, i))
			}
			for _, qs := range chunkQuestions(ix, 20) {
				samePrunedLex(t, x, general, ix.lex.Analyze(qs), fusionDepth, fmt.Sprintf("%s, block size %d, %q", step.name, size, qs))
			}
		}
	}
	if !sawChain {
		t.Error("no update was written as a delta")
	}
}
