package answer

import (
	"unicode/utf8"

	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/retrieval"
)

// citations renumbers the markers of a verified answer 1..m in order of
// first appearance and backs each with the sentence of its passage that
// best supports the clauses citing it, quoted verbatim with its offsets.
func (g *LLMGenerator) citations(verified string, sources []source) (string, []Citation) {
	claims := map[int][]string{} // old source number → clauses citing it
	for _, s := range cite.ParseSentences(verified) {
		for _, p := range s.Parts {
			for _, n := range p.Markers {
				claims[n] = append(claims[n], p.Text)
			}
		}
	}
	byN := map[int]source{}
	for _, s := range sources {
		byN[s.n] = s
	}
	text, order := cite.Renumber(verified)
	out := make([]Citation, 0, len(order))
	for i, old := range order {
		src, ok := byN[old]
		if !ok {
			continue // cannot happen: the verifier keeps known markers only
		}
		span := g.bestSentence(src, claims[old])
		verified := true
		out = append(out, Citation{
			N: i + 1, Doc: src.doc.ID, Title: src.doc.Title, Outlet: src.doc.Outlet, Published: src.doc.Published,
			Quote:     src.doc.Text[span.Start:span.End],
			ByteStart: span.Start, ByteEnd: span.End,
			Start:     utf8.RuneCountInString(src.doc.Text[:span.Start]),
			End:       utf8.RuneCountInString(src.doc.Text[:span.End]),
			Paragraph: src.chunk.Paragraph,
			Passage:   src.chunk.Text,
			Verified:  &verified,
		})
	}
	return text, out
}

// bestSentence picks the sentence of the source's chunk that supports the
// most claims, then the one with the highest support score; the whole
// chunk when its paragraph has no sentence spans inside it.
func (g *LLMGenerator) bestSentence(src source, claims []string) retrieval.Span {
	var spans []retrieval.Span
	if p, ok := g.corpus.Paragraph(src.doc.ID, src.chunk.Paragraph); ok {
		for _, s := range p.Sentences {
			if s.Start >= src.chunk.Start && s.End <= src.chunk.End && s.Start < s.End {
				spans = append(spans, s)
			}
		}
	}
	if len(spans) <= 1 {
		if len(spans) == 1 {
			return spans[0]
		}
		return retrieval.Span{Start: src.chunk.Start, End: src.chunk.End}
	}
	best, bestSupported, bestScore := 0, -1, -1.0
	for i, sp := range spans {
		cs := cite.Source{N: src.n, DocID: src.doc.ID, Text: src.doc.Text[sp.Start:sp.End],
			Context: src.doc.Title + "\n" + src.chunk.Text, Outlet: src.doc.Outlet}
		supported, score := 0, 0.0
		for _, c := range claims {
			v := g.verifier.Check(c, cs)
			if v.Supports {
				supported++
			}
			score += v.Score
		}
		if supported > bestSupported || supported == bestSupported && score > bestScore {
			best, bestSupported, bestScore = i, supported, score
		}
	}
	return spans[best]
}
