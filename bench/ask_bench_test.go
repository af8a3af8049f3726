package bench

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/kabar-bot/kabar/answer"
)

// BenchmarkAsk answers one question end to end offline, as `kabar ask`
// does once the index is loaded: analysis, fused retrieval and the
// extractive answer with its citations.
func BenchmarkAsk(b *testing.B) {
	for _, size := range chunkSizes() {
		b.Run("chunks="+sizeName(size), func(b *testing.B) {
			fx := loadFixture(b, size)
			svc := answer.NewService(fx.ix, answer.Options{}, nil, nil)
			ctx := context.Background()
			perQuestion(b, fx, func(i int) error {
				_, err := svc.Answer(ctx, answer.Query{Question: fx.questions[i]}, nil)
				return err
			})
		})
	}
}

// BenchmarkConcurrentAsk keeps 64 questions in flight at once against one
// index, as a busy Discord server would, and reports answers per second.
func BenchmarkConcurrentAsk(b *testing.B) {
	const clients = 64
	for _, size := range chunkSizes() {
		b.Run("chunks="+sizeName(size)+"/clients=64", func(b *testing.B) {
			fx := loadFixture(b, size)
			svc := answer.NewService(fx.ix, answer.Options{}, nil, nil)
			ctx := context.Background()
			var next atomic.Int64
			b.SetParallelism((clients + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					q := fx.questions[int(next.Add(1))%len(fx.questions)]
					if _, err := svc.Answer(ctx, answer.Query{Question: q}, nil); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "answers/s")
		})
	}
}
