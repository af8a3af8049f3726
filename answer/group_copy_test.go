package answer

import (
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// An open question gets the best sentence and the next best, unless the
// next best is the same report again in another document (a translation
// or re-publication: one story).
func TestGroupEvidenceOpenQuestionSkipsCopies(t *testing.T) {
	t.Parallel()
	ev := func(doc, story string, start int) Evidence {
		return Evidence{Doc: retrieval.Document{ID: doc}, Story: story, Span: retrieval.Span{Start: start, End: start + 10}}
	}
	tests := []struct {
		name string
		ev   []Evidence
		want int
	}{
		{"two sentences of one page", []Evidence{ev("en/a", "en/a", 0), ev("en/a", "en/a", 40)}, 2},
		{"two reports", []Evidence{ev("en/a", "en/a", 0), ev("en/b", "en/b", 0)}, 2},
		{"the page and its translation", []Evidence{ev("en/a", "en/a", 0), ev("id/a", "en/a", 0)}, 1},
		{"one sentence", []Evidence{ev("en/a", "en/a", 0)}, 1},
	}
	for _, tt := range tests {
		groups := groupEvidence(lexicon.Query{Type: lexicon.AnswerAny}, tt.ev)
		if len(groups) != 1 || len(groups[0]) != tt.want {
			t.Errorf("%s: groups %v, want one group of %d", tt.name, groups, tt.want)
		}
	}
}
