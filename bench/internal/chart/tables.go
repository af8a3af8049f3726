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

	summary := newTable("chunks", "lexical p50 / p99 ms", "fused p50 / p99 ms", "floor ms (GB/s)", "Kabar scan ms", "scan ÷ floor, wall / CPU", "1 core ÷ all cores", "scalar scan ÷ Kabar scan", "chromem-go Query ms", "chromem-go ÷ Kabar, wall / CPU")
	for _, s := range chunkSizes() {
		pre := "Search/chunks=" + s.name + "/"
		lp50, l1 := r.get(pre+"lexical", "p50-ms")
		lp99, l2 := r.get(pre+"lexical", "p99-ms")
		fp50, f1 := r.get(pre+"fused", "p50-ms")
		fp99, f2 := r.get(pre+"fused", "p99-ms")
		v := "VectorRatio/chunks=" + s.name
		get := func(unit string) string { x, ok := r.get(v, unit); return num(x, ok) }
		getx := func(unit string) string { x, ok := r.get(v, unit); return times(x, ok) }
		summary.row(s.name,
			num(lp50, l1)+" / "+num(lp99, l2), num(fp50, f1)+" / "+num(fp99, f2),
			get("floor-ms")+" ("+get("floor-GB/s")+")", get("scan-ms"),
			getx("scan/floor")+" / "+getx("scan/floor-cpu"), getx("scan1/scan"), getx("scalar/scan"),
			get("chromem-ms"), getx("chromem/kabar")+" / "+getx("chromem/kabar-cpu"))
	}
	section("Summary", summary)

	inter := newTable("chunks", "floor", "Kabar scan, all cores", "Kabar scan, 1 core", "scalar scan, 1 core", "Kabar `QueryVector` (embeds)", "chromem-go `Query` (embeds)")
	for _, s := range chunkSizes() {
		v := "VectorRatio/chunks=" + s.name
		cell := func(name string) string {
			w, wok := r.get(v, name+"-ms")
			c, cok := r.get(v, name+"-cpu-ms")
			return num(w, wok) + " / " + num(c, cok)
		}
		inter.row(s.name, cell("floor"), cell("scan"), cell("scan1"), cell("scalar"), cell("kabar"), cell("chromem"))
	}
	section("Interleaved vector search: median wall / CPU ms per question", inter)

	for _, s := range chunkSizes() {
		pre := "Search/chunks=" + s.name + "/"
		t := newTable("operation", "mean ms", "p50 ms", "p99 ms", "allocs/op")
		for _, op := range []struct{ label, bench string }{
			{"Kabar lexical (`Search`, RankLexical)", "lexical"},
			{"Kabar vector (`Search`, RankVector)", "vector"},
			{"Kabar fused (`Search`, RankHybrid)", "fused"},
			{"Kabar `QueryVector` (embed + exact scan, k=50)", "vector-scan"},
			{"Kabar `NearestVectors` (exact scan of an embedded question, k=50)", "vector-scan-embedded"},
			{"chromem-go `Query` (k=50)", "chromem-query"},
			{"chromem-go `QueryEmbedding` (k=50)", "chromem-embedding"},
			{"scalar scan, one core (k=50)", "scalar-scan"},
			{"floor: sum of the matrix, all cores", "floor"},
		} {
			mean, mok := r.ms(pre+op.bench, "ns/op")
			p50, p50ok := r.get(pre+op.bench, "p50-ms")
			p99, p99ok := r.get(pre+op.bench, "p99-ms")
			allocs, aok := r.get(pre+op.bench, "allocs/op")
			t.row(op.label, num(mean, mok), num(p50, p50ok), num(p99, p99ok), count(allocs, aok))
		}
		ask, aok := r.ms("Ask/chunks="+s.name, "ns/op")
		ap50, p1 := r.get("Ask/chunks="+s.name, "p50-ms")
		ap99, p2 := r.get("Ask/chunks="+s.name, "p99-ms")
		aall, a2 := r.get("Ask/chunks="+s.name, "allocs/op")
		t.row("offline `ask`, end to end (`answer.Service.Answer`)", num(ask, aok), num(ap50, p1), num(ap99, p2), count(aall, a2))
		qps, qok := r.get("ConcurrentAsk/chunks="+s.name+"/clients=64", "answers/s")
		t.row("64 concurrent questions: answers/s", num(qps, qok), "", "", "")
		section(fmt.Sprintf("%s chunks (variants one after another)", s.name), t)
	}

	fold := newTable("chunks", "analysis + BM25 ms", "folding ms", "folding's share", "hash-set folding ms (before)", "its share")
	for _, n := range []string{"10k", "100k"} {
		f := "Folding/chunks=" + n
		g := func(unit string) string { x, ok := r.get(f, unit); return num(x, ok) }
		pct := func(unit string) string {
			x, ok := r.get(f, unit)
			if !ok {
				return "–"
			}
			return fmt.Sprintf("%.0f %%", 100*x)
		}
		fold.row(n, g("analyse+search-ms"), g("fold-ms"), pct("fold-share"), g("fold-sets-ms"), pct("fold-sets-share"))
	}
	section("Near-duplicate folding in a lexical query (medians, interleaved)", fold)

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
