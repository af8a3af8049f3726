package bench

import (
	"slices"
	"testing"
	"time"
)

// latencies collects per-operation times so a benchmark can report
// percentiles, which ns/op (a mean) hides.
type latencies []time.Duration

// time runs fn and records how long it took.
func (l *latencies) time(fn func()) {
	start := time.Now()
	fn()
	*l = append(*l, time.Since(start))
}

// report adds p50 and p99 in milliseconds to b's results.
func (l latencies) report(b *testing.B) {
	if len(l) == 0 {
		return
	}
	s := slices.Clone(l)
	slices.Sort(s)
	b.ReportMetric(ms(quantile(s, 0.50)), "p50-ms")
	b.ReportMetric(ms(quantile(s, 0.99)), "p99-ms")
}

// quantile is the nearest-rank quantile of sorted durations.
func quantile(sorted []time.Duration, q float64) time.Duration {
	i := int(q*float64(len(sorted))+0.999999) - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
