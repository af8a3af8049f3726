package main

import (
	"fmt"
	"io"
	"strings"
)

func fmtName(pattern, size string) string { return fmt.Sprintf(pattern, size) }

// table accumulates Markdown rows; a cell whose metric was not measured
// shows "–".
type table struct {
	b strings.Builder
}

func newTable(header ...string) *table {
	t := &table{}
	t.row(header...)
	seps := make([]string, len(header))
	for i := range seps {
		seps[i] = "---:"
	}
	seps[0] = "---"
	t.row(seps...)
	return t
}

func (t *table) row(cells ...string) {
	t.b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
}

func (t *table) String() string { return t.b.String() }

// num formats a metric with sensible precision, or "–" when missing.
func num(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	switch {
	case v == 0:
		return "0"
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	case v >= 1:
		return fmt.Sprintf("%.2f", v)
	default:
		return fmt.Sprintf("%.3f", v)
	}
}

// count formats a whole number such as allocations per op.
func count(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.0f", v)
}

// times formats a measured ratio.
func times(v float64, ok bool) string {
	if !ok {
		return "–"
	}
	return fmt.Sprintf("%.2f×", v)
}

func ratio(a float64, aok bool, b float64, bok bool) string {
	if !aok || !bok || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

// writeTables writes the tables of docs/performance.md.
func writeTables(w io.Writer, r results) error {
	var out strings.Builder
	section := func(title string, t *table) {
		fmt.Fprintf(&out, "### %s\n\n%s\n", title, t)
	}

	summary := newTable("chunks", "lexical p50 / p99 ms", "fused p50 / p99 ms", "Kabar vector scan ms", "chromem-go Query ms", "floor ms", "Kabar ÷ floor (interleaved)", "Kabar ÷ chromem-go (interleaved)")
	for _, s := range chunkSizes() {
		pre := "Search/chunks=" + s.name + "/"
		lp50, l1 := r.get(pre+"lexical", "p50-ms")
		lp99, l2 := r.get(pre+"lexical", "p99-ms")
		fp50, f1 := r.get(pre+"fused", "p50-ms")
		fp99, f2 := r.get(pre+"fused", "p99-ms")
		ratioName := "VectorRatio/chunks=" + s.name
		xf, xfok := r.get(ratioName, "x-floor")
		xc, xcok := r.get(ratioName, "x-chromem")
		vs, vok := r.ms(pre+"vector-scan", "ns/op")
		cq, cok := r.ms(pre+"chromem-query", "ns/op")
		fl, flok := r.ms(pre+"floor", "ns/op")
		summary.row(s.name,
			num(lp50, l1)+" / "+num(lp99, l2), num(fp50, f1)+" / "+num(fp99, f2),
			num(vs, vok), num(cq, cok), num(fl, flok),
			times(xf, xfok), times(xc, xcok))
	}
	section("Summary", summary)

	for _, s := range chunkSizes() {
		pre := "Search/chunks=" + s.name + "/"
		t := newTable("operation", "mean ms", "p50 ms", "p99 ms", "allocs/op", "÷ floor")
		floor, floorOK := r.ms(pre+"floor", "ns/op")
		for _, op := range []struct{ label, bench string }{
			{"Kabar lexical (`Search`, RankLexical)", "lexical"},
			{"Kabar vector (`Search`, RankVector)", "vector"},
			{"Kabar fused (`Search`, RankHybrid)", "fused"},
			{"Kabar exact vector scan (`QueryVector`, k=50)", "vector-scan"},
			{"chromem-go `Query` (k=50)", "chromem-query"},
			{"chromem-go `QueryEmbedding` (k=50)", "chromem-embedding"},
			{"floor: brute-force scan (k=50)", "floor"},
		} {
			mean, mok := r.ms(pre+op.bench, "ns/op")
			p50, p50ok := r.get(pre+op.bench, "p50-ms")
			p99, p99ok := r.get(pre+op.bench, "p99-ms")
			allocs, aok := r.get(pre+op.bench, "allocs/op")
			rat := "–"
			if op.bench == "vector-scan" || strings.HasPrefix(op.bench, "chromem") || op.bench == "floor" {
				rat = ratio(mean, mok, floor, floorOK)
			}
			t.row(op.label, num(mean, mok), num(p50, p50ok), num(p99, p99ok), count(allocs, aok), rat)
		}
		ratioName := "VectorRatio/chunks=" + s.name
		km, k1 := r.get(ratioName, "kabar-ms")
		cm, c1 := r.get(ratioName, "chromem-ms")
		fm, f1 := r.get(ratioName, "floor-ms")
		t.row("interleaved, same questions: Kabar / chromem-go / floor ms", num(km, k1)+" / "+num(cm, c1)+" / "+num(fm, f1), "", "", "", ratio(km, k1, fm, f1))
		ask, aok := r.ms("Ask/chunks="+s.name, "ns/op")
		ap50, p1 := r.get("Ask/chunks="+s.name, "p50-ms")
		ap99, p2 := r.get("Ask/chunks="+s.name, "p99-ms")
		aall, a2 := r.get("Ask/chunks="+s.name, "allocs/op")
		t.row("offline `ask`, end to end (`answer.Service.Answer`)", num(ask, aok), num(ap50, p1), num(ap99, p2), count(aall, a2), "–")
		qps, qok := r.get("ConcurrentAsk/chunks="+s.name+"/clients=64", "answers/s")
		t.row("64 concurrent questions: answers/s", num(qps, qok), "", "", "", "")
		section(fmt.Sprintf("%s chunks", s.name), t)
	}

	build := newTable("articles", "chunks", "seconds", "articles/s", "MB/s", "allocated MB/op")
	for _, n := range []string{"1k", "10k"} {
		name := "IndexBuild/articles=" + n
		sec, ok := r.get(name, "ns/op")
		chunks, cok := r.get(name, "chunks")
		aps, aok := r.get(name, "articles/s")
		mbs, mok := r.get(name, "MB/s")
		bop, bok := r.get(name, "B/op")
		build.row(n, count(chunks, cok), num(sec/1e9, ok), count(aps, aok), num(mbs, mok), count(bop/1e6, bok))
	}
	section("Index build (offline embedder, from scratch)", build)

	re := newTable("changed", "articles re-embedded", "chunks re-embedded", "seconds", "÷ full build")
	full, fullOK := r.get("IndexBuild/articles=10k", "ns/op")
	for _, c := range []string{"0", "0.1", "1", "10"} {
		name := "Reindex/articles=10k/changed=" + c + "%"
		sec, ok := r.get(name, "ns/op")
		ch, chok := r.get(name, "changed")
		em, emok := r.get(name, "embedded-chunks")
		re.row(c+"%", count(ch, chok), count(em, emok), num(sec/1e9, ok), ratio(sec, ok, full, fullOK))
	}
	section("Incremental re-index of 10k articles", re)

	cold := newTable("chunks", "Open ms", "heap B/chunk after Open", "first Store() ms", "Store heap B/chunk")
	for _, s := range chunkSizes() {
		o, ook := r.ms("ColdStart/chunks="+s.name, "ns/op")
		h, hok := r.get("ColdStart/chunks="+s.name, "heap-B/chunk")
		sf, sok := r.ms("StoreFill/chunks="+s.name, "ns/op")
		sh, shok := r.get("StoreFill/chunks="+s.name, "heap-B/chunk")
		cold.row(s.name, num(o, ook), count(h, hok), num(sf, sok), count(sh, shok))
	}
	section("Cold start and memory", cold)

	_, err := io.WriteString(w, out.String())
	return err
}
