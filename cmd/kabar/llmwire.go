package main

import (
	"log/slog"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/config"
	"github.com/kabar-bot/kabar/retrieval"
)

// newEmbedder returns the configured embedder.
func newEmbedder(cfg config.Config, dataDir string, getenv func(string) string, logger *slog.Logger) (retrieval.Embedder, error) {
	return retrieval.NewLocalEmbedder(), nil
}

// newGenerator returns the LLM answerer, or nil when none is configured.
func newGenerator(e *env, ix *retrieval.Index) (answer.Generator, error) {
	return nil, nil
}
