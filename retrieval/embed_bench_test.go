package retrieval

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkLocalEmbedderVsReference times the embedder and the reference
// (embedInto before issue 14) on each seed paragraph, alternating which
// runs first, and reports the median over rounds of new/ref time.
func BenchmarkLocalEmbedderVsReference(b *testing.B) {
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("seed articles: %v (%d files)", err, len(files))
	}
	var paras []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range strings.Split(string(raw), "\n\n") {
			if strings.TrimSpace(p) != "" {
				paras = append(paras, p)
			}
		}
	}
	e := NewLocalEmbedder()
	ctx := context.Background()
	ref, fc := make([]float32, e.dim), newFeatureCounts()
	runRef := func(p string) time.Duration {
		start := time.Now()
		clear(ref)
		refEmbedInto(e, ref, p, fc)
		return time.Since(start)
	}
	runNew := func(p string) time.Duration {
		start := time.Now()
		if _, err := e.Embed(ctx, []string{p}); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	var ratios []float64
	round := 0
	for b.Loop() {
		var tr, tn time.Duration
		for i, p := range paras {
			if (round+i)%2 == 0 {
				tr += runRef(p)
				tn += runNew(p)
			} else {
				tn += runNew(p)
				tr += runRef(p)
			}
		}
		round++
		ratios = append(ratios, float64(tn)/float64(tr))
	}
	slices.Sort(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "new/ref")
}
