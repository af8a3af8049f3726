package answer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/retrieval"
)

// Limits of the moderators' checks.
const (
	maxCheckedAnswerBytes = 64 << 10
	claimPassages         = 10
	piecePassages         = 3
)

// CheckAnswer re-verifies an answer published with citations against the
// current index. Each citation's quote is looked up in its article: at its
// offsets, or anywhere in the article when the text moved. A citation
// whose article or quote is gone is unknown to the verifier, so the
// sentences citing it lose that marker. The passage checked is the
// indexed chunk holding the quote, or the quote itself.
func (s *Service) CheckAnswer(ctx context.Context, text string, citations []Citation) (cite.Report, error) {
	if err := ctx.Err(); err != nil {
		return cite.Report{}, err
	}
	if len(text) > maxCheckedAnswerBytes {
		return cite.Report{}, fmt.Errorf("the answer to check is longer than %d bytes", maxCheckedAnswerBytes)
	}
	var sources []cite.Source
	seen := map[int]bool{}
	for _, c := range citations {
		if c.N < 1 || seen[c.N] {
			continue
		}
		seen[c.N] = true
		if src, ok := s.relocate(c); ok {
			sources = append(sources, src)
		} else {
			s.logger.Info("citation no longer found in the index", "n", c.N, "doc", c.Doc)
		}
	}
	return cite.NewVerifier(s.corpus.Lexicon()).Verify(text, sources), nil
}

// relocate finds a citation's quote in the current index and returns the
// passage around it as a source.
func (s *Service) relocate(c Citation) (cite.Source, bool) {
	doc, ok := s.corpus.Document(c.Doc)
	if !ok || c.Quote == "" {
		return cite.Source{}, false
	}
	start := -1
	if c.ByteStart >= 0 && c.ByteStart <= c.ByteEnd && c.ByteEnd <= len(doc.Text) && doc.Text[c.ByteStart:c.ByteEnd] == c.Quote {
		start = c.ByteStart
	} else {
		start = nearestOccurrence(doc.Text, c.Quote, c.ByteStart)
	}
	if start < 0 {
		return cite.Source{}, false
	}
	end := start + len(c.Quote)
	text, from := c.Quote, start
	for _, ch := range s.corpus.DocumentChunks(doc.ID) {
		if ch.Start <= start && end <= ch.End {
			text, from = ch.Text, ch.Start
			break
		}
	}
	// As when the answer was written: the title came with the passage.
	// The paragraph before it names who a pronoun subject is.
	return cite.Source{N: c.N, DocID: doc.ID, Text: text, Context: doc.Title, Outlet: doc.Outlet,
		Before: cite.ParagraphBefore(doc.Text, from)}, true
}

// nearestOccurrence returns the byte offset of the occurrence of quote in
// text nearest to near, or -1.
func nearestOccurrence(text, quote string, near int) int {
	best := -1
	for from := 0; from <= len(text); {
		i := strings.Index(text[from:], quote)
		if i < 0 {
			break
		}
		at := from + i
		if best < 0 || offsetDistance(at, near) < offsetDistance(best, near) {
			best = at
		}
		from = at + 1
	}
	return best
}

func offsetDistance(a, b int) int {
	if a < b {
		return b - a
	}
	return a - b
}

// CheckClaim checks a claim against the whole coverage: supported when a
// passage holds all its numbers and names and enough of its words,
// contradicted when a passage about the same thing gives a different
// figure, not in the coverage otherwise. Evidence quotes are verbatim,
// with byte offsets into their articles.
func (s *Service) CheckClaim(ctx context.Context, claim string) (cite.ClaimResult, error) {
	claim = strings.TrimSpace(claim)
	switch {
	case claim == "":
		return cite.ClaimResult{}, errors.New("the claim is empty: give the sentence to check")
	case !utf8.ValidString(claim):
		return cite.ClaimResult{}, errors.New("the claim is not valid UTF-8 text")
	case utf8.RuneCountInString(claim) > MaxQuestionRunes:
		return cite.ClaimResult{}, fmt.Errorf("the claim is longer than %d characters: shorten it", MaxQuestionRunes)
	}
	lq := s.corpus.Lexicon().Analyze(claim)
	// Lexical ranking: a claim is checked on its exact numbers and names.
	hits, err := s.corpus.Search(ctx, lq, claimPassages, retrieval.RankLexical)
	if err != nil {
		if ctx.Err() != nil {
			return cite.ClaimResult{}, ctx.Err()
		}
		return cite.ClaimResult{}, fmt.Errorf("searching the coverage: %w", err)
	}
	var passages []cite.Passage
	seen := map[[2]any]bool{}
	addHits := func(hits []retrieval.Hit) {
		for _, h := range hits {
			for _, ch := range append([]retrieval.Chunk{h.Chunk}, h.Duplicates...) {
				key := [2]any{ch.DocID, ch.Start}
				if seen[key] {
					continue
				}
				seen[key] = true
				if p, ok := s.passageOf(ch); ok {
					passages = append(passages, p)
				}
			}
		}
	}
	addHits(hits)
	v := cite.NewVerifier(s.corpus.Lexicon())
	res := v.CheckClaim(claim, passages)
	// A claim joining two things may draw them from passages the whole
	// claim does not rank high: each of its pieces is looked up too.
	if pieces := cite.Pieces(claim); res.Status != cite.ClaimSupported && len(pieces) > 1 {
		before := len(passages)
		for _, piece := range pieces {
			ph, err := s.corpus.Search(ctx, s.corpus.Lexicon().Analyze(piece), piecePassages, retrieval.RankLexical)
			if err != nil {
				if ctx.Err() != nil {
					return cite.ClaimResult{}, ctx.Err()
				}
				continue
			}
			addHits(ph)
		}
		if len(passages) > before {
			if again := v.CheckClaim(claim, passages); again.Status == cite.ClaimSupported {
				res = again
			}
		}
	}
	for i := range res.Evidence {
		s.locateEvidence(&res.Evidence[i])
	}
	return res, nil
}

// locateEvidence fills an evidence quote's paragraph and character
// offsets, the units of /source and ask --json.
func (s *Service) locateEvidence(e *cite.Evidence) {
	doc, ok := s.corpus.Document(e.DocID)
	if !ok || e.Start < 0 || e.End > len(doc.Text) || e.Start > e.End {
		return
	}
	e.CharStart = utf8.RuneCountInString(doc.Text[:e.Start])
	e.CharEnd = e.CharStart + utf8.RuneCountInString(doc.Text[e.Start:e.End])
	for n := 1; ; n++ {
		p, ok := s.corpus.Paragraph(doc.ID, n)
		if !ok {
			break
		}
		if p.Span.Start <= e.Start && e.Start < p.Span.End {
			e.Paragraph = n
			break
		}
	}
}

// passageOf locates a chunk for the claim checker, with its sentences.
func (s *Service) passageOf(ch retrieval.Chunk) (cite.Passage, bool) {
	doc, ok := s.corpus.Document(ch.DocID)
	if !ok || ch.Start < 0 || ch.End > len(doc.Text) || ch.Start >= ch.End {
		return cite.Passage{}, false
	}
	p := cite.Passage{DocID: doc.ID, Title: doc.Title, Outlet: doc.Outlet, Text: doc.Text[ch.Start:ch.End], Start: ch.Start,
		Before: cite.ParagraphBefore(doc.Text, ch.Start)}
	if para, ok := s.corpus.Paragraph(doc.ID, ch.Paragraph); ok {
		// The title names who the paragraph is about ("Pemerintah Kim" is
		// North Korea's); the verifier lets it vouch for subjects only,
		// never for a place.
		p.Context = doc.Text[para.Span.Start:para.Span.End] + "\n" + doc.Title
		for _, sp := range para.Sentences {
			if sp.Start >= ch.Start && sp.End <= ch.End && sp.Start < sp.End {
				p.Sentences = append(p.Sentences, cite.Span{Start: sp.Start - ch.Start, End: sp.End - ch.Start})
			}
		}
		sort.Slice(p.Sentences, func(i, j int) bool { return p.Sentences[i].Start < p.Sentences[j].Start })
	}
	return p, true
}
