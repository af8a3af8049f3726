package retrieval

import (
	"testing"
)

// TestResplitLooksAtFewerChunks checks, on the bench package's cached
// 1M-chunk index when there is one, that choosing the set-aside terms
// afresh as theta grows (plan.resplit) makes the walk look at fewer
// chunks for questions of the kinds it was made for, with the same
// results bit for bit. Each row is one of the bench package's generated
// questions.
func TestResplitLooksAtFewerChunks(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	ix := benchIndex(t, benchArticles(t, 1_000_000))
	for _, row := range []struct {
		label, question string
	}{
		// The rare second word of the name, free to set aside alone, went
		// first and kept the common first name walked.
		{"two-word name with a common first name", "What did Indra Pura say about tingre in Jayapura?"},
		{"the same in an Indonesian question", "Apa kata Sutrisno Jigih tentang stok lerut?"},
		{"a question naming a place", "Siapa yang asan mehihril di Darwin?"},
	} {
		t.Run(row.label, func(t *testing.T) {
			q := ix.lex.Analyze(row.question)
			want, err := ix.lexical.searchExhaustive(q, fusionDepth)
			if err != nil {
				t.Fatal(err)
			}
			looked := map[bool]int{}
			for _, noResplit := range []bool{true, false} {
				x := newLexical(ix.v)
				x.alwaysPrune, x.workers, x.noResplit = true, 1, noResplit
				got, st, err := x.searchPrunedStats(q, fusionDepth)
				if err != nil {
					t.Fatal(err)
				}
				if !sameScored(got, want) {
					t.Fatalf("noResplit %v: pruned %v\nexhaustive %v", noResplit, got, want)
				}
				looked[noResplit] = st.candidates
			}
			if looked[false] >= looked[true] {
				t.Errorf("looked at %d chunks choosing the set-aside terms afresh, %d without", looked[false], looked[true])
			}
		})
	}
}
