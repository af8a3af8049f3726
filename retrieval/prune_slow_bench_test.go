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
	articles := benchArticles(b, 1_000_000)
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

// BenchmarkLexicalFirstPass runs the layered search, one worker, over
// the bench package's 500 questions once per op, each op on a fresh
// lexicalIndex of the cached 1M-chunk index (its length normalisations
// and first scratch made beforehand, untimed): every concept list and
// term value is built on its first use, as in a process's first
// questions. It is the one to profile for what the first pass costs
// (-cpuprofile).
func BenchmarkLexicalFirstPass(b *testing.B) {
	articles := benchArticles(b, 1_000_000)
	ix := benchIndex(b, articles)
	qs := synth.New(1).Questions(500, articles)
	lqs := make([]lexicon.Query, len(qs))
	for i, q := range qs {
		lqs[i] = ix.lex.Analyze(q)
	}
	for b.Loop() {
		b.StopTimer()
		x := newLexical(ix.v)
		x.alwaysPrune, x.workers = true, 1
		x.lengthNorms()
		x.pool.Put(x.pool.Get())
		b.StartTimer()
		for _, q := range lqs {
			if _, _, err := x.searchLayered(q, fusionDepth); err != nil {
				b.Fatal(err)
			}
		}
	}
	runtime.KeepAlive(ix)
}
