package bench

import (
	"context"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/answer"
)

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
