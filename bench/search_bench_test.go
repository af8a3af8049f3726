package bench

import (
	"context"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/retrieval"
)

// depth is how many candidates each ranking hands to fusion; vector
// baselines are asked for as many.
const depth = 50

// BenchmarkSearch times one question against indexes of 1k, 10k and 100k
// chunks: Kabar's three rankings end to end (analysis, search, fusion,
// folding of duplicates), Kabar's exact vector scan alone, and the two
// baselines over the same vectors. Each op is one question; the questions
// cycle through 500 generated ones.
func BenchmarkSearch(b *testing.B) {
	for _, size := range chunkSizes() {
		b.Run("chunks="+sizeName(size), func(b *testing.B) {
			fx := loadFixture(b, size)
			ctx := context.Background()
			fl := newFloor(b, fx.ix)
			qvecs, err := retrieval.NewLocalEmbedder().Embed(ctx, fx.questions)
			if err != nil {
				b.Fatal(err)
			}
			for _, r := range []retrieval.Ranking{retrieval.RankLexical, retrieval.RankVector, retrieval.RankHybrid} {
				name := map[retrieval.Ranking]string{retrieval.RankLexical: "lexical", retrieval.RankVector: "vector", retrieval.RankHybrid: "fused"}[r]
				b.Run(name, func(b *testing.B) {
					perQuestion(b, fx, func(i int) error {
						_, err := fx.ix.SearchText(ctx, fx.questions[i], 8, r)
						return err
					})
				})
			}
			b.Run("vector-scan", func(b *testing.B) {
				perQuestion(b, fx, func(i int) error {
					_, err := fx.ix.QueryVector(ctx, fx.questions[i], depth)
					return err
				})
			})
			b.Run("chromem-query", func(b *testing.B) {
				perQuestion(b, fx, func(i int) error {
					_, err := fx.ix.Store().Query(ctx, fx.questions[i], depth, nil, nil)
					return err
				})
			})
			b.Run("chromem-embedding", func(b *testing.B) {
				perQuestion(b, fx, func(i int) error {
					_, err := fx.ix.Store().QueryEmbedding(ctx, qvecs[i], depth, nil, nil)
					return err
				})
			})
			b.Run("floor", func(b *testing.B) {
				perQuestion(b, fx, func(i int) error {
					fl.search(qvecs[i], depth)
					return nil
				})
			})
		})
	}
}

// perQuestion runs op once per benchmark iteration on the next question
// and reports latency percentiles.
func perQuestion(b *testing.B, fx *fixture, op func(i int) error) {
	b.ReportAllocs()
	lat := make(latencies, 0, b.N)
	i := 0
	for b.Loop() {
		var err error
		lat.time(func() { err = op(i % len(fx.questions)) })
		if err != nil {
			b.Fatal(err)
		}
		i++
	}
	lat.report(b)
}

// BenchmarkVectorRatio runs, for each question, Kabar's exact vector
// search, chromem-go's Query and the floor back to back, and reports their
// times and ratios. Interleaving keeps the ratios honest on a machine
// whose load changes while the benchmark runs.
func BenchmarkVectorRatio(b *testing.B) {
	for _, size := range chunkSizes() {
		b.Run("chunks="+sizeName(size), func(b *testing.B) {
			fx := loadFixture(b, size)
			ctx := context.Background()
			fl := newFloor(b, fx.ix)
			emb := retrieval.NewLocalEmbedder()
			var kabar, chromem, flo time.Duration
			i := 0
			for b.Loop() {
				q := fx.questions[i%len(fx.questions)]
				i++
				start := time.Now()
				if _, err := fx.ix.QueryVector(ctx, q, depth); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if _, err := fx.ix.Store().Query(ctx, q, depth, nil, nil); err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				// The floor embeds the question too, like the other two.
				v, err := emb.Embed(ctx, []string{q})
				if err != nil {
					b.Fatal(err)
				}
				fl.search(v[0], depth)
				t3 := time.Now()
				kabar += t1.Sub(start)
				chromem += t2.Sub(t1)
				flo += t3.Sub(t2)
			}
			n := float64(i)
			b.ReportMetric(ms(kabar)/n, "kabar-ms")
			b.ReportMetric(ms(chromem)/n, "chromem-ms")
			b.ReportMetric(ms(flo)/n, "floor-ms")
			b.ReportMetric(float64(kabar)/float64(flo), "x-floor")
			b.ReportMetric(float64(kabar)/float64(chromem), "x-chromem")
		})
	}
}
