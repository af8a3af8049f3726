package answer

import (
	"context"

	"github.com/kabar-bot/kabar/llm"
	"github.com/kabar-bot/kabar/prompts"
	"github.com/kabar-bot/kabar/retrieval"
)

// Summarize asks the model for a cited summary of chunks, about topic when
// it is not empty, verified like an answer. Like Generate, a model failure
// returns a short reason (and the error) so the caller can fall back.
func (g *LLMGenerator) Summarize(ctx context.Context, topic string, chunks []retrieval.Chunk) (Result, string, error) {
	res := Result{Question: topic, Mode: ModeLLM, Citations: []Citation{}}
	lang := "en"
	if topic != "" {
		lang = g.lex.Analyze(topic).Lang
	}
	decline := func(r Result) Result { return summaryDeclined(r, lang) }
	sources := g.sourcesFrom(chunks)
	if len(sources) == 0 {
		return decline(res), "", nil
	}
	system, err := g.prompts.System()
	if err != nil {
		return res, "the summary prompt could not be built", err
	}
	user, sources, err := g.fit(system, sources, func(ps []prompts.Source) (string, error) {
		return g.prompts.Summary(topic, ps)
	})
	if err != nil {
		return res, "the sources do not fit in llm.max_context_tokens; raise it", err
	}
	mctx, cancel := g.modelContext(ctx)
	defer cancel(nil)
	rv := g.newReplyVerifier(ctx, sources, nil, cancel)
	err = g.call(mctx, []llm.Message{{Role: "system", Content: system}, {Role: "user", Content: user}}, rv, false)
	return g.conclude(ctx, res, rv, err, "summary", decline)
}

func summaryDeclined(res Result, lang string) Result {
	res.Answered = false
	res.Citations = []Citation{}
	if lang == "id" {
		res.Answer = "Liputan tidak memuat apa pun tentang topik ini."
	} else {
		res.Answer = "The coverage has nothing on this topic."
	}
	return res
}
