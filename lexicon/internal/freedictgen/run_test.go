package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/mini.golden.tsv")

// The fixture testdata/mini.{index,dict} holds real articles cut from the
// 2022.11.18 dictionary (with re-encoded offsets), chosen for their quirks:
// duplicate headwords with different parts of speech, stray sense numbers,
// wiki markup, a suffix entry and an acronym.
func TestRunGolden(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out.tsv")
	st, err := run("testdata/mini.index", "testdata/mini.dict", out)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	if st.edition != "2022.11.18" {
		t.Errorf("edition = %q, want 2022.11.18", st.edition)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/mini.golden.tsv"
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update after checking):\n got:\n%s\nwant:\n%s", golden, got, want)
	}
}

func TestRunReadsDictzip(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plain, err := os.ReadFile("testdata/mini.dict")
	if err != nil {
		t.Fatal(err)
	}
	var zbuf bytes.Buffer
	zw := gzip.NewWriter(&zbuf)
	if _, err := zw.Write(plain); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	dz := filepath.Join(dir, "mini.dict.dz")
	if err := os.WriteFile(dz, zbuf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	fromZip := filepath.Join(dir, "zip.tsv")
	fromPlain := filepath.Join(dir, "plain.tsv")
	if _, err := run("testdata/mini.index", dz, fromZip); err != nil {
		t.Fatalf("run on dictzip: %v", err)
	}
	if _, err := run("testdata/mini.index", "testdata/mini.dict", fromPlain); err != nil {
		t.Fatalf("run on plain dict: %v", err)
	}
	a, _ := os.ReadFile(fromZip)
	b, _ := os.ReadFile(fromPlain)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("dictzip and plain outputs differ:\n%s\n---\n%s", a, b)
	}
}

func TestRunErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	badRange := filepath.Join(dir, "bad.index")
	if err := os.WriteFile(badRange, []byte("about\tA\t////\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	noInfo := filepath.Join(dir, "noinfo.index")
	if err := os.WriteFile(noInfo, []byte("about\tRL\tCB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, index, dict, wantErr string
	}{
		{"missing index", filepath.Join(dir, "nope.index"), "testdata/mini.dict", "open index"},
		{"missing dict", "testdata/mini.index", filepath.Join(dir, "nope.dict"), "read dict"},
		{"range outside data", badRange, "testdata/mini.dict", "outside the dict data"},
		{"no edition", noInfo, "testdata/mini.dict", "Edition"},
	}
	for _, tt := range tests {
		out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".tsv")
		_, err := run(tt.index, tt.dict, out)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: err = %v, want containing %q", tt.name, err, tt.wantErr)
		}
		if _, statErr := os.Stat(out); statErr == nil {
			t.Errorf("%s: output file written despite error", tt.name)
		}
	}
}
