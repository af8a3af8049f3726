package main

import "testing"

func TestJoinedCompound(t *testing.T) {
	for _, tc := range []struct {
		lemma, want string
		ok          bool
	}{
		{"stand-alone", "standalone", true},
		{"file_system", "filesystem", true},
		{"back_end", "backend", true},
		{"x-ray", "", false},                // a part of one letter
		{"new_york_city", "", false},        // three parts
		{"stand-alone", "standalone", true}, // hyphen
		{"rock'n'roll", "", false},          // not alphabetic
		{"standalone", "", false},           // already one word
		{"b-52", "", false},                 // digits
		{"cross-examine", "crossexamine", true},
	} {
		got, ok := joinedCompound(tc.lemma)
		if got != tc.want || ok != tc.ok {
			t.Errorf("joinedCompound(%q) = %q, %v; want %q, %v", tc.lemma, got, ok, tc.want, tc.ok)
		}
	}
}

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
