package answer

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
)

// ErrUnknownDocument reports a document id that is not in the index.
var ErrUnknownDocument = errors.New("no such article in the index")

// maxSummarySentences bounds an extractive summary.
const maxSummarySentences = 5

// leadChunks is how much of each article a summary of the whole coverage
// reads: the opening, where news states its point.
const leadChunks = 3

// SummaryGenerator writes abstractive summaries with a language model.
// Generators that implement it are used for summaries; the extractive
// summary is the fallback.
type SummaryGenerator interface {
	Summarize(ctx context.Context, topic string, chunks []retrieval.Chunk) (res Result, fallbackReason string, err error)
}

// Summarize summarises the coverage, or what it says about topic, or one
// article (docID), or what one article says about topic. Every sentence is
// cited.
func (s *Service) Summarize(ctx context.Context, topic, docID string) (Result, error) {
	start := time.Now()
	topic = strings.TrimSpace(topic)
	if topic != "" {
		if err := CheckQuestion(topic); err != nil {
			return Result{}, fmt.Errorf("topic: %w", err)
		}
	}
	if docID != "" {
		if _, ok := s.corpus.Document(docID); !ok {
			return Result{}, fmt.Errorf("%w: %q (use an id from the article list)", ErrUnknownDocument, docID)
		}
	}
	picked, err := s.summarySentences(ctx, topic, docID)
	if err != nil {
		return Result{}, err
	}
	question := "Summary of the coverage"
	switch {
	case topic != "" && docID != "":
		question = fmt.Sprintf("Summary of %s about %s", docID, topic)
	case topic != "":
		question = "Summary of the coverage about " + topic
	case docID != "":
		question = "Summary of " + docID
	}
	if sg, ok := s.gen.(SummaryGenerator); ok && s.gen != nil && len(picked) > 0 {
		chunks := make([]retrieval.Chunk, 0, len(picked))
		for _, e := range picked {
			chunks = append(chunks, e.Chunk)
		}
		res, reason, err := sg.Summarize(ctx, topic, chunks)
		if err == nil && reason == "" {
			res.Question = question
			res.TookMS = time.Since(start).Milliseconds()
			return res, nil
		}
		if ctx.Err() != nil {
			return Result{}, ctx.Err()
		}
		defer func() { s.logger.Warn("llm summary fallback", "reason", reason) }()
		out := extractiveSummary(question, topic, picked)
		out.FallbackReason = reason
		out.TookMS = time.Since(start).Milliseconds()
		return out, nil
	}
	out := extractiveSummary(question, topic, picked)
	out.TookMS = time.Since(start).Milliseconds()
	return out, nil
}

func extractiveSummary(question, topic string, picked []Evidence) Result {
	res := Result{Question: question, Mode: ModeExtractive, Citations: []Citation{}}
	if len(picked) == 0 {
		res.Answer = "The coverage does not mention this."
		if topic != "" {
			res.Answer = fmt.Sprintf("The coverage does not mention %q.", topic)
		}
		return res
	}
	res.Answered = true
	var b strings.Builder
	for i, e := range picked {
		c := citationFor(i+1, e)
		res.Citations = append(res.Citations, c)
		fmt.Fprintf(&b, "• “%s” [%d]\n", asQuoted(c.Quote), c.N)
	}
	res.Answer = strings.TrimRight(b.String(), "\n")
	return res
}

// summarySentences picks the sentences of a summary: with a topic, the
// best sentence about it from each article; without, each article's most
// central sentence (the one sharing the most informative words with the
// rest of the coverage), best first.
func (s *Service) summarySentences(ctx context.Context, topic, docID string) ([]Evidence, error) {
	if topic != "" {
		lq := s.corpus.Lexicon().Analyze(topic)
		hits, err := s.corpus.Search(ctx, lq, 24, s.ext.ranking)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		cands := s.ext.candidates(hits, lq)
		sortCandidates(cands)
		perDoc := map[string]int{}
		var out []Evidence
		for _, c := range cands {
			if docID != "" && c.doc.ID != docID || !c.inDoc || c.coverage < minCoverageNamed {
				continue
			}
			limit := 1
			if docID != "" {
				limit = maxSummarySentences
			}
			if perDoc[c.doc.ID] >= limit || len(out) == maxSummarySentences {
				continue
			}
			perDoc[c.doc.ID]++
			out = append(out, evidenceOf(c))
		}
		return out, nil
	}
	docs := s.corpus.Documents()
	if docID != "" {
		d, _ := s.corpus.Document(docID)
		docs = []retrieval.Document{d}
	}
	type scoredSentence struct {
		ev    Evidence
		score float64
	}
	var all []scoredSentence
	for _, d := range docs {
		var best []scoredSentence
		lead := true
		chunks := s.corpus.DocumentChunks(d.ID)
		if docID == "" && len(chunks) > leadChunks {
			chunks = chunks[:leadChunks] // news puts its point first; this bounds a coverage summary's cost
		}
		for _, ch := range chunks {
			p, ok := s.corpus.Paragraph(d.ID, ch.Paragraph)
			if !ok {
				continue
			}
			for _, sp := range p.Sentences {
				if sp.Start < ch.Start || sp.End > ch.End {
					continue
				}
				score := centrality(s.corpus, s.corpus.Lexicon(), d.Text[sp.Start:sp.End], d.Lang)
				if lead && docID != "" && score > 0 {
					score += 1e6 // an article's lead sentence states its news
					lead = false
				}
				best = append(best, scoredSentence{ev: Evidence{Doc: d, Paragraph: p.Index, Span: sp, Chunk: ch}, score: score})
			}
		}
		sort.SliceStable(best, func(i, j int) bool { return best[i].score > best[j].score })
		take := 1
		if docID != "" {
			take = maxSummarySentences
		}
		if len(best) > take {
			best = best[:take]
		}
		if docID != "" {
			sort.SliceStable(best, func(i, j int) bool { return best[i].ev.Span.Start < best[j].ev.Span.Start })
		}
		all = append(all, best...)
	}
	if docID == "" {
		sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	}
	if len(all) > maxSummarySentences {
		all = all[:maxSummarySentences]
	}
	out := make([]Evidence, len(all))
	for i, x := range all {
		out[i] = x.ev
	}
	return out, nil
}

// centrality scores a sentence by the informative words it shares with the
// rest of the coverage (how many chunks use a word, times its IDF: words
// neither everywhere nor unique), normalised by length so long sentences
// do not win by size alone.
func centrality(corpus Corpus, lex *lexicon.Lexicon, text, lang string) float64 {
	terms := lex.Terms(text, lang)
	if len(terms) < 5 {
		return 0 // fragments and labels do not summarise anything
	}
	seen := map[string]bool{}
	var sum float64
	for _, t := range terms {
		if seen[t] {
			continue
		}
		seen[t] = true
		sum += float64(corpus.DF(t)) * corpus.IDF(t)
	}
	return sum / float64(len(seen)+5)
}

func evidenceOf(c *candidate) Evidence {
	return Evidence{Doc: *c.doc, Paragraph: c.paragraph, Span: c.span, Chunk: c.chunk, Coverage: c.coverage, Score: c.score}
}
