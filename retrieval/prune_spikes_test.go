package retrieval

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// spikeCorpus writes docs articles whose chunks are mostly alike (the
// same few words, the same length), with, now and then, a short chunk of
// one word repeated many times (a single posting far above every other in
// its block), long chunks holding every word once, and runs of chunks
// without the common words: terms whose bound is far above their typical
// value, and stretches where a term is absent.
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

// TestPrunedSpikes holds the pruned search to exhaustive scoring on a
// corpus with spikes (a posting far above the rest of its term's).
func TestPrunedSpikes(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(14, 7))
	ix, _ := mustBuild(t, buildOpts(t, spikeCorpus(t, r, 300), t.TempDir(), NewLocalEmbedder(), testLexicon(t)))
	terms := vocabulary(ix)
	general := generalPath(ix)
	for _, qs := range chunkQuestions(ix, 60) {
		for _, k := range []int{1, 3, fusionDepth} {
			samePruned(t, ix, general, ix.lex.Analyze(qs), k, fmt.Sprintf("%q", qs))
		}
	}
	for i := range 800 {
		q := randomQuery(r, terms)
		samePruned(t, ix, general, q, []int{1, 2, 3, 8, fusionDepth}[i%5], fmt.Sprintf("random query %d %v", i, q.Concepts))
	}
}

// TestPrunedSegmented holds the pruned search to exhaustive scoring on an
// index made of a base and delta segments, whose postings are merged per
// term (and whose bounds are those of the merged lists).
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
		for i := range 120 {
			q := randomQuery(r, terms)
			samePruned(t, ix, general, q, []int{1, 8, fusionDepth}[i%3], fmt.Sprintf("%s, random query %d", step.name, i))
		}
		for _, qs := range chunkQuestions(ix, 20) {
			samePruned(t, ix, general, ix.lex.Analyze(qs), fusionDepth, fmt.Sprintf("%s, %q", step.name, qs))
		}
	}
	if !sawChain {
		t.Error("no update was written as a delta")
	}
}
