package retrieval

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// dedupeSets is the folding as it was first written, with one hash set per
// chunk: the reference dedupe must equal.
func (ix *Index) dedupeSets(ranked []scored, k int) []Hit {
	var hits []Hit
	var sets []map[uint32]bool
	perDoc := map[string]int{}
	var deferred []scored
	keep := func(s scored) bool {
		set := map[uint32]bool{}
		for _, t := range ix.v.chunkTerms(s.idx) {
			set[t] = true
		}
		for h := range sets {
			inter := 0
			for t := range set {
				if sets[h][t] {
					inter++
				}
			}
			if len(set) > 0 && len(sets[h]) > 0 && float64(inter)/float64(len(set)+len(sets[h])-inter) >= duplicateJaccard {
				hits[h].Duplicates = append(hits[h].Duplicates, ix.Chunk(s.idx))
				return false
			}
		}
		if len(hits) == k {
			return false
		}
		hits = append(hits, Hit{Chunk: ix.Chunk(s.idx), Score: float64(s.score)})
		sets = append(sets, set)
		return true
	}
	for _, s := range ranked {
		if perDoc[ix.Chunk(s.idx).DocID] >= maxPerDoc {
			deferred = append(deferred, s)
			continue
		}
		if keep(s) {
			perDoc[ix.Chunk(s.idx).DocID]++
		}
	}
	for _, s := range deferred {
		keep(s)
	}
	return hits
}

func sameHits(a, b []Hit) bool {
	return slices.EqualFunc(a, b, func(x, y Hit) bool {
		return x.Chunk.ID == y.Chunk.ID && x.Score == y.Score &&
			slices.EqualFunc(x.Duplicates, y.Duplicates, func(c, d Chunk) bool { return c.ID == d.ID })
	})
}

// foldingCases runs dedupe and the reference on real rankings and on random
// orders of the index's chunks (which pair many more chunks), k 1 to 12.
func foldingCases(t *testing.T, ix *Index, questions []string, randomRuns int) (checked, folded int) {
	t.Helper()
	ctx := context.Background()
	check := func(what string, ranked []scored, k int) {
		got, want := ix.dedupe(ranked, k), ix.dedupeSets(ranked, k)
		if !sameHits(got, want) {
			t.Fatalf("%s k=%d: folding differs from the reference", what, k)
		}
		checked++
		for _, h := range got {
			folded += len(h.Duplicates)
		}
	}
	for _, q := range questions {
		lq := ix.lex.Analyze(q)
		lexical, _ := ix.lexical.search(lq, fusionDepth)
		vs, err := ix.vectorSearch(ctx, lq.Expansion(), fusionDepth)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []int{1, 3, 8} {
			check(q+" lexical", lexical, k)
			check(q+" fused", fuse(lexical, vs), k)
		}
	}
	r := rand.New(rand.NewPCG(9, 10))
	for range randomRuns {
		perm := r.Perm(ix.NumChunks())[:min(ix.NumChunks(), 150)]
		ranked := make([]scored, len(perm))
		for i, p := range perm {
			ranked[i] = scored{idx: p, score: float32(len(perm) - i)}
		}
		check("random order", ranked, []int{1 + r.IntN(12), 1 + r.IntN(12), 65 + r.IntN(10)}[r.IntN(3)])
	}
	return checked, folded
}

// TestFoldingMatchesSets holds the sorted-array folding to the hash-set
// one on the seed articles (five reports of the same talks, so they repeat
// each other), including chunks folded into a hit as duplicates.
func TestFoldingMatchesSets(t *testing.T) {
	corpus, _ := seedCorpus(t)
	ix, _ := mustBuild(t, buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t)))
	// Duplicate two chunks' term lists' effect: fold needs real repeats.
	questions := []string{
		"How many engineers did North Korea promise?", "Berapa tentara Korea Utara yang tewas?",
		"Who did Lavrov meet in Wonsan?", "Kursk", "Kim Jong Un Lavrov Rusia", "rekonstruksi insinyur",
	}
	checked, folded := foldingCases(t, ix, questions, 300)
	if folded == 0 {
		t.Fatalf("%d cases checked but nothing folded: the test exercises nothing", checked)
	}
	t.Logf("%d cases, %d chunks folded", checked, folded)
}

// benchIndex opens the index the bench package caches for about chunks
// chunks, or skips.
func benchIndex(tb testing.TB, articles int) *Index {
	dir := filepath.Join(os.TempDir(), "kabar-bench", "index-s1-n"+strconv.Itoa(articles))
	if _, err := os.Stat(dir); err != nil {
		tb.Skipf("no cached bench index at %s (run the bench package's benchmarks first)", dir)
	}
	ix, err := Open(context.Background(), Options{DataDir: dir, Embedder: NewLocalEmbedder(), Lexicon: testLexicon(tb)})
	if err != nil {
		tb.Skip(err)
	}
	return ix
}

// benchArticles is the number of the bench package's generated articles
// that make about chunks chunks, as that package remembered it in its
// cache (articles-for-chunks-s1-cN; the count moves when the chunker
// changes); without the memo there is no cached index to use and the
// caller is skipped.
func benchArticles(tb testing.TB, chunks int) int {
	b, err := os.ReadFile(filepath.Join(os.TempDir(), "kabar-bench", "articles-for-chunks-s1-c"+strconv.Itoa(chunks)))
	if err != nil {
		tb.Skipf("no cached bench corpus of %d chunks (run the bench package's benchmarks first)", chunks)
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		tb.Skipf("unreadable bench memo for %d chunks: %v", chunks, err)
	}
	return n
}

// atScale runs bench once per cached at-scale index of the bench package
// (100k and 1M chunks, as sub-benchmarks chunks=100k and chunks=1M) with
// the index and its article count; a size not cached is skipped.
func atScale(b *testing.B, bench func(b *testing.B, ix *Index, articles int)) {
	for _, size := range []struct {
		name   string
		chunks int
	}{{"100k", 100_000}, {"1M", 1_000_000}} {
		b.Run("chunks="+size.name, func(b *testing.B) {
			articles := benchArticles(b, size.chunks)
			bench(b, benchIndex(b, articles), articles)
		})
	}
}

// chunkQuestions makes n questions from the first words of evenly spaced
// chunks.
func chunkQuestions(ix *Index, n int) []string {
	var qs []string
	for i := 0; i < n; i++ {
		words := strings.Fields(ix.Chunk((i * 7919) % ix.NumChunks()).Text)
		qs = append(qs, strings.Join(words[:min(len(words), 3+i%6)], " "))
	}
	return qs
}

// BenchmarkFolding measures what folding near-duplicates costs within a
// lexical query at 10k and 100k chunks (the bench package's cached
// indexes): for each question, the analysis and BM25 search, then the
// hash-set folding and Kabar's folding of its ranking, interleaved. It
// reports the medians of each and of the folding's share of the whole
// query (analysis + search + folding), per question.
func BenchmarkFolding(b *testing.B) {
	for _, n := range []struct {
		name   string
		chunks int
	}{{"10k", 10_000}, {"100k", 100_000}} {
		b.Run("chunks="+n.name, func(b *testing.B) {
			ix := benchIndex(b, benchArticles(b, n.chunks))
			qs := chunkQuestions(ix, 500)
			var search, sets, arrays []time.Duration
			i := 0
			for b.Loop() {
				ta := time.Now()
				lq := ix.lex.Analyze(qs[i%len(qs)])
				ranked, _ := ix.lexical.search(lq, fusionDepth)
				t1 := time.Now()
				ix.dedupeSets(ranked, 8)
				t2 := time.Now()
				ix.dedupe(ranked, 8)
				t3 := time.Now()
				// A lexical query (SearchText) is analysis, search and folding.
				search, sets, arrays = append(search, t1.Sub(ta)), append(sets, t2.Sub(t1)), append(arrays, t3.Sub(t2))
				i++
			}
			share := func(f []time.Duration) float64 {
				r := make([]float64, len(f))
				for j := range f {
					r[j] = float64(f[j]) / float64(f[j]+search[j])
				}
				slices.Sort(r)
				return r[len(r)/2]
			}
			med := func(d []time.Duration) float64 {
				s := slices.Clone(d)
				slices.Sort(s)
				return float64(s[len(s)/2]) / 1e6
			}
			b.ReportMetric(med(search), "analyse+search-ms")
			b.ReportMetric(med(sets), "fold-sets-ms")
			b.ReportMetric(med(arrays), "fold-ms")
			b.ReportMetric(share(sets), "fold-sets-share")
			b.ReportMetric(share(arrays), "fold-share")
		})
	}
}

// TestFoldingMatchesSetsAtScale repeats the check on the bench package's
// cached 10k-chunk index when it exists.
func TestFoldingMatchesSetsAtScale(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	ix := benchIndex(t, 774)
	checked, folded := foldingCases(t, ix, chunkQuestions(ix, 200), 200)
	t.Logf("%d cases, %d chunks folded", checked, folded)
}
