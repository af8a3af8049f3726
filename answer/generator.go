package answer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
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
	// ModelTimeout is the most time the model gets for one answer, query
	// rewrite and retries included; 0 means DefaultModelTimeout. Under a
	// caller's deadline it also gets at most three quarters of the time
	// left, so the quote answer always has time to follow.
	ModelTimeout time.Duration
	Logger       *slog.Logger // nil discards
	// VerifyWithModel asks the model, after the citation check, whether
	// each cited passage entails its sentence (answer/entail.go).
	VerifyWithModel bool
	// VerifyTimeout bounds one entailment request; 0 means
	// DefaultEntailTimeout.
	VerifyTimeout time.Duration
}

// DefaultModelTimeout is the model's budget for one answer.
const DefaultModelTimeout = 30 * time.Second

// LLMGenerator answers with a language model over numbered sources and
// verifies every citation the model writes before anyone sees it.
type LLMGenerator struct {
	model     ChatModel
	corpus    Corpus
	lex       *lexicon.Lexicon
	prompts   *prompts.Prompts
	verifier  *cite.Verifier
	k         int
	ranking   retrieval.Ranking
	budget    int // tokens for the prompt
	modelFor  time.Duration
	logger    *slog.Logger
	entailOn  bool          // the model's second opinion (entail.go)
	entailFor time.Duration // its deadline per request
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
	if cfg.ModelTimeout <= 0 {
		cfg.ModelTimeout = DefaultModelTimeout
	}
	if cfg.VerifyTimeout <= 0 {
		cfg.VerifyTimeout = DefaultEntailTimeout
	}
	return &LLMGenerator{modelFor: cfg.ModelTimeout, entailOn: cfg.VerifyWithModel, entailFor: cfg.VerifyTimeout,
		model: model, corpus: corpus, lex: corpus.Lexicon(), prompts: p,
		verifier: cite.NewVerifier(corpus.Lexicon()),
		k:        cfg.K, ranking: cfg.Ranking, budget: cfg.MaxContextTokens - cfg.ReplyTokens, logger: cfg.Logger,
	}, nil
}

// Generate answers q with the model. A model failure returns a short
// reason for the user (and the error) so the service can answer
// extractively instead; a canceled ctx returns ctx's error and no reason.
// onPartial, when not nil, receives the verified answer as it grows: each
// sentence of the model's reply is checked against its cited sources as
// soon as it is complete, and only the sentences that hold are passed on.
func (g *LLMGenerator) Generate(ctx context.Context, q Query, onPartial func(string)) (Result, string, error) {
	res := Result{Question: q.Question, Mode: ModeLLM, Citations: []Citation{}}
	lang := g.lex.Analyze(q.Question).Lang
	mctx, cancel := g.modelContext(ctx)
	defer cancel(nil)
	searchText, err := g.standalone(mctx, q, lang)
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
	rv := g.newReplyVerifier(ctx, sources, onPartial, cancel)
	err = g.call(mctx, msgs, rv, onPartial != nil)
	return g.conclude(ctx, res, rv, err, "answer", func(r Result) Result { return declined(r, lang) })
}

// modelContext bounds the model's part of one answer: ModelTimeout, and
// at most three quarters of the caller's time left, so that a slow or
// stalled model leaves time for the quote answer.
func (g *LLMGenerator) modelContext(ctx context.Context) (context.Context, context.CancelCauseFunc) {
	budget := g.modelFor
	if dl, ok := ctx.Deadline(); ok {
		budget = min(budget, time.Until(dl)*3/4)
	}
	tctx, stop := context.WithTimeout(ctx, budget)
	cctx, cancel := context.WithCancelCause(tctx)
	return cctx, func(cause error) { cancel(cause); stop() }
}

// call asks the model and feeds its reply to rv: streamed when someone is
// watching, so sentences are verified and shown as they complete.
func (g *LLMGenerator) call(ctx context.Context, msgs []llm.Message, rv *replyVerifier, stream bool) error {
	if !stream {
		reply, err := g.model.Complete(ctx, msgs)
		rv.feed(reply)
		return err
	}
	_, err := g.model.Stream(ctx, msgs, rv.feed)
	return err
}

// conclude turns a verified reply, or the model's failure, into the
// result: the verified answer (also when the model failed after some
// verified sentences were shown), a decline, or a reason to fall back.
func (g *LLMGenerator) conclude(ctx context.Context, res Result, rv *replyVerifier, err error, op string, decline func(Result) Result) (Result, string, error) {
	if ctx.Err() != nil {
		return res, "", ctx.Err()
	}
	cut := rv.cut != "" || llm.KindOf(err) == llm.TooLarge
	if err != nil && !cut {
		rv.end(false)
		if rv.err == nil && len(rv.kept) > 0 {
			g.logger.Warn("llm failed after verified sentences were shown; keeping them", "op", op,
				"kind", llm.KindOf(err).String(), "error", err.Error(), "sentences", len(rv.kept))
			return g.finish(res, rv, decline), "", nil
		}
		if rv.err != nil {
			return res, "", rv.err
		}
		return res, g.failure(ctx, op, err), err
	}
	rv.end(!cut)
	if rv.err != nil {
		return res, "", rv.err
	}
	if cut {
		why := rv.cut
		if why == "" {
			why = "too large"
		}
		g.logger.Warn("llm reply cut; verified as far as it goes", "op", op, "why", why, "sentences", len(rv.kept))
		if len(rv.kept) == 0 {
			e := err
			if e == nil {
				e = fmt.Errorf("llm reply cut: %s", why)
			}
			return res, "the language model's reply was too long and had no verified answer in it", e
		}
	}
	return g.finish(res, rv, decline), "", nil
}

// finish turns a verified reply into the result: a decline, or the answer
// with only the citations that hold, renumbered.
func (g *LLMGenerator) finish(res Result, rv *replyVerifier, decline func(Result) Result) Result {
	res.Verification = rv.mc.verification()
	if prompts.Declined(rv.reply()) {
		g.logger.Debug("llm declined", "sources", len(rv.sources))
		return decline(res)
	}
	g.logger.Debug("llm answer verified", "sentences", rv.seen, "dropped", rv.dropped, "kept", len(rv.kept), "sources", len(rv.sources))
	text := rv.answer()
	if text == "" {
		return decline(res)
	}
	res.Answered = true
	res.Answer, res.Citations = g.citations(text, rv.sources)
	return res
}

// mayBeDecline reports whether streamed text is, or may still become, the
// decline marker.
func mayBeDecline(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n")
	if len(t) < len(prompts.DeclineMarker) {
		return strings.HasPrefix(prompts.DeclineMarker, t)
	}
	return false
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
	case llm.Malformed:
		return "the language model sent a malformed reply"
	case llm.TooLarge:
		return "the language model's reply was too long"
	case llm.Empty:
		return "the language model sent an empty reply"
	case llm.ToolCalls:
		return "the language model answered with tool calls instead of text"
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
