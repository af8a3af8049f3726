package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/kabar-bot/kabar/answer"
	"github.com/kabar-bot/kabar/config"
	"github.com/kabar-bot/kabar/lexicon"
	"github.com/kabar-bot/kabar/retrieval"
	"github.com/kabar-bot/kabar/seeds"
)

// env is what a command needs once configuration is resolved.
type env struct {
	cfg      config.Config
	logger   *slog.Logger
	lex      *lexicon.Lexicon
	corpus   fs.FS
	corpusID string // shown to users: a path or "bundled articles"
	dataDir  string
	embedder retrieval.Embedder
	getenv   func(string) string
}

// loadEnv resolves configuration, flags and environment into an env.
func loadEnv(c common, stderr io.Writer, getenv func(string) string) (*env, error) {
	cfg, warns, err := config.Load(c.config, getenv)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	if c.corpus != "" {
		cfg.Corpus = c.corpus
	}
	if c.data != "" {
		cfg.DataDir = c.data
	}
	e := &env{cfg: cfg, getenv: getenv, logger: newLogger(cfg.Log, stderr)}
	for _, w := range warns {
		e.logger.Warn("config", "warning", string(w))
	}
	if e.lex, err = lexicon.New(); err != nil {
		return nil, err
	}
	if cfg.Corpus == "" {
		e.corpus, e.corpusID = seeds.FS, "bundled articles"
	} else {
		abs, err := filepath.Abs(cfg.Corpus)
		if err != nil {
			return nil, usagef("corpus %s: %v", cfg.Corpus, err)
		}
		st, err := os.Stat(abs)
		if err != nil {
			return nil, usagef("corpus %s: %v (give --corpus a folder of .txt, .md or .html articles)", cfg.Corpus, unwrapPathError(err))
		}
		if !st.IsDir() {
			return nil, usagef("corpus %s is not a folder (give --corpus a folder of .txt, .md or .html articles)", cfg.Corpus)
		}
		e.corpus, e.corpusID = retrieval.DirFS(abs), abs
	}
	e.dataDir = cfg.DataDir
	if e.dataDir == "" {
		e.dataDir, err = defaultDataDir(e.corpusID)
		if err != nil {
			return nil, err
		}
	}
	e.embedder, err = newEmbedder(cfg, e.dataDir, getenv, e.logger)
	if err != nil {
		return nil, err
	}
	return e, nil
}

// defaultDataDir keeps one index per corpus under the user cache directory.
func defaultDataDir(corpusID string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory (%v): pass --data DIR", err)
	}
	name := "seeds"
	if corpusID != "bundled articles" {
		sum := sha256.Sum256([]byte(corpusID))
		name = filepath.Base(corpusID) + "-" + hex.EncodeToString(sum[:6])
	}
	return filepath.Join(base, "kabar", name), nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func newLogger(c config.Log, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Level))
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// openIndex brings the index up to date with the corpus and loads it. The
// corpus is the source of truth and the index a cache of it: a corrupt
// index (a crash mid-write on a filesystem without atomic rename, a disk
// error) is reported and rebuilt rather than left to stop the bot. An
// index built by another embedder is not: re-embedding may cost money, so
// that stays the user's call (`kabar index --rebuild`).
func (e *env) openIndex(ctx context.Context, rebuild bool, progress func(retrieval.Progress), warn func(retrieval.Skipped)) (*retrieval.Index, retrieval.Stats, error) {
	opts := retrieval.Options{
		Corpus: e.corpus, CorpusName: e.corpusID, DataDir: e.dataDir, Embedder: e.embedder, Lexicon: e.lex,
		Rebuild: rebuild, Progress: progress, Warn: warn, Logger: e.logger,
	}
	ix, st, err := retrieval.Build(ctx, opts)
	if errors.Is(err, retrieval.ErrCorruptIndex) && !rebuild {
		e.logger.Warn("the index cannot be used (damaged, or from another Kabar version); rebuilding it from the corpus", "data", e.dataDir, "error", err.Error())
		opts.Rebuild = true
		ix, st, err = retrieval.Build(ctx, opts)
	}
	if err != nil {
		return nil, st, err
	}
	if st.Documents == 0 {
		return nil, st, usagef("corpus %s has no readable articles (.txt, .md, .html)", e.corpusID)
	}
	return ix, st, nil
}

// service builds the answering pipeline, with the LLM when configured.
func (e *env) service(ix *retrieval.Index) (*answer.Service, error) {
	gen, err := newGenerator(e, ix)
	if err != nil {
		return nil, err
	}
	return answer.NewService(ix, answer.Options{K: e.cfg.Retrieval.K, Ranking: rankingOf(e.cfg.Retrieval.Ranking)}, gen, e.logger), nil
}

// rankingOf maps the validated configuration value to a ranking.
func rankingOf(name string) retrieval.Ranking {
	switch name {
	case "vector":
		return retrieval.RankVector
	case "hybrid":
		return retrieval.RankHybrid
	}
	return retrieval.RankLexical
}
