package main

import (
	"strings"
	"testing"
)

// TestRun generates the counts from a small cntlist.rev and dictionary:
// tag counts summed per headword, the dominant part of speech, words the
// dictionary lacks and multi-word lemmas left out.
func TestRun(t *testing.T) {
	var buf strings.Builder
	if err := run("testdata", []string{"testdata/dict.tsv"}, &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{"dispatch\t6\tv", "national\t23\ta", "send\t48\tv"}
	if len(lines) != len(want)+1 || !strings.HasPrefix(lines[0], "# ") {
		t.Fatalf("output:\n%s", out)
	}
	for i, l := range want {
		if lines[i+1] != l {
			t.Errorf("line %d = %q, want %q", i+1, lines[i+1], l)
		}
	}
}
