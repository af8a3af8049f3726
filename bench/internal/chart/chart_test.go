package main

import (
	"bytes"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/tables.golden.md")

func TestParseTakesMediansAndSkipsLogs(t *testing.T) {
	t.Parallel()
	f, err := os.Open("testdata/bench.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := parse(f)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, unit string
		want       float64
	}{
		{"Search/chunks=1k/floor", "ns/op", 220000}, // the median of three runs
		{"Search/chunks=1k/lexical", "p99-ms", 0.6952},
		{"VectorRatio/chunks=1k", "x-floor", 0.9753},
		{"IndexBuild/articles=1k", "MB/s", 3.13},
		{"Reindex/articles=10k/changed=1%", "embedded-chunks", 151},
	}
	for _, c := range cases {
		if got, ok := r.get(c.name, c.unit); !ok || got != c.want {
			t.Errorf("%s %s = %v (found %v), want %v", c.name, c.unit, got, ok, c.want)
		}
	}
	if _, ok := r["Something"]; ok {
		t.Error("a --- BENCH log header was read as a result")
	}
}

func TestParseRejectsOutputWithoutResults(t *testing.T) {
	t.Parallel()
	if _, err := parse(strings.NewReader("PASS\nok  \tx\t0.1s\n")); err == nil {
		t.Error("parse accepted output with no benchmark results")
	}
	if _, err := parse(strings.NewReader("BenchmarkX-2 \t 10 \t abc ns/op\n")); err == nil {
		t.Error("parse accepted a malformed value")
	}
}

// TestRun renders the sample output: the tables must match the golden
// file (go test ./bench/internal/chart -update rewrites it) and the chart
// must be a PNG.
func TestRun(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "scaling.png")
	var tables bytes.Buffer
	if err := run([]string{"testdata/bench.txt", out}, &tables); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/tables.golden.md"
	if *update {
		if err := os.WriteFile(golden, tables.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if tables.String() != string(want) {
		t.Errorf("tables differ from %s (run with -update if the change is intended):\n%s", golden, tables.String())
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("chart is not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 400 || b.Dy() < 250 {
		t.Errorf("chart is %dx%d pixels, too small to read", b.Dx(), b.Dy())
	}
}

func TestRunUsage(t *testing.T) {
	t.Parallel()
	if err := run([]string{"only-one"}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "usage") {
		t.Errorf("run with one argument = %v, want the usage", err)
	}
}
