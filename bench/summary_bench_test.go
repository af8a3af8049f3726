package bench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/bench/synth"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// loadArticles returns a loaded index of the seed's first n articles,
// built and cached under cacheRoot the first time.
func loadArticles(tb testing.TB, n int) *fixture {
	tb.Helper()
	ctx := context.Background()
	lex, err := lexicon.New()
	if err != nil {
		tb.Fatal(err)
	}
	corpus, err := synth.Cached(ctx, seed, n)
	if err != nil {
		tb.Fatal(err)
	}
	data := filepath.Join(cacheRoot(), fmt.Sprintf("index-s%d-n%d", seed, n))
	opts := retrieval.Options{
		Corpus: os.DirFS(corpus), CorpusName: corpus, DataDir: data,
		Embedder: retrieval.NewLocalEmbedder(), Lexicon: lex,
	}
	ix, _, err := retrieval.Build(ctx, opts)
	if errors.Is(err, retrieval.ErrCorruptIndex) || errors.Is(err, retrieval.ErrEmbedderMismatch) {
		opts.Rebuild = true
		ix, _, err = retrieval.Build(ctx, opts)
	}
	if err != nil {
		tb.Fatal(err)
	}
	g := synth.New(seed)
	return &fixture{ix: ix, lex: lex, gen: g, articles: n, corpusDir: corpus, dataDir: data, questions: g.Questions(500, n)}
}

// BenchmarkSummaryVsAnswer runs, back to back in each iteration, one
// offline answer and one whole-coverage story (what /summary shows) on
// the same index, and reports both times and their ratio. The story's
// timeline is built once per index generation (reported as
// build-ms, outside the loop) and shared by every story after it.
// Interleaving keeps the ratio honest on a machine whose load changes.
func BenchmarkSummaryVsAnswer(b *testing.B) {
	sizes := []int{1_000, 10_000}
	for _, n := range sizes {
		b.Run("articles="+sizeName(n), func(b *testing.B) {
			fx := loadArticles(b, n)
			ctx := context.Background()
			svc := answer.NewService(fx.ix, answer.Options{}, nil, nil)
			st := answer.NewStoryteller(fx.ix)
			t0 := time.Now()
			st.Timeline()
			build := time.Since(t0)
			t0 = time.Now()
			if _, err := st.Story(ctx, answer.StoryOptions{Lang: "en"}); err != nil {
				b.Fatal(err)
			}
			first := time.Since(t0)
			var ans, story, storyID time.Duration
			i := 0
			b.ReportAllocs()
			for b.Loop() {
				q := fx.questions[i%len(fx.questions)]
				i++
				t := time.Now()
				if _, err := svc.Answer(ctx, answer.Query{Question: q}, nil); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if _, err := st.Story(ctx, answer.StoryOptions{Lang: "en"}); err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				if _, err := st.Story(ctx, answer.StoryOptions{Lang: "id"}); err != nil {
					b.Fatal(err)
				}
				t3 := time.Now()
				ans += t1.Sub(t)
				story += t2.Sub(t1)
				storyID += t3.Sub(t2)
			}
			k := float64(i)
			b.ReportMetric(float64(ans.Microseconds())/k/1000, "answer-ms")
			b.ReportMetric(float64(story.Microseconds())/k/1000, "summary-ms")
			b.ReportMetric(float64(storyID.Microseconds())/k/1000, "summary-id-ms")
			b.ReportMetric(float64(story)/float64(ans), "summary/answer")
			b.ReportMetric(float64(build.Milliseconds()), "build-ms")
			b.ReportMetric(float64(first.Microseconds())/1000, "first-summary-ms")
		})
	}
}
