package retrieval

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkChunks asserts the invariants every consumer of chunks relies on.
func checkChunks(t *testing.T, doc Document, paras []Paragraph, chunks []Chunk) {
	t.Helper()
	idRE := regexp.MustCompile(`^` + regexp.QuoteMeta(doc.ID) + `#p(\d+)\.(\d+)$`)
	seen := make(map[string]bool)
	byIndex := make(map[int]Paragraph)
	for _, p := range paras {
		byIndex[p.Index] = p
	}
	for _, c := range chunks {
		if seen[c.ID] {
			t.Errorf("duplicate chunk id %s", c.ID)
		}
		seen[c.ID] = true
		m := idRE.FindStringSubmatch(c.ID)
		if m == nil || m[1] != fmt.Sprint(c.Paragraph) {
			t.Errorf("chunk id %q does not match doc %q paragraph %d", c.ID, doc.ID, c.Paragraph)
		}
		if c.DocID != doc.ID {
			t.Errorf("chunk %s DocID = %q, want %q", c.ID, c.DocID, doc.ID)
		}
		if c.Start < 0 || c.End > len(doc.Text) || c.Start >= c.End {
			t.Errorf("chunk %s range [%d,%d) invalid for text of %d bytes", c.ID, c.Start, c.End, len(doc.Text))
			continue
		}
		if c.Text != doc.Text[c.Start:c.End] {
			t.Errorf("chunk %s Text differs from doc.Text[%d:%d]", c.ID, c.Start, c.End)
		}
		if !utf8.ValidString(c.Text) || strings.TrimSpace(c.Text) != c.Text {
			t.Errorf("chunk %s text %q is not valid trimmed UTF-8", c.ID, c.Text)
		}
		p, ok := byIndex[c.Paragraph]
		if !ok || p.Boilerplate {
			t.Errorf("chunk %s comes from missing or boilerplate paragraph %d", c.ID, c.Paragraph)
			continue
		}
		if c.Start < p.Span.Start || c.End > p.Span.End {
			t.Errorf("chunk %s [%d,%d) outside its paragraph %v", c.ID, c.Start, c.End, p.Span)
		}
	}
}

func TestSeedChunks(t *testing.T) {
	t.Parallel()
	for _, doc := range loadSeeds(t) {
		paras := Segment(doc)
		chunks := Chunks(doc, paras, ChunkOptions{})
		checkChunks(t, doc, paras, chunks)
		sentenceAt := make(map[Span]bool)
		for _, p := range paras {
			for _, s := range p.Sentences {
				sentenceAt[s] = true
			}
		}
		for _, c := range chunks {
			if len(c.Text) > defaultChunkBytes && !sentenceAt[Span{c.Start, c.End}] {
				t.Errorf("%s: chunk of %d bytes is not a single sentence", c.ID, len(c.Text))
			}
		}
	}
}

func TestChunks(t *testing.T) {
	t.Parallel()
	s1 := "Kim bertemu Lavrov di Wonsan."        // 29 bytes
	s2 := "Mereka membahas perang di Ukraina."   // 34 bytes
	s3 := "Lavrov berterima kasih atas pasukan." // 36 bytes
	long := "Kata " + strings.Repeat("kata ", 29) + "akhir."
	tests := []struct {
		name     string
		text     string
		maxBytes int
		want     []string // "id: text"
	}{
		{
			name: "default groups a whole paragraph",
			text: s1 + " " + s2 + " " + s3,
			want: []string{"d#p1.1: " + s1 + " " + s2 + " " + s3},
		},
		{
			name:     "limit splits between sentences",
			text:     s1 + " " + s2 + " " + s3,
			maxBytes: 70,
			want:     []string{"d#p1.1: " + s1 + " " + s2, "d#p1.2: " + s3},
		},
		{
			name:     "paragraphs never share a chunk",
			text:     s1 + "\n\n" + s2,
			maxBytes: 600,
			want:     []string{"d#p1.1: " + s1, "d#p2.1: " + s2},
		},
		{
			name:     "boilerplate paragraph is skipped but counted",
			text:     s1 + "\nshare2\n" + s2,
			maxBytes: 600,
			want:     []string{"d#p1.1: " + s1, "d#p3.1: " + s2},
		},
		{
			name:     "a longer sentence is kept whole",
			text:     s1 + " " + long,
			maxBytes: 60,
			want:     []string{"d#p1.1: " + s1, "d#p1.2: " + long},
		},
		{
			name:     "a sentence over four times the limit is cut at spaces",
			text:     long,
			maxBytes: 30,
			want: []string{
				"d#p1.1: Kata kata kata kata kata kata", "d#p1.2: kata kata kata kata kata kata",
				"d#p1.3: kata kata kata kata kata kata", "d#p1.4: kata kata kata kata kata kata",
				"d#p1.5: kata kata kata kata kata kata", "d#p1.6: akhir.",
			},
		},
		{
			name:     "a chunk never spans a dropped credit",
			text:     "Kim menyapa Lavrov, 12 Juli 2025. KCNA via REUTERS. Lavrov membalas.",
			maxBytes: 600,
			want:     []string{"d#p1.1: Kim menyapa Lavrov, 12 Juli 2025.", "d#p1.2: Lavrov membalas."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := Document{ID: "d", Text: tt.text}
			paras := Segment(doc)
			chunks := Chunks(doc, paras, ChunkOptions{MaxBytes: tt.maxBytes})
			checkChunks(t, doc, paras, chunks)
			var got []string
			for _, c := range chunks {
				got = append(got, c.ID+": "+c.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("chunks\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestChunksUnbreakableSentence(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("é", 100) // 200 bytes, no white space
	doc := Document{ID: "d", Text: text}
	paras := Segment(doc)
	chunks := Chunks(doc, paras, ChunkOptions{MaxBytes: 15})
	checkChunks(t, doc, paras, chunks)
	var joined strings.Builder
	for _, c := range chunks {
		if len(c.Text) > 15 {
			t.Errorf("chunk %s has %d bytes, want at most 15", c.ID, len(c.Text))
		}
		joined.WriteString(c.Text)
	}
	if joined.String() != text {
		t.Errorf("pieces do not add up to the sentence")
	}
}

func TestChunksIgnoresForeignSpans(t *testing.T) {
	t.Parallel()
	doc := Document{ID: "d", Text: "Kim bertemu Lavrov."}
	paras := []Paragraph{{Index: 1, Span: Span{0, 19}, Sentences: []Span{{0, 19}, {10, 400}, {-1, 3}, {5, 5}}}}
	chunks := Chunks(doc, paras, ChunkOptions{})
	if len(chunks) != 1 || chunks[0].Text != doc.Text {
		t.Errorf("Chunks = %+v, want one chunk of the whole text", chunks)
	}
}
