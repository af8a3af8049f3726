package retrieval

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// defaultChunkBytes keeps a chunk to a few sentences: small enough to quote
// in a Discord reply, large enough to carry context for embedding.
const defaultChunkBytes = 600

// ChunkOptions tunes Chunks.
type ChunkOptions struct {
	MaxBytes int // largest chunk in bytes; 0 means 600
}

// Chunks groups consecutive non-boilerplate sentences of each paragraph into
// chunks of at most opt.MaxBytes. A longer sentence becomes a chunk of its
// own, and is cut at white space only when it exceeds four times the limit.
// A chunk runs from its first sentence's start to its last sentence's end,
// so Chunk.Text == doc.Text[Start:End]; it never spans text that Segment
// left out of the sentences (such as a photo credit). IDs are
// "<doc id>#p<paragraph>.<n>" with n counting from 1 in each paragraph.
func Chunks(doc Document, paras []Paragraph, opt ChunkOptions) []Chunk {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = defaultChunkBytes
	}
	text := doc.Text
	var out []Chunk
	for _, p := range paras {
		if p.Boilerplate {
			continue
		}
		n := 0
		emit := func(start, end int) {
			n++
			out = append(out, Chunk{
				ID:          fmt.Sprintf("%s#p%d.%d", doc.ID, p.Index, n),
				DocID:       doc.ID,
				Paragraph:   p.Index,
				Start:       start,
				End:         end,
				Text:        text[start:end],
				NotEvidence: p.NotEvidence,
			})
		}
		cur := Span{Start: -1}
		flush := func() {
			if cur.Start >= 0 {
				emit(cur.Start, cur.End)
				cur = Span{Start: -1}
			}
		}
		for _, s := range p.Sentences {
			if !validSpan(text, s) {
				continue
			}
			if cur.Start >= 0 && s.Start >= cur.End && s.End-cur.Start <= limit &&
				strings.TrimSpace(text[cur.End:s.Start]) == "" {
				cur.End = s.End
				continue
			}
			flush()
			if s.End-s.Start > 4*limit {
				for _, piece := range splitAtSpace(text, s, limit) {
					emit(piece.Start, piece.End)
				}
				continue
			}
			cur = s
		}
		flush()
	}
	return out
}

// validSpan reports whether s is a non-empty range of text on rune
// boundaries, so that slicing text with it is safe and yields valid text.
func validSpan(text string, s Span) bool {
	return 0 <= s.Start && s.Start < s.End && s.End <= len(text) &&
		utf8.RuneStart(text[s.Start]) && (s.End == len(text) || utf8.RuneStart(text[s.End]))
}

// splitAtSpace cuts an overlong sentence into trimmed pieces of at most
// limit bytes, at white space where there is some and otherwise at a rune
// boundary.
func splitAtSpace(text string, s Span, limit int) []Span {
	var out []Span
	for pos := s.Start; pos < s.End; {
		if s.End-pos <= limit {
			out = appendSpan(out, text, pos, s.End)
			break
		}
		cut := pos + limit
		for cut > pos && !utf8.RuneStart(text[cut]) {
			cut--
		}
		if i := strings.LastIndexFunc(text[pos:cut+1], unicode.IsSpace); i > 0 {
			cut = pos + i
		} else if cut == pos {
			_, w := utf8.DecodeRuneInString(text[pos:s.End])
			cut = pos + w
		}
		out = appendSpan(out, text, pos, cut)
		pos, _ = trimSpan(text, cut, s.End)
	}
	return out
}
