package bench

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

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
	n := 10_000
	if testing.Short() {
		n = 1_000
	}
	ctx := context.Background()
	lex, err := lexicon.New()
	if err != nil {
		b.Fatal(err)
	}
	g := synth.New(seed)
	corpus := filepath.Join(b.TempDir(), "corpus")
	if err := g.Write(ctx, corpus, n, nil); err != nil {
		b.Fatal(err)
	}
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
