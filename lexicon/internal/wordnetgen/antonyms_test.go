package main

import "testing"

func TestReadAntonymPointers(t *testing.T) {
	words, pointers, err := readAntonymPointers("testdata/data.adj")
	if err != nil {
		t.Fatal(err)
	}
	for off, want := range map[string]string{"00823350": "west", "00824321": "east", "00900001": "small", "00900002": "large"} {
		ps := pointers[off]
		if len(ps) != 1 {
			t.Fatalf("synset %s: %d antonym pointers, want 1 (the & pointer is no antonym)", off, len(ps))
		}
		if got := words[ps[0].target][ps[0].word-1]; got != want {
			t.Errorf("synset %s: antonym %q, want %q", off, got, want)
		}
	}
}
