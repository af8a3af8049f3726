package langid

import (
	"slices"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/bench/synth"
)

// BenchmarkDetectArticle identifies whole articles as indexing does
// (New().Prefer("id", "en"), the detector behind every article's language
// tag), with the trigram index and with whatlanggo alone (the version
// before it), interleaved per article in alternating order. The articles
// are the bench package's generated ones (those BenchmarkIndexBuild
// indexes), the seed articles and, when cached, Debian pages. It reports
// each one's median per article and the median of the per-article ratios.
func BenchmarkDetectArticle(b *testing.B) {
	g := synth.New(1)
	var texts []string
	for i := range 300 {
		texts = append(texts, g.Article(i).Text)
	}
	texts = append(texts, articleTexts(b)...)
	d := New().Prefer("id", "en")
	var fast, ref, ratio []float64
	n := 0
	for b.Loop() {
		text := texts[n%len(texts)]
		run := func(f func(string) string) float64 {
			t0 := time.Now()
			f(text)
			return float64(time.Since(t0)) / 1e3
		}
		var f, r float64
		if n%2 == 0 {
			f, r = run(d.Detect), run(d.referenceDetect)
		} else {
			r, f = run(d.referenceDetect), run(d.Detect)
		}
		fast, ref, ratio = append(fast, f), append(ref, r), append(ratio, f/r)
		n++
	}
	med := func(v []float64) float64 {
		s := slices.Clone(v)
		slices.Sort(s)
		return s[len(s)/2]
	}
	b.ReportMetric(med(fast), "index-µs")
	b.ReportMetric(med(ref), "whatlanggo-µs")
	b.ReportMetric(med(ratio), "index/whatlanggo")
}
