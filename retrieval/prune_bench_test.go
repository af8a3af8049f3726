package retrieval

import (
	"slices"
	"testing"
	"time"

	"github.com/kabar-bot/kabar/bench/synth"
	"github.com/kabar-bot/kabar/lexicon"
)

// BenchmarkLexicalPruning times, per question, the BM25 search variants
// on the bench package's cached indexes of 100k and, when cached, 1M
// chunks, with the bench package's generated questions (those of
// BenchmarkSearch) analysed beforehand: the exhaustive search every
// pruned one must equal; the walk over terms (searchPruned, one worker);
// the walk over the concepts' layered score lists (searchLayered) as it
// was before the rank indexes and the larger concept cache (the
// baseline, lexicalIndex.layeredBase and a budget of conceptCacheBudget,
// with GOMAXPROCS workers as Search ran it), and as it is with one worker
// and with GOMAXPROCS (at most maxPruneWorkers, one for a short walk);
// and the search as Search calls it (the layered walk; exhaustive below
// pruneMinChunks).
// They run interleaved, the order
// rotating per question. It reports each one's p50 and p99, of wall time
// and of the process's CPU time (user and system, all its threads), and
// the p99s over the second pass over the questions alone (warm: every
// term's bound and values already computed); for the pruned ones, the
// medians of the per-question ratios to the baseline, of wall and of CPU
// time, and the chunks looked at and scored per question (means); and
// the median share of the
// folding of near-duplicates (Index.dedupe, which Search runs next) in
// what Search calls plus the folding.
func BenchmarkLexicalPruning(b *testing.B) {
	atScale(b, func(b *testing.B, ix *Index, articles int) {
		exhaustive := newLexical(ix.v)
		exhaustive.exhaustive = true
		termWalk := newLexical(ix.v) // the walk over terms: searchPruned
		termWalk.alwaysPrune, termWalk.workers = true, 1
		before := newLexical(ix.v) // the baseline: the layered walk before the rank indexes
		before.alwaysPrune, before.layeredBase = true, true
		before.concepts.budget = conceptCacheBudget // the cache's size before it grew with the index
		layered := newLexical(ix.v)                 // the walk over concept layers, alone: searchLayered
		layered.alwaysPrune = true
		layered1 := newLexical(ix.v) // the same with one worker
		layered1.alwaysPrune, layered1.workers = true, 1
		variants := []struct {
			name string
			x    *lexicalIndex
		}{
			{"exhaustive", exhaustive},
			{"before", before},
			{"termwalk", termWalk},
			{"layered1", layered1},
			{"layered", layered},
			{"search", ix.lexical}, // what Search calls
		}
		const base = 1
		main := len(variants) - 1
		qs := synth.New(1).Questions(500, articles)
		lqs := make([]lexicon.Query, len(qs))
		for i, q := range qs {
			lqs[i] = ix.lex.Analyze(q)
		}
		ms := make([][]float64, len(variants))
		cpu := make([][]float64, len(variants))
		warmMs := make([][]float64, len(variants))
		warmCPU := make([][]float64, len(variants))
		ratio := make([][]float64, len(variants))
		cpuRatio := make([][]float64, len(variants))
		work := make([]pruneStats, len(variants))
		var foldShare []float64
		n := 0
		for b.Loop() {
			lq := lqs[n%len(lqs)]
			var ranked []scored
			t := make([]float64, len(variants))
			for j := range variants {
				vi := (n + j) % len(variants)
				x := variants[vi].x
				t0, c0 := time.Now(), processCPU()
				var r []scored
				var st pruneStats
				var err error
				switch {
				case x.exhaustive:
					r, err = x.searchExhaustive(lq, fusionDepth)
				case vi == main:
					r, err = x.search(lq, fusionDepth) // exhaustive below pruneMinChunks
				case x != termWalk:
					r, st, err = x.searchLayered(lq, fusionDepth)
				default:
					r, st, err = x.searchPrunedStats(lq, fusionDepth)
				}
				t[vi] = float64(time.Since(t0)) / 1e6
				cpu[vi] = append(cpu[vi], float64(processCPU()-c0)/1e6)
				if err != nil {
					b.Fatal(err)
				}
				if vi == main {
					ranked = r
				}
				work[vi].candidates += st.candidates
				work[vi].scored += st.scored
			}
			for vi := range variants {
				if n >= len(lqs) {
					warmMs[vi] = append(warmMs[vi], t[vi])
					warmCPU[vi] = append(warmCPU[vi], cpu[vi][len(cpu[vi])-1])
				}
				ms[vi] = append(ms[vi], t[vi])
				ratio[vi] = append(ratio[vi], t[vi]/t[base])
				if c := cpu[base][len(cpu[base])-1]; c > 0 {
					cpuRatio[vi] = append(cpuRatio[vi], cpu[vi][len(cpu[vi])-1]/c)
				}
			}
			// Folding the ranking's near-duplicates, as Search does
			// next: its share of the search and the folding.
			t0 := time.Now()
			ix.dedupe(ranked, 8)
			f := float64(time.Since(t0)) / 1e6
			foldShare = append(foldShare, f/(f+t[main]))
			n++
		}
		q := func(v []float64, p float64) float64 {
			if len(v) == 0 {
				return 0
			}
			s := slices.Clone(v)
			slices.Sort(s)
			return s[min(len(s)-1, int(p*float64(len(s))))]
		}
		for vi, v := range variants {
			b.ReportMetric(q(ms[vi], 0.5), v.name+"-p50-ms")
			b.ReportMetric(q(ms[vi], 0.99), v.name+"-p99-ms")
			b.ReportMetric(q(cpu[vi], 0.5), v.name+"-cpu-p50-ms")
			b.ReportMetric(q(cpu[vi], 0.99), v.name+"-cpu-p99-ms")
			b.ReportMetric(q(warmMs[vi], 0.99), v.name+"-warm-p99-ms")
			b.ReportMetric(q(warmCPU[vi], 0.99), v.name+"-warm-cpu-p99-ms")
			if vi != base {
				b.ReportMetric(q(ratio[vi], 0.5), v.name+"/before")
				b.ReportMetric(q(cpuRatio[vi], 0.5), v.name+"-cpu/before")
			}
			if vi > 0 && vi != main {
				b.ReportMetric(float64(work[vi].candidates)/float64(n), v.name+"-looked/q")
				b.ReportMetric(float64(work[vi].scored)/float64(n), v.name+"-scored/q")
			}
		}
		b.ReportMetric(q(foldShare, 0.5), "fold-share")
	})
}
