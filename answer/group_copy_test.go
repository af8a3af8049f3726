package answer

import (
	"testing"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// An open question gets the best sentence and the next best, unless the
// next best is the same report again in another document (a translation
// or re-publication: one story) or matches nothing of the question the
// best does not.
func TestGroupEvidenceOpenQuestionSkipsCopies(t *testing.T) {
	t.Parallel()
	// Each sentence fully matches a question word of its own (its
	// start), so a second one adds to the first.
	ev := func(doc, story string, start int) Evidence {
		return Evidence{Doc: retrieval.Document{ID: doc}, Story: story, Span: retrieval.Span{Start: start, End: start + 10},
			credits: map[int]float64{start: 1}}
	}
	same := func(doc, story string, start int) Evidence {
		e := ev(doc, story, start)
		e.credits = map[int]float64{0: 1}
		return e
	}
	tests := []struct {
		name string
		ev   []Evidence
		want int
	}{
		{"two sentences of one page", []Evidence{ev("en/a", "en/a", 0), ev("en/a", "en/a", 40)}, 2},
		{"two reports", []Evidence{ev("en/a", "en/a", 0), ev("en/b", "en/b", 40)}, 2},
		{"the page and its translation", []Evidence{ev("en/a", "en/a", 0), ev("id/a", "en/a", 0)}, 1},
		{"one sentence", []Evidence{ev("en/a", "en/a", 0)}, 1},
		{"a second report matching only what the first does", []Evidence{ev("en/a", "en/a", 0), same("en/b", "en/b", 0)}, 1},
	}
	for _, tt := range tests {
		groups := groupEvidence(lexicon.Query{Type: lexicon.AnswerAny}, tt.ev)
		if len(groups) != 1 || len(groups[0]) != tt.want {
			t.Errorf("%s: groups %v, want one group of %d", tt.name, groups, tt.want)
		}
	}
}

// The same sentence left untranslated in a translation is one report,
// even when the two documents were not recognised as one story.
func TestGroupEvidenceUntranslatedCopy(t *testing.T) {
	t.Parallel()
	const sentence = "Every updated package reaches all mirrors within six hours."
	ev := func(doc, lang, text string) Evidence {
		return Evidence{Doc: retrieval.Document{ID: doc, Lang: lang, Text: text}, Story: doc,
			Span: retrieval.Span{Start: 0, End: len(text)}, Key: "six hours", KeyNorm: "six hours"}
	}
	tests := []struct {
		name string
		typ  lexicon.AnswerType
		ev   []Evidence
		want int
	}{
		{"open question, copy in a translation", lexicon.AnswerAny, []Evidence{ev("en/a", "en", sentence), ev("id/a", "id", sentence)}, 1},
		{"figure, copy in a translation", lexicon.AnswerDuration, []Evidence{ev("en/a", "en", sentence), ev("id/a", "id", sentence)}, 1},
		{"figure, two outlets in one language", lexicon.AnswerDuration, []Evidence{ev("en/a", "en", sentence), ev("en/b", "en", sentence)}, 2},
		{"figure, translated sentence", lexicon.AnswerDuration, []Evidence{ev("en/a", "en", sentence), ev("id/a", "id", "Setiap paket sampai di semua cermin dalam enam jam.")}, 2},
	}
	for _, tt := range tests {
		groups := groupEvidence(lexicon.Query{Type: tt.typ}, tt.ev)
		if len(groups) != 1 || len(groups[0]) != tt.want {
			t.Errorf("%s: groups %v, want one group of %d", tt.name, groups, tt.want)
		}
	}
}

func TestQuoteLanguage(t *testing.T) {
	t.Parallel()
	tests := []struct{ quote, docLang, want string }{
		{"Every newly updated package is updated on all Debian mirrors around the world within six hours.", "id", "en"},
		{"Setiap paket yang baru diperbarui akan tersedia di semua cermin Debian di seluruh dunia dalam enam jam.", "id", "id"},
		{"Setiap paket yang baru diperbarui akan tersedia di semua cermin Debian di seluruh dunia dalam enam jam.", "en", "id"},
		{"Six hours.", "id", "id"}, // too short to tell: the document's
		{"Die Anlage in Wonsan bietet nach offiziellen Angaben Platz für 20.000 Gäste.", "de", "de"},
		{"Every newly updated package is updated on all Debian mirrors around the world within six hours.", "", ""},
	}
	for _, tt := range tests {
		if got := quoteLanguage(tt.quote, tt.docLang); got != tt.want {
			t.Errorf("quoteLanguage(%q, %q) = %q, want %q", tt.quote, tt.docLang, got, tt.want)
		}
	}
}
