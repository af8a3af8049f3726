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
