package main

import (
	"slices"
	"testing"
)

// "found" is read as find's past more than as itself: its inflections are
// kept apart. "ground" is read as a noun more than as grind's past, and
// "ran" is no verb of its own.
func TestHomographs(t *testing.T) {
	got, err := homographs("testdata/homographs")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"found"}; !slices.Equal(got, want) {
		t.Errorf("homographs = %q, want %q", got, want)
	}
}
