package main

import (
	"fmt"
	"log/slog"
	"path/filepath"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/config"
	"github.com/kabar-bot/kabar/llm"
	"github.com/kabar-bot/kabar/retrieval"
)

// newEmbedder returns the configured embedder: the offline one, or an
// OpenAI-compatible /v1/embeddings model with an on-disk cache under the
// index directory, so re-indexing never pays twice.
func newEmbedder(cfg config.Config, dataDir string, getenv func(string) string, logger *slog.Logger) (retrieval.Embedder, error) {
	switch cfg.Embeddings.Provider {
	case "", "local":
		return retrieval.NewLocalEmbedder(), nil
	case "openai":
	default:
		return nil, usagef("embeddings.provider must be local or openai, not %q", cfg.Embeddings.Provider)
	}
	base := cfg.Embeddings.BaseURL
	if base == "" {
		base = cfg.LLM.BaseURL
	}
	client, err := llm.New(llm.Config{
		BaseURL:        base,
		APIKey:         cfg.APIKey(getenv),
		EmbeddingModel: cfg.Embeddings.Model,
		Timeout:        cfg.LLM.Timeout.D(),
		MaxRetries:     llmRetries(cfg.LLM.MaxRetries),
		Logger:         logger,
	})
	if err != nil {
		return nil, usageError{fmt.Sprintf("embeddings: %v", err)}
	}
	e, err := llm.NewEmbedder(client, cfg.Embeddings.Model, filepath.Join(dataDir, "embeddings"))
	if err != nil {
		return nil, err
	}
	return e, nil
}

// newGenerator returns the LLM answerer, or nil when none is configured.
func newGenerator(e *env, ix *retrieval.Index) (answer.Generator, error) {
	cfg := e.cfg
	if !cfg.LLMEnabled() {
		return nil, nil
	}
	client, err := llm.New(llm.Config{
		BaseURL:           cfg.LLM.BaseURL,
		APIKey:            cfg.APIKey(e.getenv),
		Model:             cfg.LLM.Model,
		Timeout:           cfg.LLM.Timeout.D(),
		StreamIdleTimeout: cfg.LLM.StreamIdle.D(),
		MaxRetries:        llmRetries(cfg.LLM.MaxRetries),
		MaxTokens:         cfg.LLM.MaxTokens,
		MaxReplyBytes:     cfg.LLM.MaxReplyBytes,
		Logger:            e.logger,
	})
	if err != nil {
		return nil, usageError{fmt.Sprintf("llm: %v", err)}
	}
	gen, err := answer.NewLLMGenerator(client, ix, answer.LLMConfig{
		K:                cfg.Retrieval.K,
		Ranking:          rankingOf(cfg.Retrieval.Ranking),
		MaxContextTokens: cfg.LLM.MaxContextTokens,
		ReplyTokens:      min(cfg.LLM.MaxTokens, cfg.LLM.MaxContextTokens/2),
		ModelTimeout:     cfg.LLM.Timeout.D(),
		Logger:           e.logger,
		VerifyWithModel:  cfg.LLM.VerifyWithModel,
	})
	if err != nil {
		return nil, usageError{err.Error()}
	}
	return gen, nil
}

// llmRetries maps llm.max_retries, where 0 means no retries, onto the
// client's convention, where 0 means the default and negative means none.
func llmRetries(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}
