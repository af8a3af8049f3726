package bench

import (
	"context"
	"slices"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/kabar-bot/kabar/retrieval"
)

// depth is how many candidates each ranking hands to fusion; vector
// baselines are asked for as many.
const depth = 50

// BenchmarkSearch times one question against indexes of 1k, 10k and 100k
// chunks (and 1M with -bench.million): Kabar's three rankings end to end (analysis, search, fusion,
// folding of duplicates), Kabar's exact vector scan alone, the two
// chromem-go queries over the same vectors, the independent scalar scan
// and the bandwidth floor. Each op is one question; the questions cycle
// through 500 generated ones. The variants run one after another, so
// their ratios belong to BenchmarkVectorRatio, which interleaves them.
func BenchmarkSearch(b *testing.B) {
	for _, size := range vectorSizes() {
		b.Run("chunks="+sizeName(size), func(b *testing.B) {
			fx := loadFixture(b, size)
			ctx := context.Background()
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
			dst := make([]int, 0, depth)
			b.Run("vector-scan-embedded", func(b *testing.B) {
				perQuestion(b, fx, func(i int) error {
					dst = fx.ix.NearestVectors(dst[:0], qvecs[i], depth, 0)
					return nil
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
			sc := newScalarScan(b, fx.ix)
			b.Run("scalar-scan", func(b *testing.B) {
				perQuestion(b, fx, func(i int) error {
					sc.search(qvecs[i], depth)
					return nil
				})
			})
			sc = nil
			fl := newBandwidthFloor(fx.ix.VectorMatrix())
			defer fl.stop()
			b.Run("floor", func(b *testing.B) {
				perQuestion(b, fx, func(i int) error {
					fl.read()
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

// cpuTime is the CPU time the whole process has used, all threads.
func cpuTime(tb testing.TB) time.Duration {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_PROCESS_CPUTIME_ID, &ts); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ts.Nano())
}

// cost is one variant's wall and CPU time on one question.
type cost struct{ wall, cpu time.Duration }

// BenchmarkVectorRatio runs, for each question, every vector variant back
// to back, in an order that rotates from one question to the next, and
// reports the medians of their per-question times and of their
// per-question ratios, in wall time and in CPU time (the process's, all
// threads). Interleaving keeps the ratios honest on a machine whose load
// changes while the benchmark runs: a busy spell hits every variant of a
// question alike. Each op is one question; run it with -benchtime=Nx so
// every size gets enough questions.
//
// The variants:
//
//	floor        the bandwidth floor: a STREAM-like sum of the index's own
//	             vector matrix on all cores (bandwidthFloor)
//	floor1       the same floor on one core: floor1/floor is what a second
//	             core adds to the bandwidth, the most scan1/scan can show
//	scan         Kabar's exact scan of a pre-computed question vector, all
//	             cores (Index.NearestVectors)
//	scan1        the same on one core
//	scalar       the independent scalar scan, one core (scalarScan)
//	kabar        Kabar from the question's text: embed, then scan
//	             (Index.QueryVector)
//	chromem      chromem-go's Query from the same text
func BenchmarkVectorRatio(b *testing.B) {
	for _, size := range vectorSizes() {
		b.Run("chunks="+sizeName(size), func(b *testing.B) {
			fx := loadFixture(b, size)
			ctx := context.Background()
			qvecs, err := retrieval.NewLocalEmbedder().Embed(ctx, fx.questions)
			if err != nil {
				b.Fatal(err)
			}
			fl := newBandwidthFloor(fx.ix.VectorMatrix())
			defer fl.stop()
			dim, mat := fx.ix.VectorMatrix()
			fl1 := newBandwidthFloorOn(dim, mat, 1)
			defer fl1.stop()
			sc := newScalarScan(b, fx.ix)
			store := fx.ix.Store()
			dst := make([]int, 0, depth)
			names := []string{"floor", "floor1", "scan", "scan1", "scalar", "kabar", "chromem"}
			run := []func(i int){
				func(int) { fl.read() },
				func(int) { fl1.read() },
				func(i int) { dst = fx.ix.NearestVectors(dst[:0], qvecs[i], depth, 0) },
				func(i int) { dst = fx.ix.NearestVectors(dst[:0], qvecs[i], depth, 1) },
				func(i int) { sc.search(qvecs[i], depth) },
				func(i int) {
					if _, err := fx.ix.QueryVector(ctx, fx.questions[i], depth); err != nil {
						b.Fatal(err)
					}
				},
				func(i int) {
					if _, err := store.Query(ctx, fx.questions[i], depth, nil, nil); err != nil {
						b.Fatal(err)
					}
				},
			}
			costs := make([][]cost, len(run))
			n := 0
			for b.Loop() {
				q := n % len(fx.questions)
				for j := range run {
					v := (j + n) % len(run)
					w0, c0 := time.Now(), cpuTime(b)
					run[v](q)
					costs[v] = append(costs[v], cost{time.Since(w0), cpuTime(b) - c0})
				}
				n++
			}
			idx := func(name string) int { return slices.Index(names, name) }
			for v, name := range names {
				b.ReportMetric(ms(time.Duration(medianOf(costs[v], func(c cost) float64 { return float64(c.wall) }))), name+"-ms")
				b.ReportMetric(ms(time.Duration(medianOf(costs[v], func(c cost) float64 { return float64(c.cpu) }))), name+"-cpu-ms")
			}
			ratio := func(metric, num, den string) {
				a, d := costs[idx(num)], costs[idx(den)]
				wall := make([]float64, len(a))
				cpu := make([]float64, len(a))
				for i := range a {
					wall[i] = float64(a[i].wall) / float64(d[i].wall)
					cpu[i] = float64(a[i].cpu) / float64(max(d[i].cpu, 1))
				}
				b.ReportMetric(median(wall), metric)
				b.ReportMetric(median(cpu), metric+"-cpu")
			}
			ratio("scan/floor", "scan", "floor")
			ratio("scan1/scan", "scan1", "scan")
			ratio("floor1/floor", "floor1", "floor")
			ratio("scalar/scan", "scalar", "scan")
			ratio("chromem/kabar", "chromem", "kabar")
			fw := medianOf(costs[idx("floor")], func(c cost) float64 { return float64(c.wall) })
			b.ReportMetric(float64(fl.bytes())/fw, "floor-GB/s") // bytes per ns
			b.Logf("floor kernel %s; %d questions, %d chunks, %d MB of vectors", floorKernel, n, fx.ix.NumChunks(), fl.bytes()>>20)
		})
	}
}

func medianOf(cs []cost, f func(cost) float64) float64 {
	v := make([]float64, len(cs))
	for i, c := range cs {
		v[i] = f(c)
	}
	return median(v)
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
