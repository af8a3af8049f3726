package lexicon

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// seedParagraphs are the seed articles split into paragraphs, about the
// size of the chunks the index analyses.
func seedParagraphs(b *testing.B) []string {
	b.Helper()
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
	return paras
}

// interleave times the reference and the current implementation on each
// of n inputs, alternating which runs first, and reports the median over
// rounds of current/reference time and each one's time per input.
func interleave(b *testing.B, n int, ref, cur func(i int)) {
	b.Helper()
	var ratios, refNs, curNs []float64
	round := 0
	for b.Loop() {
		var tr, tc time.Duration
		for i := range n {
			if (round+i)%2 == 0 {
				tr += timed(ref, i)
				tc += timed(cur, i)
			} else {
				tc += timed(cur, i)
				tr += timed(ref, i)
			}
		}
		round++
		ratios = append(ratios, float64(tc)/float64(tr))
		refNs = append(refNs, float64(tr)/float64(n))
		curNs = append(curNs, float64(tc)/float64(n))
	}
	b.ReportMetric(median(ratios), "new/ref")
	b.ReportMetric(median(refNs), "ref-ns/input")
	b.ReportMetric(median(curNs), "new-ns/input")
}

func timed(fn func(int), i int) time.Duration {
	start := time.Now()
	fn(i)
	return time.Since(start)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// BenchmarkTermsVsReference compares Terms with the reference (the code
// before issue 14) on the seed paragraphs, in the same run.
func BenchmarkTermsVsReference(b *testing.B) {
	l := newLexicon(b)
	paras := seedParagraphs(b)
	var sink int
	interleave(b, len(paras),
		func(i int) { sink += len(refTerms(l, paras[i], "id")) },
		func(i int) { sink += len(l.Terms(paras[i], "id")) })
	_ = sink
}

// BenchmarkTokenizeVsReference compares Tokenize with the reference.
func BenchmarkTokenizeVsReference(b *testing.B) {
	paras := seedParagraphs(b)
	var sink int
	interleave(b, len(paras),
		func(i int) { sink += len(refTokenize(paras[i])) },
		func(i int) { sink += len(Tokenize(paras[i])) })
	_ = sink
}

// BenchmarkStemIDVsReference compares StemID with the reference over every
// word of the seed paragraphs, one paragraph per input.
func BenchmarkStemIDVsReference(b *testing.B) {
	var words [][]string
	for _, p := range seedParagraphs(b) {
		var ws []string
		for _, t := range Tokenize(p) {
			ws = append(ws, t.Norm)
		}
		words = append(words, ws)
	}
	var sink int
	interleave(b, len(words),
		func(i int) {
			for _, w := range words[i] {
				sink += len(refStemID(w))
			}
		},
		func(i int) {
			for _, w := range words[i] {
				sink += len(StemID(w))
			}
		})
	_ = sink
}
