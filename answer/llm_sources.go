package answer

import (
	"context"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/prompts"
	"github.com/kabar-bot/kabar/retrieval"
)

// source is a retrieved chunk offered to the model as [n].
type source struct {
	n     int
	chunk retrieval.Chunk
	doc   retrieval.Document
}

// retrieve searches the coverage and numbers the passages found 1..n,
// best first; near-duplicates of other outlets follow the distinct hits.
func (g *LLMGenerator) retrieve(ctx context.Context, text string, k int) ([]source, error) {
	lq := g.lex.Analyze(text)
	hits, err := g.corpus.Search(ctx, lq, k, g.ranking)
	if err != nil && g.ranking != retrieval.RankLexical {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		// A remote embedder may be down while the lexical index is fine.
		g.logger.Warn("search failed; searching lexically", "ranking", g.ranking.String(), "error", err.Error())
		if hits, err = g.corpus.Search(ctx, lq, k, retrieval.RankLexical); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	} else if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var chunks []retrieval.Chunk
	for _, h := range hits {
		chunks = append(chunks, h.Chunk)
	}
	for _, h := range hits {
		chunks = append(chunks, h.Duplicates...)
	}
	return g.sourcesFrom(chunks), nil
}

// sourcesFrom numbers chunks as sources, skipping repeats and chunks whose
// text is no longer the document's (so every quote stays verbatim).
func (g *LLMGenerator) sourcesFrom(chunks []retrieval.Chunk) []source {
	var out []source
	seen := map[string]bool{}
	for _, ch := range chunks {
		key := fmt.Sprintf("%s@%d-%d", ch.DocID, ch.Start, ch.End)
		if seen[key] {
			continue
		}
		doc, ok := g.corpus.Document(ch.DocID)
		if !ok || ch.Start < 0 || ch.End > len(doc.Text) || ch.Start >= ch.End || doc.Text[ch.Start:ch.End] != ch.Text {
			continue
		}
		seen[key] = true
		out = append(out, source{n: len(out) + 1, chunk: ch, doc: doc})
	}
	return out
}

func promptSources(sources []source) []prompts.Source {
	out := make([]prompts.Source, len(sources))
	for i, s := range sources {
		out[i] = prompts.Source{N: s.n, DocID: s.doc.ID, Title: s.doc.Title, Outlet: s.doc.Outlet, Published: s.doc.Published, Text: s.chunk.Text}
	}
	return out
}

func citeSources(sources []source) []cite.Source {
	out := make([]cite.Source, len(sources))
	for i, s := range sources {
		// The model saw the title with the passage; names it takes from
		// there are fair.
		out[i] = cite.Source{N: s.n, DocID: s.doc.ID, Text: s.chunk.Text, Context: s.doc.Title, Outlet: s.doc.Outlet}
	}
	return out
}

// errNoRoom means not even one source fits the token budget.
var errNoRoom = errors.New("not even one source fits in llm.max_context_tokens")

// fit renders the user message with as many sources as the token budget
// allows, dropping the weakest (last) first.
func (g *LLMGenerator) fit(system string, sources []source, render func([]prompts.Source) (string, error)) (string, []source, error) {
	for n := len(sources); n >= 1; n-- {
		user, err := render(promptSources(sources[:n]))
		if err != nil {
			return "", nil, err
		}
		if estimateTokens(system)+estimateTokens(user) <= g.budget {
			if n < len(sources) {
				g.logger.Debug("sources trimmed to the token budget", "kept", n, "retrieved", len(sources))
			}
			return user, sources[:n], nil
		}
	}
	return "", nil, errNoRoom
}

// estimateTokens is a conservative count for budgeting: about four
// characters a token, for English and Indonesian alike.
func estimateTokens(s string) int {
	return (utf8.RuneCountInString(s) + 3) / 4
}
