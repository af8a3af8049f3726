package retrieval

import (
	"runtime"
	"slices"
	"testing"

	"github.com/kabar-bot/kabar/bench/synth"
	"github.com/kabar-bot/kabar/lexicon"
)

// BenchmarkLexicalSlowest runs, one after another, the pruned search
// Search calls (searchLayered) over the 1 % of the bench package's 500
// questions that make it
// look at the most chunks on the cached 1M-chunk index: the questions
// that set the p99, chosen by the work they cause (not by time, which the
// machine's load moves). It is the one to profile (-cpuprofile).
func BenchmarkLexicalSlowest(b *testing.B) {
	const articles = 76690
	ix := benchIndex(b, articles)
	x := newLexical(ix.v)
	qs := synth.New(1).Questions(500, articles)
	type heavy struct {
		q      lexicon.Query
		looked int
	}
	var all []heavy
	for _, q := range qs {
		lq := ix.lex.Analyze(q)
		_, st, err := x.searchLayered(lq, fusionDepth)
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, heavy{lq, st.candidates})
	}
	slices.SortStableFunc(all, func(a, b heavy) int { return b.looked - a.looked })
	slow := all[:max(1, len(all)/100)]
	looked := 0
	for _, h := range slow {
		looked += h.looked
	}
	n := 0
	for b.Loop() {
		if _, _, err := x.searchLayered(slow[n%len(slow)].q, fusionDepth); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(looked)/float64(len(slow)), "looked/q")
	runtime.KeepAlive(ix) // its mapping is closed when it is collected
}
