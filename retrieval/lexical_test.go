package retrieval

import (
	"slices"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/lexicon"
)

// TestSingleTermPathScoresAlike checks the one-word, one-term fast path of
// the BM25 search against the general path: the same chunks, in the same
// order, with bit-identical scores, on questions made from the index's own
// chunks and on single words (which take the fast path most).
func TestSingleTermPathScoresAlike(t *testing.T) {
	t.Parallel()
	corpus, _ := seedCorpus(t)
	opts := buildOpts(t, corpus, t.TempDir(), NewLocalEmbedder(), testLexicon(t))
	ix, _ := mustBuild(t, opts)
	singleTermAlike(t, ix, 120)
}

// TestSingleTermPathScoresAlikeAtScale does the same on the bench
// package's cached 10k-chunk index, when there is one.
func TestSingleTermPathScoresAlikeAtScale(t *testing.T) {
	t.Parallel()
	singleTermAlike(t, benchIndex(t, 774), 300)
}

func singleTermAlike(t *testing.T, ix *Index, n int) {
	t.Helper()
	general := newLexical(ix.v)
	general.noFastPath = true
	qs := append(chunkQuestions(ix, n), "Korea Utara", "Wonsan", "Kim Jong Un", "insinyur", "rudal balistik", "Lavrov", "the minister said")
	for i := range 60 {
		if words := ix.Chunk((i * 104729) % ix.NumChunks()).Text; len(words) > 0 {
			qs = append(qs, firstWord(words))
		}
	}
	fast := 0
	for _, q := range qs {
		lq := ix.lex.Analyze(q)
		for _, c := range lq.Concepts {
			if len(c.Alts) == 1 && len(c.Alts[0]) == 1 && len(c.Alts[0][0]) == 1 {
				fast++
			}
		}
		for _, k := range []int{1, 8, fusionDepth} {
			got, err := ix.lexical.search(lq, k)
			if err != nil {
				t.Fatal(err)
			}
			want, err := general.search(lq, k)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%q k=%d: fast path %v, general path %v", q, k, head(got), head(want))
			}
		}
	}
	if fast == 0 {
		t.Fatal("no question took the fast path")
	}
}

func firstWord(s string) string {
	for i, r := range s {
		if r == ' ' || r == '\n' {
			return s[:i]
		}
	}
	return s
}

// BenchmarkLexicalPaths times, per question, the BM25 search with the
// single-term fast path and without it, interleaved (the order alternates
// per question), on the bench package's cached indexes of 100k chunks and,
// when it is cached, 1M; it reports each one's median and p99 and the
// median of the per-question ratios.
func BenchmarkLexicalPaths(b *testing.B) {
	atScale(b, func(b *testing.B, ix *Index, articles int) {
		general := newLexical(ix.v)
		general.noFastPath = true
		qs := chunkQuestions(ix, 500)
		lqs := make([]lexicon.Query, len(qs))
		for i, q := range qs {
			lqs[i] = ix.lex.Analyze(q)
		}
		var fastT, genT, ratio []float64
		n := 0
		for b.Loop() {
			lq := lqs[n%len(lqs)]
			run := func(x *lexicalIndex) float64 {
				t0 := time.Now()
				if _, err := x.search(lq, fusionDepth); err != nil {
					b.Fatal(err)
				}
				return float64(time.Since(t0)) / 1e6
			}
			var f, g float64
			if n%2 == 0 {
				f, g = run(ix.lexical), run(general)
			} else {
				g, f = run(general), run(ix.lexical)
			}
			fastT, genT, ratio = append(fastT, f), append(genT, g), append(ratio, f/g)
			n++
		}
		q := func(v []float64, p float64) float64 {
			s := slices.Clone(v)
			slices.Sort(s)
			return s[min(len(s)-1, int(p*float64(len(s))))]
		}
		b.ReportMetric(q(fastT, 0.5), "fast-p50-ms")
		b.ReportMetric(q(fastT, 0.99), "fast-p99-ms")
		b.ReportMetric(q(genT, 0.5), "general-p50-ms")
		b.ReportMetric(q(genT, 0.99), "general-p99-ms")
		b.ReportMetric(q(ratio, 0.5), "fast/general")
	})
}
