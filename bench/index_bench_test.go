package bench

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/bench/synth"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// articleSizes are the corpus sizes the indexing benchmarks run at; -short
// stops at 1k.
func articleSizes() []int {
	if testing.Short() {
		return []int{1_000}
	}
	return []int{1_000, 10_000}
}

// BenchmarkIndexBuild indexes a corpus from scratch with the offline
// embedder, as `kabar index --rebuild` does: read, parse, segment, chunk,
// analyse, embed, persist and load. MB/s counts article bytes.
func BenchmarkIndexBuild(b *testing.B) {
	for _, n := range articleSizes() {
		b.Run("articles="+sizeName(n), func(b *testing.B) {
			ctx := context.Background()
			corpus, err := synth.Cached(ctx, seed, n)
			if err != nil {
				b.Fatal(err)
			}
			lex, err := lexicon.New()
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(corpusBytes(b, corpus))
			b.ReportAllocs()
			var st retrieval.Stats
			for b.Loop() {
				b.StopTimer()
				data := b.TempDir()
				b.StartTimer()
				_, st, err = retrieval.Build(ctx, retrieval.Options{
					Corpus: os.DirFS(corpus), CorpusName: corpus, DataDir: data,
					Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex, Rebuild: true,
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			if st.Documents != n {
				b.Fatalf("indexed %d documents, want %d", st.Documents, n)
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(st.Chunks), "chunks")
		})
	}
}

// BenchmarkReindex re-runs indexing after a share of a 10k-article corpus
// changed (each changed article gains an update paragraph), as `kabar
// index` does on a schedule. changed=0 is the fixed cost: walking and
// stat-ing the corpus, rewriting nothing.
func BenchmarkReindex(b *testing.B) {
	ctx := context.Background()
	n, lex, g, corpus := reindexCorpus(ctx, b)
	opts := retrieval.Options{
		Corpus: os.DirFS(corpus), CorpusName: corpus, DataDir: b.TempDir(),
		Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex,
	}
	if _, _, err := retrieval.Build(ctx, opts); err != nil {
		b.Fatal(err)
	}
	round := 0
	for _, share := range []float64{0, 0.001, 0.01, 0.1} {
		b.Run(fmt.Sprintf("articles=%s/changed=%g%%", sizeName(n), share*100), func(b *testing.B) {
			var st retrieval.Stats
			var err error
			b.ReportAllocs()
			for b.Loop() {
				if share > 0 {
					b.StopTimer()
					round++
					if _, err := g.Mutate(corpus, n, share, round); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				_, st, err = retrieval.Build(ctx, opts)
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(st.Changed), "changed")
			b.ReportMetric(float64(st.Embedded), "embedded-chunks")
		})
	}
}

// corpusBytes sums the sizes of the files under dir.
func corpusBytes(tb testing.TB, dir string) int64 {
	tb.Helper()
	var total int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		total += info.Size()
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return total
}

// BenchmarkReindexSegments re-indexes a corpus (10k articles; 1k with
// -short) after one article changed and after nothing changed, next to
// the same one-article change written as a whole new base (MergeAt < 0:
// what every update did before segments) and a from-scratch rebuild
// (`kabar index --rebuild`). Each iteration changes one article and runs
// all four, interleaved, so a busy machine slows them alike; reported are
// each variant's median wall time and the median of the per-iteration
// ratios to the whole-base rewrite, plus the bytes each 1-changed run
// allocated. The segmented index is updated through deltas and merges as
// `kabar index` would (default policy).
func BenchmarkReindexSegments(b *testing.B) {
	ctx := context.Background()
	n, lex, g, corpus := reindexCorpus(ctx, b)
	opts := func(data string) retrieval.Options {
		return retrieval.Options{Corpus: os.DirFS(corpus), CorpusName: corpus, DataDir: data,
			Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex}
	}
	seg, rewrite, fresh := opts(b.TempDir()), opts(b.TempDir()), opts(b.TempDir())
	rewrite.MergeAt = -1
	fresh.Rebuild = true
	for _, o := range []retrieval.Options{seg, rewrite} {
		if _, _, err := retrieval.Build(ctx, o); err != nil {
			b.Fatal(err)
		}
	}
	type variant struct {
		name    string
		opts    retrieval.Options
		changed bool // runs right after the article changed
		times   latencies
		alloc   []float64
	}
	vs := []*variant{
		{name: "segments-1changed", opts: seg, changed: true},
		{name: "segments-nochange", opts: seg},
		{name: "rewrite-1changed", opts: rewrite, changed: true},
		{name: "rebuild", opts: fresh},
	}
	run := func(v *variant) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		var st retrieval.Stats
		var err error
		v.times.time(func() {
			_, st, err = retrieval.Build(ctx, v.opts)
		})
		runtime.ReadMemStats(&after)
		if err != nil {
			b.Fatal(err)
		}
		if v.changed && st.Changed != 1 || !v.changed && !v.opts.Rebuild && st.Saved {
			b.Fatalf("%s: %+v", v.name, st)
		}
		v.alloc = append(v.alloc, float64(after.TotalAlloc-before.TotalAlloc)/(1<<20))
	}
	round := 0
	for b.Loop() {
		round++
		if _, err := g.Mutate(corpus, n, 0, round); err != nil { // one article
			b.Fatal(err)
		}
		// The two 1-changed runs alternate which goes first.
		if round%2 == 0 {
			run(vs[0])
			run(vs[2])
		} else {
			run(vs[2])
			run(vs[0])
		}
		run(vs[1])
		run(vs[3])
	}
	base := vs[2].times
	for _, v := range vs {
		s := slices.Clone(v.times)
		slices.Sort(s)
		b.ReportMetric(ms(quantile(s, 0.5)), v.name+"-ms")
		ratios := make([]float64, len(v.times))
		for i := range v.times {
			ratios[i] = float64(v.times[i]) / float64(base[i])
		}
		slices.Sort(ratios)
		if v != vs[2] {
			b.ReportMetric(ratios[len(ratios)/2], v.name+"/rewrite")
		}
		if v.changed {
			a := slices.Clone(v.alloc)
			slices.Sort(a)
			b.ReportMetric(a[len(a)/2], v.name+"-alloc-MB")
		}
	}
}

// BenchmarkSegmentedSearch measures what searching an index with deltas
// costs against the same corpus in one file: a 10k-article index (1k with
// -short) updated by five runs of 1% changed articles (kept as deltas and
// dead rows, the default policy), and a fresh build of the same corpus.
// Each question is asked of both, interleaved; reported are the median
// per-question ratios, segmented ÷ single file, lexical and vector.
func BenchmarkSegmentedSearch(b *testing.B) {
	ctx := context.Background()
	n, lex, g, corpus := reindexCorpus(ctx, b)
	o := retrieval.Options{Corpus: os.DirFS(corpus), CorpusName: corpus, DataDir: b.TempDir(),
		Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex}
	if _, _, err := retrieval.Build(ctx, o); err != nil {
		b.Fatal(err)
	}
	for round := 1; round <= 5; round++ {
		if _, err := g.Mutate(corpus, n, 0.01, round); err != nil {
			b.Fatal(err)
		}
		if _, _, err := retrieval.Build(ctx, o); err != nil {
			b.Fatal(err)
		}
	}
	seg, err := retrieval.Open(ctx, o)
	if err != nil {
		b.Fatal(err)
	}
	single := o
	single.DataDir = b.TempDir()
	full, _, err := retrieval.Build(ctx, single)
	if err != nil {
		b.Fatal(err)
	}
	qs := g.Questions(200, n)
	rankings := []retrieval.Ranking{retrieval.RankLexical, retrieval.RankVector}
	ratios := make([][]float64, len(rankings))
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)]
		i++
		for r, rk := range rankings {
			var took [2]time.Duration
			for k := range 2 {
				ix := [2]*retrieval.Index{seg, full}[(k+i)%2] // alternate which goes first
				start := time.Now()
				if _, err := ix.SearchText(ctx, q, 8, rk); err != nil {
					b.Fatal(err)
				}
				took[(k+i)%2] = time.Since(start)
			}
			ratios[r] = append(ratios[r], float64(took[0])/float64(max(took[1], 1)))
		}
	}
	for r, rk := range rankings {
		slices.Sort(ratios[r])
		b.ReportMetric(ratios[r][len(ratios[r])/2], rk.String()+"-segmented/single")
	}
}

// reindexCorpus writes the re-index benchmarks' synthetic corpus: 10k
// articles (1k with -short), and returns its size, the lexicon, the
// generator that changes its articles, and its folder.
func reindexCorpus(ctx context.Context, b *testing.B) (int, *lexicon.Lexicon, *synth.Generator, string) {
	b.Helper()
	n := 10_000
	if testing.Short() {
		n = 1_000
	}
	lex, err := lexicon.New()
	if err != nil {
		b.Fatal(err)
	}
	g := synth.New(seed)
	corpus := filepath.Join(b.TempDir(), "corpus")
	if err := g.Write(ctx, corpus, n, nil); err != nil {
		b.Fatal(err)
	}
	return n, lex, g, corpus
}
