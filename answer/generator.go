package answer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"unicode/utf8"

	"github.com/kabar-bot/kabar/cite"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/llm"
	"github.com/kabar-bot/kabar/prompts"
	"github.com/kabar-bot/kabar/retrieval"
)

// ChatModel is what the LLM answerer needs from a chat client; *llm.Client
// implements it. Errors should be *llm.Error so failures can be explained.
type ChatModel interface {
	Complete(ctx context.Context, msgs []llm.Message) (string, error)
	Stream(ctx context.Context, msgs []llm.Message, onDelta func(delta string)) (string, error)
}

// LLMConfig tunes an LLMGenerator. Zero fields take defaults.
type LLMConfig struct {
	K                int               // passages retrieved per question; 0 means 10
	Ranking          retrieval.Ranking // how they are found; the zero value is hybrid
	MaxContextTokens int               // budget of a whole request, prompt and reply; 0 means 6000
	// ReplyTokens is the part of the budget kept for the model's reply;
	// 0 means a quarter of MaxContextTokens, between 256 and 1024.
	ReplyTokens int
	Logger      *slog.Logger // nil discards
}

// LLMGenerator answers with a language model over numbered sources and
// verifies every citation the model writes before anyone sees it.
type LLMGenerator struct {
	model    ChatModel
	corpus   Corpus
	lex      *lexicon.Lexicon
	prompts  *prompts.Prompts
	verifier *cite.Verifier
	k        int
	ranking  retrieval.Ranking
	budget   int // tokens for the prompt
	logger   *slog.Logger
}

var _ Generator = (*LLMGenerator)(nil)

// NewLLMGenerator returns the LLM answerer over corpus.
func NewLLMGenerator(model ChatModel, corpus Corpus, cfg LLMConfig) (*LLMGenerator, error) {
	if model == nil || corpus == nil {
		return nil, errors.New("answer: the LLM answerer needs a chat model and a corpus")
	}
	p, err := prompts.New()
	if err != nil {
		return nil, err
	}
	if cfg.K <= 0 {
		cfg.K = 10
	}
	if cfg.MaxContextTokens <= 0 {
		cfg.MaxContextTokens = 6000
	}
	if cfg.ReplyTokens <= 0 {
		cfg.ReplyTokens = min(1024, max(256, cfg.MaxContextTokens/4))
	}
	if cfg.ReplyTokens >= cfg.MaxContextTokens {
		return nil, fmt.Errorf("answer: llm.max_context_tokens (%d) leaves no room for sources after %d tokens for the reply: raise it", cfg.MaxContextTokens, cfg.ReplyTokens)
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return &LLMGenerator{
		model: model, corpus: corpus, lex: corpus.Lexicon(), prompts: p,
		verifier: cite.NewVerifier(corpus.Lexicon()),
		k:        cfg.K, ranking: cfg.Ranking, budget: cfg.MaxContextTokens - cfg.ReplyTokens, logger: cfg.Logger,
	}, nil
}

// Generate answers q with the model. A model failure returns a short
// reason for the user (and the error) so the service can answer
// extractively instead; a canceled ctx returns ctx's error and no reason.
func (g *LLMGenerator) Generate(ctx context.Context, q Query, onPartial func(string)) (Result, string, error) {
	res := Result{Question: q.Question, Mode: ModeLLM, Citations: []Citation{}}
	lang := g.lex.Analyze(q.Question).Lang
	searchText, err := g.standalone(ctx, q, lang)
	if err != nil {
		return res, g.failure(ctx, "query rewrite", err), err
	}
	k := q.K
	if k <= 0 {
		k = g.k
	}
	sources, err := g.retrieve(ctx, searchText, k)
	if err != nil {
		if ctx.Err() != nil {
			return res, "", ctx.Err()
		}
		return res, "searching the coverage failed", err
	}
	if len(sources) == 0 {
		return declined(res, lang), "", nil
	}
	system, err := g.prompts.System()
	if err != nil {
		return res, "the answer prompt could not be built", err
	}
	user, sources, err := g.fit(system, sources, func(ps []prompts.Source) (string, error) {
		return g.prompts.Answer(q.Question, ps)
	})
	if err != nil {
		return res, "the sources do not fit in llm.max_context_tokens; raise it", err
	}
	msgs := []llm.Message{{Role: "system", Content: system}, {Role: "user", Content: user}}
	reply, err := g.call(ctx, msgs, onPartial, len(sources))
	if err != nil {
		return res, g.failure(ctx, "answer", err), err
	}
	return g.finish(res, reply, sources, func(r Result) Result { return declined(r, lang) }), "", nil
}

// finish turns the model's reply into a verified result: a decline, or
// the answer with only the citations that hold, renumbered.
func (g *LLMGenerator) finish(res Result, reply string, sources []source, decline func(Result) Result) Result {
	if prompts.Declined(reply) {
		g.logger.Debug("llm declined", "sources", len(sources))
		return decline(res)
	}
	rep := g.verifier.Verify(reply, citeSources(sources))
	dropped := 0
	for _, s := range rep.Sentences {
		if !s.Kept {
			dropped++
		}
	}
	g.logger.Debug("llm answer verified", "sentences", len(rep.Sentences), "dropped", dropped, "sources", len(sources))
	if rep.Text == "" {
		return decline(res)
	}
	res.Answered = true
	res.Answer, res.Citations = g.citations(rep.Text, sources)
	return res
}

// call asks the model, streaming when someone is watching. Streamed text
// is passed on as it grows, unverified but without markers naming no
// source, and never a decline, which callers replace with their own
// message. The final text is verified by the caller.
func (g *LLMGenerator) call(ctx context.Context, msgs []llm.Message, onPartial func(string), nSources int) (string, error) {
	if onPartial == nil {
		return g.model.Complete(ctx, msgs)
	}
	var acc strings.Builder
	shown := ""
	return g.model.Stream(ctx, msgs, func(delta string) {
		acc.WriteString(delta)
		text := acc.String()
		if mayBeDecline(text) {
			return
		}
		text = cite.FilterMarkers(withoutOpenMarker(text), func(n int) bool { return n >= 1 && n <= nSources })
		if len(text) > len(shown) && strings.HasPrefix(text, shown) {
			shown = text
			onPartial(text)
		}
	})
}

// withoutOpenMarker holds back a marker still being written ("... [1"), so
// streamed text only ever grows.
func withoutOpenMarker(text string) string {
	i := strings.LastIndexByte(text, '[')
	if i < 0 || strings.IndexByte(text[i:], ']') >= 0 || len(text)-i > 24 {
		return text
	}
	return text[:i]
}

// mayBeDecline reports whether streamed text is, or may still become, the
// decline marker.
func mayBeDecline(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n")
	if len(t) < len(prompts.DeclineMarker) {
		return strings.HasPrefix(prompts.DeclineMarker, t)
	}
	return strings.HasPrefix(t, prompts.DeclineMarker)
}

// standalone returns the text to search with: the model's standalone
// query when the question is a follow-up or not in the corpus's language,
// the question otherwise or when the model fails (the offline lexicon
// translates English). It returns an error only when answering is
// pointless too: the caller canceled, or the server is unreachable or
// refuses the key.
func (g *LLMGenerator) standalone(ctx context.Context, q Query, lang string) (string, error) {
	if len(q.History) == 0 && lang == "id" {
		return q.Question, nil
	}
	turns := make([]prompts.Turn, len(q.History))
	for i, t := range q.History {
		turns[i] = prompts.Turn{Question: t.Question, Answer: cite.StripMarkers(t.Answer)}
	}
	msg, err := g.prompts.Rewrite(q.Question, turns)
	// A long thread keeps its latest turns: they are what "he" and "that"
	// refer to.
	for err == nil && len(turns) > 0 && estimateTokens(msg) > g.budget {
		turns = turns[1:]
		msg, err = g.prompts.Rewrite(q.Question, turns)
	}
	if err != nil || estimateTokens(msg) > g.budget {
		return q.Question, nil
	}
	out, err := g.model.Complete(ctx, []llm.Message{{Role: "user", Content: msg}})
	if err != nil {
		switch llm.KindOf(err) {
		case llm.Unreachable, llm.Auth, llm.Canceled:
			return "", err
		}
		if ctx.Err() != nil {
			return "", err
		}
		g.logger.Warn("llm query rewrite failed; searching with the question", "reason", reasonFor(err))
		return q.Question, nil
	}
	rewritten := cleanQuery(out)
	if rewritten == "" {
		return q.Question, nil
	}
	g.logger.Debug("llm query rewrite", "query", rewritten)
	// The question stays in the search so a poor rewrite cannot lose it.
	return rewritten + ". " + q.Question, nil
}

// maxQueryRunes bounds a rewritten query: a model rambling is not a query.
const maxQueryRunes = 300

// cleanQuery keeps the first line of a rewrite, without quotes or a label.
func cleanQuery(s string) string {
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || prompts.Declined(line) {
			continue
		}
		if i := strings.Index(line, ":"); i >= 0 && i < 20 && strings.Contains(strings.ToLower(line[:i]), "query") {
			line = strings.TrimSpace(line[i+1:])
		}
		line = strings.Trim(line, "\"'`“”")
		if utf8.RuneCountInString(line) > maxQueryRunes {
			line = string([]rune(line)[:maxQueryRunes])
		}
		return strings.TrimSpace(line)
	}
	return ""
}

// failure turns a model error into the reason shown to users; a canceled
// caller gets no reason, so the service returns the context's error.
func (g *LLMGenerator) failure(ctx context.Context, op string, err error) string {
	if ctx.Err() != nil {
		return ""
	}
	reason := reasonFor(err)
	g.logger.Warn("llm failed", "op", op, "kind", llm.KindOf(err).String(), "error", err.Error())
	return reason
}

// reasonFor explains a model failure in a short sentence, without the
// server's own words (which may echo a key or a prompt).
func reasonFor(err error) string {
	switch llm.KindOf(err) {
	case llm.Unreachable:
		return "the language model could not be reached"
	case llm.Timeout:
		return "the language model timed out"
	case llm.RateLimited:
		return "the language model is rate-limiting requests"
	case llm.Server:
		return "the language model server failed"
	case llm.Auth:
		return "the language model rejected the API key"
	case llm.BadRequest:
		return "the language model rejected the request"
	case llm.Canceled:
		return "the request was canceled"
	}
	return "the language model failed"
}

// declined is the answer when the coverage does not answer.
func declined(res Result, lang string) Result {
	res.Answered = false
	res.Citations = []Citation{}
	res.Answer = declineText(lang != "id")
	return res
}
